"""The shared input helper: a path, bytes or a binary file object, read the same way."""

from __future__ import annotations

import io
import subprocess
import sys
import tempfile
import warnings
import zipfile
from pathlib import Path

import pytest

from ppid_core._source import (
    FileInput,
    bundled_names,
    bundled_text,
    deprecated,
    open_csv_source,
    read_source,
    read_source_text,
    source_name,
)
from ppid_core.errors import DataFileError, UnknownNameError

TEXT = "office: KPU Kota Kupang\nzone: WITA\n"
DATA = TEXT.encode()


class Trickle:
    """A file object that gives at most 3 bytes a call and counts what it gave."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self.given = 0

    def read(self, size: int = -1, /) -> bytes:
        end = len(self._data) if size < 0 else self.given + min(size, 3)
        part = self._data[self.given : end]
        self.given += len(part)
        return part


class Endless:
    """A file object that never ends (like ``/dev/zero``), counting what it gave."""

    def __init__(self) -> None:
        self.given = 0

    def read(self, size: int = -1, /) -> bytes:
        assert size >= 0, "an endless stream must be read in bounded parts"
        self.given += size
        return b"a" * size


def test_the_three_forms_give_the_same_bytes(tmp_path: Path) -> None:
    path = tmp_path / "kantor.yaml"
    path.write_bytes(DATA)
    with path.open("rb") as fh:
        from_file = read_source(fh)
    assert from_file == (DATA, str(path))
    assert read_source(path) == (DATA, str(path))
    assert read_source(str(path)) == (DATA, str(path))
    assert read_source(DATA) == (DATA, "<bytes>")
    assert read_source(bytearray(DATA)) == (DATA, "<bytes>")
    assert read_source(memoryview(DATA)) == (DATA, "<bytes>")
    assert read_source(io.BytesIO(DATA)) == (DATA, "<file>")
    assert read_source(Trickle(DATA)) == (DATA, "<file>")  # short reads are read on


def test_a_file_object_is_read_from_where_it_stands_and_left_open() -> None:
    fh = io.BytesIO(b"# header\n" + DATA)
    fh.readline()
    assert read_source_text(fh, source="k.yaml") == (TEXT, "k.yaml")
    assert not fh.closed


def test_source_names() -> None:
    assert source_name(Path("data") / "2027.yaml") == str(Path("data") / "2027.yaml")
    assert source_name(b"x") == "<bytes>"
    assert source_name(io.BytesIO()) == "<file>"
    assert source_name(io.BytesIO(), "upload.yaml") == "upload.yaml"
    with tempfile.TemporaryFile() as anonymous:  # its name is a file descriptor
        assert source_name(anonymous) == "<file>"
    with tempfile.NamedTemporaryFile(suffix=".yaml") as named:
        assert source_name(named) == named.name


@pytest.mark.parametrize("form", ["path", "bytes", "file"])
def test_the_limit_holds_for_every_form(tmp_path: Path, form: str) -> None:
    data = b"a: 1\n" * 30  # 150 bytes
    path = tmp_path / "big.yaml"
    path.write_bytes(data)
    forms: dict[str, FileInput] = {"path": path, "bytes": data, "file": io.BytesIO(data)}
    file = forms[form]
    with pytest.raises(DataFileError) as info:
        read_source(file, source="big.yaml", max_bytes=100)
    assert info.value.report() == (
        "big.yaml:1:1: the file is larger than 100 bytes, the limit for a data file; split it "
        "(for example one file per year)"
    )
    assert read_source(path, max_bytes=150)[0] == data


def test_an_endless_file_object_is_read_one_byte_past_the_limit_only() -> None:
    endless = Endless()
    sizes: list[int | None] = []

    def message(size: int | None) -> str:
        sizes.append(size)
        return "too large"

    with pytest.raises(DataFileError):
        read_source(endless, max_bytes=1000, too_large=message)
    assert endless.given == 1001
    assert sizes == [None]  # its whole size is not known


def test_a_file_over_the_limit_gives_its_size_to_the_message(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"x" * 150)
    with pytest.raises(DataFileError) as info:
        read_source(path, max_bytes=100, too_large=lambda size: f"{size} bytes")
    assert info.value.report() == f"{path}:1:1: 150 bytes"


def test_bad_bytes_are_located_in_every_form(tmp_path: Path) -> None:
    data = "zone: WITA\noffice: Jos\u00e9\n".encode("latin-1")
    path = tmp_path / "k.yaml"
    path.write_bytes(data)
    for file in (path, data, io.BytesIO(data)):
        with pytest.raises(DataFileError) as info:
            read_source_text(file, source="k.yaml")
        assert info.value.report() == "k.yaml:2:12: byte 0xE9 is not UTF-8; save the file as UTF-8"
    assert read_source_text(b"\xef\xbb\xbf" + DATA)[0] == TEXT  # a byte-order mark is dropped


def test_text_and_other_objects_are_type_errors(tmp_path: Path) -> None:
    path = tmp_path / "k.yaml"
    path.write_bytes(DATA)
    with path.open(encoding="utf-8") as text_file, pytest.raises(TypeError) as info:
        read_source(text_file)  # type: ignore[arg-type]
    assert str(info.value) == (
        f"{path}: the file object gave str, not bytes; open the file in binary mode "
        "(open(path, 'rb')) or pass its bytes"
    )
    with pytest.raises(TypeError) as info:
        read_source(12)  # type: ignore[arg-type]
    assert str(info.value) == (
        "expected a path, bytes or a binary file object, got int; to read text, use the "
        "matching parse_* function"
    )


def test_csv_text_from_every_form(tmp_path: Path) -> None:
    data = "\ufeffNo;Nama\n1;Jos\u00e9\n".encode()
    path = tmp_path / "r.csv"
    path.write_bytes(data)
    for file in (path, data, io.BytesIO(data)):
        with open_csv_source(file) as fh:
            assert fh.read() == "No;Nama\n1;Jos\u00e9\n"


def test_csv_problems_are_located_in_bytes_too() -> None:
    # UTF-8 text first (so not a cp1252 file), then a cp1252 byte deep in the file
    bad = b"No;Nama\n" + "1;Andr\u00e9\n".encode() + b"1;a\n" * 3000 + b"2;Jos\xe9\n"
    with pytest.raises(DataFileError) as info, open_csv_source(bad, source="r.csv") as fh:
        fh.read()
    assert info.value.report() == "r.csv:3003:6: byte 0xE9 is not UTF-8; save the file as CSV UTF-8"
    with pytest.raises(DataFileError) as info, open_csv_source(b"PK\x03\x04rest") as fh:
        fh.read()
    assert info.value.report() == (
        "<bytes>:1:1: this is a zip file (an .xlsx workbook?), not CSV text; give it its .xlsx name"
    )


def test_bundled_data_by_name() -> None:
    assert bundled_names("ppid_core.rb", "data") == ("rb-2020-2024", "rb-general-tematik-2023")
    text, source = bundled_text("ppid_core.requests", "data/topics", "kpu", what="topic table")
    assert source == "ppid_core/requests/data/topics/kpu.yaml"
    assert text.startswith("# Topics")
    topics = bundled_names("ppid_core.requests", "data/topics")
    assert "kpu" in topics
    with pytest.raises(UnknownNameError) as info:
        bundled_text("ppid_core.requests", "data/topics", "bawaslu", what="topic table")
    assert str(info.value) == f"unknown topic table 'bawaslu'; bundled: {', '.join(topics)}"


def test_bundled_data_of_a_package_imported_from_a_zip(tmp_path: Path) -> None:
    # installed on the file system, data is read with pathlib; from a zip, with
    # importlib.resources; both give the same names and text
    archive = tmp_path / "zipped.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("zpkg/__init__.py", "")
        z.writestr("zpkg/data/b.yaml", "b: 2\n")
        z.writestr("zpkg/data/a.yaml", "a: 1\n")
        z.writestr("zpkg/data/notes.txt", "not data")
    code = (
        f"import sys; sys.path.insert(0, {str(archive)!r}); "
        "from ppid_core._source import bundled_names, bundled_text; "
        "print(bundled_names('zpkg', 'data'), bundled_text('zpkg', 'data', 'b', what='x'))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "('a', 'b') ('b: 2\\n', 'zpkg/data/b.yaml')"


def test_bundled_data_is_read_without_importlib_resources() -> None:
    code = (
        "import sys; from ppid_core.calendar import HolidayYear; HolidayYear.bundled(2025); "
        "print('importlib.resources' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_a_deprecation_names_the_new_spelling_and_the_caller() -> None:
    def old() -> None:
        deprecated("old()", "new()")

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        old()
    (warning,) = caught
    assert warning.category is DeprecationWarning
    assert str(warning.message) == (
        "old() is deprecated and will be removed in ppid-core 0.2; use new() "
        "(see the guide 'Loading data')"
    )
    assert warning.filename == __file__  # the line that called old(), not the library
