"""The threads the population engine spreads its chunks over: every item once, the first failure
in the items' order whatever the timing, one pool kept for the process, none in a forked child;
and the table of what each chunk writes as the kernel computes it."""

import os
import threading
import time

import pytest

from chomage_rules.population.compute import _WRITTEN_AT, DETAIL_COLUMNS, OUTPUT_COLUMNS
from chomage_rules.population.threads import each


def test_every_item_is_worked_on_once_over_the_threads() -> None:
    done: list[int] = []
    names: set[str] = set()
    lock = threading.Lock()

    def work(item: int) -> None:
        time.sleep(0.001)
        with lock:
            done.append(item)
            names.add(threading.current_thread().name)

    each(work, range(40), workers=3)
    assert sorted(done) == list(range(40))
    assert threading.current_thread().name in names  # the caller's thread takes its share
    assert len(names) == 3 and len(names - {threading.current_thread().name}) == 2


def test_the_threads_start_far_apart() -> None:
    started: list[int] = []
    lock = threading.Lock()

    def work(item: int) -> None:
        with lock:
            started.append(item)
        time.sleep(0.002)

    each(work, range(16), workers=2)
    assert set(started[:2]) == {0, 8} and sorted(started) == list(range(16))
    started.clear()
    each(work, range(10), workers=3)  # runs of 4: 0-3, 4-7, 8-9
    assert set(started[:3]) == {0, 4, 8} and sorted(started) == list(range(10))


def test_the_first_failure_in_order_is_raised_whatever_the_timing() -> None:
    done: list[int] = []

    def work(item: int) -> None:
        if item == 3:
            time.sleep(0.05)  # fails last in time, first in order
            raise ValueError("item 3")
        if item == 7:
            raise ValueError("item 7")
        done.append(item)

    for workers in (1, 2, 4):
        done.clear()
        with pytest.raises(ValueError, match="item 3"):
            each(work, range(10), workers)
        # one thread stops at the failure; several work on the others, and still raise item 3's
        assert sorted(done) == ([0, 1, 2] if workers == 1 else [0, 1, 2, 4, 5, 6, 8, 9])


def test_the_pool_is_kept_from_one_call_to_the_next() -> None:
    def pool_threads() -> set[threading.Thread]:
        return {t for t in threading.enumerate() if t.name.startswith("chomage-rules")}

    def work(_: int) -> None:
        time.sleep(0.002)

    each(work, range(20), workers=2)
    kept = pool_threads()
    for _ in range(5):
        each(work, range(20), workers=2)
    assert kept and pool_threads() == kept  # no thread started, none stopped


def test_a_forked_child_makes_its_own_pool() -> None:
    each(lambda _: None, range(4), workers=2)  # the parent's pool exists
    child = os.fork()
    if child == 0:  # pragma: no cover - the child reports by its exit status
        done: list[int] = []
        each(done.append, range(8), workers=2)
        os._exit(0 if sorted(done) == list(range(8)) else 1)
    _, status = os.waitpid(child, 0)
    assert os.waitstatus_to_exitcode(status) == 0


def test_every_result_column_is_written_at_one_stage_of_the_kernel() -> None:
    written = [name for stage in _WRITTEN_AT.values() for name, _ in stage]
    assert sorted(written) == sorted([*OUTPUT_COLUMNS, *DETAIL_COLUMNS])


def test_calls_from_several_threads_share_the_pool_without_waiting_on_each_other() -> None:
    done: list[tuple[int, int]] = []
    lock = threading.Lock()

    def call(caller: int) -> None:
        def work(item: int) -> None:
            time.sleep(0.001)
            with lock:
                done.append((caller, item))

        each(work, range(12), workers=2)

    callers = [threading.Thread(target=call, args=(caller,)) for caller in range(6)]
    for thread in callers:
        thread.start()
    for thread in callers:
        thread.join(timeout=30)
    assert sorted(done) == [(caller, item) for caller in range(6) for item in range(12)]
