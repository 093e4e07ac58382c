"""The decisions: which lines of a text are site chrome, and why.

Two modes share one engine:

* ``article`` (conservative, the default) for the text of an article
  container.  A line goes only on firm evidence: a lexicon entry (whole line,
  or a prefix followed by a title), a layout pattern (a line that is only a
  date, a counter, a byline, a copyright notice, separators), a repetition of
  an earlier non-sentence line, or membership of a block whose head is chrome
  (a "Related articles" list, a share bar, a tag list, a teaser list after
  the article).  Weak evidence (a one-word menu item, a social network name,
  a short line in the other script) needs context: a chrome neighbour, or
  the start or tail of the document.
* ``page`` for the text of a whole page.  The main article region is found
  first (the densest run of paragraph-like lines); lines before it are cut up
  to the headline, lines after it go, and inside it the article rules apply.

Every decision is a :class:`Hit` naming the rule and the entry.

Where each part lives: :mod:`~nazif.chrome.lines` (what is known of a line and
of a text), :mod:`~nazif.chrome.evidence` (what a line says on its own),
:mod:`~nazif.chrome.screen` (the cheap first look), :mod:`~nazif.chrome.sequence`
(the article-mode decision over a run of lines), :mod:`~nazif.chrome.region`
(the article region) and :mod:`~nazif.chrome.page` (page mode).
"""

from __future__ import annotations

from collections.abc import Sequence

from .evidence import _evidence
from .lexicon import Lexicon, has_bidi_controls
from .lines import Hit, _Doc
from .page import _analyse_page
from .screen import _edge_foreign, _has_repeats, _screen
from .sequence import _analyse_article

__all__ = ["Hit", "analyse"]


def new_doc(lines: Sequence[str], lex: Lexicon) -> _Doc:
    """The per-text state (line features, evidence, screen) that :func:`analyse`
    and :func:`nazif.chrome.features.line_features` can share."""
    return _Doc(lines, lex)


def analyse(
    lines: Sequence[str], lex: Lexicon, mode: str, text: str | None = None, *, doc: _Doc | None = None
) -> dict[int, Hit]:
    """The chrome lines of ``lines`` (index -> hit), for one pass.

    In article mode a screen (a look at the first words of every line for
    ones that start like a lexicon entry, a date, a number, a symbol or a
    link, the lexicon's patterns, plus a check for repeated lines) decides
    first whether the text needs looking at; clean text costs that scan only.
    ``doc`` (from :func:`new_doc` on the same ``lines`` and ``lex``) shares
    the per-line work between analyses of one text.
    """
    if doc is None:
        doc = _Doc(lines, lex)
    if text is None:
        text = "\n".join(lines)
    doc.ascii = text.isascii()
    doc.bidi = has_bidi_controls(text)
    if mode == "page":
        return _analyse_page(doc)
    pre: dict[int, tuple[Hit | None, bool]] = {}
    found = False
    for i in _screen(doc):
        ev = pre[i] = _evidence(doc, i)
        if ev[0] is not None:
            found = True
    if not found and not _has_repeats(lines) and (text.isascii() or not _edge_foreign(doc)):
        return {}
    return _analyse_article(doc, 0, doc.n, tail_rules=True, kicker=True, pre=pre)
