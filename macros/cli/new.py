"""Scaffold: `python -m macros new <kind> <id>` writes a new item's YAML skeleton and its page.

The skeleton is generated from the model, so it always lists every field with its
description as a comment. Its empty values fail the check until an editor fills them in.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pydantic import BaseModel

from ..content.kinds import KINDS, PAGE_KINDS
from ..content.models import KEBAB, nested_model

ROOT = Path(__file__).resolve().parents[2]


def page_text(kind: str, item_id: str) -> str:
    """The thin page for an item: one macro call."""
    return f'{{{{ item_page("{kind}", "{item_id}") }}}}\n'


def skeleton(kind: str) -> str:
    model = KINDS[kind]
    lines = [
        f"# yaml-language-server: $schema=../schema/{kind}.json",
        f"# A new {kind} item. Fill in every field; delete optional ones you do not need.",
        "# Field guide: content_data/README.md. Check it with: python -m macros check",
    ]
    lines += _fields(model, 0)
    return "\n".join(lines) + "\n"


def _fields(model: type[BaseModel], depth: int) -> list[str]:
    pad = "  " * depth
    out = []
    for name, info in model.model_fields.items():
        optional = "" if info.is_required() else " (optional)"
        out.append(f"{pad}# {info.description}{optional}")
        inner, is_list = nested_model(info.annotation)
        if inner is not None and is_list:
            out.append(f"{pad}{name}:")
            item = _fields(inner, depth + 2)
            first_field = next(i for i, line in enumerate(item) if not line.lstrip().startswith("#"))
            item[first_field] = f"{pad}  - " + item[first_field].lstrip()
            out += item
        elif inner is not None:
            out.append(f"{pad}{name}:")
            out += _fields(inner, depth + 1)
        elif is_list:
            out.append(f"{pad}{name}:")
            out.append(f"{pad}  - ")
        elif info.examples:  # a value that draws, e.g. a figure panel's base pose
            out.append(f"{pad}{name}: {info.examples[0]}")
        else:
            out.append(f"{pad}{name}: ")
    return out


def new(args: argparse.Namespace) -> int:
    kind, item_id = args.kind, args.id
    if not KEBAB.match(item_id):
        print(
            f"'{item_id}' is not a valid id: use lower-case words joined by hyphens, e.g. 'hip-pain'", file=sys.stderr
        )
        return 2
    root = Path(args.root)
    data_file = root / "content_data" / kind / f"{item_id}.yaml"
    page_file = root / "docs" / kind / f"{item_id}.md"
    targets = [data_file] + ([page_file] if kind in PAGE_KINDS else [])
    existing = [str(t.relative_to(root)) for t in targets if t.exists()]
    if existing:
        print(f"not written: {', '.join(existing)} already exists", file=sys.stderr)
        return 1
    data_file.parent.mkdir(parents=True, exist_ok=True)
    data_file.write_text(skeleton(kind), encoding="utf-8")
    print(f"wrote {data_file.relative_to(root)}")
    if kind in PAGE_KINDS:
        page_file.parent.mkdir(parents=True, exist_ok=True)
        page_file.write_text(page_text(kind, item_id), encoding="utf-8")
        print(f"wrote {page_file.relative_to(root)}")
    print("next: fill in the YAML file, then run: python -m macros check")
    return 0


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("new", help="create a new item's YAML skeleton and its page")
    p.add_argument("kind", choices=list(KINDS), help="kind of item")
    p.add_argument("id", help="kebab-case id; also the file name and the page address")
    p.add_argument("--root", default=str(ROOT), help=argparse.SUPPRESS)
    p.set_defaults(run=new)
