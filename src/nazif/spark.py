"""Apache Spark: nazif as iterator pandas UDFs, and site learning as a groupBy.

Needs the ``spark`` extra (``pip install "nazif[spark]"``: pyspark, pandas,
pyarrow) and nazif installed on every worker::

    from nazif.spark import clean_column, learn_sites, remove_site_chrome

    df = spark.read.json("crawl.jsonl")
    out = clean_column(df, "text", preset="corpus", removals="nazif_spans")

    # two passes: count per site, then clean with each site's learned lines
    lexicons = learn_sites(df, "text", "url")
    out = remove_site_chrome(df, "text", "url", lexicons)

The UDFs are *iterator* pandas UDFs: the pipeline is built once per task
(not once per batch or row), and Arrow moves the texts in batches.  Missing
values (``null``) pass through.  The output of every function is
byte-identical to ``nazif.clean(text, preset)`` (with the site lexicons added
to chrome removal, for :func:`remove_site_chrome`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import pandas as pd
from pyspark.sql import DataFrame
from pyspark.sql import functions as F
from pyspark.sql import types as T

from ._scale import Cleaner
from .chrome.learn import SiteCounts, site_of
from .chrome.lexicon import Lexicon

__all__ = ["SPANS_TYPE", "clean_column", "learn_sites", "remove_site_chrome"]

#: Spark type of a removals column: the ``(start, end, rule, score)`` spans of a row.
SPANS_TYPE = T.ArrayType(
    T.StructType(
        [
            T.StructField("start", T.LongType()),
            T.StructField("end", T.LongType()),
            T.StructField("rule", T.StringType()),
            T.StructField("score", T.DoubleType()),
        ]
    )
)
_WITH_SPANS = T.StructType([T.StructField("text", T.StringType()), T.StructField("spans", SPANS_TYPE)])


def _text(value: Any) -> Any:
    return value if isinstance(value, str) else None


def _spans_records(spans: list[tuple[int, int, str, float]]) -> list[dict[str, Any]]:
    return [{"start": s, "end": e, "rule": r, "score": sc} for s, e, r, sc in spans]


def _udf(preset: str, lexicons: Any, with_spans: bool, with_site: bool) -> Any:
    """The iterator pandas UDF; ``lexicons`` is a broadcast variable or ``None``."""

    def run(batches: Iterator[Any]) -> Iterator[Any]:
        cleaner = Cleaner(preset, lexicons.value if lexicons is not None else None)
        for batch in batches:
            if with_site:
                texts, sites = batch
                site_list = [site_of(s) or None for s in sites]
            else:
                texts, site_list = batch, [None] * len(batch)
            if not with_spans:
                yield pd.Series([cleaner.clean(_text(t), s) for t, s in zip(texts, site_list)], dtype=object)
                continue
            cleaned, spans = [], []
            for t, s in zip(texts, site_list):
                c, sp = cleaner.clean_with_spans(_text(t), s)
                cleaned.append(c)
                spans.append(_spans_records(sp))
            yield pd.DataFrame({"text": cleaned, "spans": spans})

    # pyspark reads the kind of pandas UDF from the annotations: set the real ones.
    arg = Iterator[tuple[pd.Series, pd.Series]] if with_site else Iterator[pd.Series]
    run.__annotations__ = {
        "batches": arg,
        "return": Iterator[pd.DataFrame] if with_spans else Iterator[pd.Series],
    }
    return F.pandas_udf(run, _WITH_SPANS if with_spans else T.StringType())  # type: ignore[call-overload]


def _apply(
    df: DataFrame,
    column: str,
    site_col: str | None,
    preset: str,
    out: str | None,
    removals: str | None,
    lexicons: Any,
) -> DataFrame:
    if not isinstance(df, DataFrame):
        raise TypeError(f"df must be a pyspark DataFrame, not {type(df).__name__}")
    Cleaner(preset)  # fail early, on the driver, for an unknown preset
    out = out or f"{column}_clean"
    cols = [F.col(column)] if site_col is None else [F.col(column), F.col(site_col)]
    udf = _udf(preset, lexicons, removals is not None, site_col is not None)
    if removals is None:
        return df.withColumn(out, udf(*cols))
    tmp = "__nazif_result"
    return (
        df.withColumn(tmp, udf(*cols))
        .withColumn(out, F.col(f"{tmp}.text"))
        .withColumn(removals, F.col(f"{tmp}.spans"))
        .drop(tmp)
    )


def clean_column(
    df: DataFrame, column: str, *, preset: str = "corpus", out: str | None = None, removals: str | None = None
) -> DataFrame:
    """``df`` with ``column`` cleaned as ``nazif.clean(text, preset)`` into ``out``.

    ``out`` defaults to ``column + "_clean"`` (pass ``out=column`` to
    replace it); ``removals`` names a column for the ``(start, end, rule,
    score)`` spans of every change (type :data:`SPANS_TYPE`, coordinates of
    the input text).  Other columns are left alone; ``null`` stays ``null``.
    """
    return _apply(df, column, None, preset, out, removals, None)


def learn_sites(df: DataFrame, text_col: str, site_col: str, **thresholds: Any) -> dict[str, Lexicon]:
    """Pass 1: one site :class:`Lexicon` per site of ``df``, learned from all its pages.

    The site is the host of the URL in ``site_col`` (or the site name it
    holds).  Every partition counts its pages' lines
    (:class:`~nazif.chrome.learn.SiteCounts`), Spark sums the counts per site
    and line key (``groupBy``), and only the lines over the thresholds
    (``min_pages``, ``min_share``, ``paragraph_share`` … as for
    :func:`nazif.chrome.learn.learn`) come back to the driver.
    """
    proto = SiteCounts(**thresholds)
    opts = proto._options()
    line_schema = "site string, key string, pages long, para long, sample string"

    def count(frames: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        counts = SiteCounts(**opts)  # type: ignore[arg-type]
        for frame in frames:
            for text, site in zip(frame[text_col], frame[site_col]):
                s = site_of(site)
                if s and isinstance(text, str):
                    counts.add(s, text)
        rows = []
        for s, n in counts.pages.items():
            rows.append((s, "", n, 0, ""))  # the key "" holds the page count
            rows.extend((s, k, c, para, sample) for k, (c, para, sample) in counts.lines[s].items())
        yield pd.DataFrame(rows, columns=["site", "key", "pages", "para", "sample"])

    summed = (
        df.select(text_col, site_col)
        .mapInPandas(count, line_schema)
        .groupBy("site", "key")
        .agg(F.sum("pages").alias("pages"), F.max("para").alias("para"), F.min("sample").alias("sample"))
    )
    totals = summed.filter(F.col("key") == "").select("site", F.col("pages").alias("total"))
    lines = summed.filter(F.col("key") != "").join(totals, "site")
    need = F.greatest(F.lit(proto.min_pages), F.ceil(F.lit(proto.min_share) * F.col("total")))
    need_para = F.greatest(F.lit(proto.min_pages), F.ceil(F.lit(proto.paragraph_share) * F.col("total")))
    frequent = lines.filter(F.col("pages") >= F.when(F.col("para") > 0, need_para).otherwise(need))
    result = SiteCounts(**opts)  # type: ignore[arg-type]
    for row in frequent.collect():
        result.lines.setdefault(row["site"], {})[row["key"]] = [
            int(row["pages"]),
            int(row["para"]),
            row["sample"],
        ]
        result.pages[row["site"]] = int(row["total"])
    return result.lexicons()


def remove_site_chrome(
    df: DataFrame,
    text_col: str,
    site_col: str,
    lexicons: Mapping[str, Lexicon],
    *,
    preset: str = "corpus",
    out: str | None = None,
    removals: str | None = None,
) -> DataFrame:
    """Pass 2: clean ``text_col`` with ``preset``, adding each site's lexicon to chrome removal.

    ``lexicons`` (from :func:`learn_sites`) is broadcast once to the
    executors; a row whose site has no lexicon is cleaned as by
    :func:`clean_column`.  The safety rules of chrome removal hold: a page's
    headline is kept, and prose goes only when most of the site's pages
    repeat it.
    """
    if not isinstance(lexicons, Mapping):
        raise TypeError(f"lexicons must be a mapping of site -> Lexicon, not {type(lexicons).__name__}")
    bc = df.sparkSession.sparkContext.broadcast(dict(lexicons))
    return _apply(df, text_col, site_col, preset, out, removals, bc)
