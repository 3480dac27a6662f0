"""Our copies of Material's templates are Material's files plus a short, listed set of changes.

Some fixes (invalid HTML, controls a keyboard cannot reach, a request to another site) sit
outside any template block, so the template is copied whole. This test re-applies the
listed changes to the installed Material's file and compares: when Material is upgraded and its
file changes, it fails and says which copy to refresh. To refresh one after an upgrade:
`python -m tests.test_overrides` rewrites every copy from the installed Material.
"""

from __future__ import annotations

from pathlib import Path

import material
import pytest

ROOT = Path(__file__).resolve().parent.parent
MATERIAL = Path(material.__file__).parent / "templates"
GENERATED = "{#-\n  This file was automatically generated - do not edit\n-#}\n"

# file -> (why, [(Material's text, ours)])
CHANGES: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "base.html": (
        """\
- the page description is escaped, so a quote in it cannot end the attribute early;
- no autocomplete="off" on the drawer and search checkboxes (invalid on a checkbox; Material's
  script closes both on every page load anyway);
- a skip link on every page: pages without headings (the 404 page) skip to #__content, the id
  given to the content area.""",
        [
            (
                '<meta name="description" content="{{ page.meta.description }}">',
                '<meta name="description" content="{{ page.meta.description | e }}">',
            ),
            (
                '<meta name="description" content="{{ config.site_description }}">',
                '<meta name="description" content="{{ config.site_description | e }}">',
            ),
            (' id="__drawer" autocomplete="off">', ' id="__drawer">'),
            (' id="__search" autocomplete="off">', ' id="__search">'),
            (
                """\
        <a href="{{ skip.url | url }}" class="md-skip">
          {{ lang.t("action.skip") }}
        </a>
      {% endif %}""",
                """\
        <a href="{{ skip.url | url }}" class="md-skip">
          {{ lang.t("action.skip") }}
        </a>
      {% else %}
        <a href="#__content" class="md-skip">
          {{ lang.t("action.skip") }}
        </a>
      {% endif %}""",
            ),
            (
                '<div class="md-content" data-md-component="content">',
                '<div class="md-content" data-md-component="content" id="__content">',
            ),
        ],
    ),
    "partials/header.html": (
        """\
- the menu and search buttons of small screens are labels, which a keyboard cannot reach: they
  get tabindex="0" (Material's script presses a focused label on Enter) and a name.""",
        [
            (
                """\
    <label class="md-header__button md-icon" for="__drawer">
      {% set icon = config.theme.icon.menu or "material/menu" %}
      {% include ".icons/" ~ icon ~ ".svg" %}
    </label>""",
                """\
    <label class="md-header__button md-icon" for="__drawer" tabindex="0" title="Menu">
      {% set icon = config.theme.icon.menu or "material/menu" %}
      {% include ".icons/" ~ icon ~ ".svg" %}
      <span class="app-visually-hidden">Menu</span>
    </label>""",
            ),
            (
                """\
        <label class="md-header__button md-icon" for="__search">
          {% set icon = config.theme.icon.search or "material/magnify" %}
          {% include ".icons/" ~ icon ~ ".svg" %}
        </label>""",
                """\
        <label class="md-header__button md-icon" for="__search" tabindex="0" title="{{ lang.t('search') }}">
          {% set icon = config.theme.icon.search or "material/magnify" %}
          {% include ".icons/" ~ icon ~ ".svg" %}
          <span class="app-visually-hidden">{{ lang.t('search') }}</span>
        </label>""",
            ),
        ],
    ),
    "partials/search.html": (
        """\
- the search dialog has an accessible name.""",
        [
            (
                '<div class="md-search" data-md-component="search" role="dialog">',
                '<div class="md-search" data-md-component="search" role="dialog"'
                " aria-label=\"{{ lang.t('search') }}\">",
            ),
        ],
    ),
    "partials/nav-item.html": (
        """\
- on small screens the menu is a stack of panels; the labels that move between them (back to
  the panel above, open the page's table of contents) are reachable with Tab, and each says
  what it does to a screen reader, as does the icon-only button that opens a section.""",
        [
            (
                """\
              <label class="md-nav__link {{ class }}" for="{{ path }}" id="{{ path }}_label" tabindex="{{ tabindex }}">
                <span class="md-nav__icon md-icon"></span>
              </label>""",
                """\
              <label class="md-nav__link {{ class }}" for="{{ path }}" id="{{ path }}_label" tabindex="{{ tabindex }}">
                <span class="md-nav__icon md-icon"></span>
                <span class="app-visually-hidden">Pages in {{ render_title(nav_item) }}</span>
              </label>""",
            ),
            (
                """\
          <label class="md-nav__title" for="{{ path }}">
            <span class="md-nav__icon md-icon"></span>
            {{ render_title(nav_item) }}""",
                """\
          <label class="md-nav__title" for="{{ path }}" tabindex="0">
            <span class="md-nav__icon md-icon"></span>
            <span class="app-visually-hidden">Back from</span>
            {{ render_title(nav_item) }}""",
            ),
            (
                """\
        <label class="md-nav__link md-nav__link--active" for="__toc">
          {{ render_content(nav_item) }}""",
                """\
        <label class="md-nav__link md-nav__link--active" for="__toc" tabindex="0">
          <span class="app-visually-hidden">Sections of</span>
          {{ render_content(nav_item) }}""",
            ),
        ],
    ),
    "partials/content.html": (
        """\
- an "On this page" list after the title of pages outside the navigation (item pages), whose
  table of contents the small-screen menu cannot show (overrides/partials/page-contents.html).""",
        [("{{ page.content }}", '{% include "partials/page-contents.html" %}')],
    ),
    "partials/source.html": (
        """\
- no data-md-component="source", which would make every page fetch repository facts from
  another site.""",
        [(' class="md-source" data-md-component="source">', ' class="md-source">')],
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
    header += "    block (tests/test_overrides.py lists and checks them; it also rewrites this file):\n"
    header += "".join(f"    {line}\n" for line in why.splitlines())
    header = header.rstrip("\n") + " -#}\n"
    return header + body


@pytest.mark.parametrize("name", sorted(CHANGES))
def test_a_copied_material_template_is_materials_file_plus_our_listed_changes(name: str):
    ours = (ROOT / "overrides" / name).read_text(encoding="utf-8")
    assert ours == expected(name), (
        f"overrides/{name} is not Material's {name} plus the changes listed in tests/test_overrides.py. "
        "After a Material upgrade run `python -m tests.test_overrides` and review the diff."
    )


if __name__ == "__main__":
    for name in CHANGES:
        (ROOT / "overrides" / name).write_text(expected(name), encoding="utf-8")
        print(f"wrote overrides/{name}")
