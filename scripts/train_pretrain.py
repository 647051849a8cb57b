#!/usr/bin/env python3
"""Pretrain on curated shards: see ``python -m tritter_data train --help``."""

import sys

from tritter_data.cli import main

sys.exit(main(["train", *sys.argv[1:]]))
