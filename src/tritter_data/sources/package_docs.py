"""Technical docs a fresh install already has: the Markdown/rST of the installed distributions.

A laptop without The Stack still has docs to curate: every installed distribution's long
description (its README, as PyPI shows it) and the ``.md``/``.rst``/``.adoc`` files it ships.
``collect_package_docs`` copies them into one directory that ``prepare --languages markdown
rst asciidoc`` then takes through the prose stages like any other docs::

    python scripts/collect_package_docs.py --output-dir data/phase1/package_docs

Each README is written as ``<distribution>/README.<ext>``, the extension from the metadata's
``Description-Content-Type`` (``text/markdown`` -> ``.md``, ``text/x-rst`` or none -> ``.rst``);
shipped doc files keep their path under ``<distribution>/files/``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from collections.abc import Iterable, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

from tritter_data.core.languages import DOC_EXTENSIONS

_CONTENT_TYPES = {"text/markdown": ".md", "text/x-rst": ".rst", "text/plain": ".txt"}


def readme_extension(content_type: str | None) -> str:
    """``'text/markdown; charset=UTF-8'`` -> ``'.md'``; PyPI renders a missing type as rST."""
    kind = (content_type or "text/x-rst").split(";", 1)[0].strip().lower()
    return _CONTENT_TYPES.get(kind, ".txt")


def collect_package_docs(output_dir: Path, distributions: Iterable[Any] | None = None) -> dict[str, Any]:
    """Copy every distribution's README and shipped doc files under ``output_dir``; returns counts."""
    output_dir.mkdir(parents=True, exist_ok=True)
    readmes = files = skipped = 0
    seen: set[str] = set()
    for dist in distributions if distributions is not None else metadata.distributions():
        name = (dist.metadata.get("Name") or "").strip()
        if not name or name.lower() in seen:
            continue  # the same distribution found twice on sys.path: keep the first
        seen.add(name.lower())
        target = output_dir / name
        body = dist.metadata.get_payload() or dist.metadata.get("Description") or ""
        if body.strip():
            target.mkdir(exist_ok=True)
            ext = readme_extension(dist.metadata.get("Description-Content-Type"))
            (target / f"README{ext}").write_text(body, encoding="utf-8")
            readmes += 1
        for file in dist.files or ():
            if Path(str(file)).suffix.lower() not in DOC_EXTENSIONS:
                continue
            source = Path(str(dist.locate_file(file)))
            if not source.is_file():
                skipped += 1
                continue
            destination = target / "files" / str(file).lstrip("./")
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, destination)
            files += 1
    summary = {"output_dir": str(output_dir), "distributions": len(seen), "readmes": readmes,
               "doc_files": files, "missing_files": skipped}
    (output_dir / "collect_manifest.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return summary


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Copy the installed distributions' READMEs and doc files.")
    parser.add_argument("--output-dir", required=True, type=Path)
    parser.add_argument("--overwrite", action="store_true", help="empty --output-dir first")
    args = parser.parse_args(argv)
    if args.output_dir.exists() and any(args.output_dir.iterdir()):
        if not args.overwrite:
            print(f"collect_package_docs: error: --output-dir {args.output_dir}: not empty; pass --overwrite",
                  file=sys.stderr)
            return 2
        shutil.rmtree(args.output_dir)
    summary = collect_package_docs(args.output_dir)
    print(f"package docs: {summary['readmes']} READMEs and {summary['doc_files']} doc files from "
          f"{summary['distributions']} distributions in {args.output_dir}")
    return 0
