"""The IKM worksheet as XLSX: ppid-core's streamed grid against openpyxl's write-only mode.

Run: ``.venv/bin/python benchmarks/bench_worksheet.py [N] [--rounds R]`` (default 20,000
respondents, 3 rounds). Both contenders write the same per-respondent grid (No, U1..U9)
of a survey generated as ``bench_ikm.py`` generates it; ppid-core's file also holds the
processing, result, legend and profile sheets. Rounds are interleaved, so both meet the
same machine load; the ratio is reported with its spread.

Memory: ``tracemalloc`` peak of writing the workbook at N and at 5N respondents. The grid
is written row by row into the sheet XML, so the peak should not grow with N (the survey
itself, read before, is not counted).
"""

from __future__ import annotations

import argparse
import tempfile
import tracemalloc
from pathlib import Path

from _timing import interleaved, ratio_spread
from bench_ikm import generate
from ppid_core.ikm import IkmWorksheet, read_survey


def _openpyxl_grid(worksheet: IkmWorksheet, path: Path) -> None:
    """The named peer: the same grid through openpyxl's write-only workbook."""
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Pengolahan")
    sheet.append(["No", *worksheet.codes])
    columns = worksheet.scores  # one byte string per unsur, a score per respondent
    for i in range(len(columns[0])):
        sheet.append([i + 1, *(column[i] for column in columns)])
    book.save(path)


def _peak_mib(write: object) -> float:
    tracemalloc.start()
    write()  # type: ignore[operator]
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, nargs="?", default=20_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        surveys = {}
        for n in (args.n, 5 * args.n):
            csv = folder / f"skm-{n}.csv"
            generate(csv, n)
            surveys[n] = IkmWorksheet.from_survey(read_survey(csv))
        ws = surveys[args.n]
        out_a, out_b = folder / "a.xlsx", folder / "b.xlsx"
        times = interleaved(
            {
                "ppid-core": lambda: ws.to_xlsx(out_a),
                "openpyxl write-only": lambda: _openpyxl_grid(ws, out_b),
            },
            rounds=args.rounds,
        )
        best = {name: min(t) for name, t in times.items()}
        print(f"{args.n:,} respondents, {args.rounds} interleaved rounds (best wall time)")
        for name, seconds in best.items():
            print(f"  {name:<22} {seconds:7.2f} s")
        spread = ratio_spread(times["openpyxl write-only"], times["ppid-core"])
        print(f"  openpyxl / ppid-core: {spread}")
        for n, sheet in surveys.items():
            path = folder / f"peak-{n}.xlsx"
            peak = _peak_mib(lambda s=sheet, p=path: s.to_xlsx(p))
            print(f"  peak while writing, {n:,} respondents: {peak:.1f} MiB")


if __name__ == "__main__":
    main()
