"""Data gathered across all content for the reader features: the red-flags page, comparison
tables, the hip-or-back guide and structured data for search engines. Plain Python over the
registry; the templates only lay the results out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .models import Feeling, Trigger
from .registry import Entry, Registry
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


def red_flags(registry: Registry, words: CareWords) -> dict[str, Any]:
    """Everything the red-flags page shows, each sign at its one level.

    `shared`: cards of the shared red flags, most urgent first.
    `conditions`: each condition with its own emergency and urgent signs, under its name (a sign
    that belongs to one condition is never pooled into a general list).
    `warnings`: each warning-sign item (pain from organs and elsewhere) with its cards.
    `uses`: for each shared red flag, the pages that list it.
    """
    conditions = []
    for condition in registry.all("conditions"):
        own = [s for s in own_signs(condition) if s.level != "non-urgent"]
        if own:
            conditions.append(Listed(condition, words.cards(own, urgent_first=True)))
    uses = []
    for card in shared_cards(registry, words):
        for sign in card.signs:
            pages = [
                (e.title, e.doc if e.has_page else f"#{e.id}")
                for e in [*sign.entry.conditions, *sign.entry.warning_signs, *sign.entry.questions]
            ]
            uses.append(FlagUse(card, sign.text, pages))
    return {
        "shared": shared_cards(registry, words),
        "conditions": conditions,
        "warnings": [Listed(w, words.cards(item_signs(w), urgent_first=True)) for w in registry.all("warning_signs")],
        "uses": uses,
    }


def care_cards(entry: Entry, words: CareWords) -> list[Card]:
    """The "when to get help" cards of a condition, least urgent first: at each level its shared
    red flags, then its own signs."""
    return words.cards(item_signs(entry))


def question_cards(entry: Entry, words: CareWords) -> list[Card]:
    """The cards of the shared red flags a question lists, most urgent first."""
    return words.cards((flag_sign(f) for f in shared_flags(entry.red_flags)), urgent_first=True)


def exercise_stop_card(registry: Registry, words: CareWords) -> Card | None:
    """The emergency signs every exercise's stop rule ends with (red flags marked after_exercise)."""
    flags = [flag_sign(f) for f in shared_flags(registry.all("red_flags")) if f.after_exercise]
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
    rows = [
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

# Where the clues point, as the content standard sets out. Each source of pain lists the
# regions, triggers and feelings that point to it.
SOURCES_OF_PAIN: dict[str, dict[str, Any]] = {
    "hip-joint": {
        "title": "The hip joint",
        "regions": {"groin", "front-of-thigh"},
        "triggers": {Trigger.hip_turning.value, Trigger.weight_bearing.value, Trigger.walking.value},
    },
    "outer-hip": {
        "title": "The tendons and bursa on the outside of the hip",
        "regions": {"outer-hip"},
        "triggers": {Trigger.lying_on_side.value, Trigger.stairs.value},
    },
    "lower-back": {
        "title": "The lower back and its nerves",
        "regions": {"lower-back", "buttock", "back-of-thigh", "below-knee"},
        "triggers": {Trigger.bending.value, Trigger.coughing_sneezing.value, Trigger.sitting.value},
    },
}

TRIGGER_LABELS = {
    "bending": "Bending forward",
    "coughing-sneezing": "Coughing, sneezing or straining",
    "sitting": "Sitting for a long time",
    "standing": "Standing for a long time",
    "walking": "Walking",
    "stairs": "Climbing stairs or getting up from a chair",
    "lying-on-side": "Lying on the painful side",
    "hip-turning": "Turning the leg inwards, or putting on shoes and socks",
    "weight-bearing": "Putting weight on the leg",
    "rest-and-night": "Resting, or at night",
    "morning-stiffness": "Stiffness in the morning that eases as you move",
    "activity": "Exercise or activity",
}

FEELING_LABELS = {
    "ache": "A dull ache",
    "sharp": "Sharp pain",
    "burning": "Burning",
    "shooting": "Shooting pain down the leg",
    "pins-and-needles": "Pins and needles or tingling",
    "numbness": "Numbness",
    "weakness": "Weakness in the leg",
    "stiffness": "Stiffness",
    "clicking-locking": "Clicking, catching or locking",
    "tenderness": "Tender to touch",
}
assert set(TRIGGER_LABELS) == {t.value for t in Trigger}, "label every Trigger"
assert set(FEELING_LABELS) == {f.value for f in Feeling}, "label every Feeling"


@dataclass
class GuideCondition:
    entry: Entry
    regions: list[str]
    triggers: list[str]
    feelings: list[str]
    points_to: list[str]  # ids of SOURCES_OF_PAIN it fits


def guide(registry: Registry) -> dict[str, Any]:
    """Everything the hip-or-back guide shows from condition data (its red flags come from
    red_flags())."""
    conditions = []
    for c in registry.all("conditions"):
        regions = [r.id for r in c.regions]
        triggers = [t.value for t in c.symptoms.triggers]
        points = [
            key
            for key, src in SOURCES_OF_PAIN.items()
            if set(regions) & src["regions"] or set(triggers) & src["triggers"]
        ]
        feelings = [f.value for f in c.symptoms.feelings]
        conditions.append(GuideCondition(c, regions, triggers, feelings, points))
    return {
        "regions": registry.all("regions"),
        "triggers": TRIGGER_LABELS,
        "feelings": FEELING_LABELS,
        "sources_of_pain": SOURCES_OF_PAIN,
        "conditions": conditions,
    }


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
        page["reviewedBy"] = {"@type": "Organization", "name": review.reviewed_by}
    if entry.kind == "conditions":
        page["about"] = {
            "@type": "MedicalCondition",
            "name": entry.title,
            "alternateName": list(entry.other_names),
            "description": plain(entry.summary),
            "signOrSymptom": [{"@type": "MedicalSignOrSymptom", "name": plain(s)} for s in entry.symptoms.feels_like],
            "possibleTreatment": [{"@type": "MedicalTherapy", "name": p.name} for p in entry.treatment.professional],
        }
        page["medicalAudience"] = {"@type": "PatientsAudience"}
    elif entry.kind == "exercises":
        page["about"] = {
            "@type": "ExercisePlan",
            "name": entry.title,
            "description": plain(entry.summary),
            "exerciseType": entry.type,
            "repetitions": entry.repetitions,
            "workload": f"{entry.sets} set(s), {entry.times_a_day} time(s) a day",
        }
    elif entry.kind == "anatomy":
        page["about"] = {"@type": "AnatomicalStructure", "name": entry.title, "description": plain(entry.summary)}
    return page


def search_tags(entry: Entry) -> list[str]:
    """Words search should match strongly for an item: its title, other names and, for a condition,
    the body regions where it is felt (Material's search weights page tags above titles)."""
    tags = [entry.title, *getattr(entry.model, "other_names", [])]
    if entry.kind == "conditions":
        tags += [region.title for region in entry.regions]
    return tags
