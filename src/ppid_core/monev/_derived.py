"""What ppid-core already knows answers e-Monev items by itself, and says from what.

A [`Fact`][Fact] is one such piece of knowledge: its kind (one of
[`DERIVATIONS`][ppid_core.monev.DERIVATIONS]), whether it holds, and its provenance, a
sentence naming the file and the figure it rests on. An item of the instrument with
``derive: <kind>`` is answered ``ya`` by a fact that holds, ``tidak`` by one that does
not, unless the office answered it itself: the office's answer always wins, and the
score says which was used.

    >>> from ppid_core.examples.requests import load_kpu_ntt_2024
    >>> fact = register_fact(load_kpu_ntt_2024())
    >>> fact.provenance
    'register permohonan kpu_ntt_2024.csv: 37 permohonan (ppid_core.requests.load_register)'

A derived answer still needs its PDF in the SAQ (one PDF of data dukung per item,
Perki 1/2022 procedure [secondary]): [`Fact.upload`][Fact] says which document
ppid-core produces for it.

    >>> fact.upload
    'register permohonan sebagai PDF (ekspor berkas register)'

Provenances name files by their name alone (``kpu-ntt-dip.yaml``), never a folder path.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs

from ppid_core.errors import InvalidArgumentError
from ppid_core.monev._instrument_parts import DERIVATIONS

if TYPE_CHECKING:
    from ppid_core.dip import DipCheck
    from ppid_core.ikm import IkmResult
    from ppid_core.requests import AnnualReport, Register

__all__ = [
    "UPLOADS",
    "Fact",
    "annual_report_fact",
    "dip_fact",
    "merge_facts",
    "register_fact",
    "survey_fact",
]


UPLOADS = {
    "annual_report": "laporan dari `ppid report annual` sebagai PDF",
    "dip": "DIP dari `ppid dip table` sebagai PDF",
    "ikm": "laporan survei kepuasan masyarakat (IKM) dari `ppid ikm score` sebagai PDF",
    "register": "register permohonan sebagai PDF (ekspor berkas register)",
}
"""Per kind of fact: the PDF the office uploads for a derived answer."""


def _file_name(source: str) -> str:
    """A file's name without its folders (``/a/b/dip.yaml`` and ``a\\dip.yaml``: ``dip.yaml``)."""
    return source.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] or source


def _kind(_self: object, _attr: object, value: str) -> None:
    if value not in DERIVATIONS:
        msg = f"unknown kind of fact {value!r}; expected one of: {', '.join(DERIVATIONS)}"
        raise InvalidArgumentError(msg)


@attrs.frozen(kw_only=True)
class Fact:
    """Something ppid-core knows that answers an item, with where it comes from.

    Attributes:
        kind: One of [`DERIVATIONS`][ppid_core.monev.DERIVATIONS] (``"register"``, ...).
        holds: Whether it holds (a derived ``ya``) or not (a derived ``tidak``).
        provenance: What it rests on: the file (by name) and the figure, never personal
            data.
        upload: The PDF the office uploads for the derived answer (default: the one
            ppid-core produces for its kind, see `UPLOADS`).
    """

    kind: str = attrs.field(validator=_kind)
    holds: bool
    provenance: str
    upload: str = attrs.field(
        default=attrs.Factory(lambda self: UPLOADS.get(self.kind, ""), takes_self=True)
    )


def register_fact(register: Register) -> Fact:
    """The register permohonan exists: a register read by `ppid_core.requests.load_register`.

    Args:
        register: The register read (its file name and its number of requests are named).
    """
    return Fact(
        kind="register",
        holds=True,
        provenance=(
            f"register permohonan {_file_name(register.source)}: {len(register)} permohonan "
            "(ppid_core.requests.load_register)"
        ),
    )


def survey_fact(result: IkmResult) -> Fact:
    """A satisfaction survey was held: its IKM (Permenpan RB 14/2017), from ``ppid_core.ikm``.

    It holds when the survey has at least one respondent.
    """
    return Fact(
        kind="ikm",
        holds=result.respondents > 0,
        provenance=(
            f"survei kepuasan masyarakat: {result.respondents} responden, "
            f"IKM {result.ikm_display} ({result.mutu}, {result.kinerja}) (ppid_core.ikm)"
        ),
    )


def annual_report_fact(report: AnnualReport) -> Fact:
    """The laporan layanan informasi publik (Perki 1/2021 Pasal 56) was produced.

    It holds when parts 1, 2, 3, 5 and 6 are provided (`ppid_core.requests.annual_report`
    with the office's profile); part 4, penyelesaian sengketa, is there only when there
    were disputes ("jika ada"). A report without one of the others does not hold, and the
    provenance names the parts missing. When the registers record neither keberatan nor
    sengketa, part 4 is *unknown*, not "none": the provenance says so, since the report
    of a year with disputes is incomplete without it.
    """
    missing = [str(p.number) for p in report.parts if not p.provided and p.number != 4]
    state = (
        "bagian 1-3, 5 dan 6 tersedia"
        if not missing
        else f"bagian {', '.join(missing)} belum tersedia (profil kantor)"
    )
    disputes = report.disputes
    if disputes.keberatan is None and disputes.sengketa is None:
        state += (
            "; bagian 4 tidak diketahui: register tidak mencatat keberatan atau sengketa "
            "(jika ada sengketa, bagian 4 harus dilengkapi)"
        )
    return Fact(
        kind="annual_report",
        holds=not missing,
        provenance=(
            f"laporan layanan informasi publik {report.year} dari "
            f"{_file_name(report.title_page.source)}: "
            f"{report.service.requests} permohonan, {state} (ppid_core.requests.annual_report)"
        ),
    )


def dip_fact(check: DipCheck) -> Fact:
    """The DIP is up to date (dimutakhirkan): `ppid_core.dip.check_dip` finds nothing stale.

    UU 14/2008 Pasal 9 ayat (3) [S]: berkala information is updated at least every six months.
    """
    state = "mutakhir" if check.current else "tidak mutakhir"
    return Fact(
        kind="dip",
        holds=check.current,
        provenance=(
            f"DIP {_file_name(check.source)}: {check.items} informasi, {state} "
            f"per {check.on.isoformat()} (ppid_core.dip.check_dip)"
        ),
    )


def merge_facts(facts: Iterable[Fact]) -> dict[str, Fact]:
    """One fact per kind: several of a kind hold when any holds; provenances joined."""
    out: dict[str, Fact] = {}
    for fact in facts:
        before = out.get(fact.kind)
        if before is None:
            out[fact.kind] = fact
        else:
            out[fact.kind] = Fact(
                kind=fact.kind,
                holds=before.holds or fact.holds,
                provenance=f"{before.provenance}; {fact.provenance}",
                upload=before.upload,
            )
    return out
