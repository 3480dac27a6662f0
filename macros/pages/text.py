"""Text filters for templates: content Markdown made safe to place, plain text, dates."""

from __future__ import annotations

import re
from datetime import date

from markupsafe import Markup

_TAG_OPENER = re.compile(r"<(?=[A-Za-z/!?])")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MARKS = re.compile(r"[*_`#>]")


def md(text: str | None, indent: int = 0) -> Markup:
    """Content Markdown, made safe to place inside a template.

    Anything that could open an HTML tag is escaped (content is already checked for raw HTML;
    this is the second line of defence), and continuation lines are indented so multi-line
    text stays inside the list item or block it is placed in.
    """
    if not text:
        return Markup("")
    safe = _TAG_OPENER.sub("&lt;", str(text))
    if indent:
        safe = ("\n" + " " * indent).join(safe.splitlines())
    return Markup(safe)


def plain(text: str | None) -> str:
    """Markdown -> one line of plain text (for descriptions and comparison cells)."""
    if not text:
        return ""
    text = _LINK.sub(r"\1", str(text))
    text = _MARKS.sub("", text)
    return " ".join(text.split())


def long_date(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


def table_cell(text: str) -> str:
    """Text made safe for one cell of a Markdown table."""
    return text.replace("|", "\\|").replace("\n", " ")
