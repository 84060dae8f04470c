"""What ``pip install ppid-core`` gets: the wheel's files, its metadata and its entry points.

The wheel is built once per session from the source tree by the project's own build
backend (``[build-system]`` of ``pyproject.toml``, hatchling, from the ``dev`` extra),
called through its PEP 517 hook in a subprocess with no network: well under a second.
"""

from __future__ import annotations

import email.parser
import email.policy
import importlib.metadata
import importlib.util
import re
import subprocess
import sys
import tomllib
import zipfile
from collections.abc import Iterator
from email.message import Message
from pathlib import Path

import pytest

import ppid_core

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "ppid_core"
PYPROJECT = ROOT / "pyproject.toml"


def _pyproject() -> dict[str, object]:
    with PYPROJECT.open("rb") as f:
        return tomllib.load(f)


def _project() -> dict[str, object]:
    project = _pyproject()["project"]
    assert isinstance(project, dict)
    return project


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Iterator[zipfile.ZipFile]:
    build_system = _pyproject()["build-system"]
    assert isinstance(build_system, dict)
    backend = build_system["build-backend"]
    assert isinstance(backend, str)
    if importlib.util.find_spec(backend.partition(".")[0]) is None:
        pytest.fail(f"the build backend {backend} is not installed: pip install -e '.[dev]'")
    out = tmp_path_factory.mktemp("wheel")
    code = (
        "import importlib, sys; "
        f"print(importlib.import_module({backend!r}).build_wheel(sys.argv[1]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    archive = zipfile.ZipFile(out / done.stdout.strip().splitlines()[-1])
    yield archive
    archive.close()


def _names(wheel: zipfile.ZipFile) -> set[str]:
    return set(wheel.namelist())


def _dist_info(wheel: zipfile.ZipFile) -> str:
    (info,) = {n.split("/")[0] for n in wheel.namelist() if n.split("/")[0].endswith(".dist-info")}
    return info


def _metadata(wheel: zipfile.ZipFile) -> Message:
    text = wheel.read(f"{_dist_info(wheel)}/METADATA").decode("utf-8")
    return email.parser.Parser(policy=email.policy.compat32).parsestr(text)


def _source_files() -> set[str]:
    """Every file of the source package, as the wheel names it (no bytecode)."""
    return {
        p.relative_to(SRC.parent).as_posix()
        for p in SRC.rglob("*")
        if p.is_file()
        and "__pycache__" not in p.parts
        and p.suffix not in {".pyc", ".po", ".pot"}  # catalogs ship compiled (.mo)
    }


def test_the_wheel_holds_py_typed_and_every_file_of_the_package(wheel: zipfile.ZipFile) -> None:
    names = _names(wheel)
    assert "ppid_core/py.typed" in names  # PEP 561: users' mypy reads our annotations
    # the Indonesian catalog, compiled from its .po by the build hook (hatch_build.py)
    assert "ppid_core/locale/id/LC_MESSAGES/ppid_core.mo" in names
    assert sorted(_source_files() - names) == []
    # only the package and its metadata: no tests, docs or a stray top-level module
    assert {n.split("/")[0] for n in names} == {"ppid_core", _dist_info(wheel)}


@pytest.mark.parametrize(
    ("folder", "at_least"),
    [
        ("ppid_core/calendar/data/holidays/", {"2025.yaml", "2026.yaml", "2027.yaml"}),
        ("ppid_core/calendar/data/", {"fixed_holidays.yaml", "zones.yaml"}),
        ("ppid_core/ikm/data/regimes/", {"permenpan_14_2017.yaml", "kepmenpan_25_2004.yaml"}),
        ("ppid_core/ikm/data/", {"krejcie_morgan_1970.yaml"}),
        ("ppid_core/requests/data/rules/", {"uu_14_2008.yaml", "perki_1_2019.yaml"}),
        ("ppid_core/rb/data/", {"rb-2020-2024.yaml"}),
    ],
)
def test_the_wheel_holds_the_bundled_data(
    wheel: zipfile.ZipFile, folder: str, at_least: set[str]
) -> None:
    shipped = {n.removeprefix(folder) for n in _names(wheel) if n.startswith(folder)}
    assert at_least <= shipped


def test_the_wheel_holds_the_license(wheel: zipfile.ZipFile) -> None:
    info = _dist_info(wheel)
    assert wheel.read(f"{info}/licenses/LICENSE") == (ROOT / "LICENSE").read_bytes()
    meta = _metadata(wheel)
    assert meta["License-Expression"] == "MIT"
    assert meta.get_all("License-File") == ["LICENSE"]
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")


def test_the_wheel_declares_the_ppid_console_script(wheel: zipfile.ZipFile) -> None:
    text = wheel.read(f"{_dist_info(wheel)}/entry_points.txt").decode("utf-8")
    assert "[console_scripts]\nppid = ppid_core.cli:main\n" in text


def test_the_long_description_is_the_readme_as_markdown(wheel: zipfile.ZipFile) -> None:
    meta = _metadata(wheel)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert _project()["readme"] == "README.md"
    assert meta["Description-Content-Type"] == "text/markdown"
    body = meta.get_payload()
    assert isinstance(body, str)
    assert body.strip() == readme.strip()
    # PyPI shows the README away from the repository: an image must have an absolute URL
    images = re.findall(r"!\[[^\]]*\]\(([^)\s]+)", readme) + re.findall(
        r"<img[^>]+src=\"([^\"]+)\"", readme
    )
    assert [i for i in images if not i.startswith("https://")] == []


def test_the_classifiers_follow_requires_python(wheel: zipfile.ZipFile) -> None:
    meta = _metadata(wheel)
    classifiers = meta.get_all("Classifier") or []
    floor = re.fullmatch(r">=3\.(\d+)", meta["Requires-Python"] or "")
    assert floor, meta["Requires-Python"]
    minors = [
        int(c.rpartition(".")[2])
        for c in classifiers
        if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c)
    ]
    # every version from the floor of requires-python on, through 3.13 at least
    assert minors == list(range(int(floor[1]), max(minors) + 1))
    assert max(minors) >= 13
    assert "Typing :: Typed" in classifiers
    # PEP 639: the SPDX expression replaces the License classifiers
    assert [c for c in classifiers if c.startswith("License ::")] == []


def test_the_installed_ppid_entry_point_is_the_cli_main() -> None:
    (script,) = importlib.metadata.entry_points(group="console_scripts", name="ppid")
    from ppid_core.cli import main

    assert script.load() is main


def test_python_m_ppid_core_prints_the_version() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "ppid_core", "--version"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"ppid-core {ppid_core.__version__}\n"
    assert ppid_core.__version__ == importlib.metadata.version("ppid-core") == _project()["version"]
