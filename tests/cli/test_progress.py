"""The progress bar: on a terminal only, after a delay, gone when the work ends."""

from __future__ import annotations

import io

import pytest

from ppid_core.cli import _progress
from ppid_core.cli._progress import progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_nothing_is_shown_when_stderr_is_not_a_terminal() -> None:
    stream = io.StringIO()
    assert list(progress(range(5), total=5, what="Membaca", unit="berkas", stream=stream)) == [
        0,
        1,
        2,
        3,
        4,
    ]
    assert stream.getvalue() == ""


def test_a_terminal_sees_the_bar_and_then_it_is_cleared(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_progress, "DELAY", 0)
    stream = Terminal()
    items = list(progress(range(3), total=3, what="Membaca register", unit="berkas", stream=stream))
    assert items == [0, 1, 2]
    shown = stream.getvalue()
    assert "Membaca register:   0%" in shown
    assert "/3 [" in shown
    assert shown.endswith("\r")  # leave=False: the line is blanked for the result


def test_quick_work_shows_nothing_even_on_a_terminal() -> None:
    stream = Terminal()
    assert list(progress(range(3), total=3, what="Membaca", unit="berkas", stream=stream)) == [
        0,
        1,
        2,
    ]
    assert "Membaca" not in stream.getvalue()


def test_a_closed_stream_is_not_watched() -> None:
    stream = Terminal()
    stream.close()
    assert list(progress([1], total=1, what="x", unit="y", stream=stream)) == [1]
