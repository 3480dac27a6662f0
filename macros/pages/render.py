"""Render step: a Jinja environment over macros/pages/templates/ that turns registry entries into
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

from ..content.kinds import TABLE
from ..content.registry import Entry, Registry
from . import checks, gather, signs
from .figures import anatomy, bodymap
from .text import long_date, md, plain

TEMPLATES = Path(__file__).parent / "templates"

# Page template for each kind that has pages (from the table of kinds).
PAGE_TEMPLATES = {kind.folder: f"pages/{kind.template}" for kind in TABLE if kind.template}


# Headings for groups whose values are not words a reader would use as they are.
GROUP_TITLES = {"common": "Common causes", "less-common": "Less common causes", "rare": "Less common but important"}


class Renderer:
    """Renders pages and components from the registry.

    Made at config time: it checks the warning signs ("one sign, one level", see signs.py)
    with the local care words, and raises ContentError with every problem before any page renders."""

    def __init__(
        self,
        registry: Registry,
        care: dict[str, str],
        today: date | None = None,
        bytecode_cache: BytecodeCache | None = None,
    ):
        self.registry = registry
        self.care = care
        checked = checks.validate(registry, care)
        self.words = checked.words
        self.figures = checked.figures
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
        self.env.filters.update(md=md, plain=plain, long_date=long_date)
        self.env.globals.update(care=care, today=self.today)
        self.env.globals["raise"] = _raise

    def _render(self, template: str, **context: Any) -> str:
        return self.env.get_template(template).render(**context)

    def _macro(self, template: str, name: str, *args: Any) -> str:
        """Call one macro of a component template with explicit arguments."""
        return str(getattr(self.env.get_template(template).module, name)(*args))

    # ------------------------------------------------------------------ macros

    def item_page(self, kind: str, item_id: str, root: str = "../../") -> str:
        """The whole body of an item's page; `root` is the relative path from it to the site root
        (for the cached figure files)."""
        entry = self.registry.get(kind, item_id)
        return self._render(
            PAGE_TEMPLATES[kind], item=entry, overdue=self.is_overdue(entry), root=root, **self._page_data(entry)
        )

    @functools.cached_property
    def body(self) -> bodymap.BodyMap:
        """The body front and back with every region's shape (figures/bodymap.py). Anatomy parts
        are drawn in their own diagrams (figures/anatomy.py), so the body sends no shapes of them."""
        return bodymap.body_map([r.id for r in self.registry.all("regions")])

    def body_sprite(self) -> str:
        """assets/figures/body.svg: the body the body map and the condition figures share."""
        return self._macro("components/body-sprite.svg", "body_sprite", self.body)

    @functools.cached_property
    def anatomy(self) -> dict[str, anatomy.Diagram]:
        """The diagram each anatomy page shows, by part id (figures/anatomy.py)."""
        return anatomy.page_diagrams(tuple(a.id for a in self.registry.all("anatomy")))

    def anatomy_sprites(self) -> dict[str, str]:
        """assets/figures/anatomy-<diagram>.svg: each anatomy diagram's shapes, which its pages
        link and shade, in a file of its own (a page loads only the diagram it shows)."""
        return {
            name: self._macro("components/anatomy-sprite.svg", "anatomy_sprite", diagram)
            for name, diagram in anatomy.diagrams().items()
        }

    def _page_data(self, entry: Entry) -> dict[str, Any]:
        """What an item's page shows beyond its own fields, gathered before rendering."""
        if entry.kind == "conditions":
            # prevention topics that list this condition (its own `prevention` field is advice)
            return {
                "cards": gather.care_cards(entry, self.words),
                "topics": entry.linked_from("prevention"),
                "body": self.body,
            }
        if entry.kind == "questions":
            compare = gather.comparison(entry.compare, self.words) if entry.compare else None
            return {"cards": gather.question_cards(entry, self.words), "comparison": compare}
        if entry.kind == "exercises":
            return {
                "stop_card": self._stop_card,
                "used_by": entry.linked_from("conditions"),
                "figure": self.figures[entry.id],
            }
        if entry.kind == "regions":
            # the common first; the rare listed apart, as on the conditions page
            usual, rare = gather.usual_and_rare(entry.linked_from("conditions"))
            return {
                "used_by": usual,
                "important": rare,
                "important_heading": GROUP_TITLES["rare"],
                "body": self.body,
            }
        if entry.kind == "anatomy":
            # the page's diagram, with the title of every part the site has (those are links)
            return {
                "used_by": entry.linked_from("conditions"),
                "diagram": self.anatomy[entry.id],
                "titles": {a.id: a.title for a in self.registry.all("anatomy")},
                "font": anatomy.FONT,
                "line_height": anatomy.FONT * anatomy.LINE,
            }
        if entry.kind == "diagnosis":
            return {"steps": self.registry.all("diagnosis")}
        return {}

    @functools.cached_property
    def _stop_card(self) -> signs.Card | None:
        return gather.marked_card(self.registry, self.words, "after_exercise")

    def care_levels(self, heading_level: int = 3) -> str:
        """One card per level, most urgent last, each saying what its level means: for the page
        that explains the site's symbols."""
        cards = [self.words.meaning_card(level) for level in signs.LEVELS]
        return self._macro("components/care-cards.html", "care_cards", cards, heading_level)

    def item_list(self, kind: str, group_by: str | None = None) -> str:
        """Every item of a kind, linked, with its summary; optionally grouped by a field."""
        entries = self.registry.all(kind)
        if group_by:
            groups: dict[str, list[Entry]] = {}
            for entry in entries:
                value = str(getattr(entry, group_by))
                groups.setdefault(GROUP_TITLES.get(value, value.replace("-", " ").capitalize()), []).append(entry)
            return self._macro("components/grouped-list.html", "grouped_list", groups)
        return self._macro("components/md-list.html", "link_list", entries, True)

    @functools.cached_property
    def _flags(self) -> dict[str, Any]:
        """Red flags gathered once: the red-flags page, common_signs and the guide share them."""
        return gather.red_flags(self.registry, self.words)

    def red_flag_cards(self, situation: str) -> str:
        """The shared red flags for one situation (a red flag's `situation`: any, back, hip or
        children), one card per level, most urgent first: for the urgent-symptoms page."""
        cards = self._flags["situations"].get(situation)
        if cards is None:
            raise ValueError(f"red_flag_cards situation '{situation}' is not one of {', '.join(gather.SITUATIONS)}")
        return self._macro("components/care-cards.html", "care_cards", cards, 3)

    def condition_signs(self, audience: str = "adults", names: bool = True) -> str:
        """Conditions' own emergency and urgent signs, for conditions of one audience (adults,
        pregnancy or children): under each condition's name, or (names=False) as cards alone."""
        listed = self._flags["by_audience"].get(audience)
        if listed is None:
            raise ValueError(f"condition_signs audience '{audience}' is not one of adults, pregnancy, children")
        return self._macro("components/red-flags.html", "signs_under_names", listed, names)

    def organ_signs(self) -> str:
        """Warning signs of pain that comes from organs and elsewhere, each under its name."""
        return self._macro("components/red-flags.html", "signs_under_names", self._flags["warnings"], True)

    def red_flag_uses(self) -> str:
        """For editors: each shared red flag, its level and the pages that give it."""
        uses = gather.red_flag_uses(self.registry, self.words)
        return self._macro("components/red-flag-uses.html", "red_flag_uses", uses)

    def common_signs(self, level: str, heading_level: int = 3) -> str:
        """The care cards of the shared red flags at one level, e.g. for the home page."""
        if level not in ("urgent", "emergency"):
            raise ValueError(f"common_signs level '{level}' is not one of urgent, emergency")
        cards = [card for card in self._flags["shared"] if card.level == level]
        return self._macro("components/care-cards.html", "care_cards", cards, heading_level)

    def key_signs(self, heading_level: int = 2) -> str:
        """The short emergency card of the home page: the red flags marked on_home_page."""
        card = gather.marked_card(self.registry, self.words, "on_home_page")
        if card is None or card.level != "emergency":
            raise ValueError("key_signs needs at least one emergency red flag with on_home_page: true")
        return self._macro("components/care-cards.html", "care_cards", [card], heading_level)

    def compare(self, *item_ids: str) -> str:
        """A side-by-side table of two or three conditions: `compare("sciatica", "hip-osteoarthritis")`."""
        if not 2 <= len(item_ids) <= 3:
            raise ValueError(f"compare needs two or three condition ids, got {len(item_ids)}")
        conditions = [self.registry.get("conditions", i) for i in item_ids]
        return self._macro("components/compare.html", "compare_table", gather.comparison(conditions, self.words))

    def body_map(self, root: str = "") -> str:
        """The clickable body map, front and back, with a text list of the same regions."""
        regions = self.registry.all("regions")
        counts = {region.id: len(region.linked_from("conditions")) for region in regions}
        return self._render("components/body-map.html", regions=regions, counts=counts, root=root, m=self.body)

    def hip_or_back_guide(self, root: str = "") -> str:
        """The interactive hip-or-back guide with its complete plain-text version."""
        return self._render(
            "components/guide.html",
            g=gather.guide(self.registry, self.words),
            cards=self._flags["shared"],
            important_heading=GROUP_TITLES["rare"],
            root=root,
        )

    def sources_list(self, *source_ids: str) -> str:
        """A numbered list of sources, for hand-written pages."""
        sources = [self.registry.get("sources", i) for i in source_ids]
        return self._macro("components/sources-list.html", "sources_list", sources)

    def glossary(self) -> str:
        """Every glossary term with its meaning and how to say it."""
        return self._render("components/glossary.html", terms=self.registry.all("glossary"))

    def review_summary(self) -> str:
        """How many items a clinician has reviewed, and the words a page not yet reviewed shows:
        for the About page, so the site says one thing about its review everywhere."""
        reviews = [r for r in (getattr(e.model, "review", None) for e in self.registry) if r is not None]
        reviewed = sum(1 for r in reviews if r.clinical_reviewer)
        return self._macro("components/review.html", "review_summary", reviewed, len(reviews))

    def is_overdue(self, entry: Entry) -> bool:
        review = getattr(entry.model, "review", None)
        return bool(review and review.next_review_due < self.today)

    def macros(self) -> dict[str, Any]:
        """The macros hand-written pages and thin item pages may call."""
        return {
            "item_page": self.item_page,
            "care_levels": self.care_levels,
            "item_list": self.item_list,
            "red_flag_cards": self.red_flag_cards,
            "condition_signs": self.condition_signs,
            "organ_signs": self.organ_signs,
            "red_flag_uses": self.red_flag_uses,
            "compare": self.compare,
            "common_signs": self.common_signs,
            "key_signs": self.key_signs,
            "body_map": self.body_map,
            "hip_or_back_guide": self.hip_or_back_guide,
            "sources_list": self.sources_list,
            "glossary": self.glossary,
            "review_summary": self.review_summary,
        }


def _raise(message: str) -> None:
    """Lets a template stop the build with a clear message."""
    raise ValueError(message)
