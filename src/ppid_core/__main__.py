"""``python -m ppid_core``: the ``ppid`` command, for environments without its script."""

from ppid_core.cli import main

raise SystemExit(main())
