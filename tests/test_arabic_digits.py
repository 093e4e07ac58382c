"""normalize_digits: ASCII, Arabic-Indic and Persian digits, separators, percent signs."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given

from nazif.arabic import normalize_digits
from strategies import arabic_text, scraped_text

ARABIC = "٠١٢٣٤٥٦٧٨٩"
PERSIAN = "۰۱۲۳۴۵۶۷۸۹"


def digit_values(text: str) -> list:
    return [
        unicodedata.digit(c) for c in text if c in ARABIC or c in PERSIAN or (c.isascii() and c.isdigit())
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("٢٠٢٤", "2024"),
        ("۲۰۲۴", "2024"),
        ("عام ٢٠٢٤م", "عام 2024م"),
        ("٣٫٥", "3.5"),  # Arabic decimal separator inside a number
        ("١٬٠٠٠٬٠٠٠", "1,000,000"),  # Arabic thousands separator
        ("٥٠٪", "50%"),
        ("٪٥٠", "%50"),
        ("3٫5", "3.5"),  # ASCII digits with an Arabic separator
        ("٢0٢4", "2024"),  # mixed systems
        ("الساعة ١٢:٣٠", "الساعة 12:30"),
        ("٫ و ٬ و ٪ وحدها", "٫ و ٬ و ٪ وحدها"),  # not in a number: left alone
        ("٥ ٪", "5 ٪"),  # percent sign not touching the number
        ("١٢٫", "12٫"),  # a separator must sit between two digits
    ],
)
def test_to_ascii(text, expected):
    assert normalize_digits(text) == expected


@pytest.mark.parametrize(
    "text, arabic, persian",
    [
        ("2024", "٢٠٢٤", "۲۰۲۴"),
        ("3.14", "٣٫١٤", "۳٫۱۴"),
        ("1,234,567.89", "١٬٢٣٤٬٥٦٧٫٨٩", "۱٬۲۳۴٬۵۶۷٫۸۹"),
        ("50%", "٥٠٪", "۵۰٪"),
        ("1.2.2024", "١.٢.٢٠٢٤", "۱.۲.۲۰۲۴"),  # a date: separators ambiguous, kept
        ("192.168.1.1", "١٩٢.١٦٨.١.١", "۱۹۲.۱۶۸.۱.۱"),
        ("3,5", "٣,٥", "۳,۵"),  # not a thousands grouping: kept
        ("١٢٣", "١٢٣", "۱۲۳"),
        ("۱۲۳", "١٢٣", "۱۲۳"),
        ("١,٠٠٠", "١٬٠٠٠", "۱٬۰۰۰"),
    ],
)
def test_to_arabic_and_persian(text, arabic, persian):
    assert normalize_digits(text, to="arabic") == arabic
    assert normalize_digits(text, to="persian") == persian


@pytest.mark.parametrize(
    "text",
    [
        "COVID-19",
        "iPhone 15",
        "F-16",
        "https://example.com/2024/05/a,b?x=1",
        "editor2@news.example.com",
    ],
)
def test_latin_runs_urls_and_emails_keep_their_digits(text):
    assert normalize_digits(f"في {text} عام 2024", to="arabic") == f"في {text} عام ٢٠٢٤"


def test_urls_keep_eastern_digits_when_converting_to_ascii():
    text = "https://ar.example.com/news/٢٠٢٤ عام ٢٠٢٤"
    assert normalize_digits(text) == "https://ar.example.com/news/٢٠٢٤ عام 2024"


def test_other_digit_systems_are_left_alone():
    text = "१२३ ２０２４ ¹²"
    assert normalize_digits(text) == text
    assert normalize_digits(text, to="arabic") == text


def test_unknown_system_raises():
    with pytest.raises(ValueError):
        normalize_digits("1", to="roman")


@given(arabic_text())
def test_no_eastern_digit_survives_ascii(text):
    out = normalize_digits(text)
    assert not any(c in ARABIC or c in PERSIAN for c in out)


@given(scraped_text())
def test_digit_values_are_preserved(text):
    for to in ("ascii", "arabic", "persian"):
        assert digit_values(normalize_digits(text, to=to)) == digit_values(text)


@given(scraped_text())
def test_round_trip_through_arabic(text):
    ascii_text = normalize_digits(text)
    assert normalize_digits(normalize_digits(ascii_text, to="arabic")) == ascii_text


@pytest.mark.slow
def test_pathological_line():
    for text in ("١" * 2_000_000, "1," * 1_000_000, "٫١" * 1_000_000, "%1%" * 500_000):
        for to in ("ascii", "arabic"):
            out = normalize_digits(text, to=to)
            assert normalize_digits(out, to=to) == out
