"""The screen: a cheap, over-inclusive look at every line's first words (and
the lexicon's patterns) that picks the lines that could carry evidence, so
that clean text costs one pass.
"""

from __future__ import annotations

from collections.abc import Sequence

from .evidence import _CRUMB_SEP
from .lexicon import Lexicon
from .lines import _Doc, _script
from .matchkey import match_key


def _edge_foreign(doc: _Doc) -> bool:
    """A short line in the minority script among the first or last lines."""
    nb = [i for i in range(min(doc.n, 3)) if doc.raw[i].strip()][:1]
    k = doc.n - 1
    while k >= 0 and len(nb) < 5:
        if doc.raw[k].strip():
            nb.append(k)
        k -= 1
    major = None
    first_ascii = bool(nb) and doc.raw[nb[0]].isascii()
    for i in nb:
        raw = doc.raw[i]
        if len(raw) > 60 or (first_ascii and raw.isascii()):
            continue  # long, or Latin in a text that starts in Latin
        line = doc.line(i)
        if line.words > 3 or line.para:
            continue
        sc = _script(line)
        if sc:
            if major is None:
                major = doc.majority_script()
            if sc != major:
                return True
    return False


def _has_repeats(lines: Sequence[str]) -> bool:
    if len(lines) < 3:
        return False
    distinct = set(lines)
    blank = 1 if "" in distinct else 0
    if len(distinct) + lines.count("") - blank >= len(lines):
        return False
    # repeats among stripped, non-trivial lines only
    seen = set()
    for line in lines:
        t = line.strip()
        if len(t) < 8 or len(t) > 300:
            continue
        if t in seen:
            return True
        seen.add(t)
    return False


def _screen(doc: _Doc) -> list[int]:
    """Indices of the lines that could carry evidence (cheap, over-inclusive):
    lines whose first word (or first two, after a stop word) starts a lexicon
    entry or a layout pattern, and lines that start with a digit or a symbol."""
    if doc.screened is None:
        doc.screened = _screen_lines(doc)
    return doc.screened


def _screen_lines(doc: _Doc) -> list[int]:
    trig, cache, heads, second = _screen_words(doc.lex)
    out: list[int] = []
    get = cache.get
    for i, line in enumerate(doc.raw):
        if not line:
            continue
        p = line[:40].split(None, 2)
        if not p:
            continue
        c = get(p[0])
        if c is None:
            c = _token_code(p[0], trig)
            if len(cache) < 100000:
                cache[p[0]] = c
        if c is _NOTHING:
            continue
        k, room, common = c
        w2 = p[1] if len(p) > 1 else ""
        if k == "":
            # a digit or a symbol first: a date, counter, separator ... if short;
            # else look at the next word ("» Read also: ...")
            if len(line) <= 80 or len(line.strip()) <= 60:
                out.append(i)
                continue
            if not w2:
                continue
            k, room, common = _token_code(w2, trig, keep=True)
            w2 = p[2].split(None, 1)[0] if len(p) > 2 else ""
        if room is not None and (room < 0 or len(line) <= room or len(line.strip()) <= room):
            out.append(i)
            continue
        if room is not None and len(line) <= 160 and _CRUMB_SEP.search(line):
            out.append(i)  # "Home » News » World": a breadcrumb starting with an entry
            continue
        if w2 and common and k in heads:
            k2 = second.get(w2)
            if k2 is None:
                k2 = _first_word_key(w2)
                if len(second) < 100000:
                    second[w2] = k2
            room = trig.get(k + " " + k2) if k2 else None
            if room is not None and (room < 0 or len(line) <= room or len(line.strip()) <= room):
                out.append(i)
    if doc.lex.has_patterns:
        # searched line by line, as the evidence is (bidi controls removed)
        out = sorted(set(out).union(doc.lex.pattern_lines(doc.raw, bidi=doc.bidi)))
    return out


_NOTHING: tuple[str, int | None, bool] = ("\x00", None, False)


def _token_code(token: str, trig: dict[str, int], keep: bool = False) -> tuple[str, int | None, bool]:
    """(first-word key, screen room, common word?) of a raw token; ``_NOTHING``
    when the token can never start a candidate (unless ``keep``)."""
    k = _first_word_key(token)
    room = trig.get(k) if k else None
    common = k in _COMMON
    if k and room is None and not common and not keep:
        return _NOTHING
    return (k, room, common)


_QUOTE_START = frozenset("\"'\u201c\u201d\u2018\u2019\u00ab\u00bb([\u201e\u2039\u203a")


def _first_word_key(token: str) -> str:
    """Folded first word of a raw token; ``""`` when the token starts with a
    digit or a symbol (a layout candidate); ``"-"`` for a quote or a bracket."""
    key = match_key(token)
    if key:
        ch = token[0]
        if not ch.isalpha() and ch not in _QUOTE_START and not ("\u0600" <= ch <= "\u06ff"):
            return ""  # "»Share", "©2019", "@handle": a symbol first
        return key.split(" ", 1)[0]
    return "-" if token[0] in _QUOTE_START else ""


_STOP = frozenset(
    """the a an in on of to for and or by at is it this that we you i our your be not no my all
    from with as do get go see are was has have will can its their his her""".split()
)


# First words too common in prose to screen on alone (past a short line).
_COMMON = _STOP | frozenset(
    """last first more other about us world national international share top most latest also new news
    read see get follow like join find recent popular trending home back up sign log click view show watch
    next previous related updated published posted sort load go""".split()
)


_EXTRA_TRIGGERS = """by more latest top most popular trending other recent follow like join find also photograph photo
    picture image credit copyright january february march april may june july august september october
    november december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday
    friday saturday sunday mon tue wed thu fri sat sun updated published posted
    المزيد مزيد اخبار مقالات مواضيع بقلم كتب كتبت اعداد تقرير حوار تصوير الصوره
    يناير فبراير مارس ابريل مايو يونيو يوليو اغسطس سبتمبر اكتوبر نوفمبر ديسمبر الاثنين الثلاثاء
    الاربعاء الخميس الجمعه السبت الاحد جانفي فيفري افريل جوان جويليه اوت""".split()


_ScreenWords = tuple[dict[str, int], dict[str, tuple[str, int | None, bool]], frozenset[str], dict[str, str]]


def _screen_words(lex: Lexicon) -> _ScreenWords:
    """Trigger words -> the longest raw line worth a look (-1: any length);
    with the caches of the screen: raw first token -> its code, the first
    words of two-word triggers, raw second token -> its key.

    A word that starts only whole-line entries needs a look only on lines not
    much longer than the longest of those entries; a word that starts a prefix
    entry or a layout pattern needs a look at any length."""
    cached = getattr(lex, "_nazif_screen", None)
    if cached is not None:
        return cached
    room: dict[str, int] = {}

    def allow(word: str, n: int) -> None:
        old = room.get(word)
        if old is None or (old >= 0 and (n < 0 or n > old)):
            room[word] = n

    for w in _EXTRA_TRIGGERS:
        k = match_key(w)
        allow(k, -1 if not k.isascii() else 56)
    for w in (
        "also on",
        "also at",
        "photograph",
        "photo",
        "picture",
        "image",
        "credit",
        "copyright",
        "www",
        "http",
        "https",
    ):
        allow(w, -1)
    for e in lex:
        if e.kind not in ("line", "prefix") or not e.key:
            continue
        ws = e.key.split(" ")
        n = -1 if e.kind == "prefix" else len(e.key) + 15
        if ws[0] in _COMMON and len(ws) > 1:
            # a common first word: the first two words say more
            allow(" ".join(ws[:2]), n)
        else:
            allow(ws[0], n)
    heads = frozenset(k.split(" ", 1)[0] for k in room if " " in k)
    result: _ScreenWords = (room, {}, heads, {})
    try:
        lex._nazif_screen = result  # type: ignore[attr-defined]  # a cache on the lexicon
    except AttributeError:
        pass
    return result
