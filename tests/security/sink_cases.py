"""Cases for the sinks added from semgrep-rules, gosec and FindSecBugs (data for ``test_sink_coverage.py``)."""

#: id -> (language, rule, tainted code, the same sink used safely)
CASES = {
    "py-popen2": ("python", "PY-OS-SYSTEM", '''import os
import sys

out, _ = os.popen2("grep " + sys.argv[1] + " /var/log/syslog")
''', '''import os

out, _ = os.popen2("grep error /var/log/syslog")
'''),
    "py-loop-subprocess-shell": ("python", "PY-SHELL", '''import asyncio
import sys


async def main(loop):
    transport, _ = await loop.subprocess_shell(asyncio.SubprocessProtocol, "du -sh " + sys.argv[1])
''', '''import asyncio
import shlex
import sys


async def main(loop):
    transport, _ = await loop.subprocess_shell(asyncio.SubprocessProtocol, "du -sh " + shlex.quote(sys.argv[1]))
'''),
    "py-loop-subprocess-exec": ("python", "PY-PROCESS", '''import asyncio
import sys


async def main(loop):
    transport, _ = await loop.subprocess_exec(asyncio.SubprocessProtocol, "bash", "-c", sys.argv[1])
''', '''import asyncio
import sys


async def main(loop):
    transport, _ = await loop.subprocess_exec(asyncio.SubprocessProtocol, "ls", "-l", sys.argv[1])
'''),
    "py-subinterpreter": ("python", "PY-CODE-RUN", '''import sys
import _xxsubinterpreters

interp = _xxsubinterpreters.create()
_xxsubinterpreters.run_string(interp, sys.stdin.read())
''', '''import _xxsubinterpreters

interp = _xxsubinterpreters.create()
_xxsubinterpreters.run_string(interp, "print('hello')")
'''),
    "py-pandas-eval": ("python", "PY-CODE-RUN", '''import pandas as pd
from flask import request


def compute(df):
    return pd.eval(request.args["expr"], target=df)
''', '''import pandas as pd


def compute(df):
    return pd.eval("total = price * quantity", target=df)
'''),
    "py-pg8000-run": ("python", "PY-SQL", '''import pg8000.native
from flask import request


def lookup(conn):
    return conn.run("SELECT * FROM users WHERE name = '" + request.args["name"] + "'")
''', '''import pg8000.native
from flask import request


def lookup(conn):
    return conn.run("SELECT * FROM users WHERE name = :name", name=request.args["name"])
'''),
    "py-sqlalchemy-filter": ("python", "PY-SQL", '''from flask import request
from sqlalchemy.orm import Session


def find(session: Session):
    return session.query(User).filter("name = '{}'".format(request.args["name"])).all()
''', '''from flask import request
from sqlalchemy import text
from sqlalchemy.orm import Session


def find(session: Session):
    return session.query(User).filter(text("name = :n").bindparams(n=request.args["name"])).all()
'''),
    "py-numpy-allow-pickle-truthy": ("python", "PY-PICKLE", '''import numpy
from flask import request


def load():
    return numpy.load(request.files["data"], allow_pickle=1)
''', '''import numpy
from flask import request


def load():
    return numpy.load(request.files["data"], allow_pickle=0)
'''),
    "java-preparedquery": ("java", "JAVA-SQL", '''class Repo {
    void find(HttpServletRequest request, SqlClient client) {
        client.preparedQuery("SELECT * FROM users WHERE name = '" + request.getParameter("n") + "'").execute();
    }
}
''', '''class Repo {
    void find(HttpServletRequest request, SqlClient client) {
        client.preparedQuery("SELECT * FROM users WHERE name = $1").execute(Tuple.of(request.getParameter("n")));
    }
}
'''),
    "java-statement-creator": ("java", "JAVA-SQL", '''class Repo {
    PreparedStatementCreatorFactory factory(HttpServletRequest request) {
        return new PreparedStatementCreatorFactory("SELECT * FROM t WHERE a = " + request.getParameter("a"));
    }
}
''', '''class Repo {
    PreparedStatementCreatorFactory factory(HttpServletRequest request) {
        return new PreparedStatementCreatorFactory("SELECT * FROM t WHERE a = ?");
    }
}
'''),
    "java-groovy-parse-class": ("java", "JAVA-SCRIPT-EVAL", '''import groovy.lang.GroovyClassLoader;
class Plugins {
    Class load(HttpServletRequest request) {
        GroovyClassLoader loader = new GroovyClassLoader();
        return loader.parseClass(request.getParameter("script"));
    }
}
''', '''import groovy.lang.GroovyClassLoader;
class Plugins {
    Class load() {
        GroovyClassLoader loader = new GroovyClassLoader();
        return loader.parseClass("class Hello { String greet() { 'hi' } }");
    }
}
'''),
    "java-el": ("java", "JAVA-SCRIPT-EVAL", '''import javax.el.ExpressionFactory;
class Render {
    Object eval(HttpServletRequest request, ExpressionFactory factory, ELContext ctx) {
        return factory.createValueExpression(ctx, request.getParameter("el"), Object.class).getValue(ctx);
    }
}
''', '''import javax.el.ExpressionFactory;
class Render {
    Object eval(HttpServletRequest request, ExpressionFactory factory, ELContext ctx) {
        return factory.createValueExpression(ctx, "#{user.name}", Object.class).getValue(ctx);
    }
}
'''),
    "java-ognl": ("java", "JAVA-SCRIPT-EVAL", '''import ognl.Ognl;
class Binder {
    Object read(HttpServletRequest request, Object root) throws Exception {
        return Ognl.getValue(request.getParameter("path"), root);
    }
}
''', '''import ognl.Ognl;
class Binder {
    Object read(Object root) throws Exception {
        return Ognl.getValue("user.name", root);
    }
}
'''),
    "java-commons-deserialize": ("java", "JAVA-DESER", '''import org.apache.commons.lang3.SerializationUtils;
class Session {
    Object restore(HttpServletRequest request) throws Exception {
        return SerializationUtils.deserialize(request.getInputStream());
    }
}
''', '''import org.apache.commons.lang3.SerializationUtils;
class Session {
    Object copy(Settings settings) {
        return SerializationUtils.deserialize(SerializationUtils.serialize(settings));
    }
}
'''),
    "java-jms-object-message": ("java", "JAVA-DESER", '''import javax.jms.ObjectMessage;
class Listener implements MessageListener {
    public void onMessage(Message message) {
        Object body = ((ObjectMessage) message).getObject();
        handle(body);
    }
}
''', '''import javax.jms.ObjectMessage;
class Listener implements MessageListener {
    public void onMessage(Message message) {
        String body = ((TextMessage) message).getText();
        handle(body);
    }
}
'''),
    "js-spawn-sh-c": ("javascript", "JS-SPAWN-SHELL", '''const { spawn } = require("child_process");
app.get("/run", (req, res) => {
  const child = spawn("sh", ["-c", "ls " + req.query.dir]);
  child.stdout.pipe(res);
});
''', '''const { spawn } = require("child_process");
app.get("/run", (req, res) => {
  const child = spawn("ls", ["-l", req.query.dir]);
  child.stdout.pipe(res);
});
'''),
    "js-spawn-shell-path": ("javascript", "JS-SPAWN-SHELL", '''const cp = require("child_process");
app.get("/run", (req, res) => {
  cp.spawnSync("ls " + req.query.dir, [], { shell: "/bin/sh" });
  res.end();
});
''', '''const cp = require("child_process");
app.get("/run", (req, res) => {
  cp.spawnSync("ls", [req.query.dir]);
  res.end();
});
'''),
    "js-sandbox-run": ("javascript", "JS-VM", '''const Sandbox = require("sandbox");
const s = new Sandbox();
app.post("/eval", (req, res) => {
  s.run("lol(" + req.body.code + ")", (out) => res.send(out));
});
''', '''const Sandbox = require("sandbox");
const s = new Sandbox();
app.post("/eval", (req, res) => {
  s.run("1 + 1", (out) => res.send(out));
});
'''),
    "js-serialize-to-js": ("javascript", "JS-UNSERIALIZE", '''const serialize = require("serialize-to-js");
app.get("/profile", (req, res) => {
  const profile = serialize.deserialize(req.cookies.profile);
  res.json(profile);
});
''', '''const serialize = require("serialize-to-js");
app.get("/profile", (req, res) => {
  const profile = other.deserialize(req.cookies.profile);
  res.json(profile);
});
'''),
    "go-syscall-exec": ("go", "GO-PROCESS", '''package main

import (
\t"os"
\t"syscall"
)

func main() {
\tsyscall.Exec(os.Args[1], os.Args[1:], os.Environ())
}
''', '''package main

import (
\t"os"
\t"syscall"
)

func main() {
\tsyscall.Exec("/usr/bin/git", os.Args, os.Environ())
}
'''),
    "go-env-bash-c": ("go", "GO-SHELL", '''package main

import (
\t"net/http"
\t"os/exec"
)

func handler(w http.ResponseWriter, r *http.Request) {
\texec.Command("/usr/bin/env", "bash", "-c", "ls "+r.FormValue("dir")).Run()
}
''', '''package main

import (
\t"net/http"
\t"os/exec"
)

func handler(w http.ResponseWriter, r *http.Request) {
\texec.Command("/usr/bin/env", "ls", r.FormValue("dir")).Run()
}
'''),
    "go-pg-queryone": ("go", "GO-SQL", '''package main

import (
\t"fmt"
\t"net/http"
)

func handler(w http.ResponseWriter, r *http.Request) {
\tdb.QueryOne(&user, fmt.Sprintf("SELECT * FROM users WHERE email='%s'", r.FormValue("email")))
}
''', '''package main

import (
\t"net/http"
)

func handler(w http.ResponseWriter, r *http.Request) {
\tdb.QueryOne(&user, "SELECT * FROM users WHERE email = ?", r.FormValue("email"))
}
'''),
    "php-call-user-func": ("php", "PHP-CALLABLE", '''<?php
$value = $_POST["value"];
$filter = $_GET["filter"];
echo call_user_func($filter, $value);
''', '''<?php
$value = $_POST["value"];
echo call_user_func("trim", $value);
'''),
    "php-maybe-unserialize": ("php", "PHP-UNSERIALIZE", '''<?php
$options = maybe_unserialize($_COOKIE["options"]);
update_option("import_options", $options);
''', '''<?php
$options = maybe_unserialize(get_option("import_options"), ["allowed_classes" => false]);
update_option("import_options", $options);
'''),
    "php-where-raw-whole": ("php", "PHP-SQL", '''<?php
$orders = DB::table("orders")->selectRaw($_GET["columns"])->get();
return view("orders", ["orders" => $orders]);
''', '''<?php
$orders = DB::table("orders")->selectRaw("price * ? as price_with_tax", [1.0825])->get();
return view("orders", ["orders" => $orders]);
'''),
    "ruby-oj-load": ("ruby", "RB-DESER", '''class ProfilesController < ApplicationController
  def show
    profile = Oj.load(params[:profile])
    render json: profile
  end
end
''', '''class ProfilesController < ApplicationController
  def show
    profile = Oj.load(params[:profile], mode: :strict)
    render json: profile
  end
end
'''),
    "ruby-yaml-load": ("ruby", "RB-DESER", '''class ImportsController < ApplicationController
  def create
    settings = YAML.load(params[:settings])
    render json: settings
  end
end
''', '''class ImportsController < ApplicationController
  def create
    settings = YAML.load(File.read("config/defaults.yml"))
    render json: settings
  end
end
'''),
    "ruby-iseq-compile": ("ruby", "RB-EVAL", '''class SnippetsController < ApplicationController
  def run
    result = RubyVM::InstructionSequence.compile(params[:code]).eval
    render plain: result.to_s
  end
end
''', '''class SnippetsController < ApplicationController
  def run
    result = RubyVM::InstructionSequence.compile("1 + 1").eval
    render plain: result.to_s
  end
end
'''),
    "c-posix-spawn": ("c", "C-EXEC", '''#include <spawn.h>
extern char **environ;
int main(int argc, char **argv) {
    pid_t pid;
    return posix_spawn(&pid, argv[1], NULL, NULL, argv + 1, environ);
}
''', '''#include <spawn.h>
extern char **environ;
int main(int argc, char **argv) {
    pid_t pid;
    return posix_spawn(&pid, "/usr/bin/git", NULL, NULL, argv, environ);
}
'''),
    "c-odbc-wide": ("c", "C-SQL", '''#include <sql.h>
#include <stdio.h>
int find(SQLHSTMT stmt, const char *name) {
    char query[256];
    snprintf(query, sizeof query, "SELECT id FROM users WHERE name = '%s'", name);
    return SQLExecDirectA(stmt, (SQLCHAR *)query, SQL_NTS);
}
int main(int argc, char **argv) { return find(0, argv[1]); }
''', '''#include <sql.h>
int find(SQLHSTMT stmt) {
    return SQLExecDirectA(stmt, (SQLCHAR *)"SELECT id FROM users", SQL_NTS);
}
int main(void) { return find(0); }
'''),
    "java-sql-passed-public-parameter": ("java", "JAVA-SQL-PASSED", '''public class ReportDao {
    public int purge(Connection conn, String statement) throws SQLException {
        return conn.createStatement().executeUpdate(statement);
    }
}
''', '''public class ReportDao {
    public int purge(Connection conn, Call call) throws SQLException {
        apiClient.execute(call);
        return conn.createStatement().executeUpdate("DELETE FROM reports WHERE stale");
    }
    private int run(Connection conn, String statement) throws SQLException {
        return conn.createStatement().executeUpdate(statement);
    }
}
'''),
}
CASES.update({
    "py-execve-sh-c-list": ("python", "PY-PROCESS", '''import os
import sys

os.execve("/bin/bash", ["/bin/bash", "-c", "ls " + sys.argv[1]], os.environ)
''', '''import os
import sys

os.execve("/bin/ls", ["ls", "-l", sys.argv[1]], os.environ)
'''),
    "js-knex-where-raw": ("javascript", "JS-SQL", '''const knex = require("knex")(config);
app.get("/users", async (req, res) => {
  const rows = await knex("users").whereRaw("name = '" + req.query.name + "'");
  res.json(rows);
});
''', '''const knex = require("knex")(config);
app.get("/users", async (req, res) => {
  const rows = await knex("users").whereRaw("name = ?", [req.query.name]);
  res.json(rows);
});
'''),
    "js-sequelize-literal": ("javascript", "JS-SQL", '''const { Sequelize } = require("sequelize");
app.get("/posts", async (req, res) => {
  const order = Sequelize.literal(`created_at ${req.query.dir}`);
  res.json(await Post.findAll({ order: [order] }));
});
''', '''const { Sequelize } = require("sequelize");
app.get("/posts", async (req, res) => {
  const order = Sequelize.literal("created_at DESC");
  res.json(await Post.findAll({ order: [order] }));
});
'''),
    "java-mvel": ("java", "JAVA-SCRIPT-EVAL", '''import org.mvel2.MVEL;
class Rules {
    Object apply(HttpServletRequest request, Map vars) {
        return MVEL.eval(request.getParameter("rule"), vars);
    }
}
''', '''import org.mvel2.MVEL;
class Rules {
    Object apply(HttpServletRequest request, Map vars) {
        return MVEL.eval("order.total > 100", vars);
    }
}
'''),
    "java-jexl": ("java", "JAVA-SCRIPT-EVAL", '''import org.apache.commons.jexl3.JexlEngine;
class Calc {
    Object run(HttpServletRequest request, JexlEngine jexl, JexlContext ctx) {
        return jexl.createExpression(request.getParameter("expr")).evaluate(ctx);
    }
}
''', '''import org.apache.commons.jexl3.JexlEngine;
class Calc {
    Object run(JexlEngine jexl, JexlContext ctx) {
        return jexl.createExpression("price * quantity").evaluate(ctx);
    }
}
'''),
    "java-velocity-evaluate": ("java", "JAVA-SCRIPT-EVAL", '''import org.apache.velocity.app.Velocity;
class Mailer {
    String render(HttpServletRequest request, VelocityContext ctx) {
        StringWriter out = new StringWriter();
        Velocity.evaluate(ctx, out, "mail", request.getParameter("template"));
        return out.toString();
    }
}
''', '''import org.apache.velocity.app.Velocity;
class Mailer {
    String render(VelocityContext ctx) {
        StringWriter out = new StringWriter();
        Velocity.evaluate(ctx, out, "mail", "Hello $name");
        return out.toString();
    }
}
'''),
    "java-r2dbc-sql": ("java", "JAVA-SQL", '''import org.springframework.r2dbc.core.DatabaseClient;
class Repo {
    Flux<Map<String, Object>> find(ServerHttpRequest request, DatabaseClient client) {
        String name = request.getQueryParams().getFirst("name");
        return client.sql("SELECT * FROM users WHERE name = '" + name + "'").fetch().all();
    }
}
''', '''import org.springframework.r2dbc.core.DatabaseClient;
class Repo {
    Flux<Map<String, Object>> find(ServerHttpRequest request, DatabaseClient client) {
        String name = request.getQueryParams().getFirst("name");
        return client.sql("SELECT * FROM users WHERE name = :name").bind("name", name).fetch().all();
    }
}
'''),
    "go-gorm-where": ("go", "GO-SQL", '''package main

import (
\t"fmt"
\t"net/http"

\t"gorm.io/gorm"
)

func handler(db *gorm.DB, w http.ResponseWriter, r *http.Request) {
\tdb.Where(fmt.Sprintf("name = '%s'", r.FormValue("name"))).Find(&users)
}
''', '''package main

import (
\t"net/http"

\t"gorm.io/gorm"
)

func handler(db *gorm.DB, w http.ResponseWriter, r *http.Request) {
\tdb.Where("name = ?", r.FormValue("name")).Find(&users)
}
'''),
    "ruby-erb-new": ("ruby", "RB-EVAL", '''class PagesController < ApplicationController
  def preview
    html = ERB.new(params[:template]).result(binding)
    render html: html
  end
end
''', '''class PagesController < ApplicationController
  def preview
    html = ERB.new(File.read("app/views/preview.erb")).result(binding)
    render html: html
  end
end
'''),
    "rust-mysql-query-drop": ("rust", "RS-SQL", '''use mysql::prelude::*;
use std::env;

fn main() {
    let mut conn = pool().get_conn().unwrap();
    let name = env::args().nth(1).unwrap();
    conn.query_drop(format!("DELETE FROM users WHERE name = '{}'", name)).unwrap();
}
''', '''use mysql::prelude::*;
use std::env;

fn main() {
    let mut conn = pool().get_conn().unwrap();
    let name = env::args().nth(1).unwrap();
    conn.exec_drop("DELETE FROM users WHERE name = ?", (name,)).unwrap();
}
'''),
    "py-getattr-os-system": ("python", "PY-OS-SYSTEM", '''import sys

runner = __import__("os")
getattr(__import__("os"), "system")("ping -c 1 " + sys.argv[1])
''', '''import sys

getattr(__import__("os"), "system")("ping -c 1 localhost")
'''),
    "ruby-finder-options": ("ruby", "RB-SQL", '''class ProductsController < ApplicationController
  def index
    @products = Product.find(:all, :conditions => "category = '#{params[:category]}'")
  end
end
''', '''class ProductsController < ApplicationController
  def index
    @products = Product.find(:all, :conditions => ["category = ?", params[:category]])
  end
end
'''),
})
