// The snapshots use cases, one transaction each.
