"""Stream the documents of the inputs: whole texts, lines, or record fields.

Used by the commands that look at documents one by one (``explain``,
``segments``, ``scripts``, ``chrome find``, ``chrome learn``).  Each document
comes with where it was found (``file``, and for records ``record`` — the
line number it starts on — and ``field``).  Problems raise
:class:`~nazif.cli.errors.DataError` naming the file and line.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import Any

from .errors import DataError
from .io import DecodeFailure, Input, decode, open_input, read_all
from .records import JSONLineError, NonString, field_trie, locate_line_fields

__all__ = ["iter_documents"]

Where = dict[str, Any]


def _decode(raw: bytes, errors: str, label: str, line: int, offset: int) -> str:
    try:
        return decode(raw, errors, label, line, offset)
    except DecodeFailure as exc:
        raise DataError(exc.message) from None


def _lines(inp: Input, fh: Any, errors: str) -> Iterator[tuple[int, str]]:
    offset = 0
    for number, raw in enumerate(fh, 1):
        yield number, _decode(raw, errors, inp.label, number, offset)
        offset += len(raw)


def _jsonl(inp: Input, fh: Any, errors: str, fields: list[str]) -> Iterator[tuple[Where, str]]:
    trie = field_trie(fields)
    for number, text in _lines(inp, fh, errors):
        if not text.strip():
            continue
        try:
            found = locate_line_fields(text, trie, first=number == 1)
        except JSONLineError as exc:
            raise DataError(exc.where(inp.label, number)) from None
        seen = {f[0] for f in found}
        for k, name in enumerate(fields):
            if k not in seen:
                raise DataError(f"{inp.label}:{number}: no field {name!r}")
        for path, _s, _e, value in found:
            if isinstance(value, NonString):
                if value.type == "null":
                    continue
                raise DataError(f"{inp.label}:{number}: field {fields[path]!r} is {value.type}, not a string")
            yield {"file": inp.label, "record": number, "field": fields[path]}, value


def _csv(inp: Input, fh: Any, errors: str, fields: list[str], delimiter: str) -> Iterator[tuple[Where, str]]:
    state = {"line": 0}

    def lines() -> Iterator[str]:
        for number, text in _lines(inp, fh, errors):
            state["line"] = number
            yield text

    reader = csv.reader(lines(), delimiter=delimiter, strict=False)
    try:
        names = next(reader, [])
        if names:
            names[0] = names[0].lstrip("\ufeff")
        columns: list[tuple[int, str]] = []
        for name in fields:
            found = [k for k, n in enumerate(names) if n == name]
            if not found:
                raise DataError(f"{inp.label}:1: no column {name!r} in the header")
            columns.extend((k, name) for k in found)
        start = state["line"] + 1
        for row in reader:
            if row:
                for k, name in columns:
                    if k >= len(row):
                        raise DataError(
                            f"{inp.label}:{start}: record has {len(row)} field(s), no column {name!r}"
                        )
                    yield {"file": inp.label, "record": start, "field": name}, row[k]
            start = state["line"] + 1
    except csv.Error as exc:
        raise DataError(f"{inp.label}:{state['line']}: invalid CSV: {exc}") from None


def iter_documents(
    inputs: list[Input], kind: str, fields: list[str], errors: str = "strict", delimiter: str = ","
) -> Iterator[tuple[Where, str]]:
    """``(where, text)`` for each document of ``inputs`` in the format ``kind``."""
    for inp in inputs:
        fh = open_input(inp)
        try:
            if kind == "text":
                yield {"file": inp.label}, _decode(read_all(inp, fh), errors, inp.label, 1, 0)
            elif kind == "lines":
                for number, text in _lines(inp, fh, errors):
                    yield {"file": inp.label, "record": number}, text.rstrip("\n").removesuffix("\r")
            elif kind == "jsonl":
                yield from _jsonl(inp, fh, errors, fields)
            else:
                yield from _csv(inp, fh, errors, fields, delimiter)
        except OSError as exc:
            raise DataError(f"cannot read {inp.label}: {exc.strerror or exc}") from None
        finally:
            if not inp.is_stdin:
                fh.close()
