"""Six readers on a 390 px phone, each tapping from the home page to the page they need, as a
person would: only links they can see, counted. Each must get there within four taps. (The walk
over every page, tests/site_walk.py, checks that each page loads without errors.)"""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
MAX_TAPS = 4

# who, the links they tap in order (their visible words, or the start of them where a glossary
# term inside the link changes how the name is spaced), and the page they need
JOURNEYS = [
    (
        "an office worker with a five-day backache",
        ["Lower back pain", "Non-specific low back pain"],
        "conditions/non-specific-low-back-pain/",
    ),
    (
        "a woman with pain on the outside of her hip at night",
        ["Hip pain", "Outer hip", "Sore tendons on the outside of the hip (Greater trochanteric pain syndrome)"],
        "conditions/greater-trochanteric-pain-syndrome/",
    ),
    ("someone with pain shooting down one leg", [re.compile(r"^Pain down the leg")], "conditions/sciatica/"),
    (
        "a parent of a limping 7-year-old",
        ["A child with hip pain or a limp"],
        "conditions/hip-pain-or-limp-in-children/",
    ),
    ("someone unsure whether it is their hip or their back", ["Is it my hip or my back?"], "hip-or-back/"),
    ("someone doing the bridge exercise", ["Exercises", "Bridge"], "exercises/bridge/"),
]


@pytest.mark.parametrize("who,taps,target", JOURNEYS, ids=[j[0] for j in JOURNEYS])
def test_a_reader_on_a_phone_reaches_their_page_within_four_taps(browser, site_url, who, taps, target):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    tab = context.new_page()
    try:
        tab.goto(site_url + "/")
        first = tab.locator("article").get_by_role("link", name=taps[0], exact=True).first
        box = first.bounding_box()
        assert box and box["y"] + box["height"] <= PHONE["height"], f"{taps[0]!r} is not on the first screen"
        for name in taps:
            link = tab.locator("article").get_by_role("link", name=name, exact=True).first
            assert link.is_visible(), f"{who}: no visible link {name!r} on {tab.url}"
            link.scroll_into_view_if_needed()
            with tab.expect_navigation():
                link.tap()
        assert len(taps) <= MAX_TAPS
        assert tab.url.split("#")[0].endswith("/" + target), f"{who} ended on {tab.url}"
    finally:
        context.close()
