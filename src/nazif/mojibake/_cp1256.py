"""windows-1256 Arabic decoded as latin-1 or windows-1252: ``ÇáÚÑÈíÉ``.

Every byte decodes under windows-1256, so no round trip can tell broken text
from correct text: detection is statistical, word by word.

A *token* is a maximal run of characters that are latin-1/windows-1252
images of windows-1256 Arabic letters, tatweel or harakat (``Ç`` alef,
``á`` lam, ``ó`` fatha ...), with no other letter glued to it.  It is valid
when its windows-1256 reading is a well-formed Arabic word: no haraka or
tatweel first, no two harakat in a row (a shadda may pair with one), teh
marbuta and alef maksura only last, no word starting with ئ or ؤ, no two
hamza letters side by side.  A *cluster* is a run of valid tokens separated
only by spaces, digits and punctuation.  It is repaired when it is clearly
Arabic: at least ``MIN_LETTERS`` letters, one token of at least three, few
harakat, and mostly the commonest Arabic letters.

European text cannot pass: its words carry ASCII letters (``café``,
``Ørsted``, ``naïve``, ``Ça``), which break a token, and its letter-only
words are one or two characters long (``à``, ``ó``, ``Þú``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from .tables import (
    CP1252_SPECIALS,
    CP1256,
    ENCODE_1252,
    K3_LETTER_IMAGES,
    K3_MARK_IMAGES,
    K3_PUNCT_IMAGES,
    SLOPPY_1252,
    char_class,
)

Edit = tuple[int, int, str, tuple[str, ...], tuple[str, ...]]

RULE = "cp1256-as-latin1"

_TOKEN_CLASS = char_class(K3_LETTER_IMAGES + K3_MARK_IMAGES)
TOKEN = re.compile(f"{_TOKEN_CLASS}+")
#: presence signature: three letter/haraka images in a row
K3_SIGNATURE = f"{_TOKEN_CLASS}{{3}}"
_TRAILING_PUNCT = frozenset(K3_PUNCT_IMAGES)

MIN_LETTERS = 4
MIN_LONGEST = 3
MAX_MARK_SHARE = 1.0
MIN_COMMON_SHARE = 0.5

_TATWEEL = "\N{ARABIC TATWEEL}"
_SHADDA = "\N{ARABIC SHADDA}"
_FINAL_ONLY = frozenset("\N{ARABIC LETTER TEH MARBUTA}\N{ARABIC LETTER ALEF MAKSURA}")
_NEVER_FIRST = frozenset("\N{ARABIC LETTER YEH WITH HAMZA ABOVE}\N{ARABIC LETTER WAW WITH HAMZA ABOVE}")
_HAMZA_LETTERS = frozenset(
    "\N{ARABIC LETTER HAMZA}\N{ARABIC LETTER ALEF WITH MADDA ABOVE}\N{ARABIC LETTER ALEF WITH HAMZA ABOVE}"
    "\N{ARABIC LETTER WAW WITH HAMZA ABOVE}\N{ARABIC LETTER ALEF WITH HAMZA BELOW}"
    "\N{ARABIC LETTER YEH WITH HAMZA ABOVE}"
)
# The eighteen commonest letters of Arabic running text: in the shared news
# corpus 99.9% of lines of four letters or more have at least half of their
# letters among them; a listing such as ``ÂÊÎÔÛ`` (آتخشغ) has one in five.
_COMMON = frozenset(
    "\N{ARABIC LETTER ALEF}\N{ARABIC LETTER LAM}\N{ARABIC LETTER YEH}\N{ARABIC LETTER MEEM}"
    "\N{ARABIC LETTER WAW}\N{ARABIC LETTER NOON}\N{ARABIC LETTER HEH}\N{ARABIC LETTER REH}"
    "\N{ARABIC LETTER BEH}\N{ARABIC LETTER TEH}\N{ARABIC LETTER TEH MARBUTA}\N{ARABIC LETTER AIN}"
    "\N{ARABIC LETTER DAL}\N{ARABIC LETTER FEH}\N{ARABIC LETTER SEEN}\N{ARABIC LETTER KAF}"
    "\N{ARABIC LETTER QAF}\N{ARABIC LETTER HAH}"
)


def _reading(s: str) -> str:
    """``s`` (latin-1/windows-1252 images) read as windows-1256."""
    return "".join(CP1256[ENCODE_1252[c]] if c in ENCODE_1252 else c for c in s)


def _is_glue(ch: str) -> bool:
    if ch.isascii():
        return True  # spaces, digits, punctuation, and Latin words (``STEP أو IELTS``)
    b = ENCODE_1252.get(ch)
    return b is not None and unicodedata.category(CP1256[b])[0] not in "LM"


def _word_shape(word: str) -> tuple[int, int, int, bool]:
    """(letters, harakat, common letters, well-formed) of an Arabic reading."""
    if word.strip(_TATWEEL) == "":
        return 0, 0, 0, True  # a tatweel standing alone is a dash: ``ـ حفظه الله ـ``
    letters = marks = common = 0
    prev = ""
    prev_is_mark = False
    last_letter = ""
    for i, ch in enumerate(word):
        if unicodedata.category(ch) == "Mn":
            if i == 0 or prev == _TATWEEL:
                return 0, 0, 0, False
            if prev_is_mark and _SHADDA not in (ch, prev):
                return 0, 0, 0, False
            marks += 1
            prev_is_mark = True
            prev = ch
            continue
        if ch == _TATWEEL:
            if i == 0:  # (last is fine: ``بـ`` before digits, ``الـ16``)
                return 0, 0, 0, False
            prev, prev_is_mark = ch, False
            continue
        if "\u0600" > ch or ch > "\u06ff":
            return 0, 0, 0, False
        if last_letter in _FINAL_ONLY:
            return 0, 0, 0, False
        if letters == 0 and ch in _NEVER_FIRST:
            return 0, 0, 0, False
        if ch in _HAMZA_LETTERS and prev in _HAMZA_LETTERS:
            return 0, 0, 0, False
        letters += 1
        if ch in _COMMON:
            common += 1
        last_letter = ch
        prev, prev_is_mark = ch, False
    return letters, marks, common, True


def _foreign_neighbour(line: str, i: int) -> bool:
    """A letter glued to a token makes it part of another word (``Åååh``,
    ``nesnáší``): any ASCII letter, or a non-ASCII letter or mark that is not
    the image of windows-1256 punctuation."""
    if i < 0 or i >= len(line):
        return False
    ch = line[i]
    if ch.isascii():
        return ch.isalpha()
    return (ch.isalpha() or unicodedata.category(ch)[0] == "M") and not _is_glue(ch)


def _is_edge_punct(ch: str) -> bool:
    """Images that belong to the cluster they touch: ``¡ º ¿`` (Arabic comma,
    semicolon, question mark) and C1 controls that are windows-1256
    punctuation (``\x93`` is a left double quotation mark)."""
    return ch in _TRAILING_PUNCT or ("\x80" <= ch <= "\x9f" and _is_glue(ch))


def cp1256_edits(line: str, spans: Sequence[tuple[int, int]]) -> list[Edit]:
    """Edits repairing windows-1256 text read as latin-1/windows-1252."""
    edits: list[Edit] = []
    for lo, hi in spans:
        cluster: list[tuple[int, int, int, int, int, int]] = []
        first = len(edits)
        for m in TOKEN.finditer(line, lo, hi):
            start, end = m.span()
            valid = not _foreign_neighbour(line, start - 1) and not _foreign_neighbour(line, end)
            shape = _word_shape(_reading(m.group())) if valid else (0, 0, 0, False)
            if not shape[3]:
                edits.extend(_cluster_edit(line, cluster, lo, hi))
                cluster = []
                continue
            if cluster and not all(_is_glue(c) for c in line[cluster[-1][1] : start]):
                edits.extend(_cluster_edit(line, cluster, lo, hi))
                cluster = []
            reading = _reading(m.group())
            distinct = len({c for c in reading if "\u0621" <= c <= "\u064a" and c != _TATWEEL})
            cluster.append((start, end) + shape[:3] + (shape[0] if distinct >= 2 else 0,))
        edits.extend(_cluster_edit(line, cluster, lo, hi))
        if len(edits) > first:
            edits.extend(_stray_punct(line, lo, hi, edits[first:]))
    return sorted(edits)


def _stray_punct(line: str, lo: int, hi: int, done: list[Edit]) -> list[Edit]:
    """In a span that has a repaired cluster, the punctuation images cut off
    from it (by Latin words, or a space: ``(وايز WISE)¡``, ``أختك ¿``): C1
    controls that are windows-1256 punctuation (``\x95`` bullet), and
    ``¡ ¿ º`` when they close rather than open a word (Spanish ``¡Hola``,
    ``¿Qué``, ordinal ``1º`` are left alone)."""
    out: list[Edit] = []
    taken = [(e[0], e[1]) for e in done]
    for i in range(lo, hi):
        ch = line[i]
        if not _is_edge_punct(ch) or any(a <= i < b for a, b in taken):
            continue
        if ch in _TRAILING_PUNCT:
            nxt = line[i + 1] if i + 1 < len(line) else ""
            prev = line[i - 1] if i > 0 else ""
            if (
                nxt.isalnum()
                or nxt in _TRAILING_PUNCT
                or (ch == "\N{MASCULINE ORDINAL INDICATOR}" and prev.isdigit())
            ):
                continue
        out.append((i, i + 1, _reading(ch), (RULE,), done[0][4]))
    return out


def _cluster_edit(
    line: str, cluster: list[tuple[int, int, int, int, int, int]], lo: int, hi: int
) -> list[Edit]:
    if not cluster:
        return []
    letters = sum(t[2] for t in cluster)
    marks = sum(t[3] for t in cluster)
    common = sum(t[4] for t in cluster)
    longest = max(t[5] for t in cluster)  # letters of tokens not one letter repeated
    if (
        letters < MIN_LETTERS
        or longest < MIN_LONGEST
        or marks > MAX_MARK_SHARE * letters
        or common < MIN_COMMON_SHARE * letters
    ):
        return []
    start, end = cluster[0][0], cluster[-1][1]
    while end < hi and _is_edge_punct(line[end]):
        end += 1
    while start > lo and "\x80" <= line[start - 1] <= "\x9f" and _is_glue(line[start - 1]):
        start -= 1
    before = line[start:end]
    codec = "windows-1252" if any(c in CP1252_SPECIALS for c in before) else "latin-1"
    return [(start, end, _reading(before), (RULE,), (f"{codec}\u2192windows-1256",))]


# --- windows-1252 read as latin-1 -------------------------------------------

C1_RULE = "cp1252-as-latin1"
#: C1 controls whose byte is the same punctuation in windows-1252 and
#: windows-1256 (curly quotes, dashes, ellipsis, euro sign ...): what latin-1
#: makes of windows-125x punctuation, and what browsers show for them.
C1_PUNCT = {
    chr(b): CP1256[b]
    for b in range(0x80, 0xA0)
    if CP1256[b] == SLOPPY_1252[b] and unicodedata.category(CP1256[b])[0] in "PS"
}
C1_SIGNATURE = char_class(C1_PUNCT)
_C1 = re.compile(f"{C1_SIGNATURE}+")


def c1_edits(line: str, spans: Sequence[tuple[int, int]]) -> list[Edit]:
    """Edits turning stray C1 controls into the punctuation they stand for
    (``\x93Hi\x94`` is ``“Hi”``).  Controls that are letters in one of the two
    codecs (``\x8a`` is Š or ٹ) are left alone, and so are controls inside a
    word after a letter that latin-1 cannot show (``tĹ\x99et``): there the
    control is a UTF-8 continuation byte of another codec's mojibake, and
    punctuation in its place could not be undone."""
    edits: list[Edit] = []
    for lo, hi in spans:
        for m in _C1.finditer(line, lo, hi):
            a, b = m.span()
            if (
                a > 0
                and b < len(line)
                and line[a - 1] > "\xff"
                and line[a - 1].isalpha()
                and line[b].isalpha()
            ):
                continue
            edits.append(
                (
                    m.start(),
                    m.end(),
                    "".join(C1_PUNCT[c] for c in m.group()),
                    (C1_RULE,),
                    ("latin-1\u2192windows-1252",),
                )
            )
    return edits
