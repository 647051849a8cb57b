"""Real technical docs for the prose tests: READMEs and doc files of installed packages.

Nothing is copied into the repository: the texts are read from the interpreter's own
site-packages (core dependencies and pip, which every environment of this project has).
"""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

import pip


def readme(distribution: str) -> str:
    """The long description (README) of an installed distribution."""
    return metadata.metadata(distribution).get_payload() or ""


def pip_vendor_file(relative: str) -> str:
    return (Path(pip.__file__).parent / "_vendor" / relative).read_text(encoding="utf-8")


# sphinx-apidoc's output for a package: directives and nothing a reader can learn from
API_STUB = """mypkg.client module
===================

.. automodule:: mypkg.client
   :members:
   :undoc-members:
   :show-inheritance:

mypkg.server module
===================

.. automodule:: mypkg.server
   :members:
   :undoc-members:
   :show-inheritance:
"""

CHANGELOG = """# Release history

## 2.4.1 (2024-03-02)

- Fix a crash when the cache directory is missing.
- Document the `timeout` argument of `Client.fetch`.

## 2.4.0 (2024-01-15)

- Add retries with exponential backoff to every request.
- Drop support for Python 3.8.

## 2.3.2 (2023-11-30)

- Close idle connections after 30 seconds instead of 60.
- Raise `ConfigError` with the name of the invalid setting.
"""
