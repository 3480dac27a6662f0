"""The one table of content kinds: everything else reads it. A kind is a folder of
content_data/, the model that validates its files, the words editors read for one item, and,
for kinds with pages, the page template, the label of its search results and the schema.org type of what the
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
    about: str | None = None  # schema.org type of what its pages are about
    search_label: str | None = None  # what a search result says the page is; None: the singular


TABLE: tuple[Kind, ...] = (
    Kind("care_levels", CareLevel, "care level"),
    Kind("sources", Source, "source"),
    Kind("regions", Region, "region", template="region.md", search_label="Body area"),
    Kind(
        "anatomy", Anatomy, "anatomy part", template="anatomy.md", about="AnatomicalStructure", search_label="Anatomy"
    ),
    Kind("exercises", Exercise, "exercise", template="exercise.md", about="ExercisePlan"),
    Kind("diagnosis", DiagnosisStep, "diagnosis step", template="diagnosis.md", search_label="Diagnosis"),
    Kind("red_flags", RedFlag, "red flag"),
    Kind("conditions", Condition, "condition", template="condition.md", about="MedicalCondition"),
    Kind("prevention", Topic, "prevention topic", template="topic.md", search_label="Daily life"),
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
