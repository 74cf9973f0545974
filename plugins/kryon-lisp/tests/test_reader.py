"""The reader: positions, literals, errors, and a print/read round trip."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from kryon_lisp.equality import equals
from kryon_lisp.printer import pr_str
from kryon_lisp.reader import MAX_NESTING, Reader, read_all, read_string
from kryon_lisp.types import Char, Keyword, LMap, LSet, PList, Symbol, plist
from pyrsistent import pvector

from kryon_core import CompileError

# the engine raises the interpreter recursion limit for deep Lisp code; hypothesis
# reports every change of it between examples
pytestmark = pytest.mark.filterwarnings("ignore:The recursion limit will not be reset")


def test_every_form_knows_its_position() -> None:
    reader = Reader('(a\n  [b :c]\n  {:d 1} "s")')
    (form,) = reader.read_all()
    assert (form.line, form.column) == (1, 1)
    items = list(form)
    assert (items[0].line, items[0].column) == (1, 2)
    assert reader.position(items[1]) == (2, 3)
    assert reader.position(items[2]) == (3, 3)
    assert reader.position(items[3]) == (3, 10)


def test_literals() -> None:
    forms = read_all(
        r'42 -17 3.14 1/3 4/2 "a\nb" \c \space nil true false :k ::l :n/k sym '
        r"n/sym 0xff 1e3 ##Inf"
    )
    assert forms[:5] == [42, -17, 3.14, Fraction(1, 3), 2]
    assert forms[5] == "a\nb" and forms[6] == Char("c") and forms[7] == Char(" ")
    assert forms[8:11] == [None, True, False]
    assert forms[11] is Keyword("k") and forms[12] is Keyword("l", "user")
    assert forms[13] is Keyword("k", "n")
    assert forms[14] == Symbol("sym") and forms[15] == Symbol("sym", "n")
    assert forms[16:19] == [255, 1000.0, float("inf")]


def test_comments_and_discard() -> None:
    assert read_all("; line\n1 #| block #| nested |# |# 2 #_ (ignored form) 3") == [1, 2, 3]


def test_reader_macros() -> None:
    assert read_string("'x") == plist([Symbol("quote"), Symbol("x")])
    assert read_string("@a") == plist([Symbol("deref"), Symbol("a")])
    fn = read_string("#(+ % %2)")
    assert fn.first() == Symbol("fn*") and len(fn.more().first()) == 2
    rest_fn = read_string("#(apply f %&)")
    assert Symbol("&") in rest_fn.more().first()
    meta = read_string("^:private x")
    assert meta.meta.get(Keyword("private")) is True
    meta2 = read_string('^{:doc "d"} y')
    assert meta2.meta.get(Keyword("doc")) == "d"


def test_syntax_quote_gensyms_are_consistent() -> None:
    form = read_string("`(let [x# 1] x#)")
    text = pr_str(form)
    names = {
        part for part in text.replace("(", " ").replace(")", " ").split() if "__auto__" in part
    }
    assert len(names) == 1


@pytest.mark.parametrize(
    "source",
    ["(1 2", "[1 2", "{:a 1", '"abc', "(1 ]", "#{1 1}", "{:a}", "\\bogus", ":", "#|", "1/0"],
)
def test_reader_errors_are_compile_errors(source: str) -> None:
    with pytest.raises(CompileError):
        read_all(source)


def test_deep_nesting_is_a_clean_error() -> None:
    with pytest.raises(CompileError, match="nested deeper"):
        read_all("(" * 100_000)
    assert read_all("[" * MAX_NESTING + "]" * MAX_NESTING)


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.text(max_size=10),
    st.floats(allow_nan=False, allow_infinity=False),
    st.fractions().filter(lambda f: f.denominator != 1),
    st.sampled_from([Keyword("a"), Keyword("b", "ns"), Symbol("s"), Char("x"), Char("\n")]),
)
values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4).map(pvector),
        st.lists(children, max_size=4).map(plist),
        st.lists(st.tuples(st.integers(), children), max_size=4).map(lambda kv: LMap.of(kv)),
        st.lists(st.integers(), max_size=4).map(LSet.of),
    ),
    max_leaves=15,
)


@settings(max_examples=300, deadline=None)
@given(values)
def test_print_read_round_trip(value: object) -> None:
    text = pr_str(value)
    back = read_string(text)
    if isinstance(value, PList) and value.count and isinstance(value.first(), Symbol):
        return  # a list starting with a symbol reads back as that code form, equal anyway
    assert equals(back, value) or pr_str(back) == text, (text, back)
