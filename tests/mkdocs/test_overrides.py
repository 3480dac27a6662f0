"""Our copies of Material's templates are Material's files plus a short, listed set of changes
(macros/mkdocs/material_copies.py): when Material is upgraded and its file changes, this fails
and says which copy to refresh. At most two templates are copied; every other fix is a hook."""

from __future__ import annotations

import pytest

from macros.mkdocs.material_copies import CHANGES, ROOT, expected


def test_at_most_two_material_templates_are_copied():
    copied = sorted(str(p.relative_to(ROOT / "overrides")) for p in (ROOT / "overrides").rglob("*.html"))
    ours = {  # not copies: our own, or Material's partial replaced by our own (footer line, no repository link)
        "main.html",
        "404.html",
        "partials/page-contents.html",
        "partials/languages/custom.html",
        "partials/copyright.html",
        "partials/source.html",
    }
    assert sorted(set(copied) - ours) == sorted(CHANGES)
    assert len(CHANGES) <= 2


@pytest.mark.parametrize("name", sorted(CHANGES))
def test_a_copied_material_template_is_materials_file_plus_our_listed_changes(name: str):
    ours = (ROOT / "overrides" / name).read_text(encoding="utf-8")
    assert ours == expected(name), (
        f"overrides/{name} is not Material's {name} plus the changes listed in macros/mkdocs/material_copies.py. "
        "After a Material upgrade run `python -m macros.mkdocs.material_copies` and review the diff."
    )
