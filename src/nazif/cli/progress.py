"""A one-line progress bar on stderr: records, MB, MB/s and ETA.

Shown only when stderr is a terminal (and not with ``--quiet``); redrawn at
most a few times a second, so it costs nothing measurable.

>>> p = Progress(total=None, enabled=False)
>>> p.update(records=10, nbytes=2_000_000)
>>> p.records, p.nbytes
(10, 2000000)
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

__all__ = ["Progress", "format_duration"]


def format_duration(seconds: float) -> str:
    """``h:mm:ss`` or ``m:ss``.

    >>> format_duration(75), format_duration(3725)
    ('1:15', '1:02:05')
    """
    seconds = round(seconds)
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


class Progress:
    """Counts records and bytes; draws them on ``stream`` when ``enabled``."""

    interval = 0.2

    def __init__(
        self, total: int | None, enabled: bool, stream: TextIO | None = None, unit: str = "records"
    ) -> None:
        self.total = total
        self.enabled = enabled
        self.stream = stream if stream is not None else sys.stderr
        self.unit = unit
        self.records = 0
        self.nbytes = 0
        self.start = time.monotonic()
        self._last_draw = 0.0
        self._drawn = False

    def update(self, records: int = 0, nbytes: int = 0) -> None:
        self.records += records
        self.nbytes += nbytes
        if self.enabled:
            now = time.monotonic()
            if now - self._last_draw >= self.interval:
                self._last_draw = now
                self._draw(now)

    def line(self, now: float | None = None) -> str:
        """The text of the bar."""
        now = time.monotonic() if now is None else now
        elapsed = max(now - self.start, 1e-9)
        mb = self.nbytes / 1e6
        rate = mb / elapsed
        text = f"{self.records:,} {self.unit}  {mb:,.1f} MB  {rate:,.1f} MB/s"
        if self.total:
            share = min(self.nbytes / self.total, 1.0)
            text = f"{share:4.0%}  " + text
            if rate > 0 and share < 1.0:
                eta = (self.total - self.nbytes) / 1e6 / rate
                text += f"  ETA {format_duration(eta)}"
        else:
            text += f"  {format_duration(elapsed)}"
        return text

    def _draw(self, now: float) -> None:
        try:
            self.stream.write("\r\x1b[K" + self.line(now))
            self.stream.flush()
            self._drawn = True
        except (OSError, ValueError):
            self.enabled = False

    def close(self) -> None:
        """Leave a final summary line (only if the bar was drawn)."""
        if self.enabled and self._drawn:
            try:
                elapsed = time.monotonic() - self.start
                mb = self.nbytes / 1e6
                self.stream.write(
                    f"\r\x1b[K{self.records:,} {self.unit}, {mb:,.1f} MB in {format_duration(elapsed)}"
                    f" ({mb / max(elapsed, 1e-9):,.1f} MB/s)\n"
                )
                self.stream.flush()
            except (OSError, ValueError):
                pass
        self._drawn = False

    def clear(self) -> None:
        """Erase the bar (before an error message)."""
        if self.enabled and self._drawn:
            try:
                self.stream.write("\r\x1b[K")
                self.stream.flush()
            except (OSError, ValueError):
                pass
            self._drawn = False
