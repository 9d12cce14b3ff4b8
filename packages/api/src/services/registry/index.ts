// The registry use cases, one transaction each.
