"""One walk over every built page per viewport and theme, shared by the checks that need a real
browser: axe-core's WCAG rules, the skip link, and what each page asks the network for.

Loading a page and running axe on it is the slow part (about 0.6 s a page), so each page is
loaded once per viewport and theme and every check reads the same walk. The walk uses two tabs
in separate contexts (so separate renderer processes): while axe runs in one, the next page
loads in the other.
"""

from __future__ import annotations

import re
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest

from .served import NODE_MODULES, SiteServer

AXE = NODE_MODULES / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
VIEWPORTS = {"phone": {"width": 375, "height": 740}, "desktop": {"width": 1280, "height": 900}}
SCHEMES = {"light": "default", "dark": "slate"}  # Material's names for the two palettes
LOCAL_SCHEMES = ("data", "blob", "about")

# Run to the end any transition (a fading skip link, a colour change) before measuring.
SETTLE = "() => { for (const a of document.getAnimations()) { try { a.finish(); } catch (e) {} } }"

START_AXE = """(tags) => {
  window.__axe = axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]})
    .then(result => result.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map(n => ({target: n.target.join(" "), summary: n.failureSummary}))
    })));
}"""

SKIP_TARGET_FOLLOWS = """() => {
  const el = document.activeElement;
  const content = document.getElementById("__content") || document.querySelector(".md-content");
  return !!el && !!content && (content.contains(el) ||
    !!(content.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING));
}"""

SKIP_LINK = """() => {
  const el = document.activeElement;
  if (!el || !el.matches(".md-skip")) return {found: el ? el.outerHTML.slice(0, 80) : null};
  const r = el.getBoundingClientRect(), cs = getComputedStyle(el);
  return {
    found: "skip",
    seen: r.width >= 1 && r.height >= 1 && r.bottom > 0 && r.top < innerHeight &&
      el.checkVisibility({opacityProperty: true, visibilityProperty: true}),
    ring: (cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) > 0) || cs.boxShadow !== "none",
  };
}"""


class Recorder:
    """What a tab asks the network for and what goes wrong, filed under the page being looked at."""

    def __init__(self, tab, host: str):
        self.host = host
        self.page = ""
        self.navigating = False
        self.findings: dict[str, list[str]] = defaultdict(list)
        self.pending: set[object] = set()
        self.last_activity = time.monotonic()
        tab.on("console", self._console)
        tab.on("pageerror", lambda error: self.add("script errors", str(error)))
        tab.on("request", self._request)
        tab.on("requestfinished", self._done)
        tab.on("requestfailed", self._failed)
        tab.on("response", self._response)

    def add(self, kind: str, what: str) -> None:
        self.findings[kind].append(f"/{self.page}  {what}")

    def _console(self, message) -> None:
        if message.type == "error":
            self.add("console errors", message.text)

    def _request(self, request) -> None:
        self.pending.add(request)
        self.last_activity = time.monotonic()
        url = urlsplit(request.url)
        if url.scheme not in LOCAL_SCHEMES and url.hostname != self.host:
            self.add("requests to another host", request.url)

    def _done(self, request) -> None:
        self.pending.discard(request)
        self.last_activity = time.monotonic()

    def _failed(self, request) -> None:
        self._done(request)
        if self.navigating and request.failure == "net::ERR_ABORTED":
            return  # a late request of the page we are leaving, cut off by our own navigation
        self.add("failed requests", f"{request.url} ({request.failure})")

    def _response(self, response) -> None:
        if response.status >= 400:
            self.add("HTTP errors", f"{response.url} ({response.status})")

    def goto(self, tab, url: str, page: str):
        self.navigating = True
        try:
            response = tab.goto(url)
        finally:
            self.navigating = False
        self.page = page
        return response

    def settle(self, tab, quiet: float = 0.15, limit: float = 10.0) -> None:
        """Wait until no request has been open for `quiet` seconds (a late favicon, a worker)."""
        start = time.monotonic()
        while time.monotonic() - start < limit:
            if not self.pending and time.monotonic() - self.last_activity >= quiet:
                return
            tab.wait_for_timeout(25)
        self.add("requests still open after 10 s", ", ".join(r.url for r in self.pending))


@dataclass
class Walk:
    """Everything one walk found, grouped by heading, one line per finding."""

    viewport: str
    theme: str
    pages: int = 0
    axe: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    problems: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    network: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))


class Lane:
    """One tab in its own context."""

    def __init__(self, browser, viewport: str, theme: str, host: str):
        self.context = browser.new_context(viewport=VIEWPORTS[viewport], color_scheme=theme)
        self.context.add_init_script(path=str(AXE))
        self.tab = self.context.new_page()
        self.recorder = Recorder(self.tab, host)
        self.page: str | None = None  # the page whose axe run is in flight


def walk_site(browser, served: SiteServer, pages: list[str], viewport: str, theme: str, skip_link: bool) -> Walk:
    walk = Walk(viewport, theme, len(pages))
    host = urlsplit(served.origin).hostname
    lanes = [Lane(browser, viewport, theme, host) for _ in range(2)]

    def begin(lane: Lane, page: str) -> None:
        response = lane.recorder.goto(lane.tab, served.page_url(page), page)
        if not response or not response.ok:
            walk.problems["page does not load"].append(f"/{page}: {response and response.status}")
            return
        scheme = lane.tab.evaluate("document.body.getAttribute('data-md-color-scheme')")
        if scheme != SCHEMES[theme]:
            walk.problems[f"{theme} theme not applied"].append(f"/{page}: data-md-color-scheme={scheme}")
            return
        lane.tab.evaluate(SETTLE)
        lane.tab.evaluate(START_AXE, WCAG_TAGS)
        lane.page = page

    def finish(lane: Lane) -> None:
        page, lane.page = lane.page, None
        if page is None:
            return
        for v in lane.tab.evaluate("() => window.__axe"):
            heading = f"{v['id']} [{v['impact']}]: {v['help']}"
            for node in v["nodes"][:3]:
                why = re.sub(r"\s+", " ", node["summary"].replace("Fix any of the following:", "")).strip()
                walk.axe[heading].append(f"/{page}  {node['target']}  -- {why[:300]}")
            if len(v["nodes"]) > 3:
                walk.axe[heading].append(f"/{page}  ... and {len(v['nodes']) - 3} more elements")
        if skip_link:
            problem = check_skip_link(lane.tab)
            if problem:
                walk.problems["skip link"].append(f"/{page}: {problem}")

    try:
        for i, page in enumerate(pages):
            lane = lanes[i % 2]
            finish(lane)
            begin(lane, page)
        for lane in lanes:
            finish(lane)
    finally:
        for lane in lanes:
            for kind, items in lane.recorder.findings.items():
                walk.network[kind] += items
            lane.context.close()
    return walk


def check_skip_link(tab) -> str | None:
    """The first Tab shows "Skip to content"; Enter on it sends the next Tab past the navigation."""
    tab.keyboard.press("Tab")
    tab.evaluate(SETTLE)
    state = tab.evaluate(SKIP_LINK)
    if state["found"] != "skip":
        return f"the first Tab goes to {state['found']}, not to a skip link"
    if not (state["seen"] and state["ring"]):
        return f"the skip link is not visible with a focus ring when focused ({state})"
    tab.keyboard.press("Enter")
    tab.keyboard.press("Tab")
    if not tab.evaluate(SKIP_TARGET_FOLLOWS):
        return "after the skip link, Tab does not go to the page content"
    return None


def report(title: str, findings: dict[str, list[str]], limit: int = 12) -> str:
    """Findings grouped under a heading each, readable in a test failure."""
    lines = [title]
    for heading, items in sorted(findings.items()):
        lines.append(f"\n  {heading} ({len(items)})")
        lines += [f"    {item}" for item in items[:limit]]
        if len(items) > limit:
            lines.append(f"    ... and {len(items) - limit} more")
    return "\n".join(lines)


@pytest.fixture(scope="session")
def site_walk(browser, served, pages) -> Callable[[str, str], Walk]:
    """walk(viewport, theme): the walk over every page, done once per test run."""
    walks: dict[tuple[str, str], Walk] = {}

    def get(viewport: str, theme: str) -> Walk:
        if (viewport, theme) not in walks:
            walks[viewport, theme] = walk_site(browser, served, pages, viewport, theme, skip_link=theme == "light")
        return walks[viewport, theme]

    return get
