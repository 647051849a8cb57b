from tritter_data.core.languages import (
    AMBIGUOUS,
    LANGUAGES,
    canonical_language,
    detect_from_content,
    detect_from_path,
    language_from_shebang,
)


def test_every_required_language_is_supported():
    required = {"python", "rust", "javascript", "typescript", "go", "java", "c", "cpp", "csharp",
                "ruby", "php", "shell", "kotlin", "swift", "scala"}
    assert required <= set(LANGUAGES)


def test_extensions_and_file_names():
    assert detect_from_path("a/b/lib.rs") == "rust"
    assert detect_from_path("App.tsx") == "typescript"
    assert detect_from_path("main.GO") == "go"
    assert detect_from_path("x.hpp") == "cpp"
    assert detect_from_path("Program.cs") == "csharp"
    assert detect_from_path("build.gradle.kts") == "kotlin"
    assert detect_from_path("Rakefile") == "ruby"
    assert detect_from_path("photo.png") is None
    assert detect_from_path("module.pyc") is None
    assert detect_from_path("util.h") is AMBIGUOUS
    assert detect_from_path("bin/tool") is AMBIGUOUS


def test_shebangs():
    assert language_from_shebang("#!/usr/bin/env python3") == "python"
    assert language_from_shebang("#!/usr/bin/python3.11") == "python"
    assert language_from_shebang("#!/bin/bash") == "shell"
    assert language_from_shebang("#! /usr/bin/env node") == "javascript"
    assert language_from_shebang("#!/usr/bin/env -S deno run") is None  # -S is not an interpreter
    assert language_from_shebang("#!/usr/bin/perl") is None


def test_header_content_rules():
    assert detect_from_content("x.h", "#include <stdio.h>\nstruct point { int x; };\n") == "c"
    assert detect_from_content("x.h", "#pragma once\nnamespace geo {\nclass Point {};\n}\n") == "cpp"
    assert detect_from_content("x.h", "template <typename T>\nT max(T a, T b);\n") == "cpp"
    assert detect_from_content("tool", "no shebang here\n") is None


def test_aliases():
    assert canonical_language("C#") == "csharp"
    assert canonical_language("c++") == "cpp"
    assert canonical_language("Python") == "python"
    assert canonical_language("cobol") is None
