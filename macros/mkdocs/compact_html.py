"""MkDocs hook: each page's HTML without the theme's indentation and blank lines.

Material's templates leave deep indentation and runs of empty lines; even compressed they cost
about half a kilobyte a page. Any run of whitespace that holds a line break becomes one line
break, which renders the same (HTML collapses whitespace), except inside <pre>, <textarea>,
<script> and <style>, which are left exactly as they are.
"""

from __future__ import annotations

import re
from typing import Any

_KEEP = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>)", re.S | re.I)
# "[ \t]*\n\s*" as one pattern is tried at every space of the theme's deep indentation (0.6 ms
# a page); a line break and the whitespace after it, then spaces left before a line break, give
# the same text five times faster.
_LINE_BREAK_RUN = re.compile(r"\n\s*")
_SPACES_BEFORE_BREAK = re.compile(r"[ \t]+\n")


def compact(html: str) -> str:
    parts = _KEEP.split(html)
    # split() returns text, kept block, tag name, text, kept block, tag name, ...
    out = []
    for index, part in enumerate(parts):
        kind = index % 3
        if kind == 0:
            out.append(_SPACES_BEFORE_BREAK.sub("\n", _LINE_BREAK_RUN.sub("\n", part)))
        elif kind == 1:
            out.append(part)
    return "".join(out)


def on_post_page(output: str, page: Any, config: Any) -> str:
    return compact(output)
