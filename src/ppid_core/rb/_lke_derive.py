"""Reading the ``derive`` of an LKE question: rule, situation -> option mapping, confidence.

Each rule maps the situations it can see to an option of the question:

- ``skm_frequency``: ``"4"`` to ``"0"`` triwulan with SKM respondents;
- ``skm_published``: ``online_offline``, ``offline``, ``none``;
- ``skm_follow_up`` and ``rb_plan``: ``all``, ``more_than_half``, ``some``, ``none``;
- ``survey_value``: no options (the value is the survey's).

``confidence`` is ``reg`` (the LKE's option ladder, read), ``code``, ``unverified`` or
``setting`` (ppid-core's documented choice); ``source`` says where the mapping comes from and
``setting`` what ppid-core chose where the regulation is silent.

References:
    Permen PANRB 90/2021 Lampiran III (Manajemen Perubahan pemenuhan iii.a; Peningkatan
    Kualitas Pelayanan Publik pemenuhan iv.a-c; Hasil II.a).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ppid_core._yaml import Document

if TYPE_CHECKING:
    import yaml

__all__ = ["DERIVE_SITUATIONS", "read_derive"]

_CONFIDENCE = ("reg", "code", "unverified", "setting")
_SHARES = ("all", "more_than_half", "some", "none")
#: Each derive rule -> the situations its ``options`` map to an answer.
DERIVE_SITUATIONS: dict[str, tuple[str, ...]] = {
    "skm_frequency": ("4", "3", "2", "1", "0"),
    "skm_published": ("online_offline", "offline", "none"),
    "skm_follow_up": _SHARES,
    "rb_plan": _SHARES,
    "survey_value": (),
}


def read_derive(
    doc: Document, node: yaml.Node | None, path: str, options: tuple[str, ...]
) -> dict[str, object]:
    """The ``derive`` of a question: its rule, mapping, confidence, source and setting.

    Returns:
        The ``derive*`` fields of [`LkeQuestion`][ppid_core.rb.LkeQuestion] (empty when the
        question has no ``derive``); every problem is recorded on ``doc``.
    """
    if node is None:
        return {}
    f = doc.mapping(
        node,
        path,
        required=("rule", "confidence", "source"),
        optional=("options", "setting"),
    )
    rule = doc.required(f, "rule", path, lambda n, p: doc.choice(n, p, tuple(DERIVE_SITUATIONS)))
    mapping: dict[str, str] = {}
    situations = DERIVE_SITUATIONS.get(rule or "", ())
    if situations:
        got = doc.mapping(f.get("options"), f"{path}.options", required=situations)
        for key, value in got.items():
            answer = doc.choice(value, f"{path}.options.{key}", options or ("?",))
            if answer is not None:
                mapping[key] = str(answer)
    elif rule is not None and "options" in f:
        doc.error(f.get("options"), f"{path}.options", f"the {rule} rule takes no options")
    return {
        "derive": rule,
        "derive_options": mapping,
        "derive_confidence": doc.required(
            f, "confidence", path, lambda n, p: doc.choice(n, p, _CONFIDENCE)
        ),
        "derive_source": doc.required(f, "source", path, doc.string),
        "derive_setting": doc.optional(f, "setting", path, doc.string),
    }
