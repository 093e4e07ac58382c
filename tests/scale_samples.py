"""Texts shared by the engine integration tests (hf, datatrove, spark): chrome,
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
