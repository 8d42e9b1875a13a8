"""A progress bar on stderr for long builds: articles done, articles per
second and the time left, from the first second of the run.

On a terminal the line is redrawn in place (at most ten times a second); in a
log (not a terminal) a new line is written at most once every few seconds, so
that a log of a corpus build stays short. The first and the last step are
always shown. No dependency: typer's rich is optional, and this is 40 lines.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

WIDTH = 24  # characters of the bar itself


def eta(seconds: float) -> str:
    """``'1m05s'``, ``'42s'``: short enough for a progress line.

    >>> eta(65.2), eta(42), eta(3725)
    ('1m05s', '42s', '1h02m')
    """
    s = int(seconds + 0.5)
    if s >= 3600:
        return f"{s // 3600}h{s % 3600 // 60:02d}m"
    return f"{s // 60}m{s % 60:02d}s" if s >= 60 else f"{s}s"


class ProgressBar:
    """Call with ``(done, total, what)`` after each step. A call with
    ``done == 0`` is always shown and (re)starts the clock, so that the rate
    counts from the first article, not from the loading of the pipeline."""

    def __init__(self, stream: TextIO, *, clock: Callable[[], float] = time.monotonic,
                 interval: float | None = None) -> None:
        self.stream = stream
        self.clock = clock
        self.tty = stream.isatty()
        self.interval = interval if interval is not None else (0.1 if self.tty else 5.0)
        self.start = clock()
        self.last = float("-inf")
        self.open = False  # a redrawn line is on screen and needs its newline

    def __call__(self, done: int, total: int, what: str) -> None:
        now = self.clock()
        if done == 0:
            self.start = now
        if done not in (0, 1, total) and now - self.last < self.interval:
            return
        self.last = now
        rate = done / max(now - self.start, 1e-9)
        filled = WIDTH * done // max(total, 1)
        bar = "#" * filled + "." * (WIDTH - filled)
        if done == 0:
            left = "ETA ?"
        else:
            left = f"ETA {eta((total - done) / rate)}" if done < total else f"took {eta(now - self.start)}"
        self._write(f"[{done}/{total}] {bar} {rate:.1f} articles/s, {left}  {what}", final=done == total)

    def _write(self, line: str, *, final: bool) -> None:
        if self.tty:
            self.stream.write(f"\r\x1b[K{line}" + ("\n" if final else ""))
            self.open = not final
        else:
            self.stream.write(line + "\n")
        self.stream.flush()
