"""Scoring against gold files (``kg evaluate``). Only the CLI imports it,
lazily: the runtime pipeline never does."""
