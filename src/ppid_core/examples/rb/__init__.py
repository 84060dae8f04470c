"""Embedded RB examples: the KPU Provinsi NTT 2022 team decree and action plan (YAML)."""
