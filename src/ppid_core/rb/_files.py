"""Reading any RB file by its ``kind``, for ``ppid rb check`` and similar tools.

>>> from ppid_core.rb._examples import example_path
>>> print(check_file(example_path("kpu-ntt-2022-rencana-aksi.yaml")).split(": ", 1)[1])
plan 2022, 8 areas, 32 kegiatan, 93 sub kegiatan
"""

from __future__ import annotations

from pathlib import Path

import yaml

from ppid_core._yaml import Document, read_text
from ppid_core.rb._plan import ActionPlan, loads_plan
from ppid_core.rb._realisation import Realisation, load_monitoring
from ppid_core.rb._team import TeamDecree, loads_team

__all__ = ["KINDS", "check_file", "load_any"]

KINDS = ("plan", "realisation", "team")


def _kind(text: str, source: str) -> str:
    doc = Document.parse(text, source=source)
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

    Raises:
        DataFileError: Every problem of the file (for a realisation file, of its plan
            first), each located; bytes that are not UTF-8 are located too.
        OSError: ``path`` itself cannot be read.
    """
    p = Path(path)
    text = read_text(p)
    kind = _kind(text, str(p))
    if kind == "team":
        return loads_team(text, source=str(p))
    if kind == "plan":
        return loads_plan(text, source=str(p))
    return load_monitoring(p)


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
