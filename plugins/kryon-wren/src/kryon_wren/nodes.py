"""Syntax tree of a Wren module, with names already resolved by the parser.

Every name use points at a shared :class:`VarInfo`, so the code generator
knows, when it emits a declaration, whether the variable is captured by a
closure or reassigned (Wren closures capture a fresh variable per loop
iteration; Python's do not, so such variables are passed or boxed).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(eq=False)
class VarInfo:
    name: str
    pyname: str
    module_level: bool
    func: FuncInfo | None = None
    in_loop: bool = False
    captured: bool = False
    assigned: bool = False
    defined: bool = True
    is_class: bool = False
    obj_init: bool = False
    builtin: bool = False
    line: int = 0

    @property
    def boxed(self) -> bool:
        return self.captured and self.in_loop and self.assigned

    @property
    def passed(self) -> bool:
        """Captured by value or box through a default argument of a closure."""
        return self.captured and self.in_loop


@dataclass(eq=False)
class ClassInfo:
    name: str
    cid: int
    is_prelude: bool = False
    fields: dict[str, str] = field(default_factory=dict)
    static_fields: dict[str, str] = field(default_factory=dict)


@dataclass(eq=False)
class FuncInfo:
    kind: str  # "module", "fn", "method", "static", "init"
    debug_name: str
    pyname: str
    parent: FuncInfo | None
    params: list[VarInfo] = field(default_factory=list)
    body: list[Node] = field(default_factory=list)
    expr_body: Node | None = None
    cls: ClassInfo | None = None
    passed_in: list[VarInfo] = field(default_factory=list)
    nonlocals: set[VarInfo] = field(default_factory=set)
    globals_: set[str] = field(default_factory=set)
    line: int = 0
    scopes: list[dict[str, VarInfo]] = field(default_factory=list)
    loop_depth: int = 0


class Node:
    __slots__ = ("line",)
    line: int


def _node(name: str, fields_: str) -> type[Node]:
    names = tuple(fields_.split())

    def __init__(self: Node, *args: object) -> None:
        for k, v in zip(names, args, strict=True):
            setattr(self, k, v)

    def __repr__(self: Node) -> str:
        inner = ", ".join(f"{k}={getattr(self, k)!r}" for k in names)
        return f"{name}({inner})"

    return type(name, (Node,), {"__slots__": names, "__init__": __init__, "__repr__": __repr__})


# Expressions
Lit = _node("Lit", "value line")
Interp = _node("Interp", "parts line")
ListLit = _node("ListLit", "items line")
MapLit = _node("MapLit", "pairs line")
Var = _node("Var", "info line")
This = _node("This", "line")
Field = _node("Field", "pyname static line")
Call = _node("Call", "recv mname args line")
SuperCall = _node("SuperCall", "mname args line")
Unary = _node("Unary", "op expr line")
Binary = _node("Binary", "op left right line")
Logic = _node("Logic", "op left right line")
Cond = _node("Cond", "cond then other line")
Is = _node("Is", "left right line")
Assign = _node("Assign", "target value line")
FnExpr = _node("FnExpr", "func line")

# Statements
ExprStmt = _node("ExprStmt", "expr line")
VarDecl = _node("VarDecl", "info init line")
Block = _node("Block", "body line")
If = _node("If", "cond then other line")
While = _node("While", "cond body line")
For = _node("For", "info seq body line")
Break = _node("Break", "line")
Continue = _node("Continue", "line")
Return = _node("Return", "expr line")
ClassDecl = _node("ClassDecl", "info var superclass methods line")
Import = _node("Import", "module names line")


@dataclass(eq=False)
class MethodDef:
    mname: str
    signature: str
    kind: str  # "method", "static", "init"
    func: FuncInfo
    line: int
