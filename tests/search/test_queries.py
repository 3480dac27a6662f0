"""The site's real search engine, run over the public query set (tests/search/queries.yaml) on
the built site: the engine file, the vendored MiniSearch and stemmer and the index exactly as
the browser gets them, run in Node. Prints hit@1, hit@3 and the misses."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.devtools.search import load_queries, run, score

from ..conftest import REPORTS

HIT3_TARGET = 0.95


@pytest.fixture(scope="module")
def scored(built_site: Path):
    queries = load_queries()
    result = score(queries, run("site", built_site, [q.query for q in queries]))
    REPORTS.append(("search: the query set on the site's engine", result.report()))
    print("\n" + result.report())
    return result


def test_the_query_set_is_large_and_names_real_pages(built_site: Path):
    queries = load_queries()
    assert len(queries) >= 80
    assert len({q.query.lower() for q in queries}) == len(queries), "a query is listed twice"
    assert sum(q.urgent for q in queries) >= 5
    for query in queries:
        for page in query.expect:
            assert (built_site / page / "index.html").is_file(), (
                f"{query.query!r} expects {page!r}, which is not a page"
            )


def test_the_right_page_is_in_the_first_three_results_for_95_percent_of_reader_queries(scored):
    assert scored.hit3 / scored.total >= HIT3_TARGET, scored.report()


def test_an_urgent_query_puts_urgent_help_first(scored):
    assert scored.urgent_first == [], scored.report()


def test_a_typo_still_finds_the_page(built_site: Path):
    [found] = run("site", built_site, ["sciatcia"], limit=3)
    assert "conditions/sciatica" in [f.url for f in found]


def test_a_query_made_of_words_on_the_site_always_finds_something(built_site: Path):
    import json

    index = json.loads((built_site / "assets/search/index.json").read_text(encoding="utf-8"))
    # words from the text of pages (some kept on one page only, being common), and from each field
    text_words = sorted({w for doc in index["docs"] for w in doc.get("text", "").split()})
    sample = text_words[:: max(1, len(text_words) // 150)]
    found = run("site", built_site, sample, limit=1)
    empty = [word for word, hits in zip(sample, found, strict=True) if not hits]
    assert empty == []


def test_a_query_that_is_one_of_a_pages_names_puts_that_page_first(built_site: Path):
    """'hip arthritis' is a name of hip osteoarthritis; pages with 'arthritis' in their title
    outranked it until a whole name counted for more than its words."""
    found = run(
        "site", built_site, ["hip arthritis", "arthritis in my hip", "greater trochanteric pain syndrome"], limit=1
    )
    assert [hits[0].url for hits in found] == [
        "conditions/hip-osteoarthritis",
        "conditions/hip-osteoarthritis",
        "conditions/greater-trochanteric-pain-syndrome",
    ]
