"""Training code (the NER). Only ``kg train-ner`` imports it, lazily: the
runtime pipeline never does."""
