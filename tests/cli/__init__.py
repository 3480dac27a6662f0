"""macros/cli: the editor commands (check, new, schema, review, preview, readability)."""
