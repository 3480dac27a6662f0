"""MkDocs hook: Material's own markup, mended where no template block reaches. Each fix used to
be a whole copied template; here each is one listed change to the HTML Material writes, so an
upgrade of Material changes nothing else. The build fails, naming the fix, when one no longer
finds Material's text: on any page for a fix every page needs, or on a page that has the part
(`present`) for a fix that only some pages need.

Why each exists:

- header: the menu button of small screens is a label, which a keyboard cannot
  reach: it gets tabindex="0" (Material's script presses a focused label on Enter) and a name.
- toggles: no autocomplete="off" on the drawer and search checkboxes (invalid on a checkbox;
  Material writes the search one even without its search plugin, and its script closes both on
  every page load anyway).
- content id and skip link: the content area gets id="__content", and a page with no headings
  (the 404 page) skips there, so every page has a skip link.
- menu labels: in the small-screen menu, the labels that move between panels (open a section,
  back to the panel above, open the page's sections) are reachable with Tab and say what they do.
- descriptions: a page's description is escaped, so a quote in it cannot end the attribute.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from markupsafe import escape


@dataclass(frozen=True)
class Fix:
    name: str
    pattern: re.Pattern[str]
    replacement: str
    present: re.Pattern[str] | None = None  # only pages that have this part need the fix; None: every page


def _label(for_id: str, name: str) -> Fix:
    """A header button (a label for a checkbox) that a keyboard can reach, with a name."""
    return Fix(
        f"header {for_id}",
        re.compile(rf'(<label class="md-header__button md-icon" for="{for_id}")>(\s*<svg.*?</svg>)(\s*)</label>', re.S),
        rf'\1 tabindex="0" title="{name}">\2\3<span class="app-visually-hidden">{name}</span>\3</label>',
    )


FIXES: tuple[Fix, ...] = (
    _label("__drawer", "Menu"),
    Fix("toggles", re.compile(r' (id="__(?:drawer|search)") autocomplete="off">'), r" \1>"),
    Fix(
        "content id",
        re.compile(r'<div class="md-content" data-md-component="content">'),
        '<div class="md-content" data-md-component="content" id="__content">',
    ),
    Fix(
        "skip link",
        re.compile(r'(<div data-md-component="skip">)(\s*)(</div>)'),
        r'\1\2<a href="#__content" class="md-skip">Skip to content</a>\2\3',
        present=re.compile(r'<div data-md-component="skip">\s*</div>'),
    ),
    Fix(
        "menu: a section's buttons",
        # the icon-only label that opens a section's panel, then that panel's title, which goes back
        re.compile(
            r'(<label class="md-nav__link [^"]*" for="(__nav_[\w]+)" id="\2_label" tabindex="[^"]*">\s*'
            r'<span class="md-nav__icon md-icon"></span>)(\s*</label>\s*</div>\s*'
            r'<nav class="md-nav" data-md-level="\d+" aria-labelledby="\2_label"[^>]*>\s*)'
            r'<label class="md-nav__title" for="\2">'
            r'(\s*<span class="md-nav__icon md-icon"></span>)(\s*)([^<]+?)(\s*</label>)'
        ),
        r'\1<span class="app-visually-hidden">Pages in \6</span>\3<label class="md-nav__title" for="\2" tabindex="0">'
        r'\4<span class="app-visually-hidden">Back from</span>\5\6\7',
        present=re.compile(r'id="__nav_\w+_label"'),
    ),
    Fix(
        "menu: the page's sections",
        re.compile(r'<label class="md-nav__link md-nav__link--active" for="__toc">'),
        '<label class="md-nav__link md-nav__link--active" for="__toc" tabindex="0">'
        '<span class="app-visually-hidden">Sections of</span>',
        present=re.compile(r'id="__toc">\s*<label'),  # a page in the menu that has sections
    ),
)


_missed: dict[str, int] = {}  # fix name -> pages where it should have changed Material's text


def apply(html: str) -> str:
    """Every fix, applied to one page's HTML; notes any fix that should have applied and did not."""
    for fix in FIXES:
        html, count = fix.pattern.subn(fix.replacement, html)
        needed = fix.present is None or fix.present.search(html)
        if not count and needed:
            _missed[fix.name] = _missed.get(fix.name, 0) + 1
    return html


def unmatched() -> list[str]:
    """Fixes that did not find Material's text where they should have, this build."""
    return sorted(_missed)


def on_config(config: Any) -> Any:
    _missed.clear()
    if config.get("site_description"):
        config["site_description"] = escape(config["site_description"])
    return config


def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> Any:  # noqa: ARG001 - hook signature
    if page.meta.get("description"):
        page.meta["description"] = escape(page.meta["description"])
    return context


def on_post_page(output: str, page: Any, config: Any) -> str:  # noqa: ARG001 - hook signature
    return apply(output)


def on_post_template(output_content: str, template_name: str, config: Any) -> str:  # noqa: ARG001
    # the 404 page is a template of its own, not a page; the sitemap is not HTML
    return apply(output_content) if template_name.endswith(".html") else output_content


def on_post_build(config: Any) -> None:  # noqa: ARG001 - hook signature
    missing = unmatched()
    if missing:
        from mkdocs.exceptions import PluginError

        raise PluginError(
            "Material's markup has changed: these fixes in macros/mkdocs/material_html.py no longer find "
            f"their text: {', '.join(missing)}. Update each pattern to the new markup."
        )
