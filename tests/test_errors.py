from __future__ import annotations

from kryon_core import (
    AmbiguousFunctionError,
    CompileError,
    ConfigError,
    ScriptRuntimeError,
    StackFrame,
)
from kryon_core.errors import MAX_MESSAGE


def test_message_names_script_line_and_column() -> None:
    error = CompileError("unexpected symbol", script="ui.lua", line=3, column=7)
    assert str(error) == "ui.lua:3:7: unexpected symbol"
    assert error.location == "ui.lua:3:7"
    assert CompileError("no position").location == ""


def test_with_script_fills_only_a_missing_name() -> None:
    error = ScriptRuntimeError("boom", line=2)
    assert str(error.with_script("app")) == "app:2: boom"
    assert str(error.with_script("other")) == "app:2: boom"


def test_render_shows_the_script_stack_and_collapses_recursion() -> None:
    frames = [StackFrame("s", "main", 1), *[StackFrame("s", "f", 2)] * 50, StackFrame("s", "g", 3)]
    text = ScriptRuntimeError("deep", script="s", line=3, traceback=frames).render()
    lines = text.splitlines()
    assert lines[0] == "ScriptRuntimeError: s:3: deep"
    assert lines.count("  s:2 in f") == 3
    assert "  [previous frame repeated 47 more times]" in lines
    assert lines[-1] == "  s:3 in g"


def test_rendered_text_wins_for_languages_with_their_own_format() -> None:
    error = CompileError("x", script="m", line=1, rendered="[m line 1] Error at 'x': bad")
    assert error.render() == "[m line 1] Error at 'x': bad"


def test_ambiguous_names_list_candidates_sorted() -> None:
    error = AmbiguousFunctionError("add", ["b.add", "a.add"])
    assert error.candidates == ["a.add", "b.add"]
    assert "a.add, b.add" in str(error)


def test_config_error_lists_problems_with_paths() -> None:
    error = ConfigError("invalid", file="k.toml", problems=[("a.b", "unknown key")])
    assert str(error) == "k.toml: invalid\n  a.b: unknown key"


def test_huge_messages_are_clipped() -> None:
    error = ScriptRuntimeError("E" * 1_000_000, script="s.lua", line=1)
    assert len(str(error)) < MAX_MESSAGE + 100
    assert str(error).endswith(f"[{1_000_000 - MAX_MESSAGE:,} more characters]")
    assert ScriptRuntimeError("short").message == "short"
