"""The decisions: which lines of a text are site chrome, and why.

Two modes share one engine:

* ``article`` (conservative, the default) for the text of an article
  container.  A line goes only on firm evidence: a lexicon entry (whole line,
  or a prefix followed by a title), a layout pattern (a line that is only a
  date, a counter, a byline, a copyright notice, separators), a repetition of
  an earlier non-sentence line, or membership of a block whose head is chrome
  (a "Related articles" list, a share bar, a tag list, a teaser list after
  the article).  Weak evidence (a one-word menu item, a social network name,
  a short line in the other script) needs context: a chrome neighbour, or
  the start or tail of the document.
* ``page`` for the text of a whole page.  The main article region is found
  first (the densest run of paragraph-like lines); lines before it are cut up
  to the headline, lines after it go, and inside it the article rules apply.

Every decision is a :class:`Hit` naming the rule and the entry.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass

from .lexicon import Entry, Lexicon
from .matchkey import match_key

__all__ = ["Hit", "analyse"]


@dataclass(frozen=True)
class Hit:
    """Why a line is chrome: the rule, the lexicon entry (or a description of
    the layout rule) and the category of chrome."""

    rule: str
    entry: str
    category: str


# --- line features -----------------------------------------------------------

_CLOSERS = "\"'\u201d\u2019\u00bb\u203a)]}*\u200f\u200e\u061c "
_TERMINAL = frozenset(".!\u061f?\u2026\u06d4\u3002\uff01\uff1f")
_CONTINUE = frozenset(",\u060c;\u061b")

# Lines that are only a date, a time, a counter, a byline, a handle ...
_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|"
    r"يناير|فبراير|مارس|أبريل|ابريل|إبريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر|"
    r"كانون الثاني|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين الأول|تشرين الثاني|كانون الأول|"
    r"جانفي|فيفري|أفريل|ماي|جوان|جويلية|أوت"
)
_DAYS = (
    r"mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|"
    r"الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت|الأحد|الاحد"
)
_D = r"[0-9\u0660-\u0669\u06f0-\u06f9]"
_DATE_TOKEN = (
    rf"(?:{_D}{{1,4}}(?:st|nd|rd|th)?|{_MONTHS}|{_DAYS}|am|pm|gmt|utc|bst|est|edt|pst|pdt|cet|cest|ast|ksa|"
    r"h|hr|hrs|hours?|mins?|minutes?|secs?|seconds?|days?|weeks?|months?|years?|ago|updated|published|posted|"
    r"last|modified|on|at|today|yesterday|"
    r"ص|م|مساء|صباحا|صباحًا|هـ|ه|ت|منذ|ساعة|ساعات|دقيقة|دقائق|يوم|أيام|ايام|اليوم|أمس|امس|"
    r"الموافق|آخر|اخر|تحديث|نشر|في|بتاريخ|ج|غ)"
)
_DATE_LINE = re.compile(
    rf"(?:{_DATE_TOKEN}|[\s,./:|\-\u2013\u2014\u060c()\u00b7\u2022])+",
    re.IGNORECASE,
)
_HAS_DIGIT = re.compile(_D)
_HAS_LETTER = re.compile(r"[^\W\d_]")
_LONG_NUMBER = re.compile(_D + "{5,}")
_COUNTER = re.compile(
    rf"[\s(\[#]*(?:{_D}{{1,5}}|{_D}{{1,3}}(?:[.,]{_D})?\s*[kKmM])[\s)\]]*(?:/\s*{_D}{{1,5}})?\s*"
)
# "By <Name>"; not "By Air", "By the numbers" (subheadings).  In Arabic only
# بقلم is a byline by itself; كتب / تقرير / حوار … need a colon or dash
# ("كتب: …"), since "كتب الأطفال" and "تقرير الأمم المتحدة" are content.
_BYLINE = re.compile(
    r"(?:by|BY|By)\s+(?!(?i:the|air|train|road|rail|sea|car|bus|boat|plane|bike|foot|land|far|then|now|night|day|"
    r"contrast|comparison|design|default|law|hand|numbers)\b)"
    r"[A-Z\u0600-\u06ff][\w.'\u2019\-]*(?:\s+(?:and\s+|&\s+)?[A-Z\u0600-\u06ff][\w.'\u2019\-]*){0,4}\s*"
    r"|بقلم\s*[:\-\u2013]?\s*[\u0600-\u06ff][\u0600-\u06ff\s.]{1,40}"
    r"|(?:كتب|كتبت|إعداد|اعداد|تقرير|حوار)\s*[:\-\u2013]\s*[\u0600-\u06ff][\u0600-\u06ff\s.]{1,40}"
)
_HANDLE = re.compile(r"[@\uff20][A-Za-z0-9_.]{2,30}")
_COPYRIGHT = re.compile(
    r"(?:\u00a9|\(c\)\s*\d|copyright\s*(?:\u00a9|\(c\)|@|\d{4})|all rights reserved|"
    "\u062d\u0642\u0648\u0642 .{0,25}\u0645\u062d\u0641\u0648\u0638\u0629)",
    re.IGNORECASE,
)
_URL_ONLY = re.compile(r"(?:https?://|www\.)\S+")
_URL_ANY = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
# Headings of teaser lists: "More from UK", "Latest stories", "المزيد من أخبار ..."
_RELATED_HEAD = re.compile(
    r"\W*(?:more|latest|top|most\s+read|most\s+popular|popular|trending|other|recent)\s+"
    r"(?:from|in|on|about|stories|news|videos|articles|headlines|posts|reads)\b[^.!?\n]{0,40}",
    re.IGNORECASE,
)
# "المزيد من …" opens headlines too ("مزيد من الدول تعترف …"): only a short line
_MORE_HEAD_AR = re.compile(
    "\\W*(?:\u0627\u0644\u0645\u0632\u064a\u062f \u0645\u0646|\u0645\u0632\u064a\u062f \u0645\u0646|\u0627\u0644\u0645\u0632\u064a\u062f \u0641\u064a)"
)
_RELATED_HEAD_AR = re.compile(
    "\\W*(?:"
    "[\u0623\u0627]\u062e\u0628\u0627\u0631 [\u0623\u0627]\u062e\u0631\u0649|\u0645\u0642\u0627\u0644\u0627\u062a [\u0623\u0627]\u062e\u0631\u0649|"
    "\u0645\u0648\u0627\u0636\u064a\u0639 [\u0623\u0627]\u062e\u0631\u0649|\u0645\u0642\u0627\u0644\u0627\u062a \u0644\u0644\u0643\u0627\u062a\u0628)"
)
# "Follow RT on", "Follow us on", "Like us on Facebook", "تابعونا على"
_SHARE_PROMPT = re.compile(
    r"\W*(?:follow|like|join|find)\s+(?:us|[A-Z][\w.]{0,20})(?:\s+on(?:\s+\w+)?)\W*",
    re.IGNORECASE,
)
# "Also on rt.com <title>"
_ALSO_ON = re.compile(r"\W*also\s+(?:on|at)\s+[\w-]+\.[a-z]{2,}\b", re.IGNORECASE)
# Photo captions with a credit ("... Photograph: Guy Smallman/Getty Images").
_CREDIT = re.compile(
    r"(?:\bPhotograph\s*:|\bPhoto(?:\s+credit)?\s*:|\bPicture\s*:|\bImage\s*:|\bCredit\s*:|\bGetty Images\b|"
    r"\bAFP via\b|\((?:AFP|AP|Reuters|EPA|Getty)\)\s*$|"
    "\u0627\u0644\u0635\u0648\u0631\u0629\\s*:|\u062a\u0635\u0648\u064a\u0631\\s*:)"
)

_ARABIC_LETTER = re.compile("[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff\ufb50-\ufdff\ufe70-\ufefc]")
_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f]")

# Share-bar vocabulary: social network names and share verbs (folded keys).
NETWORKS = frozenset(
    """facebook fb twitter x tweet whatsapp telegram linkedin pinterest reddit tumblr instagram
    youtube tiktok snapchat flipboard messenger viber skype vk vkontakte odnoklassniki stumbleupon
    stumble digg newsvine blogger threads bluesky mastodon email mail google sms
    line wechat weibo pocket    فيسبوك الفيسبوك فيس بوك تويتر اكس واتساب واتس اب تيليجرام تلغرام تيلقرام تليجرام لينكدان
    بينتيريست بنترست ريديت يوتيوب انستغرام انستجرام الانستغرام ماسنجر فايبر تمبلر فليكر
    البريد الالكتروني ايميل""".split()
)
SHARE_WORDS = NETWORKS | frozenset(
    "print send share copy link url copied whatsapp طباعه شارك مشاركه ارسل نسخ الرابط".split()
)

# Nav entries containing these words are unambiguous UI, not section names.
_NAV_UI_WORDS = frozenset(
    """skip jump menu navigation toggle breadcrumb log sign login logout register registration
    account password username profile settings homepage تخطي القائمه التنقل تسجيل الدخول الخروج حسابي""".split()
)

_STRONG_SINGLE = frozenset(
    ("share", "print", "ad", "back-to-top", "read-also", "related", "most-read", "cookie", "search", "site")
)
_BLOCK_HEADS = frozenset(("related", "most-read", "read-also"))
_BANNER_WORDS = frozenset(("breaking", "عاجل", "exclusive", "live", "developing"))


@dataclass
class _Line:
    __slots__ = ("key", "para", "raw", "s", "script", "term", "words")
    raw: str
    s: str
    words: int
    term: str  # "." terminal, "?" question/exclamation, "," continuation, "" none
    para: bool
    key: str | None
    script: str | None


_TERM_CLASS = {}
for _c in "?\u061f!\uff01\uff1f":
    _TERM_CLASS[_c] = "?"
for _c in _TERMINAL:
    _TERM_CLASS.setdefault(_c, ".")
for _c in _CONTINUE:
    _TERM_CLASS[_c] = ","
_PARA_MIN = {".": 8, ",": 8, "?": 15, "~": 20, "": 30}


def _terminal(s: str) -> str:
    """How a line ends: "." (sentence), "?" (question or exclamation), ","
    (continues), "~" (ellipsis) or "" (no sentence punctuation)."""
    t = s.rstrip(_CLOSERS)
    if not t:
        return ""
    term = _TERM_CLASS.get(t[-1], "")
    if term == "." and t.endswith(("...", "\u2026")):
        return "~"  # a truncated teaser or a trailing ellipsis
    return term


def _features(raw: str) -> _Line:
    s = raw.strip()
    if not s:
        return _Line(raw, s, 0, "", False, None, None)
    # counting spaces is enough (and much cheaper than splitting) unless the
    # line has runs of spaces or other separators
    if len(s) >= 300 or not ("  " in s or "\t" in s or "\xa0" in s or "\u200b" in s):
        words = s.count(" ") + 1
    else:
        words = len(s.split())
    term = _terminal(s)
    return _Line(raw, s, words, term, words >= _PARA_MIN[term], None, None)


def _script(line: _Line) -> str:
    if line.script is None:
        ar = len(_ARABIC_LETTER.findall(line.s))
        la = len(_LATIN_LETTER.findall(line.s))
        line.script = "ar" if ar > la else ("la" if la > ar else "")
    return line.script


def _key(line: _Line) -> str:
    if line.key is None:
        line.key = match_key(line.s)
    return line.key


# --- per-line evidence ---------------------------------------------------------


def _meta_rule(line: _Line) -> tuple[Hit | None, bool]:
    """Layout patterns that hold whatever the lexicon: dates, counters, bylines,
    credits, copyright notices, separators.  Returns ``(hit, strong)``; dates,
    counters, handles and bare links are weak (they need a chrome neighbour)."""
    s = line.s
    if line.para or line.words > 40:
        return None, False
    if len(s) > 80:
        if _maybe_credit(s) and _CREDIT.search(s):
            return Hit("photo-credit", "a photo caption or credit", "other"), True
        return None, False
    if line.term in (".", ","):
        # a sentence, or the end of a wrapped one ("rose to\n9,033.")
        if line.words <= 20 and _COPYRIGHT.search(s):
            return Hit("copyright", "a copyright notice", "footer"), True
        return None, False
    if _HAS_LETTER.search(s) is None:
        if _HAS_DIGIT.search(s):
            if _COUNTER.fullmatch(s):
                return Hit("counter", "a line that is only a number", "other"), False
            if _LONG_NUMBER.search(s) is None and _DATE_LINE.fullmatch(s):
                return Hit("date-line", "a line that is only a date or time", "byline-meta"), False
            return None, False
        if line.term in ("?",):
            return None, False
        return Hit("separator", "a line of only symbols, icons or punctuation", "other"), False
    if (
        line.words <= 10
        and _HAS_DIGIT.search(s)
        and _LONG_NUMBER.search(s) is None
        and _DATE_LINE.fullmatch(s)
    ):
        return Hit("date-line", "a line that is only a date or time", "byline-meta"), False
    if line.words <= 6 and _BYLINE.fullmatch(s):
        return Hit("byline", "a line that is only a byline", "byline-meta"), True
    parts = s.split()
    if line.words <= 2 and _HANDLE.fullmatch(parts[-1]) and (line.words == 1 or _HANDLE.fullmatch(parts[0])):
        return Hit("handle", "a line that is only a social handle", "share"), False
    if line.words <= 20 and _maybe_copyright(s) and _COPYRIGHT.search(s):
        return Hit("copyright", "a copyright notice", "footer"), True
    if _maybe_credit(s) and _CREDIT.search(s):
        return Hit("photo-credit", "a photo caption or credit", "other"), True
    if line.words == 1 and _URL_ONLY.fullmatch(s):
        return Hit("url-line", "a line that is only a link", "other"), False
    return None, False


def _maybe_copyright(s: str) -> bool:
    return (
        "\u00a9" in s
        or "(c)" in s
        or "(C)" in s
        or "opyright" in s
        or "OPYRIGHT" in s
        or "ights" in s
        or "IGHTS" in s
        or "\u062d\u0642\u0648\u0642" in s
    )


_CREDIT_MARKERS = (
    "Photo",
    "photo",
    "Picture",
    "Image",
    "Credit",
    "Getty",
    "AFP",
    "(AP)",
    "Reuters)",
    "EPA)",
    "\u062a\u0635\u0648\u064a\u0631",
    "\u0627\u0644\u0635\u0648\u0631\u0629",
)


_CREDIT_PRE = re.compile("|".join(re.escape(m) for m in _CREDIT_MARKERS))


def _maybe_credit(s: str) -> bool:
    return _CREDIT_PRE.search(s) is not None


def _evidence(doc: _Doc, i: int) -> tuple[Hit | None, bool]:
    """(hit, strong) for line ``i`` from the lexicon, then the layout patterns."""
    got = doc.ev.get(i)
    if got is None:
        hit, strong = _lexicon_hit(doc, i)
        if hit is None:
            hit, strong = _meta_rule(doc.line(i))
        got = doc.ev[i] = (hit, strong)
    return got


_META_RULES = frozenset(("date-line", "counter", "byline", "handle"))


def _is_meta(h: Hit | None) -> bool:
    return h is not None and h.rule in _META_RULES


def _entry_strength(e: Entry, line: _Line, doc: _Doc) -> bool:
    """True when a whole-line entry is enough on its own, False when it needs context."""
    if e.kind == "pattern" or e.category == "site" or e.source in ("user", "site"):
        return True
    words = e.key.split(" ")
    if e.category == "nav":
        return any(w in _NAV_UI_WORDS for w in words)
    if e.category == "language-switch":
        if len(words) > 1:
            return True
        # "English" on an English page may be a heading; on an Arabic page it is a switch.
        return _script(line) != doc.majority_script()
    if len(words) == 1:
        if e.category == "share":
            return words[0] not in NETWORKS
        return e.category in _STRONG_SINGLE
    return True


class _Doc:
    def __init__(self, lines: Sequence[str], lex: Lexicon) -> None:
        self.raw = lines
        self.lex = lex
        self.n = len(lines)
        self.f: list[_Line | None] = [None] * self.n
        self._majority: str | None = None
        self._wrapped: bool | None = None
        self._title = -2
        self.ascii = False
        # per-line evidence and the screen, shared by the analyses of one text
        # (page mode runs the article analysis too) and by the model's features
        self.ev: dict[int, tuple[Hit | None, bool]] = {}
        self.screened: list[int] | None = None

    def line(self, i: int) -> _Line:
        f = self.f[i]
        if f is None:
            f = self.f[i] = _features(self.raw[i])
        return f

    def wrapped(self) -> bool:
        """True for hard-wrapped prose (newswire style): many lines end
        mid-sentence and the next line goes on in lower case."""
        if self._wrapped is None:
            cont = total = 0
            raw = self.raw
            for k in range(min(self.n - 1, 80)):
                a = raw[k].rstrip()
                if len(a) < 40:
                    continue
                total += 1
                b = raw[k + 1].lstrip()
                if b and (b[0].islower() or b[0].isdigit()) and a[-1] not in ".!?\"'\u201d":
                    cont += 1
            self._wrapped = total >= 6 and cont >= 3 and cont * 4 >= total
        return self._wrapped

    def next_nonblank(self, i: int) -> int:
        for j in range(i + 1, self.n):
            if self.raw[j].strip():
                return j
        return -1

    def majority_script(self) -> str:
        """``"ar"`` or ``"la"``: the script most letters of the text are in
        (counted on the first and last ~800 characters)."""
        if self._majority is None:
            parts: list[str] = []
            size = 0
            for line in self.raw:
                parts.append(line[:800])
                size += len(line)
                if size > 800:
                    break
            if size > 800:
                back = 0
                for line in reversed(self.raw):
                    parts.append(line[-800:])
                    back += len(line)
                    if back > 800:
                        break
            text = "\n".join(parts)
            # quick answer from the UTF-8 length (Arabic letters take two
            # bytes), exact count only when that is not clear-cut
            n = len(text)
            extra = len(text.encode("utf-8", "surrogatepass")) - n
            if n >= 200 and extra * 10 >= n * 7 and text.count("\u200b") == 0:
                self._majority = "ar"
            elif n >= 200 and extra * 50 <= n:
                self._majority = "la"
            else:
                ar = len(_ARABIC_LETTER.findall(text))
                la = len(_LATIN_LETTER.findall(text))
                self._majority = "ar" if ar >= la and ar else "la"
        return self._majority


def _lexicon_hit(doc: _Doc, i: int) -> tuple[Hit | None, bool]:
    """(hit, strong) from the lexicon and patterns for line ``i``."""
    line = doc.line(i)
    lex = doc.lex
    if lex.has_patterns:
        e = lex.match_pattern(line.raw)
        if e is not None:
            return Hit("user-pattern", e.phrase, e.category), True
    if line.words > 45:
        return None, False
    key = _key(line)
    if not key:
        return None, False
    e = lex.match_key_line(key)
    if (
        e is not None
        and line.term == "."
        and (len(e.key.split(" ")) == 1 or doc.wrapped())
        and not e.phrase.rstrip().endswith(".")
    ):
        # "share." ending a wrapped sentence, not a button; a whole line of two
        # or more entry words with a full stop ("Comments are closed.",
        # "التعليقات مغلقة.") is the notice itself
        e = None
    if e is not None:
        rule = "site-learned" if e.category == "site" else "lexicon-line"
        return Hit(rule, e.phrase, e.category), _entry_strength(e, line, doc)
    e = lex.match_key_prefix(key)
    if e is not None and _prefix_ok(e, line):
        return Hit("lexicon-prefix", e.phrase, e.category), True
    e = lex.match_key_suffix(key)
    if e is not None and line.words <= 25 and line.term != ",":
        return Hit("lexicon-suffix", e.phrase, e.category), True
    if "://" in line.s or "www." in line.s:
        # "Permalink https://...": match the words around the link
        ukey = match_key(_URL_ANY.sub(" ", line.s))
        e = lex.match_key_line(ukey) if ukey else None
        if e is not None and e.category not in ("nav",):
            return Hit("lexicon-line", e.phrase, e.category), True
    if line.words <= 30 and _CRUMB_SEP.search(line.s):
        hit = _breadcrumb(lex, line.s)
        if hit is not None:
            return hit, True
    kw = key.split(" ")
    first = kw[0]
    if first not in _HEAD_WORDS and first not in SHARE_WORDS:
        return None, False
    if first in _HEAD_WORDS:
        if first in _PROMPT_WORDS and not line.para and line.words <= 6 and _SHARE_PROMPT.fullmatch(line.s):
            return Hit("share-prompt", "an invitation to follow the site (Follow X on)", "share"), True
        if first == "also" and line.term not in (".", ",") and line.words <= 40 and _ALSO_ON.match(line.s):
            return Hit("lexicon-prefix", "Also on <site>", "read-also"), True
        if not line.para and line.words <= 6 and _RELATED_HEAD.match(line.s):
            return Hit("related-head", "a heading of a teaser list (More from / Latest ...)", "related"), True
        if line.term != "." and (
            (line.words <= 40 and _RELATED_HEAD_AR.match(line.s))
            or (line.words <= 4 and _MORE_HEAD_AR.match(line.s))
        ):
            return Hit(
                "related-head", "a heading of a teaser list (المزيد من / مقالات أخرى ...)", "related"
            ), True
    # A line made only of share-bar words ("Send Facebook Twitter WhatsApp").
    if len(kw) >= 3 and line.words <= 25 and first in SHARE_WORDS:
        share = sum(1 for w in kw if w in SHARE_WORDS)
        if share * 10 >= len(kw) * 8:
            return Hit("share-bar", "a line of social network names", "share"), True
    return None, False


_CRUMB_SEP = re.compile("[\u00bb\u203a>|/\u2022\u00b7\u25b8\u25ba\u2190\u2192\u00ab\u2039]")
_HOME_KEYS = frozenset(match_key(w) for w in ("home", "homepage", "الرئيسية", "الصفحة الرئيسية", "الرئيسيه"))


def _breadcrumb(lex: Lexicon, s: str) -> Hit | None:
    """ "Home » News » World", "الرئيسية › أخبار", "News | Sport | Opinion":
    short segments between separators, starting at home or mostly menu entries."""
    segs = [match_key(x) for x in _CRUMB_SEP.split(s)]
    segs = [x for x in segs if x]
    if len(segs) < 2 or any(x.count(" ") > 3 for x in segs):
        return None
    known = sum(1 for x in segs if lex.match_key_line(x) is not None)
    if segs[0] in _HOME_KEYS or (known >= 2 and known * 3 >= len(segs) * 2):
        return Hit("breadcrumb", "a breadcrumb or a one-line menu", "nav")
    return None


_BOILERPLATE = frozenset(("cookie", "subscribe", "comment", "footer", "site"))
_PROMPT_WORDS = frozenset(("follow", "like", "join", "find"))
_HEAD_WORDS = _PROMPT_WORDS | frozenset(
    "also more latest top most popular trending other recent".split()
    + [match_key(w) for w in ("المزيد", "مزيد", "أخبار", "اخبار", "مقالات", "مواضيع")]
)


def _prefix_ok(e: Entry, line: _Line) -> bool:
    """A prefix entry is chrome when what follows it looks like a title or a name,
    not a sentence ("Read more: Germany's new law" vs "Tags were found on birds.")."""
    if e.category in _BOILERPLATE:
        return line.words <= 45
    if line.term in (".", ",", "~"):
        return False
    if e.category == "byline-meta":
        return line.words <= 14
    return line.words <= 30


# --- analysis ---------------------------------------------------------------------


def new_doc(lines: Sequence[str], lex: Lexicon) -> _Doc:
    """The per-text state (line features, evidence, screen) that :func:`analyse`
    and :func:`nazif.chrome.features.line_features` can share."""
    return _Doc(lines, lex)


def analyse(
    lines: Sequence[str], lex: Lexicon, mode: str, text: str | None = None, *, doc: _Doc | None = None
) -> dict[int, Hit]:
    """The chrome lines of ``lines`` (index -> hit), for one pass.

    In article mode a screen (a look at the first words of every line for
    ones that start like a lexicon entry, a date, a number, a symbol or a
    link, the lexicon's patterns, plus a check for repeated lines) decides
    first whether the text needs looking at; clean text costs that scan only.
    ``doc`` (from :func:`new_doc` on the same ``lines`` and ``lex``) shares
    the per-line work between analyses of one text.
    """
    if doc is None:
        doc = _Doc(lines, lex)
    if text is None:
        text = "\n".join(lines)
    doc.ascii = text.isascii()
    if mode == "page":
        return _analyse_page(doc)
    pre: dict[int, tuple[Hit | None, bool]] = {}
    found = False
    for i in _screen(doc):
        ev = pre[i] = _evidence(doc, i)
        if ev[0] is not None:
            found = True
    if not found and not _has_repeats(lines) and (text.isascii() or not _edge_foreign(doc)):
        return {}
    return _analyse_article(doc, 0, doc.n, tail_rules=True, kicker=True, pre=pre)


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
        out = sorted(set(out).union(doc.lex.pattern_lines(doc.raw)))
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


def _nonblank(doc: _Doc, lo: int, hi: int) -> list[int]:
    raw = doc.raw
    return [i for i in range(lo, hi) if raw[i] and not raw[i].isspace()]


def _analyse_article(
    doc: _Doc,
    lo: int,
    hi: int,
    *,
    tail_rules: bool,
    kicker: bool = False,
    pre: dict[int, tuple[Hit | None, bool]] | None = None,
) -> dict[int, Hit]:
    idx = _nonblank(doc, lo, hi)
    if not idx:
        return {}
    hits: dict[int, Hit] = {}
    weak: dict[int, Hit] = {}
    for i in idx:
        if pre is not None and i in pre:
            hit, strong = pre[i]
        else:
            hit, strong = _evidence(doc, i)
        if hit is None:
            continue
        if strong:
            hits[i] = hit
        else:
            weak[i] = hit
    _protect_headline(doc, idx, hits)
    if not hits and not weak:
        # no evidence at all: only repeated lines, a kicker or a short line in
        # the other script can still be chrome
        _repeats(doc, idx, hits)
        if kicker:
            _kicker(doc, idx, hits)
        if not doc.ascii:
            _foreign(doc, idx, hits, weak, tail_rules)
            _propagate(doc, idx, hits, weak, allow_start=tail_rules)
        return hits
    if doc.wrapped():
        # hard-wrapped prose (newswire): line layout says nothing, only firm evidence counts
        _blocks(doc, idx, hits, weak)
        return hits
    _repeats(doc, idx, hits)
    _blocks(doc, idx, hits, weak)
    _read_more(doc, idx, hits)
    if tail_rules:
        _tail(doc, idx, hits, weak)
    if kicker:
        _kicker(doc, idx, hits)
    _foreign(doc, idx, hits, weak, tail_rules)
    _propagate(doc, idx, hits, weak, allow_start=tail_rules)
    _sandwich(doc, idx, hits)
    return hits


def _protect_headline(doc: _Doc, idx: list[int], hits: dict[int, Hit]) -> None:
    """A learned site line may be a headline shown in a sidebar on other pages;
    on its own page it is the headline: keep the page's headline (the line that
    repeats the page title, or a first line of five words or more)."""
    if not hits:
        return
    keep = []
    if doc._title >= 0:
        keep.append(doc._title)
    first = idx[0]
    if doc.line(first).words >= 5:
        keep.append(first)
    for i in keep:
        h = hits.get(i)
        if h is not None and h.rule == "site-learned":
            del hits[i]


def _kicker(doc: _Doc, idx: list[int], hits: dict[int, Hit]) -> None:
    """A one- or two-word section name right above the headline ("Syria", "Higher education")."""
    rest = [i for i in idx if i not in hits]
    if len(rest) < 3:
        return
    first, second = doc.line(rest[0]), doc.line(rest[1])
    if first.term or not _key(first) or second.para or second.words < 5:
        return
    ev = _lexicon_hit(doc, rest[0])[0] if first.words == 2 else None
    if first.words == 1 or (first.words == 2 and ev is not None):
        hits[rest[0]] = Hit("section-kicker", "a section name above the headline", "nav")


# match keys of "read more" links, which follow the teaser title they open
_READ_MORE_KEYS = ("read more", "continue reading", "full story", "اقرا المزيد", "تابع القراءه", "المزيد")


def _read_more(doc: _Doc, idx: list[int], hits: dict[int, Hit]) -> None:
    """ "<teaser title>" followed by a bare "Read more" line: the title is the teaser."""
    for k in range(1, len(idx)):
        h = hits.get(idx[k])
        if h is None or h.category != "read-also" or h.rule != "lexicon-line":
            continue
        if not _key(doc.line(idx[k])).startswith(_READ_MORE_KEYS):
            continue  # "Read also" introduces the titles after it, not the line above
        j = idx[k - 1]
        line = doc.line(j)
        if j not in hits and _is_teaser(line) and 3 <= line.words and line.term != ",":
            hits[j] = Hit("block-read-also", h.entry, "read-also")


def _repeats(doc: _Doc, idx: list[int], hits: dict[int, Hit]) -> None:
    """Non-sentence lines that occur more than once: one copy is kept (the one
    followed by a paragraph, else the first), the others are widget copies."""
    groups: dict[str, list[int]] = {}
    raw = doc.raw
    if not any(not _is_meta(h) for h in hits.values()):
        return  # only in text that already shows chrome: poems repeat refrains
    if len({raw[i].strip().casefold() for i in idx}) == len(idx):
        return
    for k, i in enumerate(idx):
        line = doc.line(i)
        if line.para or line.words < 2 or line.words > 30 or line.term in (",", "."):
            continue
        if line.s.endswith(":") or line.s.endswith("\uff1a"):
            continue  # "Ingredients:" headings repeat in content
        key = " ".join(line.s.casefold().split())
        if len(key) < 8:
            continue
        groups.setdefault(key, []).append(k)
    for ks in groups.values():
        if len(ks) < 2:
            continue
        keep = ks[0]
        first_para = next((i for i in idx if doc.line(i).para), -1)
        for k in ks:
            i = idx[k]
            nxt = doc.next_nonblank(i)
            if first_para >= 0 and i > first_para:
                break
            if nxt >= 0 and doc.line(nxt).para and i not in hits:
                keep = k  # the headline right above the body, not its breadcrumb copy
                break
        if keep == ks[0] and len(ks) == 2 and ks[1] == ks[0] + 1:
            keep = ks[1]  # two copies in a row: the first is the breadcrumb
        for k in ks:
            i = idx[k]
            if k != keep and i not in hits:
                hits[i] = Hit("repeated-line", f"repeats line {idx[keep]}", "other")


def _is_listy(line: _Line) -> bool:
    return not line.para and line.words <= 30


def _is_teaser(line: _Line) -> bool:
    """A line that can be a teaser title: headline length, and not ending in a
    full stop (headlines may end in ? or !, sentences of the body end in .)."""
    if line.para or line.words > 20 or line.term == ".":
        return False
    # Arabic body paragraphs open with the conjunction و (وقال، وأضاف …);
    # headlines hardly ever do
    return not (line.words >= 6 and line.s.startswith("\N{ARABIC LETTER WAW}"))


def _introduces_list(doc: _Doc, idx: list[int], i: int) -> bool:
    """Is the nearest line above ``i`` one that ends in a colon ("Timeline:", "…التالية:")?"""
    k = idx.index(i)
    return k > 0 and doc.raw[idx[k - 1]].rstrip().endswith((":", "\uff1a"))


def _block_head(doc: _Doc, i: int, h: Hit | None) -> str | None:
    """The category of block that line ``i`` heads, if any."""
    if h is None:
        return None
    line = doc.line(i)
    if line.para or line.words > 6:
        return None
    if h.rule in ("lexicon-line", "lexicon-prefix", "site-learned", "related-head"):
        if h.category in _BLOCK_HEADS:
            if h.rule == "lexicon-prefix" and line.words > 5:
                return None  # "Read also: <title>" is an item, not a heading
            if _key(line).split(" ")[0] in _BANNER_WORDS:
                return None  # "Breaking news" heads the article, not a list
            return "related"
        if h.category == "tags":
            return "tags"
    return None


def _layout_sig(raw: str) -> bool:
    """Whether a raw line starts with white space (how its HTML element was laid out)."""
    return raw[:1].isspace()


def _blocks(doc: _Doc, idx: list[int], hits: dict[int, Hit], weak: dict[int, Hit]) -> None:
    """Related / most-read / tag lists whose head is chrome."""
    pos = 0
    n = len(idx)
    while pos < n:
        i = idx[pos]
        h = hits.get(i) or weak.get(i)
        pos += 1
        kind = _block_head(doc, i, h)
        if kind is None:
            continue
        limit, max_words = (40, 20) if kind == "related" else (30, 5)
        if h.category == "read-also":  # type: ignore[union-attr]  # a block head has a hit
            limit = 3  # "Read also" stands over one to three titles inside the body
        items: list[int] = []
        p = pos
        while p < n and len(items) < limit:
            line = doc.line(idx[p])
            if not _is_teaser(line) or line.words > max_words:
                break
            items.append(idx[p])
            p += 1
        if len(items) >= 2 and p < n and doc.line(idx[p]).para and items[-1] not in hits:
            # the list ends at a paragraph: its last line may be the article's
            # subheading rather than a teaser; teasers and body text are often
            # laid out differently (indentation), so trust that when it differs
            sig = _layout_sig(doc.raw[items[0]])
            last = _layout_sig(doc.raw[items[-1]])
            if last != sig and last == _layout_sig(doc.raw[idx[p]]):
                items.pop()
        if i in weak:
            if len(items) < 2:
                continue  # a weak head ("Topics") needs a list under it
            hits[i] = weak.pop(i)
        for j in items:
            if j not in hits:
                hits[j] = Hit("block-" + kind, h.entry, h.category)  # type: ignore[union-attr]
            weak.pop(j, None)
        pos = p


def _last_para(doc: _Doc, idx: list[int], hits: dict[int, Hit]) -> int:
    """The last line of the article body: the end of the densest run of
    paragraphs (short boilerplate sentences after it do not count)."""
    strong = dict(hits)
    _a, b = _main_region(doc, idx, strong)
    return _extend_region(doc, idx, strong, b)


def _tail(doc: _Doc, idx: list[int], hits: dict[int, Hit], weak: dict[int, Hit]) -> None:
    """After the article body: teaser lists, tag clouds, and short lines after chrome."""
    last = _last_para(doc, idx, hits)
    if last < 0:
        return
    tail = [i for i in idx if i > last]
    if not tail:
        return

    def is_meta(i: int) -> bool:
        return _is_meta(hits.get(i) or weak.get(i))

    # Teaser list: headlines interleaved with bylines, dates and counters.
    meta = sum(1 for i in tail if is_meta(i))
    if meta >= 3 and len(tail) - meta >= 3 and meta * 4 >= len(tail):
        first_meta = min(i for i in tail if is_meta(i))
        k = tail.index(first_meta)
        start = tail[max(0, k - 2)]  # the list starts at most two lines before its first meta line
        if any(doc.raw[i].rstrip().endswith((":", "\uff1a")) and i not in hits for i in tail if i <= start):
            start = idx[-1] + 1  # a list the article introduces ("Timeline:"): content
        for i in tail:
            if i >= start and i not in hits and _is_listy(doc.line(i)):
                hits[i] = weak.pop(i, None) or Hit(  # type: ignore[arg-type]
                    "teaser-list", "headlines with dates or bylines after the article", "related"
                )
    # A run of four or more one-to-three-word lines: a tag cloud or a menu.
    run: list[int] = []
    for i in tail + [-1]:
        line = doc.line(i) if i >= 0 else None
        if line is not None and not line.term and line.words <= 2 and _HAS_LETTER.search(line.s):
            run.append(i)
            continue
        if (
            len(run) >= 5
            and sum(doc.line(j).words for j in run) <= 1.5 * len(run)
            and not _introduces_list(doc, idx, run[0])
        ):
            for j in run:
                if j not in hits:
                    hits[j] = Hit("tail-list", "a list of one-to-three-word lines after the article", "tags")
        run = []
    # After a chrome line in the tail, short non-sentence lines are chrome too.
    started = False
    for i in tail:
        h = hits.get(i)
        if h is not None:
            # end-of-article chrome (share bars, related lists, tags, comments,
            # footers) starts the run; in-body chrome (ads, "read also") does not
            if not _is_meta(h) and h.rule != "repeated-line" and h.category not in _INBODY_ONLY:
                started = True
            continue
        line = doc.line(i)
        if started and _is_teaser(line):
            hits[i] = Hit("tail-run", "a short line after chrome at the end of the text", "other")


def _foreign(doc: _Doc, idx: list[int], hits: dict[int, Hit], weak: dict[int, Hit], edges: bool) -> None:
    """Short lines in the minority script: weak evidence of a language switch."""
    major = None
    for i in idx:
        if i in hits or i in weak:
            continue
        line = doc.line(i)
        # a sentence (or a quoted exclamation) in the other language is a
        # quotation, not a language switcher
        if line.words > 3 or line.para or line.term in (".", "?"):
            continue
        if major is None:
            major = doc.majority_script()
        sc = _script(line)
        if sc and sc != major:
            weak[i] = Hit(
                "foreign-script-switch",
                f"a short {'Arabic' if sc == 'ar' else 'Latin'} line",
                "language-switch",
            )


def _propagate(
    doc: _Doc, idx: list[int], hits: dict[int, Hit], weak: dict[int, Hit], *, allow_start: bool
) -> None:
    """Weak lines go when a neighbour is chrome, or at the start or end of the text.

    A run of weak lines right after a line ending in a colon is the list the
    article introduces ("… the following sectors:") and stays.  Worked as a
    queue: a line is looked at again only when a neighbour has just gone, so
    the time is linear however long the chain of weak lines.
    """
    for i in [i for i in weak if i in hits]:
        weak.pop(i)
    if not weak:
        return
    pos = {i: k for k, i in enumerate(idx)}
    m = len(idx)
    first_content = next((i for i in idx if i not in hits), None)
    last_para = _last_para(doc, idx, hits)
    raw = doc.raw

    def opens_list(j: int) -> bool:
        return raw[j].rstrip().endswith((":", "\uff1a"))

    # runs of weak lines after a colon line: never removed (no line of such a
    # run can go, so the run stays whole)
    inert: set[int] = set()
    k = 0
    while k < m:
        if idx[k] not in weak:
            k += 1
            continue
        j = k
        while j < m and idx[j] in weak:
            j += 1
        if k > 0 and opens_list(idx[k - 1]):
            inert.update(idx[k:j])
        k = j
    queue = deque(i for i in idx if i in weak)
    while queue:
        i = queue.popleft()
        h = weak.get(i)
        if h is None or i in inert:
            continue
        k = pos[i]
        prev_i = idx[k - 1] if k > 0 else None
        next_i = idx[k + 1] if k + 1 < m else None
        # in-body chrome (an ad label, "Read also") sits between
        # paragraphs and subheadings: it does not make its neighbours chrome
        near = any(
            j is not None and j in hits and hits[j].category not in ("ad", "read-also")
            for j in (prev_i, next_i)
        )
        meta = _is_meta(h)
        run = (prev_i in weak and not (meta and _is_meta(weak[prev_i]))) or (
            next_i in weak and not (meta and _is_meta(weak[next_i]))
        )
        edge = allow_start and (i == first_content or (last_para >= 0 and i > last_para and k == m - 1))
        if not (near or edge or (run and h.rule != "foreign-script-switch")):
            continue
        hits[i] = h
        weak.pop(i)
        if opens_list(i):
            # the weak lines after it now follow a colon line: a list
            q = k + 1
            while q < m and idx[q] in weak and idx[q] not in inert:
                inert.add(idx[q])
                q += 1
        for nb in (prev_i, next_i):
            if nb is not None and nb in weak:
                queue.append(nb)


_SANDWICH_CATS = frozenset(("share", "related", "most-read", "comment", "subscribe", "read-also", "print"))


def _sandwich(doc: _Doc, idx: list[int], hits: dict[int, Hit]) -> None:
    """A short title between two share/related lines belongs to the widget."""
    for k in range(1, len(idx) - 1):
        i = idx[k]
        if i in hits:
            continue
        a, b = hits.get(idx[k - 1]), hits.get(idx[k + 1])
        if a is None or b is None or a.category not in _SANDWICH_CATS or b.category not in _SANDWICH_CATS:
            continue
        line = doc.line(i)
        if _is_listy(line) and line.words <= 15:
            hits[i] = Hit("widget-title", "a title inside a share or related widget", a.category)


# --- page mode -------------------------------------------------------------------


def _analyse_page(doc: _Doc) -> dict[int, Hit]:
    idx = _nonblank(doc, 0, doc.n)
    if not idx:
        return {}
    cands = set(_screen(doc))
    f = doc.f
    for k, r in enumerate(doc.raw):
        if r and f[k] is None:
            f[k] = _features(r)
    # Per-line evidence first (it weighs the region search).
    strong: dict[int, Hit] = {}
    shareish = set()
    pre: dict[int, tuple[Hit | None, bool]] = {}
    feats = doc.f
    nothing = (None, False)
    patterns = doc.lex.has_patterns
    for i in idx:
        if i in cands:
            if feats[i].words > 45 and not patterns:  # type: ignore[union-attr]  # doc.f is filled for non-empty lines above
                pre[i] = nothing  # too long for any entry
                continue
            hit, is_strong = pre[i] = _evidence(doc, i)
        else:
            # not a screen candidate: only a caption credit or a copyright
            # notice in mid-line can still apply (never to a paragraph)
            if feats[i].para:  # type: ignore[union-attr]
                pre[i] = nothing
                continue
            r = doc.raw[i]
            if "\u00a9" in r or _CREDIT_PRE.search(r):
                hit, is_strong = pre[i] = _meta_rule(feats[i])  # type: ignore[arg-type]
            else:
                pre[i] = nothing
                continue
        if hit is not None and (is_strong or _is_meta(hit)):
            strong[i] = hit
        elif hit is not None and hit.category == "share":
            shareish.add(i)
    a, b = _main_region(doc, idx, strong, title=True)
    b = _extend_region(doc, idx, strong, b)
    if a >= 0 and not _region_dominates(doc, idx, strong, a, b):
        a = -1  # not a page around one article (a list, a wrapped text): be conservative
    if a < 0:
        return _analyse_article(doc, 0, doc.n, tail_rules=True, kicker=True, pre=pre)
    hits = _analyse_article(doc, a, b + 1, tail_rules=False, pre=pre)
    # Head: cut up to the headline.
    head = [i for i in idx if i < a]
    if head:
        cut = _head_cut(doc, head, strong, a, shareish, idx)
        for i in head:
            if i < cut:
                hits[i] = strong.get(i) or Hit(
                    "page-head", "before the article, in the page header or menu", "nav"
                )
        head_hits = _analyse_article(doc, cut, a, tail_rules=False, kicker=True, pre=pre) if cut < a else {}
        hits.update(head_hits)
        # weak menu words right before the article
        for i in head:
            if i >= cut and i not in hits and i in strong:
                hits[i] = strong[i]
    tail = [i for i in idx if i > b]
    for i in tail:
        if i not in hits:
            if len(tail) == 1 and i not in strong and pre.get(i, (None,))[0] is None:
                continue  # the page ends right after the article: nothing says this is footer
            hits[i] = strong.get(i) or Hit("page-tail", "after the article, in the page footer", "footer")
    return hits


def _region_dominates(doc: _Doc, idx: list[int], strong: dict[int, Hit], a: int, b: int) -> bool:
    """True when the article region holds most of the paragraph text of the
    page; hard-wrapped prose or a list of sentences has no single region."""
    if doc.wrapped():
        return False
    inside = outside = 0
    for i in idx:
        line = doc.line(i)
        if line.para and i not in strong:
            if a <= i <= b:
                inside += len(line.s)
            else:
                outside += len(line.s)
    return outside <= 3 * inside


_INBODY = frozenset(("ad", "read-also", "share", "print", "other", "byline-meta"))
_INBODY_ONLY = frozenset(("ad", "read-also", "byline-meta"))


def _extend_region(doc: _Doc, idx: list[int], strong: dict[int, Hit], b: int) -> int:
    """Carry the article on past in-body chrome when a paragraph follows it:
    one or two lines ("Advertisement", "Read also: ..."), or a related box (a
    chrome heading and up to eight list lines).  A short last paragraph cannot
    outweigh them in the region search, but it is article text."""
    if b < 0:
        return b
    pos = {i: k for k, i in enumerate(idx)}
    k = pos.get(b)
    while k is not None:
        j = k + 1
        skipped = 0
        while j < len(idx) and skipped < 2:
            h = strong.get(idx[j])
            if h is None or h.category not in _INBODY:
                break
            j += 1
            skipped += 1
        if not skipped and j < len(idx):
            h = strong.get(idx[j])
            if h is not None and _block_head(doc, idx[j], h) == "related":
                j += 1
                skipped = 1
                while j < len(idx) and skipped <= 10:
                    g = strong.get(idx[j])
                    if g is not None and g.category not in _INBODY and g.category not in _BLOCK_HEADS:
                        break
                    if g is None and not _is_listy(doc.line(idx[j])):
                        break
                    j += 1
                    skipped += 1
        if skipped and j < len(idx) and idx[j] not in strong and doc.line(idx[j]).para:
            k = j
            b = idx[j]
        else:
            break
    # A last line that runs on like prose (eight words or more, no chrome
    # evidence) right after the body and right before chrome or the end is the
    # article's closing line even without sentence punctuation ("Details on
    # the council's site: https://…").
    k = pos.get(b)
    if k is not None and k + 1 < len(idx):
        nxt = idx[k + 1]
        after = idx[k + 2] if k + 2 < len(idx) else None
        if nxt not in strong and doc.line(nxt).words >= 8 and (after is None or after in strong):
            b = nxt
    return _introduced_list(doc, idx, strong, b, pos)


def _opens_list(raw: str) -> bool:
    return raw.rstrip().endswith((":", "\uff1a"))


#: the most lines a list introduced by the article's last line ("… tour dates:") may run to
INTRODUCED_LIST_MAX = 60


def _introduced_list(doc: _Doc, idx: list[int], strong: dict[int, Hit], b: int, pos: dict[int, int]) -> int:
    """When the article's last line, or the line right after it, ends in a
    colon, the list it introduces (tour dates, ingredients, specifications) is
    the article's: the region runs on to the line before the first chrome
    evidence other than a date or a number, for at most
    :data:`INTRODUCED_LIST_MAX` lines."""
    k = pos.get(b)
    if k is None:
        return b
    if not _opens_list(doc.raw[b]):
        if k + 1 >= len(idx) or idx[k + 1] in strong or not _opens_list(doc.raw[idx[k + 1]]):
            return b
        k += 1
    end = min(len(idx), k + 1 + INTRODUCED_LIST_MAX)
    j = k + 1
    while j < end:
        h = strong.get(idx[j])
        if h is not None and not _is_meta(h):
            break
        j += 1
    return idx[j - 1]


def _weight(doc: _Doc, i: int, strong: dict[int, Hit]) -> float:
    line = doc.line(i)
    h = strong.get(i)
    if h is not None:
        if _is_meta(h):
            return -20.0
        if h.category in _BLOCK_HEADS and not line.para:
            return -400.0
        return -150.0
    if line.para:
        return float(min(len(line.s), 500))
    if line.words <= 3:
        return -40.0
    return -60.0


def _main_region(
    doc: _Doc, idx: list[int], strong: dict[int, Hit], *, title: bool = False
) -> tuple[int, int]:
    """The densest run of paragraph-like lines (maximum-sum subarray); with
    ``title``, the line that repeats the page title counts as article."""
    best, best_a, best_b = 0.0, -1, -1
    cur, cur_a = 0.0, -1
    if title:
        if doc._title == -2:
            doc._title = _title_match(doc, idx[:300], strong)
        headline = doc._title
    else:
        headline = -1
    get = strong.get
    for i in idx:
        h = get(i)
        if h is None and i != headline:
            line = doc.line(i)
            if line.para:
                w = float(min(len(line.s), 500))
            else:
                w = -40.0 if line.words <= 3 else -60.0
        elif i == headline:
            w = 300.0
        else:
            w = _weight(doc, i, strong)
        if cur <= 0:
            cur, cur_a = w, i
        else:
            cur += w
        if cur > best:
            best, best_a, best_b = cur, cur_a, i
    return best_a, best_b


_LEAD = " \t\"'\u201c\u201d\u00ab\u00bb\u2018\u2019([-\u2013\u2014*#\u200f\u200e"


def _title_match(doc: _Doc, head: list[int], strong: dict[int, Hit]) -> int:
    """The first head line (after the first) that repeats the page title, or -1.

    Whole-page text usually starts with the ``<title>``, which is the headline
    plus the site name ("Headline | Site"); the headline line is the article's
    first line."""
    if len(head) < 2:
        return -1
    tkey = _key(doc.line(head[0]))
    if len(tkey.split(" ")) < 3:
        return -1
    first = doc.line(head[0]).s
    limit = len(first) + 10
    start = first.lstrip(_LEAD)[:4].casefold()
    for i in head[1:]:
        if i in strong or len(doc.raw[i]) > limit + 60:
            continue
        s = doc.line(i).s
        if len(s) > limit or s.lstrip(_LEAD)[:4].casefold() != start:
            continue
        k = _key(doc.line(i))
        if len(k.split(" ")) >= 3 and (tkey.startswith(k) or k.startswith(tkey)):
            return i
    return -1


def _head_cut(
    doc: _Doc, head: list[int], strong: dict[int, Hit], a: int, shareish=frozenset(), idx_all=None
) -> int:
    """Index of the first head line that belongs to the article (headline,
    standfirst, byline): lines before it are page header.

    With a headline found through the page title, the header ends with the
    last menu run (three or more short non-sentence lines that no rule
    explains) before the headline.  Without one, only a long menu run (five
    or more) counts, so that a short run between headline and body (a share
    bar, a byline) cannot swallow the headline.
    """
    if doc._title == -2:
        doc._title = _title_match(doc, [i for i in idx_all if i <= a], strong) if idx_all else -1
    h = doc._title if doc._title <= a else -1
    need = 3 if h >= 0 else 5
    limit = min(h, a) if h >= 0 else a
    cut = head[0]
    unexplained = 0
    for i in head:
        if i >= limit:
            break
        line = doc.line(i)
        hit = strong.get(i)
        if (not line.para) and line.words <= 4 and not _is_meta(hit):
            if hit is None and i not in shareish:
                unexplained += 1
            if unexplained >= need:
                cut = i + 1
        else:
            unexplained = 0
    if h >= 0:
        cut = min(cut, h)
    return min(cut, a)


# --- the screen ------------------------------------------------------------------

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
