"""The content engine's first layer: content_data/<kind>/<id>.yaml -> typed models -> Registry.

models.py (every kind and field, with descriptions), loader.py (YAML 1.2 with line marks, every
problem collected), errors.py (file:line: field: message), registry.py (cross-references resolved
once, back-links). Imports pydantic and YAML, never MkDocs.
"""
