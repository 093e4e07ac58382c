"""The article-mode decision over a run of lines: strong evidence first, then
blocks under a chrome heading, the tail after the last paragraph, repeats,
runs in the other script, and weak lines next to chrome.
"""

from __future__ import annotations

from collections import deque

from .evidence import _HAS_LETTER, _block_head, _evidence, _is_meta, _lexicon_hit
from .lines import Hit, _Doc, _introduces_list, _is_listy, _is_teaser, _key, _nonblank, _opens_list, _script
from .region import _INBODY_ONLY, _extend_region, _main_region


def _analyse_article(
    doc: _Doc,
    lo: int,
    hi: int,
    *,
    tail_rules: bool,
    kicker: bool = False,
    pre: dict[int, tuple[Hit | None, bool]] | None = None,
) -> dict[int, Hit]:
    idx = _nonblank(doc, lo, hi)
    if not idx:
        return {}
    hits: dict[int, Hit] = {}
    weak: dict[int, Hit] = {}
    for i in idx:
        if pre is not None and i in pre:
            hit, strong = pre[i]
        else:
            hit, strong = _evidence(doc, i)
        if hit is None:
            continue
        if strong:
            hits[i] = hit
        else:
            weak[i] = hit
    _protect_headline(doc, idx, hits)
    if not hits and not weak:
        # no evidence at all: only repeated lines, a kicker or a short line in
        # the other script can still be chrome
        _repeats(doc, idx, hits)
        if kicker:
            _kicker(doc, idx, hits)
        if not doc.ascii:
            _foreign(doc, idx, hits, weak, tail_rules)
            _propagate(doc, idx, hits, weak, allow_start=tail_rules)
        return hits
    if doc.wrapped():
        # hard-wrapped prose (newswire): line layout says nothing, only firm evidence counts
        _blocks(doc, idx, hits, weak)
        return hits
    _repeats(doc, idx, hits)
    _blocks(doc, idx, hits, weak)
    _read_more(doc, idx, hits)
    if tail_rules:
        _tail(doc, idx, hits, weak)
    if kicker:
        _kicker(doc, idx, hits)
    _foreign(doc, idx, hits, weak, tail_rules)
    _propagate(doc, idx, hits, weak, allow_start=tail_rules)
    _sandwich(doc, idx, hits)
    return hits


def _protect_headline(doc: _Doc, idx: list[int], hits: dict[int, Hit]) -> None:
    """A learned site line may be a headline shown in a sidebar on other pages;
    on its own page it is the headline: keep the page's headline (the line that
    repeats the page title, or a first line of five words or more)."""
    if not hits:
        return
    keep = []
    if doc._title >= 0:
        keep.append(doc._title)
    first = idx[0]
    if doc.line(first).words >= 5:
        keep.append(first)
    for i in keep:
        h = hits.get(i)
        if h is not None and h.rule == "site-learned":
            del hits[i]


def _kicker(doc: _Doc, idx: list[int], hits: dict[int, Hit]) -> None:
    """A one- or two-word section name right above the headline ("Syria", "Higher education")."""
    rest = [i for i in idx if i not in hits]
    if len(rest) < 3:
        return
    first, second = doc.line(rest[0]), doc.line(rest[1])
    if first.term or not _key(first) or second.para or second.words < 5:
        return
    ev = _lexicon_hit(doc, rest[0])[0] if first.words == 2 else None
    if first.words == 1 or (first.words == 2 and ev is not None):
        hits[rest[0]] = Hit("section-kicker", "a section name above the headline", "nav")


# match keys of "read more" links, which follow the teaser title they open
_READ_MORE_KEYS = ("read more", "continue reading", "full story", "اقرا المزيد", "تابع القراءه", "المزيد")


def _read_more(doc: _Doc, idx: list[int], hits: dict[int, Hit]) -> None:
    """ "<teaser title>" followed by a bare "Read more" line: the title is the teaser."""
    for k in range(1, len(idx)):
        h = hits.get(idx[k])
        if h is None or h.category != "read-also" or h.rule != "lexicon-line":
            continue
        if not _key(doc.line(idx[k])).startswith(_READ_MORE_KEYS):
            continue  # "Read also" introduces the titles after it, not the line above
        j = idx[k - 1]
        line = doc.line(j)
        if j not in hits and _is_teaser(line) and 3 <= line.words and line.term != ",":
            hits[j] = Hit("block-read-also", h.entry, "read-also")


def _repeats(doc: _Doc, idx: list[int], hits: dict[int, Hit]) -> None:
    """Non-sentence lines that occur more than once: one copy is kept (the one
    followed by a paragraph, else the first), the others are widget copies."""
    groups: dict[str, list[int]] = {}
    raw = doc.raw
    if not any(not _is_meta(h) for h in hits.values()):
        return  # only in text that already shows chrome: poems repeat refrains
    if len({raw[i].strip().casefold() for i in idx}) == len(idx):
        return
    for k, i in enumerate(idx):
        line = doc.line(i)
        if line.para or line.words < 2 or line.words > 30 or line.term in (",", "."):
            continue
        if line.s.endswith(":") or line.s.endswith("\uff1a"):
            continue  # "Ingredients:" headings repeat in content
        key = " ".join(line.s.casefold().split())
        if len(key) < 8:
            continue
        groups.setdefault(key, []).append(k)
    first_para = next((i for i in idx if doc.line(i).para), -1)
    for ks in groups.values():
        if len(ks) < 2:
            continue
        keep = ks[0]
        for k in ks:
            i = idx[k]
            nxt = doc.next_nonblank(i)
            if first_para >= 0 and i > first_para:
                break
            if nxt >= 0 and doc.line(nxt).para and i not in hits:
                keep = k  # the headline right above the body, not its breadcrumb copy
                break
        if keep == ks[0] and len(ks) == 2 and ks[1] == ks[0] + 1:
            keep = ks[1]  # two copies in a row: the first is the breadcrumb
        for k in ks:
            i = idx[k]
            if k != keep and i not in hits:
                hits[i] = Hit("repeated-line", f"repeats line {idx[keep]}", "other")


def _layout_sig(raw: str) -> bool:
    """Whether a raw line starts with white space (how its HTML element was laid out)."""
    return raw[:1].isspace()


def _blocks(doc: _Doc, idx: list[int], hits: dict[int, Hit], weak: dict[int, Hit]) -> None:
    """Related / most-read / tag lists whose head is chrome."""
    pos = 0
    n = len(idx)
    while pos < n:
        i = idx[pos]
        h = hits.get(i) or weak.get(i)
        pos += 1
        kind = _block_head(doc, i, h)
        if kind is None:
            continue
        limit, max_words = (40, 20) if kind == "related" else (30, 5)
        if h.category == "read-also":  # type: ignore[union-attr]  # a block head has a hit
            limit = 3  # "Read also" stands over one to three titles inside the body
        items: list[int] = []
        p = pos
        while p < n and len(items) < limit:
            line = doc.line(idx[p])
            if not _is_teaser(line) or line.words > max_words:
                break
            items.append(idx[p])
            p += 1
        if len(items) >= 2 and p < n and doc.line(idx[p]).para and items[-1] not in hits:
            # the list ends at a paragraph: its last line may be the article's
            # subheading rather than a teaser; teasers and body text are often
            # laid out differently (indentation), so trust that when it differs
            sig = _layout_sig(doc.raw[items[0]])
            last = _layout_sig(doc.raw[items[-1]])
            if last != sig and last == _layout_sig(doc.raw[idx[p]]):
                items.pop()
        if i in weak:
            if len(items) < 2:
                continue  # a weak head ("Topics") needs a list under it
            hits[i] = weak.pop(i)
        for j in items:
            if j not in hits:
                hits[j] = Hit("block-" + kind, h.entry, h.category)  # type: ignore[union-attr]
            weak.pop(j, None)
        pos = p


def _last_para(doc: _Doc, idx: list[int], hits: dict[int, Hit]) -> int:
    """The last line of the article body: the end of the densest run of
    paragraphs (short boilerplate sentences after it do not count)."""
    strong = dict(hits)
    _a, b = _main_region(doc, idx, strong)
    return _extend_region(doc, idx, strong, b)


def _tail(doc: _Doc, idx: list[int], hits: dict[int, Hit], weak: dict[int, Hit]) -> None:
    """After the article body: teaser lists, tag clouds, and short lines after chrome."""
    last = _last_para(doc, idx, hits)
    if last < 0:
        return
    tail = [i for i in idx if i > last]
    if not tail:
        return

    def is_meta(i: int) -> bool:
        return _is_meta(hits.get(i) or weak.get(i))

    # Teaser list: headlines interleaved with bylines, dates and counters.
    meta = sum(1 for i in tail if is_meta(i))
    if meta >= 3 and len(tail) - meta >= 3 and meta * 4 >= len(tail):
        first_meta = min(i for i in tail if is_meta(i))
        k = tail.index(first_meta)
        start = tail[max(0, k - 2)]  # the list starts at most two lines before its first meta line
        if any(_opens_list(doc.raw[i]) and i not in hits for i in tail if i <= start):
            start = idx[-1] + 1  # a list the article introduces ("Timeline:"): content
        for i in tail:
            if i >= start and i not in hits and _is_listy(doc.line(i)):
                hits[i] = weak.pop(i, None) or Hit(  # type: ignore[arg-type]
                    "teaser-list", "headlines with dates or bylines after the article", "related"
                )
    # A run of four or more one-to-three-word lines: a tag cloud or a menu.
    pos = {i: k for k, i in enumerate(idx)}
    run: list[int] = []
    for i in tail + [-1]:
        line = doc.line(i) if i >= 0 else None
        if line is not None and not line.term and line.words <= 2 and _HAS_LETTER.search(line.s):
            run.append(i)
            continue
        if (
            len(run) >= 5
            and sum(doc.line(j).words for j in run) <= 1.5 * len(run)
            and not _introduces_list(doc, idx, run[0], pos)
        ):
            for j in run:
                if j not in hits:
                    hits[j] = Hit("tail-list", "a list of one-to-three-word lines after the article", "tags")
        run = []
    # After a chrome line in the tail, short non-sentence lines are chrome too.
    started = False
    for i in tail:
        h = hits.get(i)
        if h is not None:
            # end-of-article chrome (share bars, related lists, tags, comments,
            # footers) starts the run; in-body chrome (ads, "read also") does not
            if not _is_meta(h) and h.rule != "repeated-line" and h.category not in _INBODY_ONLY:
                started = True
            continue
        line = doc.line(i)
        if started and _is_teaser(line):
            hits[i] = Hit("tail-run", "a short line after chrome at the end of the text", "other")


def _foreign(doc: _Doc, idx: list[int], hits: dict[int, Hit], weak: dict[int, Hit], edges: bool) -> None:
    """Short lines in the minority script: weak evidence of a language switch."""
    major = None
    for i in idx:
        if i in hits or i in weak:
            continue
        line = doc.line(i)
        # a sentence (or a quoted exclamation) in the other language is a
        # quotation, not a language switcher
        if line.words > 3 or line.para or line.term in (".", "?"):
            continue
        if major is None:
            major = doc.majority_script()
        sc = _script(line)
        if sc and sc != major:
            weak[i] = Hit(
                "foreign-script-switch",
                f"a short {'Arabic' if sc == 'ar' else 'Latin'} line",
                "language-switch",
            )


def _propagate(
    doc: _Doc, idx: list[int], hits: dict[int, Hit], weak: dict[int, Hit], *, allow_start: bool
) -> None:
    """Weak lines go when a neighbour is chrome, or at the start or end of the text.

    A run of weak lines right after a line ending in a colon is the list the
    article introduces ("… the following sectors:") and stays.  Worked as a
    queue: a line is looked at again only when a neighbour has just gone, so
    the time is linear however long the chain of weak lines.
    """
    for i in [i for i in weak if i in hits]:
        weak.pop(i)
    if not weak:
        return
    pos = {i: k for k, i in enumerate(idx)}
    m = len(idx)
    first_content = next((i for i in idx if i not in hits), None)
    last_para = _last_para(doc, idx, hits)
    raw = doc.raw
    # runs of weak lines after a colon line: never removed (no line of such a
    # run can go, so the run stays whole)
    inert: set[int] = set()
    k = 0
    while k < m:
        if idx[k] not in weak:
            k += 1
            continue
        j = k
        while j < m and idx[j] in weak:
            j += 1
        if k > 0 and _opens_list(raw[idx[k - 1]]):
            inert.update(idx[k:j])
        k = j
    queue = deque(i for i in idx if i in weak)
    while queue:
        i = queue.popleft()
        h = weak.get(i)
        if h is None or i in inert:
            continue
        k = pos[i]
        prev_i = idx[k - 1] if k > 0 else None
        next_i = idx[k + 1] if k + 1 < m else None
        # in-body chrome (an ad label, "Read also") sits between
        # paragraphs and subheadings: it does not make its neighbours chrome
        near = any(
            j is not None and j in hits and hits[j].category not in ("ad", "read-also")
            for j in (prev_i, next_i)
        )
        meta = _is_meta(h)
        run = (prev_i in weak and not (meta and _is_meta(weak[prev_i]))) or (
            next_i in weak and not (meta and _is_meta(weak[next_i]))
        )
        edge = allow_start and (i == first_content or (last_para >= 0 and i > last_para and k == m - 1))
        if not (near or edge or (run and h.rule != "foreign-script-switch")):
            continue
        hits[i] = h
        weak.pop(i)
        if _opens_list(raw[i]):
            # the weak lines after it now follow a colon line: a list
            q = k + 1
            while q < m and idx[q] in weak and idx[q] not in inert:
                inert.add(idx[q])
                q += 1
        for nb in (prev_i, next_i):
            if nb is not None and nb in weak:
                queue.append(nb)


_SANDWICH_CATS = frozenset(("share", "related", "most-read", "comment", "subscribe", "read-also", "print"))


def _sandwich(doc: _Doc, idx: list[int], hits: dict[int, Hit]) -> None:
    """A short title between two share/related lines belongs to the widget."""
    for k in range(1, len(idx) - 1):
        i = idx[k]
        if i in hits:
            continue
        a, b = hits.get(idx[k - 1]), hits.get(idx[k + 1])
        if a is None or b is None or a.category not in _SANDWICH_CATS or b.category not in _SANDWICH_CATS:
            continue
        line = doc.line(i)
        if _is_listy(line) and line.words <= 15:
            hits[i] = Hit("widget-title", "a title inside a share or related widget", a.category)
