"""Reading RB files that need more than their text: a realisation with its plan, any file by kind.

A realisation file names its plan (``plan: rencana-aksi.yaml``, relative to the file's
folder). [`load_realisation()`][load_realisation] and [`load_monitoring()`][load_monitoring] read
that plan first and check
the records against it. A realisation given as bytes or a binary file object has no folder,
so its plan must be passed (``plan=``). [`load_any()`][load_any] reads a team, a plan or a
realisation by the file's ``kind``, for ``ppid rb check`` and similar tools:

>>> from ppid_core.examples.rb import example_path
>>> print(check_file(example_path("kpu-ntt-2022-rencana-aksi.yaml")).split(": ", 1)[1])
plan 2022, 8 areas, 32 kegiatan, 93 sub kegiatan
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import yaml

from ppid_core._i18n import _
from ppid_core._source import FileInput, source_name
from ppid_core._yaml import Document
from ppid_core.errors import InvalidArgumentError, PpidError
from ppid_core.rb._framework import DEFAULT_FRAMEWORK, Framework
from ppid_core.rb._plan import ActionPlan, plan_from_document
from ppid_core.rb._realisation import Realisation, parse_realisation, realisation_from_document
from ppid_core.rb._source import read_rb_source, resolve_plan
from ppid_core.rb._team import TeamDecree, team_from_document

__all__ = [
    "KINDS",
    "check_file",
    "is_framework_file",
    "load_any",
    "load_monitoring",
    "load_realisation",
    "monitoring_from_document",
    "summary_line",
]

KINDS = ("plan", "realisation", "team")


def _top_value(doc: Document, key: str) -> yaml.Node | None:
    """The value node of a top-level key of a mapping document, if any (no errors)."""
    if isinstance(doc.root, yaml.MappingNode):
        for key_node, value in doc.root.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
                node: yaml.Node = value
                return node
    return None


def _is_plan(pdoc: Document) -> bool:
    """True when the document is a mapping whose ``kind`` is ``plan``."""
    kind = _top_value(pdoc, "kind")
    return isinstance(kind, yaml.ScalarNode) and str(kind.value).strip() == "plan"


def _named_plan(
    doc: Document, folder: Path | None, frameworks: tuple[Framework, ...] = ()
) -> ActionPlan | None:
    """Load the plan a realisation names, from inside ``folder``; else a located error.

    A ``plan:`` that leaves the folder (an absolute path, ``..``, a link), names no
    regular file, a file over the size limit, or a file that is not an RB plan is an
    error at ``$.plan``; nothing of such a file is shown. Without a folder (the file came
    as bytes) the plan cannot be read: an error at ``$.plan`` too. A plan's own errors
    raise the plan file's [`DataFileError`][ppid_core.errors.DataFileError].
    """
    node = _top_value(doc, "plan")
    if not isinstance(node, yaml.ScalarNode) or doc.is_null(node) or not node.value.strip():
        return None  # the checked pass reports it
    name = str(node.value).strip()
    if folder is None:
        msg = (
            f"the plan {name!r} cannot be read: this file was given without its folder "
            "(as bytes or a file object); check it together with its plan"
        )
        doc.error(node, "$.plan", msg)
        return None
    target = resolve_plan(name, folder)
    if target.text is None:
        doc.error(node, "$.plan", target.problem or "cannot read the plan file")
        return None
    pdoc = Document.parse(target.text, source=target.shown)
    if not _is_plan(pdoc):
        msg = f"the file {name!r} is not an RB plan (a YAML mapping with 'kind: plan')"
        doc.error(node, "$.plan", f"{msg}; name the plan's YAML file")
        return None
    plan = plan_from_document(pdoc, frameworks)
    pdoc.raise_errors()
    return plan


def monitoring_from_document(
    doc: Document, folder: Path | None, frameworks: tuple[Framework, ...] = ()
) -> tuple[ActionPlan, Realisation]:
    """Check a composed realisation document against the plan it names in ``folder``.

    Raises:
        DataFileError: Every problem of the plan file, or else every problem of the
            realisation document (``folder`` ``None``: the plan cannot be read).
    """
    plan = _named_plan(doc, folder, frameworks)
    real = realisation_from_document(doc, plan)
    doc.raise_errors()  # without a plan, _named_plan or the pass recorded why
    if plan is None or real is None:  # pragma: no cover - an error was recorded
        msg = f"{doc.source}: nothing could be read"
        raise AssertionError(msg)
    return plan, real


def load_monitoring(
    file: FileInput,
    /,
    *,
    source: str | None = None,
    plan: ActionPlan | None = None,
    frameworks: Iterable[Framework] = (),
) -> tuple[ActionPlan, Realisation]:
    """Load a realisation file and its plan, checking one against the other.

    Without ``plan``, the plan named by ``plan:`` is loaded first, from the realisation
    file's folder (or a folder below it; a path that leaves the folder, also by a link,
    is refused). The realisation file is then read in one checked pass, so its own
    mistakes (a missing field, a bad status) and its mismatches with the plan (an unknown
    code, an unplanned month) are reported together. Both files may be at most 10 MiB
    (`MAX_FILE_BYTES`).

    Args:
        file: The realisation file: a path, its bytes, or a binary file object (read to
            its end); bytes and file objects need ``plan``.
        source: The name used in error messages (default: the path, the file object's
            name, or ``"<bytes>"``).
        plan: The plan to check the records against, instead of the one ``plan:`` names.
        frameworks: The office's own frameworks the plan's ``framework:`` may name.

    Raises:
        DataFileError: Every problem of the plan file, or else every problem of the
            realisation file (including a ``plan:`` that names no readable plan).
        InvalidArgumentError: Bytes or a file object without ``plan``.
        OSError: The path cannot be read.
    """
    if plan is None and not isinstance(file, str | os.PathLike):
        msg = (
            f"{source_name(file, source)}: a realisation given as bytes or a file object has "
            "no folder in which to find the plan its 'plan:' names; pass the plan: "
            "load_realisation(data, plan=load_plan(...))"
        )
        raise InvalidArgumentError(msg)
    text, name = read_rb_source(file, source=source)
    if plan is not None:
        return plan, parse_realisation(text, source=name, plan=plan)
    folder = Path(file).parent if isinstance(file, str | os.PathLike) else None
    return monitoring_from_document(Document.parse(text, source=name), folder, tuple(frameworks))


def load_realisation(
    file: FileInput,
    /,
    *,
    source: str | None = None,
    plan: ActionPlan | None = None,
    frameworks: Iterable[Framework] = (),
) -> Realisation:
    """Load realisation records, checked against their plan (see
    [`load_monitoring()`][load_monitoring]).

    Args:
        file: The realisation file: a path, its bytes, or a binary file object (read to
            its end); bytes and file objects need ``plan``.
        source: The name used in error messages (default: the path, the file object's
            name, or ``"<bytes>"``).
        plan: The plan to check the records against; without it, the plan ``plan:``
            names, read from the file's folder.

    Raises:
        DataFileError: Every problem of the plan file, or else every problem of the
            realisation file.
        InvalidArgumentError: Bytes or a file object without ``plan``.
        OSError: The path cannot be read.
    """
    return load_monitoring(file, source=source, plan=plan, frameworks=frameworks)[1]


def _kind(doc: Document) -> str:
    root = doc.root
    if isinstance(root, yaml.MappingNode):
        node = _top_value(doc, "kind")
        if isinstance(node, yaml.ScalarNode) and str(node.value).strip() == "lke-answers":
            msg = (
                "an LKE answers file (kind: lke-answers) is read by 'ppid rb lke score FILE'; "
                f"expected one of: {', '.join(KINDS)}"
            )
            doc.error(node, "$.kind", msg)
        elif node is not None:
            kind = doc.choice(node, "$.kind", KINDS)
            doc.raise_errors()
            return str(kind)
        elif _top_value(doc, "framework") is not None:
            msg = (
                f"missing required field 'kind' (one of: {', '.join(KINDS)}); a framework "
                "file has no 'kind': load it with load_framework() (ppid rb check reads it)"
            )
            doc.error(root, "$", msg)
        else:
            doc.error(root, "$", f"missing required field 'kind' (one of: {', '.join(KINDS)})")
    else:
        doc.mapping(root, "$")
    doc.raise_errors()
    raise AssertionError  # pragma: no cover - an error was recorded


def load_any(
    file: FileInput, /, *, source: str | None = None, frameworks: Iterable[Framework] = ()
) -> TeamDecree | ActionPlan | tuple[ActionPlan, Realisation]:
    """Load a team, a plan, or a realisation file with its plan, by the file's ``kind``.

    The file is read once (at most 10 MiB, `MAX_FILE_BYTES`)
    and composed once. A realisation given as bytes or a file object cannot read its plan
    (it has no folder): that is an error at its ``plan:``.

    Args:
        file: A path, the file's bytes, or a binary file object (read to its end).
        source: The name used in error messages (default: the path, the file object's
            name, or ``"<bytes>"``).
        frameworks: The office's own frameworks a plan's ``framework:`` may name.

    Raises:
        DataFileError: Every problem of the file (for a realisation file, of its plan
            first), each located; bytes that are not UTF-8 and a file over the size
            limit are located too.
        OSError: The path itself cannot be read.
    """
    text, name = read_rb_source(file, source=source)
    doc = Document.parse(text, source=name)
    kind = _kind(doc)
    extra = tuple(frameworks)
    if kind == "realisation":
        folder = Path(file).parent if isinstance(file, str | os.PathLike) else None
        return monitoring_from_document(doc, folder, extra)
    value = team_from_document(doc) if kind == "team" else plan_from_document(doc, extra)
    doc.raise_errors()
    if value is None:  # pragma: no cover - a reader returns None only after recording why
        msg = f"{name}: nothing could be read"
        raise AssertionError(msg)
    return value


def is_framework_file(file: FileInput, /, *, source: str | None = None) -> bool:
    """Whether a file looks like a framework file: a mapping with ``framework:`` and no ``kind``.

    ``ppid rb check`` uses it to read such a file as a framework (its errors are then the
    framework reader's). A file that cannot be read or parsed is not one.
    """
    try:
        text, name = read_rb_source(file, source=source)
        doc = Document.parse(text, source=name)
    except (OSError, PpidError):
        return False
    return _top_value(doc, "kind") is None and _top_value(doc, "framework") is not None


def check_file(
    file: FileInput, /, *, source: str | None = None, frameworks: Iterable[Framework] = ()
) -> str:
    """Validate one RB file (a path, bytes or a binary file object); a one-line summary.

    ``frameworks`` are the office's own frameworks a plan may name. A plan's warnings
    (near-duplicate kegiatan names) are in the loaded plan, not in this summary.

    Raises:
        DataFileError: Every problem of the file, each located.
    """
    name = source_name(file, source)
    return summary_line(name, load_any(file, source=name, frameworks=frameworks))


def summary_line(
    name: str, loaded: TeamDecree | ActionPlan | tuple[ActionPlan, Realisation]
) -> str:
    """The one-line summary [`check_file()`][check_file] gives, for a file already loaded."""
    if isinstance(loaded, TeamDecree):
        people = len(loaded.members())
        what = _("team {year}, {teams} teams, {people} memberships").format(
            year=loaded.year, teams=len(loaded.teams()), people=people
        )
    elif isinstance(loaded, ActionPlan):
        kegiatan = sum(len(a.kegiatan) for a in loaded.areas)
        rows = sum(1 for _row in loaded.rows())
        areas = sum(1 for a in loaded.areas if a.area)
        what = _("plan {year}, {areas} areas, {kegiatan} kegiatan, {rows} sub kegiatan").format(
            year=loaded.year, areas=areas, kegiatan=kegiatan, rows=rows
        )
        if loaded.framework != DEFAULT_FRAMEWORK:
            what += " " + _("(framework {key})").format(key=loaded.framework)
    else:
        plan, real = loaded
        what = _("realisation of plan {year}, {records} records").format(
            year=plan.year, records=len(real.records)
        )
    return f"{name}: {what}"
