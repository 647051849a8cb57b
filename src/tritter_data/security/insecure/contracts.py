"""Sinks reached by contract: what makes a reached sink a low finding rather than an injection.

A bundle whose names say nothing, a loader guarded by the function's own MAC, an interpreter API
running its caller's code in a namespace the program holds: the data flow is real, the finding
belongs elsewhere (where untrusted text enters), so the sink costs score, not the label.
"""

from __future__ import annotations

import re
from typing import Any

from tritter_data.security.insecure.syntax import Context
from tritter_data.security.insecure.taint_nodes import FUNCTIONS


def minified(ctx: Context) -> bool:
    """A minified bundle (``vue.esm-browser.prod.js``): lines of thousands of characters, names of one letter.

    The bundler renamed and inlined the functions, so a parameter no longer says who calls it
    (Vue's template compiler reads as ``new Function("Vue", e)``); outside input (a request) still counts.
    """
    head = (ctx.file or ctx.source)[:65536]
    return len(head) > 4096 and len(head) / (head.count(b"\n") + 1) > 500


def authenticated(call: Any, ctx: Context) -> bool:
    """The loader runs only under a check of a MAC the function computed: the bytes are the program's own.

    ``if _lscmp(sig, hmac.new(key, msg).digest()): return pickle.loads(msg)`` (bottle's signed
    cookies) loads what its own secret signed; forging that needs the key. Pickle stays a poor
    choice there, so the sink is still a low finding; an unchecked load stays high.
    """
    node, guarded = call.parent, False
    while node is not None and node.type not in FUNCTIONS:
        guarded = guarded or node.type in ("if_statement", "if_expression")
        node = node.parent
    if not guarded or node is None:
        return False
    return bool(_MAC.search(ctx.source, node.start_byte, call.start_byte))


_MAC = re.compile(rb"\bhmac\.(?:new|digest|HMAC)\(|compare_digest\(|createHmac\(|timingSafeEqual\(|"
                  rb"Mac\.getInstance\(|hash_hmac\(|OpenSSL::HMAC|hmac\.New\(")


def interpreter_api(call: Any, payload: Any) -> bool:
    """``exec(code, namespace)`` of a parameter's code in a namespace the program holds: an interpreter API.

    ``bdb.run``, ``profile.runctx``, ``code.runcode``: running the caller's code is what they
    are for, so the finding belongs where a caller hands them untrusted text. Namespaces
    written as literals (``eval(expr, {}, {})``) are a sandbox attempt and stay findings.
    """
    args = call.child_by_field_name("arguments")
    function = call.child_by_field_name("function")
    if args is None or call.type != "call" or function is None or \
            function.text not in (b"eval", b"exec", b"builtins.eval", b"builtins.exec"):
        return False
    rest = [a.named_children[-1] if a.type == "keyword_argument" and a.named_children else a
            for a in args.named_children if a.start_byte != payload.start_byte and a.type != "comment"]
    return any(a.type in ("identifier", "attribute", "call", "subscript") for a in rest)
