"""The catalogue-drawn part of the built-in chrome lexicon (data/catalogue.tsv)."""

from __future__ import annotations

import pytest

from nazif.chrome.lexicon import DATA_DIR, Lexicon, parse_tsv


def _catalogue() -> list:
    with open(DATA_DIR / "catalogue.tsv", encoding="utf-8") as fh:
        return list(parse_tsv(fh, source="builtin:catalogue.tsv"))


def test_every_catalogue_entry_records_its_own_source() -> None:
    entries = _catalogue()
    assert entries
    for e in entries:
        base, _, own = e.source.partition("|")
        assert base == "builtin:catalogue.tsv"
        assert own.strip(), e


def test_catalogue_entries_are_in_builtin() -> None:
    lex = Lexicon.builtin()
    for e in _catalogue():
        if e.kind != "pattern":
            assert lex.match_line(e.phrase + (" x" if e.kind == "prefix" else "")) is not None, e


@pytest.mark.parametrize(
    "line",
    [
        "\u200fالتعليقات مغلقة",
        "\u061cالتعليقات مغلقة.",
        "\u2067لن يتم نشر عنوان بريدك الإلكتروني.\u2069",
        "\u200f5 دقائق",
        "\u202b٣ تعليقات\u202c",
    ],
)
def test_bidi_controls_do_not_block_a_match(line: str) -> None:
    assert Lexicon.builtin().match_line(line) is not None


@pytest.mark.parametrize(
    "line",
    [
        "5 دقائق",
        "٧ دقائق قراءة",
        "5 min read",
        "12 Comments",
        "3 تعليقات",
        "Page 2 of 9",
        "صفحة 2 من 9",
        "منذ 3 ساعات",
        "2 hours ago",
    ],
)
def test_templated_strings_match_as_patterns(line: str) -> None:
    # some of these keys are also whole-line entries (digits fold away); the
    # pattern must match on its own, so that the templated form is covered
    e = Lexicon.builtin().match_pattern(line)
    assert e is not None and e.kind == "pattern", (line, e)


@pytest.mark.parametrize(
    "line",
    [
        "استغرق الاجتماع 5 دقائق فقط قبل أن يعلن الوزير استقالته.",
        "وصلت الشرطة بعد 5 دقائق من البلاغ",
        "The minister read 12 comments aloud before leaving.",
        "Page 2 of 9 of the report lists the missing funds in detail.",
        "غادر الوفد منذ 3 ساعات ولم يصدر أي بيان حتى الآن.",
        "قال إن المقالات الأحدث في الصحيفة تناولت الأزمة",
        "He said he liked this: the plan was simple.",
    ],
)
def test_prose_containing_those_words_does_not_match(line: str) -> None:
    e = Lexicon.builtin().match_line(line)
    assert e is None or "catalogue" not in e.source, (line, e)


@pytest.mark.parametrize(
    "line",
    [
        # WordPress core 5.5 ar.po
        "Save my name, email, and website in this browser for the next time I comment.",
        "احفظ اسمي، بريدي الإلكتروني، والموقع الإلكتروني في هذا المتصفح لاستخدامها المرة المقبلة في تعليقي.",
        "Your email address will not be published. Required fields are marked *",
        "الحقول الإلزامية مشار إليها بـ *",
        "Log in to Reply",
        "قم بتسجيل الدخول للرد",
        "انقر هنا لإلغاء الرد.",
        "Leave a Reply to Samir",
        "اترك رداً على سمير",
        "Logged in as admin. Edit your profile",
        "Page 3",
        "الصفحة ٣",
        "قبل 3 ساعات",
        # Akismet ar.po
        "هذا الموقع يستخدم Akismet للحدّ من التعليقات المزعجة والغير مرغوبة. تعرّف على كيفية معالجة بيانات تعليقك.",
        "Learn how your comment data is processed",
        # Joomla com_content
        "Written by Super User",
        "كتب بواسطة: مدير الموقع",
        "Hits: 1532",
        "الزيارات: 1532",
        "Published: 14 February 2015",
        "نشر بتاريخ: 14 شباط/فبراير 2015",
        "Rating: 4.5",
        # Drupal 8 ar.po
        "Add new comment",
        "5 new comments",
        "٥ تعليقات جديدة",
        "الذهاب إلى الصفحة التالية",
    ],
)
def test_catalogue_strings_match_from_the_catalogue(line: str) -> None:
    e = Lexicon.builtin().match_line(line)
    assert e is not None and "catalogue" in e.source, (line, e)


@pytest.mark.parametrize(
    "line",
    [
        "Published: the full report runs to forty pages and more",
        "قبل ساعات من الاجتماع أعلن الوزير استقالته",
        "قبل 3 ساعات من موعد المباراة وصلت الجماهير إلى الملعب.",
        "The page 3 story was retracted within a day.",
        "Hits: the songs that defined a decade",
        "الزيارات: ارتفاع عدد السياح إلى 3 ملايين هذا العام بعد سنوات من التراجع الطويل",
        "He wrote 5 new comments on the draft before the vote.",
    ],
)
def test_templated_catalogue_patterns_need_the_whole_line(line: str) -> None:
    e = Lexicon.builtin().match_pattern(line)
    assert e is None or "catalogue" not in e.source, (line, e)


@pytest.mark.parametrize(
    "text",
    [
        "Written by hand in 1923, the letter was found in the attic last spring.",
        "كتب بواسطة قلم رصاص على ورقة قديمة، ثم ضاع في الحرب.",
        "Logged in as a guest, she read every file on the shared drive.",
    ],
)
def test_prose_opening_with_a_catalogue_prefix_is_kept(text: str) -> None:
    from nazif import chrome

    body = "The minister said the talks would resume next week.\n" + text
    assert [r.line for r in chrome.find(body)] == [], text
