"""macros/content: the models, every loader error (one named fixture each), the registry, the real content."""
