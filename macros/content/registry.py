"""Index step: every item by kind and id, cross-references resolved once, reverse links derived.

Pages receive `Entry` objects. `entry.exercises` on a condition is a list of exercise entries,
not ids; `entry.linked_from("conditions")` on an anatomy part, exercise or region lists the
conditions that refer to it; `related` is symmetric (shown both ways).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ContentError, ContentProblem, did_you_mean, path_text
from .kinds import BY_FOLDER, KINDS, PAGE_KINDS
from .loader import LoadedItem, line_at, load
from .models import ref_fields


@dataclass(eq=False)
class Entry:
    """One item, resolved: model fields, forward references and reverse links."""

    kind: str
    id: str
    file: str
    model: Any
    refs: dict[str, list[Entry]] = field(default_factory=dict)
    back: dict[str, list[Entry]] = field(default_factory=dict)
    lines: dict[tuple[str | int, ...], int] = field(default_factory=dict, repr=False)

    def line_of(self, *loc: str | int) -> int:
        """Line in the item's file of a field (`entry.line_of("when_to_get_help", 2, "text")`),
        or of its nearest parent that has one."""
        return line_at(self.lines, loc)

    @property
    def label(self) -> str:
        """The item's name: a title, a glossary term, a red flag's text (each model says which)."""
        return str(self.model.label)

    @property
    def list_title(self) -> str:
        """The item's name in lists: a condition's everyday name first (plain_name), else its title."""
        return str(getattr(self.model, "list_title", self.model.label))

    def linked_from(self, kind: str) -> list[Entry]:
        """Items of `kind` that refer to this one (reverse links), in reading order. A method, so
        a field of the same name (a condition's own `prevention` advice) never hides them."""
        if kind not in KINDS:
            raise KeyError(f"unknown kind '{kind}'")
        back: dict[str, list[Entry]] = self.__dict__.get("back", {})
        return back.get(kind, [])

    @property
    def has_page(self) -> bool:
        return self.kind in PAGE_KINDS

    @property
    def doc(self) -> str:
        """The page's path in docs/, usable as an absolute Markdown link: /conditions/sciatica.md."""
        return f"/{self.kind}/{self.id}.md"

    def __getattr__(self, name: str) -> Any:
        # only called for names that are not attributes of the dataclass itself
        refs = self.__dict__.get("refs", {})
        if name in refs:
            return refs[name]
        model = self.__dict__.get("model")
        if model is not None and name in type(model).model_fields:
            return getattr(model, name)
        raise AttributeError(f"{self.kind} item '{self.__dict__.get('id')}' has no field '{name}'")

    def __repr__(self) -> str:
        return f"<{self.kind}/{self.id}>"


class Registry:
    """All content, indexed by kind and id."""

    def __init__(self, entries: dict[str, dict[str, Entry]]):
        self.entries = entries

    def get(self, kind: str, item_id: str) -> Entry:
        if kind not in self.entries:
            raise KeyError(f"unknown kind '{kind}'; kinds are: {', '.join(self.entries)}")
        try:
            return self.entries[kind][item_id]
        except KeyError:
            known = sorted(self.entries[kind])
            raise KeyError(
                f"no {kind} item '{item_id}' in content_data/{kind}/{did_you_mean(item_id, known)}"
            ) from None

    def all(self, kind: str) -> list[Entry]:
        """Items of a kind, in reading order (by `order` where the kind has one, else by title)."""
        items = list(self.entries[kind].values())
        return sorted(items, key=_sort_key)

    def __iter__(self) -> Iterator[Entry]:
        for kind in self.entries:
            yield from self.entries[kind].values()


# Lists of conditions put the common first (a condition's how_common), then go by their order
# among conditions as common, then by name. Other kinds go by order, then by name.
COMMONNESS = {"common": 0, "less-common": 1, "rare": 2}


def _sort_key(entry: Entry) -> tuple[int, int, str]:
    model = entry.model
    return (COMMONNESS.get(getattr(model, "how_common", ""), 0), getattr(model, "order", 0), entry.label.lower())


def build(root: Path) -> Registry:
    """Load, validate and index content; raise ContentError listing every problem."""
    loaded = load(root)
    problems = list(loaded.problems)
    entries: dict[str, dict[str, Entry]] = {
        kind: {
            item_id: Entry(kind, item_id, item.file, item.model, lines=item.lines) for item_id, item in items.items()
        }
        for kind, items in loaded.items.items()
    }
    for kind, items in loaded.items.items():
        for item_id, item in items.items():
            _resolve(entries[kind][item_id], item, entries, loaded.seen_ids, problems)
    if problems:
        raise ContentError(problems)
    _derive_reverse_links(entries)
    return Registry(entries)


def _resolve(
    entry: Entry,
    item: LoadedItem,
    entries: dict[str, dict[str, Entry]],
    seen: dict[str, set[str]],
    problems: list[ContentProblem],
) -> None:
    for name, target_kind in ref_fields(type(item.model)).items():
        resolved: list[Entry] = []
        listed: set[str] = set()
        for index, ref_id in enumerate(getattr(item.model, name)):
            loc = (name, index)
            where = (item.file, item.line_of(loc), path_text(loc))
            if ref_id in listed:
                problems.append(ContentProblem(*where, message=f"'{ref_id}' is listed twice", hint="remove one"))
                continue
            listed.add(ref_id)
            if target_kind == entry.kind and ref_id == entry.id:
                problems.append(ContentProblem(*where, message="an item cannot refer to itself"))
                continue
            target = entries[target_kind].get(ref_id)
            if target is None:
                if ref_id not in seen[target_kind]:  # a broken file is reported on its own
                    known = sorted(seen[target_kind])
                    problems.append(
                        ContentProblem(
                            *where,
                            message=f"unknown {BY_FOLDER[target_kind].singular} '{ref_id}'",
                            hint=f"ids are the file names in content_data/{target_kind}/"
                            + (did_you_mean(ref_id, known) or f"; known: {', '.join(known[:12])}"),
                        )
                    )
                continue
            resolved.append(target)
        entry.refs[name] = resolved


def _derive_reverse_links(entries: dict[str, dict[str, Entry]]) -> None:
    for kind_entries in entries.values():
        for entry in kind_entries.values():
            for name, targets in entry.refs.items():
                for target in targets:
                    if target.kind == entry.kind:
                        # same-kind links (related) are symmetric
                        if entry not in target.refs.setdefault(name, []):
                            target.refs[name].append(entry)
                    else:
                        back = target.back.setdefault(entry.kind, [])
                        if entry not in back:
                            back.append(entry)
    for kind_entries in entries.values():
        for entry in kind_entries.values():
            for targets in entry.refs.values():
                if targets and targets[0].kind == entry.kind:
                    targets.sort(key=_sort_key)
            for name in entry.back:
                entry.back[name].sort(key=_sort_key)
