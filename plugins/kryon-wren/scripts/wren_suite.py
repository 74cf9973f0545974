"""Run the official Wren test suite (``test/language`` and ``test/core``) and report.

Usage: python scripts/wren_suite.py WREN_CHECKOUT [-v] [-k SUBSTRING] [--excluded] [--checks]

WREN_CHECKOUT is a checkout of wren-lang/wren (or any directory with the same
``test/`` layout). Only ``test/language`` and ``test/core`` are run; ``test/api``,
``test/benchmark`` and ``test/unit`` need the C embedding API or are not tests.
Files are run from the checkout root with their relative path
(``test/core/...``), as the reference runner does, so module names in messages
match.

Expectations follow wren-lang/wren's ``util/test.py``: expected stdout lines
(``// expect: ...``), ``// expect error`` (compile error on that line, exit 65),
``// expect error line N``, ``// expect runtime error: MESSAGE`` and
``// expect handled runtime error: MESSAGE`` (message, then a stack trace whose
first frame is that line, exit 70). ``// nontest`` files are helper modules and
are not counted; ``// skip:`` files and files reading stdin are counted as
skipped. Files listed in ``EXCLUDED`` (features that are not part of Wren 0.4,
or that need the C API) and files in pre-0.1 syntax (the ``IO`` class) are
counted as excluded, each with its reason; ``--excluded`` runs them anyway.
``--checks`` compiles the programs with the limit checks that policies with
limits (such as ``kryon run``'s default, sandboxed) use, no limit set.

The report gives pass/total per folder, every failure with the first line that
differs, and the totals.
"""

from __future__ import annotations

import collections
import concurrent.futures
import fnmatch
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
SKIP = re.compile(r"// skip: (.*)")
STDIN = re.compile(r"// stdin: ")
OLD_SYNTAX = re.compile(r"^\s*IO\.(print|write)|\bnew (Fiber|Foo)\b", re.MULTILINE)

# Files of the wren-lang/wren history that do not describe Wren 0.4 (features of
# development branches, superseded versions of a test) or that need the C API.
# Patterns are fnmatch globs on the path below ``test/``.
EXCLUDED: list[tuple[str, str]] = [
    ("*/is_frozen.wren", "Object freezing is not in Wren 0.4 (unmerged branch)"),
    ("*/set_frozen*.wren", "Object freezing is not in Wren 0.4 (unmerged branch)"),
    ("*/*frozen*.wren", "Object freezing is not in Wren 0.4 (unmerged branch)"),
    ("core/object/freeze.wren", "Object freezing is not in Wren 0.4 (unmerged branch)"),
    ("*/to_tuple.wren", "tuples are not in Wren 0.4 (unmerged branch)"),
    ("core/bool/new_default.wren", "default constructors of built-in classes (unmerged branch)"),
    ("core/fiber/new_default.wren", "default constructors of built-in classes (unmerged branch)"),
    ("core/number/new_default.wren", "default constructors of built-in classes (unmerged branch)"),
    ("core/function/new_default.wren", "default constructors of built-in classes"),
    ("core/bool/bitwise_*.wren", "Bool bitwise operators are not in Wren 0.4"),
    ("core/bool/to_*num.wren", "Bool.toNum is not in Wren 0.4"),
    ("core/number/to_*bool.wren", "Num.toBool is not in Wren 0.4"),
    ("core/number/bitwise_shift*.wren", "Num.bitwiseShift is not in Wren 0.4"),
    ("core/number/to[DR]*.wren", "Num.toDeg / Num.toRad are not in Wren 0.4"),
    (
        "core/number/m[ai][xn]_right_not_num.wren",
        "superseded: Wren 0.4 says 'Other value must be a number.' (m*_other_not_num.wren)",
    ),
    ("core/string/comparisons.wren", "String < > <= >= are not in Wren 0.4"),
    ("core/string/trait.wren", "traits are not in Wren 0.4"),
    ("core/string/*lower*.wren", "String case conversion is not in Wren 0.4"),
    ("core/string/split_empty_seperator.wren", "old name of split_empty_separator.wren"),
    ("core/sequence/find.wren", "Sequence.find is not in Wren 0.4"),
    ("core/sequence/get.wren", "Sequence.get is not in Wren 0.4"),
    ("core/sequence/sum.wren", "Sequence.sum is not in Wren 0.4"),
    ("core/sequence/views.wren", "sequence views are not in Wren 0.4"),
    ("core/sequence/list.wren", "Sequence.list is not in Wren 0.4"),
    ("core/range/count.wren", "expects a Range.count of a development branch"),
    ("core/function/callAll.wren", "Fn.callAll is not in Wren 0.4"),
    ("core/system/env_vars.wren", "System.envVars is not in Wren 0.4"),
    ("core/system/puts.wren", "System.puts is not in Wren 0.4"),
    ("core/object/implements.wren", "`implements` is not in Wren 0.4"),
    ("core/object/is.wren", "`fn () {}` function syntax of a development branch"),
    ("core/fiber/*stack*race.wren", "Fiber.stackTrace is not in Wren 0.4"),
    (
        "core/fiber/abort_wrong_arg_type.wren",
        "superseded: Wren 0.4 aborts with any object (abort_not_string.wren)",
    ),
    ("core/list/sort*_key_not_fn.wren", "key-function sorting is not in Wren 0.4"),
    ("core/list/sorting.wren", "List.sorted / key sorting are not in Wren 0.4"),
    ("core/list/new_extra_args.wren", "List.new(_,_) predates List.filled"),
    ("core/map/set.wren", "set literals are not in Wren 0.4"),
    (
        "core/map/contains_key_not_value.wren",
        "expects 'Key must be a value type or fiber.' of a later version (0.4 rejects fiber keys)",
    ),
    (
        "core/map/remove_key_not_value.wren",
        "expects 'Key must be a value type or fiber.' of a later version (0.4 rejects fiber keys)",
    ),
    (
        "core/map/subscript_setter_key_not_value.wren",
        "expects 'Key must be a value type or fiber.' of a later version (0.4 rejects fiber keys)",
    ),
    ("language/assignment/compound_*.wren", "compound assignment is not in Wren 0.4"),
    ("language/assignment/shorthand*.wren", "shorthand assignment is not in Wren 0.4"),
    ("language/assignment/multiple.wren", "multiple assignment is not in Wren 0.4"),
    ("language/assignment/extended.wren", "non-ASCII identifiers are not in Wren 0.4"),
    ("language/variable/multiple_assigment.wren", "destructuring is not in Wren 0.4"),
    ("language/block_argument/*", "`fn` syntax of a development branch"),
    ("language/implicit_receiver/block_argument.wren", "`fn` syntax of a development branch"),
    ("language/function/declaration_syntax.wren", "`fn` syntax of a development branch"),
    ("language/function/expression_syntax.wren", "`fn` syntax of a development branch"),
    ("language/function/recurse_stack.wren", "`fn` syntax of a development branch"),
    ("language/function/type_hint.wren", "type hints are not in Wren 0.4"),
    ("language/method/type_hint.wren", "type hints are not in Wren 0.4"),
    ("language/*/parameters_trailing_comma.wren", "trailing commas in parameter lists"),
    ("language/method/arguments_trailing_comma.wren", "trailing commas in argument lists"),
    ("language/method/trailing_comma.wren", "trailing commas in argument lists"),
    (
        "language/*/only_underscore*_name.wren",
        "later version: Wren 0.4 lexes a lone `_` / `__` as a field name",
    ),
    (
        "language/assignment/undefined.wren",
        "superseded: Wren 0.4 reports an undefined variable at its first use "
        "(variable/undefined_global.wren), not at the end of the file",
    ),
    ("language/method/empty_name*.wren", "empty method names are not in Wren 0.4"),
    ("language/method/*invocation*.wren", '@"signature" invocation is not in Wren 0.4'),
    ("language/method/setter_operators.wren", "setter operators are not in Wren 0.4"),
    ("language/class_var/*", "class variables are not in Wren 0.4"),
    ("language/class/implements/*", "`implements` is not in Wren 0.4"),
    ("language/class/attributes.wren", "superseded: runtime attributes use `#!` in Wren 0.4"),
    ("language/class/code_in_body.wren", "code in class bodies is not in Wren 0.4"),
    ("language/class/this_in_body.wren", "code in class bodies is not in Wren 0.4"),
    ("language/field/field_in_body.wren", "code in class bodies is not in Wren 0.4"),
    ("language/class/*nested*.wren", "nested classes (`def` syntax) are not in Wren 0.4"),
    ("language/class/newline_after_def.wren", "`def` methods are not in Wren 0.4"),
    ("language/inheritance/*enclosing.wren", "nested classes (`def`) are not in Wren 0.4"),
    ("language/interpolation/switch_fiber.wren", "calling a fiber with f() is not Wren 0.4"),
    ("language/number/bin*.wren", "binary literals are not in Wren 0.4"),
    ("language/number/oct*.wren", "octal literals are not in Wren 0.4"),
    ("language/string/*octal*.wren", "octal escapes are not in Wren 0.4"),
    ("language/string/atom.wren", "atoms are not in Wren 0.4"),
    ("language/return/multiple_return_*.wren", "multiple returns are not in Wren 0.4"),
    ("language/return/nonlocal*.wren", "non-local returns are not in Wren 0.4"),
    ("language/module/returns/*", "module return values are not in Wren 0.4"),
    ("language/for/with*_optional_*.wren", "for-loop options are not in Wren 0.4"),
    (
        "language/foreign/unknown_*.wren",
        "the reference CLI names the module './test/...' in the message; "
        "unknown_constructor.wren is of a later version",
    ),
    (
        "core/string/code_point_at.wren",
        "a pre-0.1 test rewritten with System.print: 0.4 has codePointAt_(_), not codePointAt(_)",
    ),
    ("language/module/logical_*", "wren-cli module resolution (needs the CLI host)"),
    ("language/module/module_dir/*", "wren-cli module resolution (needs the CLI host)"),
    ("language/module/module_package/*", "wren-cli module resolution (needs the CLI host)"),
    ("language/module/package_module.wren", "wren-cli module resolution (needs the CLI host)"),
    ("language/module/*modules_dir*", "wren-cli module resolution (needs the CLI host)"),
]


def excluded_reason(rel: str, source: str) -> str | None:
    """Why ``rel`` (a path below ``test/``) is not counted, or None."""
    for pattern, reason in EXCLUDED:
        if fnmatch.fnmatch(rel, pattern):
            return reason
    if OLD_SYNTAX.search(source):
        return "pre-0.1 syntax (the IO class / `new` operator)"
    return None


def expectations(source: str) -> tuple[list[str], set[int], tuple[int, str] | None]:
    out: list[str] = []
    compile_lines: set[int] = set()
    runtime: tuple[int, str] | None = None
    for n, line in enumerate(source.split("\n"), 1):
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
    return out, compile_lines, runtime


def check(path: str, root: str) -> tuple[bool, str]:
    """Run one file; (passed, why it failed)."""
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        source = f.read()
    out, compile_lines, runtime = expectations(source)
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "kryon_wren.runner", os.path.relpath(path, root)]
            + (["--checks"] if "--checks" in sys.argv else []),
            check=False,
            capture_output=True,
            timeout=60,
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
                return False, f"output line {i + 1}: got {a!r} expected {b!r}"
        return False, f"got {len(stdout)} lines, expected {len(out)}: {stdout[len(out) :][:2]}"
    return True, ""


def collect(root: str, key: str) -> list[str]:
    paths = []
    for top in ("language", "core"):
        base = os.path.join(root, "test", top)
        for d, _, files in os.walk(base):
            paths.extend(os.path.join(d, f) for f in files if f.endswith(".wren"))
    return sorted(p for p in paths if key in p)


def folder_of(rel: str) -> str:
    parts = rel.split("/")
    return "/".join(parts[:2]) if len(parts) > 2 else parts[0]


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1].startswith("-"):
        print(__doc__)
        return 2
    root = sys.argv[1]
    verbose = "-v" in sys.argv
    run_excluded = "--excluded" in sys.argv
    key = sys.argv[sys.argv.index("-k") + 1] if "-k" in sys.argv else ""
    to_run: list[str] = []
    skipped: list[tuple[str, str]] = []
    excluded: list[tuple[str, str]] = []
    for path in collect(root, key):
        rel = os.path.relpath(path, os.path.join(root, "test"))
        with open(path, encoding="utf-8", errors="surrogateescape") as f:
            source = f.read()
        if NONTEST.search(source):
            continue
        reason = None if run_excluded else excluded_reason(rel, source)
        if reason:
            excluded.append((rel, reason))
        elif (m := SKIP.search(source)) or STDIN.search(source):
            skipped.append((rel, m.group(1) if m else "reads stdin"))
        else:
            to_run.append(path)
    per_folder: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    failures: list[tuple[str, str]] = []
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        results = pool.map(check, to_run, [root] * len(to_run))
        for path, (ok, why) in zip(to_run, results, strict=True):
            rel = os.path.relpath(path, os.path.join(root, "test"))
            counts = per_folder[folder_of(rel)]
            counts[0] += ok
            counts[1] += 1
            if not ok:
                failures.append((rel, why))
            elif verbose:
                print(f"pass {rel}")
    print("per folder (passed/run):")
    for folder in sorted(per_folder):
        passed, total = per_folder[folder]
        mark = "" if passed == total else "  <-"
        print(f"  {folder:40s} {passed:4d}/{total:<4d}{mark}")
    if failures:
        print(f"\nfailures ({len(failures)}):")
        for rel, why in failures:
            print(f"  FAIL {rel}: {why}")
    if skipped:
        print(f"\nskipped ({len(skipped)}):")
        for rel, why in skipped:
            print(f"  skip {rel}: {why}")
    if excluded and verbose:
        print(f"\nexcluded ({len(excluded)}):")
        for rel, why in excluded:
            print(f"  excl {rel}: {why}")
    passed = sum(c[0] for c in per_folder.values())
    total = sum(c[1] for c in per_folder.values())
    print(
        f"\n{passed}/{total} passed ({100.0 * passed / max(1, total):.1f}%), "
        f"{len(skipped)} skipped, {len(excluded)} excluded (not Wren 0.4 or C API; -v lists them)"
    )
    return 0 if passed == total else 1


if __name__ == "__main__":
    sys.exit(main())
