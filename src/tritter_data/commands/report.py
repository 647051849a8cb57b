"""``report``: one self-contained HTML page from the manifests of a run."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from tritter_data.core.errors import UsageError


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "report", help="render a run's manifests as one self-contained HTML page",
        description="Read the manifests in OUT (and one level below, plus any --manifest FILE) and write one "
                    "HTML page with inline charts: no scripts, no network, opens from a file.",
    )
    parser.add_argument("out", type=Path, metavar="OUT", help="output directory of a run (holds manifest.json)")
    parser.add_argument("--output", type=Path, help="where to write the page (default OUT/report.html)")
    parser.add_argument("--manifest", type=Path, action="append", default=[], metavar="FILE",
                        help="another manifest to include (dedup, decontaminate, mix, curate); repeatable")
    parser.add_argument("--examples", type=int, default=4,
                        help="example explanations of negatives to show (default 4)")
    return parser


def run(args: argparse.Namespace) -> int:
    from tritter_data.report import write_report

    if args.examples < 0:
        raise UsageError(f"--examples must be 0 or more, got {args.examples}")
    path = write_report(args.out, args.output, args.manifest, args.examples)
    print(f"report: {path}")
    return 0
