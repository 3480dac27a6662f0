"""Every page as readers with different needs meet it.

- axe-core's WCAG 2.0, 2.1 and 2.2 A and AA rules on every built page, at a phone's and a
  desktop's size, in the light and the dark theme: zero violations.
- The keyboard: on every page the first Tab shows a "Skip to content" link that moves focus past
  the navigation; on a set of pages that together hold every kind of control on the site, every
  control is reached by Tab and shows where the focus is; the menu, search and theme switch
  work with Tab and Enter.

Each viewport and theme is one test over every page (tests/site_walk.py walks them), reporting
every finding at the end, grouped by rule.
"""

from __future__ import annotations

from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path

import pytest

from ..site_walk import SCHEMES, SETTLE, VIEWPORTS, report

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("theme", SCHEMES)
@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_every_page_meets_wcag_2_2_aa_by_axe(site_walk, viewport, theme):
    walk = site_walk(viewport, theme)
    text = ""
    if walk.axe:
        text += report(f"axe-core, {viewport}, {theme} theme, {walk.pages} pages:", walk.axe)
    if walk.problems:
        text += "\n" + report("Other problems:", walk.problems)
    assert not walk.axe and not walk.problems, text


# Shared by the keyboard checks: what is focused, can the reader see it, and does it look
# different from when it is not focused (an outline or a box-shadow; on an SVG shape, its stroke).
FOCUS_JS = r"""
(() => {
  const shown = (el) => {
    const r = el.getBoundingClientRect();
    return r.width >= 1 && r.height >= 1 &&
      el.checkVisibility({opacityProperty: true, visibilityProperty: true});
  };
  const inView = (el) => {
    const r = el.getBoundingClientRect();
    return r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
  };
  // Not hidden under something else: the middle of one of its boxes (a link wrapped over two
  // lines has two; an SVG link is as many shapes as it has, drawn or used from a sprite) shows
  // the element itself.
  const uncovered = (el) => {
    const boxes = [...el.getClientRects()];
    if (el instanceof SVGElement)
      for (const shape of el.querySelectorAll("rect, circle, ellipse, path, polygon, use"))
        boxes.push(shape.getBoundingClientRect());
    return boxes.some(r => {
      const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
      const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
      const hit = document.elementFromPoint(x, y);
      return !!hit && (el.contains(hit) || hit.contains(el) || (hit.control && hit.control === el));
    });
  };
  // A visually hidden control (Material's theme switch) shows its focus on its label.
  const face = (el) => {
    if (shown(el)) return el;
    const next = el.nextElementSibling;
    if (next && next.tagName === "LABEL" && shown(next)) return next;
    for (const label of el.labels || []) if (shown(label)) return label;
    return el;
  };
  const look = (el) => {
    const cs = getComputedStyle(el);
    return {outline: cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) > 0
              ? `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}` : "none",
            shadow: cs.boxShadow, stroke: `${cs.stroke} ${cs.strokeWidth}`};
  };
  const unfocused = new Map();
  const remember = (el) => { if (!unfocused.has(el)) unfocused.set(el, look(face(el))); };
  const ring = (el) => {
    const now = look(face(el)), before = unfocused.get(el);
    const svg = el instanceof SVGElement;
    if (!before) return now.outline !== "none" || now.shadow !== "none";
    return (now.outline !== "none" && now.outline !== before.outline) ||
      (now.shadow !== "none" && now.shadow !== before.shadow) || (svg && now.stroke !== before.stroke);
  };
  const describe = (el) => {
    const text = (el.getAttribute("aria-label") || el.innerText || el.getAttribute("title") || "")
      .trim().replace(/\s+/g, " ").slice(0, 40);
    const where = el.getAttribute("href") || el.getAttribute("for") || el.id || "";
    const cls = typeof el.className === "string" ? el.className : el.getAttribute("class") || "";
    return `${el.tagName.toLowerCase()}${cls ? "." + cls.trim().split(/\s+/).join(".") : ""}` +
      `${where ? " [" + where + "]" : ""}${text ? ' "' + text + '"' : ""}`;
  };
  const id = (el) => (el.dataset.kbId = el.dataset.kbId || String(Math.random()).slice(2));
  window.__focus = {shown, inView, uncovered, ring, face, describe, remember, id};
})();
"""

# After a Tab: let transitions end, then where focus is, whether it can be seen, and which
# controls it stands for (ids).
STEP = """() => {
  for (const a of document.getAnimations()) { try { a.finish(); } catch (e) {} }
  const f = window.__focus, el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const face = f.face(el), ids = [f.id(el)];
  // A radio group is one Tab stop; the arrow keys (and, in Material, Enter) choose within it.
  const group = el.type === "radio" && el.name ? [...document.getElementsByName(el.name)] : [el];
  for (const member of group) if (member.id) ids.push("for:" + member.id);
  if (el.tagName === "LABEL" && el.htmlFor) ids.push("for:" + el.htmlFor);
  const r = face.getBoundingClientRect();
  const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return {key: f.describe(el), ids, shown: f.shown(face), inView: f.inView(face),
          over: top && top !== face && !face.contains(top) ? f.describe(top) : "",
          uncovered: f.uncovered(face), ring: f.ring(el), inMenu: !!el.closest(".md-sidebar--primary")};
}"""

# Controls a reader can see and use: each must be reached by Tab (a label that works a hidden
# control counts as reached when that control, or another label for it, has focus). Their
# unfocused look is remembered here, before any Tab.
CONTROLS = """() => {
  const f = window.__focus;
  const sel = 'a[href], button, input:not([type=hidden]), select, textarea, summary, ' +
    '[tabindex]:not([tabindex^="-"]), label[for], iframe, [contenteditable=""], [contenteditable="true"]';
  const all = [...document.querySelectorAll(sel)];
  all.forEach(f.remember);
  return all
    .filter(el => !el.disabled && !el.closest("[inert]") && f.shown(el))
    // A label is a control of its own when it looks clickable and works a hidden control
    // (Material's menu and theme buttons); other labels are titles.
    .filter(el => el.tagName !== "LABEL" || el.tabIndex >= 0 ||
      (getComputedStyle(el).cursor === "pointer" && (!el.control || !f.shown(el.control))))
    .map(el => ({id: f.id(el), key: f.describe(el), serves: el.tagName === "LABEL" ? (el.htmlFor || "") : ""}));
}"""


def new_tab(browser, viewport: str, theme: str = "light"):
    context = browser.new_context(viewport=VIEWPORTS[viewport], color_scheme=theme)
    context.add_init_script(FOCUS_JS)
    return context, context.new_page()


class ControlKinds(HTMLParser):
    """The kinds of control on a page: tag, type and classes of each thing a reader can operate."""

    def __init__(self) -> None:
        super().__init__()
        self.kinds: set[tuple[str, str, str]] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if (
            (tag == "a" and "href" in a)
            or tag in ("button", "input", "select", "textarea", "summary", "iframe")
            or (tag == "label" and "for" in a)
            or "tabindex" in a
            or (tag == "abbr" and "title" not in a)  # a glossary term, made focusable by app.js
        ):
            classes = " ".join(sorted(c for c in (a.get("class") or "").split() if "--active" not in c))
            self.kinds.add((tag, a.get("type") or "", classes))


def pages_with_every_kind_of_control(site: Path, all_pages: list[str]) -> list[str]:
    """A few pages that together hold every kind of control on the site, plus the home page, a
    section's index page and the 404 page (their navigation differs): found from the built
    pages, so a new component or page type is covered by itself."""
    kinds = {}
    for page in all_pages:
        parser = ControlKinds()
        file = site / page / "index.html" if page == "" or page.endswith("/") else site / page
        parser.feed(file.read_text(encoding="utf-8"))
        kinds[page] = parser.kinds
    chosen = [p for p in ("", "404.html") if p in kinds]
    chosen += [p for p in all_pages if p.count("/") == 1 and p.endswith("/")][:1]
    seen = set().union(*(kinds[p] for p in chosen))
    while True:
        best = max((p for p in all_pages if p not in chosen), key=lambda p: len(kinds[p] - seen), default=None)
        if best is None or not kinds[best] - seen:
            return chosen
        chosen.append(best)
        seen |= kinds[best]


def walk_with_tab(tab, limit: int = 1000) -> tuple[list[dict], set[str]]:
    """Press Tab from the top of the page until focus leaves the page or comes round again."""
    stops, reached = [], set()
    for _ in range(limit):
        tab.keyboard.press("Tab")
        state = tab.evaluate(STEP)
        if state is not None and not state["uncovered"]:
            # judged again a moment later: something that only passes over the control while
            # focus moves (a tooltip closing) is not what a reader is left looking at
            tab.wait_for_timeout(400)
            state = tab.evaluate(STEP)
        if state is None or state["ids"][0] in reached:
            break
        reached.update(state["ids"])
        stops.append(state)
    return stops, reached


@pytest.fixture(scope="module")
def control_sample(built_site: Path, pages: list[str]) -> list[str]:
    """pages_with_every_kind_of_control, worked out once for both viewports."""
    return pages_with_every_kind_of_control(built_site, pages)


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_every_control_is_reached_by_tab_and_shows_focus(browser, served, control_sample, viewport):
    sample = control_sample
    context, tab = new_tab(browser, viewport)
    findings: dict[str, list[str]] = defaultdict(list)
    try:
        for page in sample:
            tab.goto(served.page_url(page))
            tab.evaluate(SETTLE)
            controls = tab.evaluate(CONTROLS)
            stops, reached = walk_with_tab(tab)
            for stop in stops:
                where = f"/{page}  {stop['key']}"
                if not (stop["shown"] and stop["inView"]):
                    findings["focus lands on something the reader cannot see"].append(where)
                elif not stop["uncovered"]:
                    findings["focus lands on something covered by something else"].append(
                        f"{where} (under {stop['over']})"
                    )
                elif not stop["ring"]:
                    findings["no visible focus indicator (outline or box-shadow)"].append(where)
            for control in controls:
                if control["id"] not in reached and f"for:{control['serves']}" not in reached:
                    findings["not reachable with Tab"].append(f"/{page}  {control['key']}")
    finally:
        context.close()
    assert not findings, report(f"Keyboard, {viewport}, pages {', '.join('/' + p for p in sample)}:", findings)


def tab_to(tab, selector: str, limit: int = 60, backwards: bool = False) -> None:
    for _ in range(limit):
        tab.keyboard.press("Shift+Tab" if backwards else "Tab")
        if tab.evaluate("(s) => !!document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reaches {selector}")


def a_condition(all_pages: list[str]) -> str:
    found = [p for p in all_pages if p.startswith("conditions/") and p != "conditions/"]
    assert found, "no condition pages"
    return found[0]


def seen_with_focus(state: dict | None) -> bool:
    return bool(state and state["shown"] and state["inView"] and state["uncovered"] and state["ring"])


def walk_open_menu(tab, what: str) -> list[str]:
    """Tab round the open menu once: every stop inside it, seen, with a focus indicator."""
    problems, seen = [], set()
    for _ in range(300):
        tab.keyboard.press("Tab")
        state = tab.evaluate(STEP)
        if state is None or state["ids"][0] in seen:
            break
        seen.add(state["ids"][0])
        if not state["inMenu"]:
            problems.append(f"with {what} open, Tab leaves the menu for {state['key']}")
            break
        if not seen_with_focus(state):
            problems.append(f"with {what} open, a stop cannot be seen or shows no focus: {state}")
    return problems


def test_the_menu_works_with_the_keyboard_on_a_phone(browser, served):
    """Enter on the menu button opens the drawer and moves focus into it; Tab stays in it and
    every stop can be seen; its panels open and close with Enter; Escape closes it and
    returns focus to the button; Enter on a link follows it."""
    context, tab = new_tab(browser, "phone")
    problems: list[str] = []
    try:
        # a page in the navigation, with sections: the menu shows its sections panel
        tab.goto(served.page_url("red-flags/"))
        tab.evaluate(CONTROLS)
        tab_to(tab, "label[for=__drawer]")
        tab.keyboard.press("Enter")
        tab.wait_for_function("document.getElementById('__drawer').checked")
        first = tab.evaluate(STEP)
        if not (first and first["inMenu"]):
            problems.append(f"opening the menu leaves focus outside it: {first and first['key']}")
        problems += walk_open_menu(tab, "the menu")
        # The page's own sections panel, and back to the panel above
        tab_to(tab, ".md-sidebar--primary label[for=__toc]")
        tab.keyboard.press("Enter")
        tab.wait_for_function("document.getElementById('__toc').checked")
        problems += walk_open_menu(tab, "the page's sections")
        tab_to(tab, ".md-sidebar--primary label.md-nav__title[for=__toc]")
        tab.keyboard.press("Enter")
        tab.wait_for_function("!document.getElementById('__toc').checked")
        state = tab.evaluate(STEP)
        if not (seen_with_focus(state) and state["key"].startswith("label") and "__toc" in state["key"]):
            problems.append(f"after going back from the page's sections, focus is on {state}")
        # Escape closes the menu and returns to its button
        tab.keyboard.press("Escape")
        tab.wait_for_function("!document.getElementById('__drawer').checked")
        if not tab.evaluate("document.activeElement.matches('label[for=__drawer]')"):
            problems.append("after Escape, focus is not back on the menu button")
        # Open it again and follow a link
        tab.keyboard.press("Enter")
        tab.wait_for_function("document.getElementById('__drawer').checked")
        tab_to(tab, ".md-sidebar--primary a.md-nav__link[href]:not([href^='#'])")
        href = tab.evaluate("document.activeElement.href")
        tab.keyboard.press("Enter")
        tab.wait_for_url(href.split("#")[0] + "*")
    finally:
        context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_search_works_with_the_keyboard(browser, served, pages, viewport):
    context, tab = new_tab(browser, viewport)
    try:
        condition = a_condition(pages)
        tab.goto(served.page_url(""))
        tab_to(tab, ".app-search-button")
        tab.keyboard.press("Enter")
        tab.wait_for_function("document.activeElement && document.activeElement.type === 'search'")
        # The whole title, less its permalink (a glossary term in it is an element of its own).
        title = tab.evaluate(
            "(url) => fetch(url).then(r => r.text()).then(t => {"
            " const h1 = new DOMParser().parseFromString(t, 'text/html').querySelector('h1');"
            " h1.querySelectorAll('.headerlink').forEach(a => a.remove());"
            " return h1.textContent.trim(); })",
            served.page_url(condition),
        )
        tab.keyboard.type(title)
        results = tab.get_by_role("list", name="Results").get_by_role("link")
        results.first.wait_for(timeout=15_000)
        assert condition in results.first.get_attribute("href")
        # the Down arrow reaches the results, Escape closes the dialog and focus goes back to the button
        tab.keyboard.press("ArrowDown")
        assert tab.evaluate("document.activeElement.closest('ol') !== null")
        tab.keyboard.press("ArrowUp")
        tab.keyboard.press("Escape")
        tab.wait_for_function("document.activeElement && document.activeElement.matches('.app-search-button')")
        tab.keyboard.press("Enter")
        tab.keyboard.press("Enter")  # Enter in the search box opens the best result
        tab.wait_for_url(f"**/{condition}*")
    finally:
        context.close()


def test_the_theme_switch_works_with_the_keyboard_and_is_remembered(browser, served):
    context, tab = new_tab(browser, "desktop")
    try:
        tab.goto(served.page_url(""))
        assert tab.evaluate("document.body.dataset.mdColorScheme") == "default"
        tab_to(tab, "input.md-option")
        tab.keyboard.press("Enter")
        tab.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
        state = tab.evaluate(STEP)
        assert state and state["shown"] and state["ring"], f"focus is lost or unseen after switching: {state}"
        tab.reload()
        assert tab.evaluate("document.body.dataset.mdColorScheme") == "slate"
    finally:
        context.close()
