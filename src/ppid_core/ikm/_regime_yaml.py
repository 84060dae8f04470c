"""Reading a regime from YAML: every problem located (file, line, column, data path) and
reported together; what [`Regime`][ppid_core.ikm.Regime] refuses when built in code is
refused here first, at the node that says it."""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import attrs

from ppid_core._i18n import _
from ppid_core._numbers import half_up, parse_fraction
from ppid_core._yaml import Document, node_path
from ppid_core.ikm._regime_parts import (
    CONVERSION_LIMIT,
    SCALE_LIMIT,
    Band,
    Unsur,
    label_problems,
    normalize_header,
)

if TYPE_CHECKING:
    import yaml

__all__ = ["regime_fields"]

_CENT = Decimal("0.01")
_KEY_RE = re.compile(r"[a-z][a-z0-9_]*")
_WEIGHT_TEXT_LIMIT = 100  # characters of a weight such as "1/9" or "0.111"


def _clip(text: str) -> str:
    return text if len(text) <= _WEIGHT_TEXT_LIMIT else text[:_WEIGHT_TEXT_LIMIT] + "..."


def _weight(text: str) -> Fraction | None:
    """A weight such as ``1/9`` or ``0.111``; ``None`` when it is not one (or absurdly long)."""
    return parse_fraction(text) if len(text) <= _WEIGHT_TEXT_LIMIT else None


@attrs.define
class _RawUnsur:
    node: yaml.Node
    path: str
    key_node: yaml.Node | None = None
    key: str | None = None
    name: str | None = None
    aliases: tuple[str, ...] = ()
    question: str = ""
    question_number: int | None = None
    answers: tuple[str, ...] = ()
    answer_nodes: list[tuple[yaml.Node, str]] = attrs.Factory(list)
    weight: Fraction | None = None
    has_weight: bool = False


def _texts(doc: Document, m: dict[str, yaml.Node], field: str, path: str) -> tuple[str, ...]:
    if field not in m:
        return ()
    items = [doc.string(n, p) for _, n, p in doc.items(m[field], node_path(path, field))]
    return tuple(i for i in items if i is not None)


def _read_unsur(doc: Document, node: yaml.Node, path: str) -> _RawUnsur | None:
    m = doc.mapping(
        node,
        path,
        required=("key", "name"),
        optional=("aliases", "question", "question_number", "answers", "weight"),
    )
    if not m:
        return None
    raw = _RawUnsur(node=node, path=path, key_node=m.get("key"))
    raw.key = doc.string(m.get("key"), node_path(path, "key"))
    if raw.key is not None and not _KEY_RE.fullmatch(raw.key):
        doc.error(
            m["key"],
            node_path(path, "key"),
            _("expected a snake_case key, got {key!r}").format(key=raw.key),
        )
    raw.name = doc.string(m.get("name"), node_path(path, "name"))
    raw.aliases = _texts(doc, m, "aliases", path)
    if "answers" in m:
        items = doc.items(m["answers"], node_path(path, "answers"))
        labels = [doc.string(n, p) for _, n, p in items]
        raw.answers = tuple(label for label in labels if label is not None)
        raw.answer_nodes = [(n, p) for _, n, p in items] if None not in labels else []
    raw.question = doc.optional(m, "question", path, doc.string) or ""
    raw.question_number = doc.optional(
        m, "question_number", path, lambda n, p: doc.integer(n, p, minimum=1, maximum=99)
    )
    if "weight" in m:
        raw.has_weight = True
        wpath = node_path(path, "weight")
        text = doc.string(m["weight"], wpath)
        raw.weight = _weight(text) if text is not None else None
        if text is not None and (raw.weight is None or not 0 < raw.weight <= 1):
            doc.error(
                m["weight"],
                wpath,
                _("expected a weight in (0, 1] like 1/9 or 0.2, got {value!r}").format(
                    value=_clip(text)
                ),
            )
            raw.weight = None
    return raw


def _read_bands(
    doc: Document, node: yaml.Node | None, path: str, low: Decimal, high: Decimal
) -> list[Band]:
    bands: list[Band] = []
    whole = True  # False after a band whose bounds could not be used
    for _key, n, p in doc.items(node, path):
        m = doc.mapping(n, p, required=("mutu", "kinerja", "perception", "lower", "upper"))
        mutu = doc.string(m.get("mutu"), node_path(p, "mutu"))
        kinerja = doc.string(m.get("kinerja"), node_path(p, "kinerja"))
        perception = doc.integer(
            m.get("perception"), node_path(p, "perception"), minimum=1, maximum=9
        )
        lower = doc.decimal(m.get("lower"), node_path(p, "lower"))
        upper = doc.decimal(m.get("upper"), node_path(p, "upper"))
        if mutu is None or kinerja is None or perception is None or lower is None or upper is None:
            whole = False  # a bound that could not be read: no "last band" check either
            continue
        outside = [
            (name, value)
            for name, value in (("lower", lower), ("upper", upper))
            if not low <= value <= high
        ]
        for name, value in outside:
            doc.error(
                m[name],
                node_path(p, name),
                _("{name} {value} is outside the converted scale {low}-{high}").format(
                    name=name, value=_clip(str(value)), low=low, high=high
                ),
            )
        if outside:  # the bounds are unusable; later bands are checked against what is known
            whole = False
            continue
        expected = low if not bands else bands[-1].upper + _CENT
        on_grid = lower.quantize(_CENT) == lower and upper.quantize(_CENT) == upper
        if not on_grid or (whole and lower != expected):
            doc.error(
                m["lower"],
                node_path(p, "lower"),
                _(
                    "bands must be contiguous on the 0.01 grid: expected lower {expected}, got "
                    "{lower}"
                ).format(expected=expected, lower=lower),
            )
        if upper < lower:
            doc.error(
                m["upper"],
                node_path(p, "upper"),
                _("upper {upper} is below lower {lower}").format(upper=upper, lower=lower),
            )
        bands.append(
            Band(
                mutu=mutu,
                kinerja=kinerja,
                perception=perception,
                lower=lower,
                upper=upper,
            )
        )
        whole = True
    if bands and whole and bands[-1].upper != high:
        doc.error(
            node,
            path,
            _("the last band must end at {high}, got {upper}").format(
                high=high, upper=bands[-1].upper
            ),
        )
    return bands


def regime_fields(doc: Document) -> dict[str, Any]:
    """The fields of the regime a parsed YAML document describes (``Regime(**fields)``).

    Raises:
        DataFileError: Every problem of the document, located.
    """
    path = "$"
    m = doc.mapping(
        doc.root,
        path,
        required=("key", "title", "unsur", "bands"),
        optional=("references", "scale_minimum", "scale_maximum", "conversion", "notes"),
    )
    key = doc.string(m.get("key"), "$.key")
    title = doc.string(m.get("title"), "$.title")
    refs = (
        [doc.string(n, p) for _, n, p in doc.items(m["references"], "$.references")]
        if ("references" in m)
        else []
    )
    smin = doc.optional(
        m, "scale_minimum", path, lambda n, p: doc.integer(n, p, minimum=0, maximum=SCALE_LIMIT)
    )
    smax = doc.optional(
        m, "scale_maximum", path, lambda n, p: doc.integer(n, p, minimum=1, maximum=SCALE_LIMIT)
    )
    conv = doc.optional(
        m, "conversion", path, lambda n, p: doc.integer(n, p, minimum=1, maximum=CONVERSION_LIMIT)
    )
    smin, smax, conv = (1 if smin is None else smin), (smax or 4), (conv or 25)
    if smin >= smax:
        doc.error(
            m.get("scale_maximum", m.get("scale_minimum")),
            "$.scale_maximum",
            _(
                "the answer scale must run upwards: scale_minimum {smin}, scale_maximum {smax}"
            ).format(smin=smin, smax=smax),
        )
        smin, smax = 1, 4  # go on checking the rest against the usual scale
    notes = doc.optional(m, "notes", path, doc.string) or ""
    raw_unsur = [_read_unsur(doc, n, p) for _, n, p in doc.items(m.get("unsur"), "$.unsur")]
    readable = [u for u in raw_unsur if u is not None]
    seen: dict[str, str] = {}
    first_path: dict[str, str] = {}
    size = smax - smin + 1
    for u in readable:
        if u.key is not None and u.key in first_path:
            doc.error(
                u.key_node,
                node_path(u.path, "key"),
                _(
                    "duplicate unsur key {key!r} (first at "
                    "{first_path}); every unsur needs its own "
                    "key"
                ).format(key=u.key, first_path=first_path[u.key]),
            )
        elif u.key is not None:
            first_path[u.key] = u.path
        if u.answers and len(u.answers) != size:
            doc.error(
                u.node,
                node_path(u.path, "answers"),
                _("expected {size} answer labels (scores {smin}-{smax}), got {count}").format(
                    size=size, smin=smin, smax=smax, count=len(u.answers)
                ),
            )
        elif u.answer_nodes:
            for pos, message in label_problems(u.answers, smin, smax):
                doc.error(*u.answer_nodes[pos], message)
        for header in (u.key, u.name, *u.aliases):
            if header is None:
                continue
            norm = normalize_header(header)
            if norm in seen and seen[norm] != u.key:
                doc.error(
                    u.node,
                    u.path,
                    _("header {header!r} already names unsur {seen!r}").format(
                        header=header, seen=seen[norm]
                    ),
                )
            seen[norm] = str(u.key)
    weighted = [u for u in readable if u.has_weight]
    if weighted and len(weighted) != len(readable):
        doc.error(m.get("unsur"), "$.unsur", _("give a weight to every unsur or to none"))
    elif weighted and all(u.weight is not None for u in weighted):
        total = sum((u.weight for u in weighted if u.weight is not None), Fraction(0))
        if total != 1:
            doc.error(
                m.get("unsur"),
                "$.unsur",
                _("the weights must sum to exactly 1, got {total} (= {value})").format(
                    total=total, value=half_up(total, 6)
                ),
            )
    bands = _read_bands(doc, m.get("bands"), "$.bands", Decimal(smin * conv), Decimal(smax * conv))
    doc.raise_errors()
    equal = Fraction(1, len(readable)) if readable else Fraction(1)
    unsur = tuple(
        Unsur(
            key=str(u.key),
            name=str(u.name),
            aliases=u.aliases,
            question=u.question,
            question_number=u.question_number,
            answers=u.answers,
            weight=u.weight if u.weight is not None else equal,
        )
        for u in readable
    )
    return {
        "key": str(key),
        "title": str(title),
        "references": tuple(r for r in refs if r),
        "unsur": unsur,
        "scale_minimum": smin,
        "scale_maximum": smax,
        "conversion": conv,
        "bands": tuple(bands),
        "notes": notes,
    }
