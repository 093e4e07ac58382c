"""Entry point of the ``nazif`` command: parse, dispatch, and turn errors into exit codes.

User errors print one line ``nazif: <message>`` on stderr and exit with 2
(usage) or 1 (data or I/O); so do running out of memory, input nested too
deeply to process, and a closed standard output (``nazif clean f >&-``).
Ctrl-C exits with 130, SIGTERM with 143, SIGHUP with 129, a
closed output pipe (``nazif clean big | head``) quietly with 141.  In every
case, temporary output files are deleted first.  Subsystems (scripts,
chrome) are imported only by the subcommands that need them.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable
from typing import Any

from .errors import (
    EXIT_BROKEN_PIPE,
    EXIT_DATA,
    EXIT_INTERRUPTED,
    EXIT_TERMINATED,
    CLIError,
)

# Kept importable from here as before; the command modules import them from .options.
from .options import build_pipeline, import_subsystem, resolve_fields, resolve_format

__all__ = ["build_pipeline", "import_subsystem", "resolve_fields", "resolve_format", "run"]


class _Terminated(BaseException):
    """Raised in the main process by SIGTERM or SIGHUP, so cleanup runs."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _on_sigterm(signum: int, frame: Any) -> None:
    raise _Terminated(signum)


#: Signals that stop the command with cleanup (temporary output removed): SIGTERM, and
#: SIGHUP (the terminal went away) where the platform has it.
_STOP_SIGNALS = tuple(getattr(signal, n) for n in ("SIGTERM", "SIGHUP") if hasattr(signal, n))


# -- running ----------------------------------------------------------------------
def _silence_stdout() -> None:
    """After a broken pipe: point stdout at /dev/null so the exit flush is quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _command(args: Any) -> Callable[[Any], int | None]:
    if args.command == "clean":
        from .clean import cmd_clean

        return cmd_clean
    if args.command == "explain":
        from .explain import cmd_explain

        return cmd_explain
    from . import tools

    if args.command == "chrome":
        return tools.cmd_chrome_find if args.chrome_command == "find" else tools.cmd_chrome_learn
    return {
        "segments": tools.cmd_segments,
        "scripts": tools.cmd_scripts,
        "steps": tools.cmd_steps,
        "presets": tools.cmd_presets,
    }[args.command]


def run(argv: list[str] | None = None) -> int:
    """Run ``nazif`` with ``argv``; return the exit code (never raises for user errors)."""
    from .args import build_parser
    from .io import abort_all

    _fill_closed_std_fds()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a usage error already printed
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    previous: dict[int, Any] = {}
    try:
        for sig in _STOP_SIGNALS:
            if sig != signal.SIGTERM and signal.getsignal(sig) == signal.SIG_IGN:
                continue  # started under nohup: SIGHUP stays ignored
            previous[sig] = signal.signal(sig, _on_sigterm)
    except ValueError:  # not the main thread
        pass
    try:
        return _command(args)(args) or 0
    except CLIError as exc:
        abort_all()
        _flush_quietly()
        _say(exc.message)
        return exc.code
    except MemoryError:
        abort_all()
        _say("out of memory (MemoryError): a document or record too large for the memory available")
        return EXIT_DATA
    except RecursionError:
        abort_all()
        _say("the input is nested too deeply to process (RecursionError)")
        return EXIT_DATA
    except KeyboardInterrupt:
        abort_all()
        return EXIT_INTERRUPTED
    except _Terminated as exc:
        abort_all()
        return EXIT_TERMINATED if exc.signum == signal.SIGTERM else 128 + int(exc.signum)
    except BrokenPipeError:
        abort_all()
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except OSError as exc:  # an I/O error no command turned into its own message
        abort_all()
        _flush_quietly()
        where = f" {exc.filename}" if getattr(exc, "filename", None) else ""
        _say(f"input/output error{where}: {exc.strerror or exc}")
        return EXIT_DATA
    finally:
        abort_all()
        for sig, handler in previous.items():
            try:
                signal.signal(sig, handler)
            except (ValueError, TypeError):
                pass


def _flush_quietly() -> None:
    if sys.stdout is None:
        return
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
    except (OSError, ValueError):
        _silence_stdout()  # e.g. EBADF: the exit flush would complain again


def _say(message: str) -> None:
    """``nazif: <message>`` on stderr (nowhere if stderr is closed too)."""
    try:
        if sys.stderr is not None:
            sys.stderr.write(f"nazif: {message}\n")
            sys.stderr.flush()
    except (OSError, ValueError):
        pass


def _fill_closed_std_fds() -> None:
    """Point a closed standard descriptor (0, 1 or 2) at the null device.

    Started as ``nazif clean f >&-``, descriptor 1 is free, and the next
    file opened (a temporary output, say) would take it: anything written to
    "standard output" would land in that file.  Python already set
    ``sys.stdout`` to ``None``, so writing there is still reported as an error.
    A closed stderr becomes the null device (messages are lost, not fatal).
    """
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            try:
                null = os.open(os.devnull, os.O_RDWR)
                if null != fd:
                    os.dup2(null, fd)
                    os.close(null)
            except OSError:
                pass
    if sys.stderr is None:  # 2>&-: warnings and the progress line go nowhere
        try:
            sys.stderr = open(os.devnull, "w", encoding="utf-8")  # open as long as the process
        except OSError:
            pass
