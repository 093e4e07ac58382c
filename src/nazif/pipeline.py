"""Compose steps into one ``str -> str`` callable that can explain itself.

>>> from nazif import Pipeline
>>> p = Pipeline(["normalize_whitespace", ("normalize_quotes", {"style": "ascii"})])
>>> p("\\u201cHi\\u201d  there ")
'"Hi" there'
>>> [r.step for r in p.explain("\\u201cHi\\u201d  there ").steps]
['normalize_whitespace', 'normalize_quotes']
"""

from __future__ import annotations

import functools
import json
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from .diff import diff_changes
from .steps import Change, get_info

__all__ = ["BoundStep", "Explanation", "Pipeline", "StepReport", "StepSpec", "make_pipeline"]

StepSpec = str | Callable[..., str] | tuple[str | Callable[..., str], Mapping[str, Any]] | Mapping[str, Any]


def _callable_name(func: Callable[..., Any]) -> str:
    name = getattr(func, "__name__", None)
    if name is None and hasattr(func, "func"):  # functools.partial
        name = getattr(func.func, "__name__", None)
    return name or type(func).__name__


@dataclass(frozen=True)
class BoundStep:
    """A step with its options bound.  Calling it runs ``func(text, **options)``."""

    name: str
    func: Callable[..., str]
    options: dict[str, Any] = field(default_factory=dict)
    registered: bool = False

    def __call__(self, text: str) -> str:
        return self.func(text, **self.options)

    def trace(self, text: str) -> tuple[str, list[Change]]:
        """Run the step and return ``(new_text, changes)``."""
        tracer = getattr(self.func, "nazif_tracer", None)
        if tracer is not None:
            return tracer(text, **self.options)
        new = self.func(text, **self.options)
        return new, diff_changes(text, new)

    def spec(self) -> str | list[Any]:
        """This step as data (only for registered steps)."""
        if not self.registered:
            raise ValueError(f"step {self.name!r} is not a registered step and cannot be saved as data")
        return [self.name, dict(self.options)] if self.options else self.name


def _bind(spec: StepSpec) -> BoundStep:
    options: dict[str, Any] = {}
    target: str | Callable[..., str]
    if isinstance(spec, BoundStep):
        return spec
    if isinstance(spec, Mapping):
        spec = dict(spec)
        try:
            target = spec.pop("step")
        except KeyError:
            raise ValueError(f"a step given as a mapping needs a 'step' key: {spec!r}") from None
        options = spec
    elif isinstance(spec, (tuple, list)):
        if len(spec) == 1:
            target = spec[0]
        elif len(spec) == 2 and isinstance(spec[1], Mapping):
            target, options = spec[0], dict(spec[1])
        else:
            raise ValueError(f"a step given as a sequence is [name] or [name, options]: {spec!r}")
    else:
        target = spec
    if isinstance(target, str):
        info = get_info(target)
        return BoundStep(info.name, info.func, dict(options), registered=True)
    if callable(target):
        name = _callable_name(target)
        registered = False
        try:
            registered = get_info(name).func is target
        except KeyError:
            pass
        return BoundStep(name, target, dict(options), registered=registered)
    raise TypeError(f"not a step: {target!r}")


@dataclass
class StepReport:
    """What one step changed, as reported by :meth:`Pipeline.explain`."""

    step: str
    options: dict[str, Any]
    changes: list[Change]
    before: str
    text: str
    func: Callable[..., str] = field(repr=False, default=str)

    @property
    def n_changes(self) -> int:
        """How many separate edits the step made."""
        return len(self.changes)

    @property
    def spans(self) -> list[tuple[int, int]]:
        """The ``(start, end)`` spans it touched, in the coordinates of its input."""
        return [(c.start, c.end) for c in self.changes]

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready summary (without the full texts)."""
        return {
            "step": self.step,
            "options": self.options,
            "n_changes": self.n_changes,
            "changes": [c.as_dict() for c in self.changes],
        }


@dataclass
class Explanation:
    """The input, the output and the report of every step that changed something."""

    input: str
    output: str
    steps: list[StepReport]

    def __iter__(self) -> Iterator[StepReport]:
        return iter(self.steps)

    def __len__(self) -> int:
        return len(self.steps)

    def replay(self) -> str:
        """Apply the reported steps, in order, to the input.

        Equals :attr:`output`: steps that changed nothing are not needed.
        """
        text = self.input
        for report in self.steps:
            text = report.func(text, **report.options)
        return text

    def as_dicts(self) -> list[dict[str, Any]]:
        """One JSON-ready dictionary per reported step."""
        return [r.as_dict() for r in self.steps]

    def to_json(self) -> str:
        """The reports as a JSON array."""
        return json.dumps(self.as_dicts(), ensure_ascii=False)

    def __str__(self) -> str:
        if not self.steps:
            return "no step changed anything"
        lines: list[str] = []
        for report in self.steps:
            lines.append(f"{report.step}: {report.n_changes} change(s)")
            for c in report.changes[:20]:
                why = f"  [{c.rule}: {c.entry}]" if c.rule else ""
                where = f"line {c.line} " if c.line is not None else ""
                lines.append(f"  {where}{c.start}-{c.end}: {c.before!r} -> {c.after!r}{why}")
            if report.n_changes > 20:
                lines.append(f"  … {report.n_changes - 20} more")
        return "\n".join(lines)


def _with_lines(text: str, changes: list[Change]) -> list[Change]:
    """``changes`` with ``line`` filled in where a step left it out."""
    if all(c.line is not None for c in changes):
        return changes
    starts = [0]
    pos = text.find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return [c if c.line is not None else replace(c, line=bisect_right(starts, c.start) - 1) for c in changes]


def _run_plan(plan: tuple[Callable[[str], str], ...], text: str) -> str:
    for func in plan:
        text = func(text)
    return text


def _fused_pass(steps: list[BoundStep]) -> Callable[[str], str] | None:
    """``steps`` as one callable with every run of the ``display`` steps
    (registered, default options) replaced by their fused pass
    (:mod:`nazif.fused`), or ``None`` when there is no such run."""
    from .presets import PRESETS

    display = PRESETS["display"]
    n = len(display)
    names = [s.name for s in steps]

    def fusable(i: int) -> bool:
        return names[i : i + n] == display and all(s.registered and not s.options for s in steps[i : i + n])

    if not any(fusable(i) for i in range(len(steps) - n + 1)):
        return None
    from . import fused  # cheap here: the steps' modules are imported already

    if tuple(display) != fused.DISPLAY_STEPS:
        return None
    plan: list[Callable[[str], str]] = []
    i = 0
    while i < len(steps):
        if fusable(i):
            plan.append(fused.display)
            i += n
        else:
            plan.append(steps[i])
            i += 1
    if len(plan) == 1:
        return plan[0]
    return functools.partial(_run_plan, tuple(plan))


class Pipeline:
    """A sequence of steps, itself a ``str -> str`` callable.

    Steps may be given as registered names (``"normalize_quotes"``), as
    ``(name, options)`` pairs or ``{"step": name, **options}`` mappings (so a
    pipeline can be stored as JSON), or as any callable ``str -> str``.

    A pipeline made of registered steps and module-level functions pickles,
    so it can be shipped to worker processes.

    >>> p = Pipeline(["remove_tatweel"])
    >>> p("عـــربي")
    'عربي'
    >>> Pipeline.from_spec(p.to_spec())("عـــربي")
    'عربي'
    """

    def __init__(self, steps: Iterable[StepSpec] = (), *, name: str | None = None) -> None:
        self.steps: list[BoundStep] = [_bind(s) for s in steps]
        self.name = name
        # A plain call runs the display steps (a run of them with default
        # options, as in the display, corpus and page presets) as one pass
        # (nazif.fused); ``explain`` runs every step on its own.
        self._fused = _fused_pass(self.steps)
        self._fused_steps = list(self.steps) if self._fused is not None else []

    # -- building ---------------------------------------------------------
    @classmethod
    def from_spec(
        cls, spec: Sequence[StepSpec] | Mapping[str, Any] | str, *, name: str | None = None
    ) -> Pipeline:
        """Build from data: a list of step specs, or a JSON string of one.

        A JSON object ``{"preset": "display"}`` or ``{"steps": [...]}`` is
        accepted too, so a saved configuration can name a preset.
        """
        if isinstance(spec, str):
            spec = json.loads(spec)
        if isinstance(spec, Mapping):
            if "preset" in spec:
                base = cls.from_preset(spec["preset"])
                extra = spec.get("steps", [])
                return cls([*base.steps, *extra], name=spec.get("name", base.name))
            return cls(spec.get("steps", []), name=spec.get("name", name))
        return cls(spec, name=name)

    @classmethod
    def from_preset(cls, preset: str) -> Pipeline:
        """The pipeline of a named preset (see :mod:`nazif.presets`)."""
        from .presets import preset_spec

        return cls(preset_spec(preset), name=preset)

    def to_spec(self) -> list[Any]:
        """The pipeline as data (a JSON-ready list); all steps must be registered."""
        return [s.spec() for s in self.steps]

    def then(self, *steps: StepSpec) -> Pipeline:
        """A new pipeline with ``steps`` appended."""
        return Pipeline([*self.steps, *steps], name=self.name)

    def __add__(self, other: Pipeline) -> Pipeline:
        return Pipeline([*self.steps, *other.steps])

    # -- running ----------------------------------------------------------
    def __call__(self, text: str) -> str:
        if not isinstance(text, str):
            raise TypeError(f"nazif.Pipeline expects str, got {type(text).__name__}")
        if self._fused is not None and self.steps == self._fused_steps:
            return self._fused(text)
        for s in self.steps:
            text = s.func(text, **s.options)
        return text

    def explain(self, text: str) -> Explanation:
        """Run every step and report, for each that changed something, the
        step name, its options, the changes (spans in that step's input, with
        rule and entry where the step gives them) and the text after it."""
        if not isinstance(text, str):
            raise TypeError(f"nazif.Pipeline.explain expects str, got {type(text).__name__}")
        reports: list[StepReport] = []
        current = text
        for s in self.steps:
            new, changes = s.trace(current)
            if new != current:
                if not changes:
                    changes = diff_changes(current, new)
                changes = _with_lines(current, changes)
                reports.append(StepReport(s.name, dict(s.options), changes, current, new, s.func))
            current = new
        return Explanation(text, current, reports)

    # -- plumbing ---------------------------------------------------------
    @property
    def names(self) -> list[str]:
        """The step names, in order."""
        return [s.name for s in self.steps]

    def __len__(self) -> int:
        return len(self.steps)

    def __iter__(self) -> Iterator[BoundStep]:
        return iter(self.steps)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Pipeline):
            return NotImplemented
        return [(s.func, s.options) for s in self.steps] == [(s.func, s.options) for s in other.steps]

    def __repr__(self) -> str:
        inner = ", ".join(
            s.name if not s.options else f"{s.name}({', '.join(f'{k}={v!r}' for k, v in s.options.items())})"
            for s in self.steps
        )
        label = f" {self.name!r}" if self.name else ""
        return f"<Pipeline{label}: {inner}>"


def make_pipeline(*steps: StepSpec) -> Pipeline:
    """A pipeline of the given steps (names, ``(name, options)`` pairs or callables).

    >>> make_pipeline("remove_tatweel", str.strip)("  مـرحبا ")
    'مرحبا'
    """
    return Pipeline(steps)
