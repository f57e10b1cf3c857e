"""The offline copy: Material's offline plugin, with its one outside request made local.

The offline plugin makes Material's search work from ``file://`` with the iframe-worker shim,
which it names by an address on unpkg.com. A copy opened at a venue without a network would
fetch nothing, and a copy opened with one would leak a request: the shim (iframe-worker 1.0.4,
MIT, by Material's author) ships with the site instead.
"""

from __future__ import annotations

from importlib import resources
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from kulturdialog.views import urls

SHIM = "assets/iframe-worker-shim.js"


def offline_enabled(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get("material/offline")
    return plugin is not None and bool(plugin.config.get("enabled", True))


def use_bundled_shim(config: MkDocsConfig, files: Files) -> None:
    """Point the offline plugin's polyfill at a copy inside the site, and add that copy."""
    if not offline_enabled(config):
        return
    polyfills = config.extra.get("polyfills", [])
    config.extra["polyfills"] = [SHIM if "iframe-worker" in url else url for url in polyfills]
    shim = resources.files("kulturdialog.site").joinpath("vendor", "iframe-worker-shim.js")
    files.append(File.generated(config, SHIM, content=shim.read_bytes()))


def published_canonical(page: Page, config: MkDocsConfig, directory_urls: bool) -> None:
    """Give an offline copy's ``page`` the canonical address of the page it copies: the
    published site's (``page/`` when its addresses are folders), not the copy's ``page.html``,
    which the published site does not have. The sitemap lists the same addresses."""
    if not offline_enabled(config) or not config.site_url:
        return
    base = config.site_url if config.site_url.endswith("/") else f"{config.site_url}/"
    page.canonical_url = urljoin(base, urls.page_url(page.file.src_uri, directory_urls))
