"""Checks that look across items, run after loading: by the build (a problem stops it before
any page renders) and by `./dev check`, so editors see the same messages."""

from __future__ import annotations

from typing import Any

from ..content.errors import ContentError
from ..content.registry import Registry
from . import gather, signs


def validate(registry: Registry, care: dict[str, Any]) -> signs.CareWords:
    """The care words, or a ContentError with every problem: one sign, one level (signs.py) and
    the guide's words for every tag (gather.py)."""
    words = signs.CareWords(registry, care)
    problems = signs.check(registry, words) + gather.guide_problems(registry)
    if problems:
        raise ContentError(problems)
    return words
