"""The step contract and the registry of named steps.

A *step* is a plain function ``str -> str`` whose options are keyword-only.
Every step in nazif is registered here under its function name, so a
pipeline can be built from data (``["normalize_whitespace", ["normalize_quotes",
{"style": "typographic"}]]``) and the command line can name steps with the
same names as the Python API.

A step may also carry a *tracer*: a function with the same signature that
returns ``(new_text, changes)``, where each :class:`Change` says which span of
the step's input was replaced, by what, and (for removals) by which rule and
lexicon entry.  :meth:`nazif.Pipeline.explain` uses the tracer when there is
one and falls back to a generic diff otherwise.

Registering a step of your own is optional: a :class:`nazif.Pipeline` accepts
any callable.  Registration only gives it a name usable from data and the CLI.

>>> from nazif.steps import get_step
>>> get_step("normalize_whitespace")("a\\u00a0 b  ")
'a b'
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "STEP_HOMES",
    "STEP_MODULES",
    "Change",
    "StepInfo",
    "Tracer",
    "attach_tracer",
    "get_info",
    "get_step",
    "step",
    "step_names",
]

StepFunc = Callable[..., str]
Tracer = Callable[..., tuple[str, list["Change"]]]


@dataclass(frozen=True)
class Change:
    """One edit made by a step, in the coordinates of that step's input.

    ``text[start:end]`` was ``before`` and became ``after``.  ``rule`` and
    ``entry`` name why (for chrome removal: the rule and the lexicon entry);
    ``line`` is the 0-based index of the line in ``text.split("\\n")`` when the
    step works line by line.
    """

    start: int
    end: int
    before: str
    after: str
    rule: str | None = None
    entry: str | None = None
    line: int | None = None

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary (``None`` fields left out)."""
        d: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "before": self.before,
            "after": self.after,
        }
        for key in ("rule", "entry", "line"):
            value = getattr(self, key)
            if value is not None:
                d[key] = value
        return d


@dataclass
class StepInfo:
    """What the registry knows about a named step."""

    name: str
    func: StepFunc
    lossless: bool
    summary: str
    tracer: Tracer | None = None
    module: str = field(default="")


_REGISTRY: dict[str, StepInfo] = {}

# Where each built-in step lives, so that looking one up imports only its
# module (``--preset display`` never loads chrome removal or langdetect).
STEP_HOMES: dict[str, str] = {
    "normalize_whitespace": "nazif.whitespace",
    "remove_invisibles": "nazif.invisibles",
    "normalize_quotes": "nazif.quotes",
    "normalize_punctuation": "nazif.punctuation",
    "normalize_nfc": "nazif.arabic",
    "fold_presentation_forms": "nazif.arabic",
    "remove_tatweel": "nazif.arabic",
    "normalize_digits": "nazif.arabic",
    "remove_diacritics": "nazif.arabic",
    "normalize_alef": "nazif.arabic",
    "normalize_hamza": "nazif.arabic",
    "normalize_teh_marbuta": "nazif.arabic",
    "normalize_alef_maksura": "nazif.arabic",
    "normalize_persian_letters": "nazif.arabic",
    "reduce_elongation": "nazif.arabic",
    "repair_mojibake": "nazif.mojibake",
    "remove_markup": "nazif.markup",
    "remove_chrome": "nazif.chrome",
    "keep_scripts": "nazif.scripts",
    "keep_languages": "nazif.scripts",
    "drop_foreign_lines": "nazif.scripts",
}

# Modules whose import registers steps, derived from STEP_HOMES (the one list of
# built-in steps; tests/test_registry.py proves it matches the @step registry).
STEP_MODULES: tuple[str, ...] = tuple(dict.fromkeys(STEP_HOMES.values()))

_loaded = False


def step(*, lossless: bool) -> Callable[[StepFunc], StepFunc]:
    """Register the decorated function as a named step (its ``__name__``).

    ``lossless`` says whether the step keeps every letter and its meaning
    (whitespace, invisible characters, presentation forms …) or folds
    information away on purpose (diacritics, alef variants, chrome removal).
    """

    def register(func: StepFunc) -> StepFunc:
        func = _checked(func)
        doc = (func.__doc__ or "").strip().splitlines()
        info = StepInfo(
            name=func.__name__,
            func=func,
            lossless=lossless,
            summary=doc[0] if doc else "",
            module=func.__module__,
        )
        _REGISTRY[func.__name__] = info
        return func

    return register


def expect_str(text: object, who: str) -> None:
    """Raise ``TypeError("<who> expects str, got <type>")`` unless ``text`` is a ``str``."""
    if not isinstance(text, str):
        raise TypeError(f"{who} expects str, got {type(text).__name__}")


def _checked(func: Callable[..., Any]) -> Callable[..., Any]:
    """``func`` failing at entry with a clear ``TypeError`` on a non-``str`` text."""
    who = f"nazif.{func.__name__}"

    @functools.wraps(func)
    def checked(text: str, *args: Any, **kwargs: Any) -> Any:
        if type(text) is not str and not isinstance(text, str):
            raise TypeError(f"{who} expects str, got {type(text).__name__}")
        return func(text, *args, **kwargs)

    return checked


def attach_tracer(func: StepFunc, tracer: Tracer) -> None:
    """Declare ``tracer`` as the explaining twin of the step ``func``.

    ``tracer(text, **options)`` must return ``(func(text, **options), changes)``.
    """
    tracer = _checked(tracer)
    func.nazif_tracer = tracer  # type: ignore[attr-defined]  # a function attribute
    info = _REGISTRY.get(func.__name__)
    if info is not None and info.func is func:
        info.tracer = tracer


def _load_all() -> None:
    global _loaded
    if _loaded:
        return
    for module in STEP_MODULES:
        importlib.import_module(module)
    _loaded = True


def get_info(name: str) -> StepInfo:
    """The :class:`StepInfo` of the step called ``name``; ``KeyError`` if unknown."""
    if name not in _REGISTRY and name in STEP_HOMES:
        importlib.import_module(STEP_HOMES[name])
    if name not in _REGISTRY:
        _load_all()
    try:
        return _REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(_REGISTRY))
        raise KeyError(f"unknown step {name!r}; known steps: {known}") from None


def get_step(name: str) -> StepFunc:
    """The step function registered as ``name``."""
    return get_info(name).func


def step_names() -> list[str]:
    """Names of all registered steps, sorted."""
    _load_all()
    return sorted(_REGISTRY)
