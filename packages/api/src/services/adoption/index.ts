// The adoption use cases, one transaction each.
