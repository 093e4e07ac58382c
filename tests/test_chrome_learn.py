"""Learning a site lexicon from many pages: found, bounded, saved, merged."""

from __future__ import annotations

import random
import string

import pytest

import nazif.chrome as chrome
from nazif.chrome import Lexicon, learn
from nazif.chrome.learn import SiteCounter

MENU = ["Home", "Politics", "Economy", "The Coastal Courier app", "Contact the newsroom"]
FOOTER = ["Courier Media Group", "Advertise with the Courier"]
DISCLAIMER = "The views expressed by readers in the comments are their own and not those of the Courier."


def _sentence(rnd: random.Random, n: int) -> str:
    words = [
        "council",
        "harbour",
        "river",
        "school",
        "budget",
        "minister",
        "storm",
        "road",
        "festival",
        "mayor",
        "hospital",
        "farmers",
        "price",
        "vote",
        "bridge",
        "report",
        "police",
        "court",
    ]
    return " ".join(rnd.choice(words) for _ in range(n)).capitalize() + "."


def _word(rnd: random.Random) -> str:
    return "".join(rnd.choice(string.ascii_lowercase) for _ in range(rnd.randint(3, 9)))


def make_pages(n: int, seed: int = 1):
    rnd = random.Random(seed)
    for _k in range(n):
        body = [_sentence(rnd, rnd.randint(12, 30)) for _ in range(rnd.randint(3, 8))]
        headline = " ".join(_word(rnd) for _ in range(7)).capitalize()
        yield "\n".join([*MENU, headline, *body, DISCLAIMER, *FOOTER])


def test_repeated_lines_are_learned_and_content_is_not():
    site = learn(make_pages(60))
    phrases = {e.phrase for e in site}
    assert set(MENU) | set(FOOTER) <= phrases
    assert DISCLAIMER in phrases  # a paragraph, but on every page
    assert all(e.category == "site" and e.kind == "line" and e.count == 60 for e in site)
    assert len(phrases) == len(MENU) + len(FOOTER) + 1


def test_paragraphs_need_nearly_all_pages():
    pages = list(make_pages(40))
    # the disclaimer on only half of the pages: a paragraph, so not learned
    pages = [p if i % 2 else p.replace(DISCLAIMER, "") for i, p in enumerate(pages)]
    phrases = {e.phrase for e in learn(pages)}
    assert DISCLAIMER not in phrases
    assert "Home" in phrases


def test_streams_once_from_a_generator():
    calls = []

    def gen():
        for p in make_pages(20):
            calls.append(1)
            yield p

    site = learn(gen())
    assert len(calls) == 20 and len(site) >= len(MENU)


def test_no_strings_kept_for_singletons_and_memory_is_bounded():
    rnd = random.Random(3)
    counter = SiteCounter(min_share=0.2)
    for _k in range(3000):
        lines = [" ".join(_word(rnd) for _ in range(4)) for _ in range(20)]  # never repeats
        counter.add("\n".join(["Home", "Economy", *lines]))
    assert counter.samples_kept == 2  # only the two repeated lines hold a string
    # lossy counting keeps about 1/epsilon entries per distinct line of a page
    assert len(counter) <= 2 + 20 * counter.bucket
    assert {p for p, _ in counter.frequent()} == {"Home", "Economy"}


def test_save_load_merge_and_use(tmp_path):
    site = learn(make_pages(30))
    path = tmp_path / "courier.tsv"
    site.save(path, header="learned from 30 pages")
    loaded = Lexicon.from_file(path)
    assert loaded == site
    assert {e.count for e in loaded} == {30}
    merged = Lexicon.builtin() | loaded
    page = next(make_pages(1, seed=99))
    out = chrome.remove(page, lexicon=merged)
    assert "Home" not in out.split("\n") and "Advertise with the Courier" not in out.split("\n")
    assert page.split("\n")[len(MENU)] in out  # the headline
    rules = {r.rule for r in chrome.find(page, lexicon=merged)}
    assert "site-learned" in rules


def test_headline_repeated_on_other_pages_is_kept_on_its_own_page():
    # a story promoted in a sidebar on every page is learned; on its own page it is the headline
    promo = "Mayor opens the new harbour bridge after ten years of work"
    pages = [p + "\n" + promo for p in make_pages(30)]
    site = learn(pages)
    assert promo in {e.phrase for e in site}
    own = "\n".join(
        [promo, "The mayor opened the bridge on Saturday in front of a large crowd of residents."]
    )
    assert promo in chrome.remove(own, lexicon=Lexicon.builtin() | site)


def test_thresholds_validate():
    with pytest.raises(ValueError):
        learn([], min_share=0)
    with pytest.raises(TypeError):
        learn([b"bytes"])
    assert len(learn([])) == 0
