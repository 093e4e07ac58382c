"""Regenerate ``_scx_table.py`` from the ``regex`` module's Unicode data.

Run ``python -m nazif.scripts._generate`` after upgrading ``regex`` to a
version with a newer Unicode database; the hot path never calls ``regex``,
it uses plain ``re`` character classes built from the generated table.

The labelling rule (also in ``docs/scripts.md``) for a character ``c`` with
Script_Extensions ``scx(c)``:

1. White_Space or Bidi_Control  -> ``neutral`` (U+202F NARROW NO-BREAK SPACE
   lists Latin and Mongolian, U+061C ARABIC LETTER MARK lists Arabic, but
   neither is evidence of a script);
2. Arabic in scx                -> ``arabic`` (so U+060C, U+061F, U+0640,
   the harakat, Arabic-Indic digits);
3. Latin in scx                 -> ``latin`` if Latin is its only script or
   ``c`` is a combining mark; ``neutral`` otherwise (U+00B7 MIDDLE DOT,
   U+02BC MODIFIER LETTER APOSTROPHE and the other punctuation, modifier
   letters and symbols that Latin shares with other scripts);
4. scx = {Inherited}            -> ``inherited`` (attaches to the preceding
   character's run);
5. scx = {Common} or {Unknown}  -> ``neutral``;
6. one other script             -> that script's lowercase long name
   (``cyrillic``, ``han``, ``old_italic``);
7. several other scripts        -> ``inherited`` for marks, ``neutral`` for
   the rest (shared punctuation such as U+0964 DEVANAGARI DANDA).

Combining marks whose scx lists several scripts including Arabic or Latin
are recorded in ``SHARED_MARKS`` with their full scx, so segmentation can
attach them to a preceding run of any script they list (Greek + U+0301).
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

# Unicode long script names that contain underscores (PropertyValueAliases.txt);
# every other script's name is its single-word long name, lowercased.
_MULTIWORD = (
    "Anatolian_Hieroglyphs",
    "Bassa_Vah",
    "Beria_Erfe",
    "Canadian_Aboriginal",
    "Caucasian_Albanian",
    "Cypro_Minoan",
    "Dives_Akuru",
    "Egyptian_Hieroglyphs",
    "Gunjala_Gondi",
    "Gurung_Khema",
    "Hanifi_Rohingya",
    "Imperial_Aramaic",
    "Inscriptional_Pahlavi",
    "Inscriptional_Parthian",
    "Katakana_Or_Hiragana",
    "Kayah_Li",
    "Khitan_Small_Script",
    "Kirat_Rai",
    "Linear_A",
    "Linear_B",
    "Masaram_Gondi",
    "Meetei_Mayek",
    "Mende_Kikakui",
    "Meroitic_Cursive",
    "Meroitic_Hieroglyphs",
    "Nag_Mundari",
    "New_Tai_Lue",
    "Nyiakeng_Puachue_Hmong",
    "Ol_Chiki",
    "Ol_Onal",
    "Old_Hungarian",
    "Old_Italic",
    "Old_North_Arabian",
    "Old_Permic",
    "Old_Persian",
    "Old_Sogdian",
    "Old_South_Arabian",
    "Old_Turkic",
    "Old_Uyghur",
    "Pahawh_Hmong",
    "Pau_Cin_Hau",
    "Phags_Pa",
    "Proto_Cuneiform",
    "Psalter_Pahlavi",
    "Sora_Sompeng",
    "Syloti_Nagri",
    "Tai_Le",
    "Tai_Tham",
    "Tai_Viet",
    "Tai_Yo",
    "Tolong_Siki",
    "Tulu_Tigalari",
    "Warang_Citi",
    "Zanabazar_Square",
)

# Characters first assigned in a given Unicode version, to tell which
# database the installed ``regex`` carries.
_VERSION_PROBES = (
    ("13.0", 0x08BE),
    ("14.0", 0x061D),
    ("15.0", 0x10EFD),
    ("15.1", 0x2FFC),
    ("16.0", 0x10D40),
    ("17.0", 0x20C1),
)


# The one Unicode version of every generated table (this module's _scx_table.py and
# nazif/arabic/_generated_tables.py). Both generators refuse to run on another one:
# Python 3.13 (unicodedata 15.1.0) with regex 2023.12.25 (the `tables` extra) has it.
UNICODE_TARGET = "15.1"


def check_unicode_version(version: str, source: str) -> None:
    """Exit with a message unless ``version`` (``"15.1"`` or ``"15.1.0"``) is ``UNICODE_TARGET``."""
    if ".".join(version.split(".")[:2]) != UNICODE_TARGET:
        sys.exit(
            f"{source} has Unicode {version}; the tables are generated from Unicode {UNICODE_TARGET}"
            " (Python 3.13 with the `tables` extra: pip install -e '.[tables]')"
        )


def regex_unicode_version() -> str:
    """The Unicode version of the installed ``regex`` module's database."""
    import regex

    found = "unknown"
    for version, cp in _VERSION_PROBES:
        if regex.match(r"\P{Cn}", chr(cp)):
            found = version
    return found


def _script_names() -> dict[str, str]:
    """Normalized regex property value -> Unicode long name (with underscores)."""
    from regex import _regex_core

    _, values = _regex_core.PROPERTIES["SCRIPTEXTENSIONS"]
    by_id: dict[int, list[str]] = {}
    for alias, value_id in values.items():
        by_id.setdefault(value_id, []).append(alias)
    proper = {name.replace("_", "").upper(): name for name in _MULTIWORD}
    names: dict[str, str] = {}
    for aliases in by_id.values():
        # the long name: the longest alias that is not a four-letter ISO 15924
        # code (HAN beside HANI, NKO beside NKOO), else the only one (THAI)
        not_codes = [a for a in aliases if len(a) != 4]
        long_name = max(not_codes or aliases, key=len)
        names[long_name] = proper.get(long_name, long_name.capitalize())
    return names


def compute_scx() -> dict[int, set[str]]:
    """Script_Extensions of every code point (long names), from ``regex``."""
    import regex

    everything = "".join(chr(cp) for cp in range(0x110000) if not 0xD800 <= cp < 0xE000)

    def cp_at(i: int) -> int:
        return i if i < 0xD800 else i + 0x800

    scx: dict[int, set[str]] = {}
    for normalized, name in _script_names().items():
        for m in regex.finditer(rf"\p{{scx={normalized}}}+", everything):
            for i in range(m.start(), m.end()):
                scx.setdefault(cp_at(i), set()).add(name)
    return scx


def label_of(cp: int, scripts: set[str], gc_major: str, space_or_bidi: bool) -> str:
    """The label of one code point by the rule in the module docstring."""
    if space_or_bidi:
        return "neutral"
    if "Arabic" in scripts:
        return "arabic"
    if "Latin" in scripts:
        return "latin" if scripts == {"Latin"} or gc_major == "M" else "neutral"
    if scripts == {"Inherited"}:
        return "inherited"
    if not scripts or scripts <= {"Common", "Unknown"}:
        return "neutral"
    if len(scripts) == 1:
        return next(iter(scripts)).lower()
    return "inherited" if gc_major == "M" else "neutral"


def build() -> tuple[list[tuple[int, int, str]], dict[int, tuple[str, ...]]]:
    """``(ranges, shared_marks)``: non-neutral label ranges and shared marks."""
    import regex

    scx = compute_scx()
    ranges: list[tuple[int, int, str]] = []
    shared: dict[int, tuple[str, ...]] = {}
    space_or_bidi = regex.compile(r"[\p{White_Space}\p{Bidi_Control}]")
    gc_patterns = [(major, regex.compile(rf"\p{{{major}}}")) for major in "LMNPSZC"]
    for cp in range(0x110000):
        if 0xD800 <= cp < 0xE000:
            continue
        ch = chr(cp)
        scripts = scx.get(cp, {"Unknown"})
        if scripts <= {"Common", "Unknown"}:
            continue  # neutral, the default: skip the slower checks
        gc_major = next((major for major, pat in gc_patterns if pat.match(ch)), "C")
        label = label_of(cp, scripts, gc_major, bool(space_or_bidi.match(ch)))
        if gc_major == "M" and len(scripts) > 1 and ({"Arabic", "Latin"} & scripts):
            shared[cp] = tuple(sorted(s.lower() for s in scripts))
        if label == "neutral":
            continue
        if ranges and ranges[-1][1] == cp - 1 and ranges[-1][2] == label:
            ranges[-1] = (ranges[-1][0], cp, label)
        else:
            ranges.append((cp, cp, label))
    return ranges, shared


def render(ranges: list[tuple[int, int, str]], shared: dict[int, tuple[str, ...]], version: str) -> str:
    labels = sorted({label for _, _, label in ranges})
    out = [
        '"""Script labels of code points (generated by ``python -m nazif.scripts._generate``; do not edit).',
        "",
        "Derived from the Script_Extensions property of the Unicode database carried by",
        "the ``regex`` module, by the rule documented in ``_generate.py``.  Code points",
        "not listed are ``neutral``.",
        '"""',
        "",
        f'UNICODE_VERSION = "{version}"',
        "",
        "LABELS = (",
        *textwrap.wrap(
            " ".join(f"{label!r}," for label in labels), 92, initial_indent="    ", subsequent_indent="    "
        ),
        ")",
        "",
        "# (first, last, index into LABELS), sorted, inclusive, non-overlapping",
        "RANGES = (",
    ]
    index = {label: i for i, label in enumerate(labels)}
    for first, last, label in ranges:
        out.append(f"    (0x{first:04X}, 0x{last:04X}, {index[label]}),")
    out.append(")")
    out.append("")
    out.append("# combining marks shared by several scripts, one of them Arabic or Latin: their scx")
    out.append("SHARED_MARKS = {")
    for cp in sorted(shared):
        out.append(f"    0x{cp:04X}: {shared[cp]!r},")
    out.append("}")
    out.append("")
    return "\n".join(out)


def main() -> None:
    version = regex_unicode_version()
    check_unicode_version(version, "the installed regex module")
    ranges, shared = build()
    target = Path(__file__).with_name("_scx_table.py")
    target.write_text(render(ranges, shared, version), encoding="utf-8")
    print(
        f"wrote {target.name}: Unicode {version}, {len(ranges)} ranges, {len(shared)} shared marks",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
