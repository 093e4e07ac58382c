"""``nazif clean --html`` and ``--report`` (removals) / ``--report-all``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli_helpers import run_cli as run  # in this process: see cli_helpers.py

pytest.importorskip("lxml")

FIX = Path(__file__).parent / "fixtures" / "html"


def test_curl_example_on_a_saved_page():
    proc = run("clean", "--html", "--preset", "corpus", input=(FIX / "news-en.html").read_bytes())
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.decode("utf-8").splitlines()
    assert "River festival returns after a two-year pause" in lines
    assert "Volunteers cleaned the riverside paths on Sunday morning & collected 40 bags of litter." in lines
    for chrome in ("News", "Privacy policy", "Related stories", "Share on Facebook Share on X"):
        assert chrome not in lines
    assert not any("<" in ln for ln in lines)


def test_html_file_in_its_own_encoding_and_report_of_removals(tmp_path):
    report = tmp_path / "r.jsonl"
    proc = run(
        "clean", "--html", "--preset", "corpus", str(FIX / "library-ar-cp1256.html"), "--report", str(report)
    )
    assert proc.returncode == 0, proc.stderr
    assert "افتتاح مكتبة جديدة في الحي القديم" in proc.stdout.decode("utf-8").splitlines()
    entries = [json.loads(x) for x in report.read_text("utf-8").splitlines()]
    assert {e["before"] for e in entries} >= {"الرئيسية محليات رياضة", "جميع الحقوق محفوظة © 2026"}
    assert all(e["after"] == "" for e in entries)


def test_jsonl_html_field_and_null(tmp_path):
    data = b'{"html": "<nav><a>Home</a></nav><p>Body &amp; more.</p>", "id": 1}\n{"html": null}\n'
    proc = run("clean", "--jsonl", "--field", "html", "--html", "--preset", "corpus", input=data)
    assert proc.returncode == 0, proc.stderr
    out = [json.loads(x) for x in proc.stdout.splitlines()]
    assert out == [{"html": "Body & more.", "id": 1}, {"html": None}]


def test_report_default_is_removals_and_report_all_every_change(tmp_path):
    src = tmp_path / "t.txt"
    src.write_text("Related articles\nThe  minister spoke on Monday.\n", encoding="utf-8")
    small, full = tmp_path / "small.jsonl", tmp_path / "full.jsonl"
    assert run("clean", "--preset", "corpus", str(src), "--report", str(small)).returncode == 0
    assert run("clean", "--preset", "corpus", str(src), "--report", str(full), "--report-all").returncode == 0
    small_steps = [json.loads(x)["step"] for x in small.read_text("utf-8").splitlines()]
    full_steps = [json.loads(x)["step"] for x in full.read_text("utf-8").splitlines()]
    assert small_steps == ["remove_chrome"]
    assert "normalize_whitespace" in full_steps and "remove_chrome" in full_steps


def test_html_cli_cleans_as_clean_html_does(tmp_path):
    from nazif.html import clean_html_with_removals

    data = (FIX / "news-en.html").read_bytes()
    report = tmp_path / "r.jsonl"
    proc = run("clean", "--html", "--preset", "corpus", "-", "--report", str(report), input=data)
    assert proc.returncode == 0, proc.stderr
    want, removed = clean_html_with_removals(data)
    assert proc.stdout.decode("utf-8").splitlines() == want.splitlines()
    entries = [json.loads(x) for x in report.read_text("utf-8").splitlines()]
    assert [(e["before"], e["rule"]) for e in entries] == [(r.text, r.rule) for r in removed]
    assert all(e["step"] == ("html" if e["rule"].startswith("dom-") else "remove_chrome") for e in entries)


def test_html_cli_chrome_step_with_options_runs_as_set():
    data = (
        b"<nav><a href='/'>Home</a></nav><div><p>Related articles</p><p>Body text of the page here.</p></div>"
    )
    proc = run("clean", "--html", "--steps", "normalize_whitespace,remove_chrome:mode=article", input=data)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode("utf-8").splitlines() == ["Body text of the page here."]
