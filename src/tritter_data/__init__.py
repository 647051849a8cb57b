"""tritter-data: curated, safe, deduplicated, labelled code for training Tritter."""

__version__ = "0.1.0"
