// The frameworks use cases, one transaction each.
