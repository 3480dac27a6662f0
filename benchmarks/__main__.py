"""python -m benchmarks [--only build,live,lighthouse,search] [--sizes 100,300,1000] [--record]"""

from __future__ import annotations

import argparse
import sys
import time

from . import lighthouse, live, scale
from . import search as search_bench
from .common import ROOT, machine, table

RECORD = ROOT / "BENCHMARKS.md"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument(
        "--only",
        default="build,live,lighthouse,search",
        help="which benchmarks, comma-separated: build, live, lighthouse, search (default: all)",
    )
    parser.add_argument("--sizes", default="100,300,1000", help="extra condition pages to build with")
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page (the median is kept)")
    parser.add_argument("--edits", type=int, default=3, help="live edits to time (the median is kept)")
    parser.add_argument("--record", action="store_true", help=f"also write the figures to {RECORD.name}")
    args = parser.parse_args(argv)
    wanted = {w.strip() for w in args.only.split(",") if w.strip()}
    sys.path.insert(0, str(ROOT))

    info = machine()
    sections: list[tuple[str, str]] = []
    print(table(["machine", ""], [[k, v] for k, v in info.items()]), flush=True)
    if "build" in wanted:
        print("\nBuild time and scale", flush=True)
        sizes = (0, *(int(s) for s in args.sizes.split(",") if s.strip()))
        start = time.perf_counter()
        text, _ = scale.run(sizes)
        print(text, flush=True)
        sections.append(
            (
                "Build time and scale",
                "Clean `mkdocs build --strict` of a copy of the project; extra pages "
                "are real conditions under new ids, each with its own text. After each, stock Material builds "
                "the same number of plain pages of a real condition page's Markdown (search plugin, shallow "
                "navigation); the ratio is our time over stock's. Peak memory is the build process's maximum "
                f"resident size. ({time.perf_counter() - start:.0f} s for this section)\n\n" + text,
            )
        )
    if "live" in wanted:
        print("\nLive edit", flush=True)
        text, _ = live.run(args.edits)
        print(text, flush=True)
        sections.append(
            (
                "Live edit",
                "`mkdocs serve` on a copy of the real site; a condition's title is changed in "
                "its YAML file and the served page is polled every 50 ms until it shows.\n\n" + text,
            )
        )
    if "lighthouse" in wanted:
        print("\nLighthouse", flush=True)
        text, _ = lighthouse.run(args.runs)
        print(text, flush=True)
        sections.append(
            (
                "Lighthouse",
                "Lighthouse " + lighthouse_version() + ", mobile preset (simulated slow 4G "
                "and a slower CPU), Chromium headless; the site served with gzip under its "
                "site_url path like GitHub Pages.\n\n" + text,
            )
        )
    if "search" in wanted:
        print("\nSearch", flush=True)
        start = time.perf_counter()
        text, _ = search_bench.run()
        print(text, flush=True)
        sections.append(
            (
                "Search",
                "The public query set (tests/search/queries.yaml): a query is a hit@3 when a page it expects "
                "is in the first three results. Each engine runs in Node as in the browser "
                "(macros/devtools/search_runner.cjs): lunr is Material's own search worker over its index, "
                "from a copy of the project with Material's search plugin switched back on. First search: "
                "what opening search downloads, gzip level 9. "
                f"({time.perf_counter() - start:.0f} s for this section)\n\n" + text,
            )
        )
    if args.record:
        write_record(info, sections)
        print(f"\nwrote {RECORD.relative_to(ROOT)}")
    return 0


def lighthouse_version() -> str:
    import json

    try:
        return json.loads((ROOT / "node_modules/lighthouse/package.json").read_text())["version"]
    except (OSError, ValueError, KeyError):
        return "?"


def write_record(info: dict[str, str], sections: list[tuple[str, str]]) -> None:
    """Write the figures to BENCHMARKS.md; sections not run this time keep their old figures."""
    kept: dict[str, str] = {}
    if RECORD.exists():
        for part in RECORD.read_text(encoding="utf-8").split("\n## ")[1:]:
            title, _, body = part.partition("\n")
            kept[title.strip()] = body.strip()
    stamp = f"_Measured {info['date']}; load average {info['load average (1 min)']} when it started._"
    for title, body in sections:
        kept[title] = stamp + "\n\n" + body
    lines = [
        "# Benchmarks",
        "",
        "The latest figures from `./dev bench --record` (`python -m benchmarks --record`; add",
        "`--only build`, `live`, `lighthouse` or `search` to re-measure one section). They are printed, never",
        "asserted: timings depend on the machine and on what else it is doing (Lighthouse's",
        "performance score and total blocking time vary most). Re-run and commit this file when the",
        "site or its tools change.",
        "",
        table(["machine", ""], [[k, v] for k, v in info.items() if k != "load average (1 min)"]),
    ]
    for title in [t for t in ("Build time and scale", "Live edit", "Lighthouse", "Search") if t in kept] + [
        t for t in kept if t not in ("Build time and scale", "Live edit", "Lighthouse", "Search")
    ]:
        lines += ["", f"## {title}", "", kept[title]]
    RECORD.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
