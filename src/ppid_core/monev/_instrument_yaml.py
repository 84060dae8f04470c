"""Reading an e-Monev instrument from YAML: every problem located and reported together.

What [`Instrument`][ppid_core.monev.Instrument] refuses when built in code is refused here
first, at the node that says it, with the file's line, column and data path.
"""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from ppid_core._yaml import Document, node_path
from ppid_core.monev._instrument_parts import (
    AGGREGATIONS,
    ANSWER_TYPES,
    CONFIDENCES,
    DERIVATIONS,
    HUNDRED,
    Band,
    Indicator,
    Item,
)

if TYPE_CHECKING:
    import yaml

__all__ = ["read_instrument"]

_KEY_RE = re.compile(r"[a-z][a-z0-9_]*")
_FILE_KEY_RE = re.compile(r"[a-z0-9][a-z0-9_-]*")
_SCALE_LIMIT = 1000


def _percent(doc: Document, node: yaml.Node | None, path: str) -> Fraction | None:
    """A percentage from 0 to 100, exact (``12.5`` is 25/2)."""
    value = doc.decimal(node, path)
    if value is None:
        return None
    if not 0 <= value <= HUNDRED:
        doc.error(node, path, f"expected a percentage from 0 to 100, got {value}")
        return None
    return Fraction(value)


def _key(doc: Document, node: yaml.Node | None, path: str, pattern: re.Pattern[str]) -> str | None:
    key = doc.string(node, path, one_line=True)
    if key is not None and not pattern.fullmatch(key):
        kind = (
            "snake_case key" if pattern is _KEY_RE else "key of lower-case letters, digits, - or _"
        )
        doc.error(node, path, f"expected a {kind}, got {key!r}")
        return None
    return key


def _confidence(doc: Document, m: dict[str, yaml.Node], path: str) -> str:
    return str(doc.required(m, "confidence", path, lambda n, p: doc.choice(n, p, CONFIDENCES)))


def _text(doc: Document, m: dict[str, yaml.Node], key: str, path: str) -> str:
    return doc.optional(m, key, path, doc.string) or ""


def _points(doc: Document, node: yaml.Node | None, path: str) -> Fraction | str | None:
    """An item's points: a number of at least 0, or ``unknown`` (``"unknown"`` returned)."""
    if node is None:
        return "unknown"
    if doc.scalar(node, path, "a number or unknown") == "unknown":
        return "unknown"
    value = doc.decimal(node, path)
    if value is None:
        return None
    if value < 0:
        doc.error(node, path, f"expected points of at least 0, got {value}")
        return None
    return Fraction(value)


def _read_item(
    doc: Document, node: yaml.Node, path: str, indicator: str, aggregation: str | None
) -> Item | None:
    m = doc.mapping(
        node,
        path,
        required=("key", "text", "answer", "confidence", "source"),
        optional=("number", "minimum", "maximum", "points", "derive", "note"),
    )
    if not m:
        return None
    answer = doc.required(m, "answer", path, lambda n, p: doc.choice(n, p, ANSWER_TYPES))
    minimum, maximum = 0, 1
    if answer == "scale":
        for bound in ("minimum", "maximum"):
            if bound not in m:
                doc.error(node, path, f"missing required field {bound!r} (a scale item)")
        low = doc.optional(m, "minimum", path, lambda n, p: doc.integer(n, p, minimum=0))
        high = doc.optional(
            m, "maximum", path, lambda n, p: doc.integer(n, p, minimum=1, maximum=_SCALE_LIMIT)
        )
        if low is not None and high is not None and low >= high:
            doc.error(m["maximum"], node_path(path, "maximum"), f"expected more than {low}")
        minimum, maximum = low or 0, high or 1
    else:
        for bound in ("minimum", "maximum"):
            if bound in m:
                doc.error(m[bound], node_path(path, bound), f"only a scale item has {bound!r}")
    derive = doc.optional(m, "derive", path, lambda n, p: doc.choice(n, p, DERIVATIONS))
    if derive is not None and answer == "scale":
        doc.error(m["derive"], node_path(path, "derive"), "only a yes_no item can be derived")
    points = _points(doc, m.get("points"), node_path(path, "points"))
    if aggregation == "points" and points == "unknown":
        doc.error(node, path, "aggregation rule 'points' needs the points of every item")
    if aggregation == "equal" and isinstance(points, Fraction):
        doc.error(
            m["points"],
            node_path(path, "points"),
            "points are given but the aggregation rule is 'equal'; use rule 'points'",
        )
    key = _key(doc, m.get("key"), node_path(path, "key"), _KEY_RE)
    text = doc.required(m, "text", path, doc.string)
    if key is None or text is None or answer is None:
        return None
    return Item(
        key=key,
        indicator=indicator,
        text=text,
        answer=answer,
        minimum=minimum,
        maximum=maximum,
        points=points if isinstance(points, Fraction) else None,
        number=doc.optional(m, "number", path, lambda n, p: doc.string(n, p, one_line=True)),
        derive=derive,
        confidence=_confidence(doc, m, path),
        source=_text(doc, m, "source", path),
        note=_text(doc, m, "note", path),
    )


def _read_indicator(
    doc: Document, node: yaml.Node, path: str, aggregation: str | None, seen: dict[str, int]
) -> Indicator | None:
    m = doc.mapping(
        node,
        path,
        required=("key", "name", "weight", "confidence", "source", "items"),
        optional=("complete",),
    )
    if not m:
        return None
    key = _key(doc, m.get("key"), node_path(path, "key"), _KEY_RE)
    items = []
    for _, item_node, item_path in doc.items(m.get("items"), node_path(path, "items")):
        item = _read_item(doc, item_node, item_path, key or "", aggregation)
        if item is None:
            continue
        if item.key in seen:
            doc.error(
                item_node,
                item_path,
                f"duplicate item key {item.key!r} (first at line {seen[item.key]})",
            )
            continue
        seen[item.key] = item_node.start_mark.line + 1
        items.append(item)
    if aggregation == "points" and items and not any(i.points for i in items):
        doc.error(m["items"], node_path(path, "items"), "the items' points must not all be 0")
    weight = doc.required(m, "weight", path, lambda n, p: _percent(doc, n, p))
    name = doc.required(m, "name", path, doc.string)
    if key is None or weight is None or name is None:
        return None
    return Indicator(
        key=key,
        name=name,
        weight=weight,
        items=tuple(items),
        complete=bool(doc.optional(m, "complete", path, doc.boolean)),
        confidence=_confidence(doc, m, path),
        source=_text(doc, m, "source", path),
    )


def _read_bands(doc: Document, node: yaml.Node | None, path: str) -> dict[str, Any]:
    m = doc.mapping(node, path, required=("confidence", "source", "rule", "levels"))
    bands: list[Band] = []
    names: set[str] = set()
    for _, band_node, band_path in doc.items(m.get("levels"), node_path(path, "levels")):
        b = doc.mapping(band_node, band_path, required=("name", "lower"))
        name = doc.required(b, "name", band_path, lambda n, p: doc.string(n, p, one_line=True))
        lower = doc.required(b, "lower", band_path, lambda n, p: _percent(doc, n, p))
        if name is None or lower is None:
            continue
        if name in names:
            doc.error(b["name"], node_path(band_path, "name"), f"duplicate band {name!r}")
        elif bands and lower >= bands[-1].lower:
            doc.error(
                b["lower"],
                node_path(band_path, "lower"),
                f"expected a lower bound below {bands[-1].lower} (bands go highest first)",
            )
        else:
            names.add(name)
            bands.append(Band(name=name, lower=lower))
    if "levels" in m and not doc.errors and (not bands or bands[-1].lower != 0):
        doc.error(m["levels"], node_path(path, "levels"), "the last band must start at 0")
    return {
        "bands": tuple(bands),
        "band_rule": _text(doc, m, "rule", path),
        "bands_confidence": _confidence(doc, m, path),
        "bands_source": _text(doc, m, "source", path),
    }


def read_instrument(doc: Document) -> dict[str, Any] | None:
    """The fields of an [`Instrument`][ppid_core.monev.Instrument] read from ``doc``, or
    ``None``; every problem is recorded on ``doc``."""
    top = doc.mapping(
        doc.root,
        "$",
        required=("key", "title", "split", "aggregation", "bands", "indicators"),
        optional=("regulation", "year"),
    )
    split = doc.mapping(
        top.get("split"), "$.split", required=("saq", "visitasi", "confidence", "source")
    )
    saq = doc.required(split, "saq", "$.split", lambda n, p: _percent(doc, n, p))
    visitasi = doc.required(split, "visitasi", "$.split", lambda n, p: _percent(doc, n, p))
    if saq is not None and visitasi is not None and saq + visitasi != HUNDRED:
        doc.error(
            top["split"], "$.split", f"saq and visitasi must sum to 100, got {saq + visitasi}"
        )
    agg = doc.mapping(
        top.get("aggregation"), "$.aggregation", required=("rule", "confidence", "note")
    )
    rule = doc.required(agg, "rule", "$.aggregation", lambda n, p: doc.choice(n, p, AGGREGATIONS))
    bands = _read_bands(doc, top.get("bands"), "$.bands")
    indicators: list[Indicator] = []
    seen_items: dict[str, int] = {}
    seen: dict[str, int] = {}
    for _, node, path in doc.items(top.get("indicators"), "$.indicators"):
        indicator = _read_indicator(doc, node, path, rule, seen_items)
        if indicator is None:
            continue
        if indicator.key in seen:
            doc.error(
                node,
                path,
                f"duplicate indicator {indicator.key!r} (first at line {seen[indicator.key]})",
            )
            continue
        seen[indicator.key] = node.start_mark.line + 1
        indicators.append(indicator)
    total = sum((i.weight for i in indicators), Fraction(0))
    if "indicators" in top and not doc.errors and total != HUNDRED:
        doc.error(
            top["indicators"], "$.indicators", f"the weights must sum to 100, got {_show(total)}"
        )
    key = doc.required(top, "key", "$", lambda n, p: _key(doc, n, p, _FILE_KEY_RE))
    title = doc.required(top, "title", "$", doc.string)
    if doc.errors or key is None or title is None or saq is None or visitasi is None:
        return None
    return {
        "key": key,
        "title": title,
        "regulation": _text(doc, top, "regulation", "$"),
        "year": doc.optional(
            top, "year", "$", lambda n, p: doc.integer(n, p, minimum=2000, maximum=2200)
        ),
        "saq_share": saq,
        "visitasi_share": visitasi,
        "split_confidence": _confidence(doc, split, "$.split"),
        "split_source": _text(doc, split, "source", "$.split"),
        "aggregation": rule,
        "aggregation_confidence": _confidence(doc, agg, "$.aggregation"),
        "aggregation_note": _text(doc, agg, "note", "$.aggregation"),
        "indicators": tuple(indicators),
        **bands,
    }


def _show(value: Fraction) -> str:
    """An exact sum of decimals as written: ``99.5``, ``100``."""
    return format(Decimal(value.numerator) / Decimal(value.denominator), "f")
