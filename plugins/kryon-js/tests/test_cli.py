"""``kryon run`` with .js and .mjs files: output and the exit codes of the CLI contract."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

CASES = [
    ("ok.js", "console.log('hi', 1 + 1);\nconsole.error('note');\n", 0, "hi 2\n", "note"),
    ("ok.mjs", "export function f() { return 2; }\nawait null;\nconsole.log(f());\n", 0, "2\n", ""),
    ("syntax.js", "let a = 1;\nlet b = ;\n", 65, "", "syntax.js:2"),
    ("throws.mjs", "export const x = 1;\nthrow new Error('bad');\n", 70, "", "throws.mjs:2"),
    ("loop.js", "console.log('start');\nwhile (true) {}\n", 70, "start\n", "TimeLimitError"),
]


@pytest.mark.parametrize(("name", "source", "status", "stdout", "stderr"), CASES)
def test_kryon_run(
    tmp_path: Path, name: str, source: str, status: int, stdout: str, stderr: str
) -> None:
    path = tmp_path / name
    path.write_text(source)
    done = subprocess.run(
        [sys.executable, "-c", "from kryon_core.cli import main; main()", "run", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode == status, done.stderr
    assert done.stdout == stdout
    assert stderr in done.stderr
