// The accounts use cases, one transaction each.
