import heapq
import random
from collections import defaultdict, deque
from dataclasses import dataclass, field
from enum import Enum


class EventKind(Enum):
    ARRIVE = 1
    START = 2
    FINISH = 3


@dataclass(order=True)
class Event:
    time: float
    seq: int
    kind: EventKind = field(compare=False)
    customer: int = field(compare=False)


class Bank:
    def __init__(self, tellers, seed):
        self.rng = random.Random(seed)
        self.free = tellers
        self.queue = deque()
        self.events = []
        self.seq = 0
        self.log = []
        self.waits = {}
        self.arrived = {}
        self.stats = defaultdict(int)

    def schedule(self, t, kind, cust):
        self.seq += 1
        heapq.heappush(self.events, Event(round(t, 3), self.seq, kind, cust))

    def run(self, customers):
        t = 0.0
        for c in range(customers):
            t += self.rng.expovariate(1.0)
            self.schedule(t, EventKind.ARRIVE, c)
        while self.events:
            ev = heapq.heappop(self.events)
            self.stats[ev.kind.name] += 1
            if ev.kind is EventKind.ARRIVE:
                self.arrived[ev.customer] = ev.time
                self.queue.append(ev.customer)
                self.try_start(ev.time)
            elif ev.kind is EventKind.START:
                self.schedule(ev.time + self.rng.uniform(0.5, 2.5), EventKind.FINISH, ev.customer)
            else:
                self.free += 1
                self.log.append((ev.time, ev.customer))
                self.try_start(ev.time)

    def try_start(self, now):
        while self.free and self.queue:
            cust = self.queue.popleft()
            self.free -= 1
            self.waits[cust] = now - self.arrived[cust]
            self.schedule(now, EventKind.START, cust)


for tellers in (1, 2, 3):
    bank = Bank(tellers, seed=42)
    bank.run(25)
    waits = sorted(bank.waits.values())
    print(
        f"tellers={tellers} served={len(bank.log)} avg_wait={sum(waits) / len(waits):.3f} "
        f"max_wait={waits[-1]:.3f} last_done={bank.log[-1][0]:.3f} stats={dict(bank.stats)}"
    )
print([c for _, c in bank.log[:10]])
grid = [[0] * 8 for _ in range(8)]
for y, x in [(1, 2), (2, 3), (3, 1), (3, 2), (3, 3)]:
    grid[y][x] = 1


def step(g):
    n = len(g)
    new = [[0] * n for _ in range(n)]
    for y in range(n):
        for x in range(n):
            alive = sum(
                g[(y + dy) % n][(x + dx) % n] for dy in (-1, 0, 1) for dx in (-1, 0, 1) if dy or dx
            )
            new[y][x] = 1 if alive == 3 or (alive == 2 and g[y][x]) else 0
    return new


for gen in range(4):
    grid = step(grid)
print("\n".join("".join("#" if c else "." for c in row) for row in grid))
rng = random.Random(2024)
walk = [0]
for _ in range(50):
    walk.append(walk[-1] + rng.choice((-1, 1)))
print(
    walk[-1], max(walk), min(walk), rng.sample(["a", "b", "c", "d"], 2), round(rng.gauss(10, 2), 4)
)
inventory = {"apple": 5, "pear": 0, "fig": 12}
orders = [("apple", 3), ("pear", 1), ("fig", 12), ("apple", 3), ("kiwi", 1)]
for item, qty in orders:
    try:
        have = inventory[item]
        if have < qty:
            raise ValueError(f"only {have} {item}(s) left, wanted {qty}")
        inventory[item] = have - qty
        print(f"shipped {qty} {item}")
    except KeyError as e:
        print(f"unknown item {e}")
    except ValueError as e:
        print(f"backorder: {e}")
print(inventory, sum(inventory.values()))
