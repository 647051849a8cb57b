"""Per-file stages: each returns the sample (possibly enriched) or a ``Reject`` with a stable reason."""
