"""Throughput of script segmentation, line classification and language decisions.

Usage (from the project root)::

    python benchmarks/bench_scripts.py [--lang ar|en|mixed] [--repeat 3] [--peer-docs 300]

Reads ``../shared/corpus/*.jsonl.gz`` when present (real news, 21 MB), the
bundled examples otherwise.  Prints MB/s of UTF-8 input (best of
``--repeat`` runs) for ``segments``, ``classify_lines``, ``script_profile``,
document-level ``detect_language`` (with and without candidates) and the
three line filters, per corpus part and overall; and, as the peer, raw
``langdetect.detect`` on a sample of documents (it is much slower, so it is
timed on ``--peer-docs`` documents only).  Targets: segmentation >= 30 MB/s,
document-level language decisions >= 20 MB/s.  Speed is measured here,
never asserted in tests.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import best_seconds, corpus_available, load_texts, raw_langdetect, utf8_megabytes
from nazif.scripts import (
    classify_lines,
    detect_language,
    drop_foreign_lines,
    keep_languages,
    keep_scripts,
    script_profile,
    segments,
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=["ar", "en", "mixed"], default=None)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--peer-docs", type=int, default=300, help="documents per part for raw langdetect (0 = skip)"
    )
    parser.add_argument("--no-filters", action="store_true", help="skip the line filters")
    args = parser.parse_args()

    parts = [args.lang] if args.lang else ["ar", "en", "mixed"]
    corpora: dict[str, list[str]] = {lang: load_texts(lang) for lang in parts}
    source = "shared corpus" if corpus_available() else "bundled examples"
    total_mb = sum(utf8_megabytes(t) for t in corpora.values())
    print(f"{sum(len(t) for t in corpora.values())} documents, {total_mb:.1f} MB UTF-8 ({source})")

    # warm up: compile the patterns, load the model profiles
    detect_language("Le ministre a déclaré mardi que les négociations reprendraient bientôt.")
    for texts in corpora.values():
        segments(texts[0])
        classify_lines(texts[0])

    cases: dict[str, Callable[[str], object]] = {
        "segments": segments,
        "classify_lines": classify_lines,
        "script_profile": script_profile,
        "detect_language (document)": detect_language,
        "detect_language (document, candidates=ar,en)": lambda t: detect_language(t, candidates=("ar", "en")),
    }
    if not args.no_filters:
        cases.update(
            {
                "keep_scripts (step)": keep_scripts,
                "drop_foreign_lines (step)": drop_foreign_lines,
                "keep_languages (step, per line)": keep_languages,
            }
        )
    header = f"{'':46s}" + "".join(f"{lang:>10s}" for lang in parts) + f"{'all':>10s}"
    print(header + "   (MB/s)")
    for name, func in cases.items():
        row = f"{name:46s}"
        seconds = 0.0
        repeat = 1 if "per line" in name else args.repeat
        for lang in parts:
            texts = corpora[lang]
            secs = best_seconds(func, texts, repeat)
            seconds += secs
            row += f"{utf8_megabytes(texts) / secs:10.1f}"
        row += f"{total_mb / seconds:10.1f}"
        print(row, flush=True)

    if args.peer_docs:
        run = raw_langdetect()
        row = f"{'peer: langdetect.detect (document, sample)':46s}"
        mb = seconds = 0.0
        for lang in parts:
            texts = corpora[lang][: args.peer_docs]
            secs = best_seconds(run, texts, 1)
            mb += utf8_megabytes(texts)
            seconds += secs
            row += f"{utf8_megabytes(texts) / secs:10.1f}"
        row += f"{mb / seconds:10.1f}"
        print(row)
        agree = {}
        for lang in parts:
            if lang == "mixed":
                continue
            texts = corpora[lang][: args.peer_docs]
            ours = sum(detect_language(t).lang == lang for t in texts)
            theirs = sum(run(t) == lang for t in texts)
            agree[lang] = (ours, theirs, len(texts))
        for lang, (ours, theirs, n) in agree.items():
            print(
                f"document language = corpus label ({lang}, first {n} docs): nazif {ours}/{n}, langdetect {theirs}/{n}"
            )


if __name__ == "__main__":
    main()
