"""The small, MkDocs-specific glue: navigation and edit links. Kept apart so the rest of
the package does not depend on MkDocs internals."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .models import PAGE_KINDS
from .registry import Registry


def expand_nav(nav: list[Any] | None, registry: Registry) -> list[Any] | None:
    """Fill each kind's section from content.

    In mkdocs.yml a kind's section is written as its index page, e.g. `- Conditions: conditions/index.md`.
    It becomes a section whose first page is that index, followed by every item of the kind,
    so a new item appears in the navigation without editing mkdocs.yml.
    """
    if not nav:
        return nav
    out: list[Any] = []
    for entry in nav:
        if isinstance(entry, dict) and len(entry) == 1:
            ((title, target),) = entry.items()
            kind = target.split("/")[0] if isinstance(target, str) else None
            if kind in PAGE_KINDS and target == f"{kind}/index.md":
                pages = [target] + [{e.title: e.page_path} for e in registry.all(kind)]
                out.append({title: pages})
                continue
            if isinstance(target, list):
                out.append({title: expand_nav(target, registry)})
                continue
        out.append(entry)
    return out


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


def glossary_abbreviations(registry: Registry) -> str:
    """Abbreviation definitions (`*[term]: meaning`) for every glossary term and its other forms,
    in the case written and capitalised, so the abbr extension explains them on every page."""
    lines = []
    for entry in registry.all("glossary"):
        meaning = entry.definition.replace("\n", " ")
        if entry.say_it:
            meaning = f"{meaning} (say: {entry.say_it})"
        forms: list[str] = []
        for form in [entry.term, *entry.also_matches]:
            for variant in (form, form[:1].upper() + form[1:], form.lower()):
                if variant not in forms:
                    forms.append(variant)
        lines += [f"*[{form}]: {meaning}" for form in forms]
    # one block per definition: a single block of hundreds of lines makes Markdown's block
    # parser re-test the remainder after each line (quadratic; minutes for this site)
    return "\n\n".join(lines) + "\n"


def use_glossary_everywhere(config: Any, registry: Registry, cache_dir: Path) -> None:
    """Append the glossary's abbreviation definitions to every page (pymdownx.snippets auto_append)."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    target = cache_dir / "glossary-abbreviations.md"
    text = glossary_abbreviations(registry)
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
    snippets = config["mdx_configs"].setdefault("pymdownx.snippets", {})
    snippets["auto_append"] = [str(target)]
    snippets["check_paths"] = True
