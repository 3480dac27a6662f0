"""The macros package: content_data -> validated models -> registry -> rendered pages.

`define_env` is the mkdocs-macros entry point. It only wires the steps together:
load and validate once at config time (a content error stops the build before any page
renders), then register the macros that pages call.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .registry import Registry, build
from .render import Renderer, plain
from .site import content_edit_url, expand_nav

__all__ = ["define_env", "build", "Registry", "Renderer"]


def define_env(env: Any) -> None:
    """Called by mkdocs-macros when MkDocs loads its configuration."""
    config = env.conf
    registry = build(Path(env.project_dir) / "content_data")
    renderer = Renderer(registry, care=config["extra"]["care"])

    config["nav"] = expand_nav(config["nav"], registry)

    def item_page(kind: str, item_id: str) -> str:
        """The body of an item's page; also points "Edit this page" at the item's YAML file."""
        entry = registry.get(kind, item_id)
        page = env.page
        page.edit_url = content_edit_url(config, entry.file)
        summary = getattr(entry.model, "summary", None)
        if summary and "description" not in page.meta:
            page.meta["description"] = plain(summary)
        return renderer.item_page(kind, item_id)

    for name, function in renderer.macros().items():
        env.macro(item_page if name == "item_page" else function, name)
