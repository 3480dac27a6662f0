"""The figure's body: segment proportions, joint ranges and forward kinematics in 3D.

Lengths are fractions of standing height H (Drillis and Contini, as tabulated in Winter,
*Biomechanics and Motor Control of Human Movement*): thigh 0.245 H, shank 0.246 H, upper arm
0.186 H, forearm 0.146 H, foot 0.152 H, hip to shoulder 0.288 H (split here into a pelvis and a
chest segment so the back can round), head about 0.13 H.

The body frame: x points forward (where the figure faces), y up (head), z to the figure's right.
The world: y is up and the floor is y = 0; a side view looks along -z, so the figure's right
side is the near side. Angles are in degrees, named as a physiotherapist would (flexion
positive), so a pose in a content file reads like the instructions.
"""

from __future__ import annotations

import math
from typing import NamedTuple

Vec = tuple[float, float, float]
Mat = tuple[Vec, Vec, Vec]  # rows

# Segment lengths, fractions of height.
THIGH = 0.245
SHANK = 0.246
UPPER_ARM = 0.186
FOREARM = 0.146
FOOT = 0.152
PELVIS = 0.10  # hip joints to the waist
CHEST = 0.188  # waist to the line of the shoulders (PELVIS + CHEST = 0.288)
NECK = 0.05
HEAD_RADIUS = 0.062
HIP_HALF_WIDTH = 0.055
SHOULDER_HALF_WIDTH = 0.09
ANKLE_HEIGHT = 0.039  # ankle joint above the sole
HEEL_BACK = 0.03  # heel behind the ankle; the toes are FOOT - HEEL_BACK in front of it

SEGMENTS: dict[str, float] = {
    "pelvis": PELVIS,
    "chest": CHEST,
    "neck": NECK,
    "thigh": THIGH,
    "shank": SHANK,
    "upper-arm": UPPER_ARM,
    "forearm": FOREARM,
}

# Half-thickness of the body at each point: (front-to-back, side-to-side), fractions of height.
# Limbs are round; the trunk is an ellipse, so it looks deeper from the side than from the front.
RADII: dict[str, tuple[float, float]] = {
    "hips": (0.066, 0.11),
    "waist": (0.056, 0.078),
    "shoulders": (0.068, 0.12),
    "neck-top": (0.034, 0.034),
    "head": (HEAD_RADIUS, 0.055),
    "hip": (0.05, 0.05),
    "knee": (0.032, 0.032),
    "ankle": (0.02, 0.02),
    "heel": (0.022, 0.022),
    "toes": (0.014, 0.014),
    "shoulder": (0.03, 0.03),
    "elbow": (0.024, 0.024),
    "wrist": (0.018, 0.018),
    "hand": (0.021, 0.021),
}

# Joint angles a pose may set, with the range a body can take (degrees).
RANGES: dict[str, tuple[float, float]] = {
    "trunk": (-180, 180),  # lean of the pelvis from upright, forward positive; lying on the back is -90
    "roll": (-90, 90),  # turn about the body's long axis; 90 lies on the left side, right side up
    "spine": (-30, 90),  # forward bend of the chest on the pelvis
    "neck": (-45, 80),  # forward bend of the head
    "hip": (-30, 150),  # flexion: the thigh forward of the trunk's line
    "hip-abduction": (-30, 60),  # the thigh out to the side
    "hip-rotation": (-50, 60),  # external rotation positive
    "knee": (0, 160),  # flexion
    "ankle": (-60, 30),  # dorsiflexion: toes up positive
    "shoulder": (-60, 180),  # flexion: the arm forward and up; 180 is overhead
    "shoulder-abduction": (-40, 180),  # the arm out to the side
    "elbow": (0, 150),  # flexion
}
LIMB_ANGLES = ("hip", "hip-abduction", "hip-rotation", "knee", "ankle", "shoulder", "shoulder-abduction", "elbow")
BODY_ANGLES = ("trunk", "roll", "spine", "neck")
SIDES = ("near", "far")


def angle_names() -> list[str]:
    """Every name a pose may set: body angles, and each limb angle for both sides ("hip") or one
    ("near-hip", "far-knee"). The near side is the one nearest the viewer in a side view."""
    return [*BODY_ANGLES, *LIMB_ANGLES, *(f"{s}-{a}" for s in SIDES for a in LIMB_ANGLES)]


def joint_range(name: str) -> tuple[float, float]:
    """The range of a body angle or a (sided) limb angle."""
    for side in SIDES:
        if name.startswith(side + "-"):
            name = name[len(side) + 1 :]
    return RANGES[name]


# --------------------------------------------------------------------------- vectors


def add(a: Vec, b: Vec) -> Vec:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def sub(a: Vec, b: Vec) -> Vec:
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def scale(a: Vec, k: float) -> Vec:
    return (a[0] * k, a[1] * k, a[2] * k)


def dot(a: Vec, b: Vec) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def norm(a: Vec) -> float:
    return math.sqrt(dot(a, a))


def apply(m: Mat, v: Vec) -> Vec:
    x, y, z = v
    return (
        m[0][0] * x + m[0][1] * y + m[0][2] * z,
        m[1][0] * x + m[1][1] * y + m[1][2] * z,
        m[2][0] * x + m[2][1] * y + m[2][2] * z,
    )


def column(m: Mat, i: int) -> Vec:
    return (m[0][i], m[1][i], m[2][i])


def mul(a: Mat, b: Mat) -> Mat:
    (b00, b01, b02), (b10, b11, b12), (b20, b21, b22) = b
    return (
        (
            a[0][0] * b00 + a[0][1] * b10 + a[0][2] * b20,
            a[0][0] * b01 + a[0][1] * b11 + a[0][2] * b21,
            a[0][0] * b02 + a[0][1] * b12 + a[0][2] * b22,
        ),
        (
            a[1][0] * b00 + a[1][1] * b10 + a[1][2] * b20,
            a[1][0] * b01 + a[1][1] * b11 + a[1][2] * b21,
            a[1][0] * b02 + a[1][1] * b12 + a[1][2] * b22,
        ),
        (
            a[2][0] * b00 + a[2][1] * b10 + a[2][2] * b20,
            a[2][0] * b01 + a[2][1] * b11 + a[2][2] * b21,
            a[2][0] * b02 + a[2][1] * b12 + a[2][2] * b22,
        ),
    )


def rot(axis: str, degrees: float) -> Mat:
    """Rotation by `degrees` about a frame axis, counter-clockwise looking down that axis."""
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    if axis == "x":
        return ((1, 0, 0), (0, c, -s), (0, s, c))
    if axis == "y":
        return ((c, 0, s), (0, 1, 0), (-s, 0, c))
    return ((c, -s, 0), (s, c, 0), (0, 0, 1))


# --------------------------------------------------------------------------- the body


class Point(NamedTuple):
    """A named point of the posed body: where it is, and the body's frame there (its columns are
    the segment's forward, long and right axes), for the thickness of the body at that point."""

    at: Vec
    frame: Mat
    radii: tuple[float, float]

    def support(self, direction: Vec) -> float:
        """How far the body's surface reaches from this point along a unit `direction`: the body
        there is an ellipsoid, its cross-section an ellipse (deeper than wide for the trunk) and
        round along the segment, as the drawn outlines have round ends."""
        a, b = self.radii
        (m00, m01, m02), (m10, m11, m12), (m20, m21, m22) = self.frame
        dx, dy, dz = direction
        fx, fy, fz = m00 * dx + m10 * dy + m20 * dz, m01 * dx + m11 * dy + m21 * dz, m02 * dx + m12 * dy + m22 * dz
        c = a if a < b else b
        return math.sqrt((a * fx) ** 2 + (c * fy) ** 2 + (b * fz) ** 2)


# The points of the body and their joints' parent, for drawing and for tests.
BONES: tuple[tuple[str, str], ...] = (
    ("hips", "waist"),
    ("waist", "shoulders"),
    ("shoulders", "neck-top"),
    *((f"{s}-hip", f"{s}-knee") for s in SIDES),
    *((f"{s}-knee", f"{s}-ankle") for s in SIDES),
    *((f"{s}-heel", f"{s}-toes") for s in SIDES),
    *((f"{s}-shoulder", f"{s}-elbow") for s in SIDES),
    *((f"{s}-elbow", f"{s}-wrist") for s in SIDES),
)


def limb(angles: dict[str, float], side: str, name: str) -> float:
    """A limb angle for one side: "near-hip" if set, else "hip", else 0."""
    return angles.get(f"{side}-{name}", angles.get(name, 0.0))


def pose(angles: dict[str, float], root: Vec = (0.0, 0.0, 0.0)) -> dict[str, Point]:
    """Every named point of the body in world coordinates (units of height), with the hip centre
    (midway between the hip joints) at `root`."""
    pts: dict[str, Point] = {}

    def put(name: str, at: Vec, frame: Mat) -> None:
        base = name.split("-", 1)[1] if name.split("-", 1)[0] in SIDES else name
        pts[name] = Point(at, frame, RADII[base])

    body = mul(rot("z", -angles.get("trunk", 0.0)), rot("y", angles.get("roll", 0.0)))
    put("hips", root, body)
    waist = add(root, apply(body, (0, PELVIS, 0)))
    put("waist", waist, body)
    chest = mul(body, rot("z", -angles.get("spine", 0.0)))
    shoulders = add(waist, apply(chest, (0, CHEST, 0)))
    put("shoulders", shoulders, chest)
    head = mul(chest, rot("z", -angles.get("neck", 0.0)))
    neck_top = add(shoulders, apply(head, (0, NECK, 0)))
    put("neck-top", neck_top, head)
    put("head", add(neck_top, apply(head, (0.012, HEAD_RADIUS * 0.9, 0))), head)

    for side in SIDES:
        sign = 1.0 if side == "near" else -1.0  # near is the right side, +z
        hip_at = add(root, apply(body, (0, 0, sign * HIP_HALF_WIDTH)))
        thigh = mul(
            body,
            mul(
                rot("z", limb(angles, side, "hip")),
                mul(
                    rot("x", -sign * limb(angles, side, "hip-abduction")),
                    rot("y", -sign * limb(angles, side, "hip-rotation")),
                ),
            ),
        )
        put(f"{side}-hip", hip_at, thigh)
        knee_at = add(hip_at, apply(thigh, (0, -THIGH, 0)))
        shank = mul(thigh, rot("z", -limb(angles, side, "knee")))
        put(f"{side}-knee", knee_at, shank)
        ankle_at = add(knee_at, apply(shank, (0, -SHANK, 0)))
        put(f"{side}-ankle", ankle_at, shank)
        foot = mul(shank, rot("z", limb(angles, side, "ankle")))
        put(f"{side}-heel", add(ankle_at, apply(foot, (-HEEL_BACK + 0.022, -ANKLE_HEIGHT + 0.022, 0))), foot)
        put(f"{side}-toes", add(ankle_at, apply(foot, (FOOT - HEEL_BACK - 0.014, -ANKLE_HEIGHT + 0.014, 0))), foot)

        shoulder_at = add(shoulders, apply(chest, (0, -0.02, sign * SHOULDER_HALF_WIDTH)))
        arm = mul(
            chest,
            mul(rot("z", limb(angles, side, "shoulder")), rot("x", -sign * limb(angles, side, "shoulder-abduction"))),
        )
        put(f"{side}-shoulder", shoulder_at, arm)
        elbow_at = add(shoulder_at, apply(arm, (0, -UPPER_ARM, 0)))
        forearm = mul(arm, rot("z", limb(angles, side, "elbow")))
        put(f"{side}-elbow", elbow_at, forearm)
        wrist_at = add(elbow_at, apply(forearm, (0, -FOREARM, 0)))
        put(f"{side}-wrist", wrist_at, forearm)
        put(f"{side}-hand", add(wrist_at, apply(forearm, (0, -0.03, 0))), forearm)
    return pts
