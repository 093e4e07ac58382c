"""Repair mojibake: text whose bytes were decoded with the wrong codec.

The step :func:`repair_mojibake` repairs, run by run and line by line, the
kinds that Arabic and English news sites produce:

==========================  ==============================  =================
rule                        what the scraper stored         repaired to
==========================  ==============================  =================
``utf8-as-cp1252``          ``Ø§Ù„Ø¹Ø±Ø¨ÙŠØ©``, ``â€œHiâ€``   ``العربية``, ``“Hi”``
``utf8-as-cp1256``          ``ط§ظ„ط¹ط±ط¨ظٹط©``                ``العربية``
``cp1256-as-latin1``        ``ÇáÚÑÈíÉ``                      ``العربية``
``double-utf8-as-cp1252``   ``Ã˜Â§Ã™â€ž``                    ``ال``
==========================  ==============================  =================

(and any other layering of those, named like ``utf8-as-cp1252+utf8-as-cp1256``).

The first kind (UTF-8 read as windows-1252 or latin-1) is repaired by
`ftfy <https://pypi.org/project/ftfy/>`_'s encoding fixer when ftfy is
installed (``pip install nazif[ftfy]``) and ``use_ftfy`` is true, and by the
built-in repair otherwise; the windows-1256 kinds, which ftfy does not know,
are always built in.  See ``docs/repair.md``.

>>> repair_mojibake("Ø§Ù„Ø¹Ø±Ø¨ÙŠØ©")
'العربية'
>>> repair_mojibake("ط§ظ„ط¹ط±ط¨ظٹط©")
'العربية'
>>> repair_mojibake("ÇáÚÑÈíÉ ÇáÝÕÍì")
'العربية الفصحى'
>>> repair_mojibake("café, Ørsted, النفط، «ÑANDÚ»")
'café, Ørsted, النفط، «ÑANDÚ»'
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache
from types import ModuleType

from .._charclass import code_point_class
from ..steps import Change, attach_tracer, step
from ..tables.invisibles import ARABIC_LETTERS, CONTROLS, INVISIBLE_FORMAT
from ..tables.spaces import LINE_BREAK_CHARS
from ._cp1256 import C1_SIGNATURE, K3_SIGNATURE, c1_edits, cp1256_edits
from ._utf8 import (
    K1_SIGNATURE,
    K2_RARE_CONT,
    K2_SIGNATURE,
    UTF8_AS_CP1252,
    UTF8_AS_CP1256,
    Edit,
    Fixer,
    utf8_edits,
    whole_layer_edit,
)
from .tables import CP1256, SLOPPY_1252, char_class

__all__ = ["KINDS", "ftfy_available", "repair_mojibake", "trace_repair_mojibake"]

#: The rules a :class:`~nazif.steps.Change` of this step can carry (layered
#: repairs join them: ``double-utf8-as-cp1252``, ``utf8-as-cp1252+utf8-as-cp1256``).
KINDS = ("utf8-as-cp1252", "utf8-as-cp1256", "cp1256-as-latin1", "cp1252-as-latin1")

# The presence scan.  One character class finds every place where a kind
# could start: a latin-1 letter (the lead of a windows-1252 sequence, a
# letter of windows-1256 read as latin-1) or a windows-1256 continuation image
# that clean Arabic rarely has (not the Arabic comma, guillemets, no-break
# space ...).  Each hit is then checked against the exact signatures in a
# few characters around it; only lines with a real signature are analysed.
# Clean text of any language is scanned at the speed of one class search.
_SIGNATURE = re.compile(f"{K1_SIGNATURE}|{K2_SIGNATURE}|{K3_SIGNATURE}|{C1_SIGNATURE}")
_K2_ONLY = re.compile(char_class(set(CP1256) - set(SLOPPY_1252)))
_CANDIDATE = re.compile(K2_RARE_CONT[:-1] + C1_SIGNATURE[1:-1] + "\u00c0-\u00ff]")

# Layers of mis-decoding repaired at most per line.  Each layer of the UTF-8
# kinds shortens the line and the windows-1256 kind cannot follow itself, so
# real text never comes near this.
_MAX_ROUNDS = 8

_FTFY_ENCODINGS = {
    "latin-1": "latin-1",
    "sloppy-windows-1252": "windows-1252",
    "windows-1252": "windows-1252",
}


@lru_cache(maxsize=1)
def _ftfy() -> ModuleType | None:
    try:
        import ftfy
        from ftfy import TextFixerConfig  # noqa: F401  (ftfy >= 6 API, required)
    except Exception:  # ImportError, or a broken install
        return None
    return ftfy


def ftfy_available() -> bool:
    """Whether ftfy can be imported (then ``use_ftfy=True`` uses it).

    >>> isinstance(ftfy_available(), bool)
    True
    """
    return _ftfy() is not None


@lru_cache(maxsize=1)
def _ftfy_config():  # type: ignore[no-untyped-def]
    ftfy = _ftfy()
    assert ftfy is not None
    # Only the encoding fixer: no quote uncurling, no HTML, no width folding.
    return ftfy.TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_c1_controls=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_surrogates=False,
        remove_control_chars=False,
        normalization=None,
        explain=True,
    )


def _ftfy_fix(region: str) -> tuple[str, tuple[str, ...], tuple[str, ...]] | None:
    """ftfy's reading of one cluster, ``(fixed, rules, entries)``, or ``None``.

    Only a single layer is taken (encode as latin-1 or windows-1252, maybe
    restore a lost ``A0`` byte or mark a lost one, decode as UTF-8): deeper
    layers are left to the next round, where the windows-1256 detectors get
    their turn too (ftfy would read a windows-1256 layer as something else).
    """
    ftfy = _ftfy()
    if ftfy is None:  # pragma: no cover - callers check first
        return None
    try:
        fixed, plan = ftfy.fix_encoding_and_explain(region, _ftfy_config())
    except Exception:  # ftfy must never make the step raise
        return None
    if fixed == region or not plan or len(plan) < 2:
        return None
    first, *middle, last = plan
    if first[0] != "encode" or first[1] not in _FTFY_ENCODINGS:
        return None
    if last[0] != "decode" or last[1] not in ("utf-8", "utf-8-variants"):
        return None
    if any(step[0] != "transcode" for step in middle):
        return None
    extra = f" ({', '.join(step[1] for step in middle)})" if middle else ""
    entry = f"{_FTFY_ENCODINGS[first[1]]}\u2192{last[1]}{extra} [ftfy]"
    return fixed, (UTF8_AS_CP1252.rule,), (entry,)


def _complement(lo: int, hi: int, edits: list[Edit]) -> list[tuple[int, int]]:
    gaps: list[tuple[int, int]] = []
    pos = lo
    for start, end, *_ in sorted(edits):
        if start > pos:
            gaps.append((pos, start))
        pos = max(pos, end)
    if pos < hi:
        gaps.append((pos, hi))
    return gaps


def _weight(line: str, edit: Edit) -> int:
    # how many non-ASCII characters the reading explains (glue is ASCII)
    return sum(1 for c in line[edit[0] : edit[1]] if c >= "\x80")


def _round(line: str, fixer: Fixer | None) -> list[Edit]:
    """One layer: the two UTF-8 readings, where they compete for the same
    characters the one explaining more of them (``ط§ï»¹ط´`` is windows-1256
    although ``ï»¹`` alone reads as windows-1252 too), then windows-1256 read
    as latin-1 on what is left."""
    whole = [(0, len(line))]
    refused: list[tuple[int, int]] = []
    k1 = utf8_edits(UTF8_AS_CP1252, line, whole, fixer, refused)
    if refused and _K2_ONLY.search(line) is None:
        # all or nothing: a line windows-1252 found broken some other way is
        # not repaired in part by the other kinds either (unless it holds
        # what only windows-1256 shows: then it may be windows-1256's)
        return []
    refused.clear()
    if k1 and _K2_ONLY.search(line) is None:
        # nothing here that windows-1252 cannot show: windows-1256 cannot
        # explain more than it did
        k2: list[Edit] = utf8_edits(UTF8_AS_CP1256, line, _complement(0, len(line), k1), None, refused)
    else:
        k2 = utf8_edits(UTF8_AS_CP1256, line, whole, None, refused)
    if refused:
        return []
    if k1 and k2:
        ranked = sorted(k1 + k2, key=lambda e: -_weight(line, e))
        edits: list[Edit] = []
        for e in ranked:
            if all(e[1] <= f[0] or f[1] <= e[0] for f in edits):
                edits.append(e)
    else:
        edits = k1 + k2
    edits += cp1256_edits(line, _complement(0, len(line), edits))
    if not edits:
        edits = c1_edits(line, [(0, len(line))])
    edits.sort()
    return edits


# A segment of a line being repaired: [orig_start, orig_end, current_text,
# rules or None (unchanged), entries or None].
_Seg = list


def _apply(segs: list[_Seg], edits: list[Edit], current: str) -> list[_Seg]:
    """Apply ``edits`` (sorted, offsets in ``current``) to the segments of a
    line.  An edit touching a segment changed by an earlier layer absorbs it
    whole, so every changed segment maps one span of the original line to
    its repaired text, and the rules of the layers pile up in order."""
    cstart: list[int] = []
    pos = 0
    for seg in segs:
        cstart.append(pos)
        pos += len(seg[2])

    def seg_at(p: int) -> int:
        return bisect_right(cstart, p) - 1

    def to_orig(p: int) -> int:
        if p >= len(current):
            return segs[-1][1]
        i = seg_at(p)
        return segs[i][0] + (p - cstart[i] if segs[i][3] is None else 0)

    groups: list[list] = []  # [a, b, [edits]] in current offsets
    for e in edits:
        a, b = e[0], e[1]
        i = seg_at(a)
        if segs[i][3] is not None:
            a = cstart[i]
        j = seg_at(b - 1)
        if segs[j][3] is not None:
            b = cstart[j] + len(segs[j][2])
        if groups and a < groups[-1][1]:
            groups[-1][1] = max(groups[-1][1], b)
            groups[-1][2].append(e)
        else:
            groups.append([a, b, [e]])

    out: list[_Seg] = []

    def emit(p: int, q: int) -> None:
        if p >= q:
            return
        for i in range(seg_at(p), len(segs)):
            cs = cstart[i]
            if cs >= q:
                break
            seg = segs[i]
            if seg[3] is not None:
                out.append(seg)
                continue
            lo, hi = max(p, cs), min(q, cs + len(seg[2]))
            if lo < hi:
                out.append([seg[0] + lo - cs, seg[0] + hi - cs, seg[2][lo - cs : hi - cs], None, None])

    done = 0
    for a, b, group in groups:
        emit(done, a)
        best_rules: tuple[str, ...] = ()
        best_entries: tuple[str, ...] = ()
        for i in range(seg_at(a), len(segs)):
            if cstart[i] >= b:
                break
            if segs[i][3] is not None and len(segs[i][3]) > len(best_rules):
                best_rules, best_entries = segs[i][3], segs[i][4]
        parts: list[str] = []
        p = a
        new_rules: tuple[str, ...] = ()
        new_entries: tuple[str, ...] = ()
        for start, end, new, rules, entries in group:
            parts.append(current[p:start])
            parts.append(new)
            p = end
            if len(rules) > len(new_rules):
                new_rules, new_entries = rules, entries
        parts.append(current[p:b])
        out.append(
            [to_orig(a), to_orig(b), "".join(parts), best_rules + new_rules, best_entries + new_entries]
        )
        done = b
    emit(done, len(current))
    return out


def _rule_name(rules: tuple[str, ...]) -> str:
    if len(set(rules)) == 1 and len(rules) > 1:
        prefix = {2: "double", 3: "triple"}.get(len(rules), f"{len(rules)}x")
        return f"{prefix}-{rules[0]}"
    return "+".join(rules)


def _whole_layers(current: str, segs: list[_Seg], edits: list[Edit], fresh: set[int]) -> list[Edit]:
    """All or nothing for a deeper layer: where this round's edits touch a
    segment an earlier layer produced, the segment and those edits are
    decoded as one when every byte of them decodes, so that no part of the
    layer is left behind (``â”’(âŒ£Ë›âŒ£)`` with ``Ë›`` refused alone).
    Otherwise the edits stay as found.  A segment the last round produced
    (``fresh``) that no edit touches is decoded whole through windows-1252
    when every byte of it decodes: the layer below it, which the run rules
    may refuse piece by piece (``â€¢Ì€`` is a bullet and a combining grave
    after it, as kaomoji have)."""
    out: list[Edit] = []
    k = 0  # edits before k end at or before the current segment (both sorted)
    covered = 0  # the whole-layer edits so far end here
    pos = 0
    for seg in segs:
        a, b = pos, pos + len(seg[2])
        pos = b
        while k < len(edits) and edits[k][1] <= a:
            out.append(edits[k])
            k += 1
        if seg[3] is None or a < covered:
            continue
        j = k
        while j < len(edits) and edits[j][0] < b:
            j += 1
        touching = edits[k:j]
        if not touching:
            if id(seg) in fresh:
                layer = whole_layer_edit(current, a, b, (UTF8_AS_CP1252,))
                if layer is not None:
                    out.append(layer)
                    covered = layer[1]
            continue
        lo, hi = min(a, touching[0][0]), max(b, touching[-1][1])
        whole = whole_layer_edit(current, lo, hi)
        if whole is not None:
            out.append(whole)
            covered = whole[1]
            k = j
    out.extend(edits[k:])
    out.sort()
    return out


def _repair_line(line: str, fixer: Fixer | None) -> tuple[str, list[_Seg]]:
    segs: list[_Seg] = [[0, len(line), line, None, None]]
    current = line
    fresh: set[int] = set()  # ids of the segments the last round produced
    for layer in range(_MAX_ROUNDS):
        edits = _round(current, fixer)
        if layer:
            edits = _whole_layers(current, segs, edits, fresh)
        if not edits:
            break
        old = {id(seg) for seg in segs}
        segs = _apply(segs, edits, current)
        fresh = {id(seg) for seg in segs} - old
        current = "".join(s[2] for s in segs)
    return current, segs


def _fixer(use_ftfy: bool) -> Fixer | None:
    return _ftfy_fix if use_ftfy and _ftfy() is not None else None


# The line breaks that end the lines repaired one by one: those that
# normalize_whitespace turns into "\n" (tables.spaces.LINE_BREAK_CHARS), so
# that a line judged here is not split into lines judged differently by the
# next run ("Ã©\rء": the Arabic letter is another line's).  NEL (U+0085) only
# where it cannot be a byte: it is also the latin-1 image of the continuation
# byte 0x85 ("Ã\x85" is Å) and of windows-1252's "…" among other C1 controls
# ("quotes\x85\x94" is "quotes…”"), so not right after the image of another
# byte of 0x80..0xFF, nor right before a C1 control.  (A NEL before a C1
# control on a line left alone for another codec's signature still becomes a
# line break in the preset; the next run may then judge the two halves apart.)
_LINE_BREAKS = tuple(c for c in LINE_BREAK_CHARS if c != "\x85")
_BYTE_IMAGES = frozenset({chr(b) for b in range(0x80, 0x100)} | {c for c in SLOPPY_1252 if c > "\xff"})
_NEL_BREAK = re.compile(f"(?<!{char_class(_BYTE_IMAGES)})\x85(?![\x80-\x9f])")
_LINE_BREAK = re.compile(f"{char_class(_LINE_BREAKS)}|{_NEL_BREAK.pattern}")


def _last_nel_break(text: str, lo: int, hi: int) -> int:
    """The index of the last NEL of ``text[lo:hi]`` that ends a line, or -1."""
    j = text.rfind("\x85", lo, hi)
    while j >= 0 and _NEL_BREAK.match(text, j) is None:
        j = text.rfind("\x85", lo, j)
    return j


def _flagged_lines(text: str):  # -> Iterator[Tuple[int, int]]
    """``(start, end)`` of each line holding a signature of some kind."""
    pos = 0
    line_start = 0  # the start of the line that holds text[pos]
    n = len(text)
    search = _CANDIDATE.search
    check = _SIGNATURE.search
    next_break = _LINE_BREAK.search
    while pos < n:
        m = search(text, pos)
        if m is None:
            return
        i = m.start()
        # the last break in text[pos:i] (each stretch is looked at once)
        line_start = max(
            line_start,
            _last_nel_break(text, pos, i) + 1,
            *(text.rfind(c, pos, i) + 1 for c in _LINE_BREAKS),
        )
        if check(text, max(0, i - 3), i + 4) is None:
            pos = i + 1
            continue
        brk = next_break(text, i)
        end = n if brk is None else brk.start()
        yield line_start, end
        pos = line_start = end + 1


def _run(text: str, use_ftfy: bool, trace: bool) -> tuple[str, list[Change]]:
    changes: list[Change] = []
    parts: list[str] = []
    done = 0  # text[:done] is handled
    line_no = 0
    counted = 0  # line_no is the index of the line that starts at `counted`
    fixer: Fixer | None = None
    first = True
    for start, end in _flagged_lines(text):
        if first:
            fixer = _fixer(use_ftfy)
            first = False
        line = text[start:end]
        new, segs = _repair_line(line, fixer)
        if new == line:
            continue
        parts.append(text[done:start])
        parts.append(new)
        done = end
        if trace:
            line_no += text.count("\n", counted, start)
            counted = start
            for o_start, o_end, seg_text, rules, entries in segs:
                if rules is not None:
                    changes.append(
                        Change(
                            start + o_start,
                            start + o_end,
                            line[o_start:o_end],
                            seg_text,
                            rule=_rule_name(rules),
                            entry=" then ".join(entries),
                            line=line_no,
                        )
                    )
    if not parts:
        return text, changes
    parts.append(text[done:])
    return "".join(parts), changes


# --- seeing through what other steps delete or fold ----------------------------

# Invisibles that ``remove_invisibles`` deletes and that are no byte's image
# in the codecs repaired here (the C1 controls, SOFT HYPHEN, LRM, RLM, ZWNJ
# and ZWJ are: ``Ã\xad`` is í): inside a run of mojibake they only hide it
# (``cafÃ\u200b©``), so the repair reads the text without them.
_SEE_THROUGH = frozenset(
    c for c in (*INVISIBLE_FORMAT, *CONTROLS) if not ("\x80" <= c <= "\x9f") and c not in "\xad\u200e\u200f"
)


def _form_letters() -> dict[str, str]:
    # Arabic presentation forms of one letter, read as that letter (what
    # ``fold_presentation_forms`` will make of them): ``ﻁ§`` is ``ط§``.
    out: dict[str, str] = {}
    for lo, hi in ((0xFB50, 0xFDFF), (0xFE70, 0xFEFE)):
        for cp in range(lo, hi + 1):
            c = chr(cp)
            folded = unicodedata.normalize("NFKC", c)
            if len(folded) == 1 and "\u0620" <= folded <= "\u06ff" and unicodedata.category(folded) == "Lo":
                out[c] = folded
    return out


_FORM_LETTERS = _form_letters()
# A ZWNJ is windows-1256's image of 0x9D, but where ``remove_invisibles``
# deletes it outright (not before an Arabic letter) and it follows no image
# of a windows-1256 byte of 0x80..0xFF (no sequence it could end), it only
# hides: ``Ã\u200c `` is the ``Ã `` of an à whose no-break space was lost.
_HIDING_ZWNJ = (
    f"(?<![{code_point_class(ord(c) for c in CP1256[0x80:] if c > '~')}])"
    f"\u200c(?![{code_point_class(ord(c) for c in ARABIC_LETTERS)}])"
)
_HIDING = re.compile(
    "["
    + "".join(re.escape(c) for c in sorted(_SEE_THROUGH))
    + "]+|["
    + "".join(re.escape(c) for c in sorted(_FORM_LETTERS))
    + "]|"
    + _HIDING_ZWNJ
)
# Its presence test as one character class: a top-level alternation makes
# ``re`` try both branches at every position (about 16 MB/s on Arabic news);
# a plain class is skipped to in C (about 200 MB/s).
_HIDING_ANY = re.compile(
    "[" + code_point_class(ord(c) for c in {*_SEE_THROUGH, *_FORM_LETTERS, "\u200c"}) + "]"
)


def _see_through(text: str, use_ftfy: bool, trace: bool) -> tuple[str, list[Change]]:
    """:func:`_run` on ``text`` read without its hiding invisibles and with
    its presentation-form letters folded; the repairs are then made on
    ``text`` itself, each over the span of the characters it read (hidden
    ones inside it go with it, those outside every repair stay)."""
    pieces: list[str] = []
    starts: list[int] = []  # shadow offset of each stretch that maps one to one
    origins: list[int] = []  # ... and its offset in text
    pos = 0
    length = 0
    for m in _HIDING.finditer(text):
        a, b = m.span()
        if a > pos:
            starts.append(length)
            origins.append(pos)
            pieces.append(text[pos:a])
            length += a - pos
        folded = _FORM_LETTERS.get(m.group())
        if folded is not None:
            starts.append(length)
            origins.append(a)
            pieces.append(folded)
            length += 1
        pos = b
    if pos < len(text):
        starts.append(length)
        origins.append(pos)
        pieces.append(text[pos:])
    shadow = "".join(pieces)
    _, found = _run(shadow, use_ftfy, True)
    if not found:
        return text, []

    def origin(p: int) -> int:
        i = bisect_right(starts, p) - 1
        return origins[i] + p - starts[i]

    out: list[str] = []
    changes: list[Change] = []
    done = 0
    for c in found:
        start, end = origin(c.start), origin(c.end - 1) + 1
        out.append(text[done:start])
        out.append(c.after)
        done = end
        if trace:
            changes.append(
                Change(start, end, text[start:end], c.after, rule=c.rule, entry=c.entry, line=c.line)
            )
    out.append(text[done:])
    return "".join(out), changes


def _repair(text: str, use_ftfy: bool, trace: bool) -> tuple[str, list[Change]]:
    if _HIDING_ANY.search(text) is not None:
        return _see_through(text, use_ftfy, trace)
    return _run(text, use_ftfy, trace)


@step(lossless=True)
def repair_mojibake(text: str, *, use_ftfy: bool = True) -> str:
    """Repair mojibake (UTF-8 read as windows-1252/latin-1/windows-1256, windows-1256 read as latin-1).

    Each kind is detected per run and per line (one broken line does not
    condemn a good page) and repaired only when the repaired text is clearly
    better: an exact UTF-8 round trip that gives plausible letters, or, for
    windows-1256 read as latin-1, well-formed Arabic words.  Layered
    encodings (UTF-8 broken twice, windows-1256 broken then broken again) are
    undone layer by layer.

    A run is repaired whole or not at all: a plain space that was byte
    ``A0`` after a lead is read as that byte (``Ð ÑƒÑ�Ñ�ÐºÐ¸Ð¹`` →
    ``Ру��кий``), a deeper layer is decoded whole when every byte of it
    decodes, and a line broken some other way (a broken sequence glued to a
    run, another codec's mojibake) is left as it is by every kind.

    Left alone on purpose: correct text byte for byte, including latin-1
    names (``café``, ``Ørsted``, ``Ñandú``) and Arabic that happens to
    contain ``ط`` or ``ظ`` before punctuation (``النفط،``); single isolated
    sequences with no corroborating evidence (``Ø°``); bytes that a strict
    decoder already replaced by ``U+FFFD`` (the sequence becomes one ``U+FFFD``,
    since the letter is lost).  With ``use_ftfy`` and ftfy installed, ftfy's
    encoding fixer (and nothing else of ftfy) decodes the windows-1252/latin-1
    runs the detector found; it may also decline them.  Genuine Arabic
    letters glued to Latin (``أکaa``, ``آ¨``) are not read as a lone
    windows-1256 sequence.

    Seen through: invisibles that ``remove_invisibles`` deletes and that are
    no byte's image here (zero-width space, BOM, bidi embeddings and
    isolates, C0 controls …; not the C1 controls, soft hyphen, LRM, RLM,
    ZWNJ, ZWJ) and Arabic presentation forms of one letter (read as that
    letter): a repair covers the span it read, hidden characters included.

    >>> repair_mojibake("Itâ€™s a â€œtestâ€\\u009d")
    'It’s a “test”'
    >>> repair_mojibake("ظ…ط±ط\\xadط¨ط§ world")
    'مرحبا world'
    >>> repair_mojibake("caf\\u00c3\\u200b\\u00a9 au lait"), repair_mojibake("\\u0623\\u06a9aa")
    ('café au lait', 'أکaa')
    """
    if text.isascii():
        return text
    return _repair(text, use_ftfy, False)[0]


def trace_repair_mojibake(text: str, *, use_ftfy: bool = True) -> tuple[str, list[Change]]:
    """:func:`repair_mojibake` with the changes it made: one per repaired run,
    ``rule`` the kind, ``entry`` the codec path, ``line`` the line index.

    >>> out, changes = trace_repair_mojibake("ok\\nط§ظ„ظ†طµ")
    >>> out, [(c.line, c.rule, c.entry) for c in changes]
    ('ok\\nالنص', [(1, 'utf8-as-cp1256', 'windows-1256→utf-8')])
    """
    return _repair(text, use_ftfy, True)


attach_tracer(repair_mojibake, trace_repair_mojibake)
