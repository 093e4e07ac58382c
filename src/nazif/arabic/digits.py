"""Convert numbers between ASCII, Arabic-Indic and Persian (Extended Arabic-Indic) digits."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..protected import map_unprotected
from ..steps import step
from .tables import (
    ARABIC_INDIC_DIGITS,
    ASCII_DIGITS,
    DECIMAL_SEPARATOR,
    PERCENT_SIGN,
    PERSIAN_DIGITS,
    THOUSANDS_SEPARATOR,
)

__all__ = ["DIGIT_SYSTEMS", "normalize_digits"]

DIGIT_SYSTEMS: dict[str, str] = {
    "ascii": ASCII_DIGITS,
    "arabic": ARABIC_INDIC_DIGITS,
    "persian": PERSIAN_DIGITS,
}

_ALL_DIGITS = ASCII_DIGITS + ARABIC_INDIC_DIGITS + PERSIAN_DIGITS
_D = (
    "0-9"
    + ARABIC_INDIC_DIGITS[0]
    + "-"
    + ARABIC_INDIC_DIGITS[-1]
    + PERSIAN_DIGITS[0]
    + "-"
    + PERSIAN_DIGITS[-1]
)
_SEPS = ".," + DECIMAL_SEPARATOR + THOUSANDS_SEPARATOR
_PCT = "%" + PERCENT_SIGN

# A number: digits of any system, with separators only *between* digits, and
# a percent sign directly before or after it.  Linear: digits and separators
# are disjoint classes.
_NUMBER = re.compile(f"[{_PCT}]?[{_D}]+(?:[{re.escape(_SEPS)}][{_D}]+)*[{_PCT}]?")

# Shape of a number whose "." and "," are unambiguous: 1,234,567.89 or 3.14.
_GROUPED = re.compile(r"0{1,3}(?:,000)+(?:\.0+)?|0+\.0+")

_PRESENCE: dict[str, re.Pattern[str]] = {
    "ascii": re.compile(
        f"[{ARABIC_INDIC_DIGITS}{PERSIAN_DIGITS}{DECIMAL_SEPARATOR}{THOUSANDS_SEPARATOR}{PERCENT_SIGN}]"
    ),
    "arabic": re.compile(f"[0-9{PERSIAN_DIGITS}%]|[{ARABIC_INDIC_DIGITS}][.,][{ARABIC_INDIC_DIGITS}]"),
    "persian": re.compile(f"[0-9{ARABIC_INDIC_DIGITS}%]|[{PERSIAN_DIGITS}][.,][{PERSIAN_DIGITS}]"),
}

_SHAPE = str.maketrans(
    {**dict.fromkeys(_ALL_DIGITS, "0"), DECIMAL_SEPARATOR: ".", THOUSANDS_SEPARATOR: ",", PERCENT_SIGN: "%"}
)


def _digit_map(target: str) -> dict[int, str]:
    digits = DIGIT_SYSTEMS[target]
    table: dict[int, str] = {}
    for system in DIGIT_SYSTEMS.values():
        for i, d in enumerate(system):
            table[ord(d)] = digits[i]
    return table


_TO_ASCII = {
    **_digit_map("ascii"),
    ord(DECIMAL_SEPARATOR): ".",
    ord(THOUSANDS_SEPARATOR): ",",
    ord(PERCENT_SIGN): "%",
}
_TO_EASTERN_DIGITS = {"arabic": _digit_map("arabic"), "persian": _digit_map("persian")}
_EASTERN_SEPS = {ord("."): DECIMAL_SEPARATOR, ord(","): THOUSANDS_SEPARATOR}


def _to_ascii(m: re.Match[str]) -> str:
    return m.group().translate(_TO_ASCII)


def _to_eastern(target: str) -> Callable[[re.Match[str]], str]:
    digits = _TO_EASTERN_DIGITS[target]

    def convert(m: re.Match[str]) -> str:
        number = m.group()
        out = number.translate(digits).replace("%", PERCENT_SIGN)
        body = number.translate(_SHAPE).strip("%")
        if ("." in body or "," in body) and _GROUPED.fullmatch(body):
            out = out.translate(_EASTERN_SEPS)
        return out

    return convert


_CONVERTERS: dict[str, Callable[[re.Match[str]], str]] = {
    "ascii": _to_ascii,
    "arabic": _to_eastern("arabic"),
    "persian": _to_eastern("persian"),
}


@step(lossless=True)
def normalize_digits(text: str, *, to: str = "ascii") -> str:
    """Write every number with one digit system: ``ascii``, ``arabic`` or ``persian``.

    ``to="ascii"`` (the default) turns Arabic-Indic ``٠١٢٣٤٥٦٧٨٩`` and
    Persian (Extended Arabic-Indic) ``۰۱۲۳۴۵۶۷۸۹`` digits into ``0-9``; inside
    a number the Arabic decimal separator ``٫`` becomes ``.``, the Arabic
    thousands separator ``٬`` becomes ``,`` and an Arabic percent sign ``٪``
    right before or after the number becomes ``%``.

    ``to="arabic"`` / ``to="persian"`` write digits of the other two systems
    as Arabic-Indic / Persian digits and a ``%`` touching the number as
    ``٪``.  ``.`` and ``,`` become ``٫`` and ``٬`` only where they are
    unambiguous (``1,234,567.89``, ``3.14``); in dates, versions, IP
    addresses and lists (``1.2.2024``, ``1,2``) they stay.

    The meaning of a number does not change, so the step is registered as
    lossless, but it is not part of the ``display`` preset.

    Left alone on purpose: separators and percent signs that are not part of
    a number (a ``٫`` between words stays), digits of other scripts
    (Devanagari, full-width …), URLs and e-mail addresses, and, when
    converting *to* Arabic or Persian, runs of Latin script (``COVID-19``,
    ``iPhone 15``).

    >>> normalize_digits("٣٫٥ مليون و١٬٢٠٠ بنسبة ٪٥٠")
    '3.5 مليون و1,200 بنسبة %50'
    >>> normalize_digits("عام 2024 بنسبة 12.5% COVID-19", to="arabic")
    'عام ٢٠٢٤ بنسبة ١٢٫٥٪ COVID-19'
    """
    try:
        presence = _PRESENCE[to]
    except KeyError:
        raise ValueError(f"to must be one of {sorted(DIGIT_SYSTEMS)}, not {to!r}") from None
    if (to == "ascii" and text.isascii()) or not presence.search(text):
        return text
    convert = _CONVERTERS[to]
    return map_unprotected(text, lambda piece: _NUMBER.sub(convert, piece), latin=to != "ascii")
