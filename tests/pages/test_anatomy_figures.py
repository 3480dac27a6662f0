"""Anatomy diagrams (figures/anatomy.py): tests that would catch a wrong picture.

Every part is drawn and its page shows a diagram that draws it; the highlighted part is the
page's own; every other drawn part links to a page that exists; labels neither overlap nor leave
the picture and are big enough on a phone; the colours pass 3:1 in both themes; and the same
data gives the same bytes.
"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from macros.content.registry import build
from macros.pages.figures import anatomy
from macros.pages.render import Renderer
from macros.pages.signs import care_from_config

from ..conftest import ROOT
from .test_figures import _slate_background, _var, contrast

PHONE_FIGURE_WIDTH = 390 - 2 * 16  # a 390 px phone less Material's side margins (0.8rem of 20 px)


@pytest.fixture(scope="module")
def renderer():
    return Renderer(build(ROOT / "content_data"), care=care_from_config(ROOT / "mkdocs.yml"))


@pytest.fixture(scope="module")
def pages(renderer):
    """Each anatomy page's figure, parsed."""
    out = {}
    for entry in renderer.registry.all("anatomy"):
        html = renderer.item_page("anatomy", entry.id)
        out[entry.id] = BeautifulSoup(html, "html.parser").find("figure", class_="app-anat")
    return out


def test_every_anatomy_part_is_drawn_and_its_page_shows_a_diagram_that_draws_it(renderer, pages):
    ids = {a.id for a in renderer.registry.all("anatomy")}
    drawn = {part for d in anatomy.diagrams().values() for part in d.parts}
    assert ids <= drawn, ids - drawn
    assert drawn <= ids, f"drawn parts without a page: {drawn - ids}"
    assert set(anatomy.PAGE_DIAGRAM) == ids
    for part, figure in pages.items():
        assert figure is not None, part
        assert part in renderer.anatomy[part].parts


def test_a_part_without_a_diagram_or_a_wrong_mapping_line_stops_the_build(renderer):
    ids = tuple(a.id for a in renderer.registry.all("anatomy"))
    with pytest.raises(KeyError, match="no diagram for body part 'spleen'"):
        anatomy.page_diagrams((*ids, "spleen"))
    with pytest.raises(KeyError, match="the diagram 'hip-section' does not draw 'hip-lbrum'"):
        anatomy.page_diagrams(ids, {**anatomy.PAGE_DIAGRAM, "hip-lbrum": "hip-section"})
    with pytest.raises(KeyError, match="'pelvis' names the diagram 'pelvis-side'"):
        anatomy.page_diagrams(ids, {**anatomy.PAGE_DIAGRAM, "pelvis": "pelvis-side"})


def test_the_highlighted_part_is_the_page_s_own_and_every_other_part_links_to_its_page(renderer, pages):
    ids = {a.id for a in renderer.registry.all("anatomy")}
    for part, figure in pages.items():
        diagram = renderer.anatomy[part]
        links = figure.select("a.app-anat__part")
        own = figure.select("a.app-anat__part--own")
        assert len(own) == 1 and own[0]["href"] == f"../../anatomy/{part}/", part
        assert own[0].get("aria-current") == "page"
        linked = [re.fullmatch(r"\.\./\.\./anatomy/([a-z-]+)/", a["href"]).group(1) for a in links]
        assert linked == list(diagram.parts), part  # every drawn part, once, in drawing order
        assert set(linked) <= ids
        titles = {a.id: a.title for a in renderer.registry.all("anatomy")}
        for a, linked_id in zip(links, linked, strict=True):
            assert a["aria-label"].startswith(titles[linked_id]), (part, linked_id)
            assert a.find("use"), (part, linked_id)
            assert "tabindex" not in a.attrs  # reached by Tab
            assert not a.find("text"), "a link's name is its title alone (WCAG 2.5.3: no other words in it)"
        # the drawing under the links is hidden from screen readers; its own part is highlighted
        drawing = figure.svg.find("g", attrs={"aria-hidden": "true"}, recursive=False)
        (highlighted,) = drawing.select("g.app-anat__own")
        assert {u["href"].partition("#")[2].rsplit("-", 1)[0] for u in highlighted.find_all("use")} == {part}
        caption = figure.figcaption.get_text()
        assert titles[part].lower() in caption.lower() and "Highlighted" in caption


def test_every_shape_a_page_uses_is_in_its_diagram_s_cached_file(renderer, pages):
    sprites = renderer.anatomy_sprites()
    assert set(sprites) == set(anatomy.DRAW)
    for part, figure in pages.items():
        diagram = renderer.anatomy[part].id
        symbols = {s["id"] for s in BeautifulSoup(sprites[diagram], "html.parser").find_all("symbol")}
        for use in figure.find_all("use"):
            file, _, symbol = use["href"].partition("#")
            assert file == f"../../assets/figures/anatomy-{diagram}.svg" and symbol in symbols, (part, use["href"])
    for svg in sprites.values():
        assert "<text" not in svg, "words belong in the page, not the picture"


def test_labels_do_not_overlap_and_stay_inside_the_picture():
    for d in anatomy.diagrams().values():
        boxes = []
        for part, labels in d.labels.items():
            assert part == "" or part in d.parts, (d.id, part)
            for lab in labels:
                left, top, right, bottom = lab.box()
                # with room for the 2-unit box round a focused label
                assert left >= 2 and right <= d.width - 2, (d.id, lab.lines)
                assert d.top + 2 <= top and bottom <= d.top + d.height - 2, (d.id, lab.lines)
                if lab.to:
                    for x, y in (lab.start, lab.to):
                        assert 0 <= x <= d.width and d.top <= y <= d.top + d.height, (d.id, lab.lines)
                boxes.append((lab.lines, (left, top, right, bottom)))
        for i, (a, (l1, t1, r1, b1)) in enumerate(boxes):
            for b, (l2, t2, r2, b2) in boxes[i + 1 :]:
                assert r1 <= l2 or r2 <= l1 or b1 <= t2 or b2 <= t1, (d.id, a, b)


def test_labels_are_at_least_12_px_on_a_phone():
    for d in anatomy.diagrams().values():
        assert anatomy.FONT * PHONE_FIGURE_WIDTH / d.width >= 12, d.id


def test_the_same_data_draws_the_same_bytes():
    def draw() -> tuple[str, str]:
        fresh = Renderer(build(ROOT / "content_data"), care=care_from_config(ROOT / "mkdocs.yml"))
        return fresh.item_page("anatomy", "hip-labrum"), "".join(fresh.anatomy_sprites().values())

    first, second = draw(), draw()
    assert first == second
    assert 'class="app-anat"' in first[0] and "<symbol" in first[1]


@pytest.mark.parametrize(("scheme", "page"), [("default", "#ffffff"), ("slate", _slate_background())])
def test_outlines_and_the_highlight_meet_3_to_1_in_both_themes(scheme: str, page: str):
    """The ink outline against every tissue's fill and the page; the highlight against every
    tissue's fill and the page, so the page's own part stands out wherever it lies."""
    css = (ROOT / "docs" / "assets" / "css" / "app.css").read_text()
    ink = _var(css, scheme, "--app-fig-ink")
    own = _var(css, scheme, "--app-anat-own")
    # a ligament is a line, unfilled; muscle-front is the muscle colour, see-through
    filled = [kind for kind in anatomy.KINDS if kind not in ("ligament", "muscle-front")]
    fills = [_var(css, scheme, f"--app-anat-{kind}") for kind in filled]
    for fill in (page, *fills):
        assert contrast(ink, fill) >= 3, (scheme, "ink", fill)
        assert contrast(own, fill) >= 3, (scheme, "highlight", fill)
    for kind in anatomy.KINDS:
        assert f".app-anat__{kind} {{" in css, kind


def test_a_page_that_highlights_only_some_of_its_part_says_which(renderer):
    """Where a diagram draws only some of a part (multifidus of the deep core muscles; two of the
    hip flexors), the caption names what is highlighted, not the whole part."""

    def caption(part: str) -> str:
        html = renderer.item_page("anatomy", part)
        return BeautifulSoup(html, "html.parser").find("figure", class_="app-anat").figcaption.get_text()

    for d in anatomy.diagrams().values():
        assert set(d.highlights) <= set(d.parts), d.id
    core = caption("deep-core-muscles")
    assert "Highlighted, with a thick outline: multifidus, one of the deep core muscles" in core
    flexors = caption("hip-flexors")
    assert "two of the other hip flexors (rectus femoris and sartorius)" in flexors
    assert "Highlighted, with a thick outline: two of the hip flexors" in flexors
