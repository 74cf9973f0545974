import heapq
import bisect
from collections import namedtuple

Task = namedtuple("Task", "priority name duration")
tasks = [
    Task(3, "write", 5),
    Task(1, "plan", 2),
    Task(2, "code", 8),
    Task(1, "coffee", 1),
    Task(5, "deploy", 3),
]
heap = list(tasks)
heapq.heapify(heap)
order = []
while heap:
    order.append(heapq.heappop(heap).name)
print(order)
h = []
for i, word in enumerate("the quick brown fox jumps over the lazy dog".split()):
    heapq.heappush(h, (len(word), -i, word))
print([heapq.heappop(h)[2] for _ in range(4)], len(h))
print(heapq.nlargest(3, [5, 1, 8, 3, 9, 2]), heapq.nsmallest(2, tasks, key=lambda t: t.duration))
print(
    list(heapq.merge([1, 4, 7], [2, 5, 8], [0, 9])),
    heapq.heappushpop([1, 5], 3),
    heapq.heapreplace([1, 5], 3),
)


def dijkstra(graph, start):
    dist = {start: 0}
    pq = [(0, start)]
    while pq:
        d, node = heapq.heappop(pq)
        if d > dist.get(node, float("inf")):
            continue
        for nxt, w in graph.get(node, []):
            nd = d + w
            if nd < dist.get(nxt, float("inf")):
                dist[nxt] = nd
                heapq.heappush(pq, (nd, nxt))
    return dist


graph = {"A": [("B", 4), ("C", 1)], "C": [("B", 2), ("D", 7)], "B": [("D", 1)], "D": []}
print(sorted(dijkstra(graph, "A").items()))
grades = [60, 70, 80, 90]
letters = "FDCBA"
print([letters[bisect.bisect(grades, s)] for s in (33, 60, 75, 89, 90, 100)])
sorted_list = [1, 3, 3, 3, 7, 9]
print(
    bisect.bisect_left(sorted_list, 3),
    bisect.bisect_right(sorted_list, 3),
    bisect.bisect(sorted_list, 10),
)
bisect.insort(sorted_list, 5)
bisect.insort_left(sorted_list, 3)
print(sorted_list)
people = sorted([("bob", 25), ("amy", 31), ("cat", 19)], key=lambda p: p[1])
ages = [p[1] for p in people]
print(people[bisect.bisect_left(ages, 25)], bisect.bisect_left(people, 30, key=lambda p: p[1]))


class Scheduler:
    def __init__(self):
        self.queue = []
        self.counter = 0
        self.clock = 0

    def at(self, time, label):
        heapq.heappush(self.queue, (time, self.counter, label))
        self.counter += 1

    def run(self):
        while self.queue:
            self.clock, _, label = heapq.heappop(self.queue)
            print(f"t={self.clock:>3}: {label}")
            if label.startswith("repeat") and self.clock < 30:
                self.at(self.clock + 10, label)


s = Scheduler()
s.at(5, "start")
s.at(1, "boot")
s.at(5, "also at 5")
s.at(10, "repeat tick")
s.run()
running = []
for x in [5, 2, 8, 1, 9, 3]:
    bisect.insort(running, x)
    print(running[len(running) // 2], end=" ")
print()
