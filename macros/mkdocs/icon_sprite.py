"""MkDocs hook: the theme's icons sent once, in a cached file, instead of inside every page.

Material writes each icon (menu, search, theme switch, repository, edit, back to top) into every
page as inline SVG: about 1.4 KiB of each page, compressed. This hook replaces each of those
icons with a reference to the same drawing in assets/icons.svg, which the browser fetches once
and caches (`<svg viewBox=...><use href="assets/icons.svg#i-..."/></svg>`). Only SVGs written
exactly as Material writes its icons (one path, no attributes but viewBox) are replaced; the
site's own drawings, such as the body map, are left alone. Icons keep their licence comments,
in the sprite.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

SPRITE = "assets/icons.svg"
_ICON = re.compile(
    r'<svg xmlns="http://www.w3.org/2000/svg" viewBox="(?P<box>[^"]*)">'
    r'(?P<body>(?:<!--.*?-->)?<path d="[^"]*"/>)</svg>',
    re.S,
)
_symbols: dict[str, tuple[str, str]] = {}


def use_sprite(html: str, root: str) -> str:
    """`html` with each theme icon replaced by a reference into the sprite at `root` + SPRITE."""

    def reference(match: re.Match[str]) -> str:
        box, body = match.group("box"), match.group("body")
        name = "i-" + hashlib.sha1(f"{box}{body}".encode()).hexdigest()[:10]
        _symbols[name] = (box, body)
        return f'<svg viewBox="{box}"><use href="{root}{SPRITE}#{name}"/></svg>'

    return _ICON.sub(reference, html)


def sprite() -> str:
    symbols = "".join(
        f'<symbol id="{n}" viewBox="{box}">{body}</symbol>' for n, (box, body) in sorted(_symbols.items())
    )
    return f'<svg xmlns="http://www.w3.org/2000/svg">{symbols}</svg>\n'


def on_pre_build(config: Any) -> None:
    _symbols.clear()


def on_post_page(output: str, page: Any, config: Any) -> str:
    return use_sprite(output, "../" * page.url.count("/"))


def on_post_build(config: Any) -> None:
    path = Path(config["site_dir"]) / SPRITE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(sprite(), encoding="utf-8")
