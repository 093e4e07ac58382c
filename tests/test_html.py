"""nazif.html: lines a person sees, DOM evidence, clean_html; and the public
API's entry type checks."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

import nazif
from nazif.steps import get_info, step_names
from timing import best_time

html = pytest.importorskip("nazif.html", exc_type=ImportError)

FIX = Path(__file__).parent / "fixtures" / "html"


def test_blocks_and_inlines():
    src = "<div>Menu <b>bold</b> <a href='/x'>link</a></div><p>one<br>two</p><ul><li>a</li><li>b</li></ul>"
    assert html.to_text(src) == "Menu bold link\none\ntwo\na\nb"


def test_script_style_template_dropped_and_tail_kept():
    src = "<p>a<script>var x = '<p>no</p>';</script> b<style>p{}</style><template><p>t</p></template> c</p>"
    assert html.to_text(src) == "a b c"


def test_entities_decoded_once_and_escaped_markup_kept():
    assert html.to_text("<p>use the &lt;b&gt; tag &amp;amp; more</p>") == "use the <b> tag &amp; more"


def test_newlines_inside_text_nodes_become_spaces():
    assert html.to_text("<p>one\ntwo\r\nthree</p>") == "one two three"


def test_selector_first_match_and_no_match():
    src = "<div class=a><p>x</p></div><div class=a><p>y</p></div>"
    assert html.to_text(src, selector="div.a") == "x"
    assert html.to_text(src, selector="article") == ""


@pytest.mark.parametrize("src", ["", "   ", b"", "<!-- only a comment -->", "\ud800", "<html></html>"])
def test_empty_and_odd_inputs(src):
    assert isinstance(html.to_text(src), str)
    assert isinstance(html.clean_html(src), str)


def test_encoding_from_meta_charset():
    data = (FIX / "library-ar-cp1256.html").read_bytes()
    text = html.to_text(data)
    assert "افتتاح مكتبة جديدة في الحي القديم" in text.splitlines()


def test_encoding_bom_and_utf8_fallback():
    assert html.to_text(b"\xef\xbb\xbf<p>\xd9\x86\xd8\xb5</p>") == "نص"
    assert html.to_text("<p>caf\xe9</p>".encode("cp1252")) == "café"


def test_beautifulsoup_input_without_requiring_bs4():
    bs4 = pytest.importorskip("bs4")
    soup = bs4.BeautifulSoup("<div><p>x <i>y</i></p><p>z</p></div>", "html.parser")
    assert html.to_text(soup) == "x y\nz"
    assert html.to_text(soup.find_all("p")[1]) == "z"


def test_lxml_element_input_not_mutated():
    from lxml import html as lh

    root = lh.fromstring("<div><p>a</p><script>s</script><p>b</p></div>")
    assert html.to_text(root) == "a\nb"
    assert root.xpath("string(//script)") == "s"


def test_dom_evidence():
    src = (
        "<nav><a href='/'>Home</a></nav>"
        "<article><header><h1>Headline</h1></header><p>Body <a href='/x'>link</a></p>"
        "<div class='share-tools'><a>Share</a></div></article>"
        "<span class='sr-only'>Skip</span>"
    )
    got = {ln.text: ln for ln in html.lines(src)}
    assert got["Home"].tag == "nav" and got["Home"].link_share == 1.0
    assert got["Headline"].tag == ""  # an article's own header
    assert 0 < got["Body link"].link_share < 1
    assert got["Share"].token == "share"
    assert got["Skip"].hidden


def test_layout_wrappers_are_not_chrome():
    # a wrapper named after the menu that holds the article is a layout, not chrome
    src = "<div class='menu-open'><main><p>Article text.</p></main></div>"
    (line,) = html.lines(src)
    assert html.dom_chrome(line) is None


def test_long_prose_in_aside_is_kept():
    prose = "This is a long paragraph of the article that a theme happened to put inside an aside element."
    src = f"<aside><p>{prose}</p></aside><p>Body.</p>"
    assert prose in html.clean_html(src, preset="display")


def test_clean_html_fixture_page():
    data = (FIX / "news-en.html").read_bytes()
    out, removed = html.clean_html_with_removals(data)
    lines = out.splitlines()
    for kept in (
        "River festival returns after a two-year pause",
        "Volunteers cleaned the riverside paths on Sunday morning & collected 40 bags of litter.",
    ):
        assert kept in lines
    for gone in ("News", "Share on Facebook Share on X", "Related stories", "Privacy policy"):
        assert gone not in lines
    rules = {r.text: (r.rule, r.entry) for r in removed}
    assert rules["Related stories"] == ("dom-token", "related")
    assert rules["News"] == ("dom-tag", "nav")
    # every removed line is a page line, and nothing else went
    page = html.to_text(data).splitlines()
    assert all(page[r.line] == r.text for r in removed)
    assert len(lines) + len(removed) == len(page)


def test_clean_html_idempotent_on_its_text():
    data = (FIX / "news-en.html").read_bytes()
    out = html.clean_html(data, preset="display")
    assert nazif.clean(out, preset="display") == out


def test_dom_false_keeps_dom_lines():
    src = "<nav><a href='/'>Home page of the site</a></nav><p>Body text.</p>"
    assert "Home page of the site" in html.clean_html(src, preset="display", dom=False)
    assert "Home page of the site" not in html.clean_html(src, preset="display")


def test_issue_remove_markup_case():
    assert nazif.remove_markup('<a title="say &quot;hi&quot;" href="/x">link</a> text') == "link text"
    assert "&lt;b&gt;" in nazif.remove_markup("use the &lt;b&gt; tag")


def test_huge_text_and_deep_nesting_are_not_dropped():
    # libxml2's default limits drop a text node over 10 MB and anything nested
    # deeper than 255 elements (broken pages pile unclosed tags up)
    big = "word " * 2_100_000
    assert html.to_text(f"<p>{big}</p>") == big
    assert html.to_text("<div>" * 1000 + "deep text" + "</div>" * 1000) == "deep text"
    assert (
        html.to_text("<font>" * 600 + "<p>unclosed tags all the way down</p>")
        == "unclosed tags all the way down"
    )


def test_linear_time_ratio():
    def t(n):
        src = "<div><p>word <a href='#'>link</a></p></div>" * n
        return best_time(lambda: html.to_text(src))

    assert t(8000) / t(2000) <= 8


# --- every public entry point fails at entry on a wrong type -------------------

BAD = [None, 3, b"bytes", math.nan, ["x"]]


@pytest.mark.parametrize("name", step_names())
@pytest.mark.parametrize("bad", BAD, ids=repr)
def test_steps_and_tracers_reject_non_str(name, bad):
    info = get_info(name)
    with pytest.raises(TypeError, match=rf"nazif\.{name} expects str, got {type(bad).__name__}"):
        info.func(bad)
    if info.tracer is not None:
        with pytest.raises(TypeError, match="expects str"):
            info.tracer(bad)


@pytest.mark.parametrize("bad", BAD, ids=repr)
def test_clean_explain_pipeline_reject_non_str(bad):
    with pytest.raises(TypeError, match=rf"nazif\.clean expects str, got {type(bad).__name__}"):
        nazif.clean(bad)
    with pytest.raises(TypeError, match=r"nazif\.explain expects str"):
        nazif.explain(bad)
    p = nazif.Pipeline(["normalize_whitespace"])
    with pytest.raises(TypeError, match=r"nazif\.Pipeline expects str"):
        p(bad)
    with pytest.raises(TypeError, match="expects str"):
        p.explain(bad)
    with pytest.raises(TypeError, match="preset"):
        nazif.clean("x", preset=bad)


@pytest.mark.parametrize("bad", [None, 3, math.nan, ["x"]], ids=repr)
def test_html_entry_points_reject_other_types(bad):
    for func in (html.to_text, html.lines, html.clean_html, html.clean_html_with_removals):
        with pytest.raises(TypeError, match="expects str, bytes"):
            func(bad)
    with pytest.raises(TypeError, match="selector"):
        html.to_text("<p>x</p>", selector=3)
    with pytest.raises(TypeError):
        html.dom_chrome("line")
