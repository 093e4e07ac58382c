"""Site-chrome removal for Arabic and English news text.

Scraped article text still carries the site around it: language switchers
("In English", "عربي"), "Related articles" / "مقالات ذات صلة" lists,
"Read also:" / "اقرأ أيضا:" lines, share bars, back-to-top buttons, cookie
notices, newsletter and comment prompts, tag lists, copyright footers and
menus.  This package removes those *lines*, and says for each one which rule
and which lexicon entry removed it.

>>> import nazif.chrome as chrome
>>> text = "In English\\nHamas to restore ties with Damascus\\nThe movement said on Monday it would resume contacts.\\nمقالات ذات صلة"
>>> print(chrome.remove(text))
Hamas to restore ties with Damascus
The movement said on Monday it would resume contacts.
>>> [(r.line, r.rule, r.entry) for r in chrome.find(text)]
[(0, 'lexicon-line', 'In English'), (3, 'lexicon-line', 'مقالات ذات صلة')]

The API:

- :func:`find` lists the removals (:class:`Removal`) without changing anything.
- :func:`remove` (the registered step ``remove_chrome``) returns the text
  without those lines.
- :func:`learn` builds a site :class:`Lexicon` from many pages of one site.
- :class:`Lexicon` loads, merges, saves and extends lexicons.
- :func:`match_key` is the orthography-insensitive key lines are matched by.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ..steps import Change, attach_tracer, step
from .decide import decide
from .learn import learn
from .lexicon import Entry, Lexicon
from .lines import Hit
from .matchkey import match_key
from .model import Model

__all__ = [
    "MODES",
    "Entry",
    "Lexicon",
    "Removal",
    "find",
    "learn",
    "match_key",
    "remove",
    "remove_chrome",
    "trace_chrome",
]

MODES = ("article", "page")

LexiconLike = Lexicon | str | None
ModelLike = Model | str | None


@dataclass(frozen=True)
class Removal:
    """One removed line.

    ``line`` is its 0-based index in ``text.split("\\n")``; ``text[start:end]``
    is what is deleted: the line *with its line break* — the ``"\\n"`` after it,
    or, for the last line of the text, the ``"\\n"`` before it — so that the
    remaining lines join up exactly.  ``rule`` names the decision
    (``lexicon-line``, ``lexicon-prefix``, ``block-related``, ``share-bar``,
    ``page-head`` …), ``entry`` the lexicon phrase, pattern or a description,
    ``category`` the kind of chrome and ``text`` the line itself.
    """

    line: int
    start: int
    end: int
    rule: str
    entry: str
    category: str
    text: str

    def as_dict(self) -> dict[str, object]:
        return {
            "line": self.line,
            "start": self.start,
            "end": self.end,
            "rule": self.rule,
            "entry": self.entry,
            "category": self.category,
            "text": self.text,
        }


@lru_cache(maxsize=16)
def _lexicon_from_path(path: str) -> Lexicon:
    # cached: a pipeline step given a path would otherwise re-read the file per call
    return Lexicon.builtin() | Lexicon.from_file(path)


def _resolve(lexicon: LexiconLike) -> Lexicon:
    if lexicon is None:
        return Lexicon.builtin()
    if isinstance(lexicon, Lexicon):
        return lexicon
    if isinstance(lexicon, str):
        # a path to a lexicon file, merged with the built-in one
        return _lexicon_from_path(lexicon)
    raise TypeError(f"lexicon must be a Lexicon, a path or None, not {type(lexicon).__name__}")


def _check_mode(mode: str) -> None:
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, not {mode!r}")


def _decide(
    lines: list[str], lex: Lexicon, mode: str, text: str | None = None, model: Model | None = None
) -> dict[int, Hit]:
    """Line index -> hit, iterated until removing the chrome finds no more chrome.

    Iterating makes the result a fixed point: cleaning the output again
    removes nothing (idempotence), even where one removal exposes another.
    """
    decided: dict[int, Hit] = {}
    alive = list(range(len(lines)))
    current = lines
    while True:
        hits = decide(current, lex, mode, text if current is lines else None, model=model)
        if not hits:
            return decided
        # the blank lines the removal leaves over go in the same pass, so that
        # the next pass (and a second cleaning) sees exactly the output
        _tidy_blank_lines(current, hits)
        for k, h in hits.items():
            decided[alive[k]] = h
        keep = [k for k in range(len(current)) if k not in hits]
        alive = [alive[k] for k in keep]
        current = [current[k] for k in keep]
        if not current:
            return decided


_BLANK = Hit("blank-line", "a blank line left over next to removed chrome", "other")


def _tidy_blank_lines(lines: list[str], decided: dict[int, Hit]) -> None:
    """Also remove the blank lines that removing chrome would leave doubled,
    leading or trailing ("para, blank, CHROME, blank, para" keeps one blank),
    so that text with normalized blank lines stays normalized."""
    kept: list[int] = []
    removed_since = False
    for i, line in enumerate(lines):
        if i in decided:
            removed_since = True
            continue
        if not line.strip():
            if removed_since and (not kept or not lines[kept[-1]].strip()):
                decided[i] = _BLANK
                continue
        else:
            removed_since = False
        kept.append(i)
    if removed_since:
        while kept and not lines[kept[-1]].strip():
            decided[kept.pop()] = _BLANK


def _spans(text: str, lines: list[str], removed: Iterable[int]) -> dict[int, tuple[int, int]]:
    """Character span of each removed line, with the line break that goes with it."""
    starts = [0] * (len(lines) + 1)
    pos = 0
    for k, line in enumerate(lines):
        starts[k] = pos
        pos += len(line) + 1
    starts[len(lines)] = pos
    n = len(lines)
    gone = set(removed)
    spans: dict[int, tuple[int, int]] = {}
    # lines in the final run of removed lines take the break *before* them,
    # unless the whole text goes
    tail_start = n
    while tail_start > 0 and (tail_start - 1) in gone:
        tail_start -= 1
    for k in sorted(gone):
        if k >= tail_start and tail_start > 0:
            spans[k] = (starts[k] - 1, starts[k] + len(lines[k]))
        elif k == n - 1:
            spans[k] = (starts[k], starts[k] + len(lines[k]))
        else:
            spans[k] = (starts[k], starts[k + 1])
    return spans


def _resolve_model(model: ModelLike) -> Model | None:
    if model is None or isinstance(model, Model):
        return model
    if isinstance(model, str):
        return _model_from_path(model)
    raise TypeError(f"model must be a Model, a path or None, not {type(model).__name__}")


@lru_cache(maxsize=4)
def _model_from_path(path: str) -> Model:
    return Model.from_file(path)


def _find_all(text: str, mode: str, lexicon: LexiconLike, model: ModelLike) -> list[Removal]:
    """Every removal, the blank lines that go with the chrome included."""
    _check_mode(mode)
    lex = _resolve(lexicon)
    mdl = _resolve_model(model)
    if not text:
        return []
    lines = text.split("\n")
    decided = _decide(lines, lex, mode, text, mdl)
    if not decided:
        return []
    spans = _spans(text, lines, decided)
    return [
        Removal(k, spans[k][0], spans[k][1], h.rule, h.entry, h.category, lines[k])
        for k, h in sorted(decided.items())
    ]


def find(
    text: str, *, mode: str = "article", lexicon: LexiconLike = None, model: ModelLike = None
) -> list[Removal]:
    """The chrome lines of ``text``, in order, each with its rule and entry.

    ``mode`` is ``"article"`` (conservative; for the text of an article
    container) or ``"page"`` (for the text of a whole page: menus, header and
    footer go too).  ``lexicon`` is a :class:`Lexicon` (default: the built-in
    one) or the path of a lexicon file to merge with the built-in one;
    ``model`` a :class:`~nazif.chrome.model.Model` or the path of a model file
    written by ``tools/train_chrome.py`` (default: the built-in model).
    Only chrome lines are listed: the blank lines that :func:`remove` drops
    with them are not.

    >>> [(r.line, r.rule) for r in find("Share\\nShare prices fell 3% on Monday, traders said.")]
    [(0, 'lexicon-line')]
    """
    return [r for r in _find_all(text, mode, lexicon, model) if r.rule != "blank-line"]


def _apply(text: str, removals: list[Removal]) -> str:
    if not removals:
        return text
    parts = []
    pos = 0
    for r in removals:
        parts.append(text[pos : r.start])
        pos = r.end
    parts.append(text[pos:])
    return "".join(parts)


@step(lossless=False)
def remove_chrome(
    text: str, *, mode: str = "article", lexicon: LexiconLike = None, model: ModelLike = None
) -> str:
    """Remove site-chrome lines (menus, share bars, "Related articles", "اقرأ أيضا" …).

    Whole lines only: a line is removed or kept, never edited, and every
    other line (blank lines included) comes through unchanged and in order.
    Lexicon words inside sentences are left alone on purpose ("Share prices
    fell", "شارك الوزير في الاجتماع"); so are headlines, short paragraphs and
    anything without firm evidence.  ``mode="page"`` is for whole-page text.
    See :func:`find` for what was removed and why.

    >>> remove_chrome("اقرأ أيضاً: الحكومة تعلن خطة جديدة\\nشارك الوزير في الاجتماع الذي عقد أمس.")
    'شارك الوزير في الاجتماع الذي عقد أمس.'
    """
    return _apply(text, _find_all(text, mode, lexicon, model))


remove = remove_chrome


def trace_chrome(
    text: str, *, mode: str = "article", lexicon: LexiconLike = None, model: ModelLike = None
) -> tuple[str, list[Change]]:
    """``(remove_chrome(text), changes)``: one :class:`~nazif.steps.Change` per
    removed line, carrying its rule, entry and line number."""
    removals = _find_all(text, mode, lexicon, model)
    changes = [
        Change(r.start, r.end, text[r.start : r.end], "", rule=r.rule, entry=r.entry, line=r.line)
        for r in removals
    ]
    return _apply(text, removals), changes


attach_tracer(remove_chrome, trace_chrome)
