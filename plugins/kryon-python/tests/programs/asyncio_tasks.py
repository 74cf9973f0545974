import asyncio


async def worker(name, delay, results):
    for i in range(3):
        await asyncio.sleep(delay)
        results.append(f"{name}{i}")
    return name.upper()


async def failing():
    await asyncio.sleep(0.001)
    raise ValueError("task failed")


async def agen(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i * i


async def main():
    results = []
    out = await asyncio.gather(worker("a", 0.002, results), worker("b", 0.003, results))
    print(out, sorted(results))
    res = await asyncio.gather(failing(), worker("c", 0, []), return_exceptions=True)
    print([type(r).__name__ if isinstance(r, Exception) else r for r in res])
    try:
        await asyncio.wait_for(asyncio.sleep(10), timeout=0.01)
    except asyncio.TimeoutError:
        print("timed out")
    print([x async for x in agen(5)])
    q = asyncio.Queue()

    async def producer():
        for i in range(4):
            await q.put(i)
        await q.put(None)

    async def consumer():
        got = []
        while (item := await q.get()) is not None:
            got.append(item)
        return got

    _, got = await asyncio.gather(producer(), consumer())
    print("consumed", got)
    task = asyncio.create_task(asyncio.sleep(5))
    await asyncio.sleep(0)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("cancelled", task.cancelled())
    lock = asyncio.Lock()
    counter = 0

    async def incr():
        nonlocal counter
        async with lock:
            v = counter
            await asyncio.sleep(0)
            counter = v + 1

    await asyncio.gather(*(incr() for _ in range(10)))
    print("counter", counter)
    ev = asyncio.Event()

    async def waiter():
        await ev.wait()
        return "event seen"

    t = asyncio.create_task(waiter())
    ev.set()
    print(await t)
    sem = asyncio.Semaphore(2)
    active, peak = 0, 0

    async def limited(i):
        nonlocal active, peak
        async with sem:
            active += 1
            peak = max(peak, active)
            await asyncio.sleep(0.001)
            active -= 1
        return i

    print(await asyncio.gather(*(limited(i) for i in range(5))), "peak", peak)
    done, pending = await asyncio.wait(
        [asyncio.create_task(asyncio.sleep(0.001, result=r)) for r in "xyz"]
    )
    print(sorted(t.result() for t in done), len(pending))
    return "main done"


print(asyncio.run(main()))
