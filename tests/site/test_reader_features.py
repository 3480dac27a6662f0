"""Reader features, driven in headless Chromium as a reader would use them."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from macros.pages.text import plain

from ..conftest import real_registry

pytestmark = pytest.mark.browser

# Words readers type, and the page that must be in the top three results.
READER_QUERIES = [
    ("slipped disc", "conditions/slipped-disc/"),
    ("pulled muscle", "conditions/muscle-strain-and-ligament-sprain/"),
    ("wear and tear", None),  # several pages fit: checked below
    ("broken hip", "conditions/hip-fracture/"),
    ("pins and needles", None),
    ("SI joint", "conditions/sacroiliac-joint-pain/"),
    ("sciatica", "conditions/sciatica/"),
    ("hip bursitis", "conditions/greater-trochanteric-pain-syndrome/"),
    ("trapped nerve", None),
]
WEAR_AND_TEAR = {"conditions/hip-osteoarthritis/", "conditions/lumbar-spondylosis/"}
NERVE_PAGES = {"conditions/sciatica/", "conditions/lumbar-radiculopathy/", "conditions/meralgia-paresthetica/"}


def open_search(tab):
    """Open the search dialog as a reader does: the header's Search button."""
    tab.get_by_role("button", name="Search").click()
    dialog = tab.get_by_role("dialog")
    dialog.wait_for()
    return dialog


def search(tab, site_url: str, query: str) -> list[str]:
    """The addresses of the first three results, as paths from the site's root."""
    tab.goto(site_url + "/")
    dialog = open_search(tab)
    dialog.get_by_role("searchbox").fill(query)
    results = dialog.get_by_role("list", name="Results").get_by_role("link")
    results.first.wait_for(timeout=10_000)
    hrefs = [results.nth(i).evaluate("a => a.href") for i in range(min(results.count(), 3))]
    root = urlsplit(site_url + "/").path
    return [urlsplit(h).path.removeprefix(root) for h in hrefs]


@pytest.mark.parametrize("query,expected", READER_QUERIES)
def test_search_finds_the_right_page_for_words_readers_use(page, site_url, query, expected):
    tab, watch = page
    top3 = search(tab, site_url, query)
    if query == "wear and tear":
        assert WEAR_AND_TEAR & set(top3), top3
    elif query in ("pins and needles", "trapped nerve"):
        assert NERVE_PAGES & set(top3), top3
    else:
        assert expected in top3, top3
    watch.assert_clean()


def shown_in_guide(tab) -> list[str]:
    """The condition ids the guide lists, top to bottom, as a reader sees them."""
    links = tab.locator("[data-app-guide-list] > li:visible > a")
    return [h.rstrip("/").rsplit("/", 1)[-1] for h in links.evaluate_all("els => els.map(a => a.getAttribute('href'))")]


# Readers' answers, one tick after another: each tick must keep or shorten the list.
ANSWER_SEQUENCES = [
    ["Lower back", "Bending forward", "A dull ache", "Stiffness"],
    ["Outer hip", "Lying on the painful side", "A dull ache", "Tender to touch"],
    ["Buttock", "Back of thigh", "Below the knee", "Shooting pain down the leg", "Sitting for a long time"],
    ["Groin", "Walking", "Putting weight on the leg", "Sharp pain"],
    ["Lower back", "Buttock", "Resting, or at night", "Stiffness"],
]


@pytest.mark.parametrize("answers", ANSWER_SEQUENCES, ids=lambda a: " + ".join(a))
def test_each_answer_in_the_guide_keeps_or_shortens_the_list(page, site_url, answers):
    tab, watch = page
    tab.goto(site_url + "/hip-or-back/")
    assert tab.locator("[data-app-guide]").is_visible()
    assert shown_in_guide(tab) == [], "before any answer the list waits for one"
    before: set[str] | None = None
    for label in answers:
        tab.get_by_label(label, exact=True).check()
        now = shown_in_guide(tab)
        if before is not None:
            assert set(now) <= before, f"ticking {label!r} added {sorted(set(now) - before)}"
        before = set(now)
    watch.assert_clean()


def test_the_guide_lists_the_common_first_and_the_rare_apart(page, site_url):
    tab, watch = page
    tab.goto(site_url + "/hip-or-back/")
    tab.get_by_label("Lower back", exact=True).check()
    registry = real_registry()
    usual = tab.locator("[data-app-guide-group=usual] li:visible > a")
    rare = tab.locator("[data-app-guide-group=important] li:visible > a")

    def ids(loc):
        return [
            h.rstrip("/").rsplit("/", 1)[-1] for h in loc.evaluate_all("els => els.map(a => a.getAttribute('href'))")
        ]

    assert ids(rare), "rare conditions felt in the lower back are shown in their own group"
    assert all(registry.entries["conditions"][i].model.how_common == "rare" for i in ids(rare))
    assert all(registry.entries["conditions"][i].model.how_common != "rare" for i in ids(usual))
    heading = tab.locator("[data-app-guide-group=important] h4")
    assert heading.is_visible() and "less common but important" in heading.inner_text().lower()
    ranks = [["common", "less-common"].index(registry.entries["conditions"][i].model.how_common) for i in ids(usual)]
    assert ranks == sorted(ranks), "common before less common"
    assert ids(usual)[0] == "non-specific-low-back-pain", "the most common cause of back pain comes first"
    watch.assert_clean()


def test_the_hip_pattern_puts_hip_osteoarthritis_first_and_the_summary_names_the_hip(page, site_url):
    tab, watch = page
    tab.goto(site_url + "/hip-or-back/")
    for label in (
        "Groin",
        "Turning the leg inwards, or putting on shoes and socks",
        "Stiffness in the morning that eases as you move",
    ):
        tab.get_by_label(label, exact=True).check()
    assert shown_in_guide(tab)[0] == "hip-osteoarthritis"
    pointer = tab.locator("[data-app-guide-pointer]").inner_text()
    assert "hip joint" in pointer and "back" not in pointer, pointer
    status = tab.locator("[data-app-guide-status]").inner_text()
    assert "fit" in status and "all your answers" in status
    assert "{" not in status + pointer, "the page's words are filled in: {count}, {place}"
    watch.assert_clean()


def test_a_reader_on_a_phone_sees_each_answer_take_effect_where_they_tapped(page, site_url):
    tab, watch = page
    tab.set_viewport_size({"width": 390, "height": 844})
    tab.goto(site_url + "/hip-or-back/")
    box = tab.get_by_label("Lying on the painful side", exact=True)
    box.scroll_into_view_if_needed()
    box.check()
    status = tab.locator("[data-app-guide-status]")
    assert "fit" in status.inner_text()
    top, bottom = status.evaluate("e => [e.getBoundingClientRect().top, e.getBoundingClientRect().bottom]")
    assert top >= 0 and bottom <= 844, "the live summary is on screen next to the answer just given"
    tab.get_by_role("link", name="See the conditions").click()
    first = tab.locator("[data-app-guide-list] > li:visible").first
    assert first.is_visible() and first.evaluate("e => e.getBoundingClientRect().top") < 844
    assert "greater-trochanteric-pain-syndrome" in first.locator("a").get_attribute("href")
    tab.get_by_role("button", name="Clear my answers").click()
    tab.wait_for_function("document.querySelector('[data-app-guide-status]').textContent.startsWith('Tick what fits')")
    assert shown_in_guide(tab) == []
    watch.assert_clean()


def test_the_guide_answers_can_be_given_by_keyboard(page, site_url):
    tab, watch = page
    tab.goto(site_url + "/hip-or-back/")
    box = tab.get_by_label("Groin")
    box.focus()
    tab.keyboard.press("Space")
    assert box.is_checked()
    first = tab.locator("[data-app-guide-list] > li:not([hidden])").first
    regions = first.get_attribute("data-regions").split()
    assert "groin" in regions
    watch.assert_clean()


def test_the_guide_never_says_you_have_a_condition(built_site: Path):
    soup = BeautifulSoup((built_site / "hip-or-back/index.html").read_text(), "html.parser")
    for card in soup.select(".app-care-card, .app-compare"):  # signs such as "you have sciatica in both legs"
        card.decompose()
    text = " ".join(soup.get_text(" ").lower().split())
    for condition in real_registry().all("conditions"):
        for phrase in ("you have", "you probably have", "you may have", "you might have", "it is"):
            assert f"{phrase} {condition.title.lower()}" not in text
    assert "cannot diagnose you" in text and "cannot tell you what you have" in text


def tab_to(tab, css_class: str, what: str) -> str:
    """Press Tab until a link with `css_class` has focus (at most 80 times); its href."""
    for _ in range(80):
        tab.keyboard.press("Tab")
        if tab.evaluate(f"document.activeElement.classList.contains('{css_class}')"):
            return tab.evaluate("document.activeElement.getAttribute('href')")
    pytest.fail(f"Tab never reached {what}")


def test_a_reader_tabs_to_a_body_map_region_and_opens_it(page, site_url):
    tab, watch = page
    tab.goto(site_url + "/regions/")
    region = tab.locator("a.app-body-map__region").first
    label = region.get_attribute("aria-label")
    assert label and "conditions felt here" in label
    focused = tab_to(tab, "app-body-map__region", "a body-map region")
    stroke = tab.evaluate("getComputedStyle(document.activeElement).strokeWidth")
    assert stroke == "4px", "a focused region is visibly marked"
    region_page = urljoin(tab.url, focused)
    tab.keyboard.press("Enter")
    tab.wait_for_url(re.compile(r"/regions/[a-z-]+/$"))
    assert tab.url == region_page, "Enter opens the focused region's page"
    assert tab.locator("#conditions").is_visible()
    watch.assert_clean()


ANATOMY_PAGES = ["facet-joints", "pelvis", "hip-labrum", "piriformis"]  # one page per diagram


def test_anatomy_labels_are_12_px_or_more_apart_and_inside_the_figure_on_a_phone(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        tab = context.new_page()
        for part in ANATOMY_PAGES:
            tab.goto(f"{site_url}/anatomy/{part}/")
            found = tab.evaluate(
                """() => {
                  const svg = document.querySelector(".app-anat__svg"), box = svg.getBoundingClientRect();
                  const px = svg.viewBox.baseVal.width ? box.width / svg.viewBox.baseVal.width : 1;
                  return [...svg.querySelectorAll(".app-anat__label")].map(t => {
                    const r = t.getBoundingClientRect();
                    return {text: t.textContent, size: parseFloat(getComputedStyle(t).fontSize) * px,
                            inside: r.left >= box.left - 1 && r.right <= box.right + 1 && r.right <= 390,
                            box: [r.left, r.top, r.right, r.bottom]};
                  });
                }"""
            )
            assert found, part
            for k, label in enumerate(found):
                assert label["size"] >= 12, (part, label)
                assert label["inside"], (part, label)
                for other in found[k + 1 :]:
                    (l1, t1, r1, b1), (l2, t2, r2, b2) = label["box"], other["box"]
                    assert r1 <= l2 or r2 <= l1 or b1 <= t2 or b2 <= t1, (part, label["text"], other["text"])
    finally:
        context.close()


def test_a_reader_tabs_to_a_part_in_an_anatomy_diagram_and_opens_it(page, site_url):
    tab, watch = page
    tab.goto(site_url + "/anatomy/piriformis/")
    focused = tab_to(tab, "app-anat__part", "a part of the anatomy diagram")
    stroke = tab.evaluate("getComputedStyle(document.activeElement).strokeWidth")
    assert stroke == "3.5px", "a focused part is visibly marked"
    part_page = urljoin(tab.url, focused)
    assert part_page != tab.url, "the first part reached is another part, a link to its own page"
    tab.keyboard.press("Enter")
    tab.wait_for_url(part_page)  # Enter opens the focused part's page
    assert tab.locator(".app-anat__part--own").count() == 1
    watch.assert_clean()


def test_every_region_is_on_the_body_map_and_in_the_text_list(built_site: Path):
    soup = BeautifulSoup((built_site / "regions/index.html").read_text(), "html.parser")
    on_map = {a["href"] for a in soup.select("a.app-body-map__region")}
    in_list = {a["href"] for a in soup.select(".app-body-map__list a")}
    expected = {f"../regions/{r}/" for r in real_registry().entries["regions"]}
    assert on_map == in_list == expected


def test_an_exercise_page_prints_without_navigation_and_with_everything_needed(page, site_url):
    tab, watch = page
    tab.goto(site_url + "/exercises/bridge/")
    tab.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".md-banner"):
        assert not tab.locator(selector).first.is_visible(), f"{selector} prints"
    for anchor in ("#steps", "#cautions", "#stop"):
        assert tab.locator(anchor).is_visible()
    assert tab.locator(".app-dose").is_visible()
    for size in ("A4", "Letter"):
        pdf = tab.pdf(format=size, print_background=True)
        assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    watch.assert_clean()


def test_glossary_meanings_are_not_repeated_in_every_page(built_site: Path):
    """Terms are marked <abbr>term</abbr>; their meanings are sent once, in assets/glossary.json."""
    html = (built_site / "conditions" / "sciatica" / "index.html").read_text(encoding="utf-8")
    terms = BeautifulSoup(html, "html.parser").select("article abbr")
    assert len(terms) > 10
    assert all(not t.has_attr("title") for t in terms)
    data = json.loads((built_site / "assets" / "glossary.json").read_text(encoding="utf-8"))
    registry = real_registry()
    assert [t[0] for t in data["terms"]] == [e.term for e in registry.all("glossary")]
    forms = {f.lower() for term, _, others in data["terms"] for f in [term, *others]}
    assert {t.get_text().lower() for t in terms} <= forms


def glossary_meaning(text: str) -> str:
    entry = next(
        e for e in real_registry().all("glossary") if text.lower() in {f.lower() for f in [e.term, *e.also_matches]}
    )
    return entry.definition


def test_glossary_terms_show_their_meaning_on_focus_and_hover_and_close_with_escape(page, site_url):
    tab, watch = page
    tab.goto(site_url + "/conditions/sciatica/")
    term = tab.locator("article p abbr.app-term").first
    assert term.get_attribute("tabindex") == "0"
    tip = tab.locator("#app-term-tip[role=tooltip]")
    meaning = glossary_meaning(term.inner_text())

    term.focus()
    tip.wait_for(state="visible", timeout=5_000)
    assert meaning in tip.inner_text()
    assert term.get_attribute("aria-describedby") == "app-term-tip"
    tab.keyboard.press("Escape")
    tip.wait_for(state="hidden", timeout=2_000)
    assert term.get_attribute("aria-describedby") is None

    other = tab.locator("article li abbr.app-term").first
    other.hover()
    tip.wait_for(state="visible", timeout=2_000)
    assert glossary_meaning(other.inner_text()) in tip.inner_text()
    tip.hover()  # the pointer can move onto the tooltip without it closing (WCAG 1.4.13)
    tab.wait_for_timeout(600)
    assert tip.is_visible()
    tab.mouse.move(0, 0)
    tip.wait_for(state="hidden", timeout=2_000)
    watch.assert_clean()


def test_a_glossary_term_explains_itself_when_tapped_on_a_phone(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    try:
        tab = context.new_page()
        tab.goto(site_url + "/conditions/sciatica/")
        term = tab.locator("article p abbr.app-term").first
        term.tap()
        tip = tab.locator("#app-term-tip")
        tip.wait_for(state="visible", timeout=5_000)
        box, term_box = tip.bounding_box(), term.bounding_box()
        assert box and term_box and box["x"] >= 0 and box["x"] + box["width"] <= 390
        tab.locator("article h2").first.tap()
        tip.wait_for(state="hidden", timeout=2_000)
    finally:
        context.close()


def test_every_page_links_to_the_red_flags_page_from_the_banner(built_site: Path):
    pages = [p for p in built_site.rglob("index.html") if "assets" not in p.parts]
    for path in pages:
        banner = BeautifulSoup(path.read_text(), "html.parser").select_one(".md-banner a.app-urgent-banner__link")
        assert banner is not None, path
        target = (path.parent / banner["href"]).resolve()
        assert target == (built_site / "red-flags").resolve(), path


def test_item_pages_carry_structured_data_with_review_dates(built_site: Path):
    soup = BeautifulSoup((built_site / "conditions/sciatica/index.html").read_text(), "html.parser")
    data = json.loads(soup.select_one('script[type="application/ld+json"]').string)
    assert data["@type"] == "MedicalWebPage"
    assert data["about"]["@type"] == "MedicalCondition"
    assert data["lastReviewed"] == str(real_registry().get("conditions", "sciatica").review.last_reviewed)
    assert data["url"].startswith("https://")
    ex = BeautifulSoup((built_site / "exercises/bridge/index.html").read_text(), "html.parser")
    assert json.loads(ex.select_one('script[type="application/ld+json"]').string)["about"]["@type"] == "ExercisePlan"


def test_pages_have_description_canonical_and_sharing_tags(built_site: Path):
    soup = BeautifulSoup((built_site / "conditions/sciatica/index.html").read_text(), "html.parser")
    summary = plain(real_registry().get("conditions", "sciatica").summary)
    assert soup.select_one('meta[name="description"]')["content"] == summary
    assert soup.select_one('link[rel="canonical"]')["href"].endswith("/conditions/sciatica/")
    assert soup.select_one('meta[property="og:title"]')["content"].startswith("Sciatica")
    assert soup.select_one('link[rel="icon"]')["href"].endswith("favicon.svg")
    assert "conditions/sciatica/" in (built_site / "sitemap.xml").read_text()
    missing = BeautifulSoup((built_site / "404.html").read_text(), "html.parser")
    assert "Page not found" in missing.get_text()
    assert missing.select_one('a[href$="red-flags/"]')


def test_comparison_tables_are_on_the_pages_that_need_them(built_site: Path):
    soup = BeautifulSoup((built_site / "hip-or-back/index.html").read_text(), "html.parser")
    captions = [t["aria-label"] for t in soup.select(".app-compare table")]
    assert any("Sciatica" in c and "trochanteric" in c.lower() for c in captions)
    table = soup.select_one(".app-compare table")
    rows = [th.get_text() for th in table.select("tbody th[scope=row]")]
    assert rows[:5] == ["Where it hurts", "What it feels like", "Worse with", "Better with", "Who gets it"]
    # then the warning signs, one row per level (a contact's card gets its own), most urgent first
    levels = [row.split(":")[0] for row in rows[5:]]
    assert levels == sorted(levels, key=["Emergency", "Urgent advice"].index), rows
    assert "Emergency: Call 999 or go to A&E if:" in rows
    assert "Urgent advice: Get help today from NHS 111 or your GP if:" in rows
    # each cell is a real list, and names its condition for a phone's stacked layout
    cells = table.select("tbody td")
    assert all(td.find("ul") for td in table.select("tbody tr:not(.app-compare__signs) td")), "a list shown as text"
    assert {td["data-label"] for td in cells} == {th.get_text() for th in table.select("thead th")}


def test_item_pages_list_their_sections_on_small_screens(browser, site_url, built_site: Path):
    """Pages outside the navigation get no table of contents in the phone menu, so they list
    their sections after the title, as do long pages that ask; where the sidebar shows the table
    of contents, it is hidden."""
    html = (built_site / "conditions" / "sciatica" / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    listed = [a["href"] for a in soup.select("nav.app-page-contents a")]
    sections = [
        "#" + h2["id"] for h2 in soup.select("article h2[id]") if "app-page-contents__title" not in h2.get("class", [])
    ]
    assert listed == sections and "#when-to-get-help" in listed
    # a page in the navigation lists them only when its front matter asks (on_this_page: true)
    assert "app-page-contents" not in (built_site / "glossary" / "index.html").read_text(encoding="utf-8")
    for asked in ("hip-or-back", "red-flags"):
        assert "app-page-contents" in (built_site / asked / "index.html").read_text(encoding="utf-8")

    for width, shown in ((390, True), (959, True), (960, False), (1280, False)):
        context = browser.new_context(viewport={"width": width, "height": 800})
        try:
            tab = context.new_page()
            tab.goto(site_url + "/conditions/sciatica/")
            contents = tab.locator("nav.app-page-contents")
            assert contents.is_visible() == shown
            if shown:
                contents.get_by_role("link", name="When to get help").click()
                tab.wait_for_url("**#when-to-get-help")
                assert tab.locator("#when-to-get-help").is_visible()
        finally:
            context.close()


def test_glossary_meanings_load_only_when_asked_for_or_when_the_reader_starts_tabbing(page, site_url):
    tab, watch = page
    asked: list[str] = []
    tab.on("request", lambda request: asked.append(request.url))
    tab.goto(site_url + "/conditions/sciatica/")
    tab.wait_for_load_state("networkidle")
    assert not [u for u in asked if u.endswith("/assets/glossary.json")], "meanings loaded before anyone asked"
    with tab.expect_response("**/assets/glossary.json"):
        tab.keyboard.press("Tab")
    watch.assert_clean()


def pages_with_tables(site: Path) -> list[str]:
    return sorted(
        str(path.parent.relative_to(site)) + "/"
        for path in site.rglob("index.html")
        if "<table" in path.read_text(encoding="utf-8") and "contributing" not in path.parts
    )


def test_no_table_cell_shows_list_markers_as_text(built_site: Path):
    """A list in a cell must be a real list: "- item. - item" as text is unreadable."""
    found = []
    for url in pages_with_tables(built_site):
        soup = BeautifulSoup((built_site / url / "index.html").read_text(encoding="utf-8"), "html.parser")
        for cell in soup.select("td, th"):
            text = " ".join(s.strip() for s in cell.find_all(string=True, recursive=False)).strip()
            if re.match(r"^[-*+] \S", text) or re.search(r"\S \s*[-*+] \S.*\s[-*+] \S", text):
                found.append(f"/{url}: {text[:60]}")
    assert found == []


# For each table header, the width its longest word needs (in the header's own font) and the
# width the header has for its text: a header narrower than a word breaks it letter by letter.
NARROW_HEADERS_JS = r"""
() => {
  const canvas = document.createElement("canvas").getContext("2d");
  const narrow = [];
  for (const th of document.querySelectorAll("article table th")) {
    if (!th.offsetParent) continue;
    const cs = getComputedStyle(th);
    canvas.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
    const words = th.innerText.split(/\s+/).filter(Boolean);
    const longest = Math.max(0, ...words.map(w => canvas.measureText(w).width));
    const room = th.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
    if (longest > room + 1)
      narrow.push(`${th.innerText.slice(0, 40)} (${Math.round(room)} px for a ${Math.round(longest)} px word)`);
  }
  return narrow;
}
"""


def test_on_a_phone_no_table_header_is_narrower_than_a_word(browser, site_url, built_site: Path):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        tab = context.new_page()
        found = {}
        for url in pages_with_tables(built_site):
            tab.goto(f"{site_url}/{url}")
            narrow = tab.evaluate(NARROW_HEADERS_JS)
            if narrow:
                found[url] = narrow
    finally:
        context.close()
    assert found == {}
