"""Entry point of mkdocs-macros: the macros themselves live in ``kulturdialog.site.macros``."""

from typing import Any

from kulturdialog.site.macros import register


def define_env(env: Any) -> None:
    register(env)
