"""Score chrome removal against the labelled dev set (``../shared/eval/dev.jsonl``).

For every record the lines are joined with ``"\\n"`` and given to
``nazif.chrome.find`` (``mode="page"`` for whole-page inputs, ``"article"``
otherwise); the removed line numbers are compared with the labels.  Printed
per primary language and input kind:

* chrome recall: share of chrome lines removed;
* content lines lost: share of content lines removed;
* content characters lost: share of content characters removed;

first without the ``soft`` lines (debatable labels: headlines, bylines,
captions, page titles), then with them, for nazif and, side by side, for the
C4 line rules.  Then recall per chrome category.

C4 line rules, as implemented here (after the C4 paper and the TFDS ``c4``
cleaning code): a line (stripped) is dropped when it does not end in ``.``,
``?``, ``!`` or ``"``; when it has fewer than 3 words; when it contains
"javascript" (any case); or when it contains a policy phrase ("terms of use",
"privacy policy", "cookie policy", "uses cookies", "use of cookies",
"use cookies").  C4 drops a whole *document* that contains "lorem ipsum" or
"{"; with ``--c4-doc-rules`` that is applied too (every line counts as
removed), otherwise those two are applied per line.

``--cv`` prints instead the grouped-by-site cross-validation of the chrome
model on dev + silver (``tools/train_chrome.py --cv-only``: recall, content
lines and characters lost, documents losing any line or more than half, by
mode, language and set; needs the ``train`` extra).

Options: ``--show`` prints the misclassified lines; ``--loso`` adds a
leave-one-site-out check of the built-in lexicon (for each site, the entries
that match lines of that site only are dropped before scoring it);
``--mode-all article|page`` forces one mode.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import nazif.chrome as chrome
from nazif.chrome.lexicon import Lexicon

DEV = ROOT.parent / "shared" / "eval" / "dev.jsonl"

_C4_END = (".", "?", "!", '"')
_C4_POLICY = (
    "terms of use",
    "privacy policy",
    "cookie policy",
    "uses cookies",
    "use of cookies",
    "use cookies",
)


def c4_removed(lines: list[str], *, doc_rules: bool = False) -> set[int]:
    """Indices of the lines the C4 line filters drop."""
    joined = "\n".join(lines).lower()
    if doc_rules and ("lorem ipsum" in joined or "{" in joined):
        return set(range(len(lines)))
    out = set()
    for i, raw in enumerate(lines):
        line = raw.strip()
        low = line.lower()
        if (
            not line.endswith(_C4_END)
            or len(line.split()) < 3
            or "javascript" in low
            or any(p in low for p in _C4_POLICY)
            or (not doc_rules and ("lorem ipsum" in low or "{" in line))
        ):
            out.add(i)
    return out


def nazif_removed(lines: list[str], mode: str, lexicon: Lexicon | None = None) -> set[int]:
    text = "\n".join(lines)
    return {r.line for r in chrome.find(text, mode=mode, lexicon=lexicon)}


class Tally:
    def __init__(self) -> None:
        self.c = defaultdict(float)

    def add(self, rec_lines, removed: set[int], soft: bool) -> None:
        for i, ln in enumerate(rec_lines):
            if ln.get("soft") and not soft:
                continue
            gone = i in removed
            if ln["label"] == "chrome":
                self.c["chrome"] += 1
                self.c["chrome_hit"] += gone
                cat = ln.get("category") or "other"
                self.c["cat:" + cat] += 1
                self.c["cathit:" + cat] += gone
            else:
                n = len(ln["text"].strip())
                self.c["content"] += 1
                self.c["content_lost"] += gone
                self.c["chars"] += n
                self.c["chars_lost"] += n * gone

    def row(self) -> str:
        c = self.c
        rec = c["chrome_hit"] / c["chrome"] if c["chrome"] else float("nan")
        lost = 100 * c["content_lost"] / c["content"] if c["content"] else float("nan")
        chars = 100 * c["chars_lost"] / c["chars"] if c["chars"] else float("nan")
        return f"recall {rec:5.3f}  lines lost {lost:5.1f}% ({int(c['content_lost'])}/{int(c['content'])})  chars lost {chars:5.1f}%"


def load(path: Path = DEV) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def record_mode(rec: dict, force: str | None) -> str:
    return force or ("page" if rec["input_kind"] == "page" else "article")


def loso_lexicons(records: list[dict]) -> dict[str, Lexicon]:
    """For each site, the built-in lexicon without entries matched on that site only."""
    builtin = Lexicon.builtin()
    sites_of_entry: dict[object, set[str]] = defaultdict(set)
    for rec in records:
        for ln in rec["lines"]:
            e = builtin.match_line(ln["text"])
            if e is not None:
                sites_of_entry[e].add(rec["site"])
    out = {}
    for site in {r["site"] for r in records}:
        drop = {e for e, s in sites_of_entry.items() if s == {site}}
        out[site] = Lexicon([e for e in builtin if e not in drop], name=f"loso-{site}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dev", default=str(DEV))
    ap.add_argument("--show", action="store_true", help="print misclassified lines")
    ap.add_argument("--loso", action="store_true", help="leave-one-site-out check of the lexicon")
    ap.add_argument("--mode-all", choices=chrome.MODES)
    ap.add_argument("--c4-doc-rules", action="store_true")
    ap.add_argument("--cv", action="store_true", help="grouped-by-site cross-validation of the model")
    args = ap.parse_args(argv)
    if args.cv:
        sys.path.insert(0, str(ROOT / "tools"))
        import train_chrome

        return train_chrome.main(["--cv-only", "--all-thresholds"])
    path = Path(args.dev)
    if not path.exists():
        print(f"dev set not found: {path}", file=sys.stderr)
        return 1
    records = load(path)
    loso = loso_lexicons(records) if args.loso else None

    groups: dict[str, dict[str, Tally]] = defaultdict(lambda: defaultdict(Tally))
    for rec in records:
        lines = [ln["text"] for ln in rec["lines"]]
        mode = record_mode(rec, args.mode_all)
        lang = rec.get("primary_lang") or rec["lang"]
        kind = rec["input_kind"]
        systems = {
            "nazif": nazif_removed(lines, mode),
            "c4": c4_removed(lines, doc_rules=args.c4_doc_rules),
        }
        if loso is not None:
            systems["nazif-loso"] = nazif_removed(lines, mode, loso[rec["site"]])
        for name, removed in systems.items():
            for g in (f"{kind}/{lang}", f"{kind}/all"):
                groups[g][name + ":hard"].add(rec["lines"], removed, soft=False)
                groups[g][name + ":soft"].add(rec["lines"], removed, soft=True)
        if args.show:
            removed = systems["nazif"]
            hits = {r.line: r for r in chrome.find("\n".join(lines), mode=mode)}
            for i, ln in enumerate(rec["lines"]):
                gone = i in removed
                if ln["label"] == "content" and gone and not ln.get("soft"):
                    print(f"LOST  {rec['id']}:{i} [{hits[i].rule}: {hits[i].entry}] {ln['text'][:100]!r}")
                elif ln["label"] == "chrome" and not gone and not ln.get("soft"):
                    print(f"MISS  {rec['id']}:{i} ({ln.get('category')}) {ln['text'][:100]!r}")

    names = ["nazif", "c4"] + (["nazif-loso"] if loso is not None else [])
    for g in sorted(groups):
        print(f"== {g}")
        for soft in ("hard", "soft"):
            label = "excluding soft" if soft == "hard" else "with soft"
            for name in names:
                print(f"  {name:10s} {label:15s} {groups[g][name + ':' + soft].row()}")
    print("== chrome recall per category (excluding soft), nazif vs c4")
    for kind in ("article", "page"):
        g = groups.get(f"{kind}/all")
        if not g:
            continue
        cn = g["nazif:hard"].c
        cc = g["c4:hard"].c
        cats = sorted(k[4:] for k in cn if k.startswith("cat:"))
        parts = [
            f"{c} {cn['cathit:' + c] / cn['cat:' + c]:.2f}/{cc['cathit:' + c] / cc['cat:' + c]:.2f} (n={int(cn['cat:' + c])})"
            for c in cats
        ]
        print(f"  {kind}: " + ", ".join(parts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
