"""Codec images used by mojibake detection, generated from Python's own codecs.

Nothing here is typed in by hand: every character class is derived at import
time from the ``cp1252``, ``latin-1`` and ``cp1256`` codecs of the standard
library (and :mod:`unicodedata`), so the tables cannot drift from the codecs
that produced the mojibake in the first place.

An *image* of a byte under a codec is the character that byte becomes when
the codec decodes it.  Mojibake is made of images: UTF-8 bytes shown through
windows-1252 are the images of those bytes under windows-1252.

>>> SLOPPY_1252[0x81], SLOPPY_1252[0x93]
('\\x81', '\u201c')
>>> CP1256[0xD8], CP1256[0xA7]
('ط', '§')
>>> ENCODE_1252["\u201c"], ENCODE_1256["ظ"]
(147, 217)
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

__all__ = [
    "C1_CONTROLS",
    "CP1252_SPECIALS",
    "CP1256",
    "CRASE_TAILS",
    "ENCODE_1252",
    "ENCODE_1256",
    "K3_LETTER_IMAGES",
    "K3_MARK_IMAGES",
    "K3_PUNCT_IMAGES",
    "LOSSY",
    "OK_FORMAT",
    "SLOPPY_1252",
    "char_class",
    "images",
]

# U+FFFD in mojibake stands for a byte that a strict windows-1252 decoder
# could not map (0x81 0x8D 0x8F 0x90 0x9D) and replaced: the byte is lost.
LOSSY = "\N{REPLACEMENT CHARACTER}"


def _decode_table(codec: str, *, sloppy: bool) -> list[str]:
    table: list[str] = []
    for b in range(256):
        try:
            table.append(bytes([b]).decode(codec))
        except UnicodeDecodeError:
            if not sloppy:
                raise
            # What browsers (WHATWG windows-1252) and latin-1 both produce
            # for the five bytes windows-1252 leaves undefined.
            table.append(chr(b))
    return table


#: byte -> character under windows-1252, undefined bytes passed through as
#: the C1 control of the same number (the "sloppy" windows-1252 of browsers).
SLOPPY_1252: list[str] = _decode_table("cp1252", sloppy=True)
#: byte -> character under windows-1256 (all 256 bytes are defined).
CP1256: list[str] = _decode_table("cp1256", sloppy=False)

#: character -> byte for text shown through windows-1252 *or* latin-1: the
#: C1 controls U+0080..U+009F (latin-1 images) and the windows-1252
#: characters at 0x80..0x9F both map back to their byte.
ENCODE_1252: dict[str, int] = {}
for _b, _c in enumerate(SLOPPY_1252):
    ENCODE_1252[_c] = _b
for _b in range(0x80, 0xA0):
    ENCODE_1252.setdefault(chr(_b), _b)
#: character -> byte under windows-1256.
ENCODE_1256: dict[str, int] = {c: b for b, c in enumerate(CP1256)}

#: the 27 characters windows-1252 puts at 0x80..0x9F (euro sign, curly quotes, ...).
CP1252_SPECIALS: frozenset[str] = frozenset(c for c in SLOPPY_1252[0x80:0xA0] if ord(c) > 0xFF)
#: the C1 control characters, latin-1's images of 0x80..0x9F.
C1_CONTROLS: frozenset[str] = frozenset(chr(b) for b in range(0x80, 0xA0))

#: format characters a repair may legitimately produce (they occur in real
#: UTF-8 text): soft hyphen, zero-width (non-)joiners, direction marks and
#: embeddings, word joiner, Arabic letter mark, byte-order mark.
OK_FORMAT: frozenset[str] = frozenset(
    ["\N{SOFT HYPHEN}", "\N{ARABIC LETTER MARK}", "\N{WORD JOINER}", "\N{ZERO WIDTH NO-BREAK SPACE}"]
    + [chr(c) for c in range(0x200B, 0x2010)]
    + [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
)


#: What follows the Portuguese à when it is written glued to the next word
#: (a crase contraction: à + as, aquele(s), aquela(s), aquilo; Portuguese
#: orthography, Acordo Ortográfico de 1990, base XVIII).  After ``Ã`` and a
#: lost A0 byte, these mean "às", "àquele" ... rather than "à" and a word.
CRASE_TAILS: tuple[str, ...] = ("s", "quele", "queles", "quela", "quelas", "quilo")


def images(table: list[str], byte_values: Iterable[int], *, latin1_too: bool = False) -> list[str]:
    """The images of ``byte_values`` under ``table`` (plus the latin-1 images
    of 0x80..0x9F when ``latin1_too``), without duplicates, in byte order."""
    out: list[str] = []
    for b in byte_values:
        for c in (table[b], chr(b) if latin1_too else None):
            if c is not None and c not in out:
                out.append(c)
    return out


def char_class(chars: Iterable[str]) -> str:
    """A regular-expression character class matching exactly ``chars``
    (every member escaped as ``\\uXXXX`` so no invisible literal is needed)."""
    members = sorted(set(chars))
    body = "".join(f"\\u{ord(c):04x}" if ord(c) <= 0xFFFF else f"\\U{ord(c):08x}" for c in members)
    return f"[{body}]"


def _cp1256_meaning(b: int) -> str:
    return CP1256[b]


def _k3_images(predicate) -> list[str]:
    """Images under windows-1252/latin-1 of the windows-1256 bytes whose
    windows-1256 meaning satisfies ``predicate``."""
    out: list[str] = []
    for b in range(0x80, 0x100):
        meaning = _cp1256_meaning(b)
        if predicate(meaning):
            for c in (SLOPPY_1252[b], chr(b)):
                if c not in out:
                    out.append(c)
    return out


def _is_arabic_letter(ch: str) -> bool:
    return "\u0600" <= ch <= "\u06ff" and unicodedata.category(ch) == "Lo"


def _is_arabic_mark(ch: str) -> bool:
    return "\u0600" <= ch <= "\u06ff" and unicodedata.category(ch) == "Mn"


# Letters of Urdu (and the rare Persian jeh) whose latin-1/windows-1252
# images are everyday letters of European languages: À ÿ (French), Š š Ž
# (Czech, Slovak, Lithuanian), Ÿ, ª (Spanish ordinal).  Arabic text has none
# of them, so they are not taken as evidence of windows-1256.
_URDU_ONLY = (
    "\N{ARABIC LETTER HEH GOAL}",
    "\N{ARABIC LETTER YEH BARREE}",
    "\N{ARABIC LETTER TTEH}",
    "\N{ARABIC LETTER DDAL}",
    "\N{ARABIC LETTER RREH}",
    "\N{ARABIC LETTER NOON GHUNNA}",
    "\N{ARABIC LETTER HEH DOACHASHMEE}",
    "\N{ARABIC LETTER JEH}",
)

#: Characters that windows-1256 Arabic *letters* (and tatweel) become when
#: the bytes are read as windows-1252 or latin-1: ``Ç`` (alef), ``á`` (lam) ...
K3_LETTER_IMAGES: list[str] = _k3_images(
    lambda m: (_is_arabic_letter(m) and m not in _URDU_ONLY) or m == "\N{ARABIC TATWEEL}"
)
#: ... and the images of the Arabic harakat (``ó`` fatha, ``ø`` shadda ...).
K3_MARK_IMAGES: list[str] = _k3_images(_is_arabic_mark)
#: ... and the images of Arabic comma, semicolon and question mark (``¡ º ¿``).
K3_PUNCT_IMAGES: list[str] = _k3_images(
    lambda m: m in ("\N{ARABIC COMMA}", "\N{ARABIC SEMICOLON}", "\N{ARABIC QUESTION MARK}")
)
