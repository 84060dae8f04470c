"""Laws of the columnar IKM engine: ``engine="polars"`` reads what the pure reader reads.

Every file is longer than the rows where the header is looked for (31), so that polars
parses its data rows; the rows after them may hold anything the pure reader refuses or
reads its own way (quotes, CR, blank, short and long rows, bad cells, answer labels).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ppid_core.errors import DataFileError, PpidError
from ppid_core.ikm import MissingPolicy, Regime, Survey
from ppid_core.ikm._csv import read_csv_source
from tests.property.strategies import TWO, budget, ikm_csv_files

pl = pytest.importorskip("polars")

from ppid_core.ikm._columnar import read_csv_with_polars  # noqa: E402 - after the skip

pytestmark = pytest.mark.property

R = Regime.bundled()
_LABELS = ["Informasi", " Informasi", "Konsultasi\u3000", "Pengaduan", "", "\x1cX"]
_GOOD = ["1", "2", "3", "4"]
_BAD = ["", " 3", "03", "+3", "5", "0", "Sesuai", "sangat sesuai", "x", "3.0", "٣"]
_TITLES = ["", "REKAP SKM 2024\n", "REKAP SKM 2024,,\n\n"]


def _outcome(survey: Survey) -> tuple[object, ...]:
    result = survey.score()
    return (
        survey,
        result.to_json(),
        survey.profile,
        survey.responses,
        survey.notes,
        survey.header_row,
        survey.group_columns,
    )


def _read(path: Path, *, polars: bool, **options: object) -> object:
    reader = read_csv_with_polars if polars else read_csv_source
    try:
        return _outcome(reader(path, **options))  # type: ignore[arg-type]
    except DataFileError as exc:
        return exc.report()
    except PpidError as exc:
        return f"{type(exc).__name__}: {exc}"


def _both(text: bytes, **options: object) -> tuple[object, object]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "skm.csv"
        path.write_bytes(text)
        return _read(path, polars=False, **options), _read(path, polars=True, **options)


@given(
    ikm_csv_files(),
    st.integers(31, 45),
    st.sampled_from(list(MissingPolicy)),
    st.booleans(),
)
@budget(0.5)
def test_the_polars_engine_gives_the_pure_survey_or_the_same_errors(
    file: tuple[str, str], clean_rows: int, missing: MissingPolicy, by: bool
) -> None:
    """Any small file (quotes, CR, CRLF, delimiters in cells, blank lines, short and long
    rows, bad cells) after enough clean rows for polars to read it: the same survey (its
    tally, score JSON, profile, kept columns, notes) or the same located errors."""
    header, body = file
    delim = ";" if ";" in header.split("\n")[0] else ","
    width = len(header.rstrip("\r\n").split(delim))
    row = delim.join((["3", "4", "Informasi"] + ["E"] * width)[:width])
    text = header + "".join(f"{row}\n" for _ in range(clean_rows)) + body
    options = {
        "regime": TWO,
        "missing": missing,
        "by": ["Layanan"] if by and "Layanan" in header else [],
    }
    pure, fast = _both(text.encode(), **options)
    assert fast == pure


@st.composite
def wide_files(draw: st.DrawFn) -> bytes:
    """A survey under the bundled regime: titles above the header, a delimiter, line ends
    and a byte-order mark drawn; its cells mostly digits, some labels or bad cells."""
    delim = draw(st.sampled_from([",", ";", "\t"]))
    end = draw(st.sampled_from(["\n", "\r\n"]))
    names = [u.name for u in R.unsur]
    header = delim.join(["Layanan", *names, "No"])
    bad = draw(st.sampled_from([0.0, 0.0, 0.05]))
    lines = []
    for k in range(draw(st.integers(31, 60))):
        cells = [draw(st.sampled_from(_LABELS))]
        for _ in names:
            if bad and draw(st.floats(0, 1)) < bad:
                cells.append(draw(st.sampled_from(_BAD)))
            else:
                cells.append(draw(st.sampled_from(_GOOD)))
        lines.append(delim.join([*cells, str(k)]))
    if draw(st.booleans()):  # a whole unsur column given as labels, read as text
        j = draw(st.integers(1, len(names)))
        answers = R.unsur[j - 1].answers
        lines = [
            delim.join(
                c if i != j or c not in _GOOD else answers[int(c) - 1]
                for i, c in enumerate(line.split(delim))
            )
            for line in lines
        ]
    title = draw(st.sampled_from(_TITLES)).replace(",", delim)
    bom = "\ufeff" if draw(st.booleans()) else ""
    last = draw(st.sampled_from([end, ""]))
    return (bom + title + header + end + end.join(lines) + last).encode()


@given(wide_files(), st.sampled_from(list(MissingPolicy)))
@budget(0.5)
def test_the_polars_engine_counts_what_the_pure_reader_counts(
    text: bytes, missing: MissingPolicy
) -> None:
    """Surveys under the bundled regime (digits read as numbers by polars, labels and
    bad cells read as text): the same survey or the same located errors."""
    pure, fast = _both(text, missing=missing)
    assert fast == pure
