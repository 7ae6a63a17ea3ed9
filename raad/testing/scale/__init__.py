"""A national installation of generated data, for benchmarks and load tests (issue 15): `manage.py
generate_scale --tier demo|100x|denmark` (docs/scale.md).

This is a test and benchmark data tool, not a way to enter real data: it writes rows with `bulk_create` in
batches, never through the services, so it records no audit entries, sends no mail and checks no rule of
procedure. Importing this package loads no Django model: `tiers` and `text` are pure Python; the builders
(`councils`, `meetings`, `statements`, `community`, run by `build.generate`) need a configured Django.
"""
