"""What the engine integrations share: one cleaner per preset and site, and spans.

:class:`Cleaner` is what :mod:`nazif.hf`, :mod:`nazif.spark` and
:mod:`nazif.datatrove` build once per worker: it cleans a text exactly as
:func:`nazif.clean` does (same preset, same bytes), optionally with a site
lexicon added to chrome removal, and reports what changed as
``(start, end, rule, score)`` spans in the coordinates of the *input* text —
the shape dolma taggers and RedPajama-V2 quality signals use.

>>> c = Cleaner("corpus")
>>> c.clean("Share\\nShare prices fell 3% on Monday, traders said.")
'Share prices fell 3% on Monday, traders said.'
>>> c.spans("Share\\nShare prices fell 3% on Monday, traders said.")
[(0, 6, 'remove_chrome:lexicon-line', 1.0)]
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from typing import Any

from .pipeline import Pipeline
from .presets import preset_spec
from .steps import Change

__all__ = ["Cleaner", "Span"]

Span = tuple[int, int, str, float]

# Score of a span whose rule gives none: nazif's rules are decisions, not
# probabilities, so a removal made is a removal with full confidence.
DEFAULT_SCORE = 1.0


class _StepMap:
    """Maps positions in one step's output back to its input."""

    def __init__(self, changes: list[Change]) -> None:
        self.changes = sorted(changes, key=lambda c: (c.start, c.end))
        self.out_starts: list[int] = []
        self.out_ends: list[int] = []
        self.cum: list[int] = []
        delta = 0
        for c in self.changes:
            s = c.start + delta
            self.out_starts.append(s)
            self.out_ends.append(s + len(c.after))
            delta += len(c.after) - (c.end - c.start)
            self.cum.append(delta)

    def back(self, p: int, *, right: bool) -> int:
        """Position ``p`` of the output in the input; ``right`` for a span's end
        (an end never grows over an edit that starts where it stops)."""
        if right:
            i = bisect_left(self.out_starts, p) - 1
            if i >= 0 and p < self.out_ends[i]:
                return self.changes[i].end
        else:
            i = bisect_right(self.out_starts, p) - 1
            if i >= 0 and p < self.out_ends[i]:
                return self.changes[i].start
        return p if i < 0 else p - self.cum[i]


class Cleaner:
    """Clean texts like ``nazif.clean(text, preset)``, with optional site lexicons.

    ``site_lexicons`` maps a site to a :class:`~nazif.chrome.lexicon.Lexicon`
    learned for it (see :class:`nazif.chrome.learn.SiteCounts`); a text of a
    site with a lexicon has it added to the built-in one in chrome removal.
    One pipeline is built per site and kept.  Texts that are not ``str``
    (``None``, missing values) are returned unchanged.
    """

    def __init__(
        self, preset: str | Pipeline = "corpus", site_lexicons: Mapping[str, Any] | None = None
    ) -> None:
        if isinstance(preset, Pipeline):
            self.preset = preset.name or "pipeline"
            self.pipeline = preset
        elif isinstance(preset, str):
            self.preset = preset
            self.pipeline = Pipeline(preset_spec(preset), name=preset)
        else:
            raise TypeError(f"preset must be a preset name or a Pipeline, not {type(preset).__name__}")
        self.site_lexicons = dict(site_lexicons or {})
        self._by_site: dict[str, Pipeline] = {}

    def pipeline_for(self, site: str | None) -> Pipeline:
        """The pipeline for ``site``: the preset's own unless the site has a lexicon
        (then its ``remove_chrome`` steps use their lexicon plus the site's)."""
        if not site or site not in self.site_lexicons:
            return self.pipeline
        p = self._by_site.get(site)
        if p is None:
            from .chrome import _resolve  # None, a Lexicon or a path, as remove_chrome reads it

            site_lex = self.site_lexicons[site]
            steps: list[Any] = []
            for s in self.pipeline.steps:
                if s.name != "remove_chrome":
                    steps.append(s)
                    continue
                opts = dict(s.options)
                opts["lexicon"] = _resolve(opts.get("lexicon")) | site_lex
                steps.append([s.func, opts])
            p = Pipeline(steps, name=f"{self.preset}+site")
            self._by_site[site] = p
        return p

    def clean(self, text: Any, site: str | None = None) -> Any:
        """``text`` cleaned (non-``str`` values pass through)."""
        if not isinstance(text, str):
            return text
        return self.pipeline_for(site)(text)

    def clean_with_spans(self, text: Any, site: str | None = None) -> tuple[Any, list[Span]]:
        """``(cleaned text, spans)``; the spans are in the coordinates of ``text``."""
        if not isinstance(text, str):
            return text, []
        p = self.pipeline_for(site)
        exp = p.explain(text)
        maps: list[_StepMap] = []
        spans: list[Span] = []
        for report in exp:
            for c in report.changes:
                s, e = c.start, c.end
                for m in reversed(maps):
                    s, e = m.back(s, right=False), m.back(e, right=True)
                rule = f"{report.step}:{c.rule}" if c.rule else report.step
                score = getattr(c, "score", None)
                spans.append((s, e, rule, float(score) if score is not None else DEFAULT_SCORE))
            maps.append(_StepMap(report.changes))
        return p(text), spans

    def clean_with_rules(self, text: Any, site: str | None = None) -> tuple[Any, list[str]]:
        """``(cleaned text, rules)``, cheaply: the name of every step that changed
        the text, and ``remove_chrome:<rule>`` for every line chrome removal took."""
        if not isinstance(text, str):
            return text, []
        rules: list[str] = []
        for s in self.pipeline_for(site).steps:
            if s.name == "remove_chrome":
                new, changes = s.trace(text)
                rules.extend(f"remove_chrome:{c.rule}" for c in changes)
            else:
                new = s.func(text, **s.options)
                if new != text:
                    rules.append(s.name)
            text = new
        return text, rules

    def spans(self, text: Any, site: str | None = None) -> list[Span]:
        """The ``(start, end, rule, score)`` spans of what cleaning changes in ``text``."""
        return self.clean_with_spans(text, site)[1]
