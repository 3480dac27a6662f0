"""The small, MkDocs-specific glue: edit links, relative links and the glossary. Kept apart so the rest of
the package does not depend on MkDocs internals."""

from __future__ import annotations

from typing import Any

from .registry import Registry


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


def glossary_abbreviations(registry: Registry) -> dict[str, str]:
    """Every glossary term and its other forms (as written and capitalised) -> its meaning, for
    the abbr extension's `glossary` option, which explains them on every page."""
    glossary: dict[str, str] = {}
    for entry in registry.all("glossary"):
        meaning = entry.definition
        if entry.say_it:
            meaning = f"{meaning} (say: {entry.say_it})"
        for form in [entry.term, *entry.also_matches]:
            for variant in (form, form[:1].upper() + form[1:], form.lower()):
                glossary.setdefault(variant, meaning)
    return glossary


GLOSSARY_EXTENSION = "macros.glossary_markdown"


def use_glossary_everywhere(config: Any, registry: Registry) -> None:
    """Explain glossary terms on every page, from content_data/glossary/ (no hand-written list).

    mkdocs.yml lists the stock `abbr` extension; it is swapped here for the same extension with
    a faster matcher (macros/glossary_markdown.py), importable now that mkdocs-macros has loaded
    this package.
    """
    extensions = config["markdown_extensions"]
    if "abbr" in extensions:
        extensions[extensions.index("abbr")] = GLOSSARY_EXTENSION
    options = config["mdx_configs"]
    options.setdefault(GLOSSARY_EXTENSION, options.pop("abbr", {}))["glossary"] = glossary_abbreviations(registry)
