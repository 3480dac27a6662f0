"""Flat drawing: a posed body projected onto the picture plane as smooth closed outlines.

Each bone is a capsule (two circles of the body's thickness at its ends joined by their outer
tangents: lines and arcs, no corners), in picture units with y pointing down, as SVG uses.
Only numbers and path data are made here; the markup is the template's
(templates/components/exercise-figure.html).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from . import body
from .body import Point, Vec

Flat = tuple[float, float]


def orbit(azimuth: float, elevation: float, mirror: bool = False) -> tuple[Vec, Vec, Vec]:
    """Picture axes (right, up) and the direction toward the viewer for a viewer who starts at
    the side view (looking along -z at the body's near side), walks `azimuth` degrees round the
    body toward +x (where a lying body's feet are) and looks down from `elevation` degrees above
    the floor. `mirror` flips the picture left to right, so a body seen from its other side still
    has its head on the left like every other figure."""
    a, e = math.radians(azimuth), math.radians(elevation)
    toward = (math.sin(a) * math.cos(e), math.sin(e), math.cos(a) * math.cos(e))
    right = (math.cos(a), 0.0, -math.sin(a))
    up = (-math.sin(a) * math.sin(e), math.cos(e), -math.cos(a) * math.sin(e))
    if mirror:
        right = (-right[0], -right[1], -right[2])
    return right, up, toward


# Picture axes in the world, and the direction toward the viewer, for each view.
VIEWS: dict[str, tuple[Vec, Vec, Vec]] = {
    "side": ((1, 0, 0), (0, 1, 0), (0, 0, 1)),
    # facing the body's front from 20 degrees above the floor: for lying on the side, a knee
    # that lifts rises in the picture, and the bent hips and knees (which point at the viewer)
    # still show their bend; low enough that the mat is a thin strip, not a big rectangle
    "front": orbit(180, 20, mirror=True),
    # from the side and 60 degrees above: legs that cross or move across the body show it
    "above": orbit(0, 60),
    # from beyond the feet, half way round from the side, and 35 degrees above: a knee that
    # moves across the body goes sideways in the picture, a knee that bends up goes up
    "three-quarter": orbit(45, 35),
    # a standing body seen from in front (its right side on the viewer's left) and from behind
    "body-front": ((0, 0, -1), (0, 1, 0), (1, 0, 0)),
    "body-back": ((0, 0, 1), (0, 1, 0), (-1, 0, 0)),
}


@dataclass(frozen=True)
class Camera:
    """Projects world points (units of height) into picture units: `scale` units per height,
    the world's origin at picture point `origin` (picture y points down)."""

    view: str
    scale: float
    origin: Flat

    def flat(self, at: Vec) -> Flat:
        ex, ey, _ = VIEWS[self.view]
        return (self.origin[0] + body.dot(at, ex) * self.scale, self.origin[1] - body.dot(at, ey) * self.scale)

    def depth(self, at: Vec) -> float:
        return body.dot(at, VIEWS[self.view][2])

    def across(self, a: Flat, b: Flat) -> Vec:
        """The world direction that is perpendicular, in the picture, to the line from a to b."""
        ex, ey, _ = VIEWS[self.view]
        dx, dy = b[0] - a[0], -(b[1] - a[1])  # picture y up again
        length = math.hypot(dx, dy) or 1.0
        px, py = -dy / length, dx / length
        return body.add(body.scale(ex, px), body.scale(ey, py))


@dataclass(frozen=True)
class Capsule:
    """A bone drawn as a smooth closed outline: centres and radii at its two ends."""

    a: Flat
    b: Flat
    ra: float
    rb: float

    def distance(self, p: Flat) -> float:
        """Distance from p to the capsule's outline (negative inside), for placing the arrow."""
        ax, ay = self.a
        dx, dy = self.b[0] - ax, self.b[1] - ay
        length2 = dx * dx + dy * dy
        t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((p[0] - ax) * dx + (p[1] - ay) * dy) / length2))
        cx, cy = ax + t * dx, ay + t * dy
        return math.hypot(p[0] - cx, p[1] - cy) - (self.ra + t * (self.rb - self.ra))

    def path(self) -> str:
        """SVG path data: the outer tangents and the two end arcs."""
        (ax, ay), (bx, by), ra, rb = self.a, self.b, self.ra, self.rb
        d = math.hypot(bx - ax, by - ay)
        if d <= abs(ra - rb) + 1e-6:  # one circle holds the other
            (cx, cy), r = ((ax, ay), ra) if ra >= rb else ((bx, by), rb)
            return f"M{n(cx - r)} {n(cy)}a{n(r)} {n(r)} 0 1 0 {n(2 * r)} 0a{n(r)} {n(r)} 0 1 0 {n(-2 * r)} 0Z"
        theta = math.atan2(by - ay, bx - ax)
        phi = math.acos((ra - rb) / d)

        def at(cx: float, cy: float, r: float, angle: float) -> str:
            return f"{n(cx + r * math.cos(angle))} {n(cy + r * math.sin(angle))}"

        big_b = 1 if phi > math.pi / 2 else 0
        return (
            f"M{at(ax, ay, ra, theta + phi)}L{at(bx, by, rb, theta + phi)}"
            f"A{n(rb)} {n(rb)} 0 {big_b} 0 {at(bx, by, rb, theta - phi)}"
            f"L{at(ax, ay, ra, theta - phi)}"
            f"A{n(ra)} {n(ra)} 0 {1 - big_b} 0 {at(ax, ay, ra, theta + phi)}Z"
        )


def n(x: float) -> str:
    """A coordinate as SVG text: one decimal, no trailing zero, never '-0'."""
    text = f"{x:.1f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def capsule(camera: Camera, a: Point, b: Point, ra_scale: float = 1.0, rb_scale: float = 1.0) -> Capsule:
    """The bone from a to b as the camera sees it: the thickness is the body's cross-section
    across the bone in the picture (a trunk looks deeper from the side than from the front)."""
    fa, fb = camera.flat(a.at), camera.flat(b.at)
    across = camera.across(fa, fb)
    return Capsule(fa, fb, a.support(across) * camera.scale * ra_scale, b.support(across) * camera.scale * rb_scale)


def circle(camera: Camera, at: Vec, radius: float) -> Capsule:
    p = camera.flat(at)
    return Capsule(p, p, radius * camera.scale, radius * camera.scale)
