"""Protected spans: URLs and e-mail addresses are found exactly and in linear time."""

from __future__ import annotations

from hypothesis import given

from nazif.protected import map_unprotected, protected_spans, split_protected
from strategies import scraped_text


def spans_text(text, **kw):
    return [text[s:e] for s, e in protected_spans(text, **kw)]


def test_urls_and_emails():
    text = "راجع https://example.com/a,b?q=1. أو www.site.org/x) أو اكتب إلى editor@news.example.com."
    assert spans_text(text) == [
        "https://example.com/a,b?q=1",
        "www.site.org/x",
        "editor@news.example.com",
    ]


def test_wikipedia_style_parentheses_kept():
    assert spans_text("(see https://en.wikipedia.org/wiki/Foo_(bar)).") == [
        "https://en.wikipedia.org/wiki/Foo_(bar)"
    ]


def test_not_emails():
    assert spans_text("AT&T @handle a@b x@y.") == []


def test_latin_runs_optional():
    assert spans_text("قال مدير WHO Europe إن", latin=True) == ["WHO Europe"]
    assert spans_text("قال مدير WHO Europe إن") == []


@given(scraped_text())
def test_split_protected_partitions(text):
    pieces = list(split_protected(text, latin=True))
    assert "".join(p for p, _ in pieces) == text
    assert map_unprotected(text, lambda s: s) == text


def test_pathological_inputs_finish():
    # Each of these would take minutes with a backtracking e-mail pattern.
    protected_spans("a" * 1_000_000 + "@" + "b" * 1_000_000)
    protected_spans("x@" * 500_000)
    protected_spans("http://" + "a" * 1_000_000 + ")" * 1_000_000)
