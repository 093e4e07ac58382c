"""repair_mojibake repairs a run whole or not at all.

The inputs are our own sentences sent through the damage a scraper does:
UTF-8 shown through windows-1252, then the no-break spaces (byte A0) made
plain spaces; layered encodings; C1 controls inside another codec's
mojibake.  Each case was half repaired before (the lead of a sequence whose
A0 became a space left behind, a layer stopped short, a control turned into
punctuation that cannot be undone).
"""

from __future__ import annotations

import pytest

from nazif.mojibake import repair_mojibake, trace_repair_mojibake
from test_mojibake_data import utf8_as_cp1252


def lost_a0(text: str) -> str:
    """``text`` through windows-1252, no-break spaces then made plain spaces."""
    return utf8_as_cp1252(text).replace("\xa0", " ")


def collapsed(text: str) -> str:
    """``lost_a0`` and then runs of spaces collapsed into one."""
    out = lost_a0(text)
    while "  " in out:
        out = out.replace("  ", " ")
    return out


@pytest.fixture(params=[True, False], ids=["ftfy", "builtin"])
def use_ftfy(request):
    return request.param


def check(broken: str, expected: str, use_ftfy: bool) -> None:
    out = repair_mojibake(broken, use_ftfy=use_ftfy)
    assert out == expected
    assert repair_mojibake(out, use_ftfy=use_ftfy) == out


# --- a space that was byte A0 -------------------------------------------------

LOST_A0_SENTENCES = [
    "Работа и отдых в Риме",  # Р is D0 A0
    "Πόλη και Περιοχή",  # Π is CE A0
    "Šiandien Šiauliuose lyja – rytoj saulė",  # Š is C5 A0
    "في عام ٢٠٢٠ زار ١٠٠ ألف شخص المعرض",  # ٠ is D9 A0
    "ภาษาและวัฒนธรรม",  # ภ is E0 B8 A0
    "丠个中文句子",  # 丠 is E4 B8 A0
    "Bom dia às crianças e àquela escola",
]


@pytest.mark.parametrize("sentence", LOST_A0_SENTENCES)
def test_lost_a0_is_restored_whole(sentence, use_ftfy):
    broken = lost_a0(sentence)
    assert broken != utf8_as_cp1252(sentence)  # the damage happened
    check(broken, sentence, use_ftfy)


def test_a_grave_keeps_its_space_when_a_word_follows(use_ftfy):
    # "à" + a no-break space + a space, collapsed into one space: the space
    # stays (French), unlike the crase contractions of Portuguese.
    check(collapsed("Il est décidé à partir de là"), "Il est décidé à partir de là", use_ftfy)
    check(collapsed("Il est décidé à s'en aller"), "Il est décidé à s'en aller", use_ftfy)
    check(lost_a0("Não vou às festas"), "Não vou às festas", use_ftfy)
    check(lost_a0("déjà vu"), "déjà vu", use_ftfy)


def test_trace_says_the_byte_was_restored():
    _, changes = trace_repair_mojibake(lost_a0("Работа"), use_ftfy=False)
    assert [c.entry for c in changes] == ["windows-1252\u2192utf-8 (lost A0 restored)"]


@pytest.mark.parametrize(
    "text",
    [
        "PÅ MANDAG KL 10",  # Danish capitals: Å before a space is a letter
        "Ã and Ð are letters",
        "ÀÉ Ù Ü",
        "é  é  é",
        # ``â€`` and a space: a right quote whose 9D byte was dropped, not a dagger
        "\u00e2\u20ac\u0153Hi\u00e2\u20ac said",
    ],
)
def test_lone_lead_before_a_space_is_not_evidence(text, use_ftfy):
    out = repair_mojibake(text, use_ftfy=use_ftfy)
    assert "\u2020" not in out
    if "Hi" not in text:
        assert out == text


def test_lone_a_grave_is_only_repaired_with_evidence(use_ftfy):
    assert repair_mojibake("Voil\u00c3 s", use_ftfy=use_ftfy) == "Voil\u00c3 s"
