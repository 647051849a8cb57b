#!/usr/bin/env python3
"""Curate The Stack v2 / Stack-Edu into data/curated: see ``python -m tritter_data curate --help``."""

import sys

from tritter_data.cli import main

sys.exit(main(["curate", *sys.argv[1:]]))
