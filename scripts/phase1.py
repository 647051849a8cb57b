#!/usr/bin/env python3
"""The card's Phase 1 mix on local inputs, every step reported: see ``--help`` and ``make phase1``."""

import sys

from tritter_data.runs.phase1 import main

sys.exit(main(sys.argv[1:]))
