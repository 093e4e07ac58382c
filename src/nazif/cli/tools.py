"""The inspection subcommands: ``segments``, ``scripts``, ``chrome find``,
``chrome learn``, ``steps`` and ``presets``.

Each imports its subsystem (``nazif.scripts``, ``nazif.chrome``) only when
run, so a missing or broken subsystem breaks only its own subcommand.
Records are printed as JSON lines, with ``file`` (and ``record``/``field``
for JSONL and CSV inputs) first.
"""

from __future__ import annotations

import inspect
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from typing import Any

from .args import parse_value
from .documents import iter_documents
from .errors import DataError, UsageError
from .io import StdoutSink, encode_json_line, open_output, resolve_inputs, write_stdout
from .options import import_subsystem, resolve_fields, resolve_format

__all__ = [
    "cmd_chrome_find",
    "cmd_chrome_learn",
    "cmd_presets",
    "cmd_scripts",
    "cmd_segments",
    "cmd_steps",
]

_NO_LANGUAGE = {"neutral", "none", "common", "inherited"}


class _JsonLines:
    """Writes dictionaries to stdout as JSON lines (buffered, UTF-8)."""

    def __init__(self) -> None:
        self.stream = StdoutSink()
        self.pending: list[str] = []

    def write(self, obj: dict[str, Any]) -> None:
        self.pending.append(json.dumps(obj, ensure_ascii=False, default=str))
        if len(self.pending) >= 256:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            self.stream.write(encode_json_line("\n".join(self.pending) + "\n"))
            self.pending = []
        self.stream.flush()


def _documents(args: Any) -> Iterator[Any]:
    inputs = resolve_inputs(args.files)
    kind, delimiter = resolve_format(args, inputs)
    fields = resolve_fields(args, kind)
    return iter_documents(inputs, kind, fields, args.errors, delimiter)


def _as_dict(obj: Any, keys: tuple) -> dict[str, Any]:
    if hasattr(obj, "as_dict"):
        return dict(obj.as_dict())
    if isinstance(obj, dict):
        return dict(obj)
    return {k: getattr(obj, k) for k in keys if hasattr(obj, k)}


def _candidates(args: Any) -> list[str] | None:
    if not args.candidates:
        return None
    langs = [c.strip() for c in args.candidates.split(",") if c.strip()]
    if not langs:
        raise UsageError("--candidates: give language codes such as ar,en")
    return langs


def _language(scripts: Any, text: str, candidates: list[str] | None) -> dict[str, Any]:
    try:
        result = scripts.detect_language(text, candidates=candidates)
    except ValueError as exc:  # e.g. an unknown candidate language
        raise UsageError(f"--candidates: {exc}") from None
    lang = getattr(result, "lang", None)
    confidence = getattr(result, "confidence", None)
    if isinstance(confidence, float):
        confidence = round(confidence, 4)
    return {"lang": lang, "confidence": confidence}


def _emit_units(args: Any, units: Any, keys: tuple) -> int:
    scripts = import_subsystem("nazif.scripts", args.command)
    candidates = _candidates(args)
    if not args.no_language and not hasattr(scripts, "detect_language"):
        raise DataError("nazif.scripts has no detect_language; use --no-language")
    out = _JsonLines()
    for where, text in _documents(args):
        for unit in units(scripts, text):
            d = dict(where)
            d.update(_as_dict(unit, keys))
            if not args.no_language and "lang" not in d:
                if d.get("script") in _NO_LANGUAGE:
                    d.update({"lang": "und", "confidence": 0.0})
                else:
                    d.update(
                        _language(scripts, d.get("text", text[d.get("start", 0) : d.get("end")]), candidates)
                    )
            if not args.text_field:
                d.pop("text", None)
            out.write(d)
    out.flush()
    return 0


def cmd_segments(args: Any) -> int:
    return _emit_units(args, lambda scripts, text: scripts.segments(text), ("start", "end", "script", "text"))


def cmd_scripts(args: Any) -> int:
    return _emit_units(
        args, lambda scripts, text: scripts.classify_lines(text), ("line", "start", "end", "script", "text")
    )


def _load_lexicon(chrome: Any, path: str | None) -> Any:
    if path is None:
        return None
    if not os.path.exists(path):
        raise DataError(f"cannot read lexicon {path}: No such file or directory")
    try:
        lexicon_cls = getattr(chrome, "Lexicon", None)
        if lexicon_cls is not None and hasattr(lexicon_cls, "from_file"):
            site = lexicon_cls.from_file(path, source="site")
            return lexicon_cls.builtin() | site if hasattr(lexicon_cls, "builtin") else site
        return path
    except OSError as exc:
        raise DataError(f"cannot read lexicon {path}: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise DataError(f"lexicon {path}: {exc}") from None


def cmd_chrome_find(args: Any) -> int:
    chrome = import_subsystem("nazif.chrome", "chrome find")
    lexicon = _load_lexicon(chrome, args.lexicon)
    out = _JsonLines()
    for where, text in _documents(args):
        for removal in chrome.find(text, mode=args.mode, lexicon=lexicon):
            d = dict(where)
            d.update(_as_dict(removal, ("line", "start", "end", "rule", "entry")))
            d.setdefault("text", text[d["start"] : d["end"]] if "start" in d else None)
            out.write(d)
    out.flush()
    return 0


def cmd_chrome_learn(args: Any) -> int:
    chrome = import_subsystem("nazif.chrome", "chrome learn")
    options: dict[str, Any] = {}
    for item in args.set:
        key, eq, value = item.partition("=")
        if not eq or not key.strip():
            raise UsageError(f"--set expects NAME=VALUE, got {item!r}")
        options[key.strip()] = parse_value(value)
    counter = {"pages": 0}

    def pages() -> Iterator[str]:
        for _where, text in _documents(args):
            counter["pages"] += 1
            yield text

    page_iter = pages()
    try:
        inspect.signature(chrome.learn).bind(page_iter, **options)
    except TypeError as exc:
        raise UsageError(f"--set: {exc}") from None
    except ValueError:
        pass
    try:
        lexicon = chrome.learn(page_iter, **options)
    except NotImplementedError:
        raise DataError("'chrome learn' is not available in this version of nazif.chrome") from None
    except (TypeError, ValueError) as exc:
        if counter["pages"] == 0 and options:
            raise UsageError(f"--set: {exc}") from None
        raise
    header = f"site lexicon learned by nazif from {counter['pages']} pages"
    if args.output and args.output != "-":
        sink = open_output(args.output)
        sink.write(_lexicon_bytes(lexicon, header))
        sink.commit()
    else:
        write_stdout(_lexicon_bytes(lexicon, header))
    if not args.quiet:
        try:
            size = len(lexicon)
        except TypeError:
            size = None
        where = args.output if args.output and args.output != "-" else "standard output"
        cats = ""
        if hasattr(lexicon, "categories"):
            try:
                counts = lexicon.categories()
                cats = (
                    " (" + ", ".join(f"{k}: {v}" for k, v in sorted(counts.items())) + ")" if counts else ""
                )
            except Exception:
                cats = ""
        entries = f"{size:,} entries" if size is not None else "a lexicon"
        sys.stderr.write(
            f"nazif: learned {entries}{cats} from {counter['pages']:,} pages; saved to {where}\n"
        )
    return 0


def _lexicon_bytes(lexicon: Any, header: str) -> bytes:
    if hasattr(lexicon, "to_tsv"):
        try:
            return lexicon.to_tsv(header=header).encode("utf-8")
        except TypeError:
            return lexicon.to_tsv().encode("utf-8")
    fd, tmp = tempfile.mkstemp(suffix=".tsv")
    os.close(fd)
    try:
        lexicon.save(tmp)
        with open(tmp, "rb") as fh:
            return fh.read()
    finally:
        os.unlink(tmp)


def _registry() -> list[Any]:
    """The registered steps, sorted by name."""
    from ..steps import get_info, step_names

    return [get_info(n) for n in step_names()]


def cmd_steps(args: Any) -> int:
    infos = _registry()
    out: list[str] = []
    if args.json:
        for info in infos:
            out.append(
                json.dumps(
                    {
                        "name": info.name,
                        "lossless": info.lossless,
                        "summary": info.summary,
                        "module": info.module,
                    },
                    ensure_ascii=False,
                )
            )
    else:
        width = max((len(i.name) for i in infos), default=4)
        for info in infos:
            kind = "lossless" if info.lossless else "lossy"
            out.append(f"{info.name:<{width}}  {kind:<8}  {info.summary}")
    write_stdout(("\n".join(out) + "\n").encode("utf-8"))
    return 0


def _spec_text(spec: Any) -> str:
    if isinstance(spec, str):
        return spec
    if isinstance(spec, (list, tuple)) and len(spec) == 2 and isinstance(spec[1], dict):
        return (
            spec[0]
            + ":"
            + ",".join(
                f"{k}={json.dumps(v, ensure_ascii=False)}" if not isinstance(v, str) else f"{k}={v}"
                for k, v in spec[1].items()
            )
        )
    if isinstance(spec, dict):
        rest = {k: v for k, v in spec.items() if k != "step"}
        return _spec_text([spec.get("step", "?"), rest])
    return str(spec)


def cmd_presets(args: Any) -> int:
    from ..presets import PRESETS, preset_names

    out: list[str] = []
    for name in preset_names():
        specs = PRESETS[name]
        if args.json:
            out.append(json.dumps({"name": name, "steps": specs}, ensure_ascii=False))
        else:
            out.append(f"{name}: " + ", ".join(_spec_text(s) for s in specs))
    write_stdout(("\n".join(out) + "\n").encode("utf-8"))
    return 0
