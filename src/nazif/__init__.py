"""nazif (نظيف, "clean"): clean text scraped from Arabic and English websites.

One call:

>>> import nazif
>>> nazif.clean("\\u201cHello\\u201d\\u00a0 world\\u200b!  ")
'"Hello" world!'

Or compose the steps you want; every step is a plain ``str -> str`` function:

>>> p = nazif.Pipeline(["normalize_whitespace", "remove_tatweel"])
>>> p("مـــرحبا   بكم")
'مرحبا بكم'

Steps are importable from the package root (``nazif.normalize_quotes``) and
from the module that holds them (``nazif.quotes.normalize_quotes``).
"""

from __future__ import annotations

import importlib
from functools import cache
from typing import TYPE_CHECKING, Any, Literal, overload

if TYPE_CHECKING:
    from .chrome import Removal

from .pipeline import Explanation, Pipeline, StepReport, make_pipeline
from .presets import PRESETS, preset_names
from .steps import STEP_HOMES, Change, expect_str, get_step, step_names

__version__ = "0.1.0"

# Public step functions are exported lazily from the modules that define
# them, so that ``import nazif`` stays cheap.
_LAZY = STEP_HOMES
_SUBMODULES = {
    "whitespace",
    "invisibles",
    "quotes",
    "punctuation",
    "arabic",
    "mojibake",
    "markup",
    "scripts",
    "chrome",
    "steps",
    "diff",
    "presets",
    "pipeline",
    "cli",
    "html",
    "scrapy",
}

__all__ = [
    "clean",
    "explain",
    "Pipeline",
    "make_pipeline",
    "Explanation",
    "StepReport",
    "Change",
    "PRESETS",
    "preset_names",
    "get_step",
    "step_names",
    "__version__",
    *sorted(_LAZY),
]


def __getattr__(name: str) -> Any:
    if name == "clean_html":  # needs the html extra (lxml); imported on first use
        return importlib.import_module("nazif.html").clean_html
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    if name in _SUBMODULES:
        return importlib.import_module(f"nazif.{name}")
    raise AttributeError(f"module 'nazif' has no attribute {name!r}")


@cache
def _preset_pipeline(preset: str) -> Pipeline:
    return Pipeline.from_preset(preset)


@cache
def _split_preset(preset: str) -> tuple[Pipeline, dict[str, Any] | None, Pipeline]:
    """(steps before ``remove_chrome``, its options or ``None``, steps after)."""
    before: list[Any] = []
    after: list[Any] = []
    opts: dict[str, Any] | None = None
    for s in PRESETS[preset] if preset in PRESETS else Pipeline.from_preset(preset).to_spec():
        name = s if isinstance(s, str) else s[0]
        if name == "remove_chrome" and opts is None:
            opts = dict(s[1]) if not isinstance(s, str) and len(s) > 1 else {}
            continue
        (before if opts is None else after).append(s)
    return Pipeline(before), opts, Pipeline(after)


@overload
def clean(text: str, preset: str = ..., *, removals: Literal[False] = ...) -> str: ...
@overload
def clean(text: str, preset: str = ..., *, removals: Literal[True]) -> tuple[str, list[Removal]]: ...
def clean(text: str, preset: str = "display", *, removals: bool = False) -> Any:
    """Clean ``text`` with a named preset (``display``, ``search`` or ``corpus``).

    >>> clean("Arabic\\u00a0digits: \\u0663\\u0664", preset="search")
    'Arabic digits: 34'

    ``removals=True`` returns ``(text, removed)``: the same text and the
    chrome lines the preset removed (:class:`nazif.chrome.Removal`, line
    numbers in the text as it was when chrome removal ran), for about the
    cost of a plain call (no per-step explaining).

    >>> out, removed = clean("Related articles\\nThe minister spoke on Monday.", preset="corpus", removals=True)
    >>> out, [(r.text, r.rule) for r in removed]
    ('The minister spoke on Monday.', [('Related articles', 'lexicon-line')])

    A non-``str`` ``text`` (``None``, ``NaN``, bytes) raises ``TypeError``
    here; integrations (``nazif.scrapy``) pass missing values through.
    """
    expect_str(text, "nazif.clean")
    expect_str(preset, "nazif.clean's preset")
    if not removals:
        return _preset_pipeline(preset)(text)
    before, opts, after = _split_preset(preset)
    if opts is None:
        return _preset_pipeline(preset)(text), []
    from . import chrome

    mid = before(text)
    found = chrome.find(mid, **opts)
    parts: list[str] = []
    pos = 0
    for r in found:
        parts.append(mid[pos : r.start])
        pos = r.end
    parts.append(mid[pos:])
    return after("".join(parts)), found


def explain(text: str, preset: str = "display") -> Explanation:
    """What each step of ``preset`` changed in ``text`` (see :meth:`Pipeline.explain`)."""
    expect_str(text, "nazif.explain")
    expect_str(preset, "nazif.explain's preset")
    return _preset_pipeline(preset).explain(text)
