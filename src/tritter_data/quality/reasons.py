"""What each signal means when it pulls a file's score down: a message and a fix.

The model says *how much* a signal costs a file (its contribution); this table says
*what* to tell the author. Only signals with an entry here can become a reason; the
language and size signals calibrate the model but are nobody's fault.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

Values = dict[str, float]
Examples = dict[str, list[str]]


@dataclass(frozen=True, slots=True)
class Reason:
    rule_id: str
    category: str
    #: "high" when a high value is the problem, "low" when a low one is
    bad: str
    message: Callable[[Values, Examples], str]
    fix: str


def _names(examples: Examples, key: str) -> str:
    return ", ".join(f"'{name}'" for name in examples.get(key, [])[:5])


REASONS: dict[str, Reason] = {
    "syntax_error": Reason(
        "Q-SYNTAX", "correctness", "high",
        lambda v, e: "The file does not parse under the language's current grammar",
        "Fix the syntax error; a model learns nothing useful from code that cannot run."),
    "python2": Reason(
        "Q-PYTHON2", "correctness", "high",
        lambda v, e: "Python 2 syntax (print statement, `except E, e:`) that Python 3 rejects",
        "Port it to Python 3: print() calls, `except E as e:`, and run it under a current interpreter."),
    "fragment": Reason(
        "Q-FRAGMENT", "structure", "high",
        lambda v, e: "Only a few lines of code: a fragment without the context that makes it useful",
        "Keep complete units (a function with its types and callers) together."),
    "data_module": Reason(
        "Q-DATA-NOT-LOGIC", "structure", "high",
        lambda v, e: f"{v['literal_share']:.0%} of the lines hold only literals: this is data, not logic",
        "Move the data to a data file (JSON, CSV) and keep the code that reads and uses it."),
    "generated": Reason(
        "Q-GENERATED", "structure", "high",
        lambda v, e: "Build output or generated code (transpiler helpers, generator header), not source",
        "Keep the source it was generated from; generated code teaches the generator's habits."),
    "placeholders": Reason(
        "Q-PLACEHOLDER", "correctness", "high",
        lambda v, e: "Exercise placeholders (todo!(), ???, 'your code here'): the code is a stub",
        "Complete the implementation or leave the stub out."),
    "literal_share": Reason(
        "Q-DATA-NOT-LOGIC", "structure", "high",
        lambda v, e: f"{v['literal_share']:.0%} of the lines hold only literals: this is data, not logic",
        "Move the data to a data file (JSON, CSV) and keep the code that reads and uses it."),
    "const_print_share": Reason(
        "Q-PRINTS-CONSTANTS", "structure", "high",
        lambda v, e: "Prints hard-coded values instead of computing them",
        "Compute results in functions that return them; print only at the program's edge."),
    "print_share": Reason(
        "Q-PRINT-OUTPUT", "structure", "high",
        lambda v, e: f"{v['print_share']:.0%} of the lines are print calls",
        "Return values from functions and use logging for diagnostics."),
    "reads_input": Reason(
        "Q-INTERACTIVE", "structure", "high",
        lambda v, e: "Reads its inputs from the keyboard: an exercise script rather than reusable code",
        "Take inputs as function parameters and keep the prompt in a thin main()."),
    "script_share": Reason(
        "Q-NO-STRUCTURE", "structure", "high",
        lambda v, e: "The logic runs at the top level or in one main function instead of named functions",
        "Split the work into functions that each do one thing, called from a short main()."),
    "dup_share": Reason(
        "Q-COPY-PASTE", "maintainability", "high",
        lambda v, e: f"{v['dup_share']:.0%} of the code repeats in copied blocks",
        "Extract the repeated block into one function and call it with parameters."),
    "dead_code": Reason(
        "Q-DEAD-CODE", "maintainability", "high",
        lambda v, e: "Statements after return, raise or break never run",
        "Delete the unreachable statements or move them before the exit."),
    "commented_code_share": Reason(
        "Q-COMMENTED-CODE", "maintainability", "high",
        lambda v, e: "Commented-out code is left in the file",
        "Delete it; version control keeps the old code."),
    "module_doc": Reason(
        "Q-NO-MODULE-DOC", "documentation", "low",
        lambda v, e: "No module or type documentation says what this file is for",
        "Start the file with a docstring or doc comment that says what it provides and why."),
    "fn_doc_share": Reason(
        "Q-NO-DOCS", "documentation", "low",
        lambda v, e: f"{1 - v['fn_doc_share']:.0%} of the functions longer than a few lines have no documentation",
        "Document what each non-trivial function does, its inputs and what it returns."),
    "doc_words_per_line": Reason(
        "Q-NO-COMMENTS", "documentation", "low",
        lambda v, e: "Little documentation explains the code",
        "Explain the non-obvious parts: why the code does what it does, not what each line says."),
    "unclear_name_share": Reason(
        "Q-UNCLEAR-NAMES", "readability", "high",
        lambda v, e: f"Unclear names ({_names(e, 'unclear_name_share')}) say nothing about what they hold",
        "Use descriptive names that state each value's meaning, e.g. 'total_price' instead of 'x'."),
    "numbered_name_share": Reason(
        "Q-NUMBERED-NAMES", "readability", "high",
        lambda v, e: f"Numbered names ({_names(e, 'numbered_name_share')}) instead of names that say what differs",
        "Name each value by its role ('width', 'height'), or use a list when they are alike."),
    "log_max_fn_lines": Reason(
        "Q-LONG-FUNCTION", "maintainability", "high",
        lambda v, e: "Function '{}' has {} lines of code".format(*(e.get("log_max_fn_lines") or ["?", "many"])),
        "Split it into smaller functions that each do one thing."),
    "max_params": Reason(
        "Q-PARAMS", "maintainability", "high",
        lambda v, e: f"A function takes {int(v['max_params'])} parameters, too many to call correctly",
        "Group related parameters into a dataclass or options object, or split the function."),
    "max_nesting": Reason(
        "Q-NESTING", "maintainability", "high",
        lambda v, e: f"Control flow nests {int(v['max_nesting'])} levels deep",
        "Return early with guard clauses and move inner blocks into well-named helper functions."),
    "poor_handlers": Reason(
        "Q-SWALLOWED-ERROR", "error_handling", "high",
        lambda v, e: "Exception handlers catch everything or ignore the error they catch",
        "Catch the specific exceptions you expect and handle, log or re-raise them."),
    "unwrap_rate": Reason(
        "Q-UNWRAP", "error_handling", "high",
        lambda v, e: "unwrap() turns every error into a panic",
        "Return a Result and propagate errors with `?`, or use expect() with the invariant it relies on."),
    "js_var_share": Reason(
        "Q-VAR", "idiom", "high",
        lambda v, e: "Variables are declared with `var`",
        "Use const (or let when the value changes): block scope avoids a class of bugs."),
    "loose_eq_rate": Reason(
        "Q-LOOSE-EQUALITY", "idiom", "high",
        lambda v, e: "Comparisons use == and != with their implicit type conversions",
        "Use === and !==."),
    "long_line_share": Reason(
        "Q-LONG-LINES", "readability", "high",
        lambda v, e: f"{v['long_line_share']:.0%} of the lines are longer than 120 characters",
        "Wrap long lines; an automatic formatter does this for you."),
    "todo_rate": Reason(
        "Q-TODO", "maintainability", "high",
        lambda v, e: "TODO/FIXME markers: the code is unfinished",
        "Finish or remove the marked work, or track it in an issue."),
}
