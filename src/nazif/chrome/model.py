"""The chrome model: a two-stage logistic scorer over named line features.

Stage 1 scores every non-blank line from its own features
(:func:`nazif.chrome.features.line_features`).  Stage 2 scores it again with
the same features plus the stage-1 scores of its neighbours — chrome comes in
blocks, and a line between two chrome lines is more likely chrome than the
same line between two paragraphs.  Both stages are weighted sums passed
through the logistic function; the weights, the per-mode decision thresholds
and how they were fitted live in ``data/model.json`` (written by
``tools/train_chrome.py``).  Inference is pure Python.

The score is not the decision: :mod:`nazif.chrome.decide` applies the
content-safety rules on top of it.

>>> m = Model.builtin()
>>> sorted(m.modes)
['article', 'page']
>>> 0.0 < m.veto("article") < 1.0, m.threshold("article")  # the built-in model adds no line
(True, None)
>>> m.veto("article", "ar") <= m.veto("article", "la")  # by-site validation: Arabic rules needed no veto
True
"""

from __future__ import annotations

import json
import math
from collections.abc import Container, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .features import Features
from .lexicon import DATA_DIR

__all__ = ["MODEL_PATH", "Model", "StageWeights", "neighbour_features"]

MODEL_PATH = DATA_DIR / "model.json"

#: how many non-blank lines either side the stage-2 window averages over
WINDOW = 5


@dataclass(frozen=True)
class StageWeights:
    """One logistic stage: ``bias + sum(weight[name] * value)``."""

    bias: float
    weights: dict[str, float]

    def logit(self, feats: Features) -> float:
        w = self.weights
        z = self.bias
        for name, value in feats.items():
            c = w.get(name)
            if c is not None:
                z += c * value
        return z

    def contributions(self, feats: Features) -> list[tuple[str, float]]:
        """The features' contributions to the logit, largest first."""
        w = self.weights
        out = [(n, w[n] * v) for n, v in feats.items() if n in w and w[n] * v]
        out.sort(key=lambda p: -abs(p[1]))
        return out


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def neighbour_features(logits: Sequence[float | None]) -> list[Features]:
    """Stage-2 context features from the stage-1 logits of the non-blank lines
    (``None`` for blank lines): the scores of the two lines either side, the
    mean of the window of :data:`WINDOW` lines either side and its maximum
    over two lines either side."""
    idx = [i for i, z in enumerate(logits) if z is not None]
    vals = [_sigmoid(logits[i]) for i in idx]  # type: ignore[arg-type]
    m = len(vals)
    out: list[Features] = [{} for _ in logits]
    # prefix sums for the window means (linear time)
    pre = [0.0]
    for v in vals:
        pre.append(pre[-1] + v)
    for k, i in enumerate(idx):
        f = out[i]
        for name, q in (("s1:prev", k - 1), ("s1:next", k + 1), ("s1:prev2", k - 2), ("s1:next2", k + 2)):
            f[name] = vals[q] if 0 <= q < m else 0.0
        lo, hi = max(0, k - WINDOW), min(m, k + WINDOW + 1)
        cnt = hi - lo - 1
        f["s1:window"] = (pre[hi] - pre[lo] - vals[k]) / cnt if cnt > 0 else 0.0
        near = [vals[q] for q in range(max(0, k - 2), min(m, k + 3)) if q != k]
        f["s1:near-max"] = max(near) if near else 0.0
        f["s1:near-min"] = min(near) if near else 0.0
        f["s1:self"] = vals[k]
    return out


@dataclass(frozen=True)
class Model:
    """Per-mode stage weights and decision thresholds (see the module doc)."""

    stages: dict[str, tuple[StageWeights, StageWeights]]
    thresholds: dict[str, float]
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def modes(self) -> tuple[str, ...]:
        return tuple(self.stages)

    def threshold(self, mode: str) -> float | None:
        """The score at which a line the rules keep is removed; ``None``: never
        (the model only overrules the rules' removals)."""
        return self.thresholds.get(mode)

    def veto(self, mode: str, script: str | None = None) -> float:
        """The score below which a line the rules remove is kept, for a text whose
        letters are mostly ``script`` (``"ar"`` or ``"la"``) when the model has a
        threshold for it (``"<mode>-veto-<script>"``), else for the mode."""
        fallback = self.thresholds.get(mode + "-veto", 0.0)
        if script is None:
            return fallback
        return self.thresholds.get(f"{mode}-veto-{script}", fallback)

    def scores(self, feats: Sequence[Features], mode: str) -> list[float | None]:
        """Chrome probability of every line (``None`` for lines without features)."""
        return self.scores_and_context(feats, mode)[0]

    def scores_and_context(
        self, feats: Sequence[Features], mode: str, only: Container[int] | None = None
    ) -> tuple[list[float | None], list[Features]]:
        """:meth:`scores`, with the stage-2 context features they were computed from
        (what :meth:`explain` needs).  With ``only``, the final scores of the
        lines not in it are left ``None`` (every line still counts as context)."""
        s1, s2 = self.stages[mode]
        logits: list[float | None] = [s1.logit(f) if f else None for f in feats]
        ctx = neighbour_features(logits)
        out: list[float | None] = []
        for i, (f, c, z) in enumerate(zip(feats, ctx, logits)):
            if z is None or (only is not None and i not in only):
                out.append(None)
                continue
            out.append(_sigmoid(s2.logit(f) + s2.logit(c) - s2.bias))
        return out, ctx

    def explain(self, feats: Features, ctx: Features, mode: str, top: int = 3) -> str:
        """The strongest reasons for a score, as ``name(+weight)`` items."""
        s2 = self.stages[mode][1]
        parts = s2.contributions(feats) + s2.contributions(ctx)
        parts.sort(key=lambda p: -p[1])
        return ", ".join(f"{n}({v:+.1f})" for n, v in parts[:top] if v > 0) or "the neighbours' scores"

    def to_json(self) -> str:
        data = {
            "meta": self.meta,
            "thresholds": self.thresholds,
            "modes": {
                mode: {
                    "stage1": {"bias": s1.bias, "weights": dict(sorted(s1.weights.items()))},
                    "stage2": {"bias": s2.bias, "weights": dict(sorted(s2.weights.items()))},
                }
                for mode, (s1, s2) in self.stages.items()
            },
        }
        return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"

    @classmethod
    def from_json(cls, text: str) -> Model:
        data = json.loads(text)
        stages = {}
        for mode, d in data["modes"].items():
            stages[mode] = (
                StageWeights(
                    float(d["stage1"]["bias"]), {k: float(v) for k, v in d["stage1"]["weights"].items()}
                ),
                StageWeights(
                    float(d["stage2"]["bias"]), {k: float(v) for k, v in d["stage2"]["weights"].items()}
                ),
            )
        return cls(stages, {k: float(v) for k, v in data["thresholds"].items()}, data.get("meta", {}))

    @classmethod
    def from_file(cls, path: str | Path) -> Model:
        with open(path, encoding="utf-8") as fh:
            return cls.from_json(fh.read())

    @classmethod
    def builtin(cls) -> Model:
        """The model shipped with nazif (``data/model.json``)."""
        return _builtin()


@lru_cache(maxsize=1)
def _builtin() -> Model:
    return Model.from_file(MODEL_PATH)
