from typing import (
    Any,
    Callable,
    Dict,
    Generic,
    List,
    Literal,
    NamedTuple,
    Optional,
    Protocol,
    TypedDict,
    TypeVar,
    Union,
    cast,
    get_args,
    get_origin,
    get_type_hints,
    overload,
    runtime_checkable,
    Final,
    ClassVar,
    Iterator,
    Sequence,
)

T = TypeVar("T")
K = TypeVar("K", str, int)


class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []

    def push(self, item: T) -> None:
        self.items.append(item)

    def pop(self) -> T:
        return self.items.pop()

    def __repr__(self) -> str:
        return f"Stack({self.items})"


s: Stack[int] = Stack()
s.push(1)
s.push(2)
print(s, s.pop(), Stack[int], Stack[str].__origin__ is Stack)


class Movie(TypedDict):
    title: str
    year: int


class Pair(NamedTuple):
    left: int
    right: int = 0

    def total(self) -> int:
        return self.left + self.right


m: Movie = {"title": "Alien", "year": 1979}
print(m, Movie.__annotations__, Pair(1), Pair(2, 3).total(), Pair._fields, Pair.__annotations__)


@runtime_checkable
class Closable(Protocol):
    def close(self) -> None: ...


class File:
    def close(self) -> None:
        print("closed")


print(isinstance(File(), Closable), isinstance(42, Closable))


def greet(name: str, times: int = 1, *, loud: Optional[bool] = None) -> List[str]:
    return [name.upper() if loud else name] * times


print(greet.__annotations__)
print(get_type_hints(greet))
print(
    get_origin(List[int]),
    get_args(Dict[str, int]),
    get_args(Union[int, str, None]),
    get_origin(Literal["a"]),
)
print(Optional[int], Union[int, str], List[Dict[str, Any]], Callable[[int], str], Literal["x", 1])
print(int | None, list[int], dict[str, list[int]], tuple[int, ...], type(int | str).__name__)
print(cast(int, "not really"), isinstance(3, int | str))


@overload
def double(x: int) -> int: ...
@overload
def double(x: str) -> str: ...
def double(x):
    return x * 2


print(double(4), double("ab"))
MAX: Final = 10


class Config:
    debug: ClassVar[bool] = False
    name: str
    retries: int = 3


print(Config.__annotations__, get_type_hints(Config), Config.retries)


def first(xs: Sequence[T]) -> T:
    return xs[0]


def count_up(n: int) -> Iterator[int]:
    yield from range(n)


print(first("xyz"), list(count_up(3)), T, K.__constraints__, T.__name__)
x: int = 5
y: "str"
print(__annotations__)
