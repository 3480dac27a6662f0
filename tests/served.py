"""The built site as a reader receives it, served like GitHub Pages (macros/devtools/server.py),
as session fixtures."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from macros.devtools.server import ROOT, Sent, SiteServer, site_pages, site_prefix

NODE_MODULES = ROOT / "node_modules"

__all__ = ["NODE_MODULES", "Sent", "SiteServer", "pages", "served", "site_pages", "site_prefix"]


@pytest.fixture(scope="session")
def served(built_site: Path) -> Iterator[SiteServer]:
    """The real built site, served like GitHub Pages under site_url's path."""
    with SiteServer(built_site, site_prefix()) as server:
        yield server


@pytest.fixture(scope="session")
def pages(built_site: Path) -> list[str]:
    """Every HTML page of the built site (found on disk, so new pages are covered by themselves)."""
    found = site_pages(built_site)
    assert found, "the built site has no pages"
    return found
