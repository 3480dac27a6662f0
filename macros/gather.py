"""Data gathered across all content for the reader features: the red-flags page, comparison
tables, the hip-or-back guide and structured data for search engines. Plain Python over the
registry; the templates only lay the results out."""

from __future__ import annotations

import re
import typing
from dataclasses import dataclass, field
from typing import Any

from .models import Feeling, RedFlag, Trigger
from .registry import Entry, Registry
from .text import plain

GROUP_ORDER = list(typing.get_args(RedFlag.model_fields["group"].annotation))  # as the model lists them


@dataclass
class Sign:
    """One warning sign, said once, with every page that lists it."""

    text: str
    level: str
    sources: list[Entry] = field(default_factory=list)


def _key(text: str) -> str:
    """Signs that differ only in case, punctuation or spacing are the same sign."""
    return " ".join(re.sub(r"[^a-z0-9 ]+", " ", plain(text).lower()).split())


def shared_flags(entries: list[Entry]) -> list[Entry]:
    """Red-flag entries in reading order: by group, then their order, then text."""
    return sorted(entries, key=lambda f: (GROUP_ORDER.index(f.group), f.order, _key(f.text)))


def red_flags(registry: Registry) -> dict[str, Any]:
    """Every emergency and urgent sign in the content, each said once.

    `shared`: the red_flags items by level (emergency first), each with the conditions that list it.
    `particular`: signs that only some conditions give (their own when_to_get_help items),
    deduplicated, by level, each with the conditions that list it.
    """
    shared: dict[str, list[Sign]] = {"emergency": [], "urgent": []}
    for flag in shared_flags(registry.all("red_flags")):
        shared[flag.level].append(Sign(flag.text, flag.level, list(flag.conditions)))
    particular: dict[str, dict[str, Sign]] = {"emergency": {}, "urgent": {}}
    for condition in registry.all("conditions"):
        for item in condition.when_to_get_help:
            if item.level.value in particular:
                sign = particular[item.level.value].setdefault(_key(item.text), Sign(item.text, item.level.value))
                if condition not in sign.sources:
                    sign.sources.append(condition)
    return {
        "shared": shared,
        "particular": {
            level: sorted(signs.values(), key=lambda s: (s.sources[0].title.lower(), _key(s.text)))
            for level, signs in particular.items()
        },
    }


def care_items(entry: Entry, level: str) -> list[str]:
    """The texts of an entry's care card at one level: its shared red flags, then its own signs."""
    shared = [f.text for f in shared_flags(getattr(entry, "red_flags", [])) if f.level == level]
    own = [h.text for h in entry.when_to_get_help if h.level.value == level]
    return shared + own


@dataclass
class CompareRow:
    label: str
    cells: list[list[str]]  # one list of Markdown strings per condition


def comparison(conditions: list[Entry]) -> list[CompareRow]:
    """The rows of a side-by-side table of two or three conditions."""

    def red_flags_of(c: Entry) -> list[str]:
        return care_items(c, "emergency") + care_items(c, "urgent")

    rows = [
        ("Where it hurts", lambda c: [", ".join(r.title for r in c.regions)]),
        ("What it feels like", lambda c: c.symptoms.feels_like),
        ("Worse with", lambda c: c.symptoms.worse_with or ["-"]),
        ("Better with", lambda c: c.symptoms.better_with or ["-"]),
        ("Who gets it", lambda c: [c.causes.who_gets_it]),
        ("Get help urgently if", lambda c: red_flags_of(c) or ["-"]),
    ]
    return [CompareRow(label, [list(pick(c)) for c in conditions]) for label, pick in rows]


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
