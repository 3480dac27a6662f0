"""The body seen from in front and from behind, in the exercise figures' style, and the body
regions drawn on it in the shapes of the places they name: the body map ("Where does it
hurt?") and each condition's "where you may feel it" figure.

The body is the exercise figure's model standing (body.py), so proportions and line style are
the same. Each region is drawn from the body's own points (a thigh region follows the thigh),
never from hand-placed coordinates; a region without a recipe here stops the build.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from . import body, draw
from .body import Vec
from .exercise import FAR_ARM, FAR_LEG, NEAR_ARM, NEAR_LEG, TRUNK

SCALE = 100.0
GAP = 0.16  # between the two views, in heights
MARGIN = 0.05
POSE: dict[str, float] = {"shoulder-abduction": 14, "elbow": 8, "hip-abduction": 5, "ankle": -70}  # feet seen end-on
VIEWS = ("body-front", "body-back")
SIDES = {"near": 1.0, "far": -1.0}  # near is the body's right side (+z)


@dataclass(frozen=True)
class Shape:
    """A region's part in one view: an outline path."""

    view: str  # "front" or "back"
    path: str
    area: float = 0.0  # in picture units squared: maps draw big parts first, small ones on top


@dataclass(frozen=True)
class BodyMap:
    width: float
    height: float
    outlines: dict[str, list[str]]  # view -> path data of the body's parts
    labels: dict[str, tuple[float, float]]  # view -> where its name goes
    regions: dict[str, list[Shape]]  # region id -> its shapes
    parts: dict[str, list[Shape]]  # anatomy id -> its shapes


# Region recipes: for each region id, the views it shows in and a function of the body's
# points (world coordinates) giving capsules: (start, end, radius at start, radius at end).
Capsule3 = tuple[Vec, Vec, float, float]
Recipe = Callable[[dict[str, body.Point]], list[Capsule3]]


def _along(pts: dict[str, body.Point], a: str, b: str, t0: float, t1: float) -> tuple[Vec, Vec]:
    pa, pb = pts[a].at, pts[b].at
    d = body.sub(pb, pa)
    return body.add(pa, body.scale(d, t0)), body.add(pa, body.scale(d, t1))


def _lower_back(pts: dict[str, body.Point]) -> list[Capsule3]:
    w = pts["waist"].at
    low = body.add(w, (0, -0.03, 0))
    return [(body.add(low, (0, 0, 0.045)), body.add(low, (0, 0, -0.045)), 0.04, 0.04)]


def _buttock(pts: dict[str, body.Point]) -> list[Capsule3]:
    out = []
    for side, sign in SIDES.items():
        c = body.add(pts[f"{side}-hip"].at, (0, -0.035, sign * 0.02))
        out.append((body.add(c, (0, 0.02, 0)), body.add(c, (0, -0.01, 0)), 0.05, 0.048))
    return out


def _outer_hip(pts: dict[str, body.Point]) -> list[Capsule3]:
    out = []
    for side, sign in SIDES.items():
        h = pts[f"{side}-hip"].at
        side_of = body.add(h, (0, 0, sign * 0.07))
        out.append((body.add(side_of, (0, 0.02, 0)), body.add(side_of, (0, -0.06, 0)), 0.026, 0.022))
    return out


def _groin(pts: dict[str, body.Point]) -> list[Capsule3]:
    out = []
    for side, sign in SIDES.items():
        h = pts[f"{side}-hip"].at
        top = body.add(h, (0, 0.035, sign * 0.05))
        low = body.add(h, (0, -0.045, -sign * 0.035))
        out.append((top, low, 0.017, 0.02))
    return out


def _thigh(pts: dict[str, body.Point]) -> list[Capsule3]:
    out = []
    for side in SIDES:
        a, b = _along(pts, f"{side}-hip", f"{side}-knee", 0.3, 0.82)
        out.append((a, b, 0.038, 0.028))
    return out


def _knee(pts: dict[str, body.Point]) -> list[Capsule3]:
    return [(pts[f"{s}-knee"].at, pts[f"{s}-knee"].at, 0.034, 0.034) for s in SIDES]


def _below_knee(pts: dict[str, body.Point]) -> list[Capsule3]:
    out = []
    for side in SIDES:
        a, b = _along(pts, f"{side}-knee", f"{side}-ankle", 0.2, 0.85)
        out.append((a, b, 0.027, 0.018))
    return out


RECIPES = {
    "lower-back": (("back",), _lower_back),
    "buttock": (("back",), _buttock),
    "outer-hip": (("front", "back"), _outer_hip),
    "groin": (("front",), _groin),
    "front-of-thigh": (("front",), _thigh),
    "back-of-thigh": (("back",), _thigh),
    "knee": (("front",), _knee),
    "below-knee": (("front", "back"), _below_knee),
}


# ----------------------------------------------------------------- where each body part is
# The same idea for anatomy: each part drawn on the body in its place, from the body's points.
# Nerves are thin bands along their course; the small spine structures sit on the lumbar spine.


def _both(make: Callable[[dict[str, body.Point], str, float], list[Capsule3]]) -> Recipe:
    def recipe(pts: dict[str, body.Point]) -> list[Capsule3]:
        return [c for side, sign in SIDES.items() for c in make(pts, side, sign)]

    return recipe


def _at(p: Vec, up: float = 0.0, out: float = 0.0, sign: float = 1.0) -> Vec:
    return body.add(p, (0.0, up, sign * out))


def _spine(pts: dict[str, body.Point]) -> tuple[Vec, Vec]:
    return _at(pts["waist"].at, 0.07), _at(pts["hips"].at, 0.045)


def _levels(pts: dict[str, body.Point], n: int) -> list[Vec]:
    top, low = _spine(pts)
    return [body.add(top, body.scale(body.sub(low, top), (k + 0.5) / n)) for k in range(n)]


ANATOMY: dict[str, tuple[tuple[str, ...], Recipe]] = {
    "lumbar-spine": (("back",), lambda pts: [(*_spine(pts), 0.018, 0.02)]),
    "intervertebral-discs": (
        ("back",),
        lambda pts: [(_at(v, 0, 0.02), _at(v, 0, -0.02), 0.006, 0.006) for v in _levels(pts, 5)],
    ),
    "facet-joints": (
        ("back",),
        lambda pts: [
            (_at(v, 0, s * 0.03), _at(v, 0, s * 0.03), 0.008, 0.008) for v in _levels(pts, 5) for s in (1, -1)
        ],
    ),
    "nerve-roots-and-spinal-canal": (
        ("back",),
        lambda pts: (
            [(*_spine(pts), 0.006, 0.006)]
            + [
                (_at(v, -0.004, 0.008 * s), _at(v, -0.03, 0.05 * s), 0.005, 0.004)
                for v in _levels(pts, 3)
                for s in (1, -1)
            ]
        ),
    ),
    "sacrum-and-sacroiliac-joints": (
        ("back",),
        lambda pts: [(_at(pts["hips"].at, 0.035), _at(pts["hips"].at, -0.045), 0.035, 0.012)],
    ),
    "pelvis": (
        ("front",),
        lambda pts: [
            (_at(pts["hips"].at, 0.05, 0.08), _at(pts["hips"].at, 0.05, -0.08), 0.018, 0.018),
            (_at(pts["hips"].at, 0.05, 0.08), _at(pts["hips"].at, -0.05, 0.0), 0.014, 0.012),
            (_at(pts["hips"].at, 0.05, -0.08), _at(pts["hips"].at, -0.05, 0.0), 0.014, 0.012),
        ],
    ),
    "hip-joint": (
        ("front",),
        _both(lambda pts, side, sign: [(pts[f"{side}-hip"].at, pts[f"{side}-hip"].at, 0.03, 0.03)]),
    ),
    "hip-labrum": (
        ("front",),
        _both(
            lambda pts, side, sign: [
                (
                    _at(pts[f"{side}-hip"].at, 0.03, -0.025, sign),
                    _at(pts[f"{side}-hip"].at, 0.03, 0.025, sign),
                    0.009,
                    0.009,
                )
            ]
        ),
    ),
    "hip-bursae": (
        ("front", "back"),
        _both(lambda pts, side, sign: [(_at(pts[f"{side}-hip"].at, -0.01, 0.075, sign),) * 2 + (0.018, 0.018)]),
    ),
    "gluteal-muscles": (
        ("back",),
        _both(
            lambda pts, side, sign: [
                (
                    _at(pts[f"{side}-hip"].at, 0.01, 0.01, sign),
                    _at(pts[f"{side}-hip"].at, -0.03, 0.035, sign),
                    0.055,
                    0.045,
                )
            ]
        ),
    ),
    "piriformis": (
        ("back",),
        _both(
            lambda pts, side, sign: [
                (_at(pts["hips"].at, 0.0, 0.02, sign), _at(pts[f"{side}-hip"].at, -0.005, 0.07, sign), 0.012, 0.009)
            ]
        ),
    ),
    "hamstrings": (
        ("back",),
        _both(lambda pts, side, sign: [(*_along(pts, f"{side}-hip", f"{side}-knee", 0.15, 0.92), 0.04, 0.025)]),
    ),
    "hip-flexors": (
        ("front",),
        _both(
            lambda pts, side, sign: [
                (
                    _at(pts[f"{side}-hip"].at, 0.05, 0.035, sign),
                    _along(pts, f"{side}-hip", f"{side}-knee", 0.3, 0.3)[0],
                    0.022,
                    0.03,
                )
            ]
        ),
    ),
    "iliopsoas": (
        ("front",),
        _both(
            lambda pts, side, sign: [
                (_at(pts["waist"].at, 0.05, 0.025, sign), _at(pts[f"{side}-hip"].at, -0.03, -0.015, sign), 0.014, 0.016)
            ]
        ),
    ),
    "quadratus-lumborum": (
        ("back",),
        _both(
            lambda pts, side, sign: [
                (_at(pts["waist"].at, 0.07, 0.045, sign), _at(pts["hips"].at, 0.06, 0.06, sign), 0.014, 0.016)
            ]
        ),
    ),
    "deep-core-muscles": (
        ("front",),
        lambda pts: [(_at(pts["waist"].at, -0.01, 0.05), _at(pts["waist"].at, -0.01, -0.05), 0.04, 0.04)],
    ),
    "sciatic-nerve": (
        ("back",),
        _both(
            lambda pts, side, sign: [
                (
                    _at(pts[f"{side}-hip"].at, 0.0, 0.0, sign),
                    _along(pts, f"{side}-hip", f"{side}-knee", 0.92, 0.92)[0],
                    0.007,
                    0.006,
                )
            ]
        ),
    ),
    "femoral-nerve": (
        ("front",),
        _both(
            lambda pts, side, sign: [
                (
                    _at(pts[f"{side}-hip"].at, 0.03, -0.01, sign),
                    _along(pts, f"{side}-hip", f"{side}-knee", 0.7, 0.7)[0],
                    0.007,
                    0.006,
                )
            ]
        ),
    ),
    "lateral-femoral-cutaneous-nerve": (
        ("front",),
        _both(
            lambda pts, side, sign: [
                (
                    _at(pts[f"{side}-hip"].at, 0.05, 0.075, sign),
                    _at(_along(pts, f"{side}-hip", f"{side}-knee", 0.55, 0.55)[0], 0, 0.035, sign),
                    0.006,
                    0.005,
                )
            ]
        ),
    ),
}


def body_map(region_ids: list[str], part_ids: tuple[str, ...] = ()) -> BodyMap:
    """The body front and back, side by side, with every region's shapes. KeyError names a
    region that has no recipe."""
    missing = [r for r in region_ids if r not in RECIPES]
    if missing:
        raise KeyError(f"no shape for region '{missing[0]}': add a recipe in macros/pages/figures/bodymap.py")
    unknown = [a for a in part_ids if a not in ANATOMY]
    if unknown:
        raise KeyError(f"no shape for body part '{unknown[0]}': add one to ANATOMY in macros/pages/figures/bodymap.py")
    pts = body.pose(POSE, (0.0, 0.0, 0.0))
    lowest = min(p.at[1] - p.support((0.0, 1.0, 0.0)) for p in pts.values())
    pts = body.pose(POSE, (0.0, -lowest, 0.0))
    top = max(p.at[1] + p.support((0.0, 1.0, 0.0)) for p in pts.values())
    half = max(abs(p.at[2]) + max(p.radii) for p in pts.values())
    view_width = 2 * half * SCALE
    m = MARGIN * SCALE
    outlines: dict[str, list[str]] = {}
    labels: dict[str, tuple[float, float]] = {}
    cameras: dict[str, draw.Camera] = {}
    for k, view in enumerate(VIEWS):
        cx = m + half * SCALE + k * (view_width + GAP * SCALE)
        camera = draw.Camera(view, SCALE, (cx, m + top * SCALE))
        cameras[view.removeprefix("body-")] = camera
        parts = [draw.capsule(camera, pts[a], pts[b]) for a, b in (*TRUNK, *NEAR_LEG, *FAR_LEG, *NEAR_ARM, *FAR_ARM)]
        parts.append(draw.circle(camera, pts["head"].at, body.HEAD_RADIUS * 0.92))
        outlines[view.removeprefix("body-")] = [c.path() for c in parts]
        labels[view.removeprefix("body-")] = (cx, m + (top + 0.07) * SCALE)
    regions: dict[str, list[Shape]] = {}
    parts_drawn: dict[str, list[Shape]] = {}
    for region in [*region_ids, *part_ids]:
        views, recipe = RECIPES[region] if region in region_ids else ANATOMY[region]
        shapes = []
        for view in views:
            camera = cameras[view]
            for a, b, ra, rb in recipe(pts):
                fa, fb = camera.flat(a), camera.flat(b)
                cap = draw.Capsule(fa, fb, ra * SCALE, rb * SCALE)
                length = ((fa[0] - fb[0]) ** 2 + (fa[1] - fb[1]) ** 2) ** 0.5
                area = length * (cap.ra + cap.rb) + 3.1416 * max(cap.ra, cap.rb) ** 2
                shapes.append(Shape(view, cap.path(), area))
        (regions if region in region_ids else parts_drawn)[region] = shapes
    width = 2 * view_width + GAP * SCALE + 2 * m
    height = (top + 0.1) * SCALE + 2 * m
    return BodyMap(width, height, outlines, labels, regions, parts_drawn)


def size(m: BodyMap, part: str) -> float:
    """How much of the picture a body part covers: maps draw big parts first, so small ones
    stay visible and reachable on top."""
    return sum(s.area for s in m.parts[part])
