"""Embedded example data used by ``ppid demo`` and the docs."""
