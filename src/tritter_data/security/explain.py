"""What each insecure-code rule means, and how to fix it, per language and sink.

Rules are data: ``RULES[rule_id]`` gives the category, the CWE, the message (which names
the category in words a reader knows) and a fix specific to the language and the sink.
``{sink}`` in a message is replaced by the call that was found, e.g. ``os.popen()``::

    >>> finding_for("PY-EVAL", line=2, severity="critical", sink="eval").message
    'Code injection: eval() allows arbitrary code execution'
"""

from __future__ import annotations

from dataclasses import dataclass

from tritter_data.core.findings import Finding

#: The card's four categories, in the words the explanation uses.
CATEGORY_WORDS = {
    "sql_injection": "SQL injection",
    "code_injection": "Code injection",
    "command_injection": "Shell/command injection",
    "unsafe_deserialization": "Unsafe deserialization",
}
CWES = {"sql_injection": "CWE-89", "code_injection": "CWE-95",
        "command_injection": "CWE-78", "unsafe_deserialization": "CWE-502"}


@dataclass(frozen=True, slots=True)
class RuleInfo:
    category: str
    what: str  # the message after "<Category>: "; may use {sink}
    fix: str
    cwe: str = ""
    needs_input: bool | None = None  # a parameter is not enough (common.value_hit); default: deserialisation
    fixes: dict[str, str] | None = None  # a fix for a particular use of the sink ("file", "code"), else ``fix``

    def __post_init__(self) -> None:
        if self.needs_input is None:
            object.__setattr__(self, "needs_input", self.category == "unsafe_deserialization")

    def cwe_id(self) -> str:
        return self.cwe or CWES[self.category]


_SQL_WHAT = "a query built with string formatting is passed to {sink}()"
_DESER_WHAT = "{sink}() can construct arbitrary objects from untrusted data"

RULES: dict[str, RuleInfo] = {
    # Python
    "PY-EVAL": RuleInfo("code_injection", "eval() allows arbitrary code execution",
                        "Use ast.literal_eval() for safe evaluation.", fixes={
                            "file": "Do not eval() a file's text: store data as JSON/TOML and parse it with json or "
                                    "tomllib, or use ast.literal_eval() for Python literals.",
                            "code": "Do not evaluate code built from input: parse it with ast.parse() and accept only an "
                                    "allow-list of node types, or dispatch to known functions through a dict."}),
    "PY-EXEC": RuleInfo("code_injection", "exec() runs code assembled at run time",
                        "Do not exec() dynamic strings; dispatch to known functions through a dict, "
                        "or load plugins with importlib.import_module().", fixes={
                            "file": "Do not exec() a file to read settings: use tomllib, configparser or json; to run "
                                    "trusted code, import it as a module with importlib."}),
    "PY-SHELL": RuleInfo("command_injection", "{sink}() with shell=True passes the command to the shell",
                         "Pass an argument list without shell=True, e.g. subprocess.run([\"ls\", path], check=True); "
                         "if a shell is unavoidable, quote every value with shlex.quote()."),
    "PY-OS-SYSTEM": RuleInfo("command_injection", "{sink}() runs its argument through the shell",
                             "Use subprocess.run([...]) with an argument list instead of {sink}()."),
    "PY-PROCESS": RuleInfo("command_injection", "{sink}() starts a program named by outside input, or passes "
                           "outside input to a shell's -c",
                           "Start a fixed program and pass the value as one separate argument, after \"--\": "
                           "subprocess.run([\"tool\", \"--\", value]); never hand it to sh -c.", needs_input=True),
    "PY-SSH-EXEC": RuleInfo("command_injection", "{sink}() runs its argument in the remote host's shell",
                            "Quote every value with shlex.quote() when building the remote command, or run a fixed "
                            "command and send the data on its stdin."),
    "PY-CODE-RUN": RuleInfo("code_injection", "{sink}() compiles and runs its argument as Python code",
                            "Do not hand outside text to an interpreter: parse data with json or ast.literal_eval(), "
                            "and dispatch to known functions through a dict.", needs_input=True),
    "PY-PICKLE": RuleInfo("unsafe_deserialization", "{sink}() can execute arbitrary code while loading",
                          "Use json or another data-only format for data you did not produce; only unpickle "
                          "data you wrote yourself and authenticated (e.g. with hmac)."),
    "PY-MARSHAL": RuleInfo("unsafe_deserialization", "{sink}() is not safe against malicious data",
                           "Use json for data exchange; marshal is only for trusted, same-version .pyc data."),
    "PY-SHELVE": RuleInfo("unsafe_deserialization", "shelve.open() unpickles whatever the file contains",
                          "Use json or sqlite3 to store data that may come from outside."),
    "PY-YAML": RuleInfo("unsafe_deserialization", "{sink}() without a safe Loader can construct arbitrary Python objects",
                        "Use yaml.safe_load() or yaml.load(data, Loader=yaml.SafeLoader).",
                        needs_input=False),
    "PY-SQL": RuleInfo("sql_injection", _SQL_WHAT,
                       "Use a parameterised query: cursor.execute(\"SELECT ... WHERE id = %s\", (user_id,)) "
                       "(placeholder ? for sqlite3) and let the driver quote the values."),
    # JavaScript / TypeScript
    "JS-EVAL": RuleInfo("code_injection", "eval() allows arbitrary code execution",
                        "Use JSON.parse() for data, or a lookup table of functions instead of evaluating code."),
    "JS-TIMER": RuleInfo("code_injection", "{sink}() with a string compiles that string as code",
                         "Pass a function instead of a string: setTimeout(() => update(value), 100)."),
    "JS-FUNCTION": RuleInfo("code_injection", "new Function() compiles a string into code",
                            "Do not build functions from strings; write the function, or pick one from a map."),
    "JS-VM": RuleInfo("code_injection", "{sink}() runs a string as code; the vm module is not a sandbox",
                      "Do not run untrusted code in-process; parse data with JSON.parse() instead."),
    "JS-EXEC": RuleInfo("command_injection", "{sink}() runs a command string through the shell",
                        "Use execFile()/spawn() with an argument array, e.g. execFile(\"ls\", [dir]), and no shell option."),
    "JS-SPAWN-SHELL": RuleInfo("command_injection", "{sink}() with shell: true, or with a program named by "
                               "outside input, runs what the input says",
                               "Drop the shell option, start a fixed program and pass the values in the argument array."),
    "JS-SQL": RuleInfo("sql_injection", _SQL_WHAT,
                       "Use placeholders and pass values separately, e.g. db.query(\"SELECT * FROM users WHERE id = $1\", [id])."),
    "JS-UNSERIALIZE": RuleInfo("unsafe_deserialization", "{sink}() can run functions embedded in the serialized payload",
                               "Use JSON.parse() and validate the result against a schema."),
    # Rust
    "RS-SQL": RuleInfo("sql_injection", "a query built with format!() is passed to {sink}()",
                       "Bind parameters instead of formatting them in: client.query(\"SELECT ... WHERE id = $1\", &[&id]) "
                       "or sqlx::query(\"... = ?\").bind(id)."),
    "RS-SHELL": RuleInfo("command_injection", "Command::new({sink}) with -c runs a string through the shell",
                         "Run the program directly: Command::new(\"ls\").arg(path), one .arg() per argument."),
    "RS-PROCESS": RuleInfo("command_injection", "Command::new() starts a program named by outside input",
                           "Start a fixed program, or check the name against an allow-list of programs first; "
                           "pass values with .arg().", needs_input=True),
    # Go
    "GO-SQL": RuleInfo("sql_injection", _SQL_WHAT,
                       "Use placeholders: db.Query(\"SELECT ... WHERE id = $1\", id) (? for MySQL/SQLite)."),
    "GO-PROCESS": RuleInfo("command_injection", "{sink}() starts a program named by outside input",
                           "Start a fixed program, or check the name against an allow-list first; pass values as "
                           "separate arguments.", needs_input=True),
    "GO-SHELL": RuleInfo("command_injection", "exec.Command({sink}, \"-c\", ...) runs a string through the shell",
                         "Call the program directly with separate arguments: exec.Command(\"ls\", dir)."),
    # Java
    "JAVA-SQL": RuleInfo("sql_injection", _SQL_WHAT,
                         "Use a PreparedStatement with ? placeholders and setString()/setInt() for the values."),
    "JAVA-SQL-PASSED": RuleInfo("sql_injection", "the whole statement run by {sink}() comes from outside this method",
                                "Do not accept whole SQL statements: keep the statement a constant with ? placeholders "
                                "in a PreparedStatement, take the values as parameters and bind them with "
                                "setString()/setInt()."),
    "JAVA-EXEC": RuleInfo("command_injection", "{sink} runs a command assembled from strings",
                          "Use new ProcessBuilder(List.of(\"ls\", dir)) with one element per argument and no shell."),
    "JAVA-DESER": RuleInfo("unsafe_deserialization", "{sink}() deserializes untrusted bytes into arbitrary objects",
                           "Exchange data as JSON (e.g. Jackson without default typing), or install an "
                           "ObjectInputFilter that allows only the expected classes."),
    "JAVA-SCRIPT-EVAL": RuleInfo("code_injection", "{sink}() runs a string as code",
                                 "Do not evaluate strings; call known methods, or parse data with a real parser."),
    # C / C++
    "C-SHELL": RuleInfo("command_injection", "{sink} runs a command string through /bin/sh",
                        "Do not build shell commands: fork and execv()/posix_spawn() a fixed program with the value "
                        "as its own argv element."),
    "C-EXEC": RuleInfo("command_injection", "{sink} starts a program named by outside input",
                       "Start a fixed program (an absolute path), or check the name against an allow-list first.", needs_input=True),
    "C-SQL": RuleInfo("sql_injection", "SQL text built with sprintf/strcat/concatenation is passed to {sink}()",
                      "Prepare the statement with ? placeholders and bind the values: sqlite3_prepare_v2() then "
                      "sqlite3_bind_text(); PQexecParams() for libpq; mysql_stmt_prepare() for MySQL."),
    # PHP
    "PHP-EVAL": RuleInfo("code_injection", "{sink}() runs a string as PHP code",
                         "Remove eval(); use a closure or a lookup array of callables, json_decode() for data."),
    "PHP-SHELL": RuleInfo("command_injection", "{sink} runs a command string through the shell",
                          "Avoid the shell; if you must, wrap every value in escapeshellarg() "
                          "(or use proc_open() with an argument array, PHP 7.4+)."),
    "PHP-CALLABLE": RuleInfo("code_injection", "{sink}() calls a function whose name comes from outside input",
                             "Map the input to a callable through an allow-list array ($handlers[$name] ?? null), "
                             "never call a name taken from the request.", needs_input=True),
    "PHP-UNSERIALIZE": RuleInfo("unsafe_deserialization", "unserialize() can instantiate arbitrary objects from untrusted data",
                                "Use json_decode(), or unserialize($data, ['allowed_classes' => false])."),
    "PHP-SQL": RuleInfo("sql_injection", "a query built from variables is passed to {sink}()",
                        "Use a prepared statement: $stmt = $pdo->prepare('SELECT ... WHERE id = ?'); $stmt->execute([$id]);"),
    # Ruby
    "RB-EVAL": RuleInfo("code_injection", "{sink}() runs a string as Ruby code",
                        "Use public_send() with an allow-list of method names, or a block instead of a string."),
    "RB-SHELL": RuleInfo("command_injection", "{sink} runs an interpolated command string through the shell",
                         "Pass the program and its arguments separately, e.g. system(\"ls\", dir), or use Open3.capture2(\"ls\", dir)."),
    "RB-DYNAMIC": RuleInfo("code_injection", "{sink}() calls a method or class named by outside input",
                           "Map the input to a method through an allow-list (a Hash of permitted names), "
                           "never send() or const_get() a name taken from params.", cwe="CWE-470",
                           needs_input=True),  # send(name) with a parameter is how callers pick a method
    "RB-OPEN": RuleInfo("command_injection", "{sink}() runs a command when the path starts with \"|\"",
                        "Use File.open() or File.read() for files and URI.open() / Net::HTTP for URLs; never "
                        "Kernel#open() with input."),
    "RB-DESER": RuleInfo("unsafe_deserialization", "{sink}() can instantiate arbitrary objects from untrusted data",
                         "Use JSON.parse() or YAML.safe_load() for data you did not produce."),
    "RB-SQL": RuleInfo("sql_injection", "an interpolated string is passed to {sink}() as SQL",
                       "Let ActiveRecord bind values: where(\"name = ?\", name) or where(name: name)."),
}


def finding_for(rule_id: str, line: int, severity: str, sink: str, snippet: str | None = None,
                origin: tuple[str, int, str] | None = None, use: str = "") -> Finding:
    """A ``Finding`` for ``rule_id`` at ``line``; ``sink`` is the callee as written (``os.popen``).

    With ``origin`` (the source's text, its line, the sink as called) the message names the
    path first: "SQL injection: `request.args['id']` (line 12) reaches cursor.execute() (line 15); ...".
    """
    info = RULES[rule_id]
    what = info.what.format(sink=sink)
    if origin is not None:
        what = f"`{origin[0]}` (line {origin[1]}) reaches {origin[2]} (line {line}); {what}"
    return Finding(
        rule_id=rule_id, kind="security", category=info.category, line=line,
        message=f"{CATEGORY_WORDS[info.category]}: {what}", fix=((info.fixes or {}).get(use) or info.fix).format(sink=sink),
        severity=severity, cwe=info.cwe_id(), snippet=snippet,
    )

