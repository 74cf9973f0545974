"""Run a Wren file the way the reference ``wren`` CLI does (used by tests and tools)."""

from __future__ import annotations

import os
import sys

from kryon_wren.runtime.fiber import FatalError
from kryon_wren.runtime.objects import WrenError
from kryon_wren.vm import VM, Limits, WrenCompileError, render_runtime_error


def run_source(
    source: str, name: str = "main", *, checks: bool = False, limits: Limits | None = None
) -> str:
    """Run Wren source in a fresh VM and return what it printed.

    Compile errors raise WrenCompileError, runtime errors WrenError.
    """
    out: list[str] = []
    vm = VM(write=out.append, checks=checks, limits=limits or Limits(), main_name=name)
    try:
        ns = vm.load(vm.compile(source, name))
        vm.run(ns["_wren_module"])
    finally:
        vm.close()
    return "".join(out)


def module_name(path: str) -> str:
    return path[:-5] if path.endswith(".wren") else path


def run_file(path: str, *, checks: bool = False) -> int:
    with open(path, encoding="utf-8") as f:
        source = f.read()
    vm = VM(checks=checks, base_dir=os.path.dirname(path) or ".", main_name=module_name(path))
    try:
        compiled = vm.compile(source, module_name(path))
    except WrenCompileError as err:
        sys.stdout.flush()
        print(err.rendered, file=sys.stderr)
        return 65
    vm.module_files[compiled.name] = path
    try:
        ns = vm.load(compiled)
        vm.run(ns["_wren_module"])
    except WrenCompileError as err:
        sys.stdout.flush()
        print(err.rendered, file=sys.stderr)
        return 65
    except WrenError as err:
        sys.stdout.flush()
        print(render_runtime_error(err), file=sys.stderr)
        return 70
    except FatalError as err:
        sys.stdout.flush()
        print(str(err.error), file=sys.stderr)
        return 70
    finally:
        sys.stdout.flush()
        vm.close()
    return 0


if __name__ == "__main__":
    sys.exit(run_file(sys.argv[1], checks="--checks" in sys.argv))
