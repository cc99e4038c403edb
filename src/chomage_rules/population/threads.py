"""Work spread over threads that stay: the calling thread and a pool kept for the process's life.

numpy releases the interpreter's lock in its column operations, so threads computing separate
rows run on separate cores. The pool's threads are started once, on the first call that wants
more than one, and kept (as numpy's own BLAS and pyarrow keep theirs): a thread started for each
call costs its start and, worse, its first chunk, whose memory (a new allocator arena) the
system must first zero (measured: 7 ms instead of 3 for the first chunk of a fresh thread). The
caller's thread takes its share of the work, so ``workers=2`` is the caller and one pool thread.
A child process made by ``fork`` starts without the parent's threads, and without its pool.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

__all__ = ["each"]

_T = TypeVar("_T")

_LOCK = threading.Lock()
_POOL: list[tuple[int, ThreadPoolExecutor]] = []
"""The pool and its number of threads, once made (a list: no ``global`` statement)."""


def _pool(threads: int) -> ThreadPoolExecutor:
    """The pool, with at least ``threads`` threads (a larger one replaces a smaller one)."""
    with _LOCK:
        if not _POOL or _POOL[0][0] < threads:
            if _POOL:
                _POOL.pop()[1].shutdown(wait=False)
            _POOL.append((threads, ThreadPoolExecutor(threads, thread_name_prefix="chomage-rules")))
        return _POOL[0][1]


def _forget_pool() -> None:
    _POOL.clear()  # a forked child has none of the parent's threads


os.register_at_fork(after_in_child=_forget_pool)


def each(work: Callable[[_T], None], items: Sequence[_T], workers: int) -> None:
    """``work(item)`` for every item, over ``workers`` threads (the caller's one of them).

    Each thread takes the next item not yet taken, so a slow item holds up no other; the items
    are taken in turn from as many equal runs as there are threads, so that the threads work
    far apart (two chunks of rows next to each other write the same huge pages of the result,
    whose first touch the system then makes one thread wait for: 13 ms lost at 1M rows). Every
    item is worked on even if one fails; then the exception of the first item that failed, in
    the items' order, is raised: the same one whatever the number of threads or their timing.
    """
    threads = min(workers, len(items))
    if threads <= 1:
        for item in items:
            work(item)
        return
    run = -(-len(items) // threads)  # the k-th run starts at k × run: 0, 8, 1, 9 … for 16 in 2
    order = [k * run + i for i in range(run) for k in range(threads) if k * run + i < len(items)]
    positions = iter(order)
    lock = threading.Lock()
    failures: dict[int, Exception] = {}

    def loop() -> None:
        while True:
            with lock:
                position = next(positions, None)
            if position is None:
                return
            try:
                work(items[position])
            except Exception as error:  # raised below, in the items' order
                failures[position] = error

    futures = [_pool(threads - 1).submit(loop) for _ in range(threads - 1)]
    try:
        loop()
    except BaseException:  # an interrupt in the caller's thread: the others take no more items
        with lock:
            positions = iter(())
        raise
    for future in futures:
        if not future.cancel():  # not started (the pool busy with another call's): no item left
            future.result()
    if failures:
        raise failures[min(failures)]
