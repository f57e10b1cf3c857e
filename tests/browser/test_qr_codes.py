"""QR codes lead to a page: every code in the built site and in its offline copy, drawn by
Chromium and read by zxing-cpp as a phone would read it, is the address of a page that the site,
served at its site_url's path, has. Without site_url there is no code, and `offline` says why."""

from __future__ import annotations

import base64
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import zxingcpp
from bs4 import BeautifulSoup
from playwright.sync_api import Page

from tests.conftest import PROJECT_SITE, ROOT, Build, Published
from tests.site_project import make_project, run

pytestmark = pytest.mark.browser

PIXELS = 360
"""The size the codes are drawn at, in pixels: a few per module even for a long address."""

_DRAW = """async ([svg, size]) => {
  const image = new Image();
  image.src = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = size;
  const context = canvas.getContext("2d");
  context.fillStyle = "#fff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  const rgba = context.getImageData(0, 0, canvas.width, canvas.height).data;
  let grey = "";
  for (let i = 0; i < rgba.length; i += 4) grey += String.fromCharCode(rgba[i]);
  return btoa(grey);
}"""


def codes(site: Path) -> dict[str, list[str]]:
    """Each QR code of the site's pages as SVG that stands alone, by the page that shows it."""
    found: dict[str, list[str]] = {}
    for path in sorted(site.rglob("*.html")):
        html = path.read_text("utf-8")
        if "kd-projector__code" not in html:
            continue
        for svg in BeautifulSoup(html, "html.parser").select("svg.kd-projector__code"):
            svg["xmlns"] = "http://www.w3.org/2000/svg"
            found.setdefault(path.relative_to(site).as_posix(), []).append(str(svg))
    return found


def read(page: Page, svg: str) -> list[str]:
    """What a reader finds in ``svg`` drawn by the browser: the text of each code."""
    grey = base64.b64decode(page.evaluate(_DRAW, [svg, PIXELS]))
    image = memoryview(grey).cast("B", (PIXELS, PIXELS))
    return [code.text for code in zxingcpp.read_barcodes(image)]


def test_every_qr_code_leads_to_a_page_of_the_published_site(
    page: Page, published: Published, published_url: str
) -> None:
    page.goto("about:blank")
    addresses: dict[str, set[str]] = {}
    for name, folder in (("site", published.site), ("offline copy", published.offline)):
        found = codes(folder)
        assert len(found) >= 2, (name, found.keys())
        addresses[name] = set()
        for where, svgs in found.items():
            for svg in svgs:
                texts = read(page, svg)
                assert len(texts) == 1, (name, where, texts)
                addresses[name].add(texts[0])
    # The offline copy's codes are the published site's: its own files are on a USB stick.
    assert addresses["offline copy"] == addresses["site"]
    for address in sorted(addresses["site"]):
        assert address.startswith(PROJECT_SITE), address
        assert not address.endswith(".html"), address
        served = published_url + address.removeprefix(PROJECT_SITE)
        response = page.context.request.get(served)
        assert response.status == 200, address
        assert urlsplit(response.url).path == urlsplit(served).path, address
    assert published.output.count("No QR codes") == 0


def test_without_site_url_there_is_no_code_and_offline_says_why(
    bundled: Build, tmp_path: Path
) -> None:
    # The bundled mkdocs.yml sets no site_url: a code there would lead nowhere.
    assert codes(bundled.site) == {}
    projectors = list(bundled.site.glob("gatherings/*/projector-*/index.html"))
    assert projectors
    for projector in projectors:
        note = bundled.html(str(projector.relative_to(bundled.site))).select_one(".kd-room__note")
        assert note is not None and "site_url" in note.get_text(), projector
    contents = [path for path in sorted((ROOT / "content").iterdir()) if path.is_dir()]
    project = make_project(tmp_path / "stick", None, contents)
    copied = run(project, "offline")
    assert copied.returncode == 0, copied.stdout + copied.stderr
    said = copied.stdout + copied.stderr
    assert "No QR codes on the projector views: site_url in mkdocs.yml is not set" in said
    assert codes(project / "offline-copy") == {}
