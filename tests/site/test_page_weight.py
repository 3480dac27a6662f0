"""Page weight budget, measured as a reader's browser receives the site.

The site is served like GitHub Pages (gzip at level 9 for text, ten-minute caching, ETags) and
the server counts the bytes of every response body it sends. A first visit to a condition page,
with an empty cache, may transfer at most 90 KiB: HTML, CSS, JavaScript, search index, fonts and
images, whatever the browser asks for. A further page in the same visit may transfer at most
10 KiB. The heaviest condition pages are measured, and the figures are printed (pytest -s, and
in the summary at the end of the run).
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from ..conftest import REPORTS
from ..served import Sent, SiteServer

pytestmark = pytest.mark.browser

KIB = 1024
FIRST_LOAD_BUDGET = 90 * KIB
FURTHER_PAGE_BUDGET = 10 * KIB
SEARCH_BUDGET = 100 * KIB  # what opening search and typing downloads (issue 13: at most 100 KiB)

KINDS = [
    ("HTML", ("text/html",)),
    ("CSS", ("text/css",)),
    ("JavaScript", ("text/javascript", "application/javascript")),
    ("search index, data", ("application/json",)),
    ("fonts", ("font/", "application/font")),
    ("images", ("image/",)),
]


def kind_of(sent: Sent) -> str:
    for kind, prefixes in KINDS:
        if sent.content_type.startswith(prefixes):
            return kind
    return "other"


def load(server: SiteServer, tab, page: str) -> list[Sent]:
    """What the server sent while `tab` opened `page` and settled (network idle)."""
    server.take_log()
    tab.goto(server.page_url(page))
    tab.wait_for_load_state("networkidle")
    return server.take_log()


def table(title: str, sent: list[Sent]) -> str:
    by_kind: dict[str, list[int]] = {}
    for s in sent:
        counts = by_kind.setdefault(kind_of(s), [0, 0, 0])
        counts[0] += 1
        counts[1] += s.raw_bytes
        counts[2] += s.wire_bytes
    lines = [title, f"  {'':20} {'files':>5} {'raw KiB':>9} {'sent KiB':>9}"]
    for kind, _ in [*KINDS, ("other", ())]:
        if kind in by_kind:
            n, raw, wire = by_kind[kind]
            lines.append(f"  {kind:20} {n:5} {raw / KIB:9.1f} {wire / KIB:9.1f}")
    lines.append(f"  {'total':20} {len(sent):5} {sum(s.raw_bytes for s in sent) / KIB:9.1f} {total(sent) / KIB:9.1f}")
    return "\n".join(lines)


def total(sent: list[Sent]) -> int:
    return sum(s.wire_bytes for s in sent)


def heaviest_conditions(site: Path, all_pages: list[str]) -> list[str]:
    conditions = [p for p in all_pages if p.startswith("conditions/") and p.count("/") == 2]
    assert len(conditions) >= 2, "the budget needs two condition pages"

    def weight(page: str) -> int:
        return len(gzip.compress((site / page / "index.html").read_bytes(), compresslevel=9))

    return sorted(conditions, key=weight, reverse=True)


@dataclass
class Weights:
    first_page: str
    further_page: str
    first: list[Sent]
    further: list[Sent]
    search: list[Sent]
    report: str


@pytest.fixture(scope="module")
def weights(browser, served, pages, built_site) -> Weights:
    """What a first visit, a further page and starting a search transfer (measured once)."""
    first_page, further_page = heaviest_conditions(built_site, pages)[:2]
    context = browser.new_context()
    tab = context.new_page()
    try:
        first = load(served, tab, first_page)
        further = load(served, tab, further_page)
        served.take_log()
        tab.get_by_role("button", name="Search").click()  # what starting to search costs
        tab.keyboard.type("hip")
        tab.get_by_role("list", name="Results").get_by_role("link").first.wait_for(timeout=15_000)
        tab.wait_for_load_state("networkidle")
        search = served.take_log()
    finally:
        context.close()

    report = "\n\n".join(
        [
            table(f"First visit, empty cache: /{first_page} (budget {FIRST_LOAD_BUDGET // KIB} KiB)", first),
            table(f"A further page: /{further_page} (budget {FURTHER_PAGE_BUDGET // KIB} KiB)", further),
            table(
                f"Starting to search (loaded only when the reader opens search; budget {SEARCH_BUDGET // KIB} KiB)",
                search,
            ),
        ]
    )
    print("\n" + report)
    REPORTS.append(("page weight (gzip, as GitHub Pages sends it)", report))
    errors = [s for s in first + further if s.status >= 400]
    assert not errors, f"requests that failed: {errors}"
    return Weights(first_page, further_page, first, further, search, report)


def test_the_first_visit_to_a_condition_page_stays_within_90_kib(weights):
    assert total(weights.first) <= FIRST_LOAD_BUDGET, weights.report


def test_a_further_condition_page_stays_within_10_kib(weights):
    assert total(weights.further) <= FURTHER_PAGE_BUDGET, weights.report


def test_the_first_search_downloads_at_most_100_kib(weights):
    assert total(weights.search) <= SEARCH_BUDGET, weights.report


def test_searching_is_not_part_of_the_first_visit(weights):
    index = [s for s in weights.first if s.content_type.startswith("application/json")]
    assert index == [], "the search index loads before the reader searches"
    assert any(s.content_type.startswith("application/json") for s in weights.search)


def _diagram_of(site: Path, page: str) -> str:
    found = re.search(r"assets/figures/anatomy-([a-z-]+)\.svg", (site / page / "index.html").read_text("utf-8"))
    assert found, f"{page} shows no anatomy diagram"
    return found.group(1)


@pytest.fixture(scope="module")
def anatomy_weights(browser, served, pages, built_site) -> Weights:
    """An anatomy page's first visit; a further anatomy page whose diagram is cached (the budget's
    further page); and, for the record, a further page that shows a diagram not yet cached."""
    anatomy = [p for p in pages if p.startswith("anatomy/") and p.count("/") == 2]

    def weight(page: str) -> int:
        return len(gzip.compress((built_site / page / "index.html").read_bytes(), compresslevel=9))

    anatomy.sort(key=weight, reverse=True)
    first_page = anatomy[0]
    diagram = _diagram_of(built_site, first_page)
    further_page = next(p for p in anatomy[1:] if _diagram_of(built_site, p) == diagram)
    new_page = next(p for p in anatomy if _diagram_of(built_site, p) != diagram)
    context = browser.new_context()
    tab = context.new_page()
    try:
        first = load(served, tab, first_page)
        further = load(served, tab, further_page)
        new = load(served, tab, new_page)
    finally:
        context.close()
    report = "\n\n".join(
        [
            table(f"First visit, empty cache: /{first_page} (budget {FIRST_LOAD_BUDGET // KIB} KiB)", first),
            table(
                f"A further page, its diagram cached: /{further_page} (budget {FURTHER_PAGE_BUDGET // KIB} KiB)",
                further,
            ),
            table(f"A further page with a diagram not yet cached, once per diagram: /{new_page}", new),
        ]
    )
    print("\n" + report)
    REPORTS.append(("anatomy page weight (gzip, as GitHub Pages sends it)", report))
    errors = [s for s in first + further + new if s.status >= 400]
    assert not errors, f"requests that failed: {errors}"
    assert any("anatomy-" in s.path for s in first), "the first visit loads the page's diagram"
    return Weights(first_page, further_page, first, further, new, report)


def test_the_first_visit_to_an_anatomy_page_stays_within_90_kib(anatomy_weights):
    assert total(anatomy_weights.first) <= FIRST_LOAD_BUDGET, anatomy_weights.report


def test_a_further_anatomy_page_with_its_diagram_cached_stays_within_10_kib(anatomy_weights):
    assert not any("anatomy-" in s.path for s in anatomy_weights.further), "the diagram comes from the cache"
    assert total(anatomy_weights.further) <= FURTHER_PAGE_BUDGET, anatomy_weights.report
