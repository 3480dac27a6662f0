"""Every local link in the built site leads somewhere: each href and src (and each search result)
names a file that exists, and each #fragment names an id on the page it points to.

MkDocs' strict build already checks links written in Markdown; this checks the HTML readers get,
including links made by templates, components and the theme.
"""

from __future__ import annotations

import json
from collections import defaultdict
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from ..served import site_prefix

ORIGIN = "http://site.invalid"
ATTRIBUTES = {"href", "src", "xlink:href", "action", "poster", "data"}


class Page(HTMLParser):
    """The ids a page defines and the local URLs it refers to."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.refs: list[tuple[str, str]] = []  # (tag, url)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (name == "name" and tag == "a"):
                self.ids.add(value)
            elif name in ATTRIBUTES:
                self.refs.append((tag, value))
            elif name == "srcset":
                self.refs += [(tag, part.split()[0]) for part in value.split(",") if part.strip()]

    handle_startendtag = handle_starttag


@cache
def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def resolve(site: Path, prefix: str, base: str, url: str) -> str | None:
    """None when `url` (seen on the page at `base`) resolves, else what is wrong with it."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None  # another site, mailto:, data: ... not local
    target = urlsplit(urljoin(base, url))
    path = unquote(target.path)
    if not path.startswith(prefix):
        return f"points outside the site ({path})"
    rel = path[len(prefix) :]
    file = site / rel
    if rel == "" or rel.endswith("/") or file.is_dir():
        file = file / "index.html"
    if not file.is_file():
        return "no such file"
    fragment = unquote(target.fragment)
    if fragment and file.suffix == ".html" and fragment not in parse(file).ids:
        return f"no id '{fragment}' on {file.relative_to(site).as_posix()}"
    return None


def test_every_local_link_and_fragment_resolves(built_site: Path):
    prefix = site_prefix()
    broken: dict[str, list[str]] = defaultdict(list)
    checked = 0
    pages = sorted(built_site.rglob("*.html"))
    for file in pages:
        rel = file.relative_to(built_site).as_posix()
        base = ORIGIN + prefix + rel
        for tag, url in parse(file).refs:
            checked += 1
            problem = resolve(built_site, prefix, base, url)
            if problem:
                broken[rel].append(f"<{tag}> {url}: {problem}")
    index = built_site / "assets" / "search" / "index.json"
    for doc in json.loads(index.read_text(encoding="utf-8"))["docs"]:
        checked += 1
        problem = resolve(built_site, prefix, ORIGIN + prefix, doc["url"])
        if problem:
            broken["assets/search/index.json"].append(f"result {doc['url']!r}: {problem}")
    lines = [f"Broken local links ({sum(map(len, broken.values()))} of {checked} in {len(pages)} pages):"]
    for page, items in sorted(broken.items()):
        lines.append(f"\n  {page}")
        lines += [f"    {item}" for item in items[:15]]
        if len(items) > 15:
            lines.append(f"    ... and {len(items) - 15} more")
    assert not broken, "\n".join(lines)
