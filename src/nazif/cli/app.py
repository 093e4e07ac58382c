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

import importlib
import inspect
import json
import os
import signal
import sys
from collections.abc import Callable, Iterable
from typing import Any

from .errors import (
    EXIT_BROKEN_PIPE,
    EXIT_DATA,
    EXIT_INTERRUPTED,
    EXIT_TERMINATED,
    CLIError,
    DataError,
    UsageError,
)

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


# -- pipelines ------------------------------------------------------------------
def _spec_names(spec: Any) -> Iterable[str]:
    """The registered step names a pipeline spec mentions."""
    if isinstance(spec, dict):
        if isinstance(spec.get("preset"), str):
            from ..presets import PRESETS

            yield from _spec_names(PRESETS.get(spec["preset"], []))
        if "step" in spec and isinstance(spec["step"], str):
            yield spec["step"]
        if isinstance(spec.get("steps"), list):
            yield from _spec_names(spec["steps"])
        return
    if isinstance(spec, str):
        yield spec
        return
    if isinstance(spec, list):
        if len(spec) == 2 and isinstance(spec[0], str) and isinstance(spec[1], dict):
            yield spec[0]
            return
        for item in spec:
            yield from _spec_names(item)


def _preload(names: Iterable[str], where: str = "") -> None:
    """Check that every step name is known, importing only the modules that
    define them (a built-in step's home module, else every step module)."""
    from ..steps import get_info

    for name in names:
        try:
            get_info(name)
        except KeyError as exc:
            prefix = f"{where}: " if where else ""
            raise UsageError(f"{prefix}{exc.args[0]}") from None
        except Exception as exc:  # a subsystem that fails to import
            raise DataError(f"cannot load step {name!r}: {type(exc).__name__}: {exc}") from None


def _validate(pipeline: Any) -> None:
    """Check every step's options now, so a typo is a usage error, not a crash later."""
    for s in pipeline.steps:
        try:
            inspect.signature(s.func).bind("", **s.options)
        except TypeError as exc:
            raise UsageError(f"step {s.name}: {exc}") from None
        except ValueError:  # no signature available
            pass
        try:
            s.func("", **s.options)
        except Exception as exc:
            raise UsageError(f"step {s.name}: invalid options {s.options}: {exc}") from None


def build_pipeline(args: Any) -> Any:
    """The pipeline named by ``--preset``, ``--steps`` or ``--config`` (default: display)."""
    from ..pipeline import Pipeline
    from .args import DEFAULT_PRESET, parse_steps

    spec: Any
    if getattr(args, "config", None):
        try:
            with open(args.config, encoding="utf-8") as fh:
                spec = json.load(fh)
        except OSError as exc:
            raise UsageError(f"cannot read --config {args.config}: {exc.strerror or exc}") from None
        except ValueError as exc:
            raise UsageError(f"--config {args.config}: not valid JSON: {exc}") from None
        except RecursionError:
            raise UsageError(f"--config {args.config}: nested deeper than the JSON parser allows") from None
        if not isinstance(spec, (list, dict)):
            raise UsageError(f"--config {args.config}: expected a list of steps or an object")
        where = f"--config {args.config}"
    elif getattr(args, "steps", None):
        spec = parse_steps(args.steps)
        where = "--steps"
    else:
        spec = {"preset": getattr(args, "preset", None) or DEFAULT_PRESET}
        where = "--preset"
    if isinstance(spec, dict) and "preset" in spec:
        from ..presets import preset_names

        if spec["preset"] not in preset_names():
            raise UsageError(
                f"{where}: unknown preset {spec['preset']!r}; presets: {', '.join(preset_names())}"
            )
    _preload(_spec_names(spec), where)
    try:
        pipeline = Pipeline.from_spec(spec)
    except KeyError as exc:
        raise UsageError(f"{where}: {exc.args[0] if exc.args else exc}") from None
    except (TypeError, ValueError) as exc:
        raise UsageError(f"{where}: {exc}") from None
    except ImportError as exc:
        raise DataError(f"cannot load the steps: {exc}") from None
    if not pipeline.steps:
        raise UsageError(f"{where}: the pipeline has no steps")
    mode = getattr(args, "mode", None)
    if mode:
        if "remove_chrome" not in pipeline.names:
            raise UsageError("--mode needs a pipeline with remove_chrome (e.g. --preset corpus)")
        for s in pipeline.steps:
            if s.name == "remove_chrome":
                s.options["mode"] = mode
    _validate(pipeline)
    return pipeline


# -- formats --------------------------------------------------------------------
_SUFFIX_KINDS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".tsv": "tsv"}


def _kind_from_name(path: str | None) -> str | None:
    if path is None:
        return None
    name = path[:-3] if path.endswith(".gz") else path
    return _SUFFIX_KINDS.get(os.path.splitext(name)[1].lower())


def resolve_format(args: Any, inputs: list[Any]) -> tuple[str, str]:
    """``(kind, delimiter)``: the format flag, or the one the file names agree on."""
    fmt = getattr(args, "format", None)
    if fmt is None:
        kinds = {_kind_from_name(i.path) for i in inputs}
        detected = {k for k in kinds if k}
        if len(detected) > 1 or (detected and None in kinds):
            raise UsageError(
                "inputs of different formats; say which with --text, --lines, --jsonl, --csv or --tsv"
            )
        fmt = detected.pop() if detected else "text"
    delimiter = ","
    if fmt == "tsv":
        fmt, delimiter = "csv", "\t"
    if getattr(args, "delimiter", None):
        d = args.delimiter
        d = {"\\t": "\t", "tab": "\t", "TAB": "\t"}.get(d, d)
        if len(d) != 1 or d in '"\r\n':
            raise UsageError(f"--delimiter must be one character, got {args.delimiter!r}")
        delimiter = d
    return fmt, delimiter


def resolve_fields(args: Any, kind: str) -> list[str]:
    """The fields to clean (default ``text``) for record formats."""
    fields = getattr(args, "field", None) or []
    if kind in ("jsonl", "csv"):
        fields = fields or ["text"]
        if len(set(fields)) != len(fields):
            raise UsageError("a --field is given twice")
        if kind == "jsonl":
            from .records import field_trie

            field_trie(fields)  # checks the paths
        return fields
    if fields:
        raise UsageError("--field needs --jsonl or --csv (or a .jsonl, .csv or .tsv file)")
    return []


def import_subsystem(module: str, command: str) -> Any:
    """Import ``nazif.scripts`` or ``nazif.chrome`` for ``command``, or explain why not."""
    try:
        return importlib.import_module(module)
    except Exception as exc:
        raise DataError(
            f"'{command}' needs {module}, which cannot be imported: {type(exc).__name__}: {exc}"
        ) from None


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
