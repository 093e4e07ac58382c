"""``nazif clean --site-field``: clean JSON lines in two passes, with what each site repeats.

Pass 1 reads the inputs once and counts, per site, the lines of the
``--field`` texts (:class:`nazif.chrome.learn.SiteCounts`; the site is the
host of the URL in ``--site-field``, or the site name it holds).  Pass 2
reads them again and cleans every record with the pipeline, its chrome
removal using the built-in lexicon plus the lines its own site repeats.
Records are streamed in both passes; what is kept in memory is the counts
(one entry per distinct short line per site) and the learned lexicons.
Fields other than the cleaned ones are written back byte for byte.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

from .._scale import Cleaner
from ..chrome.learn import SiteCounts, site_of
from ..pipeline import Pipeline
from .errors import DataError, UsageError
from .io import Input, Sink, StdoutSink, encode_json_line, open_input, open_output
from .records import JSONLineError, NonString, field_trie, locate_line_fields, splice_json

__all__ = ["clean_by_site"]


def _records(inputs: list[Input], trie: Any) -> Iterator[tuple[str, int, bytes, str | None, list[Any]]]:
    """``(label, line number, raw line, decoded line or None, located fields)`` of every line."""
    for inp in inputs:
        fh = open_input(inp)
        try:
            for line_no, raw in enumerate(fh, 1):
                if raw.isspace():
                    yield inp.label, line_no, raw, None, []
                    continue
                try:
                    text = raw.decode("utf-8")
                except UnicodeDecodeError as exc:
                    raise DataError(f"{inp.label}:{line_no}: invalid UTF-8 at byte {exc.start + 1}") from None
                try:
                    found = locate_line_fields(text, trie, first=line_no == 1)
                except JSONLineError as exc:
                    raise DataError(exc.where(inp.label, line_no)) from None
                yield inp.label, line_no, raw, text, found
        finally:
            fh.close()


def _site(found: list[Any], index: int) -> str:
    for path, _s, _e, value in found:
        if path == index and not isinstance(value, NonString):
            return site_of(value)
    return ""


def clean_by_site(args: Any, pipeline: Pipeline, inputs: list[Input], kind: str, fields: list[str]) -> int:
    """Run ``nazif clean --site-field`` (JSON lines, files only, one output)."""
    site_field = args.site_field
    if kind != "jsonl":
        raise UsageError("--site-field needs --jsonl (or .jsonl files)")
    if any(i.is_stdin for i in inputs):
        raise UsageError("--site-field reads its inputs twice: give files, not standard input")
    if getattr(args, "in_place", False) or (args.output and args.output.endswith(("/", "\\"))):
        raise UsageError("--site-field writes one output: -o FILE or standard output")
    if "remove_chrome" not in pipeline.names:
        raise UsageError("--site-field needs a pipeline with remove_chrome (e.g. --preset corpus)")
    if site_field in fields:
        raise UsageError("--site-field cannot also be a --field")
    trie = field_trie([*fields, site_field])
    index = len(fields)
    html = bool(getattr(args, "html", False))

    counts = SiteCounts()
    for _label, _no, _raw, text, found in _records(inputs, trie):
        if text is None:
            continue
        site = _site(found, index)
        if not site:
            continue
        for path, _s, _e, value in found:
            if path != index and isinstance(value, str):
                counts.add(site, _visible(value) if html else value)
    cleaner: Cleaner | _HtmlCleaner = (
        _HtmlCleaner(pipeline, counts.lexicons()) if html else Cleaner(pipeline, counts.lexicons())
    )

    out: Sink = open_output(args.output) if args.output and args.output != "-" else StdoutSink()
    try:
        _pass2(inputs, trie, index, cleaner, out.write)
    except BaseException:
        out.abort()
        raise
    out.commit()
    if getattr(args, "stats", False):
        learned = sum(len(lex) for lex in cleaner.site_lexicons.values())
        sys.stderr.write(f"nazif: {len(counts)} sites counted, {learned} lines learned\n")
    return 0


def _visible(html: str) -> str:
    """``--html``: the lines a browser shows (what pass 1 counts)."""
    from ..html import to_text

    return to_text(html)


class _HtmlCleaner:
    """``--html`` in pass 2: each page cleaned as ``nazif clean --html`` does,
    with its site's learned lines added to chrome removal's lexicon."""

    def __init__(self, pipeline: Pipeline, site_lexicons: dict[str, Any]) -> None:
        from ..chrome import _resolve  # None, a Lexicon or a path, as remove_chrome reads it
        from ..html import split_steps

        self.split = split_steps(pipeline)
        self.site_lexicons = site_lexicons
        opts = self.split[1] or {}
        self._own = _resolve(opts.get("lexicon"))
        self._merged: dict[str, Any] = {}

    def clean(self, html: str, site: str | None) -> str:
        from ..html import clean_lines, lines

        lex = None
        if site and site in self.site_lexicons:
            lex = self._merged.get(site)
            if lex is None:  # as Cleaner.pipeline_for merges them, once per site
                lex = self._merged[site] = self._own | self.site_lexicons[site]
        return clean_lines(lines(html), *self.split, lexicon=lex)[0]


def _pass2(inputs: list[Input], trie: Any, index: int, cleaner: Cleaner | _HtmlCleaner, write: Any) -> None:
    for _label, _no, raw, text, found in _records(inputs, trie):
        if text is None:
            write(raw)
            continue
        site = _site(found, index) or None
        replacements = []
        for path, s, e, value in found:
            if path == index or not isinstance(value, str):
                continue
            new = cleaner.clean(value, site)
            if new != value:
                replacements.append((s, e, new))
        write(encode_json_line(splice_json(text, replacements)) if replacements else raw)
