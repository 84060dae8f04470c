"""The strict YAML reader shared by every data file: typing by schema, located errors."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from ppid_core._source import MAX_FILE_BYTES, read_source_text
from ppid_core._yaml import DISALLOWED, Document, build, dump
from ppid_core._yaml_dump import dump as dump_from_writer
from ppid_core._yaml_scalars import (
    Problem,
    boolean_value,
    choice_value,
    date_value,
    decimal_value,
    integer_value,
    text_value,
)
from ppid_core.errors import DataFileError, LocatedError


def read(text: str) -> tuple[Document, dict[str, yaml.Node]]:
    doc = Document.parse(text, source="t.yaml")
    return doc, doc.mapping(doc.root, "$", open_keys=True)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("no", "no"), ("yes", "yes"), ("010", "010"), ("1:30", "1:30"), ("2024-01-01", "2024-01-01")],
)
def test_yaml11_traps_stay_text(raw: str, expected: str) -> None:
    doc, m = read(f"v: {raw}\n")
    assert doc.string(m["v"], "$.v") == expected
    assert not doc.errors


@pytest.mark.parametrize("raw", ["010", "1:30", "0x10", "1e3", "1_000", "true", "3.0"])
def test_integer_refuses_yaml11_forms(raw: str) -> None:
    doc, m = read(f"v: {raw}\n")
    assert doc.integer(m["v"], "$.v") is None
    assert [str(e) for e in doc.errors] == [
        f"t.yaml:1:4 ($.v): expected a whole number, got '{raw}'"
    ]


def test_integer_bounds() -> None:
    doc, m = read("month: 13\n")
    assert doc.integer(m["month"], "$.month", minimum=1, maximum=12) is None
    assert (
        str(doc.errors[0]) == "t.yaml:1:8 ($.month): expected a whole number from 1 to 12, got 13"
    )


@pytest.mark.parametrize("raw", ["yes", "no", "on", "off", "1", "y"])
def test_boolean_accepts_only_true_false(raw: str) -> None:
    doc, m = read(f"v: {raw}\n")
    assert doc.boolean(m["v"], "$.v") is None
    assert str(doc.errors[0]) == f"t.yaml:1:4 ($.v): expected true or false, got '{raw}'"


def test_decimal_is_exact() -> None:
    doc, m = read("w: 0.111\n")
    assert doc.decimal(m["w"], "$.w") == Decimal("0.111")


def test_date_must_exist() -> None:
    doc, m = read("d: 2022-02-30\ne: 2022-2-3\n")
    assert doc.date(m["d"], "$.d") is None
    assert doc.date(m["e"], "$.e") is None
    assert [str(e) for e in doc.errors] == [
        "t.yaml:1:4 ($.d): 2022-02-30 is not a valid date (day is out of range for month)",
        "t.yaml:2:4 ($.e): expected a date as YYYY-MM-DD, got '2022-2-3'",
    ]
    doc2, m2 = read("d: 2024-02-29\n")
    assert doc2.date(m2["d"], "$.d") == dt.date(2024, 2, 29)


def test_nested_duplicate_key_and_unknown_and_missing_fields() -> None:
    doc = Document.parse("a:\n  x: 1\n  x: 2\n  z: 3\n", source="t.yaml")
    top = doc.mapping(doc.root, "$", required=("a", "b"))
    doc.mapping(top["a"], "$.a", required=("x", "y"))
    with pytest.raises(DataFileError) as exc:
        doc.raise_errors()
    assert exc.value.report().splitlines() == [
        "t.yaml:1:1 ($): missing required field 'b'",
        "t.yaml:2:3 ($.a): missing required field 'y'",
        "t.yaml:3:3 ($.a.x): duplicate key 'x' (first at line 2)",
        "t.yaml:4:3 ($.a.z): unknown field 'z'; expected one of: x, y",
    ]


def test_container_type_errors() -> None:
    doc, m = read("l: 3\nm: [1]\ns: {a: 1}\n")
    doc.sequence(m["l"], "$.l")
    doc.mapping(m["m"], "$.m")
    doc.string(m["s"], "$.s")
    assert [str(e) for e in doc.errors] == [
        "t.yaml:1:4 ($.l): expected a list, got '3'",
        "t.yaml:2:4 ($.m): expected a mapping, got a list",
        "t.yaml:3:4 ($.s): expected text, got a mapping",
    ]


def test_choice_lists_allowed_values() -> None:
    doc, m = read("c: purple\n")
    assert doc.choice(m["c"], "$.c", {"red": 1, "blue": 2}) is None
    assert (
        str(doc.errors[0]) == "t.yaml:1:4 ($.c): unknown value 'purple'; expected one of: blue, red"
    )


def test_null_detection_respects_quotes() -> None:
    doc, m = read("a: ~\nb: ''\nc: 'null'\nd:\n")
    assert doc.is_null(m["a"])
    assert not doc.is_null(m["b"])
    assert not doc.is_null(m["c"])
    assert doc.is_null(m["d"])


def test_syntax_error_is_located() -> None:
    with pytest.raises(DataFileError) as exc:
        Document.parse("a: [1, 2\nb: 3\n", source="bad.yaml")
    (err,) = exc.value.exceptions
    assert isinstance(err, LocatedError)
    assert (err.source, err.line) == ("bad.yaml", 2)


text_values = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=20
).filter(lambda s: s.strip() == s and s.strip())


@given(st.dictionaries(st.from_regex(r"[a-z_]{1,8}", fullmatch=True), text_values, max_size=6))
def test_dump_round_trips_text(data: dict[str, str]) -> None:
    doc = Document.parse(dump(data), source="rt.yaml")
    fields = doc.mapping(doc.root, "$", open_keys=True) if data else {}
    assert {k: doc.string(v, f"$.{k}") for k, v in fields.items()} == data
    # and the dumped text means the same to a plain YAML 1.1 loader
    assert (yaml.safe_load(dump(data)) or {}) == data


def test_control_character_is_located() -> None:
    with pytest.raises(DataFileError) as exc:
        Document.parse("a: 1\nb: x\x07y\x1b\n", source="c.yaml")
    assert exc.value.report().splitlines() == [
        "c.yaml:2:5: character U+0007 is not allowed in YAML; remove it or retype the text",
        "c.yaml:2:7: character U+001B is not allowed in YAML; remove it or retype the text",
    ]


def test_empty_file_is_located() -> None:
    with pytest.raises(DataFileError) as exc:
        Document.parse("# only a comment\n", source="e.yaml")
    assert exc.value.report() == "e.yaml:1:1: the file is empty; expected a mapping"


def test_absent_required_field_reported_once() -> None:
    doc = Document.parse("a: 1\n", source="t.yaml")
    top = doc.mapping(doc.root, "$", required=("a", "b"))
    assert doc.string(top.get("b"), "$.b") is None
    assert doc.items(top.get("b"), "$.b") == []
    assert [str(e) for e in doc.errors] == ["t.yaml:1:1 ($): missing required field 'b'"]


@pytest.mark.parametrize("raw", ["~", "null", "NULL"])
def test_null_is_not_text(raw: str) -> None:
    doc, m = read(f"name: {raw}\nquoted: '{raw}'\n")
    assert doc.string(m["name"], "$.name") is None
    assert doc.string(m["quoted"], "$.quoted") == raw
    assert [str(e) for e in doc.errors] == [
        f"t.yaml:1:7 ($.name): expected text, got null ('{raw}'); quote it to mean the text"
    ]


def test_empty_value_is_not_text() -> None:
    doc, m = read("name:\n")
    assert doc.string(m["name"], "$.name") is None
    assert [str(e) for e in doc.errors] == ["t.yaml:1:6 ($.name): expected non-empty text"]


def read_text(path: Path, *, max_bytes: int = MAX_FILE_BYTES) -> str:
    return read_source_text(path, source=str(path), max_bytes=max_bytes)[0]


def test_read_text_locates_bytes_that_are_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("a: 1\nnama: Jos\xe9\n".encode("latin-1"))
    with pytest.raises(DataFileError) as exc:
        read_text(path)
    assert exc.value.report() == f"{path}:2:10: byte 0xE9 is not UTF-8; save the file as UTF-8"
    bom = tmp_path / "bom.yaml"
    bom.write_bytes(b"\xef\xbb\xbfa: 1\n")
    assert read_text(bom) == "a: 1\n"


def test_build_returns_the_value_or_raises_every_error() -> None:
    def reader(doc: Document) -> int | None:
        fields = doc.mapping(doc.root, "$", required=("n",))
        return doc.integer(fields.get("n"), "$.n")

    assert build("n: 3\n", "b.yaml", reader) == 3
    with pytest.raises(DataFileError) as exc:
        build("n: x\nm: 1\n", "b.yaml", reader)
    assert exc.value.report().splitlines() == [
        "b.yaml:1:4 ($.n): expected a whole number, got 'x'",
        "b.yaml:2:1 ($.m): unknown field 'm'; expected one of: n",
    ]


def test_decimal_and_nested_key_messages() -> None:
    doc = Document.parse("w: 1.2.3\n? [a]\n: 1\n", source="t.yaml")
    fields = doc.mapping(doc.root, "$", open_keys=True)
    assert doc.decimal(fields["w"], "$.w") is None
    assert [str(e) for e in doc.errors] == [
        "t.yaml:2:3 ($): expected a text key, got a nested key",
        "t.yaml:1:4 ($.w): expected a decimal number, got '1.2.3'",
    ]


def test_required_reads_present_fields_and_is_silent_on_absent_ones() -> None:
    doc = Document.parse("a: 7\n", source="t.yaml")
    top = doc.mapping(doc.root, "$", required=("a", "b"))
    assert doc.required(top, "a", "$", doc.integer) == 7
    assert doc.required(top, "b", "$", doc.integer) is None
    assert [str(e) for e in doc.errors] == ["t.yaml:1:1 ($): missing required field 'b'"]


def test_huge_integers_are_refused_with_the_limit() -> None:
    # Python refuses to convert ints of over 4,300 digits (ValueError, not ours)
    doc, m = read(f"year: {'9' * 5000}\nn: {'1' * 20}\nm: -{'1' * 21}\n")
    assert doc.integer(m["year"], "$.year", minimum=1900, maximum=2200) is None
    assert doc.integer(m["n"], "$.n") == int("1" * 20)
    assert doc.integer(m["m"], "$.m") is None
    assert [str(e) for e in doc.errors] == [
        "t.yaml:1:7 ($.year): expected a whole number of at most 20 digits, got 5000 digits",
        "t.yaml:3:4 ($.m): expected a whole number of at most 20 digits, got 21 digits",
    ]


def test_long_decimals_are_refused_with_the_limit() -> None:
    # 29 digits broke decimal arithmetic later (InvalidOperation at 28 digits)
    doc, m = read(f"a: {'1' * 29}.5\nb: 0.{'1' * 19}\n")
    assert doc.decimal(m["a"], "$.a") is None
    assert doc.decimal(m["b"], "$.b") == Decimal("0." + "1" * 19)
    assert [str(e) for e in doc.errors] == [
        "t.yaml:1:4 ($.a): expected a decimal number of at most 20 digits, got 30 digits"
    ]


@pytest.mark.parametrize(
    ("escaped", "code"), [("\\0", "0000"), ("\\e", "001B"), ("\\x07", "0007"), ("\\N", "0085")]
)
def test_control_characters_from_escapes_are_refused_when_asked(escaped: str, code: str) -> None:
    doc, m = read(f'plan: "a{escaped}b.yaml"\nnote: "a{escaped}b"\n')
    assert doc.string(m["note"], "$.note") == f"a{chr(int(code, 16))}b"  # as before
    assert doc.string(m["plan"], "$.plan", control=False) is None
    assert [str(e) for e in doc.errors] == [
        f"t.yaml:1:7 ($.plan): control character U+{code} in the text (written as an escape "
        "in quotes); remove it"
    ]


def test_one_line_text_refuses_tabs_line_breaks_and_control_characters() -> None:
    doc, m = read('a: "x\\ty"\nb: |\n  two\n  lines\nc: "x\\ty"\nd: "a\\0b"\n')
    assert doc.string(m["a"], "$.a", one_line=True) is None
    assert doc.string(m["b"], "$.b", one_line=True) is None
    assert doc.string(m["c"], "$.c", control=False) == "x\ty"  # a tab is no control character
    assert doc.string(m["d"], "$.d", one_line=True) is None
    assert [str(e) for e in doc.errors] == [
        "t.yaml:1:4 ($.a): expected one line of text, found U+0009 (a tab or line break)",
        "t.yaml:2:4 ($.b): expected one line of text, found U+000A (a tab or line break)",
        "t.yaml:6:4 ($.d): control character U+0000 in the text (written as an escape in "
        "quotes); remove it",
    ]


def test_read_text_refuses_a_file_over_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("a: 1\n" * 30, encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        read_text(path, max_bytes=100)
    assert info.value.report() == (
        f"{path}:1:1: the file is larger than 100 bytes, the limit for a data file; split it "
        "(for example one file per year)"
    )
    assert read_text(path, max_bytes=150) == "a: 1\n" * 30


def test_read_text_stops_reading_an_endless_file() -> None:
    zero = Path("/dev/zero")
    if not zero.exists():
        pytest.skip("no /dev/zero here")
    with pytest.raises(DataFileError) as info:
        read_text(zero)
    assert info.value.report() == (
        "/dev/zero:1:1: the file is larger than 10 MiB, the limit for a data file; split it "
        "(for example one file per year)"
    )


def test_scalar_rules_need_no_document() -> None:
    # the typing rules are plain functions of the text; Document only locates their problems
    assert integer_value("12", 1, 12) == 12
    assert integer_value("13", 1, 12) == Problem("expected a whole number from 1 to 12, got 13")
    assert decimal_value("0.10") == Decimal("0.10")
    assert boolean_value("no") == Problem("expected true or false, got 'no'")
    assert date_value("2024-02-30") == Problem(
        "2024-02-30 is not a valid date (day is out of range for month)"
    )
    assert choice_value("b", ("a", "b")) == "b"
    assert text_value(" x ", null=False, allow_empty=False, control=True, one_line=False) == "x"
    assert text_value("~", null=True, allow_empty=False, control=True, one_line=False) == Problem(
        "expected text, got null ('~'); quote it to mean the text"
    )
    assert repr(Problem("p")) == "Problem('p')"
    assert len({Problem("p"), Problem("p")}) == 1


def test_importing_the_reader_does_not_import_pyyaml() -> None:
    # PyYAML is imported when the first file is read or written, not before
    code = (
        "import sys; import ppid_core._yaml, ppid_core._yaml_dump; "
        "assert 'yaml' not in sys.modules; "
        "ppid_core._yaml.Document.parse('a: 1'); assert 'yaml' in sys.modules"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def test_dump_is_the_same_function_from_both_modules() -> None:
    assert dump is dump_from_writer
    assert dump("a\nb") == "|-\n  a\n  b\n"


def test_the_refused_characters_are_those_pyyaml_refuses() -> None:
    # DISALLOWED lists what PyYAML's reader does not allow, every code point checked
    allowed = re.compile("[\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    refused = {m.start() for m in DISALLOWED.finditer(every)}
    assert refused == {i for i, c in enumerate(every) if not allowed.fullmatch(c)}
    assert len(refused) == 2_111
