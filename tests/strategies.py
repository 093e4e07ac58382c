"""Hypothesis strategies that generate realistic scraped bilingual text.

Not only ``st.text()``: Arabic words with harakat, shadda, hamza forms,
tatweel and presentation forms; Arabic, Persian and ASCII digits; Latin
words, numbers, URLs and e-mail addresses; every quote and space variant;
bidi and zero-width characters; CRLF and CR line ends; emoji with ZWJ; lone
surrogates; the empty string.
"""

from __future__ import annotations

from hypothesis import strategies as st

ARABIC_LETTERS = [chr(c) for c in range(0x0621, 0x063B)] + [chr(c) for c in range(0x0641, 0x064B)]
PERSIAN_LETTERS = list("پچژگیکۀےہھۃ")
HARAKAT = ["\u064b", "\u064c", "\u064d", "\u064e", "\u064f", "\u0650", "\u0651", "\u0652", "\u0670"]
QURANIC_MARKS = ["\u06d6", "\u06d7", "\u06da", "\u06e1", "\u06e5", "\u06ed"]
HAMZA_ABOVE_BELOW = ["\u0654", "\u0655"]
TATWEEL = "\u0640"
PRESENTATION_FORMS = [chr(c) for c in range(0xFE80, 0xFEFD)] + [
    "\ufdf2",
    "\ufdfa",
    "\ufdfd",
    "\ufdfc",
    "\ufefb",
    "\ufef7",
    "\ufe70",
    "\ufe7c",
    "\ufb56",
    "\ufb8e",
]
ARABIC_INDIC_DIGITS = [chr(c) for c in range(0x0660, 0x066A)]
PERSIAN_DIGITS = [chr(c) for c in range(0x06F0, 0x06FA)]
ARABIC_PUNCT = ["\u060c", "\u061b", "\u061f", "\u066b", "\u066c", "\u066a", "\u06d4"]
LATIN_PUNCT = list(",.;:!?()[]{}-/&%'\"`")
QUOTES = [
    "\u2018",
    "\u2019",
    "\u201a",
    "\u201b",
    "\u201c",
    "\u201d",
    "\u201e",
    "\u201f",
    "\u00ab",
    "\u00bb",
    "\u2039",
    "\u203a",
    "\u02bc",
    "\uff02",
    "\uff07",
    "\u301d",
    "\u301e",
    "\u301f",
    "\u2032",
    "\u2033",
    "`",
    "'",
    '"',
]
SPACES = [
    " ",
    "  ",
    "\t",
    "\u00a0",
    "\u202f",
    "\u2000",
    "\u2002",
    "\u2003",
    "\u2009",
    "\u200a",
    "\u205f",
    "\u3000",
    "\u1680",
]
LINE_BREAKS = ["\n", "\r\n", "\r", "\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\n\n", "\n\n\n\n"]
INVISIBLES = [
    "\u200b",
    "\u200c",
    "\u200d",
    "\u2060",
    "\ufeff",
    "\u00ad",
    "\u200e",
    "\u200f",
    "\u061c",
    "\u202a",
    "\u202b",
    "\u202c",
    "\u202d",
    "\u202e",
    "\u2066",
    "\u2067",
    "\u2068",
    "\u2069",
    "\x00",
    "\x07",
    "\x1b",
    "\x7f",
    "\x80",
    "\x9f",
]
EMOJI = ["😀", "👍🏽", "👨\u200d👩\u200d👧", "🏳\ufe0f\u200d🌈", "❤\ufe0f", "🇸🇦"]
SURROGATES = ["\ud800", "\udfff", "\udc80"]
LATIN_WORDS = [
    "the",
    "Share",
    "news",
    "Read",
    "also",
    "café",
    "Ørsted",
    "naïve",
    "WHO",
    "Hamas",
    "COVID-19",
    "don't",
    "U.S.",
    "e.g.",
    "Facebook",
    "In",
    "English",
]
URLS = ["https://example.com/a,b?q=1&x=2", "www.site.org/path.html", "http://x.io/(a)"]
EMAILS = ["editor@news.example.com", "a.b+c@site.org"]
NUMBERS = ["3.5", "1,000", "٣٫٥", "١٬٠٠٠", "2024", "5′", "10″", "12:30", "50%", "٪٥٠"]


def _arabic_word() -> st.SearchStrategy[str]:
    letter = st.sampled_from(ARABIC_LETTERS + PERSIAN_LETTERS)
    mark = st.sampled_from(HARAKAT + QURANIC_MARKS + HAMZA_ABOVE_BELOW + [TATWEEL, TATWEEL * 3])
    unit = st.tuples(letter, st.lists(mark, max_size=2)).map(lambda t: t[0] + "".join(t[1]))
    plain = st.lists(unit, min_size=1, max_size=7).map("".join)
    forms = st.lists(st.sampled_from(PRESENTATION_FORMS), min_size=1, max_size=4).map("".join)
    return st.one_of(plain, plain, plain, forms)


def _digits(pool: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pool), min_size=1, max_size=5).map("".join)


def token() -> st.SearchStrategy[str]:
    """One token of scraped text: a word, number, mark, space or control."""
    return st.one_of(
        _arabic_word(),
        _arabic_word(),
        st.sampled_from(LATIN_WORDS),
        st.sampled_from(NUMBERS),
        _digits(ARABIC_INDIC_DIGITS),
        _digits(PERSIAN_DIGITS),
        st.sampled_from(ARABIC_PUNCT + LATIN_PUNCT),
        st.sampled_from(QUOTES),
        st.sampled_from(SPACES),
        st.sampled_from(SPACES),
        st.sampled_from(LINE_BREAKS),
        st.sampled_from(INVISIBLES),
        st.sampled_from(EMOJI),
        st.sampled_from(URLS + EMAILS),
        st.sampled_from(SURROGATES),
        st.text(max_size=3),
    )


def scraped_text(max_tokens: int = 40) -> st.SearchStrategy[str]:
    """Realistic scraped bilingual text, empty string included."""
    return st.one_of(
        st.just(""),
        st.lists(token(), max_size=max_tokens).map("".join),
        st.lists(token(), max_size=max_tokens).map("".join),
        st.lists(token(), max_size=max_tokens).map("".join),
        st.text(max_size=30),
    )


def arabic_text(max_words: int = 20) -> st.SearchStrategy[str]:
    """Arabic-only text: words with marks, separated by spaces and punctuation."""
    sep = st.sampled_from([" ", " ", " ", "، ", "\n", ". ", "؟ "])
    return st.lists(st.tuples(_arabic_word(), sep), max_size=max_words).map(
        lambda parts: "".join(w + s for w, s in parts)
    )


def lines_text(max_lines: int = 12) -> st.SearchStrategy[str]:
    """Multi-line text where each line is a mix of tokens (for line-wise steps)."""
    line = st.lists(token().filter(lambda t: "\n" not in t and "\r" not in t), max_size=10).map("".join)
    return st.lists(line, max_size=max_lines).map("\n".join)
