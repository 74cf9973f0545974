"""``clojure.lang.PersistentQueue``: a persistent first-in first-out queue.

As in Clojure, the queue is a front sequence and a rear vector: ``conj`` adds
to the rear (the front while the queue is empty), ``pop`` takes the front's
first element and, when the front runs out, the rear becomes the new front.
Every operation is O(1) (amortised for ``pop``), so breadth-first searches
can use it as they do in Clojure.

It is sequential and counted but neither a seq nor a list (``seq?`` and
``list?`` are false); ``seq`` walks it front to back.  Clojure has no printer
of its own for it, so it prints as a Java object (``#object[...]`` with
``Object.toString``, ``clojure.lang.PersistentQueue@3e2``), and ``(seq q)``
prints its elements.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pyrsistent import pvector

from kryon_lisp.types import EMPTY_LIST, PList, Seq, identity_hash, safe_hash

_EMPTY_VECTOR: Any = pvector()


class PersistentQueue:
    """An immutable queue: ``front`` (a seq or None), ``rear`` (a persistent vector), ``count``."""

    __slots__ = ("count", "front", "meta", "rear")
    java_class = "clojure.lang.PersistentQueue"

    def __init__(self, front: Seq | None, rear: Any, count: int, meta: Any = None) -> None:
        self.front = front
        self.rear = rear
        self.count = count
        self.meta = meta

    def conj(self, x: Any) -> PersistentQueue:
        if self.front is None:
            return PersistentQueue(PList(x, EMPTY_LIST), _EMPTY_VECTOR, self.count + 1, self.meta)
        return PersistentQueue(self.front, self.rear.append(x), self.count + 1, self.meta)

    def peek(self) -> Any:
        return None if self.front is None else self.front.first()

    def pop(self) -> PersistentQueue:
        """The queue without its first element; the empty queue pops to itself."""
        if self.front is None:
            return self
        front = self.front.next()
        rear = self.rear
        if front is None:
            front = QueueSeq(None, rear, 0) if len(rear) else None
            rear = _EMPTY_VECTOR
        return PersistentQueue(front, rear, self.count - 1, self.meta)

    def seq(self) -> Seq | None:
        if self.front is None:
            return None
        return QueueSeq(self.front, self.rear, 0)

    def with_meta(self, meta: Any) -> PersistentQueue:
        return PersistentQueue(self.front, self.rear, self.count, meta)

    def empty(self) -> PersistentQueue:
        return PersistentQueue(None, _EMPTY_VECTOR, 0, self.meta)

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[Any]:
        if self.front is not None:
            yield from self.front
        yield from self.rear

    def __eq__(self, other: object) -> bool:
        from kryon_lisp.equality import sequential_equals

        return sequential_equals(self, other)

    def __hash__(self) -> int:
        # as a seq's: the hash of the vector of its elements, so that an equal
        # vector, list or queue finds the same map entry
        return safe_hash(pvector(list(self)))

    def java_to_string(self) -> str:
        """``(str q)``: Object.toString, the class and the hex of ``hashCode``."""
        from kryon_lisp.clojure_hash import java_hash_code

        return f"{self.java_class}@{java_hash_code(self):x}"

    def printed(self, readably: bool) -> str:
        """How ``pr`` (``readably``) and ``print`` write it: as a Java object."""
        text = self.java_to_string()
        if readably:
            text = f'"{text}"'
        return f"#object[{self.java_class} 0x{identity_hash(self):x} {text}]"


class QueueSeq(Seq):
    """The seq of a queue: its front seq, then its rear vector from ``i``."""

    __slots__ = ("front", "i", "rear")

    def __init__(self, front: Seq | None, rear: Any, i: int) -> None:
        self.front = front
        self.rear = rear
        self.i = i

    def first(self) -> Any:
        return self.rear[self.i] if self.front is None else self.front.first()

    def next(self) -> Seq | None:
        if self.front is not None:
            front = self.front.next()
            if front is not None:
                return QueueSeq(front, self.rear, 0)
            return QueueSeq(None, self.rear, 0) if len(self.rear) else None
        i = self.i + 1
        return QueueSeq(None, self.rear, i) if i < len(self.rear) else None

    def more(self) -> Seq:
        s = self.next()
        return EMPTY_LIST if s is None else s

    def __iter__(self) -> Iterator[Any]:
        if self.front is not None:
            yield from self.front
            yield from self.rear
        else:
            for i in range(self.i, len(self.rear)):
                yield self.rear[i]


EMPTY_QUEUE = PersistentQueue(None, _EMPTY_VECTOR, 0)
"""``clojure.lang.PersistentQueue/EMPTY``."""
