"""`python -m macros check`: validate every content file and the checks across items (one sign,
one level; the guide's words), print every problem with file, line and field, exit 1 if any."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..content.errors import ContentError
from ..content.registry import build
from ..pages import checks, signs

ROOT = Path(__file__).resolve().parents[2]


def check(args: argparse.Namespace) -> int:
    """Validate every content file; print every problem; exit 1 if there are any."""
    try:
        registry = build(Path(args.content))
        # one sign, one level: needs the local care words, as the build does
        checks.validate(registry, signs.care_from_config(Path(args.config)))
    except ContentError as err:
        if args.github:
            for p in err.problems:
                text = f"{p.field}: {p.message}" if p.field else p.message
                if p.hint:
                    text += f" (hint: {p.hint})"
                print(f"::error file={p.file},line={p.line},title=Content problem::{_gh_escape(text)}")
        print(err.report(), file=sys.stderr)
        return 1
    counts = ", ".join(f"{len(items)} {kind}" for kind, items in registry.entries.items())
    print(f"content_data is valid: {counts}")
    return 0


def _gh_escape(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("check", help="validate content_data and report every problem")
    p.add_argument("--content", default=str(ROOT / "content_data"), help="content folder (default: content_data)")
    p.add_argument("--config", default=str(ROOT / "mkdocs.yml"), help="site configuration with extra.care")
    p.add_argument("--github", action="store_true", help="also print GitHub annotations (::error file=...)")
    p.set_defaults(run=check)
