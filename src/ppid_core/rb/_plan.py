"""The annual RB action plan (rencana aksi): models, strict loading and dumping.

A plan has the layout of Lampiran II of a KPU RB decree: per area perubahan, kegiatan
(activities), each split into sub kegiatan with their indikator keberhasilan (success
indicators), the months of implementation (Jan..Des) and a keterangan (remark).

    >>> plan = parse_plan(
    ...     '''
    ... kind: plan
    ... year: 2022
    ... unit: KPU Provinsi Nusa Tenggara Timur
    ... areas:
    ...   - area: Penguatan Kelembagaan
    ...     kegiatan:
    ...       - name: Evaluasi Organisasi
    ...         sub_kegiatan:
    ...           - name: FGD Evaluasi Organisasi
    ...             indikator: [Dokumen laporan FGD Evaluasi Organisasi]
    ...             months: [Jun, Des]
    ... ''',
    ...     source="plan.yaml",
    ... )
    >>> [(row.code, row.area.key, row.sub.months) for row in plan.rows()]
    [('1.1.1', 'organisasi', (6, 12))]
    >>> parse_plan(dump_plan(plan)) == plan
    True

References:
    Permen PANRB 25/2020 (Road Map RB 2020-2024: rencana aksi of each instansi);
    Keputusan KPU Provinsi NTT No. 79/2022 Diktum KETIGA and Lampiran II (the layout).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator

import attrs
import yaml

from ppid_core._source import FileInput, deprecated
from ppid_core._yaml import Document, build, dump, node_path
from ppid_core.errors import UnknownNameError
from ppid_core.rb._framework import DEFAULT_FRAMEWORK, Area, Framework
from ppid_core.rb._months import MONTH_ABBREVIATIONS, read_months
from ppid_core.rb._source import check_text_size, read_rb_source

__all__ = [
    "ActionPlan",
    "Activity",
    "AreaPlan",
    "PlanRow",
    "SubActivity",
    "dump_plan",
    "load_plan",
    "loads_plan",
    "parse_plan",
    "plan_from_document",
    "plan_to_data",
]


@attrs.frozen(kw_only=True)
class SubActivity:
    """One sub kegiatan: the unit that is scheduled and reported on.

    Attributes:
        name: The sub kegiatan as the office wrote it.
        details: Its own list of items (``a) ...``, ``b) ...``), where the plan has one.
        indikator: Indikator keberhasilan (success indicators), in order.
        months: Months of implementation (1-12), ascending; empty if not scheduled.
        target: The target, where the plan states one.
        team: The responsible team, where known.
        keterangan: The remark column.
    """

    name: str
    details: tuple[str, ...] = ()
    indikator: tuple[str, ...] = ()
    months: tuple[int, ...] = ()
    target: str | None = None
    team: str | None = None
    keterangan: str | None = None


@attrs.frozen(kw_only=True)
class Activity:
    """One kegiatan (activity) of an area, made of sub kegiatan."""

    name: str
    sub_kegiatan: tuple[SubActivity, ...]


@attrs.frozen(kw_only=True)
class AreaPlan:
    """The part of a plan for one area perubahan.

    Attributes:
        area: The canonical area key, e.g. ``"organisasi"``.
        label: The area's name as the office wrote it, when it differs from the key.
        team: The responsible team, where known.
        kegiatan: The activities.
    """

    area: str
    label: str | None = None
    team: str | None = None
    kegiatan: tuple[Activity, ...]


@attrs.frozen(kw_only=True)
class PlanRow:
    """A sub kegiatan with its place in the plan.

    ``code`` is ``"<area>.<kegiatan>.<sub kegiatan>"``, each a 1-based position in the
    plan (``"3.1.2"``: third area listed, first kegiatan, second sub kegiatan).
    Realisation records refer to rows by this code.
    """

    code: str
    area: Area
    area_label: str
    activity: Activity
    sub: SubActivity


@attrs.frozen(kw_only=True)
class ActionPlan:
    """A rencana aksi: the annual RB action plan of one unit.

    Attributes:
        year: The plan year.
        unit: The office (satuan kerja).
        areas: The areas, in the plan's order.
        framework: The road-map framework key its areas belong to.
        title: The plan's title, if given.
        decree: The decree it is attached to (free text), if given.
    """

    year: int
    unit: str
    areas: tuple[AreaPlan, ...]
    framework: str = DEFAULT_FRAMEWORK
    title: str | None = None
    decree: str | None = None
    _rows: dict[str, PlanRow] | None = attrs.field(init=False, default=None, eq=False, repr=False)

    def _index(self) -> dict[str, PlanRow]:
        """Every row by code, built on first use (the plan is frozen, so it stays valid)."""
        if self._rows is not None:
            return self._rows
        fw = Framework.bundled(self.framework)
        index: dict[str, PlanRow] = {}
        for a, ap in enumerate(self.areas, start=1):
            area = fw.area(ap.area)
            for k, act in enumerate(ap.kegiatan, start=1):
                for s, sub in enumerate(act.sub_kegiatan, start=1):
                    code = f"{a}.{k}.{s}"
                    index[code] = PlanRow(
                        code=code,
                        area=area,
                        area_label=ap.label or area.name,
                        activity=act,
                        sub=sub,
                    )
        object.__setattr__(self, "_rows", index)
        return index

    def rows(self) -> Iterator[PlanRow]:
        """Every sub kegiatan, in plan order, with its code.

        Raises:
            UnknownNameError: The plan was built with an area key or framework that
                does not exist (a loaded plan never is).
        """
        return iter(self._index().values())

    def row(self, code: str) -> PlanRow:
        """The row with this code, found by an index (not a scan of the plan).

        Raises:
            UnknownNameError: No such code (a ``LookupError``).
        """
        row = self._index().get(code)
        if row is None:
            n = len(self._index())
            msg = (
                f"no row {code!r} in the plan; expected the code of one of its {n} rows, "
                "'<area>.<kegiatan>.<sub kegiatan>' such as '1.1.1'"
            )
            raise UnknownNameError(msg)
        return row


def _text(doc: Document, fields: dict[str, yaml.Node], key: str, path: str) -> str | None:
    return doc.optional(fields, key, path, doc.string)


def _texts(doc: Document, node: yaml.Node, path: str) -> tuple[str, ...]:
    if isinstance(node, yaml.ScalarNode):
        one = doc.string(node, path)
        return (one,) if one is not None else ()
    return tuple(s for _, n, p in doc.items(node, path) if (s := doc.string(n, p)) is not None)


def _sub(doc: Document, node: yaml.Node, path: str) -> SubActivity:
    fields = doc.mapping(
        node,
        path,
        required=("name", "months"),
        optional=("details", "indikator", "target", "team", "keterangan"),
    )
    details = fields.get("details")
    months = read_months(doc, fields["months"], f"{path}.months") if "months" in fields else ()
    indikator = fields.get("indikator")
    return SubActivity(
        name=doc.required(fields, "name", path, doc.string) or "",
        details=_texts(doc, details, f"{path}.details") if details is not None else (),
        indikator=_texts(doc, indikator, f"{path}.indikator") if indikator is not None else (),
        months=months or (),
        target=_text(doc, fields, "target", path),
        team=_text(doc, fields, "team", path),
        keterangan=_text(doc, fields, "keterangan", path),
    )


def _year(doc: Document) -> Callable[[yaml.Node, str], int | None]:
    return functools.partial(doc.integer, minimum=2000, maximum=2100)


def _nonempty(
    doc: Document, fields: dict[str, yaml.Node], key: str, path: str, what: str
) -> list[yaml.Node]:
    node = fields.get(key)
    if node is None:
        return []
    items = doc.sequence(node, path)
    if isinstance(node, yaml.SequenceNode) and not items:
        doc.error(node, path, f"expected at least one {what}")
    return items


def _area(
    doc: Document, node: yaml.Node, path: str, fw: Framework, seen: dict[str, int]
) -> AreaPlan:
    fields = doc.mapping(node, path, required=("area", "kegiatan"), optional=("team",))
    label = doc.required(fields, "area", path, doc.string)
    key = ""
    if label is not None:
        area = fw.get(label)
        if area is None:
            doc.error(fields["area"], f"{path}.area", fw.unknown_message(label))
        elif area.key in seen:
            msg = f"area {area.key} is already planned at line {seen[area.key]}"
            doc.error(fields["area"], f"{path}.area", msg)
        else:
            key = area.key
            seen[key] = fields["area"].start_mark.line + 1
    kegiatan = []
    kpath = f"{path}.kegiatan"
    for i, knode in enumerate(_nonempty(doc, fields, "kegiatan", kpath, "kegiatan")):
        ipath = node_path(kpath, i)
        kf = doc.mapping(knode, ipath, required=("name", "sub_kegiatan"))
        spath = f"{ipath}.sub_kegiatan"
        subs = _nonempty(doc, kf, "sub_kegiatan", spath, "sub kegiatan")
        kegiatan.append(
            Activity(
                name=doc.required(kf, "name", ipath, doc.string) or "",
                sub_kegiatan=tuple(_sub(doc, n, node_path(spath, j)) for j, n in enumerate(subs)),
            )
        )
    return AreaPlan(
        area=key,
        label=None if label == key else label,
        team=_text(doc, fields, "team", path),
        kegiatan=tuple(kegiatan),
    )


def plan_from_document(doc: Document) -> ActionPlan | None:
    """Read a plan from a composed document; errors are recorded on ``doc``.

    Returns:
        The plan, or ``None`` when the document has errors.
    """
    top = doc.mapping(
        doc.root,
        "$",
        required=("kind", "year", "unit", "areas"),
        optional=("framework", "title", "decree"),
    )
    if "kind" in top:
        doc.choice(top["kind"], "$.kind", ("plan",))
    fw_key = doc.optional(top, "framework", "$", doc.string) or DEFAULT_FRAMEWORK
    try:
        fw = Framework.bundled(fw_key)
    except LookupError as exc:
        doc.error(top["framework"], "$.framework", str(exc))
        fw = Framework.bundled()
    year = doc.required(top, "year", "$", _year(doc))
    unit = doc.required(top, "unit", "$", doc.string)
    seen: dict[str, int] = {}
    areas = tuple(
        _area(doc, n, node_path("$.areas", i), fw, seen)
        for i, n in enumerate(_nonempty(doc, top, "areas", "$.areas", "area"))
    )
    if doc.errors or year is None or unit is None:
        return None
    return ActionPlan(
        year=year,
        unit=unit,
        areas=areas,
        framework=fw.key,
        title=_text(doc, top, "title", "$"),
        decree=_text(doc, top, "decree", "$"),
    )


def parse_plan(text: str, *, source: str = "<string>") -> ActionPlan:
    """Parse a plan from YAML text.

    Raises:
        DataFileError: Every problem of the text, each located; text over 10 MiB
            (`MAX_FILE_BYTES`) is refused unread.
    """
    check_text_size(text, source)
    return build(text, source, plan_from_document)


def load_plan(file: FileInput, /, *, source: str | None = None) -> ActionPlan:
    """Load a plan from its UTF-8 YAML file of at most 10 MiB: a path, bytes or a file object.

    Args:
        file: The YAML file (a path, bytes, or a binary file object read to its end).
        source: The name used in error messages (default: the path, the file object's
            name, or ``"<bytes>"``).

    Raises:
        DataFileError: Every problem of the file, each located (a file over the size
            limit is refused unread).
        OSError: The path cannot be read.
    """
    text, name = read_rb_source(file, source=source)
    return parse_plan(text, source=name)


def loads_plan(text: str, *, source: str = "<string>") -> ActionPlan:
    """Deprecated: use [`parse_plan()`][parse_plan]."""
    deprecated("loads_plan(text)", "parse_plan(text)")
    return parse_plan(text, source=source)


def _optional(data: dict[str, object], **values: object) -> dict[str, object]:
    data.update({k: v for k, v in values.items() if v is not None})
    return data


def plan_to_data(plan: ActionPlan) -> dict[str, object]:
    """The plan as plain data in the YAML layout (months as ``Jan``..``Des``)."""
    areas = []
    for ap in plan.areas:
        kegiatan = [
            {
                "name": act.name,
                "sub_kegiatan": [
                    _optional(
                        {
                            "name": sub.name,
                            **({"details": list(sub.details)} if sub.details else {}),
                            "indikator": list(sub.indikator),
                            "months": [MONTH_ABBREVIATIONS[m - 1] for m in sub.months],
                        },
                        target=sub.target,
                        team=sub.team,
                        keterangan=sub.keterangan,
                    )
                    for sub in act.sub_kegiatan
                ],
            }
            for act in ap.kegiatan
        ]
        areas.append(
            _optional({"area": ap.label or ap.area}, team=ap.team) | {"kegiatan": kegiatan}
        )
    data: dict[str, object] = {"kind": "plan", "framework": plan.framework, "year": plan.year}
    _optional(data, unit=plan.unit, title=plan.title, decree=plan.decree)
    data["areas"] = areas
    return data


def dump_plan(plan: ActionPlan) -> str:
    """The plan as YAML text that [`parse_plan()`][parse_plan] reads back to an equal plan."""
    return dump(plan_to_data(plan))
