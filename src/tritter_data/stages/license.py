"""The card's permissive-license allowlist, for sources that carry licenses.

A record passes only when every detected license is on the list (SPDX ids, compared
case-insensitively), or when the source says ``license_type == "permissive"``. Local
files carry no license and are not checked.

    >>> is_permissive(["MIT", "Apache-2.0"]), is_permissive(["MIT", "GPL-3.0"])
    (True, False)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from tritter_data.core.sample import Sample, StageResult
from tritter_data.core.stage import reject

PERMISSIVE_LICENSES = frozenset(
    {"mit", "apache-2.0", "bsd-2-clause", "bsd-3-clause", "isc", "unlicense", "cc0-1.0"}
)


def is_permissive(licenses: Iterable[str], allowlist: frozenset[str] = PERMISSIVE_LICENSES) -> bool:
    names = [name.strip().lower() for name in licenses if name and name.strip()]
    return bool(names) and all(name in allowlist for name in names)


@dataclass(frozen=True, slots=True)
class LicenseFilter:
    """Reject samples whose licenses (``sample.meta['licenses']``) are not all permissive."""

    allowlist: frozenset[str] = PERMISSIVE_LICENSES
    name: str = "license"

    def __call__(self, sample: Sample) -> StageResult:
        licenses = sample.meta.get("licenses")
        if licenses is None and sample.license is None:
            return sample  # local files: nothing to check
        if sample.meta.get("license_type") == "permissive":
            return sample
        names = list(licenses) if licenses is not None else [sample.license or ""]
        if is_permissive(names, self.allowlist):
            return sample
        shown = ", ".join(names) if names else "none detected"
        return reject(sample, "license_not_permissive", shown)
