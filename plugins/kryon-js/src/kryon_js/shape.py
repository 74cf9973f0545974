"""What a script declares at its top level, read from its tokens.

For a classic script that is the exported functions (top-level function
declarations) and every top-level binding (for per-script globals).  For an
ES module it is also its ``import``/``export`` statements and the edits that
turn them into plain code over the VM's module registry (QuickJS has no
module loader in this binding): an edit replaces a statement by text of the
same length where possible, so line and column numbers stay exact.  Every
script's ``throw`` statements get an insertion that records their site
(``throw $kt$[n]=X``, see ``source.py``) and every catch clause a first step that
gives an engine error V8's message (``$kt$.c(e)``, the prelude's ``caught``);
:meth:`ScriptShape.shifts` says where
edits made a line longer, so reported columns can be mapped back.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from kryon_js.checks import CHECK_MARK, Check, for_of_check, pattern_check
from kryon_js.lexer import Token, closing_bracket, tokenize, top_level

__all__ = [
    "DYNAMIC_IMPORT",
    "IMPORT_META",
    "THROW_SITES",
    "FunctionDecl",
    "ScriptShape",
    "repl_rewrite",
    "scan",
]

DYNAMIC_IMPORT = "$kimp$"
"""Replaces ``import`` in ``import(name)``: same length, so columns stay exact."""

_VALUE_ENDS = frozenset({"num", "str", "tmpl", "regex"})
_DECLARATIONS = frozenset({"var", "let", "const"})
_JOB_NAMES = frozenset(
    {
        "async",
        "await",
        "Promise",
        "then",
        "queueMicrotask",
        "nextTick",
        "FinalizationRegistry",
        "import",
        # (a listener's error is thrown from a tick: events.js)
        "dispatchEvent",
        "abort",
        "setTimeout",
        "setInterval",
        "setImmediate",
        # (AbortSignal.timeout aborts from a timer)
        "AbortSignal",
    }
)
# "export default" becomes "const $kdflt$=": the same length, so columns stay exact.
_DEFAULT_LOCAL = "$kdflt$"
IMPORT_META = "$kmeta$"
"""Replaces ``import.meta`` in a module (padded to its length: columns stay exact)."""
THROW_SITES = "$kt$"
"""The wrapper's parameter holding the script's throw sites (``source.wrap``)."""
# Tokens that can start the expression of a throw statement (with any name, number,
# string, template or regular expression literal): ``#`` for ``#x in obj``.
_EXPRESSION_STARTS = frozenset({"(", "[", "{", "+", "-", "!", "~", "++", "--", "#"})


@dataclass(frozen=True)
class FunctionDecl:
    """A top-level function declaration."""

    name: str
    line: int
    params: tuple[str, ...] = ()
    variadic: bool = False
    is_async: bool = False
    is_generator: bool = False


@dataclass
class ScriptShape:
    """The top level of one script (see module docs)."""

    functions: dict[str, FunctionDecl] = field(default_factory=dict)
    declared: list[str] = field(default_factory=list)
    strict: bool = False
    exports: dict[str, str] = field(default_factory=dict)
    """Module exports: exported name -> JavaScript expression giving its value."""
    star_exports: list[str] = field(default_factory=list)
    imports: list[str] = field(default_factory=list)
    edits: list[tuple[int, int, str]] = field(default_factory=list)
    uses_jobs: bool = False
    """Whether the script may queue promise jobs or start timers (async, await,
    Promise, then, setTimeout...)."""
    uses_meta: bool = False
    """Whether the module reads ``import.meta``."""
    throws: list[tuple[int, int]] = field(default_factory=list)
    """``(line, column)`` of each rewritten throw statement, in site order."""
    checks: list[Check] = field(default_factory=list)
    """The value checks before destructuring and for-of (``checks.py``), in site
    order (site ``n`` is ``checks[n - 1]``)."""

    def rewrite(self, source: str) -> str:
        """``source`` with the edits applied (line count unchanged)."""
        out, last = [], 0
        for start, end, text in sorted(self.edits):
            original = source[start:end]
            breaks = original.count("\n") - text.count("\n")
            replacement = text.ljust(end - start) if breaks <= 0 and "\n" not in text else text
            out += [source[last:start], replacement, "\n" * max(0, breaks)]
            last = end
        out.append(source[last:])
        return "".join(out)

    def shifts(self, source: str) -> dict[int, list[tuple[int, int, int]]]:
        """Where :meth:`rewrite` made a line longer: line -> ``(start, end, added)``
        per edit, 0-based columns of the original line, in order (see
        ``source.LineBands.column``, which maps reported columns back)."""
        found: dict[int, list[tuple[int, int, int]]] = {}
        for start, end, text in sorted(self.edits):
            added = len(text) - (end - start)
            if added <= 0 or "\n" in text or "\n" in source[start:end]:
                continue
            line_start = source.rfind("\n", 0, start) + 1
            line = source.count("\n", 0, start) + 1
            found.setdefault(line, []).append((start - line_start, end - line_start, added))
        return found


class _Scanner:
    def __init__(self, source: str, module: bool, tokens: Sequence[Token] | None = None) -> None:
        self.source = source
        self.tokens = tokenize(source) if tokens is None else tokens
        self.module = module
        self.shape = ScriptShape()

    def token(self, i: int) -> Token | None:
        return self.tokens[i] if 0 <= i < len(self.tokens) else None

    def text(self, i: int) -> str:
        tok = self.token(i)
        return tok.text if tok is not None else ""

    def statement_start(self, i: int) -> bool:
        previous = self.token(i - 1)
        if previous is None or previous.text in (";", "}"):
            return True
        current = self.tokens[i]
        return current.newline and (
            previous.kind in _VALUE_ENDS
            or previous.text in (")", "]")
            or (
                previous.kind == "name"
                and previous.text not in ("return", "typeof", "new", "await", "yield", "in", "of")
            )
        )

    def run(self) -> ScriptShape:
        tokens = self.tokens
        if tokens and tokens[0].kind == "str" and tokens[0].text[1:-1] == "use strict":
            self.shape.strict = True
        # Throw sites are rewritten only when the tokenizer read the whole source: one
        # that stopped early (an unterminated literal) may have misread the rest.
        self.rewrite_throws = (
            not tokens or _TRAILING.fullmatch(self.source, tokens[-1].end) is not None
        )
        depth, i = 0, 0
        braces: list[bool] = []  # per open "{": whether it opens a try block
        try_ends: set[int] = set()
        while i < len(tokens):
            tok = tokens[i]
            text = tok.text
            if tok.kind == "name" and text == "throw" and self.throw_statement(i):
                self.throw_site(i)
            elif tok.kind == "name" and text in _DECLARATIONS and self.text(i + 1) in ("{", "["):
                self.pattern_site(i)
            elif tok.kind == "name" and text == "for" and self.text(i + 1) == "(":
                self.for_of_site(i + 1)
            elif tok.kind == "punct" and text == "{":
                braces.append(self.text(i - 1) == "try" and self.tokens[i - 1].kind == "name")
            elif tok.kind == "punct" and text == "}" and braces and braces.pop():
                try_ends.add(i)
            elif tok.kind == "name" and text == "catch" and i - 1 in try_ends:
                self.catch_clause(i)
            if tok.kind == "name" and text in _JOB_NAMES:
                self.shape.uses_jobs = True
            if tok.kind == "punct" and text in ("(", "[", "{"):
                depth += 1
            elif tok.kind == "punct" and text in (")", "]", "}"):
                depth -= 1
            elif tok.kind == "tmpl":
                depth += text.endswith("${") - text.startswith("}")
            elif (
                tok.kind == "name"
                and self.text(i + 1) == "?."
                and self.text(i + 2) == "("
                and self.sloppy_callee(i)
            ):
                # QuickJS-ng fails to compile `f?.()` inside `with` (a classic script's
                # wrapper) once the body has a closure ("inconsistent stack size");
                # `(0,f)?.()` compiles and means the same outside the scope object.
                self.shape.edits.append((tok.start, tok.end, f"(0,{text})"))
            elif tok.kind == "name" and text == "import" and self.text(i + 1) == "(":
                self.shape.edits.append((tok.start, tok.end, DYNAMIC_IMPORT))
            elif (
                self.module
                and tok.kind == "name"
                and text == "import"
                and self.text(i + 1) == "."
                and self.text(i + 2) == "meta"
            ):
                # import.meta is only valid in module code, and a module runs as a
                # function: the wrapper defines $kmeta$ (source.wrap), a shorter name.
                self.shape.edits.append((tok.start, self.tokens[i + 2].end, IMPORT_META))
                self.shape.uses_meta = True
            elif depth == 0 and tok.kind == "name" and self.statement_start(i):
                i = self.top_level(i)
                continue
            i += 1
        self.drop_nested_throws()
        return self.shape

    def sloppy_callee(self, i: int) -> bool:
        """Whether the name at ``i`` is a bare identifier called optionally in a
        sloppy classic script (the only code source.wrap puts inside ``with``)."""
        if self.module or self.shape.strict or not self.rewrite_throws:
            return False
        previous = self.token(i - 1)
        if previous is not None and previous.text in (".", "?.", "#"):
            return False
        return self.tokens[i].text not in ("this", "super", "import", "new")

    def drop_nested_throws(self) -> None:
        """A throw insertion inside a rewritten import/export statement would break
        it (``import { throw as t }`` is caught before; this is the safety net)."""
        edits = self.shape.edits
        spans = [(s, e) for s, e, _ in edits if e > s]
        self.shape.edits = [
            (s, e, t) for s, e, t in edits if e > s or not any(a < s < b for a, b in spans)
        ]

    def throw_statement(self, i: int) -> bool:
        """Whether the name ``throw`` at ``i`` starts a throw statement that can be
        rewritten: not a property or method name (``p.throw``, ``{throw: 1}``,
        ``throw() {}``, ``#throw``), and followed on its line by an expression (a line
        break or a missing expression stays the syntax error it is)."""
        if not self.rewrite_throws:
            return False
        previous, following = self.token(i - 1), self.token(i + 1)
        if previous is not None and previous.text in (".", "?.", "#"):
            return False
        if following is None or following.newline:
            return False
        kind, text = following.kind, following.text
        if kind == "name":
            if text in ("in", "instanceof"):
                return False
            # import { throw as t } / export { throw as t } from "m"
            return not (text == "as" and previous is not None and previous.text in ("{", ","))
        if kind == "tmpl":
            return text.startswith("`")
        if kind in ("num", "str", "regex"):
            return True
        if text == "(":
            close = self.closing(i + 1)
            return close is None or self.text(close + 1) != "{"  # throw() {...}: a method
        return text in _EXPRESSION_STARTS

    def closing(self, i: int) -> int | None:
        """Index of the token closing the bracket at ``i``."""
        return closing_bracket(self.tokens, i)

    def throw_site(self, i: int) -> None:
        """Rewrite ``throw X`` as ``throw $kt$[n]=X``: the setter of site ``n`` records
        the value and where it was thrown, which QuickJS keeps only for errors."""
        tok, following = self.tokens[i], self.tokens[i + 1]
        column = tok.start - self.source.rfind("\n", 0, tok.start)
        site = len(self.shape.throws)
        self.shape.throws.append((tok.line, column))
        self.shape.edits.append((following.start, following.start, f"{THROW_SITES}[{site}]="))

    def check_site(self, value: int, check: Check) -> None:
        """Check the value whose expression starts at token ``value`` (``checks.py``)."""
        self.shape.checks.append(check)
        start = self.tokens[value].start
        self.shape.edits.append((start, start, CHECK_MARK.format(len(self.shape.checks))))

    def pattern_site(self, i: int) -> None:
        """``const {a} = X`` / ``let [b] = X``: X is checked before it is destructured."""
        previous = self.token(i - 1)
        if not self.rewrite_throws or (previous is not None and previous.text in (".", "?.", "#")):
            return
        close = self.closing(i + 1)
        if close is None or self.text(close + 1) != "=" or close + 2 >= len(self.tokens):
            return
        check, end = pattern_check(self.tokens, i + 1, close, close + 2)
        self.checked(close + 2, end, check)

    def checked(self, value: int, end: int | None, check: Check, loop: bool = False) -> None:
        """Check the value from token ``value`` (to ``end``, if it can be inline);
        ``loop``: a for-of's, whose name is checked as iterable inline too."""
        single = end == value + 1
        if end is None or (check[0] == "i" and single and self.tokens[value].kind != "name"):
            self.check_site(value, check)  # (a literal to iterate: `for (x of 5)`)
            return
        # checked inline: `X ?? $kt$.u(-n, X)`, no call when the value passes (a chain
        # destructured as an array that is not iterable stays QuickJS's "value is not
        # iterable")
        self.shape.checks.append(check)
        first, last = self.tokens[value], self.tokens[end - 1]
        text = self.source[first.start : last.end]
        fail = f"{THROW_SITES}.u(-{len(self.shape.checks)}, {text})"
        if loop and single:
            # a name to iterate is read again at no cost: one that is not iterable
            # fails here too ($kt$.s is Symbol.iterator)
            self.shape.edits.append((first.start, first.start, "typeof "))
            inline = f'?.[{THROW_SITES}.s] === "function" ? {text} : {fail}'
        else:
            inline = f" ?? {fail}"
        self.shape.edits.append((last.end, last.end, inline))

    def for_of_site(self, i: int) -> None:
        """``for (const x of X)``: X is checked before it is iterated."""
        if not self.rewrite_throws or self.text(i - 2) in (".", "?.", "#"):
            return
        close = self.closing(i)
        if close is None:
            return
        for j in top_level(self.tokens, i + 1, close):
            tok = self.tokens[j]
            if tok.kind == "punct" and tok.text in (";", "="):
                return  # a classic for loop, or a declaration's initialiser
            if tok.kind == "name" and tok.text in ("in", "of") and j > i + 1:
                if tok.text == "of" and self.text(j - 1) not in (".", "?.") and j + 1 < close:
                    # inline for a name only: a member chain or literal that is not
                    # iterable is named by the setter's check (a call per loop)
                    named = close == j + 2 and self.tokens[j + 1].kind == "name"
                    check = for_of_check(self.tokens, j + 1)
                    self.checked(j + 1, close if named else None, check, loop=True)
                return

    def catch_clause(self, i: int) -> None:
        """Start the catch clause at ``i`` with ``$kt$.c(e)``, which gives an error the
        engine raised V8's message (the prelude's ``caught``).  A destructuring
        parameter is bound from it inside the block: ``catch ({message}) {`` runs as
        ``catch ($kce$){let {message}=$kt$.c($kce$);`` (the same names are bound, and
        the same declarations in the block are early errors)."""
        if not self.rewrite_throws or self.text(i + 1) != "(":
            return  # `catch {` binds nothing
        close = self.closing(i + 1)
        if close is None or close <= i + 2 or self.text(close + 1) != "{":
            return
        block = self.tokens[close + 1]
        param = self.tokens[i + 2]
        if close == i + 3 and param.kind == "name":
            self.shape.edits.append((block.end, block.end, f"{THROW_SITES}.c({param.text});"))
            return
        closer = self.tokens[close]
        edits = self.shape.edits
        edits.append((param.start, param.start, "$kce$){let "))
        edits.append((closer.start, closer.end, f"={THROW_SITES}.c($kce$);"))
        edits.append((block.start, block.end, ""))

    def top_level(self, i: int) -> int:
        text = self.tokens[i].text
        if text in ("function", "async") and self.function_at(i) is not None:
            return i + 1
        if text in _DECLARATIONS or text == "class":
            self.shape.declared += self.binding_names(i)
            return i + 1
        if self.module and text == "import" and self.text(i + 1) not in ("(", "."):
            return self.import_at(i)
        if self.module and text == "export":
            return self.export_at(i)
        return i + 1

    def function_at(self, i: int) -> FunctionDecl | None:
        is_async = self.text(i) == "async"
        if is_async:
            nxt = self.token(i + 1)
            if nxt is None or nxt.text != "function" or nxt.newline:
                return None
            i += 1
        i += 1
        generator = self.text(i) == "*"
        if generator:
            i += 1
        name = self.token(i)
        if name is None or name.kind != "name" or self.text(i + 1) != "(":
            return None
        params, variadic, depth, j = [], False, 0, i + 2
        expect_name = True
        while j < len(self.tokens):
            t = self.tokens[j].text
            if t in ("(", "[", "{"):
                depth += 1
            elif t in (")", "]", "}"):
                if depth == 0:
                    break
                depth -= 1
            elif depth == 0 and t == ",":
                expect_name = True
            elif depth == 0 and t == "...":
                variadic = True
            elif depth == 0 and expect_name and self.tokens[j].kind == "name":
                params.append(t)
                expect_name = False
            j += 1
        decl = FunctionDecl(name.text, name.line, tuple(params), variadic, is_async, generator)
        self.shape.functions.setdefault(name.text, decl)
        self.shape.declared.append(name.text)
        return decl

    def binding_names(self, i: int) -> list[str]:
        """Names bound by the ``var``/``let``/``const``/``class`` statement at ``i``."""
        if self.text(i) == "class":
            tok = self.token(i + 1)
            return [tok.text] if tok is not None and tok.kind == "name" else []
        names: list[str] = []
        j, depth, expect = i + 1, 0, True
        while j < len(self.tokens):
            tok = self.tokens[j]
            t = tok.text
            if (
                depth == 0
                and j > i + 1
                and tok.newline
                and expect is False
                and t not in (",", "=", ".", "(", "[", "?", ":")
                and tok.kind != "punct"
            ):
                break
            if t in ("(", "[", "{"):
                depth += 1
            elif t in (")", "]", "}"):
                depth -= 1
                if depth < 0:
                    break
            elif t == ";" and depth == 0:
                break
            elif depth == 0 and t == ",":
                expect = True
            elif depth == 0 and t == "=":
                expect = False
            elif (
                expect
                and tok.kind == "name"
                and (depth == 0 or self.text(j + 1) in (",", "}", "]", "="))
            ):
                names.append(t)
                if depth == 0:
                    expect = False
            j += 1
        return names

    # -- modules -------------------------------------------------------------------

    def statement_end(self, i: int) -> tuple[int, int]:
        """(index after, end offset) of a statement whose last token is ``i``."""
        if self.text(i + 1) == ";":
            return i + 2, self.tokens[i + 1].end
        return i + 1, self.tokens[i].end

    def import_at(self, i: int) -> int:
        start = self.tokens[i].start
        j = i + 1
        first = self.token(j)
        if first is not None and first.kind == "str":
            nxt, end = self.statement_end(j)
            self.shape.imports.append(first.text[1:-1])
            self.shape.edits.append((start, end, f"__kryon_import({first.text});"))
            return nxt
        default, namespace, named = None, None, []
        while j < len(self.tokens) and self.text(j) != "from":
            t = self.text(j)
            if t == "*" and self.text(j + 1) == "as":
                namespace = self.text(j + 2)
                j += 3
                continue
            if t == "{":
                j += 1
                while j < len(self.tokens) and self.text(j) != "}":
                    name = self.text(j)
                    if self.text(j + 1) == "as":
                        named.append((name, self.text(j + 2)))
                        j += 3
                    else:
                        if name != ",":
                            named.append((name, name))
                        j += 1
                j += 1
                continue
            if t != ",":
                default = t
            j += 1
        module_tok = self.token(j + 1)
        if module_tok is None or module_tok.kind != "str":
            return j + 1
        last = j + 1
        if self.text(last + 1) in ("with", "assert") and self.text(last + 2) == "{":
            last += 2
            while last < len(self.tokens) and self.text(last) != "}":
                last += 1
        nxt, end = self.statement_end(last)
        self.shape.imports.append(module_tok.text[1:-1])
        call = f"__kryon_import({module_tok.text})"
        parts = []
        if namespace:
            parts.append(f"{namespace} = {call}")
            call = namespace
        pattern = [
            f"{imported}: {local}" if imported != local else local for imported, local in named
        ]
        if default:
            pattern.insert(0, f"default: {default}")
        if pattern:
            parts.append("{" + ", ".join(pattern) + "} = " + call)
        text = "const " + ", ".join(parts) + ";" if parts else call + ";"
        self.shape.edits.append((start, end, text))
        return nxt

    def export_at(self, i: int) -> int:
        export = self.tokens[i]
        nxt = self.token(i + 1)
        if nxt is None:
            return i + 1
        if nxt.text == "default":
            target = self.token(i + 2)
            named = None
            if target is not None and target.text in ("function", "async", "class"):
                k = i + 2 + (target.text == "async")
                k += 1
                if self.text(k) == "*":
                    k += 1
                cand = self.token(k)
                if cand is not None and cand.kind == "name" and cand.text != "extends":
                    named = cand.text
            if named is not None:
                self.shape.edits.append((export.start, nxt.end, ""))
                if target is not None and target.text != "class":
                    self.function_at(i + 2)
                self.shape.exports["default"] = named
            else:
                self.shape.edits.append((export.start, nxt.end, f"const {_DEFAULT_LOCAL}="))
                self.shape.exports["default"] = _DEFAULT_LOCAL
            return i + 2
        if nxt.text in ("{", "*"):
            return self.export_list(i)
        self.shape.edits.append((export.start, export.end, ""))
        if nxt.text in ("function", "async"):
            decl = self.function_at(i + 1)
            if decl is not None:
                self.shape.exports[decl.name] = decl.name
        elif nxt.text in _DECLARATIONS or nxt.text == "class":
            names = self.binding_names(i + 1)
            self.shape.declared += names
            for name in names:
                self.shape.exports[name] = name
        return i + 1

    def export_list(self, i: int) -> int:
        start = self.tokens[i].start
        j = i + 1
        pairs: list[tuple[str, str]] = []
        star_as = None
        if self.text(j) == "*":
            if self.text(j + 1) == "as":
                star_as = self.text(j + 2)
                j += 3
            else:
                j += 1
        else:
            j += 1
            while j < len(self.tokens) and self.text(j) != "}":
                name = self.text(j)
                if self.text(j + 1) == "as":
                    pairs.append((name, self.text(j + 2)))
                    j += 3
                else:
                    if name != ",":
                        pairs.append((name, name))
                    j += 1
            j += 1
        source_module = None
        last = j - 1
        if self.text(j) == "from" and self.token(j + 1) is not None:
            module_tok = self.tokens[j + 1]
            source_module = module_tok.text[1:-1]
            self.shape.imports.append(source_module)
            last = j + 1
        nxt, end = self.statement_end(last)
        self.shape.edits.append((start, end, ""))
        if source_module is None:
            for local, exported in pairs:
                self.shape.exports[_unquote(exported)] = local
        elif star_as is not None:
            self.shape.exports[star_as] = f"__kryon_import({source_module!r})"
        elif not pairs:
            self.shape.star_exports.append(source_module)
        else:
            for imported, exported in pairs:
                self.shape.exports[_unquote(exported)] = (
                    f"__kryon_import({source_module!r})[{_unquote(imported)!r}]"
                )
        return nxt


_TRAILING = re.compile(r"(?:\s|//[^\n]*|/\*.*?\*/)*", re.S)


def _unquote(name: str) -> str:
    return name[1:-1] if name[:1] in ("'", '"') else name


def scan(source: str, *, module: bool, tokens: Sequence[Token] | None = None) -> ScriptShape:
    """The top-level shape of ``source`` (a module when ``module``); ``tokens``
    are its tokens when the caller has them already."""
    return _Scanner(source, module, tokens).run()


def repl_rewrite(source: str) -> tuple[str, list[str]]:
    """A REPL snippet as code whose top-level declarations assign to names the
    caller defines on the script's scope object, so they outlive the snippet.

    ``let x = 1`` becomes ``x = 1``; ``function f() {}`` becomes
    ``f = function f() {}`` (and likewise ``class``).  Destructuring
    declarations are left alone and stay local to the snippet.  A snippet
    that ends with a declaration still has no value, as in Node's REPL.
    """
    scanner = _Scanner(source, module=False)
    tokens, edits, names = scanner.tokens, [], []
    depth = 0
    ends_with_declaration = False
    for i, tok in enumerate(tokens):
        text = tok.text
        if depth == 0 and scanner.statement_start(i):
            ends_with_declaration = False
        if tok.kind == "punct" and text in ("(", "[", "{"):
            depth += 1
        elif tok.kind == "punct" and text in (")", "]", "}"):
            depth -= 1
        elif depth == 0 and tok.kind == "name" and scanner.statement_start(i):
            following = scanner.token(i + 1)
            if text in _DECLARATIONS and following is not None and following.kind == "name":
                declared = scanner.binding_names(i)
                names += declared
                edits.append((tok.start, tok.end, ""))
                ends_with_declaration = True
            elif text in ("function", "async", "class"):
                decl = scanner.function_at(i) if text != "class" else None
                name = decl.name if decl is not None else None
                if text == "class" and following is not None and following.kind == "name":
                    name = following.text
                if name is not None:
                    names.append(name)
                    edits.append((tok.start, tok.start, f"{name} = "))
                    ends_with_declaration = True
    code = ScriptShape(edits=edits).rewrite(source)
    if ends_with_declaration:
        code += "\n;void 0"
    return code, list(dict.fromkeys(names))
