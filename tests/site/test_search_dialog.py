"""The search dialog as a reader meets it: results with title, kind, snippet and marked words,
urgent help marked, the count announced, and no search box at all without JavaScript."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def open_and_type(tab, query: str):
    tab.get_by_role("button", name="Search").click()
    dialog = tab.get_by_role("dialog")
    dialog.get_by_role("searchbox").fill(query)
    results = dialog.get_by_role("list", name="Results").get_by_role("listitem")
    results.first.wait_for(timeout=15_000)
    return dialog, results


def test_results_show_title_kind_and_a_snippet_with_the_matched_words_marked(page, site_url):
    tab, watch = page
    tab.goto(site_url + "/")
    dialog, results = open_and_type(tab, "groin strain")
    first = results.first
    assert first.locator(".app-search__title").inner_text() == "Groin strain"
    assert first.locator(".app-search__kind").inner_text().lower() == "condition"
    marked = {m.lower() for m in first.locator("mark").all_inner_texts()}
    assert {"groin", "strain"} <= marked
    assert first.locator(".app-search__snippet").inner_text().strip()
    # a condition with a clinical title is shown by its everyday name first, as in every list
    dialog.get_by_role("searchbox").fill("greater trochanteric pain syndrome")
    expect(results.first.locator(".app-search__title")).to_have_text(
        "Sore tendons on the outside of the hip (Greater trochanteric pain syndrome)"
    )
    watch.assert_clean()


def test_the_number_of_results_is_announced_and_urgent_help_is_marked(page, site_url):
    tab, watch = page
    tab.goto(site_url + "/")
    dialog, results = open_and_type(tab, "both legs numb")
    status = dialog.get_by_role("status")
    status.filter(has_text=re.compile(r"\d+ pages? found")).wait_for(timeout=5_000)
    assert status.get_attribute("aria-live") == "polite"
    first = results.first
    assert first.locator(".app-search__urgent").is_visible()
    assert "urgent" in first.get_by_role("link").inner_text().lower(), "the mark is part of the link's name"
    dialog.get_by_role("searchbox").fill("zzzzqqq")
    status.filter(has_text="No pages found").wait_for(timeout=5_000)
    watch.assert_clean()


def test_nothing_for_search_is_downloaded_until_search_opens(page, site_url):
    tab, watch = page
    fetched: list[str] = []
    tab.on("request", lambda r: fetched.append(r.url))
    tab.goto(site_url + "/conditions/sciatica/")
    tab.wait_for_load_state("networkidle")
    assert not [u for u in fetched if "/assets/search/" in u or "/assets/vendor/" in u], fetched
    open_and_type(tab, "sciatica")
    assert any(u.endswith("/assets/search/index.json") for u in fetched)
    watch.assert_clean()


def test_without_javascript_no_search_box_is_offered(browser, site_url, built_site: Path):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'type="search"' not in html and "md-search" not in html
    context = browser.new_context(java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(site_url + "/")
        assert tab.get_by_role("button", name="Search").count() == 0
        assert tab.get_by_role("searchbox").count() == 0
    finally:
        context.close()
