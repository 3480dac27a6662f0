"""The site's Python package: content_data -> validated models -> registry -> page Markdown.

    content/   models, YAML with line marks, loader, errors, registry (never imports MkDocs)
    pages/     gather, render, signs and checks, text filters, templates (never imports MkDocs)
    mkdocs/    define_env and the hooks: the only code that knows MkDocs and Material
    cli/       the editor commands behind `python -m macros`
    devtools/  the static server and browser finder that preview, tests and benchmarks share

mkdocs-macros imports this package (`module_name: macros`) and calls `define_env`; the import of
the MkDocs adapter waits until then, so the engine can be used without MkDocs.
"""

from __future__ import annotations

from typing import Any


def define_env(env: Any) -> None:
    """Called by mkdocs-macros when MkDocs loads its configuration."""
    from .mkdocs.plugin import define_env as wire

    wire(env)


def on_pre_page_macros(env: Any) -> None:
    """Called by mkdocs-macros before it renders a page's macros."""
    from .mkdocs.plugin import on_pre_page_macros as render_item_page

    render_item_page(env)


def on_post_page_macros(env: Any) -> None:
    """Called by mkdocs-macros after each page's macros have run."""
    from .mkdocs.plugin import on_post_page_macros as note

    note(env)


def on_post_build(env: Any) -> None:
    """Called by mkdocs-macros after the site is written."""
    from .mkdocs.plugin import on_post_build as finish

    finish(env)
