"""Spans that changed between two texts, for explaining steps without a tracer.

The diff works line by line first (so that a step that touches three lines of
a long document reports three small spans, not one huge one) and character by
character inside changed lines: characters mapped in place are compared
position by position; otherwise a shortest edit script (Myers' O(ND)
algorithm) is found when at most :data:`_MAX_EDITS` characters are inserted
or deleted, and past that the changed middle of the line is one change.  It is used only by ``explain``, never on the
cleaning hot path.

>>> from nazif.diff import diff_changes
>>> [(c.start, c.end, c.before, c.after) for c in diff_changes("a  b\\nc", "a b\\nc")]
[(2, 3, ' ', '')]
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from .steps import Change

__all__ = ["apply_changes", "diff_changes", "substitution_changes"]

# Past this many characters in a changed block, report the block whole rather
# than running a character-level diff on it (which costs up to the block's
# length times _MAX_EDITS comparisons).
_CHAR_DIFF_LIMIT = 200_000


def _line_offsets(lines: list[str]) -> list[int]:
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    return offsets


def _char_changes(a: str, b: str, base: int, line: int | None) -> list[Change]:
    if a == b:
        return []
    # The common ends never change: trim them first (in chunks, then character
    # by character), so the diff works on the changed middle only.
    limit = min(len(a), len(b))
    head = 0
    while head + _CHUNK <= limit and a[head : head + _CHUNK] == b[head : head + _CHUNK]:
        head += _CHUNK
    while head < limit and a[head] == b[head]:
        head += 1
    tail = 0
    la, lb = len(a), len(b)
    while (
        tail + _CHUNK <= limit - head
        and a[la - tail - _CHUNK : la - tail] == b[lb - tail - _CHUNK : lb - tail]
    ):
        tail += _CHUNK
    while tail < limit - head and a[la - 1 - tail] == b[lb - 1 - tail]:
        tail += 1
    if head or tail:
        a, b, base = a[head : len(a) - tail], b[head : len(b) - tail], base + head
        if not a or not b:
            return [Change(base, base + len(a), a, b, line=line)]
    if len(a) == len(b):
        # Characters mapped in place: the runs of differing positions.  Equal
        # chunks are skipped whole; inside the others positions are compared
        # by a comprehension (linear, no per-character Python branch).
        n = len(a)
        diff: list[int] = []
        for lo in range(0, n, _CHUNK):
            hi = lo + _CHUNK
            chunk_a, chunk_b = a[lo:hi], b[lo:hi]
            if chunk_a != chunk_b:
                diff.extend(lo + k for k, (p, q) in enumerate(zip(chunk_a, chunk_b)) if p != q)
        out_same: list[Change] = []
        k = 0
        while k < len(diff):
            start = end = diff[k]
            k += 1
            while k < len(diff) and diff[k] == end + 1:
                end = diff[k]
                k += 1
            out_same.append(
                Change(base + start, base + end + 1, a[start : end + 1], b[start : end + 1], line=line)
            )
        return out_same
    if len(a) + len(b) > _CHAR_DIFF_LIMIT:
        return [Change(base, base + len(a), a, b, line=line)]
    blocks = _matching_blocks(a, b, _MAX_EDITS)
    if blocks is None:
        # too many scattered edits to be worth listing: the changed middle whole
        return [Change(base, base + len(a), a, b, line=line)]
    out: list[Change] = []
    i = j = 0
    for x, y, size in [*blocks, (len(a), len(b), 0)]:
        if i < x or j < y:
            out.append(Change(base + i, base + x, a[i:x], b[j:y], line=line))
        i, j = x + size, y + size
    return out


#: equal runs of same-length lines are skipped this many characters at a time
_CHUNK = 32

#: Past this many single-character insertions and deletions inside one
#: changed line, the line's changed middle is reported whole (the diff costs
#: at most (len(a) + len(b)) x this many comparisons).
_MAX_EDITS = 64


def _snake(a: str, b: str, x: int, y: int) -> int:
    """How far ``a[x:]`` and ``b[y:]`` agree (compared in chunks first)."""
    n, m = len(a), len(b)
    start = x
    step = 32
    while x + step <= n and y + step <= m and a[x : x + step] == b[y : y + step]:
        x += step
        y += step
    while x < n and y < m and a[x] == b[y]:
        x += 1
        y += 1
    return x - start


def _matching_blocks(a: str, b: str, max_d: int) -> list[tuple[int, int, int]] | None:
    """The runs ``(i, j, size)`` where ``a`` and ``b`` agree on a shortest edit
    script (Myers' O(ND) greedy algorithm), or ``None`` when more than
    ``max_d`` insertions and deletions are needed.

    >>> _matching_blocks("a  b", "a b", 8)
    [(0, 0, 2), (3, 2, 1)]
    """
    n, m = len(a), len(b)
    off = max_d + 1
    v = [0] * (2 * off + 1)
    trace: list[list[int]] = []
    for d in range(max_d + 1):
        trace.append(v[:])
        for k in range(-d, d + 1, 2):
            if k == -d or (k != d and v[off + k - 1] < v[off + k + 1]):
                x = v[off + k + 1]  # down: an insertion
            else:
                x = v[off + k - 1] + 1  # right: a deletion
            y = x - k
            if x < n and y < m:
                x += _snake(a, b, x, y)
            v[off + k] = x
            if x >= n and x - k >= m:
                return _backtrack(trace, n, m, off)
    return None


def _backtrack(trace: list[list[int]], n: int, m: int, off: int) -> list[tuple[int, int, int]]:
    """The matching runs of the path that :func:`_matching_blocks` found, in order."""
    blocks: list[tuple[int, int, int]] = []
    x, y = n, m
    for d in range(len(trace) - 1, -1, -1):
        if d == 0:
            size, prev_x, prev_y = x, 0, 0  # the first snake starts at (0, 0)
        else:
            v = trace[d]
            k = x - y
            down = k == -d or (k != d and v[off + k - 1] < v[off + k + 1])
            prev_k = k + 1 if down else k - 1
            prev_x = v[off + prev_k]
            prev_y = prev_x - prev_k
            # after the edit (an insertion goes down, a deletion right) comes the snake
            size = x - (prev_x if down else prev_x + 1)
        if size > 0:
            blocks.append((x - size, y - size, size))
        x, y = prev_x, prev_y
    blocks.reverse()
    return blocks


def diff_changes(before: str, after: str) -> list[Change]:
    """The edits that turn ``before`` into ``after``, in ``before``'s offsets.

    Applying them with :func:`apply_changes` gives ``after`` back.
    """
    if before == after:
        return []
    a_lines = before.split("\n")
    b_lines = after.split("\n")
    a_off = _line_offsets(a_lines)
    b_off = _line_offsets(b_lines)
    changes: list[Change] = []
    if len(a_lines) == len(b_lines):
        # No line added or removed: pair the lines one to one (linear; the
        # line matcher below is quadratic at worst on long documents).
        for k, (a_line, b_line) in enumerate(zip(a_lines, b_lines)):
            if a_line != b_line:
                changes.extend(_char_changes(a_line, b_line, a_off[k], k))
        return changes
    # Lines are aligned by their stripped text, so that a line whose only
    # change is at its ends (a CR, trailing spaces) pairs with its new self
    # and is reported as a small in-line change.
    a_keys = [line.strip() for line in a_lines]
    b_keys = [line.strip() for line in b_lines]
    matcher = SequenceMatcher(None, a_keys, b_keys, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for k in range(i2 - i1):
                if a_lines[i1 + k] != b_lines[j1 + k]:
                    changes.extend(_char_changes(a_lines[i1 + k], b_lines[j1 + k], a_off[i1 + k], i1 + k))
            continue
        if tag == "replace" and (i2 - i1) == (j2 - j1):
            for k in range(i2 - i1):
                changes.extend(_char_changes(a_lines[i1 + k], b_lines[j1 + k], a_off[i1 + k], i1 + k))
            continue
        # Whole lines inserted, deleted or regrouped: report the block with
        # the separators that end its lines, so the edit applies exactly.
        a_start, a_end = a_off[i1], a_off[i2]
        b_start, b_end = b_off[j1], b_off[j2]
        a_block = (before + "\n")[a_start:a_end]
        b_block = (after + "\n")[b_start:b_end]
        if i2 == len(a_lines):
            # The last block runs into the virtual separator after the text.
            if a_block and b_block:
                a_block, b_block = a_block[:-1], b_block[:-1]
            elif b_block:  # lines appended at the end
                a_start, b_block = len(before), "\n" + b_block[:-1]
            else:  # lines deleted at the end: take the separator before them
                a_start -= 1
                a_block = before[a_start:]
            a_end = len(before)
        changes.append(Change(a_start, a_end, a_block, b_block, line=i1))
    return changes


def apply_changes(text: str, changes: list[Change]) -> str:
    """Apply non-overlapping ``changes`` (in ``text``'s offsets) to ``text``.

    >>> from nazif.steps import Change
    >>> apply_changes("abc", [Change(1, 2, "b", "XY")])
    'aXYc'
    """
    parts: list[str] = []
    pos = 0
    for change in sorted(changes, key=lambda c: (c.start, c.end)):
        parts.append(text[pos : change.start])
        parts.append(change.after)
        pos = change.end
    parts.append(text[pos:])
    return "".join(parts)


def substitution_changes(before: str, after: str, candidates: re.Pattern[str]) -> list[Change]:
    """:func:`diff_changes` for a step that maps characters in place, found
    from where the step can act instead of by comparing every position.

    ``candidates`` matches the runs of characters the step may change (for a
    letter fold: ``[ةى]+``).  The changes are the runs of positions inside
    those matches where ``before`` and ``after`` differ, with their line;
    when that does not account for ``after`` (the lengths differ, or
    something changed elsewhere), :func:`diff_changes` is used, so the
    result is the same as its in every case.

    >>> changes = substitution_changes("مدرسة\\nجديدة", "مدرسه\\nجديده", re.compile("ة+"))
    >>> [(c.start, c.before, c.after, c.line) for c in changes]
    [(4, 'ة', 'ه', 0), (10, 'ة', 'ه', 1)]
    """
    if before == after:
        return []
    if len(before) != len(after):
        return diff_changes(before, after)
    changes: list[Change] = []
    pieces: list[str] = []
    pos = line = counted = 0
    for m in candidates.finditer(before):
        k, end = m.span()
        while k < end:
            if before[k] == after[k]:
                k += 1
                continue
            j = k + 1
            while j < end and before[j] != after[j]:
                j += 1
            line += before.count("\n", counted, k)
            counted = k
            changes.append(Change(k, j, before[k:j], after[k:j], line=line))
            pieces.append(before[pos:k])
            pieces.append(after[k:j])
            pos = k = j
    pieces.append(before[pos:])
    if "".join(pieces) != after:
        return diff_changes(before, after)
    return changes
