"""Lossless Arabic steps: NFC, presentation forms and tatweel.

These steps change how text is *encoded*, never which letters it spells:
``normalize_nfc`` composes canonically equivalent sequences,
``fold_presentation_forms`` replaces the legacy shaped glyphs of the Arabic
Presentation Forms blocks by the letters they show, and ``remove_tatweel``
drops the kashida that only stretches a word.
"""

from __future__ import annotations

import re
import unicodedata

from .._nfc import nfc
from ..protected import map_unprotected
from ..steps import step
from .tables import (
    ARABIC_MARKS,
    DUAL_JOINING,
    KEPT_LIGATURES,
    NAMELESS_LIGATURES,
    PRESENTATION_FOLD,
    QURANIC_SMALL_LETTERS,
    RIGHT_JOINING,
    SPACING_MARK_FORMS,
    TATWEEL,
    char_class,
)

__all__ = ["fold_presentation_forms", "nfc_if_changed", "normalize_nfc", "remove_tatweel"]


# --- NFC -------------------------------------------------------------------


@step(lossless=True)
def normalize_nfc(text: str) -> str:
    """Compose the text to Unicode Normalization Form C (NFC).

    Canonically equivalent spellings become one: ALEF + HAMZA ABOVE becomes
    the single letter ALEF WITH HAMZA ABOVE, ``e`` + COMBINING ACUTE becomes
    ``é``, and combining marks are put in canonical order (so SHADDA + FATHA
    and FATHA + SHADDA end up identical).  Compatibility characters
    (presentation forms, ligatures, full-width letters, superscripts) are
    left alone on purpose: that is NFKC's job, which changes meaning; see
    :func:`fold_presentation_forms`.  Lone surrogates pass through.

    >>> normalize_nfc("\\u0627\\u0654") == "\\u0623"
    True
    >>> normalize_nfc("ﷺ") == "ﷺ"
    True
    """
    return nfc(text)


def nfc_if_changed(old: str, new: str) -> str:
    """``new`` in NFC if it differs from ``old`` (a step's output after an edit).

    Folds can bring a letter next to a mark it composes with (YEH + HAMZA
    ABOVE) or two marks out of canonical order; composing the edited text
    keeps every step's output stable under :func:`normalize_nfc`.

    >>> nfc_if_changed("x", "\u064a\u0654") == "\u0626"
    True
    """
    return new if new == old else nfc(new)


# --- presentation forms ----------------------------------------------------

_FOLD_ALL: dict[str, str] = {**PRESENTATION_FOLD, **NAMELESS_LIGATURES}
_FOLD_KEEP: dict[str, str] = {k: v for k, v in PRESENTATION_FOLD.items() if k not in KEPT_LIGATURES}

_RUN_KEEP = re.compile("[" + char_class(set(_FOLD_KEEP) | set(SPACING_MARK_FORMS)) + "]+")
_RUN_ALL = re.compile("[" + char_class(set(_FOLD_ALL) | set(SPACING_MARK_FORMS)) + "]+")
# Presence scan: the two blocks as plain ranges (fewer ranges scan faster).
_BLOCKS = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]")


def _is_base(ch: str) -> bool:
    """Whether a mark written after ``ch`` has something to sit on."""
    return unicodedata.category(ch)[0] in "LM" or ch in _FOLD_ALL or ch in KEPT_LIGATURES


def _fold_run(m: re.Match[str], table: dict[str, str]) -> str:
    run = m.group()
    start = m.start()
    attached = start > 0 and _is_base(m.string[start - 1])
    out = []
    for ch in run:
        marks = SPACING_MARK_FORMS.get(ch)
        if marks is None:
            out.append(table[ch])
            attached = True
        elif attached:
            out.append(marks)
        else:
            out.append(ch)
    return "".join(out)


def _fold_keep(m: re.Match[str]) -> str:
    return _fold_run(m, _FOLD_KEEP)


def _fold_all(m: re.Match[str]) -> str:
    return _fold_run(m, _FOLD_ALL)


@step(lossless=True)
def fold_presentation_forms(text: str, *, keep_ligatures: bool = True) -> str:
    """Replace Arabic presentation forms by the letters they show.

    Each code point of the Arabic Presentation Forms-A and -B blocks
    (U+FB50-U+FDFF, U+FE70-U+FEFE) is replaced by its own Unicode
    decomposition, one code point at a time (never a whole-string NFKC, which
    would also rewrite digits, fractions and full-width letters): ``ﺍﻟﻌﺮﺑﻴﺔ``
    becomes ``العربية``, ``ﻷ`` becomes ``لأ`` (the hamza stays), ``ﷲ`` becomes
    ``الله``.  When something was folded, the result is NFC.

    Left alone on purpose:

    - with ``keep_ligatures=True`` (the default), the ligatures that stand
      for a phrase or are symbols rather than words: ﷺ U+FDFA, ﷻ U+FDFB,
      the rial sign ﷼ U+FDFC, the Koranic stop signs U+FDF0/U+FDF1, and the
      ligatures that Unicode gives no decomposition (﷽ U+FDFD,
      U+FDFE/U+FDFF, U+FD40-U+FD4F, U+FDCF).  ``keep_ligatures=False``
      spells all of them out (the nameless ones from their character names).
    - an isolated-form haraka (``ﹶ`` U+FE76 and the like, whose
      decomposition is SPACE + mark) that does not follow a letter or mark:
      it is how a lone vowel sign is shown, and folding it would leave a
      combining mark with nothing to sit on.  After a letter it becomes the
      mark alone.
    - U+FEFF (byte order mark; see ``remove_invisibles``), the ornate
      parentheses and the Arabic symbols U+FBB2-U+FBC2, which are not
      presentation forms of letters; URLs and e-mail addresses.

    >>> fold_presentation_forms("ﺍﻟﻌﺮﺑﻴﺔ")
    'العربية'
    >>> fold_presentation_forms("ﻷﻥ ﷺ")
    'لأن ﷺ'
    >>> fold_presentation_forms("ﷺ", keep_ligatures=False)
    'صلى الله عليه وسلم'
    """
    if text.isascii() or not _BLOCKS.search(text):
        return text
    pattern = _RUN_KEEP if keep_ligatures else _RUN_ALL
    if not pattern.search(text):
        return text
    callback = _fold_keep if keep_ligatures else _fold_all
    return nfc_if_changed(text, map_unprotected(text, lambda piece: pattern.sub(callback, piece)))


# --- tatweel ---------------------------------------------------------------

# Marks (and the spacing Quranic small waw/yeh) do not break joining: they
# are skipped when looking for the letters around a tatweel.
_TRANSPARENT = ARABIC_MARKS | QURANIC_SMALL_LETTERS
_TATWEEL_RUN = re.compile("\u0640[\u0640" + char_class(_TRANSPARENT) + "]*")
_JOINS_PREVIOUS = DUAL_JOINING | RIGHT_JOINING
SUPERSCRIPT_ALEF = "\u0670"


def _drop_kashida(m: re.Match[str]) -> str:
    s = m.string
    i = m.start() - 1
    while i >= 0 and s[i] in _TRANSPARENT:
        i -= 1
    j = m.end()
    if i >= 0 and j < len(s) and s[i] in DUAL_JOINING and s[j] in _JOINS_PREVIOUS:
        return _drop_seatless(m.group())
    return m.group()


def _drop_seatless(run: str) -> str:
    """The run without its tatweels, except one that seats a superscript
    (dagger) alef: in ``الرحمـٰن`` the mark is a vowel letter written on the
    tatweel, and without it the mark would fall on the letter before."""
    if SUPERSCRIPT_ALEF not in run:
        return run.replace(TATWEEL, "")
    parts = run.split(TATWEEL)
    return parts[0] + "".join(TATWEEL + p if SUPERSCRIPT_ALEF in p else p for p in parts[1:])


def _remove_kashida(piece: str) -> str:
    return _TATWEEL_RUN.sub(_drop_kashida, piece)


def _remove_all(piece: str) -> str:
    return piece.replace(TATWEEL, "")


@step(lossless=True)
def remove_tatweel(text: str, *, everywhere: bool = False) -> str:
    """Remove the tatweel (kashida, U+0640) that only stretches a word.

    A run of tatweel is removed when it sits between two letters that join
    through it anyway: a dual-joining letter before it and a letter that
    joins to its right after it (combining marks in between are skipped and
    kept, so ``قـِبـَل`` becomes ``قِبَل``; a tatweel that seats a superscript
    alef, as in ``الرحمـٰن``, stays).  Removing it there changes no
    letter's shape, only the word's width: the step is lossless.

    Left alone on purpose (with the default ``everywhere=False``), because
    there the tatweel is a typographic device that changes what is shown:

    - after a letter and before a digit, quote, bracket, Latin letter,
      space or end of text: the prefix joiner of ``لـ«الشرق الأوسط»``,
      ``الـ28``, ``بـ"المدرب"`` and the abbreviation ``هـ`` (Hijri year) in
      ``1436هـ``, where it gives the letter its joining form;
    - standing alone or between spaces, as a dash (``70 ـــ 90``,
      ``ـ حفظه الله ـ``);
    - after a letter that does not join forward (``/ــه``, ``دـ``);
    - inside URLs and e-mail addresses.

    When something was removed, the result is NFC (marks brought together
    are put in canonical order).  ``everywhere=True`` removes every U+0640 (what search keys want; lossy
    for display: ``1436هـ`` becomes ``1436ه``).

    >>> remove_tatweel("العـــربيـة")
    'العربية'
    >>> remove_tatweel("قال لـ«الشرق» عام 1436هـ")
    'قال لـ«الشرق» عام 1436هـ'
    >>> remove_tatweel("1436هـ", everywhere=True)
    '1436ه'
    """
    if TATWEEL not in text:
        return text
    return nfc_if_changed(text, map_unprotected(text, _remove_all if everywhere else _remove_kashida))
