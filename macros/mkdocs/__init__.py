"""The only code that knows MkDocs, Material or Python-Markdown. A move to another generator
crosses this folder alone.

- plugin.py: `define_env` for mkdocs-macros, and `on_post_build`.
- site.py: edit links to an item's YAML, relative links, the glossary for the `abbr` extension.
- glossary_markdown.py: a faster `abbr` matcher for hundreds of glossary terms.
- compact_html.py, icon_sprite.py, template_cache.py: MkDocs hooks (named in mkdocs.yml) that
  make pages smaller and rebuilds faster; each file says why it exists.
"""
