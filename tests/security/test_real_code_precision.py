"""Shapes of wrong findings judged on real npm and PyPI code, written afresh, beside the finding that must stay.

Each pair: the look-alike a reviewer judged wrong (jQuery's AMD module, commander restarting node,
Django's introspection SQL, an argparse ``choices`` list, psycopg's composition API, bluebird's
dead ``eval``), then the same sink reached by outside input.
"""

from __future__ import annotations

from tritter_data.security.insecure import InsecureCodeAnalyser


def deciding(code: str, language: str) -> list[tuple[str, str]]:
    """The findings that decide the label (severity above low)."""
    return [(f.rule_id, f.severity) for f in InsecureCodeAnalyser().analyse(code, language) if f.severity != "low"]


def test_parameters_of_a_module_callback_are_not_input():
    code = '''define(["./core", "./deferred"], function (jQuery, document) {
  var readyList = jQuery.Deferred();
  jQuery.fn.ready = function (fn) { readyList.then(fn); return this; };
  if (document.readyState === "complete") {
    window.setTimeout(jQuery.ready);
  }
});
'''
    assert deciding(code, "javascript") == []


def test_a_callback_of_an_input_event_keeps_its_taint():
    code = '''const net = require("net");
net.createServer((socket) => {
  socket.on("data", (chunk) => {
    eval(chunk.toString());
  });
}).listen(7000);
'''
    assert deciding(code, "javascript") == [("JS-EVAL", "critical")]


def test_a_route_callback_is_an_entry_point():
    code = '''const { exec } = require("child_process");
app.get("/ping", (q, s) => {
  exec("ping -c 1 " + q.query.host, (err, out) => s.send(out));
});
'''
    assert deciding(code, "javascript") == [("JS-EXEC", "critical")]


def test_restarting_node_itself_is_not_command_injection():
    code = '''const childProcess = require("child_process");
function launch(file, args) {
  args.unshift(file);
  return childProcess.spawn(process.argv[0], args, { stdio: "inherit" });
}
module.exports = { launch };
'''
    assert deciding(code, "javascript") == []


def test_a_program_named_on_the_command_line_stays_a_finding():
    code = '''const childProcess = require("child_process");
childProcess.spawn(process.argv[2], [], { stdio: "inherit" });
'''
    assert deciding(code, "javascript") == [("JS-SPAWN-SHELL", "critical")]


def test_a_named_arrow_called_with_constants_is_internal():
    code = '''class Runner {
  async load(db) {
    const byType = (type) => db.query(`SELECT * FROM sqlite_master WHERE type = '${type}'`);
    return [await byType("table"), await byType("index")];
  }
}
module.exports = Runner;
'''
    assert deciding(code, "javascript") == []


def test_a_named_arrow_called_with_a_request_value_is_a_finding():
    code = '''function handler(req, res, db) {
  const byType = (type) => db.query(`SELECT * FROM sqlite_master WHERE type = '${type}'`);
  return byType(req.query.type);
}
module.exports = handler;
'''
    assert deciding(code, "javascript") == [("JS-SQL", "high")]


INTROSPECTION = '''class DatabaseWrapper:
    def check_constraints(self, table_names=None):
        """Check each foreign key of the named tables."""
        with self.cursor() as cursor:
            for table_name in table_names:
                cursor.execute(
                    "SELECT `%s` FROM `%s` LEFT JOIN `%s` ON (`%s`.`%s` = `%s`.`%s`)"
                    % (table_name, table_name, table_name, table_name, table_name, table_name, table_name)
                )
'''


def test_a_callers_table_names_quoted_as_identifiers_are_the_apis_contract():
    assert deciding(INTROSPECTION, "python") == []


def test_quoted_identifiers_from_a_request_stay_a_finding():
    code = INTROSPECTION.replace("for table_name in table_names:", "for table_name in request.args.getlist('t'):")
    assert deciding(code, "python") == [("PY-SQL", "high")]


def test_a_table_name_parameter_formatted_in_bare_is_the_callers_schema():
    """Matomo's storage layer (``"DELETE FROM " . $archiveTable``) and typeorm's runners splice their
    callers' table names in: names cannot be bound, they come from the schema. A value parameter
    spliced the same way, or a table name from a request, stays a finding."""
    code = '''def count_rows(conn, table_name):
    """Count the rows of a table."""
    return conn.execute("SELECT count(*) FROM " + table_name).fetchone()
'''
    assert deciding(code, "python") == []
    value = code.replace("FROM \" + table_name", "FROM rows WHERE owner = '\" + table_name + \"'\"")
    value = value.replace("table_name", "owner")
    assert deciding(value, "python") == [("PY-SQL", "high")]
    request = '''from flask import request


def count_rows(conn):
    return conn.execute("SELECT count(*) FROM " + request.args["table"]).fetchone()
'''
    assert deciding(request, "python") == [("PY-SQL", "high")]


CHOICES = '''from argparse import ArgumentParser


def update_catalogs(resources, languages):
    print(resources, languages)


if __name__ == "__main__":
    parser = ArgumentParser()
    parser.add_argument("cmd", nargs=1, choices=("update_catalogs", "lang_stats"))
    parser.add_argument("-r", "--resources", action="append")
    options = parser.parse_args()
    eval(options.cmd[0])(options.resources)
'''


def test_an_option_argparse_restricts_to_choices_is_allow_listed():
    assert deciding(CHOICES, "python") == []


def test_a_free_option_reaching_eval_stays_a_finding():
    assert deciding(CHOICES.replace(", choices=(\"update_catalogs\", \"lang_stats\")", ""), "python") == \
        [("PY-EVAL", "critical")]


def test_psycopg_composition_is_parameterised():
    code = '''from psycopg import sql


class CursorMixin:
    def callproc(self, name, args=None):
        """Call a stored procedure with psycopg's SQL composition."""
        if not isinstance(name, sql.Identifier):
            name = sql.Identifier(name)
        parts = [sql.SQL("SELECT * FROM "), name, sql.SQL("(")]
        for item in args or ():
            parts.append(sql.Literal(item))
        parts.append(sql.SQL(")"))
        self.execute(sql.Composed(parts))
'''
    assert deciding(code, "python") == []


def test_dead_code_after_return_runs_nothing():
    code = '''module.exports = function toFastProperties(obj) {
  function FakeConstructor() {}
  FakeConstructor.prototype = obj;
  return obj;
  eval(obj);
};
'''
    assert deciding(code, "javascript") == []


def test_the_same_call_before_the_return_is_a_finding():
    code = '''module.exports = function run(obj) {
  eval(obj);
  return obj;
};
'''
    assert [rule for rule, _ in deciding(code, "javascript")] == ["JS-EVAL"]


def test_a_numeric_option_cannot_carry_a_command():
    code = '''import argparse
import os

parser = argparse.ArgumentParser()
parser.add_argument("--count", type=int, default=1)
parser.add_argument("--host")
args = parser.parse_args()
os.system("ping -c %s localhost" % args.count)
os.system("ping -c 1 %s" % args.host)
'''
    assert [(f.rule_id, f.severity, f.line) for f in InsecureCodeAnalyser().analyse(code, "python")
            if f.severity != "low"] == [("PY-OS-SYSTEM", "critical", 9)]


def test_a_code_generator_compiles_its_source_by_contract():
    code = '''function compileToFunction(source, options) {
  const { code } = compile(source, options);
  return new Function("Vue", code)(runtime);
}
module.exports = { compileToFunction };
'''
    assert deciding(code, "javascript") == []


def test_a_request_reaching_new_function_stays_a_finding():
    code = '''function render(req, res) {
  const fn = new Function("data", "return " + req.query.expr);
  res.send(String(fn({})));
}
module.exports = { render };
'''
    assert deciding(code, "javascript") == [("JS-FUNCTION", "critical")]


DRIVER_WRAPPER = '''class CursorWrapper:
    def __init__(self, cursor):
        self.cursor = cursor

    def execute(self, query, args=None):
        """Run a query, translating the driver's errors."""
        return self.cursor.execute(query, args)


def lookup(request, cursor):
    """Look a user up by the name in the request."""
    name = request.args["name"]
    return cursor.execute("SELECT * FROM users WHERE name = '%s'" % name)
'''


def test_a_wrapper_named_like_the_driver_call_is_not_a_second_finding():
    assert [(f.rule_id, f.severity, f.line) for f in InsecureCodeAnalyser().analyse(DRIVER_WRAPPER, "python")
            if f.severity != "low"] == [("PY-SQL", "high", 13)]


def test_a_test_feeds_its_own_loopback_server():
    code = '''import pickle
import socket
import unittest


class SocketHandlerTest(unittest.TestCase):
    def handle(self, conn):
        chunk = conn.recv(4096)
        return pickle.loads(chunk)
'''
    assert deciding(code, "python") == []
    server = code.replace("import unittest\n", "").replace("(unittest.TestCase)", "")
    assert deciding(server, "python") == [("PY-PICKLE", "high")]


def test_a_template_compiler_turns_its_template_into_code_by_contract():
    code = '''function compileToFunction(template, options) {
  const { code } = compile(template, options);
  return new Function("Vue", code)(runtime);
}
module.exports = { compileToFunction };
'''
    assert deciding(code, "javascript") == []
    renamed = code.replace("compileToFunction", "renderPage")
    assert deciding(renamed, "javascript") == [("JS-FUNCTION", "critical")]


def test_fields_of_an_element_of_a_program_object_parameter_are_program_state():
    code = '''class NestedSetSubjectExecutor {
  async remove(subjects) {
    const metadata = subjects[0].metadata;
    await this.queryRunner.query(`DELETE FROM ${metadata.tableName} WHERE id = 1`);
  }
}
module.exports = NestedSetSubjectExecutor;
'''
    assert deciding(code, "javascript") == []
    assert deciding(code.replace("subjects", "userInput"), "javascript") == [("JS-SQL", "high")]


def test_a_pytest_style_module_without_a_test_import_is_a_test():
    code = '''import yaml


def test_sort_keys(input_filename, verbose=False):
    with open(input_filename, "rb") as file:
        data = yaml.load(file.read(), Loader=yaml.FullLoader)
    assert data
'''
    assert deciding(code, "python") == []
    library = code.replace("def test_sort_keys(", "def load_settings(")
    assert deciding(library, "python") == [("PY-YAML", "high")]


def test_a_route_handlers_parameters_are_the_request():
    code = '''import functools
import os
from flask import Flask

app = Flask(__name__)


@app.route("/ping/<host>")
def ping(host):
    return str(os.system("ping -c 1 " + host))
'''
    assert deciding(code, "python") == [("PY-OS-SYSTEM", "critical")]
    # the same body in a private helper: its parameter is of unknown origin (low), and a decorator
    # that is not a route adds no source
    helper = code.replace('@app.route("/ping/<host>")\ndef ping(', "def _ping(")
    cached = code.replace('@app.route("/ping/<host>")\ndef ping(', "@functools.lru_cache()\ndef _ping(")
    assert "_ping(" in helper and "lru_cache()\ndef _ping(" in cached
    assert deciding(helper, "python") == deciding(cached, "python") == []


def test_a_regex_group_that_admits_only_literals_is_an_allow_list():
    """lib2to3's grammar converter evaluates groups its regex constrains to numbers and quoted words
    (judged wrong by both reviewers); a group that admits any character is still the input."""
    code = '''import re
import sys


def parse_labels(path):
    labels = []
    with open(path) as f:
        for line in f:
            mo = re.match(r'\\s+{(\\d+), (0|"\\w+")},$', line)
            if not mo:
                continue
            x, y = mo.groups()
            labels.append((int(x), None if y == "0" else eval(y)))
            bits = re.match(r'\\s+("(?:\\\\\\d\\d\\d)*")},$', line)
            if bits:
                labels.append(eval(bits.group(1)))
    return labels


def run_expressions(path):
    pattern = re.compile(r"^expr: (.*)$")
    with open(path) as f:
        for line in f:
            found = pattern.match(line)
            if found:
                print(eval(found.group(1)))


if __name__ == "__main__":
    parse_labels(sys.argv[1])
    run_expressions(sys.argv[2])
'''
    assert deciding(code, "python") == [("PY-EVAL", "critical")]  # run_expressions' eval only
    from tritter_data.security.insecure import InsecureCodeAnalyser
    lines = [f.line for f in InsecureCodeAnalyser().analyse(code, "python") if f.severity != "low"]
    assert lines == [26]
