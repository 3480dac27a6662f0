"""What the benchmarks share: the project folder, temporary copies of it, a timed build."""

from __future__ import annotations

import os
import platform
import re
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "macros", "content_data")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}


def copy_project(dest: Path) -> Path:
    """A copy of everything a build reads, so a benchmark can change it freely."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(src, dest / part)
    return dest


@dataclass
class Build:
    seconds: float
    peak_mib: float
    pages: int
    ok: bool
    output: str


def timed_build(project: Path, site: Path) -> Build:
    """A clean `mkdocs build --strict`: wall time and the build process's peak memory."""
    if site.exists():
        shutil.rmtree(site)
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
        cwd=project,
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    output = proc.stdout.read() if proc.stdout else ""
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    pages = sum(1 for _ in site.rglob("*.html")) if site.exists() else 0
    return Build(seconds, usage.ru_maxrss / 1024, pages, proc.returncode == 0, output)


def retitle(yaml_text: str, suffix: str) -> str:
    """The item's YAML with `suffix` added to its top-level title (written as a JSON string,
    which is valid YAML whatever the title holds)."""
    import json

    import yaml

    def new_title(match: re.Match[str]) -> str:
        title = yaml.safe_load(match.group(0))["title"]
        return f"title: {json.dumps(f'{title}{suffix}')}"

    return re.sub(r"^title:.*$", new_title, yaml_text, count=1, flags=re.M)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def machine() -> dict[str, str]:
    """nproc, memory, CPU model, OS and tool versions, today's date."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "?"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    except OSError:
        pass
    from importlib.metadata import version

    return {
        "date": date.today().isoformat(),
        "cpus (nproc)": str(os.cpu_count()),
        "cpu": cpu,
        "memory": memory,
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "mkdocs / material": f"{version('mkdocs')} / {version('mkdocs-material')}",
        "load average (1 min)": f"{os.getloadavg()[0]:.1f}",
    }


def table(headers: list[str], rows: list[list[str]]) -> str:
    """A Markdown table, which also reads well in a terminal."""
    widths = [max(len(str(x)) for x in col) for col in zip(headers, *rows, strict=True)]

    def line(cells: list[str]) -> str:
        return (
            "| "
            + " | ".join(
                str(c).rjust(w) if i else str(c).ljust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=True))
            )
            + " |"
        )

    return "\n".join([line(headers), "|" + "|".join("-" * (w + 2) for w in widths) + "|", *map(line, rows)])
