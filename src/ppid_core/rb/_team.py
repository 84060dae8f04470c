"""The RB team set up by decree: Tim Pengarah, Tim Pelaksana per area, Tim Agen Perubahan.

    >>> team = parse_team(
    ...     '''
    ... kind: team
    ... year: 2022
    ... unit: KPU Provinsi Nusa Tenggara Timur
    ... decree: {number: 79 Tahun 2022, date: 2022-03-28}
    ... pengarah:
    ...   members:
    ...     - {name: Thomas Dohu, position: Ketua KPU, role: Pengarah merangkap Ketua}
    ... pelaksana:
    ...   - name: Tim Penguatan Kelembagaan
    ...     area: Penguatan Kelembagaan
    ...     members:
    ...       - {name: Simon A. Lau, position: Kepala Bagian, role: Koordinator merangkap Anggota}
    ... ''',
    ...     source="tim.yaml",
    ... )
    >>> team.decree.date.isoformat(), team.pelaksana[0].area, len(team.members())
    ('2022-03-28', 'organisasi', 2)
    >>> parse_team(dump_team(team)) == team
    True

References:
    Keputusan KPU Provinsi NTT No. 79/2022 Diktum KESATU-KEDUA and Lampiran I (structure
    of the team); Permen PANRB 25/2020 (Road Map RB 2020-2024).
"""

from __future__ import annotations

import datetime as dt
import functools

import attrs
import yaml

from ppid_core._masking import mask_name
from ppid_core._source import FileInput, deprecated
from ppid_core._yaml import Document, build, dump
from ppid_core.rb._framework import DEFAULT_FRAMEWORK, Framework
from ppid_core.rb._source import check_text_size, read_rb_source

__all__ = [
    "Decree",
    "Member",
    "Team",
    "TeamDecree",
    "dump_team",
    "load_team",
    "loads_team",
    "parse_team",
    "team_from_document",
    "team_to_data",
]

_MEMBER_KEYS = ("name", "position", "role")


@attrs.frozen(kw_only=True)
class Member:
    """A member of an RB team.

    Attributes:
        name: The person's name (personal data: masked in reports by default, and in
            ``repr`` always, by [`ppid_core.masking.mask_name()`][ppid_core.masking.mask_name]).
        position: Jabatan, the post held in the office.
        role: Kedudukan dalam tim, the place in the team ("Koordinator merangkap Anggota").
        duties: Tugas dalam tim given to this member alone, if any.
    """

    name: str = attrs.field(repr=lambda v: repr(mask_name(v)))
    position: str
    role: str
    duties: tuple[str, ...] = ()

    @property
    def is_coordinator(self) -> bool:
        """True when the role makes the member the team's coordinator (or its chair)."""
        role = self.role.casefold()
        return role.startswith(("koordinator", "ketua"))


@attrs.frozen(kw_only=True)
class Team:
    """One team: its name, the area it serves (Tim Pelaksana), duties and members."""

    name: str
    area: str | None = None
    duties: tuple[str, ...] = ()
    members: tuple[Member, ...]


@attrs.frozen(kw_only=True)
class Decree:
    """The decree (keputusan) that forms the team."""

    number: str
    date: dt.date
    title: str | None = None
    amends: str | None = None


@attrs.frozen(kw_only=True)
class TeamDecree:
    """An RB team as formed by decree.

    Attributes:
        year: The year the team serves.
        unit: The office.
        decree: The decree.
        pengarah: Tim Pengarah (steering team).
        ketua_pelaksana: The chair of the Tim Pelaksana, if named.
        pelaksana: Tim Pelaksana, one team per area perubahan.
        agen_perubahan: Tim Agen Perubahan (change agents), if formed.
        framework: The road-map framework of the areas.
    """

    year: int
    unit: str
    decree: Decree
    pengarah: Team
    ketua_pelaksana: Member | None = None
    pelaksana: tuple[Team, ...]
    agen_perubahan: Team | None = None
    framework: str = DEFAULT_FRAMEWORK

    def teams(self) -> tuple[Team, ...]:
        """Every team, in the decree's order."""
        extra = (self.agen_perubahan,) if self.agen_perubahan else ()
        return (self.pengarah, *self.pelaksana, *extra)

    def members(self) -> tuple[Member, ...]:
        """Every membership (a person in two teams counts twice), in the decree's order."""
        chair = (self.ketua_pelaksana,) if self.ketua_pelaksana else ()
        out = list(self.pengarah.members) + list(chair)
        for team in self.teams()[1:]:
            out.extend(team.members)
        return tuple(out)

    def team_for(self, area: str) -> Team | None:
        """The Tim Pelaksana of an area key, if the decree forms one."""
        return next((t for t in self.pelaksana if t.area == area), None)


def _texts(doc: Document, fields: dict[str, yaml.Node], key: str, path: str) -> tuple[str, ...]:
    node = fields.get(key)
    if node is None:
        return ()
    kpath = f"{path}.{key}"
    if isinstance(node, yaml.ScalarNode):
        one = doc.string(node, kpath)
        return (one,) if one else ()
    return tuple(s for _, n, p in doc.items(node, kpath) if (s := doc.string(n, p)) is not None)


_NOT_SHOWN = "not repeated here: it may be a person's name"
_MEMBER_SHAPE = "a mapping with name, position and role"


def _member(doc: Document, node: yaml.Node, path: str) -> Member:
    """Read a member; text where a mapping belongs is never quoted (it is often a name)."""
    if isinstance(node, yaml.ScalarNode):
        got = "null" if doc.is_null(node) else f"text ({_NOT_SHOWN})"
        doc.error(node, path, f"expected a member as {_MEMBER_SHAPE}, got {got}")
        return Member(name="", position="", role="")
    allowed = (*_MEMBER_KEYS, "duties")
    if isinstance(node, yaml.MappingNode):  # unknown keys (a name as a key?) go unquoted
        known = []
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and str(key.value) not in allowed:
                expected = ", ".join(sorted(allowed))
                doc.error(key, path, f"unknown field ({_NOT_SHOWN}); expected one of: {expected}")
            else:
                known.append((key, value))
        node = yaml.MappingNode(node.tag, known, node.start_mark, node.end_mark)
    f = doc.mapping(node, path, required=_MEMBER_KEYS, optional=("duties",))
    name, position, role = (doc.required(f, k, path, doc.string) or "" for k in _MEMBER_KEYS)
    return Member(name=name, position=position, role=role, duties=_texts(doc, f, "duties", path))


def _members(doc: Document, node: yaml.Node | None, path: str) -> list[tuple[yaml.Node, str]]:
    """The member nodes of a team; a text where the list belongs is reported unquoted."""
    if isinstance(node, yaml.ScalarNode) and not doc.is_null(node):
        doc.error(node, path, f"expected a list of members, got text ({_NOT_SHOWN})")
        return []
    return [(n, p) for _, n, p in doc.items(node, path)]


def _team(
    doc: Document, node: yaml.Node, path: str, *, fw: Framework | None, default_name: str
) -> Team:
    keys = ("name", "area") if fw else ()
    if isinstance(node, yaml.ScalarNode) and not doc.is_null(node):
        doc.error(node, path, f"expected a team as a mapping with members, got text ({_NOT_SHOWN})")
        return Team(name=default_name, members=())
    f = doc.mapping(node, path, required=("members", *keys), optional=("duties", "name"))
    mpath = f"{path}.members"
    items = _members(doc, f.get("members"), mpath)
    members = tuple(_member(doc, n, p) for n, p in items)
    if isinstance(f.get("members"), yaml.SequenceNode) and not members:
        doc.error(f["members"], mpath, "expected at least one member")
    area = None
    if fw is not None and "area" in f:
        label = doc.string(f["area"], f"{path}.area")
        found = fw.get(label) if label else None
        if label and found is None:
            doc.error(f["area"], f"{path}.area", fw.unknown_message(label))
        area = found.key if found else None
        coordinators = [m for m in members if m.is_coordinator]
        if members and len(coordinators) != 1:
            doc.error(
                f["members"],
                mpath,
                f"expected exactly one member whose role starts with 'Koordinator' or "
                f"'Ketua', got {len(coordinators)}",
            )
    name = doc.optional(f, "name", path, doc.string) or default_name
    return Team(name=name, area=area, duties=_texts(doc, f, "duties", path), members=members)


def team_from_document(doc: Document) -> TeamDecree | None:
    """Read a team decree from a composed document; errors are recorded on ``doc``."""
    top = doc.mapping(
        doc.root,
        "$",
        required=("kind", "year", "unit", "decree", "pengarah", "pelaksana"),
        optional=("framework", "ketua_pelaksana", "agen_perubahan"),
    )
    if "kind" in top:
        doc.choice(top["kind"], "$.kind", ("team",))
    fw = Framework.bundled()
    if "framework" in top:
        fw_key = doc.string(top["framework"], "$.framework")
        try:
            fw = Framework.bundled(fw_key or "")
        except LookupError as exc:
            doc.error(top["framework"], "$.framework", str(exc))
    year = doc.required(
        top, "year", "$", functools.partial(doc.integer, minimum=2000, maximum=2100)
    )
    unit = doc.required(top, "unit", "$", doc.string)
    df = doc.mapping(top.get("decree"), "$.decree", required=("number", "date"),
                     optional=("title", "amends")) if "decree" in top else {}  # fmt: skip
    number = doc.required(df, "number", "$.decree", doc.string)
    date = doc.required(df, "date", "$.decree", doc.date)
    pengarah = (
        _team(doc, top["pengarah"], "$.pengarah", fw=None, default_name="Tim Pengarah")
        if "pengarah" in top
        else None
    )
    chair = top.get("ketua_pelaksana")
    ketua = _member(doc, chair, "$.ketua_pelaksana") if chair is not None else None
    pelaksana = []
    seen: dict[str, int] = {}
    items = doc.items(top["pelaksana"], "$.pelaksana") if "pelaksana" in top else []
    if isinstance(top.get("pelaksana"), yaml.SequenceNode) and not items:
        doc.error(top["pelaksana"], "$.pelaksana", "expected at least one Tim Pelaksana")
    for _, n, p in items:
        team = _team(doc, n, p, fw=fw, default_name="")
        if team.area is not None and team.area in seen:
            doc.error(
                n, f"{p}.area", f"area {team.area} already has a team (line {seen[team.area]})"
            )
        elif team.area is not None:
            seen[team.area] = n.start_mark.line + 1
        pelaksana.append(team)
    agen = top.get("agen_perubahan")
    agen_team = (
        _team(doc, agen, "$.agen_perubahan", fw=None, default_name="Tim Agen Perubahan")
        if agen is not None
        else None
    )
    if (
        doc.errors
        or year is None
        or unit is None
        or number is None
        or date is None
        or pengarah is None
    ):
        return None
    return TeamDecree(
        year=year,
        unit=unit,
        decree=Decree(
            number=number,
            date=date,
            title=doc.optional(df, "title", "$.decree", doc.string),
            amends=doc.optional(df, "amends", "$.decree", doc.string),
        ),
        pengarah=pengarah,
        ketua_pelaksana=ketua,
        pelaksana=tuple(pelaksana),
        agen_perubahan=agen_team,
        framework=fw.key,
    )


def parse_team(text: str, *, source: str = "<string>") -> TeamDecree:
    """Parse a team decree from YAML text.

    Raises:
        DataFileError: Every problem of the text, each located; text over 10 MiB
            (`MAX_FILE_BYTES`) is refused unread.
    """
    check_text_size(text, source)
    return build(text, source, team_from_document)


def load_team(file: FileInput, /, *, source: str | None = None) -> TeamDecree:
    """Load a team decree from its UTF-8 YAML file of at most 10 MiB: a path, bytes or a file.

    Args:
        file: The YAML file (a path, bytes, or a binary file object read to its end).
        source: The name used in error messages (default: the path, the file object's
            name, or ``"<bytes>"``).

    Raises:
        DataFileError: Every problem of the file, each located (a file over the size
            limit is refused unread).
        OSError: The path cannot be read.
    """
    text, name = read_rb_source(file, source=source)
    return parse_team(text, source=name)


def loads_team(text: str, *, source: str = "<string>") -> TeamDecree:
    """Deprecated: use [`parse_team()`][parse_team]."""
    deprecated("loads_team(text)", "parse_team(text)")
    return parse_team(text, source=source)


def _member_data(m: Member) -> dict[str, object]:
    data: dict[str, object] = {"name": m.name, "position": m.position, "role": m.role}
    if m.duties:
        data["duties"] = list(m.duties)
    return data


def _team_data(t: Team, fw: Framework | None) -> dict[str, object]:
    data: dict[str, object] = {"name": t.name}
    if fw is not None and t.area is not None:
        data["area"] = fw.area(t.area).name
    if t.duties:
        data["duties"] = list(t.duties)
    data["members"] = [_member_data(m) for m in t.members]
    return data


def team_to_data(team: TeamDecree) -> dict[str, object]:
    """The team decree as plain data in the YAML layout."""
    fw = Framework.bundled(team.framework)
    decree: dict[str, object] = {"number": team.decree.number, "date": team.decree.date}
    if team.decree.title:
        decree["title"] = team.decree.title
    if team.decree.amends:
        decree["amends"] = team.decree.amends
    data: dict[str, object] = {
        "kind": "team",
        "framework": team.framework,
        "year": team.year,
        "unit": team.unit,
        "decree": decree,
        "pengarah": _team_data(team.pengarah, None),
    }
    if team.ketua_pelaksana:
        data["ketua_pelaksana"] = _member_data(team.ketua_pelaksana)
    data["pelaksana"] = [_team_data(t, fw) for t in team.pelaksana]
    if team.agen_perubahan:
        data["agen_perubahan"] = _team_data(team.agen_perubahan, None)
    return data


def dump_team(team: TeamDecree) -> str:
    """The team as YAML text that [`parse_team()`][parse_team] reads back to an equal team."""
    return dump(team_to_data(team))
