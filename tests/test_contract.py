"""The step contract, checked for every registered step and every preset.

Every step must be total (never raises on any ``str``, lone surrogates and the
empty string included), deterministic and idempotent; every preset likewise,
and its ``explain`` must replay to its output.  New steps are covered as soon
as they are registered.
"""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given

from nazif import Pipeline, clean, preset_names, step_names
from nazif.diff import apply_changes
from nazif.steps import get_info, get_step
from strategies import scraped_text

STEPS = step_names()
PRESETS = preset_names()

HARD_CASES = [
    "",
    "\n",
    "\r\n\r\n",
    "\ud800",
    "a\udfffb",
    "\u200f\u202b\u0627\u0644\u0639\u0631\u0628\u064a\u0629\u202c",
    "\ufeffIn English\r\n\r\n\u201cHamas\u201d\u00a0movement\u200b  \r\n",
    "\ufefb\ufdfa \u0640\u0640\u0640 \u0663\u066b\u0665",
    "\x00\x1b[31m\x85",
    "👨\u200d👩\u200d👧 ok",
]


def test_registry_is_populated():
    for name in ("normalize_whitespace", "remove_invisibles", "normalize_quotes", "remove_tatweel"):
        assert name in STEPS


@pytest.mark.parametrize("name", STEPS)
def test_step_has_docstring_with_example(name):
    func = get_step(name)
    assert func.__doc__ and ">>>" in func.__doc__, f"{name} needs a docstring with a doctest"


@pytest.mark.parametrize("name", STEPS)
@pytest.mark.parametrize("text", HARD_CASES)
def test_step_hard_cases(name, text):
    func = get_step(name)
    out = func(text)
    assert isinstance(out, str)
    assert func(out) == out


@pytest.mark.parametrize("name", STEPS)
@given(text=scraped_text())
def test_step_total_idempotent_deterministic(name, text):
    func = get_step(name)
    out = func(text)
    assert isinstance(out, str)
    assert func(text) == out, "not deterministic"
    assert func(out) == out, "not idempotent"


@pytest.mark.parametrize("name", STEPS)
@given(text=scraped_text())
def test_step_tracer_agrees(name, text):
    info = get_info(name)
    if info.tracer is None:
        return
    new, changes = info.tracer(text)
    assert new == info.func(text)
    for c in changes:
        assert text[c.start : c.end] == c.before
    assert apply_changes(text, changes) == new


@pytest.mark.parametrize("preset", PRESETS)
@given(text=scraped_text())
def test_preset_total_idempotent_and_explain_replays(preset, text):
    out = clean(text, preset=preset)
    assert clean(out, preset=preset) == out, "preset not idempotent"
    exp = Pipeline.from_preset(preset).explain(text)
    assert exp.output == out
    assert exp.replay() == out
    for report in exp.steps:
        assert apply_changes(report.before, report.changes) == report.text


@pytest.mark.parametrize("preset", PRESETS)
def test_preset_pipeline_pickles(preset):
    p = Pipeline.from_preset(preset)
    q = pickle.loads(pickle.dumps(p))
    text = "\u201cنص\u201d\u00a0 text\u200b"
    assert q(text) == p(text)
    assert Pipeline.from_spec(p.to_spec())(text) == p(text)
