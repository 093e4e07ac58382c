"""Speed of chrome removal: MB/s of ``remove`` (article and page mode) and of
``learn`` over the benchmark corpus (``../shared/corpus`` when present, else
the bundled examples).

Run from the project root: ``python benchmarks/bench_chrome.py``.
The corpus is clean article text (mostly content lines), so this measures the
fast path that every clean document takes; the dev pages (when present) are
timed too, as a chrome-heavy workload.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

import nazif.chrome as chrome
from corpus import load_texts, utf8_megabytes

DEV = HERE.parents[1] / "shared" / "eval" / "dev.jsonl"


def timed(func, texts, repeat: int = 3):
    """Best wall-clock and best CPU seconds over ``repeat`` runs (CPU time is
    the steadier figure on a shared machine)."""
    wall = cpu = float("inf")
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        for t in texts:
            func(t)
        wall = min(wall, time.perf_counter() - t0)
        cpu = min(cpu, time.process_time() - c0)
    return wall, cpu


def main() -> int:
    chrome.Lexicon.builtin()  # load once, outside the timings
    for lang in (None, "ar", "en", "mixed"):
        texts = load_texts(lang)
        mb = utf8_megabytes(texts)
        label = lang or "all"
        for mode in chrome.MODES:
            wall, cpu = timed(lambda t, mode=mode: chrome.remove(t, mode=mode), texts, repeat=2)
            print(
                f"remove mode={mode:7s} corpus={label:5s} {mb:6.2f} MB  {mb / wall:7.1f} MB/s wall  {mb / cpu:7.1f} MB/s cpu"
            )
    texts = load_texts()
    mb = utf8_megabytes(texts)
    t0, c0 = time.perf_counter(), time.process_time()
    lex = chrome.learn(iter(texts), min_pages=20)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(
        f"learn  corpus=all   {mb:6.2f} MB  {mb / wall:7.1f} MB/s wall  {mb / cpu:7.1f} MB/s cpu"
        f"  ({len(texts)} pages, {len(lex)} entries learned)"
    )
    if DEV.exists():
        with open(DEV, encoding="utf-8") as fh:
            recs = [json.loads(line) for line in fh]
        pages = ["\n".join(ln["text"] for ln in r["lines"]) for r in recs]
        mb = utf8_megabytes(pages)
        for mode in chrome.MODES:
            wall, cpu = timed(lambda t, mode=mode: chrome.remove(t, mode=mode), pages)
            print(
                f"remove mode={mode:7s} dev pages   {mb:6.2f} MB  {mb / wall:7.1f} MB/s wall  {mb / cpu:7.1f} MB/s cpu (chrome-heavy)"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
