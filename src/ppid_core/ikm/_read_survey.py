"""One way in: [`read_survey()`][read_survey] reads respondents from whatever holds them."""

from __future__ import annotations

import codecs
import os
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias, cast

from ppid_core._i18n import _
from ppid_core._source import FileInput, read_source
from ppid_core._source import source_name as display_name
from ppid_core.errors import UnknownNameError
from ppid_core.ikm._csv import read_csv_source
from ppid_core.ikm._read import MissingPolicy
from ppid_core.ikm._regime import Regime
from ppid_core.ikm._rows import survey_from_mappings, survey_from_sequences
from ppid_core.ikm._survey import Survey
from ppid_core.ikm._xlsx import read_xlsx_source

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["FORMATS", "SurveyInput", "read_survey"]

SurveyInput: TypeAlias = (
    "FileInput | pd.DataFrame | Iterable[Mapping[str, object]] | Iterable[Sequence[object]]"
)
"""What [`read_survey()`][read_survey] reads: a CSV or XLSX file (path, bytes, binary file object),
a
pandas DataFrame, or rows (mappings, or sequences under a header)."""

#: The file formats [`read_survey()`][read_survey] reads, and the suffixes that name them.
FORMATS: Mapping[str, tuple[str, ...]] = {
    "csv": (".csv", ".tsv", ".txt"),
    "xlsx": (".xlsx", ".xlsm"),
}
_ZIP = b"PK\x03\x04"  # an .xlsx workbook is a zip archive
_ENGINES = ("python", "pandas", "polars")


def _format_of(path: Path | None, data: bytes, format: str | None) -> str:
    """The format asked for, else the one the path's suffix names, else the one ``data``
    (the file's first bytes) shows."""
    if format is not None:
        if format.lower() not in FORMATS:
            msg = _("unknown format {format!r}; use one of {names}").format(
                format=format, names=", ".join(FORMATS)
            )
            raise UnknownNameError(msg)
        return format.lower()
    if path is not None:
        for name, suffixes in FORMATS.items():
            if path.suffix.lower() in suffixes:
                return name
    return "xlsx" if data.startswith(_ZIP) else "csv"


def _head(path: Path, format: str | None) -> bytes:
    """The first bytes of a file whose suffix names no format (``b""`` otherwise)."""
    if format is not None or any(path.suffix.lower() in s for s in FORMATS.values()):
        return b""
    with path.open("rb") as fh:
        return fh.read(len(_ZIP))


def _codec(encoding: str) -> str:
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        msg = _("unknown encoding {encoding!r}; CSV files are read as UTF-8 by default").format(
            encoding=encoding
        )
        raise UnknownNameError(msg) from None


def _is_frame(source: object) -> bool:
    pandas = sys.modules.get("pandas")  # a DataFrame exists only once pandas is imported
    return pandas is not None and isinstance(source, pandas.DataFrame)


def read_survey(
    source: SurveyInput,
    *,
    format: str | None = None,
    regime: Regime | None = None,
    columns: Mapping[str, str] | None = None,
    missing: MissingPolicy | str = MissingPolicy.REFUSE,
    by: str | Sequence[str] = (),
    layout: str | None = None,
    sheet: str | None = None,
    include_hidden: bool = False,
    source_name: str | None = None,
    row_offset: int = 0,
    header: Sequence[str] | None = None,
    delimiter: str | None = None,
    encoding: str = "utf-8-sig",
    engine: str = "python",
) -> Survey:
    """Read a satisfaction survey: one row per questionnaire (one column per unsur), or one
    row per answer (a long layout).

    ``source`` may be:

    - a **CSV or XLSX file**: a path, its bytes, or a binary file object (an upload held in
      memory). The format is ``format`` when given, else the path's suffix (``.csv``,
      ``.tsv``, ``.txt``; ``.xlsx``, ``.xlsm``), else the content (a workbook starts with
      the zip signature ``PK\\x03\\x04``). XLSX needs the ``excel`` extra;
    - a **pandas DataFrame** (``pandas`` extra): column labels are the header;
    - **rows**: mappings of header -> value (a web form, a database), or sequences of
      cells whose first row is the header (unless ``header`` is given).

    The header of a file (or of rows given without ``header``) is found among its first
    rows, below titles and blank rows, over one row or two (a merged group cell over its
    sub-columns); `Survey.header_row` says which. Unsur columns are found by name or alias,
    by question code (``U1``..``U9``, ``Q1``, ``P1``, ``Unsur 1``, ``Pertanyaan 1``,
    ``Soal 1``: read by the regime's question numbers, so ``U8`` is *Sarana dan
    Prasarana* under the standard questionnaire), or by a question's text (a Google Forms
    export); `Survey.notes` names each such reading, and ``columns`` says otherwise.
    Answers are scores, the unsur's answer labels, or labels with a score or an option
    letter (``"Sesuai (3)"``, ``"a. Tidak sesuai"``); a decoration that contradicts its
    label is an error. A file with one row per answer (``id_responden, no_pertanyaan,
    nilai``) is read as a long layout. Every cell is validated, and every problem of the
    input is raised together, located as a spreadsheet shows it (``skm.csv: row 3,
    column "Waktu": ...``). The survey keeps what a breakdown needs, so the groups are
    chosen later: ``survey.score(by="Layanan")``, and the date column (``Timestamp``,
    ``Tanggal``) for every respondent: `Survey.dates`.

    Args:
        source: The respondents (see above).
        format: ``"csv"`` or ``"xlsx"`` for a file whose suffix does not say it.
        regime: The regime (default [`Regime.bundled()`][Regime.bundled], Permenpan RB 14/2017).
        columns: Explicit header -> unsur (key, name or alias), e.g. ``{"U8": "pengaduan"}``
            for an app that numbers pengaduan 8th. A column may also be mapped to a
            profile field (``"jenis_kelamin"``, ...), to ``"date"``, or to a column of a
            long layout (``"respondent"``, ``"question"``, ``"score"``); in a long
            layout, a key that is no header maps a question cell (``{"8": "pengaduan"}``).
            A key that names nothing is refused.
        missing: What a blank answer means ([`MissingPolicy`][MissingPolicy] or its value).
        by: Columns to keep for a breakdown even if they have more than 1,000 distinct
            values; checked now (a column the header lacks, or with personal data, is
            refused). Any other column is kept anyway when it has fewer values.
        layout: ``"wide"`` (one row per questionnaire), ``"long"`` (one row per answer:
            respondent, question, score), or ``None`` (the default) to tell from the
            header: long when it has the three columns of a long layout and no unsur.
        sheet: The XLSX sheet (default the first visible one).
        include_hidden: Count hidden XLSX rows as respondents (by default a hidden row
            with data is an error).
        source_name: The name errors and `Survey.source` use (default: the path,
            the file object's ``name``, ``"<bytes>"``, ``"<DataFrame>"`` or ``"<rows>"``).
            With ``row_offset``, a partition of a larger file names the file here.
        row_offset: Data rows of the source before this input (default 0): every data
            row is numbered that much further, in errors and in `Survey.dates`, while
            the header keeps its row. A partition that starts at the file's 1,201st data
            row (after its own copy of the header, or as a DataFrame) is read with
            ``row_offset=1200``, and a bad cell in it is reported at the row the whole
            file gives it. An unreadable line (not CSV) among a partition's first 31
            rows, where the header is looked for, keeps its own row number.
        header: The header of rows given as sequences without one.
        delimiter: The CSV delimiter (default: ``,``, ``;`` or tab from the header line).
        encoding: The CSV encoding (default UTF-8, with or without a byte-order mark).
        engine: ``"python"`` (the default) or ``"pandas"``: parse a CSV with
            ``pandas.read_csv`` (extra ``pandas``; UTF-8 files), for the same survey; or
            ``"polars"`` (extra ``polars``): parse and count a big CSV with polars, for
            the same survey and the same errors (what polars cannot decide is read by
            the default engine).

    Returns:
        The survey: its tally, profile and what a later breakdown needs.

    Raises:
        DataFileError: Every bad header and cell, located, together; or a file that is
            not what its format says (a workbook named ``.csv``, UTF-16, binary data).
        InvalidArgumentError: ``row_offset`` is not a whole number >= 0.
        UnknownNameError: A ``by`` column is not in the header or holds personal data, an
            XLSX sheet does not exist, a ``columns`` key names no column, or ``missing``,
            ``layout``, ``format``, ``engine`` or ``encoding`` names nothing known.
        MissingExtraError: XLSX without openpyxl, a DataFrame or ``engine="pandas"``
            without pandas, or ``engine="polars"`` without polars.
        TypeError: ``source`` is none of the forms above.
        OSError: A path cannot be read.

    Examples:
        >>> from ppid_core.examples.ikm import seed_survey_text
        >>> data = seed_survey_text().encode()  # e.g. an uploaded file
        >>> survey = read_survey(data, source_name="skm-2024.csv")
        >>> print(survey.score())
        IKM 90.67 (A, Sangat Baik); 150 responden
        >>> survey.group_columns
        ('No', 'Layanan', 'Jenis Kelamin', 'Pendidikan', 'Pekerjaan', 'Usia')
    """
    if engine not in _ENGINES:
        msg = _("unknown engine {engine!r}; use one of {names}").format(
            engine=engine, names=", ".join(_ENGINES)
        )
        raise UnknownNameError(msg)
    by = [by] if isinstance(by, str) else list(by)
    options: dict[str, Any] = {
        "regime": regime,
        "columns": columns,
        "missing": missing,
        "by": by,
        "layout": layout,
        "row_offset": row_offset,
    }
    if _is_frame(source):
        from ppid_core.ikm._frames import survey_from_frame  # noqa: PLC0415 - pandas extra

        return survey_from_frame(source, source=source_name or "<DataFrame>", **options)
    if isinstance(source, str | os.PathLike | bytes | bytearray | memoryview) or callable(
        getattr(source, "read", None)
    ):
        return _read_file(
            source,  # type: ignore[arg-type]  # a FileInput, checked above
            format=format,
            name=source_name,
            sheet=sheet,
            include_hidden=include_hidden,
            delimiter=delimiter,
            encoding=encoding,
            engine=engine,
            options=options,
        )
    if not isinstance(source, Iterable):
        msg = _(
            "expected a path, bytes, a binary file object, a DataFrame or rows, got {kind}"
        ).format(kind=type(source).__name__)
        raise TypeError(msg)
    rows: Iterator[Any] = iter(cast("Iterable[Any]", source))
    first = next(rows, None)
    name = source_name or "<rows>"
    if isinstance(first, Mapping):
        return survey_from_mappings(chain([first], rows), source=name, **options)
    head = [] if first is None else [first]
    return survey_from_sequences(chain(head, rows), header=header, source=name, **options)


def _read_file(
    file: FileInput,
    *,
    format: str | None,
    name: str | None,
    sheet: str | None,
    include_hidden: bool,
    delimiter: str | None,
    encoding: str,
    engine: str,
    options: dict[str, Any],
) -> Survey:
    shown = display_name(file, name)
    content: Path | bytes
    if isinstance(file, str | os.PathLike):
        content = Path(file)
        kind = _format_of(content, _head(content, format), format)
        if kind == "xlsx" and content.suffix.lower() not in FORMATS["xlsx"]:
            content = content.read_bytes()  # openpyxl opens a path only by its suffix
    else:  # read once: sniffed, then parsed
        content = read_source(file, source=shown, max_bytes=None)[0]
        kind = _format_of(None, content, format)
    if kind == "xlsx":
        return read_xlsx_source(
            content, source=shown, sheet=sheet, include_hidden=include_hidden, **options
        )
    if engine == "polars":
        from ppid_core.ikm._columnar import read_csv_with_polars  # noqa: PLC0415 - extra

        return read_csv_with_polars(
            content, source=shown, delimiter=delimiter, encoding=encoding, **options
        )
    if engine == "pandas":
        from ppid_core.ikm._frames import read_csv_with_pandas  # noqa: PLC0415 - pandas extra

        if _codec(encoding) not in {"utf-8", "utf-8-sig"}:
            msg = _(
                "engine 'pandas' reads UTF-8 files; read {encoding} with engine='python'"
            ).format(encoding=encoding)
            raise UnknownNameError(msg)
        return read_csv_with_pandas(content, source=shown, delimiter=delimiter, **options)
    return read_csv_source(content, source=shown, delimiter=delimiter, encoding=encoding, **options)
