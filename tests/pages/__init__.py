"""macros/pages: rendering, and the checks across items (one sign, one level)."""
