"""The comparison site: the generated pages written out as plain Markdown for plain Material.

The pages come from the project's own renderer and the hand-written pages from its own macros, so
both sites hold the same text; the plain one is built with the project's configuration minus the
Kulturdialog plugin and the macros plugin.
"""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import jinja2
import yaml
from mkdocs.utils.yaml import yaml_load

from kulturdialog.content import load_content
from kulturdialog.site import passthrough
from kulturdialog.site.macros import register
from kulturdialog.site.plugin import STYLESHEET, KulturdialogPlugin
from kulturdialog.views.pages import all_pages
from kulturdialog.views.render import Renderer

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "mkdocs.yml"
PROJECT_PLUGINS = ("kulturdialog", "macros")


def project_config() -> dict[str, Any]:
    with CONFIG.open("rb") as file:
        loaded: dict[str, Any] = yaml_load(file)
    return loaded


def _plugin_name(entry: Any) -> str:
    return entry if isinstance(entry, str) else next(iter(entry))


def _plugin_options(config: dict[str, Any], name: str) -> dict[str, Any]:
    for entry in config.get("plugins", []):
        if isinstance(entry, dict) and name in entry:
            return dict(entry[name] or {})
    return {}


def _render_hand_written(text: str, src_uri: str, plugin: KulturdialogPlugin) -> str:
    """A hand-written page with its macros expanded by the project's own macro functions."""
    front, body = "", text
    if text.startswith("---\n"):
        end = text.index("\n---\n", 4) + 5
        front, body = text[:end], text[end:]
        if (yaml.safe_load(front[4:-5]) or {}).get("render_macros") is False:
            return text
    macros: dict[str, Any] = {}
    env = SimpleNamespace(
        conf=SimpleNamespace(plugins={"kulturdialog": plugin}),
        page=SimpleNamespace(file=SimpleNamespace(src_uri=src_uri)),
        macro=lambda function: macros.__setitem__(function.__name__, function),
    )
    register(env)
    template = jinja2.Environment(undefined=jinja2.StrictUndefined).from_string(body)
    # Plain Material gets the macros' HTML in the Markdown itself.
    # The project's configuration, as mkdocs-macros gives it to a page (the home page's heading).
    rendered = template.render(config=project_config(), **macros)
    return front + passthrough.release(rendered, plugin.held.pop(src_uri, []))


def write_plain_site(content: Path, docs: Path, folder: Path) -> Path:
    """Write the Markdown of every page of ``content`` and ``docs`` into ``folder``/docs and a
    configuration for plain Material beside it; return the configuration's path."""
    config = project_config()
    language = _plugin_options(config, "kulturdialog").get("language", "nb")
    target = folder / "docs"
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    plugin = KulturdialogPlugin()
    # The macros of hand-written pages read the plugin's settings (the site language).
    errors, _ = plugin.load_config({"language": str(language)})
    assert not errors, errors
    plugin.held = {}
    plugin.library = load_content(content)
    plugin.renderer = Renderer(plugin.library, language=language, directory_urls=True)
    for page in all_pages(plugin.renderer):
        path = target / page.src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page.markdown, "utf-8")
    for source in sorted(docs.rglob("*")):
        if source.is_dir():
            continue
        src_uri = source.relative_to(docs).as_posix()
        path = target / src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        if source.suffix == ".md":
            path.write_text(_render_hand_written(source.read_text("utf-8"), src_uri, plugin))
        else:
            shutil.copyfile(source, path)
    # The same stylesheet and scripts as the generated site publishes.
    assets = resources.files("kulturdialog.site").joinpath("assets")
    (target / "assets").mkdir(exist_ok=True)
    for asset in assets.iterdir():
        (target / "assets" / asset.name).write_bytes(asset.read_bytes())
    plain = {
        "INHERIT": str(CONFIG),
        "docs_dir": str(target),
        "plugins": [
            entry
            for entry in config.get("plugins", [])
            if _plugin_name(entry) not in PROJECT_PLUGINS
        ],
        "extra_css": [*config.get("extra_css", []), STYLESHEET],
        "watch": [],
    }
    path = folder / "mkdocs-plain.yml"
    path.write_text(yaml.safe_dump(plain, allow_unicode=True, sort_keys=False), "utf-8")
    return path
