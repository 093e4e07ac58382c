"""The chrome decision: model scores, then the content-safety rules.

For one pass over a text:

1. the rule engine (:mod:`nazif.chrome.rules`) gives its evidence and its own
   decision, which become features (:mod:`nazif.chrome.features`);
2. the model (:mod:`nazif.chrome.model`) scores every non-blank line;
3. a line the rule engine removes goes when its score reaches the mode's
   *veto* threshold, per mode and script (the model overrules the rules where they are wrong,
   e.g. on an article's own lists); a line the rules keep goes when its score
   reaches the mode's (higher) *add* threshold, where the model has one (the
   built-in one has none: in by-site validation adding lines gained 0.004 of
   recall, and each addition exposed the next line of a list to the
   following pass); *unless* a safety rule keeps it:

   * **prose needs firm evidence.**  A line that reads as a sentence
     (:func:`~nazif.chrome.features.reads_as_prose`), or a fragment of one cut
     at a link, goes only with a whole-line lexicon entry, a site-learned or
     user entry or pattern, or a copyright notice on it — never on its
     neighbours' scores alone;
   * **page mode keeps the article.**  It follows from the rule above: no
     more than the firmly evidenced prose lines of a page ever go, so a page
     keeps its article whatever region the rules chose;
   * **the headline stays.**  In page mode, a line that repeats the page's
     title line (the first line, as scraped from ``<title>``) is kept.

In article mode a text in which the rule engine's screen finds no evidence at
all is not scored (clean text costs one scan), nor is one whose only evidence
is direct (whole-line entries, copyright notices), which the model would not
overrule.

>>> from nazif.chrome.lexicon import Lexicon
>>> text = ["Share this article", "The minister said the talks would resume next week.", "Related Articles"]
>>> sorted(decide(text, Lexicon.builtin(), "article"))
[0, 2]
"""

from __future__ import annotations

from collections.abc import Sequence

from .evidence import _COPYRIGHT, _evidence, _maybe_copyright
from .features import is_fragment_pair, line_features, reads_as_prose
from .lexicon import Lexicon
from .lines import Hit, _Doc, _key
from .model import Model
from .rules import analyse, new_doc

__all__ = ["FIRM_RULES", "UNVETOED_RULES", "decide", "prose_lines"]

#: Rules whose evidence is firm enough to remove a line that reads as prose.
FIRM_RULES = frozenset(("lexicon-line", "site-learned", "user-pattern", "copyright"))
#: Rule decisions the model's veto does not overrule: direct evidence on the line itself (a
#: whole-line or suffix lexicon entry, a copyright notice, the site's or the user's own entries).
#: What the model may overrule are the decisions drawn from context: blocks, tails, page regions,
#: repeats, widget titles, weak layout patterns.
UNVETOED_RULES = frozenset(("copyright", "site-learned", "user-pattern", "lexicon-line", "lexicon-suffix"))
#: The headline rule: a line of at least this many words whose key lies in the title line's key.
HEADLINE_MIN_WORDS = 3

_MODEL_CATEGORY = {"article": "other", "page": "nav"}


def _copyright(line: str) -> bool:
    """A copyright notice, also where a lexicon suffix ("All rights reserved") matched first."""
    return _maybe_copyright(line) and _COPYRIGHT.search(line) is not None


def _firm(i: int, hits: dict[int, Hit], feats: dict[str, float], line: str) -> bool:
    h = hits.get(i)
    if h is not None and h.rule in FIRM_RULES:
        return True
    return any(f"ev-strong:{r}" in feats for r in FIRM_RULES) or _copyright(line)


def _safe(doc: _Doc, lines: Sequence[str], hits: dict[int, Hit], mode: str) -> dict[int, Hit]:
    """The rules' removals that the safety rules let through (the same as the
    scored path when no score can overrule a removal)."""
    idx = [i for i in range(len(lines)) if lines[i].strip()]
    prose = prose_lines(lines, idx)
    keep_head = _headline(doc, idx) if mode == "page" else -1
    out: dict[int, Hit] = {}
    for i, h in hits.items():
        if i == keep_head or not lines[i].strip():
            continue
        if i in prose and not _firm_direct(doc, i, h, lines[i]):
            continue
        out[i] = h
    return out


def _firm_direct(doc: _Doc, i: int, h: Hit, line: str) -> bool:
    """:func:`_firm` from the line's own evidence instead of its features."""
    if h.rule in FIRM_RULES:
        return True
    ev, strong = _evidence(doc, i)
    return (strong and ev is not None and ev.rule in FIRM_RULES) or _copyright(line)


def _guarded(lines: Sequence[str], i: int, h: Hit) -> bool:
    """True when the prose guard keeps line ``i`` although the rules remove it
    (the fast path; fragments are not joined here, the entries are whole-line)."""
    return h.rule not in FIRM_RULES and reads_as_prose(lines[i]) and not _copyright(lines[i])


def prose_lines(lines: Sequence[str], idx: list[int]) -> set[int]:
    """The indexes among ``idx`` of lines that read as prose, with the fragments
    of a prose sentence cut at links (the lines the safety rule protects).

    >>> lines = ["Home", "The minister said the talks would resume next week.", "The Long Road", ", a book about the war years in the south."]
    >>> sorted(prose_lines(lines, [0, 1, 2, 3]))
    [1, 2, 3]
    """
    prose = {i for i in idx if reads_as_prose(lines[i])}
    k = 0
    m = len(idx)
    while k < m:
        j = k
        while j + 1 < m and is_fragment_pair(lines[idx[j]], lines[idx[j + 1]]):
            j += 1
        if j > k:
            group = idx[k : j + 1]
            if reads_as_prose(" ".join(lines[i].strip() for i in group)):
                prose.update(group)
        k = j + 1
    return prose


def _headline(doc: _Doc, idx: list[int]) -> int:
    """Index of the line that repeats the title line (the first line), or -1."""
    if len(idx) < 2:
        return -1
    title = _key(doc.line(idx[0]))
    if not title:
        return -1
    for i in idx[1:40]:
        key = _key(doc.line(i))
        if key and key.count(" ") + 1 >= HEADLINE_MIN_WORDS and key in title:
            return i
    return -1


def decide(
    lines: Sequence[str],
    lex: Lexicon,
    mode: str,
    text: str | None = None,
    *,
    model: Model | None = None,
) -> dict[int, Hit]:
    """The chrome lines of ``lines`` for one pass (index -> hit); nothing is changed."""
    if text is None:
        text = "\n".join(lines)
    doc = new_doc(lines, lex)
    hits = analyse(lines, lex, mode, text, doc=doc)
    if mode == "article" and not hits:
        return {}
    if mode == "article" and all(h.rule in UNVETOED_RULES for h in hits.values()):
        # only direct evidence, which the model does not overrule: skip scoring
        # (clean corpus text with a stray entry costs the rules only); the
        # prose guard still applies
        return {i: h for i, h in hits.items() if not _guarded(lines, i, h)}
    m = model if model is not None else Model.builtin()
    thr = m.threshold(mode)
    if thr is None and not hits:
        return {}  # the model only overrules removals, and there are none
    veto = m.veto(mode, doc.majority_script())
    if thr is None and veto <= 0.0:
        # nothing the model says can change the decision (Arabic text, at the
        # built-in thresholds): the safety rules alone, without scoring
        return _safe(doc, lines, hits, mode)
    article_hits = analyse(lines, lex, "article", text, doc=doc) if mode == "page" else None
    feats = line_features(lines, lexicon=lex, mode=mode, hits=hits, article_hits=article_hits, doc=doc)
    # without additions only the lines the rules remove need a final score
    scores, ctx = m.scores_and_context(feats, mode, only=hits if thr is None else None)
    idx = [i for i in range(len(lines)) if feats[i]]
    prose = prose_lines(lines, idx)
    keep_head = _headline(doc, idx) if mode == "page" else -1
    out: dict[int, Hit] = {}
    for i in idx:
        p = scores[i]
        if p is None or i == keep_head:
            continue
        h = hits.get(i)
        if h is not None and h.rule in UNVETOED_RULES:
            pass  # the model does not overrule these
        elif h is None:
            if thr is None or p < thr:
                continue
        elif p < veto:
            continue
        firm = _firm(i, hits, feats[i], lines[i])
        if i in prose and not firm:
            continue
        if h is None:
            why = m.explain(feats[i], ctx[i], mode)
            h = Hit("model", f"score {p:.2f}: {why}", _MODEL_CATEGORY[mode])
        out[i] = h
    return out
