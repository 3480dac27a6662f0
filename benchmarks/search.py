"""Search: the public query set (tests/search/queries.yaml) on each engine, and what the first
search downloads, on the real site and on the site with 1,000 extra conditions.

Engines, each run in Node as it runs in the browser (macros/devtools/search_runner.cjs):

- lunr: Material for MkDocs' search, as the site had it: its search plugin switched back on in a
  copy of the project, its own worker script over its search_index.json. First search: the index
  and the worker.
- site: the site's own search (MiniSearch over assets/search/index.json, built by
  macros/pages/search.py). First search: the index, MiniSearch, the stemmer and the engine.

Build time is a clean strict build of the copy with and without Material's search plugin; the
index's own cost is building it again, in this process, from the built pages.
"""

from __future__ import annotations

import gzip
import re
import tempfile
import time
from pathlib import Path

from .common import copy_project, table, timed_build

SITE_FILES = (
    "assets/search/index.json",
    "assets/vendor/minisearch/minisearch.js",
    "assets/vendor/stemmer/stemmer.js",
    "assets/js/search-engine.js",
)
MATERIAL_WORKER = re.compile(r"assets/javascripts/workers/search\.[0-9a-f]+\.min\.js")


def gzipped(files: list[Path]) -> int:
    """Bytes on the wire with gzip at level 9, as the test server and GitHub Pages send them."""
    return sum(len(gzip.compress(f.read_bytes(), 9)) for f in files)


def with_material_search(project: Path) -> None:
    """Material's search plugin switched back on, as the site had it before its own search."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("plugins:\n", "plugins:\n  - search:\n      lang: en\n", 1), encoding="utf-8")


def first_search_bytes(engine: str, site: Path) -> int:
    if engine == "lunr":
        worker = [p for p in site.rglob("search.*.min.js") if MATERIAL_WORKER.search(p.as_posix())]
        return gzipped([site / "search/search_index.json", *worker])
    return gzipped([site / f for f in SITE_FILES])


def index_seconds(project: Path, site: Path) -> float:
    """Building the site's index again from the built pages, in this process (what the build adds)."""
    from macros.content.registry import build
    from macros.mkdocs.search import SearchPages
    from macros.pages.search import search_index_json

    registry = build(project / "content_data")
    pages = SearchPages()
    for html in site.rglob("index.html"):
        url = html.parent.relative_to(site).as_posix()
        url = "" if url == "." else url + "/"
        pages.pages[url] = ("page", {})  # the index takes each page's title from its h1
        kind, _, item_id = url.rstrip("/").partition("/")
        if item_id and kind in registry.entries and item_id in registry.entries[kind]:
            pages.item_pages[url] = registry.get(kind, item_id)
    start = time.perf_counter()
    index = search_index_json(pages.records(site), registry)
    seconds = time.perf_counter() - start
    if '"url"' not in index:
        raise SystemExit("the index built for timing is empty")
    return seconds


def run(sizes: tuple[int, ...] = (0, 1000)) -> tuple[str, dict[str, object]]:
    from macros.devtools.search import load_queries, score
    from macros.devtools.search import run as run_engine

    from .scale import add_conditions

    queries = load_queries()
    rows: list[list[str]] = []
    builds: list[list[str]] = []
    figures: dict[str, object] = {}
    with tempfile.TemporaryDirectory(prefix="bench-search-") as tmp:
        base = Path(tmp)
        for size in sizes:
            label = "real site" if size == 0 else f"+{size:,} conditions"
            sites: dict[str, Path] = {}
            projects: dict[str, Path] = {}
            seconds: dict[str, float] = {}
            for engine in ("lunr", "site"):
                project = copy_project(base / f"{engine}-{size}")
                if size:
                    add_conditions(project, size)
                if engine == "lunr":
                    with_material_search(project)
                print(f"  building ({label}, {engine}) ...", flush=True)
                built = timed_build(project, base / f"site-{engine}-{size}")
                if not built.ok:
                    raise SystemExit(f"the build failed:\n{built.output[-3000:]}")
                sites[engine], projects[engine], seconds[engine] = (
                    base / f"site-{engine}-{size}",
                    project,
                    built.seconds,
                )
            indexing = index_seconds(projects["site"], sites["site"])
            builds.append(
                [
                    label,
                    f"{seconds['lunr']:.1f}",
                    f"{seconds['site']:.1f}",
                    f"{indexing:.2f}",
                ]
            )
            for engine, name in (("lunr", "lunr (Material, before)"), ("site", "MiniSearch (this site, after)")):
                bytes_ = first_search_bytes(engine, sites[engine])
                if size == 0:
                    result = score(queries, run_engine(engine, sites[engine], [q.query for q in queries]))
                    figures[engine] = result
                    rows.append(
                        [
                            name,
                            f"{result.hit1}/{result.total} ({result.hit1 / result.total:.0%})",
                            f"{result.hit3}/{result.total} ({result.hit3 / result.total:.0%})",
                            str(len(result.urgent_first)),
                            f"{bytes_ / 1024:.0f} KiB",
                        ]
                    )
                else:
                    rows[-2 if engine == "lunr" else -1].append(f"{bytes_ / 1024:.0f} KiB")
    headers = ["engine", "hit@1", "hit@3", "urgent query, urgent page not first", "first search, real site"]
    headers += [f"first search, +{s:,}" for s in sizes if s]
    text = table(headers, rows)
    text += "\n\n" + table(
        ["site", "build s, with Material's search", "build s, without (now)", "building the index s"], builds
    )
    for engine in ("lunr", "site"):
        result = figures.get(engine)
        if result is not None:
            text += f"\n\nMisses, {engine}:\n" + "\n".join(result.report().splitlines()[1:])  # type: ignore[attr-defined]
    return text, figures
