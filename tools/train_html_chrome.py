"""Train and validate the chrome model for HTML lines (``nazif.html_chrome``).

    python tools/train_html_chrome.py             # cross-validate, choose the threshold, write the model
    python tools/train_html_chrome.py --cv-only   # print the cross-validation table only

Data: the silver pages of ``../shared/eval`` (``silver.jsonl`` and the HTML
of each page in ``html/``).  Each page is read with ``nazif.html.lines``; a
line takes the label of the silver line it matches (lines compared with
whitespace runs collapsed, as sequences; ``benchmarks/eval_html.py`` shows
that every silver line is matched).  The text the features see is the line
after the ``corpus`` preset's character steps, as in ``clean_html`` (which
leaves the lines the DOM rule removes as they are).

Validation: grouped-by-site 5-fold cross-validation (``train_chrome.site_folds``,
so no site is on both sides), every page scored through the real
``nazif.html_chrome.decide`` with a model fitted on the other folds; soft lines
excluded.  The threshold is the one of :data:`GRID` with the best recall whose
content lines lost stay within :data:`BUDGET` and that never removes more than
half of a page's content lines; the table of every threshold is printed and
kept in the model file's ``meta``.  Needs the ``train`` and ``html`` extras.
"""

from __future__ import annotations

import argparse
import difflib
import gzip
import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "src"))

import train_chrome as T  # noqa: E402
from nazif.chrome.model import Model  # noqa: E402
from nazif.html import _pipeline, dom_chrome, lines  # noqa: E402
from nazif.html_chrome import HTML_MODEL_PATH, MODE, THRESHOLD_KEY, decide, features  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
#: thresholds tried (None: the DOM rule alone)
GRID: tuple[float | None, ...] = (None, 0.7, 0.9, 0.95, 0.98, 0.99, 0.995, 0.998, 0.999)
#: content lines lost allowed (the article-mode budget of the chrome issue: a lost article line is the worse error)
BUDGET = 0.002
FOLDS = 5
_WS = re.compile(r"\s+")


def _key(s: str) -> str:
    return _WS.sub(" ", s).strip()


def load_pages(eval_dir: Path = EVAL, kind: str = "page") -> list[dict[str, Any]]:
    """Every silver page with HTML: ``id``, ``site``, ``found`` (the Line objects),
    ``texts`` (after the corpus character steps) and ``lines`` (text, label, soft).
    ``kind="article"``: the lines of each page's article container instead (its
    record's ``container_selector``), labelled from the article record."""
    recs = [json.loads(x) for x in (eval_dir / "silver.jsonl").open(encoding="utf-8")]
    pages = {r["id"][: -len(kind) - 1]: r for r in recs if r["input_kind"] == kind}
    before = _pipeline("corpus", False)[0]
    out = []
    for path in sorted((eval_dir / "html").glob("*.html.gz")):
        rec = pages.get(path.name[: -len(".html.gz")])
        if rec is None:
            continue
        selector = rec.get("container_selector") if kind == "article" else None
        found = lines(gzip.decompress(path.read_bytes()), selector=selector)
        gold = [_key(ln["text"]) for ln in rec["lines"]]
        mine = [_key(ln.text) for ln in found]
        labels: list[tuple[str, bool]] = [("chrome", True)] * len(found)  # unmatched: soft, not scored
        sm = difflib.SequenceMatcher(None, gold, mine, autojunk=False)
        for a, b, size in sm.get_matching_blocks():
            for k in range(size):
                g = rec["lines"][a + k]
                labels[b + k] = (g["label"], bool(g.get("soft")))
        # as clean_html does: the lines the DOM rule removes are context only, not cleaned
        texts = [ln.text if dom_chrome(ln) is not None else before(ln.text) for ln in found]
        out.append(
            {
                "id": rec["id"],
                "site": rec["site"],
                "found": found,
                "texts": texts,
                "lines": [{"text": t, "label": lab, "soft": soft} for t, (lab, soft) in zip(texts, labels)],
            }
        )
    return out


def _share(t: T.Tally) -> tuple[float, float]:
    """(recall, share of content lines lost) of a tally."""
    return (t.hit / t.chrome if t.chrome else 0.0, t.lost / t.content if t.content else 0.0)


def training_set(pages: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], dict[str, list[Any]]]:
    """What the model learns from: each page's lines that the DOM rule keeps
    (the model decides among those only), as records with their features."""
    recs = []
    feats = {}
    for p in pages:
        kept = [i for i, ln in enumerate(p["found"]) if dom_chrome(ln) is None]
        recs.append({"id": p["id"], "site": p["site"], "lines": [p["lines"][i] for i in kept]})
        feats[p["id"]] = features([p["found"][i] for i in kept], [p["texts"][i] for i in kept])
    return recs, feats


def fit(pages: list[dict[str, Any]]) -> tuple[Any, Any]:
    """Both stages of the model, fitted on ``pages``."""
    recs, feats = training_set(pages)
    return T.fit_mode(recs, feats)


def cross_validate(pages: list[dict[str, Any]]) -> dict[float | None, T.Tally]:
    out: dict[float | None, T.Tally] = {t: T.Tally() for t in GRID}
    for fold, group in enumerate(T.site_folds(pages, FOLDS)):
        stages = fit([p for p in pages if p["site"] not in group])
        for t in GRID:
            m = Model({MODE: stages}, {} if t is None else {THRESHOLD_KEY: t})
            for p in pages:
                if p["site"] in group:
                    out[t].add(p, set(decide(p["found"], p["texts"], model=m)))
        print(f"  fold {fold + 1}/{FOLDS}: {len(group)} sites", file=sys.stderr)
    return out


def choose(cv: dict[float | None, T.Tally]) -> float | None:
    ok = [t for t, tl in cv.items() if _share(tl)[1] <= BUDGET and tl.docs_half == 0]
    if not ok:
        return None
    return max(ok, key=lambda t: (_share(cv[t])[0], -(t or 1.0)))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cv-only", action="store_true", help="print the cross-validation table, write nothing")
    ap.add_argument("--out", type=Path, default=HTML_MODEL_PATH)
    ap.add_argument(
        "--eval", type=Path, default=EVAL, help="folder with silver.jsonl and html/ (default ../shared/eval)"
    )
    args = ap.parse_args(argv)
    if not (args.eval / "silver.jsonl").exists():
        print(f"skip: {args.eval.name}/silver.jsonl absent")
        return 0
    pages = load_pages(args.eval)
    print(f"{len(pages)} pages, {len({p['site'] for p in pages})} sites", file=sys.stderr)
    cv = cross_validate(pages)
    print(
        "| threshold | recall | content lines lost | content chars lost | pages losing a line | losing > half |"
    )
    print("|---|---|---|---|---|---|")
    rows = {}
    for t, tl in cv.items():
        name = "DOM rule alone" if t is None else f"{t:.3f}"
        rows[name] = f"| {name} {tl.row()}"
        print(rows[name])
    chosen = choose(cv)
    print(f"chosen: {chosen} (budget {BUDGET:.1%} of content lines, no page losing more than half)")
    if args.cv_only:
        return 0
    stages = fit(pages)
    meta = {
        "trained_on": ["silver.jsonl", "html/"],
        "pages": len(pages),
        "sites": len({p["site"] for p in pages}),
        "C": T.C,
        "content_weight": T.CONTENT_WEIGHT,
        "budget": BUDGET,
        "folds": FOLDS,
        "cv": list(rows.values()),
        "tool": "tools/train_html_chrome.py",
    }
    model = Model({MODE: stages}, {} if chosen is None else {THRESHOLD_KEY: chosen}, meta)
    args.out.write_text(model.to_json(), encoding="utf-8")
    print(f"wrote {args.out.name}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
