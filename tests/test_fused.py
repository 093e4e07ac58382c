"""The fused display pass (nazif.fused) gives byte for byte what the display steps give
one after the other, and the preset pipeline uses it only for a plain call of exactly
those steps."""

from __future__ import annotations

import gzip
import json
import random
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

import nazif
from nazif import Pipeline
from nazif._nfc import nfc
from nazif.fused import DISPLAY_STEPS, display
from nazif.presets import PRESETS
from strategies import arabic_text, hidden_markup_text, lines_text, scraped_text

_STEPS = Pipeline.from_preset("display").steps

# Characters where the fast paths decide: each step's triggers and their neighbours.
_EDGE_PIECES = (
    list(" \n\r\t\x0b\x0c\x1b[31m\u0085\u2028\u00a0\u2003\u200b\u200c\u200d\u200e\u200f\u202b\u2066\u2069")
    + list("\u0640\ufef7\ufdfa\ufe76\u0627\u0654\u064e\u0651\u0628\u06cc\u0301e")
    + list("'`\"\u2019\u201c,.:;?!()[]{}\u060c\u061f 5\u2032a")
    + ["www.x.com", "http://a.b/c'd", "\u1fef", "\u2000"]
)
_EDGE = st.lists(st.sampled_from(_EDGE_PIECES), max_size=40).map("".join)


def _stepwise(text: str, steps=_STEPS) -> str:
    for s in steps:
        text = s(text)
    return text


_CORPUS = Pipeline.from_preset("corpus")
_PAGE = Pipeline.from_preset("page")


def test_fused_pass_stands_for_the_display_preset():
    assert tuple(PRESETS["display"]) == DISPLAY_STEPS
    assert Pipeline.from_preset("display")._fused is display
    assert Pipeline(list(DISPLAY_STEPS))._fused is display


def test_the_display_run_inside_corpus_and_page_is_fused():
    for p in (_CORPUS, _PAGE):
        assert p._fused is not None and display in p._fused.args[0]
    assert Pipeline(["remove_markup", *DISPLAY_STEPS, *DISPLAY_STEPS])._fused.args[0][1:] == (
        display,
        display,
    )


def test_other_pipelines_run_step_by_step():
    assert Pipeline.from_preset("search")._fused is None
    assert Pipeline(list(DISPLAY_STEPS[:-1]))._fused is None
    assert Pipeline([*DISPLAY_STEPS[:-1], ["normalize_quotes", {"style": "typographic"}]])._fused is None
    # a pipeline whose steps were changed after it was built runs its steps
    p = Pipeline.from_preset("display")
    p.steps.append(Pipeline(["normalize_digits"]).steps[0])
    assert p("\u0663 \u201cx\u201d") == '3 "x"'


def test_explain_still_reports_per_step():
    ex = nazif.explain("\u201cHi\u201d\u200b  there", "display")
    assert [r.step for r in ex.steps] == ["remove_invisibles", "normalize_whitespace", "normalize_quotes"]
    assert ex.output == nazif.clean("\u201cHi\u201d\u200b  there")


@given(st.one_of(scraped_text(), lines_text(), arabic_text(), hidden_markup_text(), _EDGE))
def test_fused_equals_steps(text):
    assert display(text) == _stepwise(text)


@given(st.one_of(scraped_text(), lines_text(), hidden_markup_text(), _EDGE))
def test_fused_corpus_and_page_presets_equal_their_steps(text):
    assert _CORPUS(text) == _stepwise(text, _CORPUS.steps)
    assert _PAGE(text) == _stepwise(text, _PAGE.steps)


@given(st.one_of(scraped_text(), lines_text(), arabic_text(), _EDGE))
def test_line_wise_nfc_equals_unicodedata(text):
    assert nfc(text) == unicodedata.normalize("NFC", text)


def test_fused_equals_steps_on_the_shared_corpus(shared):
    # a fixed sample (a few seconds): every 12th document of each language
    rnd = random.Random(13)
    checked = 0
    for lang in ("ar", "en", "mixed"):
        with gzip.open(shared("corpus", f"{lang}.jsonl.gz"), "rt", encoding="utf-8") as fh:
            docs = [json.loads(line)["text"] for line in fh]
        for doc in docs[rnd.randrange(12) :: 12]:
            assert display(doc) == _stepwise(doc)
            assert nfc(doc) == unicodedata.normalize("NFC", doc)
            if checked % 4 == 0:
                assert _CORPUS(doc) == _stepwise(doc, _CORPUS.steps)
            checked += 1
    assert checked > 100
