"""A gathering as a local kit: `new gathering --from`, recordings on the pages, and the starter
file offered for download."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from kulturdialog.authoring.check import check
from kulturdialog.cli import main
from kulturdialog.content import load_content
from kulturdialog.model import GroupWorkBlock
from tests.conftest import BUNDLED_GATHERING, FEEDBACK_GATHERING, FIXTURES, ROOT, Build


@pytest.fixture
def content(tmp_path: Path) -> Path:
    copy = tmp_path / "content"
    shutil.copytree(ROOT / "content", copy)
    return copy


def sets_of(library_root: Path, id: str) -> list[str]:
    gathering = load_content(library_root).gathering(id)
    return [b.question_set for b in gathering.programme if isinstance(b, GroupWorkBlock)]


def test_new_from_writes_a_local_gathering_that_passes_check(content: Path) -> None:
    args = ["new", "gathering", "Dialogmøte i Ås", "--from", BUNDLED_GATHERING]
    assert main([*args, "--content", str(content)]) == 0
    written = content / "dialogues" / "dialogmote-i-as.yml"
    assert check(content).ok
    library = load_content(content)
    local, source = library.gathering("dialogmote-i-as"), library.gathering(BUNDLED_GATHERING)
    assert sets_of(content, "dialogmote-i-as") == sets_of(content, BUNDLED_GATHERING)
    assert local.preparation == source.preparation
    assert local.recording == source.recording
    assert (local.title, local.language) == ("Dialogmøte i Ås", "nb")
    assert local.organisers == [] and local.contacts == [] and local.documents == []
    assert local.date is None and local.start is None
    text = written.read_text("utf-8")
    assert "# date: " in text and "# start: " in text, "left for the author to set"
    assert "organisers: []" in text


def test_the_recording_links_of_blocks_are_kept(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "feedback", content)
    assert main(["new", "gathering", "Lokalt", "--from", FEEDBACK_GATHERING,
                 "--content", str(content)]) == 0  # fmt: skip
    library = load_content(content)
    recordings = [b.recording for b in library.gathering("lokalt").programme]
    source = [b.recording for b in library.gathering(FEEDBACK_GATHERING).programme]
    assert recordings == source
    assert recordings[0] is not None and recordings[0].url is not None


def test_new_from_refuses_an_unknown_gathering_and_other_kinds(
    content: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = sorted(content.rglob("*"))
    assert main(["new", "gathering", "X", "--from", "finnes-ikke", "--content", str(content)]) == 1
    assert "no gathering with the id 'finnes-ikke'" in capsys.readouterr().err
    assert main(["new", "package", "X", "--from", BUNDLED_GATHERING,
                 "--content", str(content)]) == 1  # fmt: skip
    assert "--from works with" in capsys.readouterr().err
    args = ["new", "gathering", "Dialogtema 1", "--id", "dialogtema-1", "--from", BUNDLED_GATHERING]
    assert main([*args, "--content", str(content)]) == 1
    assert "already exists; nothing was written" in capsys.readouterr().err
    assert sorted(content.rglob("*")) == before


def test_the_bundled_seminar_names_its_recording_and_feedback_without_addresses(
    bundled: Build,
) -> None:
    page = bundled.article(f"gatherings/{BUNDLED_GATHERING}/index.html")
    after = page.select_one(".kd-after")
    assert after is not None
    text = " ".join(after.get_text(" ").split())
    assert "Opptak: Filmopptaket på Vimeo (adressen er ikke oppgitt)" in text
    assert "Tilbakemeldingene til arrangørene i løpet av dialogseminaret" in text
    assert after.select("a") == [], "no invented address"
    assert not (bundled.site / f"gatherings/{BUNDLED_GATHERING}/feedback").exists()


def test_the_pages_say_how_to_run_it_locally_and_offer_the_starter(
    bundled: Build, content: Path
) -> None:
    for page in ("index.html", "facilitator/index.html"):
        kit = bundled.article(f"gatherings/{BUNDLED_GATHERING}/{page}").select_one(".kd-local-kit")
        assert kit is not None, page
        command = kit.select_one("pre code").get_text()
        assert command == f'kulturdialog new gathering "Dialogmøte i Ås" --from {BUNDLED_GATHERING}'
        href = kit.select_one("a[download]")["href"]
        assert href.endswith(f"{BUNDLED_GATHERING}-lokal.yml")
    starter = bundled.site / "gatherings" / BUNDLED_GATHERING / f"{BUNDLED_GATHERING}-lokal.yml"
    data = yaml.safe_load(starter.read_text("utf-8"))
    assert data["id"] == f"{BUNDLED_GATHERING}-lokal"
    shutil.copy(starter, content / "dialogues")
    assert check(content).ok, "the downloaded starter passes check beside its source"


def test_a_block_recording_shows_where_the_block_stands(feedback_site: Build) -> None:
    rows = feedback_site.article(f"gatherings/{FEEDBACK_GATHERING}/index.html").select(
        "table.kd-programme tbody tr"
    )
    first = rows[0].select_one(".kd-recording")
    assert first is not None and "Velkommen" in rows[0].get_text()
    link = first.select_one("a")
    assert link["href"] == "https://video.example.no/fjordby/velkommen"
    assert link.get_text() == "Velkomsten på video" and "18 min" in first.get_text()
    last = rows[-1].select_one(".kd-recording")
    assert last is not None and last.select("a") == []
    assert "adressen er ikke oppgitt" in last.get_text()
    assert [r for r in rows[1:-1] if r.select(".kd-recording")] == []


def test_only_a_gathering_with_a_recording_is_offered_as_a_kit() -> None:
    from kulturdialog.views.after import after, pages
    from kulturdialog.views.render import Renderer

    plain = Renderer(load_content(FIXTURES / "valid"))
    [gathering] = plain.library.gatherings.values()
    assert after(plain, gathering.model).kit is None
    assert list(pages(plain)) == []
    recorded = Renderer(load_content(FIXTURES / "feedback"))
    [page] = pages(recorded)
    assert page.src_uri == f"gatherings/{FEEDBACK_GATHERING}/{FEEDBACK_GATHERING}-lokal.yml"
