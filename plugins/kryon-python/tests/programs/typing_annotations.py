from __future__ import annotations

import dataclasses
import typing
from dataclasses import dataclass, field
from typing import ClassVar, Generic, NamedTuple, Optional, Protocol, TypedDict, TypeVar

T = TypeVar("T")


@dataclass
class Item:
    name: str
    price: float = 0.0
    tags: list[str] = field(default_factory=list)
    count: ClassVar[int] = 0
    note: Optional[str] = None


class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: list[T] = []

    def push(self, item: T) -> None:
        self.items.append(item)

    def pop(self) -> T:
        return self.items.pop()


class Movie(TypedDict):
    title: str
    year: int


class Point(NamedTuple):
    x: int
    y: int = 0


class Greeter(Protocol):
    def greet(self) -> str: ...


class English:
    def greet(self) -> str:
        return "hello"


def welcome(g: Greeter) -> str:
    return g.greet()


print(Item("a", 1.5), [f.name for f in dataclasses.fields(Item)], Item.count)
s: Stack[int] = Stack()
s.push(1)
s.push(2)
print(s.pop(), s.items, Stack[int])
m: Movie = {"title": "Up", "year": 2009}
print(m, Movie.__annotations__ if False else sorted(Movie.__required_keys__))
print(Point(1), Point._fields, welcome(English()))
print(typing.get_type_hints(Item))
print(typing.get_type_hints(welcome))
print(Item.__annotations__)
print(typing.get_origin(list[int]), typing.get_args(dict[str, int]), Optional[int])
