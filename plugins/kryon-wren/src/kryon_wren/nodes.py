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
    # For a class of this module, once its body is parsed: the ``new``
    # methods of its metaclass that are constructors (a static method may be
    # called ``new`` and answer anything).
    constructors: frozenset[str] | None = None
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
    fields: dict[str, str] = field(default_factory=dict)
    static_fields: dict[str, str] = field(default_factory=dict)
    # Fields only ever assigned freshly created objects (lists, maps,
    # instances): calls on them need no check for native values.
    object_fields: dict[str, bool] = field(default_factory=dict)
    foreign: bool = False


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


Attribute = tuple[str | None, str, object]


class Node:
    """Base of syntax-tree nodes; every node knows its source line.

    Nodes whose code may fail (calls, operators, interpolation) also know
    ``at``: the line the reference reports for them, the line of the last
    token of their syntax (a call's closing parenthesis or block, an
    operator's right operand), where it emits the call."""

    __slots__ = ()
    line: int


# Expressions
@dataclass(eq=False, slots=True)
class Lit(Node):
    value: object
    line: int


@dataclass(eq=False, slots=True)
class Interp(Node):
    parts: list[Node]
    line: int
    at: int = 0


@dataclass(eq=False, slots=True)
class ListLit(Node):
    items: list[Node]
    line: int


@dataclass(eq=False, slots=True)
class MapLit(Node):
    pairs: list[tuple[Node, Node]]
    line: int


@dataclass(eq=False, slots=True)
class Var(Node):
    info: VarInfo
    line: int


@dataclass(eq=False, slots=True)
class This(Node):
    line: int


@dataclass(eq=False, slots=True)
class Field(Node):
    pyname: str
    static: bool
    cls: ClassInfo
    line: int


@dataclass(eq=False, slots=True)
class Call(Node):
    recv: Node
    mname: str
    args: list[Node] | None
    line: int
    at: int = 0


@dataclass(eq=False, slots=True)
class SuperCall(Node):
    mname: str
    args: list[Node] | None
    line: int
    at: int = 0


@dataclass(eq=False, slots=True)
class Unary(Node):
    op: str
    expr: Node
    line: int
    at: int = 0


@dataclass(eq=False, slots=True)
class Binary(Node):
    op: str
    left: Node
    right: Node
    line: int
    at: int = 0


@dataclass(eq=False, slots=True)
class Logic(Node):
    op: str
    left: Node
    right: Node
    line: int


@dataclass(eq=False, slots=True)
class Cond(Node):
    cond: Node
    then: Node
    other: Node
    line: int


@dataclass(eq=False, slots=True)
class Is(Node):
    left: Node
    right: Node
    line: int
    at: int = 0


@dataclass(eq=False, slots=True)
class Assign(Node):
    target: Node
    value: Node
    line: int


@dataclass(eq=False, slots=True)
class FnExpr(Node):
    func: FuncInfo
    line: int


# Statements
@dataclass(eq=False, slots=True)
class ExprStmt(Node):
    expr: Node
    line: int


@dataclass(eq=False, slots=True)
class VarDecl(Node):
    info: VarInfo
    init: Node | None
    line: int


@dataclass(eq=False, slots=True)
class Block(Node):
    body: list[Node]
    line: int


@dataclass(eq=False, slots=True)
class If(Node):
    cond: Node
    then: Node
    other: Node | None
    line: int


@dataclass(eq=False, slots=True)
class While(Node):
    cond: Node
    body: Node
    line: int


@dataclass(eq=False, slots=True)
class For(Node):
    info: VarInfo
    seq: Node
    body: Node
    line: int


@dataclass(eq=False, slots=True)
class Break(Node):
    line: int


@dataclass(eq=False, slots=True)
class Continue(Node):
    line: int


@dataclass(eq=False, slots=True)
class Return(Node):
    expr: Node | None
    line: int


@dataclass(eq=False, slots=True)
class ClassDecl(Node):
    info: ClassInfo
    var: VarInfo
    superclass: Node | None
    methods: list[MethodDef]
    line: int
    # Runtime (`#!`) attributes: (group, key, value) of the class, and by
    # method signature.
    attributes: list[Attribute] = field(default_factory=list)
    method_attributes: dict[str, list[Attribute]] = field(default_factory=dict)
    # `foreign` members, which no host can bind: (message without the
    # module name, line), reported when the class is defined.
    foreign_methods: list[tuple[str, int]] = field(default_factory=list)


@dataclass(eq=False, slots=True)
class Import(Node):
    module: str
    names: list[tuple[str, VarInfo]]
    line: int


@dataclass(eq=False)
class MethodDef:
    mname: str
    signature: str
    kind: str  # "method", "static", "init"
    func: FuncInfo
    line: int
    end_line: int = 0  # of the body's closing brace


def push_children(stack: list[object], node: object) -> None:
    """The parts of ``node`` (a node's fields, a list's items) onto ``stack``."""
    if isinstance(node, (list, tuple)):
        stack.extend(node)
    elif isinstance(node, Node):
        slots: tuple[str, ...] = node.__slots__
        stack.extend(getattr(node, slot) for slot in slots)


def left_chain(e: Binary) -> tuple[Node, list[Binary]]:
    """The leftmost operand of a chain like ``a + b - c < d`` and its
    operators, innermost first (``==``/``!=`` compile apart and end it)."""
    links: list[Binary] = []
    node: Node = e
    while isinstance(node, Binary) and node.op not in ("==", "!="):
        links.append(node)
        node = node.left
    links.reverse()
    return node, links


def is_core_fiber(node: Node) -> bool:
    """Whether ``node`` is the name ``Fiber`` bound to the core class for good."""
    return (
        isinstance(node, Var)
        and node.info.builtin
        and node.info.name == "Fiber"
        and not node.info.assigned
    )
