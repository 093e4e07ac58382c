"""The progress bar of ``nazif clean``: its text, when it is drawn, and that it never fails the run.

The end-to-end check on a real terminal (a pty) is in ``test_cli.py``; these
run in this process, with a stream that says it is a terminal.
"""

from __future__ import annotations

import io
import json
import sys

import pytest

from nazif.cli import main
from nazif.cli.progress import Progress, format_duration


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class _Broken(io.StringIO):
    def write(self, text: str) -> int:
        raise OSError(5, "Input/output error")


def test_format_duration():
    assert [format_duration(s) for s in (0, 59.4, 60, 3599, 3600, 86399)] == [
        "0:00",
        "0:59",
        "1:00",
        "59:59",
        "1:00:00",
        "23:59:59",
    ]


def test_line_with_a_known_total_shows_share_and_eta():
    p = Progress(total=8_000_000, enabled=False)
    p.update(records=1234, nbytes=4_000_000)
    assert p.line(now=p.start + 2) == " 50%  1,234 records  4.0 MB  2.0 MB/s  ETA 0:02"
    p.update(nbytes=4_000_000)
    assert p.line(now=p.start + 4) == "100%  1,234 records  8.0 MB  2.0 MB/s"  # done: no ETA


def test_line_without_a_total_shows_the_time_so_far():
    p = Progress(total=None, enabled=False, unit="files")
    p.update(records=3, nbytes=1_500_000)
    assert p.line(now=p.start + 75) == "3 files  1.5 MB  0.0 MB/s  1:15"


def test_drawn_when_enabled_then_a_summary_or_cleared(monkeypatch):
    monkeypatch.setattr(Progress, "interval", 0.0)
    stream = _Terminal()
    p = Progress(total=None, enabled=True, stream=stream)
    p.update(records=5, nbytes=100)
    assert stream.getvalue().startswith("\r\x1b[K5 records")
    p.close()
    assert stream.getvalue().endswith("MB/s)\n") and "5 records, 0.0 MB in" in stream.getvalue()
    stream = _Terminal()
    p = Progress(total=None, enabled=True, stream=stream)
    p.update(records=1)
    p.clear()
    assert stream.getvalue().endswith("\r\x1b[K")
    p.close()  # cleared: no summary after it
    assert stream.getvalue().endswith("\r\x1b[K")


def test_disabled_or_never_drawn_writes_nothing(monkeypatch):
    stream = _Terminal()
    p = Progress(total=10, enabled=False, stream=stream)
    p.update(records=1, nbytes=5)
    p.clear()
    p.close()
    assert stream.getvalue() == "" and (p.records, p.nbytes) == (1, 5)


def test_a_failing_stream_turns_the_bar_off(monkeypatch):
    monkeypatch.setattr(Progress, "interval", 0.0)
    p = Progress(total=None, enabled=True, stream=_Broken())
    p.update(records=1)  # must not raise
    assert p.enabled is False
    p.close()
    p.clear()


@pytest.mark.parametrize("quiet", [False, True])
def test_clean_draws_the_bar_on_a_terminal_stderr_unless_quiet(monkeypatch, quiet):
    monkeypatch.setattr(Progress, "interval", 0.0)
    data = "".join(json.dumps({"text": f"record  {i}"}) + "\n" for i in range(50)).encode()
    out = io.BytesIO()
    err = _Terminal()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(out, encoding="utf-8", write_through=True))
    monkeypatch.setattr(sys, "stderr", err)
    assert main(["clean", "--jsonl", *(["--quiet"] if quiet else [])]) == 0
    assert out.getvalue().count(b'"record ') == 50  # cleaned: one space
    if quiet:
        assert err.getvalue() == ""
    else:
        assert "\r\x1b[K50 records" in err.getvalue()
        assert err.getvalue().endswith("MB/s)\n")
