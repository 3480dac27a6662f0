"""Content errors that speak to editors: file, line, field, what is wrong, what to do."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass


def did_you_mean(word: str, options: Iterable[str]) -> str:
    """A hint ending: "; did you mean 'sciatica'?" for the closest option, or nothing."""
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


@dataclass(frozen=True, order=True)
class ContentProblem:
    """One problem in one content file.

    Printed as `content_data/conditions/x.yaml:14: when_to_get_help[1].level: message`,
    with an optional hint on the next line.
    """

    file: str
    line: int
    field: str
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}: "
        text = where + (f"{self.field}: " if self.field else "") + self.message
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text


class ContentError(Exception):
    """Raised once, with every problem found, when content cannot be built. The MkDocs adapter
    (macros/mkdocs/) turns it into a build error without a traceback."""

    def __init__(self, problems: list[ContentProblem]):
        self.problems = sorted(problems)
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in content_data; the site was not built:"
        return "\n".join([head, *(str(p) for p in self.problems)])


def path_text(loc: tuple[str | int, ...]) -> str:
    """('when_to_get_help', 1, 'level') -> 'when_to_get_help[1].level'."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text
