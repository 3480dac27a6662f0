"""macros/mkdocs: the hooks, the glossary extension, the copied templates, mini-site builds."""
