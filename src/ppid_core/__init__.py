"""ppid-core: the toolkit for Indonesian public-information service (PPID) work.

Working days (:mod:`ppid_core.calendar`), information requests under UU 14/2008
(:mod:`ppid_core.requests`), the Indeks Kepuasan Masyarakat (:mod:`ppid_core.ikm`) and
Reformasi Birokrasi action plans (:mod:`ppid_core.rb`).
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("ppid-core")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0+unknown"

from ppid_core._tables import Table
from ppid_core.calendar import WorkCalendar

__all__ = ["Table", "WorkCalendar", "__version__"]
