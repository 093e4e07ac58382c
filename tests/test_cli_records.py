"""In-process tests of the CLI's record handling: the JSON span scanner, the
CSV splicer, ``--steps`` parsing and the chunk cutters (properties and goldens).

The end-to-end behaviour of the command is in ``test_cli.py``.
"""

from __future__ import annotations

import csv
import io
import json

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from nazif.cli.args import parse_steps
from nazif.cli.errors import UsageError
from nazif.cli.io import DecodeFailure, csv_cut, decode, jsonl_cut
from nazif.cli.records import (
    JSONLineError,
    NonString,
    csv_field_spans,
    csv_splice,
    field_trie,
    locate_fields,
    splice_json,
)

# -- JSON ------------------------------------------------------------------------
texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30) | st.sampled_from(
    ["", "ا\u0640\u0640ب", "a\u00a0 b", '"quoted" \\ /', "\u2028\u2029", "😀", "\x00\x1f"]
)
scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | texts
json_values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(texts, children, max_size=4),
    max_leaves=12,
)
keys = st.text("abcxyz", min_size=1, max_size=3)


def _dump(obj: object, style: int) -> str:
    if style == 0:
        return json.dumps(obj)
    if style == 1:
        return json.dumps(obj, ensure_ascii=False)
    if style == 2:
        return json.dumps(obj, separators=(",", ":"))
    return json.dumps(obj, ensure_ascii=False, separators=(" ,", " :  "))


@given(
    obj=st.dictionaries(keys, json_values, max_size=5),
    target=texts,
    nested=st.booleans(),
    new_value=texts,
    style=st.integers(0, 3),
)
def test_splice_replaces_exactly_the_target_token(obj, target, nested, new_value, style):
    # put the target string at "t" or "m.t"
    if nested:
        obj["m"] = {"t": target, "u": 1.5}
        path = "m.t"
    else:
        obj["t"] = target
        path = "t"
    line = _dump(obj, style)
    found = locate_fields(line, 0, field_trie([path]))
    assert len(found) == 1
    idx, start, end, value = found[0]
    assert idx == 0 and value == target
    assert json.loads(line[start:end]) == target
    out = splice_json(line, [(start, end, new_value)])
    # the bytes around the token are untouched
    assert out.startswith(line[:start])
    assert out.endswith(line[end:])
    # and the result is the same JSON with only the target changed
    expected = json.loads(line)
    if nested:
        expected["m"]["t"] = new_value
    else:
        expected["t"] = new_value
    assert json.loads(out) == expected


@given(obj=st.dictionaries(keys, json_values, max_size=6), style=st.integers(0, 3))
def test_scanner_accepts_every_json_object_and_finds_top_level_strings(obj, style):
    line = _dump(obj, style)
    paths = sorted(obj)
    if not paths:
        assert locate_fields(line, 0, field_trie(["t"])) == []
        return
    found = locate_fields(line, 0, field_trie(paths))
    by_path = {}
    for idx, start, end, value in found:
        by_path[paths[idx]] = value
        if not isinstance(value, NonString):
            assert json.loads(line[start:end]) == value
    assert set(by_path) == set(paths)
    for key, value in by_path.items():
        if isinstance(value, NonString):
            assert not isinstance(obj[key], str)
        else:
            assert obj[key] == value


@given(obj=st.dictionaries(keys, json_values, min_size=1, max_size=4), cut=st.integers(0, 200))
def test_truncated_lines_are_rejected(obj, cut):
    line = json.dumps(obj)
    assume(cut < len(line))
    broken = line[:cut]
    try:
        json.loads(broken)
    except ValueError:
        with pytest.raises(JSONLineError):
            locate_fields(broken, 0, field_trie(["x"]))


def test_style_follows_the_original_token():
    line = '{"a": "\\u0627", "t": "\\u0639\\u0640\\u0631", "z": 1.0e3}'
    ((_, s, e, v),) = locate_fields(line, 0, field_trie(["t"]))
    assert v == "ع\u0640ر"
    assert splice_json(line, [(s, e, "عر")]) == '{"a": "\\u0627", "t": "\\u0639\\u0631", "z": 1.0e3}'
    raw = '{"t": "عـر", "n": -0.0}'
    ((_, s, e, _v),) = locate_fields(raw, 0, field_trie(["t"]))
    assert splice_json(raw, [(s, e, "عر")]) == '{"t": "عر", "n": -0.0}'
    # pure-ASCII token in a line with raw Arabic elsewhere: raw style
    mixed = '{"a": "عربي", "t": "x  y"}'
    ((_, s, e, _v),) = locate_fields(mixed, 0, field_trie(["t"]))
    assert splice_json(mixed, [(s, e, "x “y”")]) == '{"a": "عربي", "t": "x “y”"}'
    # pure-ASCII line: escaped, as json.dumps writes by default
    ascii_line = '{"t": "x  y"}'
    ((_, s, e, _v),) = locate_fields(ascii_line, 0, field_trie(["t"]))
    assert splice_json(ascii_line, [(s, e, "x “y”")]) == '{"t": "x \\u201cy\\u201d"}'


def test_arrays_duplicates_and_non_strings():
    line = '{"items": [{"t": "a"}, {"t": "b"}], "t": "x", "t": "y", "n": null, "k": [1]}'
    found = locate_fields(line, 0, field_trie(["items.1.t", "t", "n", "k"]))
    values = [(idx, v if isinstance(v, str) else v.type) for idx, _s, _e, v in found]
    assert values == [(0, "b"), (1, "x"), (1, "y"), (2, "null"), (3, "an array")]


@pytest.mark.parametrize(
    "line, message",
    [
        ("[1, 2]", "a record must be a JSON object"),
        ('{"a": 1} x', "extra data after the JSON object"),
        ('{"a" 1}', "expecting ':' delimiter"),
        ('{"a": 1 "b": 2}', "expecting ',' delimiter"),
        ('{"a": }', "expecting a value"),
        ('{"a": "x', "Unterminated string"),
        ("{'a': 1}", "expecting a property name"),
        ("", "a record must be a JSON object"),
    ],
)
def test_broken_lines_name_the_problem(line, message):
    with pytest.raises(JSONLineError) as info:
        locate_fields(line, 0, field_trie(["a"]))
    assert message in info.value.message


def test_field_paths_are_checked():
    assert field_trie(["a.b", "a.c", "d"]) == {"a": {"b": 0, "c": 1}, "d": 2}
    for bad in (["a", "a.b"], ["a.b", "a"], ["a..b"], [""], ["a", "a"]):
        with pytest.raises(UsageError):
            field_trie(bad)


# -- CSV -------------------------------------------------------------------------
cells = st.text(st.sampled_from(list('ab ,"\n\r\tع')), max_size=8)


@given(
    rows=st.lists(st.lists(cells, min_size=3, max_size=3), min_size=1, max_size=4),
    new=cells,
    quoting=st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC]),
)
def test_csv_splice_changes_only_the_target_field(rows, new, quoting):
    buf = io.StringIO()
    csv.writer(buf, quoting=quoting, lineterminator="\r\n").writerows(rows)
    text = buf.getvalue()
    records = []
    reader_lines = io.StringIO(text, newline="")
    # split the text into raw records with csv itself (line_num bookkeeping)
    lines = reader_lines.readlines()
    feed = iter(lines)
    consumed = []

    def gen():
        for line in feed:
            consumed.append(line)
            yield line

    reader = csv.reader(gen())
    for row in reader:
        records.append(("".join(consumed), row))
        consumed.clear()
    assert [r for _, r in records] == rows or any("\r" in c for r in rows for c in r)
    for raw, row in records:
        out = csv_splice(raw, row, {1: new}, ",")
        (parsed,) = list(csv.reader(io.StringIO(out, newline="")))
        assert parsed == [row[0], new, row[2]]
        spans = csv_field_spans(raw, ",")
        if spans is not None and len(spans) == 3:
            # the first and last fields keep their bytes
            assert out.startswith(raw[: spans[0][1]])
            assert out.endswith(raw[spans[2][0] :])


def test_csv_field_spans_golden():
    assert csv_field_spans('1,"a,b ""x"" c",d\r\n', ",") == [(0, 1, False), (2, 15, True), (16, 17, False)]
    assert csv_field_spans("a,,\n", ",") == [(0, 1, False), (2, 2, False), (3, 3, False)]
    assert csv_field_spans('"a"b,c\n', ",") is None
    assert (
        csv_splice('1,"keep  me",x  y\r\n', ["1", "keep  me", "x  y"], {2: "x y"}, ",")
        == '1,"keep  me",x y\r\n'
    )


# -- chunking and decoding ----------------------------------------------------------------
@given(
    st.lists(st.sampled_from([b'a,"b\nc",d\n', b"x,y\n", b'"q""\n""",z\n', b"\n"]), max_size=12),
    st.integers(1, 40),
)
def test_csv_cut_never_splits_a_record(records, size):
    data = b"".join(records)
    # cut the data into blocks of `size` and feed them like iter_chunks does
    chunks, parts, state = [], [], 0
    for i in range(0, len(data), size):
        block = data[i : i + size]
        cut, new_state = csv_cut(block, state)
        if cut < 0:
            parts.append(block)
            state = new_state
            continue
        parts.append(block[:cut])
        chunks.append(b"".join(parts))
        parts = [block[cut:]] if cut < len(block) else []
        state = new_state
    if parts:
        chunks.append(b"".join(parts))
    assert b"".join(chunks) == data
    for chunk in chunks[:-1]:
        assert chunk.count(b'"') % 2 == 0 and chunk.endswith(b"\n")


def test_jsonl_cut():
    assert jsonl_cut(b'{"a": 1}\n{"b"', 0) == (9, 0)
    assert jsonl_cut(b"no newline", 0) == (-1, 0)


def test_decode_names_line_and_byte_offset():
    with pytest.raises(DecodeFailure) as info:
        decode(b"ok\nstill ok\nbad \xff here\n", "strict", "f.txt", line=10, offset=100)
    assert info.value.message.startswith("f.txt:12: invalid UTF-8 at byte offset 116 (bytes ff")
    assert decode(b"a\xffb", "replace", "x") == "a\ufffdb"
    assert decode(b"a\xffb", "skip", "x") == "ab"


# -- --steps ------------------------------------------------------------------------
def test_parse_steps():
    assert parse_steps("a, b:x=1,y=true , c:z=[1,2]") == [
        "a",
        ["b", {"x": 1, "y": True}],
        ["c", {"z": [1, 2]}],
    ]
    assert parse_steps('q:style="typographic",url=http://x.org/a:b') == [
        ["q", {"style": "typographic", "url": "http://x.org/a:b"}]
    ]
    for bad in ("", "x=1", "a:novalue", " , "):
        with pytest.raises(UsageError):
            parse_steps(bad)


# -- the job shipped to worker processes ----------------------------------------------------
def test_job_pickles_and_cleans_the_same_after_a_round_trip():
    import pickle

    for module in ("whitespace", "arabic"):
        __import__(f"nazif.{module}")
    from nazif import Pipeline
    from nazif.cli.engine import Cleaner, Job, Task

    job = Job(
        Pipeline(["normalize_whitespace", "remove_tatweel"]),
        kind="jsonl",
        fields=("text", "m.b"),
        report=True,
        stats=True,
    )
    copy = pickle.loads(pickle.dumps(job))
    task = Task(
        0, "f", '{"text": "عـــربي  x", "m": {"b": "a  b"}}\n{"text": "ok", "m": {"b": ""}}\n'.encode()
    )
    one, two = Cleaner(job).run(task), Cleaner(copy).run(task)
    assert one == two
    assert one.data == '{"text": "عربي x", "m": {"b": "a b"}}\n{"text": "ok", "m": {"b": ""}}\n'.encode()
    assert one.records == 2 and one.changed == 1 and not one.identical
    assert one.stats["remove_tatweel"][0] == 1
