"""The mkdocs-macros entry point: `define_env` wires the engine into MkDocs and nothing else.

It loads and validates content once, at config time (a content error stops the build before
any page renders, as a PluginError without a traceback), then registers the macros that pages
call. Page-aware wrappers give item pages their edit link, description, structured data and
search document: things only MkDocs knows about.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from markupsafe import escape
from mkdocs.exceptions import PluginError

from ..content.errors import ContentError
from ..content.registry import build
from ..pages.gather import structured_data
from ..pages.render import Renderer
from ..pages.text import plain
from .search import SearchPages
from .site import (
    ANATOMY_SPRITE,
    content_edit_url,
    give_glossary_terms,
    root_of,
    write_figure_file,
    write_glossary_file,
)
from .template_cache import bytecode_cache


def define_env(env: Any) -> None:
    """Called by mkdocs-macros when MkDocs loads its configuration."""
    config = env.conf
    try:
        registry = build(Path(env.project_dir) / "content_data")
        renderer = Renderer(registry, care=config["extra"]["care"], bytecode_cache=bytecode_cache(env.project_dir))
    except ContentError as err:
        # MkDocs prints a PluginError's message and exits non-zero, without a traceback
        raise PluginError(err.report()) from None

    give_glossary_terms(config, registry)
    # kept for on_post_build, which mkdocs-macros calls with the same env
    env.hip_and_back_registry = registry
    env.hip_and_back_search = SearchPages()
    env.hip_and_back_renderer = renderer

    def item_page(kind: str, item_id: str) -> str:
        """The body of an item's page. Also points "Edit this page" at the item's YAML file and
        gives the page its description and structured data."""
        entry = registry.get(kind, item_id)
        page = env.page
        page.edit_url = content_edit_url(config, entry.file)
        # escaped here: the theme writes the description into attributes without escaping
        page.meta.setdefault("description", escape(plain(entry.summary)))
        page.meta["jsonld"] = structured_data(entry, page.canonical_url, config["site_name"])
        env.hip_and_back_search.item_pages[page.url] = entry
        return renderer.item_page(kind, item_id, root=root_of(page.url))

    def body_map() -> str:
        return renderer.body_map(root=root_of(env.page.url))

    def hip_or_back_guide() -> str:
        return renderer.hip_or_back_guide(root=root_of(env.page.url))

    env.hip_and_back_item_page = item_page
    page_aware = {"item_page": item_page, "body_map": body_map, "hip_or_back_guide": hip_or_back_guide}
    for name, function in renderer.macros().items():
        env.macro(page_aware.get(name, function), name)


# An item's page is this one call and nothing else (docs/<kind>/<id>.md, as `./dev new` writes it).
ITEM_PAGE = re.compile(r'\{\{\s*item_page\(\s*"([a-z_]+)"\s*,\s*"([a-z0-9-]+)"\s*\)\s*\}\}')


def on_pre_page_macros(env: Any) -> None:
    """Called by mkdocs-macros before it renders a page: an item's page, which is one call to
    `item_page`, is rendered here, and mkdocs-macros is told (by the page's `render_macros:
    false`, its documented switch) not to render it again. Otherwise mkdocs-macros compiles
    each page's text as a new Jinja template: 0.5 ms a page, for a page that is one call."""
    match = ITEM_PAGE.fullmatch(env.markdown.strip())
    if match is None:
        return
    kind, item_id = match.groups()
    if item_id not in env.hip_and_back_registry.entries.get(kind, {}):
        raise PluginError(
            f'{env.page.file.src_uri}: item_page("{kind}", "{item_id}"): there is no '
            f"content_data/{kind}/{item_id}.yaml; check the id, or create the item with ./dev new {kind} {item_id}"
        )
    env.markdown = env.hip_and_back_item_page(kind, item_id)
    env.page.meta["render_macros"] = False


def on_post_page_macros(env: Any) -> None:
    """Called by mkdocs-macros after each page's macros have run: the page joins the search index."""
    env.hip_and_back_search.add(env.page)


def on_post_build(env: Any) -> None:
    """Called by mkdocs-macros after the site is written: the glossary meanings app.js shows, the
    search index search.js loads, the body drawing the body map and condition figures share, and
    the anatomy diagrams' shapes."""
    write_glossary_file(env.conf["site_dir"], env.hip_and_back_registry)
    env.hip_and_back_search.write(env.conf["site_dir"], env.hip_and_back_registry)
    write_figure_file(env.conf["site_dir"], env.hip_and_back_renderer.body_sprite())
    for diagram, svg in env.hip_and_back_renderer.anatomy_sprites().items():
        write_figure_file(env.conf["site_dir"], svg, ANATOMY_SPRITE.format(diagram))
