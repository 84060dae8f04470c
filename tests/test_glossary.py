"""Every Indonesian word in a public name of the library is in docs/glossary.md.

Public names are the members of each package's ``__all__``, the public attributes and
fields of the classes among them, and the values of public enums. Names are split into
words at ``_`` and case changes; a word from the closed list of Indonesian legal and
administrative vocabulary below must appear in a glossary term.
"""

from __future__ import annotations

import enum
import importlib
import inspect
import re
from pathlib import Path

import attrs
import pytest

PACKAGES = [
    "ppid_core.calendar",
    "ppid_core.requests",
    "ppid_core.ikm",
    "ppid_core.rb",
    "ppid_core.dip",
    "ppid_core.monev",
]
INDONESIAN = frozenset(
    [
        "libur",
        "berkala",
        "serta",
        "merta",
        "setiap",
        "saat",
        "uji",
        "konsekuensi",
        "wajib",
        "dip",
        "monev",
        "nasional",
        "cuti",
        "bersama",
        "pemungutan",
        "suara",
        "akhir",
        "pekan",
        "penutupan",
        "lokal",
        "keberatan",
        "sengketa",
        "atasan",
        "ppid",
        "ikm",
        "nrr",
        "unsur",
        "mutu",
        "kinerja",
        "rb",
        "rencana",
        "aksi",
        "perubahan",
        "dukung",
        "layanan",
        "pemohon",
        "informasi",
        "permohonan",
        "pengarah",
        "pelaksana",
        "agen",
        "kegiatan",
        "indikator",
        "keterangan",
        "bulan",
        "triwulan",
        "realisasi",
        "diterima",
        "ditolak",
        "sebagian",
        "seluruhnya",
        "dikecualikan",
        "dikuasai",
        "didokumentasikan",
        "jenis",
        "kelamin",
        "pendidikan",
        "pekerjaan",
        "usia",
        "responden",
        "nilai",
        "konversi",
        "sangat",
        "baik",
        "kurang",
        "tahun",
        "ruang",
        "lingkup",
        "pengaduan",
        "persyaratan",
        "waktu",
        "biaya",
        "produk",
        "kompetensi",
        "perilaku",
        "sarana",
        "prasarana",
        "penanganan",
        "nomor",
        "perki",
        "pasal",
        "ayat",
        "skb",
        "keppres",
        "keputusan",
        "anggota",
        "ketua",
        "koordinator",
        "sekretaris",
        "tugas",
        "jabatan",
        "capaian",
        "target",
        "keberhasilan",
        "sasaran",
        "tujuan",
        "kegunaan",
        "penggunaan",
        "pengguna",
        "nama",
        "tanggal",
    ]
)
GLOSSARY = Path(__file__).parents[1] / "docs" / "glossary.md"


def words(name: str) -> set[str]:
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name)
    return {w.lower() for w in re.split(r"[_\W]+", spaced) if w}


def glossary_words() -> set[str]:
    # the first cell of each row: one term, or several (`monev`, `MonevScore`)
    cells = re.findall(r"^\| ((?:`[^`]+`(?:, )?)+) \|", GLOSSARY.read_text("utf-8"), re.MULTILINE)
    terms = [t for cell in cells for t in re.findall(r"`([^`]+)`", cell)]
    return {w for t in terms for w in words(t)}


def public_names(module_name: str) -> set[str]:
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError:
        pytest.skip(f"{module_name} is not written yet")
    names: set[str] = set()
    for name in getattr(module, "__all__", ()):
        names.add(name)
        obj = getattr(module, name)
        if inspect.isclass(obj):
            if issubclass(obj, enum.Enum):
                for member in obj:
                    names.add(member.name)
                    if isinstance(member.value, str):
                        names.add(member.value)
            if attrs.has(obj):
                names.update(f.name for f in attrs.fields(obj) if not f.name.startswith("_"))
            names.update(n for n in vars(obj) if not n.startswith("_"))
    return names


@pytest.mark.parametrize("module_name", PACKAGES)
def test_indonesian_public_names_are_in_the_glossary(module_name: str) -> None:
    known = glossary_words()
    missing = {
        f"{name} ({', '.join(sorted((words(name) & INDONESIAN) - known))})"
        for name in public_names(module_name)
        if (words(name) & INDONESIAN) - known
    }
    assert not missing, f"add to docs/glossary.md: {sorted(missing)}"
