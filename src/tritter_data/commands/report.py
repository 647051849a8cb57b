"""``report``: one self-contained HTML page from the manifests of a run."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from tritter_data.core.errors import UsageError
from tritter_data.io.storage import (
    StorageOptions,
    endpoint_options,
    is_url,
    join,
    local_copy,
    parse_location,
    upload,
)


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "report", help="render a run's manifests as one self-contained HTML page",
        description="Read the manifests in OUT (and one level below, plus any --manifest FILE) and write one "
                    "HTML page with inline charts: no scripts, no network, opens from a file.",
    )
    parser.add_argument("out", type=parse_location, metavar="OUT",
                        help="output directory (or s3://bucket/prefix) of a run (holds manifest.json)")
    parser.add_argument("--output", type=parse_location,
                        help="where to write the page (default OUT/report.html; a path or a URL)")
    parser.add_argument("--manifest", type=Path, action="append", default=[], metavar="FILE",
                        help="another manifest to include (dedup, decontaminate, mix, curate); repeatable")
    parser.add_argument("--examples", type=int, default=4,
                        help="example explanations of negatives to show (default 4)")
    parser.add_argument("--s3-endpoint-url", default=None, metavar="URL",
                        help="S3-compatible endpoint for s3:// locations (default: AWS_ENDPOINT_URL or AWS)")
    return parser


def run(args: argparse.Namespace) -> int:
    if args.examples < 0:
        raise UsageError(f"--examples must be 0 or more, got {args.examples}")
    path = write_report_at(args.out, args.output, args.manifest, args.examples,
                           endpoint_options(args.s3_endpoint_url))
    print(f"report: {path}")
    return 0


def write_report_at(location: Path | str, output: Path | str | None = None, manifests: list[Path] | None = None,
                    examples: int = 4, options: StorageOptions = ()) -> Path | str:
    """The report of the run at ``location`` (a path or a URL), written to ``output`` (same)."""
    from tritter_data.report import write_report

    target = output if output is not None else join(location, "report.html")
    with local_copy(location, options) as directory:
        if not is_url(target):
            return write_report(directory, Path(target), manifests or [], examples)
        page = write_report(directory, directory / ".report.html", manifests or [], examples)
        upload(page, str(target), options)
        return target
