"""What the rules know of a line and of a text: its words, ending, script and
match key, list look, and the per-text state (:class:`_Doc`) that the analyses
of one text share.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .lexicon import Lexicon
from .matchkey import match_key


@dataclass(frozen=True)
class Hit:
    """Why a line is chrome: the rule, the lexicon entry (or a description of
    the layout rule) and the category of chrome."""

    rule: str
    entry: str
    category: str


_CLOSERS = "\"'\u201d\u2019\u00bb\u203a)]}*\u200f\u200e\u061c "


_TERMINAL = frozenset(".!\u061f?\u2026\u06d4\u3002\uff01\uff1f")


_CONTINUE = frozenset(",\u060c;\u061b")


_ARABIC_LETTER = re.compile("[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff\ufb50-\ufdff\ufe70-\ufefc]")


_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f]")


@dataclass
class _Line:
    __slots__ = ("key", "para", "raw", "s", "script", "term", "words")
    raw: str
    s: str
    words: int
    term: str  # "." terminal, "?" question/exclamation, "," continuation, "" none
    para: bool
    key: str | None
    script: str | None


_TERM_CLASS = {}


for _c in "?\u061f!\uff01\uff1f":
    _TERM_CLASS[_c] = "?"


for _c in _TERMINAL:
    _TERM_CLASS.setdefault(_c, ".")


for _c in _CONTINUE:
    _TERM_CLASS[_c] = ","


_PARA_MIN = {".": 8, ",": 8, "?": 15, "~": 20, "": 30}


def _terminal(s: str) -> str:
    """How a line ends: "." (sentence), "?" (question or exclamation), ","
    (continues), "~" (ellipsis) or "" (no sentence punctuation)."""
    t = s.rstrip(_CLOSERS)
    if not t:
        return ""
    term = _TERM_CLASS.get(t[-1], "")
    if term == "." and t.endswith(("...", "\u2026")):
        return "~"  # a truncated teaser or a trailing ellipsis
    return term


def _features(raw: str) -> _Line:
    s = raw.strip()
    if not s:
        return _Line(raw, s, 0, "", False, None, None)
    # counting spaces is enough (and much cheaper than splitting) unless the
    # line has runs of spaces or other separators
    if len(s) >= 300 or not ("  " in s or "\t" in s or "\xa0" in s or "\u200b" in s):
        words = s.count(" ") + 1
    else:
        words = len(s.split())
    term = _terminal(s)
    return _Line(raw, s, words, term, words >= _PARA_MIN[term], None, None)


def _script(line: _Line) -> str:
    if line.script is None:
        ar = len(_ARABIC_LETTER.findall(line.s))
        la = len(_LATIN_LETTER.findall(line.s))
        line.script = "ar" if ar > la else ("la" if la > ar else "")
    return line.script


def _key(line: _Line) -> str:
    if line.key is None:
        line.key = match_key(line.s)
    return line.key


class _Doc:
    def __init__(self, lines: Sequence[str], lex: Lexicon) -> None:
        self.raw = lines
        self.lex = lex
        self.n = len(lines)
        self.f: list[_Line | None] = [None] * self.n
        self._majority: str | None = None
        self._wrapped: bool | None = None
        self._title = -2
        self.ascii = False
        self.bidi = True  # may hold bidi controls (analyse knows from the text)
        # per-line evidence and the screen, shared by the analyses of one text
        # (page mode runs the article analysis too) and by the model's features
        self.ev: dict[int, tuple[Hit | None, bool]] = {}
        self.screened: list[int] | None = None

    def line(self, i: int) -> _Line:
        f = self.f[i]
        if f is None:
            f = self.f[i] = _features(self.raw[i])
        return f

    def wrapped(self) -> bool:
        """True for hard-wrapped prose (newswire style): many lines end
        mid-sentence and the next line goes on in lower case."""
        if self._wrapped is None:
            cont = total = 0
            raw = self.raw
            for k in range(min(self.n - 1, 80)):
                a = raw[k].rstrip()
                if len(a) < 40:
                    continue
                total += 1
                b = raw[k + 1].lstrip()
                if b and (b[0].islower() or b[0].isdigit()) and a[-1] not in ".!?\"'\u201d":
                    cont += 1
            self._wrapped = total >= 6 and cont >= 3 and cont * 4 >= total
        return self._wrapped

    def next_nonblank(self, i: int) -> int:
        for j in range(i + 1, self.n):
            if self.raw[j].strip():
                return j
        return -1

    def majority_script(self) -> str:
        """``"ar"`` or ``"la"``: the script most letters of the text are in
        (counted on the first and last ~800 characters)."""
        if self._majority is None:
            parts: list[str] = []
            size = 0
            for line in self.raw:
                parts.append(line[:800])
                size += len(line)
                if size > 800:
                    break
            if size > 800:
                back = 0
                for line in reversed(self.raw):
                    parts.append(line[-800:])
                    back += len(line)
                    if back > 800:
                        break
            text = "\n".join(parts)
            # quick answer from the UTF-8 length (Arabic letters take two
            # bytes), exact count only when that is not clear-cut
            n = len(text)
            extra = len(text.encode("utf-8", "surrogatepass")) - n
            if n >= 200 and extra * 10 >= n * 7 and text.count("\u200b") == 0:
                self._majority = "ar"
            elif n >= 200 and extra * 50 <= n:
                self._majority = "la"
            else:
                ar = len(_ARABIC_LETTER.findall(text))
                la = len(_LATIN_LETTER.findall(text))
                self._majority = "ar" if ar >= la and ar else "la"
        return self._majority


def _nonblank(doc: _Doc, lo: int, hi: int) -> list[int]:
    raw = doc.raw
    return [i for i in range(lo, hi) if raw[i] and not raw[i].isspace()]


def _is_listy(line: _Line) -> bool:
    return not line.para and line.words <= 30


def _is_teaser(line: _Line) -> bool:
    """A line that can be a teaser title: headline length, and not ending in a
    full stop (headlines may end in ? or !, sentences of the body end in .)."""
    if line.para or line.words > 20 or line.term == ".":
        return False
    # Arabic body paragraphs open with the conjunction و (وقال، وأضاف …);
    # headlines hardly ever do
    return not (line.words >= 6 and line.s.startswith("\N{ARABIC LETTER WAW}"))


def _introduces_list(doc: _Doc, idx: list[int], i: int, pos: dict[int, int]) -> bool:
    """Is the nearest line above ``i`` one that ends in a colon ("Timeline:", "…التالية:")?
    (``pos`` maps a line of ``idx`` to its place in it.)"""
    k = pos[i]
    return k > 0 and _opens_list(doc.raw[idx[k - 1]])


def _opens_list(raw: str) -> bool:
    """A line that ends in a colon: it introduces what follows ("… the following sectors:")."""
    return raw.rstrip().endswith((":", "\uff1a"))
