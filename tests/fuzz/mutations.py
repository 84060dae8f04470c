"""Hypothesis strategies that mutate real input files: bytes, text and structure.

Each strategy starts from a packaged example (or bundled data file) and damages it the way
files get damaged in the wild: bytes flipped, inserted, deleted or truncated; lines lost,
doubled or swapped; cells replaced by values that trip parsers (empty, huge, control
characters, formulas, impossible dates, other encodings).
"""

from __future__ import annotations

from hypothesis import strategies as st

# Values that have broken parsers before: see CONTRIBUTING.md, "What every reader must survive".
NASTY = (
    "",
    " ",
    "0",
    "-1",
    "4.9",
    "1e309",
    "9" * 4400,
    "x" * 140_000,
    "2025-02-30",
    "2025",
    "2025-03",
    "9999-12-31T23:59:59+00:00",
    "00:00-24:30",
    '=HYPERLINK("http://x")',
    "+cmd|' /C calc'!A0",
    "@SUM(1)",
    "\t",
    "\r",
    "\r\n",
    "\x00",
    "\x1b[31m",
    '"',
    '""',
    "'",
    ",",
    ";",
    "No",
    "~",
    "null",
    "- a\n- b",
    "{a: 1}",
    "&a [*a, *a]",
    "Budi Santoso, S.T.",
    "<script>alert(1)</script>",
    "José",
    "\ufeff",
    "\u202e",
    "𝟘",
    "../../etc/passwd",
    "/dev/zero",
)


@st.composite
def mutated_bytes(draw: st.DrawFn, original: bytes) -> bytes:
    """``original`` with a few byte-level edits (flip, insert, delete, truncate, repeat)."""
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 4))):
        if not data:
            data += draw(st.binary(min_size=1, max_size=8))
            continue
        at = draw(st.integers(0, len(data) - 1))
        kind = draw(st.sampled_from(("flip", "insert", "delete", "truncate", "repeat")))
        if kind == "flip":
            data[at] = draw(st.integers(0, 255))
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 64))]
        elif kind == "truncate":
            del data[at:]
        else:
            data[at:at] = data[at : at + draw(st.integers(1, 256))] * draw(st.integers(1, 3))
    return bytes(data)


@st.composite
def mutated_text(draw: st.DrawFn, original: str, separators: str = ",;:\t ") -> str:
    """``original`` with line- and token-level edits that keep most of its structure."""
    lines = original.split("\n")
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            lines = [draw(st.sampled_from(NASTY))]
            continue
        i = draw(st.integers(0, len(lines) - 1))
        kind = draw(st.sampled_from(("token", "token", "token", "drop", "double", "swap", "line")))
        if kind == "token":
            line = lines[i]
            cut = [j for j, ch in enumerate(line) if ch in separators] or [len(line)]
            start = draw(st.sampled_from([0, *cut]))
            end = min((j for j in cut if j > start), default=len(line))
            lines[i] = line[: start + (start > 0)] + draw(st.sampled_from(NASTY)) + line[end:]
        elif kind == "drop":
            del lines[i]
        elif kind == "double":
            lines.insert(i, lines[i])
        elif kind == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        else:
            lines[i] = draw(st.text(max_size=40))
    return "\n".join(lines)


def mutated(original: bytes) -> st.SearchStrategy[bytes]:
    """Either a byte-level or (for UTF-8 text) a text-level mutation of ``original``."""
    try:
        text = original.decode("utf-8")
    except UnicodeDecodeError:
        return mutated_bytes(original)
    return st.one_of(
        mutated_bytes(original),
        mutated_text(text).map(lambda t: t.encode("utf-8", "surrogatepass")),
    )
