"""Warning signs: every sign a reader can see, with its level, where it is written, and the care
cards it is drawn in.

A sign is written in one of three places, always with its level: a shared red flag
(content_data/red_flags/, listed by id from conditions and questions), a condition's own
`when_to_get_help`, or a warning sign's `signs` (pain from organs). Every page that shows signs
gets them from here, grouped into `Card`s, and draws them with the one care-card component.
The words of each card (its heading and hidden prefix) come from content_data/care_levels/ with
the local services from `extra.care` filled in.

`check()` makes "one sign, one level" a rule the build enforces: the same sign never appears at
two levels, a lower card never holds a sign that sends readers to the emergency service, a
comparison table never shows one sign at two levels, and prose never lists signs by hand.
"""

from __future__ import annotations

import functools
import re
import string
import typing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from ..content.errors import ContentProblem, path_text
from ..content.models import Level, RedFlag, is_markdown, nested_model
from ..content.registry import Entry, Registry
from .text import plain

LEVELS = [level.value for level in Level]  # least urgent first, as the model lists them
URGENT_FIRST = LEVELS[::-1]


_NOT_WORD = re.compile(r"[^a-z0-9 ]+")


@functools.lru_cache(maxsize=8192)
def sign_key(text: str) -> str:
    """Signs that differ only in case, punctuation or spacing are the same sign. (Kept: a
    shared sign's key is asked for on every page that shows it.)"""
    return " ".join(_NOT_WORD.sub(" ", plain(text).lower()).split())


@dataclass(frozen=True)
class Sign:
    """One warning sign as written in one place."""

    text: str
    level: str
    contact: str | None
    entry: Entry  # the item it is written in: a red flag, a condition or a warning sign
    loc: tuple[str | int, ...]  # the field it is written in, e.g. ("when_to_get_help", 2)

    @property
    def key(self) -> str:
        return sign_key(self.text)

    @property
    def card_key(self) -> tuple[str, str | None]:
        return (self.level, self.contact)

    @property
    def where(self) -> str:
        return f"{self.entry.file}:{self.entry.line_of(*self.loc)}"


def flag_sign(flag: Entry) -> Sign:
    return Sign(flag.text, flag.level, flag.contact, flag, ("text",))


GROUP_ORDER = list(typing.get_args(RedFlag.model_fields["group"].annotation))  # as the model lists them


def shared_flags(flags: Iterable[Entry]) -> list[Entry]:
    """Red flags in reading order: by group, then order, then text."""
    return sorted(flags, key=lambda f: (GROUP_ORDER.index(f.group), f.order, sign_key(f.text)))


def own_signs(entry: Entry) -> list[Sign]:
    """The signs an item writes itself: a condition's when_to_get_help, a warning sign's signs."""
    name = "signs" if entry.kind == "warning_signs" else "when_to_get_help"
    items = getattr(entry.model, name, None) or []
    return [Sign(h.text, h.level.value, h.contact, entry, (name, i, "text")) for i, h in enumerate(items)]


def item_signs(entry: Entry) -> list[Sign]:
    """Every sign an item shows: the shared red flags it lists, then its own."""
    flags = entry.refs.get("red_flags", [])
    return [flag_sign(f) for f in shared_flags(flags)] + own_signs(entry)


def every_sign(registry: Registry) -> list[Sign]:
    """Each sign where it is written: every red flag once, and every item's own signs."""
    signs = [flag_sign(f) for f in registry.all("red_flags")]
    for kind in ("conditions", "warning_signs"):
        for entry in registry.all(kind):
            signs += own_signs(entry)
    return signs


# ---------------------------------------------------------------------------- cards


@dataclass
class Card:
    """One care card: a level (and a contact, when the signs name their own), its words and its signs."""

    level: str
    contact: str | None
    prefix: str
    heading: str
    note: str | None
    signs: list[Sign] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)  # what the card lists: its signs' texts unless given

    def __post_init__(self) -> None:
        if not self.texts:
            self.texts = [s.text for s in self.signs]


class CareWords:
    """The words of every care card, from content_data/care_levels/ and `extra.care`.

    Problems (a level without its file, a {name} that extra.care does not have, a sign whose
    contact extra.care does not name) are collected in `problems`; `validate()` raises them."""

    def __init__(self, registry: Registry, care: dict[str, Any]):
        self.care = {k: v for k, v in care.items() if isinstance(v, str)}
        self.contacts: dict[str, str] = dict(care.get("contacts") or {})
        self.problems: list[ContentProblem] = []
        self.levels: dict[str, Entry] = {}
        for level in LEVELS:
            try:
                self.levels[level] = registry.get("care_levels", level)
            except KeyError:
                self.problems.append(
                    ContentProblem(
                        f"content_data/care_levels/{level}.yaml",
                        1,
                        "",
                        f"the words for the '{level}' level are missing",
                        hint="add the file with prefix, heading, contact_heading and meaning",
                    )
                )
        for entry in registry.all("care_levels"):
            if entry.id not in LEVELS:
                self.problems.append(
                    ContentProblem(
                        entry.file, 1, "", f"'{entry.id}' is not a level", hint="levels: " + ", ".join(LEVELS)
                    )
                )
                continue
            for name in ("prefix", "heading", "contact_heading", "contact_note", "meaning"):
                text = getattr(entry.model, name)
                if not text:
                    continue
                allowed = set(self.care) | ({"contact"} if name == "contact_heading" else set())
                for _, placeholder, _, _ in string.Formatter().parse(text):
                    if placeholder is not None and placeholder not in allowed:
                        self.problems.append(
                            ContentProblem(
                                entry.file,
                                entry.line_of(name),
                                name,
                                f"{{{placeholder}}} is not a local care word",
                                hint="use one of "
                                + ", ".join(f"{{{k}}}" for k in sorted(allowed))
                                + " (extra.care in mkdocs.yml)",
                            )
                        )
        if self.problems:
            return
        for sign in every_sign(registry):
            if sign.contact and sign.contact not in self.contacts:
                loc = (*sign.loc[:-1], "contact")
                self.problems.append(
                    ContentProblem(
                        sign.entry.file,
                        sign.entry.line_of(*loc),
                        path_text(loc),
                        f"unknown contact '{sign.contact}'",
                        hint="contacts are the keys of extra.care.contacts in mkdocs.yml: "
                        + (", ".join(sorted(self.contacts)) or "none yet"),
                    )
                )

    def _fill(self, text: str | None, **extra: str) -> str | None:
        return text.format(**self.care, **extra) if text else None

    def prefix(self, level: str) -> str:
        return str(self.levels[level].prefix)

    def heading(self, level: str, contact: str | None = None) -> str:
        words = self.levels[level]
        if contact:
            return str(self._fill(words.contact_heading, contact=self.contacts[contact]))
        return str(self._fill(words.heading))

    def meaning_card(self, level: str) -> Card:
        """A card at one level that says what the level means (the page that explains the cards)."""
        words = self.levels[level]
        return Card(level, None, self.prefix(level), self.heading(level), None, texts=[str(self._fill(words.meaning))])

    def card(self, level: str, signs: list[Sign], contact: str | None = None) -> Card:
        note = self._fill(self.levels[level].contact_note) if contact else None
        return Card(level, contact, self.prefix(level), self.heading(level, contact), note, signs)

    def cards(self, signs: Iterable[Sign], urgent_first: bool = False) -> list[Card]:
        """Signs grouped into cards, one per level (and contact), each sign once. Condition pages
        go from the least urgent card to the most, as NHS pages do; lists of warning signs put
        the most urgent first."""
        grouped: dict[tuple[str, str | None], list[Sign]] = {}
        seen: set[str] = set()
        for sign in signs:
            if sign.key in seen:
                continue
            seen.add(sign.key)
            grouped.setdefault(sign.card_key, []).append(sign)
        order = URGENT_FIRST if urgent_first else LEVELS
        keys = sorted(grouped, key=lambda k: (order.index(k[0]), k[1] is not None if urgent_first else k[1] is None))
        return [self.card(level, grouped[(level, contact)], contact) for level, contact in keys]

    def service_words(self, level: str) -> list[str]:
        """The local services a card at this level sends readers to."""
        return [self.care[k] for k in SERVICES[level] if k in self.care]


# The extra.care words that name each level's service. A sign must not name the services of
# a more urgent level than its own (an urgent sign that says "call 999" belongs in the emergency
# card).
SERVICES = {
    "emergency": ("emergency_number", "emergency_department"),
    "urgent": ("urgent_service",),
    "non-urgent": (),
}


# ---------------------------------------------------------------------------- comparison tables


@dataclass
class SignRow:
    """One row of a comparison table: the signs of one card, one cell per condition."""

    card: Card
    cells: list[list[Sign]]


def comparison_rows(conditions: list[Entry], words: CareWords) -> list[SignRow]:
    """The warning-sign rows of a side-by-side table: one row per level (and contact), most
    urgent first, a cell per condition; rows no condition has are left out. Only the signs to
    get help today or now: the table is for telling conditions apart, the pages have the rest."""
    per_condition = [
        words.cards([s for s in item_signs(c) if s.level != "non-urgent"], urgent_first=True) for c in conditions
    ]
    keys: list[tuple[str, str | None]] = []
    for cards in per_condition:
        for card in cards:
            if (card.level, card.contact) not in keys:
                keys.append((card.level, card.contact))
    keys.sort(key=lambda k: (URGENT_FIRST.index(k[0]), k[1] is None))
    rows = []
    for level, contact in keys:
        cells = [
            next((c.signs for c in cards if (c.level, c.contact) == (level, contact)), []) for cards in per_condition
        ]
        rows.append(SignRow(words.card(level, [], contact), cells))
    return rows


# ---------------------------------------------------------------------------- the check


def check(registry: Registry, words: CareWords) -> list[ContentProblem]:
    """Every breach of "one sign, one level" in the content, each with file, line and field."""
    problems = list(words.problems)
    if problems:
        return problems
    signs = every_sign(registry)
    problems += _same_sign_two_levels(signs)
    problems += _services_above_level(signs, words)
    problems += _mixed_comparisons(registry, words)
    problems += _signs_in_prose(registry, words)
    return sorted(set(problems))


def care_from_config(mkdocs_yml: Path) -> dict[str, Any]:
    """The local care words (`extra.care`) of an mkdocs.yml, for checks run outside a build."""
    config = yaml.safe_load(mkdocs_yml.read_text(encoding="utf-8")) or {}
    return dict((config.get("extra") or {}).get("care") or {})


def _at(sign: Sign, message: str, hint: str) -> ContentProblem:
    """A problem at the place a sign is written: its file, line and field."""
    return ContentProblem(sign.entry.file, sign.entry.line_of(*sign.loc), path_text(sign.loc), message, hint=hint)


def _level_text(level: str, contact: str | None) -> str:
    return f"'{level}'" + (f" (contact: {contact})" if contact else "")


def _same_sign_two_levels(signs: list[Sign]) -> Iterator[ContentProblem]:
    by_key: dict[str, list[Sign]] = {}
    for sign in signs:
        by_key.setdefault(sign.key, []).append(sign)
    for same in by_key.values():
        flags = [s for s in same if s.entry.kind == "red_flags"]
        # measured against the shared flag, else the most urgent place it is written
        first = flags[0] if flags else min(same, key=lambda s: URGENT_FIRST.index(s.level))
        for sign in same:
            if sign is first:
                continue
            if sign.card_key != first.card_key:
                yield _at(
                    sign,
                    f"this sign is {_level_text(*sign.card_key)} here but {_level_text(*first.card_key)} "
                    f"in {first.where}",
                    hint="one sign has one level everywhere: choose the right level and use it in both places",
                )
            elif flags and sign.entry.kind != "red_flags":
                yield _at(
                    sign,
                    f"this sign is the shared red flag '{flags[0].entry.id}'",
                    hint=f"remove it here and list '{flags[0].entry.id}' under red_flags instead",
                )


def _mentions(text: str, word: str) -> bool:
    return re.search(rf"(?<![\w&]){re.escape(word)}(?![\w&])", text, flags=re.IGNORECASE) is not None


def _services_above_level(signs: list[Sign], words: CareWords) -> Iterator[ContentProblem]:
    for sign in signs:
        above = URGENT_FIRST[: URGENT_FIRST.index(sign.level)]
        for level in above:
            for word in words.service_words(level):
                if _mentions(sign.text, word):
                    yield _at(
                        sign,
                        f"this {sign.level} sign tells readers to use {word}, the {level} service, "
                        f"but it is shown in the card '{words.heading(sign.level, sign.contact)}'",
                        hint=f"if it needs {word}, make it level: {level}; otherwise do not name {word} in it",
                    )
        if not sign.contact:
            for key, name in words.contacts.items():
                core = re.sub(r"^(your|the)\s+", "", name, flags=re.IGNORECASE)
                if _mentions(sign.text, core):
                    yield _at(
                        sign,
                        f"this sign names '{core}', but its card says '{words.heading(sign.level)}'",
                        hint=f"add 'contact: {key}' to the sign so its card names that contact",
                    )


def _mixed_comparisons(registry: Registry, words: CareWords) -> Iterator[ContentProblem]:
    for question in registry.all("questions"):
        if not question.refs.get("compare"):
            continue
        rows = comparison_rows(question.compare, words)
        seen: dict[str, tuple[SignRow, Entry]] = {}
        for row in rows:
            for condition, cell in zip(question.compare, row.cells, strict=True):
                for sign in cell:
                    other = seen.setdefault(sign.key, (row, condition))
                    if other[0] is not row:
                        yield ContentProblem(
                            question.file,
                            question.line_of("compare"),
                            "compare",
                            f"the table mixes levels: it shows '{plain(sign.text)}' under '{other[0].card.heading}' "
                            f"for {other[1].title} and under '{row.card.heading}' for {condition.title}",
                            hint=f"give the sign one level in {sign.where} and where {other[1].title} lists it",
                        )


# Fields that hold signs themselves, or words readers search for, and so may name a service.
_SIGN_FIELDS = {"when_to_get_help", "signs", "other_names"}


@functools.cache
def _text_fields(model_type: type[BaseModel]) -> list[tuple[str, type[BaseModel] | None, bool, bool]]:
    """(name, nested model or None, holds a list of them, holds Markdown) for each field of a
    model type: worked out once per type, not once per item."""
    fields = []
    for name, info in model_type.model_fields.items():
        inner, many = nested_model(info.annotation)
        fields.append((name, inner, many, inner is None and is_markdown(info)))
    return fields


def _prose(model: BaseModel, loc: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """(field path, text) for every Markdown text field of a model, nested ones too."""
    for name, inner, many, markdown in _text_fields(type(model)):
        if not loc and name in _SIGN_FIELDS:
            continue
        value = getattr(model, name)
        if inner is not None:
            for i, item in enumerate(value if many else [value]):
                if isinstance(item, BaseModel):
                    yield from _prose(item, (*loc, name, i) if many else (*loc, name))
        elif markdown and value:
            if isinstance(value, str):
                yield (*loc, name), value
            else:
                for i, text in enumerate(value):
                    yield (*loc, name, i), text


def _signs_in_prose(registry: Registry, words: CareWords) -> Iterator[ContentProblem]:
    services = {word for level in ("emergency", "urgent") for word in words.service_words(level)}
    # one pattern finds any service in a text; the rare text that names one is then told which
    any_service = re.compile(
        rf"(?<![\w&])(?:{'|'.join(re.escape(w) for w in sorted(services))})(?![\w&])", flags=re.IGNORECASE
    )
    for kind, entries in registry.entries.items():
        if kind in ("red_flags", "care_levels", "sources"):
            continue
        for entry in entries.values():
            for loc, text in _prose(entry.model):
                if not services or not any_service.search(text):
                    continue
                for word in sorted(services):
                    if _mentions(text, word):
                        yield ContentProblem(
                            entry.file,
                            entry.line_of(*loc),
                            path_text(loc),
                            f"names {word} in running text; warning signs and where to go are shown in care cards",
                            hint="list the signs in red_flags (shared) or when_to_get_help, and link to "
                            "/red-flags.md if the text needs to point to them",
                        )
                        break
