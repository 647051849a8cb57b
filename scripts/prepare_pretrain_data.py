#!/usr/bin/env python3
"""Curate a directory of source code into sharded JSONL: see ``python -m tritter_data prepare --help``."""

import sys

from tritter_data.cli import main

sys.exit(main(["prepare", *sys.argv[1:]]))
