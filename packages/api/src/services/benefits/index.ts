// The benefits use cases, one transaction each.
