"""Page mode: the article region is found first; the header is cut up to the
headline, the footer after the region goes, and the region itself is
analysed in article mode.
"""

from __future__ import annotations

from .evidence import _CREDIT_PRE, _evidence, _is_meta, _meta_rule
from .lines import Hit, _Doc, _features, _nonblank
from .region import _extend_region, _main_region, _title_match
from .screen import _screen
from .sequence import _analyse_article


def _analyse_page(doc: _Doc) -> dict[int, Hit]:
    idx = _nonblank(doc, 0, doc.n)
    if not idx:
        return {}
    cands = set(_screen(doc))
    f = doc.f
    for k, r in enumerate(doc.raw):
        if r and f[k] is None:
            f[k] = _features(r)
    # Per-line evidence first (it weighs the region search).
    strong: dict[int, Hit] = {}
    shareish = set()
    pre: dict[int, tuple[Hit | None, bool]] = {}
    feats = doc.f
    nothing = (None, False)
    patterns = doc.lex.has_patterns
    for i in idx:
        if i in cands:
            if feats[i].words > 45 and not patterns:  # type: ignore[union-attr]  # doc.f is filled for non-empty lines above
                pre[i] = nothing  # too long for any entry
                continue
            hit, is_strong = pre[i] = _evidence(doc, i)
        else:
            # not a screen candidate: only a caption credit or a copyright
            # notice in mid-line can still apply (never to a paragraph)
            if feats[i].para:  # type: ignore[union-attr]
                pre[i] = nothing
                continue
            r = doc.raw[i]
            if "\u00a9" in r or _CREDIT_PRE.search(r):
                hit, is_strong = pre[i] = _meta_rule(feats[i])  # type: ignore[arg-type]
            else:
                pre[i] = nothing
                continue
        if hit is not None and (is_strong or _is_meta(hit)):
            strong[i] = hit
        elif hit is not None and hit.category == "share":
            shareish.add(i)
    a, b = _main_region(doc, idx, strong, title=True)
    b = _extend_region(doc, idx, strong, b)
    if a >= 0 and not _region_dominates(doc, idx, strong, a, b):
        a = -1  # not a page around one article (a list, a wrapped text): be conservative
    if a < 0:
        return _analyse_article(doc, 0, doc.n, tail_rules=True, kicker=True, pre=pre)
    hits = _analyse_article(doc, a, b + 1, tail_rules=False, pre=pre)
    # Head: cut up to the headline.
    head = [i for i in idx if i < a]
    if head:
        cut = _head_cut(doc, head, strong, a, shareish, idx)
        for i in head:
            if i < cut:
                hits[i] = strong.get(i) or Hit(
                    "page-head", "before the article, in the page header or menu", "nav"
                )
        head_hits = _analyse_article(doc, cut, a, tail_rules=False, kicker=True, pre=pre) if cut < a else {}
        hits.update(head_hits)
        # weak menu words right before the article
        for i in head:
            if i >= cut and i not in hits and i in strong:
                hits[i] = strong[i]
    tail = [i for i in idx if i > b]
    for i in tail:
        if i not in hits:
            if len(tail) == 1 and i not in strong and pre.get(i, (None,))[0] is None:
                continue  # the page ends right after the article: nothing says this is footer
            hits[i] = strong.get(i) or Hit("page-tail", "after the article, in the page footer", "footer")
    return hits


def _region_dominates(doc: _Doc, idx: list[int], strong: dict[int, Hit], a: int, b: int) -> bool:
    """True when the article region holds most of the paragraph text of the
    page; hard-wrapped prose or a list of sentences has no single region."""
    if doc.wrapped():
        return False
    inside = outside = 0
    for i in idx:
        line = doc.line(i)
        if line.para and i not in strong:
            if a <= i <= b:
                inside += len(line.s)
            else:
                outside += len(line.s)
    return outside <= 3 * inside


def _head_cut(
    doc: _Doc, head: list[int], strong: dict[int, Hit], a: int, shareish=frozenset(), idx_all=None
) -> int:
    """Index of the first head line that belongs to the article (headline,
    standfirst, byline): lines before it are page header.

    With a headline found through the page title, the header ends with the
    last menu run (three or more short non-sentence lines that no rule
    explains) before the headline.  Without one, only a long menu run (five
    or more) counts, so that a short run between headline and body (a share
    bar, a byline) cannot swallow the headline.
    """
    if doc._title == -2:
        doc._title = _title_match(doc, [i for i in idx_all if i <= a], strong) if idx_all else -1
    h = doc._title if doc._title <= a else -1
    need = 3 if h >= 0 else 5
    limit = min(h, a) if h >= 0 else a
    cut = head[0]
    unexplained = 0
    for i in head:
        if i >= limit:
            break
        line = doc.line(i)
        hit = strong.get(i)
        if (not line.para) and line.words <= 4 and not _is_meta(hit):
            if hit is None and i not in shareish:
                unexplained += 1
            if unexplained >= need:
                cut = i + 1
        else:
            unexplained = 0
    if h >= 0:
        cut = min(cut, h)
    return min(cut, a)
