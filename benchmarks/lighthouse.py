"""Lighthouse (mobile preset) on the home page and a condition page, the built site served with
gzip like GitHub Pages; the median of three runs for each category."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import tempfile
from pathlib import Path

from macros.devtools import find_browser

from .common import ROOT, copy_project, table, timed_build

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu"
METRICS = {  # Lighthouse audit id -> (column, unit divisor, format)
    "first-contentful-paint": ("FCP s", 1000, "{:.1f}"),
    "largest-contentful-paint": ("LCP s", 1000, "{:.1f}"),
    "total-blocking-time": ("TBT ms", 1, "{:.0f}"),
    "cumulative-layout-shift": ("CLS", 1, "{:.3f}"),
    "speed-index": ("SI s", 1000, "{:.1f}"),
}


def chrome_path() -> str:
    path = os.environ.get("CHROME_PATH") or find_browser()
    if path and Path(path).exists():
        return path
    raise SystemExit("Lighthouse needs Chromium: sudo apt-get install chromium, or set CHROME_PATH")


def one_run(url: str) -> dict:
    binary = ROOT / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        raise SystemExit("node_modules/.bin/lighthouse is missing: run `npm ci` (./dev bench does)")
    result = subprocess.run(
        [
            str(binary),
            url,
            "--output=json",
            "--output-path=stdout",
            "--quiet",
            f"--chrome-flags={CHROME_FLAGS}",
            f"--only-categories={','.join(CATEGORIES)}",
        ],
        env={**os.environ, "CHROME_PATH": chrome_path()},
        capture_output=True,
        text=True,
        timeout=300,
    )
    if result.returncode != 0:
        raise SystemExit(f"lighthouse failed on {url}:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout)


def run(runs: int = 3) -> tuple[str, dict[str, dict[str, float]]]:
    from macros.devtools.server import SiteServer, site_prefix

    medians: dict[str, dict[str, float]] = {}
    missed: dict[str, set[str]] = {}
    with tempfile.TemporaryDirectory(prefix="bench-lighthouse-") as tmp:
        project = copy_project(Path(tmp) / "project")
        build = timed_build(project, Path(tmp) / "site")
        if not build.ok:
            raise SystemExit(f"the build failed:\n{build.output[-3000:]}")
        site = Path(tmp) / "site"
        condition = "conditions/sciatica/"
        if not (site / condition).is_dir():
            condition = sorted(
                p.parent.relative_to(site).as_posix() + "/" for p in (site / "conditions").glob("*/index.html")
            )[0]
        with SiteServer(site, site_prefix(project / "mkdocs.yml"), compress=True) as server:
            for page in ("", condition):
                scores: dict[str, list[float]] = {c: [] for c in (*CATEGORIES, *METRICS)}
                for n in range(runs):
                    print(f"  lighthouse /{page} run {n + 1} of {runs} ...", flush=True)
                    report = one_run(server.page_url(page))
                    for metric in METRICS:
                        scores[metric].append(report["audits"][metric]["numericValue"])
                    for category in CATEGORIES:
                        data = report["categories"][category]
                        scores[category].append(round(data["score"] * 100))
                        for ref in data["auditRefs"]:
                            audit = report["audits"].get(ref["id"], {})
                            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                                missed.setdefault(f"/{page} {category}", set()).add(ref["id"])
                medians["/" + page] = {c: statistics.median(v) for c, v in scores.items()}
    rows = [
        [page]
        + [f"{m[c]:.0f}" for c in CATEGORIES]
        + [fmt.format(m[metric] / divisor) for metric, (_, divisor, fmt) in METRICS.items()]
        for page, m in medians.items()
    ]
    rows.append(
        ["target"] + [f"{'>= ' if c == 'performance' else ''}{TARGETS[c]}" for c in CATEGORIES] + [""] * len(METRICS)
    )
    columns = [column for column, _, _ in METRICS.values()]
    text = table([f"page (median of {runs} runs)", *CATEGORIES, *columns], rows)
    if missed:
        text += "\n\nAudits that scored below full marks in at least one run:\n"
        text += "\n".join(f"- {where}: {', '.join(sorted(ids))}" for where, ids in sorted(missed.items()))
    return text, medians
