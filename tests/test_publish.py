"""Publishing: one site_url, example workflows, a zip for any host, the offline build's plugins."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from kulturdialog.site import publish
from tests.conftest import PROJECT_SITE, ROOT, Published

EXAMPLES = ROOT / "examples"


def test_site_url_is_set_in_one_place_only() -> None:
    # The bundled mkdocs.yml names where site_url goes and leaves it unset: a placeholder
    # address would put QR codes on the projector views that lead nowhere.
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    assert re.findall(r"^site_url:", config, re.M) == []
    assert re.findall(r"^# site_url: https://\S+/$", config, re.M)
    # Only mkdocs.yml sets it: no other source gives the site an address.
    skipped = {".venv", "node_modules", ".git", "site", "offline-copy", "public"}
    for path in ROOT.glob("**/*"):
        if path.suffix not in {".py", ".html", ".yml", ".md", ".js"} or skipped & set(path.parts):
            continue
        if path.name != "mkdocs.yml" and path.is_file():
            text = path.read_text("utf-8", errors="replace")
            assert not re.search(r"^\s*site_url:\s*https?://", text, re.M), path


def _room_view(path: Path) -> bool:
    return 'class="kd-room"' in path.read_text("utf-8")[:400]


def test_the_sitemap_lists_every_page_at_the_site_url(published: Published) -> None:
    url = PROJECT_SITE
    site = published.site
    listed = set(re.findall(r"<loc>([^<]+)</loc>", (site / "sitemap.xml").read_text()))
    pages = {
        url + str(path.parent.relative_to(site)).removeprefix(".") + "/"
        for path in site.rglob("index.html")
        # Presenter, speaker, timer and projector views are screens for the room, written as
        # files of their own without the site around them: not pages of the site.
        if path.parent.name not in ("presenter", "speaker") and not _room_view(path)
    }
    pages = {page.replace(url + "/", url) for page in pages}
    assert pages <= listed, sorted(pages - listed)[:5]


def test_every_page_names_its_canonical_address(published: Published) -> None:
    runsheet = next(published.site.glob("gatherings/*/runsheet/index.html"))
    relative = runsheet.parent.relative_to(published.site)
    page = BeautifulSoup(runsheet.read_text("utf-8"), "html.parser")
    link = page.select_one("link[rel=canonical]")
    assert link is not None and link["href"] == f"{PROJECT_SITE}{relative}/"


def _load(name: str) -> dict[object, object]:
    loaded = yaml.safe_load((EXAMPLES / name).read_text("utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def test_the_github_pages_example_builds_with_the_project_command_and_deploys() -> None:
    workflow = _load("github-pages.yml")
    # YAML 1.1 reads the key 'on' as true, as GitHub's own parser does not; either is the key.
    triggers = workflow.get("on", workflow.get(True))
    assert isinstance(triggers, dict) and "push" in triggers
    jobs = workflow["jobs"]
    assert isinstance(jobs, dict)
    steps = jobs["build"]["steps"]
    runs = [step.get("run") for step in steps]
    assert "python -m kulturdialog build" in runs
    upload = next(step for step in steps if "upload-pages-artifact" in step.get("uses", ""))
    assert upload["with"]["path"] == "site"
    assert any("deploy-pages" in step.get("uses", "") for step in jobs["deploy"]["steps"])
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}


def test_the_gitlab_pages_example_publishes_the_built_site_as_public() -> None:
    pages = _load("gitlab-pages.yml")["pages"]
    assert isinstance(pages, dict)
    assert "python -m kulturdialog build" in pages["script"]
    assert "mv site public" in pages["script"]
    assert pages["artifacts"]["paths"] == ["public"]


def test_a_zip_holds_the_folder_file_for_file(tmp_path: Path) -> None:
    folder = tmp_path / "site"
    (folder / "a").mkdir(parents=True)
    (folder / "index.html").write_text("<p>hei</p>")
    (folder / "a" / "b.html").write_text("<p>b</p>")
    archive = publish.zip_folder(folder, tmp_path / "site.zip")
    with zipfile.ZipFile(archive) as opened:
        assert sorted(n for n in opened.namelist() if not n.endswith("/")) == [
            "site/a/b.html",
            "site/index.html",
        ]
        assert opened.read("site/index.html") == b"<p>hei</p>"


@pytest.mark.parametrize(
    "plugins",
    [
        "  - search\n  - kulturdialog\n  - macros\n",
        "  - search:\n      enabled: false\n  - kulturdialog\n  - pagefind_search\n  - macros\n",
        "  - kulturdialog\n  - macros\n",
    ],
)
def test_the_offline_build_uses_its_own_search_whatever_the_site_uses(
    tmp_path: Path, plugins: str
) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: X\nplugins:\n" + plugins, "utf-8")
    chosen = publish.offline_plugins(tmp_path)
    names = [next(iter(p)) if isinstance(p, dict) else p for p in chosen]
    assert names == ["kulturdialog", "macros", "search", "offline"]


def test_the_bundled_offline_plugins_keep_the_site_language_setting() -> None:
    chosen = publish.offline_plugins(ROOT)
    kulturdialog = next(p for p in chosen if isinstance(p, dict) and "kulturdialog" in p)
    assert kulturdialog["kulturdialog"]["language"] in ("nb", "nn", "da", "en")
