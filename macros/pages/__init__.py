"""The second layer: Registry -> page Markdown. Python gathers (gather.py, signs.py), checks that
look across items (checks.py), Jinja marks up (render.py, templates/). Never imports MkDocs.
"""
