"""Preview: `python -m macros preview` shows a reviewer the pages a change touches.

    python -m macros preview --site site --out preview --base HEAD^1
    python -m macros preview --site site --out preview --files content_data/conditions/sciatica.yaml

It works out which pages of the built site (`--site`) a set of changed files affects, takes a
screenshot of each (wide screen and phone, headless Chromium) into `--out`, and writes a Markdown
summary: to `--summary`, to $GITHUB_STEP_SUMMARY when run in GitHub Actions, and to the screen.

How a changed file maps to pages:

- `content_data/<kind>/<id>.yaml`: the item's own page; for a kind without pages (sources,
  glossary, warning signs) the pages of items that refer to it, else pages whose text mentions
  its title.
- `docs/<path>.md`: that page.
- `macros/pages/templates/pages/<kind>.md`: the first page of that kind, as an example.
- anything else the site is built from (styles, overrides, macros, mkdocs.yml): the home page
  and the first page of each kind, as a sample of a site-wide change.
- other files (tests, workflows, READMEs): not shown on the site; listed as such.
"""

from __future__ import annotations

import argparse
import functools
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..content.errors import ContentError
from ..content.kinds import KINDS, PAGE_KINDS
from ..content.registry import Registry, build
from ..devtools import find_browser, serve
from ..pages.render import PAGE_TEMPLATES
from ..pages.text import plain, table_cell

ROOT = Path(__file__).resolve().parents[2]
VIEWPORTS = {"desktop": (1280, 900), "phone": (390, 844)}
SITE_WIDE = ("docs/assets/", "overrides/", "macros/", "mkdocs.yml", "requirements.txt")
MENTION_LIMIT = 3  # pages to show for an item that has no page and that nothing refers to
REASONS_SHOWN = 3  # changed files named per page in the summary
ADDRESSES_SHOWN = 20  # pages named in the summary beyond the limit


@dataclass
class PagePlan:
    """One page to show, and the changed files that lead to it."""

    url: str  # as served: "" for the home page, "conditions/sciatica/" for an item
    title: str
    reasons: list[str] = field(default_factory=list)
    screenshots: list[str] = field(default_factory=list)


@dataclass
class Plan:
    pages: dict[str, PagePlan] = field(default_factory=dict)
    over_limit: list[str] = field(default_factory=list)  # urls left out
    not_pages: list[str] = field(default_factory=list)  # changed files not shown on the site
    notes: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- changed files


def changed_files(base: str, root: Path = ROOT) -> list[str]:
    """Files changed between `base` and HEAD (for a pull request's merge commit: HEAD^1)."""
    done = subprocess.run(
        ["git", "diff", "--name-only", "--no-renames", base, "HEAD"], cwd=root, capture_output=True, text=True
    )
    if done.returncode != 0:
        raise SystemExit(f"git diff against '{base}' failed: {done.stderr.strip()}")
    return [line for line in done.stdout.splitlines() if line.strip()]


# --------------------------------------------------------------------------- mapping


def docs_url(doc: str) -> str:
    """docs-relative Markdown path -> served URL path: 'index.md' -> '', 'a/b.md' -> 'a/b/'."""
    stem = doc.removesuffix(".md")
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def page_title(site: Path, url: str) -> str | None:
    """The page's main heading in the built site, or None if the page was not built."""
    html = site / url / "index.html"
    if not html.is_file():
        return None
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
    heading = soup.select_one("article h1") or soup.find("h1") or soup.find("title")
    if heading is None:
        return url or "Home"
    for permalink in heading.select(".headerlink"):
        permalink.decompose()
    return " ".join(heading.get_text().split())


def plan_pages(changed: list[str], site: Path, registry: Registry | None, docs: Path, limit: int = 12) -> Plan:
    """Which pages of the built site to show for these changed files, most direct first."""
    _page_texts.cache_clear()  # the site may have been rebuilt since the last plan
    plan = Plan()
    wanted: list[tuple[str, str]] = []  # (url, reason), in priority order
    samples: list[tuple[str, str]] = []

    for path in changed:
        parts = path.split("/")
        if parts[0] == "content_data" and len(parts) == 3 and parts[2].endswith(".yaml"):
            wanted += _content_pages(parts[1], parts[2].removesuffix(".yaml"), path, site, registry, plan)
        elif parts[0] == "docs" and path.endswith(".md"):
            wanted.append((docs_url("/".join(parts[1:])), f"changed: {path}"))
        elif path.startswith("macros/pages/templates/pages/") and path.endswith(".md"):
            kinds = _kinds_using_template(path.removeprefix("macros/pages/templates/"))
            for kind in kinds:
                first = _first_page(kind, registry, docs)
                if first is not None:
                    wanted.append((first, f"example of every {kind} page: {path} changed"))
            if not kinds:
                samples += [(url, f"sample of a site-wide change: {path}") for url in _sample(registry, docs)]
        elif path.startswith(SITE_WIDE):
            samples += [(url, f"sample of a site-wide change: {path}") for url in _sample(registry, docs)]
        else:
            plan.not_pages.append(path)

    for url, reason in wanted + samples:
        if url in plan.pages:
            if reason not in plan.pages[url].reasons and not reason.startswith("sample"):
                plan.pages[url].reasons.append(reason)
            continue
        if url in plan.over_limit:
            continue
        title = page_title(site, url)
        if title is None:
            plan.notes.append(f"/{url} ({reason.split(': ', 1)[-1]}) is not in the built site")
            continue
        if len(plan.pages) >= limit:
            plan.over_limit.append(url)
            continue
        plan.pages[url] = PagePlan(url=url, title=title, reasons=[reason])
    return plan


def _content_pages(
    kind: str, item_id: str, path: str, site: Path, registry: Registry | None, plan: Plan
) -> list[tuple[str, str]]:
    if kind not in KINDS:
        plan.not_pages.append(path)
        return []
    entry = registry.entries.get(kind, {}).get(item_id) if registry else None
    if kind in PAGE_KINDS:
        if not (site / kind / item_id / "index.html").is_file():
            plan.notes.append(f"{path}: its page is not in the built site (removed, or renamed?)")
            return []
        return [(f"{kind}/{item_id}/", f"changed: {path}")]
    if registry is None or entry is None:
        plan.notes.append(f"{path}: removed, or could not be read; no page to show")
        return []
    # An item without a page of its own: the pages of the items that use it, then a few pages
    # that show its words (a red flag on the red-flags page, a glossary word where it is used).
    users = [f"{u.kind}/{u.id}/" for users_of_kind in entry.back.values() for u in users_of_kind if u.has_page]
    shown = [url for url in pages_mentioning(site, _label(entry.model)) if url not in users]
    return [(url, f"uses {path}") for url in users] + [(url, f"shows {path}") for url in shown[:MENTION_LIMIT]]


def _label(model: Any) -> str:
    """The words of an item a reader would see on a page (its label), as plain text."""
    return plain(str(model.label))


def pages_mentioning(site: Path, text: str) -> list[str]:
    """URLs of built pages whose main text contains `text` (case-insensitive)."""
    needle = text.lower()
    return [url for url, words in _page_texts(site) if needle in words]


@functools.cache
def _page_texts(site: Path) -> tuple[tuple[str, str], ...]:
    """(URL, main text in lower case) of every built page, read once per plan however many
    items changed."""
    from bs4 import BeautifulSoup

    texts = []
    for html in sorted(site.rglob("index.html")):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        main = soup.select_one("article") or soup.body
        rel = html.parent.relative_to(site).as_posix()
        texts.append(("" if rel == "." else rel + "/", main.get_text(" ", strip=True).lower() if main else ""))
    return tuple(texts)


def _kinds_using_template(template: str) -> list[str]:
    """Kinds whose pages are rendered with a page template (e.g. 'pages/condition.md')."""
    return [kind for kind, name in PAGE_TEMPLATES.items() if name == template]


def _first_page(kind: str, registry: Registry | None, docs: Path) -> str | None:
    if registry is not None and kind in registry.entries and registry.entries[kind]:
        first = registry.all(kind)[0]
        return f"{kind}/{first.id}/"
    pages = sorted(p for p in (docs / kind).glob("*.md") if p.name != "index.md") if (docs / kind).is_dir() else []
    return f"{kind}/{pages[0].stem}/" if pages else None


def _sample(registry: Registry | None, docs: Path) -> list[str]:
    urls = [""]
    for kind in PAGE_KINDS:
        first = _first_page(kind, registry, docs)
        if first:
            urls.append(first)
    return urls


# --------------------------------------------------------------------------- screenshots


def slug(url: str) -> str:
    return url.strip("/").replace("/", "--") or "home"


def take_screenshots(site: Path, plan: Plan, out: Path) -> None:
    """A full-page screenshot of each planned page at each viewport, into `out`."""
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    with serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=find_browser(), args=["--headless", "--no-sandbox"])
        try:
            for name, (width, height) in VIEWPORTS.items():
                context = browser.new_context(viewport={"width": width, "height": height})
                tab = context.new_page()
                for page in plan.pages.values():
                    tab.goto(base + page.url, wait_until="load")
                    file = f"{slug(page.url)}--{name}.png"
                    tab.screenshot(path=str(out / file), full_page=True)
                    page.screenshots.append(file)
                context.close()
        finally:
            browser.close()


# --------------------------------------------------------------------------- summary


def summary_markdown(plan: Plan, artifact: str = "screenshots", site_artifact: str = "site") -> str:
    lines = ["## Preview of this change", ""]
    if plan.pages:
        count = len(plan.pages)
        lines += [
            f"This change affects **{count} page{'s' if count != 1 else ''}** shown below. "
            f"Screenshots (wide screen and phone) are in the **{artifact}** artifact, and the whole built "
            f"site is in the **{site_artifact}** artifact: scroll to *Artifacts* at the bottom of this page "
            "to download them.",
            "",
            "| Page | Address | Why it is shown | Screenshots |",
            "| --- | --- | --- | --- |",
        ]
        for page in plan.pages.values():
            shots = "<br>".join(f"`{s}`" for s in page.screenshots) or "(not taken)"
            why = "<br>".join(table_cell(r) for r in page.reasons[:REASONS_SHOWN])
            if len(page.reasons) > REASONS_SHOWN:
                why += f"<br>and {len(page.reasons) - REASONS_SHOWN} more changed files"
            lines.append(f"| {table_cell(page.title)} | `/{page.url}` | {why} | {shots} |")
        lines.append("")
    else:
        lines += ["This change does not affect any page of the site.", ""]
    if plan.over_limit:
        listed = ", ".join(f"`/{u}`" for u in plan.over_limit[:ADDRESSES_SHOWN])
        more = len(plan.over_limit) - ADDRESSES_SHOWN
        lines += [
            f"Also affected, but not shown to keep this short: {listed}" + (f" and {more} more." if more > 0 else "."),
            "",
        ]
    if plan.notes:
        lines += ["Notes:", "", *(f"- {table_cell(n)}" for n in plan.notes), ""]
    if plan.not_pages:
        lines += [
            "Changed files that are not shown on the site: " + ", ".join(f"`{f}`" for f in plan.not_pages) + ".",
            "",
        ]
    return "\n".join(lines).rstrip() + "\n"


# --------------------------------------------------------------------------- command


def run(args: argparse.Namespace) -> int:
    root = Path(args.root)
    site = Path(args.site)
    if not (site / "index.html").is_file():
        print(f"no built site in {site}: run `mkdocs build --strict --site-dir {site}` first", file=sys.stderr)
        return 1
    changed = args.files if args.files is not None else changed_files(args.base, root)
    try:
        registry: Registry | None = build(root / "content_data")
    except ContentError:
        registry = None  # the check job reports the problems; show what can be shown
    plan = plan_pages(changed, site, registry, root / "docs", args.limit)
    if plan.pages and not args.no_screenshots:
        take_screenshots(site, plan, Path(args.out))
    text = summary_markdown(plan, args.artifact, args.site_artifact)
    targets = [args.summary] if args.summary else []
    if os.environ.get("GITHUB_STEP_SUMMARY"):
        targets.append(os.environ["GITHUB_STEP_SUMMARY"])
    for target in targets:
        with open(target, "a", encoding="utf-8") as handle:
            handle.write(text)
    sys.stdout.write(text)
    return 0


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("preview", help="screenshot the pages a change touches and summarise them")
    p.add_argument("--site", default=str(ROOT / "site"), help="the built site (default: site)")
    p.add_argument(
        "--out", default=str(ROOT / ".cache" / "preview"), help="folder for the screenshots (default: .cache/preview)"
    )
    which = p.add_mutually_exclusive_group()
    which.add_argument("--base", default="HEAD^1", help="compare HEAD with this commit (default: HEAD^1)")
    which.add_argument("--files", nargs="*", help="the changed files, instead of asking git")
    p.add_argument("--limit", type=int, default=12, help="most pages to show (default: 12)")
    p.add_argument("--no-screenshots", action="store_true", help="only work out the pages and the summary")
    p.add_argument("--summary", help="also append the Markdown summary to this file")
    p.add_argument("--artifact", default="screenshots", help=argparse.SUPPRESS)
    p.add_argument("--site-artifact", default="site", help=argparse.SUPPRESS)
    p.add_argument("--root", default=str(ROOT), help=argparse.SUPPRESS)
    p.set_defaults(run=run)
