"""The search index is built from the content's structure: names, regions' lay names, symptoms,
urgent signs with readers' words, glossary synonyms, hand-written pages' front matter."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.content.registry import build
from macros.pages.search import FIELDS, PageRecord, article, needs_urgent_care, search_index, synonyms_for, words

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def registry():
    return build(ROOT / "content_data")


def html(title: str, body: str = "") -> str:
    heading = f'<h1>{title}<a class="headerlink">¶</a></h1>'
    return f'<nav>menu words</nav><article class="md-content__inner">{heading}{body}</article>'


def doc_for(registry, page: PageRecord) -> dict:
    [doc] = search_index([page], registry)["docs"]
    return doc


def test_an_item_page_is_searched_by_its_names_places_and_symptoms(registry):
    entry = registry.get("conditions", "greater-trochanteric-pain-syndrome")
    doc = doc_for(registry, PageRecord("conditions/gtps/", "x", {}, entry, html(entry.title, "<p>Rest more.</p>")))
    assert doc["title"] == entry.title and doc["kind"] == "Condition"
    assert "Hip bursitis" in doc["names"]
    region = registry.get("regions", "outer-hip")
    assert region.other_names and all(name in doc["places"] for name in region.other_names)
    assert "Lying on the painful side" in doc["symptoms"]
    assert "rest" in doc["text"] and "menu" not in doc.get("text", "") and "¶" not in doc.get("text", "")
    assert "urgent" not in doc
    # shown in the results as in every list: the everyday name first
    assert doc["label"] == "Sore tendons on the outside of the hip (Greater trochanteric pain syndrome)"
    plain = registry.get("conditions", "groin-strain")
    assert "label" not in doc_for(registry, PageRecord("conditions/g/", "x", {}, plain, html(plain.title)))


def test_glossary_forms_of_a_pages_names_are_its_synonyms(registry):
    glossary = [[e.term, *e.also_matches] for e in registry.all("glossary")]
    found = synonyms_for(["Hip bursitis"], glossary)
    bursitis = registry.get("glossary", "bursitis")
    assert bursitis.term in found and set(bursitis.also_matches) <= set(found)
    assert synonyms_for(["Walking programme"], [["Bursitis", "hip bursitis"]]) == []


def test_a_condition_is_urgent_when_none_of_its_signs_can_wait(registry):
    assert needs_urgent_care(registry.get("conditions", "cauda-equina-syndrome"))
    assert not needs_urgent_care(registry.get("conditions", "sciatica"))


def test_an_urgent_page_carries_the_signs_and_the_readers_words_for_them(registry):
    page = PageRecord(
        "red-flags/", "x", {"urgent": True, "other_names": ["When to see a doctor"]}, None, html("Urgent")
    )
    doc = doc_for(registry, page)
    assert doc["urgent"] is True and doc["boost"] > 1 and doc["kind"] == "Guide"
    assert doc["names"] == "When to see a doctor"
    flag = registry.get("red_flags", "new-bladder-problems")
    assert flag.other_words and all(said in doc["signs"] for said in flag.other_words)


def test_a_hand_written_page_is_searched_by_its_section_headings(registry):
    body = "<h2>What the care cards mean</h2><p>Text.</p><h3>Privacy</h3>"
    doc = doc_for(registry, PageRecord("about/", "About", {}, None, html("About this site", body)))
    assert doc["headings"] == "What the care cards mean · Privacy"
    assert article(html("A <em>b</em>", body)).heading == "A b"


def test_a_word_on_many_pages_is_kept_on_the_one_that_uses_it_most(registry):
    pages = [
        PageRecord(f"p{i}/", f"P{i}", {}, None, html(f"P{i}", "<p>often often</p>" if i == 2 else "<p>often</p>"))
        for i in range(5)
    ]
    docs = search_index(pages, registry)["docs"]
    assert [("often" in d.get("text", "").split()) for d in docs] == [False, False, True, False, False]


def test_the_index_says_how_to_rank_and_words_are_split_as_the_engine_splits_them(registry):
    index = search_index([], registry)
    assert index["fields"] == FIELDS and {"bm25", "weights", "stopWords"} <= index.keys()
    assert words("A&E: the hip\u2019s joint, 2 times") == ["a&e", "the", "hip's", "joint", "2", "times"]
