"""Building the site for the web, a zip for any static host, and an offline copy.

The offline copy is a build of its own: the project's plugins with any search taken out and
Material's search and ``offline`` plugins put in, so it needs no server and fetches nothing,
whatever search the published site uses.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import zipfile
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

from kulturdialog.errors import display_path
from kulturdialog.site import staging

CONFIG = "mkdocs.yml"
OFFLINE_PLUGINS: list[Any] = ["search", "offline"]
"""What the offline copy adds: Material's search, which the offline plugin makes work from
``file://``, and the offline plugin itself."""


ZIP_NOTE = b"Made by Kulturdialog: the next build with --zip may replace this file."
"""The comment of every zip a build writes: it marks the zip as the build's, as the site
folder's mark (``staging.MARK``, which the zip leaves out) marks the folder."""


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


def zip_refusal(archive: Path) -> str | None:
    """Why ``archive`` may not be written, or None: only a missing file or a zip that a build
    made (it holds the build's mark) is replaced."""
    if not os.path.lexists(archive):
        return None
    shown = display_path(archive)
    if archive.is_file() and not archive.is_symlink():
        try:
            with zipfile.ZipFile(archive) as opened:
                names, comment = opened.namelist(), opened.comment
        except (OSError, zipfile.BadZipFile):
            names, comment = [], b""
        if comment == ZIP_NOTE:
            return None
        # A zip of an earlier version holds the folder's mark, or a file every site has.
        made = (staging.MARK, staging.EARLIER_BUILD)
        if any(name.split("/", 1)[-1] in made or name in made for name in names):
            return None
    return (
        f"{shown} exists and was not made by Kulturdialog; nothing was changed. Move it away "
        "and run the command again"
    )


def zip_folder(folder: Path, archive: Path, *, inside: str | None = None) -> Path:
    """``folder``'s files in a zip at ``archive``: at its top, or in one folder ``inside`` it.
    The build's mark is left out: it tells the next build what it may replace on this
    computer, and is no file of the site a host should publish.

    The zip is written beside ``archive`` and renamed into place when complete; raises
    ``staging.Refused`` when ``archive`` is a file no build made."""
    why = zip_refusal(archive)
    if why is not None:
        raise staging.Refused(why)
    prefix = f"{inside}/" if inside else ""
    handle, name = tempfile.mkstemp(prefix=f".{archive.name}.", dir=archive.parent)
    try:
        with os.fdopen(handle, "wb") as raw, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as out:
            out.comment = ZIP_NOTE
            for path in sorted(folder.rglob("*")):
                if path.is_file() and path != folder / staging.MARK:
                    out.write(path, prefix + path.relative_to(folder).as_posix())
        # mkstemp's file is private; a zip for a host or a stick is read by others.
        os.chmod(name, 0o644)
        os.replace(name, archive)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return archive


def serve_site(project: Path, address: str) -> None:
    """``mkdocs serve`` of the project at ``address`` (host:port), until interrupted."""
    _show_mkdocs_log()
    try:
        serve(config_file=str(project / CONFIG), dev_addr=address)
    except (Abort, BuildError, ConfigurationError) as error:
        raise BuildFailed(str(error)) from None
