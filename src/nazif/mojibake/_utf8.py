"""UTF-8 text that was decoded with a single-byte codec (windows-1252,
latin-1 or windows-1256): detection and repair, run by run.

A *sequence* is the images of one UTF-8 multi-byte sequence (``Ø§`` is the
windows-1252 image of ``D8 A7``, the letter alef).  A *seqrun* is a maximal
run of consecutive sequences, a *cluster* a group of seqruns separated only
by ASCII (spaces, punctuation, Latin letters).  Real UTF-8 mojibake turns
every non-ASCII character of the original into a sequence, so in a broken
run nothing but ASCII sits between sequences, and a seqrun is never glued to
a letter that is not itself part of a sequence.  Correct text that happens to
contain a lead-like character followed by a continuation-like one (``ط،`` at
the end of an Arabic word, ``Ú»`` in «ÑANDÚ») fails exactly that test.

A cluster is repaired when it holds at least one *strong* seqrun:

- one with a 3-byte sequence led by ``E2`` or ``EF`` (``â€œ``, ``ï»¿``),
  the images of general punctuation, which correct text never spells, or a
  4-byte sequence of an emoji (``ðŸ˜€``);
- two or more sequences in a row (``Ø§Ù„``: a whole broken word);
- a single latin-1 letter sequence (``Ã©``), for windows-1256 only when it
  is glued to an ASCII letter (``cafأ©``);
- or, short of those, two runs that each decode to one Arabic letter
  (``Øª Ù…``, the abbreviation ت م);

- or, in a line that reads as this mojibake and nothing else, a lone
  sequence with a symbol glued inside a word (``RÄ«ga``) or a capital lead
  right after a lowercase letter (``VisÅ³``);

and every seqrun repaired must decode to plausible text (letters, marks after
letters, punctuation, symbols; no controls, unassigned or private-use code
points, no IPA or Syriac/NKo gibberish) with no foreign letter glued to it.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..arabic._marks import ARABIC_BLOCKS
from ..tables.quotes import DOUBLE_QUOTES, QUOTE_CHARS
from .tables import (
    CP1252_SPECIALS,
    CP1256,
    CRASE_TAILS,
    ENCODE_1252,
    ENCODE_1256,
    LOSSY,
    OK_FORMAT,
    SLOPPY_1252,
    char_class,
    images,
)

# start, end, replacement, rules (outermost layer first), entries
Edit = tuple[int, int, str, tuple[str, ...], tuple[str, ...]]
Fixer = Callable[[str], tuple[str, tuple[str, ...], tuple[str, ...]] | None]

_LOSSY_BYTE = 0x1A
# A plain space standing for byte A0 after the lead of a two-byte sequence
# (windows-1252 shows A0 as a no-break space, which some process made a plain
# space).  Only for UTF-8 shown through windows-1252/latin-1: windows-1256
# Arabic has a letter image (``ظ`` is D9) before a space at every other word end.
LOST_A0 = " "
# ``â€?``: the third byte of a general punctuation character (”, or ‐, or a
# direction mark: bytes that windows-1252 leaves undefined) that a strict
# encoder replaced by a question mark.  The character is lost (U+FFFD), like
# a lost byte; the question mark is evidence of nothing by itself.
LOST_QMARK = "\\?"
# Bytes windows-1252 leaves undefined: a strict decoder replaced them by U+FFFD.
_UNDEFINED_1252 = (0x81, 0x8D, 0x8F, 0x90, 0x9D)


def utf8(data: bytes) -> str:
    """``data`` decoded as UTF-8, surrogate pairs (CESU-8) joined into the
    character they encode; raises ``UnicodeDecodeError`` otherwise (a lone
    surrogate included)."""
    try:
        return data.decode("utf-8", "strict")
    except UnicodeDecodeError:
        if b"\xed" not in data:
            raise
    text = data.decode("utf-8", "surrogatepass")
    joined = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
    if any("\ud800" <= c <= "\udfff" for c in joined):
        raise UnicodeDecodeError("utf-8", data, 0, len(data), "lone surrogate")
    return joined


@dataclass(frozen=True)
class Utf8Kind:
    """One way of showing UTF-8 bytes through a single-byte codec."""

    rule: str
    codec: str
    seqrun: re.Pattern[str]
    seq: re.Pattern[str]
    encode: dict[str, int]
    lossy: bool
    pair: re.Pattern[str]  # a lead image followed by a continuation image
    latin_leads: str  # images of C2/C3 (leads of latin-1 supplement letters)
    distinctive_leads: str  # images of E2/EF
    needs_ascii_neighbour_for_latin: bool


def _cls(table: list[str], lo: int, hi: int, *, latin1_too: bool, lossy: bool) -> str:
    chars = images(table, range(lo, hi + 1), latin1_too=latin1_too)
    if lossy and any(lo <= b <= hi for b in _UNDEFINED_1252):
        chars.append(LOSSY)
    return char_class(chars)


def _build(
    table: list[str], *, latin1_too: bool, lossy: bool, leads2: Sequence[int], lost_a0: bool = False
) -> tuple[str, str]:
    def c(lo: int, hi: int) -> str:
        return _cls(table, lo, hi, latin1_too=latin1_too, lossy=lossy)

    def lead(*bs: int) -> str:
        return char_class(table[b] for b in bs)

    cont = c(0x80, 0xBF)
    # With ``lost_a0`` one continuation of a sequence may also be a plain
    # space where byte A0 is allowed: A0 (a no-break space in windows-1252)
    # that some process turned into an ASCII space (``Ð ÑƒÑ�Ñ�ÐºÐ¸Ð¹``,
    # ``Ã s``, ``à¸ à¸²``).  Not after ``â€`` (E2 80): ``â€`` and a space is
    # far more often a right quote whose byte 9D was dropped than a dagger.
    no_dagger = f"(?<!{lead(0xE2)}{c(0x80, 0x80)})"

    def sequence(leads: str, ranges: Sequence[tuple[int, int]]) -> str:
        plain = "".join(c(lo, hi) for lo, hi in ranges)
        variants = [plain]
        if lost_a0:
            for i, (lo, hi) in enumerate(ranges):
                if lo <= 0xA0 <= hi:
                    guard = no_dagger if i == 1 else ""  # the third byte
                    parts = [c(a, b) for a, b in ranges]
                    parts[i] = guard + LOST_A0
                    variants.append("".join(parts))
        return f"{leads}(?:{'|'.join(variants)})" if len(variants) > 1 else leads + plain

    three_plain = [b for b in range(0xE1, 0xF0) if b != 0xED]
    full = (0x80, 0xBF)
    alternatives = [
        sequence(lead(*leads2), [full]),
        sequence(lead(0xE0), [(0xA0, 0xBF), full]),
        sequence(lead(*three_plain), [full, full]),
        *([f"{lead(0xE2)}{c(0x80, 0x80)}{LOST_QMARK}"] if lossy else []),
        # CESU-8: a character beyond the BMP as two surrogates, three bytes
        # each (``í\xa0½í¸\x8d``), as Java and MySQL's old utf8 wrote them
        f"{lead(0xED)}{c(0xA0, 0xAF)}{cont}{lead(0xED)}{c(0xB0, 0xBF)}{cont}",
        sequence(lead(0xED), [(0x80, 0x9F), full]),
        sequence(lead(0xF0), [(0x90, 0xBF), full, full]),
        sequence(lead(0xF1, 0xF2, 0xF3), [full, full, full]),
        sequence(lead(0xF4), [(0x80, 0x8F), full, full]),
    ]
    seq = "(?:" + "|".join(alternatives) + ")"
    return seq, cont


_K1_SEQ, K1_CONT = _build(SLOPPY_1252, latin1_too=True, lossy=True, leads2=range(0xC2, 0xE0), lost_a0=True)
# windows-1256 images of C4..D7 are mostly Arabic letters (ؤ إ ئ ا ب ...); a UTF-8
# reading of them would be Latin Extended, IPA, Greek, Cyrillic, Armenian or
# Hebrew, which Arabic sites do not carry, while real Persian and Urdu text
# pairs them with the letters پ چ گ ک (images of 0x81..0x98) all the time.
# windows-1252 letters (Š Œ ƒ ˆ ˜ ...: leads C5 C6 CB) are kept so that a
# windows-1252 layer underneath can be peeled (UTF-8 -> cp1252 -> UTF-8 -> cp1256).
_K2_LEADS2 = (0xC2, 0xC3, 0xC5, 0xC6, 0xCB, 0xD8, 0xD9, 0xDA, 0xDB)
_K2_SEQ, K2_CONT = _build(CP1256, latin1_too=False, lossy=False, leads2=_K2_LEADS2)

UTF8_AS_CP1252 = Utf8Kind(
    rule="utf8-as-cp1252",
    codec="windows-1252",
    seqrun=re.compile(f"{_K1_SEQ}+"),
    seq=re.compile(_K1_SEQ),
    pair=re.compile(f"[{SLOPPY_1252[0xC2]}-{SLOPPY_1252[0xF4]}]{K1_CONT}"),
    encode=ENCODE_1252,
    lossy=True,
    latin_leads=SLOPPY_1252[0xC2] + SLOPPY_1252[0xC3],
    distinctive_leads=SLOPPY_1252[0xE2] + SLOPPY_1252[0xEF],
    needs_ascii_neighbour_for_latin=False,
)
UTF8_AS_CP1256 = Utf8Kind(
    rule="utf8-as-cp1256",
    codec="windows-1256",
    seqrun=re.compile(f"{_K2_SEQ}+"),
    seq=re.compile(_K2_SEQ),
    pair=re.compile(char_class(CP1256[b] for b in (*_K2_LEADS2, *range(0xE0, 0xF5))) + K2_CONT),
    encode=ENCODE_1256,
    lossy=False,
    latin_leads=CP1256[0xC2] + CP1256[0xC3],
    distinctive_leads=CP1256[0xE2] + CP1256[0xEF],
    needs_ascii_neighbour_for_latin=True,
)

# Images of UTF-8 lead bytes under windows-1252/latin-1 (latin-1 letters).
_K1_LEAD_IMAGES = frozenset(SLOPPY_1252[b] for b in range(0xC2, 0xF5))
# A non-ASCII character that windows-1252 and latin-1 cannot show (``ś``,
# ``˘``), right after a lead image that is glued to a sequence or followed
# by continuation images: the line is UTF-8 shown through another codec
# (windows-1250 ``â€ś``, ``×“×˘``), which these rules do not read.
_NOT_K1_IMAGE = "[^\x00-\xff" + "".join(sorted(c for c in SLOPPY_1252 if c > "\xff")) + LOSSY + "]"
_K1_LEAD = f"[{SLOPPY_1252[0xC2]}-{SLOPPY_1252[0xF4]}]"


# The continuation images that count there: not a quotation mark, a space,
# an invisible or a control, which the cleaning presets rewrite or delete
# after the repair (``Â\x80٫`` would read ``Â٫`` in the next run, and the
# rest of its span be repaired then); and glued to a lead (``©Â٫`` is no
# sequence).
def _preset_rewrites(c: str) -> bool:
    """Whether the cleaning presets rewrite or delete ``c`` (a non-ASCII
    character): a quotation mark, a space or line break, an invisible or a
    control, or a character NFC turns into ASCII (KELVIN SIGN, GREEK
    QUESTION MARK).  What the repair reads as evidence must not be one of
    these: the next run would not see it."""
    if c in QUOTE_CHARS or unicodedata.category(c) in _REWRITTEN_CATEGORIES:
        return True
    return unicodedata.normalize("NFC", c).isascii()


_REWRITTEN_CATEGORIES = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp", "Pi", "Pf"})

_K1_SHOWN_CONT = char_class(
    c
    for c in [*images(SLOPPY_1252, range(0x80, 0xC0), latin1_too=True), LOSSY]
    if c == LOSSY or not _preset_rewrites(c)
)
# (written to start with a character class: the scan is then fast)
_OTHER_CODEC = re.compile(f"{_K1_LEAD}{_K1_SHOWN_CONT}+{_K1_LEAD}?{_NOT_K1_IMAGE}")
# ... and for windows-1256, a character neither codec can show (``â€ť``).
_NOT_K2_IMAGE = (
    "[^\x00-\xff"
    + "".join(sorted({c for c in SLOPPY_1252 if c > "\xff"} | {c for c in CP1256 if c > "\xff"}))
    + LOSSY
    + "]"
)
_OTHER_CODEC_K2 = re.compile(f"{_K1_LEAD}{_K1_SHOWN_CONT}+{_K1_LEAD}?{_NOT_K2_IMAGE}")
_NOT_K1_IMAGE_RE = re.compile(_NOT_K1_IMAGE)
_NOT_K2_IMAGE_RE = re.compile(_NOT_K2_IMAGE)
# ... or a lead image glued to such a character (``×˘``: Hebrew through
# windows-1250, whose 0xA2 is ``˘``, not ``¢``).
_LEAD_BEFORE_NOT_K1 = re.compile(f"{_K1_LEAD}(?={_NOT_K1_IMAGE})")
_LEAD_BEFORE_NOT_K2 = re.compile(f"{_K1_LEAD}(?={_NOT_K2_IMAGE})")


def _signature_kept(other: re.Pattern[str], line: str, lo: int, hi: int) -> bool:
    """Another codec's signature whose last character (the one the codec
    cannot show) the presets keep: ``Â¡‛`` is no signature, the quote step
    makes it ``Â¡'`` and the next run would repair it."""
    return any(not _preset_rewrites(m.group()[-1]) for m in other.finditer(line, lo, hi))


def _lead_glued_to_a_stranger(lead_before: re.Pattern[str], line: str, lo: int, hi: int) -> bool:
    """A lead image right before a character the codec cannot show, which
    the presets keep as it is (not a quote, a space, an invisible: the next
    run would not see it; not a combining mark: NFC may compose it with the
    lead), and which is not Arabic script: Arabic pages carry windows-1252
    mojibake beside their own text, and a stray lead image (``Â`` of a
    no-break space) glued to an Arabic character (``Â٫``) says nothing of the
    codec."""
    for m in lead_before.finditer(line, lo, hi):
        c = line[m.end()]
        if not _preset_rewrites(c) and unicodedata.category(c)[0] != "M" and not _is_arabic_script(c):
            return True
    return False


#: Arabic script: the Arabic blocks (those of the mark classes) and the
#: presentation forms
_ARABIC_SCRIPT = (*ARABIC_BLOCKS, (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))


def _is_arabic_script(c: str) -> bool:
    cp = ord(c)
    return any(lo <= cp <= hi for lo, hi in _ARABIC_SCRIPT)


_K1_CONT_IMAGES = frozenset(images(SLOPPY_1252, range(0x80, 0xC0), latin1_too=True)) - {"\xa0"}
# The ASCII marks the quote step makes of continuation images (``„`` of 0x84
# becomes ``"``): after a lead image, such a mark is what is left of a broken
# sequence when a cleaning preset has already run over mojibake it left alone
# (``Ø§Ù"Ø¹Ø±Ø¨ÙŠØ©`` is ``Ø§Ù„Ø¹Ø±Ø¨ÙŠØ©`` after the quote step).
_K1_QUOTED_CONT = frozenset('"' if c in DOUBLE_QUOTES else "'" for c in _K1_CONT_IMAGES if c in QUOTE_CHARS)

# Signatures for the presence scan: a lead image directly followed by a
# continuation image.  For windows-1256 the Arabic-letter leads must not sit
# inside an Arabic word (that is ``ط،`` at the end of ``النفط،``).
K1_SIGNATURE = f"[{SLOPPY_1252[0xC2]}-{SLOPPY_1252[0xF4]}]{K1_CONT}"
_K2_LEAD2 = char_class(CP1256[b] for b in _K2_LEADS2)
_K2_LEAD34 = char_class(CP1256[b] for b in range(0xE0, 0xF5) if b not in (0xE2, 0xEF))
_ARABIC_LETTER = "[\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff]"
# windows-1256 continuation images that clean Arabic text rarely holds (all
# but the Arabic comma, semicolon and question mark and the guillemets):
# where the presence scan looks for broken windows-1256.
K2_RARE_CONT = char_class(
    c
    for c in images(CP1256, range(0x80, 0xC0))
    if c not in "\N{ARABIC COMMA}\N{ARABIC SEMICOLON}\N{ARABIC QUESTION MARK}\u00ab\u00bb"
)
K2_SIGNATURE = (
    f"{_K2_LEAD2}(?<!{_ARABIC_LETTER}.){K2_CONT}"
    f"|[{CP1256[0xE2]}{CP1256[0xEF]}]{K2_CONT}{K2_CONT}"
    f"|{_K2_LEAD34}(?<!{_ARABIC_LETTER}.){K2_CONT}{K2_CONT}"
)


# Punctuation that follows a word: after a word-final Ã or آ it is correct text
# as often as mojibake (``IRMÃ»``, ``NÃO…``, ``XÃ\xa0NHƯ``).  The price: a
# lone ``Ã«`` (ë), ``Ã»`` (û), ``Ã\xa0`` (à) or capital (``Ã‘`` Ñ) is not
# enough evidence by itself.
_AFTER_WORD = frozenset(
    "\N{ARABIC COMMA}\N{ARABIC SEMICOLON}\N{ARABIC QUESTION MARK}"
    "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}"
    "\N{SINGLE LEFT-POINTING ANGLE QUOTATION MARK}\N{SINGLE RIGHT-POINTING ANGLE QUOTATION MARK}"
    "\N{HORIZONTAL ELLIPSIS}\N{EN DASH}\N{EM DASH}\N{BULLET}\N{MIDDLE DOT}"
    "\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}"
    "\N{LEFT SINGLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}\N{NO-BREAK SPACE}"
)


_ARABIC_AFTER_WORD = frozenset(
    "\N{ARABIC COMMA}\N{ARABIC SEMICOLON}\N{ARABIC QUESTION MARK}"
    "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}"
    "\N{SINGLE LEFT-POINTING ANGLE QUOTATION MARK}\N{SINGLE RIGHT-POINTING ANGLE QUOTATION MARK}"
)


def _is_foreign_letter(ch: str) -> bool:
    """A non-ASCII letter or mark: what real mojibake never has next to a run."""
    return ch >= "\x80" and unicodedata.category(ch)[0] in "LM"


def _same_word_in_arabic(neighbour: str, decoded: str) -> bool:
    """An Arabic letter or mark glued to a run that decodes to two or more
    Arabic letters and nothing else (``ءØ§Ù„Ø¹Ø±Ø¨ÙŠØ©``): one word of which
    only part went through the codec.  Left alone, the run would be split
    by the quote step at its ``„`` (the image of 0x84) and the next run
    would repair the rest: the repair is made whole in one pass."""
    return (
        "\u0600" <= neighbour <= "\u06ff"
        and _arabic_letters(decoded) >= 2
        and all("\u0600" <= c <= "\u06ff" for c in decoded)
    )


def _is_arabic_mark(ch: str) -> bool:
    return "\u064b" <= ch <= "\u065f" or "\u0610" <= ch <= "\u061a" or ch == "\u0670"


def _arabic_letters(s: str) -> int:
    return sum(1 for c in s if "\u0621" <= c <= "\u064a")


def plausible(decoded: str) -> bool:
    """Whether the non-ASCII characters of a repair look like real text."""
    return _plausibility(decoded) == 2


def _plausibility(decoded: str) -> int:
    """2: real text; 1: real text but for C1 controls (the latin-1 reading of
    windows-125x punctuation, an inner layer); 0: garbage."""
    level = 2
    prev_letter = False
    prev_script = ""
    for ch in decoded:
        if ch < "\x80":
            prev_letter = ch.isalpha()
            prev_script = "latin"
            continue
        if ch == LOSSY:  # a lost character, most likely a letter
            prev_letter = True
            continue
        if ch <= "\x9f":
            level = 1
            prev_letter = False
            continue
        cp = ord(ch)
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Cn", "Co", "Cs"):
            return 0
        if cat == "Cf" and ch not in OK_FORMAT:
            return 0
        if 0x250 <= cp <= 0x2FF or 0x700 <= cp <= 0x8FF:
            # IPA, spacing modifiers, Syriac, Thaana, NKo, Samaritan ...:
            # where pairs like ``É¡`` or ``ß“`` in correct text would land.
            return 0
        if 0xFDD0 <= cp <= 0xFDEF or (cp & 0xFFFE) == 0xFFFE:
            return 0
        if cat[0] == "M":
            # a mark must follow a letter (a combining accent a Latin one);
            # an Arabic haraka may open a run of Arabic (a typo in the
            # source: ``ُثعطني``)
            if 0x300 <= cp <= 0x36F and prev_letter and prev_script != "latin":
                return 0
            if not prev_letter and not (_is_arabic_mark(ch) and _arabic_letters(decoded) >= 2):
                return 0
        else:
            prev_letter = cat[0] == "L"
            prev_script = "latin" if cp < 0x250 or 0x1E00 <= cp <= 0x1EFF else "other"
    return level


def _is_layer(decoded: str) -> bool:
    """Whether ``decoded`` is itself mojibake: UTF-8 shown through
    windows-1252/latin-1 or windows-1256, or windows-1256 Arabic shown through
    latin-1 (an inner layer of a double encoding, which may hold C1 controls
    or modifier letters that no real text has)."""
    if decoded.isascii():
        return False
    for encode in (ENCODE_1252, ENCODE_1256):
        try:
            bytes(encode[c] for c in decoded).decode("utf-8", "strict")
        except (KeyError, UnicodeDecodeError):
            continue
        return True
    if all(c in ENCODE_1252 for c in decoded):
        arabic = sum(1 for c in decoded if "\u0621" <= CP1256[ENCODE_1252[c]] <= "\u064a")
        return arabic >= 2
    return False


# ``Ã`` and a lost A0 is à, which in French and Portuguese is a word of its
# own: the no-break space after it and the following space were often merged
# into one (``Ã perturber`` is "à perturber").  It is glued to what follows
# only before a space (the A0 alone was lost: ``voilÃ  le``) or a crase
# contraction (``Ã s`` is "às", ``Ã quele`` "àquele").
_A_GRAVE_LOST = SLOPPY_1252[0xC3] + LOST_A0


_WORD_GOES_ON = frozenset("'\N{RIGHT SINGLE QUOTATION MARK}-")  # ``s'éloigner`` is French


def _a_grave_keeps_space(following: str) -> bool:
    if not following or not following[0].isalnum():
        return False
    low = following[:8].lower()
    for tail in CRASE_TAILS:
        if low.startswith(tail) and (
            len(low) == len(tail) or not (low[len(tail)].isalpha() or low[len(tail)] in _WORD_GOES_ON)
        ):
            return False
    return True


def _decode_lost_a0(kind: Utf8Kind, run: str, after: str) -> str:
    """The UTF-8 reading of a run in which a space stands for byte A0."""
    parts: list[str] = []
    for m in kind.seq.finditer(run):
        s = m.group()
        if LOSSY in s or s[-1] == "?":
            parts.append(LOSSY)
            continue
        parts.append(utf8(bytes(0xA0 if c == LOST_A0 else kind.encode[c] for c in s)))
        if s == _A_GRAVE_LOST and _a_grave_keeps_space(run[m.end() : m.end() + 9] + after):
            parts.append(" ")
    return "".join(parts)


def _decode(kind: Utf8Kind, run: str, after: str = "") -> str | None:
    """The UTF-8 reading of ``run`` (every character an image), or ``None``;
    ``after`` is the text that follows the run on its line."""
    encode = kind.encode
    if LOST_A0 in run:
        try:
            return _decode_lost_a0(kind, run, after)
        except (KeyError, UnicodeDecodeError):  # pragma: no cover - the pattern is exact
            return None
    if kind.lossy and (LOSSY in run or "?" in run):
        parts: list[str] = []
        for m in kind.seq.finditer(run):
            s = m.group()
            if LOSSY in s or s[-1] == "?":
                parts.append(LOSSY)
            else:
                parts.append(utf8(bytes(encode[c] for c in s)))
        return "".join(parts)
    try:
        return utf8(bytes(encode[c] for c in run))
    except (KeyError, UnicodeDecodeError):  # pragma: no cover - the pattern is exact
        return None


@dataclass
class _Run:
    start: int
    end: int
    decoded: str | None
    strong: bool
    ok: bool
    letter: bool = False  # decodes to one basic Arabic letter (``Øª`` is ت)
    broken: bool = False  # glued to a broken sequence: the span is left alone


def _is_arabic_letter_image(c: str) -> bool:
    """An Arabic-script letter (windows-1256 images of 0x80..0xBF include
    پ ٹ چ ژ ڈ گ ک ڑ ں ھ)."""
    return "\u0620" <= c <= "\u06ff" and unicodedata.category(c) == "Lo"


def _is_basic_arabic_letter(s: str) -> bool:
    return len(s) == 1 and ("\u0622" <= s <= "\u063a" or "\u0641" <= s <= "\u064a")


def _assess(kind: Utf8Kind, line: str, m: re.Match[str], consistent: bool = False) -> _Run:
    start, end = m.span()
    run = m.group()
    decoded = _decode(kind, run, line[end : end + 9])
    level = 0 if decoded is None else _plausibility(decoded)
    if level < 2 and decoded is not None and _is_layer(decoded):
        level = 2
    if decoded is None or level == 0:
        return _Run(start, end, decoded, False, False)
    seqs = [s.group() for s in kind.seq.finditer(run)]
    # A sequence with a lost byte (U+FFFD) decodes to U+FFFD: it is weak
    # evidence on its own, but belongs to a cluster that has better.
    intact = [s for s in seqs if LOSSY not in s and s[-1] != "?"]
    distinctive = any(
        len(s) == 3 and s[0] in kind.distinctive_leads and (s[1] != LOSSY or s[2] != LOSSY) and s[2] != "?"
        for s in seqs
    ) or any("\U0001f000" <= c <= "\U0001faff" for c in decoded)  # emoji: ``ðŸ˜€``
    before = line[start - 1] if start > 0 else ""
    after = line[end] if end < len(line) else ""
    if kind is UTF8_AS_CP1252 and (
        (
            start >= 2
            and line[start - 2] in _K1_LEAD_IMAGES
            and (before in _K1_CONT_IMAGES or before in _K1_QUOTED_CONT)
        )
        or (distinctive and after in _K1_LEAD_IMAGES)
        or (after in _K1_LEAD_IMAGES and line[end + 1 : end + 2] in _K1_QUOTED_CONT)
    ):
        # glued to a broken sequence (a lead with too few continuations,
        # ``ã¡â€œ``, or a lead that starts none, ``â€™ã†``, or a lead whose
        # continuation the quote step has made ASCII, ``Ù"``): the text around
        # is broken some other way, and repairing the run alone would leave
        # it half done
        return _Run(start, end, decoded, False, False, broken=True)
    if distinctive:
        # for windows-1256, a letter beside the run that the codec cannot
        # show at all
        ok = kind is UTF8_AS_CP1252 or not any(
            c and c.isalpha() and c not in kind.encode for c in (before, after)
        )
        return _Run(start, end, decoded, ok, ok)
    if any(_is_foreign_letter(c) and not _same_word_in_arabic(c, decoded) for c in (before, after) if c):
        return _Run(start, end, decoded, False, False)
    if level == 1:
        # C1 controls: only as part of a cluster that has better evidence
        return _Run(start, end, decoded, False, True)
    if len(seqs) == 1 and LOST_A0 in run:
        # a lone lead image before a space (``Å veices``): only as part of a
        # cluster that has better evidence, or right after a lowercase letter
        # (``voilÃ le``)
        strong = consistent and _capital_after_lowercase(before, seqs[0])
        return _Run(start, end, decoded, strong, True)
    strong = len(seqs) >= 2 and bool(intact)
    if not strong and len(intact) == 1 and len(seqs[0]) == 2 and seqs[0][0] in kind.latin_leads:
        lead, cont = seqs[0][0], seqs[0][1]
        ascii_after = after.isascii() and after.isalpha()
        ascii_before = before.isascii() and before.isalpha()
        if kind.needs_ascii_neighbour_for_latin:
            if decoded.isalpha():
                # ``أ،`` is also an Arabic list label ("أ، ب، ج"): only inside a
                # Latin word (``cafأ©``) is a lone windows-1256 letter evidence.
                # When the continuation image is itself an Arabic letter
                # (``أک`` is Ø, but also two letters of a word glued to the
                # Latin that follows: ``أکaa``), only a Latin letter before
                # it is: the repair would turn two letters into one.
                if _is_arabic_letter_image(cont):
                    strong = ascii_before
                else:
                    strong = ascii_before or ascii_after
            else:
                # ``آ£`` is a pound sign, ``آ\xa0`` a no-break space; ``آ»`` may
                # be a word ending in alef madda, and a quote.  A spacing
                # modifier symbol (``آ¨``: ¨, ``آ´``: ´, ``آ¸``: ¸) is not
                # text that stands alone: alef madda before a symbol is no
                # more likely to be a broken one.
                strong = cont not in _ARABIC_AFTER_WORD and unicodedata.category(decoded) != "Sk"
        elif lead == kind.latin_leads[0] and cont in _AFTER_WORD and before.isascii() and before.isupper():
            # ``MISUTÂ\xa0``: a word-final capital Â (romaji, Romanian,
            # Vietnamese capitals) before a no-break space or punctuation
            strong = False
        elif lead == kind.latin_leads[1]:
            # ``Ã©`` is é, but ``IRMÃ»``, ``NÃO…``, ``XÃ\xa0NHƯ`` are
            # Portuguese or Vietnamese capitals before punctuation or a space.
            strong = cont not in _AFTER_WORD
        else:
            strong = True
    if not strong and consistent and len(seqs) == 1 and intact:
        strong = _inside_a_word(before, seqs[0], after) or _capital_after_lowercase(before, seqs[0])
    return _Run(start, end, decoded, strong, True, bool(intact) and _is_basic_arabic_letter(decoded))


_K1_LEAD_RE = re.compile(_K1_LEAD)


def _consistent(kind: Utf8Kind, line: str, lo: int, hi: int, matches: list[re.Match[str]]) -> bool:
    """Whether ``line[lo:hi]`` reads as UTF-8 through windows-1252 and
    nothing else: every non-ASCII character an image, every lead image the
    start of a sequence.  Only then do the weak signs below (a lone sequence
    inside a word, a capital after a lowercase letter) count as evidence;
    ``hĂ i ... má»›i`` (windows-1250) or ``ÄÆdomu ... VisÅ³`` (windows-1257)
    are other codecs' mojibake, where they would repair one word in ten."""
    if _NOT_K1_IMAGE_RE.search(line, lo, hi):
        return False
    leads = len(_K1_LEAD_RE.findall(line, lo, hi))
    return leads == sum(len(kind.seq.findall(m.group())) for m in matches)


def _ascii_letter(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def _inside_a_word(before: str, seq: str, after: str) -> bool:
    """A lone sequence with a symbol image in it glued between two ASCII
    letters (``RÄ«ga``, ``Tiáº¿ng``, ``aoÃ»t``, ``HÃ”TEL``): no language puts
    a quote, a superscript or an inverted question mark inside a word.  A
    no-break space counts only before a lowercase letter (``GÃ\xa0idhlig``;
    ``XÃ\xa0NH`` may be a Vietnamese capital and a word space)."""
    if not (_ascii_letter(before) and _ascii_letter(after)):
        return False
    if seq[1:] == "\xa0":
        return after.islower()
    return any(not c.isalpha() for c in seq[1:])


def _capital_after_lowercase(before: str, seq: str) -> bool:
    """A two-byte sequence whose lead image is a capital (``Å³``, ``Ã``)
    right after a lowercase ASCII letter (``LietuviÅ³``, ``voilÃ le``): no
    orthography puts a capital there."""
    return len(seq) == 2 and before.isascii() and before.islower() and seq[0].isupper()


def _entry(kind: Utf8Kind, text: str) -> str:
    codec = kind.codec
    if kind is UTF8_AS_CP1252 and not any(c in CP1252_SPECIALS for c in text):
        codec = "latin-1"
    return f"{codec}\u2192utf-8"


def utf8_edits(
    kind: Utf8Kind,
    line: str,
    spans: Sequence[tuple[int, int]],
    fixer: Fixer | None = None,
    refused: list[tuple[int, int]] | None = None,
) -> list[Edit]:
    """Edits repairing ``kind`` in the given spans of ``line`` (non-overlapping).

    With ``fixer`` (ftfy's encoding fixer), each stretch of a cluster accepted
    by the rules above (split at the runs the rules refused) is decoded by it;
    where it declines, the built-in decoding is used.  Detection stays ours:
    ftfy judges a string without its line, and accepts isolated pairs such
    as ``Ø±`` (a diameter and a tolerance in engineering text).

    Spans left alone because part of them is broken some other way (another
    codec's mojibake, a broken sequence glued to a run) are added to
    ``refused``: no other kind may repair part of them either.
    """
    edits: list[Edit] = []
    for lo, hi in spans:
        if kind.pair.search(line, lo, hi) is None:
            continue
        other, stranger, lead_before = (
            (_OTHER_CODEC, _NOT_K1_IMAGE_RE, _LEAD_BEFORE_NOT_K1)
            if kind is UTF8_AS_CP1252
            else (_OTHER_CODEC_K2, _NOT_K2_IMAGE_RE, _LEAD_BEFORE_NOT_K2)
        )
        if stranger.search(line, lo, hi) and (  # the first is a fast filter
            _signature_kept(other, line, lo, hi) or _lead_glued_to_a_stranger(lead_before, line, lo, hi)
        ):
            if refused is not None:
                refused.append((lo, hi))
            continue
        whole = _whole_span(kind, line, lo, hi, fixer)
        if whole is not None:
            edits.extend(whole)
            continue
        matches = list(kind.seqrun.finditer(line, lo, hi))
        consistent = kind is UTF8_AS_CP1252 and _consistent(kind, line, lo, hi, matches)
        runs = [_assess(kind, line, m, consistent) for m in matches]
        if not runs:
            continue
        if _half_a_word(line, runs):
            # all or nothing: repairing the runs accepted would leave half a word
            if refused is not None:
                refused.append((lo, hi))
            continue
        # a run refused on its own (``Ã `` before an Arabic letter) is no
        # second piece of evidence, nor is a lead image before a space (``Ã ``:
        # an à whose no-break space was lost, or a tab the whitespace step
        # makes a space): the one left is still a lone sequence
        weak_a0: list[_Run] = []
        ok: list[_Run] = []
        for r in runs:
            if r.ok:
                (weak_a0 if not r.strong and _lone_lost_a0(kind, line, r) else ok).append(r)
        if len(ok) == 1 and _lone_sequence_among_other_text(kind, line, lo, hi, ok[0], weak_a0):
            continue
        if any(r.broken for r in runs):
            # all or nothing: part of this span is broken in a way these
            # rules do not read, so none of it is repaired
            if refused is not None:
                refused.append((lo, hi))
            continue
        # group into clusters: runs separated by ASCII only
        cluster: list[_Run] = [runs[0]]
        for run in runs[1:]:
            if line[cluster[-1].end : run.start].isascii():
                cluster.append(run)
            else:
                edits.extend(_cluster_edits(kind, line, cluster, fixer))
                cluster = [run]
        edits.extend(_cluster_edits(kind, line, cluster, fixer))
    return edits


def _half_a_word(line: str, runs: list[_Run]) -> bool:
    """Whether a run accepted shares a word with a run refused on its own
    (``ÀÃ Ã©tÃ©â€”``: ``Ã Ã©`` is glued to ``À``, and repairing ``Ã©â€”``
    alone would leave half of ``Ã©tÃ©``).  ``runs`` in line order; runs
    share a word when only ASCII letters and digits lie between them."""
    k = 0
    n = len(runs)
    while k < n:
        j = k
        while j + 1 < n and _glued(line[runs[j].end : runs[j + 1].start]):
            j += 1
        word = runs[k : j + 1]
        if j > k and any(r.ok for r in word) and any(not r.ok and r.decoded is not None for r in word):
            return True
        k = j + 1
    return False


def _glued(gap: str) -> bool:
    return gap.isascii() and (not gap or gap.isalnum())


def _lone_lost_a0(kind: Utf8Kind, line: str, run: _Run) -> bool:
    text = line[run.start : run.end]
    return LOST_A0 in text and kind.seq.fullmatch(text) is not None


def _lone_sequence_among_other_text(
    kind: Utf8Kind, line: str, lo: int, hi: int, run: _Run, beside: Sequence[_Run] = ()
) -> bool:
    """One two-byte sequence is all the evidence, and the span also holds a
    non-ASCII character outside it (``Mccoy – DrÃ¥ber``): had the text been
    shown through the codec, that character would be a sequence too.  The
    span is not repaired (it is correct text, or another codec's).  The runs
    ``beside`` (weak ones that go with a repair but are no evidence) are
    neither evidence for nor against."""
    if run.end - run.start != 2 or kind.seq.fullmatch(line, run.start, run.end) is None:
        return False
    pos = lo
    for r in sorted((run, *beside), key=lambda r: r.start):
        if any(_is_codec_evidence(c) for c in line[pos : r.start]):
            return True
        pos = max(pos, r.end)
    return any(_is_codec_evidence(c) for c in line[pos:hi])


def _is_codec_evidence(c: str) -> bool:
    """Whether a non-ASCII character beside a lone sequence shows the line
    was not passed through the codec.  What a preset rewrites does not
    (:func:`_preset_rewrites`): a publishing layer adds such characters
    after the text is stored (smart quotes, ``&nbsp;``), and after the
    preset the same line would read differently (the repair must not depend
    on what a later step rewrites)."""
    return c >= "\x80" and c != LOSSY and not _preset_rewrites(c)


def _builtin_edit(kind: Utf8Kind, line: str, accepted: list[_Run]) -> Edit:
    start, end = accepted[0].start, accepted[-1].end
    parts: list[str] = []
    pos = start
    for r in accepted:
        parts.append(line[pos : r.start])
        parts.append(r.decoded or "")
        pos = r.end
    before = line[start:end]
    entry = _entry(kind, before)
    if any(LOST_A0 in line[r.start : r.end] for r in accepted):
        entry += " (lost A0 restored)"
    return (start, end, "".join(parts), (kind.rule,), (entry,))


def _cluster_edits(kind: Utf8Kind, line: str, cluster: list[_Run], fixer: Fixer | None) -> list[Edit]:
    # Evidence: a strong run, or two one-letter Arabic words (``Øª Ù…``).
    if not any(r.strong and r.ok for r in cluster) and sum(r.letter and r.ok for r in cluster) < 2:
        return []
    if fixer is None:
        return [_builtin_edit(kind, line, [r for r in cluster if r.ok])]
    edits: list[Edit] = []
    group: list[_Run] = []
    for r in cluster + [None]:  # type: ignore[list-item]
        if r is not None and r.ok:
            group.append(r)
            continue
        if group and any(LOST_A0 in line[g.start : g.end] for g in group):
            # our reading of a lost A0 (and of a lost A0 after Ã) for ftfy's
            edits.append(_builtin_edit(kind, line, group))
            group = []
        elif group:
            start, end = group[0].start, group[-1].end
            answer = fixer(line[start:end])
            if answer is not None and (plausible(answer[0]) or _is_layer(answer[0])):
                edits.append((start, end) + answer)
            else:
                edits.append(_builtin_edit(kind, line, group))
            group = []
    return edits


# --- fast path: a span that is broken through and through -------------------

# What a repaired span may hold for the fast path to trust it without the
# character-by-character checks: ASCII, latin-1, Latin Extended-A, Greek,
# Cyrillic, Hebrew letters, Arabic (without its number signs), general
# punctuation, the euro and trade mark signs, CJK, Hangul, Arabic
# presentation forms, emoji.  Anything else goes the slow way.
_SAFE = re.compile(
    "[\x00-\x7f\u00a0-\u017f\u0370-\u03ff\u0400-\u04ff\u05d0-\u05ea\u060c-\u061b"
    "\u061e-\u06ff\u2010-\u2027\u2030-\u205e\u20ac\u2122\u4e00-\u9fff\uac00-\ud7a3"
    "\ufb50-\ufdcf\ufe70-\ufefc\ufeff\U0001f300-\U0001faff]*"
)
_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
# an Arabic mark that does not follow a letter (or another mark)
_BAD_MARK = re.compile(f"(?:^|[^\\w{_MARKS}]|[0-9_\u0660-\u0669\u06f0-\u06f9])[{_MARKS}]")
_EVIDENCE = re.compile("[^\x00-\x7f]{2}|[\u2010-\u205e\u20ac\u2122\ufeff\U0001f300-\U0001faff]")
_NON_ASCII = re.compile("[^\x00-\x7f]")


def _c1_errors(exc: UnicodeError):  # type: ignore[no-untyped-def]
    """Encoding error handler: windows-1252 plus the C1 controls (latin-1's
    images of 0x80..0x9F), i.e. the sloppy windows-1252 of browsers."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    chunk = exc.object[exc.start : exc.end]
    if all("\x80" <= c <= "\x9f" for c in chunk):
        return bytes(ord(c) for c in chunk), exc.end
    raise exc


_C1_ERRORS = "nazif.mojibake.c1"
codecs.register_error(_C1_ERRORS, _c1_errors)


def _is_fast_layer(decoded: str) -> bool:
    """``decoded`` is itself UTF-8 shown through windows-1252 or -1256."""
    for codec, errors in (("cp1252", _C1_ERRORS), ("cp1256", "strict")):
        try:
            decoded.encode(codec, errors).decode("utf-8")
        except UnicodeError:
            continue
        return True
    return False


def _whole_span(kind: Utf8Kind, line: str, lo: int, hi: int, fixer: Fixer | None) -> list[Edit] | None:
    """The repair of ``line[lo:hi]`` when every non-ASCII character in it is an
    image and the whole decodes as UTF-8 to plainly good text: then every run
    is glued to ASCII only, and one edit covers them all.  ``None`` sends the
    span down the run-by-run path (which decides the same where both apply)."""
    seg = line[lo:hi]
    first = _NON_ASCII.search(seg)
    if first is None:
        return None
    last = len(seg) - _NON_ASCII.search(seg[::-1]).start()  # type: ignore[union-attr]  # first is not None
    core = seg[first.start() : last]
    try:
        if kind is UTF8_AS_CP1256:
            data = core.encode("cp1256")
        else:
            data = core.encode("cp1252", _C1_ERRORS)
        decoded = data.decode("utf-8")
    except UnicodeError:
        return None
    if _BAD_MARK.search(decoded) or _EVIDENCE.search(decoded) is None:
        return None
    if _SAFE.fullmatch(decoded) is None and not _is_fast_layer(decoded):
        return None
    start, end = lo + first.start(), lo + last
    if fixer is not None:
        answer = fixer(core)
        if answer is not None and (plausible(answer[0]) or _is_layer(answer[0])):
            return [(start, end) + answer]
    return [(start, end, decoded, (kind.rule,), (_entry(kind, core),))]


# --- a deeper layer decoded whole ---------------------------------------------

_LOST_BYTE = 0xFF  # stands for U+FFFD while decoding: never valid in UTF-8


def _lost_errors(exc: UnicodeError):  # type: ignore[no-untyped-def]
    """Decoding error handler: a sequence broken by a lost byte (U+FFFD in
    the mojibake) becomes one U+FFFD; any other error stays an error."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    data, start, end = exc.object, exc.start, exc.end
    if _LOST_BYTE in data[start:end]:
        return LOSSY, end
    if (end < len(data) and data[end] == _LOST_BYTE) or (start > 0 and data[start - 1] == _LOST_BYTE):
        return "", end
    raise exc


_LOST_ERRORS = "nazif.mojibake.lost"
codecs.register_error(_LOST_ERRORS, _lost_errors)


def _layer_ok(decoded: str) -> bool:
    """What a layer of text already known to be mojibake may decode to: real
    text, another layer, or any assigned characters (spacing modifiers and
    marks after punctuation are the stuff of kaomoji) but for controls."""
    if plausible(decoded) or _is_layer(decoded):
        return True
    return all(c in "\t" or unicodedata.category(c) not in ("Cc", "Cn", "Co", "Cs") for c in decoded)


def whole_layer_edit(
    line: str, lo: int, hi: int, kinds: Sequence[Utf8Kind] = (UTF8_AS_CP1252, UTF8_AS_CP1256)
) -> Edit | None:
    """The edit decoding ``line[lo:hi]`` (an earlier layer's output, maybe
    with ASCII around it) as UTF-8 shown through windows-1252/latin-1 or
    windows-1256 (``kinds``), when every byte of it decodes; else ``None``."""
    text = line[lo:hi]
    for kind in kinds:
        encode = kind.encode
        try:
            if kind.lossy and LOSSY in text:
                data = bytes(_LOST_BYTE if c == LOSSY else encode[c] for c in text)
                decoded = data.decode("utf-8", _LOST_ERRORS)
            else:
                decoded = utf8(bytes(encode[c] for c in text))
        except (KeyError, UnicodeDecodeError):
            continue
        if decoded != text and _layer_ok(decoded):
            return (lo, hi, decoded, (kind.rule,), (_entry(kind, text),))
    return None
