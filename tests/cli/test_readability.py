"""Plain language, measured: Flesch-Kincaid grade of every built page (issue: content standard).

The per-page table is printed at the end of the test run, so editors can see which pages to simplify.
"""

from __future__ import annotations

import statistics
from pathlib import Path

import pytest

from macros.cli.readability import CARD_LIMIT, MEDIAN_LIMIT, PAGE_LIMIT, grade, measure_page, measure_site, table

from ..conftest import REPORTS


@pytest.fixture(scope="module")
def grades(built_site: Path):
    measured = measure_site(built_site)
    REPORTS.append(("Reading grade per page (Flesch-Kincaid)", table(measured)))
    return measured


def test_the_grade_works_offline_and_tells_easy_from_hard_text():
    easy = grade("Keep moving. Walk a little each day. Rest when you need to.")
    hard = grade(
        "Degenerative spondylolisthesis frequently necessitates comprehensive multidisciplinary "
        "rehabilitation incorporating neuromuscular stabilisation interventions."
    )
    assert 0 <= easy < 4 < 12 < hard


def test_each_list_item_counts_as_its_own_sentence():
    items = [
        "Pain in your lower back",
        "Pain that spreads to your leg",
        "Pins and needles in your foot",
        "Stiffness when you get up",
        "Pain that is worse when you sit",
        "Weakness in your leg",
    ]
    html = "<article><ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul></article>"
    page = measure_page(html, "x")
    assert page.words == sum(len(item.split()) for item in items)
    assert page.grade < grade(" ".join(items) + ".") - 5  # one run-on sentence would read much harder


def test_the_median_page_is_grade_7_or_lower(grades):
    assert statistics.median(g.grade for g in grades) <= MEDIAN_LIMIT, table(grades)


def test_no_page_is_above_grade_9(grades):
    hard = [f"{g.page} ({g.grade})" for g in grades if g.grade > PAGE_LIMIT]
    assert hard == [], "simplify: " + ", ".join(hard)


def test_text_in_urgency_cards_is_grade_6_or_lower(grades):
    hard = [f"{g.page} ({g.card_grade})" for g in grades if g.card_grade is not None and g.card_grade > CARD_LIMIT]
    assert hard == [], "simplify the care-card text on: " + ", ".join(hard)
