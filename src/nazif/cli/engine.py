"""Clean one task (a document, or a chunk of records) into output bytes.

The same :class:`Cleaner` runs in the main process (``--jobs 1``) and in
worker processes (``--jobs N``), so the output is byte-identical whatever the
number of jobs.  A task is a whole text document or a chunk of about 1 MB of
JSON lines, plain lines or CSV records cut at a record boundary.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..pipeline import Pipeline
from .io import DecodeFailure, decode, encode_json_line, encode_text
from .records import JSONLineError, NonString, csv_splice, field_trie, locate_line_fields, splice_json

__all__ = ["KINDS", "Cleaner", "Job", "Outcome", "Task"]

KINDS = ("text", "lines", "jsonl", "csv")


@dataclass(frozen=True)
class Job:
    """What every task of a run is cleaned with (pickled once per worker)."""

    pipeline: Pipeline
    kind: str = "text"
    fields: tuple[str, ...] = ()
    errors: str = "strict"
    on_error: str = "stop"
    report: bool = False
    report_all: bool = False
    html: bool = False
    stats: bool = False
    delimiter: str = ","
    quotechar: str = '"'


@dataclass
class Task:
    """A piece of one input file.

    ``line`` and ``offset`` are the 1-based line number and the byte offset
    of ``data`` in the file; ``prefix`` is passed through verbatim before it
    (a CSV header); ``columns`` are the CSV columns to clean as
    ``(index, name)``.
    """

    seq: int
    label: str
    data: bytes
    line: int = 1
    offset: int = 0
    first: bool = True
    last: bool = True
    prefix: bytes = b""
    columns: tuple[tuple[int, str], ...] = ()

    @property
    def nbytes(self) -> int:
        return len(self.prefix) + len(self.data)


@dataclass
class Outcome:
    """The result of a task: output bytes, report lines, counts and problems."""

    data: bytes = b""
    report: bytes = b""
    stats: dict[str, list[int]] = field(default_factory=dict)
    records: int = 0
    changed: int = 0
    identical: bool = True
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    nbytes: int = 0
    dropped: bool = False  # a whole text document was skipped (--on-error skip)


class _State:
    """Per-task accumulators."""

    __slots__ = ("changed", "dropped", "error", "parts", "records", "report", "stats", "warnings")

    def __init__(self) -> None:
        self.parts: list[bytes] = []
        self.report: list[str] = []
        self.stats: dict[str, list[int]] = {}
        self.records = 0
        self.changed = 0
        self.warnings: list[str] = []
        self.error: str | None = None
        self.dropped = False


class _LineFeed:
    """Feeds lines to :func:`csv.reader` and counts how many it took."""

    __slots__ = ("i", "lines")

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.i = 0

    def __iter__(self) -> _LineFeed:
        return self

    def __next__(self) -> str:
        if self.i >= len(self.lines):
            raise StopIteration
        self.i += 1
        return self.lines[self.i - 1]


def _unterminated(lines: list[str], quotechar: str) -> bool:
    """True when a record that runs to the end of the input leaves a quoted field
    open: an odd number of quote characters (a doubled quote counts two)."""
    return sum(line.count(quotechar) for line in lines) % 2 == 1


def _split_lines(data: bytes) -> list[bytes]:
    """``data`` cut after each ``\\n`` (terminators kept)."""
    lines = data.split(b"\n")
    out = [line + b"\n" for line in lines[:-1]]
    if lines[-1]:
        out.append(lines[-1])
    return out


def _numbered_lines(task: Task) -> Iterator[tuple[bytes, int, int]]:
    """``(line, line number, byte offset in the file)`` for each line of a
    task (terminators kept), scanned without copying the whole buffer."""
    data = task.data
    n = len(data)
    pos = 0
    line_no = task.line - 1
    while pos < n:
        nl = data.find(b"\n", pos)
        end = n if nl < 0 else nl + 1
        line_no += 1
        yield data[pos:end], line_no, task.offset + pos
        pos = end


class Cleaner:
    """Runs tasks of one :class:`Job`."""

    def __init__(self, job: Job) -> None:
        self.job = job
        self.pipeline = job.pipeline
        self.steps = [(s.name, s.func, s.options) for s in self.pipeline.steps]
        self._html_split: tuple[Pipeline, dict[str, Any] | None, Pipeline] | None = None
        self._html_rest: Pipeline | None = None  # --html --report-all: the steps other than chrome removal
        self.trie = field_trie(job.fields) if job.kind == "jsonl" else {}
        self.fast = not (job.report or job.stats)

    # -- one document --------------------------------------------------------
    def _clean_html(self, html: str | bytes, st: _State, where: dict[str, Any]) -> str:
        """``--html``: what :func:`nazif.html.clean_html_with_removals` does on a
        whole page, with this job's pipeline; removals counted and reported as
        asked (step ``html`` for the DOM rule, ``remove_chrome`` for the rest)."""
        from ..html import clean_lines, lines, split_steps

        if self._html_split is None:
            self._html_split = split_steps(self.pipeline)
        before, opts, after = self._html_split
        found = lines(html)
        out, removals = clean_lines(found, before, opts, after)
        if self.job.stats or self.job.report:
            for r in removals:
                step = "html" if r.rule.startswith("dom-") else "remove_chrome"
                counts = st.stats.setdefault(step, [0, 0, 0])
                counts[1] += 1
                if self.job.report:
                    entry = dict(where)
                    entry.update(step=step, line=r.line, before=r.text, after="", rule=r.rule, entry=r.entry)
                    st.report.append(json.dumps(entry, ensure_ascii=False))
            if self.job.report_all:
                # every other change, on the lines kept, in the text they form
                gone = {r.line for r in removals}
                kept = "\n".join(ln.text for i, ln in enumerate(found) if i not in gone)
                if self._html_rest is None:
                    self._html_rest = Pipeline([*before.steps, *after.steps])
                exp = self._html_rest.explain(kept)
                for rep in exp.steps:
                    for change in rep.changes:
                        entry = dict(where)
                        entry["step"] = rep.step
                        entry.update(change.as_dict())
                        st.report.append(json.dumps(entry, ensure_ascii=False))
        return out

    def clean(self, text: str | bytes, st: _State, where: dict[str, Any]) -> str:
        """Run the pipeline on ``text``, counting and reporting as asked."""
        if self.job.html:
            return self._clean_html(text, st, where)
        assert isinstance(text, str)
        if self.fast:
            return self.pipeline(text)
        if self.job.report and not self.job.report_all:
            # removals only: chrome removal traced (cheap), every other step plain
            for s in self.pipeline.steps:
                if s.name == "remove_chrome":
                    new, changes = s.trace(text)
                    for change in changes:
                        entry = dict(where)
                        entry["step"] = s.name
                        entry.update(change.as_dict())
                        st.report.append(json.dumps(entry, ensure_ascii=False))
                else:
                    changes = []
                    new = s.func(text, **s.options)
                if new is not text and new != text:
                    counts = st.stats.setdefault(s.name, [0, 0, 0])
                    counts[0] += 1
                    counts[1] += len(changes)
                    counts[2] += len(new) - len(text)
                    text = new
            return text
        if self.job.report:
            exp = self.pipeline.explain(text)
            for rep in exp.steps:
                counts = st.stats.setdefault(rep.step, [0, 0, 0])
                counts[0] += 1
                counts[1] += len(rep.changes)
                counts[2] += len(rep.text) - len(rep.before)
                for change in rep.changes:
                    entry = dict(where)
                    entry["step"] = rep.step
                    entry.update(change.as_dict())
                    st.report.append(json.dumps(entry, ensure_ascii=False))
            return exp.output
        for name, func, options in self.steps:
            new = func(text, **options)
            if new is not text and new != text:
                counts = st.stats.setdefault(name, [0, 0, 0])
                counts[0] += 1
                counts[2] += len(new) - len(text)
                text = new
        return text

    def _fail(self, st: _State, message: str, raw: bytes | None, where: dict[str, Any]) -> bool:
        """Handle a bad record by ``--on-error``; ``False`` means stop here."""
        policy = self.job.on_error
        if policy == "stop":
            st.error = message
            return False
        st.warnings.append(message + (" (kept unchanged)" if policy == "keep" else " (skipped)"))
        if self.job.report:
            entry = dict(where)
            entry["error"] = message
            entry["action"] = "kept" if policy == "keep" else "skipped"
            st.report.append(json.dumps(entry, ensure_ascii=False))
        if policy == "keep" and raw is not None:
            st.parts.append(raw)
        return True

    # -- tasks ---------------------------------------------------------------
    def run(self, task: Task) -> Outcome:
        st = _State()
        if task.prefix:
            st.parts.append(task.prefix)
        kind = self.job.kind
        if kind == "text":
            self._text(task, st)
        elif kind == "jsonl":
            self._jsonl(task, st)
        elif kind == "lines":
            self._lines(task, st)
        else:
            self._csv(task, st)
        data = b"".join(st.parts)
        report = "".join(line + "\n" for line in st.report)
        return Outcome(
            data=data,
            report=encode_json_line(report) if report else b"",
            stats=st.stats,
            records=st.records,
            changed=st.changed,
            identical=st.error is None and len(data) == task.nbytes and data == task.prefix + task.data,
            warnings=st.warnings,
            error=st.error,
            nbytes=task.nbytes,
            dropped=st.dropped,
        )

    def _text(self, task: Task, st: _State) -> None:
        where: dict[str, Any] = {"file": task.label}
        if self.job.html:  # the HTML's own encoding (BOM, <meta charset>) decides
            st.records += 1
            new = self.clean(task.data, st, where)
            st.changed += 1
            st.parts.append(encode_text(new + "\n" if new else new))
            return
        try:
            text = decode(task.data, self.job.errors, task.label, task.line, task.offset)
        except DecodeFailure as exc:
            if self._fail(st, exc.message, task.data, where) and self.job.on_error == "skip":
                st.dropped = True
            return
        st.records += 1
        new = self.clean(text, st, where)
        if new != text:
            st.changed += 1
        # Keep the input's convention of ending with a newline.
        if new and not new.endswith("\n") and task.data.endswith(b"\n"):
            new += "\n"
        st.parts.append(encode_text(new))

    def _jsonl(self, task: Task, st: _State) -> None:
        job = self.job
        label, trie, fields = task.label, self.trie, job.fields
        nfields = len(fields)
        strict = job.errors == "strict"
        fast, pipeline = self.fast and not self.job.html, self.pipeline
        parts = st.parts
        for raw, line_no, start_offset in _numbered_lines(task):
            if raw.isspace():
                parts.append(raw)
                continue
            try:
                text = raw.decode("utf-8") if strict else decode(raw, job.errors, label)
            except UnicodeDecodeError:
                try:
                    decode(raw, job.errors, label, line_no, start_offset)
                except DecodeFailure as exc:
                    if not self._fail(st, exc.message, raw, {"file": label, "record": line_no}):
                        return
                continue
            try:
                found = locate_line_fields(text, trie, first=start_offset == 0)
            except JSONLineError as exc:
                if not self._fail(st, exc.where(label, line_no), raw, {"file": label, "record": line_no}):
                    return
                continue
            problem = None
            if len(found) < nfields or (nfields > 1 and len({f[0] for f in found}) < nfields):
                seen = {f[0] for f in found}
                missing = [fields[k] for k in range(nfields) if k not in seen]
                problem = f"{label}:{line_no}: no field {missing[0]!r}"
            else:
                for path, _s, _e, value in found:
                    if isinstance(value, NonString) and value.type != "null":
                        problem = f"{label}:{line_no}: field {fields[path]!r} is {value.type}, not a string"
                        break
            if problem is not None:
                if not self._fail(st, problem, raw, {"file": label, "record": line_no}):
                    return
                continue
            st.records += 1
            replacements = []
            for path, s, e, value in found:
                if isinstance(value, NonString):
                    continue
                if fast:
                    new = pipeline(value)
                else:
                    new = self.clean(value, st, {"file": label, "record": line_no, "field": fields[path]})
                if new != value:
                    replacements.append((s, e, new))
            if replacements:
                st.changed += 1
                parts.append(encode_json_line(splice_json(text, replacements)))
            elif strict:
                parts.append(raw)
            else:
                parts.append(encode_json_line(text))

    def _lines(self, task: Task, st: _State) -> None:
        job = self.job
        label = task.label
        parts = st.parts
        for raw, line_no, start_offset in _numbered_lines(task):
            where = {"file": label, "record": line_no}
            try:
                text = decode(raw, job.errors, label, line_no, start_offset)
            except DecodeFailure as exc:
                if not self._fail(st, exc.message, raw, where):
                    return
                continue
            if text.endswith("\r\n"):
                body, term = text[:-2], "\r\n"
            elif text.endswith("\n"):
                body, term = text[:-1], "\n"
            else:
                body, term = text, ""
            st.records += 1
            new = self.clean(body, st, where)
            if new != body:
                st.changed += 1
                parts.append(encode_text(new + term))
            elif job.errors == "strict":
                parts.append(raw)
            else:
                parts.append(encode_text(text))

    def _csv(self, task: Task, st: _State) -> None:
        job = self.job
        label = task.label
        delimiter, quotechar = job.delimiter, job.quotechar
        raw_lines = _split_lines(task.data)
        texts: list[str] = []
        bad: dict[int, str] = {}
        offset = task.offset
        for k, raw in enumerate(raw_lines):
            try:
                texts.append(decode(raw, job.errors, label, task.line + k, offset))
            except DecodeFailure as exc:
                bad[k] = exc.message
                texts.append(raw.decode("utf-8", "surrogateescape"))
            offset += len(raw)
        feed = _LineFeed(texts)
        reader = csv.reader(feed, delimiter=delimiter, quotechar=quotechar, strict=False)
        parts = st.parts
        while True:
            first = feed.i
            line_no = task.line + first
            where: dict[str, Any] = {"file": label, "record": line_no}
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                raw = b"".join(raw_lines[first : feed.i])
                if not self._fail(st, f"{label}:{line_no}: invalid CSV: {exc}", raw, where):
                    return
                continue
            raw = b"".join(raw_lines[first : feed.i])
            if (
                feed.i == len(texts)
                and feed.i - first > 1
                and _unterminated(texts[first : feed.i], quotechar)
            ):
                # the reader (strict=False) took every remaining line into one field
                message = f"{label}:{line_no}: invalid CSV: a quoted field opened here is never closed"
                if not self._fail(st, message, raw, where):
                    return
                continue
            problems = [bad[k] for k in range(first, feed.i) if k in bad]
            if problems:
                if not self._fail(st, problems[0], raw, where):
                    return
                continue
            if not row:  # a blank line
                parts.append(raw)
                continue
            missing = [name for index, name in task.columns if index >= len(row)]
            if missing:
                message = f"{label}:{line_no}: record has {len(row)} field(s), no column {missing[0]!r}"
                if not self._fail(st, message, raw, where):
                    return
                continue
            st.records += 1
            new_values: dict[int, str] = {}
            for index, name in task.columns:
                value = row[index]
                new = self.clean(value, st, {"file": label, "record": line_no, "field": name})
                if new != value:
                    new_values[index] = new
            record = "".join(texts[first : feed.i])
            if new_values:
                st.changed += 1
                parts.append(encode_text(csv_splice(record, row, new_values, delimiter, quotechar)))
            elif job.errors == "strict":
                parts.append(raw)
            else:
                parts.append(encode_text(record))
