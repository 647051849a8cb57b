"""Every quality signal on realistic code: a true positive, and a look-alike that must not fire."""

from pathlib import Path

import pytest

from tritter_data.quality.signals import compute_signals

CODE = Path(__file__).parents[1] / "fixtures" / "code"


def signal(text: str, language: str = "python", name: str = "", path: str | None = None) -> float:
    return compute_signals(text, language, path).values[name]


PY2_REPORT = '''import sys

def main(argv):
    try:
        count = int(argv[1])
    except ValueError, error:
        print "bad count:", error
        return 1
    print "%d items" % count
    return 0
'''
PY3_PRINT_NAME = '''def report(print=print):
    """Write the summary with the given print function."""
    print ("summary")
    result = print
    return result
'''


def test_python2_is_a_finding_and_python3_print_is_not():
    signals = compute_signals(PY2_REPORT, "python")
    assert signals.values["python2"] == 1.0 and signals.evidence["python2"] == 6
    assert signal(PY3_PRINT_NAME, name="python2") == 0.0
    assert signal(PY3_PRINT_NAME, name="syntax_error") == 0.0


def test_truncated_files_are_syntax_errors_and_regex_braces_are_not():
    broken = "function total(items) {\n  let sum = 0;\n  for (const item of items) {\n    sum += item.price;\n  return sum;\n"
    assert signal(broken, "javascript", "syntax_error") == 1.0
    regex = 'const BRACE = /[{]/;\nfunction open(text) {\n  return BRACE.test(text);\n}\n'
    assert signal(regex, "javascript", "syntax_error") == 0.0
    truncated = 'def area(width, height):\n    return (width *\n'
    assert signal(truncated, name="syntax_error") == 1.0


LOCALE_TABLE = 'MONTHS = {\n' + "".join(f'    "{m}": ({i}, "{m[:3]}"),\n' for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august"], 1)) + "}\n"
ARITHMETIC = '''def mix(a_color, b_color, weight):
    """Blend two RGB colours."""
    red = a_color[0] * weight + b_color[0] * (1 - weight)
    green = a_color[1] * weight + b_color[1] * (1 - weight)
    blue = a_color[2] * weight + b_color[2] * (1 - weight)
    return (round(red), round(green), round(blue))
'''


def test_data_only_module_versus_code_with_numbers():
    assert signal(LOCALE_TABLE, name="literal_share") == 8 / 10
    assert signal(ARITHMETIC, name="literal_share") == 0.0


def test_printing_constants_versus_printing_results():
    script = 'print("Welcome to the calculator")\nprint("1 + 1 =", 2)\nprint(42)\nx = 3\nprint(x)\n'
    signals = compute_signals(script, "python")
    assert signals.values["const_print_share"] == pytest.approx(3 / 5)
    assert signals.evidence["const_print_share"] == 1
    computed = 'total = sum(prices)\nprint(f"total: {total}")\nprint("average", total / len(prices))\n'
    assert signal(computed, name="const_print_share") == 0.0
    java = 'class Main {\n  public static void main(String[] args) {\n    System.out.println("Hello");\n  }\n}\n'
    assert signal(java, "java", "const_print_share") > 0


COPIED = '''def load_users(db):
    rows = db.execute("select * from users").fetchall()
    result = [dict(row) for row in rows if row is not None]
    db.log("loaded %d rows" % len(result))
    return result


def load_orders(db):
    rows = db.execute("select * from users").fetchall()
    result = [dict(row) for row in rows if row is not None]
    db.log("loaded %d rows" % len(result))
    return result
'''


def test_copy_paste_blocks_versus_similar_code():
    signals = compute_signals(COPIED, "python")
    assert signals.values["dup_share"] > 0.4 and signals.evidence["dup_share"] == 2
    distinct = COPIED.replace('from users").fetchall()\n    result = [dict(row) for row in rows if row is not None]\n'
                              '    db.log("loaded %d rows" % len(result))\n    return result\n\n\ndef load_orders',
                              'from users").fetchall()\n    result = [dict(row) for row in rows if row is not None]\n'
                              '    return result\n\n\ndef load_orders', 1).replace("from users", "from orders", 1)
    assert signal(distinct, name="dup_share") == 0.0


def test_dead_code_after_return_versus_a_guard_clause():
    dead = 'def check(value):\n    return value > 0\n    print("checked")\n'
    assert compute_signals(dead, "python").evidence["dead_code"] == 3
    guard = 'def check(value):\n    if value is None:\n        return False\n    return value > 0\n'
    assert signal(guard, name="dead_code") == 0.0
    java_dead = 'int f(int x) {\n    return x;\n    x++;\n}\n'
    assert signal(java_dead, "java", "dead_code") == 1.0
    braceless = 'int f(int x) {\n    if (x < 0)\n    return 0;\n    return x;\n}\n'
    assert signal(braceless, "java", "dead_code") == 0.0
    switch = 'int f(int x) {\n  switch (x) {\n  case 1:\n    return 2;\n  case 2:\n    return 3;\n  }\n  return 0;\n}\n'
    assert signal(switch, "java", "dead_code") == 0.0


def test_commented_out_code_versus_prose_comments():
    code = 'total = 0\n# total = compute_total(items)\n#print(total)\nvalue = 1\n'
    assert signal(code, name="commented_code_share") > 0
    prose = 'total = 0\n# The total starts at zero: see the invoice rules.\nvalue = 1  # x = y is fine here\n'
    assert signal(prose, name="commented_code_share") == 0.0


def test_names_judged_in_context():
    unclear = 'def calc(d, q):\n    t = d.get("a")\n    w = q.get("b")\n    return t or w\n'
    signals = compute_signals(unclear, "python")
    assert signals.values["unclear_name_share"] > 0.5
    assert signals.examples["unclear_name_share"][:2] == ["d", "q"]
    math = '''def rotate(x, y, a):
    """Rotate the point (x, y) by a radians."""
    c, s = math.cos(a), math.sin(a)
    return x * c - y * s, x * s + y * c
'''
    assert signal(math, name="unclear_name_share") == 0.0
    loops = 'def total(prices):\n    result = 0\n    for p in prices:\n        result += p\n    return result\n'
    assert signal(loops, name="unclear_name_share") == 0.0
    numbered = 'num1 = int(input())\nnum2 = int(input())\nresult = num1 + num2\n'
    assert signal(numbered, name="numbered_name_share") == pytest.approx(2 / 3)
    digests = 'sha256 = hashlib.sha256()\nutf8 = "utf-8"\nbase64_text = encode(sha256)\n'
    assert signal(digests, name="numbered_name_share") == 0.0


def test_go_receivers_are_conventional():
    text = (CODE / "go" / "stack.go").read_text()
    assert signal(text, "go", "unclear_name_share") == 0.0


def test_function_size_leaves_the_docstring_out():
    doc = "\n".join(f"    line {i} of a long explanation" for i in range(70))
    body = "\n".join(f"    value_{i} = {i}" for i in range(20))
    text = f'def documented():\n    """Summary.\n\n{doc}\n    """\n{body}\n    return value_0\n'
    assert signal(text, name="long_fn_share") == 0.0
    long_body = "\n".join(f"    value_{i} = {i}" for i in range(80))
    assert signal(f"def long():\n{long_body}\n    return value_0\n", name="long_fn_share") == 1.0


def test_test_files_are_judged_as_tests():
    tests = "import pytest\n\n\n" + "\n\n".join(
        f"def test_case_{i}():\n    value = {i}\n    assert value + 1 == {i + 1}\n    assert value >= 0\n"
        f"    assert str(value)\n" for i in range(4))
    signals = compute_signals(tests, "python", "tests/test_values.py")
    assert signals.values["is_test"] == 1.0 and signals.values["fn_doc_share"] == 1.0
    plain = tests.replace("def test_case_", "def case_").replace("import pytest", "import os")
    assert compute_signals(plain, "python", "values.py").values["fn_doc_share"] == 0.0


def test_error_handling_judged_by_what_the_handler_does():
    discard = 'def drop(cache, key):\n    try:\n        del cache[key]\n    except KeyError:\n        pass\n'
    assert signal(discard, name="poor_handlers") == 0.0
    swallow = 'def save(record):\n    try:\n        store(record)\n    except Exception:\n        pass\n'
    assert signal(swallow, name="poor_handlers") > 0
    bare = 'def save(record):\n    try:\n        store(record)\n    except:\n        log(record)\n'
    assert signal(bare, name="poor_handlers") > 0
    java = 'class A {\n  void run() {\n    try {\n      go();\n    } catch (IOException e) {\n      e.printStackTrace();\n    }\n  }\n}\n'
    assert signal(java, "java", "poor_handlers") > 0
    rethrow = java.replace("e.printStackTrace();", "throw new UncheckedIOException(e);")
    assert signal(rethrow, "java", "poor_handlers") == 0.0


def test_unwrap_counts_in_library_code_not_in_tests():
    text = 'pub fn port(s: &str) -> u16 {\n    s.parse().unwrap()\n}\n'
    assert signal(text, "rust", "unwrap_rate") > 0
    assert signal(text, "rust", "unwrap_rate", "tests/port.rs") == 0.0


def test_keyboard_input_versus_a_method_named_input():
    assert signal('name = input("Name? ")\nprint(name)\n', name="reads_input") == 1.0
    assert signal('for line in fileinput.input(files):\n    self.input(line)\n', name="reads_input") == 0.0


def test_javascript_idiom():
    old = 'var count = 0;\nfunction add(x) {\n  if (x == null) { return count; }\n  count += x;\n  return count;\n}\n'
    signals = compute_signals(old, "javascript")
    assert signals.values["js_var_share"] == 1.0 and signals.values["loose_eq_rate"] > 0
    modern = (CODE / "web" / "debounce.js").read_text()
    assert signal(modern, "javascript", "js_var_share") == 0.0


def test_documentation_that_explains():
    text = (CODE / "python" / "intervals.py").read_text()
    signals = compute_signals(text, "python")
    assert signals.values["module_doc"] == 1.0 and signals.values["fn_doc_share"] == 1.0
    assert signals.values["doc_words_per_line"] > 0.5
    bare = (CODE / "python" / "legacy_report.py").read_text()
    assert compute_signals(bare, "python").values["doc_words_per_line"] == 0.0


def test_long_files_are_sampled_from_their_head():
    from tritter_data.quality.signals import HEAD_CHARS

    table = 'CODES = {\n' + "".join(f'    "k{i}": {i},\n' for i in range(4000)) + "}\n"
    assert len(table) > HEAD_CHARS
    signals = compute_signals(table, "python")
    assert signals.values["literal_share"] > 0.99 and signals.values["data_module"] == 1.0
    assert signals.evidence["literal_share"] == 2
    assert signals.values["log_code_lines"] > 8  # size is still read from the whole file


def test_a_long_file_is_judged_on_its_head_and_sized_whole():
    """Stack-Edu's and FineWeb-Edu's classifiers read a prefix: so does the code judgement here, on
    the first HEAD_CHARS; a tangle past it does not change the judgement, the size still counts it."""
    from tritter_data.quality.signals import HEAD_CHARS

    clean = (CODE / "python" / "intervals.py").read_text()
    repeats = HEAD_CHARS // len(clean) + 1
    body = "".join(clean.replace("def ", f"def v{i}_") for i in range(repeats))
    assert len(body) > HEAD_CHARS
    tangle = "def tangle(a, b, c, d, e, f, g, h):\n" + "".join(
        "    " * (depth + 1) + f"if a > {depth}:\n" for depth in range(9)) + "    " * 10 + "return b\n"
    whole, tangled = compute_signals(body, "python").values, compute_signals(body + tangle, "python").values
    for name in ("max_nesting", "max_params", "log_max_fn_lines", "fn_doc_share", "unclear_name_share"):
        assert tangled[name] == whole[name], name
    assert tangled["log_code_lines"] > whole["log_code_lines"]
    assert compute_signals(tangle, "python").values["max_nesting"] >= 8  # read alone, the tangle is seen


DJANGO_STYLE = '''from django.conf import settings
from django.core.checks import Error


def check_setting_file_upload_temp_dir(app_configs, **kwargs):
    setting = getattr(settings, "FILE_UPLOAD_TEMP_DIR", None)
    if setting and not os.path.isdir(setting):
        return [Error("The FILE_UPLOAD_TEMP_DIR setting refers to a missing directory.")]
    return []


def _clone(connection, suffix):
    # Copy the test database through a template so each worker starts from the same state.
    source = connection.settings_dict["NAME"]
    target = f"{source}_{suffix}"
    connection.create(target, template=source)
    return target
'''


def test_functions_explained_by_comments_and_descriptive_names():
    # Neither function has a docstring; one is named in words, the other comments its body.
    assert signal(DJANGO_STYLE, name="fn_doc_share") == 0.0
    assert signal(DJANGO_STYLE, name="explained_fn_share") == 1.0
    # Look-alike: terse names, no comments (a '#' inside a string is not a comment).
    terse = DJANGO_STYLE.replace("check_setting_file_upload_temp_dir", "chk").replace(
        "    # Copy the test database through a template so each worker starts from the same state.\n",
        '    marker = "#tmp"\n')
    assert signal(terse, name="explained_fn_share") == 0.0
