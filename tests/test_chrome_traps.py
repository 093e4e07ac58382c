"""Lexicon words used as content must stay; chrome around them must go.

Each trap puts a line whose words are in the lexicon (or look like a layout
signal) inside an ordinary article; the line must survive.  The fixtures are
hand-written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import nazif.chrome as chrome

FIXTURES = Path(__file__).parent / "fixtures"

BODY_EN = [
    "The finance ministry published its spending review on Wednesday after months of delay.",
    "Officials said the review would guide the budget for the next three years.",
]
BODY_AR = [
    "نشرت وزارة المالية مراجعة الإنفاق يوم الأربعاء بعد أشهر من التأخير.",
    "وقال مسؤولون إن المراجعة ستوجه الميزانية خلال السنوات الثلاث المقبلة.",
]

TRAPS = [
    "Share prices fell 3% on Monday.",
    "Share prices fell sharply after the report was published on Monday morning.",
    "شارك الوزير في الاجتماع",
    "شارك (14) رئيس مركز في الورشة",
    "شارك الوزير في الاجتماع الذي عقد أمس مع ممثلي النقابات.",
    "Print media is dying",
    "Print media is dying, the report says, as advertising moves online.",
    "Home Secretary said the new rules would take effect in April.",
    "English is spoken by most of the delegates at the conference.",
    "Related: the minister said…",
    "Tags were found on the legs of the migrating birds.",
    "More than 600,000 people live in the settlements, officials say.",
    "Subscribers to the service will pay more from next month, the company said.",
    "Follow-up talks are planned for next week in Geneva.",
    "Comments made by the minister drew criticism from opposition parties.",
    "Search teams found the missing hikers on Sunday evening.",
    "Cookies and cakes were sold at the charity fair to raise money.",
    "اقرأ المزيد من التفاصيل في التقرير الكامل الذي نشرته الوزارة أمس.",
    "الأكثر قراءة بين الطلاب هي كتب التاريخ، بحسب استطلاع المكتبة.",
    "طباعة الكتب المدرسية ستبدأ الشهر المقبل في المطابع الحكومية.",
    "By the end of the year, the plan will cover every province.",
    "Back to top form: the champion won her first title in two years.",
    "Contact with the crew was lost shortly after take-off, the airline said.",
]


@pytest.mark.parametrize("trap", TRAPS)
@pytest.mark.parametrize("where", ["start", "middle", "end"])
@pytest.mark.parametrize("mode", ["article", "page"])
def test_trap_is_kept(trap, where, mode):
    body = BODY_AR if any("\u0600" <= c <= "\u06ff" for c in trap) else BODY_EN
    lines = {"start": [trap, *body], "middle": [body[0], trap, body[1]], "end": [*body, trap]}[where]
    text = "\n".join(lines)
    removed = [r for r in chrome.find(text, mode=mode) if r.text == trap]
    assert not removed, f"{trap!r} removed by {removed[0].rule}: {removed[0].entry}"


@pytest.mark.parametrize(
    "heading",
    ["الخلاصة", "خلفية", "تحليل", "Analysis", "Background", "Reaction"],
)
def test_one_word_heading_inside_the_article_is_kept(heading):
    text = "\n".join([BODY_EN[0], heading, BODY_EN[1], BODY_AR[0], BODY_AR[1]])
    assert heading in chrome.remove(text).split("\n")


CHROME = [
    ("In English", "language-switch"),
    ("English", "language-switch"),
    ("مقالات ذات صلة", "related"),
    ("إقرأ أيضاً: الحكومة تعلن خطة جديدة", "read-also"),
    ("اقرا ايضا: الحكومة تعلن خطة جديدة", "read-also"),
    ("Read more: Germany's new law on colonial art", "read-also"),
    ("زر الذهاب إلى الأعلى", "back-to-top"),
    ("Back to top", "back-to-top"),
    ("Share on Facebook", "share"),
    ("شارك", "share"),
    ("Advertisement", "ad"),
    ("© 2024 The Coastal Courier. All rights reserved.", "footer"),
    ("جميع الحقوق محفوظة © 2024", "footer"),
]


@pytest.mark.parametrize("line, category", CHROME)
def test_chrome_line_between_paragraphs_is_removed(line, category):
    # a bare language name is a switch on a page in the other language
    body = (BODY_AR + BODY_AR) if line == "English" else (BODY_EN + BODY_AR)
    text = "\n".join([body[0], body[1], line, body[2], body[3]])
    removed = {r.text: r for r in chrome.find(text)}
    assert line in removed
    assert removed[line].category in (category, "other", "related", "read-also", "footer", "share")
    assert chrome.remove(text).split("\n") == body


def test_share_bar_split_over_lines():
    text = "\n".join([BODY_EN[0], "Share", "Facebook", "Twitter", "WhatsApp", "Telegram", BODY_EN[1]])
    assert chrome.remove(text).split("\n") == BODY_EN


def test_network_name_alone_in_text_is_kept():
    # "Facebook" as a one-word line with no chrome around it is not evidence enough
    text = "\n".join([BODY_EN[0], "Facebook", BODY_EN[1], BODY_EN[0]])
    assert "Facebook" in chrome.remove(text).split("\n")


RELATED_ITEMS = ["Storm damage closes coastal railway", "Fishing fleet reports best catch in a decade"]


def test_related_list_goes_until_the_next_paragraph():
    text = "\n".join([BODY_EN[0], "Related articles", *RELATED_ITEMS, BODY_EN[1]])
    found = chrome.find(text)
    assert found[0].text == "Related articles"
    assert {r.rule for r in found} <= {"lexicon-line", "block-related"}
    assert RELATED_ITEMS[1] in [r.text for r in found]
    assert chrome.remove(text).split("\n")[-1] == BODY_EN[1]  # the block ends at the paragraph


@pytest.mark.xfail(
    strict=True,
    reason="known miss: at the English veto threshold chosen by by-site validation (0.7) the model keeps "
    "the first headline of a two-item related box (its score is below 0.7)",
)
def test_related_list_every_item_goes():
    text = "\n".join([BODY_EN[0], "Related articles", *RELATED_ITEMS, BODY_EN[1]])
    assert [r.text for r in chrome.find(text)] == ["Related articles", *RELATED_ITEMS]


def test_teaser_list_after_the_article():
    teasers = []
    for title in ["Ministers meet on budget", "Floods close two roads", "New mayor sworn in"]:
        teasers += [title, "By REUTERS", "11/20/2019 01:14 PM"]
    text = "\n".join([*BODY_EN, *teasers])
    assert chrome.remove(text).split("\n") == BODY_EN


def test_foreign_language_switch_is_a_signal_not_a_verdict():
    # "عربي" on an English page is a switch
    text = "\n".join(["عربي", *BODY_EN])
    assert chrome.remove(text).split("\n") == BODY_EN
    # a quoted Arabic phrase inside an English paragraph is content
    text = "\n".join(
        [BODY_EN[0], "The banner read «الشعب يريد» in large letters, witnesses said.", BODY_EN[1]]
    )
    assert chrome.remove(text) == text
    # a short quoted sentence in the other language at the end stays: it ends like a sentence
    for quote in ('"Do your homework!"', "Read it. Twice."):
        text = "\n".join([*BODY_AR, quote])
        assert chrome.remove(text) == text, quote


def test_arabic_article_fixture():
    text = (FIXTURES / "chrome_article_ar.txt").read_text(encoding="utf-8")
    out = chrome.remove(text).split("\n")
    assert "English" not in out
    assert not any(ln.startswith("إقرأ أيضاً") for ln in out)
    assert "مقالات ذات صلة" not in out and "زر الذهاب إلى الأعلى" not in out
    assert "وشارك الوزير في الاجتماع الذي عقد أمس مع مديري المدارس لمناقشة خطة العام." in out
    assert "وزارة التعليم تعلن موعد بدء العام الدراسي الجديد" in out


def test_shared_example_article(shared):
    path = shared("examples", "news-article-en.txt")
    text = path.read_text(encoding="utf-8")
    removals = [r for r in chrome.find(text) if r.rule != "blank-line"]
    assert sorted(r.text.strip() for r in removals) == sorted(
        ["In English", "مقالات ذات صلة", "زر الذهاب إلى الأعلى"]
    )
    out = chrome.remove(text)
    kept = [ln for ln in out.split("\n") if ln.strip()]
    chrome_lines = {"In English", "مقالات ذات صلة", "زر الذهاب إلى الأعلى"}
    others = [ln for ln in text.split("\n") if ln.strip() and ln.strip() not in chrome_lines]
    assert kept == others  # the headline and every paragraph, in order
    assert kept[0].startswith("Anadolu Agency")
    assert len(kept) == 16
    assert chrome.remove(out) == out
    # the blank lines between paragraphs are kept, none left over at the ends
    assert not out.startswith("\n") and not out.endswith("\n")
    assert "\n\n\n" not in out


def test_subheading_after_a_related_box_is_kept_when_laid_out_like_the_body():
    text = "\n".join(
        [
            BODY_EN[0],
            "Related articles",
            " Storm closes coastal railway line ",
            " Fleet reports best catch in a decade ",
            "Why the wall failed",
            BODY_EN[1],
        ]
    )
    out = chrome.remove(text).split("\n")
    # the subheading and the paragraphs stay, the heading goes; the box's first
    # item is a known miss (the model keeps it at the English veto threshold)
    assert [ln for ln in out if ln in (BODY_EN[0], "Why the wall failed", BODY_EN[1])] == [
        BODY_EN[0],
        "Why the wall failed",
        BODY_EN[1],
    ]
    assert "Related articles" not in out
    assert " Fleet reports best catch in a decade " not in out


# Content that sits next to chrome, or that looks like a list, found by an
# adversarial review: every listed line must survive article mode.
NEXT_TO_CHROME = [
    (
        "Actor dies\nThe actor died at home on Sunday, his family said in a statement.\n"
        "He appeared in more than 40 films over six decades.\nShare this article\nHe was 84.\n"
        "He is survived by his wife.",
        ["He was 84.", "He is survived by his wife."],
    ),
    (
        "Actor dies\nThe actor died at home on Sunday, his family said in a statement.\n"
        "Related articles\nStar of stage and screen\nA life in pictures\nHe was 84.",
        ["He was 84."],
    ),
    (
        "عنوان الخبر\nافتتح الوزير اليوم مستشفى جديدا في تبوك بسعة 500 سرير\nاقرأ أيضا\n"
        "الصحة تطلق حملة للتطعيم\nوقال الوزير إن المستشفى يضم أقساما للقلب والأورام وزراعة الكلى\n"
        "وأضاف أن الوزارة ستوظف 1200 طبيب وممرض خلال العامين المقبلين",
        [
            "افتتح الوزير اليوم مستشفى جديدا في تبوك بسعة 500 سرير",
            "وقال الوزير إن المستشفى يضم أقساما للقلب والأورام وزراعة الكلى",
            "وأضاف أن الوزارة ستوظف 1200 طبيب وممرض خلال العامين المقبلين",
        ],
    ),
    (
        "Syria war\nThe conflict entered its 13th year on Wednesday, the UN said.\nTimeline:\nMarch 2011\n"
        "Protests erupt in Deraa.\nAugust 2013\nChemical attack near Damascus.\nSeptember 2015\nRussia intervenes.",
        ["March 2011", "Protests erupt in Deraa.", "September 2015", "Russia intervenes."],
    ),
    (
        "مزيد من الدول تعترف بدولة فلسطين\nأعلنت ثلاث دول أوروبية اليوم اعترافها بدولة فلسطين.",
        ["مزيد من الدول تعترف بدولة فلسطين"],
    ),
    (
        "الميزانية العامة\nأعلنت الحكومة ميزانية بإنفاق 1.25 تريليون ريال.\n"
        "وسيتركز الإنفاق على القطاعات التالية:\nالتعليم\nالصحة\nالرياضة\nالثقافة\nالتقنية",
        ["التعليم", "الصحة", "الرياضة", "الثقافة", "التقنية"],
    ),
    (
        "Iran deal\nBy signing up to the accord, Iran agreed to cut its stockpile by 98%.\nThe US withdrew in 2018.",
        ["By signing up to the accord, Iran agreed to cut its stockpile by 98%."],
    ),
]


@pytest.mark.parametrize("text, keep", NEXT_TO_CHROME)
def test_content_next_to_chrome_is_kept(text, keep):
    out = chrome.remove(text).split("\n")
    for line in keep:
        assert line in out, line


@pytest.mark.parametrize(
    "heading",
    ["By Air", "By Train", "BY THE NUMBERS", "كتب الأطفال", "تقرير الأمم المتحدة", "حوار وطني شامل"],
)
def test_subheading_that_starts_like_a_byline_is_kept(heading):
    body = BODY_AR if "\u0600" <= heading[0] <= "\u06ff" else BODY_EN
    text = "\n".join([body[0], heading, body[1]])
    assert chrome.remove(text) == text


def test_real_bylines_still_go():
    for byline in ("By John Smith", "كتب: محمد علي", "بقلم محمد العلي"):
        text = "\n".join([byline, *BODY_EN]) if byline.startswith("By") else "\n".join([byline, *BODY_AR])
        assert byline not in chrome.remove(text).split("\n"), byline


@pytest.mark.parametrize(
    "label, heading, body",
    [
        ("Advertisement", "Europe", BODY_EN),
        ("Advertisement", "Analysis", BODY_EN),
        ("إعلان", "الاقتصاد", BODY_AR),
    ],
)
def test_subheading_after_an_ad_label_is_kept(label, heading, body):
    text = "\n".join([body[0], label, heading, body[1]])
    out = chrome.remove(text).split("\n")
    assert label not in out
    assert heading in out
