"""Generate ``src/nazif/arabic/_generated_tables.py`` from the Unicode database.

Run from the project root::

    python tools/gen_arabic_tables.py            # rewrite the file
    python tools/gen_arabic_tables.py --check    # exit 1 if it is out of date

What is derived, and how:

- presentation forms (U+FB50-U+FDFF, U+FE70-U+FEFE): every code point with a
  compatibility decomposition (``<isolated>``, ``<initial>``, ``<medial>``,
  ``<final>``) maps to the NFC of its decomposition mapping.  Forms whose
  mapping starts with U+0020 (isolated harakat such as U+FE70, and the
  shadda ligatures U+FC5E-U+FC63) are listed apart, as their marks alone.
  Ligatures kept by default are the phrase ligatures (mapping contains a
  space), the non-letters (the rial sign) and the Koranic stop signs.
- Arabic combining marks (category Mn in the Arabic blocks, Arabic
  Extended-C included) with their class for ``remove_diacritics``, chosen
  from the character name by ``nazif.arabic._marks.mark_class``.
- the characters of non-zero canonical combining class (all scripts), which
  NFC may reorder and compose across.
- Arabic joining types (dual and right joining) from the ``regex`` module's
  ``Joining_Type`` property (ArabicShaping.txt), restricted to the Arabic
  blocks.

The output depends on the Unicode version of the Python and of the ``regex``
module that run this script; the header of the generated file records it.
Both must be ``UNICODE_TARGET`` of ``nazif.scripts._generate`` (the one
version of all generated tables): run it with Python 3.13 and the ``tables``
extra (``pip install -e ".[tables]"``).
"""

from __future__ import annotations

import argparse
import difflib
import sys
import unicodedata
from collections.abc import Iterable
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "src" / "nazif" / "arabic" / "_generated_tables.py"
sys.path.insert(0, str(ROOT / "src"))

# The mark classes come from the rule the library also applies at import to
# the marks of a newer Unicode (nazif.arabic._marks): one rule, two users.
from nazif.arabic._marks import ARABIC_BLOCKS, QURANIC_RANGES, arabic_marks  # noqa: E402

PRESENTATION_RANGES = [(0xFB50, 0xFDFF), (0xFE70, 0xFEFE)]


def _cps(ranges: Iterable[tuple[int, int]]) -> Iterable[int]:
    for lo, hi in ranges:
        yield from range(lo, hi + 1)


def _esc(s: str) -> str:
    return '"' + "".join(f"\\u{ord(c):04x}" if ord(c) < 0x10000 else f"\\U{ord(c):08x}" for c in s) + '"'


def presentation_tables() -> tuple[dict[int, str], dict[int, str], list[int]]:
    fold: dict[int, str] = {}
    spacing: dict[int, str] = {}
    kept: list[int] = []
    for cp in _cps(PRESENTATION_RANGES):
        ch = chr(cp)
        decomp = unicodedata.decomposition(ch)
        if not decomp or not decomp.startswith("<"):
            continue
        tag, *hexes = decomp.split()
        assert tag in ("<isolated>", "<initial>", "<medial>", "<final>", "<compat>"), (hex(cp), tag)
        mapping = "".join(chr(int(h, 16)) for h in hexes)
        if mapping[0] == " ":
            marks = mapping[1:]
            assert all(unicodedata.category(m) == "Mn" for m in marks), hex(cp)
            spacing[cp] = unicodedata.normalize("NFC", marks)
            continue
        fold[cp] = unicodedata.normalize("NFC", mapping)
        name = unicodedata.name(ch)
        if " " in mapping or unicodedata.category(ch) != "Lo" or "KORANIC STOP SIGN" in name:
            kept.append(cp)
    return fold, spacing, kept


def quranic_spacing_letters() -> list[int]:
    """Spacing small letters of Quranic orthography (category Lm in the Quranic ranges)."""
    return [cp for cp in _cps(QURANIC_RANGES) if unicodedata.category(chr(cp)) == "Lm"]


def joining(kind: str) -> list[int]:
    pat = regex.compile(rf"\p{{Joining_Type={kind}}}")
    return [
        cp
        for cp in _cps(ARABIC_BLOCKS)
        if unicodedata.category(chr(cp)).startswith("L") and cp != 0x0640 and pat.match(chr(cp))
    ]


def ranges(cps: Iterable[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for cp in sorted(cps):
        if out and out[-1][1] == cp - 1:
            out[-1] = (out[-1][0], cp)
        else:
            out.append((cp, cp))
    return out


def _ranges_src(name: str, cps: Iterable[int], doc: str) -> list[str]:
    lines = [f"# {doc}", f"{name}: Tuple[Tuple[int, int], ...] = ("]
    for lo, hi in ranges(cps):
        label = unicodedata.name(chr(lo), "?")
        if hi != lo:
            label += " .. " + unicodedata.name(chr(hi), "?")
        lines.append(f"    (0x{lo:04X}, 0x{hi:04X}),  # {label}")
    lines.append(")")
    lines.append("")
    return lines


def render() -> str:
    fold, spacing, kept = presentation_tables()
    marks = arabic_marks()
    lines = [
        '"""Arabic character tables derived from the Unicode database. GENERATED: do not edit.',
        "",
        "Regenerate with ``python tools/gen_arabic_tables.py`` (see that script for",
        "how each table is derived).",
        '"""',
        "",
        "# fmt: off",
        "from typing import Dict, Tuple",
        "",
        f'UNICODE_VERSION = "{unicodedata.unidata_version}"',
        "",
        "# Presentation form -> NFC of its compatibility decomposition mapping.",
        "PRESENTATION_FOLD: Dict[int, str] = {",
    ]
    for cp, rep in fold.items():
        lines.append(f"    0x{cp:04X}: {_esc(rep)},  # {unicodedata.name(chr(cp))}")
    lines += [
        "}",
        "",
        "# Presentation forms of marks whose decomposition is SPACE + marks -> the marks.",
        "SPACING_MARK_FORMS: Dict[int, str] = {",
    ]
    for cp, rep in spacing.items():
        lines.append(f"    0x{cp:04X}: {_esc(rep)},  # {unicodedata.name(chr(cp))}")
    lines += [
        "}",
        "",
        "# Ligatures kept by fold_presentation_forms(keep_ligatures=True): phrases,",
        "# non-letters (the rial sign) and Koranic stop signs.",
        "KEPT_LIGATURES: Tuple[int, ...] = (",
    ]
    for cp in kept:
        lines.append(f"    0x{cp:04X},  # {unicodedata.name(chr(cp))}")
    lines += [
        ")",
        "",
        "# Arabic combining marks (category Mn) -> class used by remove_diacritics.",
        '# "hamza" marks are never removed; MADDAH ABOVE ("madda") only where it is not part of an alef.',
        "MARK_CLASSES: Dict[int, str] = {",
    ]
    for cp, cls in marks.items():
        lines.append(f'    0x{cp:04X}: "{cls}",  # {unicodedata.name(chr(cp))}')
    lines += ["}", ""]
    lines += _ranges_src(
        "QURANIC_SMALL_LETTERS",
        quranic_spacing_letters(),
        "Spacing small letters of Quranic orthography (category Lm).",
    )
    lines += _ranges_src(
        "DUAL_JOINING",
        joining("Dual_Joining"),
        "Arabic letters of Joining_Type=Dual_Joining (join on both sides).",
    )
    lines += _ranges_src(
        "RIGHT_JOINING",
        joining("Right_Joining"),
        "Arabic letters of Joining_Type=Right_Joining (join to the preceding letter only).",
    )
    lines += _ranges_src(
        "NONZERO_CCC",
        [cp for cp in range(0x110000) if unicodedata.combining(chr(cp))],
        "Characters of non-zero canonical combining class (NFC reorders them).",
    )
    lines.append("# fmt: on")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed file differs")
    args = parser.parse_args(argv)
    from nazif.scripts._generate import check_unicode_version, regex_unicode_version

    # Joining types come from regex, the rest from unicodedata: both must be on the one version.
    check_unicode_version(unicodedata.unidata_version, "this Python's unicodedata")
    check_unicode_version(regex_unicode_version(), "the installed regex module")
    new = render()
    if args.check:
        old = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if old != new:
            sys.stdout.writelines(
                difflib.unified_diff(old.splitlines(True), new.splitlines(True), str(TARGET), "regenerated")
            )
            return 1
        return 0
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(new, encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)} (Unicode {unicodedata.unidata_version})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
