"""Checks over the real built site, page by page, as a reader receives it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.pages import gather, signs

from ..conftest import ROOT, real_registry

# the ids from the file names: nothing loads all content when the tests are collected
CONDITIONS = sorted(path.stem for path in (ROOT / "content_data" / "conditions").glob("*.yaml"))
REQUIRED_SECTIONS = {
    "symptoms": "Symptoms",
    "causes": "Causes",
    "treatment": "Treatment",
    "when-to-get-help": "When to get help",
}


def soup_of(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(), "html.parser")


def section_content(heading) -> list:
    """The elements after an h2 up to the next h2."""
    out = []
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        out.append(sibling)
    return out


@pytest.mark.parametrize("item_id", CONDITIONS)
def test_a_condition_page_has_every_required_section_with_content(built_site: Path, item_id: str):
    soup = soup_of(built_site, f"conditions/{item_id}")
    article = soup.select_one("article")
    for anchor, words in REQUIRED_SECTIONS.items():
        heading = article.find("h2", id=anchor)
        assert heading is not None, f"{item_id}: no section #{anchor}"
        assert words.lower() in heading.get_text().lower()
        body = " ".join(el.get_text(" ", strip=True) for el in section_content(heading))
        assert len(body.split()) >= 3, f"{item_id}: section #{anchor} is empty"


@pytest.mark.parametrize("item_id", CONDITIONS)
def test_a_condition_page_has_a_care_card_for_each_level_its_content_has(built_site: Path, item_id: str):
    soup = soup_of(built_site, f"conditions/{item_id}")
    section = soup.select_one("article").find("h2", id="when-to-get-help")
    shown = [el for el in section_content(section) if "app-care-card" in (el.get("class") or [])]
    registry = real_registry()
    words = signs.CareWords(registry, signs.care_from_config(ROOT / "mkdocs.yml"))
    expected = gather.care_cards(registry.get("conditions", item_id), words)
    assert [c["class"][1] for c in shown] == [f"app-care-card--{c.level}" for c in expected], item_id
    for card, data in zip(shown, expected, strict=True):
        assert card.select_one(".app-visually-hidden"), "no hidden level prefix"
        assert data.heading in card.get_text(" ", strip=True)
        assert len(card.select("li")) == len(data.texts)
        if data.level == "emergency":
            assert card.find("a") is None, f"{item_id}: a link inside the emergency card"


@pytest.mark.parametrize("item_id", CONDITIONS)
def test_edit_this_page_opens_the_items_yaml_file(built_site: Path, item_id: str):
    soup = soup_of(built_site, f"conditions/{item_id}")
    assert soup.select_one(".md-content a[href*='/edit/']") is None, "readers see no edit button"
    edit = soup.select_one("footer a[rel=edit]")
    assert edit is not None
    assert edit["href"].endswith(f"/edit/main/content_data/conditions/{item_id}.yaml")


def test_the_emergency_number_comes_from_configuration(built_site: Path):
    soup = soup_of(built_site, "conditions/sciatica")
    assert "Call 999 or go to A&E if:" in soup.select_one(".app-care-card--emergency").get_text()


def test_every_page_loads_nothing_from_another_site(built_site: Path):
    pages = list(built_site.rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        soup = BeautifulSoup(path.read_text(), "html.parser")
        for tag, attr in (
            ("script", "src"),
            ("link", "href"),
            ("img", "src"),
            ("iframe", "src"),
            ("source", "src"),
            ("video", "src"),
            ("audio", "src"),
        ):
            for el in soup.find_all(tag):
                url = el.get(attr, "")
                if tag == "link" and set(el.get("rel", [])) & {"canonical", "alternate"}:
                    continue  # metadata, not loaded
                assert not re.match(r"^(https?:)?//", url), f"{path.relative_to(built_site)} loads {url}"
    css = "\n".join(p.read_text() for p in built_site.rglob("*.css"))
    assert not re.search(r"@import\s+url\(\s*['\"]?https?:", css)
    assert "fonts.googleapis" not in css and "fonts.gstatic" not in css


def test_the_navigation_leads_to_a_list_of_every_condition(built_site: Path):
    home = soup_of(built_site, "")
    nav_targets = {a.get("href") for a in home.select("nav.md-nav--primary a.md-nav__link")}
    assert "conditions/" in nav_targets
    listed = {a.get("href") for a in soup_of(built_site, "conditions").select("article a")}
    for item_id in CONDITIONS:
        assert f"{item_id}/" in listed, f"the conditions page does not link to {item_id}"


def test_the_navigation_stays_small_however_many_items_there_are(built_site: Path):
    soup = soup_of(built_site, "conditions/sciatica")
    assert len(soup.select("nav.md-nav--primary > ul > li")) < 20
