"""The optional modules ``meta`` and ``random``."""

from __future__ import annotations

import random as _random
from typing import TYPE_CHECKING, Any

from kryon_wren.runtime.collections import WList
from kryon_wren.runtime.core import CORE
from kryon_wren.runtime.objects import WClass, WObject, WrenError
from kryon_wren.runtime.sequences import WFn, py_iter

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


class RandomObject(WObject):
    __slots__ = ("rng",)

    def __init__(self, seed: Any = None) -> None:
        self.rng = _random.Random(seed)

    def m_float_0(self) -> float:
        return self.rng.random()

    def m_float_1(self, end: Any) -> float:
        return self.rng.random() * _num(end)

    def m_float_2(self, start: Any, end: Any) -> float:
        return _num(start) + self.rng.random() * (_num(end) - _num(start))

    def m_int_1(self, end: Any) -> float:
        return float(int(self.rng.random() * _num(end)))

    def m_int_2(self, start: Any, end: Any) -> float:
        return float(int(_num(start) + self.rng.random() * (_num(end) - _num(start))))

    def m_sample_1(self, seq: Any) -> Any:
        items = list(py_iter(seq))
        if not items:
            raise WrenError("Not enough elements to sample.")
        return self.rng.choice(items)

    def m_sample_2(self, seq: Any, count: Any) -> Any:
        items = list(py_iter(seq))
        n = int(_num(count))
        if n > len(items):
            raise WrenError("Not enough elements to sample.")
        return WList(self.rng.sample(items, n))

    def m_shuffle_1(self, lst: Any) -> Any:
        if not isinstance(lst, WList):
            raise WrenError("Can only shuffle a list.")
        self.rng.shuffle(lst)
        return lst


def _num(v: Any) -> float:
    if v.__class__ is not float:
        raise WrenError("Argument must be a number.")
    return v


class RandomStatics:
    def m_new_0(self) -> RandomObject:
        return RandomObject()

    def m_new_1(self, seed: Any) -> RandomObject:
        if seed.__class__ is float:
            return RandomObject(seed)
        return RandomObject(tuple(py_iter(seed)))


_RANDOM = type("Random metaclass", (WClass, RandomStatics), {})(
    "Random", CORE["Object"], RandomObject, True
)
RandomObject.__wcls__ = _RANDOM


def random_module() -> dict[str, Any]:
    return {"w_Random": _RANDOM}
