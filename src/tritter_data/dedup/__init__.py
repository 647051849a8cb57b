"""Deduplication: exact (in the run), near-duplicate and benchmark decontamination (post)."""
