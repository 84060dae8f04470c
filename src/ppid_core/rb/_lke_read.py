"""Reading an LKE data file strictly: every problem located, the weights checked to add up.

The checks: every weight is exact; the sub-indicators of an area add up to its weight, the
areas of a component to the component's, and the components to 100; in each pengungkit
area the pemenuhan and reform halves are equal (Permen PANRB 90/2021 Lampiran II Bab I
huruf A: "bobot terbagi masing-masing 50 persen"); a choice type's values run from 1 (A,
Ya) down to 0, best first; a percentage names the counts of its formula; question keys are
unique; a predicate's condition names a component, area or sub-indicator that exists.

    >>> lke = bundled_lke()
    >>> [a.key for a in lke.areas if a.component == "hasil"]
    ['bersih_akuntabel', 'pelayanan_prima']

References:
    Permen PANRB 90/2021 Lampiran II Bab I huruf A (Tabel 3, Tabel 4), Lampiran III.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

from ppid_core._source import FileInput, bundled_names, bundled_text
from ppid_core._yaml import Document
from ppid_core.rb._lke import (
    DEFAULT_LKE,
    LKE_ANSWER_TYPES,
    Lke,
    LkeArea,
    LkeCondition,
    LkePredicate,
    LkeQuestion,
    LkeSubIndicator,
)
from ppid_core.rb._lke_derive import read_derive

if TYPE_CHECKING:
    import yaml

__all__ = ["bundled_lke", "lke_names", "load_lke", "read_lke"]

_PACKAGE, _FOLDER = "ppid_core.rb", "data/lke"
#: The options of each choice type, best first.
_OPTIONS = {
    "ya_tidak": ("Ya", "Tidak"),
    "abc": ("A", "B", "C"),
    "abcd": ("A", "B", "C", "D"),
    "abcde": ("A", "B", "C", "D", "E"),
}
_KINDS = ("total", "component", "every_area", "area", "sub_indicator")
_ASPECTS = {"pengungkit": ("pemenuhan", "reform"), "hasil": ("hasil",)}


def bundled_lke(key: str = DEFAULT_LKE) -> Lke:
    """A Zona Integritas LKE shipped with ppid-core, by key (read once, then shared).

    Raises:
        UnknownNameError: No such LKE; the message lists the bundled keys.
    """
    return _bundled(key)


def lke_names() -> tuple[str, ...]:
    """The keys of the bundled LKEs.

    >>> lke_names()
    ('zi-2021-2024',)
    """
    return bundled_names(_PACKAGE, _FOLDER)


def load_lke(file: FileInput) -> Lke:
    """Read an LKE data file in the layout of the bundled ``zi-2021-2024.yaml``.

    Args:
        file: A path, bytes or a binary file object.

    Raises:
        DataFileError: Every problem of the file, each located.
    """
    return read_lke(Document.read(file))


@functools.cache
def _bundled(key: str) -> Lke:
    text, source = bundled_text(_PACKAGE, _FOLDER, key, what="LKE")
    return read_lke(Document.parse(text, source=source))


def _choice(doc: Document, choices: tuple[str, ...]) -> Callable[[yaml.Node, str], str | None]:
    def read(node: yaml.Node, path: str) -> str | None:
        value = doc.choice(node, path, choices)
        return None if value is None else str(value)

    return read


def _number(doc: Document, node: yaml.Node | None, path: str) -> Fraction | None:
    value = doc.decimal(node, path)
    if value is None:
        return None
    if value < 0:
        doc.error(node, path, "expected a number of 0 or more")
        return None
    return Fraction(value)


def read_lke(doc: Document) -> Lke:
    """Build an [`Lke`][ppid_core.rb.Lke] from a composed document, or raise every error.

    Raises:
        DataFileError: Every problem of the document, each located.
    """
    top = doc.mapping(
        doc.root,
        "$",
        required=("key", "title", "references", "conversion", "components", "areas"),
        optional=("predicates",),
    )
    text = functools.partial(doc.string, one_line=True)
    refs = [doc.string(n, p) or "" for _, n, p in doc.items(top.get("references"), "$.references")]
    conversion, confidence = _conversion(doc, top.get("conversion"))
    components: dict[str, tuple[str, Fraction, str]] = {}
    for _, node, path in doc.items(top.get("components"), "$.components"):
        f = doc.mapping(node, path, required=("key", "name", "weight", "citation"))
        key = doc.required(f, "key", path, _choice(doc, tuple(_ASPECTS)))
        weight = doc.required(f, "weight", path, functools.partial(_number, doc))
        if key in components:
            doc.error(node, path, f"duplicate component {key!r}")
        elif key is not None and weight is not None:
            name = doc.required(f, "name", path, text) or ""
            components[key] = (name, weight, doc.required(f, "citation", path, text) or "")
    if components and sum(w for _, w, _ in components.values()) != 100:
        doc.error(top.get("components"), "$.components", "the component weights must add up to 100")
    areas = [
        area
        for i, node, path in doc.items(top.get("areas"), "$.areas")
        if (area := _area(doc, node, path, components)) is not None
    ]
    _check_unique(doc, top.get("areas"), areas)
    for comp, (_, weight, _) in components.items():
        total = sum((a.weight for a in areas if a.component == comp), Fraction(0))
        if areas and total != weight:
            msg = f"the areas of {comp} add up to {_show(total)}, expected {_show(weight)}"
            doc.error(top.get("areas"), "$.areas", msg)
    lke = Lke(
        key=doc.required(top, "key", "$", text) or "",
        title=doc.required(top, "title", "$", text) or "",
        references=tuple(refs),
        components=components,
        areas=tuple(areas),
        conversion=conversion,
        conversion_confidence=confidence,
        predicates=(),
    )
    predicates = [
        p
        for _, node, path in doc.items(top.get("predicates"), "$.predicates")
        if (p := _predicate(doc, node, path, lke)) is not None
    ]
    doc.raise_errors()
    return Lke(
        key=lke.key,
        title=lke.title,
        references=lke.references,
        components=components,
        areas=lke.areas,
        conversion=conversion,
        conversion_confidence=confidence,
        predicates=tuple(predicates),
    )


def _show(value: Fraction) -> str:
    return str(Decimal(value.numerator) / Decimal(value.denominator))


def _conversion(
    doc: Document, node: yaml.Node | None
) -> tuple[dict[str, dict[str, Fraction]], dict[str, str]]:
    fields = doc.mapping(node, "$.conversion", required=tuple(_OPTIONS))
    values: dict[str, dict[str, Fraction]] = {}
    confidence: dict[str, str] = {}
    for kind, options in _OPTIONS.items():
        path = f"$.conversion.{kind}"
        f = doc.mapping(
            fields.get(kind),
            path,
            required=("name", "confidence", "values"),
            optional=("citation",),
        )
        conf = doc.required(f, "confidence", path, _choice(doc, ("reg", "code", "unverified")))
        vpath = f"{path}.values"
        vnode = f.get("values")
        vals = doc.mapping(vnode, vpath, required=options)
        table = {o: _number(doc, vals.get(o), f"{vpath}.{o}") for o in options if o in vals}
        got = [v for v in table.values() if v is not None]
        if len(got) == len(options) and not (
            got[0] == 1 and got[-1] == 0 and all(a > b for a, b in itertools.pairwise(got))
        ):
            doc.error(vnode, vpath, "expected values falling from 1 (the best option) to 0")
        values[kind] = {o: v for o, v in table.items() if v is not None}
        confidence[kind] = conf or "unverified"
    return values, confidence


def _area(
    doc: Document, node: yaml.Node, path: str, components: dict[str, tuple[str, Fraction, str]]
) -> LkeArea | None:
    f = doc.mapping(node, path, required=("key", "name", "component", "weight", "sub_indicators"))
    key = doc.required(f, "key", path, functools.partial(doc.string, one_line=True))
    component = doc.required(f, "component", path, _choice(doc, tuple(components) or ("?",)))
    weight = doc.required(f, "weight", path, functools.partial(_number, doc))
    subs = [
        s
        for _, n, p in doc.items(f.get("sub_indicators"), f"{path}.sub_indicators")
        if (s := _sub(doc, n, p, key or "", component or "")) is not None
    ]
    if key is None or component is None or weight is None:
        return None
    total = sum((s.weight for s in subs), Fraction(0))
    if total != weight:
        msg = f"the sub-indicators of {key} add up to {_show(total)}, expected {_show(weight)}"
        doc.error(f.get("weight"), f"{path}.weight", msg)
    if component == "pengungkit":
        half = {
            a: sum((s.weight for s in subs if s.aspect == a), Fraction(0))
            for a in _ASPECTS[component]
        }
        if half["pemenuhan"] != half["reform"]:
            shown = f"{_show(half['pemenuhan'])} and {_show(half['reform'])}"
            msg = f"pemenuhan and reform of {key} must weigh the same, got {shown}"
            doc.error(f.get("weight"), f"{path}.weight", msg)
    name = doc.required(f, "name", path, doc.string) or ""
    return LkeArea(
        key=key, name=name, component=component, weight=weight, sub_indicators=tuple(subs)
    )


def _sub(
    doc: Document, node: yaml.Node, path: str, area: str, component: str
) -> LkeSubIndicator | None:
    f = doc.mapping(node, path, required=("key", "name", "weight", "questions"), optional=("note",))
    key = doc.required(f, "key", path, functools.partial(doc.string, one_line=True))
    weight = doc.required(f, "weight", path, functools.partial(_number, doc))
    parts = (key or "").split(".")
    aspects = _ASPECTS.get(component, ())
    if key is not None and (len(parts) != 3 or parts[0] not in aspects or parts[1] != area):
        expected = " or ".join(f"'{a}.{area}.<number>'" for a in aspects)
        doc.error(f.get("key"), f"{path}.key", f"expected a key {expected}")
        return None
    questions = [
        q
        for _, n, p in doc.items(f.get("questions"), f"{path}.questions")
        if (q := _question(doc, n, p, key or "")) is not None
    ]
    if key is None or weight is None:
        return None
    return LkeSubIndicator(
        key=key,
        aspect=parts[0],
        name=doc.required(f, "name", path, doc.string) or "",
        weight=weight,
        questions=tuple(questions),
        note=doc.optional(f, "note", path, doc.string),
    )


def _question(doc: Document, node: yaml.Node, path: str, sub: str) -> LkeQuestion | None:
    f = doc.mapping(
        node,
        path,
        required=("letter", "type", "text"),
        optional=("note", "derive", "percent", "counts"),
    )
    letter = doc.required(f, "letter", path, _choice(doc, tuple("abcdefghij")))
    kind = doc.required(f, "type", path, _choice(doc, tuple(LKE_ANSWER_TYPES)))
    extra: dict[str, object] = {}
    if kind == "persen":
        if "percent" not in f or "counts" not in f:
            doc.error(node, path, "a persen question needs 'percent' and 'counts'")
            return None
        extra = _percent(doc, f, path)
    elif "percent" in f or "counts" in f:
        doc.error(node, path, f"'percent' and 'counts' belong only to persen questions, not {kind}")
    if letter is None or kind is None:
        return None
    extra.update(read_derive(doc, f.get("derive"), f"{path}.derive", _OPTIONS.get(kind, ())))
    return LkeQuestion(
        key=f"{sub}.{letter}",
        type=kind,
        text=doc.required(f, "text", path, doc.string) or "",
        options=_OPTIONS.get(kind, ()),
        note=doc.optional(f, "note", path, doc.string),
        **extra,  # type: ignore[arg-type]
    )


def _percent(doc: Document, f: dict[str, yaml.Node], path: str) -> dict[str, object]:
    counts: dict[str, str] = {}
    required: list[str] = []
    for _, n, p in doc.items(f.get("counts"), f"{path}.counts"):
        c = doc.mapping(n, p, required=("key", "name"), optional=("optional",))
        key = doc.required(c, "key", p, functools.partial(doc.string, one_line=True))
        if key is not None:
            counts[key] = doc.required(c, "name", p, doc.string) or ""
            if not doc.optional(c, "optional", p, doc.boolean):
                required.append(key)
    ppath = f"{path}.percent"
    pf = doc.mapping(
        f.get("percent"),
        ppath,
        required=("formula", "numerator", "denominator", "rule"),
        optional=("confidence", "bounded"),
    )
    ends = {}
    for end in ("numerator", "denominator"):
        ends[end] = doc.required(pf, end, ppath, _choice(doc, tuple(counts) or ("?",)))
    return {
        "counts": counts,
        "required_counts": tuple(required),
        "formula": doc.required(pf, "formula", ppath, _choice(doc, ("ratio", "decrease"))),
        "rule": doc.required(pf, "rule", ppath, doc.string),
        "confidence": doc.optional(pf, "confidence", ppath, _choice(doc, ("reg", "unverified")))
        or "reg",
        "bounded": bool(doc.optional(pf, "bounded", ppath, doc.boolean)),
        **ends,
    }


def _check_unique(doc: Document, node: yaml.Node | None, areas: list[LkeArea]) -> None:
    seen: set[str] = set()
    for key in [a.key for a in areas] + [
        q.key for a in areas for s in a.sub_indicators for q in s.questions
    ]:
        if key in seen:
            doc.error(node, "$.areas", f"duplicate key {key!r}")
        seen.add(key)


def _predicate(doc: Document, node: yaml.Node, path: str, lke: Lke) -> LkePredicate | None:
    f = doc.mapping(
        node, path, required=("key", "name", "citation", "conditions"), optional=("not_scored",)
    )
    targets: dict[str, Callable[[str], bool]] = {
        "component": lambda t: t in lke.components,
        "every_area": lambda t: t in lke.components,
        "area": lambda t: any(a.key == t for a in lke.areas),
        "sub_indicator": lambda t: any(s.key == t for s in lke.sub_indicators),
    }
    conditions = []
    for _, n, p in doc.items(f.get("conditions"), f"{path}.conditions"):
        c = doc.mapping(n, p, required=("kind", "minimum", "citation"), optional=("target",))
        kind = doc.required(c, "kind", p, _choice(doc, _KINDS))
        target = doc.optional(c, "target", p, doc.string)
        minimum = doc.required(c, "minimum", p, functools.partial(_number, doc))
        if kind in targets and (target is None or not targets[kind](target)):
            doc.error(
                n,
                p,
                f"a {kind} condition needs an existing {kind.replace('every_', '')} key as target",
            )
            continue
        if kind is not None and minimum is not None:
            citation = doc.required(c, "citation", p, doc.string) or ""
            conditions.append(
                LkeCondition(kind=kind, target=target, minimum=minimum, citation=citation)
            )
    not_scored = []
    for _, n, p in doc.items(f.get("not_scored"), f"{path}.not_scored"):
        ns = doc.mapping(n, p, required=("text", "citation"))
        said = doc.required(ns, "text", p, doc.string)
        where = doc.required(ns, "citation", p, doc.string)
        if said is not None and where is not None:
            not_scored.append((said, where))
    key = doc.required(f, "key", path, doc.string)
    if key is None:
        return None
    return LkePredicate(
        key=key,
        name=doc.required(f, "name", path, doc.string) or "",
        citation=doc.required(f, "citation", path, doc.string) or "",
        conditions=tuple(conditions),
        not_scored=tuple(not_scored),
    )
