"""The pages MkDocs builds, handed to the search index (macros/pages/search.py) once the site is
written: each page's address, title and front matter, the item behind an item's page, and the
HTML MkDocs wrote for it. Only MkDocs knows these; the index itself is built without it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..content.registry import Entry, Registry
from ..pages.search import PageRecord, search_index_json

SEARCH_FILE = "assets/search/index.json"


@dataclass
class SearchPages:
    pages: dict[str, tuple[str, dict[str, Any]]] = field(default_factory=dict)
    item_pages: dict[str, Entry] = field(default_factory=dict)

    def add(self, page: Any) -> None:
        """Note a page as mkdocs-macros finishes its Markdown (its title is known by then)."""
        self.pages[page.url] = (str(page.title or ""), dict(page.meta or {}))

    def records(self, site_dir: Path) -> list[PageRecord]:
        records = []
        for url, (title, meta) in self.pages.items():
            built = site_dir / url / "index.html" if url.endswith("/") or not url else site_dir / url
            if url == "404.html" or not built.is_file():
                continue
            html = built.read_text(encoding="utf-8")
            records.append(PageRecord(url=url, title=title, meta=meta, item=self.item_pages.get(url), html=html))
        return records

    def write(self, site_dir: str | Path, registry: Registry) -> None:
        site = Path(site_dir)
        path = site / SEARCH_FILE
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(search_index_json(self.records(site), registry), encoding="utf-8")
