"""A value thrown with no stack (``throw "oops"``, ``throw {code: 1}``) is reported at
its throw statement: each ``throw X`` runs as ``throw $kt$[n]=X`` (source.py), which
must change nothing else a script can see."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kryon_core import CompileError, ScriptRuntimeError


def _uncaught(js: Any, source: str, name: str = "main.js", function: str = "main") -> Any:
    script = js.load(source, name)
    with pytest.raises(ScriptRuntimeError) as info:
        js.call(script, function)
    return info.value


def test_a_thrown_string_names_its_line_and_column(js: Any) -> None:
    error = _uncaught(
        js, 'function main() {\n  helper();\n}\nfunction helper() {\n  throw "oops";\n}'
    )
    assert (error.script, error.line, error.column) == ("main.js", 5, 3)
    assert "uncaught exception: oops" in str(error) and "main.js:5:3" in error.render()


def test_thrown_objects_rethrows_and_async_rejections_name_their_site(js: Any) -> None:
    source = (
        "function main() {\n"
        "  try { inner(); } catch (e) { throw e; }\n"
        "}\n"
        "function inner() { throw { code: 42 }; }\n"
        "async function later() {\n"
        "  await null;\n"
        "  if (true) throw 7;\n"
        "}\n"
    )
    error = _uncaught(js, source)
    assert (error.line, error.column) == (2, 32) and "{ code: 42 }" in str(error)
    rejected = _uncaught(js, source, "b.js", "later")
    assert (rejected.script, rejected.line, rejected.column) == ("b.js", 7, 13)


def test_modules_and_strict_scripts_name_their_site_too(js: Any) -> None:
    js.load('export function boom() {\n  throw "from lib";\n}\n', "lib.mjs")
    app = js.load("import { boom } from 'lib';\nexport function run() { boom(); }\n", "app.mjs")
    with pytest.raises(ScriptRuntimeError) as info:
        js.call(app, "run")
    assert (info.value.script, info.value.line, info.value.column) == ("lib.mjs", 2, 3)
    error = _uncaught(js, '"use strict";\nfunction main() { throw null; }', "strict.js")
    assert (error.script, error.line, error.column) == ("strict.js", 2, 19)


def test_a_stale_site_is_not_reused(js: Any) -> None:
    script = js.load(
        "function caught() { try { throw 'x'; } catch (e) {} }\n"
        "function later() { return Promise.reject('y'); }\n"
        "function main() { caught(); return later(); }\n"
    )
    with pytest.raises(ScriptRuntimeError) as info:
        js.call(script, "main")
    assert info.value.line != 1


def test_columns_after_a_throw_on_the_same_line_stay_exact(js: Any) -> None:
    line = "function main(a) { if (a) throw 'x'; return a.b.c; }"
    plain = "function main(a) { if (a) thro('x'); return a.b.c; }"
    rewritten = _uncaught(js, line, "a.js")
    reference = _uncaught(js, plain, "b.js")
    assert (rewritten.line, rewritten.column) == (reference.line, reference.column)


def test_function_source_is_the_source_the_script_wrote(js: Any) -> None:
    source = (
        "function f(a) { if (a) throw `no ${a}`; }\n"
        "class C { m() { throw { c: 1 }; } }\n"
        "function main() {\n"
        "  return [f.toString(), String(C), `${C.prototype.m}`,\n"
        "          Function.prototype.toString.call(f), Function.prototype.toString.toString(),\n"
        "          Function.prototype.toString.name, Function.prototype.toString.length];\n"
        "}\n"
    )
    assert js.call(js.load(source), "main") == [
        "function f(a) { if (a) throw `no ${a}`; }",
        "class C { m() { throw { c: 1 }; } }",
        "m() { throw { c: 1 }; }",
        "function f(a) { if (a) throw `no ${a}`; }",
        "function toString() { [native code] }",
        "toString",
        0,
    ]


def test_throw_as_a_name_is_left_alone(js: Any) -> None:
    source = (
        "class G { throw(x) { return 'm' + x; } static throw = 3; get throw2() { return 4; } }\n"
        "const o = { throw: 1, async throw2() {} };\n"
        "function* gen() { try { yield 1; } catch (e) { yield 'caught ' + e; } }\n"
        "function main() {\n"
        "  const g = gen(); g.next();\n"
        "  return [new G().throw(1), G.throw, o.throw, o?.throw, g.throw('in').value];\n"
        "}\n"
    )
    assert js.call(js.load(source), "main") == ["m1", 3, 1, 1, "caught in"]


@pytest.mark.parametrize(
    "source", ["function f() { throw\n1; }", "function f() { throw; }", "function f() { throw }"]
)
def test_a_throw_without_its_expression_stays_a_syntax_error(js: Any, source: str) -> None:
    with pytest.raises(CompileError) as info:
        js.load(source)
    assert info.value.line is not None and "$kt$" not in str(info.value)


# -- generated programs: the rewrite changes nothing but the report ------------------

_TEXT = st.text(alphabet="ab /\\*`'\"${}()throw\n", max_size=12)
_WORDS = st.sampled_from(["throw", "x", "/", "*", "${", "}", "`", "'", '"', "//", "/*", "*/"])


def _string(text: str) -> str:
    return json.dumps(text)


def _template(parts: list[str]) -> str:
    escaped = [p.replace("\\", "\\\\").replace("`", "\\`").replace("$", "\\$") for p in parts]
    inner = "${" + "'throw' + `${1 / 2}`" + "}"
    return "`" + inner.join(escaped) + "`"


def _regex(text: str) -> str:
    body = "".join("\\" + c if c in "/\\[]()*+?.{}|^$" else c for c in text).replace("\n", "\\n")
    return "/" + (body or "t") + "/g"


_VALUES = st.one_of(
    _TEXT.map(_string),
    st.lists(_TEXT, min_size=1, max_size=3).map(_template),
    _TEXT.map(_regex).map(lambda r: r + ".source"),
    st.integers(-5, 5).map(str),
    st.sampled_from(
        [
            "{ throw: 1, a: [1, 2] }",
            "(1, 'throw')",
            "o.throw",
            "o?.throw",
            "typeof o",
            "-1 / 2 / 4",
            "!0",
            "void 0",
            "null",
            "(() => 'arrow')()",
            "[`a${'b'}c`]",
            "new C().throw(2)",
            "i++ / 2",
        ]
    ),
)


@st.composite
def _statements(draw: st.DrawFn) -> str:
    kind = draw(st.integers(0, 5))
    value = draw(_VALUES)
    if kind == 0:
        return f"out.push({value});"
    if kind == 1:
        return f"try {{ throw {value}; }} catch (e) {{ out.push(e); }}"
    if kind == 2:
        return f"// {' '.join(draw(st.lists(_WORDS, max_size=5)))}\nout.push({value});"
    if kind == 3:
        return (
            f"/* {' '.join(draw(st.lists(_WORDS, max_size=5))).replace('*/', '')} */ out.push(1);"
        )
    if kind == 4:
        return f"out.push(String(function (q) {{ if (q) throw {value}; return {value}; }}));"
    return f"try {{ (() => {{ throw {value} }})(); }} catch (e) {{ out.push(typeof e); }}"


_PRELUDE = "const o = { throw: 'prop' }; class C { throw(x) { return x * 2; } }; let i = 4;\n"


# One engine serves every example (each loads and unloads its own script).
_SHARED_ENGINE = [HealthCheck.too_slow, HealthCheck.function_scoped_fixture]


@settings(max_examples=60, deadline=None, suppress_health_check=_SHARED_ENGINE)
@given(st.lists(_statements(), min_size=1, max_size=6))
def test_generated_programs_give_what_quickjs_gives_them_unrewritten(
    js: Any, statements: list[str]
) -> None:
    import quickjs

    body = _PRELUDE + "const out = [];\n" + "\n".join(statements) + "\nreturn JSON.stringify(out);"
    expected = quickjs.Context().eval(f"(function () {{\n{body}\n}})()")
    script = js.load(f"function main() {{\n{body}\n}}\n")
    try:
        assert js.call(script, "main") == expected
    finally:
        js.engine.unload_script(script)


@settings(max_examples=40, deadline=None, suppress_health_check=_SHARED_ENGINE)
@given(
    st.lists(_statements(), max_size=4),
    _VALUES,
    st.integers(0, 8),
    st.sampled_from(["", "if (true) ", "{ ", "x: "]),
)
def test_an_uncaught_value_is_reported_at_its_throw(
    js: Any, before: list[str], value: str, indent: int, lead: str
) -> None:
    head = "function main() {\n" + _PRELUDE + "const out = [];\n" + "\n".join(before) + "\n"
    line = " " * indent + lead + f"throw {value};" + (" }" if lead == "{ " else "")
    script = js.load(head + line + "\n}\n")
    with pytest.raises(ScriptRuntimeError) as info:
        js.call(script, "main")
    js.engine.unload_script(script)
    assert (info.value.line, info.value.column) == (
        head.count("\n") + 1,
        indent + len(lead) + 1,
    )


def test_a_division_after_a_postfix_increment_is_not_a_regular_expression(js: Any) -> None:
    # The tokenizer read "/ 2 + '/" as a regular expression after i++, lost its
    # place in the string literals after it and missed what follows.
    script = js.load(
        "let i = 4;\nconst s = i++ / 2 + '/' + ' throw 1 ';\n"
        "function later() { return s; }\nfunction main() { throw 'x'; }\n"
    )
    assert js.call(script, "later") == "2/ throw 1 "
    with pytest.raises(ScriptRuntimeError) as info:
        js.call(script, "main")
    assert info.value.line == 4
