"""Checks that look across items, run after loading: by the build (a problem stops it before
any page renders) and by `./dev check`, so editors see the same messages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..content.errors import ContentError, ContentProblem, path_text
from ..content.registry import Registry
from . import gather, signs
from .figures import exercise


@dataclass(frozen=True)
class Checked:
    """What the checks made on the way and the pages use: the care words and each exercise's
    drawn figure (by exercise id), so the build draws each once."""

    words: signs.CareWords
    figures: dict[str, exercise.Figure]


def validate(registry: Registry, care: dict[str, Any]) -> Checked:
    """The care words and the drawn figures, or a ContentError with every problem: one sign,
    one level (signs.py), the guide's words for every tag (gather.py) and every exercise's
    pictures (figures/)."""
    words = signs.CareWords(registry, care)
    drawn = exercise_figures(registry)
    problems = signs.check(registry, words) + gather.guide_problems(registry) + drawn.problems
    if problems:
        raise ContentError(problems)
    return Checked(words, drawn.figures)


class Drawn:
    """Every exercise's figure, and the problems of those that cannot be drawn."""

    def __init__(self) -> None:
        self.figures: dict[str, exercise.Figure] = {}
        self.problems: list[ContentProblem] = []


def exercise_figures(registry: Registry) -> Drawn:
    """Draw every exercise's pictures; a pose that cannot be drawn is a problem at its field's
    line (`content_data/exercises/bridge.yaml:40: illustration.panels[1].angles.hip: ...`)."""
    drawn = Drawn()
    for entry in registry.all("exercises"):
        try:
            drawn.figures[entry.id] = exercise.figure(entry.illustration, entry.id)
        except exercise.FigureError as err:
            for loc, message in err.problems:
                drawn.problems.append(ContentProblem(entry.file, entry.line_of(*loc), path_text(loc), message))
    return drawn
