#!/usr/bin/env python3
"""Copy the installed distributions' READMEs and doc files: see ``--help``."""

import sys

from tritter_data.sources.package_docs import main

sys.exit(main(sys.argv[1:]))
