"""The package's layers: the engine (macros/content/, macros/pages/) never imports MkDocs,
Material or Python-Markdown, so a move to another generator crosses macros/mkdocs/ alone."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

ENGINE = ["content", "pages"]
BANNED = ("mkdocs", "material", "markdown", "pymdownx", "mkdocs_macros")


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)
        elif (
            isinstance(node, ast.ImportFrom)
            and node.level >= 2
            and node.module
            and node.module.split(".")[0] in ("mkdocs", "cli", "devtools")
        ):
            # a relative import that climbs out of the engine, e.g. `from ..mkdocs import x`
            found.add(f"macros.{node.module}")
    return found


@pytest.mark.parametrize("layer", ENGINE)
def test_the_engine_never_imports_mkdocs(layer: str):
    bad = []
    for path in sorted((ROOT / "macros" / layer).rglob("*.py")):
        for name in imports_of(path):
            top = name.split(".")[0]
            if top in BANNED or name.startswith(("macros.mkdocs", "macros.cli", "macros.devtools")):
                bad.append(f"{path.relative_to(ROOT)} imports {name}")
    assert bad == []


def test_loading_and_rendering_content_loads_no_mkdocs_module():
    code = (
        "import sys; from pathlib import Path;"
        "from macros.content.registry import build; from macros.pages.render import Renderer;"
        "from macros.pages.signs import care_from_config;"
        "r = Renderer(build(Path('content_data')), care=care_from_config(Path('mkdocs.yml')));"
        "r.item_page('conditions', 'sciatica');"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {BANNED!r}))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
