"""The optional module ``meta`` (``random`` is in runtime.rand).

As in the reference, ``Meta.compile``/``compileExpression``/``eval`` compile
in the module of the code that calls them: the new code sees and assigns
that module's variables, and its frames are named after it.
"""

from __future__ import annotations

import sys
from types import FrameType
from typing import TYPE_CHECKING, Any

from kryon_wren.runtime.collections import WList
from kryon_wren.runtime.core import CORE
from kryon_wren.runtime.objects import WClass, WrenError, to_str
from kryon_wren.runtime.sequences import WFn

if TYPE_CHECKING:
    from kryon_wren.vm import VM

# The core module's variables in the order the reference defines them; every
# module starts with them (Meta.getModuleVariables lists them first).
CORE_VARIABLES = (
    "Object",
    "Class",
    "Object metaclass",
    "Bool",
    "Fiber",
    "Fn",
    "Null",
    "Num",
    "Sequence",
    "MapSequence",
    "SkipSequence",
    "TakeSequence",
    "WhereSequence",
    "String",
    "StringByteSequence",
    "StringCodePointSequence",
    "List",
    "Map",
    "MapEntry",
    "MapKeySequence",
    "MapValueSequence",
    "Range",
    "System",
    "ClassAttributes",
)


def calling_module(vm: VM) -> str:
    """The module of the innermost running Wren function."""
    frame: FrameType | None = sys._getframe(1)
    while frame is not None:
        info = vm.code_info.get(frame.f_code.co_filename)
        if info is not None:
            return info.module
        frame = frame.f_back
    return vm.main_name


def meta_module(vm: VM) -> dict[str, Any]:
    from kryon_wren.vm import WrenCompileError

    def compile_fn(source: Any, *, expression: bool, print_errors: bool) -> Any:
        if source.__class__ is not str:
            raise WrenError("Source code must be a string.")
        module = calling_module(vm)
        ns = vm.modules.get(module)
        if ns is None:
            raise WrenError(f"Could not find a module named '{module}'.")
        names = tuple(k[2:] for k in ns if k.startswith("w_"))
        text = f"return {source}" if expression else source
        try:
            compiled = vm.compile(text, module, extra_names=names)
        except WrenCompileError as err:
            if print_errors:
                vm.error_write(err.rendered + "\n")
            return None
        # The new code runs in the module's own namespace, so that it reads
        # and assigns its variables; only the module body's name is shared.
        body = ns.get("_wren_module")
        vm.load(compiled, ns)
        fn = ns["_wren_module"]
        ns["_wren_module"] = body
        return WFn(fn, 0)

    class MetaStatics:
        def m_eval_1(self, source: Any) -> None:
            fn = compile_fn(source, expression=False, print_errors=False)
            if fn is None:
                raise WrenError("Could not compile source code.")
            fn.fn()

        def m_compile_1(self, source: Any) -> Any:
            return compile_fn(source, expression=False, print_errors=True)

        def m_compileExpression_1(self, source: Any) -> Any:
            return compile_fn(source, expression=True, print_errors=True)

        def m_getModuleVariables_1(self, module: Any) -> Any:
            if module.__class__ is not str:
                raise WrenError("Module name must be a string.")
            ns = vm.modules.get(module)
            if ns is None:
                raise WrenError(f"Could not find a module named '{to_str(module)}'.")
            own = vm.module_variables.get(module)
            if own is None:
                own = [k[2:] for k in ns if k.startswith("w_") and k[2:] not in CORE]
            return WList([*CORE_VARIABLES, *own])

    meta = type("Meta metaclass", (WClass, MetaStatics), {})
    return {"w_Meta": meta("Meta", CORE["Object"], None, True)}
