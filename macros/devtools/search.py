"""The search query set (tests/search/queries.yaml) and a runner for search engines over it, shared
by the search test and `./dev bench --only search`: hit@1, hit@3 and the misses, measured on
the engine as it runs in the browser (search_runner.cjs runs it in Node)."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
QUERIES = ROOT / "tests" / "search" / "queries.yaml"
RUNNER = Path(__file__).with_name("search_runner.cjs")


@dataclass(frozen=True)
class Query:
    query: str
    expect: tuple[str, ...]  # page addresses without the last slash: 'conditions/sciatica'
    urgent: bool = False


def load_queries(path: Path = QUERIES) -> list[Query]:
    items: list[dict[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Query(str(i["query"]), tuple(i["expect"]), bool(i.get("urgent", False))) for i in items]


def page_of(url: str) -> str:
    """'conditions/sciatica/' -> 'conditions/sciatica'; the home page is ''."""
    return url.split("#")[0].removesuffix("index.html").rstrip("/")


def material_worker() -> Path:
    """Material for MkDocs' search worker (lunr), as the theme ships it."""
    import material

    workers = Path(material.__file__).parent / "templates/assets/javascripts/workers"
    return next(workers.glob("search.*.min.js"))


@dataclass(frozen=True)
class Found:
    url: str
    urgent: bool


def run(engine: str, site: Path, queries: list[str], limit: int = 10) -> list[list[Found]]:
    """The pages each query finds, best first: engine 'site' (the site's own search, from the
    built site) or 'lunr' (Material's search worker over its search_index.json)."""
    node = shutil.which("node")
    if node is None:
        raise RuntimeError("Node.js is needed to run the search engines: sudo apt-get install nodejs")
    job = {"engine": engine, "site": str(site), "queries": queries, "limit": limit}
    if engine == "lunr":
        job["worker"] = str(material_worker())
    out = subprocess.run([node, str(RUNNER)], input=json.dumps(job), capture_output=True, text=True, check=False)
    if out.returncode:
        raise RuntimeError(f"search runner failed: {out.stderr.strip()}")
    return [[Found(page_of(r["url"]), bool(r["urgent"])) for r in found] for found in json.loads(out.stdout)["results"]]


@dataclass(frozen=True)
class Score:
    hit1: int
    hit3: int
    total: int
    misses: list[tuple[Query, int | None, list[str]]]  # query, rank of its first expected page, top 3
    urgent_first: list[tuple[Query, str]]  # urgent queries whose first result is not urgent care

    def line(self) -> str:
        return (
            f"hit@1 {self.hit1}/{self.total} ({self.hit1 / self.total:.0%}), "
            f"hit@3 {self.hit3}/{self.total} ({self.hit3 / self.total:.0%})"
        )

    def report(self) -> str:
        lines = [self.line()]
        for query, rank, top in self.misses:
            where = f"first expected page at {rank}" if rank else "expected pages not in the first 10"
            lines.append(f"  miss: {query.query!r}: {where}; top 3: {', '.join(top) or 'nothing'}")
        for query, first in self.urgent_first:
            lines.append(f"  urgent query {query.query!r} puts {first or 'nothing'} first")
        return "\n".join(lines)


def score(queries: list[Query], found: list[list[Found]]) -> Score:
    hit1 = hit3 = 0
    misses: list[tuple[Query, int | None, list[str]]] = []
    urgent_first: list[tuple[Query, str]] = []
    for query, results in zip(queries, found, strict=True):
        pages = [r.url for r in results]
        ranks = [pages.index(p) + 1 for p in query.expect if p in pages]
        rank = min(ranks) if ranks else None
        hit1 += rank == 1
        if rank is not None and rank <= 3:
            hit3 += 1
        else:
            misses.append((query, rank, pages[:3]))
        if query.urgent and not (results and results[0].urgent):
            urgent_first.append((query, pages[0] if pages else ""))
    return Score(hit1, hit3, len(queries), misses, urgent_first)
