"""``python -m tritter_data`` entry point."""

import sys

from tritter_data.cli import main

sys.exit(main())
