"""Outside input that IS the SQL statement (not a value bound to it) is SQL injection at its worst;
Go pointers carry their value; ``q += x`` appends to what ``q`` held. Each finding beside the same
sink used safely."""

from __future__ import annotations

from tritter_data.security.insecure import InsecureCodeAnalyser


def findings(code: str, language: str) -> list[tuple[str, str, int]]:
    return [(f.rule_id, f.severity, f.line) for f in InsecureCodeAnalyser().analyse(code, language)]


GO_HEAD = '''package main

import (
\t"database/sql"
\t"net/http"
)

'''


def test_go_request_value_as_the_whole_statement() -> None:
    code = GO_HEAD + '''type Query struct {
\tSQL string
}

func handler(db *sql.DB, r *http.Request) {
\tq := &Query{SQL: r.FormValue("input")}
\tdb.Query(q.SQL)
\tdb.QueryContext(r.Context(), r.FormValue("sql"))
}
'''
    assert findings(code, "go") == [("GO-SQL", "high", 14), ("GO-SQL", "high", 15)]


def test_go_values_bound_to_a_constant_statement_are_not_a_finding() -> None:
    code = GO_HEAD + '''func handler(db *sql.DB, r *http.Request) {
\tname := r.FormValue("name")
\tdb.Query("SELECT * FROM users WHERE name = ?", name)
\tdb.QueryRowContext(r.Context(), "SELECT * FROM users WHERE id = $1", r.FormValue("id"))
}
'''
    assert findings(code, "go") == []


def test_go_pointers_carry_their_value() -> None:
    code = GO_HEAD + '''func deref(ptr *string) string {
\treturn *ptr
}

func handler(db *sql.DB, r *http.Request) {
\tinput := r.FormValue("id")
\tvalue := deref(&input)
\tdb.Query("DELETE FROM users WHERE id = " + value)
}
'''
    assert findings(code, "go") == [("GO-SQL", "high", 15)]


def test_go_appending_keeps_what_the_variable_held() -> None:
    tainted = GO_HEAD + '''func handler(db *sql.DB, r *http.Request) {
\tquery := "SELECT * FROM users WHERE name = '"
\tquery += r.FormValue("name") + "'"
\tdb.Query(query)
}
'''
    assert findings(tainted, "go") == [("GO-SQL", "high", 11)]
    not_sql = tainted.replace('"SELECT * FROM users WHERE name = \'"', '"base"').replace(' + "\'"', "")
    assert findings(not_sql, "go") == []  # "base" + input reads as no statement: the appended text decides


def test_python_request_value_as_the_whole_statement() -> None:
    code = '''import sqlite3
from flask import Flask, request

app = Flask(__name__)


@app.route("/report")
def report():
    db = sqlite3.connect("app.db")
    rows = db.execute(request.args["query"]).fetchall()
    safe = db.execute("SELECT * FROM reports WHERE id = ?", (request.args["id"],)).fetchall()
    return {"rows": rows, "safe": safe}
'''
    assert findings(code, "python") == [("PY-SQL", "high", 10)]


def test_a_binding_call_on_the_input_is_not_the_statement() -> None:
    code = '''import io.vertx.sqlclient.Tuple;

class Users {
    void find(javax.servlet.http.HttpServletRequest request, io.vertx.sqlclient.SqlClient client) {
        client.preparedQuery("SELECT * FROM users WHERE name = $1").execute(Tuple.of(request.getParameter("n")));
    }
}
'''
    assert findings(code, "java") == []


def test_a_tool_passing_its_own_command_line_to_a_generic_execute_is_not_sql() -> None:
    code = '''(async function main() {
    const exitCode = await require("../lib/cli").execute(process.argv, null, true);
    process.exitCode = exitCode;
}());
'''
    assert findings(code, "javascript") == []  # eslint's bin: the invoker's own command line, not a query


def test_spring_batch_update_builds_statements() -> None:
    code = '''import javax.servlet.http.HttpServletRequest;
import org.springframework.jdbc.core.JdbcTemplate;

public class Purge {
    public void purge(HttpServletRequest request, JdbcTemplate jdbcTemplate) {
        jdbcTemplate.batchUpdate("DELETE FROM users WHERE name = '" + request.getParameter("name") + "'");
        jdbcTemplate.batchUpdate("DELETE FROM users WHERE name = 'admin'");
    }
}
'''
    assert findings(code, "java") == [("JAVA-SQL", "high", 6)]
