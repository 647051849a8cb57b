"""What a program's invoker hands it whole is theirs to run; input spliced into code is still an injection.

Shapes from real tools reviewers judged (cProfile, ``manage.py shell``, torch's snapshot viewers),
each beside the look-alike that must stay a finding.
"""

from __future__ import annotations

from tritter_data.security.insecure import InsecureCodeAnalyser

ANALYSER = InsecureCodeAnalyser()


def deciding(code: str, language: str = "python") -> list[tuple[str, str, int]]:
    return [(f.rule_id, f.severity, f.line) for f in ANALYSER.analyse(code, language)
            if f.kind == "security" and f.severity != "low"]


PROFILER = '''import argparse
import sys


class Profile:
    def runctx(self, cmd, globals, locals):
        exec(cmd, globals, locals)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("script")
    options = parser.parse_args()
    progname = options.script
    with open(progname, "rb") as fp:
        code = compile(fp.read(), progname, "exec")
    globs = {"__file__": progname, "__name__": "__main__"}
    Profile().runctx(code, globs, None)
'''


def test_a_profiler_running_the_script_named_on_its_command_line_is_not_a_finding() -> None:
    assert deciding(PROFILER) == []
    # the sink is still there, as a low finding that costs score, not the label
    assert [f.rule_id for f in ANALYSER.analyse(PROFILER, "python")] == ["PY-EXEC"]


def test_a_files_text_evaluated_as_data_stays_a_finding() -> None:
    code = "import sys\n\nconfig = open(sys.argv[1]).read()\nsettings = eval(config)\n"
    assert deciding(code) == [("PY-EVAL", "critical", 4)]


def test_command_line_text_run_as_code_stays_a_finding() -> None:
    code = "import sys\n\nexec('result = ' + sys.argv[1])\nprint(result)\n"
    assert deciding(code) == [("PY-EXEC", "critical", 3)]


def test_a_shell_running_its_stdin_is_not_a_finding_but_evaluating_stdin_is() -> None:
    shell = "import sys\n\n\ndef handle():\n    if not sys.stdin.isatty():\n        exec(sys.stdin.read(), globals())\n"
    assert deciding(shell) == []
    calculator = "import sys\n\nprint(eval(sys.stdin.read()))\n"
    assert deciding(calculator) == [("PY-EVAL", "critical", 3)]


SNAPSHOT_VIEWER = '''import argparse
import pickle
import sys


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("snapshot")
    args = parser.parse_args()
    if args.snapshot == "-":
        data = pickle.load(sys.stdin.buffer)
    else:
        with open(args.snapshot, "rb") as f:
            data = pickle.load(f)
    print(len(data))
'''


def test_a_tool_unpickling_the_file_its_invoker_names_is_not_a_finding() -> None:
    assert deciding(SNAPSHOT_VIEWER) == []


def test_unpickling_what_a_socket_or_a_request_sends_stays_a_finding() -> None:
    server = ("import pickle\nimport socket\n\n\ndef serve(sock: socket.socket):\n    conn, _ = sock.accept()\n"
              "    return pickle.loads(conn.recv(65536))\n")
    assert deciding(server) == [("PY-PICKLE", "high", 7)]
    handler = ("import pickle\n\nfrom flask import Flask, request\n\napp = Flask(__name__)\n\n\n"
               "@app.route('/state', methods=['POST'])\ndef state():\n    return str(pickle.loads(request.data))\n")
    assert deciding(handler) == [("PY-PICKLE", "high", 10)]


def test_a_browser_fetch_of_a_request_url_is_not_an_sql_statement() -> None:
    code = ("import js\n\n\ndef send_request(request, timeout):\n"
            "    promise = js.fetch(request.url, {'method': request.method})\n    return promise\n")
    assert deciding(code) == []


def test_a_database_handle_fetching_a_statement_from_the_request_stays_a_finding() -> None:
    code = ("from aiohttp import web\n\n\nasync def report(request: web.Request):\n"
            "    con = request.app['db']\n    rows = await con.fetch(request.query['sql'])\n"
            "    return web.json_response([dict(r) for r in rows])\n")
    assert deciding(code) == [("PY-SQL", "high", 6)]


def test_a_query_of_something_other_than_a_database_is_not_an_sql_statement() -> None:
    """NodeBB asks a fediverse server about a handle with ``activitypub.helpers.query(handle)``."""
    code = '''const activitypub = require("../../activitypub");

exports.addRemote = async function (req, res) {
    const { handle } = req.body;
    const { actorUri } = await activitypub.helpers.query(handle);
    res.json({ actorUri });
};
'''
    assert deciding(code, "javascript") == []
    database = code.replace("activitypub.helpers.query(handle)", "pool.query(handle)")
    assert deciding(database, "javascript") == [("JS-SQL", "high", 5)]


def test_a_request_objects_get_is_not_a_method_of_the_same_name_in_the_file() -> None:
    """A DRF view's ``get(self, req, format=None)`` in the file does not stand for ``request.params.get``."""
    code = '''import os

from pyramid.view import view_config
from rest_framework.views import APIView


class Api(APIView):
    def get(self, req, format=None):
        return None


@view_config(route_name="run")
def run(request):
    param = request.params.get("p", "")
    os.system("prefix " + param)
'''
    assert deciding(code) == [("PY-OS-SYSTEM", "critical", 15)]


def test_a_route_parameter_passed_whole_to_a_shell_is_a_finding() -> None:
    """A shell wrapper's ``cmd`` parameter is its caller's; a route's parameter is the request's."""
    code = '''import os

import flask

app = flask.Flask(__name__)


@app.route("/run/<route_param>")
def route_param(route_param):
    return str(os.system(route_param))


def shell(cmd):
    return os.system(cmd)
'''
    assert deciding(code) == [("PY-OS-SYSTEM", "critical", 10)]


def test_a_class_method_of_the_file_called_through_the_class_is_evaluated() -> None:
    """Redmine's ``eval('"' + f[:string] + '"')`` uses a format the class looks up in its own table."""
    code = '''class User
  USER_FORMATS = {
    :firstname_lastname => {:string => '#{firstname} #{lastname}'},
    :username => {:string => '#{login}'},
  }

  def self.name_formatter(formatter = nil)
    USER_FORMATS[formatter] || USER_FORMATS[:firstname_lastname]
  end

  def name(formatter = nil)
    f = self.class.name_formatter(formatter)
    eval('"' + f[:string] + '"')
  end
end
'''
    assert deciding(code, "ruby") == []


SERVLET = '''import java.io.IOException;
import javax.servlet.http.*;

public class LookupServlet extends HttpServlet {
    @Override
    public void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String param = request.getParameter("name");
        String bar = new Helper().pick(request, param);
        String sql = "SELECT * FROM users WHERE name = '" + bar + "'";
        try {
            java.sql.Statement statement = DatabaseHelper.getSqlStatement();
            statement.execute(sql);
        } catch (java.sql.SQLException e) {
            throw new IOException(e);
        }
    }

    private class Helper {
        public String pick(HttpServletRequest request, String param) {
            int num = 106;
            return (7 * 18) + num > 200 ? "This_should_always_happen" : param;
        }
    }
}
'''


def test_a_helper_of_the_files_own_class_called_on_a_new_instance_is_evaluated() -> None:
    """``new Helper().pick(request, param)`` is this file's method: its constant branch decides."""
    assert deciding(SERVLET, "java") == []
    tainted = SERVLET.replace('"This_should_always_happen" : param', 'param : "This_should_never_happen"')
    assert deciding(tainted, "java") == [("JAVA-SQL", "high", 12)]
