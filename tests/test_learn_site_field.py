"""Two-pass site learning: SiteCounts (merge, save/load) and ``nazif clean --site-field``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import nazif
from cli_helpers import run_cli  # in this process: see cli_helpers.py
from nazif.chrome.learn import SiteCounts, site_of
from scale_samples import PAGES, SITE_LINE


def _records() -> list[dict]:
    recs: list[dict] = []
    for i, (head, story) in enumerate(PAGES):
        text = f"{head}\n{story}\n{SITE_LINE}\nShare"
        recs.append({"id": i, "url": f"https://www.ashby.example/{i}", "text": text})
        recs.append({"id": 100 + i, "url": None, "text": text})
    recs.append({"id": 999, "url": "https://lone.example/", "text": f"{SITE_LINE}\nA single page."})
    return recs


def test_counts_merge_in_any_order_and_round_trip(tmp_path: Path) -> None:
    recs = _records()
    whole, a, b = SiteCounts(), SiteCounts(), SiteCounts()
    for k, r in enumerate(recs):
        site = site_of(r["url"])
        whole.add(site, r["text"])
        (a if k % 2 else b).add(site, r["text"])
    assert (a | b) == (b | a) == whole
    path = tmp_path / "counts.jsonl"
    whole.save(path)
    assert SiteCounts.load(path) == whole
    assert list(whole.lexicons()) == ["ashby.example"]  # lone.example has one page: nothing learned


def test_site_counts_reject_wrong_types() -> None:
    c = SiteCounts()
    with pytest.raises(TypeError):
        c.add("x", None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        c.add(None, "text")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        c.merge(3)  # type: ignore[arg-type]
    assert site_of("\ud800") == "\ud800" and site_of("http://[::1") == "http://[::1"


def test_cli_site_field(tmp_path: Path) -> None:
    recs = _records()
    src = tmp_path / "crawl.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    cmd = ["clean", "--preset", "corpus", "--jsonl", "--field", "text"]
    proc = run_cli(*cmd, "--site-field", "url", str(src), "-o", str(out))
    assert proc.returncode == 0, proc.stderr.decode()
    plain = tmp_path / "plain.jsonl"
    proc = run_cli(*cmd, str(src), "-o", str(plain))
    assert proc.returncode == 0, proc.stderr.decode()
    got = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [g["id"] for g in got] == [r["id"] for r in recs]
    plain_lines = plain.read_text(encoding="utf-8").splitlines()
    for r, g, p in zip(recs, got, [json.loads(x) for x in plain_lines]):
        assert p["text"] == nazif.clean(r["text"], preset="corpus")
        if site_of(r["url"]) == "ashby.example":
            assert SITE_LINE not in g["text"]
            assert g["text"] == p["text"].replace(f"\n{SITE_LINE}", "")
        else:  # no site, or a site with too few pages: the same as without site learning
            assert g == p
    # records with nothing learned are byte-identical to the one-pass output
    out_lines = out.read_text(encoding="utf-8").splitlines()
    assert [o for o, r in zip(out_lines, recs) if r["url"] is None] == [
        p for p, r in zip(plain_lines, recs) if r["url"] is None
    ]


def test_cli_site_field_needs_chrome_removal_and_files(tmp_path: Path) -> None:
    src = tmp_path / "crawl.jsonl"
    src.write_text('{"text": "a", "url": "x"}\n', encoding="utf-8")
    base = ["clean", "--jsonl", "--site-field", "url"]
    r = run_cli(*base, "--preset", "display", str(src))
    assert r.returncode == 2 and b"remove_chrome" in r.stderr
    r = run_cli(*base, "--preset", "corpus", input=b"{}\n")
    assert r.returncode == 2 and b"standard input" in r.stderr


def test_cli_site_field_with_html(tmp_path: Path) -> None:
    pytest.importorskip("lxml")
    from nazif.html import clean_html

    recs = []
    for i, (head, story) in enumerate(PAGES):
        page = f"<nav><a href='/'>Home</a></nav><h1>{head}</h1><p>{story}</p><div>{SITE_LINE}</div>"
        recs.append({"id": i, "url": f"https://www.ashby.example/{i}", "html": page})
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    proc = run_cli(
        "clean", "--jsonl", "--field", "html", "--html", "--site-field", "url", "--preset", "corpus",
        str(src), "-o", str(out),
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    got = [json.loads(x)["html"] for x in out.read_text("utf-8").splitlines()]
    for r, text in zip(recs, got):
        # what one page alone gives, without the line the site repeats: learned from the visible lines
        assert text == "\n".join(ln for ln in clean_html(r["html"]).split("\n") if ln != SITE_LINE)
        assert SITE_LINE not in text and "Home" not in text
