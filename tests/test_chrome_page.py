"""Page mode on hand-made whole-page texts: header, menus and footer go; the
headline, standfirst and every paragraph stay."""

from __future__ import annotations

from pathlib import Path

import pytest

import nazif.chrome as chrome

FIXTURES = Path(__file__).parent / "fixtures"


def read(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def test_english_page():
    text = read("chrome_page_en.txt")
    out = chrome.remove(text, mode="page").rstrip("\n").split("\n")
    assert out[0] == "Harbour town votes to rebuild its old sea wall"
    assert out[1].startswith("Residents backed a plan")
    paragraphs = [ln for ln in text.split("\n") if len(ln.split()) >= 12 and ln.endswith((".", '"'))]
    assert [ln for ln in out if ln in paragraphs] == paragraphs
    for chrome_line in (
        "Menu",
        "Subscribe",
        "Related articles",
        "Storm damage closes coastal railway",
        "Flooding",
        "Most read",
        "Bridge closed after lorry strike",
        "Privacy policy",
        "Back to top",
        "Advertisement",
        "Share on Facebook",
    ):
        assert chrome_line not in out
    # the headline, the standfirst and the body; the dateline and byline under the headline may stay
    # (the model overrules the weak date rule next to the headline: a miss, not a loss)
    extra = [ln for ln in out if ln not in paragraphs]
    assert extra[0] == out[0] and set(extra[1:]) <= {"12 March 2024, 09:15 GMT", "By Mara Ellison"}


def test_arabic_page():
    text = read("chrome_page_ar.txt")
    out = chrome.remove(text, mode="page").rstrip("\n").split("\n")
    assert out[0] == "بلدية المدينة تفتتح حديقة عامة جديدة في الحي الشرقي"
    assert out[-1].startswith("وشارك عدد من الأهالي")  # the last paragraph, after "اقرأ أيضا"
    assert len(out) == 5
    for chrome_line in (
        "English",
        "شارك",
        "واتساب",
        "مقالات ذات صلة",
        "الأكثر قراءة",
        "زر الذهاب إلى الأعلى",
    ):
        assert chrome_line not in out


def test_page_removals_are_explained():
    text = read("chrome_page_en.txt")
    rules = {r.rule for r in chrome.find(text, mode="page")}
    assert {"page-head", "page-tail"} <= rules
    assert rules & {"lexicon-line", "lexicon-prefix"}


@pytest.mark.parametrize("name", ["chrome_page_en.txt", "chrome_page_ar.txt"])
def test_article_mode_is_more_conservative(name):
    text = read(name)
    article = {r.line for r in chrome.find(text)}
    page = {r.line for r in chrome.find(text, mode="page")}
    # page mode removes far more; the two models may differ on a weak line or two
    # (a dateline the page model keeps next to the headline)
    assert len(article) <= len(page) and len(article - page) <= 2


def test_page_mode_is_idempotent_on_fixtures():
    for name in ("chrome_page_en.txt", "chrome_page_ar.txt", "chrome_article_ar.txt"):
        once = chrome.remove(read(name), mode="page")
        assert chrome.remove(once, mode="page") == once


def test_dev_set_targets(shared):
    """The labelled dev pages (when present): recall floors below which a
    change is a regression (the issue's target, article recall 0.90 on dev,
    is not met since the veto thresholds are chosen for the content budget on
    unseen sites: 0.859 in-sample), and the content budgets."""
    import json
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from score_chrome import Tally, nazif_removed

    path = shared("eval", "dev.jsonl")
    tallies = {"article": Tally(), "page": Tally()}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            kind = "page" if rec["input_kind"] == "page" else "article"
            removed = nazif_removed([ln["text"] for ln in rec["lines"]], kind)
            tallies[kind].add(rec["lines"], removed, soft=False)
    for kind, min_recall, max_lost in (("article", 0.85, 0.005), ("page", 0.95, 0.01)):
        c = tallies[kind].c
        assert c["chrome_hit"] / c["chrome"] >= min_recall, kind
        assert c["content_lost"] / c["content"] <= max_lost, kind


def test_short_last_paragraph_after_an_in_body_box_is_kept():
    page = "\n".join(
        [
            "Town rebuilds sea wall | Courier",
            "Home",
            "News",
            "Sport",
            "Opinion",
            "Subscribe",
            "Town rebuilds sea wall",
            "The council voted on Tuesday to spend four million pounds on a new sea wall after the floods of last winter.",
            "Councillors said the old wall, built in 1911, could no longer hold back the storm surges that flooded homes.",
            "Work is expected to begin in the autumn and to last about eighteen months, the council said on Tuesday.",
            "Related articles",
            "Storm closes railway",
            "Fleet reports best catch",
            "Councils warn on insurance",
            "The harbour will stay open during the works, officials said.",
            "Advertisement",
            "Fishermen welcomed the decision.",
            "About us",
            "Contact us",
            "Privacy policy",
            "© 2024 Courier",
        ]
    )
    out = chrome.remove(page, mode="page").split("\n")
    assert out[0] == "Town rebuilds sea wall"
    assert "The harbour will stay open during the works, officials said." in out
    assert "Related articles" not in out and "Storm closes railway" not in out
    assert "About us" not in out and "Advertisement" not in out


def test_closing_line_without_sentence_punctuation_is_kept_in_page_mode():
    body = [
        "Home | News | Business | Sport",
        "",
        "Council approves a plan to extend the city's public transport network",
        "",
        "The city council approved on Tuesday a plan to add three electric bus lines and two light-rail "
        "stations, at an estimated cost of 1.2 billion, officials said.",
        "",
        "The council's president told reporters that the plan aims to halve travel times between the "
        "northern districts and the centre, and that work would start early next year.",
        "",
        "Critics said the plan's success depends on linking the new lines with car parks on the edge of the city.",
        "",
        "The full plan and its timetable are published on the council's website: https://council.example.org/plan",
    ]
    tail = ["", "Share", "Facebook", "Twitter", "", "© 2024 Example News. All rights reserved."]
    text = "\n".join(body + tail)
    out = chrome.remove(text, mode="page").split("\n")
    assert out[-1] == body[-1]
    assert "Share" not in out and "Facebook" not in out


# --- a list the article introduces stays with the article ----------------------

INTRODUCED_LIST_PAGE = """Band sets anniversary tour - Music Weekly
Home
News
Charts
Video
Band sets anniversary tour
The band will play thirty dates across the country next summer, its first tour in a decade.
Founding members said the shows would cover every album, from the early singles to the last record.
Tickets go on sale on Friday through the usual outlets, with a presale for members of the fan club.
The band's anniversary tour dates:
June 9 -- Coral Arena, Westport
June 10 -- Harbour Pavilion, Eastbay
June 14 -- River Hall, Millford
June 17 -- The Forum, Kingsbridge
Share this article
Facebook
Twitter
Related articles
Privacy policy
Terms of use"""


def test_a_list_introduced_by_the_article_stays():
    out = chrome.remove(INTRODUCED_LIST_PAGE, mode="page").split("\n")
    for item in (
        "The band's anniversary tour dates:",
        "June 9 -- Coral Arena, Westport",
        "June 17 -- The Forum, Kingsbridge",
    ):
        assert item in out
    for line in ("Home", "Share this article", "Related articles", "Privacy policy"):
        assert line not in out


def test_a_list_of_one_shape_after_the_last_paragraph_stays():
    # without the colon, the lines still share one shape (a date, a dash, a
    # comma): a table the article holds after its last paragraph
    text = INTRODUCED_LIST_PAGE.replace("The band's anniversary tour dates:\n", "")
    out = chrome.remove(text, mode="page").split("\n")
    assert "June 14 -- River Hall, Millford" in out
    assert "Share this article" not in out and "Privacy policy" not in out


def test_headlines_after_the_last_paragraph_are_footer():
    # teaser headlines have no shared punctuation: page tail, as before
    teasers = "\n".join(
        [
            "Singer cancels the rest of her summer shows",
            "Ten albums that defined the decade",
            "Festival adds a second stage for next year",
            "Critics pick the best live records",
        ]
    )
    text = INTRODUCED_LIST_PAGE.replace(
        "The band's anniversary tour dates:\n"
        "June 9 -- Coral Arena, Westport\n"
        "June 10 -- Harbour Pavilion, Eastbay\n"
        "June 14 -- River Hall, Millford\n"
        "June 17 -- The Forum, Kingsbridge",
        teasers,
    )
    out = chrome.remove(text, mode="page").split("\n")
    assert "Festival adds a second stage for next year" not in out
    assert (
        "Tickets go on sale on Friday through the usual outlets, with a presale for members of the fan club."
        in out
    )


def test_a_shaped_list_stops_at_chrome_evidence():
    text = INTRODUCED_LIST_PAGE.replace("The band's anniversary tour dates:\n", "").replace(
        "Share this article\n", "Share this article\nJune 20 -- Old Mill, Northgate\n"
    )
    out = chrome.remove(text, mode="page").split("\n")
    assert "June 17 -- The Forum, Kingsbridge" in out
    assert "June 20 -- Old Mill, Northgate" not in out


def _stats_table(title: str, rows: list[tuple[str, str, int]]) -> list[str]:
    lines = [title, "Pos", "Player", "Plays", "%", "Stats", "Pos", "Player", "Plays", "%", "Stats"]
    for pos, name, plays in rows:
        lines += [
            pos,
            name,
            str(plays),
            f"{plays + 20}%",
            f"{plays % 7 + 1} tackles and one sack in the second half.",
        ]
    return lines


STATS_PAGE = "\n".join(
    [
        *["Home", "News", "Sports", "Weather", "Opinion", "Contact"],
        "Below, we analyze the snap counts and stats on defense for the game against the visitors on Sunday.",
        *_stats_table("Defensive Line", [("DL", "Larry Ogden", 63), ("DL", "Myles Grant", 57)]),
        "There is a lot to sort through here, as the defense had eleven hits on the quarterback over four quarters.",
        "The two starters have been playing a ton of snaps all season, and the coaches said that would not change.",
        *_stats_table("Linebacker", [("LB", "Joe Schober", 74), ("LB", "Mack Wilson", 70)]),
        "The defense played most of the snaps again this week, and the coaches said the rotation would stay the same.",
        "Ideally the injured starter would come back from his knee injury this week, but when is still a question.",
        "The linebackers were on the field for every defensive snap, which has been the pattern all season, they said.",
        "Below the numbers, the story of the game was the pass rush, which hit the quarterback eleven times in all.",
        "The secondary gave up two long touchdowns, and the coordinator said the coverage calls were his to answer for.",
    ]
)


def test_the_page_header_holds_at_most_two_unexplained_sentences():
    # the densest paragraphs come after two stats tables: the header cut (the
    # last run of short lines before the region) took both tables and the
    # sentences between them (a real page lost 95 of its 121 content lines)
    out = chrome.remove(STATS_PAGE, mode="page").split("\n")
    assert "Contact" not in out and "Home" not in out
    for line in ("Linebacker", "Joe Schober", "Mack Wilson"):
        assert line in out
    assert (
        "The two starters have been playing a ton of snaps all season, and the coaches said that would not change."
        in out
    )
