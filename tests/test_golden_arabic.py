"""Golden lines for the Arabic steps, each checked by hand.

Two pipelines made of the Arabic steps only: ``DISPLAY`` (the lossless
steps, as in the ``display`` preset) and ``SEARCH`` (``DISPLAY`` with every
tatweel removed, then the lossy folds, in the order they need).  The lines
are written for these tests, not taken from any corpus.
"""

from __future__ import annotations

import pytest

from nazif import Pipeline


def _arabic_steps(preset: str) -> Pipeline:
    """The Arabic-orthography steps of a preset, in the preset's order."""
    return Pipeline([s for s in Pipeline.from_preset(preset) if s.func.__module__.startswith("nazif.arabic")])


DISPLAY = _arabic_steps("display")
SEARCH = _arabic_steps("search")

ZWNJ = "\u200c"

DISPLAY_LINES = [
    # presentation forms fold to the letters they show
    ("ﺍﻟﻌﺮﺑﻴﺔ ﻟﻐﺔ ﺟﻤﻴﻠﺔ", "العربية لغة جميلة"),
    # the honorific ligature is a symbol: kept
    ("ﻗﺎﻝ ﺍﻟﻨﺒﻲ ﷺ", "قال النبي ﷺ"),
    # lam-alef with hamza keeps its hamza
    ("ﻷﻥ ﺍﻹﺳﻼﻡ", "لأن الإسلام"),
    # the word ligature Allah is spelt out
    ("ﺑﺴﻢ ﷲ", "بسم الله"),
    # the basmala ligature has no decomposition: kept
    ("﷽", "﷽"),
    # kashida between joining letters goes
    ("السعـــودية تعلـن", "السعودية تعلن"),
    ("مـرحـبـاً بـكـم", "مرحباً بكم"),
    # tatweel as Hijri abbreviation and as prefix joiner stays
    ("في عام 1436هـ قال لـ«الحياة» إن الـ20 عضوا", "في عام 1436هـ قال لـ«الحياة» إن الـ20 عضوا"),
    # a decomposed hamza is composed
    ("سا\u0654ل", "سأل"),
    # digits are not a display matter
    ("عام ٢٠٢٤ و۱۴۰۳", "عام ٢٠٢٤ و۱۴۰۳"),
    # Persian with ZWNJ: nothing to do
    (f"می{ZWNJ}خواهم کتاب را بخوانم", f"می{ZWNJ}خواهم کتاب را بخوانم"),
    # presentation forms carrying marks (Quranic spelling kept)
    ("ﺑِﺴۡﻢِ ٱﻟﻠَّﻪِ", "بِسۡمِ ٱللَّهِ"),
]

SEARCH_LINES = [
    ("العَرَبِيَّةُ", "العربيه"),
    ("إِنَّ ٱللَّهَ غَفُورٌ رَّحِيمٌ", "ان الله غفور رحيم"),
    # Quranic madda on waw goes, hamza stays
    ("قُرُوٓءٍ", "قروء"),
    ("ذَٰلِكَ ٱلْكِتَٰبُ", "ذلك الكتب"),
    ("مسؤولية الرئيس", "مسووليه الرييس"),
    ("مستشفى على الطريق", "مستشفي علي الطريق"),
    ("سماء الرياض", "سماء الرياض"),
    ("٢٠٢٤ و۱۴۰۳ و٣٫٥٪", "2024 و1403 و3.5%"),
    (f"می{ZWNJ}خواهم کتاب ایرانی بخوانم", f"مي{ZWNJ}خواهم كتاب ايراني بخوانم"),
    # Persian ezafe sign is kept as a hamza mark after heh
    ("خانۀ ما", "خانه\u0654 ما"),
    ("جميييييل جداااا هههههه", "جمييل جداا هه"),
    ("ﻷﻥ ﷺ", "لان ﷺ"),
    ("عام 1436هـ", "عام 1436ه"),
    # the URL keeps its letters and digits
    ("https://example.com/أخبار/٢٠٢٤ أخبار ٢٠٢٤", "https://example.com/أخبار/٢٠٢٤ اخبار 2024"),
    # decomposed أَحْمَد
    ("\u0627\u064e\u0654\u062d\u0652\u0645\u064e\u062f", "احمد"),
    ("ﺍﻟﻤﺪﺭﺳﺔ ﺍﻷﻭﻟﻰ", "المدرسه الاولي"),
]


@pytest.mark.parametrize("text, expected", DISPLAY_LINES)
def test_golden_display(text, expected):
    assert DISPLAY(text) == expected
    assert DISPLAY(expected) == expected


@pytest.mark.parametrize("text, expected", SEARCH_LINES)
def test_golden_search(text, expected):
    assert SEARCH(text) == expected
    assert SEARCH(expected) == expected


def test_enough_golden_lines():
    assert len(DISPLAY_LINES) + len(SEARCH_LINES) >= 20
