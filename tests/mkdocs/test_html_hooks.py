"""The hooks that make each page smaller: whitespace compaction and the icon sprite."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

from macros.mkdocs import compact_html, icon_sprite
from macros.mkdocs.site import ANATOMY_SPRITE, BODY_SPRITE
from macros.pages.figures.anatomy import DRAW

ANATOMY_SPRITES = [ANATOMY_SPRITE.format(diagram) for diagram in DRAW]

ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M3 6h18v2H3z"/></svg>'


def test_compaction_keeps_one_line_break_and_leaves_pre_script_and_textarea_alone():
    html = (
        "<div>\n      <p>Text\n\n   <a href=x>link</a>  and</p>\n\n\n    </div>"
        "<pre>  keep\n\n    this</pre><script>var a = `x\n\n  y`;</script><textarea>a\n\n  b</textarea>"
    )
    out = compact_html.compact(html)
    assert out.startswith("<div>\n<p>Text\n<a href=x>link</a>  and</p>\n</div>")
    for kept in (
        "<pre>  keep\n\n    this</pre>",
        "<script>var a = `x\n\n  y`;</script>",
        "<textarea>a\n\n  b</textarea>",
    ):
        assert kept in out


def test_theme_icons_become_references_into_one_sprite_and_other_drawings_stay():
    icon_sprite.on_pre_build(config={})
    own = '<svg class="app-body-map__svg" viewBox="0 0 4 4" role="group"><path d="M0 0h4"/></svg>'
    html = f"<label>{ICON}</label>{own}<button>{ICON}</button>"
    out = icon_sprite.use_sprite(html, "../../")
    refs = re.findall(r'<use href="\.\./\.\./assets/icons\.svg#(i-[0-9a-f]+)"/>', out)
    assert len(refs) == 2 and refs[0] == refs[1]
    assert own in out and "M3 6h18v2H3z" not in out
    sprite = BeautifulSoup(icon_sprite.sprite(), "html.parser")
    symbol = sprite.find("symbol", id=refs[0])
    assert symbol and symbol["viewbox"] == "0 0 24 24" and symbol.path["d"] == "M3 6h18v2H3z"


def test_every_drawn_reference_in_the_built_site_exists(built_site: Path):
    """Every <use> points at a symbol that exists: a theme icon in the icon sprite, a body shape in
    the body drawing or a shape of the anatomy diagrams (cached files), or a part of a figure
    drawn in the page itself."""
    files = {
        (built_site / name).resolve(): {
            s["id"]
            for s in BeautifulSoup((built_site / name).read_text(encoding="utf-8"), "html.parser").select("[id]")
        }
        for name in (icon_sprite.SPRITE, BODY_SPRITE, *ANATOMY_SPRITES)
    }
    used: dict[Path, set[str]] = {path: set() for path in files}
    for page in built_site.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        in_page = {el["id"] for el in soup.select("[id]")}
        for use in soup.find_all("use"):
            file, _, symbol = use["href"].partition("#")
            if not file:
                assert symbol in in_page, f"{page}: #{symbol} is not in the page"
                continue
            target = (page.parent / file).resolve()
            assert target in files, f"{page}: {use['href']} is not a drawing the site sends"
            used[target].add(symbol)
    for path, ids in files.items():
        assert used[path] and used[path] <= ids, path


def test_materials_markup_is_mended_and_a_moved_text_is_named():
    from macros.mkdocs import material_html

    material_html.on_config({})
    page = (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
        '<div data-md-component="skip"></div>'
        '<label class="md-header__button md-icon" for="__drawer"><svg><path/></svg></label>'
        '<div class="md-content" data-md-component="content">'
    )
    mended = material_html.apply(page)
    assert 'id="__drawer">' in mended and "autocomplete" not in mended
    assert 'for="__drawer" tabindex="0" title="Menu">' in mended and ">Menu</span>" in mended
    assert '<a href="#__content" class="md-skip">' in mended and 'id="__content"' in mended
    assert "menu: the page's sections" not in material_html.unmatched()  # a part this page does not have
    assert material_html.unmatched() == []
    # a page whose content area Material has moved or renamed: that fix is named
    material_html.apply(page.replace('data-md-component="content"', 'data-md-component="main"'))
    assert "content id" in material_html.unmatched()


def test_compacting_gives_what_one_whitespace_pattern_gives_on_any_text():
    """The two fast patterns give exactly what `[ \\t]*\\n\\s*` -> newline gives."""
    import random
    import re

    from macros.mkdocs.compact_html import compact

    one_pattern = re.compile(r"[ \t]*\n\s*")
    pieces = ["a", "b c", " ", "  ", "\t", "\n", "\r\n", "\u00a0", "\f", "<p>", "x "]
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert compact(text) == one_pattern.sub("\n", text), repr(text)
