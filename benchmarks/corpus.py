"""Load benchmark text: the shared real-news corpus when present, else the bundled examples.

The shared corpus (``../shared/corpus/*.jsonl.gz`` beside the project root) is
21 MB of real Arabic and English news; it is read, never copied.  Without it,
the benchmark runs on the project's own ``examples/`` files (small, so the
figures are only indicative) and says so.
"""

from __future__ import annotations

import gzip
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
LANGS = ("ar", "en", "mixed")


def corpus_available() -> bool:
    return all((SHARED_CORPUS / f"{lang}.jsonl.gz").exists() for lang in LANGS)


def load_texts(lang: str | None = None) -> list[str]:
    """Documents of the corpus (one ``str`` each), for ``lang`` or all languages."""
    langs = LANGS if lang is None else (lang,)
    if corpus_available():
        texts: list[str] = []
        for name in langs:
            with gzip.open(SHARED_CORPUS / f"{name}.jsonl.gz", "rt", encoding="utf-8") as fh:
                texts.extend(json.loads(line)["text"] for line in fh)
        return texts
    print(
        "note: ../shared/corpus not found; using bundled examples/ (figures indicative only)", file=sys.stderr
    )
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    return texts * 200


def utf8_megabytes(texts: list[str]) -> float:
    return sum(len(t.encode("utf-8", "surrogatepass")) for t in texts) / 1e6


def best_seconds(func: Callable[[str], object], texts: list[str], repeat: int) -> float:
    """Fastest of ``repeat`` runs of ``func`` over every text, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for text in texts:
            func(text)
        best = min(best, time.perf_counter() - start)
    return best


def raw_langdetect() -> Callable[[str], str]:
    """langdetect as a user would call it (seeded), ``"und"`` where it gives up:
    the peer that the language benchmarks compare against."""
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0

    def run(text: str) -> str:
        try:
            return detect(text)
        except LangDetectException:
            return "und"

    return run
