"""The chrome model and its safety rules: the hand-found cases of the chrome issue."""

from __future__ import annotations

import pytest

import nazif
import nazif.chrome as chrome
from nazif.chrome.decide import FIRM_RULES
from nazif.chrome.features import is_fragment_pair, line_features, reads_as_prose, stopwords
from nazif.chrome.model import Model, StageWeights
from nazif.presets import preset_names

EN_SENTENCE = "The minister said the talks would resume."
AR_SENTENCE = "قال الوزير إن المحادثات ستستأنف الأسبوع المقبل."


def lines_removed(text: str, mode: str = "article") -> dict[str, str]:
    return {r.text: r.rule for r in chrome.find(text, mode=mode)}


def test_share_this_article_keeps_the_sentence_en() -> None:
    text = f"Share this article\n{EN_SENTENCE}\nRelated Articles\nFive things to know\nTags: Politics, Syria"
    gone = lines_removed(text)
    assert EN_SENTENCE not in gone
    assert "Related Articles" in gone
    assert EN_SENTENCE in chrome.remove(text)


def test_share_this_article_keeps_the_sentence_ar() -> None:
    text = f"شارك هذا المقال\n{AR_SENTENCE}\nمقالات ذات صلة\nخمسة أشياء يجب معرفتها"
    gone = lines_removed(text)
    assert AR_SENTENCE not in gone
    assert "مقالات ذات صلة" in gone


def test_page_mode_keeps_a_two_paragraph_article() -> None:
    p1 = "The government announced on Monday a new plan to rebuild the port, officials said."
    p2 = "The work is expected to take three years and to cost about two billion dollars."
    head = "Government unveils plan to rebuild the port"
    text = "\n".join(["Home", "News", "World", head, p1, p2, "Share", "Facebook", "Twitter"])
    gone = lines_removed(text, mode="page")
    assert p1 not in gone and p2 not in gone
    assert head not in gone


def test_link_fragments_of_a_sentence_stay() -> None:
    # get_text("\n") puts an inline link on its own line
    text = "\n".join(
        [
            "Related Articles",
            "Antony Loewenstein is an independent journalist and author of",
            "The Palestine Laboratory",
            ", a book about the export of surveillance technology.",
            "Share",
        ]
    )
    gone = lines_removed(text)
    assert "The Palestine Laboratory" not in gone
    assert ", a book about the export of surveillance technology." not in gone


def test_arabic_two_word_notice_with_full_stop_goes() -> None:
    text = f"{AR_SENTENCE}\nالتعليقات مغلقة."
    assert "التعليقات مغلقة." in lines_removed(text)


def test_follow_us_on_goes() -> None:
    text = f"{AR_SENTENCE}\nتابعونا على"
    assert "تابعونا على" in lines_removed(text)


def test_find_reports_only_chrome_lines() -> None:
    text = f"{EN_SENTENCE}\n\nRelated Articles\n\nFive things to know\n\n"
    found = chrome.find(text)
    assert found and all(r.rule != "blank-line" for r in found)
    # remove() still drops the blank lines that go with the chrome
    assert chrome.remove(text) == EN_SENTENCE


def test_prose_needs_firm_evidence() -> None:
    # a sentence between chrome lines keeps its place whatever the neighbours
    text = "Related Articles\nMost Read\nThe committee will publish its findings next month, a spokesman said.\nShare\nTags"
    for r in chrome.find(text):
        assert not reads_as_prose(r.text) or r.rule in FIRM_RULES


def test_reads_as_prose_and_fragments() -> None:
    assert reads_as_prose(EN_SENTENCE) and reads_as_prose(AR_SENTENCE)
    assert not reads_as_prose("Related Articles")
    assert is_fragment_pair("an author of", ", a book")
    assert not is_fragment_pair("It ended.", "and then")


def test_stopwords_are_data() -> None:
    sw = stopwords()
    assert "the" in sw and len(sw) > 100


def test_features_are_named_and_blank_lines_have_none() -> None:
    feats = line_features(["Home", "", EN_SENTENCE])
    assert feats[1] == {}
    assert "prose" in feats[2] and "words:1" in feats[0]


def test_model_round_trips_through_json() -> None:
    m = Model.builtin()
    again = Model.from_json(m.to_json())
    assert again == m
    feats = line_features(["Home", "News", EN_SENTENCE, "Share"])
    assert again.scores(feats, "article") == m.scores(feats, "article")


def test_a_user_model_is_used(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # a model that scores every line 0 keeps everything the rules would remove
    zero = StageWeights(-50.0, {})
    th = {"article": 0.99, "page": 0.99, "article-veto": 0.5, "page-veto": 0.5}
    m = Model({"article": (zero, zero), "page": (zero, zero)}, th)
    path = tmp_path / "m.json"
    path.write_text(m.to_json(), encoding="utf-8")
    text = f"{EN_SENTENCE}\nRelated Articles\nFive things to know\nTen more things to read"
    default = {r.line: r.rule for r in chrome.find(text)}
    assert default[1] == "lexicon-line" and 2 in default and default[2] != "lexicon-line"
    # the model may overrule decisions drawn from context (the block), never the whole-line entry
    assert [r.line for r in chrome.find(text, model=m)] == [1]
    assert (
        chrome.remove(text, model=str(path)) == f"{EN_SENTENCE}\nFive things to know\nTen more things to read"
    )
    with pytest.raises(TypeError):
        chrome.find(text, model=3)  # type: ignore[arg-type]


def test_page_preset() -> None:
    assert "page" in preset_names()
    text = "Home\nNews\nThe minister said on Monday that the talks would resume next week in Geneva.\nShare"
    out = nazif.clean(text, preset="page")
    assert "Geneva" in out and "Home" not in out


@pytest.mark.parametrize("mode", ["article", "page"])
def test_idempotent_on_the_hand_cases(mode: str) -> None:
    text = f"Share this article\n{EN_SENTENCE}\nRelated Articles\nFive things to know\nTags: Politics, Syria"
    once = chrome.remove(text, mode=mode)
    assert chrome.remove(once, mode=mode) == once


def test_veto_thresholds_per_script() -> None:
    # a model that scores every line 0, vetoing everything in Latin text and nothing in Arabic text
    zero = StageWeights(-50.0, {})
    th = {"article-veto": 0.5, "article-veto-ar": 0.0, "page-veto": 0.5}
    m = Model({"article": (zero, zero), "page": (zero, zero)}, th)
    assert (m.veto("article"), m.veto("article", "ar"), m.veto("article", "la"), m.veto("page", "ar")) == (
        0.5,
        0.0,
        0.5,
        0.5,
    )
    en = f"{EN_SENTENCE}\nRelated Articles\nFive things to know\nTen more things to read"
    ar = f"{AR_SENTENCE}\nمقالات ذات صلة\nخمسة أشياء يجب أن تعرفها\nعشرة أشياء أخرى للقراءة"
    assert [r.line for r in chrome.find(en, model=m)] == [1]  # the block vetoed, the entry stays
    assert len(chrome.find(ar, model=m)) > 1  # no veto in Arabic text: the rules' block goes
    one = Model(m.stages, {"article-veto": 0.5, "page-veto": 0.5})  # no Arabic threshold: the mode's applies
    assert [r.line for r in chrome.find(ar, model=one)] == [1]


def test_builtin_model_adds_no_line() -> None:
    m = Model.builtin()
    assert m.threshold("article") is None and m.threshold("page") is None
    text = "\n".join([EN_SENTENCE, "Home", "News", "World", EN_SENTENCE])
    assert all(r.rule != "model" for mode in chrome.MODES for r in chrome.find(text, mode=mode))


@pytest.mark.parametrize("name", ["chrome_page_ar.txt", "chrome_article_ar.txt", "chrome_page_en.txt"])
@pytest.mark.parametrize("mode", ["article", "page"])
def test_unscored_path_agrees_with_scoring(name: str, mode: str) -> None:
    # at a veto of 0 nothing the model says can change a decision, so the text is not
    # scored; a veto just above 0 forces scoring and must decide the same
    from pathlib import Path

    text = (Path(__file__).parent / "fixtures" / name).read_text(encoding="utf-8")
    base = Model.builtin()
    zero = Model(base.stages, {"article-veto": 0.0, "page-veto": 0.0})
    tiny = Model(base.stages, {"article-veto": 1e-12, "page-veto": 1e-12})
    assert chrome.find(text, mode=mode, model=zero) == chrome.find(text, mode=mode, model=tiny)
    assert chrome.find(text, mode=mode, model=zero)
