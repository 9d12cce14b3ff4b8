// The plans use cases, one transaction each.
