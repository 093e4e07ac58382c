"""What the chrome model sees of a line: named features, computed in pure Python.

Each non-blank line of a document becomes a small set of *named* features
(a ``dict`` of name -> value, most values 1.0).  The names are what the
weights file (``data/model.json``) is keyed by, so a decision can always be
explained as "these features, with these weights".

Four groups:

* **the line itself** — length (words and characters, bucketed), how it ends
  (sentence, question, comma, ellipsis, colon, nothing), how it starts (capital,
  lower case, digit, symbol), case pattern, digit and symbol share, the share
  of function words of each language (``data/stopwords_*.txt``), link and
  separator marks, list-item look;
* **evidence** — the lexicon and layout evidence of :mod:`nazif.chrome.rules`
  (whole-line entry, prefix entry, date, counter, byline, copyright … with
  its strength and category) and the rule-engine decision itself, in the
  mode asked for and, for pages, in article mode too;
* **the document** — relative position, before / between / after the
  paragraphs, repetition of the line inside the page, the run of short lines
  the line sits in, the distance to the nearest paragraph;
* **neighbours** — the length class and ending of the previous and next
  non-blank lines, whether they carry evidence, and whether the line is a
  fragment of a sentence cut at a link (``get_text("\\n")`` output).

The second stage of the model (:mod:`nazif.chrome.model`) adds the first
stage's scores of the neighbours.

>>> feats = line_features(["Home", "News", "The minister said the talks would resume next week.", "Share"])
>>> "words:1" in feats[0], "end:." in feats[2]
(True, True)
>>> feats[1].get("stop-share:0")
1.0
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from .evidence import _evidence
from .lexicon import DATA_DIR, Lexicon
from .lines import Hit, _Doc, _key, _script
from .matchkey import match_key
from .rules import analyse, new_doc

__all__ = ["Features", "is_fragment_pair", "line_features", "reads_as_prose", "stopwords"]

Features = dict[str, float]

#: A line of at least this many words that ends like a sentence reads as prose.
PROSE_MIN_WORDS = 6
#: Lines of at most this many words count as "short" for runs of short lines.
SHORT_WORDS = 4
#: A paragraph, for the distance and region features: this many words and a sentence ending.
PARA_WORDS = 10

_WORD_BUCKETS = ((1, "1"), (2, "2"), (4, "3-4"), (7, "5-7"), (12, "8-12"), (20, "13-20"), (40, "21-40"))
_POS_BUCKETS = (
    (0.05, "0-5"),
    (0.15, "5-15"),
    (0.3, "15-30"),
    (0.7, "30-70"),
    (0.85, "70-85"),
    (0.95, "85-95"),
)
_SENT_END = frozenset(".!?\u061f\u2026\u06d4")
_CLOSE = "\"'\u201d\u2019\u00bb)]*\u200f\u200e "
_BULLETS = frozenset("\u2022\u00b7\u25aa\u25cf\u25e6\u2023\u2043-*\u2013\u2014\u25ba\u25b8>")
_MARKS = (
    ("|", "pipe"),
    ("\u00bb", "guillemet"),
    ("/", "slash"),
    ("@", "at"),
    ("\u00a9", "copy"),
    ("#", "hash"),
)


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """The function words of both languages (``data/stopwords_en.txt`` and
    ``data/stopwords_ar.txt``), in match-key form.

    >>> "the" in stopwords() and match_key("في") in stopwords()
    True
    """
    words: set[str] = set()
    for name in ("stopwords_en.txt", "stopwords_ar.txt"):
        with open(DATA_DIR / name, encoding="utf-8") as fh:
            for raw in fh:
                raw = raw.strip()
                if raw and not raw.startswith("#"):
                    words.add(match_key(raw))
    return frozenset(words)


def _bucket(value: float, buckets: Sequence[tuple[float, str]], last: str) -> str:
    for bound, name in buckets:
        if value <= bound:
            return name
    return last


def _ending(s: str) -> str:
    t = s.rstrip(_CLOSE)
    if not t:
        return "none"
    c = t[-1]
    if t.endswith(("...", "\u2026")):
        return "~"
    if c in ".\u06d4":
        return "."
    if c in "!?\u061f":
        return "?"
    if c in ",\u060c;\u061b":
        return ","
    if c in ":":
        return ":"
    return "none"


def reads_as_prose(line: str) -> bool:
    """True for a line that reads as a sentence: several words and a sentence ending.

    The content-safety guard of the chrome model keeps such a line unless the
    evidence against it is firm.

    >>> reads_as_prose("The minister said the talks would resume.")
    True
    >>> reads_as_prose("Related Articles"), reads_as_prose("Comments are closed.")
    (False, False)
    """
    s = line.strip()
    if not s:
        return False
    t = s.rstrip(_CLOSE)
    return bool(t) and t[-1] in _SENT_END and len(s.split()) >= PROSE_MIN_WORDS


def _starts_continuation(s: str) -> bool:
    c = s[:1]
    return bool(c) and (c.islower() or c in ",.;:)\u060c\u061b")


def is_fragment_pair(a: str, b: str) -> bool:
    """True when line ``b`` continues the sentence of line ``a``: ``a`` does not
    end a sentence and ``b`` starts in lower case or with a comma, full stop or
    closing bracket — a sentence that a scraper cut at an inline link.

    >>> is_fragment_pair("author of", "The Palestine Laboratory"), is_fragment_pair("The Palestine Laboratory", ", a book")
    (False, True)
    """
    a = a.strip()
    b = b.strip()
    if not a or not b:
        return False
    t = a.rstrip(_CLOSE)
    if t and t[-1] in _SENT_END:
        return False
    return _starts_continuation(b)


#: the endings of :func:`_ending` that :func:`reads_as_prose` counts as a sentence end
_PROSE_ENDS = frozenset((".", "?", "~"))
_LATIN_WORD_START = re.compile(r"(?<!\S)[A-Za-z]")
_ASCII_LETTERS = bytes(range(65, 91)) + bytes(range(97, 123))
_ASCII_DIGITS = b"0123456789"
_ASCII_SPACES = b" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"


def _char_classes(t: str) -> tuple[int, int, int]:
    """(letters, digits, other non-space characters) of ``t``, as
    ``str.isalpha`` / ``str.isdigit`` / ``not str.isspace`` count them."""
    if t.isascii():
        b = t.encode("ascii")
        n = len(b)
        letters = n - len(b.translate(None, _ASCII_LETTERS))
        digits = n - len(b.translate(None, _ASCII_DIGITS))
        spaces = n - len(b.translate(None, _ASCII_SPACES))
        return letters, digits, n - letters - digits - spaces
    letters = sum(map(str.isalpha, t))
    digits = sum(map(str.isdigit, t))
    spaces = sum(map(str.isspace, t))
    return letters, digits, len(t) - letters - digits - spaces


def _line_only(s: str, key: str, out: Features, stop: frozenset[str]) -> tuple[int, str]:
    words = s.split()
    n = len(words)
    out["words:" + _bucket(n, _WORD_BUCKETS, "41+")] = 1.0
    out["log-chars"] = math.log1p(len(s)) / 6.0
    end = _ending(s)
    out["end:" + end] = 1.0
    c = s[0]
    if c.isdigit():
        first = "digit"
    elif c.isupper():
        first = "upper"
    elif c.islower():
        first = "lower"
    elif c.isalpha():
        first = "caseless"  # Arabic and other caseless scripts
    elif c in _BULLETS:
        first = "bullet"
    else:
        first = "symbol"
    out["first:" + first] = 1.0
    latin = _LATIN_WORD_START.findall(s)  # first letters of the words that start with a Latin letter
    if len(latin) >= 2:
        caps = sum(map(str.isupper, latin))
        share = caps / len(latin)
        out[
            "title-case:"
            + ("all" if share == 1 else "most" if share >= 0.6 else "some" if share > 0 else "none")
        ] = 1.0
        if s.isupper():
            out["all-caps"] = 1.0
    letters, digits, other = _char_classes(s[:400])
    total = max(1, letters + digits + other)
    out["digit-share"] = digits / total
    out["symbol-share"] = other / total
    if letters == 0:
        out["no-letters"] = 1.0
    kw = key.split()
    if kw:
        sw = sum(map(stop.__contains__, kw)) / len(kw)
        out["stop-share:" + ("0" if sw == 0 else "low" if sw < 0.15 else "mid" if sw < 0.3 else "high")] = 1.0
    for mark, name in _MARKS:
        if mark in s:
            out["mark:" + name] = 1.0
    if "http" in s or "www." in s:
        out["mark:url"] = 1.0
    if n >= PROSE_MIN_WORDS and end in _PROSE_ENDS:  # reads_as_prose(s), from what is known
        out["prose"] = 1.0
    return n, end


def _add_hit(out: Features, prefix: str, hit: Hit | None) -> None:
    if hit is None:
        return
    out[prefix + hit.rule] = 1.0
    out[prefix + "cat:" + hit.category] = 1.0


def line_features(
    lines: Sequence[str],
    *,
    lexicon: Lexicon | None = None,
    mode: str = "article",
    hits: dict[int, Hit] | None = None,
    article_hits: dict[int, Hit] | None = None,
    doc: _Doc | None = None,
) -> list[Features]:
    """The features of every line of ``lines`` (``{}`` for blank lines).

    ``hits`` is the rule-engine decision in ``mode`` (computed when omitted);
    for ``mode="page"``, ``article_hits`` is the article-mode decision on the
    same lines (computed when omitted); ``doc`` the state those analyses
    shared (:func:`nazif.chrome.rules.new_doc`).  Nothing is changed.
    """
    lex = lexicon if lexicon is not None else Lexicon.builtin()
    if doc is None:
        doc = new_doc(lines, lex)
    text = "\n".join(lines)
    if hits is None:
        hits = analyse(lines, lex, mode, text, doc=doc)
    if mode == "page" and article_hits is None:
        article_hits = analyse(lines, lex, "article", text, doc=doc)
    stop = stopwords()
    n = len(lines)
    idx = [i for i in range(n) if lines[i].strip()]
    feats: list[Features] = [{} for _ in range(n)]
    if not idx:
        return feats
    major = doc.majority_script()
    info: list[tuple[int, str]] = [(0, "none")] * n
    keys: list[str] = [""] * n
    for i in idx:
        s = lines[i].strip()
        out = feats[i]
        keys[i] = _key(doc.line(i))  # cached on the line: _evidence looks it up too
        info[i] = _line_only(s, keys[i], out, stop)
        sc = _script(doc.line(i))
        if sc and sc != major:
            out["other-script"] = 1.0
        ev, strong = _evidence(doc, i)
        if ev is not None:
            _add_hit(out, "ev-strong:" if strong else "ev-weak:", ev)
        _add_hit(out, "rule:", hits.get(i))
        if article_hits is not None:
            _add_hit(out, "art-rule:", article_hits.get(i))
    # repetition inside the page
    counts = Counter(keys[i] for i in idx if keys[i])
    # paragraphs: where the prose is
    para = [i for i in idx if info[i][0] >= PARA_WORDS and info[i][1] in (".", "?")]
    first_para = para[0] if para else n
    last_para = para[-1] if para else -1
    m = len(idx)
    # distance (in non-blank lines) to the nearest paragraph, both directions
    dist = [m] * m
    last = -(10**9)
    for k, i in enumerate(idx):
        if info[i][0] >= PARA_WORDS and info[i][1] in (".", "?"):
            last = k
        dist[k] = k - last
    last = 10**9
    for k in range(m - 1, -1, -1):
        i = idx[k]
        if info[i][0] >= PARA_WORDS and info[i][1] in (".", "?"):
            last = k
        dist[k] = min(dist[k], last - k)
    # runs of short lines without a sentence ending
    short = [info[i][0] <= SHORT_WORDS and info[i][1] not in (".", "?") for i in idx]
    run = [0] * m
    k = 0
    while k < m:
        if not short[k]:
            k += 1
            continue
        j = k
        while j < m and short[j]:
            j += 1
        for q in range(k, j):
            run[q] = j - k
        k = j
    has_ev = [bool(hits.get(i)) or any(f.startswith("ev-") for f in feats[i]) for i in idx]
    for k, i in enumerate(idx):
        out = feats[i]
        pos = k / max(1, m - 1)
        out["pos:" + _bucket(pos, _POS_BUCKETS, "95-100")] = 1.0
        if k == 0:
            out["pos:first"] = 1.0
        if k == m - 1:
            out["pos:last"] = 1.0
        out["region:" + ("before" if i < first_para else "after" if i > last_para else "inside")] = 1.0
        c = counts.get(keys[i], 0)
        if c >= 2 and info[i][0] < 40:
            out["repeated"] = 1.0
        r = run[k]
        if r:
            out["short-run:" + ("1" if r == 1 else "2-3" if r <= 3 else "4-7" if r <= 7 else "8+")] = 1.0
        d = dist[k]
        out[
            "para-dist:"
            + ("0" if d == 0 else "1" if d == 1 else "2-3" if d <= 3 else "4-10" if d <= 10 else "far")
        ] = 1.0
        window = has_ev[max(0, k - 3) : k + 4]
        out["near-evidence"] = (sum(window) - has_ev[k]) / 6.0
        for side, q in (("prev", k - 1), ("next", k + 1)):
            if 0 <= q < m:
                j = idx[q]
                w, e = info[j]
                out[side + ":" + ("short" if w <= SHORT_WORDS else "para" if w >= PARA_WORDS else "mid")] = (
                    1.0
                )
                out[side + "-end:" + e] = 1.0
                if has_ev[q]:
                    out[side + ":evidence"] = 1.0
            else:
                out[side + ":none"] = 1.0
        if k > 0 and is_fragment_pair(lines[idx[k - 1]], lines[i]):
            out["fragment:continues"] = 1.0
        if k + 1 < m and is_fragment_pair(lines[i], lines[idx[k + 1]]):
            out["fragment:continued"] = 1.0
    return feats
