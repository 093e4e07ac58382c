"""Learn a site lexicon: the lines that repeat across many pages of one site.

Menus, footers, share bars and newsletter prompts are printed on every page of
a site; article text is not.  :func:`learn` reads the pages once (any
iterable, e.g. a generator over files), counts in how many pages each line
occurs — by the line's :func:`~nazif.chrome.matchkey.match_key`, so spacing,
case, digits and Arabic spelling variants count as one line — and returns the
frequent ones as a :class:`~nazif.chrome.lexicon.Lexicon` (kind ``line``,
category ``site``) that can be saved, loaded, merged with the built-in one and
inspected.

Memory stays bounded for any number of pages: keys are counted as integer
hashes, never as strings, with *lossy counting* (Manku and Motwani, 2002):
every ``bucket`` pages the keys that cannot reach the threshold any more are
dropped, so the table holds about ``1 / epsilon`` entries per distinct line
of a page.  A sample string is kept only for a key seen on two pages or more.

>>> stories = ["Rain is coming.", "Markets fell.", "The mayor resigned.", "A new bridge opens."]
>>> pages = ["Home\\nNews\\n%s\\nFollow us on Mastodon" % s for s in stories * 3]
>>> site = learn(pages, min_pages=4)
>>> sorted(e.phrase for e in site)
['Follow us on Mastodon', 'Home', 'News']
>>> [e.count for e in site][:1]
[12]
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from .lexicon import Entry, Lexicon
from .matchkey import match_key

__all__ = ["SiteCounter", "learn"]

_TERMINAL = (".", "!", "?", "\u061f", "\u2026", "\u06d4")


def _is_paragraph(s: str, words: int) -> bool:
    t = s.rstrip("\"'\u201d\u2019\u00bb)] ")
    return words >= 30 or (words >= 8 and t.endswith(_TERMINAL))


class SiteCounter:
    """Streaming counter behind :func:`learn` (use it to feed pages one by one).

    >>> c = SiteCounter(min_pages=2)
    >>> for page in ["Menu\\nText one.", "Menu\\nText two."]:
    ...     c.add(page)
    >>> [e.phrase for e in c.lexicon()]
    ['Menu']
    """

    def __init__(
        self,
        *,
        min_pages: int = 3,
        min_share: float = 0.2,
        max_words: int = 25,
        paragraph_share: float = 0.9,
        epsilon: float | None = None,
        max_line_chars: int = 400,
    ) -> None:
        if not 0 < min_share <= 1:
            raise ValueError("min_share must be in (0, 1]")
        if not 0 < paragraph_share <= 1:
            raise ValueError("paragraph_share must be in (0, 1]")
        self.min_pages = max(1, int(min_pages))
        self.min_share = float(min_share)
        self.max_words = int(max_words)
        self.paragraph_share = float(paragraph_share)
        self.max_line_chars = int(max_line_chars)
        # error bound of the lossy count: a quarter of the share threshold
        self.epsilon = float(epsilon) if epsilon else self.min_share / 4
        self.bucket = max(1, math.ceil(1 / self.epsilon))
        self.pages = 0
        # hash -> [count, delta, paragraph?]
        self._counts: dict[int, list[int]] = {}
        # hash -> sample line, only for keys seen on two pages or more
        self._samples: dict[int, str] = {}

    def add(self, page: str) -> None:
        """Count the distinct lines of one page."""
        if not isinstance(page, str):
            raise TypeError(f"pages must be str, not {type(page).__name__}")
        self.pages += 1
        bucket_id = math.ceil(self.pages / self.bucket)
        seen = set()
        counts = self._counts
        for raw in page.split("\n"):
            s = raw.strip()
            if not s or len(s) > self.max_line_chars:
                continue
            words = len(s.split())
            para = _is_paragraph(s, words)
            if words > self.max_words and not para:
                continue
            key = match_key(s)
            if not key:
                continue
            h = hash(key)
            if h in seen:
                continue
            seen.add(h)
            slot = counts.get(h)
            if slot is None:
                counts[h] = [1, bucket_id - 1, int(para)]
            else:
                slot[0] += 1
                if h not in self._samples:
                    self._samples[h] = s
        if self.pages % self.bucket == 0:
            self._prune(bucket_id)

    def _prune(self, bucket_id: int) -> None:
        dead = [h for h, (c, d, _) in self._counts.items() if c + d <= bucket_id]
        for h in dead:
            del self._counts[h]
            self._samples.pop(h, None)

    def __len__(self) -> int:
        """How many keys are being counted now (memory use)."""
        return len(self._counts)

    @property
    def samples_kept(self) -> int:
        """How many sample strings are held (only keys seen on two pages or more)."""
        return len(self._samples)

    def frequent(self) -> list[tuple[str, int]]:
        """``(sample line, pages)`` of the lines over the thresholds, most frequent first."""
        n = self.pages
        if n == 0:
            return []
        need = max(self.min_pages, math.ceil(self.min_share * n - self.epsilon * n))
        need_para = max(self.min_pages, math.ceil(self.paragraph_share * n))
        out = []
        for h, (c, _d, para) in self._counts.items():
            sample = self._samples.get(h)
            if sample is None:
                continue
            if c >= (need_para if para else need):
                out.append((sample, c))
        out.sort(key=lambda t: (-t[1], t[0]))
        return out

    def lexicon(self) -> Lexicon:
        """The frequent lines as a site lexicon (kind ``line``, category ``site``)."""
        return Lexicon(
            (Entry("line", "site", s, "site", c) for s, c in self.frequent()),
            name="site",
        )


def learn(
    pages: Iterable[str],
    *,
    min_pages: int = 3,
    min_share: float = 0.2,
    max_words: int = 25,
    paragraph_share: float = 0.9,
    epsilon: float | None = None,
) -> Lexicon:
    """A site lexicon of the lines that repeat across ``pages`` (read once).

    A line is learned when it occurs on at least ``min_pages`` pages and on at
    least ``min_share`` of all pages; lines of more than ``max_words`` words
    are ignored, and lines that look like article paragraphs (long, or ending
    in sentence punctuation) are learned only when they occur on
    ``paragraph_share`` of the pages (a disclaimer printed under every
    article).  ``epsilon`` is the error bound of the bounded-memory count
    (default ``min_share / 4``).

    Save the result with ``.save(path)``, load it with
    ``Lexicon.from_file(path)``, and use it with the built-in lexicon:
    ``nazif.chrome.remove(text, lexicon=Lexicon.builtin() | site)``.
    """
    counter = SiteCounter(
        min_pages=min_pages,
        min_share=min_share,
        max_words=max_words,
        paragraph_share=paragraph_share,
        epsilon=epsilon,
    )
    for page in pages:
        counter.add(page)
    return counter.lexicon()
