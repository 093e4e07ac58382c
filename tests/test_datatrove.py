"""nazif.datatrove steps run by datatrove's LocalPipelineExecutor on JSONL files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import nazif
from scale_samples import UTF8_SAMPLES

pytest.importorskip("datatrove")

from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter

from nazif._scale import Cleaner
from nazif.chrome.learn import SiteCounts, site_of
from nazif.datatrove import NazifFilter, NazifFormatter, NazifSiteCounts, NazifSiteFilter


def _write_input(folder: Path, records: list[dict], files: int = 2) -> None:
    folder.mkdir()
    for i in range(files):
        with open(folder / f"part{i}.jsonl", "w", encoding="utf-8") as f:
            for rec in records[i::files]:
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")


def _read_output(folder: Path) -> dict[str, dict]:
    out = {}
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            out[rec["id"]] = rec
    return out


def _run(steps: list, tmp_path: Path, name: str) -> None:
    LocalPipelineExecutor(steps, tasks=2, workers=2, logging_dir=str(tmp_path / f"logs-{name}")).run()


def test_formatter_is_nazif_clean() -> None:
    f = NazifFormatter("corpus")
    assert [f.format(t) for t in UTF8_SAMPLES] == [nazif.clean(t, preset="corpus") for t in UTF8_SAMPLES]


def test_filter_in_local_executor(tmp_path: Path) -> None:
    records = [{"id": str(i), "text": t} for i, t in enumerate(UTF8_SAMPLES * 2)]
    _write_input(tmp_path / "in", records)
    steps = [
        JsonlReader(str(tmp_path / "in")),
        NazifFilter("corpus", metadata_key="nazif"),
        JsonlWriter(str(tmp_path / "out"), compression=None),
    ]
    _run(steps, tmp_path, "filter")
    out = _read_output(tmp_path / "out")
    expected = {r["id"]: nazif.clean(r["text"], preset="corpus") for r in records}
    kept = {k: v for k, v in expected.items() if v.strip()}
    assert set(out) == set(kept)  # the empty ones were dropped, nothing else
    assert len(kept) < len(expected)
    for k, rec in out.items():
        assert rec["text"] == kept[k]
        source = records[int(k)]["text"]
        for start, end, rule, score in rec["metadata"]["nazif"]:
            assert 0 <= start <= end <= len(source) and rule and score == 1.0
    stats = json.loads((tmp_path / "logs-filter" / "stats.json").read_text())
    names = {k for step in stats for k in step.get("stats", {})}
    assert "dropped_nazif_empty" in names
    assert "nazif_remove_chrome:lexicon-line" in names


STORIES = [
    "The council approved the new budget after a long debate on Tuesday evening.",
    "Fishermen say the storm destroyed more than forty boats in the old harbour.",
    "The museum reopens next month with a hall devoted to local shipbuilding.",
    "Teachers at the two schools will strike on Friday over unpaid overtime.",
    "A new ferry line will link the island to the mainland twice a day.",
    "The football club named a former player as its coach for the season.",
]
HEADLINES = [
    "Council passes the budget",
    "Storm wrecks the fishing fleet",
    "Museum to reopen in spring",
    "Teachers plan a Friday strike",
    "Island gets a daily ferry",
    "Club picks its new coach",
]
SITE_LINE = "Port Ashby Weekly — all the news of the bay"


def _site_records() -> list[dict]:
    recs = []
    for i, (head, story) in enumerate(zip(HEADLINES, STORIES)):
        text = f"{head}\n{story}\n{SITE_LINE}"
        recs.append({"id": f"a{i}", "text": text, "url": f"https://www.ashby.example/news/{i}"})
        recs.append({"id": f"b{i}", "text": text, "url": f"https://other.example/{i}"})
    return recs[:-4]  # other.example keeps 4 pages


def test_site_learning_two_passes(tmp_path: Path) -> None:
    records = _site_records()
    assert SITE_LINE in nazif.clean(records[0]["text"], preset="corpus")  # not chrome without learning
    _write_input(tmp_path / "in", records)
    _run([JsonlReader(str(tmp_path / "in")), NazifSiteCounts(str(tmp_path / "counts"))], tmp_path, "count")
    assert len(list((tmp_path / "counts").glob("*.nazif_sites.jsonl"))) == 2
    steps = [
        JsonlReader(str(tmp_path / "in")),
        NazifSiteFilter(str(tmp_path / "counts")),
        JsonlWriter(str(tmp_path / "out"), compression=None),
    ]
    _run(steps, tmp_path, "site")
    out = _read_output(tmp_path / "out")
    # the same as cleaning with the site lexicons learned in one process
    counts = SiteCounts()
    for r in records:
        counts.add(site_of(r["url"]), r["text"])
    cleaner = Cleaner("corpus", counts.lexicons())
    assert set(out) == {r["id"] for r in records}
    for r in records:
        got = out[r["id"]]["text"]
        assert got == cleaner.clean(r["text"], site_of(r["url"]))
        assert SITE_LINE not in got  # learned and removed
        assert got.startswith(r["text"].split("\n")[0])  # the headline is kept
        assert r["text"].split("\n")[1] in got  # the story is kept


def test_filter_without_metadata_is_nazif_clean() -> None:
    from datatrove.data import Document

    f = NazifFilter("corpus")
    for i, t in enumerate(UTF8_SAMPLES):
        doc = Document(text=t, id=str(i))
        result = f.filter(doc)
        assert doc.text == nazif.clean(t, preset="corpus")
        assert result == (True if doc.text.strip() else (False, "nazif_empty"))
        assert "nazif" not in doc.metadata
    assert "nazif_remove_chrome:lexicon-line" in str(f.stats.to_dict())
