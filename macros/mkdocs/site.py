"""The small, MkDocs-specific glue: edit links, relative links and the glossary. Kept apart so the rest of
the package does not depend on MkDocs internals."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..content.registry import Registry


def content_edit_url(config: Any, content_file: str) -> str | None:
    """Edit link for an item's YAML file (e.g. content_data/conditions/sciatica.yaml).

    Built from `repo_url` and `edit_uri`: edit_uri points at the docs folder
    (`edit/main/docs/`); the content file sits beside that folder in the repository.
    """
    repo_url = config.get("repo_url")
    edit_uri = config.get("edit_uri")
    if not repo_url or not edit_uri:
        return None
    docs_dir_name = config["docs_dir"].rstrip("/").split("/")[-1]
    base = edit_uri.rstrip("/")
    if base.endswith(docs_dir_name):
        base = base[: -len(docs_dir_name)].rstrip("/")
    return f"{repo_url.rstrip('/')}/{base}/{content_file}"


def root_of(page_url: str) -> str:
    """Relative path from a page to the site root: 'conditions/sciatica/' -> '../../'."""
    return "../" * page_url.count("/")


GLOSSARY_FILE = "assets/glossary.json"
BODY_SPRITE = "assets/figures/body.svg"
ANATOMY_SPRITE = "assets/figures/anatomy-{}.svg"  # one file per diagram, by its id


def write_figure_file(site_dir: str, svg: str, name: str = BODY_SPRITE) -> None:
    """A drawing that pages use by reference, sent once and cached: the body (front and back),
    or an anatomy diagram (name=ANATOMY_SPRITE.format(diagram))."""
    path = Path(site_dir) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(svg, encoding="utf-8")


def _meaning(entry: Any) -> str:
    return f"{entry.definition} (say: {entry.say_it})" if entry.say_it else entry.definition


def glossary_abbreviations(registry: Registry) -> dict[str, str]:
    """Every glossary term and its other forms (as written and capitalised) -> its meaning, for
    the abbr extension's `glossary` option, which marks them on every page."""
    glossary: dict[str, str] = {}
    for entry in registry.all("glossary"):
        for form in [entry.term, *entry.also_matches]:
            for variant in (form, form[:1].upper() + form[1:], form.lower()):
                glossary.setdefault(variant, _meaning(entry))
    return glossary


def glossary_file(registry: Registry) -> str:
    """assets/glossary.json, from which app.js explains the terms marked on a page:
    `{"terms": [[term, meaning, [other forms]], ...]}`, in glossary order (the first term to
    claim a form keeps it, as in glossary_abbreviations)."""
    terms = [[e.term, _meaning(e), list(e.also_matches)] for e in registry.all("glossary")]
    return json.dumps({"terms": terms}, ensure_ascii=False, separators=(",", ":"))


GLOSSARY_EXTENSION = "macros.mkdocs.glossary_markdown"


def give_glossary_terms(config: Any, registry: Registry) -> None:
    """Hand the glossary extension (named in mkdocs.yml) its terms from content_data/glossary/,
    so no list of terms is written by hand. app.js shows the meanings."""
    if GLOSSARY_EXTENSION not in config["markdown_extensions"]:
        raise ValueError(f"mkdocs.yml must list the glossary extension {GLOSSARY_EXTENSION} under markdown_extensions")
    config["mdx_configs"].setdefault(GLOSSARY_EXTENSION, {})["glossary"] = glossary_abbreviations(registry)


def write_glossary_file(site_dir: str | Path, registry: Registry) -> None:
    path = Path(site_dir) / GLOSSARY_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(glossary_file(registry), encoding="utf-8")
