"""A failed build keeps the last good site byte for byte, whatever fails: the build is written
into a staging folder next to the site and put in place in one rename when complete."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterator
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
    staging.prepare(site)
    assert (site / "index.html").read_text("utf-8") == "good"
    assert staging.staging_folder(site).is_dir() and not previous.exists()
