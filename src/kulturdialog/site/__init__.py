"""The thin mkdocs layer: a plugin that adds generated pages, and the macros for authors."""
