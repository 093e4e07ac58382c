"""remove_markup: entities unescaped to a fixed point, unmistakable tags removed."""

from __future__ import annotations

import gzip
import inspect
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nazif import Pipeline
from nazif.diff import apply_changes
from nazif.markup import remove_markup, trace_remove_markup
from nazif.steps import get_info
from strategies import scraped_text


def test_registered_with_tracer():
    info = get_info("remove_markup")
    assert info.lossless is False  # it deletes tags and script contents
    # the registry holds the tracer behind its TypeError-at-entry wrapper
    assert inspect.unwrap(info.tracer) is trace_remove_markup


@pytest.mark.parametrize(
    "text, expected",
    [
        ("AT&amp;T", "AT&T"),
        ("Tom &amp; Jerry &quot;live&quot; &lt;3", 'Tom & Jerry "live" <3'),
        ("5&nbsp;km", "5\u00a0km"),
        ("&#1575;&#1604;&#x639;&#X631;&#x628;", "العرب"),
        ("caf&eacute; &copy; 2024 &hellip;", "café © 2024 …"),
        ("&#150; &#8220;x&#8221;", "– “x”"),  # HTML5 reads &#150; as windows-1252
        ("&amp;lt;p&amp;gt;", "&lt;p&gt;"),  # escaped twice: shown as escaped markup, never deleted
        ("&amp;amp;amp;", "&"),
        ("&amp;foo; &amp;T", "&foo; &T"),
        ("x&amp;#35;y", "x#y"),
        ("https://x.org/?a=1&amp;b=2", "https://x.org/?a=1&b=2"),
    ],
)
def test_entities(text, expected):
    assert remove_markup(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "AT&T and Q&A and R&D",
        "fish & chips; salt&pepper",
        "?a=1&copy=2&lang=ar",  # legacy names without ";" stay
        "&T; &foo; &#0; &#xD800; &#1; &#x110000; &#12345678;",
        "& amp; &;",
    ],
)
def test_entities_left_alone(text):
    assert remove_markup(text) == text


@pytest.mark.parametrize(
    "text, expected",
    [
        ("line one<br>line two<br/>three<BR />four", "line one\nline two\nthree\nfour"),
        ('<p class="lead">Gaza</p><p>Next</p>', "Gaza\nNext"),
        ("<div id='a' data-x=1>x</div>\n<div>y</div>", "x\ny"),
        ('<a href="https://x.org">link</a> and <b>bold</b>, <span style="c">s</span>', "link and bold, s"),
        ("<td>1</td><td>2</td>", "1 2"),
        ("a<!-- hidden\ncomment -->b", "ab"),
        ('before<script type="text/javascript">var x = 1 < 2;</script>after', "before\nafter"),
        ("<style>p { color: red }</style>Text", "Text"),
        ("<!DOCTYPE html><html><body>Hi</body></html>", "Hi"),
        ('<?xml version="1.0"?>Hi', "Hi"),
        ("&lt;p&gt;escaped&lt;/p&gt;", "&lt;p&gt;escaped&lt;/p&gt;"),  # text showing markup
        ("<B>bold</B>", "bold"),
        ("مرحبا<br>بكم", "مرحبا\nبكم"),
    ],
)
def test_tags(text, expected):
    assert remove_markup(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "a < b > c",
        "x<y and y>z",
        "I <3 you",
        "write to <editor@news.example.com>",
        "List<T> and Map<K, V>",
        "<a few words> in prose",
        "<John Smith> said",
        "USAIR <U> FEBRUARY LOAD FACTOR RISES; SEARS <S> AND DU PONT <DD>",
        "unterminated <!-- comment",
        "<p unterminated",
        "<<>> <> </> <1> <-->",
        "<p onclick>",  # attributes without any name=value
    ],
)
def test_not_tags(text):
    assert remove_markup(text) == text


def test_options():
    text = "a &amp; <b>b</b>"
    assert remove_markup(text, unescape_entities=False) == "a &amp; b"
    assert remove_markup(text, strip_tags=False) == "a & <b>b</b>"
    assert remove_markup(text, unescape_entities=False, strip_tags=False) == text


def test_no_new_tag_or_entity_is_glued_together():
    # removing <b> would make "<p>" or "&amp;" out of the pieces around it
    assert remove_markup("<<b>p>") == "<<b>p>"
    assert remove_markup("&am<b>p;") == "&am<b>p;"
    for text in ["<<b>p>", "&am<b>p;", "<p<i>>x"]:
        out = remove_markup(text)
        assert remove_markup(out) == out


def test_tracer_rules_entries_lines():
    text = 'x &amp; y\n<p class="a">z</p>\n<!-- c --><b>w'
    out, changes = trace_remove_markup(text)
    assert out == "x & y\nz\nw"
    assert [(c.line, c.rule, c.entry) for c in changes] == [
        (0, "entity", "&amp;"),
        (1, "tag", "p"),
        (1, "tag", "/p"),
        (2, "comment", "<!-- -->"),
        (2, "tag", "b"),
    ]
    assert changes[-1].before == "<b>"
    assert apply_changes(text, changes) == out


def test_explain_through_pipeline():
    exp = Pipeline(["remove_markup"]).explain("a<br>b &amp; c")
    (report,) = exp.steps
    assert [c.rule for c in report.changes] == ["tag", "entity"]
    assert exp.replay() == exp.output == "a\nb & c"


# --- properties ---------------------------------------------------------------------

_PIECES = [
    "<",
    ">",
    "/",
    "p",
    "b",
    "br",
    "<p>",
    "</p>",
    "<br>",
    "<b>",
    "</b>",
    "&",
    "amp;",
    "lt;",
    "gt;",
    "&amp;",
    "&lt;",
    "&gt;",
    ";",
    "#",
    "38",
    "x26",
    "<!--",
    "-->",
    "<script>",
    "</script>",
    "<style>",
    "x",
    " ",
    "\n",
    "=",
    '"',
    "a",
    "class",
    '<div class="x">',
    "td",
    "<td>",
    "&#65;",
    "&nbsp;",
    "<!DOCTYPE html>",
    "<?xml v?>",
    "é",
    "ا",
    "<B>",
    "</B>",
    "<U>",
    "AT&T",
]
markup_soup = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)


@settings(max_examples=500)
@given(st.one_of(markup_soup, scraped_text()), st.booleans(), st.booleans())
def test_property_idempotent_and_traced(text, unescape, strip):
    out, changes = trace_remove_markup(text, unescape_entities=unescape, strip_tags=strip)
    assert out == remove_markup(text, unescape_entities=unescape, strip_tags=strip)
    assert remove_markup(out, unescape_entities=unescape, strip_tags=strip) == out
    for c in changes:
        assert text[c.start : c.end] == c.before
    assert apply_changes(text, changes) == out


@given(st.text(alphabet="abc <>&;/!-=\"'#x\n", max_size=40))
def test_property_small_alphabet(text):
    out = remove_markup(text)
    assert remove_markup(out) == out


@given(st.text(alphabet=st.characters(blacklist_characters="<&"), max_size=60))
def test_property_text_without_markup_is_untouched(text):
    assert remove_markup(text) is text or remove_markup(text) == text


# --- linear time ---------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "<p " + "a" * 2_000_000,
        "<p" * 700_000,
        "&amp;" * 400_000 + "lt;",
        "<" * 1_000_000 + ">" * 1_000_000,
        "<!--" * 500_000,
        "<script>" * 250_000,
        "<B>" * 600_000 + "</B>",
        '<p a="1" ' + "b " * 900_000 + "!>",
        "&#" + "1" * 2_000_000 + ";",
        ("<b>" + "x" * 100) * 20_000,
        "&lt;\x80b&gt;x " * 200_000,
    ],
    ids=[
        "open",
        "opens",
        "amps",
        "brackets",
        "comments",
        "scripts",
        "caps",
        "attrs",
        "digits",
        "many",
        "c1-escaped",
    ],
)
def test_long_inputs_finish(text):
    out = remove_markup(text)
    assert remove_markup(out) == out


# --- the real corpus -------------------------------------------------------------------


def _docs(path):
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in fh]


def test_real_corpus_only_references_change(shared):
    """The shared corpus holds real leftovers (&quot;, &#8220;, &#233;) and
    stock tickers in angle brackets (<S>, <DD>): the first are unescaped,
    the second left alone."""
    for lang in ("ar", "en", "mixed"):
        for doc in _docs(shared("corpus", f"{lang}.jsonl.gz")):
            out, changes = trace_remove_markup(doc)
            assert {c.rule for c in changes} <= {"entity"}
            assert apply_changes(doc, changes) == out


# Issue 11: tags are found before references are decoded.
@pytest.mark.parametrize(
    "text, expected",
    [
        ('<a title="say &quot;hi&quot;" href="/x">link</a> text', "link text"),
        ("<p data-x='&lt;b&gt;'>para</p>", "para"),
        ("use the &lt;b&gt; tag", "use the &lt;b&gt; tag"),  # never deleted
        ("5 &lt; 6 &amp;&amp; 7 &gt; 2", "5 < 6 && 7 > 2"),  # decoded where no tag appears
        ("a &lt;3 b", "a <3 b"),
        ("<b&gt;x", "<b&gt;x"),
    ],
)
def test_tags_before_entities(text, expected):
    out = remove_markup(text)
    assert out == expected
    assert remove_markup(out) == out
    traced, changes = trace_remove_markup(text)
    assert traced == out
    assert apply_changes(text, changes) == out


# --- invisibles inside references and tags are seen through (issue 10, item 5) --------

from strategies import HIDING, hidden_markup_text  # noqa: E402


@pytest.mark.parametrize(
    "text, expected",
    [
        ("AT&am\u00adp;T news", "AT&T news"),
        ("<\u200bb>bold</b> text here", "bold text here"),
        ("<\x7fa>", ""),
        ('x<p\u200b class="a">y', "x\ny"),
        ("AT&am&shy;p;T", "AT&T"),  # a reference to an invisible hides too
        ("a &#82\u200b03; b", "a \u200b b"),
        ("&amp;am\u200bp;", "&"),
        ("<!\u200b-- note -->x", "x"),
        ("a &sh\u200by; b", "a \u00ad b"),
        # C1 controls (windows-1252 read as latin-1) make no construct in either reading
        ("AT&\x80amp;T", "AT&T"),
        ("<\x80b>bold</b> x", "bold x"),
        ('<a title="\x93hi\x94">link</a> text', "link text"),
        # ... and one inside an escaped tag that stays escaped goes with it: left, it
        # would be deleted later, or read as windows-1252 ("&lt;€b&gt;", which a
        # second call would decode)
        ("&lt;\x80b&gt; text", "&lt;b&gt; text"),
        ("&amp;lt;\x93i&amp;gt; x\x80", "&lt;i&gt; x\x80"),  # the control outside stays
        ("&#60;b\x80&#62;", "&#60;b&#62;"),
    ],
)
def test_invisibles_inside_markup_are_seen_through(text, expected):
    out, changes = trace_remove_markup(text)
    assert out == expected == remove_markup(text)
    assert remove_markup(out) == out
    assert apply_changes(text, changes) == out


@pytest.mark.parametrize(
    "text",
    [
        "plain \u200b & text",  # outside markup: remove_invisibles' business
        "AT&T\u200b",
        "a &s\u200bhx; b",  # not a reference without the invisible either
        "x<\u200by",
        "&lt;\u200bb&gt;",  # escaped markup stays escaped
        "caf\x80 & x",  # a C1 control outside markup: repair_mojibake's or remove_invisibles'
        "\u200b<3",
    ],
)
def test_invisibles_outside_markup_are_left_alone(text):
    assert remove_markup(text) == text


def test_hidden_markup_tracer_names_the_construct():
    _, changes = trace_remove_markup("AT&am\u00adp;T <\u200bb>x")
    assert [(c.before, c.after, c.rule, c.entry) for c in changes] == [
        ("&am\u00adp;", "&", "entity", "&amp;"),
        ("<\u200bb>", "", "tag", "b"),
    ]


@settings(max_examples=400, deadline=None)
@given(hidden_markup_text(), st.booleans(), st.booleans())
def test_property_hidden_markup_idempotent_and_traced(text, unescape, strip):
    out, changes = trace_remove_markup(text, unescape_entities=unescape, strip_tags=strip)
    assert out == remove_markup(text, unescape_entities=unescape, strip_tags=strip)
    assert remove_markup(out, unescape_entities=unescape, strip_tags=strip) == out
    for c in changes:
        assert text[c.start : c.end] == c.before
    assert apply_changes(text, changes) == out


@given(st.lists(st.sampled_from([*_PIECES, *HIDING]), max_size=30).map("".join))
def test_property_hidden_soup_idempotent(text):
    out, changes = trace_remove_markup(text)
    assert remove_markup(out) == out
    assert apply_changes(text, changes) == out


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "<p\u200b" * 500_000,
        "&am\u200bp;" * 300_000,
        "&\u200b" * 1_000_000,
        "<\u200bb>" * 300_000 + "</b>",
        "&shy;" * 400_000,
    ],
    ids=["opens", "amps", "bare", "tags", "shy"],
)
def test_long_hidden_inputs_finish(text):
    out = remove_markup(text)
    assert remove_markup(out) == out


@pytest.mark.slow
def test_hidden_markup_scales_linearly():
    import time

    def t(n):
        text = ("AT&am\u00adp;T <\u200bb>x</b> \u200b & &lt;\x80b&gt; " * n) + "<\u200bp>"
        best = 1e9
        for _ in range(3):
            t0 = time.perf_counter()
            remove_markup(text)
            best = min(best, time.perf_counter() - t0)
        return best

    assert t(16_000) / t(4_000) <= 8


def test_only_the_angles_that_would_make_a_tag_stay_escaped():
    # a later step (chrome removal) may drop the escaped markup's line: the other
    # references must already be decoded, or a second run would decode them
    assert remove_markup("x &lt;b&gt; y<p>the &lt; end") == "x &lt;b&gt; y\nthe < end"
    assert remove_markup("&lt;\u200bb&gt; x &lt;") == "&lt;\u200bb&gt; x <"
    for text in ["&lt;b x=&lt;b&gt; y>", "&lt;!-- a --&gt; &lt;", "&amp;lt;b&amp;gt;&lt;"]:
        out = remove_markup(text)
        assert remove_markup(out) == out
