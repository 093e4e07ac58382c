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

import json
import math
import os
from collections.abc import Iterable, Iterator
from typing import Union
from urllib.parse import urlsplit

from .lexicon import Entry, Lexicon
from .matchkey import match_key

__all__ = ["SiteCounter", "SiteCounts", "learn", "site_of"]

PathLike = Union[str, "os.PathLike[str]"]

_TERMINAL = (".", "!", "?", "\u061f", "\u2026", "\u06d4")
# A line of eight words or more ending in sentence punctuation, or in a comma,
# semicolon or colon (a sentence broken over lines: "… كشف أن الادعاء غير صحيح،"),
# is prose: it is learned only when nearly every page of the site repeats it.
_PROSE_END = (*_TERMINAL, ",", "\u060c", ";", "\u061b", ":")


def _is_paragraph(s: str, words: int) -> bool:
    t = s.rstrip("\"'\u201d\u2019\u00bb)] ")
    return words >= 30 or (words >= 8 and t.endswith(_PROSE_END))


def _thresholds(
    min_pages: int, min_share: float, max_words: int, paragraph_share: float, max_line_chars: int
) -> tuple[int, float, int, float, int]:
    """The learning thresholds shared by :class:`SiteCounter` and :class:`SiteCounts`, checked."""
    if not 0 < min_share <= 1:
        raise ValueError("min_share must be in (0, 1]")
    if not 0 < paragraph_share <= 1:
        raise ValueError("paragraph_share must be in (0, 1]")
    return (
        max(1, int(min_pages)),
        float(min_share),
        int(max_words),
        float(paragraph_share),
        int(max_line_chars),
    )


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
        (self.min_pages, self.min_share, self.max_words, self.paragraph_share, self.max_line_chars) = (
            _thresholds(min_pages, min_share, max_words, paragraph_share, max_line_chars)
        )
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


def site_of(value: object) -> str:
    """The site a record belongs to: the host of a URL, else the value itself.

    ``www.`` and a port are dropped and the host is lowered, so that the pages
    of one site group together; anything that is not a URL (a site name) is
    returned stripped, and a missing value gives ``""`` (no site: no learning).

    >>> site_of("https://WWW.Example.com:8080/news/1?x=2")
    'example.com'
    >>> site_of("aljazeera"), site_of(None)
    ('aljazeera', '')
    """
    if not isinstance(value, str):
        return ""
    v = value.strip()
    if "//" in v[:12] or v.lower().startswith(("http:", "https:")):
        try:
            host = urlsplit(v).hostname or ""
        except ValueError:
            host = ""
        if host:
            return host[4:] if host.startswith("www.") else host
    return v


def _page_keys(page: str, max_words: int, max_line_chars: int) -> dict[str, tuple[int, str]]:
    """``match key -> (paragraph?, sample line)`` of the distinct countable lines of a page."""
    keys: dict[str, tuple[int, str]] = {}
    for raw in page.split("\n"):
        s = raw.strip()
        if not s or len(s) > max_line_chars:
            continue
        words = len(s.split())
        para = _is_paragraph(s, words)
        if words > max_words and not para:
            continue
        key = match_key(s)
        if key and key not in keys:
            keys[key] = (int(para), s)
    return keys


class SiteCounts:
    """Pass 1 of two-pass site learning: line counts per site, mergeable and serialisable.

    Feed ``(site, page)`` pairs with :meth:`add` (one worker's share of a
    crawl), combine partial counts from many workers with :meth:`merge` (or
    ``|``), save them as JSON lines with :meth:`save` and read them back with
    :meth:`load`; then :meth:`lexicons` gives one site :class:`Lexicon` per
    site for pass 2 (``nazif.chrome.remove(text, lexicon=Lexicon.builtin() |
    lexicons[site])``).  The thresholds are those of :func:`learn`; counts
    are exact (keys are match-key strings, stable across processes), so
    merging in any order gives the same lexicons.  Memory is one entry per
    distinct short line per site.  Pages with no site (``""``) are not
    counted.

    >>> a, b = SiteCounts(min_pages=2), SiteCounts(min_pages=2)
    >>> a.add("ex.com", "Home\\nStory one.")
    >>> b.add("ex.com", "Home\\nStory two.")
    >>> [e.phrase for e in (a | b).lexicons()["ex.com"]]
    ['Home']
    >>> SiteCounts.from_jsonl((a | b).to_jsonl()) == (a | b)
    True
    """

    def __init__(
        self,
        *,
        min_pages: int = 3,
        min_share: float = 0.2,
        max_words: int = 25,
        paragraph_share: float = 0.9,
        max_line_chars: int = 400,
    ) -> None:
        (self.min_pages, self.min_share, self.max_words, self.paragraph_share, self.max_line_chars) = (
            _thresholds(min_pages, min_share, max_words, paragraph_share, max_line_chars)
        )
        # site -> pages counted
        self.pages: dict[str, int] = {}
        # site -> match key -> [pages, paragraph?, sample line]
        self.lines: dict[str, dict[str, list]] = {}

    def _options(self) -> dict[str, object]:
        return {
            "min_pages": self.min_pages,
            "min_share": self.min_share,
            "max_words": self.max_words,
            "paragraph_share": self.paragraph_share,
            "max_line_chars": self.max_line_chars,
        }

    def add(self, site: str, page: str) -> None:
        """Count the distinct lines of one page of ``site``."""
        if not isinstance(site, str):
            raise TypeError(f"site must be str, not {type(site).__name__}")
        if not isinstance(page, str):
            raise TypeError(f"pages must be str, not {type(page).__name__}")
        if not site:
            return
        self.pages[site] = self.pages.get(site, 0) + 1
        table = self.lines.setdefault(site, {})
        for key, (para, sample) in _page_keys(page, self.max_words, self.max_line_chars).items():
            slot = table.get(key)
            if slot is None:
                table[key] = [1, para, sample]
            else:
                slot[0] += 1

    def add_counts(self, other: SiteCounts) -> None:
        """Add ``other``'s counts to these, in place."""
        if not isinstance(other, SiteCounts):
            raise TypeError(f"can only merge SiteCounts, not {type(other).__name__}")
        for site, n in other.pages.items():
            self.pages[site] = self.pages.get(site, 0) + n
            table = self.lines.setdefault(site, {})
            for key, (c, para, sample) in other.lines.get(site, {}).items():
                slot = table.get(key)
                if slot is None:
                    table[key] = [c, para, sample]
                else:
                    slot[0] += c
                    # the smaller sample wins, so that merge order does not matter
                    if sample < slot[2]:
                        slot[2] = sample

    def merge(self, *others: SiteCounts) -> SiteCounts:
        """A new :class:`SiteCounts` with these counts and ``others``' added."""
        out = SiteCounts(**self._options())  # type: ignore[arg-type]
        for c in (self, *others):
            out.add_counts(c)
        return out

    def __or__(self, other: SiteCounts) -> SiteCounts:
        return self.merge(other)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SiteCounts):
            return NotImplemented
        return self.pages == other.pages and self.lines == other.lines

    def __len__(self) -> int:
        """How many sites are counted."""
        return len(self.pages)

    def sites(self) -> list[str]:
        """The sites counted, sorted."""
        return sorted(self.pages)

    def frequent(self, site: str) -> list[tuple[str, int]]:
        """``(sample line, pages)`` of ``site``'s lines over the thresholds, most frequent first."""
        n = self.pages.get(site, 0)
        if n == 0:
            return []
        need = max(self.min_pages, math.ceil(self.min_share * n))
        need_para = max(self.min_pages, math.ceil(self.paragraph_share * n))
        out = [
            (sample, c)
            for c, para, sample in self.lines.get(site, {}).values()
            if c >= (need_para if para else need)
        ]
        out.sort(key=lambda t: (-t[1], t[0]))
        return out

    def lexicon(self, site: str) -> Lexicon:
        """``site``'s frequent lines as a site lexicon (empty for an unknown site)."""
        return Lexicon(
            (Entry("line", "site", s, "site", c) for s, c in self.frequent(site)),
            name="site",
        )

    def lexicons(self) -> dict[str, Lexicon]:
        """One site lexicon per site that has learned lines (sites with none are left out)."""
        out = {}
        for site in self.sites():
            lex = self.lexicon(site)
            if len(lex):
                out[site] = lex
        return out

    def to_jsonl(self) -> Iterator[str]:
        """The counts as JSON lines: one options line, then one line per site."""
        yield json.dumps({"nazif_site_counts": 1, **self._options()}, ensure_ascii=False)
        for site in self.sites():
            rows = sorted([k, *v] for k, v in self.lines.get(site, {}).items())
            yield json.dumps({"site": site, "pages": self.pages[site], "lines": rows}, ensure_ascii=False)

    @classmethod
    def from_jsonl(cls, lines: Iterable[str]) -> SiteCounts:
        """Counts read back from :meth:`to_jsonl` lines."""
        it = iter(lines)
        head = json.loads(next(it))
        if not isinstance(head, dict) or head.pop("nazif_site_counts", None) != 1:
            raise ValueError("not nazif site counts (first line must be the options line)")
        out = cls(**head)
        for line in it:
            if not line.strip():
                continue
            rec = json.loads(line)
            site = rec["site"]
            out.pages[site] = out.pages.get(site, 0) + int(rec["pages"])
            table = out.lines.setdefault(site, {})
            for key, c, para, sample in rec["lines"]:
                table[key] = [int(c), int(para), sample]
        return out

    def save(self, path: PathLike) -> None:
        """Write the counts to ``path`` as JSON lines (UTF-8)."""
        with open(path, "w", encoding="utf-8") as f:
            for line in self.to_jsonl():
                f.write(line + "\n")

    @classmethod
    def load(cls, path: PathLike) -> SiteCounts:
        """Counts saved with :meth:`save`."""
        with open(path, encoding="utf-8") as f:
            return cls.from_jsonl(f)
