"""Source -> code object, with script-level errors and exported-function info.

The code object is compiled with ``filename=<script name>`` so that every
traceback, breakpoint and error names the script as the file.
``CompiledScript.bytecode`` is ``marshal.dumps(code)``: loading from the cache
(in process or in the worker, which runs the same interpreter) skips parsing.
"""

from __future__ import annotations

import ast
import marshal
import sys
import traceback
from types import CodeType

from kryon_core import (
    CompiledScript,
    CompileError,
    FunctionInfo,
    SecurityError,
)
from kryon_python.names import BLOCKED_ATTRIBUTES, BLOCKED_NAMES

__all__ = [
    "PYTHON_TAG",
    "check_sandbox_source",
    "compile_snippet",
    "compile_source",
    "load_code",
]

PYTHON_TAG = f"cpython-{sys.version_info.major}{sys.version_info.minor}"


def compile_source(
    source: str, *, script: str, path: str | None, language: str, version: str, sandbox: bool
) -> CompiledScript:
    """Compile ``source``; raise CompileError (syntax) or SecurityError (sandbox)."""
    _refuse_null_bytes(source, script)
    try:
        tree = ast.parse(source, filename=script, mode="exec")
        if sandbox:
            check_sandbox_source(tree, script=script)
        code = compile(tree, script, "exec", dont_inherit=True, optimize=0)
    except SyntaxError as exc:
        raise _compile_error(exc, script) from None
    except (ValueError, RecursionError, MemoryError) as exc:
        raise _too_complex(exc, script) from None
    return CompiledScript(
        script=script,
        language=language,
        engine_version=version,
        bytecode=marshal.dumps(code),
        path=path,
        functions=_functions(tree),
        globals=_globals(tree),
        # (the source goes to the isolated worker, whose tracebacks show its
        # lines as python's do: it cannot read the file)
        metadata={"python": PYTHON_TAG, "sandbox_checked": sandbox, "source": source},
    )


def compile_snippet(
    source: str, *, script: str, sandbox: bool, shown: bool = False
) -> tuple[bytes, bytes | None]:
    """A REPL snippet as marshalled code: the statements, and the trailing
    expression (if any) whose value the REPL shows.  With ``shown`` the
    expression gives what Python's REPL prints instead: the value's ``repr``,
    None for None, and like that REPL it keeps the value as ``_``."""
    try:
        tree = ast.parse(source, filename=script, mode="exec")
        if sandbox:
            check_sandbox_source(tree, script=script)
        last = tree.body[-1] if tree.body else None
        expression: bytes | None = None
        if isinstance(last, ast.Expr):
            tree.body.pop()
            value = ast.Expression(_shown(last.value) if shown else last.value)
            ast.fix_missing_locations(value)
            expression = marshal.dumps(compile(value, script, "eval", dont_inherit=True))
        statements = marshal.dumps(compile(tree, script, "exec", dont_inherit=True))
    except SyntaxError as exc:
        raise _compile_error(exc, script) from None
    except (ValueError, RecursionError, MemoryError) as exc:
        raise _too_complex(exc, script) from None
    return statements, expression


def _shown(value: ast.expr) -> ast.expr:
    """``None if (_ := value) is None else repr(_)``, at ``value``'s position."""
    kept = ast.NamedExpr(target=ast.Name("_", ast.Store()), value=value)
    test = ast.Compare(kept, [ast.Is()], [ast.Constant(None)])
    text = ast.Call(ast.Name("repr", ast.Load()), [ast.Name("_", ast.Load())], [])
    shown = ast.IfExp(test=test, body=ast.Constant(None), orelse=text)
    return ast.copy_location(shown, value)


def load_code(compiled: CompiledScript) -> CodeType:
    """The code object of a compiled script (no parsing)."""
    if compiled.metadata.get("python", PYTHON_TAG) != PYTHON_TAG:
        raise CompileError(
            f"bytecode was compiled by {compiled.metadata.get('python')}, "
            f"this interpreter is {PYTHON_TAG}; recompile the script",
            script=compiled.script,
        )
    code = marshal.loads(compiled.bytecode)
    if not isinstance(code, CodeType):
        raise CompileError("bytecode is not a Python code object", script=compiled.script)
    return code


def check_sandbox_source(tree: ast.AST, *, script: str) -> None:
    """Refuse sources that name the interpreter internals sandbox escapes use."""
    for node in ast.walk(tree):
        name: str | None = None
        if isinstance(node, ast.Attribute) and node.attr in BLOCKED_ATTRIBUTES:
            name = node.attr
        elif isinstance(node, ast.Name) and node.id in BLOCKED_NAMES:
            name = node.id
        if name is not None:
            raise SecurityError(
                f"access to {name!r} is not allowed in sandboxed scripts",
                script=script,
                line=getattr(node, "lineno", None),
                column=getattr(node, "col_offset", -1) + 1,
            )


def _refuse_null_bytes(source: str, script: str) -> None:
    """``python FILE`` reports a NUL as a SyntaxError at its line (``ast.parse``
    raises a ValueError that names no position)."""
    index = source.find("\0")
    if index < 0:
        return
    line_start = source.rfind("\n", 0, index) + 1
    raise CompileError(
        "SyntaxError: source code cannot contain null bytes",
        script=script,
        line=source.count("\n", 0, index) + 1,
        column=index - line_start + 1,
    )


def _too_complex(exc: ValueError | RecursionError | MemoryError, script: str) -> CompileError:
    if isinstance(exc, ValueError):
        return CompileError(f"cannot compile: {exc}", script=script)
    # the parser or compiler ran out of stack or memory (an empty MemoryError)
    detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    return CompileError(
        f"cannot compile: {detail} (the source is nested too deeply or is too large)",
        script=script,
    )


def _compile_error(exc: SyntaxError, script: str) -> CompileError:
    message = f"{type(exc).__name__}: {exc.msg}"
    column = exc.offset if exc.offset and exc.offset > 0 else None
    # told as ``python FILE`` tells it: the place, the line with its caret
    shown = "".join(traceback.format_exception_only(type(exc), exc)).rstrip("\n")
    return CompileError(message, script=script, line=exc.lineno, column=column, rendered=shown)


def _functions(tree: ast.Module) -> dict[str, FunctionInfo]:
    functions: dict[str, FunctionInfo] = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            functions[node.name] = function_info_from_ast(node)
    return functions


def function_info_from_ast(node: ast.FunctionDef | ast.AsyncFunctionDef) -> FunctionInfo:
    args = node.args
    names = tuple(a.arg for a in (*args.posonlyargs, *args.args))
    generator = any(
        isinstance(n, ast.Yield | ast.YieldFrom)
        for n in ast.walk(node)
        if not isinstance(n, ast.Lambda)
    )
    return FunctionInfo(
        name=node.name,
        parameter_count=len(names),
        parameter_names=names,
        is_async=isinstance(node, ast.AsyncFunctionDef),
        is_generator=generator,
        is_variadic=args.vararg is not None,
        line=node.lineno,
        doc=ast.get_docstring(node),
    )


def _globals(tree: ast.Module) -> list[str]:
    names: list[str] = []
    for node in tree.body:
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = list(node.targets)
        elif isinstance(node, ast.AnnAssign | ast.AugAssign):
            targets = [node.target]
        names += [t.id for t in targets if isinstance(t, ast.Name) and t.id not in names]
    return names
