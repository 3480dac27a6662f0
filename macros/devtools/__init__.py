"""Tools that the preview command, the tests and the benchmarks share: the one browser finder and
the one static server (server.py). Nothing here is part of the site."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from .server import serve


def find_browser() -> str | None:
    """A Chromium to drive: $CHROMIUM_PATH, the system's, or None for Playwright's own."""
    for path in (
        os.environ.get("CHROMIUM_PATH"),
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
        shutil.which("google-chrome"),
    ):
        if path and Path(path).exists():
            return path
    return None


__all__ = ["find_browser", "serve"]
