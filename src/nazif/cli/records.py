"""Find the text fields of JSON-lines and CSV records without re-serialising them.

Cleaning a field of a JSON line must leave every other byte of the line as it
was: number formats (``1.0e3``), escapes (``"\\u0627"``), key order and
spacing.  :func:`locate_fields` walks the raw line with the C-accelerated
pieces of :mod:`json` (``scanstring`` for strings, ``scan_once`` to step over
other values) down the dotted paths asked for and returns the exact span of
each target string token, so the cleaned value can be spliced in with
:func:`splice_json`.  The walk checks the whole line, so a broken line is
reported with its column.

>>> trie = field_trie(["text", "meta.body"])
>>> line = '{"id": 1.0e3, "text": "a  b", "meta": {"body": "\\\\u0627"}}'
>>> [(path, line[s:e], value) for path, s, e, value in locate_fields(line, 0, trie)]
[(0, '"a  b"', 'a  b'), (1, '"\\\\u0627"', 'ا')]

CSV fields are spliced the same way (:func:`csv_field_spans`); a record the
span scanner cannot follow is re-written with :mod:`csv` instead.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Sequence
from json.decoder import scanstring as _scanstring  # type: ignore[attr-defined]  # not in typeshed
from typing import Any, Union

from .errors import UsageError

__all__ = [
    "JSONLineError",
    "NonString",
    "csv_field_spans",
    "csv_quote",
    "field_trie",
    "json_string",
    "locate_fields",
    "splice_json",
]

_DECODER = json.JSONDecoder()
_SCAN_ONCE = _DECODER.scan_once  # type: ignore[attr-defined]  # not in typeshed
_WS = re.compile(r"[ \t\n\r]*")
# [ \t\n\r]* always matches (maybe empty), so the match is never None.
_WS_MATCH: Callable[[str, int], re.Match[str]] = _WS.match  # type: ignore[assignment]
_WS_CHARS = frozenset(" \t\n\r")
# A \uXXXX escape of a non-ASCII character: the writer escaped non-ASCII text.
_NON_ASCII_ESCAPE = re.compile(r"\\u(?!00[0-7])[0-9a-fA-F]{4}")

Trie = dict[str, Union[int, "Trie"]]


class JSONLineError(ValueError):
    """A line that is not a JSON object; ``pos`` is the character index."""

    def __init__(self, message: str, pos: int) -> None:
        super().__init__(message)
        self.message = message
        self.pos = pos

    def where(self, label: str, line: int) -> str:
        """The one-line error naming the place: ``label:line: invalid JSON at column N: …``."""
        return f"{label}:{line}: invalid JSON at column {self.pos + 1}: {self.message}"


class NonString:
    """A target field whose value is not a string (its JSON type name)."""

    __slots__ = ("type",)

    def __init__(self, value: Any) -> None:
        self.type = {dict: "an object", list: "an array", bool: "a boolean", type(None): "null"}.get(
            type(value), "a number"
        )

    def __repr__(self) -> str:
        return f"NonString({self.type})"


def field_trie(paths: Sequence[str]) -> Trie:
    """A lookup tree of dotted field paths; leaves are the path's index.

    A number in a path indexes an array (``items.0.text``).

    >>> field_trie(["text", "meta.body", "meta.title"])
    {'text': 0, 'meta': {'body': 1, 'title': 2}}
    """
    trie: Trie = {}
    for index, path in enumerate(paths):
        parts = path.split(".")
        if not path or any(p == "" for p in parts):
            raise UsageError(f"invalid field path {path!r} (use dotted keys such as meta.body)")
        node = trie
        for depth, part in enumerate(parts):
            last = depth == len(parts) - 1
            existing = node.get(part)
            if last:
                if existing is not None:
                    raise UsageError(f"field {path!r} is given twice or contains another --field")
                node[part] = index
            else:
                if isinstance(existing, int):
                    raise UsageError(f"field {path!r} is inside another --field")
                if existing is None:
                    existing = node[part] = {}
                node = existing
    return trie


def _ws(s: str, i: int) -> int:
    return _WS.match(s, i).end()  # type: ignore[union-attr]


def _skip(s: str, i: int) -> int:
    try:
        return _SCAN_ONCE(s, i)[1]
    except StopIteration as exc:
        raise JSONLineError("expecting a value", exc.value) from None


def _value(s: str, i: int, node: int | Trie, out: list[tuple[int, int, int, Any]]) -> int:
    if isinstance(node, int):
        if s[i] == '"':
            value, end = _scanstring(s, i + 1)
            out.append((node, i, end, value))
            return end
        try:
            value, end = _SCAN_ONCE(s, i)
        except StopIteration as exc:
            raise JSONLineError("expecting a value", exc.value) from None
        out.append((node, i, end, NonString(value)))
        return end
    c = s[i]
    if c == "{":
        return _object(s, i, node, out)
    if c == "[":
        return _array(s, i, node, out)
    return _skip(s, i)


def _object(s: str, i: int, trie: Trie, out: list[tuple[int, int, int, Any]]) -> int:
    # This loop runs for every key of every record, so whitespace is skipped
    # inline: one space (the usual ", " and ": ") without a regex call.
    i += 1
    if s[i] in _WS_CHARS:
        i += 1
        if s[i] in _WS_CHARS:
            i = _WS_MATCH(s, i).end()
    if s[i] == "}":
        return i + 1
    while True:
        if s[i] != '"':
            raise JSONLineError("expecting a property name in double quotes", i)
        key, i = _scanstring(s, i + 1)
        if s[i] in _WS_CHARS:
            i += 1
            if s[i] in _WS_CHARS:
                i = _WS_MATCH(s, i).end()
        if s[i] != ":":
            raise JSONLineError("expecting ':' delimiter", i)
        i += 1
        if s[i] in _WS_CHARS:
            i += 1
            if s[i] in _WS_CHARS:
                i = _WS_MATCH(s, i).end()
        node = trie.get(key)
        if node is None:
            try:
                i = _SCAN_ONCE(s, i)[1]
            except StopIteration as exc:
                raise JSONLineError("expecting a value", exc.value) from None
        else:
            i = _value(s, i, node, out)
        c = s[i]
        if c in _WS_CHARS:
            i += 1
            if s[i] in _WS_CHARS:
                i = _WS_MATCH(s, i).end()
            c = s[i]
        if c == ",":
            i += 1
            if s[i] in _WS_CHARS:
                i += 1
                if s[i] in _WS_CHARS:
                    i = _WS_MATCH(s, i).end()
        elif c == "}":
            return i + 1
        else:
            raise JSONLineError("expecting ',' delimiter", i)


def _array(s: str, i: int, trie: Trie, out: list[tuple[int, int, int, Any]]) -> int:
    i = _ws(s, i + 1)
    if s[i] == "]":
        return i + 1
    k = 0
    while True:
        node = trie.get(str(k))
        i = _skip(s, i) if node is None else _value(s, i, node, out)
        i = _ws(s, i)
        c = s[i]
        if c == ",":
            i = _ws(s, i + 1)
            k += 1
        elif c == "]":
            return i + 1
        else:
            raise JSONLineError("expecting ',' delimiter", i)


def locate_line_fields(line: str, trie: Trie, *, first: bool) -> list[tuple[int, int, int, Any]]:
    """:func:`locate_fields` on one JSON line, skipping a BOM that starts the input's ``first`` line."""
    return locate_fields(line, 1 if first and line.startswith("\ufeff") else 0, trie)


def locate_fields(line: str, start: int, trie: Trie) -> list[tuple[int, int, int, Any]]:
    """``(path index, start, end, value)`` of each target field of a JSON-object line.

    ``line[start:end]`` is the field's raw token; ``value`` is the decoded
    string, or a :class:`NonString` for another type.  A path that is absent
    is simply not in the result.  The whole line is checked: anything that is
    not one JSON object (plus whitespace) raises :class:`JSONLineError`.
    """
    out: list[tuple[int, int, int, Any]] = []
    try:
        i = _ws(line, start)
        if i >= len(line) or line[i] != "{":
            raise JSONLineError("a record must be a JSON object", i)
        i = _object(line, i, trie, out)
        i = _ws(line, i)
        if i != len(line):
            raise JSONLineError("extra data after the JSON object", i)
    except IndexError:
        raise JSONLineError("unexpected end of line", len(line.rstrip("\r\n"))) from None
    except json.JSONDecodeError as exc:
        raise JSONLineError(exc.msg, exc.pos) from None
    except RecursionError:  # arrays or objects nested deeper than json's C scanner allows
        raise JSONLineError(f"nested deeper than the JSON parser allows ({_depth(line)} levels)", 0) from None
    return out


def _depth(line: str) -> int:
    """How deep the brackets of ``line`` nest (strings are not told apart: an estimate for the message).

    >>> _depth('{"a": [[1], 2]}')
    3
    """
    depth = deepest = 0
    for c in re.findall(r"[\[\]{}]", line):
        depth += 1 if c in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def json_string(value: str, line: str, start: int = 0, end: int | None = None) -> str:
    """``value`` as a JSON string token in the style of the token ``line[start:end]``.

    Non-ASCII characters are written raw when the token (or, when it has
    none, the line) has raw non-ASCII text, and as ``\\uXXXX`` escapes when
    the writer escaped them (or the line is pure ASCII, as ``json.dumps``
    writes by default).

    >>> json_string("é", '"\\\\u00e8"')
    '"\\\\u00e9"'
    >>> json_string("é", '"è"')
    '"é"'
    """
    if end is None:
        end = len(line)
    if line.isascii():
        ascii_style = True
    elif _NON_ASCII.search(line, start, end):
        ascii_style = False
    else:
        ascii_style = _NON_ASCII_ESCAPE.search(line, start, end) is not None
    if ascii_style:
        return json.encoder.encode_basestring_ascii(value)  # type: ignore[attr-defined]
    return json.encoder.encode_basestring(value)  # type: ignore[attr-defined]


def splice_json(line: str, replacements: list[tuple[int, int, str]]) -> str:
    """``line`` with each ``(start, end, new_value)`` token replaced by ``new_value``
    written as a JSON string in the original token's style.

    >>> splice_json('{"a": 1.50, "t": "x  y"}', [(17, 23, "x y")])
    '{"a": 1.50, "t": "x y"}'
    """
    if len(replacements) == 1:
        start, end, value = replacements[0]
        return line[:start] + json_string(value, line, start, end) + line[end:]
    parts: list[str] = []
    pos = 0
    for start, end, value in sorted(replacements):
        parts.append(line[pos:start])
        parts.append(json_string(value, line, start, end))
        pos = end
    parts.append(line[pos:])
    return "".join(parts)


# -- CSV --------------------------------------------------------------------
def _terminator_start(record: str) -> int:
    if record.endswith("\r\n"):
        return len(record) - 2
    if record.endswith(("\n", "\r")):
        return len(record) - 1
    return len(record)


def csv_field_spans(record: str, delimiter: str, quotechar: str = '"') -> list[tuple[int, int, bool]] | None:
    """``(start, end, quoted)`` of each field of one raw CSV record, or ``None``
    when the record is not in the plain dialect this scanner follows
    (fields quoted whole with doubled quotes inside).

    >>> csv_field_spans('1,"a,b ""x"" c",d\\r\\n', ",")
    [(0, 1, False), (2, 15, True), (16, 17, False)]
    """
    spans: list[tuple[int, int, bool]] = []
    end = _terminator_start(record)
    i = 0
    while True:
        if i < end and record[i] == quotechar:
            j = i + 1
            while True:
                k = record.find(quotechar, j, end)
                if k < 0:
                    return None
                if k + 1 < end and record[k + 1] == quotechar:
                    j = k + 2
                    continue
                break
            spans.append((i, k + 1, True))
            i = k + 1
        else:
            k = record.find(delimiter, i, end)
            e = end if k < 0 else k
            if "\n" in record[i:e] or "\r" in record[i:e]:
                return None
            spans.append((i, e, False))
            i = e
        if i == end:
            return spans
        if record[i] != delimiter:
            return None
        i += 1


def csv_quote(value: str, delimiter: str, quoted: bool, quotechar: str = '"') -> str:
    """``value`` as a CSV field: quoted when the original was, or when it must be.

    >>> print(csv_quote('say "hi" now', ",", False))
    "say ""hi"" now"
    >>> csv_quote("plain", ",", False)
    'plain'
    """
    if quoted or delimiter in value or quotechar in value or "\n" in value or "\r" in value:
        return quotechar + value.replace(quotechar, quotechar * 2) + quotechar
    return value


def csv_splice(
    record: str, row: list[str], new_values: dict[int, str], delimiter: str, quotechar: str = '"'
) -> str:
    """``record`` with the fields ``new_values`` (column index -> value) replaced.

    Other fields keep their exact bytes when the record can be scanned;
    otherwise the row is re-written by :mod:`csv` (quoting as needed).
    """
    spans = csv_field_spans(record, delimiter, quotechar)
    if spans is not None and len(spans) == len(row):
        for (s, e, quoted), value in zip(spans, row):
            raw = record[s + 1 : e - 1].replace(quotechar * 2, quotechar) if quoted else record[s:e]
            if raw != value:
                spans = None
                break
    if spans is None or len(spans) != len(row):
        buf = io.StringIO()
        terminator = record[_terminator_start(record) :]
        writer = csv.writer(buf, delimiter=delimiter, quotechar=quotechar, lineterminator=terminator)
        writer.writerow([new_values.get(k, v) for k, v in enumerate(row)])
        return buf.getvalue()
    parts: list[str] = []
    pos = 0
    for k in sorted(new_values):
        s, e, quoted = spans[k]
        parts.append(record[pos:s])
        parts.append(csv_quote(new_values[k], delimiter, quoted, quotechar))
        pos = e
    parts.append(record[pos:])
    return "".join(parts)
