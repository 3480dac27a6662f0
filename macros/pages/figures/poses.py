"""Named base poses: most exercise panels are a base pose plus two or three angles.

Each base pose says which points touch the floor (or the seat of a chair) and which angles the
contact solver may change to make them touch; a panel in a content file can set angles, add
contacts and free more angles. The names are the ones editors write in `illustration` blocks
(content_data/README.md lists them).
"""

from __future__ import annotations

from dataclasses import dataclass

SEAT_HEIGHT = 0.25  # a dining chair's seat, in heights of the figure

# Contact groups: a name in `contacts` that stands for several points.
GROUPS: dict[str, tuple[str, ...]] = {
    "heels": ("near-heel", "far-heel"),
    "toes": ("near-toes", "far-toes"),
    "feet": ("near-heel", "far-heel", "near-toes", "far-toes"),
    "knees": ("near-knee", "far-knee"),
    "hands": ("near-hand", "far-hand"),
    "elbows": ("near-elbow", "far-elbow"),
    "near-foot": ("near-heel", "near-toes"),
    "far-foot": ("far-heel", "far-toes"),
}

# Points an editor may name in contacts, keep and touching (besides the groups above).
POINTS = (
    "head",
    "shoulders",
    "hips",
    "waist",
    *(f"{s}-{p}" for s in ("near", "far") for p in ("hip", "knee", "ankle", "heel", "toes", "elbow", "hand")),
)


@dataclass(frozen=True)
class BasePose:
    """A starting pose: its angles, the points that rest on the floor, the angles the solver may
    change to keep them there, and the furniture it needs."""

    angles: dict[str, float]
    contacts: tuple[str, ...]
    free: tuple[str, ...]
    seat: bool = False  # the hips rest on a chair's seat
    view: str = "side"
    lying: bool = False  # the body lies along the floor: movement is "towards the head/feet"


BASE_POSES: dict[str, BasePose] = {
    "lying-knees-bent": BasePose(
        angles={"trunk": -90, "neck": 0, "hip": 50, "knee": 100, "ankle": -5, "shoulder": 8, "elbow": 0},
        contacts=("hips", "shoulders", "head", "feet", "hands"),
        free=("trunk", "neck", "knee", "ankle", "shoulder"),
        lying=True,
    ),
    "lying-straight": BasePose(
        angles={"trunk": -90, "neck": 0, "hip": 0, "knee": 5, "ankle": -25, "shoulder": 8, "elbow": 0},
        contacts=("hips", "shoulders", "head", "heels", "hands"),
        free=("trunk", "neck", "ankle", "shoulder", "knee"),
        lying=True,
    ),
    "four-point-kneeling": BasePose(
        angles={"trunk": 90, "neck": -10, "hip": 90, "knee": 90, "ankle": -60, "shoulder": 80, "elbow": 15},
        contacts=("knees", "toes", "hands"),
        free=("trunk", "knee", "hip"),
    ),
    "half-kneeling": BasePose(
        angles={
            "trunk": 0,
            "near-hip": 90,
            "near-knee": 90,
            "near-ankle": 0,
            "far-hip": -5,
            "far-knee": 90,
            "far-ankle": -40,
            "shoulder": 20,
            "elbow": 70,
        },
        contacts=("near-foot", "far-knee", "far-toes"),
        free=("near-knee", "near-ankle", "far-knee", "far-ankle"),
    ),
    "side-lying": BasePose(
        angles={
            "trunk": -90,
            "roll": 90,
            "neck": 0,
            "hip": 45,
            "knee": 90,
            "ankle": -15,
            "far-shoulder": 100,
            "far-elbow": 110,
            "near-shoulder": 0,
            "near-elbow": 30,
        },
        contacts=("hips", "shoulders", "far-knee"),
        free=("trunk", "far-hip-abduction", "neck"),
        view="front",
        lying=True,
    ),
    "sitting": BasePose(
        angles={"trunk": 0, "hip": 90, "knee": 90, "ankle": 0, "shoulder": 15, "elbow": 60},
        contacts=("hips", "feet"),
        free=("hip", "knee", "ankle"),
        seat=True,
    ),
    "standing": BasePose(
        angles={"trunk": 0, "hip": 0, "knee": 0, "ankle": 0, "shoulder": 5, "elbow": 10},
        contacts=("feet",),
        free=("ankle", "knee"),
    ),
}


def expand(names: tuple[str, ...] | list[str]) -> list[str]:
    """Contact names with groups replaced by their points, in order, without repeats."""
    out: list[str] = []
    for name in names:
        for point in GROUPS.get(name, (name,)):
            if point not in out:
                out.append(point)
    return out
