import asyncio


async def fetch(name, delay, fail=False):
    print(f"start {name}")
    await asyncio.sleep(delay)
    if fail:
        raise ConnectionError(f"{name} failed")
    print(f"done {name}")
    return name.upper()


async def producer(queue, n):
    for i in range(n):
        await queue.put(i)
    await queue.put(None)


async def consumer(queue, results):
    while True:
        item = await queue.get()
        if item is None:
            break
        results.append(item * item)


async def ticker(n, label):
    out = []
    for i in range(n):
        out.append(f"{label}{i}")
        await asyncio.sleep(0)
    return out


async def main():
    print(await fetch("one", 0))
    results = await asyncio.gather(fetch("a", 0.02), fetch("b", 0.01), fetch("c", 0))
    print(results)
    outcome = await asyncio.gather(
        fetch("ok", 0), fetch("bad", 0, fail=True), return_exceptions=True
    )
    print([type(r).__name__ for r in outcome], outcome[1])
    try:
        await asyncio.gather(fetch("x", 0, fail=True))
    except ConnectionError as e:
        print("caught", e)
    queue = asyncio.Queue()
    squares = []
    await asyncio.gather(producer(queue, 5), consumer(queue, squares))
    print(squares)
    print(await asyncio.gather(ticker(3, "a"), ticker(2, "b")))
    task = asyncio.create_task(fetch("bg", 0.01))
    print("task created", task.done())
    await task
    print("task result", task.result(), task.done())
    slow = asyncio.create_task(asyncio.sleep(5))
    await asyncio.sleep(0)
    slow.cancel()
    try:
        await slow
    except asyncio.CancelledError:
        print("cancelled", slow.cancelled())
    try:
        await asyncio.wait_for(asyncio.sleep(1), timeout=0.01)
    except TimeoutError:
        print("timed out")
    lock = asyncio.Lock()
    counter = 0

    async def incr():
        nonlocal counter
        async with lock:
            value = counter
            await asyncio.sleep(0)
            counter = value + 1

    await asyncio.gather(*(incr() for _ in range(10)))
    print("counter", counter)

    async def agen(n):
        for i in range(n):
            await asyncio.sleep(0)
            yield i * 10

    print([x async for x in agen(4)])
    async for v in agen(2):
        print("async for", v)
    done, pending = await asyncio.wait([asyncio.create_task(ticker(1, "w"))])
    print(len(done), len(pending), [t.result() for t in done])
    event = asyncio.Event()

    async def waiter():
        await event.wait()
        return "event seen"

    w = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    event.set()
    print(await w)
    return "main finished"


print(asyncio.run(main()))


async def boom():
    await asyncio.sleep(0)
    raise KeyError("async failure")


try:
    asyncio.run(boom())
except KeyError as e:
    print("asyncio.run raised", repr(e))
