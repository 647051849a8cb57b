"""Language detection from the file name, the shebang line and, for ambiguous
extensions, the content.

Detection is split in two so that files which cannot be code (``.png``, ``.pyc``) are
rejected from their name alone, before a byte is read::

    >>> detect_from_path("src/lib.rs")
    'rust'
    >>> detect_from_path("include/util.h") is AMBIGUOUS
    True
    >>> detect_from_content("include/util.h", "namespace x { class Y {}; }")
    'cpp'
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

LANGUAGES = (
    "python", "rust", "javascript", "typescript", "go", "java", "c", "cpp", "csharp",
    "ruby", "php", "shell", "kotlin", "swift", "scala",
)

#: Technical documentation (prose): selected only by name (``--languages markdown rst``), never
#: by default, and run through the prose stages instead of the code analysers.
DOC_LANGUAGES = ("markdown", "restructuredtext", "asciidoc")

#: Every language ``--languages`` accepts: code, then docs.
KNOWN_LANGUAGES = LANGUAGES + DOC_LANGUAGES

#: Spellings users type for a language, mapped to the canonical name.
ALIASES = {
    "md": "markdown", "rst": "restructuredtext", "rest": "restructuredtext", "adoc": "asciidoc",
    "py": "python", "rs": "rust", "js": "javascript", "node": "javascript",
    "ts": "typescript", "golang": "go", "c++": "cpp", "cxx": "cpp", "c#": "csharp",
    "cs": "csharp", "rb": "ruby", "sh": "shell", "bash": "shell", "zsh": "shell",
    "kt": "kotlin",
}

EXTENSIONS = {
    ".py": "python", ".pyw": "python", ".pyi": "python",
    ".rs": "rust",
    ".js": "javascript", ".mjs": "javascript", ".cjs": "javascript", ".jsx": "javascript",
    ".ts": "typescript", ".tsx": "typescript", ".mts": "typescript", ".cts": "typescript",
    ".go": "go",
    ".java": "java",
    ".c": "c",
    ".cc": "cpp", ".cpp": "cpp", ".cxx": "cpp", ".c++": "cpp", ".hpp": "cpp", ".hh": "cpp",
    ".hxx": "cpp", ".ipp": "cpp", ".tpp": "cpp",
    ".cs": "csharp",
    ".rb": "ruby", ".rake": "ruby", ".gemspec": "ruby",
    ".php": "php", ".phtml": "php",
    ".sh": "shell", ".bash": "shell", ".zsh": "shell", ".ksh": "shell",
    ".kt": "kotlin", ".kts": "kotlin",
    ".swift": "swift",
    ".scala": "scala", ".sc": "scala",
}

FILENAMES = {
    "Rakefile": "ruby", "Gemfile": "ruby", "Podfile": "ruby", "Vagrantfile": "ruby",
    "SConstruct": "python", "SConscript": "python", ".bashrc": "shell", ".zshrc": "shell",
    ".profile": "shell", ".bash_profile": "shell", "configure": "shell",
}

DOC_EXTENSIONS = {
    ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown", ".mkd": "markdown",
    ".rst": "restructuredtext", ".rest": "restructuredtext",
    ".adoc": "asciidoc", ".asciidoc": "asciidoc",
}

#: Extensions whose language depends on the content.
AMBIGUOUS_EXTENSIONS = {".h"}

SHEBANG_INTERPRETERS = {
    "python": "python", "python2": "python", "python3": "python", "pypy": "python",
    "pypy3": "python", "node": "javascript", "nodejs": "javascript", "deno": "typescript",
    "ts-node": "typescript", "ruby": "ruby", "php": "php", "sh": "shell", "bash": "shell",
    "zsh": "shell", "ksh": "shell", "dash": "shell", "scala": "scala", "kotlin": "kotlin",
    "swift": "swift",
}


class _Ambiguous:
    def __repr__(self) -> str:
        return "AMBIGUOUS"


#: Returned by ``detect_from_path`` when the content must decide.
AMBIGUOUS = _Ambiguous()

_SHEBANG = re.compile(r"#![ \t]*(\S+)(?:[ \t]+(\S+))?")
_VERSION_SUFFIX = re.compile(r"[\d.]+$")
_CPP_MARKERS = re.compile(
    r"^\s*(?:class\s+\w+\s*[:{]|namespace\s+\w*\s*\{|template\s*<|public:|private:|"
    r"protected:|using\s+namespace\b|#include\s*<(?:iostream|string|vector|memory|map)>)"
    r"|std::|\bnullptr\b|\bconstexpr\b|\boperator\s*[^\s\w]",
    re.MULTILINE,
)


def canonical_language(name: str) -> str | None:
    """The canonical name for a user-supplied language name, or None if unknown."""
    key = name.strip().lower()
    if key in KNOWN_LANGUAGES:
        return key
    return ALIASES.get(key)


def doc_language_from_path(path: str) -> str | None:
    """``docs/usage.rst`` -> ``'restructuredtext'``; None for anything that is not a doc file."""
    return DOC_EXTENSIONS.get(PurePosixPath(path).suffix.lower())


def detect_from_path(path: str) -> str | _Ambiguous | None:
    """Language from the name alone; ``AMBIGUOUS`` when content must decide.

    Returns None for a file whose name says it is not source code. A name without an
    extension is ambiguous: a shebang may still make it a script.
    """
    pure = PurePosixPath(path)
    name = pure.name
    if name in FILENAMES:
        return FILENAMES[name]
    suffix = pure.suffix.lower()
    if suffix in EXTENSIONS:
        return EXTENSIONS[suffix]
    if suffix in AMBIGUOUS_EXTENSIONS or not suffix:
        return AMBIGUOUS
    return None


def language_from_shebang(first_line: str) -> str | None:
    """``#!/usr/bin/env python3`` -> python; None when there is no known interpreter."""
    match = _SHEBANG.match(first_line)
    if not match:
        return None
    program = match.group(1).rsplit("/", 1)[-1]
    if program == "env" and match.group(2):
        program = match.group(2)
    program = _VERSION_SUFFIX.sub("", program) or program
    return SHEBANG_INTERPRETERS.get(program) or SHEBANG_INTERPRETERS.get(program.rstrip("-"))


def detect_from_content(path: str, text: str) -> str | None:
    """Resolve what the name could not: shebang first, then content rules (``.h``)."""
    if text.startswith("#!"):
        language = language_from_shebang(text.split("\n", 1)[0])
        if language:
            return language
    if PurePosixPath(path).suffix.lower() == ".h":
        return "cpp" if _CPP_MARKERS.search(text) else "c"
    return None
