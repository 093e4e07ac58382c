"""How :func:`nazif.cli.app.run` turns what a command raises into an exit code and a message.

In-process, with a stand-in command; the real signals, pipes and closed
descriptors are exercised end to end by subprocess tests in ``test_cli.py``
and ``test_cli_outputs.py``.
"""

from __future__ import annotations

import errno
import os
import signal
import sys

import pytest

from cli_helpers import run_cli
from nazif.cli import app

posix_only = pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="needs SIGHUP")


def _command_raising(monkeypatch, exc: BaseException) -> None:
    def command(args):
        raise exc

    monkeypatch.setattr(app, "_command", lambda args: command)


@pytest.mark.parametrize(
    "exc, code, message",
    [
        (KeyboardInterrupt(), 130, ""),
        (app._Terminated(signal.SIGTERM), 143, ""),
        (BrokenPipeError(errno.EPIPE, "Broken pipe"), 141, ""),
        (MemoryError(), 1, "nazif: out of memory (MemoryError): a document or record too large"),
        (RecursionError(), 1, "nazif: the input is nested too deeply to process (RecursionError)\n"),
        (
            OSError(errno.EIO, "Input/output error", "f.txt"),
            1,
            "nazif: input/output error f.txt: Input/output error\n",
        ),
        (OSError(errno.EIO, "Input/output error"), 1, "nazif: input/output error: Input/output error\n"),
    ],
    ids=["ctrl-c", "sigterm", "broken-pipe", "memory", "recursion", "oserror-file", "oserror"],
)
def test_exceptions_become_exit_codes(monkeypatch, exc, code, message):
    _command_raising(monkeypatch, exc)
    proc = run_cli("steps")
    assert proc.returncode == code
    assert proc.stdout == b""
    if message:
        assert proc.stderr.decode().startswith(message) and proc.stderr.count(b"\n") == 1
    else:
        assert proc.stderr == b""


@posix_only
def test_sighup_exits_with_129(monkeypatch):
    _command_raising(monkeypatch, app._Terminated(signal.SIGHUP))
    assert run_cli("steps").returncode == 129


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP"])
def test_stop_signals_are_caught_while_running_and_restored_after(monkeypatch, name):
    sig = getattr(signal, name, None)
    if sig is None:
        pytest.skip(f"no {name} here")
    if sig != signal.SIGTERM and signal.getsignal(sig) == signal.SIG_IGN:
        pytest.skip(f"{name} is ignored (started under nohup): run leaves it so")
    before = signal.getsignal(sig)

    def command(args):
        # only send the signal once run() is known to catch it (else it would stop pytest)
        assert signal.getsignal(sig) is app._on_sigterm
        os.kill(os.getpid(), sig)
        raise AssertionError("the signal did not stop the command")

    monkeypatch.setattr(app, "_command", lambda args: command)
    proc = run_cli("steps")  # run_cli also fails if a handler is left changed
    assert proc.returncode == 128 + sig and proc.stderr == b""
    assert signal.getsignal(sig) == before


def test_a_usage_error_from_argparse_is_2_and_help_is_0():
    assert run_cli("clean", "--no-such-option").returncode == 2
    proc = run_cli("--help")
    assert proc.returncode == 0 and proc.stdout.startswith(b"usage: nazif")


def test_a_closed_stderr_is_replaced_by_the_null_device(monkeypatch):
    monkeypatch.setattr(sys, "stderr", None)
    app._fill_closed_std_fds()
    try:
        assert sys.stderr is not None and sys.stderr.name == os.devnull
    finally:
        sys.stderr.close()
