"""Texts shared by the engine and site-learning tests (hf, datatrove, spark, --site-field): chrome,
Arabic, mojibake, markup, invisibles, an empty text and lone surrogates."""

from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures"

SAMPLES: list[str] = [
    (FIXTURES / "chrome_page_en.txt").read_text(encoding="utf-8"),
    (FIXTURES / "chrome_page_ar.txt").read_text(encoding="utf-8"),
    (FIXTURES / "chrome_article_ar.txt").read_text(encoding="utf-8"),
    "Share\nShare prices fell 3% on Monday, traders said.",
    "اقرأ أيضاً: الحكومة تعلن خطة جديدة\nشارك الوزير في الاجتماع الذي عقد أمس.",
    "caf&Atilde;&copy; \u201cnoir\u201d\u00a0 et\u200b cr\u00e8me  ",
    "مـــرحبا   بكم ﻻ",
    "",
    "Share",
    "lone \ud800 surrogate\nand a second line",
]


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


# Arrow, JSON files and Spark hold only valid UTF-8: no lone surrogates.
UTF8_SAMPLES: list[str] = [t for t in SAMPLES if _encodable(t)]


# One made-up site: four pages that share SITE_LINE (site-learning tests).
SITE_LINE = "Port Ashby Weekly — all the news of the bay"
PAGES = [
    ("Council passes the budget", "The council approved the new budget after a long debate on Tuesday."),
    ("Storm wrecks the fishing fleet", "Fishermen say the storm destroyed more than forty boats."),
    ("Museum to reopen in spring", "The museum reopens next month with a hall on shipbuilding."),
    ("Teachers plan a Friday strike", "Teachers at the two schools will strike over unpaid overtime."),
]
