"""Realisation records (realisasi): what was done in each planned month, with evidence.

A realisation file sits beside its plan and names it (``plan:``, relative to the file; the
plan must be in the realisation file's folder or below it, also after following links).
Each record says, for one sub kegiatan and one planned month, whether the work was
``done``, ``partly`` done or ``not_done``, with a note and references to the data dukung
(supporting evidence).

A row with targets by triwulan is reported by triwulan (``period: TW I`` instead of
``month:``); a record may then carry the value ``achieved`` (in the row's ``satuan``, or
for a percentage target ``80`` or ``80%``), a ``target_status`` (Target Tercapai, Tidak
Tercapai, Tidak Ada Target, in any case), the ``reason`` a target was missed, and may
leave ``status`` out. Checked against the plan: a period without a target can only be
Tidak Ada Target and has no ``achieved``; a period with one cannot be Tidak Ada Target,
and ``achieved`` must agree with the status (Target Tercapai when achieved >= target,
Tidak Tercapai when below).

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

import re

import yaml

from ppid_core._source import deprecated
from ppid_core._yaml import Document, build, dump
from ppid_core.rb._months import MONTH_ABBREVIATIONS, parse_month
from ppid_core.rb._periods import PERIOD_FORMS, parse_period
from ppid_core.rb._plan import ActionPlan, PlanRow
from ppid_core.rb._record_checks import achieved as read_achieved
from ppid_core.rb._record_checks import against_plan, check_achieved
from ppid_core.rb._record_checks import target_status as read_target_status
from ppid_core.rb._record_model import (
    Realisation,
    Record,
    RecordStatus,
    TargetStatus,
    merge_realisations,
)
from ppid_core.rb._source import check_text_size

__all__ = [
    "Realisation",
    "Record",
    "RecordStatus",
    "TargetStatus",
    "dump_realisation",
    "loads_realisation",
    "merge_realisations",
    "parse_realisation",
    "realisation_from_document",
    "realisation_to_data",
]

_CODE = re.compile(r"[1-9][0-9]*\.[1-9][0-9]*\.[1-9][0-9]*")


_STATUSES = {s.value: s for s in RecordStatus}


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


_RECORD_FIELDS = ("month", "period", "status", "note", "data_dukung", "achieved",
                  "target_status", "reason")  # fmt: skip


def _when(doc: Document, f: dict[str, yaml.Node], path: str) -> tuple[int, int | None] | None:
    """The record's month, and its triwulan for a quarterly record; ``None`` on an error."""
    if "month" in f and "period" in f:
        doc.error(f["period"], f"{path}.period", "give 'month' or 'period', not both")
        return None
    if "period" in f:
        raw = doc.scalar(f["period"], f"{path}.period", "a period")
        found = parse_period(raw) if raw is not None else None
        if raw is not None and found is None:
            msg = f"unknown period {raw.strip()!r}; expected {PERIOD_FORMS}"
            doc.error(f["period"], f"{path}.period", msg)
        if found is None:
            return None
        return found.last_month, (found.number if found.kind == "quarter" else None)
    raw = doc.scalar(f["month"], f"{path}.month", "a month") if "month" in f else None
    if raw is None:
        return None
    month = parse_month(raw)
    if month is None:
        word = raw.strip()
        msg = (
            f"month must be 1-12, got {word}"
            if word.isdigit()
            else f"unknown month {word!r}; expected 1-12, Jan..Des or Januari..Desember"
        )
        doc.error(f["month"], f"{path}.month", msg)
        return None
    return month, None


def realisation_from_document(doc: Document, plan: ActionPlan | None = None) -> Realisation | None:
    """Read realisation records; with ``plan``, check codes, names and periods against it."""
    top = doc.mapping(doc.root, "$", required=("kind", "plan", "records"))
    if "kind" in top:
        doc.choice(top["kind"], "$.kind", ("realisation",))
    plan_file = doc.required(top, "plan", "$", doc.string)
    rows = _Rows(plan) if plan is not None else None
    records = []
    seen: dict[tuple[str, int], int] = {}
    for _, node, path in doc.items(top["records"], "$.records") if "records" in top else ():
        f = doc.mapping(node, path, required=("code", "sub_kegiatan"), optional=_RECORD_FIELDS)
        if f and "month" not in f and "period" not in f:
            doc.error(node, path, "missing required field 'month'")
        if f and "status" not in f and "target_status" not in f:
            doc.error(node, path, "missing required field 'status' or 'target_status'")
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
        when = _when(doc, f, path) if f else None
        status = doc.optional(f, "status", path, lambda n, p: doc.choice(n, p, _STATUSES))
        target_status = doc.optional(
            f, "target_status", path, lambda n, p: read_target_status(doc, n, p)
        )
        achieved = doc.optional(f, "achieved", path, lambda n, p: read_achieved(doc, n, p))
        data = f.get("data_dukung")
        refs = (
            tuple(
                s for _, n, p in doc.items(data, f"{path}.data_dukung") if (s := doc.string(n, p))
            )
            if data is not None
            else ()
        )
        if code is None or name is None or when is None:
            continue
        record = Record(
            code=code, sub_kegiatan=name, month=when[0], quarter=when[1], status=status,
            note=doc.optional(f, "note", path, doc.string), data_dukung=refs,
            achieved=achieved[0] if achieved is not None else None,
            target_status=target_status, reason=doc.optional(f, "reason", path, doc.string),
        )  # fmt: skip
        if rows is not None and not (
            against_plan(doc, f, path, rows.by_code[code], record)
            and check_achieved(doc, f, path, rows.by_code[code], record=record,
                                percent=achieved is not None and achieved[1])
        ):  # fmt: skip
            continue
        if (code, record.month) in seen:
            line = seen[code, record.month]
            msg = f"{code} {record.period.label} is already recorded at line {line}"
            doc.error(node, path, msg)
        seen.setdefault((code, record.month), node.start_mark.line + 1)
        if status is not None or target_status is not None:
            records.append(record)
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
        item: dict[str, object] = {"code": r.code, "sub_kegiatan": r.sub_kegiatan}
        if r.quarter is not None:
            item["period"] = r.period.label
        else:
            item["month"] = MONTH_ABBREVIATIONS[r.month - 1]
        optional = {
            "status": r.status.value if r.status is not None else None,
            "target_status": r.target_status.value if r.target_status is not None else None,
            "achieved": str(r.achieved) if r.achieved is not None else None,
            "reason": r.reason,
            "note": r.note,
            "data_dukung": list(r.data_dukung) or None,
        }
        item.update({k: v for k, v in optional.items() if v is not None})
        records.append(item)
    return {"kind": "realisation", "plan": real.plan, "records": records}


def dump_realisation(real: Realisation) -> str:
    """The records as YAML text that [`parse_realisation()`][parse_realisation] reads back equal."""
    return dump(realisation_to_data(real))
