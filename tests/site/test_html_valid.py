"""Every built page is valid HTML: the W3C Nu HTML Checker (vnu.jar, run once over all pages)
reports no errors."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections import defaultdict
from pathlib import Path

import pytest

from ..served import NODE_MODULES

VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_every_page_is_valid_html(built_site: Path):
    java = shutil.which("java")
    if not java:
        pytest.fail("The HTML checker needs Java. On Debian or Ubuntu: sudo apt-get install default-jre-headless")
    if not VNU.exists():
        pytest.fail(f"{VNU.relative_to(NODE_MODULES.parent)} is missing: run `npm ci` (./dev test does)")
    files = sorted(built_site.rglob("*.html"))
    assert files, "the built site has no pages"
    result = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    output = result.stderr.strip() or result.stdout.strip()
    try:
        messages = json.loads(output)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"the HTML checker did not answer in JSON (exit {result.returncode}):\n{output[:2000]}")

    by_page: dict[str, list[str]] = defaultdict(list)
    for m in messages:
        if m.get("type") not in ("error", "non-document-error"):
            continue
        page = m.get("url", "").removeprefix("file:").removeprefix(str(built_site) + "/")
        extract = " ".join(m.get("extract", "").split())[:100]
        by_page[page].append(f"line {m.get('lastLine', '?')}: {m['message']}  [{extract}]")
    count = sum(map(len, by_page.values()))
    lines = [f"The Nu HTML Checker found {count} errors in {len(by_page)} of {len(files)} pages:"]
    for page, errors in sorted(by_page.items()):
        lines.append(f"\n  {page} ({len(errors)})")
        lines += [f"    {e}" for e in errors[:5]]
        if len(errors) > 5:
            lines.append(f"    ... and {len(errors) - 5} more (often caused by the first)")
    assert not by_page, "\n".join(lines)
