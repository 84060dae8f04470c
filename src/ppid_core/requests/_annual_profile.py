"""The office's profile for the annual report: the parts no register holds.

Parts 1, 2, 5 and 6 of the laporan layanan informasi publik (Perki 1/2021 Pasal 56) are
the office's own account: its policy, how the service ran (sarana dan prasarana, SDM,
anggaran), its obstacles and its recommendations. The office writes them in a small YAML
file, read strictly like every data file of ppid-core (duplicate keys, unknown keys,
wrong types and missing fields are errors, each located, all reported together). The
fields, every one of them text written by the office, never a number ppid-core computes:

```yaml
public_body: KPU Provinsi Nusa Tenggara Timur   # required: the badan publik
ppid: PPID KPU Provinsi Nusa Tenggara Timur     # required: the PPID reporting
year: 2024                                      # required: the year reported (1900-2200)
place: Kupang                                   # optional: where it is signed
signed_on: 2025-03-31                           # optional: the date it is signed (ISO)
signatory:                                      # optional: the signature block
  position: Ketua PPID                          #   required in it: the office held
  name: null                                    #   optional: masked unless unmasked
policy:                                         # part 1 (optional)
  summary: Kebijakan layanan informasi ...      #   required in it
  instruments: [SK PPID ..., SOP ...]           #   optional: decrees, SOPs, maklumat
implementation:                                 # part 2 (optional)
  summary: Layanan dibuka ...                   #   required in it
  facilities: [Meja layanan ...]                #   optional: sarana dan prasarana
  staff: [1 orang PPID Pelaksana ...]           #   optional: SDM and qualifications
  budget: [DIPA ...]                            #   optional: anggaran and its use
obstacles:                                      # part 5 (optional)
  external: [...]                               #   required in it (may be [])
  internal: [...]                               #   required in it (may be [])
recommendations:                                # part 6 (optional)
  recommendations: [...]                        #   required in it (may be [])
  follow_up: [...]                              #   required in it (may be [])
```

An optional list the office leaves out of a section (a part 2 without ``budget``) is
listed in the part's ``missing`` and shown as "tidak disediakan", never dropped. A
``summary`` may have several paragraphs, separated by a blank line (``|`` block style);
the documents keep them.

A part whose section is absent is **not provided**: the report says "tidak disediakan",
never an empty section that would read as "nothing to report". An empty list (``[]``)
is the office's explicit "none". The signatory's name is personal data: reports show it
masked (initials) unless they are built with an unmasking ``masking``.

The sub-items of part 2 (sarana dan prasarana, SDM, anggaran) are known only from the
older Perki 1/2010 model reproduced in Peraturan Ombudsman 46/2020 Pasal 31 [S]; whether
Perki 1/2021 keeps them exactly is not verified [U].

References:
    Perki 1/2021 Pasal 56 [S]; Peraturan Ombudsman 46/2020 Pasal 31 [S].
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import attrs

from ppid_core._source import FileInput, read_source_text
from ppid_core._yaml import Document, build, node_path

if TYPE_CHECKING:
    import yaml

__all__ = [
    "AnnualProfile",
    "ProfileSection",
    "Signatory",
    "load_annual_profile",
    "parse_annual_profile",
]

FIRST_YEAR, LAST_YEAR = 1900, 2200
"""The years a profile may name (as the command line's ``--year``)."""

#: Each section: its key, its part number, its required keys, its optional keys.
_SECTIONS: dict[str, tuple[int, tuple[str, ...], tuple[str, ...]]] = {
    "policy": (1, ("summary",), ("instruments",)),
    "implementation": (2, ("summary",), ("facilities", "staff", "budget")),
    "obstacles": (5, ("external", "internal"), ()),
    "recommendations": (6, ("recommendations", "follow_up"), ()),
}


@attrs.frozen(kw_only=True)
class Signatory:
    """Who signs the report.

    Attributes:
        position: The office held (``Ketua PPID``), as printed under the signature.
        name: The signer's name, or ``None`` to leave a line to write it by hand.
    """

    position: str
    name: str | None = None


@attrs.frozen(kw_only=True)
class ProfileSection:
    """One part of the report as the office wrote it.

    Attributes:
        part: The part's number (1, 2, 5 or 6).
        summary: Its opening text, or ``None`` where the part has no summary field.
        lists: Its lists in the order of the schema: key, then the entries (an empty
            tuple is the office's explicit "none").
        missing: The keys of the optional lists it leaves out (not provided).
    """

    part: int
    summary: str | None = None
    lists: tuple[tuple[str, tuple[str, ...]], ...] = ()
    missing: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class AnnualProfile:
    """The office's profile: title page, signature block and parts 1, 2, 5 and 6.

    Attributes:
        source: The file it was read from.
        public_body: The badan publik.
        ppid: The PPID reporting.
        year: The year reported.
        place: Where the report is signed.
        signed_on: The date it is signed.
        signatory: The signature block.
        sections: The parts provided, keyed by part number (1, 2, 5, 6).
        year_at: Where ``year`` is written (line, column), for located errors about it.
    """

    source: str
    public_body: str
    ppid: str
    year: int
    place: str | None = None
    signed_on: dt.date | None = None
    signatory: Signatory | None = None
    sections: dict[int, ProfileSection] = attrs.field(factory=dict)
    year_at: tuple[int, int] | None = attrs.field(default=None, eq=False)


def _texts(doc: Document, node: yaml.Node, path: str) -> tuple[str, ...] | None:
    out: list[str] = []
    ok = True
    for _i, item, ipath in doc.items(node, path):
        text = doc.string(item, ipath)
        ok = ok and text is not None
        out.append(text or "")
    return tuple(out) if ok else None


def _read(doc: Document) -> AnnualProfile | None:
    top = doc.mapping(
        doc.root,
        "$",
        required=("public_body", "ppid", "year"),
        optional=("place", "signed_on", "signatory", *_SECTIONS),
    )
    body = doc.required(top, "public_body", "$", lambda n, p: doc.string(n, p, one_line=True))
    ppid = doc.required(top, "ppid", "$", lambda n, p: doc.string(n, p, one_line=True))
    year = doc.required(
        top, "year", "$", lambda n, p: doc.integer(n, p, minimum=FIRST_YEAR, maximum=LAST_YEAR)
    )
    place = doc.optional(top, "place", "$", lambda n, p: doc.string(n, p, one_line=True))
    signed_on = doc.optional(top, "signed_on", "$", doc.date)
    signatory = doc.optional(top, "signatory", "$", lambda n, p: _signatory(doc, n, p))
    sections: dict[int, ProfileSection] = {}
    for key, (part, required, optional) in _SECTIONS.items():
        node = top.get(key)
        if node is None:
            continue
        path = node_path("$", key)
        fields = doc.mapping(node, path, required=required, optional=optional)
        summary = None
        if "summary" in required:
            summary = doc.required(fields, "summary", path, doc.string)
        lists: list[tuple[str, tuple[str, ...]]] = []
        for name in (*required, *optional):
            if name == "summary" or name not in fields:
                continue
            items = _texts(doc, fields[name], node_path(path, name))
            if items is not None:
                lists.append((name, items))
        missing = tuple(name for name in optional if name not in fields)
        sections[part] = ProfileSection(
            part=part, summary=summary, lists=tuple(lists), missing=missing
        )
    if body is None or ppid is None or year is None or doc.errors:
        return None
    mark = top["year"].start_mark
    return AnnualProfile(
        source=doc.source,
        public_body=body,
        ppid=ppid,
        year=year,
        place=place,
        signed_on=signed_on,
        signatory=signatory,
        sections=sections,
        year_at=(mark.line + 1, mark.column + 1),
    )


def _signatory(doc: Document, node: yaml.Node, path: str) -> Signatory | None:
    fields = doc.mapping(node, path, required=("position",), optional=("name",))
    position = doc.required(fields, "position", path, lambda n, p: doc.string(n, p, one_line=True))
    name = doc.optional(fields, "name", path, lambda n, p: doc.string(n, p, one_line=True))
    return None if position is None else Signatory(position=position, name=name)


def parse_annual_profile(text: str, *, source: str = "<string>") -> AnnualProfile:
    """Parse an annual-report profile from YAML text (the schema of the module docstring).

    Raises:
        DataFileError: Every problem of the text, each located
            (``file:line:column ($.path): ...``), all at once.

    Examples:
        >>> profile = parse_annual_profile(
        ...     "public_body: KPU Kota Contoh\\nppid: PPID KPU Kota Contoh\\nyear: 2024\\n"
        ...     "obstacles: {external: [Jaringan internet terbatas], internal: []}\\n",
        ...     source="profil.yaml",
        ... )
        >>> profile.year, sorted(profile.sections), profile.sections[5].lists
        (2024, [5], (('external', ('Jaringan internet terbatas',)), ('internal', ())))
    """
    return build(text, source, _read)


def load_annual_profile(file: FileInput, /, *, source: str | None = None) -> AnnualProfile:
    """Load an annual-report profile from its YAML file: a path, bytes or a binary file.

    Args:
        file: The YAML file (at most 10 MiB, UTF-8).
        source: The name used in error messages (default: the path).

    Raises:
        DataFileError: Every problem of the file, each located, all at once.
        OSError: The path cannot be read.
    """
    text, name = read_source_text(file, source=source)
    return build(text, name, _read)
