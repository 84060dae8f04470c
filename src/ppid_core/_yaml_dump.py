"""Writing YAML: plain data as block-style UTF-8 text that any loader reads back the same.

The reading side is `ppid_core._yaml`; both leave PyYAML unimported until a file is
actually read or written.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import yaml

__all__ = ["dump"]

_STR_TAG = "tag:yaml.org,2002:str"


@functools.cache
def _dumper() -> type[yaml.SafeDumper]:
    """PyYAML's safe dumper, writing multi-line strings as literal blocks."""
    import yaml  # noqa: PLC0415 - imported when the first file is written

    def text(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
        style = "|" if "\n" in data else None
        return dumper.represent_scalar(_STR_TAG, data, style=style)

    class Dumper(yaml.SafeDumper):
        """Safe dumper that writes multi-line strings as literal blocks."""

    Dumper.add_representer(str, text)
    return Dumper


def dump(data: object) -> str:
    """Dump plain data (dicts, lists, text, numbers, dates) as block-style UTF-8 YAML.

    Keys keep their order. Text that YAML 1.1 would misread (``no``, ``010``) is quoted
    by PyYAML's resolver, so the file reads back the same with any loader.

    >>> print(dump({"year": 2022, "answer": "no", "months": [1, 2]}), end="")
    year: 2022
    answer: 'no'
    months:
    - 1
    - 2
    """
    import yaml  # noqa: PLC0415 - imported by _dumper() when first needed

    return yaml.dump(
        data, Dumper=_dumper(), sort_keys=False, allow_unicode=True, default_flow_style=False
    )
