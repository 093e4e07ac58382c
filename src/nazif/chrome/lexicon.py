"""Chrome lexicons: the built-in bilingual UI strings, site lexicons and user entries.

A :class:`Lexicon` is an immutable collection of :class:`Entry` objects,
indexed by :func:`~nazif.chrome.matchkey.match_key` so that looking a line up
costs one dictionary probe for whole-line entries and one probe per distinct
entry length for prefix and suffix entries.

Files use one entry per line, TAB-separated ``kind<TAB>category<TAB>phrase``
(an optional fourth column is a count, written by :func:`nazif.chrome.learn`);
``#`` starts a comment.  ``kind`` is ``line`` (the whole line is the phrase),
``prefix`` (the line starts with the phrase and a title or name follows),
``suffix`` (the line ends with it) or ``pattern`` (a regular expression
searched in the raw line).

>>> lex = Lexicon.from_entries(["Follow us on Mastodon"], category="share")
>>> lex.match_line("  FOLLOW US ON MASTODON » ").phrase
'Follow us on Mastodon'
>>> len(lex | Lexicon.from_entries(["Back to top"], category="back-to-top"))
2
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Union

from .matchkey import match_key

__all__ = ["CATEGORIES", "DATA_DIR", "KINDS", "Entry", "Lexicon"]

DATA_DIR = Path(__file__).resolve().parent / "data"

KINDS = ("line", "prefix", "suffix", "pattern")
CATEGORIES = (
    "language-switch",
    "related",
    "read-also",
    "share",
    "back-to-top",
    "cookie",
    "subscribe",
    "comment",
    "tags",
    "most-read",
    "footer",
    "nav",
    "ad",
    "print",
    "search",
    "byline-meta",
    "other",
    "site",
)

PathLike = Union[str, "os.PathLike[str]"]


@dataclass(frozen=True)
class Entry:
    """One lexicon entry.

    ``phrase`` is the string as a site prints it (or a regular expression for
    ``kind == "pattern"``); ``key`` is its match key; ``source`` says where it
    came from (``builtin:en.tsv``, ``site``, ``user`` …); ``count`` is how many
    pages showed it, for learned entries.
    """

    kind: str
    category: str
    phrase: str
    source: str = field(default="user", compare=False)
    count: int | None = None
    key: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown entry kind {self.kind!r}; use one of {', '.join(KINDS)}")
        if not self.key and self.kind != "pattern":
            object.__setattr__(self, "key", match_key(self.phrase))

    def to_tsv(self) -> str:
        """The entry as one line of a lexicon file."""
        phrase = self.phrase.replace("\t", " ").replace("\n", " ")
        cols = [self.kind, self.category, phrase]
        if self.count is not None:
            cols.append(str(self.count))
        return "\t".join(cols)


_BIDI_DELETE = dict.fromkeys([0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)])


_BIDI_RE = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_LEADING_FLAGS = re.compile(r"\(\?([aiLmsux]+)\)")
_BACKREF = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")


def has_bidi_controls(text: str) -> bool:
    """Whether ``text`` holds a bidi control that patterns are searched without."""
    return not text.isascii() and _BIDI_RE.search(text) is not None


def _without_bidi(line: str) -> str:
    """``line`` without bidi controls (patterns are searched in that form)."""
    if line.isascii() or _BIDI_RE.search(line) is None:
        return line
    return line.translate(_BIDI_DELETE)


def _combined(
    patterns: list[re.Pattern[str]],
) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None] | None:
    """Two regular expressions, ``(anchored, floating)``, that together match
    where any of ``patterns`` does: the patterns that start with ``^`` or
    ``\\A`` joined for ``match`` (they cannot match anywhere else: lines are
    searched without ``re.MULTILINE``), the others joined for ``search``.
    ``None`` when they cannot be joined safely (back-references, a global flag
    inside a pattern); then each pattern is searched on its own.

    Used only as a screen: a line neither matches matches no pattern."""
    anchored: list[str] = []
    floating: list[str] = []
    for rx in patterns:
        src = rx.pattern
        if rx.groups and _BACKREF.search(src):
            return None
        m = _LEADING_FLAGS.match(src)
        flags = m.group(1).replace("u", "") if m else ""
        body = src[m.end() :] if m else src
        if _LEADING_FLAGS.search(body):
            return None  # a global flag further in (Python 3.10 allows it) would apply to all
        # a verbose pattern may end in a comment: a line break closes it
        tail = "\n" if "x" in flags else ""
        part = f"(?{flags}:{body}{tail})"
        (anchored if body.startswith(("^", "\\A")) else floating).append(part)
    try:
        return (
            re.compile("|".join(anchored)) if anchored else None,
            re.compile("|".join(floating)) if floating else None,
        )
    except (re.error, RecursionError, OverflowError, ValueError):
        return None


def _compile_pattern(pattern: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except (re.error, TypeError, ValueError, OverflowError, RecursionError) as exc:
        raise ValueError(f"invalid chrome pattern {pattern!r}: {exc}") from None


class Lexicon:
    """An immutable, indexed set of chrome entries.

    Build one with :meth:`builtin`, :meth:`from_file`, :meth:`from_entries`,
    :meth:`with_entries`, :meth:`with_patterns`, ``|`` / :meth:`merge`, or
    :func:`nazif.chrome.learn`.
    """

    def __init__(self, entries: Iterable[Entry] = (), *, name: str = "") -> None:
        seen: dict[tuple[str, str], Entry] = {}
        for e in entries:
            ident = (e.kind, e.phrase if e.kind == "pattern" else e.key)
            if e.kind != "pattern" and not e.key:
                continue  # a phrase made only of digits/punctuation can never match
            if ident not in seen:
                seen[ident] = e
        self._entries: tuple[Entry, ...] = tuple(seen.values())
        self.name = name
        self._line: dict[str, Entry] = {}
        self._prefix: dict[int, dict[str, Entry]] = {}
        self._suffix: dict[int, dict[str, Entry]] = {}
        self._patterns: list[tuple[re.Pattern[str], Entry]] = []
        first_words = set()
        prefix_first: dict[str, set] = {}
        suffix_last: dict[str, set] = {}
        max_words = 0
        for e in self._entries:
            if e.kind == "pattern":
                self._patterns.append((_compile_pattern(e.phrase), e))
                continue
            words = e.key.split(" ")
            if e.kind == "line":
                self._line.setdefault(e.key, e)
                max_words = max(max_words, len(words))
                first_words.add(words[0])
            elif e.kind == "prefix":
                self._prefix.setdefault(len(words), {}).setdefault(e.key, e)
                first_words.add(words[0])
                prefix_first.setdefault(words[0], set()).add(len(words))
            else:
                self._suffix.setdefault(len(words), {}).setdefault(e.key, e)
                suffix_last.setdefault(words[-1], set()).add(len(words))
        self._pattern_any = _combined([rx for rx, _ in self._patterns])
        self._prefix_lens = sorted(self._prefix, reverse=True)
        self._suffix_lens = sorted(self._suffix, reverse=True)
        self.first_words = frozenset(first_words)
        self._prefix_first = {w: sorted(ns, reverse=True) for w, ns in prefix_first.items()}
        self._suffix_last = {w: sorted(ns, reverse=True) for w, ns in suffix_last.items()}
        self.max_line_words = max_words
        self.max_line_chars = max((len(k) for k in self._line), default=0)

    # -- construction ------------------------------------------------------
    @classmethod
    def builtin(cls) -> Lexicon:
        """The built-in bilingual lexicon (every ``*.tsv`` file shipped in
        ``nazif/chrome/data``)."""
        return _builtin()

    @classmethod
    def empty(cls) -> Lexicon:
        """A lexicon with no entries (layout rules still apply)."""
        return cls((), name="empty")

    @classmethod
    def from_entries(
        cls,
        phrases: Iterable[str],
        *,
        category: str = "other",
        kind: str = "line",
        source: str = "user",
    ) -> Lexicon:
        """A lexicon of ``phrases``, all of one ``category`` and ``kind``."""
        return cls(Entry(kind, category, p, source) for p in phrases)

    @classmethod
    def from_file(cls, path: PathLike, *, source: str | None = None) -> Lexicon:
        """Load a lexicon file (TSV ``kind, category, phrase[, count]``)."""
        p = Path(path)
        with open(p, encoding="utf-8") as fh:
            return cls(parse_tsv(fh, source=source or p.name), name=p.name)

    @classmethod
    def from_string(cls, text: str, *, source: str = "user") -> Lexicon:
        """Parse lexicon TSV text."""
        return cls(parse_tsv(io.StringIO(text), source=source))

    def with_entries(self, phrases: Iterable[str], *, category: str = "other", kind: str = "line") -> Lexicon:
        """A new lexicon with ``phrases`` added (``kind`` line, prefix or suffix).

        >>> lex = Lexicon.empty().with_entries(["Follow us on Mastodon"], category="share")
        >>> [e.phrase for e in lex]
        ['Follow us on Mastodon']
        """
        if isinstance(phrases, str):
            phrases = [phrases]
        return Lexicon([*self._entries, *(Entry(kind, category, p, "user") for p in phrases)], name=self.name)

    def with_patterns(self, patterns: Iterable[str], *, category: str = "other") -> Lexicon:
        """A new lexicon with regular ``patterns`` added; each is searched in
        the raw line (use ``^`` / ``$`` to anchor).  Invalid patterns raise
        ``ValueError`` here, never while cleaning.

        >>> lex = Lexicon.empty().with_patterns([r"^Photo: "])
        >>> lex.match_line("Photo: AFP").kind
        'pattern'
        """
        if isinstance(patterns, str):
            patterns = [patterns]
        return Lexicon(
            [*self._entries, *(Entry("pattern", category, p, "user") for p in patterns)], name=self.name
        )

    def merge(self, *others: Lexicon) -> Lexicon:
        """The union of this lexicon and ``others`` (first entry wins on a clash)."""
        entries: list[Entry] = list(self._entries)
        for o in others:
            entries.extend(o._entries)
        return Lexicon(entries, name="+".join(x for x in (self.name, *(o.name for o in others)) if x))

    def __or__(self, other: Lexicon) -> Lexicon:
        if not isinstance(other, Lexicon):
            return NotImplemented
        return self.merge(other)

    # -- saving -------------------------------------------------------------
    def to_tsv(self, *, header: str = "") -> str:
        """The lexicon as file text (entries in their order)."""
        out: list[str] = []
        if header:
            out.extend("# " + h for h in header.splitlines())
        out.append("# kind\tcategory\tphrase[\tcount]")
        out.extend(e.to_tsv() for e in self._entries)
        return "\n".join(out) + "\n"

    def save(self, path: PathLike, *, header: str = "") -> None:
        """Write the lexicon to ``path`` (UTF-8 TSV, loadable with :meth:`from_file`)."""
        Path(path).write_text(self.to_tsv(header=header), encoding="utf-8")

    # -- inspection -----------------------------------------------------------
    def __iter__(self) -> Iterator[Entry]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, line: object) -> bool:
        return isinstance(line, str) and self.match_line(line) is not None

    def __repr__(self) -> str:
        label = f" {self.name!r}" if self.name else ""
        return f"<Lexicon{label}: {len(self)} entries>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Lexicon):
            return NotImplemented
        return set(self._entries) == set(other._entries)

    def __hash__(self) -> int:
        return hash(frozenset(self._entries))

    def entries(self, *, category: str | None = None, kind: str | None = None) -> list[Entry]:
        """The entries, optionally only those of one ``category`` / ``kind``."""
        return [
            e
            for e in self._entries
            if (category is None or e.category == category) and (kind is None or e.kind == kind)
        ]

    def categories(self) -> dict[str, int]:
        """How many entries each category has."""
        out: dict[str, int] = {}
        for e in self._entries:
            out[e.category] = out.get(e.category, 0) + 1
        return out

    def explain(self, line: str) -> str:
        """Why ``line`` matches (or does not match) this lexicon, in words.

        >>> Lexicon.from_entries(["Read also"], kind="prefix", category="read-also").explain("Read also: X")
        "key 'read also x': prefix entry 'Read also' (read-also, user)"
        """
        key = match_key(line)
        e = self.match_line(line, key=key)
        if e is None:
            return f"key {key!r}: no entry"
        return f"key {key!r}: {e.kind} entry {e.phrase!r} ({e.category}, {e.source})"

    # -- matching -------------------------------------------------------------
    def match_key_line(self, key: str) -> Entry | None:
        """The whole-line entry whose key is ``key``."""
        return self._line.get(key)

    def match_key_prefix(self, key: str) -> Entry | None:
        """The longest prefix entry that starts ``key`` (word-aligned) and
        leaves at least one word after it."""
        if not self._prefix_lens:
            return None
        words = key.split(" ")
        lens = self._prefix_first.get(words[0])
        if lens is None:
            return None
        for n in lens:
            if len(words) > n:
                e = self._prefix[n].get(" ".join(words[:n]))
                if e is not None:
                    return e
        return None

    def match_key_suffix(self, key: str) -> Entry | None:
        """The longest suffix entry that ends ``key`` (word-aligned)."""
        if not self._suffix_lens:
            return None
        words = key.split(" ")
        lens = self._suffix_last.get(words[-1])
        if lens is None:
            return None
        for n in lens:
            if len(words) > n:
                e = self._suffix[n].get(" ".join(words[-n:]))
                if e is not None:
                    return e
        return None

    def match_pattern(self, line: str) -> Entry | None:
        """The first pattern entry found in ``line`` once bidi controls
        (U+200E/F, U+202A–E, U+2066–9, U+061C) are removed."""
        line = _without_bidi(line)
        if self._pattern_any is not None and not self._any_pattern(line):
            return None
        for rx, e in self._patterns:
            if rx.search(line):
                return e
        return None

    def pattern_lines(self, lines: Iterable[str], *, bidi: bool = True) -> list[int]:
        """Indices of the ``lines`` in which :meth:`match_pattern` finds a pattern
        (``bidi=False``: the caller knows that no line holds a bidi control).

        >>> Lexicon.empty().with_patterns([r"^Photo: ", r"^Video: "]).pattern_lines(["a", "Video: x", "Photo: y"])
        [1, 2]
        """
        if not self._patterns:
            return []
        if self._pattern_any is not None:
            anchored, floating = self._pattern_any
            if floating is None and anchored is not None:
                # the usual case (the built-in patterns are all anchored): one match per line
                match = anchored.match
                if not bidi:
                    return [i for i, line in enumerate(lines) if line and match(line) is not None]
                return [i for i, line in enumerate(lines) if line and match(_without_bidi(line)) is not None]
            hit = self._any_pattern
            return [i for i, line in enumerate(lines) if line and hit(_without_bidi(line))]
        return [i for i, line in enumerate(lines) if line and self.match_pattern(line) is not None]

    def _any_pattern(self, line: str) -> bool:
        """True when some pattern is found in ``line`` (bidi controls already removed)."""
        anchored, floating = self._pattern_any  # type: ignore[misc]  # only called when set
        return (anchored is not None and anchored.match(line) is not None) or (
            floating is not None and floating.search(line) is not None
        )

    @property
    def has_patterns(self) -> bool:
        return bool(self._patterns)

    def match_line(self, line: str, *, key: str | None = None) -> Entry | None:
        """The entry ``line`` matches: whole line first, then pattern, prefix, suffix."""
        if key is None:
            key = match_key(line)
        e = self._line.get(key) if key else None
        if e is None and self._patterns:
            e = self.match_pattern(line)
        if e is None and key:
            e = self.match_key_prefix(key) or self.match_key_suffix(key)
        return e


def parse_tsv(lines: Iterable[str], *, source: str = "user") -> Iterator[Entry]:
    """Parse lexicon TSV lines into entries (comments and blank lines skipped).

    A line with a single column is taken as a whole-line phrase of category
    ``other``; malformed kinds raise ``ValueError`` naming the line.
    """
    for number, raw in enumerate(lines, 1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) == 1:
            yield Entry("line", "other", cols[0].strip(), source)
            continue
        if len(cols) == 2:
            kind, category, phrase, count = "line", cols[0].strip(), cols[1], None
        else:
            kind, category, phrase = cols[0].strip(), cols[1].strip(), cols[2]
            count = None
            if len(cols) > 3 and cols[3].strip().isdigit():
                count = int(cols[3].strip())
            if len(cols) > 4 and cols[4].strip():
                # a fifth column records the entry's own source (catalogue + msgid)
                entry_source = f"{source}|{cols[4].strip()}"
                phrase = phrase if kind == "pattern" else phrase.strip()
                if kind not in KINDS:
                    raise ValueError(f"{source}:{number}: unknown kind {kind!r}")
                if phrase:
                    yield Entry(kind, category or "other", phrase, entry_source, count)
                continue
        if kind not in KINDS:
            raise ValueError(f"{source}:{number}: unknown kind {kind!r}")
        phrase = phrase if kind == "pattern" else phrase.strip()
        if not phrase:
            continue
        yield Entry(kind, category or "other", phrase, source, count)


@lru_cache(maxsize=1)
def _builtin() -> Lexicon:
    entries: list[Entry] = []
    if DATA_DIR.is_dir():
        for path in sorted(DATA_DIR.glob("*.tsv")):
            with open(path, encoding="utf-8") as fh:
                entries.extend(parse_tsv(fh, source=f"builtin:{path.name}"))
    return Lexicon(entries, name="builtin")
