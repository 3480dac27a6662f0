"""Speed benchmarks for the site: build time and scale, live edit, Lighthouse.

Run with `./dev bench` (or `python -m benchmarks`); `python -m benchmarks --help` lists the
options. Figures are printed, never asserted: timings depend on the machine. `--record` also
writes them to BENCHMARKS.md with a description of the machine.
"""
