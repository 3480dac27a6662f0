"""The one table of content kinds: everything else reads it. A kind is a folder of
content_data/, the model that validates its files, the words editors read for one item, and,
for kinds with pages, the page template, the search boost and the schema.org type of what the
page is about. The order is the order of the sections on the site."""

from __future__ import annotations

from dataclasses import dataclass

from .models import (
    Anatomy,
    CareLevel,
    Condition,
    DiagnosisStep,
    Exercise,
    GlossaryTerm,
    GuideTag,
    PainSource,
    Question,
    RedFlag,
    Region,
    Source,
    Strict,
    Topic,
    WarningSign,
)


@dataclass(frozen=True)
class Kind:
    folder: str  # content_data/<folder>/<id>.yaml, and docs/<folder>/<id>.md for a kind with pages
    model: type[Strict]
    singular: str  # "condition", as in "unknown condition 'x'"
    template: str | None = None  # page template in macros/pages/templates/pages/; None: no pages
    search_boost: float | None = None  # weight of its pages in search; None: the default
    about: str | None = None  # schema.org type of what its pages are about


TABLE: tuple[Kind, ...] = (
    Kind("care_levels", CareLevel, "care level"),
    Kind("sources", Source, "source"),
    Kind("regions", Region, "region", template="region.md"),
    Kind("anatomy", Anatomy, "anatomy part", template="anatomy.md", about="AnatomicalStructure"),
    Kind("exercises", Exercise, "exercise", template="exercise.md", about="ExercisePlan"),
    Kind("diagnosis", DiagnosisStep, "diagnosis step", template="diagnosis.md"),
    Kind("red_flags", RedFlag, "red flag"),
    Kind("conditions", Condition, "condition", template="condition.md", search_boost=2, about="MedicalCondition"),
    Kind("prevention", Topic, "prevention topic", template="topic.md"),
    Kind("questions", Question, "question", template="question.md"),
    Kind("warning_signs", WarningSign, "warning sign"),
    Kind("pain_sources", PainSource, "source of pain"),
    Kind("guide_tags", GuideTag, "guide tag"),
    Kind("glossary", GlossaryTerm, "glossary term"),
)

BY_FOLDER: dict[str, Kind] = {kind.folder: kind for kind in TABLE}

# folder -> model, for code that only needs the model
KINDS: dict[str, type[Strict]] = {kind.folder: kind.model for kind in TABLE}

# kinds that have one page each under docs/<kind>/<id>.md
PAGE_KINDS: tuple[str, ...] = tuple(kind.folder for kind in TABLE if kind.template)
