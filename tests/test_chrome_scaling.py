"""Chrome removal runs in linear time on the inputs that once made it
quadratic or worse (issue 10, items 2 and 3, and the page-mode cascade of the
model): the time at 4n over the time at n stays under :data:`BOUND`.

Ratios, not absolute times: the machine's speed cancels out.  Each size is
timed best of three, at sizes where one run takes tens of milliseconds.
"""

from __future__ import annotations

import pytest

import nazif.chrome as chrome
from timing import best_time

#: scale and engine tests: run by .ci/run as their own step (`-m slow`)
pytestmark = pytest.mark.slow

#: t(4n) / t(n) for a linear algorithm is about 4 (measured 2.2 to 5.3 at the
#: smallest sizes here, 6.1 once under coverage on a loaded machine); quadratic
#: would be 16
BOUND = 8.0

AR_SENTENCE = "قال الوزير إن المحادثات ستستأنف الأسبوع المقبل في العاصمة بعد توقف طويل."


def other_script_run_ending_in_chrome(n: int) -> str:
    # a run of short Latin lines in Arabic text, closed by a chrome line: the
    # weak-line propagation once walked the run back once per line per pass
    return "\n".join([AR_SENTENCE] * 20 + [f"Item{i} x" for i in range(n)] + ["مقالات ذات صلة"])


def repeats_before_any_paragraph(n: int) -> str:
    # many distinct short lines, each seen twice, and no paragraph at all
    return "\n".join(f"menu item {i % (n // 2)} here" for i in range(n))


def similar_list_lines(n: int) -> str:
    # a page that is one long list: the model once removed its last lines one
    # pass at a time (each removal made the next line the page's last)
    return "\n".join(
        f"I'm home {i}.\tلقد عدت إلى البيت\tCC-BY 2.0 (France) Attribution: example.org #{i}"
        for i in range(n)
    )


CASES = [
    (other_script_run_ending_in_chrome, 1500, "article"),
    (other_script_run_ending_in_chrome, 1500, "page"),
    (repeats_before_any_paragraph, 4000, "article"),
    (repeats_before_any_paragraph, 2000, "page"),
    (similar_list_lines, 300, "page"),
]


@pytest.mark.parametrize(("make", "n", "mode"), CASES, ids=lambda v: getattr(v, "__name__", str(v)))
def test_time_grows_linearly(make, n, mode):
    small, large = make(n), make(4 * n)
    chrome.remove(small, mode=mode)  # warm the caches (lexicon, model)
    ratio = best_time(lambda: chrome.remove(large, mode=mode)) / best_time(
        lambda: chrome.remove(small, mode=mode)
    )
    assert ratio <= BOUND, f"t(4n)/t(n) = {ratio:.1f}"
