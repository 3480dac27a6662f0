"""A reader in headless Chromium: home page, navigation, search, nothing leaks or breaks."""

from __future__ import annotations

import pytest

from .test_reader_features import search

pytestmark = pytest.mark.browser


def test_the_home_page_loads_cleanly(page, site_url):
    tab, watch = page
    response = tab.goto(site_url + "/")
    assert response.ok
    assert tab.locator("h1").first.inner_text().rstrip("¶") == "Hip and lower back pain"
    watch.assert_clean()


def test_a_reader_reaches_a_condition_page_through_the_navigation(page, site_url):
    tab, watch = page
    tab.goto(site_url + "/")
    tab.locator("nav.md-nav--primary").get_by_role("link", name="Conditions", exact=True).first.click()
    tab.wait_for_url("**/conditions/")
    tab.locator("article").get_by_role("link", name="Sciatica", exact=True).first.click()
    tab.wait_for_url("**/conditions/sciatica/")
    assert tab.locator("h1").inner_text().rstrip("¶") == "Sciatica"
    assert tab.locator("#when-to-get-help").is_visible()
    watch.assert_clean()


def test_search_for_sciatica_lists_the_sciatica_page(page, site_url):
    tab, watch = page
    assert "conditions/sciatica/" in search(tab, site_url, "sciatica")
    watch.assert_clean()
