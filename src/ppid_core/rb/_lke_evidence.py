"""LKE answers ppid-core derives from its own data, each labelled with where it came from.

[`LkeEvidence`][LkeEvidence] gathers what an office already records; the questions of the
LKE data that name a ``derive`` rule are then answered from it (an office answer always
wins; the score says which was used):

- ``skm_frequency`` (pemenuhan.pelayanan_publik.iv.a): the triwulan of the year with SKM
  respondents (``skm_quarters``; the command line reads them from the survey dates):
  4 triwulan give A, 3 B, 2 C, 1 D, none E;
- ``skm_published`` (pemenuhan.pelayanan_publik.iv.b), recorded: ``online_offline`` A,
  ``offline`` B, ``none`` C;
- ``skm_follow_up`` (pemenuhan.pelayanan_publik.iv.c), recorded as (followed up,
  recommendations): all A, more than half B, some C, none D;
- ``rb_plan`` (pemenuhan.manajemen_perubahan.iii.a), from RB monitoring
  ([`PlanStatus`][ppid_core.rb.PlanStatus]): the sub kegiatan whose planned months so far
  are all done, out of those with planned months so far: all A, more than half B, some C,
  none D;
- ``survey_value`` (hasil.pelayanan_prima.ipkp.a): the unit's SKM index (1-4) as the 0-4
  value, under the setting ``survey_value="ikm-index"``.

Each rule's situation -> option mapping, with its confidence, source and setting, is in the
LKE data (the question's ``derive``), not here. What the regulation does not say, and
ppid-core therefore chose (documented, not hidden):

- "minimal 4 kali dalam setahun" is counted as triwulan with respondents: several surveys
  in one triwulan count once;
- "sebagian besar" is read as more than half, as Lampiran III itself words it in reform
  items ("sebagian besar (lebih dari 50%)");
- IPKP and IPAK are external surveys run for the TPN (Lampiran II Bab III); no source maps a
  unit's own SKM to them. ``survey_value="ikm-index"`` takes the SKM's weighted NRR (IKM /
  25, on the 1-4 scale) as an *estimate* of the IPKP-style value; ``"none"`` derives nothing.
  IPAK is never derived.

References:
    Permen PANRB 90/2021 Lampiran III (Manajemen Perubahan pemenuhan iii.a; Peningkatan
    Kualitas Pelayanan Publik pemenuhan iv.a-c; Hasil II.a); Permenpan RB 14/2017 (SKM).
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction

import attrs

from ppid_core._i18n import N_
from ppid_core._numbers import half_up
from ppid_core.errors import InvalidArgumentError, UnknownNameError
from ppid_core.rb._lke import Lke, LkeQuestion
from ppid_core.rb._lke_answers import LkeAnswerValue
from ppid_core.rb._status import PlanStatus, RowState

__all__ = ["LKE_SURVEY_VALUES", "SKM_PUBLISHED", "Derived", "LkeEvidence", "derive_lke_answers"]

#: Recorded publication of SKM results -> what it means (the LKE data maps each to an option
#: of pemenuhan.pelayanan_publik.iv.b).
SKM_PUBLISHED: Mapping[str, str] = {
    "online_offline": "online (website, social media) and offline",
    "offline": "offline only, at the service point",
    "none": "not published",
}
#: The settings that turn a unit's survey into a 0-4 survey value, with what they do (in
#: English; ``_(text)`` where shown).
LKE_SURVEY_VALUES: Mapping[str, str] = {
    "ikm-index": N_(
        "the SKM's weighted NRR (IKM / 25, 1-4) taken as the IPKP-style 0-4 value; "
        "an estimate, not a source rule"
    ),
    "none": N_("no survey value is derived"),
}


def _published(_: object, __: object, value: str | None) -> None:
    if value is not None and value not in SKM_PUBLISHED:
        msg = f"skm_published must be one of {', '.join(SKM_PUBLISHED)}, got {value!r}"
        raise InvalidArgumentError(msg)


def _follow_up(_: object, __: object, value: tuple[int, int] | None) -> None:
    if value is not None and not 0 <= value[0] <= value[1]:
        msg = f"skm_follow_up must be (followed up, total), 0 <= followed up <= total; got {value}"
        raise InvalidArgumentError(msg)


def _index(_: object, __: object, value: Fraction | None) -> None:
    if value is not None and not 0 <= value <= 4:
        msg = f"skm_index must be from 0 to 4, got {value}"
        raise InvalidArgumentError(msg)


@attrs.frozen(kw_only=True)
class LkeEvidence:
    """What an office records that answers LKE questions (every field optional).

    Attributes:
        skm_quarters: The triwulan with SKM respondents, as ``"2025-T1"`` keys (the keys of
            ``ppid_core.ikm.by_period(survey, "quarter")`` with respondents).
        skm_source: Where ``skm_quarters`` and ``skm_index`` come from (file names).
        skm_published: How the SKM results were published: ``online_offline``,
            ``offline`` or ``none``.
        skm_follow_up: ``(followed up, total)`` recommendations of the SKM.
        skm_index: The unit's SKM weighted NRR, 1-4 (``IkmResult.index``).
        plan_status: The RB action plan's status at the end of the period evaluated.

    Raises:
        InvalidArgumentError: A value outside its range.
    """

    skm_quarters: tuple[str, ...] | None = None
    skm_source: str = "SKM"
    skm_published: str | None = attrs.field(default=None, validator=_published)
    skm_follow_up: tuple[int, int] | None = attrs.field(default=None, validator=_follow_up)
    skm_index: Fraction | None = attrs.field(default=None, validator=_index)
    plan_status: PlanStatus | None = attrs.field(default=None, eq=False)


@attrs.frozen(kw_only=True)
class Derived:
    """A derived answer and where it came from."""

    value: LkeAnswerValue
    label: str


def _share(done: int, total: int, options: Mapping[str, str]) -> str:
    """The option the LKE data maps all / more than half / some / none to."""
    if done == total:
        return options["all"]
    if 2 * done > total:
        return options["more_than_half"]
    return options["some"] if done > 0 else options["none"]


def derive_lke_answers(
    lke: Lke, evidence: LkeEvidence, *, year: int, survey_value: str = "ikm-index"
) -> dict[str, Derived]:
    """The answers the evidence gives, by question key (only questions with a rule).

    Raises:
        UnknownNameError: ``survey_value`` is not one of ``LKE_SURVEY_VALUES``.
    """
    if survey_value not in LKE_SURVEY_VALUES:
        msg = f"unknown survey_value {survey_value!r}; use one of {', '.join(LKE_SURVEY_VALUES)}"
        raise UnknownNameError(msg)
    out: dict[str, Derived] = {}
    for q in lke.questions:
        found = _derive(q, evidence, year, survey_value)
        if found is not None:
            out[q.key] = found
    return out


def _derive(q: LkeQuestion, ev: LkeEvidence, year: int, survey_value: str) -> Derived | None:
    if q.derive == "skm_frequency" and ev.skm_quarters is not None:
        held = sorted({k for k in ev.skm_quarters if k.startswith(f"{year}-")})
        option = q.derive_options[str(min(len(held), 4))]
        where = ", ".join(held) or "none"
        label = f"{ev.skm_source}: SKM respondents in {len(held)} triwulan of {year} ({where})"
        return Derived(value=option, label=label)
    if q.derive == "skm_published" and ev.skm_published is not None:
        return Derived(
            value=q.derive_options[ev.skm_published],
            label=f"recorded: SKM results published {ev.skm_published}",
        )
    if q.derive == "skm_follow_up" and ev.skm_follow_up is not None and ev.skm_follow_up[1]:
        done, total = ev.skm_follow_up
        label = f"recorded: {done} of {total} SKM follow-ups done"
        return Derived(value=_share(done, total, q.derive_options), label=label)
    if q.derive == "rb_plan" and ev.plan_status is not None:
        st = ev.plan_status
        rows = [r for r in st.rows if r.state not in (RowState.UNSCHEDULED, RowState.UPCOMING)]
        if not rows:
            return None
        done = sum(r.state in (RowState.COMPLETE, RowState.ON_TRACK) for r in rows)
        label = (
            f"RB monitoring {st.plan.unit} up to {st.year}-{st.month:02d}: "
            f"{done} of {len(rows)} sub kegiatan ran to plan"
        )
        return Derived(value=_share(done, len(rows), q.derive_options), label=label)
    if q.derive == "survey_value" and survey_value == "ikm-index" and ev.skm_index is not None:
        label = (
            f"{ev.skm_source}: SKM index {half_up(ev.skm_index, 2)} "
            "(survey_value=ikm-index: an estimate, not the TPN survey)"
        )
        return Derived(value=ev.skm_index, label=label)
    return None
