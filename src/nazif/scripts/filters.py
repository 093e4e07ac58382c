"""Opt-in cleaning steps that keep or drop whole lines by script or language.

They work on ``text.split("\\n")``: the output is the input's lines minus
the dropped ones, in order, joined by ``"\\n"``.  Lines without any script
character (blank lines, numbers, punctuation) are always kept.  Each step
has a tracer that reports every dropped line as a
:class:`~nazif.steps.Change` with ``rule`` (``"script"``, ``"language"`` or
``"foreign-script"``) and ``entry`` (the line's script or language), so
``Pipeline.explain`` says why each line went.

None of them is in a preset: a foreign-script line in a monolingual document
is a signal, not a verdict; these steps are for a user who has decided.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from ..steps import Change, attach_tracer, step
from .classify import LineScript, _order, classify_lines, dominant_script
from .language import _answer_is_among, detect_language

__all__ = [
    "drop_foreign_lines",
    "keep_languages",
    "keep_scripts",
    "trace_drop_foreign_lines",
    "trace_keep_languages",
    "trace_keep_scripts",
]

# A decision per line: None keeps it, a string drops it and says why.
Decision = Callable[[LineScript], str | None]


def _drop_lines(
    text: str, lines: list[LineScript], reasons: list[str | None], rule: str
) -> tuple[str, list[Change]]:
    """Remove the lines whose reason is not ``None``; one Change per line."""
    if not any(reasons):
        return text, []
    n = len(lines)
    kept = [line.text for line, why in zip(lines, reasons) if why is None]
    changes: list[Change] = []
    # a run of dropped lines that reaches the end (after a kept line) takes
    # the separator before each of its lines; any other dropped line takes
    # the separator after it
    tail_from = n
    while tail_from > 0 and reasons[tail_from - 1] is not None:
        tail_from -= 1
    for i, (line, why) in enumerate(zip(lines, reasons)):
        if why is None:
            continue
        if i >= tail_from and tail_from > 0:
            start, end = line.start - 1, line.end
        elif i == n - 1:
            start, end = line.start, line.end
        else:
            start, end = line.start, line.end + 1
        changes.append(Change(start, end, text[start:end], "", rule=rule, entry=why, line=i))
    return "\n".join(kept), changes


def _normalize_names(names: Iterable[str]) -> frozenset:
    if isinstance(names, str):
        names = (names,)
    return frozenset(n.lower() for n in names)


def _script_reason(line: LineScript, wanted: frozenset, strict: bool) -> str | None:
    if not line.counts:
        return None
    scripts = line.counts if strict else [min(line.counts.items(), key=_order)[0]]
    for script in scripts:
        group = script if script in ("arabic", "latin") else "other"
        if script not in wanted and group not in wanted:
            return line.dominant
    return None


def trace_keep_scripts(
    text: str, *, scripts: Sequence[str] = ("arabic", "latin"), strict: bool = False
) -> tuple[str, list[Change]]:
    """:func:`keep_scripts` with the dropped lines as changes."""
    wanted = _normalize_names(scripts)
    lines = classify_lines(text)
    return _drop_lines(text, lines, [_script_reason(line, wanted, strict) for line in lines], "script")


@step(lossless=False)
def keep_scripts(text: str, *, scripts: Sequence[str] = ("arabic", "latin"), strict: bool = False) -> str:
    """Keep only the lines written in the given scripts (and lines with no script).

    A line belongs to the script most of its characters are in, so an Arabic
    line that quotes "(WHO)" is Arabic; with ``strict=True`` every script in
    the line must be wanted.  ``scripts`` are names such as ``"arabic"``,
    ``"latin"``, ``"cyrillic"``, or ``"other"`` for every script but Arabic
    and Latin.  Left alone on purpose: lines with no script character
    (blank, digits, punctuation), and the text inside kept lines.

    >>> keep_scripts("خبر عاجل\\nNews\\nНовости", scripts=("arabic", "latin"))
    'خبر عاجل\\nNews'
    >>> keep_scripts("خبر عاجل (WHO)\\nNews", scripts=["arabic"])
    'خبر عاجل (WHO)'
    """
    return trace_keep_scripts(text, scripts=scripts, strict=strict)[0]


attach_tracer(keep_scripts, trace_keep_scripts)


def trace_keep_languages(
    text: str, *, languages: Sequence[str] = ("ar", "en"), keep_undetermined: bool = True
) -> tuple[str, list[Change]]:
    """:func:`keep_languages` with the dropped lines as changes."""
    wanted = _normalize_names(languages)
    sure_kept = frozenset(wanted) | {"und"} if keep_undetermined else frozenset()
    lines = classify_lines(text)
    reasons: list[str | None] = []
    for line in lines:
        if not line.counts:
            reasons.append(None)
            continue
        if sure_kept and line.dominant == "latin" and _answer_is_among(line.text, sure_kept):
            reasons.append(None)  # kept whatever the model would say: not asked
            continue
        lang = detect_language(line.text).lang
        if lang in wanted or (lang == "und" and keep_undetermined):
            reasons.append(None)
        else:
            reasons.append(lang)
    return _drop_lines(text, lines, reasons, "language")


@step(lossless=False)
def keep_languages(
    text: str, *, languages: Sequence[str] = ("ar", "en"), keep_undetermined: bool = True
) -> str:
    """Keep only the lines in the given languages (ISO 639-1 codes).

    Each line's language comes from :func:`nazif.scripts.detect_language`
    without candidates, so short lines that cannot be told ("Français",
    "Share") are ``und`` and kept unless ``keep_undetermined=False``.
    Left alone on purpose: lines with no script character, and the text
    inside kept lines.

    >>> keep_languages("Le ministre a déclaré mardi que les négociations reprendraient.\\nخبر عاجل")
    'خبر عاجل'
    """
    return trace_keep_languages(text, languages=languages, keep_undetermined=keep_undetermined)[0]


attach_tracer(keep_languages, trace_keep_languages)


def trace_drop_foreign_lines(text: str, *, max_letters: int | None = None) -> tuple[str, list[Change]]:
    """:func:`drop_foreign_lines` with the dropped lines as changes."""
    dominant = dominant_script(text)
    lines = classify_lines(text)
    reasons: list[str | None] = []
    for line in lines:
        foreign = (
            dominant != "neutral"
            and bool(line.counts)
            and dominant not in line.counts
            and (max_letters is None or sum(line.counts.values()) <= max_letters)
        )
        reasons.append(line.dominant if foreign else None)
    return _drop_lines(text, lines, reasons, "foreign-script")


@step(lossless=False)
def drop_foreign_lines(text: str, *, max_letters: int | None = None) -> str:
    """Drop the lines that have no character of the document's dominant script.

    The dominant script is the one with the most characters in the whole
    text; a line is foreign when it has script characters but none in that
    script, so mixed lines (an Arabic line quoting an English name) stay.
    ``max_letters`` limits the drop to short foreign lines (language
    switchers, "Share" buttons) and keeps foreign paragraphs.  Idempotent:
    dropping lines without the dominant script cannot change which script
    dominates.  Left alone on purpose: lines without script characters, and
    everything inside kept lines.

    >>> drop_foreign_lines("خبر عاجل اليوم في المدينة\\nEnglish\\nخبر آخر")
    'خبر عاجل اليوم في المدينة\\nخبر آخر'
    """
    return trace_drop_foreign_lines(text, max_letters=max_letters)[0]


attach_tracer(drop_foreign_lines, trace_drop_foreign_lines)
