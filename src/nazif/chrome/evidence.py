"""Per-line evidence: what the lexicon and the layout patterns (dates,
counters, bylines, handles, copyright notices, credits, separators) say about
one line on its own, and how strong that is.
"""

from __future__ import annotations

import re

from .lexicon import Entry, Lexicon
from .lines import Hit, _Doc, _key, _Line, _script
from .matchkey import match_key

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
