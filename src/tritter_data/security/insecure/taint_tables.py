"""Taint rules as data, one table per language: sources, sanitisers, propagators.

``sources`` is matched at the start of a call's callee or a member expression's text
(``request.args.get`` starts with ``request.args``); ``sanitisers`` must match a callee
whole; ``source_methods`` are method names that read outside data whatever the receiver
(``sock.recv``); ``out_params`` are C-style calls that write into an argument:
name -> (index written, first index read, whether the call itself is a source).
The sinks, with the argument that matters, live in the per-language rule modules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class TaintRules:
    sources: re.Pattern[str]
    sanitisers: re.Pattern[str]
    source_methods: frozenset[str] = frozenset()
    mutators: frozenset[str] = frozenset({"append", "add", "push", "put", "extend", "insert", "addAll", "unshift"})
    numeric_types: frozenset[str] = frozenset()
    private: re.Pattern[str] | None = None  # searched in a function's header: its parameters are not entry points
    tests: re.Pattern[str] | None = None  # a test file: its functions' parameters come from the test itself
    #: A file that is a test suite as a whole (not one that holds a few tests, as a Rust module with
    #: ``#[cfg(test)]`` or a Python module running its doctests): default ``tests``.
    suites: re.Pattern[str] | None = None
    out_params: dict[str, tuple[int, int, bool]] = field(default_factory=dict)


def _words(*alternatives: str) -> re.Pattern[str]:
    return re.compile(r"(?:" + "|".join(alternatives) + r")(?![\w$])")


def _whole(*alternatives: str) -> re.Pattern[str]:
    return re.compile(r"(?:" + "|".join(alternatives) + r")$")


_INTS = frozenset({"int", "long", "short", "byte", "boolean", "bool", "float", "double", "char", "Integer", "Long",
                   "Boolean", "Double", "Float", "usize", "isize", "u8", "u16", "u32", "u64", "i8", "i16", "i32",
                   "i64", "f32", "f64", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32",
                   "uint64", "float32", "float64", "unsigned", "size_t", "time.Duration", "int64_t", "uint64_t"})

PYTHON = TaintRules(
    sources=_words(r"(?:flask\.)?request\.(?:args|form|values|json|data|files|cookies|headers|GET|POST|COOKIES|META"
                   r"|REQUEST|body|query_params|get_json|get_data|query_string|path_params|stream)",
                   r"self\.request\.(?:GET|POST|data|body|query_params|COOKIES|META)", r"sys\.argv", r"os\.environ",
                   r"os\.getenv", r"os\.environb", r"input", r"raw_input", r"sys\.stdin", r"fileinput\.input",
                   r"[\w.]*\bparse_(?:known_)?(?:intermixed_)?args", r"(?:getopt\.)?(?:gnu_)?getopt",
                   r"requests\.(?:get|post|put|request)", r"(?:urllib\.request\.)?urlopen", r"socket\.recv"),
    sanitisers=_whole(r"int", r"float", r"bool", r"len", r"ord", r"hash", r"id", r"abs", r"round", r"complex",
                      r"(?:shlex|pipes)\.quote", r"quote", r"(?:\w+\.)*\w*(?:shlex|shell)_?quote", r"repr", r"ascii", r"(?:c?[Pp]ickle|dill|cloudpickle|marshal)\.dumps?",
                      r"re\.escape", r"(?:\w+\.)*_?quote_?(?:name|ident|identifier|literal|value)?", r"(?:sql\.)?(?:Identifier|Literal|Placeholder|Composed)",
                      r"(?:\w+\.)*_?get_valid_\w*name",
                      r"(?:\w+\.)*escape_(?:string|identifier|literal)", r"uuid\.UUID", r"str\.isdigit", r"hex", r"oct",
                      r"shlex\.join", r"(?:\w+\.)*mogrify", r".*\.bindparams", r"ast\.literal_eval", r"os\.path\.(?:exists|isfile|isdir)"),
    source_methods=frozenset({"recv", "recvfrom", "recv_into", "recvmsg"}),
    mutators=frozenset({"append", "extend", "insert", "add", "update", "appendleft", "write", "setdefault"}),
    private=re.compile(r"def\s+_(?!_)"),
    tests=re.compile(r"(?m)^\s*(?:from|import)\s+[\w.]*\b(?:unittest|pytest|test\.support|doctest)\b"
                     r"|^def test_\w+\([^)\n]*\):"),  # pytest-style modules need no import
    suites=re.compile(r"(?m)^\s*(?:from|import)\s+[\w.]*\b(?:unittest|pytest|test\.support)\b"
                      r"|^def test_\w+\([^)\n]*\):"),
)
JAVASCRIPT = TaintRules(
    sources=_words(r"(?:req|request|ctx\.request|ctx)\.(?:query|body|params|cookies|headers|url|originalUrl|path"
                   r"|files?|hostname|get|param|header|search)", r"process\.argv", r"process\.env",
                   r"(?:window\.|document\.)?location\.(?:search|hash|href|pathname)", r"document\.(?:cookie|URL|referrer)",
                   r"(?:event|e|msg|message)\.data", r"prompt", r"(?:window\.)?localStorage\.getItem", r"readline\.question"),
    sanitisers=_whole(r"parseInt", r"parseFloat", r"Number", r"Boolean", r"Math\.\w+", r"(?:\w+\.)*escape(?:Id|Identifier|Literal|Shell|Arg|Path)?",
                      r"(?:shellescape|shellQuote|shell_quote)(?:\.quote)?", r"(?:\w+\.)?quote", r"(?:\w+\.)*format\.ident",
                      r"JSON\.stringify", r"encodeURIComponent", r"String\(Number"),
    source_methods=frozenset({"readFileSync", "readFile"}),
    mutators=frozenset({"push", "unshift", "add", "set", "append", "concat"}),
    private=re.compile(r"(?:^|\s)[#_][\w$]*$"),
    tests=re.compile(r"\b(?:describe|it|test)\(\s*['\"`]"),
)
JAVA = TaintRules(
    sources=_words(r"(?:request|req|httpRequest|servletRequest)\.get(?:Parameter|ParameterValues|ParameterMap|ParameterNames"
                   r"|Header|Headers|HeaderNames|Cookies|QueryString|InputStream|Reader|RequestURI|PathInfo|RemoteUser)",
                   r"System\.getenv", r"System\.in", r"(?:\w+\.)*getInputStream"),
    sanitisers=_whole(r"(?:java\.lang\.)?(?:Integer|Long|Short|Byte|Double|Float|Boolean)\.(?:parseInt|parseLong|parseShort"
                      r"|parseByte|parseDouble|parseFloat|parseBoolean|valueOf)",
                      r"(?:\w+\.)*encodeFor(?:SQL|OS)", r"(?:\w+\.)*escape(?:Sql|SQL)", r"(?:\w+\.)*quote(?:Identifier)?",
                      r"UUID\.fromString", r"String\.valueOf\(\s*\w+\s*\)\.length", r"(?:\w+\.)*hashCode",
                      r"(?:\w+\.)*(?:size|length|equals|equalsIgnoreCase|isEmpty|contains|startsWith|hasMoreElements)"),
    source_methods=frozenset({"readLine", "nextLine", "readAllBytes"}),
    mutators=frozenset({"add", "put", "append", "addAll", "putAll", "insert", "offer", "push", "addElement", "set"}),
    numeric_types=_INTS,
    private=re.compile(r"\bprivate\b"),
    tests=re.compile(r"(?m)^\s*import\s+(?:static\s+)?org\.junit|@Test\b"),
)
GO = TaintRules(
    sources=_words(r"os\.Args", r"os\.Getenv", r"os\.LookupEnv", r"os\.Stdin", r"\w+\.URL\.Query", r"\w+\.URL\.(?:Path|RawQuery)",
                   r"\w+\.(?:FormValue|PostFormValue|Form|PostForm|MultipartForm|Header\.Get|Cookie)",
                   r"(?:c|ctx)\.(?:Query|Param|PostForm|DefaultQuery|GetHeader|FormValue|QueryParam)", r"mux\.Vars",
                   r"flag\.(?:Arg|Args|String)", r"ioutil\.ReadAll", r"io\.ReadAll"),
    sanitisers=_whole(r"strconv\.(?:Atoi|ParseInt|ParseUint|ParseFloat|ParseBool|Itoa|FormatInt|Quote)",
                      r"(?:pq\.)?Quote(?:Identifier|Literal)", r"(?:\w+\.)*QuoteIdentifier", r"len", r"uuid\.Parse",
                      r"(?:shellescape|shellquote)\.(?:Quote|Join)", r"html\.EscapeString", r"url\.(?:Query|Path)Escape"),
    mutators=frozenset({"WriteString", "Write", "Add", "Set", "Fprintf"}),
    numeric_types=_INTS,
    tests=re.compile(r"\*testing\.T\b"),
)
PHP = TaintRules(
    sources=_words(r"\$_(?:GET|POST|REQUEST|COOKIE|FILES|SERVER|ENV)", r"\$HTTP_\w+_VARS", r"getenv", r"\$argv",
                   r"filter_input", r"\$request->(?:input|get|query|post|all|cookie|header)", r"(?:request|Input)\(\)",
                   r"Input::(?:get|all)", r"fgets", r"file_get_contents\(\s*['\"]php://"),
    sanitisers=_whole(r"intval", r"floatval", r"boolval", r"abs", r"count", r"strlen", r"escapeshellarg", r"escapeshellcmd",
                      r"(?:mysqli?_)?real_escape_string", r"mysqli?_real_escape_string", r"pg_escape_(?:string|literal|identifier)",
                      r"(?:\$\w+(?:->|\.))?quote(?:Identifier|Name|Into|Value)?", r"addslashes", r"sqlite_escape_string", r"(?:\$\w+(?:->|\.))?escape\w*",
                      r"md5", r"sha1", r"hash", r"crc32", r"ctype_\w+", r"is_numeric", r"basename", r"serialize"),
    mutators=frozenset(),
    private=re.compile(r"\bprivate\b"),
    tests=re.compile(r"extends\s+(?:\\?PHPUnit\\|TestCase\b)"),
)
RUBY = TaintRules(
    sources=_words(r"params", r"request\.(?:params|body|query_string|headers|env|cookies|raw_post_data|path)",
                   r"cookies", r"ARGV", r"ENV", r"gets", r"STDIN", r"\$stdin", r"ARGF"),
    sanitisers=_whole(r".*\.to_i", r".*\.to_f", r"Integer", r"Float", r"(?:Shellwords\.)?(?:escape|shellescape)", r"(?:\w+\.)*shell_?(?:quote|escape)",
                      r".*\.shellescape", r"(?:\w+\.)*sanitize_sql\w*", r"(?:\w+\.)*quote(?:_table_name|_column_name)?",
                      r"Regexp\.escape", r".*\.(?:length|size|count)", r"Marshal\.dump", r".*\.inspect",
                      r"[\w:.]+\.escape(?:_string|_literal|_identifier)?",
                      r"(?:[\w:]+::)?[A-Z][A-Z0-9_]*\.fetch"),  # FORMATS.fetch(x): a value of a constant table
    mutators=frozenset({"push", "<<", "concat", "append", "store", "insert", "unshift"}),
    private=re.compile(r"def\s+(?:self\.)?_"),
    tests=re.compile(r"(?m)^\s*(?:require ['\"](?:minitest|rspec|test_helper|spec_helper)|RSpec\.describe|describe\s)"),
)
RUST = TaintRules(
    sources=_words(r"(?:std::)?env::args(?:_os)?", r"(?:std::)?env::var(?:_os)?", r"(?:std::)?io::stdin", r"stdin",
                   r"args"),
    sanitisers=_whole(r".*\.parse(?:::<\w+>)?", r".*\.len", r"(?:shell_escape|shlex)::(?:escape|quote|try_quote)",
                      r".*\.is_\w+", r"(?:\w+::)*quote_\w+"),
    source_methods=frozenset({"read_line", "read_to_string"}),
    mutators=frozenset({"push_str", "push", "extend", "insert", "arg", "args", "write_str"}),
    numeric_types=_INTS,
    tests=re.compile(r"#\[cfg\(test\)\]|#\[test\]"),
    suites=re.compile(r"(?!)"),  # never: its test modules are inline, the rest of the file is library code
)
C = TaintRules(
    sources=_words(r"getenv", r"secure_getenv", r"std::getenv", r"std::cin"),
    sanitisers=_whole(r"atoi", r"atol", r"atoll", r"atof", r"strto(?:l|ul|ll|ull|d|f|imax|umax)", r"strlen",
                      r"sqlite3_mprintf\(\"[^\"]*%[qQw]", r"PQescape(?:Literal|Identifier|StringConn|String)",
                      r"std::sto(?:i|l|ll|ul|ull|f|d)", r"(?:\w+::)*to_string", r".*\.(?:quote|quote_name|esc|esc_raw)",
                      r"mysql_real_escape_string", r"sqlite3_mprintf\(\s*\"[^\"]*%[qQw][^\"]*\""),
    mutators=frozenset({"append", "push_back", "insert", "assign"}),
    numeric_types=_INTS,
    private=re.compile(r"\bstatic\b"),
    out_params={
        "sprintf": (0, 1, False), "vsprintf": (0, 1, False), "snprintf": (0, 2, False), "vsnprintf": (0, 2, False),
        "strcpy": (0, 1, False), "strncpy": (0, 1, False), "strcat": (0, 1, False), "strncat": (0, 1, False),
        "memcpy": (0, 1, False), "strlcpy": (0, 1, False), "strlcat": (0, 1, False), "stpcpy": (0, 1, False),
        "sqlite3_snprintf": (1, 2, False), "asprintf": (0, 1, False),
        "fgets": (0, 9, True), "gets": (0, 9, True), "read": (1, 9, True), "recv": (1, 9, True),
        "recvfrom": (1, 9, True), "fread": (0, 9, True), "getline": (0, 9, True), "std::getline": (1, 9, True),
        "scanf": (1, 9, True), "fscanf": (2, 9, True), "sscanf": (2, 0, False),
    },
)

TABLES = {"python": PYTHON, "javascript": JAVASCRIPT, "typescript": JAVASCRIPT, "tsx": JAVASCRIPT, "java": JAVA,
          "go": GO, "php": PHP, "ruby": RUBY, "rust": RUST, "c": C, "cpp": C}
