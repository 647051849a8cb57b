"""The taint engine's caches (per parse, per file) never carry one file's facts into another.

Function tables, call counts, traces, entry values, walk checkpoints and the per-file "is a
test" flag are kept while one file is analysed. Two files that define functions of the same
name, or where only one is a test module, must each get the verdict they get alone, in any
order and however often they are analysed.
"""

from __future__ import annotations

import pytest

from tritter_data.security.insecure import InsecureCodeAnalyser

PASS_THROUGH = (
    "import os\n\n\n"
    "def clean(value):\n"
    "    return value\n\n\n"
    "def run(name):\n"
    "    os.system(\"ls \" + clean(name))\n"
)
CONSTANT = PASS_THROUGH.replace("    return value\n", "    return \"fixed\"\n")
#: ``clean`` comes from another module here: a call of unknown code carries its argument's taint.
IMPORTED = "import os\nfrom helpers import clean\n\n\ndef run(name):\n    os.system(\"ls \" + clean(name))\n"
#: A module that runs its doctests holds tests, so its parameters come from the test (low), but it
#: is library code, not a test suite (a suite, ``import unittest``, is not analysed at all).
TEST_MODULE = PASS_THROUGH.replace("import os\n", "import os\nimport doctest\n")
SUITE = PASS_THROUGH.replace("import os\n", "import os\nimport unittest\n")
#: Enough functions between the helper and the sink that a file is parsed in windows, not whole.
FILLER = "".join(f"def filler_{i}(a, b):\n    total = a + b\n    return total * {i}\n\n\n" for i in range(600))


def _large(code: str) -> str:
    return code.replace("\n\ndef run", "\n\n" + FILLER + "def run")


def verdicts(code: str) -> list[tuple[str, str, int]]:
    return [(f.rule_id, f.severity, f.line) for f in InsecureCodeAnalyser().analyse(code, "python")]


def test_same_named_helpers_in_two_files_are_judged_apart() -> None:
    files = (PASS_THROUGH, CONSTANT, IMPORTED)
    alone = {code: verdicts(code) for code in files}
    assert alone[PASS_THROUGH] == [("PY-OS-SYSTEM", "critical", 9)]  # clean() hands the input on
    assert alone[CONSTANT] == [("PY-OS-SYSTEM", "low", 9)]  # this clean() returns a constant
    assert alone[IMPORTED] == [("PY-OS-SYSTEM", "critical", 6)]  # not this file's clean(): not known safe
    for order in ([CONSTANT, IMPORTED, PASS_THROUGH] * 2, [PASS_THROUGH, CONSTANT, IMPORTED, CONSTANT]):
        assert [verdicts(code) for code in order] == [alone[code] for code in order]


@pytest.mark.parametrize("large", [False, True], ids=["whole file", "windows"])
def test_a_test_module_does_not_make_the_next_file_a_test(large: bool) -> None:
    test_module, plain = (_large(TEST_MODULE), _large(PASS_THROUGH)) if large else (TEST_MODULE, PASS_THROUGH)
    expected_plain, expected_test = verdicts(plain), verdicts(test_module)
    assert [severity for _, severity, _ in expected_plain] == ["critical"]
    assert [severity for _, severity, _ in expected_test] == ["low"]  # a test's parameters come from the test
    assert [verdicts(code) for code in (test_module, plain, test_module, plain)] == \
        [expected_test, expected_plain, expected_test, expected_plain]


def test_the_per_file_test_flag_reaches_every_window_of_its_file() -> None:
    """The doctest import sits in the first window, the sink in a later one: still a test module."""
    code = _large(TEST_MODULE)
    assert len(code.encode()) > 24_000 and code.index("os.system") > code.index("import doctest") + 30_000
    assert verdicts(code) == [("PY-OS-SYSTEM", "low", 3010)]


@pytest.mark.parametrize("large", [False, True], ids=["whole file", "windows"])
def test_a_test_suite_has_no_findings_and_the_next_file_keeps_its_own(large: bool) -> None:
    suite, plain = (_large(SUITE), _large(PASS_THROUGH)) if large else (SUITE, PASS_THROUGH)
    expected_plain = verdicts(plain)
    assert [severity for _, severity, _ in expected_plain] == ["critical"]
    assert [verdicts(code) for code in (suite, plain, suite, plain)] == [[], expected_plain, [], expected_plain]
