"""Text filters for templates: content Markdown made safe to place, plain text, dates."""

from __future__ import annotations

import re
from datetime import date

from markupsafe import Markup


def md(text: str | None, indent: int = 0) -> Markup:
    """Content Markdown, made safe to place inside a template.

    Anything that could open an HTML tag is escaped (content is already checked for raw HTML;
    this is the second line of defence), and continuation lines are indented so multi-line
    text stays inside the list item or block it is placed in.
    """
    if not text:
        return Markup("")
    safe = re.sub(r"<(?=[A-Za-z/!?])", "&lt;", str(text))
    if indent:
        safe = ("\n" + " " * indent).join(safe.splitlines())
    return Markup(safe)


def plain(text: str | None) -> str:
    """Markdown -> one line of plain text (for descriptions and comparison cells)."""
    if not text:
        return ""
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", str(text))
    text = re.sub(r"[*_`#>]", "", text)
    return " ".join(text.split())


def long_date(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


def table_cell(text: str) -> str:
    """Text made safe for one cell of a Markdown table."""
    return text.replace("|", "\\|").replace("\n", " ")
