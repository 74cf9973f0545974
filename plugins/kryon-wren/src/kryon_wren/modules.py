"""The optional module ``meta`` (``random`` is in runtime.rand)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kryon_wren.runtime.collections import WList
from kryon_wren.runtime.core import CORE
from kryon_wren.runtime.objects import WClass, WrenError
from kryon_wren.runtime.sequences import WFn

if TYPE_CHECKING:
    from kryon_wren.vm import VM


def meta_module(vm: VM) -> dict[str, Any]:
    from kryon_wren.vm import WrenCompileError

    def compile_fn(source: str, *, expression: bool) -> Any:
        if source.__class__ is not str:
            raise WrenError("Source code must be a string.")
        main = vm.modules.get(vm.main_name) or next(iter(vm.modules.values()), None)
        if main is None:
            raise WrenError("No module to compile in.")
        names = tuple(k[2:] for k in main if k.startswith("w_"))
        text = f"return {source}" if expression else source
        try:
            compiled = vm.compile(text, vm.main_name, extra_names=names)
        except WrenCompileError as err:
            vm.write(err.rendered + "\n")
            return None
        scratch = dict(main)
        vm.load(compiled, scratch)
        vm.modules[vm.main_name] = main
        body = scratch["_wren_module"]
        return WFn(body, 0)

    class MetaStatics:
        def m_eval_1(self, source: Any) -> None:
            fn = compile_fn(source, expression=False)
            if fn is not None:
                fn.fn()

        def m_compile_1(self, source: Any) -> Any:
            return compile_fn(source, expression=False)

        def m_compileExpression_1(self, source: Any) -> Any:
            return compile_fn(source, expression=True)

        def m_getModuleVariables_1(self, module: Any) -> Any:
            ns = vm.modules.get(module)
            if ns is None:
                raise WrenError(f"Could not find a module named '{module}'.")
            return WList(k[2:] for k in ns if k.startswith("w_"))

    meta = type("Meta metaclass", (WClass, MetaStatics), {})
    return {"w_Meta": meta("Meta", CORE["Object"], None, True)}
