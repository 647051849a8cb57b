"""The failure policy, named in the types.

``UsageError``: bad options or unusable input/output locations; the CLI prints one line
and exits 2. A bad *file* is never an exception that escapes: it becomes a ``Reject``.
"""


class UsageError(Exception):
    """A configuration problem the user must fix; one line, exit code 2."""
