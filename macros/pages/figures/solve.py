"""The contact solver: moves the figure and changes its free angles until every declared contact
rests on its surface, kept points stay where they were and touching points meet.

A small damped Gauss-Newton (Levenberg-Marquardt) search over the hip centre's position and the
free angles, starting from the pose as written, so it finds the nearest pose that meets the
contacts; angles stay within the body's ranges. Pure Python: a figure has at most a dozen
unknowns.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from . import body
from .body import Point, Vec

UP: Vec = (0.0, 1.0, 0.0)
TOLERANCE = 1e-4  # in heights: a twentieth of a millimetre on a 1.7 m figure


@dataclass(frozen=True)
class Goal:
    """One thing the pose must meet, with the words for an error if it cannot."""

    label: str
    residuals: Callable[[dict[str, Point]], list[float]]


def on_surface(point: str, height: float) -> Goal:
    def f(pts: dict[str, Point]) -> list[float]:
        p = pts[point]
        return [p.at[1] - p.support(UP) - height]

    where = "the floor" if height == 0 else "the seat"
    return Goal(f"{point} resting on {where}", f)


def stays(point: str, at: Vec) -> Goal:
    def f(pts: dict[str, Point]) -> list[float]:
        return list(body.sub(pts[point].at, at))

    return Goal(f"{point} staying where it was in the panel before", f)


def touch(a: str, b: str) -> Goal:
    def f(pts: dict[str, Point]) -> list[float]:
        gap = body.sub(pts[b].at, pts[a].at)
        length = body.norm(gap) or 1e-9
        unit = body.scale(gap, 1 / length)
        return [length - pts[a].support(unit) - pts[b].support(unit)]

    return Goal(f"{a} touching {b}", f)


@dataclass
class Solution:
    angles: dict[str, float]
    root: Vec
    points: dict[str, Point]
    worst: float  # largest remaining residual, in heights
    worst_goal: str


def solve(
    angles: dict[str, float], root: Vec, free: list[str], goals: list[Goal], above: tuple[str, ...] = ()
) -> Solution:
    """The pose nearest to `angles` at `root` that meets `goals`, changing only the root's x and
    y and the `free` angles, with none of the points in `above` below the floor.

    Keeping points above the floor is an inequality; it is met by active sets: solve, and if a
    point went through the floor, make it rest on the floor and solve again from there (smooth
    equations converge in a few steps; a one-sided penalty would take dozens)."""
    solution = _solve(angles, root, free, goals)
    active: list[str] = []
    for _ in range(4):
        below = [
            p for p in above if p not in active and solution.points[p].at[1] - solution.points[p].support(UP) < -1e-4
        ]
        if not below:
            break
        active += below
        floor = [Goal(f"{g.label} (to keep it above the floor)", g.residuals) for g in map(_floor, active)]
        solution = _solve(solution.angles, solution.root, free, goals + floor)
    return solution


def _floor(point: str) -> Goal:
    return on_surface(point, 0.0)


def _solve(angles: dict[str, float], root: Vec, free: list[str], goals: list[Goal]) -> Solution:
    names = ["x", "y", *free]
    start = {**angles}
    for name in free:  # a free sided angle starts from the value the body has now
        start[name] = (
            body.limb(angles, *name.split("-", 1)) if name.startswith(("near-", "far-")) else start.get(name, 0.0)
        )

    def unpack(v: list[float]) -> tuple[dict[str, float], Vec]:
        a = dict(start)
        for name, value in zip(names[2:], v[2:], strict=True):
            a[name] = math.degrees(value)
        return a, (v[0], v[1], root[2])

    def residuals(v: list[float]) -> list[float]:
        a, r = unpack(v)
        pts = body.pose(a, r)
        return [x for g in goals for x in g.residuals(pts)]

    def clamp(v: list[float]) -> list[float]:
        out = v[:2]
        for name, value in zip(names[2:], v[2:], strict=True):
            low, high = body.joint_range(name)
            out.append(min(max(value, math.radians(low)), math.radians(high)))
        return out

    v = [root[0], root[1], *(math.radians(start[n]) for n in free)]
    r = residuals(v)
    cost = sum(x * x for x in r)
    damping = 1e-3
    for _ in range(100):
        if not goals or max(abs(x) for x in r) < TOLERANCE / 4:
            break
        jac = _jacobian(residuals, v, r)
        n = len(v)
        jtj = [[sum(jac[k][i] * jac[k][j] for k in range(len(r))) for j in range(n)] for i in range(n)]
        jtr = [sum(jac[k][i] * r[k] for k in range(len(r))) for i in range(n)]
        improved = stalled = False
        for _ in range(12):
            a = [[jtj[i][j] + (damping * (jtj[i][i] + 1e-6) if i == j else 0.0) for j in range(n)] for i in range(n)]
            step = _solve_linear(a, [-x for x in jtr])
            trial = clamp([vi + si for vi, si in zip(v, step, strict=True)])
            tr = residuals(trial)
            tcost = sum(x * x for x in tr)
            if tcost < cost:
                stalled = tcost > cost * (1 - 1e-6)
                v, r, cost = trial, tr, tcost
                damping = max(damping / 3, 1e-9)
                improved = True
                break
            damping *= 4
        if not improved or stalled:
            break
    final, at = unpack(v)
    points = body.pose(final, at)
    worst, worst_goal = 0.0, ""
    for goal in goals:
        size = max((abs(x) for x in goal.residuals(points)), default=0.0)
        if size > worst:
            worst, worst_goal = size, goal.label
    return Solution(final, at, points, worst, worst_goal)


def _jacobian(f: Callable[[list[float]], list[float]], v: list[float], r: list[float]) -> list[list[float]]:
    h = 1e-6
    cols = []
    for i in range(len(v)):
        moved = v[:]
        moved[i] += h
        cols.append([(a - b) / h for a, b in zip(f(moved), r, strict=True)])
    return [[cols[i][k] for i in range(len(v))] for k in range(len(r))]


def _solve_linear(a: list[list[float]], b: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting; a singular direction gets no step."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda i: abs(m[i][col]))
        m[col], m[pivot] = m[pivot], m[col]
        if abs(m[col][col]) < 1e-14:
            continue
        for i in range(col + 1, n):
            f = m[i][col] / m[col][col]
            for j in range(col, n + 1):
                m[i][j] -= f * m[col][j]
    x = [0.0] * n
    for i in reversed(range(n)):
        if abs(m[i][i]) < 1e-14:
            continue
        x[i] = (m[i][n] - sum(m[i][j] * x[j] for j in range(i + 1, n))) / m[i][i]
    return x
