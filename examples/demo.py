"""The Kryon Script demo: one API, every installed language.

Run with ``make demo``.  Each section uses only the engines that are installed,
so the demo grows with the plugins present.
"""

from __future__ import annotations

import asyncio
import tempfile
from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from rich.panel import Panel
from rich.table import Table

from kryon_core import (
    CompileError,
    FunctionRef,
    KryonConfig,
    ScriptError,
    ScriptManager,
)

HERE = Path(__file__).parent
SCRIPTS = {
    "greet": ("lua", "greet.lua"),
    "stats": ("js", "stats.js"),
    "text": ("python", "text.py"),
    "shapes": ("wren", "shapes.wren"),
    "mathy": ("lisp", "mathy.klisp"),
}
GREETERS = {
    "greet": "greet.greet",
    "stats": "stats.greet",
    "text": "text.greet",
    "shapes": "shapes.Shapes.greet",
    "mathy": "mathy.greet",
}

console = Console()


def section(title: str) -> None:
    console.rule(f"[bold cyan]{title}")


def attempt(label: str, action: Callable[[], object]) -> None:
    try:
        console.print(f"{label} -> [green]{action()!r}")
    except ScriptError as exc:
        console.print(f"{label} -> [red]{type(exc).__name__}[/red]: {exc}")


def main() -> None:
    cache_dir = Path(tempfile.mkdtemp(prefix="kryon-demo-"))
    config = KryonConfig.from_mapping(
        {
            "security": {
                "policies": {
                    "demo": {
                        "extends": "sandboxed",
                        "time_limit_ms": 200,
                        "capabilities": ["log", "cross_language", "shared_data"],
                    }
                }
            },
            "kryon": {"default_policy": "demo"},
            "cache": {"directory": str(cache_dir)},
        }
    )
    output: list[str] = []
    with ScriptManager(
        config, output=lambda text, stream, script: output.append(f"[{script}] {text}")
    ) as manager:
        installed = set(manager.engine_classes)
        console.print(
            Panel.fit(
                f"Installed engines: [bold]{', '.join(sorted(installed)) or 'none'}[/bold]\n"
                + "".join(
                    f"[red]broken plugin {b.name}: {b.error}[/red]\n"
                    for b in manager.plugins.broken
                ),
                title="Kryon Script demo",
            )
        )

        section("Loading one script per language")
        loaded = []
        for name, (language, file) in SCRIPTS.items():
            if language not in installed:
                console.print(
                    f"[dim]{language}: not installed (pip install ./plugins/kryon-{language})"
                )
                continue
            try:
                record = manager.load_file(HERE / "scripts" / file, name=name)
            except ScriptError as exc:
                console.print(f"[red]{file}: {exc}")
                continue
            loaded.append(name)
            console.print(f"{file:14} [{language}] exports {', '.join(sorted(record.functions))}")

        section("Calling every language through one API")
        for name in loaded:
            attempt(
                f"{GREETERS[name]}('Ada')",
                lambda fn=GREETERS[name]: manager.call_function(fn, "Ada"),
            )

        table = Table("call", "result")
        calls = [
            ("greet.fib", (20,)),
            ("stats.summary", ([3, 1, 4, 1, 5],)),
            ("text.word_lengths", ("kryon runs scripts",)),
            ("shapes.Shapes.area", (3, 4)),
            ("shapes.perimeter", (3, 4)),
            ("mathy.sum-squares", (10,)),
            ("mathy.fact", (20,)),
        ]
        for fn, args in calls:
            if fn.split(".")[0] in loaded:
                try:
                    table.add_row(f"{fn}{args}", repr(manager.call_function(fn, *args)))
                except ScriptError as exc:
                    table.add_row(f"{fn}{args}", f"[red]{exc}")
        console.print(table)

        if {"greet", "stats"} <= set(loaded):
            section("Cross-language: Lua asks JavaScript, values cross both ways")
            attempt(
                "greet.report([2, 4, 9])", lambda: manager.call_function("greet.report", [2, 4, 9])
            )
        if "stats" in loaded:
            attempt(
                "await stats.later(20)",
                lambda: asyncio.run(manager.call_function_async("stats.later", 20)),
            )

        section("Handles, host callbacks and hot reload")
        if "greet" in loaded:
            fib = manager.function("greet.fib")
            attempt("handle greet.fib(15)", lambda: fib(15))
            source = (HERE / "scripts" / "greet.lua").read_text()
            try:
                manager.hot_reload("greet", source + "\nfunction fib(n) return -1 end +\n")
            except CompileError as exc:
                console.print(f"bad reload refused, old code kept: [yellow]{exc}")
            attempt("handle greet.fib(15) after the failed reload", lambda: fib(15))
            manager.hot_reload(
                "greet", source.replace("return fib(n - 1) + fib(n - 2)", "return 1000")
            )
            attempt("handle greet.fib(15) after a good reload", lambda: fib(15))
        if "stats" in loaded:
            square = FunctionRef("host", "square", lambda args: args[0] ** 2)
            manager.load_script(
                "mapper", "function apply(f, xs) { return xs.map(x => f(x)); }", language="js"
            )
            attempt(
                "js apply(host square, [1, 2, 3])",
                lambda: manager.call_function("mapper.apply", square, [1, 2, 3]),
            )

        section("The sandbox: limits end runaway scripts, the host carries on")
        if "greet" in loaded:
            attempt(
                "greet.spin()  (while true do end)", lambda: manager.call_function("greet.spin")
            )
            attempt(
                "greet.greet('still alive')",
                lambda: manager.call_function("greet.greet", "still alive"),
            )
        if "text" in loaded:
            manager.load_script(
                "escape", "def steal():\n    return open('/etc/passwd').read()\n", language="python"
            )
            attempt("python open('/etc/passwd')", lambda: manager.call_function("escape.steal"))

        section("Script output, profiling, cache")
        for line in output:
            console.print(line.rstrip("\n"))
        console.print(manager.profiler.report())
        stats = manager.cache.stats
        console.print(
            f"compilation cache: {stats.writes} writes, {stats.hits} hits, {stats.misses} misses"
        )
        for key, usage in manager.memory_usage().items():
            console.print(f"memory {key}: {usage.used_bytes / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
