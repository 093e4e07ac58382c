"""Run tasks in this process or in ``--jobs N`` worker processes, in order.

The worker pool is small and explicit: each worker process has its own pipe
and a sender thread feeding it; one receiver thread collects results as they
come; the main thread reads the input, hands each task to the least loaded
worker and writes results in input order from a reorder buffer.  So:

- the output order is the input order, and the bytes are the same as with
  ``--jobs 1`` (the same :class:`~nazif.cli.engine.Cleaner` runs the tasks);
- at most ``WINDOW_PER_JOB * N`` tasks (about 1 MB each) are in flight or
  waiting to be written, so memory stays flat however large the input is;
- a slow task (a big document, or a worker the OS runs less) does not stall
  the other workers until the reorder window is full;
- a worker killed by a signal cannot deadlock the others (no lock is shared
  between workers, unlike :class:`multiprocessing.pool.Pool`, whose task
  queue lock dies with a worker killed while holding it);
- the workers ignore Ctrl-C; the main process stops them and cleans up.

The input is read in the main thread, so Ctrl-C while waiting for a slow
stdin is handled there, and no thread ever blocks sending to a worker that is
itself waiting to hand back a result.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import multiprocessing.connection
import os
import queue
import signal
import sys
import threading
import traceback
from collections import deque
from collections.abc import Generator, Iterable
from typing import Any

from .engine import Cleaner, Job, Outcome, Task
from .errors import DataError

__all__ = ["WINDOW_PER_JOB", "effective_jobs", "run_tasks"]

PER_WORKER = 2  # tasks a worker holds: one running, one waiting
WINDOW_PER_JOB = 4  # tasks in flight or waiting to be written, per worker

# Signals held back while worker processes start, so that a Ctrl-C at that
# moment cannot reach a worker before it has set itself up to ignore it.
_STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}


_PR_SET_PDEATHSIG = 1  # prctl option (linux/prctl.h)


def _die_with_parent() -> None:
    """Ask the kernel to send this worker SIGTERM when its parent dies, even by
    SIGKILL (Linux; elsewhere a dead parent closes the pipe and ``recv`` ends).
    A worker whose parent is already gone exits at once."""
    parent = os.getppid()
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGTERM), 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent or parent == 1:
        os._exit(0)


def _worker_main(conn: Any, job: Job) -> None:
    # Ctrl-C reaches the whole process group: the main process handles it.
    # SIGTERM (how the main process stops workers) kills quietly instead of
    # running the handler inherited through fork.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "SIGHUP"):
        signal.signal(signal.SIGHUP, signal.SIG_DFL)
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):  # blocked by the parent around the start
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)
    _die_with_parent()
    cleaner = Cleaner(job)
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        try:
            result: tuple[str, Any] = ("ok", cleaner.run(task))
        except MemoryError:
            result = ("memory", "")
        except RecursionError:
            result = ("recursion", "")
        except Exception:
            result = ("error", traceback.format_exc())
        try:
            conn.send(result)
        except (BrokenPipeError, OSError):
            return


def effective_jobs(jobs: int) -> int:
    """``jobs``, with 0 meaning one per CPU available to this process."""
    if jobs > 0:
        return jobs
    try:
        return max(1, len(os.sched_getaffinity(0)))  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _strip(task: Task) -> Task:
    return dataclasses.replace(task, data=b"", prefix=b"")


class _Workers:
    """N worker processes, each with its own pipe and sender thread, and one
    receiver thread that collects results as they come.

    A task goes to the least loaded worker that has room (at most
    ``PER_WORKER`` tasks each: one running, one waiting), so a worker slowed
    down by a big document or by other programs on the machine does not hold
    the others back; results wait in a reorder buffer until they can be
    written in order.
    """

    def __init__(self, job: Job, n: int) -> None:
        ctx = multiprocessing.get_context()
        self.conns: list[Any] = []
        self.procs: list[Any] = []
        blocked = hasattr(signal, "pthread_sigmask")
        if blocked:
            previous = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
        try:
            for _ in range(n):
                parent, child = ctx.Pipe()
                proc = ctx.Process(target=_worker_main, args=(child, job), daemon=True)
                self.procs.append(proc)
                self.conns.append(parent)
                proc.start()
                child.close()
        except BaseException:
            for proc in self.procs:
                if proc.is_alive():
                    proc.terminate()
            raise
        finally:
            if blocked:
                signal.pthread_sigmask(signal.SIG_SETMASK, previous)
        self.cond = threading.Condition()
        self.load = [0] * n
        self.seqs: list[deque[int]] = [deque() for _ in range(n)]
        self.done: dict[int, tuple[str, Any]] = {}
        self.failure: str | None = None
        self.closing = False
        self.queues: list[queue.SimpleQueue[Task | None]] = [queue.SimpleQueue() for _ in range(n)]
        for index in range(n):
            threading.Thread(
                target=self._send_loop, args=(index,), name=f"nazif-send-{index}", daemon=True
            ).start()
        threading.Thread(target=self._receive_loop, name="nazif-receive", daemon=True).start()

    # -- threads ---------------------------------------------------------------
    def _send_loop(self, index: int) -> None:
        inbox, conn = self.queues[index], self.conns[index]
        while True:
            task = inbox.get()
            try:
                conn.send(task)
            except (OSError, ValueError):  # the worker is gone; the receiver reports it
                return
            if task is None:
                return

    def _receive_loop(self) -> None:
        live = list(self.conns)
        while live:
            try:
                ready: list[Any] = multiprocessing.connection.wait(live, timeout=0.5)
            except (OSError, ValueError):  # connections closed under us: shutting down
                return
            for conn in ready:
                index = self.conns.index(conn)
                try:
                    result = conn.recv()
                except (EOFError, OSError, ValueError):
                    live.remove(conn)
                    with self.cond:
                        if not self.closing:
                            code = self.procs[index].exitcode
                            self.failure = f"a worker process died unexpectedly (exit code {code})"
                        self.cond.notify_all()
                    continue
                with self.cond:
                    self.done[self.seqs[index].popleft()] = result
                    self.load[index] -= 1
                    self.cond.notify_all()

    # -- main thread -----------------------------------------------------------
    def has_room(self) -> bool:
        return min(self.load) < PER_WORKER

    def submit(self, seq: int, task: Task) -> None:
        with self.cond:
            index = min(range(len(self.load)), key=self.load.__getitem__)
            self.load[index] += 1
            self.seqs[index].append(seq)
        self.queues[index].put(task)

    def wait(self, seq: int, for_room: bool) -> None:
        """Wait until result ``seq`` is in (or, with ``for_room``, a worker has room)."""
        with self.cond:
            while seq not in self.done and not (for_room and self.has_room()) and self.failure is None:
                self.cond.wait(0.5)  # a timeout, so Ctrl-C is handled promptly
            if self.failure is not None and seq not in self.done:
                raise DataError(self.failure)

    def take(self, seq: int) -> Outcome | None:
        """Result ``seq`` if it is in, else ``None``."""
        with self.cond:
            result = self.done.pop(seq, None)
        if result is None:
            return None
        kind, value = result
        if kind == "memory":
            raise MemoryError  # reported by the command as one line
        if kind == "recursion":
            raise RecursionError
        if kind == "error":
            raise RuntimeError(f"a worker process failed:\n{value}")
        return value  # type: ignore[no-any-return]

    def close(self, graceful: bool) -> None:
        with self.cond:
            self.closing = True
        for inbox in self.queues:
            inbox.put(None)  # ends each sender thread (and its worker, if it is idle)
        if graceful:
            for proc in self.procs:
                proc.join(timeout=5)
        for proc in self.procs:
            if proc.is_alive():
                proc.terminate()
        for proc in self.procs:
            proc.join(timeout=5)
        for conn in self.conns:
            conn.close()


def run_tasks(job: Job, tasks: Iterable[Task], jobs: int = 1) -> Generator[tuple[Task, Outcome], None, None]:
    """Yield ``(task, outcome)`` for each task, in the order of ``tasks``.

    The yielded task has its data dropped (only its position and flags are
    kept).  Closing the generator early stops the workers.
    """
    if jobs <= 1:
        cleaner = Cleaner(job)
        for task in tasks:
            outcome = cleaner.run(task)
            yield _strip(task), outcome
        return
    workers = _Workers(job, jobs)
    graceful = False
    window = WINDOW_PER_JOB * jobs
    metas: dict[int, Task] = {}
    submitted = 0
    written = 0
    try:
        for task in tasks:
            while True:
                taken = workers.take(written)
                if taken is not None:  # write whatever is ready, in order
                    yield metas.pop(written), taken
                    written += 1
                    continue
                if submitted - written < window and workers.has_room():
                    break
                workers.wait(written, for_room=submitted - written < window)
            workers.submit(submitted, task)
            metas[submitted] = _strip(task)
            submitted += 1
        while written < submitted:
            workers.wait(written, for_room=False)
            taken = workers.take(written)
            if taken is not None:
                yield metas.pop(written), taken
                written += 1
        graceful = True
    finally:
        workers.close(graceful)
