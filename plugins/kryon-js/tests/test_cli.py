"""``kryon run`` with .js and .mjs files: output and the exit codes of the CLI contract."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import kryon_run

CASES = [
    ("ok.js", "console.log('hi', 1 + 1);\nconsole.error('note');\n", 0, "hi 2\n", "note"),
    ("ok.mjs", "export function f() { return 2; }\nawait null;\nconsole.log(f());\n", 0, "2\n", ""),
    ("syntax.js", "let a = 1;\nlet b = ;\n", 65, "", "syntax.js:2"),
    ("throws.mjs", "export const x = 1;\nthrow new Error('bad');\n", 70, "", "throws.mjs:2"),
    ("loop.js", "console.log('start');\nwhile (true) {}\n", 70, "start\n", "TimeLimitError"),
    # a classic script may return at top level, as in Node's CommonJS wrapper
    ("early.js", "console.log('a');\nif (1) return;\nconsole.log('b');\n", 0, "a\n", ""),
    (
        "early_strict.js",
        "'use strict';\nconsole.log((function () { return this; })());\nreturn 5;\n",
        0,
        "undefined\n",
        "",
    ),
]


@pytest.mark.parametrize(("name", "source", "status", "stdout", "stderr"), CASES)
def test_kryon_run(
    tmp_path: Path, name: str, source: str, status: int, stdout: str, stderr: str
) -> None:
    done = kryon_run(tmp_path, name, source)
    assert done.returncode == status, done.stderr
    assert done.stdout == stdout
    assert stderr in done.stderr
