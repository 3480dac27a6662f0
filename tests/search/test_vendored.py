"""The search libraries the site ships are the pinned npm packages, unchanged but for a licence
header (and MiniSearch's source-map comment), with their licences beside them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
VENDOR = ROOT / "docs" / "assets" / "vendor"
NODE_MODULES = ROOT / "node_modules"

# vendored file -> (package, the file in the package, its licence file)
VENDORED = {
    "minisearch/minisearch.js": ("minisearch", "dist/umd/index.js", "LICENSE.txt"),
    "stemmer/stemmer.js": ("stemmer", "index.js", "license"),
}


def body(text: str) -> str:
    """The file without the header the vendoring adds (a /*! ... */ comment) and source-map comments."""
    if text.startswith("/*!"):
        text = text[text.index("*/") + 2 :].lstrip("\n")
    return "\n".join(line for line in text.splitlines() if not line.startswith("//# sourceMappingURL"))


@pytest.mark.parametrize("vendored", VENDORED)
def test_a_vendored_library_is_the_pinned_package_unchanged(vendored):
    package, inner, licence = VENDORED[vendored]
    pinned = json.loads((ROOT / "package.json").read_text())["devDependencies"][package]
    installed = NODE_MODULES / package
    assert json.loads((installed / "package.json").read_text())["version"] == pinned
    shipped = (VENDOR / vendored).read_text(encoding="utf-8")
    assert f"{package} {pinned}".lower() in shipped.splitlines()[0].lower(), "the header names the version"
    assert body(shipped) == body((installed / inner).read_text(encoding="utf-8"))
    assert any(p.name.lower().startswith("licen") for p in (VENDOR / vendored).parent.iterdir())
    assert (installed / licence).is_file()
