"""The chrome decision on HTML lines: DOM and text evidence, one learned score.

:func:`nazif.html.clean_html` (on a whole page or in the ``selector``'s
container) decides here which lines are chrome.  Every line read by :func:`nazif.html.lines` gets the
text features of :mod:`nazif.chrome` (its rules' evidence and decision in
``article`` mode, length, ending, case, position, repetition …) and the DOM
features of :func:`dom_features` (the chrome element or class/id token it sits
under, its share of link text, the block element it starts in, whether it is
inside ``article``/``main``).  A two-stage logistic model over those features
(:class:`nazif.chrome.model.Model`, mode ``"html"``, weights in
``chrome/data/model_html.json``, written by ``tools/train_html_chrome.py``
from the silver pages and validated by site) scores each line.  A line goes
when

* the DOM alone says so (:func:`nazif.html.dom_chrome`: a short or mostly-link
  line inside a site ``nav``/``header``/``footer``/``aside``/``form`` or under
  a chrome class/id token), or
* its score reaches the model's threshold (:data:`THRESHOLD_KEY` in the model
  file), or the text rules hold strong direct evidence on it (a whole-line
  or suffix lexicon entry, a copyright notice, a site or user entry: the
  evidence chrome removal by text never lets its model overrule),

unless it reads as prose (a sentence of several words, or one cut into
fragments at links) and has no firm text evidence (a whole-line lexicon
entry, a copyright notice, a site or user entry).  A page whose letters are
mostly Arabic is decided by the text rules in ``article`` mode after the DOM
rule instead: the model has seen no Arabic page.

The threshold was chosen on the by-site cross-validation for a content
budget of 0.2 % of content lines (see ``docs/scraping.md``).  Needs the
``html`` extra, like :mod:`nazif.html`.  Left alone: the text of every line
(lines are removed whole, never changed).

>>> from nazif.html import Line
>>> page = [Line("Home", 1.0, "nav", block="li"), Line("Port reopens after storm repairs", block="h1", in_article=True),
...         Line("The harbour reopened on Tuesday after three weeks of repairs, the port authority said.", block="p", in_article=True),
...         Line("Share this article", 0.0, "", "share", block="div")]
>>> sorted(decide(page))
[0, 3]
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from .chrome import find as chrome_find
from .chrome.decide import UNVETOED_RULES, _firm, prose_lines
from .chrome.features import Features, line_features
from .chrome.lexicon import DATA_DIR, Lexicon
from .chrome.lines import Hit, _Doc
from .chrome.model import Model
from .chrome.rules import analyse, new_doc

if TYPE_CHECKING:  # pragma: no cover - typing only (nazif.html needs lxml)
    from .html import Line

__all__ = ["HTML_MODEL_PATH", "MODE", "THRESHOLD_KEY", "decide", "dom_features", "features", "html_model"]

#: the model file for HTML lines (a :class:`~nazif.chrome.model.Model` with one mode, :data:`MODE`)
HTML_MODEL_PATH = DATA_DIR / "model_html.json"
#: the model's mode key
MODE = "html"
#: the key of the removal threshold in the model's ``thresholds``
THRESHOLD_KEY = "html"
#: the text rules' mode whose evidence and decision become features
TEXT_MODE = "article"
#: link-share buckets of :func:`dom_features` (upper bounds, exclusive)
LINK_BUCKETS = ((1e-9, "none"), (0.5, "some"), (1.0, "most"))


def dom_features(line: Line) -> Features:
    """The DOM features of one line (names start with ``dom-``).  The model
    sees only lines the DOM rule kept, so whether the rule fires is no feature.

    >>> from nazif.html import Line
    >>> sorted(dom_features(Line("Home", 1.0, "nav", block="li")))
    ['dom-any', 'dom-block:li', 'dom-link', 'dom-linkb:all', 'dom-tag:nav']
    """
    f: Features = {}
    if line.tag:
        f["dom-tag:" + line.tag] = 1.0
        f["dom-any"] = 1.0
    if line.token:
        f["dom-token:" + line.token] = 1.0
        f["dom-any"] = 1.0
    if line.hidden:
        f["dom-hidden"] = 1.0
    share = line.link_share
    f["dom-link"] = share
    bucket = "all"
    for bound, name in LINK_BUCKETS:
        if share < bound:
            bucket = name
            break
    f["dom-linkb:" + bucket] = 1.0
    f["dom-block:" + (line.block or "none")] = 1.0
    if line.in_article:
        f["dom-article"] = 1.0
    return f


def features(
    found: Sequence[Line],
    texts: Sequence[str] | None = None,
    lexicon: Lexicon | None = None,
    *,
    hits: dict[int, Hit] | None = None,
    doc: _Doc | None = None,
) -> list[Features]:
    """Text and DOM features of every line (``{}`` for blank lines).

    ``texts`` are the lines as the text rules see them (e.g. after a preset's
    character steps; default: the lines' own text); ``hits`` and ``doc`` the
    text rules' decision and state on them, when already computed."""
    if texts is None:
        texts = [ln.text for ln in found]
    if len(texts) != len(found):
        raise ValueError("texts and found must have the same length")
    fs = line_features(texts, lexicon=lexicon, mode=TEXT_MODE, hits=hits, doc=doc)
    for f, ln in zip(fs, found):
        if f:
            f.update(dom_features(ln))
    return fs


def decide(
    found: Sequence[Line],
    texts: Sequence[str] | None = None,
    *,
    model: Model | None = None,
    lexicon: Lexicon | None = None,
) -> dict[int, tuple[str, str]]:
    """The chrome lines of a page (index -> ``(rule, entry)``); nothing is changed.

    ``rule`` is ``dom-tag``/``dom-token`` (the DOM rule) or ``dom-model``
    (the score, with the features that weighed most, in ``entry``).
    """
    from .html import dom_chrome

    if texts is None:
        texts = [ln.text for ln in found]
    m = model if model is not None else html_model()
    out: dict[int, tuple[str, str]] = {}
    for i, ln in enumerate(found):
        hit = dom_chrome(ln)
        if hit is not None:
            out[i] = hit
    thr = m.threshold(THRESHOLD_KEY)
    if thr is None or len(out) == len(found):
        return out
    kept = [i for i in range(len(found)) if i not in out]
    k_texts = [texts[i] for i in kept]
    lex = lexicon if lexicon is not None else Lexicon.builtin()
    doc = new_doc(k_texts, lex)
    if doc.majority_script() == "ar":
        # no Arabic page is in the model's training data: the text decision,
        # validated on the Arabic dev pages, on the lines the DOM kept
        for r in chrome_find("\n".join(k_texts), mode=TEXT_MODE, lexicon=lex):
            if 0 <= r.line < len(kept):
                out[kept[r.line]] = (r.rule, r.entry)
        return out
    hits = analyse(k_texts, lex, TEXT_MODE, doc=doc)
    fs = features([found[i] for i in kept], k_texts, lex, hits=hits, doc=doc)
    idx = [j for j in range(len(kept)) if fs[j]]
    prose = prose_lines(k_texts, idx)
    # a line that reads as prose without firm evidence stays whatever its score:
    # it is context for its neighbours, but its own final score is not needed
    open_ = {j for j in idx if j not in prose or _firm(j, hits, fs[j], k_texts[j])}
    scores, ctx = m.scores_and_context(fs, MODE, only=open_)
    for j in sorted(open_):
        p = scores[j]
        h = hits.get(j)
        if h is not None and h.rule in UNVETOED_RULES and f"ev-strong:{h.rule}" in fs[j]:
            # the text rules' direct evidence, when strong (a weak one, such as a
            # one-word section name, is only a feature: "Football" as a subheading)
            out[kept[j]] = (h.rule, h.entry)
        elif p is not None and p >= thr:
            out[kept[j]] = ("dom-model", f"score {p:.2f}: {m.explain(fs[j], ctx[j], MODE)}")
    return out


@lru_cache(maxsize=1)
def html_model() -> Model:
    """The built-in model for HTML lines (``chrome/data/model_html.json``)."""
    return Model.from_file(HTML_MODEL_PATH)
