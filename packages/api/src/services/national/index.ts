// The national use cases, one transaction each.
