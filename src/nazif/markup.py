"""Remove HTML leftovers from extracted text: character references and stray tags.

:func:`remove_markup` unescapes HTML character references (``&amp;``,
``&nbsp;``, ``&quot;``, ``&#1575;``, ``&#x627;``) and removes tags that are
unmistakably tags (``<br>``, ``<p class="x">``, ``</div>``, ``<!-- … -->``,
``<script>…</script>`` with its code), and nothing else.

>>> remove_markup("AT&amp;T &lt;3 Q&amp;A<br>next &#1575;&#x644;")
'AT&T <3 Q&A\\nnext ال'
>>> remove_markup("AT&T, Q&A, a < b > c, x<y, <3, <name@example.com>")
'AT&T, Q&A, a < b > c, x<y, <3, <name@example.com>'

Policies (see ``docs/repair.md``):

- A reference is unescaped only when it is well formed and known: a name of
  HTML5's list followed by ``;`` (``&amp;``, ``&nbsp;``, ``&eacute;``), or a
  decimal/hex number followed by ``;`` naming a character that text may hold.
  ``&T`` in ``AT&T``, ``&copy`` without ``;`` (the query string
  ``?a=1&copy=2``) and ``&#0;`` stay as they are.
- Escaping is undone to a fixed point, in one pass: ``&amp;lt;`` (escaped
  twice, as double-escaped feeds are) becomes ``<``, so the step is
  idempotent.  Text that *talks about* entities loses that spelling.
- A tag is removed only when its name is an HTML element and its attributes
  (if any) parse as HTML attributes with at least one ``name=value``:
  ``<3``, ``a < b > c``, ``x<y``, ``<name@x.com>``, ``List<T>``, ``<a few
  words>`` are prose.  A bare capitalised opening tag (``SEARS <S>``,
  ``DU PONT <DD>``: stock tickers in newswire text) counts only when the same
  element is closed later in the text (``<B>bold</B>``).  ``<script>`` and ``<style>`` go with their contents;
  comments, ``<!DOCTYPE …>`` and ``<?xml …?>`` go too.
- Block tags (``p``, ``div``, ``br``, ``li``, ``h1`` …) become a line break
  (one, and none at the edges of the text or next to one), table cells a
  space, inline tags (``b``, ``span``, ``a`` …) nothing.
- Tags are found first, in the text as written, and references are decoded
  after, once: a tag whose attribute holds ``&quot;`` is removed whole, and
  escaped markup (``&lt;b&gt;``, text *showing* a tag) is not deleted.  When
  decoding would make a removable tag (so that a second call would delete
  it), the ``&lt;`` and ``&gt;`` that would make it stay escaped (all of
  them, should that not suffice): nothing is lost and the step is
  idempotent.  A tag whose removal would glue a new tag or
  reference together (``<<b>p>``) is kept.
- Invisibles and controls that :func:`nazif.invisibles.remove_invisibles`
  always deletes (and references to them, ``&shy;``) are seen through
  inside a reference or a tag, and go with it: ``AT&am\u00adp;T`` is
  ``AT&T``, ``<\u200bb>`` a tag; so are the C1 controls that
  :func:`nazif.mojibake.repair_mojibake` may read as windows-1252 (``&\x80amp;``:
  no reference in either reading).  Elsewhere they are left alone.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from html.entities import html5 as _HTML5

from .mojibake._cp1256 import C1_PUNCT
from .steps import Change, attach_tracer, step
from .tables.invisibles import CONTROLS, INVISIBLE_FORMAT

__all__ = ["remove_markup", "trace_remove_markup"]

# --- tables -----------------------------------------------------------------

#: HTML elements whose tags are removed.  Anything else between angle
#: brackets (``<T>``, ``<John>``, ``<name@x.com>``) is prose.
BLOCK_TAGS = frozenset(
    """address article aside blockquote body br center dd details dialog div dl dt fieldset
    figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html li main menu nav
    ol p pre section summary table tbody tfoot thead title tr ul noscript iframe""".split()
)
CELL_TAGS = frozenset("td th caption".split())
INLINE_TAGS = frozenset(
    """a abbr audio b bdi bdo big button canvas cite code col colgroup data datalist del dfn em
    embed font i img input ins kbd label legend link map mark meta meter object optgroup option
    output param picture progress q rp rt ruby s samp select small source span strike strong sub
    sup svg template textarea time track tt u var video wbr base""".split()
)
#: Elements removed with everything up to their closing tag.
CONTENT_TAGS = frozenset(["script", "style"])
KNOWN_TAGS = BLOCK_TAGS | CELL_TAGS | INLINE_TAGS | CONTENT_TAGS

# --- character references ---------------------------------------------------

# An ampersand escaped any number of times (``&amp;amp;`` …), then a
# reference.  Matching the chain in one go is what makes one pass reach the
# fixed point of repeated unescaping.
_AMP = r"(?:amp|AMP|#0*38|#[xX]0*26);"
_REF = re.compile(
    rf"&(?P<chain>(?:{_AMP})*)"
    r"(?:(?P<name>[A-Za-z][A-Za-z0-9]{0,31})|#(?P<dec>[0-9]{1,7})|#[xX](?P<hex>[0-9a-fA-F]{1,6}));"
    rf"|&(?P<chain2>(?:{_AMP})+)"
)
_PRESENCE = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{0,31}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});|<")


def _reference_value(m: re.Match[str]) -> str | None:
    """The character(s) a well-formed, known reference stands for, else ``None``."""
    name = m.group("name")
    if name is not None:
        return _HTML5.get(name + ";")
    digits = m.group("dec")
    cp = int(digits) if digits is not None else int(m.group("hex"), 16)
    if cp == 0 or cp > 0x10FFFF or 0xD800 <= cp <= 0xDFFF:
        return None
    value = html.unescape(f"&#{cp};")  # HTML5: &#150; is the en dash
    if len(value) != 1:
        return None
    v = ord(value)
    if (
        (v < 0x20 and value not in "\t\n\r\x0c")
        or 0x7F <= v <= 0x9F
        or 0xFDD0 <= v <= 0xFDEF
        or (v & 0xFFFE) == 0xFFFE
    ):
        return None
    return value


def _reference_replacement(m: re.Match[str], keep_angle: bool = False) -> str:
    if m.group("chain2") is not None:
        return "&"  # escaped ampersands with nothing to refer to
    value = _reference_value(m)
    if value is not None:
        if keep_angle and value in "<>":
            # escapes come off, one level stays: &amp;lt; -> &lt;
            return "&" + m.group()[1 + len(m.group("chain") or "") :]
        return value
    if m.group("chain"):
        # the escapes come off, the unknown reference stays: &amp;foo; -> &foo;
        return "&" + m.group()[1 + len(m.group("chain")) :]
    return m.group()


def _unescape(text: str, changes: list[Change] | None, keep: frozenset[int] | None = frozenset()) -> str:
    """Decode the references of ``text``; those starting at an offset in
    ``keep`` (all, with ``None``) that stand for ``<`` or ``>`` keep one
    level of escaping."""
    if "&" not in text:
        return text
    if changes is None:
        if not keep and keep is not None:
            return _REF.sub(_reference_replacement, text)
        return _REF.sub(lambda m: _reference_replacement(m, keep is None or m.start() in keep), text)
    parts: list[str] = []
    pos = 0
    for m in _REF.finditer(text):
        new = _reference_replacement(m, keep is None or m.start() in keep)
        if new == m.group():
            continue
        parts.append(text[pos : m.start()])
        parts.append(new)
        pos = m.end()
        changes.append(Change(m.start(), m.end(), m.group(), new, rule="entity", entry=m.group()))
    if not parts:
        return text
    parts.append(text[pos:])
    return "".join(parts)


# --- invisibles inside references and tags ------------------------------------

#: What :func:`nazif.invisibles.remove_invisibles` always deletes.  Inside a
#: reference or a tag such a character (or a reference to one, ``&shy;``)
#: would only hide it until that step runs, so this step sees through it.
#: Not the C1 controls that :func:`nazif.mojibake.repair_mojibake` may turn
#: into punctuation (``\x80`` is €, ``\x93`` “: windows-1252 read as
#: latin-1): they may be text.
_HIDDEN_CHARS = frozenset([*INVISIBLE_FORMAT, *CONTROLS]) - frozenset(C1_PUNCT)
_HIDDEN = re.compile("[" + "".join(sorted(re.escape(c) for c in _HIDDEN_CHARS)) + "]")
#: ... but inside a reference or a tag (``&\x80amp;``, ``<\x80b>``) those C1
#: controls are hidden too: read as windows-1252 they would make no reference
#: or tag either (``&€amp;``), and left there, ``remove_invisibles`` deletes
#: them and the next run finds the construct.
_C1_TEXT = frozenset(C1_PUNCT)
_HIDDEN_OR_C1 = re.compile("[" + "".join(sorted(re.escape(c) for c in _HIDDEN_CHARS | _C1_TEXT)) + "]")
_HIDDEN_UNIT = re.compile(_HIDDEN_OR_C1.pattern + "+|&[#A-Za-z0-9]{1,32};")
_HIDDEN_NAMES = sorted(
    (name for name, value in _HTML5.items() if name.endswith(";") and value in _HIDDEN_CHARS),
    key=len,
    reverse=True,
)
# Where something may be hidden inside a construct: a hidden character soon
# after "&" or "<" (no space between), or inside angle brackets, or a
# reference to a hidden character (named, or any numeric one).  Text without
# such a place skips the seeing-through pass (bounded scans: linear).
_MAYBE_HIDDEN = re.compile(
    rf"[&<][^\s<>]{{0,64}}?{_HIDDEN_OR_C1.pattern}"
    rf"|<[^<>]{{0,2000}}?{_HIDDEN_OR_C1.pattern}"
    rf"|&(?:{'|'.join(re.escape(n) for n in _HIDDEN_NAMES)})"
    r"|&#[xX]?[0-9a-fA-F]{1,7};"
)


def _hidden_units(text: str) -> list[tuple[int, int]]:
    """Spans of hidden characters and of references to them, in order."""
    units: list[tuple[int, int]] = []
    for m in _HIDDEN_UNIT.finditer(text):
        if m.group()[0] == "&":
            ref = _REF.fullmatch(m.group())
            if ref is None or ref.group("chain") or ref.group("chain2") is not None:
                continue
            if _reference_value(ref) not in _HIDDEN_CHARS:
                continue
        units.append(m.span())
    return units


def _reveal(text: str, changes: list[Change] | None) -> str:
    """Delete the hidden characters (and references to them) that sit inside
    a reference or a removable tag, so that those are seen whole:
    ``&am\u00adp;`` is ``&amp;``, ``<\u200bb>`` is ``<b>``.  Hidden
    characters anywhere else are left to ``remove_invisibles``."""
    if ("&" not in text and "<" not in text) or _MAYBE_HIDDEN.search(text) is None:
        return text
    units = _hidden_units(text)
    if not units:
        return text
    # the text without them, and where each of its characters came from
    pieces: list[str] = []
    kept_starts: list[int] = []  # shadow offset where each kept stretch starts
    kept_origin: list[int] = []  # ... and its offset in text
    pos = 0
    shadow_len = 0
    for a, b in units:
        if a > pos:
            kept_starts.append(shadow_len)
            kept_origin.append(pos)
            pieces.append(text[pos:a])
            shadow_len += a - pos
        pos = b
    if pos < len(text):
        kept_starts.append(shadow_len)
        kept_origin.append(pos)
        pieces.append(text[pos:])
    shadow = "".join(pieces)

    def origin(p: int) -> int:
        i = bisect_right(kept_starts, p) - 1
        return kept_origin[i] + p - kept_starts[i]

    spans: list[tuple[int, int]] = []  # constructs of the shadow, in its offsets
    if "&" in shadow:
        for m in _REF.finditer(shadow):
            if _reference_replacement(m) != m.group():
                spans.append(m.span())
    if "<" in shadow:
        closer = _Closer(shadow)
        for m in _TAG.finditer(shadow):
            found = _removal(shadow, m, closer)
            if found is not None:
                spans.append((m.start(), found[0]))
    if not spans:
        return text
    spans.sort()
    out: list[str] = []
    done = 0
    for a, b in spans:
        if b <= a:
            continue
        start, end = origin(a), origin(b - 1) + 1
        if start < done or end - start == b - a:
            continue  # overlaps the last one, or nothing hidden inside
        out.append(text[done:start])
        out.append(shadow[a:b])
        if changes is not None:
            hidden = text[start:end]
            changes.append(
                Change(start, end, hidden, shadow[a:b], rule="hidden", entry="invisible inside markup")
            )
        done = end
    if not out:
        return text
    out.append(text[done:])
    return "".join(out)


# --- tags -------------------------------------------------------------------

_TAG = re.compile(
    r"<(?P<close>/?)(?P<name>[A-Za-z][A-Za-z0-9]{0,15})(?P<attrs>[^<>]{0,2000})>"
    r"|<!--"
    r"|<!(?P<decl>[A-Za-z][^<>]{0,500})>"
    r"|<\?xml[^<>]{0,500}\?>"
)
_ATTRS = re.compile(
    r"(?:\s+[A-Za-z_:@][-A-Za-z0-9_:.@]*(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*\s*/?"
)
_BRACKET = re.compile(r"[<>]")
_ENTITY_TAIL = re.compile(r"&[#A-Za-z0-9]{0,32}$")
_ENTITY_HEAD = re.compile(r"[#A-Za-z0-9]{0,32};")


def _attrs_ok(attrs: str) -> bool:
    if not attrs or attrs == "/" or not attrs.strip(" \t\r\n\f/"):
        return True
    if not attrs[0].isspace() or "=" not in attrs:
        return False
    return _ATTRS.fullmatch(attrs) is not None


class _Closer:
    """Finds ``</script>`` / ``</style>`` / ``-->`` after a position, in
    linear total time (a failed search is remembered)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lower: str | None = None
        self.missing: dict = {}
        self.closes: dict = {}

    def last_close(self, name: str) -> int:
        """Where the last ``</name`` (any case) starts, or -1."""
        if name not in self.closes:
            if self.lower is None:
                self.lower = self.text.lower() if self.text.isascii() else self.text.translate(_ASCII_LOWER)
            self.closes[name] = self.lower.rfind("</" + name)
        return self.closes[name]

    def find(self, needle: str, pos: int, *, fold: bool) -> int:
        if self.missing.get(needle, len(self.text) + 1) <= pos:
            return -1
        hay = self.text
        if fold:
            if self.lower is None:
                self.lower = self.text.lower() if self.text.isascii() else self.text.translate(_ASCII_LOWER)
            hay = self.lower
        i = hay.find(needle, pos)
        if i == -1:
            self.missing[needle] = pos
        return i


_ASCII_LOWER = {c: c + 32 for c in range(0x41, 0x5B)}


def _removal(text: str, m: re.Match[str], closer: _Closer) -> tuple[int, str, str, str] | None:
    """``(end, kind, rule, entry)`` if the match is a removable construct."""
    g = m.group()
    if g == "<!--":
        close = closer.find("-->", m.end(), fold=False)
        if close == -1:
            return None
        return close + 3, "inline", "comment", "<!-- -->"
    if g.startswith("<?"):
        return m.end(), "block", "tag", "?xml"
    decl = m.group("decl")
    if decl is not None:
        if decl[:7].upper() == "DOCTYPE":
            return m.end(), "block", "tag", "!DOCTYPE"
        return None
    raw = m.group("name")
    name = raw.lower()
    attrs = m.group("attrs")
    if name not in KNOWN_TAGS or not _attrs_ok(attrs):
        return None
    slash = m.group("close")
    if not slash and raw != name and not attrs.strip() and name not in ("br", "hr"):
        # ``USAIR <U>``, ``SEARS <S>``, ``VARIAN <VAR>``: stock tickers in
        # newswire text.  A bare capitalised tag counts only when closed later.
        if closer.last_close(name) < m.end():
            return None
    if name in CONTENT_TAGS and not slash:
        end = closer.find(f"</{name}", m.end(), fold=True)
        if end != -1:
            gt = text.find(">", end)
            if gt != -1 and not text[end + len(name) + 2 : gt].strip():
                return gt + 1, "block", "element", name
        return m.end(), "block", "tag", name
    kind = (
        "block" if name in BLOCK_TAGS or name in CONTENT_TAGS else "cell" if name in CELL_TAGS else "inline"
    )
    return m.end(), kind, "tag", slash + name


def _strip_tags(text: str, changes: list[Change] | None) -> str:
    if "<" not in text:
        return text
    closer = _Closer(text)
    out: list[str] = []
    out_empty = True
    last = ""  # last character of the output so far
    tail = ""  # its last characters, for the reference guard
    open_lt = False  # the output so far has a "<" after its last ">"
    pending: tuple[int, int] | None = None  # the last separator, if nothing followed it
    done = 0  # text[:done] is emitted
    pos = 0  # where to search next
    search = _TAG.search
    while True:
        m = search(text, pos)
        if m is None:
            break
        start = m.start()
        pos = start + 1
        found = _removal(text, m, closer)
        if found is None:
            continue
        end, kind, rule, entry = found
        kept = text[done:start]
        lt, gt = kept.rfind("<"), kept.rfind(">")
        now_open = lt > gt or (lt == gt == -1 and open_lt)
        if now_open:
            # "<" + (this tag) + ... ">" would become a tag once this one is gone
            nxt = _BRACKET.search(text, end)
            if nxt is not None and nxt.group() == ">":
                continue
        now_last = kept[-1] if kept else last
        now_empty = out_empty and not kept
        after = text[end : end + 1]
        sep = ""
        if kind == "block":
            if not now_empty and now_last != "\n" and after not in ("", "\n"):
                sep = "\n"
        elif kind == "cell":
            if not now_empty and not now_last.isspace() and after and not after.isspace():
                sep = " "
        now_tail = (tail + kept)[-40:]
        if not sep and _ENTITY_TAIL.search(now_tail) and _ENTITY_HEAD.match(text, end):
            continue  # "&am" + (this tag) + "p;" would become a reference
        if kept:
            pending = None
        out.append(kept)
        out.append(sep)
        if sep:
            pending = (len(out) - 1, len(changes) if changes is not None else 0)
        out_empty = now_empty and not sep
        last = sep or now_last
        tail = (now_tail + sep)[-40:]
        open_lt = now_open
        if changes is not None:
            changes.append(Change(start, end, text[start:end], sep, rule=rule, entry=entry))
        done = pos = end
    if not out:
        return text
    if pending is not None and done == len(text):
        # no line break at the very end: ``Hi</body></html>`` is ``Hi``
        i, j = pending
        out[i] = ""
        if changes is not None:
            c = changes[j]
            changes[j] = Change(c.start, c.end, c.before, "", rule=c.rule, entry=c.entry)
    out.append(text[done:])
    return "".join(out)


def _compose(text0: str, first: list[Change], second: list[Change], text1: str) -> list[Change]:
    """Changes of two passes (``first`` on ``text0`` giving ``text1``,
    ``second`` on ``text1``) as one list in ``text0``'s offsets.  A change of
    the second pass that touches output of the first absorbs it."""
    if not second:
        return first
    if not first:
        return second
    out_starts: list[int] = []  # where each first-pass change's output starts in text1
    shift = 0
    for c in first:
        out_starts.append(c.start + shift)
        shift += len(c.after) - (c.end - c.start)

    def to0(p1: int, *, is_end: bool) -> tuple[int, int]:
        """(offset in text0, offset in text1 of the same boundary, widened
        over a first-pass change the boundary falls inside)."""
        i = bisect_right(out_starts, p1 - (1 if is_end else 0)) - 1
        if i >= 0:
            c = first[i]
            o_start, o_end = out_starts[i], out_starts[i] + len(c.after)
            inside = (
                o_start < p1 < o_end
                or (not is_end and p1 == o_start and o_end > o_start)
                or (is_end and p1 == o_end and o_end > o_start)
            )
            if inside:
                return (c.start, o_start) if not is_end else (c.end, o_end)
            return c.end + (p1 - o_end), p1
        return p1, p1

    merged: list[Change] = []
    absorbed = set()
    for c in second:
        s0, s1 = to0(c.start, is_end=False)
        e0, e1 = to0(c.end, is_end=True)
        for i, f in enumerate(first):
            if f.start >= s0 and f.end <= e0 and (f.start < e0 or f.start == s0):
                absorbed.add(i)
        after = text1[s1 : c.start] + c.after + text1[c.end : e1]
        merged.append(Change(s0, e0, text0[s0:e0], after, rule=c.rule, entry=c.entry))
    merged.extend(f for i, f in enumerate(first) if i not in absorbed)
    merged.sort(key=lambda c: (c.start, c.end))
    return merged


def _line_numbers(text: str, changes: list[Change]) -> list[Change]:
    out: list[Change] = []
    line = 0
    pos = 0
    for c in changes:
        line += text.count("\n", pos, c.start)
        pos = c.start
        out.append(Change(c.start, c.end, c.before, c.after, rule=c.rule, entry=c.entry, line=line))
    return out


def _run(text: str, unescape_entities: bool, strip_tags: bool, trace: bool) -> tuple[str, list[Change]]:
    if "<" not in text and "&" not in text:  # (substring tests: faster than any scan)
        return text, []
    if _PRESENCE.search(text) is None and ("&" not in text or _HIDDEN_OR_C1.search(text) is None):
        return text, []
    revealed: list[Change] | None = [] if trace else None
    text0 = text
    if unescape_entities and strip_tags:
        text = _reveal(text0, revealed)
    first: list[Change] | None = [] if trace else None
    second: list[Change] | None = [] if trace else None
    # Tags first, on the text as written: an attribute holding ``&quot;``
    # is still inside its tag, and ``&lt;b&gt;`` is text, not a tag.
    text1 = _strip_tags(text, first) if strip_tags else text
    text2 = _unescape(text1, second) if unescape_entities else text1
    if strip_tags and text2 is not text1 and _would_strip(text2):
        # Decoding would show markup (``&lt;b&gt;`` -> ``<b>``) that a second
        # call would take for a tag: the ``&lt;`` / ``&gt;`` that would make
        # such a tag stay escaped, so nothing is lost and the step stays
        # idempotent.  (Only those: ``&lt;`` elsewhere in the text is decoded,
        # so that a later step removing the escaped markup's line leaves
        # nothing for a second call to decode.)
        keep: frozenset[int] | None = _angles_making_tags(text1)
        if keep and _C1_TEXT_RE.search(text1) is not None:
            # a C1 control inside such a tag (``&lt;\x80b&gt;``) goes with the
            # tag it hides in: left, it would be deleted later (and the tag
            # stays escaped) or read as windows-1252 (``&lt;€b&gt;``, which a
            # second call would decode): the two must not differ
            dropped: list[Change] | None = [] if trace else None
            text1c = _drop_c1_in_escaped_tags(text1, keep, dropped)
            if text1c != text1:
                if first is not None and dropped is not None:
                    first = _compose(text, first, dropped, text1)
                text1 = text1c
                keep = _angles_making_tags(text1)
        if not keep or _would_strip(_unescape(text1, None, keep)):
            keep = None  # (then all of them, as a last resort)
        if second is not None:
            second.clear()
        text2 = _unescape(text1, second, keep)
    if not trace:
        return text2, []
    assert first is not None and second is not None and revealed is not None
    changes = _compose(text, first, second, text1)
    if revealed:
        changes = _compose(text0, revealed, changes, text)
    return text2, _line_numbers(text0, changes)


_C1_TEXT_RE = re.compile("[" + "".join(sorted(re.escape(c) for c in _C1_TEXT)) + "]")


def _drop_c1_in_escaped_tags(text: str, keep: frozenset[int], changes: list[Change] | None) -> str:
    """``text`` without the C1 controls that sit between a kept reference to
    ``<`` and the kept reference to ``>`` after it (``keep``: their offsets)."""

    def opens(a: int) -> bool | None:
        m = _REF.match(text, a)
        ref = m.group().lower() if m is not None else ""
        if ref.endswith(("lt;", "#60;", "#x3c;")):
            return True
        if ref.endswith(("gt;", "#62;", "#x3e;")):
            return False
        return None

    out: list[str] = []
    done = 0
    starts = sorted(keep)
    k = 0
    while k < len(starts):
        a = starts[k]
        k += 1
        if opens(a) is not True:
            continue
        while k < len(starts) and opens(starts[k]) is not False:
            k += 1
        if k == len(starts):
            break
        b = starts[k]
        k += 1
        for m in _C1_TEXT_RE.finditer(text, a, b):
            out.append(text[done : m.start()])
            done = m.end()
            if changes is not None:
                changes.append(
                    Change(m.start(), m.end(), m.group(), "", rule="hidden", entry="invisible inside markup")
                )
    out.append(text[done:])
    return "".join(out)


def _angles_making_tags(text: str) -> frozenset[int]:
    """Offsets in ``text`` of the references to ``<`` / ``>`` that, decoded
    with all the others, would be part of a removable tag (seen through
    hidden characters, as :func:`_reveal` does)."""
    parts: list[str] = []
    angles: list[int] = []  # offsets in the decoded text of decoded angle brackets
    sources: list[int] = []  # ... and where their references start in text
    pos = 0
    length = 0
    for m in _REF.finditer(text):
        new = _reference_replacement(m)
        if new == m.group():
            continue
        parts.append(text[pos : m.start()])
        length += m.start() - pos
        if new in ("<", ">"):
            angles.append(length)
            sources.append(m.start())
        parts.append(new)
        length += len(new)
        pos = m.end()
    if not angles:
        return frozenset()
    parts.append(text[pos:])
    decoded = "".join(parts)
    # the decoded text without hidden characters, and where each of its
    # characters came from
    shadow = decoded
    starts: list[int] = [0]
    origins: list[int] = [0]
    if _HIDDEN_OR_C1.search(decoded) is not None:
        pieces: list[str] = []
        starts, origins = [], []
        done = 0
        n = 0
        for h in _HIDDEN_OR_C1.finditer(decoded):
            if h.start() > done:
                starts.append(n)
                origins.append(done)
                pieces.append(decoded[done : h.start()])
                n += h.start() - done
            done = h.end()
        if done < len(decoded):
            starts.append(n)
            origins.append(done)
            pieces.append(decoded[done:])
        shadow = "".join(pieces)
        if not starts:
            return frozenset()

    def origin(p: int) -> int:
        i = bisect_right(starts, p) - 1
        return origins[i] + p - starts[i]

    spans: list[tuple[int, int]] = []
    closer = _Closer(shadow)
    for m in _TAG.finditer(shadow):
        found = _removal(shadow, m, closer)
        if found is not None and found[0] > m.start():
            spans.append((origin(m.start()), origin(found[0] - 1) + 1))
    spans.sort()
    keep: list[int] = []
    last = 0  # angles before this index are handled
    reach = -1
    for a, b in spans:
        if b <= reach:
            continue
        a = max(a, reach)
        reach = b
        i = max(last, bisect_right(angles, a - 1))
        while i < len(angles) and angles[i] < b:
            keep.append(sources[i])
            i += 1
        last = i
    return frozenset(keep)


def _would_strip(text: str) -> bool:
    """Whether a call on ``text`` would remove a tag (hidden or not)."""
    if _reveal(text, None) != text:
        return True
    return _strip_tags(text, None) != text


@step(lossless=False)
def remove_markup(text: str, *, unescape_entities: bool = True, strip_tags: bool = True) -> str:
    """Unescape HTML character references and remove stray tags, comments and scripts.

    Registered as lossy: it deletes characters (tags, and the code inside
    ``<script>``/``<style>``), though never a letter of prose.

    Left alone on purpose: a lone ``&`` (``AT&T``, ``Q&A``), references
    without ``;`` or with unknown names, numeric references to NUL, controls
    or non-characters; anything in angle brackets that is not an HTML element
    with well-formed attributes (``a < b > c``, ``<3``, ``x<y``,
    ``<name@example.com>``, ``List<T>``); an unterminated ``<!--``.

    >>> remove_markup('<p class="lead">Gaza &ndash; 5&nbsp;km</p><p>next</p>')
    'Gaza – 5\\xa0km\\nnext'
    >>> remove_markup('<a title="say &quot;hi&quot;" href="/x">link</a> text')
    'link text'
    >>> remove_markup("use the &lt;b&gt; tag")
    'use the &lt;b&gt; tag'
    >>> remove_markup("5 &lt; 6 &amp;&amp; 7 &gt; 2")
    '5 < 6 && 7 > 2'
    >>> remove_markup("AT&am\\u00adp;T <\\u200bb>bold</b>")
    'AT&T bold'
    """
    return _run(text, unescape_entities, strip_tags, False)[0]


def trace_remove_markup(
    text: str, *, unescape_entities: bool = True, strip_tags: bool = True
) -> tuple[str, list[Change]]:
    """:func:`remove_markup` with its changes: ``rule`` is ``entity``, ``tag``,
    ``element`` (script/style with contents) or ``comment``; ``entry`` the
    reference or the tag name; ``line`` the line index.

    >>> out, changes = trace_remove_markup("a &amp; b<br>c")
    >>> out, [(c.before, c.after, c.rule, c.entry) for c in changes]
    ('a & b\\nc', [('&amp;', '&', 'entity', '&amp;'), ('<br>', '\\n', 'tag', 'br')])
    """
    return _run(text, unescape_entities, strip_tags, True)


attach_tracer(remove_markup, trace_remove_markup)
