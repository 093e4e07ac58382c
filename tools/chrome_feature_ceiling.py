"""How far the chrome model's text features can go: line-level, out-of-fold
recall of chrome lines at fixed shares of content lines lost, for the
logistic model nazif ships and for gradient-boosted trees on the same
features (scikit-learn, extra ``train``).

    python tools/chrome_feature_ceiling.py [--mode article|page]

Grouped-by-site 5-fold split as in ``train_chrome.py``; each line's features
are its own (``nazif.chrome.features.line_features``) plus those of the two
lines either side (evidence, rules, length, ending, first character, prose
look).  No safety rules and no fixed-point passes: this measures what the
features separate, not what ``find`` removes.  Needs ``../shared/eval``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "src"))

import train_chrome as T  # noqa: E402
from nazif.chrome.features import Features  # noqa: E402
from nazif.chrome.lexicon import Lexicon  # noqa: E402

#: shares of content lines lost at which recall is reported
BUDGETS = (0.002, 0.005, 0.01, 0.02)
#: neighbour features copied into a line's row, by name prefix
NEIGHBOUR_PREFIXES = ("rule:", "ev-", "words:", "end:", "first:", "prose", "art-rule:")


def rows_with_neighbours(fs: list[Features]) -> list[tuple[int, Features]]:
    idx = [i for i, f in enumerate(fs) if f]
    out = []
    for k, i in enumerate(idx):
        row = dict(fs[i])
        for side, q in (("P", k - 1), ("N", k + 1), ("P2", k - 2), ("N2", k + 2)):
            if 0 <= q < len(idx):
                for name, value in fs[idx[q]].items():
                    if name.startswith(NEIGHBOUR_PREFIXES):
                        row[side + "|" + name] = value
        out.append((i, row))
    return out


def recall_at(scored: list[tuple[float, int]], budget: float) -> float:
    scored = sorted(scored, key=lambda p: -p[0])
    content = sum(1 for _, y in scored if y == 0) or 1
    chrome = sum(1 for _, y in scored if y == 1) or 1
    lost = hit = best = 0
    for _, y in scored:
        if y == 0:
            lost += 1
            if lost / content > budget:
                break
        else:
            hit += 1
            best = hit
    return best / chrome


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mode", choices=T.MODES, default="article")
    args = ap.parse_args(argv)
    missing = [p for p in T.DEFAULT_DATA if not p.exists()]
    if missing:
        print(f"labelled data not found: {', '.join(map(str, missing))}", file=sys.stderr)
        return 1
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    recs = [r for r in T.load(T.DEFAULT_DATA) if T.mode_of(r) == args.mode]
    lex = Lexicon.builtin()
    feats = {r["id"]: T.record_features(r, lex) for r in recs}
    scored: dict[str, list[tuple[float, int]]] = {"logistic": [], "boosted trees": []}

    def rows(part: list[dict[str, Any]]) -> tuple[list[Features], list[int]]:
        X, y = [], []
        for r in part:
            for i, row in rows_with_neighbours(feats[r["id"]]):
                ln = r["lines"][i]
                if not ln.get("soft"):
                    X.append(row)
                    y.append(1 if ln["label"] == "chrome" else 0)
        return X, y

    for group in T.site_folds(recs, 5):
        Xtr, ytr = rows([r for r in recs if r["site"] not in group])
        Xte, yte = rows([r for r in recs if r["site"] in group])
        dv = DictVectorizer()
        A, B = dv.fit_transform(Xtr), dv.transform(Xte)
        w = [T.CONTENT_WEIGHT if t == 0 else 1.0 for t in ytr]
        lr = LogisticRegression(C=T.C, max_iter=3000).fit(A, ytr, sample_weight=w)
        gb = HistGradientBoostingClassifier(max_iter=300, learning_rate=0.08, random_state=T.SEED)
        gb.fit(A.toarray(), ytr, sample_weight=w)
        scored["logistic"] += list(zip(lr.predict_proba(B)[:, 1], yte))
        scored["boosted trees"] += list(zip(gb.predict_proba(B.toarray())[:, 1], yte))
    print(f"{args.mode} mode, {len(scored['logistic'])} lines, out of fold by site")
    print("| classifier | " + " | ".join(f"recall at {b:.1%} lost" for b in BUDGETS) + " |")
    print("|---|" + "---|" * len(BUDGETS))
    for name, pairs in scored.items():
        print(f"| {name} | " + " | ".join(f"{recall_at(pairs, b):.3f}" for b in BUDGETS) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
