"""nazif.html on the silver pages of ``../shared/eval``: line agreement of
``to_text`` with the silver records, chrome removal with and without DOM
evidence, and speed.  Skips (exit 0) when ../shared or lxml is absent.

    python benchmarks/eval_html.py

Line agreement: both sides' lines with whitespace runs collapsed and
stripped, compared as sequences (difflib matching blocks); reported as the
share of silver lines matched exactly.  Chrome: every silver ``page``
record, labels from its lines matched by collapsed text; recall = chrome
lines removed / chrome lines, content lost = content lines removed /
content lines.  Variants, with the models nazif ships (trained on these
pages, so in-sample): ``text`` (page mode on the whole page's text), ``dom``
(the DOM rule alone), ``dom+text`` (either), ``dom>page`` and
``dom>article`` (the text rules in that mode on the lines the DOM kept),
``dom-model`` (``nazif.html_chrome.decide``: what ``clean_html`` does on a
whole page).

    python benchmarks/eval_html.py --cv

adds the honest comparison: grouped-by-site 5-fold cross-validation (the
folds of ``tools/train_html_chrome.py``), the text model refitted on dev +
silver without the held-out sites and the HTML model on the silver pages
without them, soft lines excluded; rows ``text``, ``dom``, ``dom>article``
and ``dom-model`` as above; then the same on each page's article container
(its record's ``container_selector``).  Needs the ``train`` extra; a few
minutes.
"""

from __future__ import annotations

import difflib
import gzip
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
_WS = re.compile(r"\s+")


def key(s: str) -> str:
    return _WS.sub(" ", s).strip()


def main() -> int:
    try:
        from nazif import chrome, html_chrome
        from nazif.html import dom_chrome, lines, to_text
    except ImportError:
        print("skip: lxml not installed")
        return 0
    silver = EVAL / "silver.jsonl"
    if not silver.exists():
        print("skip: ../shared/eval/silver.jsonl absent")
        return 0
    records = [json.loads(x) for x in silver.open(encoding="utf-8")]
    pages = {r["id"][: -len("-page")]: r for r in records if r["input_kind"] == "page"}
    matched = total = 0
    exact_docs = 0
    verbatim = 0
    nbytes = 0
    t_text = 0.0
    stats = {
        "text": [0, 0, 0, 0],
        "dom": [0, 0, 0, 0],
        "dom+text": [0, 0, 0, 0],
        "dom>page": [0, 0, 0, 0],
        "dom>article": [0, 0, 0, 0],
        "dom-model": [0, 0, 0, 0],
    }  # chrome, removed, content, lost
    for path in sorted((EVAL / "html").glob("*.html.gz")):
        rid = path.name[: -len(".html.gz")]
        rec = pages.get(rid)
        if rec is None:
            continue
        data = gzip.decompress(path.read_bytes())
        nbytes += len(data)
        t0 = time.perf_counter()
        found = lines(data)
        t_text += time.perf_counter() - t0
        verbatim += [ln["text"] for ln in rec["lines"]] == [ln.text for ln in found]
        gold = [key(ln["text"]) for ln in rec["lines"]]
        mine = [key(ln.text) for ln in found]
        sm = difflib.SequenceMatcher(None, gold, mine, autojunk=False)
        m = sum(b.size for b in sm.get_matching_blocks())
        matched += m
        total += len(gold)
        exact_docs += m == len(gold) == len(mine)
        # label lookup by matched position
        label = {}
        for a, b, size in sm.get_matching_blocks():
            for k in range(size):
                label[b + k] = rec["lines"][a + k]["label"]
        text = "\n".join(ln.text for ln in found)
        by_text = {r.line for r in chrome.find(text, mode="page")}
        by_dom = {i for i, ln in enumerate(found) if dom_chrome(ln) is not None}
        # what clean_html does: the text rules on the lines the DOM kept
        kept = [i for i in range(len(found)) if i not in by_dom]
        rest = "\n".join(found[i].text for i in kept)
        after = {
            mode: by_dom | {kept[r.line] for r in chrome.find(rest, mode=mode)}
            for mode in ("page", "article")
        }
        variants = (
            ("dom-model", set(html_chrome.decide(found))),
            ("text", by_text),
            ("dom", by_dom),
            ("dom+text", by_text | by_dom),
            ("dom>page", after["page"]),
            ("dom>article", after["article"]),
        )
        for name, removed in variants:
            st = stats[name]
            for i, lab in label.items():
                if lab == "chrome":
                    st[0] += 1
                    st[1] += i in removed
                else:
                    st[2] += 1
                    st[3] += i in removed
    if not total:
        print("skip: no silver html pages")
        return 0
    print(
        f"to_text line agreement: {matched}/{total} silver lines = {matched / total:.2%}; docs identical: {exact_docs}; verbatim: {verbatim}"
    )
    for name, (c, r, n, lost) in stats.items():
        print(f"{name:11s} chrome recall {r}/{c} = {r / c:.1%}; content lost {lost}/{n} = {lost / n:.2%}")
    print(f"lines(): {nbytes / t_text / 1e6:.1f} MB/s of HTML over {nbytes / 1e6:.1f} MB")
    from nazif.html import clean_html

    docs = [gzip.decompress(p.read_bytes()) for p in sorted((EVAL / "html").glob("*.html.gz"))[:60]]
    size = sum(map(len, docs))
    for name, func in (("to_text", to_text), ("clean_html", clean_html)):
        t0 = time.perf_counter()
        for d in docs:
            func(d)
        print(
            f"{name}: {size / (time.perf_counter() - t0) / 1e6:.1f} MB/s over {size / 1e6:.1f} MB (60 pages)"
        )
    if "--cv" in sys.argv[1:]:
        cross_validated()
    return 0


def _variants(p: dict, text_mode: str, tm: object, hm: object) -> dict[str, set[int]]:
    """The lines each variant removes from one page (or container) ``p``:
    text only (in ``text_mode``), the DOM rule, the DOM rule then article
    mode, and the DOM + text model; ``tm``/``hm`` the out-of-fold models."""
    from nazif import chrome
    from nazif.html import dom_chrome
    from nazif.html_chrome import decide

    found, texts = p["found"], p["texts"]
    raw = "\n".join(ln.text for ln in found)
    dom = {i for i, ln in enumerate(found) if dom_chrome(ln) is not None}
    kept = [i for i in range(len(found)) if i not in dom]
    rest = "\n".join(texts[i] for i in kept)
    return {
        "text": {r.line for r in chrome.find(raw, mode=text_mode, model=tm)},
        "dom": dom,
        "dom>article": dom | {kept[r.line] for r in chrome.find(rest, mode="article", model=tm)},
        "dom-model": set(decide(found, texts, model=hm)),
    }


def cross_validated() -> None:
    """The by-site cross-validated comparison (see the module doc)."""
    sys.path.insert(0, str(ROOT / "tools"))
    import train_chrome as T
    import train_html_chrome as H
    from nazif.chrome.lexicon import Lexicon
    from nazif.chrome.model import Model
    from nazif.html_chrome import MODE, html_model

    pages = H.load_pages(EVAL)
    containers = {c["site"]: [] for c in pages}
    for c in H.load_pages(EVAL, kind="article"):
        containers.setdefault(c["site"], []).append(c)
    recs = T.load(T.DEFAULT_DATA)
    lex = Lexicon.builtin()
    tfeats = {r["id"]: T.record_features(r, lex) for r in recs}
    tally = {name: T.Tally() for name in ("text", "dom", "dom>article", "dom-model")}
    in_container = {name: T.Tally() for name in ("text", "dom>article", "dom-model")}
    for fold, group in enumerate(T.site_folds(pages, H.FOLDS)):
        tm = T.fit([r for r in recs if r["site"] not in group], tfeats, Model.builtin().thresholds)
        hm = Model({MODE: H.fit([p for p in pages if p["site"] not in group])}, html_model().thresholds)
        for p in pages:
            if p["site"] in group:
                for name, removed in _variants(p, "page", tm, hm).items():
                    tally[name].add(p, removed)
        for site in group:
            for c in containers.get(site, []):
                for name, removed in _variants(c, "article", tm, hm).items():
                    if name in in_container:
                        in_container[name].add(c, removed)
        print(f"  fold {fold + 1}/{H.FOLDS}", file=sys.stderr)
    print("cross-validated by site (soft lines excluded):")
    print(
        "| variant | recall | content lines lost | content chars lost | pages losing a line | losing > half |"
    )
    print("|---|---|---|---|---|---|")
    for name, t in tally.items():
        print(f"| {name} {t.row()}")
    print("article containers (container_selector), same folds; text rules in article mode:")
    print(
        "| variant | recall | content lines lost | content chars lost | pages losing a line | losing > half |"
    )
    print("|---|---|---|---|---|---|")
    for name, t in in_container.items():
        print(f"| {name} {t.row()}")


if __name__ == "__main__":
    sys.exit(main())
