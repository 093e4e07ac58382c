"""Accuracy of per-line script labels and of language decisions on short lines.

Usage (from the project root)::

    python benchmarks/eval_langid.py [--limit 4000] [--no-raw]

Two sources, read from ``../shared`` (the evaluation material is never copied
into the project; without it the script says so and stops):

1. ``eval/dev.jsonl``: real page lines with a ``script`` field computed by the
   data set's own definition (Arabic blocks U+0600–06FF, 0750–077F,
   08A0–08FF, FB50–FDFF, FE70–FEFF vs Latin A–Z/a–z and U+00C0–024F; a line
   is ``mixed`` when it has both, ``none`` when it has neither).  We compare
   ``classify_lines`` with it, both as is (our ``other``/``neutral`` = their
   ``none``) and on the Arabic/Latin axis only, and list every difference.
2. Short lines (<= 40 characters) in Arabic or English: dev lines whose
   script is Arabic (gold ``ar``) or Latin on English pages outside the
   language switcher (gold ``en``); corpus lines of Arabic documents that are
   in Arabic script and of English documents in Latin script; and the two
   halves of the bilingual corpus' ``English<TAB>Arabic`` lines.

For the short lines it prints the accuracy of ``detect_language`` with
``candidates=("ar", "en")`` (the target: >= 99 %), of ``detect_language``
without candidates, and of raw ``langdetect.detect`` (seeded), counting an
undetermined answer (``und``) as wrong everywhere.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import sys
import time
from collections.abc import Iterable
from pathlib import Path

from nazif.scripts import classify_lines, detect_language

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import raw_langdetect

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
MAX_CHARS = 40

# our line classes, in the data set's vocabulary
AS_DATASET = {"arabic": "arabic", "latin": "latin", "mixed": "mixed", "neutral": "none", "other": "none"}


def axis_label(counts: dict[str, int]) -> str:
    """Our line class restricted to Arabic and Latin (the data set's axis)."""
    present = {s for s in counts if s in ("arabic", "latin")}
    if len(present) == 2:
        return "mixed"
    return next(iter(present)) if present else "none"


def dev_records() -> list[dict]:
    path = SHARED / "eval" / "dev.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def evaluate_scripts(records: list[dict]) -> None:
    total = same = same_axis = 0
    differences: collections.Counter = collections.Counter()
    examples: dict[tuple[str, str], list[str]] = collections.defaultdict(list)
    for record in records:
        for line in record["lines"]:
            got = classify_lines(line["text"])[0]
            total += 1
            ours = AS_DATASET[got.script]
            if ours == line["script"]:
                same += 1
            else:
                key = (line["script"], got.script)
                differences[key] += 1
                if len(examples[key]) < 3:
                    examples[key].append(f"{line['text'].strip()[:50]!r} {dict(got.counts)}")
            same_axis += axis_label(got.counts) == line["script"]
    print(f"script per line on dev.jsonl: {total} lines")
    print(f"  agreement with the data set's label:           {same}/{total} = {100 * same / total:.2f} %")
    print(
        f"  agreement on the Arabic/Latin axis:             {same_axis}/{total} = {100 * same_axis / total:.2f} %"
    )
    for (theirs, ours), n in differences.most_common():
        print(f"  data set {theirs!r} vs ours {ours!r}: {n} lines, e.g.")
        for example in examples[(theirs, ours)]:
            print(f"      {example}")


def dev_short_lines(records: list[dict]) -> Iterable[tuple[str, str]]:
    for record in records:
        for line in record["lines"]:
            text = line["text"].strip()
            if not text or len(text) > MAX_CHARS:
                continue
            if line["script"] == "arabic":
                yield text, "ar"
            elif (
                line["script"] == "latin"
                and record["primary_lang"] == "en"
                and line.get("category") != "language-switch"
            ):
                yield text, "en"


def corpus_short_lines() -> dict[str, list[tuple[str, str]]]:
    sets: dict[str, list[tuple[str, str]]] = {"corpus ar": [], "corpus en": [], "corpus mixed (halves)": []}
    for lang in ("ar", "en", "mixed"):
        with gzip.open(SHARED / "corpus" / f"{lang}.jsonl.gz", "rt", encoding="utf-8") as fh:
            for raw in fh:
                text = json.loads(raw)["text"]
                for line in text.split("\n"):
                    if lang == "mixed":
                        parts = line.split("\t")
                        if len(parts) >= 2:
                            for part, gold in ((parts[0], "en"), (parts[1], "ar")):
                                part = part.strip()
                                if part and len(part) <= MAX_CHARS:
                                    sets["corpus mixed (halves)"].append((part, gold))
                        continue
                    line = line.strip()
                    if not line or len(line) > MAX_CHARS:
                        continue
                    cls = classify_lines(line)[0].script
                    if (lang == "ar" and cls == "arabic") or (lang == "en" and cls == "latin"):
                        sets[f"corpus {lang}"].append((line, lang))
    return sets


def thin(items: list[tuple[str, str]], limit: int) -> list[tuple[str, str]]:
    """A deterministic, evenly spread subset of at most ``limit`` items."""
    if limit <= 0 or len(items) <= limit:
        return items
    step = len(items) / limit
    return [items[int(i * step)] for i in range(limit)]


def score(name: str, items: list[tuple[str, str]], raw) -> None:
    n = len(items)
    if not n:
        print(f"{name}: no lines")
        return
    ok_cand = ok_free = und_free = wrong_free = ok_raw = 0
    wrong_cand: list[str] = []
    raw_wrong: collections.Counter = collections.Counter()
    start = time.perf_counter()
    for text, gold in items:
        cand = detect_language(text, candidates=("ar", "en"))
        if cand.lang == gold:
            ok_cand += 1
        elif len(wrong_cand) < 5:
            wrong_cand.append(f"{text!r} -> {cand.lang}")
        free = detect_language(text)
        ok_free += free.lang == gold
        und_free += free.lang == "und"
        wrong_free += free.lang not in (gold, "und")
    ours_secs = time.perf_counter() - start
    if raw is not None:
        for text, gold in items:
            got = raw(text)
            if got == gold:
                ok_raw += 1
            else:
                raw_wrong[got] += 1
    print(f"{name}: {n} lines of <= {MAX_CHARS} characters ({ours_secs:.1f} s for ours)")
    print(f"  nazif, candidates=(ar, en):   {100 * ok_cand / n:6.2f} %")
    for example in wrong_cand:
        print(f"      wrong: {example}")
    print(
        f"  nazif, no candidates:         {100 * ok_free / n:6.2f} %"
        f"  (und {100 * und_free / n:.1f} %, another language {100 * wrong_free / n:.2f} %)"
    )
    if raw is not None:
        common = ", ".join(f"{lang} {count}" for lang, count in raw_wrong.most_common(6))
        print(f"  langdetect.detect (raw):      {100 * ok_raw / n:6.2f} %  (wrong answers: {common})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=4000, help="lines per set at most (0 = all)")
    parser.add_argument("--no-raw", action="store_true", help="skip raw langdetect (slow)")
    args = parser.parse_args()
    if not (SHARED / "eval" / "dev.jsonl").exists() or not (SHARED / "corpus").exists():
        print("../shared/eval and ../shared/corpus are needed for this evaluation; not found.")
        sys.exit(1)
    records = dev_records()
    evaluate_scripts(records)
    print()
    raw = None if args.no_raw else raw_langdetect()
    all_items: list[tuple[str, str]] = []
    sets = {"dev.jsonl": list(dev_short_lines(records)), **corpus_short_lines()}
    for name, items in sets.items():
        items = thin(items, args.limit)
        all_items.extend(items)
        score(name, items, raw)
        print()
    score("all short lines above", all_items, raw)


if __name__ == "__main__":
    main()
