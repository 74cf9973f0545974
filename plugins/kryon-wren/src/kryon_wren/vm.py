"""One Wren VM: compiles modules, runs them, imports, limits, error reports."""

from __future__ import annotations

import functools
import itertools
import os
import posixpath
import re
import sys
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from types import CodeType, FrameType, TracebackType
from typing import Any

from greenlet import GreenletExit  # type: ignore[import-untyped]

from kryon_core.heap import HeapMeter
from kryon_core.pystack import reserve_python_frames
from kryon_wren import codegen, names
from kryon_wren import nodes as N
from kryon_wren.compiler import COMPILE_TIME_FACTOR, CompileBudget, compile_pieces
from kryon_wren.linemarks import Span, frame_line
from kryon_wren.parser import parse
from kryon_wren.runtime import objects as O
from kryon_wren.runtime.core import CORE_NAMES, helpers, set_current_vm
from kryon_wren.runtime.fiber import FatalError, VMSuspend
from kryon_wren.runtime.objects import WrenError
from kryon_wren.runtime.scheduler import FIBER_BYTES, FiberScheduler

_file_ids = itertools.count(1)


def _raising(err: BaseException) -> Iterator[None]:
    """An iterator that raises ``err`` when the step budget reaches it."""
    yield from ()
    raise err


PY_RECURSION_LIMIT = 30000
"""Python frames Wren code would like; core caps the shared limit (kryon_core.pystack)."""

CHARGE_EVERY = 256
"""Steps a builtin's work may owe before they are spent and the limits checked."""


class WrenCompileError(Exception):
    def __init__(self, module: str, errors: list[tuple[int, str]]) -> None:
        self.module = module
        self.errors = errors
        super().__init__(self.rendered)

    @property
    def rendered(self) -> str:
        return self.render(self.module)

    def render(self, name: str) -> str:
        """The reference CLI's report, the module called ``name``."""
        return "\n".join(f"[{name} line {line}] {text}" for line, text in self.errors)


@dataclass
class CompiledModule:
    name: str
    code: tuple[CodeType, ...]  # run one after the other
    filename: str
    line_map: list[int]
    debug_names: dict[str, str]
    variables: list[str]
    python_source: str = ""
    stackful: bool = True
    """Whether its fibers may need stacks of their own (see fiberscan)."""
    line_spans: dict[int, list[Span]] = field(default_factory=dict)
    """Where statements span lines, the lines of their calls (see linemarks)."""


@dataclass
class Limits:
    time_limit_s: float | None = None
    instruction_limit: int | None = None
    max_depth: int | None = None
    memory_limit_bytes: int | None = None


@dataclass
class _CodeInfo:
    module: str
    line_map: list[int]
    debug_names: dict[str, str]
    spans: dict[int, list[Span]] = field(default_factory=dict)


def _stdout_write(text: str) -> None:
    sys.stdout.write(text)


def _stderr_write(text: str) -> None:
    sys.stderr.write(text)


@dataclass
class VM:
    write: Callable[[str], None] = field(default=_stdout_write)
    error_write: Callable[[str], None] = field(default=_stderr_write)
    checks: bool = False
    limits: Limits = field(default_factory=Limits)
    base_dir: str = "."
    main_name: str = "main"
    builtin_modules: dict[str, Callable[[], dict[str, Any]]] = field(default_factory=dict)
    # (kind, message, Wren stack innermost first or None for the live one)
    limit_error: Callable[[str, str, list[tuple[str, int, str]] | None], BaseException] | None = (
        None
    )
    import_root: str | None = None

    def __post_init__(self) -> None:
        self.fibers = FiberScheduler(self)
        self.modules: dict[str, dict[str, Any]] = {}
        self.module_files: dict[str, str] = {}
        self.builtin_namespaces: dict[str, dict[str, Any]] = {}
        self.code_info: dict[str, _CodeInfo] = {}
        # Each module's own variables in declaration order (Meta lists them).
        self.module_variables: dict[str, list[str]] = {}
        self.chunk = self._chunk_size()
        self.steps = 0
        self.owed = 0
        # Compiled code takes a step once per call and loop iteration, from
        # a C-level iterator over chunks of the budget whose source checks the
        # limits between two chunks (see _budget): ``_step()`` calls its
        # __next__, a ``for`` loop zips its sequence with it (``_steps``).
        self.steps_iter: Iterator[None] = itertools.chain.from_iterable(self._budget())
        self.step: Callable[[], Any] = self.steps_iter.__next__
        self.deadline: float | None = None
        # What the running call allocated and still holds (for the memory limit).
        self.heap = HeapMeter()
        self.uid = itertools.count(1000)
        reserve_python_frames(PY_RECURSION_LIMIT)

    # -- compiling ---------------------------------------------------------------

    def compile(
        self,
        source: str,
        name: str,
        *,
        extra_names: tuple[str, ...] = (),
        repl: bool = False,
    ) -> CompiledModule:
        """Compile a module; ``repl`` makes a trailing expression its result."""
        # Class ids name fields (`f<id>_x`); deriving them from the module keeps
        # them distinct across modules even when code comes from the cache.
        uid_start = (
            zlib.crc32(f"{name}\0{source}".encode("utf-8", "surrogatepass")) * 1000 + next(self.uid)
        ) * 100000
        budget = self.compile_budget()
        tick = budget.check if budget is not None else None
        mod, errors, parser = parse(
            source, builtins=(*CORE_NAMES, *extra_names), uid_start=uid_start, tick=tick
        )
        if errors or mod is None:
            raise WrenCompileError(name, errors)
        if repl and mod.body and isinstance(mod.body[-1], N.ExprStmt):
            last = mod.body[-1]
            mod.body[-1] = N.Return(last.expr, last.line)
        try:
            pieces, line_map, spans, debug, stackful = codegen.generate(
                mod, parser.module_vars, checks=self.checks, tick=tick, chunk_tag=parser.uid()
            )
        except RecursionError:
            raise WrenCompileError(name, [(1, "Error: Expression is too deeply nested.")]) from None
        del mod, parser.tokens
        filename = f"<wren:{name}#{next(_file_ids)}>"
        while filename in self.code_info:
            # A module loaded from the cache keeps the name it was compiled
            # under in another process: code compiled now (Meta.eval, an
            # import) must not take it, or frames of both read one line map.
            filename = f"<wren:{name}#{next(_file_ids)}>"
        try:
            code = compile_pieces(pieces, filename, budget)
        except (SyntaxError, RecursionError, MemoryError) as exc:
            # CPython's own limits (nesting depth of the generated code).
            py_line = getattr(exc, "lineno", None) or 0
            line = line_map[py_line] if 0 < py_line < len(line_map) else 1
            raise WrenCompileError(
                name, [(line, "Error: Expression is too deeply nested.")]
            ) from None
        variables = [v.name for v in parser.module_vars.values() if not v.builtin]
        return CompiledModule(
            name,
            code,
            filename,
            line_map,
            debug,
            variables,
            "".join(t for _, t in pieces),
            stackful,
            spans,
        )

    def compile_budget(self) -> CompileBudget | None:
        """What a compilation may take under the limits: at load, the time
        limit COMPILE_TIME_FACTOR times and the memory limit; while running
        (an import), what is left to the running call."""
        lim = self.limits
        if lim.time_limit_s is None and lim.memory_limit_bytes is None:
            return None

        def fail(kind: str, message: str) -> BaseException:
            return FatalError(self._limit(kind, message, []))

        if self.fibers.entry is not None:
            return CompileBudget(self.deadline, self.heap, lim.memory_limit_bytes, fail)
        deadline = None
        if lim.time_limit_s is not None:
            deadline = time.monotonic() + lim.time_limit_s * COMPILE_TIME_FACTOR
        return CompileBudget(deadline, HeapMeter(), lim.memory_limit_bytes, fail)

    def namespace(self) -> dict[str, Any]:
        ns = helpers()
        ns["_step"] = self.step
        ns["_steps"] = self.steps_iter
        ns["_fyield"] = self.fibers.yield_
        ns["_fnew"] = self.fibers.new_fiber
        ns["_GenFn"] = self.fibers.generator_fn
        ns["_import"] = self.import_module
        ns["_import_var"] = self.import_var
        return ns

    def load(self, compiled: CompiledModule, ns: dict[str, Any] | None = None) -> dict[str, Any]:
        """Define the module's functions; ``ns['_wren_module']`` runs its body."""
        self.code_info[compiled.filename] = _CodeInfo(
            compiled.name, compiled.line_map, compiled.debug_names, compiled.line_spans
        )
        if compiled.stackful:
            self.fibers.stackless = False
        if ns is None:
            ns = self.namespace()
        ns["_import"] = functools.partial(self.import_module, importer=compiled.name)
        ns["_modname"] = compiled.name
        for code in compiled.code:
            exec(code, ns)
        self.modules[compiled.name] = ns
        known = self.module_variables.setdefault(compiled.name, [])
        known.extend(v for v in compiled.variables if v not in known)
        return ns

    # -- running -------------------------------------------------------------------

    def arm(self) -> None:
        lim = self.limits
        self.steps = 0
        self.owed = 0
        self.chunk = self._chunk_size()
        self.deadline = (
            time.monotonic() + lim.time_limit_s if lim.time_limit_s is not None else None
        )
        if lim.memory_limit_bytes is not None:
            self.heap.start()

    def run(self, fn: Callable[..., Any], *args: Any) -> Any:
        """Run ``fn`` as a new root fiber on this thread; raises WrenError or FatalError."""
        prev_vm = set_current_vm(self)
        saved_entry, saved_current = self.fibers.enter()
        if saved_entry is None:
            self.arm()
        try:
            result = fn(*args)
        except VMSuspend:
            result = None
        except GreenletExit:
            # A host callback inside a fiber that is being killed: unwind
            # without touching the scheduler, which the killer owns.
            raise
        except BaseException as exc:
            self.fibers.leave(saved_entry, saved_current)
            set_current_vm(prev_vm)
            raise self.to_wren_error(exc) from None
        self.fibers.leave(saved_entry, saved_current)
        set_current_vm(prev_vm)
        return result

    def _chunk_size(self) -> int:
        # Depth is measured when a chunk of the step budget runs out, so a
        # small depth limit shortens the chunks to catch runaway recursion early.
        depth = self.limits.max_depth
        return 1000 if depth is None else max(8, min(1000, depth // 2))

    def _budget(self) -> Iterator[Iterable[None]]:
        while True:
            yield itertools.repeat(None, self.chunk)
            self.steps += self.chunk
            try:
                # Frame 1 is the compiled function that took the last step.
                self.check_limits(sys._getframe(1))
            except BaseException as err:
                # The budget goes on after the error (an escaping exception
                # would end this generator, and with it every later step).
                yield _raising(err)

    def charge(self, units: int) -> None:
        """Owe ``units`` steps of a builtin's work; they are spent (and the
        limits checked) once at least a chunk's worth is owed."""
        owed = self.owed + units
        if owed < CHARGE_EVERY:
            self.owed = owed
            return
        self.owed = 0
        self.spend(owed)

    def spend(self, steps: int) -> None:
        """Count ``steps`` taken by a builtin and check the limits."""
        self.steps += steps
        self.check_limits(sys._getframe(1))

    def check_limits(self, frame: FrameType | None) -> None:
        """Raise FatalError for a breached limit; ``frame`` is the innermost
        frame of the running code (for the depth limit)."""
        lim = self.limits
        if lim.max_depth is not None and self.depth(lim.max_depth, frame) > lim.max_depth:
            raise FatalError(self._limit("recursion", f"call depth exceeded {lim.max_depth}"))
        if lim.instruction_limit is not None and self.steps > lim.instruction_limit:
            raise FatalError(
                self._limit(
                    "instructions", f"instruction limit of {lim.instruction_limit} exceeded"
                )
            )
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise FatalError(self._limit("time", "time limit exceeded"))
        if lim.memory_limit_bytes is not None:
            used = self.heap.used() + self.fibers.suspended_count() * FIBER_BYTES
            if used > lim.memory_limit_bytes:
                raise FatalError(self._limit("memory", "memory limit exceeded"))

    def depth(self, cap: int, frame: FrameType | None) -> int:
        """Wren frames from ``frame`` out, then those of the fibers that called
        the running one, one after the other (counting stops past ``cap``)."""
        infos = self.code_info
        fiber = self.fibers.current
        n = hops = 0
        while True:
            while frame is not None and n <= cap:
                if frame.f_code.co_filename in infos:
                    n += 1
                frame = frame.f_back
            hops += 1
            if n > cap or fiber is None or hops > cap:
                return n
            fiber = fiber.caller
            if fiber is None or fiber.g is None:
                return n
            frame = fiber.g.gr_frame

    def _limit(
        self, kind: str, message: str, stack: list[tuple[str, int, str]] | None = None
    ) -> BaseException:
        if self.limit_error is not None:
            return self.limit_error(kind, message, stack)
        return RuntimeError(message)

    def check_alloc(self, nbytes: int) -> None:
        """Refuse an allocation of ``nbytes`` that would take the call past its memory limit."""
        lim = self.limits.memory_limit_bytes
        if lim is not None and self.heap.used() + nbytes > lim:
            raise FatalError(self._limit("memory", "memory limit exceeded"))

    # -- modules ---------------------------------------------------------------------

    def import_module(self, name: str, importer: str = "") -> dict[str, Any]:
        """Load (once) and return the namespace of module ``name``.

        ``./x`` and ``../x`` are relative to the importing module's path, as in
        the reference CLI; other names are built-in modules or files next to
        the main script.
        """
        factory = self.builtin_modules.get(name)
        if factory is not None:
            # Kept apart from the scripts' modules: a script file named
            # meta.wren is module "meta" and must still import the built-in.
            ns = self.builtin_namespaces.get(name)
            if ns is None:
                ns = self.builtin_namespaces[name] = factory()
                self.modules.setdefault(name, ns)
            return ns
        if name.startswith(("./", "../")):
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(importer), name))
            if not resolved.startswith(("/", ".")):
                resolved = "./" + resolved
            importer_file = self.module_files.get(importer)
            if importer_file is not None:
                path = os.path.join(os.path.dirname(importer_file), name + ".wren")
            else:
                path = resolved + ".wren"
        else:
            resolved = name
            path = os.path.join(self.base_dir, name + ".wren")
        ns = self.modules.get(resolved)
        if ns is not None:
            return ns
        if "\0" in path:
            # No file has such a name (os functions refuse it with ValueError).
            raise WrenError(f"Could not load module '{resolved}'.")
        ns = self._module_of_file(path)
        if ns is not None:
            # The main script under another name ("./main" imported back
            # from a module it imports): one file is one module, as in the
            # reference CLI, which names the main module "./main" too.
            return ns
        if self.import_root is not None:
            real = os.path.realpath(path)
            if os.path.commonpath([real, self.import_root]) != self.import_root:
                # A sandboxed script may only import files under its directory.
                raise WrenError(f"Could not load module '{resolved}'.")
        try:
            with open(path, "rb") as f:
                data = f.read()
        except (OSError, UnicodeError):
            # UnicodeError: a name with a lone surrogate is no file name.
            raise WrenError(f"Could not load module '{resolved}'.") from None
        self.module_files[resolved] = path
        # As the main script is read (WrenEngine.decode_source): bytes that
        # are not UTF-8 travel as lone surrogates.
        source = data.removeprefix(b"\xef\xbb\xbf").decode("utf-8", "surrogateescape")
        try:
            compiled = self.compile(source, resolved)
        except WrenCompileError as err:
            self.error_write(err.rendered + "\n")
            raise WrenError(f"Could not compile module '{resolved}'.") from None
        ns = self.load(compiled)
        ns["_wren_module"]()
        return ns

    def _module_of_file(self, path: str) -> dict[str, Any] | None:
        real = os.path.realpath(path)
        for name, file in self.module_files.items():
            ns = self.modules.get(name)
            if ns is not None and os.path.realpath(file) == real:
                return ns
        return None

    def import_var(self, ns: dict[str, Any], module: str, name: str) -> Any:
        key = f"w_{name}"
        if key not in ns:
            raise WrenError(f"Could not find a variable named '{name}' in module '{module}'.")
        return ns[key]

    # -- errors -------------------------------------------------------------------------

    def to_wren_error(self, exc: BaseException) -> Any:
        """A WrenError (with its Wren stack) or FatalError for any exception."""
        if isinstance(exc, FatalError):
            return exc
        if isinstance(exc, KeyboardInterrupt):  # Ctrl-C: the host's, never a fiber's to catch
            return FatalError(exc)
        if isinstance(exc, WrenError):
            err = exc
        elif isinstance(exc, RecursionError):
            # Python's own limit (no recursion limit in the policy): the
            # frames are gone by now, so the stack comes from the traceback.
            stack = self.stack_of(exc.__traceback__)
            return FatalError(self._limit("recursion", "maximum call depth exceeded", stack))
        elif isinstance(exc, MemoryError):
            return FatalError(self._limit("memory", "out of memory"))
        else:
            err = WrenError(self._message(exc))
        if err.stack is None:
            err.stack = self.stack_of(exc.__traceback__)
        err.__traceback__ = None
        return err

    def _message(self, exc: BaseException) -> str:
        if isinstance(exc, AttributeError):
            sig = names.signature_of(exc.name) if exc.name else None
            if sig is not None:
                return f"{O.name_of(exc.obj)} does not implement '{sig}'."
        if isinstance(exc, IndexError):
            return "Subscript out of bounds."
        if isinstance(exc, TypeError):
            translated = operator_message(str(exc))
            if translated is not None:
                return translated
        from kryon_core import ScriptError

        if isinstance(exc, ScriptError):
            return exc.message if hasattr(exc, "message") else str(exc)
        if isinstance(exc, OverflowError):
            return "Number out of range."
        return f"Internal error: {type(exc).__name__}: {exc}"

    def _wren_frame(self, code: CodeType, py_line: int, lasti: int) -> tuple[str, int, str] | None:
        """(module, Wren line, function) of a Python frame of ``code`` at
        ``py_line`` and instruction ``lasti``, if it is a Wren function's."""
        info = self.code_info.get(code.co_filename)
        if info is None:
            return None
        name = info.debug_names.get(code.co_name)
        if name is None:
            return None
        return info.module, frame_line(info.line_map, info.spans, code, py_line, lasti), name

    def stack_of(self, tb: TracebackType | None) -> list[tuple[str, int, str]]:
        frames: list[tuple[str, int, str]] = []
        while tb is not None:
            found = self._wren_frame(tb.tb_frame.f_code, tb.tb_lineno or 0, tb.tb_lasti)
            if found is not None:
                frames.append(found)
            tb = tb.tb_next
        frames.reverse()
        return frames

    def live_stack(self, *, with_locals: bool = True) -> list[tuple[str, int, str, dict[str, Any]]]:
        """The Wren frames of the calling thread right now, innermost first
        (their locals only ``with_locals``: an error report needs none)."""
        out: list[tuple[str, int, str, dict[str, Any]]] = []
        frame: FrameType | None = sys._getframe(1)
        while frame is not None:
            found = self._wren_frame(frame.f_code, frame.f_lineno or 0, frame.f_lasti)
            if found is not None:
                local_vars = wren_locals(frame.f_locals) if with_locals else {}
                out.append((*found, local_vars))
            frame = frame.f_back
        return out

    def close(self) -> None:
        self.fibers.close()


_PY_TO_WREN = {
    "float": "Num",
    "str": "String",
    "bool": "Bool",
    "NoneType": "Null",
    "WList": "List",
    "WMap": "Map",
}
_BINARY = re.compile(r"unsupported operand type\(s\) for (\S+): '([^']+)' and")
_COMPARE = re.compile(r"'(\S+)' not supported between instances of '([^']+)' and")
_UNARY = re.compile(r"bad operand type for unary (\S+): '([^']+)'")


def operator_message(text: str) -> str | None:
    """Wren's message for a TypeError raised by a natively compiled operator."""
    if text.startswith("can only concatenate str"):
        return "Right operand must be a string."
    m = _BINARY.match(text) or _COMPARE.match(text)
    if m:
        op, left = m.group(1), _PY_TO_WREN.get(m.group(2), m.group(2))
        if left == "Num":
            return "Right operand must be a number."
        if left == "String" and op == "+":
            return "Right operand must be a string."
        return f"{left} does not implement '{op}(_)'."
    m = _UNARY.match(text)
    if m:
        return f"{_PY_TO_WREN.get(m.group(2), m.group(2))} does not implement '{m.group(1)}'."
    return None


def wren_locals(py_locals: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in py_locals.items():
        if key.startswith("l_"):
            name = key[2:].rsplit("_", 1)[0]
            out[name] = value[0] if isinstance(value, list) and len(value) == 1 else value
        elif key == "this":
            out["this"] = value
    return out


def render_runtime_error(err: WrenError, names: Callable[[str], str] = str) -> str:
    """The reference CLI's report; ``names`` gives each module's name in it."""
    value = err.value
    lines = [value if isinstance(value, str) else "[error object]"]
    for module, line, name in err.stack or []:
        lines.append(f"[{names(module)} line {line}] in {name}")
    return "\n".join(lines)
