"""Reading one plan row (sub kegiatan): schedule, targets with their unit, budget, PIC, theme.

The fields beyond the Lampiran II layout, all optional:

- ``satuan``: the output unit of the row's numeric targets (``Dokumen``, ``Laporan``);
- ``targets``: a mapping of period to target, all months or all quarters:
  ``{TW I: 1, TW III: 2}`` in ``satuan``, or a percentage ``{TW IV: 100%}``. A number
  needs a ``satuan``; every target is above 0 (a period without a target is left out);
- ``budget`` / ``budget_realised``: anggaran planned and realised, in rupiah, written
  without thousands separators (``15000000``; ``15.000.000`` is refused, not guessed);
- ``pic``: the unit or position in charge; ``pic_name``: a person (masked in outputs);
- ``theme`` (an RB Tematik theme of the framework) and ``permasalahan``.

``months`` may be left out when the row has targets: it is then the last month of each
period with a target. Given with targets, it must be exactly those months (a row with
``targets: {TW III: 2}`` is planned in Sep), or its records could never count.

References:
    Permen PANRB 3/2023 (RB Tematik rows: permasalahan, target, satuan, capaian [CODE]);
    Keputusan KPU Provinsi NTT No. 79/2022 Lampiran II (the columns of a row).
"""

from __future__ import annotations

import re
from decimal import Decimal

import yaml

from ppid_core._yaml import Document, node_path
from ppid_core.rb._framework import Framework
from ppid_core.rb._months import months_label, read_months
from ppid_core.rb._periods import PERIOD_FORMS, Period, Target, parse_period
from ppid_core.rb._plan_model import SubActivity

__all__ = ["ROW_FIELDS", "read_sub"]

ROW_FIELDS = ("details", "indikator", "months", "target", "team", "keterangan", "satuan",
              "targets", "budget", "budget_realised", "pic", "pic_name", "theme",
              "permasalahan")  # fmt: skip
_TEXT_FIELDS = ("target", "team", "keterangan", "satuan", "pic", "pic_name", "permasalahan")
_PERCENT = re.compile(r"\s*([0-9]+(?:\.[0-9]+)?)\s*%\s*")
_THOUSANDS = re.compile(r"[0-9]{1,3}(?:[.,][0-9]{3})+")


def _texts(doc: Document, node: yaml.Node, path: str) -> tuple[str, ...]:
    if isinstance(node, yaml.ScalarNode):
        one = doc.string(node, path)
        return (one,) if one is not None else ()
    return tuple(s for _, n, p in doc.items(node, path) if (s := doc.string(n, p)) is not None)


def _target_value(doc: Document, node: yaml.Node, path: str) -> tuple[Decimal, bool] | None:
    raw = doc.scalar(node, path, "a number or a percentage such as '100%'")
    if raw is None:
        return None
    m = _PERCENT.fullmatch(raw)
    value = Decimal(m[1]) if m else doc.decimal(node, path)
    if value is None:
        return None
    if value <= 0:
        msg = f"a target must be above 0, got {raw.strip()}; leave a period without a target out"
        doc.error(node, path, msg)
        return None
    return value, m is not None


def _targets(doc: Document, node: yaml.Node, path: str, satuan: str | None) -> tuple[Target, ...]:
    fields = doc.mapping(node, path, open_keys=True)
    seen: dict[Period, int] = {}
    out: list[Target] = []
    kinds: set[str] = set()
    for word, value_node in fields.items():
        tpath = node_path(path, word)
        period = parse_period(word)
        if period is None:
            doc.error(value_node, tpath, f"unknown period {word!r}; expected {PERIOD_FORMS}")
            continue
        if period in seen:
            msg = f"{period.label} already has a target at line {seen[period]}"
            doc.error(value_node, tpath, msg)
            continue
        seen[period] = value_node.start_mark.line + 1
        kinds.add(period.kind)
        read = _target_value(doc, value_node, tpath)
        if read is None:
            continue
        value, percent = read
        if not percent and satuan is None:
            msg = (
                f"the target {value} of {period.label} has no unit: add 'satuan' (the output "
                "unit, such as 'Dokumen') to this sub kegiatan, or write a percentage "
                "such as '100%'"
            )
            doc.error(value_node, tpath, msg)
            continue
        out.append(Target(period=period, value=value, percent=percent))
    if len(kinds) > 1:
        msg = (
            "the targets mix months and quarters; give every target of a row by month "
            "or every one by triwulan"
        )
        doc.error(node, path, msg)
    return tuple(sorted(out, key=lambda t: t.period))


def _rupiah(doc: Document, node: yaml.Node, path: str) -> Decimal | None:
    raw = doc.scalar(node, path, "an amount in rupiah")
    if raw is not None and _THOUSANDS.fullmatch(raw.strip()):
        msg = (
            f"write rupiah without thousands separators (such as 15000000), got {raw.strip()!r}; "
            "a '.' or ',' is read as a decimal point"
        )
        doc.error(node, path, msg)
        return None
    value = doc.decimal(node, path)
    if value is None:
        return None
    if value < 0 or value.as_tuple().exponent < -2:  # type: ignore[operator]
        doc.error(node, path, f"expected rupiah of at least 0 with at most 2 decimals, got {raw}")
        return None
    return value


def read_sub(
    doc: Document, node: yaml.Node, path: str, fw: Framework, *, component: str | None = None
) -> SubActivity:
    """Read one sub kegiatan at ``path``; problems are recorded on ``doc``.

    ``component`` is the plan's (``general``, ``tematik``): an RB General row has no
    theme, an RB Tematik row needs one.
    """
    fields = doc.mapping(node, path, required=("name",), optional=ROW_FIELDS)
    text = {k: doc.optional(fields, k, path, doc.string) for k in _TEXT_FIELDS}
    targets = (
        _targets(doc, fields["targets"], f"{path}.targets", text["satuan"])
        if "targets" in fields
        else ()
    )
    scheduled = tuple(sorted({t.period.last_month for t in targets}))
    if "months" in fields:
        months = read_months(doc, fields["months"], f"{path}.months") or ()
        if targets and months and months != scheduled:
            msg = (
                f"months {months_label(months)} do not match the targets: a row with targets "
                f"is planned in the last month of each period with a target "
                f"({months_label(scheduled)}); leave 'months' out or write those months"
            )
            doc.error(fields["months"], f"{path}.months", msg)
    elif "targets" in fields:
        months = scheduled
    else:
        doc.error(node, path, "missing required field 'months'")
        months = ()
    theme = raw_theme = doc.optional(fields, "theme", path, doc.string)
    if theme is not None and fw.areas:  # no areas: the framework is unknown (reported)
        found = fw.theme(theme)
        if found is None:
            doc.error(fields["theme"], f"{path}.theme", fw.unknown_message(theme, "theme"))
        theme = found.key if found is not None else None
        if component == "general":
            msg = (
                f"an RB General plan (component: general) has no themes; remove the theme "
                f"{theme or raw_theme!r}, or make the plan RB Tematik (component: tematik)"
            )
            doc.error(fields["theme"], f"{path}.theme", msg)
    elif component == "tematik" and "theme" not in fields:
        themes = ", ".join(a.key for a in fw.themes)
        msg = f"an RB Tematik row needs a 'theme' (one of: {themes})"
        doc.error(node, path, msg)
    budgets = {k: doc.optional(fields, k, path, lambda n, p: _rupiah(doc, n, p))
               for k in ("budget", "budget_realised")}  # fmt: skip
    details, indikator = fields.get("details"), fields.get("indikator")
    return SubActivity(
        name=doc.required(fields, "name", path, doc.string) or "",
        details=_texts(doc, details, f"{path}.details") if details is not None else (),
        indikator=_texts(doc, indikator, f"{path}.indikator") if indikator is not None else (),
        months=months,
        targets=targets,
        budget=budgets["budget"],
        budget_realised=budgets["budget_realised"],
        theme=theme,
        **text,
    )
