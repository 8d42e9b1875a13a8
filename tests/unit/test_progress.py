"""The build's progress bar: rate and time left, throttled in a log."""

from __future__ import annotations

import io

from kg.progress import ProgressBar, eta


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_log_shows_start_first_last_and_at_most_one_line_per_interval():
    out, clock = io.StringIO(), Clock()
    bar = ProgressBar(out, clock=clock, interval=5.0)
    bar(0, 10, "loading the German pipeline")
    clock.now += 3  # loading does not count towards the rate
    bar(0, 10, "")
    for done in range(1, 11):
        clock.now += 1
        bar(done, 10, f"a{done}")
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("[0/10]") and lines[0].endswith("loading the German pipeline")
    assert [line.split()[0] for line in lines[1:]] == ["[0/10]", "[1/10]", "[6/10]", "[10/10]"]
    assert "1.0 articles/s, ETA 9s  a1" in lines[2]
    assert lines[-1].endswith("1.0 articles/s, took 10s  a10")
    assert "#" * 24 in lines[-1] and "." * 24 in lines[0]


def test_eta_is_short():
    assert [eta(s) for s in (0.2, 59.6, 61, 3599, 7260)] == ["0s", "1m00s", "1m01s", "59m59s", "2h01m"]
