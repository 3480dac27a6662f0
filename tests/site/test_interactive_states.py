"""axe-core's WCAG 2.2 AA rules on the site's interactive states, not only on pages as they load:
search open with results, a glossary meaning open, the hip-or-back guide with answers chosen, the
phone menu open and the body map focused, each at a phone's and a desktop's size, in the light
and the dark theme: zero violations.

The states are reached as a reader reaches them and found by role, landmark or the component's
own structure, not by the words on the page, which editors change."""

from __future__ import annotations

import re

import pytest

from ..site_walk import AXE, SCHEMES, SETTLE, VIEWPORTS, WCAG_TAGS

pytestmark = pytest.mark.browser

RUN_AXE = """(tags) => axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]})
  .then(result => result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.join(" "), summary: n.failureSummary}))
  })))"""


def search_with_results(tab, url):
    tab.goto(url(""))
    tab.get_by_role("button", name="Search").click()
    tab.get_by_role("dialog").get_by_role("searchbox").fill("hip pain")
    tab.get_by_role("list", name="Results").get_by_role("link").first.wait_for(timeout=15_000)
    tab.get_by_role("status").filter(has_text=re.compile(r"\d")).wait_for(timeout=5_000)


def glossary_meaning_open(tab, url):
    tab.goto(url("conditions/sciatica/"))
    tab.locator("article abbr[tabindex]").first.focus()
    tab.get_by_role("tooltip").wait_for(state="visible", timeout=5_000)


def guide_with_answers(tab, url):
    tab.goto(url("hip-or-back/"))
    form = tab.get_by_role("main").locator("form").first
    for group in form.get_by_role("group").all():
        choices = group.get_by_role("checkbox").all() or group.get_by_role("radio").all()
        if choices:
            choices[0].check()


def phone_menu_open(tab, url):
    tab.goto(url("conditions/sciatica/"))
    tab.get_by_role("banner").locator("label[for=__drawer]").click()
    tab.wait_for_function("document.getElementById('__drawer').checked")


def body_map_focused(tab, url):
    tab.goto(url("regions/"))
    region = tab.locator("svg a[href]").first
    region.focus()
    tab.wait_for_function("document.activeElement && document.activeElement.closest('svg') !== null")


STATES = {
    "search open with results": search_with_results,
    "a glossary meaning open": glossary_meaning_open,
    "the hip-or-back guide with answers chosen": guide_with_answers,
    "the phone menu open": phone_menu_open,
    "the body map focused": body_map_focused,
}
PHONE_ONLY = {"the phone menu open"}


@pytest.mark.parametrize("theme", SCHEMES)
@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_every_interactive_state_meets_wcag_2_2_aa_by_axe(browser, served, viewport, theme):
    context = browser.new_context(viewport=VIEWPORTS[viewport], color_scheme=theme)
    context.add_init_script(path=str(AXE))
    tab = context.new_page()
    found: list[str] = []
    try:
        for name, reach in STATES.items():
            if name in PHONE_ONLY and viewport != "phone":
                continue
            reach(tab, served.page_url)
            assert tab.evaluate("document.body.getAttribute('data-md-color-scheme')") == SCHEMES[theme]
            tab.evaluate(SETTLE)
            for v in tab.evaluate(RUN_AXE, WCAG_TAGS):
                for node in v["nodes"][:3]:
                    why = " ".join(node["summary"].replace("Fix any of the following:", "").split())
                    found.append(f"{name}: {v['id']} [{v['impact']}] {node['target']} -- {why[:300]}")
    finally:
        context.close()
    assert not found, f"axe-core, {viewport}, {theme} theme:\n" + "\n".join(found)
