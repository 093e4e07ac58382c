"""nazif.spark in one small local-mode session (``local[2]``): clean_column, learn_sites, remove_site_chrome."""

from __future__ import annotations

import os
import shutil
import sys

import pytest

import nazif
from scale_samples import PAGES, SITE_LINE, UTF8_SAMPLES

pytest.importorskip("pyspark")
pytest.importorskip("pandas")
pytest.importorskip("pyarrow")
if shutil.which("java") is None:
    pytest.skip("Spark needs Java", allow_module_level=True)

from pyspark.sql import SparkSession

from nazif._scale import Cleaner
from nazif.chrome.learn import SiteCounts, site_of
from nazif.spark import clean_column, learn_sites, remove_site_chrome

#: scale and engine tests: run by .ci/run as their own step (`-m slow`)
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def spark():
    # the workers must run this interpreter, the one nazif is installed in
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (
        SparkSession.builder.master("local[2]")
        .appName("nazif-test")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .getOrCreate()
    )
    yield session
    session.stop()


def test_clean_column_is_nazif_clean(spark) -> None:
    rows = [(i, t) for i, t in enumerate([*UTF8_SAMPLES, None])]
    df = spark.createDataFrame(rows, "id long, text string").repartition(2)
    out = clean_column(df, "text", removals="spans").orderBy("id").collect()
    assert [r["text_clean"] for r in out] == [
        None if t is None else nazif.clean(t, preset="corpus") for _, t in rows
    ]
    assert [r["text"] for r in out] == [t for _, t in rows]
    assert out[-1]["spans"] == []
    share = [s for s in out[3]["spans"] if s["rule"].startswith("remove_chrome")]
    assert [(s["start"], s["end"], s["score"]) for s in share] == [(0, 6, 1.0)]


def test_site_learning_two_passes(spark) -> None:
    rows = []
    for i, (head, story) in enumerate(PAGES):
        text = f"{head}\n{story}\n{SITE_LINE}"
        rows.append((f"a{i}", text, f"https://www.ashby.example/{i}"))
        rows.append((f"b{i}", text, None))  # no site: nothing learned for it
    df = spark.createDataFrame(rows, "id string, text string, url string").repartition(2)
    lexicons = learn_sites(df, "text", "url")
    counts = SiteCounts()
    for _, text, url in rows:
        counts.add(site_of(url), text)
    assert {s: [e.key for e in lex] for s, lex in lexicons.items()} == {
        s: [e.key for e in lex] for s, lex in counts.lexicons().items()
    }
    assert list(lexicons) == ["ashby.example"]
    out = {r["id"]: r["text_clean"] for r in remove_site_chrome(df, "text", "url", lexicons).collect()}
    cleaner = Cleaner("corpus", lexicons)
    for rid, text, url in rows:
        assert out[rid] == cleaner.clean(text, site_of(url))
        assert (SITE_LINE in out[rid]) == (url is None)
        assert out[rid].startswith(text.split("\n")[0])
