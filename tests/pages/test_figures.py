"""Exercise pictures drawn from data: tests that would catch a wrong picture.

The real content's figures are drawn once (module fixture) and checked for what a reader relies
on: bones keep their length, what should rest on the floor does and nothing goes through it,
kept points stay put, the arrow is clear of the body and points the way its words say, every
picture has words, the colours pass 3:1 in both themes, and the same data gives the same bytes.
Bad poses are named fixtures with the file:line: field message an editor reads.
"""

from __future__ import annotations

import colorsys
import math
import re
import shutil
from pathlib import Path

import pytest

from macros.content.errors import ContentError
from macros.content.models import AngleName, BasePoseName, ContactName, FeelPlace, PointName
from macros.content.registry import build
from macros.pages import checks
from macros.pages.figures import body, bodymap, draw, exercise, poses, solve
from macros.pages.render import Renderer

from ..conftest import FIXTURES, ROOT, TEST_CARE

CONTENT = ROOT / "content_data"
VALID = FIXTURES / "valid" / "content_data"
INVALID = FIXTURES / "bad_figures"  # exercises whose pictures cannot be drawn
CARE = TEST_CARE


@pytest.fixture(scope="module")
def registry():
    return build(CONTENT)


@pytest.fixture(scope="module")
def figures(registry):
    drawn = checks.exercise_figures(registry)
    assert drawn.problems == []
    return drawn.figures


def bone_length(points: dict[str, body.Point], a: str, b: str) -> float:
    return body.norm(body.sub(points[a].at, points[b].at))


# ------------------------------------------------------------------ the model and its words


def test_the_models_words_are_the_drawing_modules_words():
    assert set(BasePoseName.__args__) == set(poses.BASE_POSES)
    assert set(AngleName.__args__) == set(body.angle_names())
    assert set(PointName.__args__) == set(poses.POINTS)
    assert set(ContactName.__args__) == set(poses.POINTS) | set(poses.GROUPS)
    assert set(FeelPlace.__args__) == set(exercise.FEEL_PLACES)


def test_segments_follow_the_drillis_and_contini_proportions():
    rest = body.pose({})
    assert bone_length(rest, "near-hip", "near-knee") == pytest.approx(0.245)
    assert bone_length(rest, "near-knee", "near-ankle") == pytest.approx(0.246)
    assert bone_length(rest, "near-shoulder", "near-elbow") == pytest.approx(0.186)
    assert bone_length(rest, "near-elbow", "near-wrist") == pytest.approx(0.146)
    assert bone_length(rest, "hips", "waist") + bone_length(rest, "waist", "shoulders") == pytest.approx(0.288)


def test_a_flexed_hip_moves_the_thigh_forward_and_a_bent_knee_moves_the_foot_back():
    upright = body.pose({"hip": 90, "knee": 90})
    assert upright["near-knee"].at[0] == pytest.approx(0.245)  # thigh straight forward
    assert upright["near-ankle"].at[1] == pytest.approx(-0.246)  # shank straight down
    lying = body.pose({"trunk": -90})
    assert lying["head"].at[0] < 0 < lying["near-toes"].at[1] + 1  # head to the left when lying on the back


# ------------------------------------------------------------------ every real figure


def test_every_exercise_has_its_figure_with_two_or_three_panels(registry, figures):
    assert set(figures) == {e.id for e in registry.all("exercises")}
    for fig in figures.values():
        assert 2 <= len(fig.panels) <= 3


def test_each_segment_keeps_its_length_in_every_panel(figures):
    rest = body.pose({})
    for fig in figures.values():
        for solved in fig.solved:
            for a, b in body.BONES:
                assert bone_length(solved.points, a, b) == pytest.approx(bone_length(rest, a, b), abs=1e-9), (
                    fig.id,
                    a,
                    b,
                )


def test_contacts_rest_on_their_surface_and_nothing_goes_below_the_floor(figures):
    for fig in figures.values():
        for k, solved in enumerate(fig.solved, start=1):
            for name in solved.contacts:
                p = solved.points[name]
                surface = poses.SEAT_HEIGHT if name == "hips" and solved.seat else 0.0
                assert p.at[1] - p.support(solve.UP) - surface == pytest.approx(0, abs=1e-3), (fig.id, k, name)
            for name, p in solved.points.items():
                assert p.at[1] - p.support(solve.UP) >= -exercise.BELOW_FLOOR, (fig.id, k, name)


def test_kept_points_stay_where_they_were_in_the_panel_before(registry, figures):
    checked = 0
    for entry in registry.all("exercises"):
        solved = figures[entry.id].solved
        for k, panel in enumerate(entry.illustration.panels[1:], start=1):
            for name in panel.keep:
                moved = body.norm(body.sub(solved[k].points[name].at, solved[k - 1].points[name].at))
                assert moved < 1e-3, (entry.id, k, name)
                checked += 1
    assert checked > 5


def test_the_arrow_touches_nothing_and_stays_inside_its_picture(figures):
    for fig in figures.values():
        arrows = [p for p in fig.panels if p.arrow]
        assert len(arrows) == 1, fig.id
        panel = arrows[0]
        for x, y in panel.arrow.samples():
            assert 0 < x < panel.width and panel.top < y < panel.height, fig.id
            assert all(c.distance((x, y)) >= exercise.ARROW_CLEARANCE - 1e-9 for c in panel.capsules), fig.id


def test_every_panel_has_words_and_the_direction_word_matches_the_drawn_arrow(figures):
    for fig in figures.values():
        for panel in fig.panels:
            assert panel.caption.strip()
        (panel,) = [p for p in fig.panels if p.arrow]
        assert f"moving {fig.direction}." in panel.note
        dx = panel.arrow.tip[0] - panel.arrow.tail[0]
        dy = panel.arrow.tail[1] - panel.arrow.tip[1]  # picture y points down
        words = fig.direction.split(" and ")
        if fig.view == "side":
            assert ("down" in words) <= (dy < 0), fig.id
            assert ("up" in words) <= (dy > 0), fig.id
            facing_right = fig.solved[-1].points["head"].at[0] > fig.solved[-1].points["hips"].at[0]
            toward_head = dx > 0 if facing_right else dx < 0
            assert ("towards your head" in words) <= toward_head, fig.id
            assert ("towards your feet" in words) <= (not toward_head), fig.id
            assert ("forwards" in words) <= (dx > 0), fig.id
            assert ("backwards" in words) <= (dx < 0), fig.id


def _word_ways(fig: exercise.Figure, point: str) -> dict[str, body.Vec]:
    """Each direction word's way in the world, worked out here apart from the drawing code."""
    pts = fig.solved[-1].points
    along = body.sub(pts["head"].at, pts["hips"].at) if fig.solved[-1].lying else body.column(pts["hips"].frame, 0)
    along = (along[0], 0.0, along[2])
    out = body.column(pts["hips"].frame, 2)
    out = body.scale((out[0], 0.0, out[2]), 1.0 if point.startswith("near-") else -1.0)
    back = body.scale(along, -1.0)
    return {
        "up": (0.0, 1.0, 0.0),
        "down": (0.0, -1.0, 0.0),
        "towards your head": along,
        "towards your feet": back,
        "forwards": along,
        "backwards": back,
        "out to the side": out,
        "across your body": body.scale(out, -1.0),
    }


def test_in_every_view_each_direction_word_goes_the_way_the_drawn_arrow_goes(registry, figures):
    """The words are the drawn motion's: each word's way, seen by the figure's camera, points
    the way the arrow does (not merely the way the body moved in 3-D)."""
    for entry in registry.all("exercises"):
        fig = figures[entry.id]
        (panel,) = [p for p in fig.panels if p.arrow]
        arrow = (panel.arrow.tip[0] - panel.arrow.tail[0], panel.arrow.tip[1] - panel.arrow.tail[1])
        camera = draw.Camera(fig.view, exercise.SCALE, (0.0, 0.0))
        ways = _word_ways(fig, entry.illustration.motion.point)
        for word in fig.direction.split(" and "):
            seen = camera.flat(ways[word])
            assert seen[0] * arrow[0] + seen[1] * arrow[1] > 0, (fig.id, fig.view, word)


def test_every_view_is_a_true_projection_so_bones_keep_their_length_as_the_camera_sees_them(figures):
    for name, (ex, ey, toward) in draw.VIEWS.items():
        for u, v in ((ex, ey), (ey, toward), (toward, ex)):
            assert body.dot(u, v) == pytest.approx(0, abs=1e-12), name
        for u in (ex, ey, toward):
            assert body.norm(u) == pytest.approx(1), name
    bones = [*exercise.TRUNK, *exercise.NEAR_LEG, *exercise.FAR_LEG, *exercise.NEAR_ARM, *exercise.FAR_ARM]
    for fig in figures.values():
        ex, ey, _ = draw.VIEWS[fig.view]
        for panel, solved in zip(fig.panels, fig.solved, strict=True):
            drawn = {
                pid.removeprefix(panel.id + "-"): c for (pid, _), c in zip(panel.paths, panel.capsules, strict=True)
            }
            for a, b in bones:
                c = drawn[f"{a}-{b}"]
                bone = body.sub(solved.points[b].at, solved.points[a].at)
                seen = math.hypot(body.dot(bone, ex), body.dot(bone, ey)) * exercise.SCALE
                assert math.dist(c.a, c.b) == pytest.approx(seen, abs=1e-9), (fig.id, a, b)
                assert seen <= body.norm(bone) * exercise.SCALE + 1e-9


def _picture_of(fig: exercise.Figure, k: int, point: str) -> tuple[float, float]:
    return draw.Camera(fig.view, exercise.SCALE, (0.0, 0.0)).flat(fig.solved[k].points[point].at)


def test_the_clam_s_top_knee_rises_in_the_picture_while_the_feet_stay_together(figures):
    fig = figures["clam"]
    assert fig.view == "front" and fig.direction == "up"
    before, after = _picture_of(fig, 0, "near-knee"), _picture_of(fig, 1, "near-knee")
    assert before[1] - after[1] > 10  # picture units (a tenth of the body's height), y points down
    for k, solved in enumerate(fig.solved):
        ankles = body.norm(body.sub(solved.points["near-ankle"].at, solved.points["far-ankle"].at))
        assert ankles < 0.08, (k, ankles)  # the ankles' own thickness is 0.04
    assert body.norm(body.sub(fig.solved[1].points["hips"].at, fig.solved[0].points["hips"].at)) < 1e-3
    # the lifted knee is above the line from hip to ankle in the picture: the clam opens
    hip, ankle = _picture_of(fig, 1, "near-hip"), _picture_of(fig, 1, "near-ankle")
    t = (after[0] - hip[0]) / (ankle[0] - hip[0])
    assert after[1] < hip[1] + t * (ankle[1] - hip[1]) - 3


def test_the_piriformis_knee_goes_sideways_in_the_picture_as_its_words_say(figures):
    fig = figures["piriformis-stretch"]
    (panel,) = [p for p in fig.panels if p.arrow]
    dx, dy = panel.arrow.tip[0] - panel.arrow.tail[0], panel.arrow.tip[1] - panel.arrow.tail[1]
    assert "across your body" in fig.direction
    assert abs(dx) > abs(dy), "an arrow across the body is not an arrow up the page"


def test_a_chair_is_drawn_over_the_far_leg_and_under_the_rest_of_the_body(figures):
    """The far leg is beyond the chair: the seated hip flexor stretch's back leg slides down
    beside the seat, behind the chair's legs, not through them."""
    seated = [(fig, p) for fig in figures.values() for p in fig.panels if p.chair]
    assert len(seated) >= 4
    for fig, panel in seated:
        far_leg = panel.groups[panel.chair_after]
        assert far_leg.shapes[0] == f"{panel.id}-far-hip-far-knee", fig.id
        later = {shape for g in panel.groups[panel.chair_after + 1 :] for shape in g.shapes}
        assert f"{panel.id}-hips-waist" in later and f"{panel.id}-near-hip-near-knee" in later, fig.id


def test_where_to_feel_it_is_said_in_words_when_it_is_shaded(registry, figures):
    for entry in registry.all("exercises"):
        last = figures[entry.id].panels[-1]
        if entry.illustration.feel:
            assert last.feel is not None
            assert entry.illustration.feel.where in last.note
        else:
            assert last.feel is None


def test_the_same_data_draws_the_same_bytes():
    exercise._DRAWN.clear()  # draw it twice, not once and then from the cache
    page_a = Renderer(build(VALID), care=CARE).item_page("exercises", "knee-to-chest")
    exercise._DRAWN.clear()
    page_b = Renderer(build(VALID), care=CARE).item_page("exercises", "knee-to-chest")
    assert page_a.count("<svg") == 2
    assert page_a == page_b


def test_a_figure_s_ids_are_its_own_so_pages_stay_valid(figures):
    for fig in figures.values():
        ids = [pid for p in fig.panels for pid, _ in p.paths]
        assert len(ids) == len(set(ids))
        assert all(i.startswith(fig.id + "-") for i in ids)


def test_a_capsule_is_a_closed_smooth_outline():
    path = draw.Capsule((0, 0), (10, 0), 3, 2).path()
    assert path.startswith("M") and path.endswith("Z")
    assert path.count("A") == 2 and path.count("L") == 2  # two arcs joined by two tangents


# ------------------------------------------------------------------ contrast, both themes


def _var(css: str, scheme: str, name: str) -> str:
    block = re.search(r'\[data-md-color-scheme="' + scheme + r'"\]\s*{([^}]*)}', css)
    assert block, scheme
    value = re.search(re.escape(name) + r":\s*(#[0-9a-fA-F]{6})", block.group(1))
    assert value, (scheme, name)
    return value.group(1)


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _slate_background() -> str:
    """Material's dark page: hsl(var(--md-hue) = 225deg, 15%, 14%)."""
    r, g, b = colorsys.hls_to_rgb(225 / 360, 0.14, 0.15)
    return "#" + "".join(f"{round(c * 255):02x}" for c in (r, g, b))


@pytest.mark.parametrize(("scheme", "page"), [("default", "#ffffff"), ("slate", _slate_background())])
def test_lines_arrows_and_shading_meet_3_to_1_in_both_themes(scheme: str, page: str):
    css = (ROOT / "docs" / "assets" / "css" / "app.css").read_text()
    ink = _var(css, scheme, "--app-fig-ink")
    accent = _var(css, scheme, "--app-fig-accent")
    for fill in (page, _var(css, scheme, "--app-fig-body"), _var(css, scheme, "--app-fig-far")):
        assert contrast(ink, fill) >= 3, (scheme, "ink", fill)
    for fill in (page, _var(css, scheme, "--app-fig-body"), _var(css, scheme, "--app-fig-mat")):
        assert contrast(accent, fill) >= 3, (scheme, "accent", fill)


# ------------------------------------------------------------------ bad poses, as editors see them


def content_with(fixture: str, tmp_path: Path) -> Path:
    root = tmp_path / "content_data"
    shutil.copytree(VALID, root)
    shutil.copy(INVALID / fixture, root / "exercises" / "knee-to-chest.yaml")
    return root


BAD_POSES = {
    "impossible-angle.yaml": (
        "illustration.panels[1].angles.near-knee",
        "200 degrees is beyond what a body can do (0 to 160)",
    ),
    "unreachable-contact.yaml": ("illustration.panels[1].contacts", "with feet resting on the floor"),
    "no-motion.yaml": ("illustration.motion.point", "the head hardly moves between panels 1 and 2"),
    "motion-out-of-view.yaml": (
        "illustration.motion.point",
        "the near knee moves mostly towards or away from the viewer in the side view",
    ),
}


@pytest.mark.parametrize("fixture", sorted(BAD_POSES))
def test_a_pose_that_cannot_be_drawn_stops_the_build_with_file_line_and_field(fixture: str, tmp_path: Path):
    field, message = BAD_POSES[fixture]
    registry = build(content_with(fixture, tmp_path))
    with pytest.raises(ContentError) as caught:
        checks.validate(registry, CARE)
    (problem,) = caught.value.problems
    assert problem.file == "content_data/exercises/knee-to-chest.yaml"
    assert problem.field == field
    assert message in problem.message
    text = (INVALID / fixture).read_text().splitlines()
    key = field.rsplit(".", 1)[-1]
    assert key in text[problem.line - 1] or "- caption" in text[problem.line - 1], (problem.line, text)


def test_an_unknown_base_pose_is_a_field_error_naming_the_poses(tmp_path: Path):
    root = content_with("unreachable-contact.yaml", tmp_path)
    path = root / "exercises" / "knee-to-chest.yaml"
    path.write_text(path.read_text().replace("pose: lying-knees-bent", "pose: lying-knees-bnet", 1))
    with pytest.raises(ContentError) as caught:
        build(root)
    (problem,) = caught.value.problems
    assert problem.field == "illustration.panels[0].pose"
    assert "lying-knees-bent" in problem.message + problem.hint


def test_an_unknown_view_is_a_field_error_at_its_line_naming_the_views(tmp_path: Path):
    root = content_with("unreachable-contact.yaml", tmp_path)
    path = root / "exercises" / "knee-to-chest.yaml"
    text = path.read_text().replace("illustration:\n", "illustration:\n  view: sideways\n", 1)
    path.write_text(text)
    with pytest.raises(ContentError) as caught:
        build(root)
    (problem,) = caught.value.problems
    assert problem.file == "content_data/exercises/knee-to-chest.yaml"
    assert problem.field == "illustration.view"
    assert text.splitlines()[problem.line - 1] == "  view: sideways"
    assert "three-quarter" in problem.message + problem.hint


def test_every_bad_pose_fixture_is_tested():
    assert {p.name for p in INVALID.iterdir()} == set(BAD_POSES)


def test_the_solver_finds_the_nearest_pose_that_meets_the_contacts():
    angles = {**poses.BASE_POSES["lying-knees-bent"].angles}
    goals = [solve.on_surface(p, 0.0) for p in poses.expand(("hips", "shoulders", "feet"))]
    sol = solve.solve(angles, (0.0, 0.3, 0.0), ["knee", "ankle", "trunk"], goals)
    assert sol.worst < solve.TOLERANCE
    assert math.isclose(sol.angles["hip"], angles["hip"])  # not freed, not changed


# ------------------------------------------------------------------ where it is felt: the body map's shapes


def test_every_region_has_a_shape_and_an_unknown_region_stops_the_build(registry):
    regions = [r.id for r in registry.all("regions")]
    drawn = bodymap.body_map(regions)
    assert set(drawn.regions) == set(regions)
    assert all(drawn.regions[r] for r in regions)
    with pytest.raises(KeyError, match="no shape for region 'elbow'"):
        bodymap.body_map([*regions, "elbow"])


def test_a_region_is_drawn_on_the_body_where_it_is_named(registry):
    """Shapes follow the body's own points: the knee is where the knee is, the lower back above
    the buttocks, the back of the thigh below them, and back-only places are in the back view."""
    drawn = bodymap.body_map([r.id for r in registry.all("regions")])

    def centre(region: str, view: str) -> tuple[float, float]:
        numbers = [
            float(n)
            for s in drawn.regions[region]
            if s.view == view
            for n in re.findall(r"-?\d+(?:\.\d+)?", s.path.split("A")[0][1:])
        ]
        return numbers[0], numbers[1]

    assert {s.view for s in drawn.regions["lower-back"]} == {"back"}
    assert {s.view for s in drawn.regions["groin"]} == {"front"}
    assert centre("lower-back", "back")[1] < centre("buttock", "back")[1] < centre("back-of-thigh", "back")[1]
    assert centre("groin", "front")[1] < centre("knee", "front")[1] < centre("below-knee", "front")[1]


def test_a_condition_page_shades_exactly_its_own_regions_from_the_cached_body():
    renderer = Renderer(build(VALID), care=CARE)
    page = renderer.item_page("conditions", "sciatica", root="../../")
    shaded = set(re.findall(r'href="\.\./\.\./assets/figures/body\.svg#region-([a-z-]+)"', page))
    assert shaded == {r.id for r in renderer.registry.get("conditions", "sciatica").regions}
    assert "body.svg#body-ink" in page and "<path" not in page.split('class="app-where"')[1].split("</figure>")[0]
    sprite = renderer.body_sprite()
    # the ink, the fill and one symbol per region (anatomy parts have their own diagrams)
    assert sprite.count("<symbol") == 2 + len(renderer.registry.all("regions"))
    for region in renderer.registry.all("regions"):
        assert f'id="region-{region.id}"' in sprite


def test_every_exercise_and_condition_page_shows_its_figure():
    from macros.pages.signs import care_from_config

    renderer = Renderer(build(CONTENT), care=care_from_config(ROOT / "mkdocs.yml"))
    for entry in renderer.registry.all("exercises"):
        page = renderer.item_page("exercises", entry.id)
        assert page.count('class="app-figure__panel"') == len(entry.illustration.panels), entry.id
    for entry in renderer.registry.all("conditions"):
        page = renderer.item_page("conditions", entry.id)
        where = page.split('class="app-where"')[1].split("</figure>")[0]
        assert re.findall(r"#region-([a-z-]+)", where) == [r.id for r in entry.regions], entry.id
        assert all(r.title.lower() in where.lower() for r in entry.regions), entry.id


# ------------------------------------------------------------------ where each body part is


def test_a_region_page_shades_its_own_region():
    renderer = Renderer(build(VALID), care=CARE)
    for region in renderer.registry.all("regions"):
        page = renderer.item_page("regions", region.id)
        assert re.findall(r"#region-([a-z-]+)", page) == [region.id]
