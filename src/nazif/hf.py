"""Hugging Face ``datasets``: a batched function for ``Dataset.map``.

:func:`clean_batch` is a plain module-level function (picklable, so
``num_proc`` works, and with a stable ``datasets`` fingerprint because its
options travel in ``fn_kwargs``)::

    from datasets import load_dataset
    from nazif.hf import clean_batch

    ds = load_dataset("json", data_files="crawl.jsonl", split="train")
    ds = ds.map(clean_batch, batched=True, num_proc=4,
                fn_kwargs={"column": "text", "preset": "corpus"})

This module does not import ``datasets``; it needs nothing beyond nazif.

>>> clean_batch({"text": ["Share\\nShare prices fell 3% on Monday.", None]})["text_clean"]
['Share prices fell 3% on Monday.', None]
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from ._scale import Cleaner

__all__ = ["clean_batch"]


@cache
def _cleaner(preset: str) -> Cleaner:
    return Cleaner(preset)


def clean_batch(
    batch: Mapping[str, list[Any]],
    *,
    column: str = "text",
    preset: str = "corpus",
    out_column: str | None = None,
    spans_column: str | None = None,
) -> dict[str, list[Any]]:
    """Clean ``batch[column]`` (a list of texts) as ``nazif.clean(text, preset)`` does.

    Returns the new columns only (``datasets`` keeps the others): the cleaned
    texts in ``out_column`` (default ``column + "_clean"``; pass
    ``out_column=column`` to overwrite), and, when ``spans_column`` is given,
    the ``(start, end, rule, score)`` spans of every change as a list of
    ``{"start", "end", "rule", "score"}`` records per row, in the coordinates
    of the input text.  Values that are not ``str`` (``None``) pass through
    and get no spans.  The pipeline is built once per process and preset.

    >>> clean_batch({"t": ["a  b"]}, column="t", preset="display", out_column="t")
    {'t': ['a b']}
    """
    if not isinstance(column, str):
        raise TypeError(f"column must be str, not {type(column).__name__}")
    try:
        texts = batch[column]
    except KeyError:
        raise KeyError(f"column {column!r} not in the batch; columns: {', '.join(map(str, batch))}") from None
    cleaner = _cleaner(preset)
    out = out_column or f"{column}_clean"
    if spans_column is None:
        return {out: [cleaner.clean(t) for t in texts]}
    cleaned: list[Any] = []
    spans: list[list[dict[str, Any]]] = []
    for t in texts:
        c, sp = cleaner.clean_with_spans(t)
        cleaned.append(c)
        spans.append([{"start": s, "end": e, "rule": r, "score": sc} for s, e, r, sc in sp])
    return {out: cleaned, spans_column: spans}
