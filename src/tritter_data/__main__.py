"""``python -m tritter_data`` entry point."""

import os
import signal
import sys


def _interrupted_while_importing(signum: int, frame: object) -> None:
    """Ctrl-C before any command runs: nothing was written, so one line and out (no traceback)."""
    os.write(2, b"tritter-data: interrupted before the run started; nothing was written\n")
    os._exit(130)


signal.signal(signal.SIGINT, _interrupted_while_importing)
from tritter_data.cli import build_parser, main  # noqa: E402  (the handler must be in place first)

parser = build_parser()  # imports every command module under the same handler

signal.signal(signal.SIGINT, signal.default_int_handler)  # from here on the commands handle Ctrl-C
sys.exit(main(parser=parser))
