"""Sources and sinks found missing on held-out rule tests, each with a fresh case and its safe twin."""

from __future__ import annotations

from tritter_data.security.insecure import InsecureCodeAnalyser


def severities(code: str, language: str) -> list[tuple[str, int, str]]:
    return [(f.rule_id, f.line, f.severity) for f in InsecureCodeAnalyser().analyse(code, language)]


def test_argparse_results_are_command_line_input():
    code = '''import argparse
import os


def main_cli():
    parser = argparse.ArgumentParser()
    parser.add_argument("--host")
    args = parser.parse_args()
    os.system("ping -c 1 " + args.host)
    os.system("ping -c 1 localhost")
'''
    assert severities(code, "python") == [("PY-OS-SYSTEM", 9, "critical"), ("PY-OS-SYSTEM", 10, "low")]


def test_getopt_values_are_command_line_input():
    code = '''import getopt
import subprocess
import sys


def run():
    opts, _ = getopt.getopt(sys.argv[1:], "p:")
    for name, value in opts:
        if name == "-p":
            subprocess.call("ls " + value, shell=True)
'''
    findings = InsecureCodeAnalyser().analyse(code, "python")
    assert [(f.rule_id, f.severity) for f in findings] == [("PY-SHELL", "critical")]
    assert findings[0].message.startswith('Shell/command injection: `getopt.getopt(sys.argv[1:], "p:")` (line 7)')


GO_SLICE = '''package main

import (
	"database/sql"
	"net/http"
)

func search(db *sql.DB, r *http.Request) {
	terms := []string{"admin", r.URL.Query().Get("q")}
	db.Query("SELECT * FROM users WHERE name = '" + terms[INDEX] + "'")
}
'''


def test_go_slice_literal_elements_keep_their_own_values():
    assert severities(GO_SLICE.replace("INDEX", "1"), "go") == [("GO-SQL", 10, "high")]
    assert severities(GO_SLICE.replace("INDEX", "0"), "go") == []


PHP_PROC = '''<?php
$dir = $_GET["dir"];
$process = proc_open(VECTOR, [1 => ["pipe", "w"]], $pipes);
'''


def test_php_proc_open_with_an_argument_array_runs_no_shell():
    assert severities(PHP_PROC.replace("VECTOR", '["ls", "-la", $dir]'), "php") == []
    assert severities(PHP_PROC.replace("VECTOR", '["sh", "-c", "ls " . $dir]'), "php") == [("PHP-SHELL", 3, "critical")]
    assert severities(PHP_PROC.replace("VECTOR", '[$dir, "-la"]'), "php") == [("PHP-SHELL", 3, "critical")]
    assert severities(PHP_PROC.replace("VECTOR", '"ls -la " . $dir'), "php") == [("PHP-SHELL", 3, "critical")]


RUBY_PG = '''require "pg"

class ReportsController < ApplicationController
  def show
    conn = PG.connect(dbname: "reports")
    conn.exec_params("SELECT * FROM reports WHERE owner = '#{params[:owner]}'")
    conn.exec_params("SELECT * FROM reports WHERE owner = $1", [params[:owner]])
    conn.exec("SELECT * FROM reports WHERE id = " + params[:id])
    Kernel.exec("ls")
    client.query("status #{params[:name]}")
  end
end
'''


def test_ruby_pg_driver_methods_take_sql():
    assert severities(RUBY_PG, "ruby") == [("RB-SQL", 6, "high"), ("RB-SQL", 8, "high"), ("RB-SHELL", 9, "low")]


JAVA_FRAGMENTS = '''import javax.jdo.PersistenceManager;
import javax.jdo.Query;
import javax.servlet.http.HttpServletRequest;

class Products {
    void list(PersistenceManager pm, Criteria criteria, HttpServletRequest request) {
        String name = request.getParameter("name");
        Query q = pm.newQuery(Product.class, "name == " + name);
        q.setFilter("price > " + name);
        criteria.add(Restrictions.sqlRestriction("price > " + name));
        Query safe = pm.newQuery(Product.class, "name == :name");
        safe.setFilter("price > 10");
    }
}
'''


def test_java_jdo_and_hibernate_query_fragments():
    assert severities(JAVA_FRAGMENTS, "java") == [("JAVA-SQL", 8, "high"), ("JAVA-SQL", 9, "high"),
                                                  ("JAVA-SQL", 10, "high")]


RUST_GUARD = '''use std::process::Command;

pub fn greet(input: &str) -> Result<String, String> {
    GUARD
    let script = format!("echo {}", input);
    let output = Command::new("sh").arg("-c").arg(script).output().map_err(|e| e.to_string())?;
    Ok(String::from_utf8_lossy(&output.stdout).to_string())
}
'''


def test_rust_character_class_allow_list_before_a_shell():
    guard = '''if !input.chars().all(|c| c.is_alphanumeric() || c == ' ') {
        return Err("invalid input".to_string());
    }'''
    assert severities(RUST_GUARD.replace("GUARD", guard), "rust") == []
    assert [r for r, _, s in severities(RUST_GUARD.replace("GUARD", ""), "rust") if s != "low"] == ["RS-SHELL"]


def test_python_all_characters_allow_list_before_a_shell():
    code = '''import os
import sys


def main():
    name = sys.argv[1]
    if not all(c.isalnum() for c in name):
        raise SystemExit("bad name")
    os.system("id " + name)
'''
    assert severities(code, "python") == []


def test_ruby_driver_escaping_is_a_sanitiser():
    code = '''def lambda_handler(event:, context:)
  client = Mysql2::Client.new(host: "db")
  escaped = client.escape(event["id"])
  client.query("SELECT * FROM users WHERE grp = '#{escaped}'")
  client.query("SELECT * FROM users WHERE grp = '#{event["id"]}'")
end
'''
    assert severities(code, "ruby") == [("RB-SQL", 5, "high")]


def test_js_shelljs_and_vm2_and_compile_function():
    code = '''const shell = require("shelljs");
const { VM, VMScript } = require("vm2");
const vm = require("vm");

app.get("/run", (req, res) => {
  shell.exec("ls " + req.query.dir, { silent: true });
  shell.exec("ls -la", { silent: true });
  new VM({ timeout: 1000 }).run("compute(" + req.query.expr + ")");
  const script = new VMScript(`log(${req.query.msg})`);
  vm.compileFunction(req.body.code, [], {});
  res.send("ok");
});
'''
    assert severities(code, "javascript") == [("JS-EXEC", 6, "critical"), ("JS-EXEC", 7, "low"),
                                              ("JS-VM", 8, "critical"), ("JS-VM", 9, "critical"),
                                              ("JS-VM", 10, "critical")]


def test_php_query_builder_fragments():
    code = '''<?php
$email = $_GET["email"];
$qb->select("u")->from("User", "u")->where("u.email = " . $email);
$qb->select("u")->from("User", "u")->where("u.email = :email")->setParameter("email", $email);
$users = DB::table("users")->whereRaw("email = '" . $email . "'")->get();
$users = DB::table("users")->where("email", $email)->get();
'''
    assert severities(code, "php") == [("PHP-SQL", 3, "high"), ("PHP-SQL", 5, "high")]


def test_php_assert_of_a_request_string_and_wordpress_queries():
    code = '''<?php
$check = $_GET["check"];
assert($check);
assert($check > 1);
assert("2 > 1");
$rows = $wpdb->get_results("SELECT * FROM {$wpdb->prefix}posts WHERE author = '" . $_GET["author"] . "'");
$rows = $wpdb->get_results($wpdb->prepare("SELECT * FROM posts WHERE author = %s", $_GET["author"]));
'''
    assert severities(code, "php") == [("PHP-EVAL", 3, "critical"), ("PHP-SQL", 6, "high")]


def test_python_asyncpg_query_methods():
    code = '''from fastapi import Request


async def users(request: Request, con):
    name = request.query_params["name"]
    rows = await con.fetch("SELECT * FROM users WHERE name = '%s'" % name)
    row = await con.fetchrow("SELECT * FROM users WHERE name = $1", name)
    data = await session.fetch("https://example.org/" + name)
    return rows, row, data
'''
    assert severities(code, "python") == [("PY-SQL", 6, "high")]
