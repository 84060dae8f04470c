"""Realisation records (realisasi): what was done in each planned month, with evidence.

A realisation file sits beside its plan and names it (``plan:``, relative to the file).
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
    >>> from ppid_core.rb._plan import loads_plan
    >>> plan = loads_plan('''
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
    >>> real = loads_realisation(
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
    (<Status.DONE: 'done'>, ('SK-12.pdf',))
    >>> wrong = '''
    ... kind: realisation
    ... plan: plan.yaml
    ... records:
    ...   - {code: 1.1.1, sub_kegiatan: Penyusunan SOTK, month: Feb, status: done}
    ... '''
    >>> try:
    ...     loads_realisation(wrong, source="real.yaml", plan=plan)
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
from pathlib import Path

import attrs
import yaml

from ppid_core._yaml import Document, build, dump, read_text
from ppid_core.rb._months import MONTH_ABBREVIATIONS, parse_month
from ppid_core.rb._plan import ActionPlan, load_plan

__all__ = [
    "Realisation",
    "Record",
    "Status",
    "dump_realisation",
    "load_monitoring",
    "load_realisation",
    "loads_realisation",
    "realisation_from_document",
    "realisation_to_data",
]

_CODE = re.compile(r"[1-9][0-9]*\.[1-9][0-9]*\.[1-9][0-9]*")


class Status(enum.Enum):
    """How far a planned month's work got."""

    DONE = "done"
    PARTLY = "partly"
    NOT_DONE = "not_done"

    @property
    def label(self) -> str:
        """The Indonesian label used in reports."""
        return _LABELS[self]


_LABELS = {Status.DONE: "terlaksana", Status.PARTLY: "sebagian", Status.NOT_DONE: "belum"}


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
    status: Status
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

    def get(self, code: str, month: int) -> Record | None:
        """The record of a row and month, if any."""
        return next((r for r in self.records if r.code == code and r.month == month), None)


def _same_name(a: str, b: str) -> bool:
    def norm(s: str) -> str:
        return " ".join(s.split()).rstrip(":;").strip().casefold()

    return norm(a) == norm(b)


def _check_name(
    doc: Document, node: yaml.Node, path: str, *, code: str, name: str, plan: ActionPlan
) -> bool:
    row = plan.row(code)
    if _same_name(name, row.sub.name):
        return True
    moved = [r.code for r in plan.rows() if _same_name(name, r.sub.name)]
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
    rows = {row.code: row for row in plan.rows()} if plan is not None else None
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
        elif code is not None and rows is not None and code not in rows:
            doc.error(f["code"], f"{path}.code", f"no row {code} in the plan")
            code = None
        spath = f"{path}.sub_kegiatan"
        if (
            code is not None
            and name is not None
            and plan is not None
            and not _check_name(doc, f["sub_kegiatan"], spath, code=code, name=name, plan=plan)
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
            planned = rows[code].sub.months
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
        status = (
            doc.choice(f["status"], f"{path}.status", {s.value: s for s in Status})
            if "status" in f
            else None
        )
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


def loads_realisation(
    text: str, *, source: str = "<string>", plan: ActionPlan | None = None
) -> Realisation:
    """Load realisation records from YAML text, checked against ``plan`` when given.

    Raises:
        DataFileError: Every problem of the text, each located.
    """
    return build(text, source, lambda doc: realisation_from_document(doc, plan))


def load_realisation(path: str | Path, *, plan: ActionPlan | None = None) -> Realisation:
    """Load realisation records from a UTF-8 YAML file.

    Raises:
        DataFileError: Every problem of the file, each located.
    """
    p = Path(path)
    return loads_realisation(read_text(p), source=str(p), plan=plan)


def _plan_node(doc: Document) -> yaml.Node | None:
    """The ``plan:`` value node of a realisation document, if it has one (no errors)."""
    if isinstance(doc.root, yaml.MappingNode):
        for key, value in doc.root.value:
            if isinstance(key, yaml.ScalarNode) and key.value == "plan":
                node: yaml.Node = value
                return node
    return None


def _named_plan(doc: Document, base: Path) -> ActionPlan | None:
    """Load the plan a realisation names; a missing or unreadable file is a located error."""
    node = _plan_node(doc)
    if not isinstance(node, yaml.ScalarNode) or doc.is_null(node) or not node.value.strip():
        return None  # the checked pass reports it
    target = base / node.value.strip()
    try:
        return load_plan(target)
    except FileNotFoundError:
        msg = f"the plan file {str(target)!r} does not exist; 'plan' is relative to this file"
    except IsADirectoryError:
        msg = f"the plan {str(target)!r} is a directory; name the plan's YAML file"
    except OSError as exc:
        msg = f"cannot read the plan file {str(target)!r}: {exc.strerror or exc}"
    doc.error(node, "$.plan", msg)
    return None


def load_monitoring(path: str | Path) -> tuple[ActionPlan, Realisation]:
    """Load a realisation file and the plan it names, checking one against the other.

    The plan named by ``plan:`` is loaded first; the realisation file is then read in one
    checked pass, so its own mistakes (a missing field, a bad status) and its mismatches
    with the plan (an unknown code, an unplanned month) are reported together.

    Raises:
        DataFileError: Every problem of the plan file, or else every problem of the
            realisation file (including a ``plan:`` that names no readable file).
    """
    p = Path(path)
    doc = Document.parse(read_text(p), source=str(p))
    plan = _named_plan(doc, p.parent)
    real = realisation_from_document(doc, plan)
    doc.raise_errors()  # without a plan, _named_plan or the pass recorded why
    assert plan is not None
    assert real is not None
    return plan, real


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
    """The records as YAML text that :func:`loads_realisation` reads back equal."""
    return dump(realisation_to_data(real))
