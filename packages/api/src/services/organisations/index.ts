// The organisations use cases, one transaction each.
