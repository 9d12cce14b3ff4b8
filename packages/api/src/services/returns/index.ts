// The returns use cases, one transaction each.
