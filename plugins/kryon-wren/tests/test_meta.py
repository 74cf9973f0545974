"""The ``meta`` module compiles in the calling module, as the reference does."""

from __future__ import annotations

import pytest
from kryon_wren.modules import meta_module
from kryon_wren.runtime.objects import WrenError
from kryon_wren.vm import VM


def run(source: str, module: str = "prog") -> tuple[str, str]:
    out: list[str] = []
    err: list[str] = []
    vm = VM(write=out.append, error_write=err.append, main_name=module)
    vm.builtin_modules["meta"] = lambda: meta_module(vm)
    try:
        vm.run(vm.load(vm.compile(source, module))["_wren_module"])
    finally:
        vm.close()
    return "".join(out), "".join(err)


def test_eval_assigns_the_callers_module_variables() -> None:
    source = """
import "meta" for Meta
var y = 5
Meta.eval("y = y + 1")
System.print(y)
"""
    assert run(source) == ("6\n", "")


def test_compile_errors_go_to_stderr_under_the_module_name() -> None:
    source = """
import "meta" for Meta
System.print(Meta.compile("1 +"))
System.print(Meta.compileExpression("+"))
"""
    assert run(source) == (
        "null\nnull\n",
        "[prog line 1] Error at end of file: Expected expression.\n"
        "[prog line 1] Error at '+': Expected expression.\n",
    )


def test_eval_of_bad_source_aborts_without_printing() -> None:
    with pytest.raises(WrenError) as info:
        run('import "meta" for Meta\nMeta.eval("1 +")\n')
    assert info.value.value == "Could not compile source code."


def test_module_variables_start_with_the_core_ones() -> None:
    source = """
import "meta" for Meta
var a = 1
class B {}
System.print(Meta.getModuleVariables("prog")[0..2])
System.print(Meta.getModuleVariables("prog")[-3..-1])
System.print(Fiber.new { Meta.getModuleVariables("main") }.try())
System.print(Fiber.new { Meta.getModuleVariables(1) }.try())
"""
    assert run(source) == (
        "[Object, Class, Object metaclass]\n[Meta, a, B]\n"
        "Could not find a module named 'main'.\nModule name must be a string.\n",
        "",
    )


def test_code_compiled_while_running_never_shares_a_loaded_modules_filename(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A module loaded from the cache was named in another process; the
    # counter of this one may give a Meta.eval chunk the same name, whose
    # line map then read the module's frames (`prog in (script)`, no line).
    import itertools

    from kryon_wren import vm as vm_module

    source = 'import "meta" for Meta\n\n\nMeta.eval("\\n\\nFiber.abort(\\"x\\")")\n'
    compiled = VM().compile(source, "prog")
    number = int(compiled.filename.rsplit("#", 1)[1].rstrip(">"))
    monkeypatch.setattr(vm_module, "_file_ids", itertools.count(number))
    vm = VM(main_name="prog")
    vm.builtin_modules["meta"] = lambda: meta_module(vm)
    try:
        with pytest.raises(WrenError) as info:
            vm.run(vm.load(compiled)["_wren_module"])
    finally:
        vm.close()
    assert info.value.stack == [("prog", 3, "(script)"), ("prog", 4, "(script)")]
