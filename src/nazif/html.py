"""HTML in, lines out: the text a person sees, with the DOM evidence text alone cannot carry.

Needs the ``html`` extra (``pip install nazif[html]``: ``lxml`` and
``cssselect``).  Importing this module without lxml raises ``ImportError``
with that advice; the rest of nazif does not need it.

>>> from nazif.html import to_text
>>> print(to_text(b"<p>A <a href='/x'>linked</a> word &amp; more<br>next</p><ul><li>One</li><li>Two</li></ul>"))
A linked word & more
next
One
Two

- :func:`to_text`: block elements (``p``, ``div``, ``li``, ``h1``…``h6``,
  ``td``, ``br`` … the list in :data:`BLOCK_TAGS`) end lines; inline
  elements (``a``, ``span``, ``em`` …) stay inside their line; ``script``,
  ``style`` and ``template`` are dropped; references are decoded by the
  parser; bytes are decoded as browsers do (BOM, then ``<meta charset>``,
  then UTF-8 if it decodes, else windows-1252).  Each text node's line
  breaks become spaces; lines that are empty or only whitespace are dropped;
  everything else is kept verbatim (normalising is the presets' job).
  What lies deeper than libxml2's maximum nesting (about 2,000 elements)
  is not read.
- :func:`lines`: the same lines as :class:`Line` objects with the DOM
  evidence: share of link text, the chrome element it sits in (``nav``,
  ``header``, ``footer``, ``aside``, ``form``), ``role``/``aria-hidden``,
  visually-hidden classes and chrome class/id tokens (``related``,
  ``share``, ``comments`` …).
- :func:`clean_html`: the lines, without those whose DOM evidence is strong
  (see :func:`dom_chrome`), then a preset; on a whole page, ``corpus``
  removes the other chrome lines by a model of DOM and text evidence
  together (:mod:`nazif.html_chrome`).  :func:`clean_html_with_removals`
  also says what was removed and why.

Input: ``str``, ``bytes``, a BeautifulSoup object or tag (bs4 is not
required: such objects are serialised with ``str()``), or an lxml element.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

try:
    from lxml import etree
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ImportError("nazif.html needs lxml: pip install 'nazif[html]'") from exc

from . import chrome, html_chrome
from .pipeline import Pipeline
from .presets import preset_spec

__all__ = [
    "BLOCK_TAGS",
    "CHROME_TAGS",
    "CHROME_TOKENS",
    "HIDDEN_TOKENS",
    "Line",
    "Removal",
    "clean_html",
    "clean_html_with_removals",
    "clean_lines",
    "dom_chrome",
    "lines",
    "split_steps",
    "to_text",
]

#: Elements that end the current line before they open and after they close
#: (the list of ``../shared/eval/README.md``'s extractor, which follows the
#: HTML rendering section's block-level defaults).
BLOCK_TAGS = frozenset(
    """address article aside blockquote body caption center dd details dialog dir div dl dt fieldset
    figcaption figure footer form frameset h1 h2 h3 h4 h5 h6 head header hgroup html iframe legend li
    main menu nav noscript ol optgroup option p pre section select summary table tbody td tfoot th
    thead title tr ul video audio picture""".split()
)
#: Elements that end a line where they stand.
BREAK_TAGS = frozenset(["br", "hr"])
#: Elements dropped with their contents.
DROP_TAGS = frozenset(["script", "style", "template"])
#: Elements that hold site chrome when they are not part of an article.
CHROME_TAGS = frozenset(["nav", "header", "footer", "aside", "form"])
#: Elements inside which ``header``/``footer`` belong to the article (its
#: headline block, its own footnotes) rather than to the site.
ARTICLE_TAGS = frozenset(["article", "main"])
#: class/id tokens (split on anything not a letter or digit, lowercased)
#: that name site chrome.  Chosen from common CMS themes' class names
#: (WordPress, Drupal, Bootstrap); a token must equal one of these.  Not
#: ``sidebar``: layouts name page wrappers after it (``with-sidebar``); on the
#: silver pages it cost 118 content lines (``benchmarks/eval_html.py``).
CHROME_TOKENS = frozenset(
    """related share sharing sharebar social comment comments newsletter subscribe subscription
    breadcrumb breadcrumbs tags tagcloud footer navbar nav navigation menu cookie cookies
    consent promo advert advertisement ads sponsored outbrain taboola trending popular mostread
    recommended recirculation""".split()
)
#: class tokens of visually hidden text (screen-reader-only labels).
HIDDEN_TOKENS = frozenset(["sr", "visually", "screen", "hidden", "offscreen"])
_HIDDEN_CLASSES = frozenset(
    ["sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text", "screen-reader-only", "offscreen"]
)
_TOKEN = re.compile(r"[a-z0-9]+")
_NEWLINES = re.compile(r"\r\n|\r|\n")

#: A line inside a chrome element is dropped by :func:`dom_chrome` only when
#: at most this many words long (longer lines there may be article text a
#: theme put in an ``aside``; the text rules still judge them).
DOM_MAX_WORDS = 12
#: ... or when at least this share of its characters is link text.
DOM_LINK_SHARE = 0.5

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)


@dataclass(frozen=True)
class Line:
    """One visible line and the DOM evidence about it.

    ``link_share``: share of its non-space characters inside ``<a>``;
    ``tag``: the innermost enclosing chrome element (``nav``, ``footer`` …)
    not inside an article, or ``""``; ``token``: the innermost chrome
    class/id token or ``role=navigation``/``aria-hidden`` on an ancestor, or
    ``""``; ``hidden``: inside a visually-hidden element; ``block``: the
    innermost block element (``p``, ``li``, ``h2`` …) the line starts in, or
    ``""``; ``in_article``: inside an ``article`` or ``main`` element.
    """

    text: str
    link_share: float = 0.0
    tag: str = ""
    token: str = ""
    hidden: bool = False
    block: str = ""
    in_article: bool = False


@dataclass(frozen=True)
class Removal:
    """A line :func:`clean_html_with_removals` removed: ``line`` is its index in
    :func:`lines`, ``rule`` ``dom-tag``, ``dom-token``, ``dom-model`` (the
    score of :mod:`nazif.html_chrome`) or a rule of :mod:`nazif.chrome`,
    ``entry`` the element, token, score and its reasons, or lexicon entry."""

    line: int
    text: str
    rule: str
    entry: str


# --- input --------------------------------------------------------------------


def _sniff_encoding(data: bytes) -> str:
    for bom, enc in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return enc
    m = _META_CHARSET.search(data[:4096])
    if m:
        name = m.group(1).decode("ascii").lower()
        try:
            enc = codecs.lookup(name).name
        except LookupError:
            enc = ""
        if enc in ("latin-1", "iso8859-1", "ascii"):
            enc = "cp1252"  # as browsers do (WHATWG encoding labels)
        if enc and not enc.startswith("utf-16"):
            return enc
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        return "cp1252"


def _decode(data: bytes) -> str:
    return data.decode(_sniff_encoding(data), errors="replace")


def _parser() -> Any:
    # The plain etree parser (lxml.html's element classes cost a lookup per
    # element); a new one per call, since lxml parsers are not thread-safe.
    # ``huge_tree``: without it libxml2 drops a text node over 10 MB and
    # everything nested deeper than 255 elements (unclosed tags pile up
    # that deep on broken pages), silently; with it the limit is libxml2's
    # own maximum depth (about 2,000).
    return etree.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, huge_tree=True)


_XML_DECL = re.compile(r"^\s*<\?xml[^>]*>")


def _root(html: Any, who: str) -> Any:
    """The lxml root element of ``html``, or ``None`` for an empty document."""
    if isinstance(html, (bytes, bytearray, memoryview)):
        text = _decode(bytes(html))
    elif isinstance(html, str):
        text = html
    elif isinstance(html, etree._Element):
        return html  # an lxml element already
    elif type(html).__module__.split(".")[0] == "bs4":
        text = str(html)  # a BeautifulSoup object or tag, serialised
    else:
        raise TypeError(
            f"{who} expects str, bytes, a BeautifulSoup object or an lxml element, got {type(html).__name__}"
        )
    text = _XML_DECL.sub("", text, count=1)
    if not text.strip():
        return None
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates (never text a page shows) become U+FFFD
        data = text.encode("utf-8", errors="surrogatepass").decode("utf-8", errors="replace").encode("utf-8")
    parser = _parser()
    try:
        return etree.fromstring(data, parser)
    except (etree.ParserError, ValueError):
        return None


def _select(root: Any, selector: str | None) -> Any:
    if selector is None or root is None:
        return root
    if not isinstance(selector, str):
        raise TypeError(f"selector expects str or None, got {type(selector).__name__}")
    try:
        from lxml.cssselect import CSSSelector
    except ImportError as exc:  # pragma: no cover
        raise ImportError("a CSS selector needs cssselect: pip install 'nazif[html]'") from exc
    found = CSSSelector(selector, translator="html")(root)
    return found[0] if found else None


# --- the walk -------------------------------------------------------------------


_NO_EVIDENCE = ("", False)
_ATTR_CACHE: dict[str, tuple[str, bool]] = {}
_ATTR_CACHE_MAX = 50_000


def _attr_evidence(cls: str, ident: str) -> tuple[str, bool]:
    k = cls + "\x00" + ident
    got = _ATTR_CACHE.get(k)
    if got is not None:
        return got
    low = cls.lower()
    hidden = bool(low) and any(c in _HIDDEN_CLASSES for c in low.split())
    token = ""
    for attr in (low, ident.lower()):
        if attr:
            token = next((t for t in _TOKEN.findall(attr) if t in CHROME_TOKENS), "")
            if token:
                break
    got = (token, hidden)
    if len(_ATTR_CACHE) < _ATTR_CACHE_MAX:
        _ATTR_CACHE[k] = got
    return got


def _element_evidence(el: Any) -> tuple[str, bool]:
    """(chrome token or role, visually hidden) from one element's attributes."""
    attrib = el.attrib
    if not attrib:
        return _NO_EVIDENCE
    get = attrib.get
    role = get("role")
    if role and role.lower() in ("navigation", "banner", "contentinfo", "complementary", "search"):
        return "role=" + role.lower(), False
    aria = get("aria-hidden")
    if aria and aria.lower() == "true":
        return "aria-hidden", False
    cls, ident = get("class"), get("id")
    if not cls and not ident:
        return _NO_EVIDENCE
    return _attr_evidence(cls or "", ident or "")


#: Elements whose ancestors (and themselves) never count as chrome
#: containers: a ``<div class="page with-sidebar">`` or a ``<header>`` that
#: holds the article or its headline is a layout wrapper, not chrome.
PROTECT_TAGS = ("article", "main", "h1")


def _protected(root: Any) -> set[Any]:
    keep: set[Any] = set()
    for el in root.iter(*PROTECT_TAGS):
        if el.tag != "h1":
            keep.add(el)
        for anc in el.iterancestors():
            if anc in keep:
                break
            keep.add(anc)
    return keep


def _walk(root: Any) -> Iterator[Line]:
    protected = _protected(root)
    parts: list[str] = []
    link_chars = 0
    total_chars = 0
    # per open element, the context it opens: (chrome tag, token, hidden, in an
    # article, innermost block); the line takes the context of its first visible text
    top: tuple[str, str, bool, bool, str] = ("", "", False, False, "")
    stack = [top]
    start = top
    links = 0
    dropping = 0

    blank = True  # the current line has no visible character yet

    def flush() -> Line | None:
        nonlocal parts, link_chars, total_chars, blank
        if not parts:
            return None
        was_blank = blank
        text = "".join(parts)
        share = link_chars / total_chars if total_chars else 0.0
        parts = []
        link_chars = total_chars = 0
        blank = True
        if was_blank:
            return None
        tag, token, hidden, art, block = start
        return Line(text, round(share, 3), tag, token, hidden, block, art)

    def add(s: str) -> None:
        nonlocal link_chars, total_chars, start, blank
        if not s.strip(" \t\n\r\x0c"):
            s = " "  # inter-element white space: one space
        else:
            s = _NEWLINES.sub(" ", s)
            if blank and not s.isspace():
                start = stack[-1]
                blank = False
        parts.append(s)
        n = len(s) - s.count(" ")
        total_chars += n
        if links:
            link_chars += n

    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag
        if not isinstance(tag, str):  # comment / PI left by a caller's tree
            if event == "end" and el.tail:
                add(el.tail)
            continue
        tag = tag.lower()
        if dropping:
            if tag in DROP_TAGS:
                dropping += 1 if event == "start" else -1
                if not dropping and el.tail:
                    add(el.tail)
            continue
        if event == "start":
            if tag in DROP_TAGS:
                dropping = 1
                continue
            block = tag in BLOCK_TAGS
            if block or tag in BREAK_TAGS:
                line = flush()
                if line is not None:
                    yield line
            ptag, ptoken, phidden, part, pblock = stack[-1]
            # a quotation in the article (an embedded post, a pull quote) is the
            # article's: the share or social classes of its embed code are not chrome
            quote = part and tag == "blockquote"
            token, hidden = ("", False) if quote or el in protected else _element_evidence(el)
            if quote:
                ptoken = ""
            art = part or tag in ARTICLE_TAGS
            site_chrome = (
                tag in CHROME_TAGS and el not in protected and not (art and tag in ("header", "footer"))
            )
            stack.append(
                (
                    tag if site_chrome else ptag,
                    token or ptoken,
                    hidden or phidden,
                    art,
                    tag if block else pblock,
                )
            )
            if tag == "a":
                links += 1
            if el.text:
                add(el.text)
        else:
            stack.pop()
            if tag == "a":
                links -= 1
            if tag in BLOCK_TAGS or tag in BREAK_TAGS:
                line = flush()
                if line is not None:
                    yield line
            if el.tail:
                add(el.tail)
    line = flush()
    if line is not None:
        yield line


def lines(html: Any, *, selector: str | None = None) -> list[Line]:
    """The visible lines of ``html`` with their DOM evidence (see :class:`Line`).

    >>> page = "<nav><a href='/'>Home</a></nav><article><h1>Title</h1><p>Body text.</p></article>"
    >>> [(ln.text, ln.tag, ln.link_share) for ln in lines(page)]
    [('Home', 'nav', 1.0), ('Title', '', 0.0), ('Body text.', '', 0.0)]
    """
    root = _select(_root(html, "nazif.html.lines"), selector)
    if root is None:
        return []
    return list(_walk(root))


def to_text(html: Any, *, selector: str | None = None) -> str:
    """The text a person sees in ``html``, one line per block, lines joined by ``\\n``.

    Left alone: the characters of each text node (spaces, NBSP, invisibles
    and Arabic orthography are the presets' business), inline elements'
    text inside its line.  ``selector`` (CSS) restricts the text to the
    first element it selects (an article container); no match gives ``""``.

    >>> to_text("<div>Menu <b>bold</b></div><script>x=1</script><p>Para&nbsp;one</p>")
    'Menu bold\\nPara\\xa0one'
    >>> to_text("<div id=a><p>in</p></div><p>out</p>", selector="#a")
    'in'
    """
    return "\n".join(ln.text for ln in lines(html, selector=selector))


# --- chrome by DOM evidence -------------------------------------------------------


def dom_chrome(line: Line) -> tuple[str, str] | None:
    """``(rule, entry)`` when the DOM evidence alone says ``line`` is chrome.

    A line in a site ``nav``/``header``/``footer``/``aside``/``form``, or
    under a chrome class/id token or role, is chrome when it is short
    (≤ :data:`DOM_MAX_WORDS` words) or mostly link text
    (≥ :data:`DOM_LINK_SHARE`).  Visually hidden text is not judged here.

    >>> dom_chrome(Line("Home", 1.0, "nav"))
    ('dom-tag', 'nav')
    >>> dom_chrome(Line("A long paragraph that happens to sit in an aside but is written as prose, many words.", 0.0, "aside")) is None
    True
    """
    if not isinstance(line, Line):
        raise TypeError(f"dom_chrome expects a nazif.html.Line, got {type(line).__name__}")
    if not line.tag and not line.token:
        return None
    if len(line.text.split()) > DOM_MAX_WORDS and line.link_share < DOM_LINK_SHARE:
        return None
    if line.token:
        return "dom-token", line.token
    return "dom-tag", line.tag


def split_steps(pipeline: Pipeline) -> tuple[Pipeline, dict[str, Any] | None, Pipeline]:
    """``pipeline`` as :func:`clean_html` runs it on HTML lines: ``(steps
    before chrome removal, chrome removal's options or None when it has no
    such step, steps after)``, without ``remove_markup`` (the parser has
    removed the markup; what is left is text, such as ``&lt;b&gt;``).

    >>> from nazif.presets import preset_spec
    >>> before, opts, after = split_steps(Pipeline(preset_spec("corpus")))
    >>> opts, "remove_markup" in [s.name for s in before.steps], len(after.steps)
    ({}, False, 0)
    """
    before: list[Any] = []
    after: list[Any] = []
    opts: dict[str, Any] | None = None
    for s in pipeline.steps:
        if s.name == "remove_markup" and s.registered:
            continue
        if s.name == "remove_chrome" and s.registered and opts is None:
            opts = dict(s.options)
            continue
        (before if opts is None else after).append(s)
    return Pipeline(before), opts, Pipeline(after)


@cache
def _pipeline(preset: str, page: bool) -> tuple[Pipeline, dict[str, Any] | None, Pipeline]:
    """:func:`split_steps` of a preset; ``page``: chrome removal in page mode
    unless the preset names a mode."""
    before, opts, after = split_steps(Pipeline(preset_spec(preset)))
    if page and opts is not None:
        opts.setdefault("mode", "page")
    return before, opts, after


def clean_html_with_removals(
    html: Any, *, preset: str = "corpus", selector: str | None = None, dom: bool = True
) -> tuple[str, list[Removal]]:
    """:func:`clean_html` and the lines it removed, with rule and entry.

    >>> out, removed = clean_html_with_removals("<nav><a href='/'>Home</a></nav><p>Body text here.</p>")
    >>> out, [(r.text, r.rule, r.entry) for r in removed]
    ('Body text here.', [('Home', 'dom-tag', 'nav')])
    """
    if not isinstance(preset, str):
        raise TypeError(f"preset expects str, got {type(preset).__name__}")
    found = lines(html, selector=selector)
    before, chrome_opts, after = _pipeline(preset, selector is None and not dom)
    return clean_lines(found, before, chrome_opts, after, dom=dom)


def clean_lines(
    found: list[Line],
    before: Pipeline,
    chrome_opts: dict[str, Any] | None,
    after: Pipeline,
    *,
    dom: bool = True,
    lexicon: chrome.Lexicon | None = None,
) -> tuple[str, list[Removal]]:
    """The text and the removals of :func:`clean_html_with_removals`, from the
    page's :func:`lines` and a pipeline split by :func:`split_steps` (what
    ``nazif clean --html`` runs with its own pipeline).

    With DOM evidence and a chrome step without options, the lines (a whole
    page's or an article container's) are decided by
    :func:`nazif.html_chrome.decide`; otherwise the DOM rule (unless
    ``dom=False``) removes its lines and chrome removal (if any) runs on the
    rest with ``chrome_opts``.  ``lexicon``, when given, is the lexicon chrome
    removal uses instead of ``chrome_opts``' own or the built-in one (e.g. that
    one with a site's learned lines: ``nazif clean --html --site-field``).
    Each line is cleaned by ``before`` on its own, so that a removal's line
    index is the page line's.

    >>> from nazif.presets import preset_spec
    >>> clean_lines(lines("<p>Body text.</p>"), *split_steps(Pipeline(preset_spec("display"))))
    ('Body text.', [])
    """
    if dom and chrome_opts == {}:
        # chrome removal with the default options: the learned decision over
        # DOM and text evidence (nazif.html_chrome); on article containers
        # too, where it lost 0.18 % of content lines against 1.45 % for the
        # text rules after the DOM rule (silver containers, by-site CV)
        dom_hits = [dom_chrome(ln) for ln in found]
        texts = [ln.text if h is not None else before(ln.text) for ln, h in zip(found, dom_hits)]
        page_hits = html_chrome.decide(found, texts, lexicon=lexicon)
        out = "\n".join(t for j, t in enumerate(texts) if j not in page_hits and t.strip())
        return after(out), [Removal(i, found[i].text, *page_hits[i]) for i in sorted(page_hits)]
    removals: list[Removal] = []
    kept: list[int] = []
    for i, ln in enumerate(found):
        hit = dom_chrome(ln) if dom else None
        if hit is not None:
            removals.append(Removal(i, ln.text, hit[0], hit[1]))
        else:
            kept.append(i)
    if chrome_opts is None:
        return after("\n".join(before(found[i].text) for i in kept)), removals
    cleaned = [before(found[i].text) for i in kept]
    if lexicon is not None:
        chrome_opts = {**chrome_opts, "lexicon": lexicon}
    hits = chrome.find("\n".join(cleaned), **chrome_opts)
    gone = set()
    for r in hits:
        if 0 <= r.line < len(kept):
            gone.add(r.line)
            removals.append(Removal(kept[r.line], found[kept[r.line]].text, r.rule, r.entry))
    out = "\n".join(c for j, c in enumerate(cleaned) if j not in gone and c.strip())
    removals.sort(key=lambda r: r.line)
    return after(out), removals


def clean_html(html: Any, *, preset: str = "corpus", selector: str | None = None, dom: bool = True) -> str:
    """Clean text from ``html``: :func:`lines`, without lines the DOM marks as
    chrome (``dom=False`` keeps them), then ``preset``.  ``corpus`` also
    removes chrome lines: by the model of DOM and text evidence of
    :func:`nazif.html_chrome.decide` (on a whole page or the ``selector``'s
    container), and with ``dom=False`` by their text in ``page`` mode (on a
    whole page) or ``article`` mode (in a container).

    Left alone: article lines, whatever element they sit in, when long and
    not mostly links; the text inside lines, except what the preset changes.

    >>> page = b"<header><a href='/'>Home</a> <a href='/w'>World</a></header><p>Gaza\\xc2\\xa0\\xe2\\x80\\x93 talks resumed.</p><footer>Terms</footer>"
    >>> clean_html(page)
    'Gaza – talks resumed.'
    """
    return clean_html_with_removals(html, preset=preset, selector=selector, dom=dom)[0]
