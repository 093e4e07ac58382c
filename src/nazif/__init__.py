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
from typing import Any

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
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    if name in _SUBMODULES:
        return importlib.import_module(f"nazif.{name}")
    raise AttributeError(f"module 'nazif' has no attribute {name!r}")


@cache
def _preset_pipeline(preset: str) -> Pipeline:
    return Pipeline.from_preset(preset)


def clean(text: str, preset: str = "display") -> str:
    """Clean ``text`` with a named preset (``display``, ``search`` or ``corpus``).

    >>> clean("Arabic\\u00a0digits: \\u0663\\u0664", preset="search")
    'Arabic digits: 34'

    A non-``str`` ``text`` (``None``, ``NaN``, bytes) raises ``TypeError``
    here; integrations (``nazif.scrapy``) pass missing values through.
    """
    expect_str(text, "nazif.clean")
    expect_str(preset, "nazif.clean's preset")
    return _preset_pipeline(preset)(text)


def explain(text: str, preset: str = "display") -> Explanation:
    """What each step of ``preset`` changed in ``text`` (see :meth:`Pipeline.explain`)."""
    expect_str(text, "nazif.explain")
    expect_str(preset, "nazif.explain's preset")
    return _preset_pipeline(preset).explain(text)
