"""Render step: a Jinja environment over macros/templates/ that turns registry entries into
Markdown (with md_in_html blocks) for MkDocs to finish.

Python gathers, Jinja marks up: functions here only pick entries and pass them to templates.
Content text is data: it is inserted through the `md` filter and never compiled as a template,
so `{{ config }}` in a YAML field appears literally on the page.
"""

from __future__ import annotations

import functools
from datetime import date
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache, Environment, FileSystemLoader, StrictUndefined

from . import gather
from .models import Level
from .registry import Entry, Registry
from .text import long_date, md, plain

TEMPLATES = Path(__file__).parent / "templates"

# Page template for each kind that has pages.
PAGE_TEMPLATES = {
    "conditions": "pages/condition.md",
    "exercises": "pages/exercise.md",
    "anatomy": "pages/anatomy.md",
    "diagnosis": "pages/diagnosis.md",
    "regions": "pages/region.md",
    "prevention": "pages/topic.md",
    "questions": "pages/question.md",
}

LEVELS = [level.value for level in Level]


class Renderer:
    """Renders pages and components from the registry."""

    def __init__(
        self,
        registry: Registry,
        care: dict[str, str],
        today: date | None = None,
        bytecode_cache: BytecodeCache | None = None,
    ):
        self.registry = registry
        self.care = care
        self.today = today or date.today()
        self.env = Environment(
            loader=FileSystemLoader(TEMPLATES),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            bytecode_cache=bytecode_cache,
        )
        self.env.filters.update(
            md=md, plain=plain, long_date=long_date, trigger_label=lambda key: gather.TRIGGER_LABELS[key]
        )
        self.env.globals.update(
            care=care,
            levels=LEVELS,
            registry=registry,
            today=self.today,
            care_heading=self.care_heading,
            compare_rows=gather.comparison,
            care_items=gather.care_items,
        )
        self.env.globals["raise"] = _raise

    # ------------------------------------------------------------------ helpers for templates

    def care_heading(self, level: str) -> dict[str, str]:
        """Visually hidden prefix and visible heading of a care card, from `extra.care`."""
        c = self.care
        return {
            "non-urgent": {"prefix": "Non-urgent advice", "heading": f"See a {c['family_doctor']} if:"},
            "urgent": {
                "prefix": "Urgent advice",
                "heading": f"Get help today from {c['urgent_service']} or your {c['family_doctor']} if:",
            },
            "emergency": {
                "prefix": "Emergency",
                "heading": f"Call {c['emergency_number']} or go to {c['emergency_department']} if:",
            },
        }[level]

    def _render(self, template: str, **context: Any) -> str:
        return self.env.get_template(template).render(**context)

    # ------------------------------------------------------------------ macros

    def item_page(self, kind: str, item_id: str) -> str:
        """The whole body of an item's page."""
        entry = self.registry.get(kind, item_id)
        return self._render(PAGE_TEMPLATES[kind], item=entry, overdue=self.is_overdue(entry))

    def care_card(self, level: str, *items: str, heading_level: int = 3) -> str:
        """A care card for hand-written pages: `care_card("urgent", "sign one", "sign two")`.
        Pass heading_level=2 where the card comes straight after the page title."""
        if level not in LEVELS:
            raise ValueError(f"care_card level '{level}' is not one of {', '.join(LEVELS)}")
        if not items:
            raise ValueError("care_card needs at least one item")
        return self._render("components/care-card.html", level=level, items=list(items), heading_level=heading_level)

    def item_list(self, kind: str, group_by: str | None = None) -> str:
        """Every item of a kind, linked, with its summary; optionally grouped by a field."""
        entries = self.registry.all(kind)
        if group_by:
            groups: dict[str, list[Entry]] = {}
            for entry in entries:
                groups.setdefault(str(getattr(entry, group_by)), []).append(entry)
            return self._render("components/grouped-list.html", groups=groups)
        return self._render("components/item-list.html", items=entries, show_summary=True)

    @functools.cached_property
    def _flags(self) -> dict[str, Any]:
        """Red flags gathered once: the red-flags page, common_signs and the guide share them."""
        return gather.red_flags(self.registry)

    def red_flags(self) -> str:
        """Every emergency and urgent sign from all content, deduplicated and grouped."""
        return self._render(
            "components/red-flags.html",
            heading_level=2,
            flags=self._flags,
            warnings=self.registry.all("warning_signs"),
        )

    def common_signs(self, level: str, heading_level: int = 3) -> str:
        """A care card of the shared red flags at one level, e.g. for the home page."""
        if level not in ("urgent", "emergency"):
            raise ValueError(f"common_signs level '{level}' is not one of urgent, emergency")
        items = [sign.text for sign in self._flags["shared"][level]]
        return self._render("components/care-card.html", level=level, items=items, heading_level=heading_level)

    def compare(self, *item_ids: str) -> str:
        """A side-by-side table of two or three conditions: `compare("sciatica", "hip-osteoarthritis")`."""
        if not 2 <= len(item_ids) <= 3:
            raise ValueError(f"compare needs two or three condition ids, got {len(item_ids)}")
        conditions = [self.registry.get("conditions", i) for i in item_ids]
        return self._render("components/compare.html", conditions=conditions, rows=gather.comparison(conditions))

    def body_map(self, root: str = "") -> str:
        """The clickable body map, front and back, with a text list of the same regions."""
        return self._render("components/body-map.html", regions=self.registry.all("regions"), root=root)

    def hip_or_back_guide(self, root: str = "") -> str:
        """The interactive hip-or-back guide with its complete plain-text version."""
        return self._render("components/guide.html", g=gather.guide(self.registry), flags=self._flags, root=root)

    def sources_list(self, *source_ids: str) -> str:
        """A numbered list of sources, for hand-written pages."""
        sources = [self.registry.get("sources", i) for i in source_ids]
        return self._render("components/sources-list.html", sources=sources)

    def glossary(self) -> str:
        """Every glossary term with its meaning and how to say it."""
        return self._render("components/glossary.html", terms=self.registry.all("glossary"))

    def is_overdue(self, entry: Entry) -> bool:
        review = getattr(entry.model, "review", None)
        return bool(review and review.next_review_due < self.today)

    def macros(self) -> dict[str, Any]:
        """The macros hand-written pages and thin item pages may call."""
        return {
            "item_page": self.item_page,
            "care_card": self.care_card,
            "item_list": self.item_list,
            "red_flags": self.red_flags,
            "compare": self.compare,
            "common_signs": self.common_signs,
            "body_map": self.body_map,
            "hip_or_back_guide": self.hip_or_back_guide,
            "sources_list": self.sources_list,
            "glossary": self.glossary,
        }


def _raise(message: str) -> None:
    """Lets a template stop the build with a clear message."""
    raise ValueError(message)
