#!/usr/bin/env python3
"""Print the IKM worksheet's HTML page in a real browser (headless Chromium) and check the PDF.

The worksheet page (``ppid ikm score FILE --worksheet X.html``) is meant to be printed to
PDF by a browser: A4 landscape, each section on a new page, nothing fetched from the
network. This script proves it with Debian's Chromium (``apt-get install -y chromium``):

    python scripts/check_worksheet_html.py            # the embedded example survey
    python scripts/check_worksheet_html.py --html ws.html --keep out/

Without ``--html`` the page is built from the embedded example (KPU NTT 2024, 150
synthetic respondents, IKM 90,67) with made-up respondent names, masked as the
worksheet masks them by default. Chromium runs with

    --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking
    --disable-component-update --disable-sync --user-data-dir=<a temporary folder>
    --no-pdf-header-footer --print-to-pdf=<file>

Checks: the PDF starts with ``%PDF`` and is not empty. With poppler's ``pdftotext`` and
``pdfinfo`` (``apt-get install -y poppler-utils``): at least 3 pages; each section's
heading (``Hasil``, ``Profil responden``, ``Data per responden``) at the top of its own
page, in order; for the example, the IKM ``90,67``, the legend and its ``Sangat Baik``,
the masked names and none of the names as written. Without poppler only the first
checks run, and the script says so.

Exit status: 0 when every check passes, 1 when one fails (each failure printed), 2 when
Chromium is missing or cannot print.
"""

# A command-line check run by hand and by one optional test: it prints its findings (T201),
# runs Chromium and poppler found on PATH (S603, S607) and imports ppid_core only when it
# builds the example page (PLC0415).
# ruff: noqa: T201, S603, S607, PLC0415

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
SECTIONS = ("Hasil: nilai per unsur dan IKM", "Profil responden", "Data per responden")
NAMES = ("Arieston Dappa, S.T.", "Maria Goreti Lenda", "Drs. Falentinus Bhalu")
MASKED = ("A. D.", "M. G. L.", "F. B.")
EXAMPLE_TEXT = ("90,67", "Tabel nilai persepsi", "Sangat Baik", "Tidak Baik", *MASKED)
TIMEOUT = 180  # seconds Chromium may take


def example_page() -> str:
    """The worksheet page of the embedded example survey, with masked made-up names."""
    from ppid_core.examples.ikm import read_seed_survey
    from ppid_core.ikm import IkmWorksheet

    survey = read_seed_survey()
    names = [NAMES[i % len(NAMES)] for i in range(survey.respondents)]
    return IkmWorksheet.from_survey(survey, names=names).to_html()


def print_pdf(chromium: str, html: Path, pdf: Path, profile: Path) -> str:
    """Run Chromium headless; its stderr (noise about D-Bus is normal) is returned."""
    command = [
        chromium,
        *CHROMIUM_FLAGS,
        f"--user-data-dir={profile}",
        "--no-pdf-header-footer",
        f"--print-to-pdf={pdf}",
        html.resolve().as_uri(),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    return f"exit {done.returncode}: {done.stderr.strip()[-800:]}"


def page_texts(pdf: Path) -> list[str] | None:
    """The text of each page (poppler), or ``None`` without pdftotext and pdfinfo."""
    if not (shutil.which("pdftotext") and shutil.which("pdfinfo")):
        return None
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    pages = next(
        int(line.split(":", 1)[1]) for line in info.stdout.splitlines() if line.startswith("Pages:")
    )
    return [
        subprocess.run(
            ["pdftotext", "-layout", "-f", str(i), "-l", str(i), str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for i in range(1, pages + 1)
    ]


def check(pdf: Path, *, example: bool) -> list[str]:
    """Every check that fails, as a sentence (empty: all passed)."""
    data = pdf.read_bytes() if pdf.exists() else b""
    if not data.startswith(b"%PDF") or len(data) < 1000:
        return [f"{pdf} is not a PDF ({len(data)} bytes)"]
    pages = page_texts(pdf)
    if pages is None:
        print("note: pdftotext/pdfinfo not found; only the PDF's header and size were checked")
        return []
    failures = []
    if len(pages) < len(SECTIONS):
        failures.append(f"{len(pages)} pages; expected at least {len(SECTIONS)}")
    starts = []
    for heading in SECTIONS:
        found = [
            i
            for i, text in enumerate(pages, start=1)
            if heading in "\n".join([line for line in text.splitlines() if line.strip()][:3])
        ]
        if not found:
            failures.append(f"no page starts with the section {heading!r}")
        else:
            starts.append(found[0])
    if len(starts) == len(SECTIONS) and starts != sorted(set(starts)):
        failures.append(f"the sections do not start on pages of their own, in order: {starts}")
    text = "\n".join(pages)
    if example:
        failures += [f"the PDF lacks {want!r}" for want in EXAMPLE_TEXT if want not in text]
        failures += [f"the PDF shows the name {n!r} unmasked" for n in NAMES if n in text]
    print(f"pages: {len(pages)}; sections start on pages {starts}")
    return failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--html", type=Path, help="the page to print (default: the example)")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    parser.add_argument("--keep", type=Path, help="a folder to keep the page and the PDF in")
    args = parser.parse_args(argv)
    if not Path(args.chromium).exists():
        print(f"chromium not found at {args.chromium}; apt-get install -y chromium")
        return 2
    with tempfile.TemporaryDirectory(prefix="ppid-print-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        html = args.html or folder / "worksheet.html"
        if args.html is None:
            html.write_text(example_page(), encoding="utf-8")
        pdf = folder / "worksheet.pdf"
        pdf.unlink(missing_ok=True)
        outcome = print_pdf(args.chromium, html, pdf, Path(tmp) / "profile")
        if not pdf.exists():
            print(f"chromium printed nothing ({outcome})")
            return 2
        print(f"printed {html} to {pdf} ({pdf.stat().st_size:,} bytes)")
        failures = check(pdf, example=args.html is None)
    for failure in failures:
        print(f"FAIL: {failure}")
    print("ok" if not failures else f"{len(failures)} check(s) failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
