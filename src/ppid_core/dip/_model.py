"""The Daftar Informasi Publik (DIP) as data, and its table in the regulation's layout.

A DIP lists every piece of public information a public body holds, one row per item, in
the columns the Komisi Informasi prescribes: nomor; ringkasan isi informasi;
pejabat/unit/satuan kerja yang menguasai informasi; penanggung jawab pembuatan atau
penerbitan informasi; waktu dan tempat pembuatan informasi; bentuk informasi (tercetak /
elektronik); jangka waktu penyimpanan (retensi). ppid-core adds what monitoring needs:
the category under UU 14/2008, the uji konsekuensi of an excepted item, the address where
the item is published, the date it was last updated, and the entries of a required list
that the item fulfils (``wajib``).

Attribute names are English, as the YAML keys are, except the legal terms of art
``uji_konsekuensi`` and ``wajib`` (see the glossary).

References:
    UU 14/2008 Pasal 9-11 (categories), Pasal 17 and 19 (dikecualikan, uji konsekuensi);
    Perki 1/2021 (Standar Layanan Informasi Publik), which prescribes the DIP and its
    columns — the article number was not read [U]; the columns as reported [S] in the
    project's reference notes (monev.md section 4).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs

from ppid_core._result import ResultMixin
from ppid_core._tables import Table, jsonable

if TYPE_CHECKING:
    from ppid_core._export import XlsxTarget

__all__ = [
    "COLUMNS",
    "EXCEPTED_TITLE",
    "Category",
    "Dip",
    "DipItem",
    "DipTable",
    "Form",
    "WajibAt",
    "item_data",
]

#: Where each ``wajib`` key of a DIP file is written: (item number, key) to (YAML path,
#: line, column).
WajibAt = dict[tuple[str, str], tuple[str, int, int]]


class Category(enum.Enum):
    """The category of a piece of public information under UU 14/2008.

    Values are the words of the YAML file (``category: serta_merta``).
    """

    BERKALA = "berkala"
    """Informasi berkala: announced periodically, at least every six months (Pasal 9)."""
    SERTA_MERTA = "serta_merta"
    """Informasi serta merta: announced at once, when it threatens lives or public order
    (Pasal 10)."""
    SETIAP_SAAT = "setiap_saat"
    """Informasi tersedia setiap saat: held ready to give on request (Pasal 11)."""
    DIKECUALIKAN = "dikecualikan"
    """Informasi yang dikecualikan: excepted from access (Pasal 17), after an uji
    konsekuensi (Pasal 19)."""

    @property
    def label(self) -> str:
        """The label offices publish ("Serta Merta")."""
        return self.value.replace("_", " ").title()


class Form(enum.Enum):
    """Bentuk informasi: the form the information is held in."""

    PRINTED = "tercetak"
    ELECTRONIC = "elektronik"


@attrs.frozen(kw_only=True)
class DipItem:
    """One row of the DIP.

    Attributes:
        number: Nomor, as written (``"1"``, ``"2.3"``); unique in the DIP.
        summary: Ringkasan isi informasi.
        holder: Pejabat/unit/satuan kerja yang menguasai informasi (a post or unit).
        responsible: Penanggung jawab pembuatan/penerbitan informasi (a post or unit).
        created: Waktu dan tempat pembuatan informasi, as written ("2024, Kupang").
        form: Bentuk informasi: printed, electronic, or both.
        retention: Jangka waktu penyimpanan (retensi arsip), as written ("5 tahun").
        category: The category under UU 14/2008.
        uji_konsekuensi: For an excepted item, the reference of its consequence test (the
            decree or minutes that record it; UU 14/2008 Pasal 19). ``None`` when missing:
            a finding of [`check_dip()`][ppid_core.dip.check_dip], not a load error.
        url: Where the item is published (http or https), if it is.
        updated: The date the item was last updated, if known.
        wajib: Keys of the required-list entries this item fulfils (explicit, never guessed).
    """

    number: str
    summary: str
    holder: str
    responsible: str
    created: str
    form: tuple[Form, ...]
    retention: str
    category: Category
    uji_konsekuensi: str | None = None
    url: str | None = None
    updated: dt.date | None = None
    wajib: tuple[str, ...] = ()


#: The DIP's columns in the regulation's order, then the columns ppid-core adds.
COLUMNS = (
    "No",
    "Ringkasan Isi Informasi",
    "Pejabat/Unit/Satuan Kerja yang Menguasai Informasi",
    "Penanggung Jawab Pembuatan/Penerbitan Informasi",
    "Waktu dan Tempat Pembuatan Informasi",
    "Bentuk Informasi",
    "Jangka Waktu Penyimpanan",
    "Kategori",
    "Uji Konsekuensi",
    "Tautan",
    "Pemutakhiran Terakhir",
)


@attrs.frozen(kw_only=True)
class Dip:
    """A Daftar Informasi Publik: the office, the date it was set, and its items.

    Read one with [`load_dip()`][ppid_core.dip.load_dip] or
    [`parse_dip()`][ppid_core.dip.parse_dip].

    Attributes:
        unit: The public body (or PPID Pelaksana) whose DIP it is.
        items: The rows, in the file's order.
        established: The date the DIP was set (ditetapkan) or last revised, if given.
        source: The file it was read from (not compared).
        wajib_at: Where each ``wajib`` key is written in that file: (item number, key) to
            (YAML path, line, column), for located errors after loading (not compared;
            empty for a DIP built in code).
    """

    unit: str
    items: tuple[DipItem, ...]
    established: dt.date | None = None
    source: str = attrs.field(default="<string>", eq=False)
    wajib_at: Mapping[tuple[str, str], tuple[str, int, int]] = attrs.field(
        factory=dict, eq=False, repr=False
    )

    def item(self, number: str) -> DipItem | None:
        """The item numbered ``number``, if any."""
        return next((i for i in self.items if i.number == number), None)

    def table(self) -> DipTable:
        """The DIP in the regulation's layout (Markdown, CSV, XLSX, HTML, JSON)."""
        return DipTable(dip=self)


def _row(item: DipItem) -> tuple[object, ...]:
    return (
        item.number,
        item.summary,
        item.holder,
        item.responsible,
        item.created,
        ", ".join(f.value for f in item.form),
        item.retention,
        item.category.label,
        item.uji_konsekuensi,
        item.url,
        item.updated,
    )


def item_data(item: DipItem) -> dict[str, Any]:
    """An item as plain data with the YAML's keys (``form`` and ``wajib`` as lists)."""
    return {
        "number": item.number,
        "summary": item.summary,
        "holder": item.holder,
        "responsible": item.responsible,
        "created": item.created,
        "form": [f.value for f in item.form],
        "retention": item.retention,
        "category": item.category.value,
        "uji_konsekuensi": item.uji_konsekuensi,
        "url": item.url,
        "updated": item.updated,
        "wajib": list(item.wajib),
    }


#: The title of the second table: the excepted items, apart from the DIP.
EXCEPTED_TITLE = "Daftar informasi yang dikecualikan"


@attrs.frozen(kw_only=True, repr=False)
class DipTable(ResultMixin):
    """The DIP as the office publishes it, in the regulation's column order, and apart from
    it the list of excepted information.

    Informasi yang dikecualikan is not part of the DIP: UU 14/2008 Pasal 11 ayat (1)
    huruf a requires a list of the public information held "tidak termasuk informasi
    yang dikecualikan". So the excepted items are a second table, "Daftar informasi yang
    dikecualikan" (with their uji konsekuensi), in every format, even when it is empty;
    in JSON they are under their own key ``dikecualikan``.

    The items hold posts and units, not people: a DIP is itself public information
    (UU 14/2008 Pasal 11 ayat (1) huruf a), so the table shows it as written.

    Attributes:
        dip: The DIP.
    """

    dip: Dip

    def _split(self) -> tuple[list[DipItem], list[DipItem]]:
        listed = [i for i in self.dip.items if i.category is not Category.DIKECUALIKAN]
        excepted = [i for i in self.dip.items if i.category is Category.DIKECUALIKAN]
        return listed, excepted

    def _summary(self) -> str:
        listed, excepted = self._split()
        return f"{self.dip.unit}: {len(listed)} items, {len(excepted)} dikecualikan"

    def _heading(self) -> str:
        return f"Daftar Informasi Publik {self.dip.unit}"

    def to_table(self) -> Table:
        """The DIP itself, titled "Daftar Informasi Publik <unit>": every item that is
        not excepted."""
        rows = [_row(i) for i in self._split()[0]]
        return Table(columns=COLUMNS, rows=rows, title=self._heading())

    def excepted_table(self) -> Table:
        """The excepted items, titled "Daftar informasi yang dikecualikan" (maybe empty)."""
        rows = [_row(i) for i in self._split()[1]]
        return Table(columns=COLUMNS, rows=rows, title=EXCEPTED_TITLE)

    def tables(self) -> list[Table]:
        """[`to_table()`][to_table], then [`excepted_table()`][excepted_table]."""
        return [self.to_table(), self.excepted_table()]

    def to_dict(self) -> dict[str, Any]:
        """``unit``, ``established`` (ISO date or null), ``items`` (the DIP) and
        ``dikecualikan`` (the excepted items), each item with the YAML's keys."""
        listed, excepted = self._split()
        data = {
            "unit": self.dip.unit,
            "established": self.dip.established,
            "items": [item_data(i) for i in listed],
            "dikecualikan": [item_data(i) for i in excepted],
        }
        out: dict[str, Any] = jsonable(data)
        return out

    def to_csv(self, *, dialect: str = "excel") -> str:
        """The DIP as CSV, then an empty line, a line with the title "Daftar informasi yang
        dikecualikan" and the excepted items with their header (formulas neutralised;
        ``"excel-id"`` for an Indonesian Excel)."""
        dip = self.to_table().to_csv(dialect=dialect)
        excepted = self.excepted_table()
        title = Table(columns=(EXCEPTED_TITLE,), rows=[]).to_csv(dialect=dialect)
        rest = (title + excepted.to_csv(dialect=dialect)).replace("\ufeff", "")
        return f"{dip}\n{rest}"

    def to_html(self) -> str:
        """Both tables as an HTML fragment (every row; text escaped)."""
        return "\n".join(t.to_html(max_rows=None) for t in self.tables())

    def to_xlsx(self, file: XlsxTarget) -> None:
        """An Excel workbook (extra ``excel``): the sheet ``DIP``, then ``Dikecualikan``.

        Raises:
            MissingExtraError: openpyxl is not installed.
        """
        from ppid_core._export import write_xlsx  # noqa: PLC0415 - only for workbooks

        write_xlsx(self.tables(), file, names=["DIP", "Dikecualikan"])
