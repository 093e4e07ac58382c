"""Spans that text-changing steps must leave alone: URLs, e-mail addresses
and (optionally) runs of Latin script.

Arabic folds and punctuation steps call :func:`map_unprotected` so that
``https://example.com/a,b`` or ``name@site.com`` come through untouched.

All scans are linear: URLs are found from their literal scheme or ``www.``,
e-mail addresses from each ``@`` with bounded look-around, never by a pattern
that could backtrack over a long run of letters.

>>> protected_spans("see https://x.org/a?b=1, or mail me@x.org.")
[(4, 23), (33, 41)]
>>> map_unprotected("a,b https://x.org/a,b", lambda s: s.replace(",", ";"))
'a;b https://x.org/a,b'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from .tables.quotes import QUOTE_CHARS

__all__ = ["map_unprotected", "protected_spans", "split_protected"]

# A URL stops at whitespace, angle brackets and any quotation mark the quote
# step rewrites, so that normalizing quotes never moves a URL's end.
_URL_STOP = "\\s<>" + "".join(re.escape(c) for c in sorted(QUOTE_CHARS | {'"', "'", "`"}))
# An apostrophe inside a word of the path ("/it’s-a-story") is part of the URL.
_URL_APOSTROPHE = "['\u2019\u02bc](?=[^\\W_])"
_URL = re.compile(
    rf"(?:(?:https?|ftp)://|www\.)(?:[^{_URL_STOP}]|{_URL_APOSTROPHE})+",
    re.IGNORECASE,
)
# Characters that end a URL when they are its last character (sentence
# punctuation after a link), and closing brackets without an opening one.
_URL_TRAILING = ".,;:!?،؛؟…'\""

_EMAIL_LOCAL = re.compile(r"[A-Za-z0-9._%+-]{1,64}$")
_EMAIL_DOMAIN = re.compile(r"[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}")

_LATIN_RUN = re.compile(
    r"[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F0-9'\u2019.\-]*"
    r"(?:[ \u00A0][A-Za-z\u00C0-\u024F0-9][A-Za-z\u00C0-\u024F0-9'\u2019.\-]*)*"
)


def _trim_url(text: str, start: int, end: int) -> int:
    """End of the URL once trailing punctuation and unmatched closers are cut."""
    pairs = {")": "(", "]": "[", "}": "{"}
    balance = {c: text.count(c, start, end) - text.count(o, start, end) for c, o in pairs.items()}
    while end > start:
        last = text[end - 1]
        if last in _URL_TRAILING:
            end -= 1
        elif last in pairs and balance[last] > 0:
            balance[last] -= 1
            end -= 1
        else:
            break
    return end


def _email_spans(text: str) -> Iterator[tuple[int, int]]:
    pos = text.find("@")
    while pos != -1:
        domain = _EMAIL_DOMAIN.match(text, pos + 1)
        local = _EMAIL_LOCAL.search(text, max(0, pos - 64), pos) if domain else None
        if local and domain and not local.group().startswith("."):
            end = domain.end()
            while end > pos + 1 and text[end - 1] in ".-":
                end -= 1
            yield local.start(), end
            pos = text.find("@", end)
        else:
            pos = text.find("@", pos + 1)


def protected_spans(text: str, *, latin: bool = False) -> list[tuple[int, int]]:
    """Sorted, non-overlapping ``(start, end)`` spans of URLs and e-mail
    addresses (and Latin-script runs when ``latin`` is true)."""
    spans: list[tuple[int, int]] = []
    if "://" in text or "www." in text or "WWW." in text:
        for m in _URL.finditer(text):
            end = _trim_url(text, m.start(), m.end())
            if end > m.start():
                spans.append((m.start(), end))
    if "@" in text:
        spans.extend(_email_spans(text))
    if latin:
        spans.extend(m.span() for m in _LATIN_RUN.finditer(text))
    if not spans:
        return spans
    spans.sort()
    merged = [spans[0]]
    for start, end in spans[1:]:
        last_start, last_end = merged[-1]
        if start <= last_end:
            merged[-1] = (last_start, max(last_end, end))
        else:
            merged.append((start, end))
    return merged


def split_protected(text: str, *, latin: bool = False) -> Iterator[tuple[str, bool]]:
    """Cut ``text`` into ``(piece, is_protected)`` pairs that concatenate to it."""
    pos = 0
    for start, end in protected_spans(text, latin=latin):
        if start > pos:
            yield text[pos:start], False
        yield text[start:end], True
        pos = end
    if pos < len(text) or not text:
        yield text[pos:], False


def map_unprotected(text: str, func: Callable[[str], str], *, latin: bool = False) -> str:
    """Apply ``func`` to the unprotected pieces of ``text`` only."""
    spans = protected_spans(text, latin=latin)
    if not spans:
        return func(text)
    return "".join(piece if prot else func(piece) for piece, prot in split_protected(text, latin=latin))
