"""Data gathered across all content for the reader features: the red-flags page, comparison
tables, the hip-or-back guide and structured data for search engines. Plain Python over the
registry; the templates only lay the results out."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..content.errors import ContentProblem
from ..content.kinds import BY_FOLDER
from ..content.models import Feeling, Trigger
from ..content.registry import Entry, Registry
from .signs import Card, CareWords, SignRow, comparison_rows, flag_sign, item_signs, own_signs, shared_flags
from .text import plain


def shared_cards(registry: Registry, words: CareWords) -> list[Card]:
    """The shared red flags as care cards, most urgent first: the home page, the guide's first
    box and the top of the red-flags page."""
    return words.cards((flag_sign(f) for f in shared_flags(registry.all("red_flags"))), urgent_first=True)


@dataclass
class Listed:
    """An item with the care cards of its own warning signs, shown under its name."""

    entry: Entry
    cards: list[Card]


@dataclass
class FlagUse:
    """A shared red flag and the pages that give it."""

    card: Card
    text: str
    pages: list[tuple[str, str]]  # (title, link): an item's page, or its section of the red-flags page


SITUATIONS = ("any", "back", "hip", "children")  # the urgent-symptoms page's sections, in order


def red_flags(registry: Registry, words: CareWords) -> dict[str, Any]:
    """Everything the urgent-symptoms page shows, each sign at its one level, grouped by the
    reader's situation so a frightened reader finds their own part of the page.

    `shared`: cards of all the shared red flags, most urgent first (the guide and home page).
    `situations`: the shared red flags' cards for each situation (a red flag's `situation`).
    `by_audience`: conditions with their own emergency and urgent signs, by the condition's
    audience (adults, pregnancy, children), each shown under its name (a sign that belongs to one
    condition is never pooled into a general list).
    `warnings`: each warning-sign item (pain from organs and elsewhere) with its cards.
    """
    by_audience: dict[str, list[Listed]] = {"adults": [], "pregnancy": [], "children": []}
    for condition in registry.all("conditions"):
        own = [s for s in own_signs(condition) if s.level != "non-urgent"]
        if own:
            by_audience[condition.audience].append(Listed(condition, words.cards(own, urgent_first=True)))
    flags = shared_flags(registry.all("red_flags"))
    return {
        "shared": shared_cards(registry, words),
        "situations": {
            situation: words.cards((flag_sign(f) for f in flags if f.situation == situation), urgent_first=True)
            for situation in SITUATIONS
        },
        "by_audience": by_audience,
        "warnings": [Listed(w, words.cards(item_signs(w), urgent_first=True)) for w in registry.all("warning_signs")],
    }


def red_flag_uses(registry: Registry, words: CareWords) -> list[FlagUse]:
    """For each shared red flag, the pages that give it: for editors (docs/contributing/)."""
    uses = []
    for card in shared_cards(registry, words):
        for sign in card.signs:
            pages = [
                (e.title, e.doc if e.has_page else f"/red-flags.md#{e.id}")
                for kind in ("conditions", "warning_signs", "questions")
                for e in sign.entry.linked_from(kind)
            ]
            uses.append(FlagUse(card, sign.text, pages))
    return uses


def care_cards(entry: Entry, words: CareWords) -> list[Card]:
    """The "when to get help" cards of a condition, least urgent first: at each level its shared
    red flags, then its own signs."""
    return words.cards(item_signs(entry))


def question_cards(entry: Entry, words: CareWords) -> list[Card]:
    """The cards of the shared red flags a question lists, most urgent first."""
    return words.cards((flag_sign(f) for f in shared_flags(entry.red_flags)), urgent_first=True)


def marked_card(registry: Registry, words: CareWords, mark: str) -> Card | None:
    """One card of the shared red flags marked with `mark`: after_exercise (the emergency signs
    every exercise's stop rule ends with) or on_home_page (the home page's short emergency card)."""
    flags = [flag_sign(f) for f in shared_flags(registry.all("red_flags")) if getattr(f, mark)]
    cards = words.cards(flags, urgent_first=True)
    return cards[0] if cards else None


@dataclass
class CompareRow:
    label: str
    cells: list[list[str]]  # one list of Markdown strings per condition


@dataclass
class Comparison:
    conditions: list[Entry]
    rows: list[CompareRow]
    sign_rows: list[SignRow]  # one row per level of care, most urgent first


def comparison(conditions: list[Entry], words: CareWords) -> Comparison:
    """A side-by-side table of two or three conditions: what they feel like, then their warning
    signs, one row per level so a reader sees which signs mean the emergency service."""
    rows: list[tuple[str, Callable[[Entry], list[str]]]] = [
        ("Where it hurts", lambda c: [", ".join(r.title for r in c.regions)]),
        ("What it feels like", lambda c: c.symptoms.feels_like),
        ("Worse with", lambda c: c.symptoms.worse_with or ["-"]),
        ("Better with", lambda c: c.symptoms.better_with or ["-"]),
        ("Who gets it", lambda c: [c.causes.who_gets_it]),
    ]
    return Comparison(
        conditions,
        [CompareRow(label, [list(pick(c)) for c in conditions]) for label, pick in rows],
        comparison_rows(conditions, words),
    )


# ---------------------------------------------------------------------------- hip or back guide


@dataclass
class GuideCondition:
    entry: Entry
    regions: list[str]
    triggers: list[str]
    feelings: list[str]
    points_to: list[str]  # ids of the pain sources (content_data/pain_sources/) it fits


def usual_and_rare(conditions: list[Entry]) -> tuple[list[Entry], list[Entry]]:
    """Conditions split, in their order, into the usual and the rare (how_common: rare), which
    lists show apart as less common but important."""
    return [c for c in conditions if c.how_common != "rare"], [c for c in conditions if c.how_common == "rare"]


@dataclass
class GuideWarning:
    tag: str  # the answer (a guide_tags id) that is itself a warning sign
    cards: list[Card]


def guide(registry: Registry, words: CareWords) -> dict[str, Any]:
    """Everything the hip-or-back guide shows: its choices (content_data/guide_tags/), where pain
    often comes from (content_data/pain_sources/) and each condition's clues. Conditions come
    common first (the registry's order); rare ones are listed apart, as less common but important."""
    sources = registry.all("pain_sources")
    tags = registry.all("guide_tags")
    conditions = []
    for c in registry.all("conditions"):
        regions = [r.id for r in c.regions]
        triggers = [t.value for t in c.symptoms.triggers]
        points = [
            src.id
            for src in sources
            if {r.id for r in src.regions} & set(regions) or {t.value for t in src.triggers} & set(triggers)
        ]
        feelings = [f.value for f in c.symptoms.feelings]
        conditions.append(GuideCondition(c, regions, triggers, feelings, points))
    usual, rare = usual_and_rare([c.entry for c in conditions])
    return {
        "regions": registry.all("regions"),
        "triggers": {t.id: t.label for t in tags if t.type == "trigger"},
        "feelings": {t.id: t.label for t in tags if t.type == "feeling"},
        "sources_of_pain": sources,
        "conditions": conditions,
        "warnings": [
            GuideWarning(t.id, words.cards((flag_sign(f) for f in t.red_flags), urgent_first=True))
            for t in tags
            if t.red_flags
        ],
        "usual": [c for c in conditions if c.entry in usual],
        "important": [c for c in conditions if c.entry in rare],
    }


def guide_problems(registry: Registry) -> list[ContentProblem]:
    """Every trigger and feeling a condition can be tagged with needs exactly one guide_tags file
    of its type, so the guide can offer it in readers' words."""
    problems = []
    tags = {t.id: t for t in registry.all("guide_tags")}
    for tag_type, values in (("trigger", [t.value for t in Trigger]), ("feeling", [f.value for f in Feeling])):
        for value in values:
            tag = tags.get(value)
            if tag is None or tag.type != tag_type:
                problems.append(
                    ContentProblem(
                        f"content_data/guide_tags/{value}.yaml",
                        1,
                        "",
                        f"the guide has no words for the {tag_type} '{value}'",
                        hint=f"add the file with 'type: {tag_type}', a label and an order",
                    )
                )
    for tag in tags.values():
        if tag.id not in {t.value for t in Trigger} | {f.value for f in Feeling}:
            problems.append(
                ContentProblem(
                    tag.file,
                    1,
                    "",
                    f"'{tag.id}' is not a trigger or feeling that conditions can use",
                    hint="the tags are listed under symptoms.triggers and symptoms.feelings "
                    "in docs/contributing/fields.md",
                )
            )
    return problems


# ---------------------------------------------------------------------------- structured data


def structured_data(entry: Entry, url: str | None, site_name: str) -> dict[str, Any] | None:
    """schema.org JSON-LD for an item page: a MedicalWebPage about a condition or an exercise plan."""
    review = getattr(entry.model, "review", None)
    page: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": entry.title,
        "description": plain(entry.summary),
        "isPartOf": {"@type": "WebSite", "name": site_name},
    }
    if url:
        page["url"] = url
    if review:
        page["lastReviewed"] = review.last_reviewed.isoformat()
        if review.clinical_reviewer:  # schema.org's reviewedBy means a medical review: only a clinician's
            page["reviewedBy"] = {"@type": "Person", "name": review.clinical_reviewer}
    about = BY_FOLDER[entry.kind].about
    if about:
        page["about"] = {"@type": about, "name": entry.label, "description": plain(entry.summary)}
        details = _ABOUT_DETAILS.get(about)
        if details:
            page["about"].update(details(entry))
    if about == "MedicalCondition":
        page["medicalAudience"] = {"@type": "PatientsAudience"}
    return page


# What schema.org can say about an item beyond its name and description, by the type of what
# its page is about (the kinds table's `about`).
_ABOUT_DETAILS: dict[str, Callable[[Entry], dict[str, Any]]] = {
    "MedicalCondition": lambda c: {
        "alternateName": list(c.other_names),
        "signOrSymptom": [{"@type": "MedicalSignOrSymptom", "name": plain(s)} for s in c.symptoms.feels_like],
        "possibleTreatment": [{"@type": "MedicalTherapy", "name": p.name} for p in c.treatment.professional],
    },
    "ExercisePlan": lambda e: {
        "exerciseType": e.type,
        "repetitions": e.repetitions,
        "workload": f"{e.sets} set(s), {e.times_a_day} time(s) a day",
    },
}


def search_tags(entry: Entry) -> list[str]:
    """Words search should match strongly for an item: its title, other names and, for a condition,
    the body regions where it is felt (Material's search weights page tags above titles)."""
    tags = [entry.title, *getattr(entry.model, "other_names", [])]
    if entry.kind == "conditions":
        tags += [region.title for region in entry.regions]
    return tags
