"""The article region of a text: the densest run of paragraph-like lines, carried
on past in-body chrome and over a list the article introduces; the headline
that repeats the page title.
"""

from __future__ import annotations

from .evidence import _BLOCK_HEADS, _block_head, _is_meta
from .lines import Hit, _Doc, _is_listy, _key, _opens_list

_INBODY = frozenset(("ad", "read-also", "share", "print", "other", "byline-meta"))


_INBODY_ONLY = frozenset(("ad", "read-also", "byline-meta"))


def _extend_region(doc: _Doc, idx: list[int], strong: dict[int, Hit], b: int) -> int:
    """Carry the article on past in-body chrome when a paragraph follows it:
    one or two lines ("Advertisement", "Read also: ..."), or a related box (a
    chrome heading and up to eight list lines).  A short last paragraph cannot
    outweigh them in the region search, but it is article text."""
    if b < 0:
        return b
    pos = {i: k for k, i in enumerate(idx)}
    k = pos.get(b)
    while k is not None:
        j = k + 1
        skipped = 0
        while j < len(idx) and skipped < 2:
            h = strong.get(idx[j])
            if h is None or h.category not in _INBODY:
                break
            j += 1
            skipped += 1
        if not skipped and j < len(idx):
            h = strong.get(idx[j])
            if h is not None and _block_head(doc, idx[j], h) == "related":
                j += 1
                skipped = 1
                while j < len(idx) and skipped <= 10:
                    g = strong.get(idx[j])
                    if g is not None and g.category not in _INBODY and g.category not in _BLOCK_HEADS:
                        break
                    if g is None and not _is_listy(doc.line(idx[j])):
                        break
                    j += 1
                    skipped += 1
        if skipped and j < len(idx) and idx[j] not in strong and doc.line(idx[j]).para:
            k = j
            b = idx[j]
        else:
            break
    # A last line that runs on like prose (eight words or more, no chrome
    # evidence) right after the body and right before chrome or the end is the
    # article's closing line even without sentence punctuation ("Details on
    # the council's site: https://…").
    k = pos.get(b)
    if k is not None and k + 1 < len(idx):
        nxt = idx[k + 1]
        after = idx[k + 2] if k + 2 < len(idx) else None
        if nxt not in strong and doc.line(nxt).words >= 8 and (after is None or after in strong):
            b = nxt
    return _introduced_list(doc, idx, strong, b, pos)


#: the most lines a list introduced by the article's last line ("… tour dates:") may run to
INTRODUCED_LIST_MAX = 60


def _introduced_list(doc: _Doc, idx: list[int], strong: dict[int, Hit], b: int, pos: dict[int, int]) -> int:
    """When the article's last line, or the line right after it, ends in a
    colon, the list it introduces (tour dates, ingredients, specifications) is
    the article's: the region runs on to the line before the first chrome
    evidence other than a date or a number, for at most
    :data:`INTRODUCED_LIST_MAX` lines."""
    k = pos.get(b)
    if k is None:
        return b
    if not _opens_list(doc.raw[b]):
        if k + 1 >= len(idx) or idx[k + 1] in strong or not _opens_list(doc.raw[idx[k + 1]]):
            return b
        k += 1
    end = min(len(idx), k + 1 + INTRODUCED_LIST_MAX)
    j = k + 1
    while j < end:
        h = strong.get(idx[j])
        if h is not None and not _is_meta(h):
            break
        j += 1
    return idx[j - 1]


def _weight(doc: _Doc, i: int, strong: dict[int, Hit]) -> float:
    line = doc.line(i)
    h = strong.get(i)
    if h is not None:
        if _is_meta(h):
            return -20.0
        if h.category in _BLOCK_HEADS and not line.para:
            return -400.0
        return -150.0
    if line.para:
        return float(min(len(line.s), 500))
    if line.words <= 3:
        return -40.0
    return -60.0


def _main_region(
    doc: _Doc, idx: list[int], strong: dict[int, Hit], *, title: bool = False
) -> tuple[int, int]:
    """The densest run of paragraph-like lines (maximum-sum subarray); with
    ``title``, the line that repeats the page title counts as article."""
    best, best_a, best_b = 0.0, -1, -1
    cur, cur_a = 0.0, -1
    if title:
        if doc._title == -2:
            doc._title = _title_match(doc, idx[:300], strong)
        headline = doc._title
    else:
        headline = -1
    get = strong.get
    for i in idx:
        h = get(i)
        if h is None and i != headline:
            line = doc.line(i)
            if line.para:
                w = float(min(len(line.s), 500))
            else:
                w = -40.0 if line.words <= 3 else -60.0
        elif i == headline:
            w = 300.0
        else:
            w = _weight(doc, i, strong)
        if cur <= 0:
            cur, cur_a = w, i
        else:
            cur += w
        if cur > best:
            best, best_a, best_b = cur, cur_a, i
    return best_a, best_b


_LEAD = " \t\"'\u201c\u201d\u00ab\u00bb\u2018\u2019([-\u2013\u2014*#\u200f\u200e"


def _title_match(doc: _Doc, head: list[int], strong: dict[int, Hit]) -> int:
    """The first head line (after the first) that repeats the page title, or -1.

    Whole-page text usually starts with the ``<title>``, which is the headline
    plus the site name ("Headline | Site"); the headline line is the article's
    first line."""
    if len(head) < 2:
        return -1
    tkey = _key(doc.line(head[0]))
    if len(tkey.split(" ")) < 3:
        return -1
    first = doc.line(head[0]).s
    limit = len(first) + 10
    start = first.lstrip(_LEAD)[:4].casefold()
    for i in head[1:]:
        if i in strong or len(doc.raw[i]) > limit + 60:
            continue
        s = doc.line(i).s
        if len(s) > limit or s.lstrip(_LEAD)[:4].casefold() != start:
            continue
        k = _key(doc.line(i))
        if len(k.split(" ")) >= 3 and (tkey.startswith(k) or k.startswith(tkey)):
            return i
    return -1
