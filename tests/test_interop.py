"""Cross-language calls between every pair of installed engines.

Each script exports `twice(x)` and `relay(name, x)` which calls another script's
function through the `kryon` API; values cross both ways.  `bounce(a, b)`
calls `a` with `(b, a)`: two bounces call each other forever.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kryon_core import KryonConfig, RecursionLimitError, ScriptError, ScriptManager

SOURCES = {
    "lua": (
        "function twice(x) return x * 2 end\n"
        "function relay(name, x) return kryon.call(name, x) + 1 end\n"
        "function pack(name) return kryon.call(name, {a = {1, 2}, b = 'z'}) end\n"
        "function bounce(a, b) return kryon.call(a, b, a) end\n"
    ),
    "js": (
        "function twice(x) { return x * 2; }\n"
        "function relay(name, x) { return kryon.call(name, x) + 1; }\n"
        "function pack(name) { return kryon.call(name, {a: [1, 2], b: 'z'}); }\n"
        "function bounce(a, b) { return kryon.call(a, b, a); }\n"
    ),
    "python": (
        "import kryon\n\ndef twice(x):\n    return x * 2\n\n"
        "def relay(name, x):\n    return kryon.call(name, x) + 1\n\n"
        "def pack(name):\n    return kryon.call(name, {'a': [1, 2], 'b': 'z'})\n\n"
        "def bounce(a, b):\n    return kryon.call(a, b, a)\n"
    ),
    "lisp": (
        "(defn twice [x] (* x 2))\n"
        "(defn relay [name x] (+ (kryon/call name x) 1))\n"
        '(defn pack [name] (kryon/call name {"a" [1 2] "b" "z"}))\n'
        "(defn bounce [a b] (kryon/call a b a))\n"
    ),
    "wren": (
        'import "kryon" for Kryon\n'
        "var twice = Fn.new { |x| x * 2 }\n"
        "var relay = Fn.new { |name, x| Kryon.call(name, x) + 1 }\n"
        'var pack = Fn.new { |name| Kryon.call(name, {"a": [1, 2], "b": "z"}) }\n'
        "var bounce = Fn.new { |a, b| Kryon.call(a, b, a) }\n"
    ),
}
IDENTITY = {
    "lua": "function same(v) return v end\n",
    "js": "function same(v) { return v; }\n",
    "python": "def same(v):\n    return v\n",
    "lisp": "(defn same [v] v)\n",
    "wren": "var same = Fn.new { |v| v }\n",
}

with ScriptManager() as _probe:
    INSTALLED = [lang for lang in SOURCES if lang in _probe.engine_classes]
PAIRS = [(a, b) for a in INSTALLED for b in INSTALLED]


@pytest.fixture(scope="module")
def manager(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ScriptManager]:
    cache = tmp_path_factory.mktemp("cache")
    config = KryonConfig.from_mapping(
        {
            "security": {
                "policies": {
                    "interop": {
                        "extends": "sandboxed",
                        "time_limit_ms": 5000,
                        "capabilities": ["log", "cross_language"],
                    }
                }
            },
            "kryon": {"default_policy": "interop"},
            "cache": {"directory": str(Path(cache))},
        }
    )
    with ScriptManager(config) as manager:
        for lang in INSTALLED:
            manager.load_script(f"s_{lang}", SOURCES[lang] + IDENTITY[lang], language=lang)
        yield manager


@pytest.mark.parametrize(("caller", "callee"), PAIRS)
def test_cross_language_call(manager: ScriptManager, caller: str, callee: str) -> None:
    assert manager.call_function(f"s_{caller}.relay", f"s_{callee}.twice", 20) == 41


@pytest.mark.parametrize(("caller", "callee"), PAIRS)
def test_structures_cross_both_ways(manager: ScriptManager, caller: str, callee: str) -> None:
    assert manager.call_function(f"s_{caller}.pack", f"s_{callee}.same") == {"a": [1, 2], "b": "z"}


CYCLES = [(a, b) for i, a in enumerate(INSTALLED) for b in INSTALLED[i:]]


@pytest.mark.parametrize(("first", "second"), CYCLES)
def test_a_call_cycle_between_languages_ends_with_the_nesting_limit(
    manager: ScriptManager, first: str, second: str
) -> None:
    """Lua calls JS calls Lua ... forever: the core's nesting limit ends it with
    RecursionLimitError's message, never Python's RecursionError, an engine's
    native stack overflow or a crash; the engines keep serving."""
    with pytest.raises(ScriptError) as info:
        manager.call_function(f"s_{first}.bounce", f"s_{second}.bounce", f"s_{first}.bounce")
    error = info.value
    # an engine that counts the nesting itself may end it first; one that
    # wraps what passes through its frames keeps the core's message
    assert isinstance(error, RecursionLimitError) or "kryon.call nested" in str(error), error
    assert manager.call_function(f"s_{first}.relay", f"s_{second}.twice", 1) == 3
