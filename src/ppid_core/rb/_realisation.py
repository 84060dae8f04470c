"""Realisation records (realisasi): what was done in each planned month, with evidence.

A realisation file sits beside its plan and names it (``plan:``, relative to the file; the
plan must be in the realisation file's folder or below it, also after following links).
Each record says, for one sub kegiatan and one planned month, whether the work was
``done``, ``partly`` done or ``not_done``, with a note and references to the data dukung
(supporting evidence).

A record names its sub kegiatan twice: by its plan code (``code: 4.1.3``, its position)
and by its name as written in the plan (``sub_kegiatan:``). Checked against the plan, the
two must agree, so a row inserted into the plan cannot silently move records onto another
sub kegiatan: the record is refused with both names. Case, runs of blanks and a trailing
``:`` or ``;`` do not matter. An empty ``records: []`` is accepted (nothing reported yet,
early in the year).

    >>> from ppid_core.errors import DataFileError
    >>> from ppid_core.rb._plan import parse_plan
    >>> plan = parse_plan('''
    ... kind: plan
    ... year: 2022
    ... unit: KPU Provinsi NTT
    ... areas:
    ...   - area: organisasi
    ...     kegiatan:
    ...       - name: Penyusunan SOTK
    ...         sub_kegiatan:
    ...           - {name: Penyesuaian SOTK, months: [Feb, Mar]}
    ... ''')
    >>> real = parse_realisation(
    ...     '''
    ... kind: realisation
    ... plan: plan.yaml
    ... records:
    ...   - code: 1.1.1
    ...     sub_kegiatan: Penyesuaian SOTK
    ...     month: Feb
    ...     status: done
    ...     data_dukung: [SK-12.pdf]
    ... ''',
    ...     plan=plan,
    ... )
    >>> real.records[0].status, real.records[0].data_dukung
    (<RecordStatus.DONE: 'done'>, ('SK-12.pdf',))
    >>> wrong = '''
    ... kind: realisation
    ... plan: plan.yaml
    ... records:
    ...   - {code: 1.1.1, sub_kegiatan: Penyusunan SOTK, month: Feb, status: done}
    ... '''
    >>> try:
    ...     parse_realisation(wrong, source="real.yaml", plan=plan)
    ... except DataFileError as exc:
    ...     print(exc.report())
    real.yaml:5:33 ($.records[0].sub_kegiatan): row 1.1.1 of the plan is 'Penyesuaian SOTK',
    but the record names 'Penyusunan SOTK'; correct the code or the name

References:
    Permen PANRB 90/2021 Lampiran III (LKE ZI: every answer backed by data dukung);
    Keputusan KPU Provinsi NTT No. 79/2022 Lampiran I (Tim Agen Perubahan reports to the
    Tim Pengarah every month).
"""

from __future__ import annotations

import enum
import re

import attrs
import yaml

from ppid_core._source import deprecated
from ppid_core._yaml import Document, build, dump
from ppid_core.rb._months import MONTH_ABBREVIATIONS, parse_month
from ppid_core.rb._plan import ActionPlan, PlanRow
from ppid_core.rb._source import check_text_size

__all__ = [
    "Realisation",
    "Record",
    "RecordStatus",
    "dump_realisation",
    "loads_realisation",
    "parse_realisation",
    "realisation_from_document",
    "realisation_to_data",
]

_CODE = re.compile(r"[1-9][0-9]*\.[1-9][0-9]*\.[1-9][0-9]*")


class RecordStatus(enum.Enum):
    """How far a planned month's work got: the ``status`` of a [`Record`][Record]."""

    DONE = "done"
    PARTLY = "partly"
    NOT_DONE = "not_done"

    @property
    def label(self) -> str:
        """The Indonesian label used in reports."""
        return _LABELS[self]


_LABELS = {
    RecordStatus.DONE: "terlaksana",
    RecordStatus.PARTLY: "sebagian",
    RecordStatus.NOT_DONE: "belum",
}
_STATUSES = {s.value: s for s in RecordStatus}


@attrs.frozen(kw_only=True)
class Record:
    """One realisation record.

    Attributes:
        code: The plan row code (``"1.2.1"``) of the sub kegiatan.
        sub_kegiatan: The sub kegiatan's name as written in the plan; checked against
            the row at ``code`` when a plan is given.
        month: The planned month (1-12) the record reports on.
        status: Done, partly or not done.
        note: What was done, or why not.
        data_dukung: References (file names, links, letter numbers) to the evidence.
    """

    code: str
    sub_kegiatan: str
    month: int
    status: RecordStatus
    note: str | None = None
    data_dukung: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class Realisation:
    """The realisation records of a plan.

    Attributes:
        plan: The plan file, relative to the realisation file.
        records: The records, in file order.
    """

    plan: str
    records: tuple[Record, ...]
    _index: dict[tuple[str, int], Record] | None = attrs.field(
        init=False, default=None, eq=False, repr=False
    )

    def get(self, code: str, month: int) -> Record | None:
        """The record of a row and month, if any (the first, if several; found by an index)."""
        index = self._index
        if index is None:
            index = {}
            for r in self.records:
                index.setdefault((r.code, r.month), r)
            object.__setattr__(self, "_index", index)
        return index.get((code, month))


def _norm(name: str) -> str:
    return " ".join(name.split()).rstrip(":;").strip().casefold()


class _Rows:
    """The plan's rows by code, and (built on first need) their codes by name.

    One scan of the plan serves every record of a file, so loading is linear in the
    number of records, not records x rows.
    """

    def __init__(self, plan: ActionPlan) -> None:
        self.by_code: dict[str, PlanRow] = {row.code: row for row in plan.rows()}
        self._by_name: dict[str, list[str]] | None = None

    def codes_named(self, name: str) -> list[str]:
        """The codes of the rows with this name (compared as `_norm()` does)."""
        if self._by_name is None:
            self._by_name = {}
            for code, row in self.by_code.items():
                self._by_name.setdefault(_norm(row.sub.name), []).append(code)
        return self._by_name.get(_norm(name), [])


def _check_name(
    doc: Document, node: yaml.Node, path: str, *, code: str, name: str, rows: _Rows
) -> bool:
    row = rows.by_code[code]
    if _norm(name) == _norm(row.sub.name):
        return True
    moved = rows.codes_named(name)
    where = f"; {name!r} is row {', '.join(moved)}" if moved else ""
    msg = (
        f"row {code} of the plan is {row.sub.name!r}, but the record names {name!r}{where}; "
        "correct the code or the name"
    )
    doc.error(node, path, msg)
    return False


def realisation_from_document(doc: Document, plan: ActionPlan | None = None) -> Realisation | None:
    """Read realisation records; with ``plan``, check codes, names and months against it."""
    top = doc.mapping(doc.root, "$", required=("kind", "plan", "records"))
    if "kind" in top:
        doc.choice(top["kind"], "$.kind", ("realisation",))
    plan_file = doc.required(top, "plan", "$", doc.string)
    rows = _Rows(plan) if plan is not None else None
    records = []
    seen: dict[tuple[str, int], int] = {}
    for _, node, path in doc.items(top["records"], "$.records") if "records" in top else ():
        f = doc.mapping(node, path, required=("code", "sub_kegiatan", "month", "status"),
                        optional=("note", "data_dukung"))  # fmt: skip
        code = doc.string(f.get("code"), f"{path}.code") if "code" in f else None
        name = doc.required(f, "sub_kegiatan", path, doc.string)
        if code is not None and not _CODE.fullmatch(code):
            doc.error(
                f["code"], f"{path}.code", f"expected a plan code such as '1.2.3', got {code!r}"
            )
            code = None
        elif code is not None and rows is not None and code not in rows.by_code:
            doc.error(f["code"], f"{path}.code", f"no row {code} in the plan")
            code = None
        spath = f"{path}.sub_kegiatan"
        if (
            code is not None
            and name is not None
            and rows is not None
            and not _check_name(doc, f["sub_kegiatan"], spath, code=code, name=name, rows=rows)
        ):
            code = None
        month = None
        raw = doc.scalar(f["month"], f"{path}.month", "a month") if "month" in f else None
        if raw is not None:
            month = parse_month(raw)
            if month is None:
                word = raw.strip()
                msg = (
                    f"month must be 1-12, got {word}"
                    if word.isdigit()
                    else f"unknown month {word!r}; expected 1-12, Jan..Des or Januari..Desember"
                )
                doc.error(f["month"], f"{path}.month", msg)
        if code is not None and month is not None and rows is not None:
            planned = rows.by_code[code].sub.months
            if month not in planned:
                when = ", ".join(MONTH_ABBREVIATIONS[m - 1] for m in planned) or "no month"
                abbr = MONTH_ABBREVIATIONS[month - 1]
                msg = f"{abbr} is not a planned month of {code} (planned: {when})"
                doc.error(f["month"], f"{path}.month", msg)
                month = None
        if code is not None and month is not None:
            if (code, month) in seen:
                abbr = MONTH_ABBREVIATIONS[month - 1]
                msg = f"{code} {abbr} is already recorded at line {seen[code, month]}"
                doc.error(node, path, msg)
            seen.setdefault((code, month), node.start_mark.line + 1)
        status = doc.choice(f["status"], f"{path}.status", _STATUSES) if "status" in f else None
        data = f.get("data_dukung")
        refs = (
            tuple(
                s for _, n, p in doc.items(data, f"{path}.data_dukung") if (s := doc.string(n, p))
            )
            if data is not None
            else ()
        )
        if code is not None and name is not None and month is not None and status is not None:
            note = doc.optional(f, "note", path, doc.string)
            records.append(Record(code=code, sub_kegiatan=name, month=month, status=status,
                                  note=note, data_dukung=refs))  # fmt: skip
    if doc.errors or plan_file is None:
        return None
    return Realisation(plan=plan_file, records=tuple(records))


def parse_realisation(
    text: str, *, source: str = "<string>", plan: ActionPlan | None = None
) -> Realisation:
    """Parse realisation records from YAML text, checked against ``plan`` when given.

    Without ``plan`` only the file's own structure is checked (text has no folder in
    which to find the plan its ``plan:`` names).

    Raises:
        DataFileError: Every problem of the text, each located; text over 10 MiB
            (`MAX_FILE_BYTES`) is refused unread.
    """
    check_text_size(text, source)
    return build(text, source, lambda doc: realisation_from_document(doc, plan))


def loads_realisation(
    text: str, *, source: str = "<string>", plan: ActionPlan | None = None
) -> Realisation:
    """Deprecated: use [`parse_realisation()`][parse_realisation]."""
    deprecated("loads_realisation(text)", "parse_realisation(text)")
    return parse_realisation(text, source=source, plan=plan)


def realisation_to_data(real: Realisation) -> dict[str, object]:
    """The records as plain data in the YAML layout."""
    records = []
    for r in real.records:
        item: dict[str, object] = {
            "code": r.code,
            "sub_kegiatan": r.sub_kegiatan,
            "month": MONTH_ABBREVIATIONS[r.month - 1],
            "status": r.status.value,
        }
        if r.note is not None:
            item["note"] = r.note
        if r.data_dukung:
            item["data_dukung"] = list(r.data_dukung)
        records.append(item)
    return {"kind": "realisation", "plan": real.plan, "records": records}


def dump_realisation(real: Realisation) -> str:
    """The records as YAML text that [`parse_realisation()`][parse_realisation] reads back equal."""
    return dump(realisation_to_data(real))
