"""The glossary's faster abbreviation matcher finds exactly what the stock `abbr` one finds."""

from __future__ import annotations

import re

import markdown

from macros.mkdocs.glossary_markdown import trie_pattern
from macros.mkdocs.site import glossary_abbreviations

from ..conftest import ROOT, real_registry


def stock_pattern(words: list[str]) -> re.Pattern[str]:
    """What Python-Markdown's abbr extension compiles."""
    ordered = sorted(words, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in ordered) + r")\b")


def matches(pattern: re.Pattern[str], text: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group(0)) for m in pattern.finditer(text)]


def test_prefix_terms_match_longest_first_and_only_whole_words():
    words = ["hip", "hip joint", "hip joints", "MRI", "MRI scan", "X-ray", "C++"]
    ours = re.compile(r"\b(?:" + trie_pattern(words) + r")\b")
    text = "hip joints, a hip jointed doll, hips, an MRI scanner, MRI scan, X-rays or an X-ray"
    assert matches(ours, text) == matches(stock_pattern(words), text)
    assert [w for _, w in matches(ours, text)] == ["hip joints", "hip", "MRI", "MRI scan", "X-ray"]


def test_the_real_glossary_matches_the_same_terms_as_stock_abbr_on_every_content_text():
    words = list(glossary_abbreviations(real_registry()))
    ours = re.compile(r"\b(?:" + trie_pattern(words) + r")\b")
    stock = stock_pattern(words)
    texts = [p.read_text(encoding="utf-8") for p in (ROOT / "content_data").rglob("*.yaml")]
    texts += [p.read_text(encoding="utf-8") for p in (ROOT / "docs").rglob("*.md")]
    found = 0
    for text in texts:
        expected = matches(stock, text)
        assert matches(ours, text) == expected
        found += len(expected)
    assert found > 1000


def test_the_extension_marks_glossary_terms_and_a_pages_own_abbreviations():
    html = markdown.markdown(
        "An MRI of the hip joint. The NHS helps.\n\n*[NHS]: National Health Service",
        extensions=["macros.mkdocs.glossary_markdown"],
        extension_configs={
            "macros.mkdocs.glossary_markdown": {"glossary": {"MRI": "a scan", "hip joint": "the joint"}}
        },
    )
    assert '<abbr title="a scan">MRI</abbr>' in html
    assert '<abbr title="the joint">hip joint</abbr>' in html
    assert '<abbr title="National Health Service">NHS</abbr>' in html
