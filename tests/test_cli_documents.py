"""How ``explain``, ``segments`` and ``scripts`` read their inputs: lines, JSONL and CSV
records numbered by the line they start on, and one-line errors that name the place.

Run in this process (see ``cli_helpers.py``).
"""

from __future__ import annotations

import json

import pytest

from cli_helpers import run_cli


def _rows(*args: str, input: bytes | None = None) -> list[dict]:
    proc = run_cli(*args, input=input)
    assert proc.returncode == 0, proc.stderr.decode()
    return [json.loads(line) for line in proc.stdout.splitlines()]


def _error(*args: str, input: bytes | None = None, code: int = 1) -> str:
    proc = run_cli(*args, input=input)
    err = proc.stderr.decode()
    assert proc.returncode == code, err
    assert proc.stdout == b"" and "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("nazif: "), err
    return lines[0]


def test_csv_records_are_numbered_by_their_first_line(tmp_path):
    src = tmp_path / "a.csv"
    src.write_bytes('\ufeffbody,id\n"hello\nworld",1\n\nمرحبا,2\n'.encode())
    rows = _rows("scripts", "--no-language", "--field", "body", str(src))
    assert [(r["record"], r["field"], r["text"], r["script"]) for r in rows] == [
        (2, "body", "hello", "latin"),
        (2, "body", "world", "latin"),
        (5, "body", "مرحبا", "arabic"),  # the blank line 4 is no record
    ]
    assert all(r["file"] == str(src) for r in rows)


def test_tsv_and_a_column_named_twice_is_read_twice(tmp_path):
    src = tmp_path / "t.tsv"
    src.write_text("text\tx\ttext\nabc\t-\tب\n", encoding="utf-8")
    rows = _rows("scripts", "--no-language", str(src))
    assert [(r["record"], r["text"]) for r in rows] == [(2, "abc"), (2, "ب")]


def test_csv_errors_name_the_file_and_line(tmp_path):
    src = tmp_path / "short.csv"
    src.write_text("id,body\n1,ok\n2\n", encoding="utf-8")
    assert _error("scripts", "--no-language", "--field", "body", str(src)) == (
        f"nazif: {src}:3: record has 1 field(s), no column 'body'"
    )
    assert _error("explain", "--field", "nope", str(src)) == (
        f"nazif: {src}:1: no column 'nope' in the header"
    )


def test_lines_are_records():
    rows = _rows("scripts", "--lines", "--no-language", input="a\r\nب\n\n".encode())
    assert [(r["record"], r["text"], r["script"]) for r in rows] == [
        (1, "a", "latin"),  # without its line end
        (2, "ب", "arabic"),
        (3, "", "neutral"),  # a blank line is a record too
    ]


def test_jsonl_null_is_skipped_and_other_non_strings_are_errors():
    rows = _rows("segments", "--jsonl", "--no-language", input=b'{"text": null}\n\n{"text": "ok"}\n')
    assert [(r["record"], r["text"]) for r in rows] == [(3, "ok")]
    assert _error("explain", "--jsonl", input=b'{"text": null}\n{"text": 3}\n') == (
        "nazif: <stdin>:2: field 'text' is a number, not a string"
    )
    assert _error("explain", "--jsonl", input=b'{"id": 1}\n') == "nazif: <stdin>:1: no field 'text'"
    assert "nazif: <stdin>:2: invalid JSON" in _error(
        "segments", "--jsonl", input=b'{"text": "a"}\n{"text": \n'
    )


@pytest.mark.parametrize("command", ["explain", "segments", "scripts"])
def test_invalid_utf8_is_an_error_unless_replaced(command):
    data = b"ok\n\xff\n"
    extra = [] if command == "explain" else ["--no-language"]
    msg = _error(command, "--lines", *extra, input=data)
    assert msg.startswith("nazif: <stdin>:2: invalid UTF-8 at byte offset 3")
    proc = run_cli(command, "--lines", "--errors", "replace", *extra, input=data)
    assert proc.returncode == 0, proc.stderr.decode()
    if command != "explain":  # explain prints what steps changed: nothing here
        rows = [json.loads(line) for line in proc.stdout.splitlines()]
        assert [r["text"] for r in rows if r["record"] == 2] == ["\ufffd"]


def test_a_missing_input_is_one_line():
    assert "cannot read" in _error("segments", "--no-language", "no-such-file.txt")
