"""Run summaries: per-step counts (``--stats``) and warnings on stderr.

The ``--report FILE`` lines themselves are written by the cleaner (one JSON
object per change: ``file``, ``record``, ``field``, ``step``, ``start``,
``end``, ``before``, ``after``, ``rule``, ``entry``, ``line``; and one per
record skipped or kept by ``--on-error``: ``file``, ``record``, ``error``,
``action``).

>>> s = Stats(["normalize_whitespace", "remove_tatweel"])
>>> s.add({"remove_tatweel": [3, 5, -7]})
>>> s.records, s.changed = 10, 3
>>> print(s.format(with_changes=True))
step                  texts changed  changes  characters
normalize_whitespace                0        0          +0
remove_tatweel                      3        5          -7
total: 10 records, 3 changed
"""

from __future__ import annotations

import sys
from typing import TextIO

__all__ = ["Stats", "Warnings"]


class Stats:
    """Per-step counts summed over a run: texts changed (a record with two --field values counts two), changes, net characters."""

    def __init__(self, steps: list[str]) -> None:
        self.order = list(dict.fromkeys(steps))
        self.counts: dict[str, list[int]] = {name: [0, 0, 0] for name in self.order}
        self.records = 0
        self.changed = 0
        self.skipped = 0

    def add(self, counts: dict[str, list[int]]) -> None:
        for name, values in counts.items():
            mine = self.counts.get(name)
            if mine is None:
                mine = self.counts[name] = [0, 0, 0]
                self.order.append(name)
            for k in range(3):
                mine[k] += values[k]

    def format(self, with_changes: bool) -> str:
        """A small table (the ``changes`` column needs ``--report``)."""
        width = max([len("step"), *(len(n) for n in self.order)])
        head = f"{'step':<{width}}  texts changed"
        if with_changes:
            head += "  changes"
        head += "  characters"
        rows = [head]
        for name in self.order:
            docs, changes, delta = self.counts[name]
            row = f"{name:<{width}}  {docs:>13,}"
            if with_changes:
                row += f"  {changes:>7,}"
            row += f"  {delta:>+10,}"
            rows.append(row)
        total = f"total: {self.records:,} records, {self.changed:,} changed"
        if self.skipped:
            total += f", {self.skipped:,} with errors"
        rows.append(total)
        return "\n".join(rows)


class Warnings:
    """Warnings printed on stderr, at most ``limit`` of them (then a count)."""

    def __init__(self, limit: int = 20, stream: TextIO | None = None, quiet: bool = False) -> None:
        self.limit = limit
        self.stream = stream if stream is not None else sys.stderr
        self.quiet = quiet
        self.count = 0

    def warn(self, message: str) -> None:
        self.count += 1
        if self.quiet or self.count > self.limit:
            return
        self.stream.write(f"nazif: warning: {message}\n")
        if self.count == self.limit:
            self.stream.write("nazif: warning: further warnings are not shown (see --report)\n")

    def summary(self) -> str | None:
        if self.count > self.limit and not self.quiet:
            return f"nazif: {self.count:,} warnings in all"
        return None
