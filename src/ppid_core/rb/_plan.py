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
from collections.abc import Callable, Iterable
from decimal import Decimal

import yaml

from ppid_core._source import FileInput, deprecated
from ppid_core._yaml import Document, build, dump, node_path
from ppid_core.rb._framework import DEFAULT_FRAMEWORK, Framework, find_framework
from ppid_core.rb._months import MONTH_ABBREVIATIONS
from ppid_core.rb._periods import Target
from ppid_core.rb._plan_model import ActionPlan, Activity, AreaPlan, PlanRow, SubActivity
from ppid_core.rb._plan_rows import read_sub
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


def _text(doc: Document, fields: dict[str, yaml.Node], key: str, path: str) -> str | None:
    return doc.optional(fields, key, path, doc.string)


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
    doc: Document,
    node: yaml.Node,
    path: str,
    fw: Framework,
    seen: dict[str, int],
    *,
    component: str | None,
) -> AreaPlan:
    required = ("area", "kegiatan") if fw.area_required else ("kegiatan",)
    fields = doc.mapping(node, path, required=required, optional=("area", "team"))
    label = doc.optional(fields, "area", path, doc.string)
    key: str | None = None
    if label is not None and fw.areas:  # no areas: the framework is unknown (reported)
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
                sub_kegiatan=tuple(
                    read_sub(doc, n, node_path(spath, j), fw, component=component)
                    for j, n in enumerate(subs)
                ),
            )
        )
    return AreaPlan(
        area=key,
        label=None if label == key else label,
        team=_text(doc, fields, "team", path),
        kegiatan=tuple(kegiatan),
    )


def _named(node: yaml.Node, key: str) -> yaml.Node | None:
    """The value of ``key`` in a mapping node, if any (no errors: the reader reports them)."""
    if not isinstance(node, yaml.MappingNode):
        return None
    found: yaml.Node | None = next((v for k, v in node.value if k.value == key), None)
    return found


def _near_duplicates(doc: Document, top: dict[str, yaml.Node]) -> tuple[str, ...]:
    """Kegiatan, and sub kegiatan, whose names differ only in case, blanks or a trailing
    ``:`` or ``;`` (as the record matcher compares them): one warning each, both located.
    """
    first: dict[tuple[str, str], tuple[str, yaml.Node, str]] = {}
    out: list[str] = []

    def see(what: str, node: yaml.Node | None, path: str) -> None:
        if not isinstance(node, yaml.ScalarNode):
            return
        name = str(node.value)
        norm = " ".join(name.split()).rstrip(":;").strip().casefold()
        if (what, norm) not in first:
            first[what, norm] = (name, node, path)
            return
        other, onode, opath = first[what, norm]
        if other != name:
            line, col = node.start_mark.line + 1, node.start_mark.column + 1
            out.append(
                f"{doc.source}:{line}:{col} ({path}): {what} {name!r} differs only in case, "
                f"blanks or a trailing ':' or ';' from {other!r} at line "
                f"{onode.start_mark.line + 1} ({opath}); they are kept apart: write one name "
                f"if they are the same {what}"
            )

    for _, anode, apath in doc.items(top.get("areas"), "$.areas"):
        kegiatan = _named(anode, "kegiatan")
        if not isinstance(kegiatan, yaml.SequenceNode):
            continue
        for _, knode, kpath in doc.items(kegiatan, f"{apath}.kegiatan"):
            see("kegiatan", _named(knode, "name"), f"{kpath}.name")
            subs = _named(knode, "sub_kegiatan")
            if not isinstance(subs, yaml.SequenceNode):
                continue
            for _, snode, spath in doc.items(subs, f"{kpath}.sub_kegiatan"):
                see("sub kegiatan", _named(snode, "name"), f"{spath}.name")
    return tuple(out)


def plan_from_document(doc: Document, frameworks: tuple[Framework, ...] = ()) -> ActionPlan | None:
    """Read a plan from a composed document; errors are recorded on ``doc``.

    Args:
        doc: The document.
        frameworks: The office's own frameworks, besides the bundled ones, that the
            plan's ``framework:`` may name.

    Returns:
        The plan, or ``None`` when the document has errors.
    """
    top = doc.mapping(
        doc.root,
        "$",
        required=("kind", "year", "unit", "areas"),
        optional=("framework", "title", "decree", "component"),
    )
    if "kind" in top:
        doc.choice(top["kind"], "$.kind", ("plan",))
    fw_key = doc.optional(top, "framework", "$", doc.string) or DEFAULT_FRAMEWORK
    try:
        fw = find_framework(fw_key, frameworks)
    except LookupError as exc:
        doc.error(top["framework"], "$.framework", str(exc))
        # an unknown framework: read the rest without checking names against one
        fw = Framework(key=fw_key, title="", source="", areas=(), area_required=False)
    component = doc.optional(top, "component", "$", doc.string)
    if component is not None:
        found = fw.component(component)
        if found is None:
            doc.error(top["component"], "$.component", fw.unknown_message(component, "component"))
        component = found.key if found is not None else None
    year = doc.required(top, "year", "$", _year(doc))
    unit = doc.required(top, "unit", "$", doc.string)
    seen: dict[str, int] = {}
    areas = tuple(
        _area(doc, n, node_path("$.areas", i), fw, seen, component=component)
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
        component=component,
        warnings=_near_duplicates(doc, top),
        framework_file=fw if fw.origin is not None else None,
    )


def parse_plan(
    text: str, *, source: str = "<string>", frameworks: Iterable[Framework] = ()
) -> ActionPlan:
    """Parse a plan from YAML text.

    Args:
        text: The YAML text.
        source: The name used in error messages.
        frameworks: The office's own frameworks
            ([`load_framework()`][ppid_core.rb.load_framework]) its ``framework:`` may name.

    Raises:
        DataFileError: Every problem of the text, each located; text over 10 MiB
            (`MAX_FILE_BYTES`) is refused unread.
    """
    check_text_size(text, source)
    extra = tuple(frameworks)
    return build(text, source, lambda doc: plan_from_document(doc, extra))


def load_plan(
    file: FileInput, /, *, source: str | None = None, frameworks: Iterable[Framework] = ()
) -> ActionPlan:
    """Load a plan from its UTF-8 YAML file of at most 10 MiB: a path, bytes or a file object.

    Args:
        file: The YAML file (a path, bytes, or a binary file object read to its end).
        source: The name used in error messages (default: the path, the file object's
            name, or ``"<bytes>"``).
        frameworks: The office's own frameworks its ``framework:`` may name.

    Raises:
        DataFileError: Every problem of the file, each located (a file over the size
            limit is refused unread).
        OSError: The path cannot be read.
    """
    text, name = read_rb_source(file, source=source)
    return parse_plan(text, source=name, frameworks=frameworks)


def loads_plan(text: str, *, source: str = "<string>") -> ActionPlan:
    """Deprecated: use [`parse_plan()`][parse_plan]."""
    deprecated("loads_plan(text)", "parse_plan(text)")
    return parse_plan(text, source=source)


def _optional(data: dict[str, object], **values: object) -> dict[str, object]:
    data.update({k: v for k, v in values.items() if v is not None})
    return data


def _target(t: Target) -> str:
    return f"{t.value}%" if t.percent else str(t.value)


def _money(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


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
                        satuan=sub.satuan,
                        targets={t.period.label: _target(t) for t in sub.targets} or None,
                        budget=_money(sub.budget),
                        budget_realised=_money(sub.budget_realised),
                        pic=sub.pic,
                        pic_name=sub.pic_name,
                        theme=sub.theme,
                        permasalahan=sub.permasalahan,
                    )
                    for sub in act.sub_kegiatan
                ],
            }
            for act in ap.kegiatan
        ]
        areas.append(_optional({}, area=ap.label or ap.area, team=ap.team) | {"kegiatan": kegiatan})
    data: dict[str, object] = {"kind": "plan", "framework": plan.framework, "year": plan.year}
    _optional(data, unit=plan.unit, title=plan.title, decree=plan.decree, component=plan.component)
    data["areas"] = areas
    return data


def dump_plan(plan: ActionPlan) -> str:
    """The plan as YAML text that [`parse_plan()`][parse_plan] reads back to an equal plan."""
    return dump(plan_to_data(plan))
