"""Page mode: the article region is found first; the header is cut up to the
headline, the footer after the region goes, and the region itself is
analysed in article mode.
"""

from __future__ import annotations

from ..tables.quotes import QUOTE_CHARS
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
    listed = _shaped_list(doc, tail, strong)
    for i in tail:
        if i not in hits and i not in listed:
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
    # the header never takes more than HEAD_PROSE_MAX sentences that no rule
    # explains (a cookie notice, a site blurb): past them it is article text
    # (a table before the densest paragraphs, a standfirst)
    seen = 0
    for i in head:
        if i >= cut:
            break
        if doc.line(i).para and i not in strong:
            seen += 1
            if seen > HEAD_PROSE_MAX:
                cut = i
                break
    return min(cut, a)


#: the most sentences with no chrome evidence that the page header (before the
#: headline) may hold: a cookie notice, a site blurb.  A "header" with more is
#: article text the region search put before the region (a table ahead of the
#: densest paragraphs, a standfirst); the cut stops before the next one.
#: (The same bound on the footer was measured and refused: teaser blurbs of
#: other stories are sentences too, and page recall fell from 0.897 to 0.872.)
HEAD_PROSE_MAX = 2


#: the fewest consecutive lines of one shape that make a list of the article's
SHAPED_LIST_MIN = 3

#: what the shape of a line looks past: spaces and quotation marks (a quoted
#: list item has the shape of the others)
_SHAPE_SKIP = QUOTE_CHARS | frozenset(" \t\u00a0")


def _shape(line: str) -> tuple[bool, str] | None:
    """What the lines of a table or a list written as text share: whether the
    line opens with a digit, and its first mark of punctuation (``June 10 –
    Tampa, FL``, ``Spain (Group F): …``, ``8-9 ripe pears``); ``None`` for a
    line without punctuation (a headline, a menu entry, a listicle title:
    ``10 Strangest Medical Cases``)."""
    t = line.strip()
    if not t:
        return None
    digit = t[0].isdigit()
    for c in t:
        if not c.isalnum() and c not in _SHAPE_SKIP:
            return digit, c
    return None


def _shaped_list(doc: _Doc, tail: list[int], strong: dict[int, Hit]) -> set[int]:
    """Lines right after the article region that form a list of one shape
    (tour dates, qualified teams, ingredients: at least
    :data:`SHAPED_LIST_MIN` lines in a row, no chrome evidence), with the one
    short heading line before it: a table the article holds after its last
    paragraph, not the page footer."""
    out: set[int] = set()
    k = 0
    if (
        k < len(tail)
        and tail[k] not in strong
        and _shape(doc.raw[tail[k]]) is None
        and doc.line(tail[k]).words <= 6
    ):
        k += 1  # a heading ("Qualified teams")
    start = k
    shape = None
    while k < len(tail) and tail[k] not in strong:
        sh = _shape(doc.raw[tail[k]])
        if sh is None or (shape is not None and sh != shape):
            break
        shape = sh
        k += 1
    if k - start >= SHAPED_LIST_MIN:
        out.update(tail[:k])
    return out
