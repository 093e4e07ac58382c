"""The pipeline object: composition, data round trip, pickling, explain and replay."""

from __future__ import annotations

import functools
import json
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

import nazif
from nazif import Pipeline, make_pipeline
from nazif.diff import apply_changes, diff_changes
from nazif.steps import Change, attach_tracer
from strategies import scraped_text


def shout(text: str) -> str:
    """A user's own step (module level, so it pickles)."""
    return text.upper()


def a_to_b(text: str, *, count: int = -1) -> str:
    return text.replace("A", "B", count)


def drop_x_lines(text: str) -> str:
    return "\n".join(line for line in text.split("\n") if line != "x")


def trace_drop_x_lines(text: str):
    changes = []
    pos = 0
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line == "x":
            if i < len(lines) - 1:
                changes.append(Change(pos, pos + 2, "x\n", "", rule="user", entry="x", line=i))
            elif i > 0:
                changes.append(Change(pos - 1, pos + 1, "\nx", "", rule="user", entry="x", line=i))
            else:
                changes.append(Change(0, 1, "x", "", rule="user", entry="x", line=i))
        pos += len(line) + 1
    return drop_x_lines(text), changes


attach_tracer(drop_x_lines, trace_drop_x_lines)


def test_names_options_and_callables_compose():
    p = Pipeline(["normalize_whitespace", ("normalize_quotes", {"style": "ascii"}), shout])
    assert p("\u201chi\u201d   there ") == '"HI" THERE'
    assert p.names == ["normalize_whitespace", "normalize_quotes", "shout"]


def test_mapping_spec_and_json_round_trip():
    spec = [{"step": "normalize_whitespace", "max_blank_lines": 0}, ["remove_tatweel"]]
    p = Pipeline.from_spec(json.dumps(spec))
    assert p("a\n\n\nبـــاب") == "a\nباب"
    assert Pipeline.from_spec(json.loads(json.dumps(p.to_spec())))("a\n\n\nبـــاب") == "a\nباب"


def test_spec_object_with_preset_and_extra_steps():
    p = Pipeline.from_spec({"preset": "display", "steps": [["normalize_digits", {"to": "ascii"}]]})
    assert p.names[: len(Pipeline.from_preset("display"))] == Pipeline.from_preset("display").names
    assert p("\u0661\u0662") == "12"


def test_unknown_step_and_bad_spec_raise_clear_errors():
    with pytest.raises(KeyError, match="unknown step"):
        Pipeline(["no_such_step"])
    with pytest.raises(ValueError):
        Pipeline([{"max_blank_lines": 1}])
    with pytest.raises(TypeError):
        Pipeline([42])


def test_unregistered_callable_cannot_be_saved_as_data():
    with pytest.raises(ValueError, match="not a registered step"):
        Pipeline([shout]).to_spec()


def test_pickle_with_user_step_and_partial():
    p = Pipeline(["remove_tatweel", shout, functools.partial(a_to_b, count=1)])
    q = pickle.loads(pickle.dumps(p))
    assert q("a") == p("a") == "B"
    assert q.names == p.names


def test_then_and_add_make_new_pipelines():
    base = Pipeline(["remove_tatweel"])
    longer = base.then(shout)
    assert len(base) == 1 and len(longer) == 2
    assert (base + Pipeline([shout])).names == ["remove_tatweel", "shout"]


def test_make_pipeline_and_repr():
    p = make_pipeline("remove_tatweel", ("normalize_whitespace", {"max_blank_lines": 2}))
    assert "normalize_whitespace(max_blank_lines=2)" in repr(p)


def test_explain_reports_only_changing_steps_and_replays():
    p = Pipeline(["remove_tatweel", "normalize_whitespace", shout])
    text = "abc  def\nمـرحبا"
    exp = p.explain(text)
    assert [r.step for r in exp.steps] == ["remove_tatweel", "normalize_whitespace", "shout"]
    assert exp.output == p(text)
    assert exp.replay() == exp.output
    ws = exp.steps[1]
    assert ws.n_changes == 1
    ((start, end),) = ws.spans
    assert 3 <= start < end <= 5
    assert apply_changes(ws.before, ws.changes) == ws.text == "abc def\nمرحبا"
    exp2 = p.explain("ABC")
    assert exp2.steps == [] and exp2.output == "ABC"
    assert "no step changed anything" in str(exp2)


def test_explain_uses_tracer_rule_and_entry():
    p = Pipeline([drop_x_lines])
    exp = p.explain("a\nx\nb")
    (report,) = exp.steps
    (change,) = report.changes
    assert (change.rule, change.entry, change.line) == ("user", "x", 1)
    assert apply_changes(report.before, report.changes) == "a\nb"
    data = json.loads(exp.to_json())
    assert data[0]["changes"][0]["rule"] == "user"
    assert "[user: x]" in str(exp)


@given(before=scraped_text(), after=scraped_text())
def test_diff_changes_apply_exactly(before, after):
    changes = diff_changes(before, after)
    for c in changes:
        assert before[c.start : c.end] == c.before
    assert apply_changes(before, changes) == after


@given(st.lists(st.sampled_from(["a", "b", "", "x y", "  "]), max_size=12), st.data())
def test_diff_of_line_deletions_is_exact(lines, data):
    before = "\n".join(lines)
    keep = data.draw(st.lists(st.booleans(), min_size=len(lines), max_size=len(lines)))
    after = "\n".join(line for line, k in zip(lines, keep) if k)
    assert apply_changes(before, diff_changes(before, after)) == after


def test_clean_and_explain_entry_points():
    assert nazif.clean("a\u00a0\u00a0b") == "a b"
    exp = nazif.explain("a\u00a0\u00a0b")
    assert exp.output == "a b" and exp.steps


def test_unknown_preset():
    with pytest.raises(KeyError, match="unknown preset"):
        nazif.clean("x", preset="nope")


def test_lazy_exports_resolve_to_step_functions():
    from nazif.steps import get_step

    for name in nazif.__all__:
        obj = getattr(nazif, name)
        if name in nazif._LAZY:
            assert obj is get_step(name)


def test_every_explained_change_names_its_line():
    text = "first\u200b line\nsecond  line\n\u201cthird\u201d"
    exp = nazif.explain(text)
    lines = {(r.step, c.line) for r in exp.steps for c in r.changes}
    assert ("remove_invisibles", 0) in lines
    assert ("normalize_whitespace", 1) in lines
    assert ("normalize_quotes", 2) in lines
    assert all(c.line is not None for r in exp.steps for c in r.changes)


@given(st.lists(st.tuples(scraped_text(max_tokens=6), scraped_text(max_tokens=6)), max_size=8))
def test_diff_changes_same_line_count_stays_inside_lines(pairs):
    # Lines edited in place (no line added or removed): every change lies in
    # one line of the input, names that line, and applying them is exact.
    a_lines = [a.replace("\n", " ") for a, _ in pairs]
    b_lines = [b.replace("\n", " ") for _, b in pairs]
    before, after = "\n".join(a_lines), "\n".join(b_lines)
    changes = diff_changes(before, after)
    assert apply_changes(before, changes) == after
    for change in changes:
        assert "\n" not in change.before and "\n" not in change.after
        assert before.count("\n", 0, change.start) == change.line


# --- the character diff: sparse edits are reported small, in linear time -------


def test_sparse_edits_in_a_long_line_are_reported_one_by_one():
    line = " ".join(f"word{i}" for i in range(300))  # ~2,600 characters
    edited = line.replace("word10 ", "word10  ").replace("word150", "w150").replace("word290", "word290,")
    changes = diff_changes(line, edited)
    assert apply_changes(line, changes) == edited
    assert len(changes) == 3
    assert all(len(c.before) + len(c.after) <= 4 for c in changes)


def test_dense_edits_fall_back_to_one_change():
    # more scattered insertions than the diff lists: the changed middle is one change
    a = "ab" * 400
    b = "a-b" * 400
    changes = diff_changes(a, b)
    assert apply_changes(a, changes) == b
    assert len(changes) == 1


@given(st.text(alphabet="ab \u064e\n", max_size=60), st.text(alphabet="ab \u064e\n", max_size=60))
def test_char_diff_is_exact_on_any_pair(before, after):
    changes = diff_changes(before, after)
    for c in changes:
        assert before[c.start : c.end] == c.before
    assert apply_changes(before, changes) == after


# --- substitution_changes: the diff of an in-place letter map, found from the letters


@given(
    text=st.text(alphabet="ةىه ي\nab", max_size=60),
    mapping=st.sampled_from([{"ة": "ه"}, {"ى": "ي"}, {"ة": "ه", "a": "b"}, {"ة": "هه"}, {}]),
)
def test_substitution_changes_equal_the_diff(text, mapping):
    import re

    from nazif.diff import diff_changes, substitution_changes

    after = "".join(mapping.get(c, c) for c in text)
    # the candidates name only ة and ى: a change elsewhere ("a" -> "b") or a
    # longer replacement falls back to the diff, with the same result
    assert substitution_changes(text, after, re.compile("[ةى]+")) == diff_changes(text, after)
