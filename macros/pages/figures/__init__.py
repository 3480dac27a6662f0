"""Figures drawn from content data at build time, as inline SVG (issue 12): a 3D body model
(body.py) posed from named base poses (poses.py), a contact solver (solve.py), a flat drawing of
smooth outlines (draw.py) and the exercise panels (exercise.py). Markup is in
templates/components/exercise-figure.html."""
