"""Every page loads in Chromium without a console error, without a failed request, and without
asking any host but the site's own for anything (fonts, scripts, analytics, repository facts);
searching, which loads the search index and worker, stays just as local."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from ..site_walk import Recorder, report

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_every_page_loads_cleanly_and_only_from_its_own_site(site_walk, viewport):
    walk = site_walk(viewport, "light")
    assert not walk.network, report(f"{walk.pages} pages loaded at {viewport} size:", walk.network, limit=20)


def test_searching_loads_cleanly_and_only_from_its_own_site(browser, served):
    context = browser.new_context()
    tab = context.new_page()
    recorder = Recorder(tab, urlsplit(served.origin).hostname)
    try:
        recorder.goto(tab, served.page_url(""), "")
        before = {s.path for s in served.take_log()}
        tab.get_by_role("button", name="Search").click()
        tab.keyboard.type("pain")
        tab.get_by_role("list", name="Results").get_by_role("link").first.wait_for(timeout=15_000)
        recorder.settle(tab)
        fetched = {s.path for s in served.take_log()} - before
    finally:
        context.close()
    assert any(path.endswith("/assets/search/index.json") for path in fetched), fetched
    assert not recorder.findings, report("Searching from the home page:", recorder.findings)
