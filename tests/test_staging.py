"""A failed build keeps the last good site byte for byte, whatever fails: the build is written
into a staging folder next to the site and put in place in one rename when complete."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands import build as build_module
from mkdocs.commands.build import build
from mkdocs.config import load_config

from kulturdialog.site import plugin as plugin_module
from kulturdialog.site import staging
from kulturdialog.views.render import GeneratedPage
from tests.conftest import FIXTURES, ROOT, BuildSite, run_build


def digest(site: Path) -> dict[str, str]:
    """Every file below ``site`` with the hash of its bytes."""
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def good_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site built from the small valid fixtures, copied fresh for each test."""
    site = tmp_path_factory.mktemp("good") / "site"
    result = run_build(site, content=FIXTURES / "valid")
    assert result.returncode == 0, result.output
    return site


@pytest.fixture
def site(good_site: Path, tmp_path: Path) -> Iterator[Path]:
    copy = tmp_path / "site"
    shutil.copytree(good_site, copy)
    yield copy


def no_staging_left(site: Path) -> None:
    assert not staging.staging_folder(site).exists()
    assert sorted(p.name for p in site.parent.iterdir() if p.name.startswith(".site")) == []


def build_in_process(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KULTURDIALOG_CONTENT", str(FIXTURES / "valid"))
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.chdir(ROOT)
    config = load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=str(site), strict=True)
    build(config)


def test_a_content_problem_keeps_the_last_good_site(site: Path, build_site: BuildSite) -> None:
    before = digest(site)
    result = run_build(site, content=FIXTURES / "invalid")
    assert result.returncode == 1 and "Traceback" not in result.output
    assert digest(site) == before
    no_staging_left(site)


def test_a_failing_macro_in_a_docs_page_is_located_and_keeps_the_last_good_site(
    site: Path, tmp_path: Path
) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(FIXTURES / "docs-with-macros", docs)
    before = digest(site)
    result = run_build(site, content=FIXTURES / "valid", docs=docs)
    assert result.returncode == 1, result.output
    assert 'docs/broken.md:3: programme("finnes-ikke"): there is no such id' in result.output
    assert "Traceback" not in result.output
    assert digest(site) == before
    no_staging_left(site)


def test_an_exception_while_rendering_keeps_the_last_good_site(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = plugin_module.all_pages

    def failing(renderer: object) -> Iterator[GeneratedPage]:
        pages = list(real(renderer))  # type: ignore[arg-type]
        yield from pages[:2]

        def explode() -> str:
            raise RuntimeError("rendering failed")

        yield GeneratedPage(pages[2].src_uri, explode)

    monkeypatch.setattr(plugin_module, "all_pages", failing)
    before = digest(site)
    with pytest.raises(RuntimeError, match="rendering failed"):
        build_in_process(site, monkeypatch)
    assert digest(site) == before
    no_staging_left(site)


def test_ctrl_c_during_a_build_keeps_the_last_good_site(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = build_module._build_page
    written: list[str] = []

    def interrupted(page: Any, *args: Any, **kwargs: Any) -> None:
        if len(written) == 5:
            raise KeyboardInterrupt
        real(page, *args, **kwargs)
        written.append(page.file.dest_uri)

    monkeypatch.setattr(build_module, "_build_page", interrupted)
    before = digest(site)
    with pytest.raises(KeyboardInterrupt):
        build_in_process(site, monkeypatch)
    # Pages were already written, into the staging folder, when the build was interrupted.
    assert all((staging.staging_folder(site) / uri).is_file() for uri in written)
    assert digest(site) == before
    # The next build clears what the interrupted one left and puts a whole site in place.
    monkeypatch.setattr(build_module, "_build_page", real)
    build_in_process(site, monkeypatch)
    assert set(digest(site)) == set(before)
    no_staging_left(site)


def test_a_good_build_replaces_the_site_whole(site: Path, tmp_path: Path) -> None:
    # A page an earlier build made and this one does not (its content was removed) goes.
    mark = site / staging.MARK
    mark.write_text(mark.read_text("utf-8") + "stale.html\n", "utf-8")
    (site / "stale.html").write_text("old", "utf-8")
    result = run_build(site, content=FIXTURES / "valid")
    assert result.returncode == 0, result.output
    assert not (site / "stale.html").exists() and (site / "index.html").exists()
    no_staging_left(site)


def test_an_interrupted_swap_gets_the_last_good_site_back(tmp_path: Path) -> None:
    site = tmp_path / "site"
    previous = tmp_path / ".site.previous"
    previous.mkdir()
    (previous / "index.html").write_text("good", "utf-8")
    (previous / staging.MARK).write_text(staging.MARK_NOTE + "index.html\n", "utf-8")
    stage = staging.begin(site)
    assert (site / "index.html").read_text("utf-8") == "good"
    assert stage.folder.is_dir() and not previous.exists()
    staging.abandon(stage)
    no_staging_left(site)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_two_builds_at_once_end_with_one_complete_site(good_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    with ThreadPoolExecutor(2) as pool:
        runs = list(pool.map(lambda _: run_build(site, content=FIXTURES / "valid"), range(2)))
    assert any(run.returncode == 0 for run in runs), [run.output for run in runs]
    for run in runs:
        assert "Traceback" not in run.output
        if run.returncode != 0:
            # The second waited and gave up with a clear message, or waited and built.
            assert f"another build is writing {site} now" in run.output, run.output
    assert set(digest(site)) == set(digest(good_site))
    assert _leftovers(tmp_path) == []


def test_a_site_that_is_a_link_is_followed_and_the_link_kept(
    good_site: Path, tmp_path: Path
) -> None:
    web_root = tmp_path / "www" / "html"
    shutil.copytree(good_site, web_root)
    (web_root / "stale.html").write_text("old", "utf-8")
    mark = web_root / staging.MARK
    mark.write_text(mark.read_text("utf-8") + "stale.html\n", "utf-8")
    project = tmp_path / "project"
    project.mkdir()
    site = project / "site"
    site.symlink_to(web_root, target_is_directory=True)
    result = run_build(site, content=FIXTURES / "valid")
    assert result.returncode == 0, result.output
    assert site.is_symlink() and site.readlink() == web_root
    assert set(digest(web_root)) == set(digest(good_site))
    assert _leftovers(project) == [] and _leftovers(web_root.parent) == []


def test_a_site_that_is_a_file_is_a_clear_error_and_blocks_nothing(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.write_text("not a site", "utf-8")
    result = run_build(site, content=FIXTURES / "valid")
    assert result.returncode == 1 and "Traceback" not in result.output
    assert f"{site} is a file, not a folder; move it away" in result.output
    assert site.read_text("utf-8") == "not a site"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    site.unlink()
    assert run_build(site, content=FIXTURES / "valid").returncode == 0


@contextmanager
def immutable(path: Path) -> Iterator[None]:
    """``path`` made immutable (chattr +i) for the block, where the system allows it."""
    if shutil.which("chattr") is None or os.geteuid() != 0:
        pytest.skip("needs chattr as root")
    if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode != 0:
        pytest.skip("the file system does not allow chattr +i")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


def test_an_unwritable_site_is_a_clear_error_and_leaves_everything_as_it_was(
    site: Path, tmp_path: Path
) -> None:
    before = digest(site)
    with immutable(site):
        result = run_build(site, content=FIXTURES / "valid")
    assert result.returncode == 1 and "Traceback" not in result.output
    assert f"{site} cannot be written: Operation not permitted" in result.output
    assert digest(site) == before
    no_staging_left(site)
    with immutable(tmp_path):
        result = run_build(site, content=FIXTURES / "valid")
    assert result.returncode == 1 and "Traceback" not in result.output
    assert f"{site} cannot be written" in result.output
    assert digest(site) == before
    no_staging_left(site)
    # Nothing left behind blocks the next build.
    assert run_build(site, content=FIXTURES / "valid").returncode == 0


def test_a_build_refuses_a_folder_with_files_it_did_not_make(site: Path) -> None:
    (site / "notes.txt").write_text("mine", "utf-8")
    before = digest(site)
    result = run_build(site, content=FIXTURES / "valid")
    assert result.returncode == 1 and "Traceback" not in result.output
    assert "holds files that no Kulturdialog build made (notes.txt)" in result.output
    assert digest(site) == before
    no_staging_left(site)


def test_the_build_names_the_site_folder_not_the_staging_folder(tmp_path: Path) -> None:
    result = run_build(tmp_path / "site", content=FIXTURES / "valid")
    assert result.returncode == 0, result.output
    assert f"Building documentation to directory: {tmp_path / 'site'}\n" in result.output
    assert ".staging" not in result.output


def test_a_killed_build_leaves_no_lock_held(site: Path) -> None:
    before = digest(site)
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "KULTURDIALOG_CONTENT": str(FIXTURES / "valid"),
    }
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml")]
    running = subprocess.Popen([*command, "-d", str(site)], env=env, cwd=ROOT)
    lock = site.parent / ".site.lock"
    deadline = time.monotonic() + 60
    while not lock.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert lock.exists()
    running.kill()
    running.wait()
    assert digest(site) == before
    result = run_build(site, content=FIXTURES / "valid")
    assert result.returncode == 0, result.output
    assert "Waiting" not in result.output
    no_staging_left(site)
