"""Library code: what a caller's program objects, options and commands are (not attacker input).

Each case is the shape of a wrong finding judged on real site-packages (notes/issue-12-judged.txt),
written afresh, beside the look-alike that must stay a finding.
"""

from __future__ import annotations

from tritter_data.security.insecure import InsecureCodeAnalyser


def severities(code: str, language: str = "python") -> list[tuple[str, str]]:
    return [(f.rule_id, f.severity) for f in InsecureCodeAnalyser().analyse(code, language)]


def test_attributes_of_a_program_object_parameter_are_not_input():
    code = '''def estimate_runtime(snode):
    """Evaluate the kernel's recorded size expression."""
    size = eval(snode.node.size_expr)
    return size
'''
    assert severities(code) == [("PY-EVAL", "low")]


def test_named_entries_of_a_program_mapping_parameter_are_not_input():
    """numpy's f2py evaluates a Fortran declaration's initialiser (``var["="]``); torch's trace
    analyser a loaded dump's ``pg_config["ranks"]``: the caller's dicts, judged wrong by two reviewers."""
    code = '''def getinit(a, var):
    """The initial value of a Fortran variable, as Python."""
    if "=" in var:
        return eval(var["="], {}, {})
    return None


def ranks_of(pg_config):
    return eval(pg_config["ranks"])
'''
    assert severities(code) == [("PY-EVAL", "low"), ("PY-EVAL", "low")]


def test_an_entry_of_a_mapping_named_for_outside_data_stays_tainted():
    code = '''import os


def lambda_handler(event, context):
    os.system("convert " + event["key"] + " out.png")


def apply(params):
    return eval(params["expression"])
'''
    assert severities(code) == [("PY-OS-SYSTEM", "critical"), ("PY-EVAL", "critical")]


def test_dunder_attributes_are_metadata():
    code = '''def getimport(obj):
    """The import statement for an object, checked by evaluating its module path."""
    module = obj.__module__
    eval(module + "." + obj.__qualname__)
'''
    assert severities(code) == [("PY-EVAL", "low")]


def test_attribute_of_a_holder_named_for_outside_data_stays_tainted():
    code = '''import os


def run_task(args):
    """Run the task the command line chose."""
    os.system("make " + args.target)
'''
    assert severities(code) == [("PY-OS-SYSTEM", "critical")]


def test_a_request_object_attribute_stays_tainted():
    code = '''def lookup(request, cursor):
    cursor.execute("SELECT * FROM users WHERE name = '%s'" % request.name)
'''
    assert severities(code) == [("PY-SQL", "high")]


def test_a_nested_helper_parameter_is_not_an_entry_point():
    code = '''def build_grammar(rules):
    def literal(token):
        return eval(token)
    return [literal(r) for r in rules]
'''
    assert severities(code) == [("PY-EVAL", "low")]


def test_a_numeric_option_with_a_default_is_a_number():
    code = '''class Axes:
    def __init__(self, style="", stride=0.25, **kwargs):
        self.stride = eval(stride)
'''
    assert severities(code) == []


def test_a_string_option_with_a_default_is_still_a_parameter():
    code = '''def render(template="{}"):
    return eval(template)
'''
    assert severities(code) == [("PY-EVAL", "critical")]


def test_a_cmd_parameter_wrapped_in_a_shell_prefix_is_a_shell_wrapper():
    code = '''import os


def system_raw(cmd):
    """Run a command through the system shell from the current directory."""
    path = os.getcwd()
    if path.startswith("//"):
        cmd = 'pushd "%s" && %s' % (path, cmd)
    return os.system(cmd)
'''
    assert severities(code) == [("PY-OS-SYSTEM", "low")]


def test_a_data_parameter_spliced_into_a_shell_command_is_still_injection():
    code = '''import os


def compress(directory):
    return os.system("tar czf out.tgz " + directory)
'''
    assert severities(code) == [("PY-OS-SYSTEM", "critical")]


def test_java_field_of_a_parameter_object_is_state_but_request_parameter_is_input():
    code = '''class Reports {
    void run(Job job, HttpServletRequest request, Statement st) throws Exception {
        st.executeQuery("SELECT * FROM jobs WHERE owner = '" + job.owner + "'");
        st.executeQuery("SELECT * FROM jobs WHERE name = '" + request.getParameter("name") + "'");
    }
}
'''
    assert severities(code, "java") == [("JAVA-SQL", "low"), ("JAVA-SQL", "high")]


def test_storing_a_parameter_in_a_field_does_not_taint_every_field():
    code = '''import pickle


class Scanner:
    def replace_nodes(self, table):
        self._replace_table = table
        self._buf.seek(0)
        return pickle.load(self._buf)
'''
    assert severities(code) == [("PY-PICKLE", "low")]


def test_the_field_that_holds_the_parameter_keeps_it():
    code = '''import os


class Job:
    def start(self, directory):
        self.directory = directory
        os.system("tar czf out.tgz " + self.directory)
'''
    assert severities(code) == [("PY-OS-SYSTEM", "critical")]


def test_a_parameter_annotated_with_a_program_class_is_not_text():
    code = '''def estimate(node: torch.fx.Node | ir.Kernel, expr: str):
    return eval(node), eval(expr)
'''
    assert severities(code) == [("PY-EVAL", "low"), ("PY-EVAL", "critical")]


def test_a_flag_parameter_named_remote_does_not_say_the_data_is_outside():
    code = '''import pickle


def try_load(key: str, local: bool, remote: bool):
    return pickle.loads(fetch_entry(key))


def load_remote(remote_blob):
    return pickle.loads(remote_blob)
'''
    assert severities(code) == [("PY-PICKLE", "low"), ("PY-PICKLE", "high")]


def test_the_explanation_names_outside_input_before_a_parameter():
    code = '''import sys


class Profiler:
    def run(self, cmd):
        return self.runctx(cmd, {}, {})

    def runctx(self, cmd, globs, locs):
        exec(cmd, globs, locs)


def main():
    Profiler().runctx(open(sys.argv[1]).read(), {}, {})
'''
    findings = InsecureCodeAnalyser().analyse(code, "python")
    assert [(f.line, f.severity) for f in findings] == [(9, "critical")]
    assert findings[0].message.startswith("Code injection: `sys.argv[1]` (line 13) reaches exec() (line 9)")


def test_a_type_beside_the_parameter_does_not_say_the_data_is_outside():
    """tmux's ``job_run`` starts the argv its caller built; its ``struct session *`` is a terminal
    session, not a web one. The parameter that reaches the sink, or the function's name, decides."""
    code = '''#include <unistd.h>

struct job *
job_run(const char *cmd, int argc, char **argv, struct session *s)
{
	execvp(argv[0], argv);
	return NULL;
}

void on_message(char **msg)
{
	execvp(msg[0], msg);
}
'''
    assert severities(code, "c") == [("C-EXEC", "low"), ("C-EXEC", "critical")]


def test_a_parameter_named_for_outside_input_is_not_a_wrappers_command():
    """``def run(cmd)`` wraps a shell for its callers; ``def test1(userInput)`` hands the user's text to one."""
    code = '''const shell = require("shelljs");

function run(cmd) {
    return shell.exec(cmd, {silent: true});
}

function listing(userInput) {
    return shell.exec(userInput, {silent: true});
}
module.exports = { run, listing };
'''
    assert severities(code, "javascript") == [("JS-EXEC", "low"), ("JS-EXEC", "critical")]
