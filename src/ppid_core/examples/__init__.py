"""Embedded example data used by ``ppid demo`` and the docs: one subpackage per capability.

- [`ppid_core.examples.requests`][ppid_core.examples.requests]: the 2024 request register of KPU
  Provinsi NTT
  (``load_kpu_ntt_2024()``);
- [`ppid_core.examples.ikm`][ppid_core.examples.ikm]: a synthetic survey that reproduces the
  office's published
  2024 IKM table (``read_seed_survey()``);
- [`ppid_core.examples.rb`][ppid_core.examples.rb]: the office's 2022 RB team decree and action
  plan, with
  illustrative realisation records (``load_kpu_ntt_2022_plan()``, ``example_path(name)``).

The examples import the capability packages, never the other way round.
"""
