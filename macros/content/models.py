"""Typed content models: one class per kind of item in content_data/.

Every field has a description: it feeds the JSON Schemas that editors' tools use
(content_data/schema/) and content_data/README.md. An item's id is its file name
without `.yaml`; it is never written inside the file.

Cross-references are lists of ids, declared with `RefList("<kind>", ...)`. They sit at the top
level of a model so the registry can resolve them once and derive reverse links.
"""

from __future__ import annotations

import re
import types
import typing
from datetime import date
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    HttpUrl,
    ValidationInfo,
    field_validator,
    model_validator,
)

# An item's id: its file name without .yaml, in lower-case words joined by hyphens.
KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# --------------------------------------------------------------------------- text types

_RAW_HTML = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>|<!--")


def _check_text(value: str) -> str:
    value = value.strip()
    if not value:
        raise ValueError("is empty; write some text or remove the field")
    match = _RAW_HTML.search(value)
    if match:
        raise ValueError(
            f"contains raw HTML ({match.group(0)!r}), which is not allowed in content; "
            "use Markdown instead (*emphasis*, **bold**, [link text](url), lists)"
        )
    return value


_LINK = re.compile(r"\]\(|https?://")


def _reject_links(text: str, why: str) -> str:
    if _LINK.search(text):
        raise ValueError(why)
    return text


def _check_plain(value: str) -> str:
    value = _check_text(value)
    if "\n" in value:
        raise ValueError("must be a single line")
    return value


Markdown = Annotated[str, AfterValidator(_check_text)]
"""Text that may use Markdown: emphasis, links and lists. Raw HTML is rejected."""

PlainText = Annotated[str, AfterValidator(_check_plain)]
"""One line of plain text, such as a title or a name."""


def is_markdown(info: Any) -> bool:
    """Whether a model field (a FieldInfo) holds Markdown text, or a list of it."""

    def marked(metadata: Any) -> bool:
        return any(getattr(m, "func", None) is _check_text for m in metadata or ())

    if marked(info.metadata):
        return True
    annotation = info.annotation
    return any(marked(getattr(arg, "__metadata__", ())) for arg in typing.get_args(annotation))


def RefList(kind: str, description: str, min_length: int = 0) -> Any:  # noqa: N802 - reads as a type
    """A list of ids of items of `kind`; required when it must have at least one entry."""
    extra: dict[str, Any] = {"x-ref": kind}
    if min_length:
        return Field(description=description, min_length=min_length, json_schema_extra=extra)
    return Field(default_factory=list, description=description, json_schema_extra=extra)


# --------------------------------------------------------------------------- shared parts


class Strict(BaseModel):
    """Base for every model: unknown fields are errors, so typos never pass silently."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Titled(Strict):
    """Base for models whose title is their name (their `label`)."""

    title: str

    @property
    def label(self) -> str:
        """The item's name, as editors and lists show it."""
        return self.title


class Review(Strict):
    """Who checked the item against its sources, and when it must be checked again."""

    last_reviewed: date = Field(description="Date the item was last checked against its sources (YYYY-MM-DD).")
    next_review_due: date = Field(
        description="Date by which it must be checked again (YYYY-MM-DD), at most three years after last_reviewed."
    )
    reviewed_by: PlainText = Field(
        description="Who checked it against its sources: a name and role, or the editorial team."
    )
    clinical_reviewer: PlainText | None = Field(
        default=None,
        description="The clinician who reviewed it, with their role (for example 'A. Patel, physiotherapist'). "
        "Leave it out until a clinician has: the page then says it has not been clinically reviewed yet.",
    )

    @field_validator("next_review_due")
    @classmethod
    def _due_after_review(cls, due: date, info: ValidationInfo) -> date:
        last = info.data.get("last_reviewed")
        if last is None:
            return due
        if due <= last:
            raise ValueError("must be after last_reviewed")
        limit = last.replace(year=last.year + 3)
        if due > limit:
            raise ValueError(f"must be at most three years after last_reviewed (by {limit})")
        return due


class Level(StrEnum):
    """How urgent a 'when to get help' item is."""

    non_urgent = "non-urgent"
    urgent = "urgent"
    emergency = "emergency"


class CareLevel(Strict):
    """The words of one level of care, as readers see them on every care card. One file per
    level: `content_data/care_levels/<level>.yaml`, the file name being the level. `{name}` in the
    text is filled from `extra.care` in mkdocs.yml (the local services), so the words stay here,
    where clinical reviewers see them, and the services can change by country."""

    @property
    def label(self) -> str:
        """The item's name, as editors and lists show it."""
        return self.prefix

    prefix: PlainText = Field(
        description="Said by screen readers before the heading, e.g. 'Emergency'. Also names the level in tables."
    )
    heading: PlainText = Field(
        description="The card's heading, ending 'if:', "
        "e.g. 'Call {emergency_number} or go to {emergency_department} if:'."
    )
    contact_heading: PlainText = Field(
        description="The heading of a card for signs that name their own contact (see `contact` on a sign), with "
        "{contact} for the contact's name, e.g. 'Call {contact} now if:'."
    )
    contact_note: PlainText | None = Field(
        default=None,
        description="Optional: a line under a contact's card, "
        "e.g. 'If you cannot get through, call {emergency_number}.'",
    )
    meaning: Markdown = Field(description="What this level means, for the page that explains the site's cards.")


Contact = str | None
CONTACT: Any = Field(
    default=None,
    pattern=KEBAB.pattern,
    description="Optional: who to contact when the level's usual service is wrong for this sign, as a key of "
    "`extra.care.contacts` in mkdocs.yml, e.g. 'maternity-unit' or 'acute-oncology'. The sign is then shown in "
    "a card of its own whose heading names that contact.",
)
"""A sign's `contact`, the same on shared red flags and on an item's own signs."""

NO_SIGNS = "has no warning signs: list shared ones in red_flags, or write its own in {own}"


class HelpItem(Strict):
    """One sign that a reader should get help, at one level of urgency."""

    level: Level = Field(
        description=(
            "non-urgent: see a family doctor; urgent: get medical advice today; "
            "emergency: call the emergency number or go to the emergency department."
        )
    )
    text: Markdown = Field(
        description="The sign, in words that make sense on their own, e.g. 'you cannot control when you pee or poo'. "
        "No links in emergency items."
    )
    contact: Contact = CONTACT

    @field_validator("text")
    @classmethod
    def _no_links_in_emergency(cls, text: str, info: ValidationInfo) -> str:
        if info.data.get("level") is Level.emergency:
            _reject_links(text, "an emergency item must not contain links: readers must act, not click away")
        return text


class ItemBase(Titled):
    """Fields every item has."""

    title: PlainText = Field(description="The page title, in plain words, e.g. 'Sciatica'.")
    other_names: list[PlainText] = Field(
        default_factory=list,
        description="Other names readers use, plain and medical, e.g. 'trapped nerve'. Shown on the page and searched.",
    )
    summary: Markdown = Field(description="One or two sentences that say what it is, in plain words.")
    sources: list[str] = RefList(
        "sources", "Ids of the sources (content_data/sources/) that support what this item says.", min_length=2
    )
    review: Review = Field(description="When this item was last reviewed, when it is next due, and by whom.")


# --------------------------------------------------------------------------- kinds


class Source(Titled):
    """A publication that items cite by id: a bibliography entry."""

    title: PlainText = Field(description="The page or document title, as the publisher gives it.")
    publisher: PlainText = Field(description="Who published it, e.g. 'NHS', 'NICE', 'AAOS OrthoInfo'.")
    url: HttpUrl = Field(description="Canonical web address of the page on the publisher's own site.")
    year: int = Field(ge=1990, le=2100, description="Year published or last updated.")
    note: Markdown | None = Field(default=None, description="Optional: what this source is used for.")


class Region(Titled):
    """A body region where pain is felt, as shown on the body map."""

    title: PlainText = Field(description="Name of the region, e.g. 'Outer hip'.")
    heading: PlainText = Field(
        description="The heading of the region's page, in a reader's words, e.g. 'Pain on the outside of your hip'. "
        "Searched as the page's title."
    )
    other_names: list[PlainText] = Field(
        default_factory=list,
        description="Optional: other words readers use for this place, e.g. 'bum' for the buttock. Searched: "
        "a search for one finds the region and every condition felt there.",
    )
    summary: Markdown = Field(description="Where exactly this region is, in plain words.")
    order: int = Field(ge=0, description="Position in lists and on the body map, top to bottom.")
    side: Literal["front", "back", "both"] = Field(description="Which view of the body map shows this region.")


class Trigger(StrEnum):
    """What makes pain worse: used by the hip-or-back guide to narrow the list."""

    bending = "bending"
    coughing_sneezing = "coughing-sneezing"
    sitting = "sitting"
    standing = "standing"
    walking = "walking"
    stairs = "stairs"
    lying_on_side = "lying-on-side"
    hip_turning = "hip-turning"
    weight_bearing = "weight-bearing"
    rest_and_night = "rest-and-night"
    morning_stiffness = "morning-stiffness"
    activity = "activity"


class Feeling(StrEnum):
    """What the pain feels like: used by the hip-or-back guide."""

    ache = "ache"
    sharp = "sharp"
    burning = "burning"
    shooting = "shooting"
    pins_and_needles = "pins-and-needles"
    numbness = "numbness"
    weakness = "weakness"
    stiffness = "stiffness"
    clicking_locking = "clicking-locking"
    tenderness = "tenderness"


class Symptoms(Strict):
    """What a reader notices."""

    where: Markdown = Field(description="Where it hurts, in plain words (the body regions are listed in `regions`).")
    feels_like: list[Markdown] = Field(min_length=1, description="What it feels like, one item each.")
    worse_with: list[Markdown] = Field(default_factory=list, description="What tends to make it worse.")
    better_with: list[Markdown] = Field(default_factory=list, description="What tends to make it better.")
    feelings: list[Feeling] = Field(default_factory=list, description="Tags for the guide: what it feels like.")
    triggers: list[Trigger] = Field(default_factory=list, description="Tags for the guide: what makes it worse.")


class Causes(Strict):
    """Why it happens and who is more likely to get it."""

    about: Markdown = Field(description="What happens in the body, in plain words.")
    causes: list[Markdown] = Field(default_factory=list, description="Known causes, one item each.")
    risk_factors: list[Markdown] = Field(default_factory=list, description="What makes it more likely.")
    who_gets_it: PlainText = Field(description="One line on who usually gets it, for comparison tables.")


class CareStep(Strict):
    """One thing a professional may offer."""

    name: PlainText = Field(description="Short name, e.g. 'Physiotherapy'.")
    detail: Markdown = Field(description="What it involves and when it is used.")


class Treatment(Strict):
    """What helps, from self-care to professional care."""

    about: Markdown | None = Field(default=None, description="Optional: a short overview, e.g. how long it takes.")
    do: list[Markdown] = Field(min_length=1, description="Self-care: things to do.")
    dont: list[Markdown] = Field(default_factory=list, description="Self-care: things to avoid.")
    professional: list[CareStep] = Field(
        default_factory=list, description="What a professional may offer, least to most invasive."
    )


class RedFlag(Strict):
    """A warning sign shared by many conditions, written once. Conditions list the ones that
    apply in `red_flags`; the red-flags page shows each once, grouped."""

    @property
    def label(self) -> str:
        """The item's name, as editors and lists show it."""
        return self.text

    level: Literal["urgent", "emergency"] = Field(description="urgent: get advice today; emergency: call now.")
    text: Markdown = Field(
        description="The sign in plain words that make sense on their own, completing 'Get help if...'. "
        "No links (it may appear in an emergency card)."
    )
    other_words: list[PlainText] = Field(
        default_factory=list,
        description="Optional: how readers may say this sign in their own words, e.g. 'wet myself'. Searched, "
        "not shown: a search for them finds the urgent-symptoms page.",
    )
    contact: Contact = CONTACT
    group: Literal["nerves", "injury", "infection", "cancer", "body", "children", "other"] = Field(
        description="Where it is listed on the red-flags page: nerves (bladder, bowel, numbness, weakness), "
        "injury (falls, accidents, broken bones), infection, cancer, body (chest, tummy, general health), "
        "children, other."
    )
    situation: Literal["any", "back", "hip", "children"] = Field(
        description="Where it is listed on the urgent-symptoms page, by the reader's situation: any (with any back "
        "or hip pain), back (with back pain), hip (with hip or groin pain), or children."
    )
    order: int = Field(default=50, ge=0, description="Position within its group and level; lower comes first.")
    on_home_page: bool = Field(
        default=False,
        description="true for the few most important emergency signs, shown in the short emergency card at the "
        "top of the home page (the card links to all the others).",
    )
    after_exercise: bool = Field(
        default=False,
        description="true to show this sign at the end of every exercise's stop rule (signs to stop and get help).",
    )
    sources: list[str] = RefList("sources", "Sources that list this sign.", min_length=2)
    review: Review = Field(description="When this was last reviewed, when it is next due, and by whom.")

    @field_validator("text")
    @classmethod
    def _no_links(cls, text: str) -> str:
        return _reject_links(text, "a red flag must not contain links: it may be shown in an emergency card")


class Condition(ItemBase):
    """A condition that causes hip or lower back pain."""

    plain_name: PlainText | None = Field(
        default=None,
        description="Optional: what it is in everyday words, for a clinical title most readers would not know, "
        "e.g. 'Sore tendons on the outside of the hip'. Lists of conditions show it first, with the title after "
        "it in brackets.",
    )

    @property
    def list_title(self) -> str:
        """How lists of conditions name it: everyday words first where the title is clinical."""
        if not self.plain_name:
            return self.title
        # "(GTPS)" or "(SI)" in the title is dropped here: brackets inside brackets read badly
        title = re.sub(r" \([^()]*\)", "", self.title)
        return f"{self.plain_name} ({title})"

    audience: Literal["adults", "pregnancy", "children"] = Field(
        default="adults",
        description="Who it affects, when not adults in general: pregnancy (during pregnancy or after giving birth) "
        "or children. The urgent-symptoms page lists its warning signs under that heading.",
    )
    how_common: Literal["common", "less-common", "rare"] = Field(
        description="How often it is the cause of hip or back pain, for lists that put the common first: common, "
        "less-common, or rare (rare conditions are listed apart, as 'less common but important')."
    )
    order: int = Field(
        default=1000,
        ge=1,
        description="Position among conditions that are as common (how_common): lower comes first. Give the most "
        "frequent causes a number (10, 20, ...); leave it out to list by name after them.",
    )
    regions: list[str] = RefList("regions", "Body regions where it is felt (content_data/regions/).", min_length=1)
    symptoms: Symptoms = Field(description="What a reader notices.")
    causes: Causes = Field(description="Causes and risk factors.")
    diagnosis: Markdown = Field(description="How it is diagnosed: what happens at an appointment, tests if any.")
    treatment: Treatment = Field(description="Self-care do and don't, and professional care.")
    red_flags: list[str] = RefList(
        "red_flags", "Shared warning signs that apply (content_data/red_flags/), shown in the care cards."
    )
    when_to_get_help: list[HelpItem] = Field(
        default_factory=list,
        description="Signs to get help that are particular to this condition, each with a level: non-urgent, "
        "urgent or emergency. Shared signs go in red_flags instead. With red_flags, at least one sign in all.",
    )
    outlook: Markdown | None = Field(default=None, description="Optional: what usually happens and how long it takes.")
    prevention: list[Markdown] = Field(default_factory=list, description="Optional: ways to lower the chance of it.")
    exercises: list[str] = RefList("exercises", "Exercises that may help (content_data/exercises/).")
    anatomy: list[str] = RefList("anatomy", "Body parts involved (content_data/anatomy/).")
    related: list[str] = RefList("conditions", "Related conditions; links are shown both ways.")
    diagnosis_steps: list[str] = RefList("diagnosis", "Diagnosis steps that apply (content_data/diagnosis/).")

    @model_validator(mode="after")
    def _has_signs(self) -> Condition:
        if not self.red_flags and not self.when_to_get_help:
            raise ValueError(NO_SIGNS.format(own="when_to_get_help"))
        return self


# --------------------------------------------------------------------------- exercise figures
# The words an editor writes in an exercise's `illustration` block. The drawing (proportions,
# joint ranges, base poses, the contact solver) lives in macros/pages/figures/; a test keeps
# these lists and its tables the same.

BasePoseName = Literal[
    "lying-knees-bent", "lying-straight", "four-point-kneeling", "half-kneeling", "side-lying", "sitting", "standing"
]
AngleName = Literal[
    "trunk",
    "roll",
    "spine",
    "neck",
    "hip",
    "hip-abduction",
    "hip-rotation",
    "knee",
    "ankle",
    "shoulder",
    "shoulder-abduction",
    "elbow",
    "near-hip",
    "near-hip-abduction",
    "near-hip-rotation",
    "near-knee",
    "near-ankle",
    "near-shoulder",
    "near-shoulder-abduction",
    "near-elbow",
    "far-hip",
    "far-hip-abduction",
    "far-hip-rotation",
    "far-knee",
    "far-ankle",
    "far-shoulder",
    "far-shoulder-abduction",
    "far-elbow",
]
PointName = Literal[
    "head",
    "shoulders",
    "hips",
    "waist",
    "near-hip",
    "near-knee",
    "near-ankle",
    "near-heel",
    "near-toes",
    "near-elbow",
    "near-hand",
    "far-hip",
    "far-knee",
    "far-ankle",
    "far-heel",
    "far-toes",
    "far-elbow",
    "far-hand",
]
ContactName = Literal[
    PointName,  # any point, or a pair of them:
    "heels",
    "toes",
    "feet",
    "knees",
    "hands",
    "elbows",
    "near-foot",
    "far-foot",
]
FeelPlace = Literal[
    "front-of-hip", "groin", "outer-hip", "buttock", "lower-back", "front-of-thigh", "back-of-thigh", "calf"
]


class FigurePanel(Strict):
    """One numbered picture of an exercise: a base pose, changed by a few angles."""

    caption: PlainText = Field(
        description="What the picture shows, in a short sentence, e.g. 'Lie with your knees bent.'"
    )
    pose: BasePoseName = Field(
        examples=["lying-knees-bent"],
        description="The base pose it starts from: lying-knees-bent, lying-straight, four-point-kneeling, "
        "half-kneeling, side-lying, sitting or standing.",
    )
    angles: dict[AngleName, float] = Field(
        default_factory=dict,
        description="Joint angles in degrees that differ from the base pose, e.g. `{hip: 0}`. 'hip' sets both legs, "
        "'near-hip' the leg nearest the viewer (drawn white), 'far-hip' the other (drawn grey). Flexion is positive.",
    )
    free: list[AngleName] = Field(
        default_factory=list,
        description="More angles the build may change so the contacts touch, besides the base pose's own.",
    )
    contacts: list[ContactName] | None = Field(
        default=None,
        description="Points resting on the floor, replacing the base pose's list, e.g. `[shoulders, head, feet]`.",
    )
    keep: list[PointName] = Field(
        default_factory=list, description="Points that stay where they were in the panel before, e.g. `[near-heel]`."
    )
    touching: list[tuple[PointName, PointName]] = Field(
        default_factory=list, description="Pairs of points that touch, e.g. `[[near-ankle, far-knee]]`."
    )


class FigureMotion(Strict):
    """The one arrow: the main movement, from the panel before to this one."""

    point: PointName = Field(description="The point that moves, e.g. 'hips'; the arrow follows it.")
    panel: int | None = Field(
        default=None, ge=2, description="Optional: the panel it ends in (2 or 3); the last by default."
    )


class FigureFeel(Strict):
    """Where the reader should feel the exercise, shaded on the figure."""

    at: FeelPlace = Field(
        description="The place: front-of-hip, groin, outer-hip, buttock, lower-back, front-of-thigh, "
        "back-of-thigh or calf."
    )
    side: Literal["near", "far"] = Field(
        default="near", description="Which leg's side: near (white, default) or far (grey)."
    )
    where: PlainText = Field(
        description="The same place in words for the caption, e.g. 'at the front of the hip of the kneeling leg'."
    )


class Illustration(Strict):
    """Numbered pictures of the exercise, drawn from these poses when the site is built."""

    view: Literal["side", "front", "above", "three-quarter"] | None = Field(
        default=None,
        description="Optional: where the viewer stands. side (the default for most poses), front (facing the "
        "body from a little above, as for lying on the side: a knee that lifts rises in the picture), above "
        "(from the side and high above) or three-quarter (from beyond the feet, half way round from the side "
        "and above: a knee that moves across the body goes sideways in the picture).",
    )
    panels: list[FigurePanel] = Field(min_length=2, max_length=3, description="The pictures, start first (2 or 3).")
    motion: FigureMotion = Field(description="The main movement, drawn as one arrow.")
    feel: FigureFeel | None = Field(default=None, description="Optional: where the reader should feel it.")

    @model_validator(mode="after")
    def _motion_panel(self) -> Illustration:
        if self.motion.panel is not None and self.motion.panel > len(self.panels):
            raise ValueError(f"motion.panel is {self.motion.panel} but there are only {len(self.panels)} panels")
        return self


class Exercise(ItemBase):
    """An exercise or stretch, to the exercise standard."""

    type: Literal["stretch", "strengthening", "mobility", "aerobic"] = Field(description="What kind of exercise it is.")
    for_whom: Markdown = Field(description="Who it is for.")
    not_for: list[Markdown] = Field(default_factory=list, description="Who should not do it, or should ask first.")
    cautions: list[Markdown] = Field(
        min_length=1, description="Cautions, e.g. after a recent hip replacement or surgery, in pregnancy."
    )
    start_position: Markdown = Field(description="How to start.")
    steps: list[Markdown] = Field(min_length=1, description="The steps, in order.")
    hold_seconds: int | None = Field(
        default=None, ge=1, le=120, validate_default=True, description="How long to hold, in seconds, if held."
    )
    repetitions: int = Field(ge=1, le=50, description="How many times to repeat it in a set.")
    sets: int = Field(ge=1, le=10, description="How many sets each session.")
    times_a_day: int = Field(ge=1, le=6, description="How many sessions a day.")
    progression: Markdown = Field(description="How to make it harder as it gets easier.")
    stop_rule: Markdown = Field(description="When to stop, e.g. 'Stop if it causes new pain or makes symptoms worse.'")
    illustration: Illustration = Field(description="Numbered start and end pictures, drawn from poses (see below).")

    @field_validator("hold_seconds")
    @classmethod
    def _stretch_hold(cls, hold: int | None, info: ValidationInfo) -> int | None:
        if info.data.get("type") == "stretch" and (hold is None or not 15 <= hold <= 60):
            raise ValueError("a static stretch is held about 20 to 30 seconds: set hold_seconds between 15 and 60")
        return hold


class Anatomy(ItemBase):
    """A body part that matters for hip or lower back pain."""

    group: Literal["bones-and-joints", "discs-and-nerves", "muscles", "soft-tissues"] = Field(
        description="Which group it is listed under."
    )
    description: Markdown = Field(description="What it is and where it is.")
    what_it_does: Markdown = Field(description="What it does, and why it matters for hip or back pain.")
    related: list[str] = RefList("anatomy", "Other body parts it connects with.")


class Check(Strict):
    """One question, test or examination step, explained simply."""

    name: PlainText = Field(description="Its name, plain first, e.g. 'Straight leg raise test'.")
    detail: Markdown = Field(description="What happens and what it shows.")


class DiagnosisStep(ItemBase):
    """One step of how a clinician works out the cause of pain."""

    order: int = Field(ge=1, description="Position in the diagnosis steps, 1 first.")
    what_happens: Markdown = Field(description="What happens at this step, from the reader's point of view.")
    checks: list[Check] = Field(default_factory=list, description="Questions, tests or examinations in this step.")
    when_needed: list[Markdown] = Field(default_factory=list, description="When this step is needed.")
    when_not_needed: list[Markdown] = Field(default_factory=list, description="When it is not needed.")


class Question(ItemBase):
    """A question readers ask, or a common myth, answered plainly. The title is the question."""

    myth: bool = Field(default=False, description="true if the title states a common belief that is wrong.")
    answer: Markdown = Field(description="The full answer, in plain words.")
    conditions: list[str] = RefList("conditions", "Conditions the answer is about.")
    compare: list[str] = RefList(
        "conditions", "Optional: two or three conditions to show side by side in a comparison table."
    )
    red_flags: list[str] = RefList(
        "red_flags",
        "Optional: shared warning signs (content_data/red_flags/) shown in care cards after the answer. "
        "List signs here, never in the answer's text, so each sign keeps its one level everywhere.",
    )
    signs_first: bool = Field(
        default=False,
        description="true to show the care cards before the answer, for a question about when to get help: "
        "a worried reader sees the signs first.",
    )

    @field_validator("compare")
    @classmethod
    def _two_or_three(cls, ids: list[str]) -> list[str]:
        if ids and not 2 <= len(ids) <= 3:
            raise ValueError("compare needs two or three condition ids")
        return ids


class TopicSection(Strict):
    """One part of a prevention or daily-life topic."""

    heading: PlainText = Field(description="Short heading, e.g. 'Lifting safely'.")
    text: Markdown = Field(description="What to do, in plain words; lists are welcome.")


class Topic(ItemBase):
    """Prevention and daily life: posture, sitting, lifting, staying active, weight, sleep."""

    order: int = Field(ge=1, description="Position in the list of topics.")
    sections: list[TopicSection] = Field(min_length=1, description="The topic's parts, in reading order.")
    conditions: list[str] = RefList("conditions", "Conditions this advice helps with.")
    exercises: list[str] = RefList("exercises", "Exercises that go with this advice.")


class WarningSign(Titled):
    """Warning signs of a problem that is not a page of its own, such as pain referred from an
    organ (an aortic aneurysm, kidney stones) or hip pain in a child. Shown on the red-flags page
    and in the hip-or-back guide."""

    title: PlainText = Field(description="What the signs may point to, e.g. 'Kidney infection'.")
    summary: Markdown = Field(description="What it is and why it can feel like back or hip pain.")
    red_flags: list[str] = RefList(
        "red_flags", "Shared warning signs that apply (content_data/red_flags/), shown before its own signs."
    )
    signs: list[HelpItem] = Field(
        default_factory=list, description="Its own signs, each with its level of urgency. Shared signs go in red_flags."
    )
    sources: list[str] = RefList("sources", "Sources that support these signs.", min_length=2)
    review: Review = Field(description="When this was last reviewed, when it is next due, and by whom.")

    @model_validator(mode="after")
    def _has_signs(self) -> WarningSign:
        if not self.red_flags and not self.signs:
            raise ValueError(NO_SIGNS.format(own="signs"))
        return self


class GuideTag(Strict):
    """A choice the hip-or-back guide offers: something that makes pain worse (a trigger) or what
    the pain feels like (a feeling). The file name is the tag conditions use in
    symptoms.triggers or symptoms.feelings; every tag has exactly one file."""

    type: Literal["trigger", "feeling"] = Field(
        description="trigger: what makes it worse; feeling: what it feels like."
    )
    label: PlainText = Field(description="The words readers see, e.g. 'Lying on the painful side'.")
    order: int = Field(ge=0, description="Position in the guide's list of choices.")
    red_flags: list[str] = RefList(
        "red_flags",
        "Shared red flags this answer is itself a sign of (content_data/red_flags/): the guide shows their card "
        "as soon as a reader ticks it.",
    )


class PainSource(Titled):
    """Where hip or back pain often comes from, and the clues that point there: the hip-or-back
    guide shows each clue in plain text and uses the regions and triggers to point readers to it."""

    title: PlainText = Field(description="Where the pain comes from, e.g. 'The hip joint'.")
    order: int = Field(ge=0, description="Position in the guide.")
    regions: list[str] = RefList("regions", "Where pain from here is usually felt.", min_length=1)
    triggers: list[Trigger] = Field(default_factory=list, description="What tends to make pain from here worse.")
    clue: Markdown = Field(description="The clue in plain words, as the guide shows it.")
    sources: list[str] = RefList("sources", "Sources for the clue.", min_length=2)
    review: Review = Field(description="When this was last reviewed, when it is next due, and by whom.")


class GlossaryTerm(Strict):
    """A medical word, explained plainly."""

    @property
    def label(self) -> str:
        """The item's name, as editors and lists show it."""
        return self.term

    term: PlainText = Field(description="The word as it appears on the site, e.g. 'Sciatica'.")
    say_it: PlainText | None = Field(default=None, description="Optional: how to say it, e.g. 'sigh-AT-ick-uh'.")
    definition: PlainText = Field(description="A plain definition in one or two short sentences.")
    also_matches: list[PlainText] = Field(default_factory=list, description="Other forms of the word to explain.")
    sources: list[str] = RefList("sources", "Optional: sources for the definition.")


def nested_model(annotation: Any) -> tuple[type[BaseModel] | None, bool]:
    """(the model a field holds, or None; whether it holds a list of them), unwrapping
    list[...], tuple[...] and `X | None`."""
    origin = typing.get_origin(annotation)
    if origin in (list, tuple):
        inner, _ = nested_model(typing.get_args(annotation)[0])
        return inner, True
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            if arg is not type(None):
                return nested_model(arg)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, False
    return None, False


def ref_fields(model: type[BaseModel]) -> dict[str, str]:
    """Field name -> target kind, for every cross-reference field of a model."""
    refs = {}
    for name, info in model.model_fields.items():
        extra = info.json_schema_extra
        if isinstance(extra, dict) and "x-ref" in extra:
            refs[name] = str(extra["x-ref"])
    return refs
