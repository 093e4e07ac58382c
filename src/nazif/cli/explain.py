"""``nazif explain``: each step's changes to one document, as a readable diff.

Removed text is shown as ``[-...-]`` and inserted text as ``{+...+}`` (red
and green on a colour terminal), with a little context from the same line.
Characters one cannot see are made visible:

>>> visible("a\\u00a0b\\u200bc", changed=False)
'a⍽b⟨U+200B⟩c'
>>> visible("  \\n", changed=True)
'␣␣⏎'
>>> visible("\\u064e", changed=True)   # a lone diacritic gets a dotted circle
'◌َ'
"""

from __future__ import annotations

import json
import os
import sys
import unicodedata
from typing import Any

from .documents import iter_documents
from .errors import DataError, UsageError
from .io import encode_text, resolve_inputs, write_stdout
from .options import build_pipeline, resolve_fields, resolve_format

__all__ = ["cmd_explain", "render", "visible"]

_MARKS = {"\u00a0": "⍽", "\t": "⇥", "\n": "⏎", "\r": "␍"}
_HIDDEN = {"Cf", "Cc", "Zs", "Zl", "Zp", "Cs", "Co", "Cn"}
_LONG = 160


def visible(text: str, *, changed: bool) -> str:
    """``text`` with invisible characters replaced by visible markers.

    NBSP is ``⍽``, tab ``⇥``, newline ``⏎``, other spaces, controls, format
    characters (zero-width, bidi) and lone surrogates ``⟨U+XXXX⟩``; in
    changed text a plain space is ``␣``.
    """
    out: list[str] = []
    for ch in text:
        if ch == " ":
            out.append("␣" if changed else " ")
        elif ch in _MARKS:
            out.append(_MARKS[ch])
        elif ch.isprintable() and unicodedata.category(ch) not in _HIDDEN:
            out.append(ch)
        else:
            out.append(f"⟨U+{ord(ch):04X}⟩")
    result = "".join(out)
    if changed and result and unicodedata.combining(result[0]):
        result = "\u25cc" + result
    return result


def _shorten(text: str) -> str:
    if len(text) <= _LONG:
        return text
    half = _LONG // 2
    return f"{text[:half]}…(+{len(text) - _LONG} characters)…{text[-half:]}"


class _Style:
    def __init__(self, colour: bool) -> None:
        self.colour = colour

    def _wrap(self, code: str, text: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.colour else text

    def removed(self, text: str) -> str:
        return self._wrap("31", f"[-{text}-]")

    def added(self, text: str) -> str:
        return self._wrap("32", f"{{+{text}+}}")

    def head(self, text: str) -> str:
        return self._wrap("1", text)

    def dim(self, text: str) -> str:
        return self._wrap("2", text)


def _options(options: dict[str, Any]) -> str:
    return "(" + ", ".join(f"{k}={v!r}" for k, v in options.items()) + ")" if options else ""


def render(explanation: Any, *, title: str, context: int = 30, limit: int = 50, colour: bool = False) -> str:
    """The explanation as text: a header per step, then one line per change."""
    style = _Style(colour)
    reports = explanation.steps
    size_in, size_out = len(explanation.input), len(explanation.output)
    lines = [style.head(title)]
    if not reports:
        lines.append("  no step changed anything")
        return "\n".join(lines) + "\n"
    lines.append(f"  {len(reports)} step(s) changed the text: {size_in:,} → {size_out:,} characters")
    for rep in reports:
        n = len(rep.changes)
        lines.append("")
        lines.append(style.head(f"▸ {rep.step}{_options(rep.options)}: {n} change{'s' if n != 1 else ''}"))
        before = rep.before
        for change in rep.changes[:limit]:
            start, end = change.start, change.end
            line_no = change.line if change.line is not None else before.count("\n", 0, start)
            line_start = before.rfind("\n", 0, start) + 1
            line_end = before.find("\n", end)
            if line_end < 0:
                line_end = len(before)
            left_from = max(line_start, start - context)
            right_to = min(line_end, end + context) if end <= line_end else end
            left = ("…" if left_from > line_start else "") + visible(before[left_from:start], changed=False)
            right = visible(before[end:right_to], changed=False) + ("…" if right_to < line_end else "")
            diff = ""
            if change.before:
                diff += style.removed(_shorten(visible(change.before, changed=True)))
            if change.after:
                diff += style.added(_shorten(visible(change.after, changed=True)))
            why = ""
            if change.rule or change.entry:
                why = style.dim(
                    f"   [{change.rule or ''}{': ' if change.rule and change.entry else ''}"
                    f"{change.entry or ''}]"
                )
            lines.append(f"  {style.dim(f'line {line_no + 1}:')} {left}{diff}{right}{why}")
        if n > limit:
            lines.append(style.dim(f"  … {n - limit} more (use --max to see them)"))
    return "\n".join(lines) + "\n"


def _want_colour(choice: str) -> bool:
    if choice == "always":
        return True
    if choice == "never":
        return False
    return sys.stdout is not None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def cmd_explain(args: Any) -> int:
    if args.context < 0 or args.max < 0:
        raise UsageError("--context and --max must be 0 or more")
    pipeline = build_pipeline(args)
    inputs = resolve_inputs([args.file])
    kind, delimiter = resolve_format(args, inputs)
    fields = resolve_fields(args, kind)
    chosen: list[Any] = []
    record: int | None = None
    for where, text in iter_documents(inputs, kind, fields, args.errors, delimiter):
        if kind == "text":
            chosen.append((where, text))
            break
        if where["record"] < args.record:
            continue
        if record is None:
            record = where["record"]
        if where["record"] != record:
            break
        chosen.append((where, text))
    if not chosen:
        raise DataError(f"{inputs[0].label}: no record at or after line {args.record}")
    out: list[str] = []
    colour = _want_colour(args.color)
    for where, text in chosen:
        exp = pipeline.explain(text)
        if args.json:
            for rep in exp.steps:
                for change in rep.changes:
                    entry = dict(where)
                    entry["step"] = rep.step
                    entry.update(change.as_dict())
                    out.append(json.dumps(entry, ensure_ascii=False) + "\n")
            continue
        title = where["file"]
        if "record" in where:
            title += f", record at line {where['record']}"
        if "field" in where:
            title += f", field {where['field']}"
        if out:
            out.append("\n")
        out.append(render(exp, title=title, context=args.context, limit=args.max, colour=colour))
    write_stdout(encode_text("".join(out)))
    return 0
