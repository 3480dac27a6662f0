"""An exercise's numbered pictures, from the `illustration` block of its content file.

solve_panels() turns each panel (a base pose, a few angles, contacts) into a posed body with the
contact solver; figure() lays the panels out with one camera, so they share a scale and a floor,
draws the motion arrow where it touches nothing, shades where to feel it, and writes the words
a reader without the picture needs (the direction is computed from the drawn motion). Problems
come back with the field they are about, for file:line errors (see problems()).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from . import body, draw, solve
from .body import Point, Vec
from .poses import BASE_POSES, SEAT_HEIGHT, expand

Loc = tuple[str | int, ...]

MAT_MARGIN = 0.05  # heights: how far the mat reaches beyond the body on the floor, seen from above
MARGIN = 0.06  # around the figure, in heights
SCALE = 100.0  # picture units per height
BELOW_FLOOR = 0.003  # how far a surface may dip below the floor before it is an error (heights)
ARROW_LENGTH = 20.0  # picture units
ARROW_CLEARANCE = 5.0


class FigureError(Exception):
    """A pose the build cannot draw, with the field it is about."""

    def __init__(self, problems: list[tuple[Loc, str]]):
        self.problems = problems
        super().__init__("; ".join(m for _, m in problems))


@dataclass
class Solved:
    """One panel's posed body."""

    angles: dict[str, float]
    root: Vec
    points: dict[str, Point]
    contacts: list[str]
    seat: bool
    lying: bool
    mat: bool


def _words(name: str) -> str:
    return name.replace("-", " ")


def solve_panels(ill: Any) -> list[Solved]:
    """Every panel's pose, solved; FigureError with every problem found."""
    problems: list[tuple[Loc, str]] = []
    solved: list[Solved] = []
    for i, panel in enumerate(ill.panels):
        loc: Loc = ("illustration", "panels", i)
        base = BASE_POSES[panel.pose]
        for name, value in panel.angles.items():
            low, high = body.joint_range(name)
            if not low <= value <= high:
                problems.append(
                    ((*loc, "angles", name), f"{value:g} degrees is beyond what a body can do ({low:g} to {high:g})")
                )
        if problems:
            continue
        angles = {**base.angles, **panel.angles}
        free = [f for f in base.free if f not in panel.angles] + [f for f in panel.free if f not in base.free]
        contacts = expand(tuple(panel.contacts) if panel.contacts is not None else base.contacts)
        goals = [solve.on_surface(c, SEAT_HEIGHT if (c == "hips" and base.seat) else 0.0) for c in contacts]
        if panel.keep and not solved:
            problems.append(((*loc, "keep"), "the first panel has no panel before it to stay in place from"))
            continue
        goals += [solve.stays(k, solved[-1].points[k].at) for k in panel.keep]
        goals += [solve.touch(a, b) for a, b in panel.touching]
        root = solved[-1].root if solved else _resting_root(angles, contacts, base.seat)
        above = tuple(p for p in body.pose(angles) if p not in contacts)
        sol = solve.solve(angles, root, free, goals, above)
        if sol.worst > solve.TOLERANCE * 10:
            # which written contact (a group such as `feet` counts as one) cannot be met with the rest
            written = list(panel.contacts if panel.contacts is not None else base.contacts)
            culprits = []
            for name in written:
                points = set(expand((name,)))
                rest = [g for g in goals if g.label.split(" resting")[0] not in points]
                if solve.solve(angles, root, free, rest, above).worst <= solve.TOLERANCE * 10:
                    culprits.append(f"{name} resting on the floor")
            what = " or ".join(_words(c) for c in culprits) if culprits else _words(sol.worst_goal)
            problems.append(
                (
                    (*loc, "contacts" if panel.contacts is not None else "pose"),
                    f"the build cannot pose the figure with {what} "
                    f"(still {sol.worst * 170:.1f} cm off on a 1.7 m body); change the angles, "
                    "or free another angle in `free`",
                )
            )
            continue
        for name, p in sol.points.items():
            if p.at[1] - p.support(solve.UP) < -BELOW_FLOOR:
                problems.append(((*loc, "angles"), f"the {_words(name)} would go below the floor; change the angles"))
                break
        solved.append(
            Solved(
                sol.angles,
                sol.root,
                sol.points,
                contacts,
                base.seat,
                base.lying,
                panel.pose not in ("sitting", "standing"),
            )
        )
    if problems:
        raise FigureError(problems)
    return solved


def _resting_root(angles: dict[str, float], contacts: list[str], seat: bool) -> Vec:
    """A first guess for the hip centre: high enough that the lowest contact rests on the floor."""
    pts = body.pose(angles)
    lows = [pts[c].at[1] - pts[c].support(solve.UP) - (SEAT_HEIGHT if c == "hips" and seat else 0.0) for c in contacts]
    return (0.0, -min(lows) if lows else 0.5, 0.0)


# --------------------------------------------------------------------------- drawing

NEAR_LEG = ("near-hip", "near-knee"), ("near-knee", "near-ankle"), ("near-heel", "near-toes")
FAR_LEG = ("far-hip", "far-knee"), ("far-knee", "far-ankle"), ("far-heel", "far-toes")
NEAR_ARM = ("near-shoulder", "near-elbow"), ("near-elbow", "near-wrist"), ("near-wrist", "near-hand")
FAR_ARM = ("far-shoulder", "far-elbow"), ("far-elbow", "far-wrist"), ("far-wrist", "far-hand")
TRUNK = ("hips", "waist"), ("waist", "shoulders"), ("shoulders", "neck-top")

# Where to feel it: (bone, fraction along it, which way from the bone, how far out in radii).
FEEL_PLACES: dict[str, tuple[tuple[str, str], float, str, float]] = {
    "front-of-hip": (("hip", "knee"), 0.12, "front", 0.55),
    "groin": (("hip", "knee"), 0.05, "front", 0.3),
    "outer-hip": (("hip", "knee"), 0.08, "out", 0.7),
    "buttock": (("hip", "knee"), 0.0, "back", 0.75),
    "front-of-thigh": (("hip", "knee"), 0.5, "front", 0.45),
    "back-of-thigh": (("hip", "knee"), 0.6, "back", 0.45),  # mid-thigh: the first part is under the buttock
    "calf": (("knee", "ankle"), 0.3, "back", 0.45),
    "lower-back": (("waist", "shoulders"), 0.0, "back", 0.6),
}

# How the caption names a moving point.
POINT_WORDS: dict[str, tuple[str, bool]] = {  # words, plural
    "head": ("your head", False),
    "shoulders": ("your shoulders", True),
    "hips": ("your hips", True),
    "waist": ("your lower back", False),
    "hip": ("your hip", False),
    "knee": ("your knee", False),
    "ankle": ("your ankle", False),
    "heel": ("your heel", False),
    "toes": ("your toes", True),
    "elbow": ("your elbow", False),
    "hand": ("your hand", False),
}


@dataclass
class Group:
    """Shapes drawn together, outline first and fill over it, so they merge without seams."""

    tone: str  # "near" (white) or "far" (grey)
    shapes: list[str]  # ids of paths in the panel's defs
    depth: float


@dataclass
class Arrow:
    tail: draw.Flat
    tip: draw.Flat
    head: list[draw.Flat]

    def samples(self) -> list[draw.Flat]:
        (tx, ty), (px, py) = self.tail, self.tip
        return [(tx + (px - tx) * k / 8, ty + (py - ty) * k / 8) for k in range(9)] + self.head


@dataclass
class Panel:
    id: str
    caption: str
    note: str
    width: float
    height: float
    paths: list[tuple[str, str]]  # (id, path data)
    groups: list[Group]
    capsules: list[draw.Capsule]
    floor: float | None  # picture y of the floor line
    mat: list[draw.Flat] | None  # the mat's corners in the picture
    chair: list[tuple[float, float, float, float]] = field(default_factory=list)
    chair_after: int = -1  # the chair is drawn after this group (-1: before the body)
    arrow: Arrow | None = None
    feel: tuple[float, float, float, float, float] | None = None  # cx, cy, rx, ry, rotation
    top: float = 0.0  # the picture starts this far down its drawing area (headroom not needed)


@dataclass
class Figure:
    id: str
    view: str
    panels: list[Panel]
    direction: str  # the motion in words, e.g. "up"
    solved: list[Solved]


_DRAWN: dict[str, Figure] = {}  # by figure id and illustration data: `./dev serve` redraws only what changed


def figure(ill: Any, figure_id: str) -> Figure:
    """The drawn figure of an exercise's illustration block (the same data draws the same
    figure, so a figure drawn before in this process is reused)."""
    key = f"{figure_id}\n{ill.model_dump_json()}"
    if key not in _DRAWN:
        if len(_DRAWN) > 500:
            _DRAWN.clear()
        _DRAWN[key] = _draw(ill, figure_id)
    return _DRAWN[key]


def _draw(ill: Any, figure_id: str) -> Figure:
    solved = solve_panels(ill)
    view = ill.view or BASE_POSES[ill.panels[0].pose].view
    probe = draw.Camera(view, SCALE, (0.0, 0.0))
    shapes = [_shapes(probe, s, view) for s in solved]
    left = min(min(c.a[0] - c.ra, c.b[0] - c.rb) for sh in shapes for c in sh.values())
    right = max(max(c.a[0] + c.ra, c.b[0] + c.rb) for sh in shapes for c in sh.values())
    top = min(min(c.a[1] - c.ra, c.b[1] - c.rb) for sh in shapes for c in sh.values())
    bottom = max(max(c.a[1] + c.ra, c.b[1] + c.rb) for sh in shapes for c in sh.values())
    bottom = max(bottom, 0.0)
    if view != "side":  # the mat seen from above is a stretch of floor around the body
        corners = [probe.flat(c) for s in solved if s.mat for c in _mat_corners(s)]
        left = min([left, *(x for x, _ in corners)])
        right = max([right, *(x for x, _ in corners)])
        bottom = max([bottom, *(y for _, y in corners)])
    top -= ARROW_LENGTH + 8  # room for the arrow above and beside the body
    left -= ARROW_LENGTH / 2
    right += ARROW_LENGTH / 2
    if any(s.seat for s in solved):
        top = min(top, -(SEAT_HEIGHT + 0.3) * SCALE)
    m = MARGIN * SCALE
    camera = draw.Camera(view, SCALE, (m - left, m - top))
    width, height = right - left + 2 * m, bottom - top + 2 * m

    motion_at = ill.motion.panel or len(ill.panels)
    point = ill.motion.point
    before, after = solved[motion_at - 2].points[point].at, solved[motion_at - 1].points[point].at
    move = body.sub(after, before)
    if body.norm(move) < 0.01:
        raise FigureError(
            [
                (
                    ("illustration", "motion", "point"),
                    f"the {_words(point)} hardly moves between panels {motion_at - 1} and {motion_at}; "
                    "name the point that moves",
                )
            ]
        )
    direction = direction_words(point, move, solved[motion_at - 1], view)
    if not direction:
        raise FigureError(
            [
                (
                    ("illustration", "motion", "point"),
                    f"the {_words(point)} moves mostly towards or away from the viewer in the {view} view, "
                    "so no arrow can show it; choose another view",
                )
            ]
        )
    chair_x = solved[0].points["hips"].at[0]
    # sitting sideways, a leg slides back beside the seat: a seat without a back (a bench or
    # stool), as a chair's back would stand behind the trunk and the thigh
    backless = any(body.limb(s.angles, side, "hip") < 0 for s in solved if s.seat for side in body.SIDES)

    panels = []
    for k, (panel, s) in enumerate(zip(ill.panels, solved, strict=True), start=1):
        caps = _shapes(camera, s, view)
        pid = f"{figure_id}-{k}"
        groups = _groups(camera, s, view, caps, pid)
        floor = camera.flat((0, 0, 0))[1] if view == "side" else None
        xs = [x for c in caps.values() for x in (c.a[0] - c.ra, c.b[0] + c.rb, c.a[0] + c.ra, c.b[0] - c.rb)]
        mat = None
        if s.mat:
            if view != "side":  # the mat is a stretch of floor, seen from above at a slant
                mat = [camera.flat(c) for c in _mat_corners(s)]
            elif floor is not None:  # a thin mat on the floor line
                x0, x1, y0 = min(xs) - 6, max(xs) + 6, floor - 2.4
                mat = [(x0, y0), (x1, y0), (x1, floor), (x0, floor)]
        note = []
        p = Panel(
            pid,
            panel.caption,
            "",
            width,
            height,
            [(f"{pid}-{name}", c.path()) for name, c in caps.items()],
            groups,
            list(caps.values()),
            floor,
            mat,
        )
        if s.seat:
            p.chair = _chair(camera, chair_x, back=not backless)
            # the far leg is beyond the chair: it passes behind the chair's legs, not through
            # them (a leg that slides back beside the seat is the near one, drawn over it)
            p.chair_after = next(i for i, g in enumerate(groups) if g.shapes[0] == f"{pid}-far-hip-far-knee")
        if k == motion_at:
            p.arrow = place_arrow(camera.flat(before), camera.flat(after), p.capsules, width, height)
            subject, plural = _point_words(point)
            note.append(f"The arrow shows {subject} moving {direction}.")
        if ill.feel and k == len(ill.panels):
            p.feel = _feel(camera, s, ill.feel.at, ill.feel.side)
            note.append(f"The shaded patch shows where you should feel it: {ill.feel.where}.")
        p.note = " ".join(note)
        panels.append(p)
    # crop the headroom the arrow did not need, the same in every panel so they stay aligned
    used = min(min(y for c in p.capsules for y in (c.a[1] - c.ra, c.b[1] - c.rb)) for p in panels)
    arrows = [y for p in panels if p.arrow for _, y in p.arrow.samples()]
    arrows += [y for p in panels for _, y, _, _ in p.chair]
    crop = max(0.0, min([used, *arrows]) - m)
    for p in panels:
        p.top = crop
    return Figure(figure_id, view, panels, direction, solved)


def _mat_corners(s: Solved) -> list[Vec]:
    """The corners of the mat under a body, on the floor: the body's own stretch of floor and a
    little more, so the mat is as long and as wide as the body lying on it."""
    xs = [p.at[0] for p in s.points.values()]
    zs = [p.at[2] for p in s.points.values()]
    x0, x1 = min(xs) - MAT_MARGIN, max(xs) + MAT_MARGIN
    z0, z1 = min(zs) - MAT_MARGIN, max(zs) + MAT_MARGIN
    return [(x0, 0.0, z0), (x1, 0.0, z0), (x1, 0.0, z1), (x0, 0.0, z1)]


def _point_words(point: str) -> tuple[str, bool]:
    base = point.split("-", 1)[1] if point.startswith(("near-", "far-")) else point
    return POINT_WORDS[base]


def _shapes(camera: draw.Camera, s: Solved, view: str) -> dict[str, draw.Capsule]:
    """Every bone of the posed body as a capsule, named."""
    pts = s.points
    caps: dict[str, draw.Capsule] = {}
    for a, b in (*TRUNK, *NEAR_LEG, *FAR_LEG, *NEAR_ARM, *FAR_ARM):
        caps[f"{a}-{b}"] = draw.capsule(camera, pts[a], pts[b])
    for side in ("near", "far"):  # the ankle joins shank and foot
        caps[f"{side}-ankle"] = draw.capsule(camera, pts[f"{side}-ankle"], pts[f"{side}-heel"])
    head = pts["head"]
    caps["head"] = draw.circle(camera, head.at, body.HEAD_RADIUS)
    forward = body.column(head.frame, 0)
    ex, ey, _ = draw.VIEWS[view]
    facing = math.hypot(body.dot(forward, ex), body.dot(forward, ey))
    caps["jaw"] = draw.circle(camera, body.add(head.at, body.apply(head.frame, (0.022, -0.036, 0))), 0.036)
    if facing > 0.6:  # a nose only where the head is seen in profile
        caps["nose"] = draw.circle(camera, body.add(head.at, body.apply(head.frame, (0.058, -0.006, 0))), 0.013)
    return caps


def _groups(camera: draw.Camera, s: Solved, view: str, caps: dict[str, draw.Capsule], pid: str) -> list[Group]:
    def ids(bones: tuple[tuple[str, str], ...], extra: tuple[str, ...] = ()) -> list[str]:
        return [f"{pid}-{a}-{b}" for a, b in bones] + [f"{pid}-{e}" for e in extra]

    def depth(names: tuple[str, ...]) -> float:
        return sum(camera.depth(s.points[n].at) for n in names) / len(names)

    trunk = ids(TRUNK, ("head", "jaw", *(("nose",) if "nose" in caps else ())))
    near_leg, far_leg = ids(NEAR_LEG, ("near-ankle",)), ids(FAR_LEG, ("far-ankle",))
    groups = [
        Group("far", far_leg, depth(("far-hip", "far-knee", "far-ankle"))),
        Group("far", ids(FAR_ARM), depth(("far-shoulder", "far-elbow", "far-hand"))),
        Group("near", ids(NEAR_ARM), depth(("near-shoulder", "near-elbow", "near-hand"))),
    ]
    if view != "side":  # legs that cross or lift must keep their own outlines
        groups += [
            Group("near", trunk, depth(("hips", "shoulders"))),
            Group("near", near_leg, depth(("near-hip", "near-knee", "near-ankle"))),
        ]
    else:
        groups.append(Group("near", trunk + near_leg, depth(("hips",))))
    return sorted(groups, key=lambda g: g.depth)


def _chair(camera: draw.Camera, hips_x: float, back: bool = True) -> list[tuple[float, float, float, float]]:
    """A plain chair seen from the side, under the first panel's hips: seat, legs and (unless
    `back` is false, for a bench or stool) back."""
    x0, x1 = hips_x - 0.12, hips_x + 0.1
    (sx0, sy), (sx1, _) = camera.flat((x0, SEAT_HEIGHT, 0)), camera.flat((x1, SEAT_HEIGHT, 0))
    floor = camera.flat((0, 0, 0))[1]
    t = 0.025 * SCALE
    parts = [
        (sx0, sy, sx1 - sx0, t),
        (sx0, sy + t, t, floor - sy - t),
        (sx1 - t, sy + t, t, floor - sy - t),
    ]
    return [*parts, (sx0, sy - 0.28 * SCALE, t, 0.28 * SCALE)] if back else parts


def _feel(camera: draw.Camera, s: Solved, place: str, side: str) -> tuple[float, float, float, float, float]:
    (a, b), t, way, out = FEEL_PLACES[place]
    if a in ("hip", "knee"):
        a, b = f"{side}-{a}", f"{side}-{b}"
    pa, pb = s.points[a], s.points[b]
    centre = body.add(pa.at, body.scale(body.sub(pb.at, pa.at), t))
    frame = pa.frame
    if way == "out":
        direction = body.scale(body.column(frame, 2), 1.0 if side == "near" else -1.0)
        radius = pa.radii[1]
    else:
        direction = body.scale(body.column(frame, 0), 1.0 if way == "front" else -1.0)
        radius = pa.radii[0]
    centre = body.add(centre, body.scale(direction, radius * out))
    cx, cy = camera.flat(centre)
    fa, fb = camera.flat(pa.at), camera.flat(pb.at)
    angle = math.degrees(math.atan2(fb[1] - fa[1], fb[0] - fa[0]))
    return (cx, cy, 0.055 * SCALE, 0.038 * SCALE, angle)


def direction_words(point: str, move: Vec, s: Solved, view: str = "side") -> str:
    """The movement in words a reader uses: up, down, forwards, towards your head, out to the
    side... the largest parts first, from the drawn (solved) motion. A word is said only when
    its way in the picture agrees with the drawn arrow (moving towards the viewer is not "up"
    however large it is); empty when no word can be seen in this view."""
    pts = s.points
    parts: list[tuple[float, str, Vec]] = []  # size of the part, its word, the word's way in the world
    parts.append((move[1], "up" if move[1] > 0 else "down", solve.UP))
    if s.lying:
        along = body.sub(pts["head"].at, pts["hips"].at)
        words = ("towards your head", "towards your feet")
    else:
        along = body.column(pts["hips"].frame, 0)
        words = ("forwards", "backwards")
    along = (along[0], 0.0, along[2])
    length = body.norm(along) or 1.0
    along = body.scale(along, 1 / length)
    a = body.dot(move, along)
    parts.append((a, words[0] if a > 0 else words[1], along))
    if point.startswith(("near-", "far-")):
        right = body.column(pts["hips"].frame, 2)
        outward = body.scale(right, 1.0 if point.startswith("near-") else -1.0)
        outward = (outward[0], 0.0, outward[2])
        if body.norm(outward) > 0.5:
            side = body.scale(outward, 1 / body.norm(outward))
            c = body.dot(move, side)
            parts.append((c, "out to the side" if c > 0 else "across your body", side))
    size = body.norm(move)
    ex, ey, _ = draw.VIEWS[view]
    drawn = (body.dot(move, ex), body.dot(move, ey))

    def seen(value: float, way: Vec) -> bool:
        shown = (body.dot(way, ex) * value, body.dot(way, ey) * value)
        agree = shown[0] * drawn[0] + shown[1] * drawn[1]
        return agree > 0.3 * math.hypot(*shown) * math.hypot(*drawn) and math.hypot(*shown) > 0.2 * abs(value)

    chosen = [w for v, w, way in sorted(parts, key=lambda p: -abs(p[0])) if abs(v) >= 0.4 * size and seen(v, way)]
    return " and ".join(chosen)


def place_arrow(start: draw.Flat, end: draw.Flat, capsules: list[draw.Capsule], width: float, height: float) -> Arrow:
    """An arrow in the direction of the motion, clear of the body and inside the picture, as
    near as it can be to the moving point's new place (tried nearest first, in 24 directions)."""
    dx, dy = end[0] - start[0], end[1] - start[1]
    length = math.hypot(dx, dy)
    u = (dx / length, dy / length)
    places = sorted((reach, k) for reach in range(6, 120, 3) for k in range(24))
    for reach, k in places:
        angle = 2 * math.pi * k / 24
        arrow = _arrow((end[0] + reach * math.cos(angle), end[1] + reach * math.sin(angle)), u)
        samples = arrow.samples()
        if all(5 <= x <= width - 5 and 5 <= y <= height - 5 for x, y in samples) and all(
            c.distance(p) >= ARROW_CLEARANCE for p in samples for c in capsules
        ):
            return arrow
    return _arrow((width / 2, 8.0), u)  # nowhere clear: the tests flag it


def _arrow(centre: draw.Flat, u: draw.Flat) -> Arrow:
    half = ARROW_LENGTH / 2
    tail = (centre[0] - u[0] * half, centre[1] - u[1] * half)
    tip = (centre[0] + u[0] * half, centre[1] + u[1] * half)
    back = (tip[0] - u[0] * 7, tip[1] - u[1] * 7)
    head = [tip, (back[0] - u[1] * 4.5, back[1] + u[0] * 4.5), (back[0] + u[1] * 4.5, back[1] - u[0] * 4.5)]
    return Arrow(tail, tip, head)


def problems(entry: Any) -> list[tuple[Loc, str]]:
    """What is wrong with an exercise's illustration, by field; empty when it draws."""
    try:
        figure(entry.illustration, entry.id)
    except FigureError as err:
        return err.problems
    return []
