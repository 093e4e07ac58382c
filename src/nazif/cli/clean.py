"""``nazif clean``: clean documents or record fields from files or stdin.

Inputs are read in the main process and cut into tasks (a whole document,
or about 1 MB of records cut at a record boundary); tasks are cleaned in
order, here or in worker processes; outputs go to stdout, to one file, to one
file per input under a folder, or back into the inputs (``--in-place``), each
file through a temporary file renamed on success (a device, FIFO or
``/dev/stdout`` is written directly; a symbolic link stays a link).
"""

from __future__ import annotations

import csv
import io
import os
import sys
from collections.abc import Iterator
from typing import Any

from ..pipeline import Pipeline
from .args import check_jobs
from .engine import Job, Task
from .errors import DataError, UsageError
from .io import (
    AtomicFile,
    DecodeFailure,
    DirectFile,
    Input,
    Sink,
    StdoutSink,
    csv_cut,
    decode,
    iter_chunks,
    jsonl_cut,
    open_input,
    open_output,
    read_all,
    regular_file_problem,
    resolve_inputs,
)
from .options import build_pipeline, resolve_fields, resolve_format
from .progress import Progress
from .report import Stats, Warnings
from .workers import effective_jobs, run_tasks

__all__ = ["cmd_clean", "make_tasks"]


def _chunk_tasks(seq: int, inp: Input, fh: Any) -> Iterator[Task]:
    line, offset = 1, 0
    for chunk in iter_chunks(inp, fh, jsonl_cut):
        yield Task(seq, inp.label, chunk, line=line, offset=offset, first=offset == 0, last=False)
        line += chunk.count(b"\n")
        offset += len(chunk)
    yield Task(seq, inp.label, b"", line=line, offset=offset, first=offset == 0, last=True)


def _header_end(chunk: bytes, quote: bytes = b'"') -> int:
    """Where the first CSV record (the header) of ``chunk`` ends."""
    pos = 0
    parity = 0
    while True:
        nl = chunk.find(b"\n", pos)
        if nl < 0:
            return len(chunk)
        parity ^= chunk.count(quote, pos, nl) & 1
        if parity == 0:
            return nl + 1
        pos = nl + 1


def _csv_tasks(seq: int, inp: Input, fh: Any, job: Job, warnings: Warnings) -> Iterator[Task]:
    chunks = iter_chunks(inp, fh, csv_cut)
    first = next(chunks, b"")
    end = _header_end(first)
    header = first[:end]
    problem = None
    columns: list[Any] = []
    try:
        text = decode(header, job.errors, inp.label)
    except DecodeFailure as exc:
        problem = exc.message
    else:
        names = next(
            csv.reader(io.StringIO(text, newline=""), delimiter=job.delimiter, quotechar=job.quotechar), []
        )
        if names:
            names[0] = names[0].lstrip("\ufeff")
        for name in job.fields:
            found = [k for k, n in enumerate(names) if n == name]
            if not found and names:
                shown = ", ".join(names[:12]) + (", …" if len(names) > 12 else "")
                problem = f"{inp.label}:1: no column {name!r} in the header (columns: {shown})"
                break
            columns.extend((k, name) for k in found)
    if problem is not None:
        if job.on_error == "stop":
            raise DataError(problem)
        if job.on_error == "skip":
            warnings.warn(problem + " (file skipped)")
            return
        warnings.warn(problem + " (file kept unchanged)")
        columns = []
    line = 1 + header.count(b"\n")
    head = Task(
        seq,
        inp.label,
        first[end:],
        line=line,
        offset=end,
        first=True,
        last=False,
        prefix=header,
        columns=tuple(columns),
    )
    line += head.data.count(b"\n")
    offset = len(first)
    yield head
    for chunk in chunks:
        yield Task(
            seq, inp.label, chunk, line=line, offset=offset, first=False, last=False, columns=tuple(columns)
        )
        line += chunk.count(b"\n")
        offset += len(chunk)
    yield Task(seq, inp.label, b"", line=line, offset=offset, first=False, last=True, columns=tuple(columns))


def make_tasks(inputs: list[Input], job: Job, warnings: Warnings) -> Iterator[Task]:
    """The tasks of every input, in order; each input ends with a ``last`` task."""
    for seq, inp in enumerate(inputs):
        fh = open_input(inp)
        try:
            if job.kind == "text":
                yield Task(seq, inp.label, read_all(inp, fh))
            elif job.kind == "csv":
                yield from _csv_tasks(seq, inp, fh, job, warnings)
            else:
                yield from _chunk_tasks(seq, inp, fh)
        finally:
            if not inp.is_stdin:
                fh.close()


class _Outputs:
    """Where each input's output goes, opened lazily and committed per file."""

    def __init__(self, args: Any, inputs: list[Input]) -> None:
        self.per_file: dict[int, str] | None = None
        self.in_place = bool(args.in_place)
        self.single: Sink | None = None
        self.current: dict[int, Sink] = {}
        output = args.output
        if self.in_place:
            if any(i.is_stdin for i in inputs):
                raise UsageError("--in-place needs file names, not standard input")
            for inp in inputs:
                problem = regular_file_problem(inp.path)  # type: ignore[arg-type]
                if problem is not None:
                    raise UsageError(f"--in-place rewrites regular files, and {inp.label} is {problem}")
            self.per_file = {k: i.path for k, i in enumerate(inputs)}  # type: ignore[misc]
        elif output and output != "-" and (output.endswith(("/", os.sep)) or os.path.isdir(output)):
            if any(i.is_stdin for i in inputs):
                raise UsageError("-o FOLDER/ needs file names, not standard input")
            self.per_file = {}
            seen: dict[str, str] = {}
            for k, inp in enumerate(inputs):
                dest = os.path.join(output, inp.rel)
                if dest in seen:
                    raise UsageError(f"{seen[dest]} and {inp.label} would both be written to {dest}")
                seen[dest] = inp.label
                self.per_file[k] = dest
            try:
                os.makedirs(output, exist_ok=True)
            except OSError as exc:
                raise DataError(f"cannot create folder {output}: {exc.strerror or exc}") from None
        elif output and output != "-":
            self.single = open_output(output)
        else:
            self.single = StdoutSink()

    @property
    def to_terminal(self) -> bool:
        return isinstance(self.single, StdoutSink) and sys.stdout.isatty()

    def sink(self, task: Task) -> Sink:
        if self.per_file is None:
            assert self.single is not None
            return self.single
        sink = self.current.get(task.seq)
        if sink is None:
            dest = self.per_file[task.seq]
            parent = os.path.dirname(dest)
            if parent and not self.in_place:
                try:
                    os.makedirs(parent, exist_ok=True)
                except OSError as exc:
                    raise DataError(f"cannot create folder {parent}: {exc.strerror or exc}") from None
            sink = self.current[task.seq] = open_output(dest, keep_if_identical=self.in_place)
        return sink

    def end_of_file(self, task: Task) -> None:
        sink = self.current.pop(task.seq, None)
        if sink is not None:
            sink.commit()

    def finish(self) -> None:
        for seq in list(self.current):
            self.current.pop(seq).commit()
        if self.single is not None:
            self.single.commit()


def cmd_clean(args: Any) -> int:
    check_jobs(args.jobs)
    pipeline: Pipeline = build_pipeline(args)
    inputs = resolve_inputs(args.files)
    kind, delimiter = resolve_format(args, inputs)
    fields = resolve_fields(args, kind)
    if getattr(args, "site_field", None):
        from .sites import clean_by_site

        return clean_by_site(args, pipeline, inputs, kind, fields)
    outputs = _Outputs(args, inputs)
    if any(i.is_stdin for i in inputs) and sys.stdin.isatty() and not args.quiet:
        sys.stderr.write("nazif: reading standard input (end it with Ctrl-D; see nazif clean --help)\n")
    job = Job(
        pipeline=pipeline,
        kind=kind,
        fields=tuple(fields),
        errors=args.errors,
        on_error=args.on_error,
        report=bool(args.report),
        report_all=bool(getattr(args, "report_all", False)),
        html=bool(getattr(args, "html", False)),
        stats=bool(args.stats),
        delimiter=delimiter,
    )
    report = open_output(args.report) if args.report else None
    warnings = Warnings(quiet=args.quiet)
    sizes = [i.size for i in inputs]
    total = sum(s for s in sizes if s is not None) if None not in sizes else None
    progress = Progress(
        total,
        enabled=not args.quiet and sys.stderr.isatty() and not outputs.to_terminal,
        unit="files" if kind == "text" else "records",
    )
    stats = Stats(pipeline.names)
    jobs = effective_jobs(args.jobs)
    flush = isinstance(outputs.single, (StdoutSink, DirectFile))
    results = run_tasks(job, make_tasks(inputs, job, warnings), jobs)
    try:
        for task, outcome in results:
            if outcome.dropped and outputs.per_file is not None:
                # a skipped document: its output file is not written (in place: left alone)
                for message in outcome.warnings:
                    warnings.warn(message)
                stats.skipped += len(outcome.warnings)
                if report is not None:
                    report.write(outcome.report)
                progress.update(1, outcome.nbytes)
                continue
            sink = outputs.sink(task)
            sink.write(outcome.data)
            if flush:
                sink.flush()  # records appear as soon as they are clean
            if not outcome.identical and isinstance(sink, AtomicFile):
                sink.mark_changed()
            if report is not None:
                report.write(outcome.report)
            if outcome.warnings:
                progress.clear()
                for message in outcome.warnings:
                    warnings.warn(message)
            stats.add(outcome.stats)
            stats.records += outcome.records
            stats.changed += outcome.changed
            stats.skipped += len(outcome.warnings)
            progress.update(outcome.records if kind != "text" else 1, outcome.nbytes)
            if outcome.error is not None:
                progress.clear()
                raise DataError(outcome.error)
            if task.last:
                outputs.end_of_file(task)
    except BaseException:
        progress.clear()  # an error message or a shell prompt comes next
        raise
    finally:
        results.close()
    outputs.finish()
    if report is not None:
        report.commit()
    progress.close()
    if args.stats:
        sys.stderr.write(stats.format(with_changes=bool(args.report)) + "\n")
    summary = warnings.summary()
    if summary:
        sys.stderr.write(summary + "\n")
    return 0
