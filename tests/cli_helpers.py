"""Run the ``nazif`` command in this process, or as a subprocess, with the same result type.

:func:`run_cli` calls :func:`nazif.cli.main` with standard input, output and
error replaced by byte buffers (so ``sys.stdout.buffer`` works as on a pipe:
not a terminal, UTF-8), the environment and working folder changed only for
the call, and everything restored afterwards.  It checks that the command left
no signal handler and no standard stream changed behind it, since ``main()``
is also meant to be called from Python.  :func:`run_process` runs
``python -m nazif`` for the tests that need a real process (signals, closed
descriptors, ptys, broken pipes, a fresh interpreter).
"""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from nazif.cli import main

#: Signals whose handlers the command may change while it runs, and must restore.
_SIGNALS = tuple(getattr(signal, n) for n in ("SIGINT", "SIGTERM", "SIGHUP", "SIGPIPE") if hasattr(signal, n))


@dataclass(frozen=True)
class Result:
    """What a run of the command gave (the fields of :class:`subprocess.CompletedProcess` tests use)."""

    args: tuple[str, ...]
    returncode: int
    stdout: bytes
    stderr: bytes


@contextmanager
def _environment(cwd: Path | str | None, env: dict[str, str] | None) -> Iterator[None]:
    saved_env = dict(os.environ)
    saved_cwd = os.getcwd()
    os.environ.pop("NO_COLOR", None)  # as run_process: colour decisions are the test's
    os.environ.update(env or {})
    if cwd is not None:
        os.chdir(cwd)
    try:
        yield
    finally:
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)


def run_cli(
    *args: str,
    input: bytes | None = None,
    cwd: Path | str | None = None,
    env: dict[str, str] | None = None,
) -> Result:
    """``nazif *args`` run in this process through :func:`nazif.cli.main`.

    An exception escaping ``main`` propagates (the command itself would have
    printed a traceback: always a bug).
    """
    out, err = io.BytesIO(), io.BytesIO()
    stdin = io.TextIOWrapper(io.BytesIO(input or b""), encoding="utf-8")
    stdout = io.TextIOWrapper(out, encoding="utf-8", write_through=True)
    stderr = io.TextIOWrapper(err, encoding="utf-8", errors="backslashreplace", write_through=True)
    saved_streams = (sys.stdin, sys.stdout, sys.stderr)
    saved_handlers = {sig: signal.getsignal(sig) for sig in _SIGNALS}
    changed: list[int] = []
    try:
        with _environment(cwd, env):
            sys.stdin, sys.stdout, sys.stderr = stdin, stdout, stderr
            try:
                code = main(list(args))
            finally:
                streams = (sys.stdin, sys.stdout, sys.stderr)
                sys.stdin, sys.stdout, sys.stderr = saved_streams
    finally:
        for sig, handler in saved_handlers.items():
            if signal.getsignal(sig) != handler:
                changed.append(sig)
                if handler is not None:
                    signal.signal(sig, handler)
    assert streams == (stdin, stdout, stderr), "the command replaced a standard stream"
    assert not changed, f"the command left signal handlers changed: {changed}"
    return Result(tuple(args), code, out.getvalue(), err.getvalue())


def run_process(
    *args: str,
    input: bytes | None = None,
    cwd: Path | str | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 60,
) -> subprocess.CompletedProcess:
    """``python -m nazif *args`` as a subprocess (stdin from ``input``, outputs captured)."""
    full_env = dict(os.environ)
    full_env.pop("NO_COLOR", None)
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "nazif", *args],
        input=input if input is not None else b"",
        capture_output=True,
        cwd=cwd,
        env=full_env,
        timeout=timeout,
    )
