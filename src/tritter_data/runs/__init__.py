"""Whole runs: accounting (``RunStats``), progress, and the resumable curate run."""
