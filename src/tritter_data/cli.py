"""``python -m tritter_data <command>``: a thin layer over the command modules.

``main(argv)`` returns an exit code, so tests call ``main(["prepare", ...])`` directly.
Configuration problems print one line and return 2; no traceback reaches the user. An
``OSError`` that reaches this boundary (an output under a regular file, a read-only
directory, ``/proc``, a full disk) is the same: ``error: PATH: strerror``, exit 2. A run
that finished but cannot be trusted (``RunFailed``) prints one line and returns 3.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence

from tritter_data import __version__
from tritter_data.core.errors import RunFailed, UsageError

#: Subcommands, in the order ``--help`` lists them; each module has add_parser and run.
COMMANDS = ("prepare", "dedup", "decontaminate", "conversations", "curate", "mix", "train", "report")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    """The whole command line. The command modules hold argparse only at import time (their
    runs import numpy, the stages and the steps inside ``run``), so this takes milliseconds;
    ``tests/commands/test_cli_imports.py`` keeps it that way."""
    parser = _Parser(prog="tritter_data", description="Curate source code into training data for Tritter.")
    parser.add_argument("--version", action="version", version=f"tritter-data {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug details to stderr")
    subparsers = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for name in COMMANDS:
        module = importlib.import_module(f"tritter_data.commands.{name}")
        sub = module.add_parser(subparsers)
        sub.set_defaults(_run=module.run)
    return parser


def main(argv: Sequence[str] | None = None, parser: argparse.ArgumentParser | None = None) -> int:
    """Run one command; ``parser``: one ``build_parser`` made already (``__main__`` does)."""
    if parser is None:
        try:
            parser = build_parser()  # imports every command: Ctrl-C may land here too
        except KeyboardInterrupt:
            print("tritter-data: interrupted before the run started; nothing was written", file=sys.stderr)
            return 130
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    try:
        return int(args._run(args))
    except UsageError as error:
        print(f"{parser.prog} {args.command}: error: {error}", file=sys.stderr)
        return 2
    except RunFailed as error:
        print(f"{parser.prog} {args.command}: failed: {error}", file=sys.stderr)
        return RunFailed.exit_code
    except OSError as error:
        logging.getLogger(__name__).debug("OSError at the command boundary", exc_info=True)
        print(f"{parser.prog} {args.command}: error: {describe_os_error(error)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"{parser.prog} {args.command}: interrupted", file=sys.stderr)
        return 130


def describe_os_error(error: OSError) -> str:
    """``PATH: strerror`` (both paths for a rename), on one line.

    >>> describe_os_error(NotADirectoryError(20, "Not a directory", "/etc/hosts/out"))
    '/etc/hosts/out: Not a directory'
    """
    reason = error.strerror or str(error) or type(error).__name__
    paths = [os.fsdecode(p) if isinstance(p, (str, bytes)) else str(p)
             for p in (error.filename, error.filename2) if p is not None]
    where = " -> ".join(paths)
    line = f"{where}: {reason}" if where else reason
    return line.replace("\n", " ")
