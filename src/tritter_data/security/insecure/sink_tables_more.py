"""Sink tables of Go, PHP, Ruby, Rust and C/C++ (the format is described in ``sink_tables.py``)."""

from __future__ import annotations

from tritter_data.security.insecure.sinks import Sink, SinkTable

# ---------------------------------------------------------------------------------- Go
GO_SQL_METHODS = ("Query", "QueryRow", "QueryContext", "QueryRowContext", "Exec", "ExecContext", "Prepare",
                  "PrepareContext", "Raw", "Select", "Get", "NamedExec", "Queryx", "QueryRowx", "MustExec",
                  "QueryEx", "QueryRowEx", "ExecEx", "QueryOne", "QueryOneContext", "ExecOne", "ExecOneContext",
                  "QueryFunc")  # pgx v3, go-pg

GO = SinkTable(frozenset({"call_expression"}), sinks=(
    Sink("GO-SHELL", "go.command", callees=("exec.Command", "exec.CommandContext")),
    Sink("GO-PROCESS", "tainted", callees=("syscall.Exec", "syscall.ForkExec", "syscall.StartProcess",
                                           "os.StartProcess")),
    Sink("GO-SQL", "sql", methods=GO_SQL_METHODS, arg=(0, 1)),  # (ctx, query) or (query, args...)
    # GORM clauses take SQL text: db.Where(fmt.Sprintf("name = '%s'", name))
    Sink("GO-SQL", "fragment", methods=("Where", "Or", "Not", "Order", "Group", "Having", "Joins", "Select"),
         needs=(b"gorm",)),
))

# ---------------------------------------------------------------------------------- PHP
PHP_SHELL_FUNCTIONS = ("system", "exec", "shell_exec", "passthru", "popen", "proc_open", "pcntl_exec")
PHP_SQL_FUNCTIONS = ("mysqli_query", "mysql_query", "mysqli_real_query", "mysqli_multi_query", "pg_query",
                     "sqlite_query", "mssql_query", "odbc_exec")
PHP_SQL_METHODS = ("query", "exec", "prepare", "execute", "rawQuery", "select", "statement", "unprepared",
                   "raw", "multi_query", "real_query", "get_var", "get_results", "get_row", "get_col")
#: Query-builder methods (Doctrine, Laravel) whose first argument is an SQL/DQL fragment by contract.
PHP_FRAGMENT_METHODS = ("where", "andWhere", "orWhere", "having", "andHaving", "orHaving", "orderBy",
                        "whereRaw", "orWhereRaw", "havingRaw", "orderByRaw", "selectRaw", "groupByRaw",
                        "createQuery", "createNativeQuery", "executeQuery", "executeStatement")
_PHP_METHOD_CALLS = ("member_call_expression", "scoped_call_expression")

PHP = SinkTable(frozenset({"function_call_expression"}), member=rb"(?:->|::)", syntax=(rb"`[^`\n]{0,200}\$",), sinks=(
    Sink("PHP-SHELL", "php.backtick", types=("shell_command_expression",), example="$out = `ls $dir`;"),
    Sink("PHP-EVAL", names=("eval",), label="eval"),
    Sink("PHP-EVAL", "php.assert", names=("assert",), label="assert"),
    Sink("PHP-EVAL", names=("create_function",), arg="last", label="create_function"),
    Sink("PHP-SHELL", "php.proc_open", names=("proc_open",)),  # proc_open([...]): an argument vector
    Sink("PHP-SHELL", names=PHP_SHELL_FUNCTIONS, label="{name}()"),
    Sink("PHP-UNSERIALIZE", "php.unserialize", names=("unserialize",), severity="high", label="unserialize"),
    Sink("PHP-UNSERIALIZE", "php.unserialize", names=("maybe_unserialize",), severity="high", label="{name}"),
    # a callable named by input calls any function: call_user_func($_GET['f']), usort($a, $_GET['cmp'])
    Sink("PHP-CALLABLE", "php.callable", names=("call_user_func", "call_user_func_array", "array_map",
                                           "register_shutdown_function", "forward_static_call"), label="{name}"),
    Sink("PHP-CALLABLE", "tainted", names=("usort", "uasort", "uksort", "array_filter", "array_walk",
                                           "preg_replace_callback", "array_reduce"), arg=1, label="{name}"),
    Sink("PHP-SQL", "sql", names=PHP_SQL_FUNCTIONS, arg=(0, 1)),
    Sink("PHP-SQL", "sql", methods=PHP_SQL_METHODS, types=_PHP_METHOD_CALLS, unwrap=True),
    Sink("PHP-SQL", "fragment_input", methods=PHP_FRAGMENT_METHODS, types=_PHP_METHOD_CALLS, unwrap=True),
))

# ---------------------------------------------------------------------------------- Ruby
RB_SHELL_METHODS = ("system", "exec", "spawn", "popen", "popen2", "popen2e", "popen3", "capture2", "capture2e",
                    "capture3", "pipeline")
RB_SHELL_RECEIVERS = frozenset({"", "Kernel", "IO", "Open3", "Process"})
RB_SQL_METHODS = ("where", "find_by_sql", "execute", "exec_query", "select_all", "select_one", "select_value",
                  "select_rows", "order", "reorder", "group", "having", "joins", "pluck", "from", "lock",
                  "count_by_sql", "delete_all", "update_all", "not")
#: pg/mysql2 driver methods: generic names, so their text must read as SQL.
RB_DRIVER_METHODS = ("exec_params", "exec", "async_exec", "query", "sync_exec", "prepare")

#: Finder option keys whose values are SQL fragments (their text is also the gate's needle).
RB_FINDER_KEYS = tuple(form.format(key).encode() for key in ("conditions", "order", "having", "select", "group", "joins")
                       for form in (":{}", "{}:"))

RUBY = SinkTable(frozenset({"call"}), suffix=rb"\b", syntax=(rb"`[^`\n]{0,200}#\{|%x",), sinks=(
    Sink("RB-SHELL", "rb.backtick", types=("subshell",), example="out = `ls #{dir}`"),
    Sink("RB-EVAL", names=("eval", "instance_eval", "class_eval", "module_eval"), label="{name}"),
    Sink("RB-SHELL", "rb.shell", names=RB_SHELL_METHODS, label="{dot_receiver}{name}()"),
    Sink("RB-DESER", callees=("Marshal.load", "Marshal.restore"), severity="high", label="Marshal.{name}"),
    Sink("RB-DESER", callees=("YAML.unsafe_load", "Psych.unsafe_load"), severity="high", label="{receiver}.unsafe_load"),
    Sink("RB-DESER", callees=("Oj.object_load", "CSV.load"), severity="high", label="{callee}"),
    Sink("RB-DESER", "rb.oj", callees=("Oj.load",), severity="high", label="{callee}"),
    # Psych < 4 (Ruby < 3.1): YAML.load builds any object; only a source reaching it counts
    Sink("RB-DESER", "tainted", callees=("YAML.load", "Psych.load"), severity="high", label="{callee}"),
    Sink("RB-EVAL", callees=("RubyVM::InstructionSequence.compile",), label="RubyVM::InstructionSequence.compile"),
    Sink("RB-EVAL", "tainted", callees=("ERB.new",), label="ERB.new"),  # a template is Ruby code
    # a method, class or command named by input: send(params[:m]), Object.const_get(params[:c]), open("|cmd")
    Sink("RB-DYNAMIC", "tainted", names=("send", "public_send", "__send__", "const_get"), label="{name}"),
    Sink("RB-OPEN", "rb.open", names=("open",), label="{dot_receiver}open",
         gate=rb"(?:^|[^.\w:])((?:Kernel\.)?open)[\s(]", example="data = open(params[:url]).read"),
    Sink("RB-SQL", "rb.sql", methods=RB_SQL_METHODS, label="{name}"),
    Sink("RB-SQL", "rb.driver", methods=RB_DRIVER_METHODS, label="{name}"),
    # Rails 2 finder options: Product.find(:all, :conditions => "name = '#{params[:n]}'", :order => ...)
    Sink("RB-SQL", "rb.options", methods=("find", "first", "last", "all", "calculate", "count", "minimum", "maximum",
                                          "average", "sum"), needs=RB_FINDER_KEYS, label="{name}"),
))

# ---------------------------------------------------------------------------------- Rust
RS_SQL_METHODS = ("query", "query_as", "query_one", "query_opt", "query_row", "query_map", "query_scalar", "execute",
                  "execute_batch", "batch_execute", "prepare", "prepare_cached", "simple_query", "sql_query",
                  "query_drop", "query_first", "query_iter", "exec_drop", "exec_first", "exec_iter")  # mysql crate

RUST = SinkTable(frozenset({"call_expression"}), suffix=rb"\s*(?:::<[^>\n]{0,80}>)?\s*\(", sinks=(
    Sink("RS-SHELL", "rs.command", callees=("Command::new",)),  # the module reads the builder chain
    Sink("RS-SQL", "sql", names=RS_SQL_METHODS),
))

# ---------------------------------------------------------------------------------- C / C++
C_SHELL_FUNCTIONS = ("system", "popen", "_popen", "_wsystem", "_wpopen", "std::system", "wordexp")
C_EXEC_FUNCTIONS = ("execl", "execlp", "execle", "execv", "execvp", "execvpe", "execve", "execvP")
PQXX_METHODS = ("exec", "exec0", "exec1", "exec_n", "query", "query_value", "stream")

C_CPP = SinkTable(frozenset({"call_expression"}), sinks=(
    Sink("C-SHELL", callees=C_SHELL_FUNCTIONS, label="{callee}()"),
    Sink("C-EXEC", "c.exec", callees=C_EXEC_FUNCTIONS),
    Sink("C-EXEC", "tainted", callees=("posix_spawn", "posix_spawnp"), arg=1, label="{callee}()"),
    Sink("C-SQL", "sql", arg=1, label="{callee}", callees=(
        "sqlite3_exec", "sqlite3_prepare", "sqlite3_prepare_v2", "sqlite3_prepare_v3", "sqlite3_prepare16",
        "sqlite3_prepare16_v2", "mysql_query", "mysql_real_query", "mysql_send_query", "PQexec", "PQsendQuery",
        "PQexecParams", "SQLExecDirect", "SQLPrepare", "SQLExecDirectA", "SQLExecDirectW", "SQLPrepareA",
        "SQLPrepareW", "mysql_stmt_prepare", "PQsendQueryParams", "dbi_conn_query")),
    Sink("C-SQL", "sql", arg=2, label="{callee}", callees=("PQprepare", "OCIStmtPrepare", "PQsendPrepare")),
    Sink("C-SQL", "sql", methods=PQXX_METHODS, needs=(b"pqxx",), label="{callee}"),
))
