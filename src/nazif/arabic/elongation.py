"""Shorten letters repeated for emphasis (``جمييييل``, ``هههههه``)."""

from __future__ import annotations

import re

from ..protected import map_unprotected
from ..steps import step
from .tables import ELONGATION_LETTERS, NO_TRIPLE_LETTERS, char_class

__all__ = ["reduce_elongation"]

_RUN = re.compile(f"([{char_class(ELONGATION_LETTERS)}])\\1\\1+")


@step(lossless=False)
def reduce_elongation(text: str, *, max_repeat: int = 2) -> str:
    """Shorten a letter repeated for emphasis to ``max_repeat`` copies (lossy).

    Rule (Arabic-script letters only):

    - a run of 4 or more of the same letter is elongation: ``جمييييل`` →
      ``جمييل``, ``هههههه`` → ``هه``, ``همممم`` → ``همم``;
    - a run of exactly 3 is elongation only for letters that can never stand
      three times in a row in a real word: the alefs ``ا أ إ آ ٱ``, ``ى``,
      ``ة``, ``ء``, ``ؤ``, ``ئ`` (``جدااا`` → ``جداا``, or ``جدا`` with
      ``max_repeat=1``);
    - any other run of 3 is kept: a prefix before a doubled letter or a
      suffix after one makes real triples (``وووري`` = و + ووري,
      ``وشتتت``, ``تتتابع``).

    Runs of ``max_repeat`` letters or fewer are never touched.

    Left alone on purpose: Latin letters (``www``, ``III``, ``AAA`` are real),
    digits (``1000``, ``٣٣٣``), tatweel (see :func:`remove_tatweel`),
    punctuation (``!!!``), URLs and e-mail addresses.

    >>> reduce_elongation("جمييييييل جدااا هههههه وووري")
    'جمييل جداا هه وووري'
    >>> reduce_elongation("جمييييييل", max_repeat=1)
    'جميل'
    """
    if max_repeat < 1:
        raise ValueError(f"max_repeat must be at least 1, not {max_repeat!r}")
    if text.isascii() or not _RUN.search(text):
        return text

    def shorten(m: re.Match[str]) -> str:
        run = m.group()
        n = len(run)
        if n > max_repeat and (n >= 4 or run[0] in NO_TRIPLE_LETTERS):
            return run[0] * max_repeat
        return run

    return map_unprotected(text, lambda piece: _RUN.sub(shorten, piece))
