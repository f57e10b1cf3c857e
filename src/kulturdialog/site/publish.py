"""Building the site for the web, a zip for any static host, and an offline copy.

The offline copy is a build of its own: the project's plugins with any search taken out and
Material's search and ``offline`` plugins put in, so it needs no server and fetches nothing,
whatever search the published site uses.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
from pathlib import Path
from typing import Any

# Material prints an end-of-life notice on import unless this is set; it is not about the
# author's site.
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from mkdocs.commands.build import build
from mkdocs.commands.serve import serve
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, BuildError, ConfigurationError
from mkdocs.utils.yaml import yaml_load

CONFIG = "mkdocs.yml"
OFFLINE_PLUGINS: list[Any] = ["search", "offline"]
"""What the offline copy adds: Material's search, which the offline plugin makes work from
``file://``, and the offline plugin itself."""


class BuildFailed(Exception):
    """The build stopped; mkdocs has already printed why."""


def _show_mkdocs_log() -> None:
    log = logging.getLogger("mkdocs")
    if not any(getattr(handler, "kd_console", False) for handler in log.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        handler.kd_console = True  # type: ignore[attr-defined]
        log.addHandler(handler)
        log.setLevel(logging.INFO)


def _name(entry: Any) -> str:
    return str(next(iter(entry)) if isinstance(entry, dict) else entry)


def offline_plugins(project: Path) -> list[Any]:
    """The project's plugins without any search, then Material's search and offline; the
    kulturdialog plugin told to use Material's."""
    with open(project / CONFIG, encoding="utf-8") as config:
        raw = yaml_load(config)
    plugins = raw.get("plugins") or []
    entries = (
        [{name: value} for name, value in plugins.items()] if isinstance(plugins, dict) else plugins
    )
    kept = [
        _with_material_search(entry)
        for entry in entries
        if "search" not in _name(entry) and _name(entry) != "offline"
    ]
    return kept + OFFLINE_PLUGINS


def _with_material_search(entry: Any) -> Any:
    """The kulturdialog plugin's entry set to Material's search (Pagefind needs a server)."""
    if _name(entry) != "kulturdialog":
        return entry
    options = entry.get("kulturdialog") if isinstance(entry, dict) else None
    return {"kulturdialog": {**(options or {}), "search": "material"}}


def build_site(project: Path, site_dir: Path, *, offline: bool = False) -> None:
    """Build the project into ``site_dir`` (strict: any warning fails the build)."""
    _show_mkdocs_log()
    options: dict[str, Any] = {"site_dir": str(site_dir), "strict": True}
    if offline:
        options["plugins"] = offline_plugins(project)
    try:
        config = load_config(str(project / CONFIG), **options)
        build(config)
    except (Abort, BuildError, ConfigurationError) as error:
        raise BuildFailed(str(error)) from None


def zip_folder(folder: Path, archive: Path) -> Path:
    """``folder``'s files in a zip at ``archive``, one folder inside named like the archive."""
    archive.unlink(missing_ok=True)
    made = shutil.make_archive(
        str(archive.with_suffix("")), "zip", root_dir=folder.parent, base_dir=folder.name
    )
    return Path(made)


def serve_site(project: Path, address: str) -> None:
    """``mkdocs serve`` of the project at ``address`` (host:port), until interrupted."""
    _show_mkdocs_log()
    try:
        serve(config_file=str(project / CONFIG), dev_addr=address)
    except (Abort, BuildError, ConfigurationError) as error:
        raise BuildFailed(str(error)) from None
