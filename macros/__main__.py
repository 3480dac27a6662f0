"""Editor commands: `python -m macros check`, `python -m macros new <kind> <id>` and more.

Run `python -m macros --help` for the list.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import checks, signs
from .errors import ContentError
from .registry import build

ROOT = Path(__file__).resolve().parent.parent


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    p_check = sub.add_parser("check", help="validate content_data and report every problem")
    p_check.add_argument("--content", default=str(ROOT / "content_data"), help="content folder (default: content_data)")
    p_check.add_argument("--config", default=str(ROOT / "mkdocs.yml"), help="site configuration with extra.care")
    p_check.add_argument("--github", action="store_true", help="also print GitHub annotations (::error file=...)")
    p_check.set_defaults(run=check)

    from . import preview, readability, review, scaffold, schema

    scaffold.add_parser(sub)
    review.add_parser(sub)
    preview.add_parser(sub)
    schema.add_parser(sub)
    readability.add_parser(sub)

    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
