"""Per-rule, per-language cases: a true positive and a safe look-alike that must not fire.

Each positive is realistic code of at least five lines (the pipeline's minimum); the
look-alike uses the same API the safe way. ``EXPECTED`` pins the finding and its
explanation line by line.
"""

CASES = {
    # ---------------------------------------------------------------- Python
    "PY-PROCESS": ("python", '''import asyncio
import sys


async def preview(path):
    """Open a file in the viewer named on the command line."""
    process = await asyncio.create_subprocess_exec(sys.argv[1], path)
    return await process.wait()
''', '''import asyncio


async def preview(path):
    """Open a file in the system viewer."""
    process = await asyncio.create_subprocess_exec("xdg-open", path)
    return await process.wait()
'''),
    "PY-SSH-EXEC": ("python", '''import paramiko


def disk_usage(client: paramiko.SSHClient, directory):
    """Report the size of a directory on the remote host."""
    _, stdout, _ = client.exec_command("du -sh " + directory)
    return stdout.read().decode()
''', '''import shlex

import paramiko


def disk_usage(client: paramiko.SSHClient, directory):
    """Report the size of a directory on the remote host."""
    _, stdout, _ = client.exec_command("du -sh " + shlex.quote(directory))
    return stdout.read().decode()
'''),
    "PY-EVAL": ("python", '''def calculate(expression):
    """Evaluate what the user typed."""
    value = eval(expression)
    return value


''', '''import ast


def parse_literal(text):
    """Parse a Python literal safely."""
    return ast.literal_eval(text)
'''),
    "PY-CODE-RUN": ("python", '''import code
import sys

console = code.InteractiveConsole()
for line in sys.stdin:
    console.push(line)
''', '''import code

console = code.InteractiveConsole()
for line in ("x = 1", "print(x)"):
    console.push(line)
'''),
    "PY-EXEC": ("python", '''def apply_rule(rule_text, record):
    """Apply a filter rule typed by the user to one record."""
    code = compile(rule_text, "<rule>", "exec")
    exec(code, {"record": record})
    return record
''', '''import importlib


def load_plugin(name):
    """Import a plugin module by name."""
    spec = importlib.util.find_spec(name)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
'''),
    "PY-SHELL": ("python", '''import subprocess


def search(pattern, path):
    """grep a file for a pattern."""
    return subprocess.run(f"grep {pattern} {path}", shell=True, check=True)
''', '''import subprocess


def search(pattern, path):
    """grep a file for a pattern."""
    return subprocess.run(["grep", pattern, path], check=True)
'''),
    "PY-OS-SYSTEM": ("python", '''import os


def remove_tree(path):
    """Delete a directory and everything in it."""
    os.system("rm -rf " + path)
''', '''import platform
import shutil


def remove_tree(path):
    """Delete a directory and everything in it."""
    print(platform.system())
    shutil.rmtree(path)
'''),
    "PY-PICKLE": ("python", '''import pickle


def load_cart(cookie_value):
    """Restore the shopping cart stored in a cookie."""
    return pickle.loads(cookie_value)
''', '''import json
import pickle


def save_cart(cart):
    """Serialize the cart; loading uses JSON."""
    blob = pickle.dumps(cart)
    return json.loads(json.dumps(cart)), blob
'''),
    "PY-MARSHAL": ("python", '''import marshal
import socket


def receive_code(connection: socket.socket):
    """Rebuild a code object sent by a peer."""
    blob = connection.recv(65536)
    return marshal.loads(blob)
''', '''import marshal


def dump_code(code):
    """Serialize a code object for the local cache."""
    return marshal.dumps(code)
'''),
    "PY-SHELVE": ("python", '''import shelve

from flask import Flask, request

app = Flask(__name__)


@app.route("/profile")
def read_profile():
    """Read a user profile from the database the client names."""
    with shelve.open(request.args["db"]) as db:
        return db[request.args["user"]]
''', '''import dbm


def read_profile(path, user):
    """Read a user profile from a dbm file (bytes only)."""
    with dbm.open(path) as db:
        return db[user]
'''),
    "PY-YAML": ("python", '''import yaml


def read_config(stream):
    """Read a YAML config file."""
    return yaml.load(stream)
''', '''import yaml


def read_config(stream):
    """Read a YAML config file."""
    first = yaml.load(stream, Loader=yaml.SafeLoader)
    return first or yaml.safe_load(stream)
'''),
    "PY-SQL": ("python", '''def find_user(cursor, name):
    """Fetch one user by name."""
    cursor.execute(f"SELECT id, email FROM users WHERE name = '{name}'")
    row = cursor.fetchone()
    return row
''', '''def find_user(cursor, name):
    """Fetch one user by name."""
    cursor.execute("SELECT id, email FROM users WHERE name = ?", (name,))
    row = cursor.fetchone()
    return row
'''),
    # ------------------------------------------------------ JavaScript / TS
    "JS-EVAL": ("javascript", '''function calculate(expression) {
  // evaluate what the user typed
  const value = eval(expression);
  return value;
}
''', '''function parseSettings(text) {
  // settings arrive as JSON
  const value = JSON.parse(text);
  return value;
}
'''),
    "JS-TIMER": ("javascript", '''const params = new URLSearchParams(location.search);

function schedule() {
  const step = location.hash.slice(1);
  setTimeout("render(" + step + ")", 100);
}
''', '''const params = new URLSearchParams(location.search);

function schedule() {
  const step = location.hash.slice(1);
  setTimeout(() => render(step), 100);
}
'''),
    "JS-FUNCTION": ("javascript", '''function compileRule(body) {
  // turn a rule from the admin page into a predicate
  const predicate = new Function("record", body);
  return predicate;
}
''', '''function compileRule(field, expected) {
  // build a predicate without evaluating strings
  const predicate = function (record) { return record[field] === expected; };
  return predicate;
}
'''),
    "JS-VM": ("javascript", '''const vm = require("vm");

function runTemplate(code, context) {
  return vm.runInNewContext(code, context);
}
''', '''const vm = require("vm");

function version() {
  return vm.constructor.name + process.version;
}
'''),
    "JS-EXEC": ("javascript", '''const { exec } = require("child_process");

function listDirectory(dir, callback) {
  exec(`ls -la ${dir}`, callback);
}
''', '''const { execFile } = require("child_process");
const WORD = /\\w+/g;

function listDirectory(dir, callback) {
  const first = WORD.exec(dir);
  execFile("ls", ["-la", dir], callback);
  return first;
}
'''),
    "JS-SPAWN-SHELL": ("javascript", '''import { spawn } from "child_process";

export function build(target) {
  return spawn(`make ${target}`, { shell: true, stdio: "inherit" });
}
''', '''import { spawn } from "child_process";

export function build(target) {
  return spawn("make", [target], { stdio: "inherit" });
}
'''),
    "JS-SQL": ("typescript", '''import { Pool } from "pg";

export async function findUser(pool: Pool, name: string) {
  const result = await pool.query(`SELECT * FROM users WHERE name = '${name}'`);
  return result.rows[0];
}
''', '''import { Pool } from "pg";

export async function findUser(pool: Pool, name: string) {
  const result = await pool.query("SELECT * FROM users WHERE name = $1", [name]);
  return result.rows[0];
}
'''),
    "JS-UNSERIALIZE": ("javascript", '''const serialize = require("node-serialize");

function readSession(cookie) {
  const raw = Buffer.from(cookie, "base64").toString();
  return serialize.unserialize(raw);
}
''', '''const serialize = require("node-serialize");

function writeSession(session) {
  const raw = serialize.serialize(session);
  return Buffer.from(raw).toString("base64");
}
'''),
    # ------------------------------------------------------------------ Rust
    "RS-SQL": ("rust", '''use postgres::Client;

fn find_user(client: &mut Client, name: &str) -> Result<i32, postgres::Error> {
    let row = client.query_one(&format!("SELECT id FROM users WHERE name = '{}'", name), &[])?;
    Ok(row.get(0))
}
''', '''use postgres::Client;

fn find_user(client: &mut Client, name: &str) -> Result<i32, postgres::Error> {
    let row = client.query_one("SELECT id FROM users WHERE name = $1", &[&name])?;
    Ok(row.get(0))
}
'''),
    "RS-SHELL": ("rust", '''use std::process::Command;

fn archive(dir: &str) -> std::io::Result<()> {
    let script = format!("tar czf backup.tgz {}", dir);
    Command::new("sh").arg("-c").arg(&script).status()?;
    Ok(())
}
''', '''use std::process::Command;

fn archive(dir: &str) -> std::io::Result<()> {
    Command::new("tar").args(["czf", "backup.tgz", dir]).status()?;
    Ok(())
}
'''),
    "RS-PROCESS": ("rust", '''use std::env;
use std::process::Command;

fn main() {
    let tool = env::args().nth(1).expect("tool");
    Command::new(tool).arg("--version").status().expect("run");
}
''', '''use std::env;
use std::process::Command;

fn main() {
    let file = env::args().nth(1).expect("file");
    Command::new("wc").arg("-l").arg(file).status().expect("run");
}
'''),
    # ---------------------------------------------------------------- C / C++
    "C-SHELL": ("c", '''#include <stdio.h>
#include <stdlib.h>

int main(int argc, char *argv[]) {
    char command[512];
    snprintf(command, sizeof command, "tar czf backup.tgz %s", argv[1]);
    return system(command);
}
''', '''#include <stdio.h>
#include <unistd.h>

int main(int argc, char *argv[]) {
    char *const args[] = {"tar", "czf", "backup.tgz", argv[1], NULL};
    execv("/bin/tar", args);
    return 1;
}
'''),
    "C-EXEC": ("c", '''#include <unistd.h>

int main(int argc, char *argv[]) {
    /* run the tool named on the command line */
    execvp(argv[1], argv + 1);
    return 127;
}
''', '''#include <unistd.h>

int main(int argc, char *argv[]) {
    /* run ls on the directory named on the command line */
    execlp("ls", "ls", "-l", argv[1], (char *)NULL);
    return 127;
}
'''),
    "C-SQL": ("cpp", '''#include <sqlite3.h>
#include <string>

int remove_user(sqlite3 *db, const std::string &name) {
    std::string sql = "DELETE FROM users WHERE name = '" + name + "'";
    return sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
}
''', '''#include <sqlite3.h>
#include <string>

int remove_user(sqlite3 *db, const std::string &name) {
    sqlite3_stmt *stmt = nullptr;
    sqlite3_prepare_v2(db, "DELETE FROM users WHERE name = ?", -1, &stmt, nullptr);
    sqlite3_bind_text(stmt, 1, name.c_str(), -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    return rc;
}
'''),
    # -------------------------------------------------------------------- Go
    "GO-SQL": ("go", '''package store

func FindUser(db *sql.DB, name string) (*sql.Rows, error) {
	query := fmt.Sprintf("SELECT id FROM users WHERE name = '%s'", name)
	return db.Query(query)
}
''', '''package store

func FindUser(db *sql.DB, name string) (*sql.Rows, error) {
	query := "SELECT id FROM users WHERE name = $1"
	return db.Query(query, name)
}
'''),
    "GO-PROCESS": ("go", '''package main

import (
	"os"
	"os/exec"
)

func main() {
	out, _ := exec.Command(os.Args[1], "--version").Output()
	os.Stdout.Write(out)
}
''', '''package main

import (
	"os"
	"os/exec"
)

func main() {
	out, _ := exec.Command("git", "log", os.Args[1]).Output()
	os.Stdout.Write(out)
}
'''),
    "GO-SHELL": ("go", '''package tools

func Archive(dir string) ([]byte, error) {
	cmd := exec.Command("sh", "-c", "tar czf backup.tgz "+dir)
	return cmd.Output()
}
''', '''package tools

func Archive(dir string) ([]byte, error) {
	cmd := exec.Command("tar", "czf", "backup.tgz", dir)
	return cmd.Output()
}
'''),
    # ------------------------------------------------------------------ Java
    "JAVA-SQL": ("java", '''class UserDao {
    ResultSet find(Connection conn, String name) throws SQLException {
        Statement stmt = conn.createStatement();
        return stmt.executeQuery("SELECT id FROM users WHERE name = '" + name + "'");
    }
}
''', '''class UserDao {
    ResultSet find(Connection conn, String name) throws SQLException {
        PreparedStatement stmt = conn.prepareStatement("SELECT id FROM users WHERE name = ?");
        stmt.setString(1, name);
        return stmt.executeQuery();
    }
}
'''),
    "JAVA-SQL-PASSED": ("java", '''public class ReportDao {
    public ResultSet run(Connection conn, String sql) throws SQLException {
        Statement stmt = conn.createStatement();
        return stmt.executeQuery(sql);
    }
}
''', '''public class ReportDao {
    public ResultSet run(Connection conn) throws SQLException {
        String sql = "SELECT id, total FROM reports ORDER BY id";
        return conn.createStatement().executeQuery(sql);
    }
}
'''),
    "JAVA-EXEC": ("java", '''class Backup {
    Process archive(String dir) throws IOException {
        String command = "tar czf backup.tgz " + dir;
        return Runtime.getRuntime().exec(command);
    }
}
''', '''class Backup {
    Process archive(String dir) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("tar", "czf", "backup.tgz", dir);
        return builder.start();
    }
}
'''),
    "JAVA-DESER": ("java", '''class SessionReader {
    Object read(InputStream input) throws Exception {
        ObjectInputStream in = new ObjectInputStream(input);
        return in.readObject();
    }
}
''', '''class SessionReader {
    Session read(InputStream input) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        return mapper.readValue(input, Session.class);
    }
}
'''),
    "JAVA-SCRIPT-EVAL": ("java", '''class RuleRunner {
    Object run(String rule) throws ScriptException {
        ScriptEngine engine = new ScriptEngineManager().getEngineByName("js");
        return engine.eval(rule);
    }
}
''', '''class RuleRunner {
    Object run(Map<String, Object> rule) {
        Evaluator evaluator = new Evaluator();
        return evaluator.apply(rule);
    }
}
'''),
    # ------------------------------------------------------------------- PHP
    "PHP-EVAL": ("php", '''<?php
function calculate($expression) {
    // evaluate what the user typed
    return eval("return " . $expression . ";");
}
''', '''<?php
function parse_settings($text) {
    // settings arrive as JSON
    return json_decode($text, true);
}
'''),
    "PHP-SHELL": ("php", '''<?php
function list_directory($dir) {
    // show the files of a directory
    return shell_exec("ls -la " . $dir);
}
''', '''<?php
function list_directory($dir) {
    // show the files of a directory
    return shell_exec("ls -la " . escapeshellarg($dir));
}
'''),
    "PHP-UNSERIALIZE": ("php", '''<?php
function read_cart($cookie) {
    // the cart is stored client-side
    return unserialize(base64_decode($cookie));
}
''', '''<?php
function read_cart($cookie) {
    // the cart is stored client-side
    return unserialize(base64_decode($cookie), ["allowed_classes" => false]);
}
'''),
    "PHP-CALLABLE": ("php", '''<?php
$rows = load_rows();
$order = $_GET["order"];
usort($rows, $order);
echo json_encode($rows);
''', '''<?php
$rows = load_rows();
$sorters = ["name" => "by_name", "date" => "by_date"];
usort($rows, $sorters[$_GET["order"]] ?? "by_name");
echo json_encode($rows);
'''),
    "RB-DYNAMIC": ("ruby", '''class ReportsController < ApplicationController
  def show
    report = Report.find(params[:id])
    render json: report.public_send(params[:format])
  end
end
''', '''class ReportsController < ApplicationController
  FORMATS = { "csv" => :to_csv, "json" => :as_json }.freeze
  def show
    report = Report.find(params[:id])
    render json: report.public_send(FORMATS.fetch(params[:format], :as_json))
  end
end
'''),
    "RB-OPEN": ("ruby", '''class FeedsController < ApplicationController
  def fetch
    body = open(params[:url]).read
    render plain: body
  end
end
''', '''class FeedsController < ApplicationController
  def fetch
    body = File.open(params[:name]).read
    render plain: body
  end
end
'''),
    "PHP-SQL": ("php", '''<?php
function find_user($db, $name) {
    $result = mysqli_query($db, "SELECT id FROM users WHERE name = '$name'");
    return mysqli_fetch_assoc($result);
}
''', '''<?php
function find_user($pdo, $name) {
    $stmt = $pdo->prepare("SELECT id FROM users WHERE name = ?");
    $stmt->execute([$name]);
    return $stmt->fetch();
}
'''),
    # ------------------------------------------------------------------ Ruby
    "RB-EVAL": ("ruby", '''class Calculator
  def calculate(expression)
    eval(expression)
  end
end
''', '''class Calculator
  def calculate(operator, left, right)
    left.public_send(operator, right)
  end
end
'''),
    "RB-SHELL": ("ruby", '''class Backup
  def archive(dir)
    system("tar czf backup.tgz #{dir}")
  end
end
''', '''class Backup
  def archive(dir)
    system("tar", "czf", "backup.tgz", dir)
  end
end
'''),
    "RB-DESER": ("ruby", '''class SessionStore
  def read(cookie)
    Marshal.load(Base64.decode64(cookie))
  end
end
''', '''class SessionStore
  def read(cookie)
    JSON.parse(Base64.decode64(cookie))
  end
end
'''),
    "RB-SQL": ("ruby", '''class UsersController < ApplicationController
  def index
    @users = User.where("name = '#{params[:name]}'")
  end
end
''', '''class UsersController < ApplicationController
  def index
    @users = User.where(name: params[:name])
  end
end
'''),
}
EXPECTED = {
    'RB-DYNAMIC': ('critical', 4, 'CWE-470',
        'Code injection: `params[:format]` (line 4) reaches report.public_send() (line 4); public_send() calls a method or class named by outside input',
        'Map the input to a method through an allow-list (a Hash of permitted names), never send() or const_get() a name taken from params.'),
    'RB-OPEN': ('critical', 3, 'CWE-78',
        'Shell/command injection: `params[:url]` (line 3) reaches open() (line 3); open() runs a command when the path starts with "|"',
        'Use File.open() or File.read() for files and URI.open() / Net::HTTP for URLs; never Kernel#open() with input.'),
    'PY-CODE-RUN': ('critical', 6, 'CWE-95',
        'Code injection: `sys.stdin` (line 5) reaches console.push() (line 6); console.push() compiles and runs its argument as Python code',
        'Do not hand outside text to an interpreter: parse data with json or ast.literal_eval(), and dispatch to known functions through a dict.'),
    'GO-PROCESS': ('critical', 9, 'CWE-78',
        'Shell/command injection: `os.Args[1]` (line 9) reaches exec.Command() (line 9); exec.Command() starts a program named by outside input',
        'Start a fixed program, or check the name against an allow-list first; pass values as separate arguments.'),
    'PHP-CALLABLE': ('critical', 4, 'CWE-95',
        'Code injection: `$_GET["order"]` (line 3) reaches usort() (line 4); usort() calls a function whose name comes from outside input',
        'Map the input to a callable through an allow-list array ($handlers[$name] ?? null), never call a name taken from the request.'),
    'JAVA-SQL-PASSED': ('medium', 4, 'CWE-89',
        'SQL injection: `sql` (line 2) reaches stmt.executeQuery() (line 4); the whole statement run by executeQuery() comes from outside this method',
        'Do not accept whole SQL statements: keep the statement a constant with ? placeholders in a PreparedStatement, take the values as parameters and bind them with setString()/setInt().'),
    'C-SHELL': ('critical', 7, 'CWE-78',
        'Shell/command injection: `argv[1]` (line 6) reaches system() (line 7); system() runs a command string through /bin/sh',
        'Do not build shell commands: fork and execv()/posix_spawn() a fixed program with the value as its own argv element.'),
    'C-EXEC': ('critical', 5, 'CWE-78',
        'Shell/command injection: `argv[1]` (line 5) reaches execvp() (line 5); execvp() starts a program named by outside input',
        'Start a fixed program (an absolute path), or check the name against an allow-list first.'),
    'C-SQL': ('high', 6, 'CWE-89',
        'SQL injection: `name` (line 4) reaches sqlite3_exec() (line 6); SQL text built with sprintf/strcat/concatenation is passed to sqlite3_exec()',
        'Prepare the statement with ? placeholders and bind the values: sqlite3_prepare_v2() then sqlite3_bind_text(); PQexecParams() for libpq; mysql_stmt_prepare() for MySQL.'),
    'RS-PROCESS': ('critical', 6, 'CWE-78',
        'Shell/command injection: `env::args().nth(1).expect("tool")` (line 5) reaches Command::new() (line 6); Command::new() starts a program named by outside input',
        'Start a fixed program, or check the name against an allow-list of programs first; pass values with .arg().'),
    'JS-TIMER': ('critical', 5, 'CWE-95',
        'Code injection: `location.hash.slice(1)` (line 4) reaches setTimeout() (line 5); setTimeout() with a string compiles that string as code',
        'Pass a function instead of a string: setTimeout(() => update(value), 100).'),
    'PY-PROCESS': ('critical', 7, 'CWE-78',
        "Shell/command injection: `sys.argv[1]` (line 7) reaches asyncio.create_subprocess_exec() (line 7); asyncio.create_subprocess_exec() starts a program named by outside input, or passes outside input to a shell's -c",
        'Start a fixed program and pass the value as one separate argument, after "--": subprocess.run(["tool", "--", value]); never hand it to sh -c.'),
    'PY-SSH-EXEC': ('critical', 6, 'CWE-78',
        "Shell/command injection: `directory` (line 4) reaches client.exec_command() (line 6); client.exec_command() runs its argument in the remote host's shell",
        'Quote every value with shlex.quote() when building the remote command, or run a fixed command and send the data on its stdin.'),
    'PY-EVAL': ('critical', 3, 'CWE-95',
        'Code injection: `expression` (line 1) reaches eval() (line 3); eval() allows arbitrary code execution',
        'Use ast.literal_eval() for safe evaluation.'),
    'PY-EXEC': ('critical', 4, 'CWE-95',
        'Code injection: `rule_text` (line 1) reaches exec() (line 4); exec() runs code assembled at run time',
        'Do not exec() dynamic strings; dispatch to known functions through a dict, or load plugins with importlib.import_module().'),
    'PY-SHELL': ('critical', 6, 'CWE-78',
        'Shell/command injection: `pattern` (line 4) reaches subprocess.run() (line 6); subprocess.run() with shell=True passes the command to the shell',
        'Pass an argument list without shell=True, e.g. subprocess.run(["ls", path], check=True); if a shell is unavoidable, quote every value with shlex.quote().'),
    'PY-OS-SYSTEM': ('critical', 6, 'CWE-78',
        'Shell/command injection: `path` (line 4) reaches os.system() (line 6); os.system() runs its argument through the shell',
        'Use subprocess.run([...]) with an argument list instead of os.system().'),
    'PY-PICKLE': ('high', 6, 'CWE-502',
        'Unsafe deserialization: `cookie_value` (line 4) reaches pickle.loads() (line 6); pickle.loads() can execute arbitrary code while loading',
        'Use json or another data-only format for data you did not produce; only unpickle data you wrote yourself and authenticated (e.g. with hmac).'),
    'PY-MARSHAL': ('high', 8, 'CWE-502',
        'Unsafe deserialization: `connection.recv(65536)` (line 7) reaches marshal.loads() (line 8); marshal.loads() is not safe against malicious data',
        'Use json for data exchange; marshal is only for trusted, same-version .pyc data.'),
    'PY-SHELVE': ('medium', 11, 'CWE-502',
        'Unsafe deserialization: `request.args["db"]` (line 11) reaches shelve.open() (line 11); shelve.open() unpickles whatever the file contains',
        'Use json or sqlite3 to store data that may come from outside.'),
    'PY-YAML': ('high', 6, 'CWE-502',
        'Unsafe deserialization: `stream` (line 4) reaches yaml.load() (line 6); yaml.load() without a safe Loader can construct arbitrary Python objects',
        'Use yaml.safe_load() or yaml.load(data, Loader=yaml.SafeLoader).'),
    'PY-SQL': ('high', 3, 'CWE-89',
        'SQL injection: `name` (line 1) reaches cursor.execute() (line 3); a query built with string formatting is passed to execute()',
        'Use a parameterised query: cursor.execute("SELECT ... WHERE id = %s", (user_id,)) (placeholder ? for sqlite3) and let the driver quote the values.'),
    'JS-EVAL': ('critical', 3, 'CWE-95',
        'Code injection: `expression` (line 1) reaches eval() (line 3); eval() allows arbitrary code execution',
        'Use JSON.parse() for data, or a lookup table of functions instead of evaluating code.'),
    'JS-FUNCTION': ('critical', 3, 'CWE-95',
        'Code injection: `body` (line 1) reaches new Function() (line 3); new Function() compiles a string into code',
        'Do not build functions from strings; write the function, or pick one from a map.'),
    'JS-VM': ('critical', 4, 'CWE-95',
        'Code injection: `code` (line 3) reaches vm.runInNewContext() (line 4); vm.runInNewContext() runs a string as code; the vm module is not a sandbox',
        'Do not run untrusted code in-process; parse data with JSON.parse() instead.'),
    'JS-EXEC': ('critical', 4, 'CWE-78',
        'Shell/command injection: `dir` (line 3) reaches exec() (line 4); exec() runs a command string through the shell',
        'Use execFile()/spawn() with an argument array, e.g. execFile("ls", [dir]), and no shell option.'),
    'JS-SPAWN-SHELL': ('critical', 4, 'CWE-78',
        'Shell/command injection: `target` (line 3) reaches spawn() (line 4); spawn() with shell: true, or with a program named by outside input, runs what the input says',
        'Drop the shell option, start a fixed program and pass the values in the argument array.'),
    'JS-SQL': ('high', 4, 'CWE-89',
        'SQL injection: `name` (line 3) reaches pool.query() (line 4); a query built with string formatting is passed to query()',
        'Use placeholders and pass values separately, e.g. db.query("SELECT * FROM users WHERE id = $1", [id]).'),
    'JS-UNSERIALIZE': ('high', 5, 'CWE-502',
        'Unsafe deserialization: `cookie` (line 3) reaches serialize.unserialize() (line 5); unserialize() can run functions embedded in the serialized payload',
        'Use JSON.parse() and validate the result against a schema.'),
    'RS-SQL': ('high', 4, 'CWE-89',
        'SQL injection: `name` (line 3) reaches client.query_one() (line 4); a query built with format!() is passed to query_one()',
        'Bind parameters instead of formatting them in: client.query("SELECT ... WHERE id = $1", &[&id]) or sqlx::query("... = ?").bind(id).'),
    'RS-SHELL': ('critical', 5, 'CWE-78',
        'Shell/command injection: `dir` (line 3) reaches Command::new() (line 5); Command::new("sh") with -c runs a string through the shell',
        'Run the program directly: Command::new("ls").arg(path), one .arg() per argument.'),
    'GO-SQL': ('high', 5, 'CWE-89',
        'SQL injection: `name` (line 3) reaches db.Query() (line 5); a query built with string formatting is passed to Query()',
        'Use placeholders: db.Query("SELECT ... WHERE id = $1", id) (? for MySQL/SQLite).'),
    'GO-SHELL': ('critical', 4, 'CWE-78',
        'Shell/command injection: `dir` (line 3) reaches exec.Command() (line 4); exec.Command("sh", "-c", ...) runs a string through the shell',
        'Call the program directly with separate arguments: exec.Command("ls", dir).'),
    'JAVA-SQL': ('high', 4, 'CWE-89',
        'SQL injection: `name` (line 2) reaches stmt.executeQuery() (line 4); a query built with string formatting is passed to executeQuery()',
        'Use a PreparedStatement with ? placeholders and setString()/setInt() for the values.'),
    'JAVA-EXEC': ('critical', 4, 'CWE-78',
        'Shell/command injection: `dir` (line 2) reaches Runtime.getRuntime().exec() (line 4); Runtime.exec() runs a command assembled from strings',
        'Use new ProcessBuilder(List.of("ls", dir)) with one element per argument and no shell.'),
    'JAVA-DESER': ('high', 4, 'CWE-502',
        'Unsafe deserialization: `input` (line 2) reaches in.readObject() (line 4); ObjectInputStream.readObject() deserializes untrusted bytes into arbitrary objects',
        'Exchange data as JSON (e.g. Jackson without default typing), or install an ObjectInputFilter that allows only the expected classes.'),
    'JAVA-SCRIPT-EVAL': ('critical', 4, 'CWE-95',
        'Code injection: `rule` (line 2) reaches engine.eval() (line 4); ScriptEngine.eval() runs a string as code',
        'Do not evaluate strings; call known methods, or parse data with a real parser.'),
    'PHP-EVAL': ('critical', 4, 'CWE-95',
        'Code injection: `$expression` (line 2) reaches eval() (line 4); eval() runs a string as PHP code',
        'Remove eval(); use a closure or a lookup array of callables, json_decode() for data.'),
    'PHP-SHELL': ('critical', 4, 'CWE-78',
        'Shell/command injection: `$dir` (line 2) reaches shell_exec() (line 4); shell_exec() runs a command string through the shell',
        'Avoid the shell; if you must, wrap every value in escapeshellarg() (or use proc_open() with an argument array, PHP 7.4+).'),
    'PHP-UNSERIALIZE': ('high', 4, 'CWE-502',
        'Unsafe deserialization: `$cookie` (line 2) reaches unserialize() (line 4); unserialize() can instantiate arbitrary objects from untrusted data',
        "Use json_decode(), or unserialize($data, ['allowed_classes' => false])."),
    'PHP-SQL': ('high', 3, 'CWE-89',
        'SQL injection: `$name` (line 2) reaches mysqli_query() (line 3); a query built from variables is passed to mysqli_query()',
        "Use a prepared statement: $stmt = $pdo->prepare('SELECT ... WHERE id = ?'); $stmt->execute([$id]);"),
    'RB-EVAL': ('critical', 3, 'CWE-95',
        'Code injection: `expression` (line 2) reaches eval() (line 3); eval() runs a string as Ruby code',
        'Use public_send() with an allow-list of method names, or a block instead of a string.'),
    'RB-SHELL': ('critical', 3, 'CWE-78',
        'Shell/command injection: `dir` (line 2) reaches system() (line 3); system() runs an interpolated command string through the shell',
        'Pass the program and its arguments separately, e.g. system("ls", dir), or use Open3.capture2("ls", dir).'),
    'RB-DESER': ('high', 3, 'CWE-502',
        'Unsafe deserialization: `cookie` (line 2) reaches Marshal.load() (line 3); Marshal.load() can instantiate arbitrary objects from untrusted data',
        'Use JSON.parse() or YAML.safe_load() for data you did not produce.'),
    'RB-SQL': ('high', 3, 'CWE-89',
        'SQL injection: `params[:name]` (line 3) reaches User.where() (line 3); an interpolated string is passed to where() as SQL',
        'Let ActiveRecord bind values: where("name = ?", name) or where(name: name).'),
}
