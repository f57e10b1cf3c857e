"""The project an author works in: the nearest folder at or above the working one with mkdocs.yml.

The commands read the content folder and the site language from that file, so that
``kulturdialog new`` in ``content/dialogues/`` writes where ``kulturdialog new`` in the project
folder would, and no command quietly writes files outside a project.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

CONFIG = "mkdocs.yml"
PLUGIN = "kulturdialog"


class NoProject(Exception):
    """Raised when no folder at or above the working one holds mkdocs.yml."""

    def __init__(self, start: Path) -> None:
        super().__init__(
            f"{start}: not inside a Kulturdialog project: no {CONFIG} here or in any folder "
            f"above; go to the project folder (the one with {CONFIG}) or a folder inside it"
        )


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml as mkdocs does for the settings we need, without importing mkdocs."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    # !ENV NAME or !ENV [NAME, ..., default]: the first variable set, else the default.
    if isinstance(node, yaml.ScalarNode):
        return os.environ.get(str(loader.construct_scalar(node)))
    values = loader.construct_sequence(node)  # type: ignore[arg-type]
    for name in values[:-1]:
        if name in os.environ:
            return os.environ[name]
    return values[-1] if len(values) > 1 else os.environ.get(values[0])


def _anything(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    # Python objects and other tags mkdocs.yml may hold are no concern of the commands.
    return None


_ConfigLoader.add_constructor("!ENV", _env)
_ConfigLoader.add_multi_constructor("!", _anything)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _anything)


@dataclass(frozen=True)
class Project:
    root: Path
    """The folder with mkdocs.yml."""
    content: Path
    """The content folder the site is built from."""
    language: str
    """The site language: the default language of new content."""
    base: str = "/"
    """The path the preview serves the site under: that of ``site_url``, as mkdocs serves it
    there (``/dialogdage/`` for a project site), or ``/``."""


def _base(site_url: object) -> str:
    path = urlsplit(str(site_url or "")).path.strip("/")
    return f"/{path}/" if path else "/"


def _plugin_settings(config: dict[str, Any]) -> dict[str, Any]:
    plugins = config.get("plugins") or []
    entries = plugins.items() if isinstance(plugins, dict) else plugins
    for entry in entries:
        if isinstance(entry, tuple):
            name, settings = entry
        elif isinstance(entry, dict):
            name, settings = next(iter(entry.items()))
        else:
            name, settings = entry, {}
        if name == PLUGIN:
            return settings or {}
    return {}


def find(start: Path | None = None) -> Project:
    """The project at or above ``start`` (the working folder); raises ``NoProject``."""
    here = (start or Path.cwd()).resolve()
    for folder in [here, *here.parents]:
        config_file = folder / CONFIG
        if config_file.is_file():
            config = yaml.load(config_file.read_text("utf-8"), Loader=_ConfigLoader) or {}
            settings = _plugin_settings(config)
            content = folder / str(settings.get("content") or "content")
            language = str(settings.get("language") or "nb")
            return Project(folder, content, language, _base(config.get("site_url")))
    raise NoProject(here)
