"""Live edit: with `mkdocs serve` running on (a copy of) the real site, the time from saving a
change to a condition's YAML file until the served page shows it."""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from macros.devtools.server import site_prefix

from .common import ENV, copy_project, free_port, retitle

TARGET_SECONDS = 3.0


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return ""


def run(edits: int = 3, condition: str = "sciatica") -> tuple[str, list[float]]:
    with tempfile.TemporaryDirectory(prefix="bench-live-") as tmp:
        project = copy_project(Path(tmp) / "project")
        yaml_file = project / "content_data" / "conditions" / f"{condition}.yaml"
        if not yaml_file.exists():
            yaml_file = sorted(yaml_file.parent.glob("*.yaml"))[0]
        port = free_port()
        url = f"http://127.0.0.1:{port}{site_prefix(project / 'mkdocs.yml')}conditions/{yaml_file.stem}/"
        log = open(Path(tmp) / "serve.log", "w")  # noqa: SIM115 (closed below)
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            env=ENV,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        times: list[float] = []
        try:
            start = time.perf_counter()
            print("  starting mkdocs serve (first build) ...", flush=True)
            while "<h1" not in fetch(url):
                if server.poll() is not None or time.perf_counter() - start > 180:
                    log_text = (Path(tmp) / "serve.log").read_text()[-3000:]
                    raise SystemExit(f"mkdocs serve did not come up; see its log:\n{log_text}")
                time.sleep(0.2)
            original = yaml_file.read_text(encoding="utf-8")
            for n in range(1, edits + 1):
                time.sleep(1.5)  # let the watcher settle after the previous build
                marker = f"Edit{n}x{int(time.time())}"
                changed = retitle(original, f" {marker}")
                saved = time.perf_counter()
                yaml_file.write_text(changed, encoding="utf-8")
                while marker not in fetch(url):
                    if time.perf_counter() - saved > 120:
                        raise SystemExit("the edit never showed on the served page")
                    time.sleep(0.05)
                times.append(time.perf_counter() - saved)
                print(f"  edit {n}: {times[-1]:.2f} s", flush=True)
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
            log.close()
    median = statistics.median(times)
    verdict = "within" if median <= TARGET_SECONDS else "over"
    text = (
        f"Save a condition's YAML -> the served page shows it: median {median:.2f} s of {edits} edits "
        f"({', '.join(f'{t:.2f}' for t in times)} s); target {TARGET_SECONDS:.0f} s: {verdict}."
    )
    return text, times
