"""Regular-expression character classes built from sets of characters."""

from __future__ import annotations

from collections.abc import Iterable


def code_point_class(code_points: Iterable[int]) -> str:
    """The body of a ``re`` character class matching exactly ``code_points``,
    consecutive ones written as ranges.

    >>> code_point_class([0x61, 0x62, 0x63, 0x66])
    '\\\\U00000061-\\\\U00000063\\\\U00000066'
    """
    cps = sorted(set(code_points))
    parts = []
    i = 0
    while i < len(cps):
        j = i
        while j + 1 < len(cps) and cps[j + 1] == cps[j] + 1:
            j += 1
        lo, hi = cps[i], cps[j]
        parts.append(f"\\U{lo:08x}" if lo == hi else f"\\U{lo:08x}-\\U{hi:08x}")
        i = j + 1
    return "".join(parts)
