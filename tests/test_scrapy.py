"""nazif.scrapy.NazifPipeline: unit checks, and a real crawl of fixture pages
served by a local HTTP server on 127.0.0.1 (started and stopped here)."""

from __future__ import annotations

import functools
import json
import math
import os
import subprocess
import sys
import textwrap
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

pytest.importorskip("scrapy")
pytest.importorskip("lxml")

from scrapy.exceptions import DropItem, NotConfigured

from nazif.scrapy import NazifPipeline

FIX = Path(__file__).parent / "fixtures" / "html"


class Stats:
    def __init__(self):
        self.values = {}

    def inc_value(self, key, count=1, start=0):
        self.values[key] = self.values.get(key, start) + count


def test_not_configured_without_fields():
    with pytest.raises(NotConfigured):
        NazifPipeline()


def test_dict_item_fields_and_passthrough():
    stats = Stats()
    p = NazifPipeline({"body": "corpus", "title": "display"}, removals_field="removed", stats=stats)
    item = {
        "title": "  Title\u00a0here ",
        "body": "Related articles\nThe minister spoke on Monday.",
        "url": "https://example.org/a  b",
        "other": None,
    }
    out = p.process_item(item)
    assert out is item
    assert item["title"] == "Title here"
    assert item["body"] == "The minister spoke on Monday."
    assert item["url"] == "https://example.org/a  b"  # not configured: untouched
    assert item["removed"] == [
        {
            "field": "body",
            "line": 0,
            "text": "Related articles",
            "rule": "lexicon-line",
            "entry": "Related articles",
        }
    ]
    assert stats.values["nazif/removed/lexicon-line"] == 1


@pytest.mark.parametrize("missing", [None, math.nan, 3])
def test_missing_values_pass_through(missing):
    p = NazifPipeline({"body": "corpus"})
    item = {"body": missing}
    assert p.process_item(item)["body"] is missing
    assert "body" not in p.process_item({})


def test_scrapy_item_and_drop_empty():
    import scrapy

    class Article(scrapy.Item):
        body = scrapy.Field()
        url = scrapy.Field()

    p = NazifPipeline({"body": "corpus"}, drop_empty=True)
    item = Article(body="Text  stays.", url="u")
    assert p.process_item(item)["body"] == "Text stays."
    with pytest.raises(DropItem, match="no text left in body"):
        p.process_item(Article(body="Related articles"))
    # nothing to clean is not "empty": the item goes on
    assert p.process_item(Article(url="u"))["url"] == "u"


SPIDER = textwrap.dedent(
    """
    import json, sys
    import scrapy
    from scrapy.crawler import CrawlerProcess

    base, out_items, out_stats = sys.argv[1], sys.argv[2], sys.argv[3]

    class FixtureSpider(scrapy.Spider):
        name = "fixtures"
        start_urls = [base + "/news-en.html", base + "/library-ar-cp1256.html"]

        def parse(self, response):
            yield {
                "url": response.url,
                "title": response.css("title::text").get(),
                "html": response.body,
                "missing": None,
            }

    process = CrawlerProcess(settings={
        "ITEM_PIPELINES": {"nazif.scrapy.NazifPipeline": 300},
        "NAZIF_FIELDS": {"title": "display"},
        "NAZIF_HTML_FIELDS": {"html": "corpus"},
        "NAZIF_REMOVALS_FIELD": "nazif_removals",
        "NAZIF_DROP_EMPTY": True,
        "FEEDS": {out_items: {"format": "jsonlines", "encoding": "utf8"}},
        "LOG_LEVEL": "WARNING",
        "ROBOTSTXT_OBEY": False,
        "TELNETCONSOLE_ENABLED": False,
        "DOWNLOAD_TIMEOUT": 20,
        "CLOSESPIDER_TIMEOUT": 60,
    })
    crawler = process.create_crawler(FixtureSpider)
    process.crawl(crawler)
    process.start()
    with open(out_stats, "w") as f:
        json.dump({k: v for k, v in crawler.stats.get_stats().items() if k.startswith("nazif/")}, f)
    """
)


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def test_real_crawl_of_local_server(tmp_path):
    handler = functools.partial(_Quiet, directory=str(FIX))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        script = tmp_path / "crawl.py"
        script.write_text(SPIDER, encoding="utf-8")
        items_path, stats_path = tmp_path / "items.jl", tmp_path / "stats.json"
        base = f"http://127.0.0.1:{server.server_address[1]}"
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
        proc = subprocess.run(
            [sys.executable, str(script), base, str(items_path), str(stats_path)],
            capture_output=True,
            text=True,
            timeout=120,
            env=env,
            cwd=tmp_path,
        )
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
    assert proc.returncode == 0, proc.stderr[-3000:]
    items = {Path(i["url"]).name: i for i in map(json.loads, items_path.read_text("utf-8").splitlines())}
    assert set(items) == {"news-en.html", "library-ar-cp1256.html"}
    en = items["news-en.html"]
    assert "River festival returns after a two-year pause" in en["html"].splitlines()
    assert "Privacy policy" not in en["html"]
    assert en["title"] == "River festival returns | Harbour Gazette"
    assert en["missing"] is None
    assert {"text": "Related stories", "rule": "dom-token"}.items() <= next(
        r for r in en["nazif_removals"] if r["text"] == "Related stories"
    ).items()
    ar = items["library-ar-cp1256.html"]
    assert "افتتاح مكتبة جديدة في الحي القديم" in ar["html"].splitlines()  # decoded from windows-1256
    assert "جميع الحقوق محفوظة" not in ar["html"]
    stats = json.loads(stats_path.read_text())
    assert stats["nazif/fields_cleaned"] == 4
    assert stats["nazif/removed/dom-tag"] >= 2
