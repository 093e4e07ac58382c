"""From parsed options to what a command runs: the pipeline, the input format, the fields.

Shared by the subcommands (``clean``, ``explain``, ``segments``, ``scripts``,
``chrome``) and imported by none of the modules it serves, so the command
modules and :mod:`nazif.cli.app` (which dispatches to them) form no import
circle.  Every problem with the options is a :class:`UsageError` (exit 2); a
step or subsystem that cannot be imported is a :class:`DataError` (exit 1).
"""

from __future__ import annotations

import importlib
import inspect
import json
import os
from collections.abc import Iterable
from typing import Any

from .errors import DataError, UsageError
from .user_modules import import_user_modules

__all__ = ["build_pipeline", "import_subsystem", "resolve_fields", "resolve_format"]


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
    """The pipeline named by ``--preset``, ``--steps`` or ``--config`` (default: display),
    after the ``--import`` modules."""
    from ..pipeline import Pipeline
    from .args import DEFAULT_PRESET, parse_steps

    import_user_modules(getattr(args, "imports", None) or [])
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
