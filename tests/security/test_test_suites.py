"""A test suite feeds its sinks itself: what it runs, unpickles or queries is the test's own, so a
suite (unittest/pytest, JUnit, ``testing.T``, PHPUnit, RSpec, Jest) has no insecure-code findings.
A module that merely holds tests (runs its doctests, a Rust ``#[cfg(test)]`` module) is library
code and is still analysed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tritter_data.cli import main
from tritter_data.security.insecure import InsecureCodeAnalyser

PYTHON_SUITE = '''"""Round trips of the process helpers."""
import os
import pickle
import subprocess
import sys
import unittest


class ProcessTests(unittest.TestCase):
    def run_child(self, code):
        return subprocess.run([sys.executable, "-c", code], capture_output=True, check=True)

    def test_echo(self):
        out = subprocess.check_output("echo %s" % self.id(), shell=True)
        self.assertIn(b"ProcessTests", out)

    def test_system(self):
        self.assertEqual(os.system(sys.executable + " -c pass"), 0)

    def test_round_trip(self):
        data = pickle.dumps({"a": 1})
        self.assertEqual(pickle.loads(data), {"a": 1})

    def test_eval_of_repr(self):
        value = [1, "two", 3.0]
        self.assertEqual(eval(repr(value)), value)


if __name__ == "__main__":
    unittest.main()
'''

SUITES = {
    "python": PYTHON_SUITE,
    "go": '''package shell

import (
\t"os/exec"
\t"testing"
)

func TestRun(t *testing.T) {
\tname := t.Name()
\tout, err := exec.Command("sh", "-c", "echo "+name).Output()
\tif err != nil || len(out) == 0 {
\t\tt.Fatalf("echo %s: %v", name, err)
\t}
}
''',
    "java": '''package org.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import org.junit.jupiter.api.Test;

class ShellTest {
    @Test
    void runsTheCommandItNames() throws Exception {
        String command = System.getProperty("shell.command", "true");
        Process process = Runtime.getRuntime().exec(command);
        assertEquals(0, process.waitFor());
    }
}
''',
    "javascript": '''const { exec } = require("child_process");

describe("cli", () => {
  it("prints its version", (done) => {
    const bin = process.argv[2] || "./bin/cli.js";
    exec("node " + bin + " --version", (error, stdout) => {
      expect(stdout).toMatch(/\\d+\\.\\d+/);
      done(error);
    });
  });
});
''',
}


def findings(code: str, language: str) -> list[tuple[str, str]]:
    return [(f.rule_id, f.severity) for f in InsecureCodeAnalyser().analyse(code, language)]


@pytest.mark.parametrize("language", sorted(SUITES))
def test_a_test_suite_has_no_insecure_code_findings(language: str) -> None:
    assert findings(SUITES[language], language) == []


def test_the_same_code_outside_a_suite_is_still_analysed() -> None:
    library = PYTHON_SUITE.replace("import unittest\n", "").replace("unittest.TestCase", "object") \
        .replace("    unittest.main()\n", "    ProcessTests().test_echo()\n")
    assert findings(library, "python") == [("PY-SHELL", "low"), ("PY-OS-SYSTEM", "low")]  # fed by itself
    go_library = SUITES["go"].replace('\t"testing"\n', "").replace("t *testing.T", "name string") \
        .replace("\tname := t.Name()\n", "")
    assert findings(go_library, "go") == [("GO-SHELL", "critical")]  # a public function's parameter


def test_a_module_that_runs_its_doctests_is_library_code() -> None:
    code = '''import os
import sys


def main():
    os.system("ls " + sys.argv[1])


if __name__ == "__main__":
    import doctest
    doctest.testmod()
    main()
'''
    assert findings(code, "python") == [("PY-OS-SYSTEM", "low")]  # it holds tests: low, but still reported


def test_a_rust_module_with_inline_tests_is_library_code() -> None:
    """Rust keeps its tests in the module they test: the library function's sink is a finding, the
    same sink in the ``#[cfg(test)]`` module is the test's own (low)."""
    code = '''use std::env;
use std::process::Command;

pub fn run() {
    let target = env::args().nth(1).unwrap();
    Command::new("sh").arg("-c").arg(format!("ping {}", target)).status().unwrap();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_pings() {
        let target = env::args().nth(1).unwrap();
        Command::new("sh").arg("-c").arg(format!("ping {}", target)).status().unwrap();
    }
}
'''
    assert [(f.rule_id, f.severity, f.line) for f in InsecureCodeAnalyser().analyse(code, "rust")] == [
        ("RS-SHELL", "critical", 6), ("RS-SHELL", "low", 16)]


def test_a_suite_with_many_sinks_is_not_made_negative(tmp_path: Path) -> None:
    """Low findings cap the score; four rules' worth pushed suites such as CPython's
    ``test_subprocess`` below the threshold, explained by the sinks the test runs itself."""
    source = tmp_path / "code"
    source.mkdir()
    more = '''

class ShellTests(unittest.TestCase):
    def test_popen(self):
        with os.popen("echo " + self.id()) as pipe:
            self.assertTrue(pipe.read())

    def test_system_twice(self):
        for flag in ("-c pass", "-c 1"):
            self.assertEqual(os.system(sys.executable + " " + flag), 0)

    def test_exec_of_source(self):
        namespace = {}
        exec(compile("x = " + repr(self.id()), "<test>", "exec"), namespace)
        self.assertEqual(eval("x", namespace), self.id())

    def test_unpickle_what_the_child_sent(self):
        sent = subprocess.check_output([sys.executable, "-c", "import pickle, sys; sys.stdout.buffer.write("
                                        "pickle.dumps([1, 2]))"])
        self.assertEqual(pickle.loads(sent), [1, 2])

    def test_shell_pipeline(self):
        out = subprocess.check_output("echo %s | tr a-z A-Z" % self.id(), shell=True)
        self.assertTrue(out.isupper())
'''
    (source / "test_process.py").write_text(PYTHON_SUITE.replace("\n\nif __name__", more + "\n\nif __name__"))
    out = tmp_path / "out"
    assert main(["prepare", "--input-dir", str(source), "--output-dir", str(out), "--quiet"]) == 0
    record = json.loads((out / "shard_00000.jsonl").read_text().splitlines()[0])
    assert "quality_label" not in record and record["quality_score"] > 0.5


def test_a_large_rust_files_test_module_is_the_tests_own_whichever_window_reads_it() -> None:
    """A file over the whole-parse size is parsed in windows around each sink; a window that starts
    after the ``#[cfg(test)]`` line still knows the sink is in the test module."""
    helpers = "\n".join(f"    fn helper_{i}(x: u64) -> u64 {{\n        x.wrapping_mul({i}).rotate_left(3) ^ 0x5a5a_5a5a\n    }}\n"
                        for i in range(600))
    code = f'''use std::env;
use std::process::Command;

pub fn run() {{
    let target = env::args().nth(1).unwrap();
    Command::new("sh").arg("-c").arg(format!("ping {{}}", target)).status().unwrap();
}}

#[cfg(test)]
mod tests {{
    use super::*;

{helpers}
    fn pings() {{
        let target = env::args().nth(1).unwrap();
        Command::new("sh").arg("-c").arg(format!("ping {{}}", target)).status().unwrap();
    }}
}}
'''
    assert len(code.encode()) > 50_000
    last = code.count("\n", 0, code.rindex('Command::new("sh")')) + 1
    assert [(f.rule_id, f.severity, f.line) for f in InsecureCodeAnalyser().analyse(code, "rust")] == [
        ("RS-SHELL", "critical", 6), ("RS-SHELL", "low", last)]
