"""The inputs of the oversight: register files and folders, the expected units, the zones.

- [`register_files()`][register_files]: the files to read. A folder stands for the
  register files directly in it (``.csv``, ``.xlsx``, ``.xlsm``; one per unit, in name
  order); its other files, hidden files and Excel lock files (``~$...``) included, are
  named in a note, never passed over silently. A file named twice is read once, with a
  note. A folder without a
  register file is an error.
- [`load_expected_units()`][load_expected_units]: a YAML list of the units that must
  report (``--units FILE``), e.g. the 22 KPU kabupaten/kota of NTT, so that a silent
  unit shows.
- [`load_zone_map()`][load_zone_map]: a YAML mapping from register file name to its
  unit's zone (``--zone-map FILE``), for a province whose units are in several zones.

Both YAML files are read by the shared strict loader: every problem is reported at once
with its ``file:line:column ($.path)``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from ppid_core._headers import fold
from ppid_core._i18n import N_, _
from ppid_core._source import FileInput
from ppid_core._yaml import Document
from ppid_core.errors import DataFileError, LocatedError, UnknownZoneError

__all__ = [
    "REGISTER_SUFFIXES",
    "load_expected_units",
    "load_zone_map",
    "register_files",
    "several_files_error",
]

REGISTER_SUFFIXES = (".csv", ".xlsx", ".xlsm")
"""The suffixes of the files a folder's registers are read from."""


def register_files(
    paths: Iterable[str | os.PathLike[str]],
) -> tuple[list[Path], list[str], list[LocatedError]]:
    """The register files that ``paths`` name: files as given, folders expanded.

    Returns:
        The files (each once: a file given twice, directly or through a folder, is read
        once, with a note), notes on what a folder held besides registers (hidden files
        and Excel lock files ``~$...`` included), and an error for each folder without a
        register file (its location is the folder).
    """
    files: list[Path] = []
    notes: list[str] = []
    errors: list[LocatedError] = []
    for given in paths:
        path = Path(given)
        if not path.is_dir():
            files.append(path)
            continue
        everything = sorted(path.iterdir())
        skipped = [p.name for p in everything if _skipped(p.name)]
        inside = [p for p in everything if not _skipped(p.name)]
        found = [p for p in inside if p.is_file() and p.suffix.lower() in REGISTER_SUFFIXES]
        other = [p.name for p in inside if p not in found]
        if skipped:
            notes.append(
                N_("{folder}: not read (hidden files, or Excel lock files ~$...): {files}").format(
                    folder=path.name, files=", ".join(skipped)
                )
            )
        if not found:
            errors.append(
                LocatedError(
                    _(
                        "no register file in this folder; expected .csv, .xlsx or .xlsm files, "
                        "one per unit"
                    ),
                    source=str(given),
                )
            )
            continue
        files += found
        if other:
            notes.append(
                N_("{folder}: not read (not a .csv, .xlsx or .xlsm register): {files}").format(
                    folder=path.name, files=", ".join(other)
                )
            )
    unique: dict[Path, Path] = {}
    repeated: dict[Path, int] = {}
    for file in files:
        key = _resolved(file)
        if key in unique:
            repeated[key] = repeated.get(key, 1) + 1
        else:
            unique[key] = file
    notes += [
        N_("{file}: given {n} times (directly or through a folder); read once").format(
            file=unique[key], n=n
        )
        for key, n in repeated.items()
    ]
    return list(unique.values()), notes, errors


def _skipped(name: str) -> bool:
    """A hidden file (``.name``) or an Excel lock file (``~$name.xlsx``): never a register."""
    return name.startswith((".", "~$"))


def _resolved(path: Path) -> Path:
    """The file a path names (links and ``..`` followed), so that one file is read once."""
    try:
        return path.resolve()
    except OSError:  # pragma: no cover - a path the system cannot resolve: as given
        return path


def load_expected_units(file: FileInput, *, source: str | None = None) -> tuple[str, ...]:
    """The units expected to report: a YAML list of names, each once.

    Names are compared as register headers are (case, punctuation and repeated blanks
    ignored: `ppid_core._headers.fold`), so ``KPU Kab. Kupang`` and ``kpu kab kupang``
    are one unit and may not both be listed.

    Raises:
        DataFileError: Every problem of the file, located: not a list, an empty or
            multi-line name, a name listed twice.

    Examples:
        >>> load_expected_units(b"- KPU Kabupaten Kupang\\n- KPU Kota Kupang\\n")
        ('KPU Kabupaten Kupang', 'KPU Kota Kupang')
        >>> load_expected_units(b"- KPU Kota Kupang\\n- kpu kota  kupang\\n", source="u.yaml")
        Traceback (most recent call last):
        ...
        ppid_core.errors.DataFileError: u.yaml: 1 error
    """
    doc = Document.read(file, source=source)
    names: list[str] = []
    first: dict[str, tuple[int, str]] = {}
    for i, node, path in doc.items(doc.root, "$"):
        name = doc.string(node, path, one_line=True)
        if name is None:
            continue
        key = fold(name)
        if key in first:
            at, as_ = first[key]
            doc.error(
                node,
                path,
                f"unit {name!r} is listed twice (first at $[{at}]: {as_!r}); list it once",
            )
            continue
        first[key] = (i, name)
        names.append(name)
    if not doc.errors and not names:
        doc.error(doc.root, "$", "the list is empty; expected the names of the units")
    doc.raise_errors()
    return tuple(names)


def load_zone_map(file: FileInput, *, source: str | None = None) -> dict[str, str]:
    """Register file name → zone (IANA name, WIB/WITA/WIT or a province), as a mapping.

    Raises:
        DataFileError: Every problem of the file, located: not a mapping, a duplicate
            key, a name that is not one line, an unknown zone.

    Examples:
        >>> load_zone_map(b"kpu_kab_merauke.csv: WIT\\nkpu_kota_kupang.csv: NTT\\n")
        {'kpu_kab_merauke.csv': 'Asia/Jayapura', 'kpu_kota_kupang.csv': 'Asia/Makassar'}
    """
    from ppid_core.calendar import resolve_zone  # noqa: PLC0415 - only with a zone map

    doc = Document.read(file, source=source)
    out: dict[str, str] = {}
    for key, node in doc.mapping(doc.root, "$", open_keys=True).items():
        path = f"$.{key}"
        if not key.strip() or any(c in key for c in "\t\r\n"):
            doc.error(node, path, "expected a register file name on one line")
            continue
        zone = doc.string(node, path, one_line=True)
        if zone is None:
            continue
        try:
            out[key.strip()] = resolve_zone(zone)
        except UnknownZoneError as exc:
            doc.error(node, path, str(exc))
    doc.raise_errors()
    return out


def several_files_error(errors: list[LocatedError], files: int) -> DataFileError:
    """One error holding every file's errors, in the order the files were read."""
    bad = len({e.source for e in errors})
    noun = "error" if len(errors) == 1 else "errors"
    return DataFileError(f"{bad} of {files} inputs cannot be read: {len(errors)} {noun}", errors)
