"""Load step: content_data/<kind>/<id>.yaml -> typed models, collecting every problem.

YAML is parsed by libyaml (PyYAML's C parser, about 25 times faster than a pure-Python
parser) into nodes, which keep the line of each key and list item; pydantic errors are then
mapped back to the line of the field (or of its parent, when a field is missing). Plain values
follow YAML 1.2, the version editors' tools use: `no`, `on` and `1:30` stay text. Nothing here
raises for bad content: problems are gathered and reported at once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError
from yaml.error import MarkedYAMLError, YAMLError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import ContentProblem, did_you_mean, path_text
from .kinds import KINDS
from .models import KEBAB, nested_model

Loc = tuple[str | int, ...]
STR_TAG = "tag:yaml.org,2002:str"


class ContentLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """A safe YAML loader whose plain values follow YAML 1.2's core schema instead of 1.1:
    only true/false are yes/no values, numbers are decimal (or 0x hex), and `no`, `on`,
    `1:30` or `010` stay text. Dates (2026-11-22) are still read as dates."""

    yaml_implicit_resolvers: dict[str | None, list[tuple[str, re.Pattern[str]]]] = {
        first: [(tag, rx) for tag, rx in resolvers if tag.rsplit(":", 1)[-1] in ("null", "timestamp", "merge")]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }


for _tag, _pattern, _first in (
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("int", r"^(?:[-+]?[0-9]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    (
        "float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*|[0-9]+(?:\.[0-9]*)?[eE][-+]?[0-9]+)"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+.0123456789",
    ),
):
    ContentLoader.add_implicit_resolver(f"tag:yaml.org,2002:{_tag}", re.compile(_pattern), list(_first))


def _construct_int(reader: ContentLoader, node: ScalarNode) -> int:
    """1.2 integers: 010 is ten (1.1 read it as octal eight)."""
    text = str(reader.construct_scalar(node))
    try:
        return int(text, 16 if "x" in text.lower() else 10)
    except ValueError:
        raise yaml.constructor.ConstructorError(
            None, None, f"{text!r} is not a whole number", node.start_mark
        ) from None


ContentLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)


@dataclass
class LoadedItem:
    """One valid item, with where each of its fields stands in its file."""

    file: str  # as shown to editors, e.g. content_data/conditions/sciatica.yaml
    model: BaseModel
    lines: dict[Loc, int]

    def line_of(self, loc: Loc) -> int:
        """Line of a field, or of its nearest parent that has one."""
        return line_at(self.lines, loc)


@dataclass
class Loaded:
    """Everything read from one content folder."""

    items: dict[str, dict[str, LoadedItem]] = field(default_factory=lambda: {k: {} for k in KINDS})
    problems: list[ContentProblem] = field(default_factory=list)
    # ids of every file found, valid or not, so a reference to a broken file is not
    # reported a second time as unknown
    seen_ids: dict[str, set[str]] = field(default_factory=lambda: {k: set() for k in KINDS})


def load(root: Path) -> Loaded:
    """Read and validate every content file under root."""
    root = Path(root)
    loaded = Loaded()
    if not root.is_dir():
        loaded.problems.append(ContentProblem(str(root), 1, "", "content folder not found"))
        return loaded
    shown = root.parent

    for entry in sorted(root.iterdir()):
        name = entry.name
        if name.startswith(".") or name in ("README.md", "schema"):
            continue
        if entry.is_dir() and name not in KINDS:
            loaded.problems.append(
                ContentProblem(
                    f"{entry.relative_to(shown)}/",
                    1,
                    "",
                    f"unknown folder '{name}'",
                    hint=f"content goes in one of: {', '.join(KINDS)}" + did_you_mean(name, KINDS),
                )
            )
        elif entry.is_file():
            loaded.problems.append(
                ContentProblem(
                    str(entry.relative_to(shown)),
                    1,
                    "",
                    "file is outside any kind folder",
                    hint=f"move it into one of: {', '.join(KINDS)}",
                )
            )

    for kind, model in KINDS.items():
        folder = root / kind
        if not folder.is_dir():
            continue
        first_file: dict[str, str] = {}
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            shown_path = str(path.relative_to(shown))
            if path.name.startswith(".") or path.name == "README.md":
                continue
            problem = _check_file_name(path, shown_path)
            if problem:
                loaded.problems.append(problem)
                continue
            item_id = path.stem
            if item_id in first_file:
                loaded.problems.append(
                    ContentProblem(
                        shown_path,
                        1,
                        "",
                        f"duplicate id '{item_id}': {first_file[item_id]} has the same file name",
                        hint="an id is the file name and must be unique within its kind: rename or remove one",
                    )
                )
                continue
            first_file[item_id] = shown_path
            loaded.seen_ids[kind].add(item_id)
            item = _load_file(path, shown_path, kind, model, loaded.problems)
            if item is not None:
                loaded.items[kind][item_id] = item
    return loaded


def _check_file_name(path: Path, shown: str) -> ContentProblem | None:
    if path.suffix != ".yaml":
        hint = "rename it to end in .yaml" if path.suffix.lower() in (".yml", ".yaml") else "only .yaml files go here"
        return ContentProblem(shown, 1, "", f"wrong file extension '{path.suffix or '(none)'}'", hint=hint)
    if not KEBAB.match(path.stem):
        suggestion = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")
        return ContentProblem(
            shown,
            1,
            "",
            f"file name '{path.name}' is not kebab-case",
            hint=f"use lower-case words joined by hyphens, e.g. '{suggestion}.yaml' (the name is the page address)",
        )
    return None


def _load_file(
    path: Path, shown: str, kind: str, model: type[BaseModel], problems: list[ContentProblem]
) -> LoadedItem | None:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        problems.append(ContentProblem(shown, 1, "", f"file is not UTF-8 text ({err.reason})"))
        return None
    lines: dict[Loc, int] = {(): 1}
    problems_before = len(problems)
    reader = ContentLoader(text)
    try:
        node = reader.get_single_node()
        data = _value(reader, node, (), lines, shown, problems) if node is not None else None
    except MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 1
        what = " ".join(x for x in (err.context, err.problem) if x)
        problems.append(
            ContentProblem(
                shown,
                line,
                "",
                f"YAML syntax error: {what}",
                hint="check the indentation and that each 'field: value' has a space after the colon; "
                "put text containing ': ' or starting with a quote in quotes",
            )
        )
        return None
    except YAMLError as err:
        problems.append(ContentProblem(shown, 1, "", f"YAML syntax error: {err}"))
        return None
    finally:
        reader.dispose()

    if data is None:
        problems.append(
            ContentProblem(
                shown, 1, "", "file is empty", hint=f"fill in the fields of a {kind} item (see content_data/README.md)"
            )
        )
        return None
    if not isinstance(data, dict):
        problems.append(
            ContentProblem(
                shown,
                1,
                "",
                f"the file must be a set of 'field: value' lines, but it is {_type_name(data)}",
                hint="start each top-level field at the beginning of a line, e.g. 'title: Sciatica'",
            )
        )
        return None
    if len(problems) > problems_before:  # a field written twice
        return None

    try:
        item = model.model_validate(data)
    except ValidationError as err:
        for error in err.errors():
            problems.append(_problem_from(error, shown, lines, model))
        return None
    return LoadedItem(file=shown, model=item, lines=lines)


def _value(
    reader: ContentLoader, node: Node, loc: Loc, lines: dict[Loc, int], shown: str, problems: list[ContentProblem]
) -> Any:
    """YAML nodes -> plain Python values, recording the line of each key and list item."""
    if isinstance(node, MappingNode):
        reader.flatten_mapping(node)  # resolves `<<: *anchor` merges
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = str(reader.construct_object(key_node, deep=True))
            line = key_node.start_mark.line + 1
            if key in out:
                problems.append(
                    ContentProblem(
                        shown,
                        line,
                        path_text((*loc, key)),
                        f"field '{key}' is written twice (first on line {lines[(*loc, key)]})",
                        hint="keep one of them and remove the other",
                    )
                )
                continue
            lines[(*loc, key)] = line
            out[key] = _value(reader, value_node, (*loc, key), lines, shown, problems)
        return out
    if isinstance(node, SequenceNode):
        out_list = []
        for index, item in enumerate(node.value):
            lines[(*loc, index)] = item.start_mark.line + 1
            out_list.append(_value(reader, item, (*loc, index), lines, shown, problems))
        return out_list
    assert isinstance(node, ScalarNode)
    if node.tag == STR_TAG:  # most values: text, as the constructor would give it, without its dispatch
        return node.value
    return reader.construct_object(node)


def line_at(lines: dict[Loc, int], loc: Loc) -> int:
    """Line of the field at loc, or of its nearest parent that has one (the file's first line if
    none has)."""
    while loc and loc not in lines:
        loc = loc[:-1]
    return lines.get(loc, 1)


def _problem_from(error: Any, shown: str, lines: dict[Loc, int], model: type[BaseModel]) -> ContentProblem:
    loc: Loc = tuple(error["loc"])
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    line = line_at(lines, loc)
    hint = ""

    if kind == "missing":
        message = "required field is missing"
        parent = path_text(loc[:-1]) or "the top level"
        hint = f"add '{loc[-1]}:' to {parent}"
        line = line_at(lines, loc[:-1])
    elif kind == "extra_forbidden":
        allowed = _fields_at(model, loc[:-1])
        message = f"unknown field '{loc[-1]}'"
        hint = "allowed fields here: " + ", ".join(allowed) + did_you_mean(str(loc[-1]), allowed)
    elif value is None:
        message = "is empty"
        hint = "fill it in, or remove the line if the field is optional"
    elif kind in ("enum", "literal_error"):
        expected = re.sub(r"'", "", str(ctx.get("expected", ""))).replace(" or ", ", ")
        message = f"{value!r} is not one of {expected}"
        hint = did_you_mean(str(value), expected.split(", ")).strip(" ;") if isinstance(value, str) else ""
    elif kind == "value_error":
        message = str(ctx.get("error", error["msg"]))
    elif kind.startswith("url_"):
        message = f"{value!r} is not a full web address"
        hint = "copy the address from the browser, starting with https://"
    elif kind in ("too_short", "too_long"):
        message = error["msg"].replace("List should", "needs to").replace("Value should", "needs to")
    elif kind.endswith("_type") or kind.endswith("_parsing"):
        message = f"{error['msg'].replace('Input should', 'should')}, but it is {_type_name(value)}"
        if kind == "list_type":
            hint = "write a list with one '- ' item per line"
        elif kind == "string_type" and isinstance(value, (dict, list)):
            hint = "text that contains ': ' or starts with '- ' must be put in quotes"
    else:
        message = error["msg"].replace("Input should", "should")
    return ContentProblem(shown, line, path_text(loc), message, hint)


def _fields_at(model: type[BaseModel], loc: Loc) -> list[str]:
    """Field names of the (nested) model at loc."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        info = current.model_fields.get(part)
        if info is None:
            return []
        current, _ = nested_model(info.annotation)
        if current is None:
            return []
    return list(current.model_fields)


def _type_name(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, dict):
        return "a set of fields"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return f"yes/no ({value})"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, str):
        short = value if len(value) <= 40 else value[:37] + "..."
        return f"text ({short!r})"
    return type(value).__name__
