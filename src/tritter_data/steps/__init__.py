"""Corpus steps: global passes over a whole shard set (near-dedup, decontamination)."""
