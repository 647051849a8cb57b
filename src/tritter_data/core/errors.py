"""The failure policy, named in the types.

``UsageError``: bad options or unusable input/output locations (a missing dependency, too
little disk space, too many workers included); the CLI prints one line
and exits 2. A bad *file* is never an exception that escapes: it becomes a ``Reject``.
"""


class UsageError(Exception):
    """A configuration problem the user must fix; one line, exit code 2."""


class RunFailed(Exception):
    """The run finished but its result cannot be trusted (too many ``internal_error``
    rejects); one line, exit code 3. The manifest is written, so the cause can be read."""

    exit_code = 3
