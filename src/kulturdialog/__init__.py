"""Kulturdialog: facilitated dialogue seminars and workshops, from plain YAML to a static site.

The package follows the pipeline: ``loader`` (YAML with source positions) → ``model`` (typed,
validated content) → ``library`` (all files together, cross-references) → ``schedule`` (pure time
arithmetic) → ``views`` (Jinja templates) → ``site`` (the thin mkdocs layer).
"""
