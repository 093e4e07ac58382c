"""Quotation marks and apostrophes, for :func:`nazif.quotes.normalize_quotes`.

Each mark is listed with the direction its shape suggests: ``OPEN``,
``CLOSE`` or ``NEUTRAL``.  The step trusts the context first and uses this
direction only when the context cannot tell (see ``docs/normalize.md``).
"""

from __future__ import annotations

OPEN = "open"
CLOSE = "close"
NEUTRAL = "neutral"

#: Double quotation marks and their nominal direction.
DOUBLE_QUOTES: dict[str, str] = {
    "\N{QUOTATION MARK}": NEUTRAL,
    "\N{FULLWIDTH QUOTATION MARK}": NEUTRAL,
    "\N{DOUBLE PRIME}": NEUTRAL,  # a quote unless it follows a digit (5″)
    "\N{LEFT DOUBLE QUOTATION MARK}": OPEN,
    "\N{RIGHT DOUBLE QUOTATION MARK}": CLOSE,
    "\N{DOUBLE LOW-9 QUOTATION MARK}": OPEN,
    "\N{DOUBLE HIGH-REVERSED-9 QUOTATION MARK}": OPEN,
    "\N{DOUBLE LOW-REVERSED-9 QUOTATION MARK}": OPEN,
    "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}": OPEN,
    "\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}": CLOSE,
    "\N{REVERSED DOUBLE PRIME QUOTATION MARK}": OPEN,
    "\N{DOUBLE PRIME QUOTATION MARK}": CLOSE,
    "\N{LOW DOUBLE PRIME QUOTATION MARK}": CLOSE,
    "\N{REVERSED DOUBLE PRIME}": OPEN,
    "\N{HEAVY DOUBLE TURNED COMMA QUOTATION MARK ORNAMENT}": OPEN,
    "\N{HEAVY DOUBLE COMMA QUOTATION MARK ORNAMENT}": CLOSE,
}

#: Single quotation marks and apostrophes and their nominal direction.  Two
#: of them side by side (``''``, ``````, ``‘‘``) are read as one double mark.
#: U+02BC MODIFIER LETTER APOSTROPHE is not here: it is a letter (category Lm;
#: the hamza and ʿayn of transliteration, Ukrainian, Hausa), not punctuation.
SINGLE_QUOTES: dict[str, str] = {
    "\N{APOSTROPHE}": NEUTRAL,
    "\N{FULLWIDTH APOSTROPHE}": NEUTRAL,
    "\N{PRIME}": NEUTRAL,  # a quote unless it follows a digit (5′, 45° 30′)
    "\N{LEFT SINGLE QUOTATION MARK}": OPEN,
    "\N{RIGHT SINGLE QUOTATION MARK}": CLOSE,
    "\N{SINGLE LOW-9 QUOTATION MARK}": OPEN,
    "\N{SINGLE HIGH-REVERSED-9 QUOTATION MARK}": OPEN,
    "\N{SINGLE LEFT-POINTING ANGLE QUOTATION MARK}": OPEN,
    "\N{SINGLE RIGHT-POINTING ANGLE QUOTATION MARK}": CLOSE,
    "\N{REVERSED PRIME}": OPEN,
    "\N{GRAVE ACCENT}": OPEN,  # TeX-style ``opening'' quotes, "don`t"
    "\N{HEAVY SINGLE TURNED COMMA QUOTATION MARK ORNAMENT}": OPEN,
    "\N{HEAVY SINGLE COMMA QUOTATION MARK ORNAMENT}": CLOSE,
}

#: Primes: left alone when they follow a digit (measurements, angles).
PRIMES: frozenset[str] = frozenset("\N{PRIME}\N{DOUBLE PRIME}")

#: Every character the step may rewrite.
QUOTE_CHARS: frozenset[str] = frozenset(DOUBLE_QUOTES) | frozenset(SINGLE_QUOTES)

#: Output marks of each style: (double open, double close, single open, single close).
ASCII_MARKS = ("\N{QUOTATION MARK}", "\N{QUOTATION MARK}", "\N{APOSTROPHE}", "\N{APOSTROPHE}")
TYPOGRAPHIC_MARKS = (
    "\N{LEFT DOUBLE QUOTATION MARK}",
    "\N{RIGHT DOUBLE QUOTATION MARK}",
    "\N{LEFT SINGLE QUOTATION MARK}",
    "\N{RIGHT SINGLE QUOTATION MARK}",
)
#: Double marks of the ``guillemets`` style inside Arabic-script runs.
GUILLEMETS = (
    "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}",
    "\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}",
)

STYLES = ("ascii", "typographic", "guillemets")
