"""Lossy letter folds for search keys: alef, hamza, teh marbuta, alef maksura, Persian letters.

Each fold merges letters that people spell interchangeably, so that a search
for ``اسلام`` finds ``إسلام``.  They lose information on purpose and are not
part of the ``display`` preset.  Every fold leaves URLs and e-mail addresses
alone, and touches only the letters listed in its docstring.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..diff import substitution_changes
from ..protected import map_unprotected
from ..steps import Change, attach_tracer, step
from .forms import nfc_if_changed
from .tables import (
    ALEF,
    ALEF_FOLD,
    ALEF_MAKSURA_FOLD,
    ARABIC_MARKS,
    FARSI_YEH,
    HAMZA_CARRIER_FOLD,
    HAMZA_DECOMPOSED_FOLD,
    NONZERO_CCC,
    PERSIAN_FOLD,
    TEH_MARBUTA_FOLD,
    char_class,
)

__all__ = [
    "normalize_alef",
    "normalize_alef_maksura",
    "normalize_hamza",
    "normalize_persian_letters",
    "normalize_teh_marbuta",
]

_HAMZA_ABOVE = "\N{ARABIC HAMZA ABOVE}"
_HAMZA_BELOW = "\N{ARABIC HAMZA BELOW}"
_MADDA = "\N{ARABIC MADDAH ABOVE}"


def _cluster_fold(
    precomposed: dict[str, str], decomposed: dict[str, str], marks: str
) -> Callable[[str], str]:
    """A fold of letters together with the hamza/madda ``marks`` written after them.

    Matches a precomposed letter of ``precomposed`` with the combining marks
    after it (any of non-zero combining class, which NFC may reorder),
    or a base letter of ``decomposed`` whose marks include one of ``marks``
    (other marks may come between, as NFC orders them by combining class),
    and replaces the letter by its fold and drops those marks (the other
    marks stay).  Linear: the mark classes are disjoint.
    """
    table = {**precomposed, **decomposed}
    other = char_class(NONZERO_CCC - set(marks))
    allm = char_class(NONZERO_CCC)
    pattern = re.compile(
        f"[{char_class(precomposed)}][{allm}]*|[{char_class(decomposed)}][{other}]*[{marks}][{allm}]*"
    )
    drop = {ord(c): None for c in marks}

    def callback(m: re.Match[str]) -> str:
        g = m.group()
        return table[g[0]] + g[1:].translate(drop) if len(g) > 1 else table[g]

    def fold(piece: str) -> str:
        return pattern.sub(callback, piece)

    has_marks = re.compile(f"[{marks}]")
    pairs = tuple(precomposed.items())

    def fast(piece: str) -> str:
        for old, new in pairs:
            if old in piece:
                piece = piece.replace(old, new)
        return piece

    def dispatch(piece: str) -> str:
        # Without any of the marks, folding the precomposed letters alone is
        # the same edit, without a Python callback per letter.
        return fold(piece) if has_marks.search(piece) else fast(piece)

    dispatch.pattern = pattern  # type: ignore[attr-defined]
    return dispatch


# --- alef ------------------------------------------------------------------

_alef = _cluster_fold(ALEF_FOLD, {ALEF: ALEF}, _MADDA + _HAMZA_ABOVE + _HAMZA_BELOW)
_ALEF = _alef.pattern  # type: ignore[attr-defined]


@step(lossless=False)
def normalize_alef(text: str) -> str:
    """Fold the alef variants to bare alef ``ا`` (lossy).

    ``أ إ آ ٱ`` (hamza above, hamza below, madda, wasla) and the rarer
    ``ٲ ٳ ٵ`` (wavy hamza above/below, high hamza alef) become ``ا``; so does
    an alef followed by a separate MADDAH ABOVE or HAMZA ABOVE/BELOW mark (a
    decomposed spelling of the same letters); such marks written on any alef
    go with it, its other marks (harakat) stay.

    Left alone on purpose: alef maksura ``ى`` (see
    :func:`normalize_alef_maksura`), the superscript (dagger) alef U+0670,
    which is a diacritic (see :func:`remove_diacritics`), hamza on waw or
    yeh (see :func:`normalize_hamza`), standalone hamza ``ء``, URLs and
    e-mail addresses.

    >>> normalize_alef("إسلام أحمد آخر ٱلكتاب")
    'اسلام احمد اخر الكتاب'
    """
    if text.isascii() or not _ALEF.search(text):
        return text
    return nfc_if_changed(text, map_unprotected(text, _alef))


# --- hamza -----------------------------------------------------------------

_hamza = _cluster_fold(HAMZA_CARRIER_FOLD, HAMZA_DECOMPOSED_FOLD, _HAMZA_ABOVE + _HAMZA_BELOW)
_HAMZA = _hamza.pattern  # type: ignore[attr-defined]


@step(lossless=False)
def normalize_hamza(text: str) -> str:
    """Fold hamza on its waw and yeh seats to the bare seat letter (lossy).

    ``ؤ`` becomes ``و`` and ``ئ`` becomes ``ي`` (``مسؤول`` → ``مسوول``,
    ``رئيس`` → ``رييس``), as do the high-hamza letters ``ٶ ٸ`` and a waw,
    yeh or alef maksura (→ ``ي``) carrying a separate HAMZA ABOVE/BELOW
    mark; other marks on the letter stay.

    Left alone on purpose: the standalone hamza ``ء`` (it is a letter of its
    own; dropping it would merge ``سماء`` with ``سما``), hamza on alef (see
    :func:`normalize_alef`), URLs and e-mail addresses.

    >>> normalize_hamza("مسؤول رئيس سماء")
    'مسوول رييس سماء'
    """
    if text.isascii() or not _HAMZA.search(text):
        return text
    return nfc_if_changed(text, map_unprotected(text, _hamza))


# --- teh marbuta, alef maksura -----------------------------------------------

_TEH_MARBUTA, _HEH = next(iter(TEH_MARBUTA_FOLD.items()))
_ALEF_MAKSURA, _YEH = next(iter(ALEF_MAKSURA_FOLD.items()))


def _teh(piece: str) -> str:
    return piece.replace(_TEH_MARBUTA, _HEH)


def _maksura(piece: str) -> str:
    return piece.replace(_ALEF_MAKSURA, _YEH)


@step(lossless=False)
def normalize_teh_marbuta(text: str) -> str:
    """Fold teh marbuta ``ة`` to heh ``ه`` (lossy).

    ``مدرسة`` and the common misspelling ``مدرسه`` get the same key.

    Left alone on purpose: heh itself, the Urdu teh marbuta goal ``ۃ`` (see
    :func:`normalize_persian_letters`), URLs and e-mail addresses.

    >>> normalize_teh_marbuta("المدرسة الجديدة")
    'المدرسه الجديده'
    """
    if _TEH_MARBUTA not in text:
        return text
    return nfc_if_changed(text, map_unprotected(text, _teh))


@step(lossless=False)
def normalize_alef_maksura(text: str) -> str:
    """Fold alef maksura ``ى`` to yeh ``ي`` (lossy).

    This is the usual search-key direction (``على`` and the Egyptian-style
    ``علي`` get one key; ``مستشفى`` and ``مستشفي`` too).  It merges ``على``
    (on) with ``علي`` (Ali), which a search key accepts.

    Left alone on purpose: yeh itself, Farsi yeh ``ی`` (see
    :func:`normalize_persian_letters`), URLs and e-mail addresses.

    >>> normalize_alef_maksura("مستشفى على")
    'مستشفي علي'
    """
    if _ALEF_MAKSURA not in text:
        return text
    return nfc_if_changed(text, map_unprotected(text, _maksura))


# --- Persian / Urdu letters -------------------------------------------------

_ARABIC_YEH = "\N{ARABIC LETTER YEH}"
_ALEF_MAKSURA_CHAR = "\N{ARABIC LETTER ALEF MAKSURA}"

_PERSIAN_PRESENT = re.compile(f"[{char_class(set(PERSIAN_FOLD) | {FARSI_YEH})}]")
_PERSIAN = re.compile(
    f"(?P<medial>{FARSI_YEH}(?=[{char_class(ARABIC_MARKS)}]*[^\\W\\d_]))"
    f"|[{char_class(set(PERSIAN_FOLD) | {FARSI_YEH})}]"
)


def _persian_cb(m: re.Match[str]) -> str:
    if m.group("medial"):
        return _ARABIC_YEH
    ch = m.group()
    if ch == FARSI_YEH:
        return _ALEF_MAKSURA_CHAR
    return PERSIAN_FOLD[ch]


def _persian(piece: str) -> str:
    return _PERSIAN.sub(_persian_cb, piece)


@step(lossless=False)
def normalize_persian_letters(text: str) -> str:
    """Fold Persian and Urdu letter variants to the Arabic letters (lossy).

    - keheh ``ک`` → kaf ``ك``;
    - Farsi yeh ``ی`` by position, as it is drawn: inside a word (followed,
      after any marks, by a letter) → ``ي``; at the end of a word (followed
      by a space, punctuation, ZWNJ or the end) → alef maksura ``ى``
      (Persian-keyboard ``علی`` → ``على``, ``ایران`` → ``ايران``);
    - yeh barree ``ے`` → ``ي``; ``ۓ`` → ``ئ``;
    - heh goal ``ہ``, heh doachashmee ``ھ`` and ae ``ە`` → heh ``ه``;
    - heh with the ezafe sign ``ۀ``, ``ۂ`` → ``ه`` + HAMZA ABOVE (the sign
      is kept as a mark, the way ``خانهٔ`` is usually typed; like every
      hamza mark it is not removed by :func:`remove_diacritics`);
    - teh marbuta goal ``ۃ`` → ``ة``.

    Left alone on purpose: letters for sounds Arabic lacks (``پ چ ژ گ``,
    Urdu ``ٹ ڈ ڑ ں``), which are distinct letters, ZWNJ, Latin, digits (see
    :func:`normalize_digits`), URLs and e-mail addresses.  In Kurdish,
    ``ە`` is a vowel letter: the fold is meant for Arabic and Persian text.

    In the ``search`` preset this step must run *before* the hamza, teh
    marbuta and alef maksura folds, since it produces ``ئ ة ى``.

    >>> normalize_persian_letters("کتاب ایرانی علی")
    'كتاب ايرانى على'
    """
    if text.isascii() or not _PERSIAN_PRESENT.search(text):
        return text
    return nfc_if_changed(text, map_unprotected(text, _persian))


# --- tracers: the folds map letters in place (marks aside), so their changes
# are found where the folded letters are (see nazif.diff.substitution_changes)


def _runs_of(chars: set[str]) -> re.Pattern[str]:
    return re.compile(f"[{char_class(chars)}]+")


# (a letter written with a separate hamza or madda mark folds with the mark
# dropped: the lengths differ and the changes come from the diff)
_ALEF_RUNS = _runs_of(set(ALEF_FOLD))
_HAMZA_RUNS = _runs_of(set(HAMZA_CARRIER_FOLD))
_TEH_RUNS = _runs_of({_TEH_MARBUTA})
_MAKSURA_RUNS = _runs_of({_ALEF_MAKSURA})


def _substitution_tracer(
    fold: Callable[[str], str], runs: re.Pattern[str]
) -> Callable[[str], tuple[str, list[Change]]]:
    def trace(text: str) -> tuple[str, list[Change]]:
        new = fold(text)
        return new, substitution_changes(text, new, runs)

    trace.__name__ = f"trace_{fold.__name__}"
    return trace


for _fold, _runs in (
    (normalize_alef, _ALEF_RUNS),
    (normalize_hamza, _HAMZA_RUNS),
    (normalize_teh_marbuta, _TEH_RUNS),
    (normalize_alef_maksura, _MAKSURA_RUNS),
):
    attach_tracer(_fold, _substitution_tracer(_fold, _runs))
