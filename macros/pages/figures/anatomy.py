"""Schematic anatomy diagrams (issue 12): a few base drawings, each part of them a link to its
anatomy page, the page's own part highlighted.

Four base diagrams are drawn here as geometry from a few named measurements: the lumbar spine
from the side, the pelvis and hips from in front, a hip joint cut open from in front, and the
hips and thighs from behind. Each shape belongs to one anatomy part (or is context, drawn but not
a link) and has a tissue kind (bone, disc, joint, capsule, nerve, muscle, bursa) that the page's
CSS colours. The shapes go into a cached file per diagram (assets/figures/anatomy-<id>.svg); the
labels, links and words go into each page (templates/components/anatomy-figure.html).

Which diagram a page shows is `PAGE_DIAGRAM`, one line per part. Only numbers, words and path
data are made here; the markup is the templates'.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .draw import n

Flat = tuple[float, float]

FONT = 12.0  # label size in picture units; diagrams are WIDTH wide, so about 12 px on a phone
WIDTH = 340.0
CHAR = 0.6  # a generous average width of a character, in font sizes, for keeping labels apart
LINE = 1.2  # line height, in font sizes

# muscle-front: a muscle in front of a cut-open joint, drawn see-through over it in the muscle colour
KINDS = ("bone", "disc", "joint", "capsule", "nerve", "muscle", "muscle-front", "bursa", "ligament")


@dataclass(frozen=True)
class Shape:
    kind: str  # one of KINDS: how it is coloured
    path: str


@dataclass(frozen=True)
class Label:
    """An anatomy label: its lines of text at (x, y) (the first line's baseline), anchored
    start, middle or end, with a leader line from `start` to `to` (the part) when it has one."""

    lines: tuple[str, ...]
    x: float
    y: float
    anchor: str = "start"
    to: Flat | None = None

    def box(self) -> tuple[float, float, float, float]:
        """An approximate box round the text: left, top, right, bottom."""
        width = max(len(line) for line in self.lines) * FONT * CHAR
        left = {"start": self.x, "middle": self.x - width / 2, "end": self.x - width}[self.anchor]
        top = self.y - FONT * 0.8
        return left, top, left + width, top + FONT * (0.95 + LINE * (len(self.lines) - 1))

    @property
    def start(self) -> Flat:
        """Where the leader line leaves the text: the side of its box nearest the part."""
        left, top, right, bottom = self.box()
        assert self.to is not None
        tx, ty = self.to
        if tx < left:
            return left - 3, (top + bottom) / 2
        if tx > right:
            return right + 3, (top + bottom) / 2
        return (left + right) / 2, top - 2 if ty < top else bottom + 2


@dataclass(frozen=True)
class Diagram:
    id: str
    view: str  # what it shows, for its words: "the lumbar spine from the side"
    width: float
    height: float
    context: list[Shape]  # drawn, not a link
    parts: dict[str, list[Shape]]  # anatomy id -> its shapes, in drawing order
    labels: dict[str, list[Label]]  # anatomy id -> its labels ("" for context labels)
    notes: dict[str, str] = field(default_factory=dict)  # anatomy id -> what of it is drawn
    top: float = 0.0  # the picture's top edge (negative: room for labels above the drawing)
    over: list[Shape] = field(default_factory=list)  # drawn over the parts, not a link
    # anatomy id -> what its page's caption says is highlighted, where that is not the whole part
    highlights: dict[str, str] = field(default_factory=dict)

    @property
    def view_box(self) -> str:
        """The symbols' box: from `top`. Pages draw them in a box from 0 and move the labels
        down by -top to match."""
        return f"0 {n(self.top)} {n(self.width)} {n(self.height)}"


# ------------------------------------------------------------------ drawing helpers


def _p(x: float, y: float) -> str:
    return f"{n(x)} {n(y)}"


def _num(v: float) -> str:
    """A number as short as SVG allows: one decimal, no leading zero ('.5', '-.5'), never '-0'."""
    text = n(v)
    return text.replace("0.", ".", 1) if text.startswith(("0.", "-0.")) else text


class _Pen:
    """Path data with relative commands (short numbers, so the cached file stays small): points
    are rounded to one decimal first, and each step is measured between rounded points, so no
    error adds up along a path."""

    def __init__(self, start: Flat) -> None:
        self.at = (round(start[0], 1), round(start[1], 1))
        self.d = "M" + _p(*self.at)

    def to(self, command: str, *points: Flat) -> None:
        rounded_points = [(round(x, 1), round(y, 1)) for x, y in points]
        text = ""
        for x, y in rounded_points:
            for v in (x - self.at[0], y - self.at[1]):
                num = _num(v)
                sep = "" if not text or num.startswith("-") or (num.startswith(".") and "." in _last(text)) else " "
                text += sep + num
        self.d += command + text
        self.at = rounded_points[-1]


def _last(text: str) -> str:
    """The last number written so far."""
    for k in range(len(text) - 1, -1, -1):
        if text[k] in " -" or (text[k] == "." and "." in text[k + 1 :]):
            return text[k:]
    return text


def rounded(points: Sequence[Flat], r: float = 4.0) -> str:
    """A closed polygon with each corner rounded (a quadratic curve of reach r)."""
    pen: _Pen | None = None
    count = len(points)
    for i, (x, y) in enumerate(points):
        px, py = points[i - 1]
        nx, ny = points[(i + 1) % count]
        d1 = math.hypot(x - px, y - py) or 1.0
        d2 = math.hypot(nx - x, ny - y) or 1.0
        k1, k2 = min(r, d1 / 2) / d1, min(r, d2 / 2) / d2
        a = (x + (px - x) * k1, y + (py - y) * k1)
        b = (x + (nx - x) * k2, y + (ny - y) * k2)
        if pen is None:
            pen = _Pen(a)
        else:
            pen.to("l", a)
        pen.to("q", (x, y), b)
    assert pen is not None
    return pen.d + "Z"


def smooth(points: Sequence[Flat], closed: bool = True) -> str:
    """A smooth curve through the points (Catmull-Rom as cubic Béziers)."""
    count = len(points)
    pen = _Pen(points[0])
    for i in range(count if closed else count - 1):
        p0 = points[(i - 1) % count] if closed else points[max(i - 1, 0)]
        p1, p2 = points[i], points[(i + 1) % count]
        p3 = points[(i + 2) % count] if closed else points[min(i + 2, count - 1)]
        c1 = (p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6)
        c2 = (p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6)
        pen.to("c", c1, c2, p2)
    return pen.d + ("Z" if closed else "")


def _spline(points: Sequence[Flat], steps: int) -> list[Flat]:
    """Points along the smooth curve through `points` (open), `steps` per span."""
    out: list[Flat] = []
    count = len(points)
    for i in range(count - 1):
        p0, p1, p2 = points[max(i - 1, 0)], points[i], points[i + 1]
        p3 = points[min(i + 2, count - 1)]
        for s in range(steps):
            t = s / steps
            t2, t3 = t * t, t * t * t
            out.append(
                tuple(  # type: ignore[arg-type]
                    0.5
                    * (
                        2 * p1[c]
                        + (-p0[c] + p2[c]) * t
                        + (2 * p0[c] - 5 * p1[c] + 4 * p2[c] - p3[c]) * t2
                        + (-p0[c] + 3 * p1[c] - 3 * p2[c] + p3[c]) * t3
                    )
                    for c in (0, 1)
                )
            )
    out.append(points[-1])
    return out


def ribbon(centre: Sequence[Flat], widths: Sequence[float], steps: int = 1) -> str:
    """A band of the given widths (at each centre point, eased between) along a smooth centre
    line, with rounded ends: a muscle, a nerve or a capsule seen from the side."""
    line = _spline(centre, steps)
    ws = [widths[min(int(i / steps), len(widths) - 1)] for i in range(len(line))]
    ws = [
        widths[min(i // steps, len(widths) - 1)] * (1 - (i % steps) / steps)
        + widths[min(i // steps + 1, len(widths) - 1)] * ((i % steps) / steps)
        for i in range(len(line))
    ]
    left, right = [], []
    for i, (x, y) in enumerate(line):
        ax, ay = line[max(i - 1, 0)]
        bx, by = line[min(i + 1, len(line) - 1)]
        length = math.hypot(bx - ax, by - ay) or 1.0
        nx, ny = -(by - ay) / length, (bx - ax) / length
        h = ws[i] / 2
        left.append((x + nx * h, y + ny * h))
        right.append((x - nx * h, y - ny * h))
    return smooth(left + right[::-1])


def ellipse(cx: float, cy: float, rx: float, ry: float, angle: float = 0.0) -> str:
    a = math.radians(angle)
    dx, dy = rx * math.cos(a), rx * math.sin(a)
    return (
        f"M{_p(cx - dx, cy - dy)}A{n(rx)} {n(ry)} {n(angle)} 1 0 {_p(cx + dx, cy + dy)}"
        f"A{n(rx)} {n(ry)} {n(angle)} 1 0 {_p(cx - dx, cy - dy)}Z"
    )


def circle(cx: float, cy: float, r: float) -> str:
    return ellipse(cx, cy, r, r)


def polar(c: Flat, angle: float, r: float) -> Flat:
    a = math.radians(angle)
    return c[0] + r * math.cos(a), c[1] + r * math.sin(a)


def mirror(points: Sequence[Flat], axis: float) -> list[Flat]:
    return [(2 * axis - x, y) for x, y in points]


def line_path(points: Sequence[Flat]) -> str:
    return "M" + "L".join(_p(*p) for p in points)


def label(text: str, x: float, y: float, anchor: str = "start", to: Flat | None = None) -> Label:
    return Label(tuple(text.split("|")), x, y, anchor, to)


# ------------------------------------------------------------------ the lumbar spine from the side

# Named measurements, in picture units: a vertebral body's height and depth, a disc's height,
# how far the back part of a vertebra reaches, and each level's tilt from upright (degrees,
# positive leaning forward): the lower back's inward curve (lordosis).
BODY_H, BODY_W, DISC_H = 34.0, 60.0, 11.0
SPINOUS = 44.0
TILTS = (14.0, 7.0, 0.0, -8.0, -17.0)
SACRUM_TILT = -38.0
LEVELS = ("L1", "L2", "L3", "L4", "L5")


SPINE_SCALE = 1.2  # picture units per measurement unit


def _frame(origin: Flat, tilt: float) -> Callable[[float, float], Flat]:
    """Local (forward, down) coordinates of a vertebra tilted by `tilt` degrees."""
    a = math.radians(tilt)
    fwd = (math.cos(a) * SPINE_SCALE, -math.sin(a) * SPINE_SCALE)
    down = (math.sin(a) * SPINE_SCALE, math.cos(a) * SPINE_SCALE)

    def at(f: float, u: float) -> Flat:
        return origin[0] + fwd[0] * f + down[0] * u, origin[1] + fwd[1] * f + down[1] * u

    return at


def lumbar_side() -> Diagram:
    w, h = BODY_W, BODY_H
    origin: Flat = (200.0, 24.0)
    bodies, backs, discs, facets, roots, canal = [], [], [], [], [], []
    root_at: list[Flat] = []
    facet_at: list[Flat] = []
    centres: list[Flat] = []
    tops: list[Flat] = []
    top = origin
    for k, tilt in enumerate(TILTS):
        at = _frame(top, tilt)
        tops.append(top)
        bodies.append(rounded([at(-w / 2, 0), at(w / 2, 0), at(w / 2, h), at(-w / 2, h)], 5))
        centres.append(at(0, h / 2))
        b = -w / 2
        backs.append(
            rounded(
                [
                    at(b + 3, 0.12 * h),
                    at(b - 13, -0.02 * h),
                    at(b - 17, -0.36 * h),  # upper joint process
                    at(b - 27, -0.34 * h),
                    at(b - 30, 0.1 * h),
                    at(b - SPINOUS - 10, 0.12 * h),  # spinous process
                    at(b - SPINOUS - 16, 0.42 * h),
                    at(b - SPINOUS - 8, 0.78 * h),
                    at(b - 32, 0.8 * h),
                    at(b - 31, 1.22 * h),  # lower joint process
                    at(b - 21, 1.12 * h),
                    at(b - 16, 0.6 * h),
                    at(b + 3, 0.55 * h),
                ],
                4,
            )
        )
        # a nerve root leaves the canal forwards and down through the gap below the pedicle (behind
        # the disc, in front of the facet joint), then runs on past the side of the disc
        root_at.append(at(b + 7, 1.32 * h))
        root = [at(b - 10, 0.5 * h), at(b - 6, 0.88 * h), root_at[-1], at(b + 14, 1.52 * h)]
        roots.append(ribbon(root, [7, 7, 6, 4]))
        canal.append(at(b - 9, 0.3 * h))
        canal.append(at(b - 9, 0.9 * h))
        nxt = TILTS[k + 1] if k + 1 < len(TILTS) else SACRUM_TILT
        bottom = at(0, h)
        mid = math.radians((tilt + nxt) / 2)
        gap = DISC_H * SPINE_SCALE * (1.35 if k == len(TILTS) - 1 else 1.0)
        below = (bottom[0] + math.sin(mid) * gap, bottom[1] + math.cos(mid) * gap)
        nat = _frame(below, nxt)
        discs.append(rounded([at(-w / 2 + 1, h), at(w / 2 - 1, h), nat(w / 2 - 1, 0), nat(-w / 2 + 1, 0)], 3))
        facets.append(
            rounded([nat(b - 19, -0.42 * h), nat(b - 25, -0.4 * h), nat(b - 27, 0.02 * h), nat(b - 21, 0.02 * h)], 2.5)
        )
        facet_at.append(nat(b - 23, -0.2 * h))
        top = below
    sat = _frame(top, SACRUM_TILT)
    b = -w / 2
    sacrum = rounded(
        [
            sat(w / 2, 0),
            sat(w / 2 - 6, 34),
            sat(w / 2 - 20, 70),
            sat(8, 104),
            sat(-4, 118),
            sat(-16, 104),
            sat(b - 8, 62),
            sat(b - 20, 22),
            sat(b - 22, -0.36 * h),
            sat(b - 15, -0.36 * h),
            sat(b - 10, -0.02 * h),
            sat(b, 0),
        ],
        6,
    )
    canal.append(sat(b - 8, 14))
    canal.append(sat(-12, 70))
    canal_path = ribbon(canal, [11] * (len(canal) - 1) + [6], steps=2)
    c = centres
    labels = {
        "lumbar-spine": [label(name, x + w * 0.6 + 16, y + 4, "start") for name, (x, y) in zip(LEVELS, c, strict=True)],
        "intervertebral-discs": [label("Disc", 336, _mid(c[2], c[3])[1] + 4, "end", _shift(_mid(c[2], c[3]), w * 0.5))],
        "facet-joints": [label("Facet joint", 4, 120, "start", facet_at[1])],
        "nerve-roots-and-spinal-canal": [
            label("Nerve root", 4, 262, "start", root_at[3]),
            label("Spinal canal", 4, 190, "start", _shift(_mid(tops[2], c[2]), -w * 0.6 - 11)),
        ],
        "sacrum-and-sacroiliac-joints": [label("Sacrum", 336, 380, "end", sat(8, 60))],
    }
    return Diagram(
        id="lumbar-side",
        view="the lumbar spine from the side, the front of the body to the right",
        width=WIDTH,
        height=440.0,
        context=[],
        parts={
            "lumbar-spine": [Shape("bone", d) for d in backs + bodies],
            "sacrum-and-sacroiliac-joints": [Shape("bone", sacrum)],
            "intervertebral-discs": [Shape("disc", d) for d in discs],
            "facet-joints": [Shape("joint", d) for d in facets],
            # the roots first, so each comes out from under the canal's edge
            "nerve-roots-and-spinal-canal": [*(Shape("nerve", d) for d in roots), Shape("nerve", canal_path)],
        },
        labels=labels,
        notes={
            "lumbar-spine": "five vertebrae, L1 to L5",
            "intervertebral-discs": "a disc between each vertebra and the next",
            "facet-joints": "the facet joints at the back, where each vertebra meets the next",
            "nerve-roots-and-spinal-canal": (
                "the spinal canal behind the vertebrae, and a nerve root leaving it forwards and down through the "
                "gap between each pair"
            ),
            "sacrum-and-sacroiliac-joints": "the sacrum below",
        },
    )


def _mid(a: Flat, b: Flat) -> Flat:
    return (a[0] + b[0]) / 2, (a[1] + b[1]) / 2


def _shift(p: Flat, dx: float, dy: float = 0.0) -> Flat:
    return p[0] + dx, p[1] + dy


# ------------------------------------------------------------------ the pelvis and hips from in front

MID = WIDTH / 2


def _both(points: Sequence[Flat]) -> list[list[Flat]]:
    return [list(points), mirror(points, MID)]


def pelvis_front() -> Diagram:
    """In front view the body's right side is on the picture's left. Muscles and nerves are
    drawn on one side each, so the bones stay clear: the iliopsoas with the femoral and lateral
    femoral cutaneous nerves on the body's right, the other hip flexors on its left."""
    vertebrae = [
        rounded([(142, 22), (198, 22), (200, 46), (140, 46)], 5),
        rounded([(139, 56), (201, 56), (204, 82), (136, 82)], 5),
    ]
    discs = [
        rounded([(143, 46), (197, 46), (199, 56), (141, 56)], 3),
        rounded([(139, 82), (201, 82), (203, 92), (137, 92)], 3),
    ]
    sacrum = smooth(
        [
            (134, 92),
            (170, 90),
            (206, 92),
            (208, 120),
            (196, 158),
            (180, 186),
            (170, 196),
            (160, 186),
            (144, 158),
            (132, 120),
        ]
    )
    si = [
        ribbon([(134, 96), (134, 122), (141, 146)], [6, 6, 5]),
        ribbon(mirror([(134, 96), (134, 122), (141, 146)], MID), [6, 6, 5]),
    ]
    hip_bone = [
        (132, 94),
        (116, 70),
        (90, 54),
        (60, 52),
        (36, 64),
        (24, 84),
        (26, 100),  # iliac crest to the front point
        (36, 116),
        (40, 134),
        (36, 150),
        (40, 176),
        (52, 200),
        (68, 218),
        (86, 224),  # side, socket, seat bone
        (116, 222),
        (150, 210),
        (164, 200),
        (166, 184),  # lower branch of the pubis to the midline
        (150, 178),
        (120, 172),
        (104, 160),
        (110, 136),
        (126, 112),  # upper branch, the rim of the pelvis
    ]
    hole = ellipse(106, 196, 20, 12, 20)  # the obturator foramen
    bones = [
        smooth(side) + hole_side
        for side, hole_side in zip(_both(hip_bone), (hole, ellipse(MID * 2 - 106, 196, 20, 12, -20)), strict=True)
    ]
    head_l, head_r = (70.0, 160.0), (MID * 2 - 70, 160.0)
    rims = [
        ribbon([polar(head_l, a, 23) for a in range(200, 341, 35)], [5] * 5),
        ribbon([polar(head_r, a, 23) for a in range(200, 341, 35)], [5] * 5),
    ]
    femur = [
        (60, 150),
        (40, 162),
        (26, 168),
        (18, 178),
        (22, 200),
        (34, 240),
        (46, 300),
        (50, 320),
        (78, 320),
        (72, 280),
        (64, 236),
        (62, 222),
        (72, 214),
        (80, 178),
    ]
    femurs = [smooth(side) for side in _both(femur)]
    heads = [circle(*head_l, 18), circle(*head_r, 18)]
    inguinal = [
        line_path([(26, 102), (80, 140), (150, 176)]),
        line_path(mirror([(26, 102), (80, 140), (150, 176)], MID)),
    ]
    psoas = ribbon([(142, 4), (134, 50), (122, 100), (104, 142), (88, 176), (74, 206)], [16, 20, 22, 20, 14, 9])
    iliacus = smooth([(50, 70), (78, 58), (108, 76), (114, 110), (106, 146), (96, 172), (86, 160), (72, 118)])  # fan
    # the femoral nerve down the outer edge of psoas, under the ligament just outside its midpoint
    # (where the femoral artery would be), into the front of the thigh
    femoral = ribbon([(128, 44), (114, 96), (94, 134), (80, 166), (68, 206), (60, 262)], [4.5] * 6)
    femoral_branch = ribbon([(68, 206), (82, 246), (90, 280)], [3.5] * 3)
    # under the ligament a little inside the front point of the pelvis, not at its tip
    lfcn = ribbon([(128, 52), (100, 68), (62, 86), (42, 108), (34, 134), (26, 190), (20, 250)], [3.8] * 7)
    sartorius = ribbon(mirror([(28, 104), (38, 160), (66, 230), (98, 300)], MID), [9, 11, 11, 9])
    rectus = ribbon(mirror([(38, 120), (34, 150), (42, 220), (56, 300)], MID), [10, 18, 20, 12])
    labels = {
        "lumbar-spine": [label("Lumbar spine", MID, -20, "middle", (MID, 20))],
        "intervertebral-discs": [label("Disc", 214, 38, "start", (199, 51))],
        "sacrum-and-sacroiliac-joints": [
            label("Sacrum", MID, 140, "middle"),
            label("SI joint", 246, 240, "end", (203, 128)),
        ],
        "pelvis": [label("Pelvis", 336, -20, "end", (286, 54))],
        "hip-joint": [label("Hip joint", 236, 286, "end", (head_r[0] - 6, 176))],
        "iliopsoas": [label("Iliopsoas", 118, 240, "start", (97, 160))],
        "femoral-nerve": [label("Femoral nerve", 118, 262, "start", (82, 247))],
        "lateral-femoral-cutaneous-nerve": [label("Lateral femoral|cutaneous nerve", 4, -20, "start", (66, 83))],
        "hip-flexors": [label("Hip flexors", 336, 318, "end", (MID * 2 - 60, 272))],
    }
    return Diagram(
        id="pelvis-front",
        view="the pelvis and hips from in front, the body's right side on the left",
        width=WIDTH,
        height=360.0,
        top=-34.0,
        context=[Shape("bone", d) for d in femurs],
        over=[Shape("ligament", d) for d in inguinal],  # the muscle and nerves pass under it
        parts={
            "sacrum-and-sacroiliac-joints": [Shape("bone", sacrum), *(Shape("joint", d) for d in si)],
            "lumbar-spine": [Shape("bone", d) for d in vertebrae],
            "intervertebral-discs": [Shape("disc", d) for d in discs],
            "pelvis": [Shape("bone", d) for d in bones] + [Shape("bone", d) for d in rims],
            "hip-joint": [Shape("joint", d) for d in heads],
            "hip-flexors": [Shape("muscle", sartorius), Shape("muscle", rectus)],
            "iliopsoas": [Shape("muscle", iliacus), Shape("muscle", psoas)],
            "femoral-nerve": [Shape("nerve", femoral), Shape("nerve", femoral_branch)],
            "lateral-femoral-cutaneous-nerve": [Shape("nerve", lfcn)],
        },
        labels=labels,
        notes={
            "sacrum-and-sacroiliac-joints": (
                "the sacrum at the back, joined to each hip bone at a sacroiliac (SI) joint"
            ),
            "lumbar-spine": "the lowest two vertebrae above it",
            "pelvis": "the two hip bones",
            "hip-joint": "the ball of each thigh bone in its socket",
            "hip-flexors": "on the body's left, two of the other hip flexors (rectus femoris and sartorius)",
            "iliopsoas": (
                "on the body's right, the iliopsoas from the spine and the inside of the pelvis to the thigh bone"
            ),
            "femoral-nerve": (
                "the femoral nerve down its outer edge, under the inguinal ligament (the line from the front point "
                "of the pelvis to the pubic bone) into the front of the thigh"
            ),
            "lateral-femoral-cutaneous-nerve": (
                "the lateral femoral cutaneous nerve passing under that ligament just inside the front point of the "
                "pelvis into the outer thigh"
            ),
        },
        highlights={
            "hip-flexors": (
                "two of the hip flexors, rectus femoris and sartorius (the main one, the iliopsoas, is on the "
                "body's right)"
            ),
        },
    )


# ------------------------------------------------------------------ a hip joint cut open, from in front

HEAD_R = 50.0  # the ball of the thigh bone
JOINT_GAP = 6.0  # cartilage and joint space between ball and socket
RIM_OUT, RIM_IN = -48.0, 142.0  # the socket's edges, degrees round the ball (0 = outwards, 90 = down)


def hip_section() -> Diagram:
    """The body's left hip from in front, cut through: the middle of the body to the left."""
    c: Flat = (150.0, 150.0)
    socket = [polar(c, a, HEAD_R + JOINT_GAP) for a in range(int(RIM_OUT), int(RIM_IN) - 360 - 1, -10)]
    pelvis = smooth(
        [(4, 4), (96, 4), (170, 4), (206, 40), (200, 80), polar(c, RIM_OUT, HEAD_R + JOINT_GAP + 4)]
        + socket[1:-1]
        + [polar(c, RIM_IN, HEAD_R + JOINT_GAP + 4), (96, 236), (66, 262), (30, 266), (4, 250), (4, 120)]
    )
    femur = smooth(
        [
            polar(c, -10, HEAD_R - 6),
            (222, 158),  # the neck's upper edge
            (240, 148),
            (258, 152),  # the greater trochanter, the bony point at the side of the hip
            (272, 178),
            (266, 214),
            (256, 252),
            (252, 320),
            (200, 320),
            (198, 272),
            (180, 264),  # the lesser trochanter, where the iliopsoas ends
            (178, 250),
            (192, 238),
            (172, 214),  # the neck's lower edge
            polar(c, 75, HEAD_R - 6),
        ]
    )
    head = circle(*c, HEAD_R)
    cartilage = ribbon([polar(c, a, HEAD_R - 3) for a in range(int(RIM_OUT) + 8, int(RIM_IN) - 360 - 8, -12)], [6] * 20)
    capsule = [
        ribbon([polar(c, -64, HEAD_R + 24), (214, 104), (230, 130), (236, 146)], [7, 8, 8, 7]),
        ribbon([polar(c, 150, HEAD_R + 24), (112, 226), (150, 244), (186, 244)], [7, 8, 8, 7]),
    ]
    labrum = [
        smooth(
            [
                polar(c, RIM_OUT - 10, HEAD_R + JOINT_GAP + 2),
                polar(c, RIM_OUT + 4, HEAD_R + 20),
                polar(c, RIM_OUT + 24, HEAD_R + 1),
                polar(c, RIM_OUT + 2, HEAD_R + 2),
            ]
        ),
        smooth(
            [
                polar(c, RIM_IN + 10, HEAD_R + JOINT_GAP + 2),
                polar(c, RIM_IN - 4, HEAD_R + 20),
                polar(c, RIM_IN - 24, HEAD_R + 1),
                polar(c, RIM_IN - 2, HEAD_R + 2),
            ]
        ),
    ]
    glute = ribbon([(220, 0), (250, 60), (268, 110), (264, 150)], [30, 28, 20, 12])
    # the iliopsoas comes down in front of the joint, over the inner lower part of the ball, to the
    # lesser trochanter; its bursa lies between it and the capsule
    psoas = ribbon([(60, 0), (92, 90), (114, 172), (160, 232), (182, 262)], [22, 22, 18, 12, 8])
    bursae = [ellipse(281, 192, 6, 20, -10), ellipse(124, 176, 12, 6, 62)]
    labels = {
        "pelvis": [
            label("Socket", 120, 40, "middle", polar((150.0, 150.0), -110, HEAD_R + JOINT_GAP + 6)),
            label("Pelvis", 48, 120, "middle"),
        ],
        "hip-joint": [label("Ball", 150, 156, "middle"), label("Capsule", 336, 96, "end", (222, 116))],
        "hip-labrum": [label("Labrum", 336, 76, "end", polar(c, RIM_OUT + 6, HEAD_R + 8))],
        "hip-bursae": [label("Bursa", 336, 250, "end", (284, 208)), label("Bursa", 4, 190, "start", (116, 180))],
        "gluteal-muscles": [label("Gluteal|muscles", 336, 20, "end", (236, 36))],
        "iliopsoas": [label("Iliopsoas", 126, 278, "middle", (154, 232))],
        "": [label("Thigh bone", 190, 312, "end", (216, 308))],
    }
    return Diagram(
        id="hip-section",
        view="the left hip joint cut open, seen from in front, the middle of the body to the left",
        width=WIDTH,
        height=324.0,
        context=[Shape("bone", femur)],
        parts={
            "pelvis": [Shape("bone", pelvis)],
            "hip-joint": [Shape("bone", head), Shape("joint", cartilage), *(Shape("capsule", d) for d in capsule)],
            "hip-labrum": [Shape("joint", d) for d in labrum],
            "gluteal-muscles": [Shape("muscle", glute)],
            "hip-bursae": [Shape("bursa", d) for d in bursae],
            "iliopsoas": [Shape("muscle-front", psoas)],  # over the joint, see-through
        },
        labels=labels,
        notes={
            "pelvis": "the socket in the hip bone",
            "hip-joint": "the ball at the top of the thigh bone in it, with the capsule round the joint",
            "hip-labrum": "the labrum, a rim of cartilage round the edge of the socket",
            "gluteal-muscles": "the gluteal muscles on the outside down to the bony point at the side of the hip",
            "hip-bursae": "a bursa over the bony point at the side of the hip and one under the iliopsoas",
            "iliopsoas": (
                "the iliopsoas crossing in front of the joint (drawn see-through) to the inside of the thigh bone"
            ),
        },
    )


# ------------------------------------------------------------------ the hips and thighs from behind


def _back_vertebra(y: float, half: float) -> str:
    """A lumbar vertebra from behind: the spinous process in the middle, the side wings."""
    return rounded(
        [
            (MID - 7, y),
            (MID + 7, y),
            (MID + 9, y + 6),
            (MID + half, y + 5),
            (MID + half, y + 13),
            (MID + 10, y + 14),
            (MID + 7, y + 22),
            (MID - 7, y + 22),
            (MID - 10, y + 14),
            (MID - half, y + 13),
            (MID - half, y + 5),
            (MID - 9, y + 6),
        ],
        3,
    )


def hips_back() -> Diagram:
    """From behind the body's left side is on the picture's left. The outer muscles are drawn on
    the left (gluteal muscles, hamstrings, and the deep core's multifidus beside the spine), the
    deeper layer on the right (piriformis, the sciatic nerve, quadratus lumborum)."""
    vertebrae = [_back_vertebra(40 + 27 * k, 30 + 2 * k) for k in range(5)]
    ribs = [
        ribbon([(MID - 16, 28), (MID - 50, 40), (MID - 80, 58)], [7, 7, 5]),
        ribbon(mirror([(MID - 16, 28), (MID - 50, 40), (MID - 80, 58)], MID), [7, 7, 5]),
    ]
    sacrum = smooth(
        [
            (MID - 34, 176),
            (MID, 174),
            (MID + 34, 176),
            (MID + 30, 210),
            (MID + 14, 244),
            (MID, 258),
            (MID - 14, 244),
            (MID - 30, 210),
        ]
    )
    si = [ribbon([(MID - 33, 180), (MID - 31, 206)], [6, 5]), ribbon([(MID + 33, 180), (MID + 31, 206)], [6, 5])]
    hip_bone = [
        (MID - 36, 178),
        (MID - 46, 150),
        (MID - 80, 120),
        (MID - 116, 124),
        (MID - 136, 148),
        (MID - 138, 184),
        (MID - 128, 222),
        (MID - 112, 246),
        (MID - 96, 278),
        (MID - 74, 292),
        (MID - 58, 284),
        (MID - 66, 262),
        (MID - 78, 250),
        (MID - 62, 218),
        (MID - 40, 212),
    ]
    bones = [smooth(side) for side in _both(hip_bone)]
    femur = [
        (MID - 108, 230),
        (MID - 132, 242),
        (MID - 142, 262),
        (MID - 130, 300),
        (MID - 116, 380),
        (MID - 104, 430),
        (MID - 74, 430),
        (MID - 90, 370),
        (MID - 96, 300),
        (MID - 94, 260),
    ]
    femurs = [smooth(side) for side in _both(femur)]
    gmax = smooth(
        [
            (MID - 36, 178),
            (MID - 62, 154),
            (MID - 104, 170),
            (MID - 136, 224),
            (MID - 146, 270),
            (MID - 124, 306),
            (MID - 84, 300),
            (MID - 46, 262),
            (MID - 26, 222),
        ]
    )
    gmed = smooth(
        [(MID - 64, 140), (MID - 112, 126), (MID - 134, 148), (MID - 140, 196), (MID - 124, 214), (MID - 96, 168)]
    )
    hamstring_lat = ribbon([(MID - 76, 300), (MID - 96, 350), (MID - 112, 400), (MID - 118, 436)], [18, 24, 18, 9])
    hamstring_med = ribbon([(MID - 70, 300), (MID - 70, 350), (MID - 74, 400), (MID - 80, 436)], [18, 26, 20, 9])
    multifidus = ribbon([(MID - 17, 38), (MID - 19, 100), (MID - 20, 160), (MID - 16, 206)], [12, 16, 22, 16])
    ql = smooth([(MID + 36, 44), (MID + 62, 48), (MID + 78, 58), (MID + 92, 122), (MID + 52, 140), (MID + 40, 96)])
    piriformis = ribbon([(MID + 24, 214), (MID + 60, 216), (MID + 100, 226), (MID + 128, 238)], [18, 20, 14, 8])
    sciatic = ribbon(
        [(MID + 54, 224), (MID + 70, 246), (MID + 92, 290), (MID + 96, 360), (MID + 94, 400)], [9, 10, 10, 9, 8]
    )
    tibial = ribbon([(MID + 94, 400), (MID + 88, 436)], [6, 5])
    peroneal = ribbon([(MID + 94, 400), (MID + 110, 436)], [6, 5])
    labels = {
        "lumbar-spine": [label("Lumbar spine", 336, 28, "end", (MID + 8, 36))],
        "quadratus-lumborum": [label("Quadratus|lumborum", 336, 100, "end", (MID + 72, 100))],
        "deep-core-muscles": [label("Multifidus|(deep core)", 4, 30, "start", (MID - 20, 60))],
        "pelvis": [label("Pelvis", 4, 108, "start", (MID - 118, 126))],
        "sacrum-and-sacroiliac-joints": [
            label("Sacrum", 200, 300, "start", (MID + 2, 236)),
            label("SI joint", 336, 172, "end", (MID + 33, 192)),
        ],
        "gluteal-muscles": [label("Gluteal|muscles", 4, 340, "start", (MID - 120, 270))],
        "piriformis": [label("Piriformis", 336, 206, "end", (MID + 112, 232))],
        "sciatic-nerve": [label("Sciatic|nerve", 336, 330, "end", (MID + 100, 320))],
        "hamstrings": [label("Hamstrings", 4, 420, "start", (MID - 100, 390))],
    }
    return Diagram(
        id="hips-back",
        view="the lower back, hips and thighs from behind, the body's left side on the left",
        width=WIDTH,
        height=440.0,
        context=[Shape("bone", d) for d in ribs + femurs],
        parts={
            "lumbar-spine": [Shape("bone", d) for d in vertebrae],
            "pelvis": [Shape("bone", d) for d in bones],
            "sacrum-and-sacroiliac-joints": [Shape("bone", sacrum), *(Shape("joint", d) for d in si)],
            "hamstrings": [Shape("muscle", hamstring_lat), Shape("muscle", hamstring_med)],
            "gluteal-muscles": [Shape("muscle", gmed), Shape("muscle", gmax)],
            "deep-core-muscles": [Shape("muscle", multifidus)],
            "quadratus-lumborum": [Shape("muscle", ql)],
            # the nerve first, so piriformis covers its start: it comes out from below the muscle
            "sciatic-nerve": [Shape("nerve", sciatic), Shape("nerve", tibial), Shape("nerve", peroneal)],
            "piriformis": [Shape("muscle", piriformis)],
        },
        labels=labels,
        notes={
            "lumbar-spine": "the lumbar spine",
            "pelvis": "the pelvis",
            "sacrum-and-sacroiliac-joints": "the sacrum with its sacroiliac (SI) joints",
            "hamstrings": "on the left side the hamstrings down the back of the thigh",
            "gluteal-muscles": "the gluteal muscles over the buttock",
            "deep-core-muscles": "the multifidus of the deep core beside the spine",
        },
        highlights={
            "deep-core-muscles": "multifidus, one of the deep core muscles (the others are not shown in this view)",
            "quadratus-lumborum": "on the right side quadratus lumborum between the lowest rib and the pelvis",
            "sciatic-nerve": (
                "the sciatic nerve coming out from below piriformis and running down the back of the thigh"
            ),
            "piriformis": (
                "piriformis from the front of the sacrum to the top of the bony point at the side of the hip"
            ),
        },
    )


# ------------------------------------------------------------------ which diagram each page shows

DRAW = {"lumbar-side": lumbar_side, "pelvis-front": pelvis_front, "hip-section": hip_section, "hips-back": hips_back}

# Each anatomy part's page shows this diagram, with the part highlighted.
PAGE_DIAGRAM: dict[str, str] = {
    "lumbar-spine": "lumbar-side",
    "intervertebral-discs": "lumbar-side",
    "facet-joints": "lumbar-side",
    "nerve-roots-and-spinal-canal": "lumbar-side",
    "sacrum-and-sacroiliac-joints": "pelvis-front",
    "pelvis": "pelvis-front",
    "hip-joint": "hip-section",
    "hip-labrum": "hip-section",
    "hip-bursae": "hip-section",
    "iliopsoas": "pelvis-front",
    "hip-flexors": "pelvis-front",
    "femoral-nerve": "pelvis-front",
    "lateral-femoral-cutaneous-nerve": "pelvis-front",
    "gluteal-muscles": "hips-back",
    "piriformis": "hips-back",
    "hamstrings": "hips-back",
    "quadratus-lumborum": "hips-back",
    "deep-core-muscles": "hips-back",
    "sciatic-nerve": "hips-back",
}


def diagrams() -> dict[str, Diagram]:
    """Every base diagram, by id, in a fixed order."""
    return {name: draw() for name, draw in DRAW.items()}


def page_diagrams(part_ids: tuple[str, ...], mapping: dict[str, str] | None = None) -> dict[str, Diagram]:
    """The diagram each anatomy page shows, by part id. KeyError names a part without a line in
    the mapping, a line naming a diagram that does not exist, or one whose diagram does not draw
    its part (a misspelt id is never drawn, so it is caught here too)."""
    mapping = PAGE_DIAGRAM if mapping is None else mapping
    drawn = diagrams()
    where = "PAGE_DIAGRAM in macros/pages/figures/anatomy.py"
    for part in part_ids:
        if part not in mapping:
            raise KeyError(f"no diagram for body part '{part}': add it to {where} (and draw it in a diagram)")
    for part, name in mapping.items():
        if name not in drawn:
            raise KeyError(f"{where}: '{part}' names the diagram '{name}'; the diagrams are {', '.join(drawn)}")
        if part not in drawn[name].parts:
            raise KeyError(f"{where}: the diagram '{name}' does not draw '{part}'")
    return {part: drawn[mapping[part]] for part in part_ids}
