"""Run Wren test-suite files (``// expect: ...`` annotations) and report a pass rate.

Usage: python scripts/wren_suite.py DIR [-v] [-k SUBSTRING]

Files are run from DIR with their relative path (``test/core/...``), as the
reference runner does, so module names in messages match.

Follows the expectations of wren-lang/wren's util/test.py: expected stdout
lines, ``// expect error`` (compile error on that line, exit 65),
``// expect error line N`` and ``// expect runtime error: MESSAGE`` (message
then a stack trace whose first frame is that line, exit 70).
"""

from __future__ import annotations

import concurrent.futures
import os
import re
import subprocess
import sys

EXPECT = re.compile(r"// expect: ?(.*)")
EXPECT_ERROR = re.compile(r"// expect error(?! line)")
EXPECT_ERROR_LINE = re.compile(r"// expect error line (\d+)")
EXPECT_RUNTIME = re.compile(r"// expect (?:handled )?runtime error: (.+)")
ERROR_LINE = re.compile(r"\[.* line (\d+)\] Error")
STACK_LINE = re.compile(r"\[.* line (\d+)\] in")
NONTEST = re.compile(r"// nontest")


def check(path: str, root: str) -> tuple[bool, str]:
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        lines = f.read().split("\n")
    out: list[str] = []
    compile_lines: set[int] = set()
    runtime: tuple[int, str] | None = None
    for n, line in enumerate(lines, 1):
        if NONTEST.search(line):
            return True, "nontest"
        m = EXPECT.search(line)
        if m:
            out.append(m.group(1))
        if EXPECT_ERROR.search(line):
            compile_lines.add(n)
        m = EXPECT_ERROR_LINE.search(line)
        if m:
            compile_lines.add(int(m.group(1)))
        m = EXPECT_RUNTIME.search(line)
        if m:
            runtime = (n, m.group(1))
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "kryon_wren.runner", os.path.relpath(path, root)],
            check=False,
            capture_output=True,
            timeout=20,
            cwd=root,
        )
    except subprocess.TimeoutExpired:
        return False, "timeout"
    stdout = proc.stdout.decode("utf-8", "replace").split("\n")
    if stdout and stdout[-1] == "":
        stdout.pop()
    stderr = proc.stderr.decode("utf-8", "replace").strip().split("\n")
    if compile_lines:
        got = {int(m.group(1)) for s in stderr if (m := ERROR_LINE.search(s))}
        if proc.returncode != 65:
            return False, f"expected compile error (65), got exit {proc.returncode}: {stderr[:2]}"
        if got != compile_lines:
            return False, f"compile error lines {sorted(got)} != {sorted(compile_lines)}: {stderr}"
        return True, ""
    if runtime is not None:
        # Compile errors of an imported module may come first.
        while len(stderr) > 1 and ERROR_LINE.search(stderr[0]):
            stderr.pop(0)
        if proc.returncode != 70:
            return (
                False,
                f"expected runtime error, exit {proc.returncode} {stderr[:2]} out={stdout[-2:]}",
            )
        if stderr[0] != runtime[1]:
            return False, f"runtime message {stderr[0]!r} != {runtime[1]!r}"
        m = STACK_LINE.search(stderr[1]) if len(stderr) > 1 else None
        if not m or int(m.group(1)) != runtime[0]:
            return False, f"stack {stderr[1:2]} line != {runtime[0]}"
    elif proc.returncode != 0:
        return False, f"exit {proc.returncode}: {stderr[:3]}"
    if stdout != out:
        for i, (a, b) in enumerate(zip(stdout, out, strict=False)):
            if a != b:
                return False, f"line {i + 1}: got {a!r} expected {b!r}"
        return False, f"got {len(stdout)} lines, expected {len(out)}: {stdout[len(out) :][:2]}"
    return True, ""


def main() -> int:
    root = sys.argv[1]
    verbose = "-v" in sys.argv
    key = sys.argv[sys.argv.index("-k") + 1] if "-k" in sys.argv else ""
    paths = sorted(
        os.path.join(d, f)
        for d, _, fs in os.walk(root)
        for f in fs
        if f.endswith(".wren") and key in os.path.join(d, f)
    )
    passed = 0
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        for path, (ok, why) in zip(paths, pool.map(check, paths, [root] * len(paths)), strict=True):
            passed += ok
            if not ok:
                print(f"FAIL {os.path.relpath(path, root)}: {why}")
            elif verbose:
                print(f"pass {os.path.relpath(path, root)}")
    print(f"{passed}/{len(paths)} passed ({100.0 * passed / max(1, len(paths)):.1f}%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
