"""The two Material templates we still copy whole, and the listed changes that make our copies.

Every other fix to Material's markup is one change in macros/mkdocs/material_html.py (a hook).
These two stay copies because their changes need the template's own data: the page's table of
contents and whether the page is in the navigation. tests/mkdocs/test_overrides.py re-applies the
changes to the installed Material's file and compares; after a Material upgrade,
`python -m macros.mkdocs.material_copies` rewrites both copies from the installed Material, and
the diff shows what changed.
"""

from __future__ import annotations

from pathlib import Path

import material

ROOT = Path(__file__).resolve().parents[2]
MATERIAL = Path(material.__file__).parent / "templates"
GENERATED = "{#-\n  This file was automatically generated - do not edit\n-#}\n"

# file -> (why, [(Material's text, ours)])
CHANGES: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "partials/content.html": (
        """\
- an "On this page" list after the title of pages outside the navigation (item pages), whose
  table of contents the small-screen menu cannot show (overrides/partials/page-contents.html).""",
        [("{{ page.content }}", '{% include "partials/page-contents.html" %}')],
    ),
    "partials/toc.html": (
        """\
- the title points at the __toc toggle only where the navigation renders one: a page outside
  the navigation (item pages) and a section's index page (navigation.indexes) have none, and a
  label for a missing control is invalid;
- in the small-screen menu the title, which goes back a panel, is reachable with Tab.""",
        [
            (
                """\
  {% if toc %}
    <label class="md-nav__title" for="__toc">""",
                """\
  {% if toc %}
    {% set index_of = page.parent.children | selectattr("is_index") | first if page.parent else none %}
    {% set in_nav = page in nav.pages %}
    {% set has_toggle = in_nav and not ("navigation.indexes" in features and index_of == page) %}
    {#- In the small-screen menu (included by nav-item.html) the title goes back a panel. #}
    {% set in_menu = nav_item is defined %}
    <label class="md-nav__title"{% if has_toggle %} for="__toc"{% endif %}{% if in_menu %} tabindex="0"{% endif %}>
      {% if in_menu %}<span class="app-visually-hidden">Back from</span>{% endif %}""",
            ),
        ],
    ),
}


def expected(name: str) -> str:
    """Material's installed template with our listed changes applied."""
    why, changes = CHANGES[name]
    original = (MATERIAL / name).read_text(encoding="utf-8")
    assert original.startswith(GENERATED), f"Material's {name} no longer starts with its usual header"
    body = original[len(GENERATED) :]
    for old, new in changes:
        count = body.count(old)
        assert count == 1, f"Material's {name} changed: this text is found {count} times, not once:\n{old}"
        body = body.replace(old, new)
    version = material.__version__ if hasattr(material, "__version__") else "9"
    header = f"{{#- Material for MkDocs {version}'s {name}, copied because these changes sit outside any\n"
    header += "    block (macros/mkdocs/material_copies.py lists them and rewrites this file):\n"
    header += "".join(f"    {line}\n" for line in why.splitlines())
    header = header.rstrip("\n") + " -#}\n"
    return header + body


if __name__ == "__main__":
    for name in CHANGES:
        (ROOT / "overrides" / name).write_text(expected(name), encoding="utf-8")
        print(f"wrote overrides/{name}")
