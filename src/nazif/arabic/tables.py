"""Character tables of the Arabic steps, apart from their logic.

The tables derived mechanically from the Unicode database (presentation
forms, mark classes, joining types) live in :mod:`._generated_tables`,
written by ``tools/gen_arabic_tables.py``.  The tables here are *policy*
(which letters a lossy fold merges) and are written with ``\\N{...}`` names.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from .._charclass import code_point_class
from . import _generated_tables as gen
from ._marks import newer_marks

__all__ = [
    "ALEF",
    "ALEF_FOLD",
    "ALEF_MAKSURA_FOLD",
    "ARABIC_INDIC_DIGITS",
    "ARABIC_MARKS",
    "ASCII_DIGITS",
    "DECIMAL_SEPARATOR",
    "DEFAULT_DIACRITIC_CLASSES",
    "DIACRITIC_CLASSES",
    "DUAL_JOINING",
    "ELONGATION_LETTERS",
    "FARSI_YEH",
    "HAMZA_CARRIER_FOLD",
    "HAMZA_DECOMPOSED_FOLD",
    "HAMZA_MARKS",
    "KEPT_LIGATURES",
    "MADDA",
    "MARK_CLASSES",
    "NAMELESS_LIGATURES",
    "NEWER_MARKS",
    "NONZERO_CCC",
    "NO_TRIPLE_LETTERS",
    "PERCENT_SIGN",
    "PERSIAN_DIGITS",
    "PERSIAN_FOLD",
    "PRESENTATION_FOLD",
    "QURANIC_SMALL_LETTERS",
    "RIGHT_JOINING",
    "SPACING_MARK_FORMS",
    "TATWEEL",
    "TEH_MARBUTA_FOLD",
    "THOUSANDS_SEPARATOR",
    "UNICODE_VERSION",
    "char_class",
]

UNICODE_VERSION: str = gen.UNICODE_VERSION


def _chars(ranges: Iterable[tuple[int, int]]) -> frozenset[str]:
    return frozenset(chr(cp) for lo, hi in ranges for cp in range(lo, hi + 1))


def char_class(chars: Iterable[str]) -> str:
    """The body of a ``re`` character class matching exactly ``chars`` (as ranges)."""
    return code_point_class(ord(c) for c in chars)


# --- presentation forms ----------------------------------------------------

PRESENTATION_FOLD: dict[str, str] = {chr(k): v for k, v in gen.PRESENTATION_FOLD.items()}
SPACING_MARK_FORMS: dict[str, str] = {chr(k): v for k, v in gen.SPACING_MARK_FORMS.items()}
KEPT_LIGATURES: frozenset[str] = frozenset(chr(c) for c in gen.KEPT_LIGATURES)

# Word and phrase ligatures that have *no* decomposition in Unicode (most were
# added in Unicode 14).  They are symbols (category So) and are kept unless
# ``fold_presentation_forms(keep_ligatures=False)``, which spells them out as
# their character names say.
NAMELESS_LIGATURES: dict[str, str] = {
    "\ufd40": "رحمه الله",  # ARABIC LIGATURE RAHIMAHU ALLAAH
    "\ufd41": "رضي الله عنه",  # ARABIC LIGATURE RADI ALLAAHU ANH
    "\ufd42": "رضي الله عنها",  # ARABIC LIGATURE RADI ALLAAHU ANHAA
    "\ufd43": "رضي الله عنهم",  # ARABIC LIGATURE RADI ALLAAHU ANHUM
    "\ufd44": "رضي الله عنهما",  # ARABIC LIGATURE RADI ALLAAHU ANHUMAA
    "\ufd45": "رضي الله عنهن",  # ARABIC LIGATURE RADI ALLAAHU ANHUNNA
    "\ufd46": "صلى الله عليه وآله",  # ARABIC LIGATURE SALLALLAAHU ALAYHI WA-AALIH
    "\ufd47": "عليه السلام",  # ARABIC LIGATURE ALAYHI AS-SALAAM
    "\ufd48": "عليهم السلام",  # ARABIC LIGATURE ALAYHIM AS-SALAAM
    "\ufd49": "عليهما السلام",  # ARABIC LIGATURE ALAYHIMAA AS-SALAAM
    "\ufd4a": "عليه الصلاة والسلام",  # ARABIC LIGATURE ALAYHI AS-SALAATU WAS-SALAAM
    "\ufd4b": "قدس سره",  # ARABIC LIGATURE QUDDISA SIRRAH
    "\ufd4c": "صلى الله عليه وآله وسلم",  # ARABIC LIGATURE SALLALLAHU ALAYHI WAAALIHEE WA-SALLAM
    "\ufd4d": "عليها السلام",  # ARABIC LIGATURE ALAYHAA AS-SALAAM
    "\ufd4e": "تبارك وتعالى",  # ARABIC LIGATURE TABAARAKA WA-TAAALAA
    "\ufd4f": "رحمهم الله",  # ARABIC LIGATURE RAHIMAHUM ALLAAH
    "\ufdcf": "سلامه علينا",  # ARABIC LIGATURE SALAAMUHU ALAYNAA
    "\ufdfd": "بسم الله الرحمن الرحيم",  # ARABIC LIGATURE BISMILLAH AR-RAHMAN AR-RAHEEM
    "\ufdfe": "سبحانه وتعالى",  # ARABIC LIGATURE SUBHAANAHU WA TAAALAA
    "\ufdff": "عز وجل",  # ARABIC LIGATURE AZZA WA JALL
}

# --- marks -----------------------------------------------------------------

# The marks a newer Unicode in this Python adds to the Arabic blocks, classed
# by the generator's own rule (empty on the tables' Unicode 15.1 and older).
NEWER_MARKS: dict[str, str] = {
    chr(k): v for k, v in newer_marks(gen.MARK_CLASSES, gen.UNICODE_VERSION).items()
}
MARK_CLASSES: dict[str, str] = {**{chr(k): v for k, v in gen.MARK_CLASSES.items()}, **NEWER_MARKS}
# The spacing small waw / small yeh of Quranic orthography (category Lm)
# belong to the "quranic" class too.
QURANIC_SMALL_LETTERS: frozenset[str] = _chars(gen.QURANIC_SMALL_LETTERS)
for _c in QURANIC_SMALL_LETTERS:
    MARK_CLASSES[_c] = "quranic"

DIACRITIC_CLASSES: tuple[str, ...] = (
    "harakat",
    "tanween",
    "shadda",
    "sukun",
    "dagger_alef",
    "madda",
    "quranic",
    "other",
)
# Every class but "other" (marks of other traditions that remove_diacritics keeps by default).
DEFAULT_DIACRITIC_CLASSES: tuple[str, ...] = tuple(c for c in DIACRITIC_CLASSES if c != "other")
MADDA = "\N{ARABIC MADDAH ABOVE}"
# Every Arabic combining mark (category Mn in the Arabic blocks).
ARABIC_MARKS: frozenset[str] = frozenset(chr(k) for k in gen.MARK_CLASSES) | frozenset(NEWER_MARKS)
# Every character of non-zero canonical combining class, any script (and the
# newer Arabic marks that have one).
NONZERO_CCC: frozenset[str] = _chars(gen.NONZERO_CCC) | {c for c in NEWER_MARKS if unicodedata.combining(c)}
HAMZA_MARKS: frozenset[str] = frozenset(c for c, k in MARK_CLASSES.items() if k == "hamza")

# --- joining ---------------------------------------------------------------

DUAL_JOINING: frozenset[str] = _chars(gen.DUAL_JOINING)
RIGHT_JOINING: frozenset[str] = _chars(gen.RIGHT_JOINING)
TATWEEL = "\N{ARABIC TATWEEL}"

# --- lossy letter folds ----------------------------------------------------

ALEF = "\N{ARABIC LETTER ALEF}"

ALEF_FOLD: dict[str, str] = {
    "\N{ARABIC LETTER ALEF WITH MADDA ABOVE}": ALEF,
    "\N{ARABIC LETTER ALEF WITH HAMZA ABOVE}": ALEF,
    "\N{ARABIC LETTER ALEF WITH HAMZA BELOW}": ALEF,
    "\N{ARABIC LETTER ALEF WASLA}": ALEF,
    "\N{ARABIC LETTER ALEF WITH WAVY HAMZA ABOVE}": ALEF,
    "\N{ARABIC LETTER ALEF WITH WAVY HAMZA BELOW}": ALEF,
    "\N{ARABIC LETTER HIGH HAMZA ALEF}": ALEF,
}

HAMZA_CARRIER_FOLD: dict[str, str] = {
    "\N{ARABIC LETTER WAW WITH HAMZA ABOVE}": "\N{ARABIC LETTER WAW}",
    "\N{ARABIC LETTER YEH WITH HAMZA ABOVE}": "\N{ARABIC LETTER YEH}",
    "\N{ARABIC LETTER HIGH HAMZA WAW}": "\N{ARABIC LETTER WAW}",
    "\N{ARABIC LETTER HIGH HAMZA YEH}": "\N{ARABIC LETTER YEH}",
}
# Carriers that may be written with a separate HAMZA ABOVE (not composed by
# NFC for alef maksura): the fold of carrier + U+0654.
HAMZA_DECOMPOSED_FOLD: dict[str, str] = {
    "\N{ARABIC LETTER WAW}": "\N{ARABIC LETTER WAW}",
    "\N{ARABIC LETTER YEH}": "\N{ARABIC LETTER YEH}",
    "\N{ARABIC LETTER ALEF MAKSURA}": "\N{ARABIC LETTER YEH}",
}

TEH_MARBUTA_FOLD: dict[str, str] = {
    "\N{ARABIC LETTER TEH MARBUTA}": "\N{ARABIC LETTER HEH}",
}

ALEF_MAKSURA_FOLD: dict[str, str] = {
    "\N{ARABIC LETTER ALEF MAKSURA}": "\N{ARABIC LETTER YEH}",
}

FARSI_YEH = "\N{ARABIC LETTER FARSI YEH}"

# Persian/Urdu letter variants -> Arabic letters (FARSI YEH is handled by
# position, see letters.normalize_persian_letters).  The ezafe sign of
# heh-with-yeh-above and heh-goal-with-hamza is kept as a HAMZA ABOVE mark
# after the heh, which is how it is also commonly typed (and how Unicode
# decomposes those letters).  Distinct sounds
# (peh, tcheh, jeh, gaf, Urdu retroflexes, noon ghunna) are NOT folded.
PERSIAN_FOLD: dict[str, str] = {
    "\N{ARABIC LETTER KEHEH}": "\N{ARABIC LETTER KAF}",
    "\N{ARABIC LETTER YEH BARREE}": "\N{ARABIC LETTER YEH}",
    "\N{ARABIC LETTER YEH BARREE WITH HAMZA ABOVE}": "\N{ARABIC LETTER YEH WITH HAMZA ABOVE}",
    "\N{ARABIC LETTER HEH GOAL}": "\N{ARABIC LETTER HEH}",
    "\N{ARABIC LETTER HEH GOAL WITH HAMZA ABOVE}": "\N{ARABIC LETTER HEH}\N{ARABIC HAMZA ABOVE}",
    "\N{ARABIC LETTER HEH DOACHASHMEE}": "\N{ARABIC LETTER HEH}",
    "\N{ARABIC LETTER AE}": "\N{ARABIC LETTER HEH}",
    "\N{ARABIC LETTER HEH WITH YEH ABOVE}": "\N{ARABIC LETTER HEH}\N{ARABIC HAMZA ABOVE}",
    "\N{ARABIC LETTER TEH MARBUTA GOAL}": "\N{ARABIC LETTER TEH MARBUTA}",
}
# --- digits ----------------------------------------------------------------

ASCII_DIGITS = "0123456789"
ARABIC_INDIC_DIGITS = "".join(chr(ord("\N{ARABIC-INDIC DIGIT ZERO}") + i) for i in range(10))
PERSIAN_DIGITS = "".join(chr(ord("\N{EXTENDED ARABIC-INDIC DIGIT ZERO}") + i) for i in range(10))
DECIMAL_SEPARATOR = "\N{ARABIC DECIMAL SEPARATOR}"
THOUSANDS_SEPARATOR = "\N{ARABIC THOUSANDS SEPARATOR}"
PERCENT_SIGN = "\N{ARABIC PERCENT SIGN}"

# --- elongation ------------------------------------------------------------

# Letters that reduce_elongation considers: the Arabic letters of the basic
# block (hamza .. yeh without tatweel) and the Persian/Urdu letters.
ELONGATION_LETTERS: frozenset[str] = frozenset(
    [chr(c) for c in range(0x0621, 0x063B)]
    + [chr(c) for c in range(0x0641, 0x064B)]
    + [chr(c) for c in range(0x0671, 0x06D4)]
    + ["\N{ARABIC LETTER AE}"]
)

# Letters that never stand three times in a row in a real word: an alef
# cannot be doubled, alef maksura and teh marbuta end a word, and a hamza
# seat is never followed by the same seat twice.  A run of three of them is
# elongation; any other letter needs a run of four (prefix + doubled letter,
# or doubled letter + suffix, makes real triples: وووري، وشتتت، تتتابع).
NO_TRIPLE_LETTERS: frozenset[str] = frozenset(
    {
        "\N{ARABIC LETTER ALEF}",
        "\N{ARABIC LETTER ALEF WITH MADDA ABOVE}",
        "\N{ARABIC LETTER ALEF WITH HAMZA ABOVE}",
        "\N{ARABIC LETTER ALEF WITH HAMZA BELOW}",
        "\N{ARABIC LETTER ALEF WASLA}",
        "\N{ARABIC LETTER ALEF MAKSURA}",
        "\N{ARABIC LETTER TEH MARBUTA}",
        "\N{ARABIC LETTER HAMZA}",
        "\N{ARABIC LETTER WAW WITH HAMZA ABOVE}",
        "\N{ARABIC LETTER YEH WITH HAMZA ABOVE}",
    }
)
