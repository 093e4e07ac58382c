"""Mojibake and markup repair: speed on clean text, cost and accuracy on broken text.

Usage (from the project root)::

    python benchmarks/bench_repair.py [--repeat 3] [--lines 3000]

Prints, on the shared corpus (``../shared/corpus``; bundled examples
otherwise):

1. MB/s of ``repair_mojibake`` (with and without ftfy) and ``remove_markup``
   on clean text, per language, with ``ftfy.fix_encoding`` as reference;
2. for each wrong decoding path, corpus lines broken through it: MB/s of the
   repair on the broken text (with ftfy, and built-in), and repaired/total
   (exactly the original line back), for nazif and for ``ftfy.fix_encoding``;
3. false repairs on the corpus as it is and on the negative set of the tests
   (correct Arabic, Persian, European latin-1 text, symbols, code, emoji).

Speed is measured here, never asserted in tests.  The machine may be shared:
figures are as measured.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))

from corpus import best_seconds, corpus_available, load_texts, utf8_megabytes
from nazif.markup import remove_markup
from nazif.mojibake import ftfy_available, repair_mojibake
from test_mojibake_data import NEGATIVES, PATHS, utf8_as_cp1252_replace


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--lines", type=int, default=3000, help="lines sampled per broken path")
    args = parser.parse_args()

    ftfy = None
    if ftfy_available():
        import ftfy  # type: ignore[no-redef]
    source = "shared corpus" if corpus_available() else "bundled examples"
    print(f"source: {source}; ftfy: {'installed' if ftfy else 'not installed'}")

    def builtin(t: str) -> str:
        return repair_mojibake(t, use_ftfy=False)

    steps = [
        ("repair_mojibake", repair_mojibake),
        ("repair_mojibake(use_ftfy=False)", builtin),
        ("remove_markup", remove_markup),
    ]
    if ftfy is not None:
        steps.append(("ftfy.fix_encoding (reference)", ftfy.fix_encoding))

    print(f"\n1. clean text (MB/s of UTF-8 input, best of {args.repeat})")
    print(f"{'':34}" + "".join(f"{lang:>10}" for lang in ("ar", "en", "mixed")))
    corpora = {lang: load_texts(lang) for lang in ("ar", "en", "mixed")}
    for name, func in steps:
        row = f"{name:34}"
        for texts in corpora.values():
            repeat = 1 if name.startswith("ftfy") else args.repeat
            row += f"{utf8_megabytes(texts) / best_seconds(func, texts, repeat):10.0f}"
        print(row)

    print("\n2. broken text: each path applied to real lines (repaired = the original line exactly)")
    rng = random.Random(1)
    pool = {
        "ar": [ln for t in corpora["ar"] for ln in t.split("\n") if sum(c.isalpha() for c in ln) >= 4],
        "en": [ln for t in corpora["en"] for ln in t.split("\n") if len(ln) > 20],
    }
    # The English half is plain ASCII: give it the typography of the web.
    pool["en"] = [
        ln.replace(" '", " \u2018")
        .replace("'", "\u2019")
        .replace(' "', " \u201c")
        .replace('"', "\u201d")
        .replace(" - ", " \u2013 ")
        + " \u2014 caf\u00e9"
        for ln in pool["en"]
    ]
    samples = {lang: rng.sample(lines, min(args.lines, len(lines))) for lang, lines in pool.items()}
    paths = dict(PATHS)
    paths["utf8-as-cp1252 (strict, errors=replace)"] = utf8_as_cp1252_replace
    header = f"{'path':42}{'lang':>5}{'lines':>7}{'nazif':>14}{'MB/s':>7}{'built-in':>9}"
    if ftfy is not None:
        header += f"{'ftfy':>14}"
    print(header)
    for path, wrong in paths.items():
        for lang, sample in samples.items():
            if (lang == "en" and "cp1256-as" in path) or (lang == "en" and path.startswith("cp1256")):
                continue  # windows-1256 is an Arabic code page
            pairs = []
            for line in sample:
                try:
                    pairs.append((line, wrong(line)))
                except UnicodeError:
                    pass
            broken = [b for _, b in pairs]
            lossy = "replace" in path

            def expected(line: str, lossy: bool = lossy) -> str:
                if not lossy:
                    return line
                return "".join(
                    "\ufffd" if any(b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) for b in c.encode("utf-8")) else c
                    for c in line
                )

            secs = best_seconds(repair_mojibake, broken, 1)
            secs_builtin = best_seconds(builtin, broken, 1)
            ok = sum(repair_mojibake(b) == expected(line) for line, b in pairs)
            mb = utf8_megabytes(broken)
            row = f"{path:42}{lang:>5}{len(pairs):>7}{ok:>8}/{len(pairs):<5}{mb / secs:7.1f}{mb / secs_builtin:9.1f}"
            if ftfy is not None:
                fok = sum(ftfy.fix_encoding(b) == expected(line) for line, b in pairs)
                row += f"{fok:>8}/{len(pairs):<5}"
            print(row)

    print("\n3. false repairs (goal 0)")
    for lang, texts in corpora.items():
        changed = sum(repair_mojibake(t) != t for t in texts)
        changed_builtin = sum(builtin(t) != t for t in texts)
        print(f"corpus {lang:6} documents changed: {changed}/{len(texts)} (built-in: {changed_builtin})")
    neg = list(NEGATIVES)
    changed = sum(repair_mojibake(t) != t for t in neg)
    changed_builtin = sum(builtin(t) != t for t in neg)
    print(f"negative set: {changed}/{len(neg)} changed (built-in: {changed_builtin})")
    if ftfy is not None:
        print(
            f"negative set, ftfy.fix_encoding: {sum(ftfy.fix_encoding(t) != t for t in neg)}/{len(neg)} changed"
        )


if __name__ == "__main__":
    main()
