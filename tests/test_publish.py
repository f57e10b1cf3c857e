"""Publishing: one site_url, example workflows, a zip for any host, the offline build's plugins."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kulturdialog.cli import main
from kulturdialog.site import publish, staging
from tests.conftest import FIXTURES, PROJECT_SITE, ROOT, Published

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


def test_the_offline_copy_names_the_published_addresses(published: Published) -> None:
    # Its pages are files (page.html); the published site's are folders (page/).
    copy = published.offline
    sitemap = (copy / "sitemap.xml").read_text("utf-8")
    named = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    for path in copy.rglob("*.html"):
        link = BeautifulSoup(path.read_text("utf-8"), "html.parser").select_one(
            "link[rel=canonical]"
        )
        if link is not None:
            named.append(str(link["href"]))
    assert len(named) > 20
    for address in named:
        assert address.startswith(PROJECT_SITE) and not address.endswith(".html"), address
        page = published.site / address.removeprefix(PROJECT_SITE) / "index.html"
        assert page.is_file(), address


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
    # From v4 on, files whose names start with a dot (the build's mark) are not uploaded.
    assert int(upload["uses"].rpartition("@v")[2]) >= 4
    assert any("deploy-pages" in step.get("uses", "") for step in jobs["deploy"]["steps"])
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}


def test_the_gitlab_pages_example_publishes_the_built_site_as_public() -> None:
    pages = _load("gitlab-pages.yml")["pages"]
    assert isinstance(pages, dict)
    assert "python -m kulturdialog build --zip" in pages["script"]
    assert "python -m zipfile -e site.zip public" in pages["script"]
    assert pages["artifacts"]["paths"] == ["public"]


def test_site_zip_holds_the_sites_files_at_its_top(tmp_path: Path) -> None:
    folder = tmp_path / "site"
    (folder / "a").mkdir(parents=True)
    (folder / "index.html").write_text("<p>hei</p>")
    (folder / "a" / "b.html").write_text("<p>b</p>")
    archive = publish.zip_folder(folder, tmp_path / "site.zip")
    with zipfile.ZipFile(archive) as opened:
        # Unpacked at a host's web root, index.html is the root's page, not site/index.html.
        assert sorted(opened.namelist()) == ["a/b.html", "index.html"]
        assert opened.read("index.html") == b"<p>hei</p>"
    copy = publish.zip_folder(folder, tmp_path / "copy.zip", inside="copy")
    with zipfile.ZipFile(copy) as opened:
        assert sorted(opened.namelist()) == ["copy/a/b.html", "copy/index.html"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_a_zip_that_no_build_made_is_never_replaced(tmp_path: Path) -> None:
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "index.html").write_text("<p>hei</p>")
    archive = tmp_path / "site.zip"
    archive.write_bytes(b"the author's own archive")
    with pytest.raises(staging.Refused, match="exists and was not made by Kulturdialog"):
        publish.zip_folder(folder, archive)
    assert archive.read_bytes() == b"the author's own archive"
    archive.unlink()
    (folder / staging.MARK).write_text(staging.MARK_NOTE + "index.html\n")
    publish.zip_folder(folder, archive)
    # A zip a build made (its comment says so) is replaced by the next one.
    publish.zip_folder(folder, archive)
    assert zipfile.ZipFile(archive).read("index.html") == b"<p>hei</p>"
    # One with the same files but not that comment is somebody else's.
    with zipfile.ZipFile(archive, "a") as opened:
        opened.comment = b"the author's own"
    with pytest.raises(staging.Refused, match="exists and was not made by Kulturdialog"):
        publish.zip_folder(folder, archive)


def test_the_build_mark_is_not_published_in_site_zip(tmp_path: Path) -> None:
    project = _project(tmp_path / "project")
    for _ in range(2):
        # The second build replaces the zip the first made: it knows the zip as its own.
        built = subprocess.run(
            [sys.executable, "-m", "kulturdialog", "build", "--zip"],
            cwd=project,
            capture_output=True,
            text=True,
        )
        assert built.returncode == 0, built.stdout + built.stderr
    site = project / "site"
    # The mark stays in the folder, where it tells the next build what it may replace.
    assert (site / staging.MARK).is_file()
    made = {
        path.relative_to(site).as_posix()
        for path in site.rglob("*")
        if path.is_file() and path.name != staging.MARK
    }
    with zipfile.ZipFile(project / "site.zip") as opened:
        names = opened.namelist()
    assert [name for name in names if staging.MARK in name] == []
    assert sorted(names) == sorted(made)


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


def _project(root: Path) -> Path:
    """A small project: the bundled settings and pages, fixture content and a repository."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "macros", root / "macros")
    shutil.copytree(ROOT / "docs", root / "docs")
    shutil.copytree(FIXTURES / "valid", root / "content")
    (root / ".git").mkdir()
    (root / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    return root


def files_below(folder: Path) -> dict[str, bytes]:
    """Every file and link below ``folder`` (links not followed), with its bytes or target."""
    found: dict[str, bytes] = {}
    for top, folders, files in os.walk(folder):
        for name in files + folders:
            path = Path(top) / name
            if path.is_symlink():
                found[str(path)] = b"-> " + os.fsencode(os.readlink(path))
            elif path.is_file():
                found[str(path)] = path.read_bytes()
    return found


def test_offline_out_refuses_a_folder_with_other_files(tmp_path: Path) -> None:
    project = _project(tmp_path / "project")
    stick = tmp_path / "usb" / "folder"
    stick.mkdir(parents=True)
    (stick / "notes.docx").write_bytes(b"the author's notes")
    before = files_below(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "kulturdialog", "offline", "--out", str(stick)],
        cwd=project,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "holds files that no Kulturdialog build made (notes.docx)" in result.stderr
    assert files_below(tmp_path) == before


@pytest.mark.parametrize("out", [".", "..", "content", "content/dialogues", "docs", ".git"])
def test_offline_out_never_writes_in_the_project_s_own_folders(
    tmp_path: Path, out: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _project(tmp_path / "project")
    monkeypatch.chdir(project)
    before = files_below(tmp_path)
    assert main(["offline", "--out", out]) == 1
    error = capsys.readouterr().err
    assert re.search(r"is the project's|is inside|holds", error), error
    assert files_below(tmp_path) == before


def test_offline_out_into_a_new_folder_then_into_the_copy_it_made(tmp_path: Path) -> None:
    project = _project(tmp_path / "project")
    out = tmp_path / "usb" / "seminar"
    out.parent.mkdir()
    (out.parent / "other.txt").write_text("the stick's own file")
    for _ in range(2):
        result = subprocess.run(
            [sys.executable, "-m", "kulturdialog", "offline", "--out", str(out)],
            cwd=project,
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stdout + result.stderr
    assert (out / "index.html").is_file() and (out / staging.MARK).is_file()
    assert (out.parent / "other.txt").read_text() == "the stick's own file"
    assert sorted(p.name for p in out.parent.iterdir()) == ["other.txt", "seminar", "seminar.zip"]
    with zipfile.ZipFile(out.parent / "seminar.zip") as opened:
        assert "seminar/index.html" in opened.namelist()
        assert f"seminar/{staging.MARK}" not in opened.namelist()


def _fake_build(project: Path, site_dir: Path, *, offline: bool = False) -> None:
    """What a build does to its output, without mkdocs: the same staging steps."""
    guarded = staging.protected(project, project / "content", project / "docs")
    try:
        stage = staging.begin(site_dir, guarded, project)
    except staging.Refused as refused:
        print(refused, file=sys.stderr)
        raise publish.BuildFailed(str(refused)) from None
    (stage.folder / "assets").mkdir()
    (stage.folder / "assets" / "kulturdialog.css").write_text("a{}")
    (stage.folder / "index.html").write_text("<p>copy</p>")
    staging.finish(stage)


OUTPUTS = [
    ".", "..", "content", "content/dialogues", "content/new", "docs", "docs/guide", ".git",
    ".git/objects", "mine", "mine/sub", "mine/new", "empty", "new", "made", "made-plus",
    "earlier", "link-to-mine", "link-to-empty", "link-to-content", "link-to-made", "dangling",
    "file.txt", "file.txt/new",
]  # fmt: skip
"""Output folders an author might give, relative to the project."""


def _lay_out(project: Path, names: list[str], zip_beside: str | None) -> None:
    (project / "mine" / "sub").mkdir(parents=True)
    for name in names:
        (project / "mine" / name).write_text(f"the author's {name}")
        (project / "mine" / "sub" / name).write_text(f"also {name}")
    (project / "empty").mkdir()
    for made in ("made", "made-plus"):
        (project / made).mkdir()
        (project / made / "index.html").write_text("old copy")
        (project / made / staging.MARK).write_text(staging.MARK_NOTE + "index.html\n")
    (project / "made-plus" / "added.txt").write_text("added by the author")
    (project / "earlier" / "assets").mkdir(parents=True)
    (project / "earlier" / "assets" / "kulturdialog.css").write_text("old")
    (project / "file.txt").write_text("a file")
    for link, target in [("mine", "mine"), ("empty", "empty"), ("content", "content")]:
        (project / f"link-to-{link}").symlink_to(project / target)
    (project / "link-to-made").symlink_to(project / "made")
    (project / "dangling").symlink_to(project / "gone")
    if zip_beside:
        (project / zip_beside).parent.mkdir(parents=True, exist_ok=True)
        (project / zip_beside).write_bytes(b"the author's zip")


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    out=st.sampled_from(OUTPUTS),
    names=st.lists(
        st.text("abcxyzæø.-_ 1", min_size=1, max_size=8).filter(
            lambda n: n not in {".", ".."} and not n.startswith(".")
        ),
        max_size=3,
        unique=True,
    ),
    zip_beside=st.sampled_from([None, "mine.zip", "empty.zip", "new.zip", "made.zip"]),
)
def test_offline_out_changes_no_file_outside_its_output(
    out: str,
    names: list[str],
    zip_beside: str | None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    with tempfile.TemporaryDirectory() as temporary:
        project = (Path(temporary) / "project").resolve()
        (project / "content").mkdir(parents=True)
        (project / "content" / "a.yml").write_text("kind: question_set\n")
        (project / "docs" / "guide").mkdir(parents=True)
        (project / "docs" / "index.md").write_text("# Hei\n")
        (project / ".git" / "objects").mkdir(parents=True)
        (project / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
        (project / "mkdocs.yml").write_text("site_name: X\n")
        _lay_out(project, names, zip_beside)
        monkeypatch.chdir(project)
        monkeypatch.setattr(publish, "build_site", _fake_build)
        before = files_below(Path(temporary))
        given_out = project / out
        target = Path(os.path.realpath(given_out))
        archive = Path(os.path.realpath(given_out.parent / f"{given_out.name}.zip"))

        code = main(["offline", "--out", out])
        captured = capsys.readouterr()

        after = files_below(Path(temporary))
        if code != 0:
            assert "Traceback" not in captured.err and captured.err.strip()
            assert after == before, captured.err
            return
        for path, data in before.items():
            real = Path(os.path.realpath(path))
            if not (real in (target, archive) or target in real.parents):
                assert after.get(path) == data, path
        assert (target / "index.html").read_text() == "<p>copy</p>"
        with zipfile.ZipFile(archive) as opened:
            assert f"{given_out.name}/index.html" in opened.namelist()
        assert not [p for p in target.parent.iterdir() if p.name.endswith((".lock", ".staging"))]
