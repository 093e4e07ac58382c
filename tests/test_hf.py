"""nazif.hf.clean_batch, alone and inside ``datasets.map(batched=True, num_proc=2)``."""

from __future__ import annotations

import pytest

import nazif
from nazif.hf import clean_batch
from scale_samples import SAMPLES, UTF8_SAMPLES


def test_clean_batch_is_nazif_clean() -> None:
    out = clean_batch({"text": [*SAMPLES, None]})
    assert out["text_clean"] == [*(nazif.clean(t, preset="corpus") for t in SAMPLES), None]


def test_out_column_and_preset() -> None:
    out = clean_batch({"body": ["a  b", None]}, column="body", preset="display", out_column="body")
    assert out == {"body": ["a b", None]}


def test_spans_column_points_into_the_input() -> None:
    out = clean_batch({"text": SAMPLES}, spans_column="spans")
    assert len(out["spans"]) == len(SAMPLES)
    for text, spans in zip(SAMPLES, out["spans"]):
        for sp in spans:
            assert 0 <= sp["start"] <= sp["end"] <= len(text)
            assert isinstance(sp["rule"], str) and sp["rule"]
            assert sp["score"] == 1.0
    chrome = [sp for sp in out["spans"][3] if sp["rule"].startswith("remove_chrome")]
    assert [SAMPLES[3][sp["start"] : sp["end"]] for sp in chrome] == ["Share\n"]


def test_bad_column() -> None:
    with pytest.raises(KeyError):
        clean_batch({"text": []}, column="body")
    with pytest.raises(TypeError):
        clean_batch({"text": []}, column=3)  # type: ignore[arg-type]


def test_datasets_map_num_proc_2(tmp_path) -> None:
    datasets = pytest.importorskip("datasets")
    texts = [*UTF8_SAMPLES, None] * 3
    ds = datasets.Dataset.from_dict({"text": texts, "id": list(range(len(texts)))})
    kwargs = {"column": "text", "preset": "corpus"}
    out = ds.map(clean_batch, batched=True, batch_size=4, num_proc=2, fn_kwargs=kwargs)
    assert out["id"] == list(range(len(texts)))
    assert out["text"] == texts
    assert out["text_clean"] == [None if t is None else nazif.clean(t, preset="corpus") for t in texts]
    # the same function and options give the same fingerprint (datasets caching works)
    again = ds.map(clean_batch, batched=True, batch_size=4, num_proc=2, fn_kwargs=kwargs)
    assert again._fingerprint == out._fingerprint
