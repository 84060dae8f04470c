"""The tables of the IKM worksheet: per unsur, the result, the legend, the profile, the notes.

Each is built from the IKM of the survey ([`IkmResult`][ppid_core.ikm.IkmResult]) and shown
half-up next to its exact fraction, as
[`IkmWorksheet`][ppid_core.ikm.IkmWorksheet] lays them out in its results, its workbook
and its printable page.

References:
    Permenpan RB 14/2017, Lampiran: NRR per unsur = jumlah nilai per unsur / jumlah
    kuesioner yang terisi; NRR tertimbang = NRR x bobot (1/9); IKM = jumlah NRR
    tertimbang; IKM unit x 25; tabel nilai persepsi, interval, interval konversi, mutu
    dan kinerja.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

from ppid_core._numbers import half_up
from ppid_core._tables import Table
from ppid_core.ikm._result import IkmResult, UnsurScore
from ppid_core.ikm._worksheet_html import id_number

__all__ = [
    "PROFILE_LABELS",
    "exact",
    "interval_bound",
    "legend_table",
    "ordered_unsur",
    "processing_table",
    "profile_tables",
    "result_table",
    "worksheet_notes",
]

#: The heading of each respondent characteristic (others are shown by their key).
PROFILE_LABELS = {
    "jenis_kelamin": "Jenis Kelamin",
    "pendidikan": "Pendidikan",
    "pekerjaan": "Pekerjaan",
    "usia": "Usia",
    "layanan": "Jenis Layanan",
}


def exact(value: Fraction) -> str:
    """A value as its exact fraction (``"183/50"``)."""
    return str(value)


def ordered_unsur(result: IkmResult) -> list[UnsurScore]:
    """The unsur by question number (unnumbered ones last), as the questionnaire asks them."""
    return sorted(
        result.unsur, key=lambda s: (s.unsur.question_number is None, s.unsur.question_number or 0)
    )


def interval_bound(bound: Decimal, conversion: int) -> Decimal:
    """An interval bound on the answer scale (NIK / conversion), as the tables print it:
    exact, with at least 2 decimals (``2.60``, ``2.5996``); rounded to 6 only if the
    division does not end (a conversion factor other than 25).

    >>> b = interval_bound
    >>> b(Decimal("65.00"), 25), b(Decimal("64.99"), 25), b(Decimal("25.00"), 25)
    (Decimal('2.60'), Decimal('2.5996'), Decimal('1.00'))
    """
    value = Fraction(bound) / conversion
    return next(
        (half_up(value, p) for p in range(2, 7) if Fraction(half_up(value, p)) == value),
        half_up(value, 6),
    )


def processing_table(result: IkmResult, codes: Sequence[str]) -> Table:
    """Per unsur (U1-U9): Σ nilai, terisi, NRR, bobot, NRR tertimbang, NIK, mutu.

    Args:
        result: The IKM of the survey.
        codes: The column of each unsur (``U1``...), in question order.
    """
    ordered = ordered_unsur(result)
    rows: list[tuple[object, ...]] = [
        ("Unsur", *(s.unsur.name for s in ordered)),
        ("Σ nilai per unsur", *(s.total for s in ordered)),
        ("Kuesioner terisi", *(s.answered for s in ordered)),
        ("NRR = Σ nilai / kuesioner terisi", *(half_up(s.nrr, 2) for s in ordered)),
        ("NRR, nilai eksak", *(exact(s.nrr) for s in ordered)),
        ("Bobot (eksak)", *(exact(s.weight) for s in ordered)),
        ("NRR tertimbang = NRR × bobot", *(half_up(s.nrr * s.weight, 4) for s in ordered)),
        ("NRR tertimbang, nilai eksak", *(exact(s.nrr * s.weight) for s in ordered)),
        ("NRR × 25 (nilai interval konversi)", *(half_up(s.converted, 2) for s in ordered)),
        ("Mutu per unsur", *(s.mutu for s in ordered)),
    ]
    return Table(
        columns=("Keterangan", *codes),
        rows=rows,
        title=f"Nilai per unsur ({result.respondents} responden)",
    )


def result_table(result: IkmResult) -> Table:
    """The sum of the weighted NRR, the IKM, its mutu and kinerja, and how they were got."""
    r = result
    rows: list[tuple[object, ...]] = [
        ("Jumlah responden", r.respondents, None),
        ("Σ NRR tertimbang (nilai indeks)", half_up(r.index, 2), exact(r.index)),
        (f"IKM = Σ NRR tertimbang × {r.regime.conversion}", r.ikm_display, exact(r.ikm)),
        ("Mutu pelayanan", r.mutu, None),
        ("Kinerja unit pelayanan", r.kinerja, None),
    ]
    if r.dropped:
        rows.insert(1, ("Kuesioner tidak lengkap, tidak dihitung", r.dropped, None))
    return Table(
        columns=("Keterangan", "Nilai", "Nilai eksak"),
        rows=rows,
        title="Indeks Kepuasan Masyarakat",
    )


def legend_table(result: IkmResult) -> Table:
    """The interval table of the regime: NI and NIK bounds, mutu, kinerja."""
    conv = result.regime.conversion
    return Table(
        columns=(
            "Nilai Persepsi",
            "NI dari",
            "NI sampai",
            "NIK dari",
            "NIK sampai",
            "Mutu Pelayanan",
            "Kinerja Unit Pelayanan",
        ),
        rows=[
            (
                b.perception,
                interval_bound(b.lower, conv),
                interval_bound(b.upper, conv),
                b.lower,
                b.upper,
                b.mutu,
                b.kinerja,
            )
            for b in result.regime.bands
        ],
        title="Tabel nilai persepsi, interval (NI), interval konversi (NIK), mutu dan kinerja",
    )


def profile_tables(profile: dict[str, dict[str, int]], respondents: int) -> list[Table]:
    """One table per characteristic: each value, its respondents and share (%).

    Args:
        profile: Characteristic -> value -> respondents.
        respondents: Questionnaires counted (the shares are of these).
    """
    n = respondents
    out = []
    for key, counts in profile.items():
        label = PROFILE_LABELS.get(key, key)
        rows: list[tuple[object, ...]] = [
            (value, count, half_up(Fraction(100 * count, n), 2) if n else None)
            for value, count in counts.items()
        ]
        rows.append(("Jumlah", sum(counts.values()), Decimal("100.00") if n else None))
        out.append(
            Table(
                columns=(label, "Jumlah", "Persentase (%)"),
                rows=rows,
                title=f"Profil responden: {label}",
            )
        )
    return out


def worksheet_notes(result: IkmResult, *, has_grid: bool) -> list[str]:
    """What a reader of the worksheet should know: the weight, the rounding, the data.

    Args:
        result: The IKM of the survey.
        has_grid: Whether the answers of each respondent are known.
    """
    r = result
    weights = {s.weight for s in r.unsur}
    out = []
    if len(weights) == 1 and r.policy.compliant:
        w = weights.pop()
        out.append(
            f"Bobot tiap unsur {w} dihitung eksak ({id_number(half_up(w, 4))}…); pedoman "
            f"dan lembar kerja mencetaknya dibulatkan ({id_number(half_up(w, 2))} atau "
            f"{id_number(half_up(w, 3))}), dan dengan bobot yang dibulatkan jumlah bobot "
            "tidak lagi 1."
        )
    if not r.policy.compliant:
        out.append(f"PERHATIAN: {r.policy.describe()}")
    out.append(
        "Semua nilai dihitung eksak; NRR dan IKM ditampilkan dibulatkan setengah ke atas "
        "(2 desimal), NRR tertimbang 4 desimal. Mutu ditentukan dari IKM yang dibulatkan "
        "ke 2 desimal."
    )
    if not has_grid:
        out.append(
            "Jawaban per responden tidak tersedia: pembaca berkas tidak menyimpannya; "
            "nilai per unsur dihitung dari semua jawaban."
        )
    return out
