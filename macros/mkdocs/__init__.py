"""The only code that knows MkDocs, Material or Python-Markdown. A move to another generator
crosses this folder alone.

- plugin.py: `define_env` for mkdocs-macros, `on_post_page_macros` and `on_post_build`.
- search.py: hands the built pages to the search index (macros/pages/search.py).
- site.py: edit links to an item's YAML, relative links, the glossary for the `abbr` extension.
- glossary_markdown.py: a faster `abbr` matcher for hundreds of glossary terms.
- compact_html.py, icon_sprite.py, template_cache.py: MkDocs hooks (named in mkdocs.yml) that
  make pages smaller and rebuilds faster; each file says why it exists.
- material_html.py: a hook that mends Material's markup where no template block reaches
  (keyboard access, names, no request to another site), each fix listed with why.
- material_copies.py: the two Material templates still copied whole (overrides/partials/), the
  changes that make our copies, and the command that refreshes them after an upgrade.
"""
