"""Editor commands: `python -m macros check`, `python -m macros new <kind> <id>` and more, one
module per command. Run `python -m macros --help` for the list."""

from __future__ import annotations

import argparse

from . import check, new, preview, readability, review, schema


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    for command in (check, new, review, preview, schema, readability):
        command.add_parser(sub)
    args = parser.parse_args(argv)
    return int(args.run(args))
