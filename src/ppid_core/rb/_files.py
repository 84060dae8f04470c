"""Reading any RB file by its ``kind``, for ``ppid rb check`` and similar tools.

>>> from ppid_core.rb._examples import example_path
>>> print(check_file(example_path("kpu-ntt-2022-rencana-aksi.yaml")).split(": ", 1)[1])
plan 2022, 8 areas, 32 kegiatan, 93 sub kegiatan
"""

from __future__ import annotations

from pathlib import Path

import yaml

from ppid_core._yaml import Document
from ppid_core.rb._plan import ActionPlan, plan_from_document
from ppid_core.rb._realisation import Realisation, monitoring_from_document
from ppid_core.rb._source import read_rb_text
from ppid_core.rb._team import TeamDecree, team_from_document

__all__ = ["KINDS", "check_file", "load_any"]

KINDS = ("plan", "realisation", "team")


def _kind(doc: Document) -> str:
    root = doc.root
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if isinstance(key, yaml.ScalarNode) and key.value == "kind":
                kind = doc.choice(value, "$.kind", KINDS)
                doc.raise_errors()
                return str(kind)
        doc.error(root, "$", f"missing required field 'kind' (one of: {', '.join(KINDS)})")
    else:
        doc.mapping(root, "$")
    doc.raise_errors()
    raise AssertionError  # pragma: no cover - an error was recorded


def load_any(path: str | Path) -> TeamDecree | ActionPlan | tuple[ActionPlan, Realisation]:
    """Load a team, a plan, or a realisation file with its plan, by the file's ``kind``.

    The file is read once (at most 10 MiB, :data:`~ppid_core.rb._source.MAX_FILE_BYTES`)
    and composed once.

    Raises:
        DataFileError: Every problem of the file (for a realisation file, of its plan
            first), each located; bytes that are not UTF-8 and a file over the size
            limit are located too.
        OSError: ``path`` itself cannot be read.
    """
    p = Path(path)
    doc = Document.parse(read_rb_text(p), source=str(p))
    kind = _kind(doc)
    if kind == "realisation":
        return monitoring_from_document(doc, p.parent)
    value = team_from_document(doc) if kind == "team" else plan_from_document(doc)
    doc.raise_errors()
    if value is None:  # pragma: no cover - a reader returns None only after recording why
        msg = f"{p}: nothing could be read"
        raise AssertionError(msg)
    return value


def check_file(path: str | Path) -> str:
    """Validate one RB file; return a one-line summary.

    Raises:
        DataFileError: Every problem of the file, each located.
    """
    loaded = load_any(path)
    if isinstance(loaded, TeamDecree):
        people = len(loaded.members())
        what = f"team {loaded.year}, {len(loaded.teams())} teams, {people} memberships"
    elif isinstance(loaded, ActionPlan):
        kegiatan = sum(len(a.kegiatan) for a in loaded.areas)
        rows = sum(1 for _ in loaded.rows())
        what = (
            f"plan {loaded.year}, {len(loaded.areas)} areas, {kegiatan} kegiatan, "
            f"{rows} sub kegiatan"
        )
    else:
        plan, real = loaded
        what = f"realisation of plan {plan.year}, {len(real.records)} records"
    return f"{path}: {what}"
