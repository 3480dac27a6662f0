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


@dataclass(frozen=True)
class BodyMap:
    width: float
    height: float
    outlines: dict[str, list[str]]  # view -> path data of the body's parts
    labels: dict[str, tuple[float, float]]  # view -> where its name goes
    regions: dict[str, list[Shape]]  # region id -> its shapes


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


def body_map(region_ids: list[str]) -> BodyMap:
    """The body front and back, side by side, with every region's shapes. KeyError names a
    region that has no recipe."""
    missing = [r for r in region_ids if r not in RECIPES]
    if missing:
        raise KeyError(f"no shape for region '{missing[0]}': add a recipe in macros/pages/figures/bodymap.py")
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
    for region in region_ids:
        views, recipe = RECIPES[region]
        shapes = []
        for view in views:
            camera = cameras[view]
            for a, b, ra, rb in recipe(pts):
                fa, fb = camera.flat(a), camera.flat(b)
                cap = draw.Capsule(fa, fb, ra * SCALE, rb * SCALE)
                shapes.append(Shape(view, cap.path()))
        regions[region] = shapes
    width = 2 * view_width + GAP * SCALE + 2 * m
    height = (top + 0.1) * SCALE + 2 * m
    return BodyMap(width, height, outlines, labels, regions)
