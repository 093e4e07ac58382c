"""Site learning measured on real repetition: recall and content lost, with and without.

Builds a multi-page-per-site set from ``../shared/eval/silver.jsonl`` and
``../shared/eval/dev.jsonl`` (the sites with at least ``--min-site-pages``
pages), learns one site lexicon per site from that site's pages with
:class:`nazif.chrome.learn.SiteCounts` (pass 1, the same counts as ``nazif
clean --site-field``), and scores ``nazif.chrome.find`` with the built-in
lexicon alone and with the built-in lexicon plus the site's (pass 2) against
the line labels.  Soft labels (headlines, bylines, captions) are left out of
the scores.  Run from the repository root::

    python benchmarks/eval_site_learning.py [--min-site-pages 3] [--show 20]

Skips (exit 0, message) when ``../shared/eval`` is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from nazif import chrome
from nazif.chrome.learn import SiteCounts
from nazif.chrome.lexicon import Lexicon

EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"


def _score(records: list[dict], removed: list[set[int]]) -> dict[str, float]:
    c: dict[str, float] = defaultdict(float)
    for rec, gone_set in zip(records, removed):
        for i, line in enumerate(rec["lines"]):
            if line.get("soft"):
                continue
            gone = i in gone_set
            if line["label"] == "chrome":
                c["chrome"] += 1
                c["hit"] += gone
            else:
                n = len(line["text"].strip())
                c["content"] += 1
                c["lost"] += gone
                c["chars"] += n
                c["chars_lost"] += n * gone
    return c


def _row(name: str, c: dict[str, float]) -> str:
    return (
        f"{name:22s} chrome recall {c['hit'] / c['chrome']:.3f} ({int(c['hit'])}/{int(c['chrome'])})  "
        f"content lines lost {100 * c['lost'] / c['content']:.2f}% ({int(c['lost'])}/{int(c['content'])})  "
        f"content chars lost {100 * c['chars_lost'] / c['chars']:.2f}%"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--min-site-pages", type=int, default=3, help="sites with at least this many pages")
    ap.add_argument(
        "--min-pages", type=int, default=3, help="SiteCounts(min_pages=...): learn lines on this many pages"
    )
    ap.add_argument("--show", type=int, default=0, help="print this many content lines lost to site learning")
    args = ap.parse_args(argv)
    files = [EVAL / "silver.jsonl", EVAL / "dev.jsonl"]
    if not all(f.exists() for f in files):
        print("skipped: ../shared/eval/silver.jsonl and dev.jsonl are not present")
        return 0
    records = [json.loads(line) for f in files for line in f.open(encoding="utf-8")]
    by_site: dict[str, list[dict]] = defaultdict(list)
    urls: dict[str, set[str]] = defaultdict(set)
    for rec in records:
        by_site[rec["site"]].append(rec)
        urls[rec["site"]].add(rec["url"])
    kept = [r for s in sorted(by_site) if len(urls[s]) >= args.min_site_pages for r in by_site[s]]
    counts = SiteCounts(min_pages=args.min_pages)
    seen_urls: set[str] = set()
    for rec in kept:
        # the eval sets hold some pages twice (as a page and as its article
        # container): a crawl has each URL once, so count each URL once
        if rec["url"] in seen_urls:
            continue
        seen_urls.add(rec["url"])
        counts.add(rec["site"], "\n".join(line["text"] for line in rec["lines"]))
    lexicons = counts.lexicons()
    builtin = Lexicon.builtin()
    merged = {s: builtin | lex for s, lex in lexicons.items()}
    before, after = [], []
    for rec in kept:
        text = "\n".join(line["text"] for line in rec["lines"])
        mode = "page" if rec["input_kind"] == "page" else "article"
        before.append({r.line for r in chrome.find(text, mode=mode, lexicon=builtin)})
        after.append({r.line for r in chrome.find(text, mode=mode, lexicon=merged.get(rec["site"], builtin))})
    n_sites = len({r["site"] for r in kept})
    print(
        f"{len(kept)} records ({len(seen_urls)} distinct pages) of {n_sites} sites with >= {args.min_site_pages} pages; "
        f"{len(lexicons)} sites learned {sum(len(x) for x in lexicons.values())} lines"
    )
    b, a = _score(kept, before), _score(kept, after)
    print(_row("built-in lexicon", b))
    print(_row("built-in + site", a))
    print(
        f"gain in chrome recall {(a['hit'] - b['hit']) / b['chrome']:+.3f}; "
        f"content lines lost {int(a['lost'] - b['lost']):+d} ({100 * (a['lost'] - b['lost']) / a['content']:+.2f}%), "
        f"content chars lost {100 * (a['chars_lost'] - b['chars_lost']) / a['chars']:+.2f}%"
    )
    shown = 0
    for rec, x, y in zip(kept, before, after):
        for i in sorted(y - x):
            line = rec["lines"][i]
            if line["label"] != "chrome" and not line.get("soft") and shown < args.show:
                print(f"  lost [{rec['site']}] {line['text'][:100]!r}")
                shown += 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
