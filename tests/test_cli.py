"""End-to-end tests of the ``nazif`` command.

The tests drive ``nazif ...`` through standard input and output and files, and
check outputs byte for byte, exit codes, the one-line error messages, and that
no partial output is ever left behind.  Most run :func:`nazif.cli.main` in this
process (``run``, see ``cli_helpers.py``); signals, ptys, a broken pipe, a
killed main process, a fresh interpreter and the installed script run
``python -m nazif`` (or ``nazif``) as a real subprocess.
"""

from __future__ import annotations

import gzip
import json
import os
import select
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

import nazif
from cli_helpers import Result, run_cli, run_process

# Register the display preset's steps without importing every subsystem
# (``nazif.clean`` would otherwise load them all on first use).
for _module in ("whitespace", "invisibles", "quotes", "punctuation", "arabic"):
    __import__(f"nazif.{_module}")

ROOT = Path(__file__).resolve().parent.parent
posix_only = pytest.mark.skipif(os.name != "posix", reason="needs POSIX signals, process groups and ptys")
NBSP = "\u00a0"
ZWSP = "\u200b"
TATWEEL = "\u0640"


#: Most tests run the command in this process (fast, and measured by coverage);
#: the ones that need a real process (signals, ptys, a broken pipe, a fresh
#: interpreter, workers started from it) use ``run_process`` or ``subprocess``.
run = run_cli


def ok(proc: Result | subprocess.CompletedProcess) -> bytes:
    assert proc.returncode == 0, proc.stderr.decode()
    assert b"Traceback" not in proc.stderr
    return proc.stdout


def one_line_error(proc: Result | subprocess.CompletedProcess, code: int) -> str:
    """The command failed with ``code`` and said so in exactly one line, no traceback."""
    err = proc.stderr.decode()
    assert proc.returncode == code, (proc.returncode, err)
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("nazif: ")
    return lines[0]


def no_leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if "nazif-tmp" in p.name)


def expected_clean(text: str, preset: str = "display") -> str:
    """What ``nazif clean`` prints for a document: the API's output, ending
    with a newline when the input did."""
    out = nazif.clean(text, preset=preset)
    if out and not out.endswith("\n") and text.endswith("\n"):
        out += "\n"
    return out


DOC = f"  Breaking{NBSP}news:  the “deal”{ZWSP} is off.  \n\nعـــربي   نص\n"


# -- the command itself ---------------------------------------------------------------
def test_version():
    assert ok(run("--version")).decode() == f"nazif {nazif.__version__}\n"


@pytest.mark.parametrize(
    "command",
    [
        [],
        ["clean"],
        ["explain"],
        ["segments"],
        ["scripts"],
        ["chrome"],
        ["chrome", "find"],
        ["chrome", "learn"],
        ["steps"],
        ["presets"],
    ],
    ids=lambda c: " ".join(c) or "nazif",
)
def test_help_of_every_subcommand_has_an_example(command):
    out = ok(run(*command, "--help")).decode()
    assert out.startswith("usage: nazif")
    assert "example" in out
    assert "nazif " in out.split("example", 1)[1]


def test_usage_error_exit_code_is_2():
    proc = run("clean", "--no-such-option")
    assert proc.returncode == 2
    assert b"Traceback" not in proc.stderr
    assert run().returncode == 2  # no subcommand


def test_help_imports_no_subsystem():
    code = (
        "import sys, contextlib, io\n"
        "from nazif.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['--help'])\n"
        "print(sorted(m for m in sys.modules if m.startswith(('nazif.chrome', 'nazif.scripts', 'langdetect'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True).stdout
    assert out.strip() == b"[]"


def test_display_preset_does_not_load_chrome_or_language_models():
    code = (
        "import sys, io, contextlib\n"
        "from nazif.cli import main\n"
        "sys.stdin = io.TextIOWrapper(io.BytesIO(b'a  b\\n'))\n"
        "buf = io.BytesIO()\n"
        "sys.stdout = io.TextIOWrapper(buf)\n"
        "rc = main(['clean', '-q'])\n"
        "sys.stdout.flush()\n"
        "sys.stderr.write(repr((rc, buf.getvalue(), sorted(m for m in sys.modules\n"
        "    if m.startswith(('nazif.chrome', 'langdetect'))))))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True)
    assert proc.stderr.decode().strip().endswith("(0, b'a b\\n', [])"), proc.stderr.decode()


def test_python_m_nazif_cli_and_installed_script():
    assert ok(run_process("--version")).decode() == f"nazif {nazif.__version__}\n"
    proc = subprocess.run([sys.executable, "-m", "nazif.cli", "--version"], capture_output=True)
    assert proc.stdout.decode() == f"nazif {nazif.__version__}\n"
    script = Path(sys.executable).parent / "nazif"
    if not script.exists():
        pytest.skip("the nazif script is not installed next to this interpreter")
    proc = subprocess.run([str(script), "clean"], input=DOC.encode(), capture_output=True)
    assert proc.returncode == 0
    assert proc.stdout.decode() == expected_clean(DOC)


def test_steps_and_presets_lists():
    out = ok(run("steps")).decode()
    for name in ("normalize_whitespace", "remove_tatweel", "normalize_quotes"):
        assert any(line.split()[:2] == [name, "lossless"] for line in out.splitlines()), out
    rows = [json.loads(line) for line in ok(run("steps", "--json")).splitlines()]
    assert {r["name"] for r in rows} == set(nazif.step_names())
    assert all(r["summary"] for r in rows)
    presets = ok(run("presets")).decode()
    for name in nazif.preset_names():
        assert f"{name}: " in presets
    assert "normalize_digits:to=ascii" in presets
    rows = [json.loads(line) for line in ok(run("presets", "--json")).splitlines()]
    assert {r["name"]: r["steps"] for r in rows} == nazif.PRESETS


# -- clean: pipes and files ------------------------------------------------------------------
def test_clean_stdin_to_stdout_matches_the_api():
    assert ok(run("clean", input=DOC.encode())).decode() == expected_clean(DOC)
    assert ok(run("clean", "-", input=DOC.encode())).decode() == expected_clean(DOC)
    # no final newline in, none added
    assert ok(run("clean", input=b"a  b")).decode() == "a b"


def test_clean_files_to_stdout_and_to_a_file(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(DOC, encoding="utf-8")
    b.write_text("x\u00a0\u00a0y\n", encoding="utf-8")
    both = expected_clean(DOC) + expected_clean("x\u00a0\u00a0y\n")
    assert ok(run("clean", str(a), str(b))).decode() == both
    out = tmp_path / "out.txt"
    assert ok(run("clean", str(a), str(b), "-o", str(out))) == b""
    assert out.read_text(encoding="utf-8") == both
    assert no_leftovers(tmp_path) == []


def test_clean_into_a_folder_keeps_relative_paths(tmp_path):
    src = tmp_path / "pages"
    (src / "sub").mkdir(parents=True)
    (src / "one.txt").write_text(DOC, encoding="utf-8")
    (src / "sub" / "two.txt").write_text("b  c\n", encoding="utf-8")
    (src / ".hidden").write_text("skip me", encoding="utf-8")
    dest = tmp_path / "clean"
    ok(run("clean", str(src), "-o", str(dest) + "/"))
    assert sorted(str(p.relative_to(dest)) for p in dest.rglob("*") if p.is_file()) == [
        "one.txt",
        "sub/two.txt",
    ]
    assert (dest / "one.txt").read_text(encoding="utf-8") == expected_clean(DOC)
    assert (dest / "sub" / "two.txt").read_text(encoding="utf-8") == "b c\n"


def test_clean_into_a_folder_refuses_name_collisions(tmp_path):
    for d in ("x", "y"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "same.txt").write_text("a\n")
    proc = run(
        "clean",
        str(tmp_path / "x" / "same.txt"),
        str(tmp_path / "y" / "same.txt"),
        "-o",
        str(tmp_path / "out") + "/",
    )
    assert "would both be written to" in one_line_error(proc, 2)


def test_in_place_rewrites_only_changed_files_and_keeps_their_mode(tmp_path):
    changed, same = tmp_path / "changed.txt", tmp_path / "same.txt"
    changed.write_text(DOC, encoding="utf-8")
    changed.chmod(0o640)
    same.write_text("already clean\n", encoding="utf-8")
    past = time.time() - 1000
    os.utime(same, (past, past))
    inode = same.stat().st_ino
    ok(run("clean", "--in-place", str(changed), str(same)))
    assert changed.read_text(encoding="utf-8") == expected_clean(DOC)
    assert stat.S_IMODE(changed.stat().st_mode) == 0o640
    assert same.stat().st_ino == inode and abs(same.stat().st_mtime - past) < 1
    assert no_leftovers(tmp_path) == []


def test_in_place_refuses_stdin():
    assert "--in-place" in one_line_error(run("clean", "--in-place"), 2)


def test_steps_with_options_and_config_files(tmp_path):
    digits = "٣٤ و ١٠\n"
    out = ok(run("clean", "--steps", "normalize_digits:to=ascii", input=digits.encode())).decode()
    assert out == nazif.Pipeline([("normalize_digits", {"to": "ascii"})])(digits)
    out = ok(run("clean", "--steps", "remove_tatweel", input="عـــربي  \n".encode())).decode()
    assert out == "عربي  \n"  # only the step asked for ran
    config = tmp_path / "pipe.json"
    config.write_text(json.dumps(["normalize_whitespace", ["normalize_digits", {"to": "ascii"}]]))
    assert ok(run("clean", "--config", str(config), input="٣  ٤\n".encode())).decode() == "3 4\n"
    config.write_text(json.dumps({"preset": "display", "steps": [["normalize_digits", {"to": "ascii"}]]}))
    assert (
        ok(run("clean", "--config", str(config), input=DOC.encode() + "٣\n".encode()))
        .decode()
        .endswith("3\n")
    )


@pytest.mark.parametrize(
    "args, words",
    [
        (["--preset", "nope"], "unknown preset"),
        (["--steps", "no_such_step"], "unknown step"),
        (["--steps", "normalize_quotes:nope=1"], "normalize_quotes"),
        (["--steps", "normalize_digits:to=klingon"], "normalize_digits"),
        (["--field", "text"], "--field needs --jsonl"),
        (["--config", "/no/such/config.json"], "cannot read --config"),
        (["--jsonl", "--field", "a", "--field", "a.b"], "inside another"),
        (["--jobs", "-1"], "--jobs"),
    ],
)
def test_usage_errors(args, words):
    assert words in one_line_error(run("clean", *args, input=b"x\n"), 2)


def test_bad_config_json(tmp_path):
    config = tmp_path / "c.json"
    config.write_text("[not json")
    assert "not valid JSON" in one_line_error(run("clean", "--config", str(config), input=b"x"), 2)


# -- clean: JSONL -------------------------------------------------------------------------------
JSONL_LINES = [
    # escaped non-ASCII everywhere, exotic numbers, odd spacing and key order
    '{"z": 1.0e3, "text": "a\\u00a0\\u00a0b  c", "meta": {"body": "\\u0639\\u0640\\u0640\\u0631\\u0628\\u064a", '
    '"n": [1, 2.50, -0.0, 1E+2]}, "a":"\\u0627\\/x"}\n',
    # raw UTF-8, compact separators, a field that needs no change
    '{"text":"نص   عربي","meta":{"body":"clean"},"t":true,"nil":null}\n',
    "\n",  # blank line: kept
    # CRLF line end, weird spacing, nested body with raw Arabic
    '{ "meta" : { "body" : "عـــربي" } ,  "text" : "ok" }\r\n',
    # last line without a newline, null text
    '{"text": null, "meta": {"body": "x  y"}, "k": "\\"q\\""}',
]


def _clean_value(v: str) -> str:
    return nazif.clean(v)


def test_jsonl_cleans_only_the_named_fields_byte_for_byte(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_bytes("".join(JSONL_LINES).encode("utf-8"))
    out = ok(run("clean", "--jsonl", "--field", "text", "--field", "meta.body", str(src))).decode("utf-8")
    lines = out.splitlines(keepends=True)
    assert len(lines) == len(JSONL_LINES)
    expected = [
        '{"z": 1.0e3, "text": '
        + json.dumps(_clean_value("a\u00a0\u00a0b  c"))
        + ', "meta": {"body": '
        + json.dumps(_clean_value("ع\u0640\u0640ربي"))
        + ', "n": [1, 2.50, -0.0, 1E+2]}, "a":"\\u0627\\/x"}\n',
        '{"text":'
        + json.dumps(_clean_value("نص   عربي"), ensure_ascii=False)
        + ',"meta":{"body":"clean"},"t":true,"nil":null}\n',
        "\n",
        '{ "meta" : { "body" : '
        + json.dumps(_clean_value("عـــربي"), ensure_ascii=False)
        + ' } ,  "text" : "ok" }\r\n',
        '{"text": null, "meta": {"body": ' + json.dumps(_clean_value("x  y")) + '}, "k": "\\"q\\""}',
    ]
    assert lines == expected
    # the cleaning itself is the API's
    for line in lines:
        if line.strip():
            rec = json.loads(line)
            assert rec["meta"]["body"] == _clean_value(rec["meta"]["body"])


def test_jsonl_detected_from_the_extension_and_default_field(tmp_path):
    src = tmp_path / "d.jsonl"
    src.write_text('{"id": 7, "text": "a  b"}\n', encoding="utf-8")
    assert ok(run("clean", str(src))) == b'{"id": 7, "text": "a b"}\n'


def test_jsonl_unchanged_lines_are_byte_identical(tmp_path):
    weird = '{"text": "already clean \\/ \\u00e9", "x": 1.000}\n'
    src = tmp_path / "w.jsonl"
    src.write_text(weird * 3, encoding="utf-8")
    assert ok(run("clean", str(src))).decode() == weird * 3


def test_jsonl_bom_and_gzip_input_and_output(tmp_path):
    src = tmp_path / "b.jsonl.gz"
    with gzip.open(src, "wb") as fh:
        fh.write(b'\xef\xbb\xbf{"text": "a  b"}\n{"text": "c  d"}\n')
    assert ok(run("clean", str(src))) == b'\xef\xbb\xbf{"text": "a b"}\n{"text": "c d"}\n'
    dest = tmp_path / "out.jsonl.gz"
    ok(run("clean", str(src), "-o", str(dest)))
    assert gzip.decompress(dest.read_bytes()) == b'\xef\xbb\xbf{"text": "a b"}\n{"text": "c d"}\n'


def test_report_and_stats(tmp_path):
    src = tmp_path / "r.jsonl"
    src.write_text('{"text": "ok"}\n{"text": "عـــربي  نص", "meta": {"body": "x"}}\n', encoding="utf-8")
    report = tmp_path / "report.jsonl"
    proc = run("clean", str(src), "--report", str(report), "--report-all", "--stats")
    ok(proc)
    entries = [json.loads(line) for line in report.read_text(encoding="utf-8").splitlines()]
    assert entries, "the report is empty"
    assert all(e["file"] == str(src) and e["record"] == 2 and e["field"] == "text" for e in entries)
    steps = [e["step"] for e in entries]
    assert "remove_tatweel" in steps and "normalize_whitespace" in steps
    tatweel = next(e for e in entries if e["step"] == "remove_tatweel")
    assert set(tatweel["before"]) == {TATWEEL} and tatweel["after"] == ""
    assert tatweel["end"] - tatweel["start"] == len(tatweel["before"])
    # the report is the API's explanation of that record
    exp = nazif.explain("عـــربي  نص")
    assert len(entries) == sum(len(r.changes) for r in exp.steps)
    err = proc.stderr.decode()
    assert "remove_tatweel" in err and "total: 2 records, 1 changed" in err


def test_stats_without_report_counts_records_per_step():
    proc = run("clean", "--stats", "--lines", input="a  b\nعـــربي\nclean\n".encode())
    assert ok(proc).decode() == "a b\nعربي\nclean\n"
    rows = {line.split()[0]: line.split() for line in proc.stderr.decode().splitlines()}
    assert rows["normalize_whitespace"][1] == "1" and rows["remove_tatweel"][1] == "1"
    assert "total: 3 records, 2 changed" in proc.stderr.decode()


# -- clean: CSV -----------------------------------------------------------------------------------
CSV_TEXT = (
    'id,"body",note\r\n'
    '1,"hello   world, ok","keep  this"\r\n'
    '2,plain   text,"multi\r\nline  note"\r\n'
    '3,"say ""hi""   there",x\r\n'
    '4,clean,"y"\r\n'
)


def test_csv_cleans_a_column_and_keeps_the_others(tmp_path):
    src = tmp_path / "a.csv"
    src.write_bytes(CSV_TEXT.encode())
    out = ok(run("clean", str(src), "--field", "body")).decode()
    assert out == (
        'id,"body",note\r\n'
        '1,"hello world, ok","keep  this"\r\n'
        '2,plain text,"multi\r\nline  note"\r\n'
        '3,"say ""hi"" there",x\r\n'
        '4,clean,"y"\r\n'
    )


def test_csv_multiline_records_across_chunks_and_jobs(tmp_path):
    rows = ["id,text,other\r\n"] + [
        f'{i},"line  one\r\nline  ""two""  {i}",keep  {i}\r\n' if i % 3 else f"{i},plain  {i},x\r\n"
        for i in range(300)
    ]
    src = tmp_path / "m.csv"
    src.write_bytes("".join(rows).encode())
    outs = {
        j: ok(run("clean", str(src), "--jobs", j, env={"NAZIF_CLI_CHUNK_BYTES": "300"})) for j in ("1", "2")
    }
    assert outs["1"] == outs["2"]
    import csv
    import io as _io

    parsed = list(csv.reader(_io.StringIO(outs["1"].decode(), newline="")))
    original = list(csv.reader(_io.StringIO("".join(rows), newline="")))
    assert len(parsed) == len(original) == 301
    for new, old in zip(parsed[1:], original[1:]):
        assert new[0] == old[0] and new[2] == old[2]  # untouched columns
        assert new[1] == nazif.clean(old[1])


def test_lines_mode_keeps_line_endings_and_output_may_be_the_input(tmp_path):
    assert ok(run("clean", "--lines", input=b"a  b\r\nc\xc2\xa0d\r\ne")) == b"a b\r\nc d\r\ne"
    src = tmp_path / "same.jsonl"
    src.write_text('{"text": "a  b"}\n' * 1000, encoding="utf-8")
    ok(run("clean", str(src), "-o", str(src), env={"NAZIF_CLI_CHUNK_BYTES": "100"}))
    assert src.read_text(encoding="utf-8") == '{"text": "a b"}\n' * 1000


def test_tsv_and_missing_column(tmp_path):
    src = tmp_path / "a.tsv"
    src.write_text("id\ttext\n1\ta  b\n", encoding="utf-8")
    assert ok(run("clean", str(src))) == b"id\ttext\n1\ta b\n"
    msg = one_line_error(run("clean", str(src), "--field", "body"), 1)
    assert f"{src}:1: no column 'body'" in msg


# -- clean: errors ------------------------------------------------------------------------------
def _records(n: int, bad_line: int | None = None, bad: bytes = b"") -> bytes:
    lines = [json.dumps({"id": i, "text": f"record  {i}\u00a0"}).encode() + b"\n" for i in range(1, n + 1)]
    if bad_line is not None:
        lines[bad_line - 1] = bad
    return b"".join(lines)


@pytest.mark.parametrize(
    "bad, message",
    [
        (b'{"id": 5, "text": "ok", \n', "bad.jsonl:5: invalid JSON at column 25"),
        (b'{"id": 5}\n', "bad.jsonl:5: no field 'text'"),
        (b'{"id": 5, "text": 12}\n', "bad.jsonl:5: field 'text' is a number, not a string"),
        (b'{"text": "caf\xe9"}\n', "bad.jsonl:5: invalid UTF-8 at byte offset"),
    ],
    ids=["broken-json", "missing-field", "not-a-string", "invalid-utf8"],
)
def test_data_errors_stop_with_file_and_line_and_leave_no_output(tmp_path, bad, message):
    data = _records(3000, 5, bad)
    src = tmp_path / "bad.jsonl"
    src.write_bytes(data)
    dest = tmp_path / "out.jsonl"
    proc = run("clean", str(src), "-o", str(dest), cwd=tmp_path)
    line = one_line_error(proc, 1)
    assert message in line.replace(str(tmp_path) + "/", "")
    assert not dest.exists()
    assert no_leftovers(tmp_path) == []
    # in place: the file is left exactly as it was
    proc = run("clean", "--in-place", str(src))
    one_line_error(proc, 1)
    assert src.read_bytes() == data
    assert no_leftovers(tmp_path) == []


def test_invalid_utf8_byte_offset_is_exact(tmp_path):
    data = b"line one\nline two \xff\n"
    src = tmp_path / "t.txt"
    src.write_bytes(data)
    line = one_line_error(run("clean", str(src)), 1)
    offset = data.index(b"\xff")
    assert f"{src}:2: invalid UTF-8 at byte offset {offset}" in line


def test_on_error_skip_and_keep(tmp_path):
    data = _records(4, 2, b"{broken\n")
    src = tmp_path / "s.jsonl"
    src.write_bytes(data)
    proc = run("clean", str(src), "--on-error", "skip")
    out = ok(proc).splitlines()
    assert len(out) == 3 and b"broken" not in b"".join(out)
    assert f"{src}:2: invalid JSON".encode() in proc.stderr and b"skipped" in proc.stderr
    proc = run("clean", str(src), "--on-error", "keep", "--report", str(tmp_path / "r.jsonl"))
    out = ok(proc).splitlines()
    assert out[1] == b"{broken"
    report = [json.loads(line) for line in (tmp_path / "r.jsonl").read_text().splitlines()]
    assert {"file": str(src), "record": 2, "action": "kept"}.items() <= next(
        r for r in report if "error" in r
    ).items()


def test_skipped_documents_are_not_written_over(tmp_path):
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text("a  b\n", encoding="utf-8")
    bad.write_bytes(b"caf\xe9  au lait\n")
    proc = run("clean", "--in-place", "--on-error", "skip", str(good), str(bad))
    ok(proc)
    assert b"bad.txt:1: invalid UTF-8" in proc.stderr
    assert good.read_text(encoding="utf-8") == "a b\n"
    assert bad.read_bytes() == b"caf\xe9  au lait\n"  # left alone, not emptied
    out = tmp_path / "out"
    ok(run("clean", "--on-error", "skip", str(good), str(bad), "-o", str(out) + "/"))
    assert sorted(p.name for p in out.iterdir()) == ["good.txt"]
    ok(run("clean", "--on-error", "keep", str(bad), "-o", str(out) + "/"))
    assert (out / "bad.txt").read_bytes() == b"caf\xe9  au lait\n"


def test_errors_replace_and_skip():
    assert ok(run("clean", "--errors", "replace", input=b"a\xffb  c\n")).decode() == "a\ufffdb c\n"
    assert ok(run("clean", "--errors", "skip", input=b"a\xffb  c\n")).decode() == "ab c\n"


def test_unreadable_input_and_unwritable_output(tmp_path):
    assert "cannot read" in one_line_error(run("clean", str(tmp_path / "missing.txt")), 1)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    msg = one_line_error(run("clean", "-o", str(blocker / "out.txt"), input=b"a\n"), 1)
    assert "cannot write" in msg
    msg = one_line_error(run("clean", "--report", str(blocker / "r.jsonl"), input=b"a\n"), 1)
    assert "cannot write" in msg


@posix_only
def test_broken_pipe_exits_quietly(tmp_path):
    src = tmp_path / "big.jsonl"
    src.write_bytes(_records(50_000))
    proc = subprocess.Popen(
        [sys.executable, "-m", "nazif", "clean", str(src)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(100)
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(timeout=60) == 141
    assert err == b""


@posix_only
def test_a_small_output_into_a_pipe_already_closed_is_a_broken_pipe_too(tmp_path):
    # one short write, no chunking: the pipe's reader is gone before it
    src = tmp_path / "short.txt"
    src.write_text("hello  world\n", encoding="utf-8")
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "nazif", "clean", str(src)],
            stdout=write_end,
            stderr=subprocess.PIPE,
            timeout=60,
        )
    finally:
        os.close(write_end)
    assert proc.returncode == 141
    assert proc.stderr == b""


def _wait_for(predicate, timeout: float = 30.0) -> None:
    end = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > end:
            raise AssertionError("timed out")
        time.sleep(0.02)


def _default_signals() -> None:
    # a run under nohup (or "&") hands SIGHUP / SIGINT down ignored, and the
    # command rightly leaves an ignored SIGHUP ignored: restore both
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGHUP, signal.SIG_DFL)


@posix_only
@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize(
    "sig, code",
    [(signal.SIGINT, 130), (signal.SIGTERM, 143), (getattr(signal, "SIGHUP", signal.SIGTERM), 129)],
    ids=["ctrl-c", "sigterm", "sighup"],
)
def test_interrupted_run_leaves_nothing_behind(tmp_path, jobs, sig, code):
    dest = tmp_path / "out.jsonl"
    report = tmp_path / "report.jsonl"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "nazif",
            "clean",
            "--jsonl",
            "-o",
            str(dest),
            "--report",
            str(report),
            "--jobs",
            jobs,
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        # a terminal's foreground job gets Ctrl-C; a test runner started in the
        # background (nohup, "&") hands SIGINT down ignored, so restore it
        preexec_fn=_default_signals,
    )
    assert proc.stdin is not None
    proc.stdin.write(_records(200))
    proc.stdin.flush()
    # the temporary outputs exist once the command is running and reading
    _wait_for(lambda: len(no_leftovers(tmp_path)) == 2)
    time.sleep(0.3)
    os.killpg(proc.pid, sig)  # like Ctrl-C on a terminal: the whole process group
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == code, err.decode()
    assert b"Traceback" not in err and err == b""
    assert not dest.exists() and not report.exists()
    assert no_leftovers(tmp_path) == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_exit_when_the_main_process_is_killed(tmp_path):
    proc = subprocess.Popen(
        [sys.executable, "-m", "nazif", "clean", "--jsonl", "-o", str(tmp_path / "o.jsonl"), "--jobs", "2"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdin is not None
    proc.stdin.write(_records(50))
    proc.stdin.flush()

    def children() -> list[int]:
        out = []
        for d in os.listdir("/proc"):
            if d.isdigit():
                try:
                    with open(f"/proc/{d}/stat") as fh:
                        fields = fh.read().rsplit(")", 1)[1].split()
                except OSError:
                    continue
                if int(fields[1]) == proc.pid:
                    out.append(int(d))
        return out

    _wait_for(lambda: len(children()) >= 2)
    workers = children()
    proc.kill()  # SIGKILL: no cleanup code runs in the main process
    proc.wait(timeout=30)

    def alive() -> list[int]:
        left = []
        for pid in workers:
            try:
                with open(f"/proc/{pid}/stat") as fh:
                    state = fh.read().rsplit(")", 1)[1].split()[0]
            except OSError:
                continue
            if state != "Z":
                left.append(pid)
        return left

    _wait_for(lambda: alive() == [])
    proc.stdin.close()


# -- --jobs -------------------------------------------------------------------------------------
def _corpus_records(n: int) -> bytes:
    words = ["عـــربي", "نص", "the", "“deal”", NBSP, ZWSP, "  ", "ﻻ", "١٢", "é"]
    lines = []
    for i in range(n):
        text = " ".join(words[(i * 7 + k) % len(words)] for k in range(5 + i % 40))
        lines.append(
            json.dumps(
                {"id": i, "text": text, "meta": {"body": text[::-1]}}, ensure_ascii=bool(i % 2)
            ).encode()
            + b"\n"
        )
    return b"".join(lines)


def test_jobs_2_is_byte_identical_to_jobs_1(tmp_path):
    src = tmp_path / "many.jsonl"
    src.write_bytes(_corpus_records(3000))
    small = tmp_path / "few.jsonl"
    small.write_bytes(_corpus_records(400))
    outs = {}
    for jobs in ("1", "2"):
        # one end-to-end run of the workers, started from a fresh interpreter
        runner = run if jobs == "1" else run_process
        plain = ok(
            runner(
                "clean",
                str(src),
                "--field",
                "text",
                "--field",
                "meta.body",
                "--jobs",
                jobs,
                env={"NAZIF_CLI_CHUNK_BYTES": "50000"},
            )
        )
        report = tmp_path / f"report{jobs}.jsonl"
        proc = runner(
            "clean",
            str(small),
            "--field",
            "text",
            "--jobs",
            jobs,
            "--report",
            str(report),
            "--report-all",
            "--stats",
            env={"NAZIF_CLI_CHUNK_BYTES": "5000"},
        )
        outs[jobs] = (plain, ok(proc), report.read_bytes(), proc.stderr)
    assert outs["1"] == outs["2"]
    assert outs["1"][0].count(b"\n") == 3000
    assert outs["1"][2].count(b"\n") > 400


def test_jobs_2_over_files_and_errors(tmp_path):
    src = tmp_path / "docs"
    src.mkdir()
    for i in range(12):
        (src / f"d{i:02d}.txt").write_text(f"doc {i}  عـــربي{NBSP}\n" * (i + 1), encoding="utf-8")
    for jobs in ("1", "2"):
        ok(run("clean", str(src), "-o", str(tmp_path / f"out{jobs}") + "/", "--jobs", jobs))
    for i in range(12):
        name = f"d{i:02d}.txt"
        assert (tmp_path / "out1" / name).read_bytes() == (tmp_path / "out2" / name).read_bytes()
    data = _records(2000, 1500, b"{oops\n")
    (tmp_path / "e.jsonl").write_bytes(data)
    msgs = {
        one_line_error(
            run("clean", str(tmp_path / "e.jsonl"), "--jobs", j, env={"NAZIF_CLI_CHUNK_BYTES": "5000"}), 1
        )
        for j in ("1", "2")
    }
    assert len(msgs) == 1 and ":1500: invalid JSON" in msgs.pop()


# -- progress bar ---------------------------------------------------------------------------------
def _run_with_tty_stderr(args: list[str], input: bytes) -> bytes:
    import pty

    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "nazif", *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=slave
    )
    os.close(slave)
    proc.communicate(input, timeout=60)
    chunks = []
    while True:
        ready, _, _ = select.select([master], [], [], 0.5)
        if not ready:
            break
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    return b"".join(chunks)


@posix_only
def test_progress_bar_only_on_a_terminal():
    data = _records(2000)
    shown = _run_with_tty_stderr(["clean", "--jsonl"], data)
    assert b"records" in shown and b"MB/s" in shown
    assert _run_with_tty_stderr(["clean", "--jsonl", "--quiet"], data) == b""
    assert run("clean", "--jsonl", input=data).stderr == b""


# -- explain ----------------------------------------------------------------------------------------
def test_explain_shows_each_step_with_visible_markers():
    out = ok(run("explain", input=DOC.encode())).decode()
    exp = nazif.explain(DOC)
    for report in exp.steps:
        assert f"▸ {report.step}" in out
    assert "⍽" in out and "⟨U+200B⟩" in out and "[-" in out
    assert "\x1b[" not in out  # not a terminal: no colour
    coloured = ok(run("explain", "--color", "always", input=DOC.encode())).decode()
    assert "\x1b[31m" in coloured


def _stdout_on_tty(args: list[str], input: bytes, env: dict[str, str]) -> bytes:
    import pty

    master, slave = pty.openpty()
    full_env = dict(os.environ)
    full_env.pop("NO_COLOR", None)
    full_env.update(env)
    proc = subprocess.Popen(
        [sys.executable, "-m", "nazif", *args],
        stdin=subprocess.PIPE,
        stdout=slave,
        stderr=subprocess.PIPE,
        env=full_env,
    )
    os.close(slave)
    proc.stdin.write(input)  # type: ignore[union-attr]
    proc.stdin.close()  # type: ignore[union-attr]
    chunks = []
    while True:
        ready, _, _ = select.select([master], [], [], 5)
        if not ready:
            break
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=60)
    os.close(master)
    return b"".join(chunks)


@posix_only
def test_explain_colour_follows_the_terminal_and_no_color():
    assert b"\x1b[31m" in _stdout_on_tty(["explain"], DOC.encode(), {})
    assert b"\x1b[" not in _stdout_on_tty(["explain"], DOC.encode(), {"NO_COLOR": "1"})


def test_explain_json_and_a_jsonl_record(tmp_path):
    rows = [json.loads(line) for line in ok(run("explain", "--json", input=DOC.encode())).splitlines()]
    assert rows and {"step", "start", "end", "before", "after"} <= set(rows[0])
    assert len(rows) == sum(len(r.changes) for r in nazif.explain(DOC).steps)
    src = tmp_path / "e.jsonl"
    src.write_text('{"text": "clean"}\n\n{"text": "عـــربي"}\n', encoding="utf-8")
    out = ok(run("explain", str(src), "--record", "2")).decode()
    assert "record at line 3" in out and "remove_tatweel" in out
    assert "no step changed anything" in ok(run("explain", str(src))).decode()
    assert "no record" in one_line_error(run("explain", str(src), "--record", "9"), 1)


# -- segments, scripts, chrome ---------------------------------------------------------------------
PAGE = "In English\nمقالات ذات صلة\nThe movement said on Monday it would resume contacts.\n"


def _needs(module: str, *names: str):
    mod = pytest.importorskip(module)
    for name in names:
        if not hasattr(mod, name):
            pytest.skip(f"{module}.{name} is not available yet")
    return mod


def test_segments_json_lines():
    scripts = _needs("nazif.scripts", "segments", "detect_language")
    rows = [
        json.loads(line)
        for line in ok(run("segments", "--candidates", "ar,en", input=PAGE.encode())).splitlines()
    ]
    segs = scripts.segments(PAGE)
    assert [(r["start"], r["end"], r["script"]) for r in rows] == [(s.start, s.end, s.script) for s in segs]
    assert "".join(r["text"] for r in rows) == PAGE
    assert all(r["file"] == "<stdin>" and "lang" in r and "confidence" in r for r in rows)
    arabic = next(r for r in rows if r["script"] == "arabic")
    assert arabic["lang"] == "ar"
    rows = [
        json.loads(line)
        for line in ok(run("segments", "--no-language", "--no-text", input=PAGE.encode())).splitlines()
    ]
    assert all("lang" not in r and "text" not in r for r in rows)


def test_scripts_json_lines_per_line(tmp_path):
    scripts = _needs("nazif.scripts", "classify_lines", "detect_language")
    rows = [
        json.loads(line)
        for line in ok(run("scripts", "--candidates", "ar,en", input=PAGE.encode())).splitlines()
    ]
    lines = scripts.classify_lines(PAGE)
    assert [(r["start"], r["end"], r["script"]) for r in rows] == [
        (ln.start, ln.end, ln.script) for ln in lines
    ]
    assert rows[1]["lang"] == "ar" and rows[2]["lang"] == "en"
    src = tmp_path / "s.jsonl"
    src.write_text(json.dumps({"text": PAGE}) + "\n", encoding="utf-8")
    rows = [json.loads(line) for line in ok(run("scripts", "--no-language", str(src))).splitlines()]
    assert all(r["record"] == 1 and r["field"] == "text" for r in rows)


def test_chrome_find_json_lines():
    chrome = _needs("nazif.chrome", "find")
    rows = [json.loads(line) for line in ok(run("chrome", "find", input=PAGE.encode())).splitlines()]
    found = chrome.find(PAGE)
    assert [(r["line"], r["start"], r["end"], r["rule"], r["entry"]) for r in rows] == [
        (f.line, f.start, f.end, f.rule, f.entry) for f in found
    ]
    assert any(r["entry"] == "In English" for r in rows)
    assert "cannot read lexicon" in one_line_error(
        run("chrome", "find", "--lexicon", "/no/such.tsv", input=b"x"), 1
    )


def test_chrome_learn_saves_a_lexicon(tmp_path):
    chrome = _needs("nazif.chrome", "learn", "Lexicon")
    try:
        chrome.learn(iter(["a\nb"]))
    except NotImplementedError:
        pytest.skip("nazif.chrome.learn is not implemented yet")
    pages = tmp_path / "pages"
    pages.mkdir()
    footer = "جميع الحقوق محفوظة لموقع المثال 2024\nSubscribe to the Example Daily newsletter"
    for i in range(30):
        (pages / f"p{i:02d}.txt").write_text(
            f"Story number {i} about topic {i * 7}.\nBody {i} of the page goes here.\n{footer}\n",
            encoding="utf-8",
        )
    dest = tmp_path / "site.tsv"
    proc = run("chrome", "learn", str(pages), "-o", str(dest))
    ok(proc)
    assert b"from 30 pages" in proc.stderr
    lexicon = chrome.Lexicon.from_file(str(dest))
    assert len(lexicon) >= 1
    rows = [
        json.loads(line)
        for line in ok(run("chrome", "find", "--lexicon", str(dest), str(pages / "p00.txt"))).splitlines()
    ]
    assert any("Subscribe" in r["text"] or "الحقوق" in r["text"] for r in rows)


def test_corpus_preset_on_the_shared_example(shared):
    _needs("nazif.chrome", "remove")
    try:
        nazif.Pipeline.from_preset("corpus")
    except Exception as exc:  # a step of the preset not there yet
        pytest.skip(f"corpus preset not available: {exc}")
    path = shared("examples", "news-article-en.txt")
    out = ok(run("clean", "--preset", "corpus", str(path))).decode()
    assert out == expected_clean(path.read_text(encoding="utf-8"), preset="corpus")
    assert "In English" not in out and "مقالات ذات صلة" not in out


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_csv_unterminated_quote_is_an_error_naming_the_line(tmp_path, jobs):
    src = tmp_path / "u.csv"
    src.write_bytes(b'id,text\n1,ok\n2,"unterminated\n3,z\n')
    dest = tmp_path / "out.csv"
    proc = run("clean", "--csv", "--field", "text", str(src), "-o", str(dest), "--jobs", jobs)
    assert proc.returncode == 1
    err = proc.stderr.decode()
    assert f"{src}:3:" in err and "never closed" in err and "Traceback" not in err
    assert not dest.exists()
    # a quoted field that does close, over two lines and with doubled quotes, is fine
    src.write_bytes(b'id,text\n1,ok\n2,"multi\nline ""q"" done"\n3,z\n')
    assert ok(run("clean", "--csv", "--field", "text", str(src))) == src.read_bytes()


# --- a user's own steps, named on the command line ----------------------------

USER_STEPS = """
from nazif.steps import step


@step(lossless=True)
def strip_site_suffix(text: str, *, suffix: str = " - Example News") -> str:
    return "\\n".join(l[: -len(suffix)] if l.endswith(suffix) else l for l in text.split("\\n"))
"""


def test_import_makes_a_users_step_nameable(tmp_path):
    (tmp_path / "mysteps.py").write_text(USER_STEPS, encoding="utf-8")
    # -I: the current folder is not on sys.path (like the installed `nazif` script)
    cmd = [sys.executable, "-I", "-m", "nazif", "clean", "--import", "mysteps", "--steps"]
    text = b"Port reopens - Example News\nBody.\n"
    done = subprocess.run(
        [*cmd, "strip_site_suffix"], input=text, capture_output=True, cwd=tmp_path, timeout=60
    )
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout == b"Port reopens\nBody.\n"
    opt = subprocess.run(
        [*cmd, "strip_site_suffix:suffix=.", "--lines"],
        input=b"a.\nb\n",
        capture_output=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert opt.stdout == b"a\nb\n", opt.stderr.decode()
    # without --import the step is unknown: a usage error naming it
    plain = subprocess.run(
        cmd[:-3] + ["--steps", "strip_site_suffix"], input=text, capture_output=True, cwd=tmp_path, timeout=60
    )
    assert plain.returncode == 2 and b"strip_site_suffix" in plain.stderr


def test_import_of_a_missing_module_is_one_line(tmp_path):
    done = subprocess.run(
        [sys.executable, "-I", "-m", "nazif", "clean", "--import", "no_such_module_here"],
        input=b"x",
        capture_output=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stderr.decode().strip().startswith("nazif: --import no_such_module_here: cannot import it")
    assert b"Traceback" not in done.stderr


def test_steps_names_a_users_function_as_module_colon_function(tmp_path):
    # (a module name no other test uses: this process keeps what it imported)
    # --steps package.module:function, found from the current folder, options after a colon
    # (plain functions only: a module registering steps would change this process's registry)
    (tmp_path / "colon_steps.py").write_text("def shout(text, *, bang=''):\n    return text.upper() + bang\n")
    done = run_cli(
        "clean", "--steps", "colon_steps:shout,normalize_whitespace", input=b"hello\n", cwd=tmp_path
    )
    assert (done.returncode, done.stdout) == (0, b"HELLO\n"), done.stderr
    opt = run_cli("clean", "--lines", "--steps", "colon_steps:shout:bang=!", input=b"a\n", cwd=tmp_path)
    assert opt.stdout == b"A!\n", opt.stderr
    for spec, message in (
        ("no_such_module_here:shout", b"--steps no_such_module_here:shout: cannot import it"),
        ("colon_steps:nope", b"module 'colon_steps' has no function 'nope'"),
        ("normalize_digits:to", b"expected normalize_digits:option=value"),  # a registered name stays one
    ):
        bad = run_cli("clean", "--steps", spec, input=b"x", cwd=tmp_path)
        assert bad.returncode == 2 and message in bad.stderr, (spec, bad.stderr)
