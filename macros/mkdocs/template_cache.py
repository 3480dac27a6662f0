"""Compiled Jinja templates kept between builds, so `mkdocs serve` does not compile the theme's
and the content templates again on every save (a few hundred milliseconds of each rebuild).

Jinja checks each template's source before reusing its compiled form, so an edited template is
always compiled afresh. The cache lives in `.cache/jinja/` beside mkdocs.yml (ignored by git);
if it cannot be written, templates are simply compiled as before.

Used twice: by macros/__init__.py for the content templates, and as an MkDocs hook (listed
under `hooks:` in mkdocs.yml) for the theme's templates.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache, FileSystemBytecodeCache


def bytecode_cache(project_dir: str | Path) -> BytecodeCache | None:
    folder = Path(project_dir) / ".cache" / "jinja"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(folder))


def on_env(env: Any, config: Any, files: Any) -> Any:
    """MkDocs hook: the theme's Jinja environment, created afresh for every build."""
    env.bytecode_cache = bytecode_cache(Path(config.config_file_path).parent)
    return env
