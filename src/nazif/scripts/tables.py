"""Character tables and word lists for script and language decisions.

Data only (no decisions): the per-code-point script labels come from the
generated ``_scx_table`` (Script_Extensions of the Unicode database, see
``_generate.py`` for the rule), turned here into plain ``re`` character
classes so that the hot path never needs ``regex``.

>>> char_label("\\u0640"), char_label("a"), char_label("\\u0416"), char_label("7")
('arabic', 'latin', 'cyrillic', 'neutral')
"""

from __future__ import annotations

import re
from bisect import bisect_right

from . import _scx_table

__all__ = [
    "ARABIC_CLASS",
    "ARABIC_HINTS",
    "ARABIC_SCRIPT_LANGUAGES",
    "CLASSES",
    "ENGLISH_MARKERS",
    "ENGLISH_WORDS",
    "FUNCTION_WORDS",
    "INHERITED_CLASS",
    "LANGDETECT_CODES",
    "LATIN_CLASS",
    "OTHER_CLASS",
    "PERSIAN_HINTS",
    "PRESENTATION_FORMS_CLASS",
    "SCRIPT_NAMES",
    "SINGLE_LANGUAGE_SCRIPTS",
    "STRONG_CLASS",
    "UNICODE_VERSION",
    "URDU_HINTS",
    "char_label",
    "class_body",
    "needs_astral",
    "shared_mark_scripts",
]

UNICODE_VERSION: str = _scx_table.UNICODE_VERSION

_LABELS: tuple[str, ...] = _scx_table.LABELS
_STARTS: list[int] = [first for first, _, _ in _scx_table.RANGES]
_ENDS: list[int] = [last for _, last, _ in _scx_table.RANGES]
_RANGE_LABELS: list[str] = [_LABELS[i] for _, _, i in _scx_table.RANGES]

#: Every script label a character can carry besides ``neutral``/``inherited``.
SCRIPT_NAMES: tuple[str, ...] = tuple(label for label in _LABELS if label != "inherited")


def char_label(ch: str) -> str:
    """The context-free label of one character.

    ``arabic``, ``latin``, another script's lowercase Unicode name,
    ``inherited`` (combining marks that take the script of the character
    before them) or ``neutral``.
    """
    cp = ord(ch)
    i = bisect_right(_STARTS, cp) - 1
    if i >= 0 and cp <= _ENDS[i]:
        return _RANGE_LABELS[i]
    return "neutral"


def shared_mark_scripts(ch: str) -> tuple[str, ...]:
    """For a combining mark shared by several scripts (one of them Arabic or
    Latin), all the scripts it belongs to; ``()`` for any other character."""
    return _scx_table.SHARED_MARKS.get(ord(ch), ())


def _escape(cp: int) -> str:
    return f"\\U{cp:08X}" if cp > 0xFFFF else f"\\u{cp:04X}"


def class_body(ranges: list[tuple[int, int]]) -> str:
    """The inside of a ``re`` character class matching the inclusive ``ranges``."""
    parts = []
    for first, last in ranges:
        parts.append(_escape(first) if first == last else f"{_escape(first)}-{_escape(last)}")
    return "".join(parts)


def _ranges_where(predicate, exclude=()) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for first, last, label in zip(_STARTS, _ENDS, _RANGE_LABELS):
        if not predicate(label):
            continue
        pieces = [(first, last)]
        for cp in exclude:
            if first <= cp <= last:
                pieces = [
                    part
                    for a, b in pieces
                    for part in ((a, min(b, cp - 1)), (max(a, cp + 1), b))
                    if part[0] <= part[1]
                ]
        for a, b in pieces:
            if out and out[-1][1] == a - 1:
                out[-1] = (out[-1][0], b)
            else:
                out.append((a, b))
    return out


def _bmp(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    return [(a, min(b, 0xFFFF)) for a, b in ranges if a <= 0xFFFF]


def _both(ranges: list[tuple[int, int]]) -> tuple[str, str]:
    return class_body(_bmp(ranges)), class_body(ranges)


# Bodies of ``re`` character classes (without the brackets), each as a pair
# ``(BMP part only, full)``.  ``re`` matches a class with characters beyond
# U+FFFF by a linear scan of those ranges for every character the BMP bitmap
# rejects, so the hot path uses the BMP-only classes unless the text holds a
# non-neutral character beyond U+FFFF (see :func:`needs_astral`).
CLASSES: dict[str, tuple[str, str]] = {
    "arabic": _both(_ranges_where(lambda label: label == "arabic")),
    "latin": _both(_ranges_where(lambda label: label == "latin")),
    "other": _both(_ranges_where(lambda label: label not in ("arabic", "latin", "inherited"))),
    "inherited": _both(_ranges_where(lambda label: label == "inherited")),
    "strong": _both(_ranges_where(lambda label: label != "inherited")),
    "shared_marks": _both([(cp, cp) for cp in sorted(_scx_table.SHARED_MARKS)]),
    # Arabic and Latin characters except the shared marks
    "arabic_latin_unshared": _both(
        _ranges_where(lambda label: label in ("arabic", "latin"), exclude=_scx_table.SHARED_MARKS)
    ),
}

ARABIC_CLASS: str = CLASSES["arabic"][1]
LATIN_CLASS: str = CLASSES["latin"][1]
OTHER_CLASS: str = CLASSES["other"][1]
INHERITED_CLASS: str = CLASSES["inherited"][1]
STRONG_CLASS: str = CLASSES["strong"][1]

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def needs_astral(text: str) -> bool:
    """Whether ``text`` holds a character beyond U+FFFF that is not neutral
    (a historic script, CJK Extension B, Arabic mathematical letters …);
    emoji and other astral symbols are neutral and do not count."""
    if text.isascii():
        return False
    for m in _ASTRAL.finditer(text):
        if char_label(m.group()) != "neutral":
            return True
    return False


# Arabic presentation forms (folded before language identification).
PRESENTATION_FORMS_CLASS: str = "\ufb50-\ufdff\ufe70-\ufefe"

# Letters that, in Arabic-script text, point to Persian or Urdu rather than
# Arabic (or the reverse).  Facts of the three orthographies.  Each string
# lists single characters.
PERSIAN_HINTS: str = (
    "\N{ARABIC LETTER PEH}"
    "\N{ARABIC LETTER TCHEH}"
    "\N{ARABIC LETTER JEH}"
    "\N{ARABIC LETTER GAF}"
    "\N{ARABIC LETTER FARSI YEH}"
    "\N{ARABIC LETTER KEHEH}"
    "\N{ARABIC LETTER HEH WITH YEH ABOVE}"
) + "".join(chr(0x06F0 + i) for i in range(10))  # EXTENDED ARABIC-INDIC DIGIT ZERO..NINE
URDU_HINTS: str = (
    "\N{ARABIC LETTER TTEH}"
    "\N{ARABIC LETTER DDAL}"
    "\N{ARABIC LETTER RREH}"
    "\N{ARABIC LETTER NOON GHUNNA}"
    "\N{ARABIC LETTER YEH BARREE}"
    "\N{ARABIC LETTER HEH DOACHASHMEE}"
    "\N{ARABIC LETTER HEH GOAL}"
    "\N{ARABIC LETTER TEH MARBUTA GOAL}"
)
# Letters of Arabic orthography that Persian and Urdu replace by their own
# (yeh and kaf) or rarely use (teh marbuta, alef maksura).
ARABIC_HINTS: str = (
    "\N{ARABIC LETTER YEH}\N{ARABIC LETTER KAF}\N{ARABIC LETTER TEH MARBUTA}\N{ARABIC LETTER ALEF MAKSURA}"
)

# English function words that are not (common) words of the other Latin-script
# languages langdetect knows: their share among a text's words is strong
# evidence of English.
ENGLISH_MARKERS: frozenset[str] = frozenset(
    """
    the of and to that with for are were this which from have been would their
    they said not his it be by there what when who about after than them these
    those into more also its our your you we she should could while only other
    such because between through during before against where how just any some
    many most much very
    """.split()
)

# Common English words (function words, frequent news vocabulary, site
# chrome), used with the markers above to judge Latin text too short for a
# statistical model: a headline or a menu item is English when most of its
# words are in this list.
ENGLISH_WORDS: frozenset[str] = ENGLISH_MARKERS | frozenset(
    """
    a an in on is as at or he her him i me us my mine will over under but if so
    no not yes up out off all one two three four five six seven eight nine ten
    first second third last next new old now here then still again even ever
    never always also too well back down away around across along since until
    up upon off per via within without toward towards behind above below near
    can may might must shall do does did done doing has had having am was being
    get gets got make makes made take takes took give gives gave go goes went gone
    come comes came see sees saw seen say says know knows knew think thinks
    want wants need needs use uses used find finds found tell tells told ask
    asks asked call calls called try tries tried keep keeps kept let lets put
    puts seem seems leave leaves left show shows showed shown turn turns run
    runs ran hold holds held bring brings brought begin begins began stay stays
    win wins won lose loses lost beat beats hit hits cut cuts set sets rise
    rises rose fall falls fell raise raises raised buy buys bought sell sells
    sold pay pays paid plan plans planned back backs face faces meet meets met
    open opens opened close closes closed end ends ended start starts started
    report reports reported warn warns warned urge urges urged deny denies
    denied seek seeks sought hope hopes reject rejects rejected agree agrees
    agreed approve approves approved expect expects expected announce
    announces announced launch launches launched vote votes voted lead leads
    led join joins joined help helps helped move moves moved kill kills killed
    die dies died arrest arrests arrested charge charges charged
    man men woman women people person child children family friend friends
    year years month months week weeks day days time times today tonight
    yesterday tomorrow morning night hour hours minute minutes ago
    monday tuesday wednesday thursday friday saturday sunday january february
    march april may june july august september october november december
    government minister president prime state states country countries nation
    national international world city police court law party election
    elections campaign leader leaders official officials war peace army
    military security attack attacks deal talks plan policy public group
    company companies firm firms bank banks market markets stock stocks share
    shares price prices oil gas trade trading economy economic growth rate
    rates tax taxes budget profit profits loss losses sales income net debt
    dividend quarter qtr mln bln pct record high higher low lower rise
    fall up down strong weak big small good bad best worst great major
    top chief head board bid offer offers merger unit units industry
    money cash fund funds investment investors job jobs worker workers union
    strike school schools university student students health hospital doctors
    film films music song songs star stars show game games team teams club
    player players match cup league season final win title coach fans
    home away house life death water food power energy land road car cars
    phone phones mobile internet online computer software web digital data
    news read more less menu search contact privacy policy terms cookies cookie
    settings accept reject copyright rights reserved advertise advertisement
    sponsored related latest popular most trending video videos photo photos
    gallery live watch listen podcast podcasts politics business sport sports
    culture opinion opinions science tech technology travel weather lifestyle
    entertainment middle east west north south europe european america american
    africa asia british britain english arabic french language edition
    comment comments reply view views full story stories article articles
    page pages site map sitemap help faq careers newsletter newsletters update
    updated published min mins continue reading click download app apps free
    account profile share tweet email print save like follow subscribe sign
    log login logout register previous prev top info ok okay please thank
    thanks hi hello goodbye sorry yes
    facebook twitter instagram youtube linkedin whatsapp telegram rss
    vs mln bln dlr dlrs cts shr shrs pct div qtly revs avg oper inc corp ltd
    co plc reuter reuters payable prior nine mths yr
    don't can't won't isn't aren't wasn't didn't doesn't i'm it's that's
    he's she's we're they're you're i've i'll we'll let's there's what's
    every each both either neither another same own few less least more
    many much lot lots little long short young right wrong real true sure
    free full fine hard easy late early soon later busy ready happy hungry
    """.split()
)

# A few of the most frequent function words of the Latin-script languages
# langdetect knows.  A line too short for the model to be trusted gets the
# model's answer only when it holds one of these words of that language.
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    lang: frozenset(words.split())
    for lang, words in {
        "af": "die en van is het nie wat op te vir met",
        "ca": "el la els les de del i que en un una per amb no és al com més",
        "cs": "a v na se je že to s z do o jako ale by jsou pro od",
        "cy": "y yn a i o ar ei mae yr ac am",
        "da": "og i at det som en på er for med af til den har de ikke om et var jeg",
        "de": "der die das und ist nicht ein eine mit den dem des zu von auf für sich auch es im wird wurde bei nach",
        "es": "el la los las del que y en un una por con para es se lo al como más pero sus",
        "et": "ja on ei et see oli ka kui aga mis ta",
        "fi": "ja on ei se että oli ovat myös kun mutta hän joka",
        "fr": "le la les des du un une et est que qui dans pour pas sur au aux avec ce cette il elle sont par plus ne se",
        "hr": "i je u na da se za su s od koji ne a o kao",
        "hu": "a az és hogy nem is egy van meg de el ki ha",
        "id": "dan yang di ini itu dengan untuk dari dalam tidak akan ke pada adalah",
        "it": "il lo la gli le di che e è un una per con non del della dei nel sono ha si al",
        "lt": "ir yra su kad į iš ne bet tai kaip o",
        "lv": "un ir ar par no uz kas ka bet arī tas",
        "nl": "de het een en van is dat op te in niet met voor zijn er aan ook maar wordt bij",
        "no": "og i å det som en på er for med av til den har de ikke om et var jeg",
        "pl": "i w na z że się nie do to jest jak o po co ale przez od",
        "pt": "o a os as do da dos das que e em um uma para com não no na por é se ao mais",
        "ro": "și în de la cu a pe care nu este un o din pentru mai sunt au se",
        "sk": "a v na sa je že to s z do o ako ale by sú pre od",
        "sl": "in je v na da se za so z ki pa ne po o tudi",
        "so": "iyo ku waa oo ka ee in u ah",
        "sq": "të e dhe në një për me që është nga si",
        "sv": "och i att det som en på är för med av till den har de inte om ett var jag",
        "sw": "na ya wa kwa ni za katika la hii kama",
        "tl": "ang ng mga sa na at ay si ni hindi ko ako",
        "tr": "ve bir bu da de için ile çok ne olarak daha gibi ama",
        "vi": "và của là có không những được trong người một các cho",
    }.items()
}

# Scripts used, among langdetect's languages, by one language only.
SINGLE_LANGUAGE_SCRIPTS: dict[str, str] = {
    "greek": "el",
    "hebrew": "he",
    "thai": "th",
    "hangul": "ko",
    "hiragana": "ja",
    "katakana": "ja",
    "bengali": "bn",
    "gujarati": "gu",
    "gurmukhi": "pa",
    "kannada": "kn",
    "malayalam": "ml",
    "tamil": "ta",
    "telugu": "te",
    "georgian": "ka",
    "armenian": "hy",
    "khmer": "km",
    "lao": "lo",
    "sinhala": "si",
    "myanmar": "my",
    "tibetan": "bo",
    "thaana": "dv",
}

# Languages written in Arabic script that langdetect knows.
ARABIC_SCRIPT_LANGUAGES: tuple[str, ...] = ("ar", "fa", "ur")

# langdetect's codes that are not ISO 639-1.
LANGDETECT_CODES: dict[str, str] = {"zh-cn": "zh", "zh-tw": "zh"}
