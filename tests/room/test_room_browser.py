"""The room in Chromium: an operator in one browser, the timer and a projector in a second,
three groups' phones (390×844) in a third, all on ``kulturdialog room`` as a real process."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize, expect

from tests.browser.test_qr_codes import read
from tests.editor.conftest import copy_project
from tests.room.conftest import GATHERING, TASKS, Room, ask, send_answer

pytestmark = pytest.mark.browser

PHONE: ViewportSize = {"width": 390, "height": 844}
OPERATOR = re.compile(r"\bkd-room-operator\b")
DARK = re.compile(r"\bkd-blackout\b")
TIMER = f"gatherings/{GATHERING}/timer/"


def projector_of(site: Path, task: str) -> str:
    """The address of the projector view of ``task``, from the built site."""
    for page in sorted((site / "gatherings" / GATHERING).glob("projector-*/index.html")):
        if f'data-kd-task="{task}"' in page.read_text("utf-8"):
            return f"gatherings/{GATHERING}/{page.parent.name}/"
    raise AssertionError(f"no projector view for {task}")


@pytest.fixture
def contexts(browser: Browser) -> Iterator[tuple[BrowserContext, BrowserContext, BrowserContext]]:
    made = (
        browser.new_context(),
        browser.new_context(),
        browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True),
    )
    yield made
    for context in made:
        context.close()


@dataclass
class Pages:
    """Pages of the room in the browser contexts of a test, each watched for script errors."""

    room: Room
    errors: list[str] = field(default_factory=list)

    def open(self, context: BrowserContext, address: str) -> Page:
        """``address`` (relative to the room's) in a new page of ``context``."""
        page = context.new_page()
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.goto(self.room.url + address)
        return page

    def operator(self, context: BrowserContext, address: str | None = None) -> Page:
        """The operator's address in a new page of ``context``, then ``address`` in the same tab
        (which keeps the secret), the operator's controls on both."""
        page = self.open(context, "")
        page.goto(self.room.operator_url)
        expect(page.locator("html")).to_have_class(OPERATOR)
        if address is not None:
            page.goto(self.room.url + address)
            expect(page.locator("html")).to_have_class(OPERATOR)
        return page


@pytest.fixture
def pages(room: Room) -> Pages:
    return Pages(room)


def blackout(page: Page) -> None:
    # The operator's key for blackout: a change every room screen shows.
    page.locator("body").press("b")


def dark(page: Page) -> bool:
    return "kd-blackout" in (page.locator("html").get_attribute("class") or "").split()


def expect_dark(page: Page, wanted: bool, timeout: float = 5000) -> None:
    """``page`` in blackout (``wanted``) or out of it, within ``timeout`` ms."""
    html = expect(page.locator("html"))
    if wanted:
        html.to_have_class(DARK, timeout=timeout)
    else:
        html.not_to_have_class(DARK, timeout=timeout)


def test_an_operators_phone_drives_the_screens_and_three_groups_answer(
    room: Room, pages: Pages, contexts: tuple[BrowserContext, BrowserContext, BrowserContext]
) -> None:
    operating, screens, phones = contexts
    operator = pages.operator(operating)
    timer = pages.open(screens, TIMER)
    task = "dialogtema-1"
    projector = pages.open(screens, projector_of(room.project / "site", task))
    # The projector's code leads the groups' phones to the answer form.
    expect(projector.locator(f'img[src="/_room/code/{task}.svg"]')).to_be_visible()
    expect(timer.locator("html")).not_to_have_class(OPERATOR)

    # An operator's action reaches every screen.
    was_dark = dark(timer)
    blackout(operator)
    for screen in (timer, projector):
        expect_dark(screen, not was_dark)
    # A screen cannot act: its own change gives way to the room's state.
    blackout(timer)
    timer.wait_for_timeout(500)
    assert dark(timer) != was_dark

    # Three groups answer from their phones.
    for group in (1, 2, 3):
        phone = pages.open(phones, f"_room/answer/{task}")
        # The site's one stylesheet, in the page's language.
        expect(phone.locator("html")).to_have_attribute("lang", "nb")
        send = phone.get_by_role("button", name="Send")
        expect(send).to_have_css("background-color", "rgb(23, 74, 124)")
        phone.get_by_label("Gruppenummer").fill(str(group))
        phone.locator("#kd-point-1").fill(f"Gruppe {group} sitt viktigste punkt")
        phone.locator("#kd-point-2").fill("<b>ikke fet</b>")
        phone.get_by_label("Kommentar").fill(f"Kommentar fra gruppe {group}")
        phone.get_by_role("button", name="Send").click()
        expect(phone.locator("[data-kd-status]")).to_have_text("Mottatt. Takk!")
        assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        phone.close()
    answers = operator.locator(f'[data-kd-task-answers="{task}"]')
    for group in (1, 2, 3):
        expect(answers).to_contain_text(f"Gruppe {group} sitt viktigste punkt")
    # Shown as text, never as markup.
    expect(answers.locator("b")).to_have_count(0)
    expect(answers).to_contain_text("<b>ikke fet</b>")

    # The facilitator shows "what the groups said" on the projector.
    answers.get_by_role("button", name="Vis på projektoren").click()
    said = projector.locator(".kd-room-answers--projector")
    expect(said).to_be_visible()
    expect(said).to_contain_text("Gruppe 3 sitt viktigste punkt")

    # After a restart of the server the screens follow again by themselves.
    room.kill()
    room.start()
    operator.goto(room.operator_url)
    expect(operator.locator("html")).to_have_class(OPERATOR)
    blackout(operator)
    for screen in (timer, projector):
        expect_dark(screen, was_dark, timeout=15000)
    assert not pages.errors, pages.errors

    # The answers end in the gathering's feedback file.
    room.kill()
    written = subprocess.run(
        [sys.executable, "-m", "kulturdialog", "room", GATHERING, "--write-feedback"],
        cwd=room.project,
        capture_output=True,
        text=True,
    )
    files = list((room.project / "content").rglob(f"*{task}*tilbakemeldinger.yml"))
    assert len(files) == 1, written.stdout + written.stderr
    entries = yaml.safe_load(files[0].read_text("utf-8"))["entries"]
    got = {entry["group"]: entry["points"][0] for entry in entries}
    for group in (1, 2, 3):
        assert got[group] == f"Gruppe {group} sitt viktigste punkt"


DECK = "packages/inkluderende-kulturskoler-aktivitetsomrader/presentations/aktivitetsomrader/"
PACKAGE = "packages/samarbejdsprojekter-kortlaegning/"
"""The bundled package with a run-sheet, whose operator can send the speaker a message."""
SPEAKER = PACKAGE + "presentations/kortlaegning/speaker/"


def test_the_operator_drives_the_presenter_and_the_speaker_view(
    pages: Pages, contexts: tuple[BrowserContext, BrowserContext, BrowserContext]
) -> None:
    operating, screens, _ = contexts
    # The operator's tab keeps the secret for the pages opened in it after the address.
    operator = pages.operator(operating, DECK + "presenter/#1")
    presenter = pages.open(screens, DECK + "presenter/")
    speaker = pages.open(screens, DECK + "speaker/")
    expect(presenter.locator("html")).to_have_class(re.compile("kd-deck-live"))
    operator.locator("body").press("ArrowRight")
    operator.locator("body").press("ArrowRight")
    for screen in (presenter, speaker):
        expect(screen).to_have_url(re.compile(r"#3$"))
    # The room's screen cannot move the slides: it gives way to the operator's.
    presenter.locator("body").press("ArrowRight")
    expect(presenter).to_have_url(re.compile(r"#3$"))
    assert not pages.errors, pages.errors


def test_a_message_to_the_speaker_reaches_the_speaker_view_on_another_device_only(
    pages: Pages, contexts: tuple[BrowserContext, BrowserContext, BrowserContext]
) -> None:
    # Three devices: the operator's phone, the speaker's laptop, the room's screens.
    screens, laptop, phone = contexts
    operator = pages.operator(phone, PACKAGE + "runsheet/")
    speaker = pages.open(laptop, SPEAKER + "#2")
    timer = pages.open(screens, PACKAGE + "timer/")
    presenter = pages.open(screens, SPEAKER.replace("/speaker/", "/presenter/") + "#2")
    for page in (speaker, timer, presenter):
        expect(page.locator("html")).not_to_have_class(re.compile(r"\bkd-room-offline\b"))
    words = "Fem minutter tilbage"
    field_ = operator.get_by_label("Besked til taleren")
    field_.fill(words)
    field_.press("Enter")
    message = speaker.locator("[data-kd-speaker-message]")
    expect(message).to_have_text(words)
    # Opened afresh on its device, the speaker view asks the room for the message again.
    speaker.reload()
    expect(message).to_have_text(words)
    # The timer and the audience's presenter have the same run state, but not the message.
    timer.wait_for_timeout(500)
    for screen in (timer, presenter):
        assert words not in screen.locator("body").inner_text(), screen.url
    # Cleared on the operator's phone, gone from the speaker's screen.
    operator.get_by_role("button", name="Fjern").last.click()
    expect(message).to_be_hidden()
    assert not pages.errors, pages.errors


def test_a_phone_that_was_offline_sends_what_it_kept(
    room: Room, pages: Pages, contexts: tuple[BrowserContext, BrowserContext, BrowserContext]
) -> None:
    _, _, phones = contexts
    phone = pages.open(phones, "_room/answer/dialogtema-2")
    phone.get_by_label("Gruppenummer").fill("7")
    phone.locator("#kd-point-1").fill("Sendt mens nettet var borte")
    room.kill()
    phone.get_by_role("button", name="Send").click()
    status = phone.locator("[data-kd-status]")
    expect(status).to_have_text("Lagret på telefonen; sendes når nettet er tilbake.")
    kept = phone.evaluate("localStorage.getItem('kulturdialog-room:answers')")
    assert "Sendt mens nettet var borte" in kept
    room.start()
    expect(status).to_have_text("Mottatt. Takk!", timeout=20000)
    assert phone.evaluate("localStorage.getItem('kulturdialog-room:answers')") == "[]"
    mine = [
        a for a in operators_view(room)["answers"] if a["points"] == ["Sendt mens nettet var borte"]
    ]
    assert len(mine) == 1 and mine[0]["group"] == 7


def operators_view(room: Room) -> dict[str, Any]:
    """What the room tells an operator who says hello now."""
    with room.socket() as socket:
        return ask(socket, {"type": "hello", "key": None, "secret": room.secret})


PRESS_B = (
    "() => document.body.dispatchEvent(new KeyboardEvent('keydown', {key: 'b', bubbles: true}))"
)
"""Blackout pressed at once, without waiting for the page as Playwright's press does."""


def room_state(room: Room) -> tuple[int, Any]:
    with room.socket() as socket:
        welcome = ask(socket, {"type": "hello", "key": f"gathering:{GATHERING}"})
    return welcome["seq"], welcome["state"]


def test_two_operators_at_once_each_sees_the_others_action(
    room: Room, pages: Pages, contexts: tuple[BrowserContext, BrowserContext, BrowserContext]
) -> None:
    first_context, screens, second_context = contexts
    first = pages.operator(first_context)
    second = pages.operator(second_context)
    timer = pages.open(screens, TIMER)
    was_dark = dark(timer)
    before = room_state(room)[0]
    # Both press blackout at the same moment: the later is done again on the newer state, so
    # both count and the room is back where it was, on every screen and both operators' pages.
    for operator in (first, second):
        operator.evaluate(PRESS_B)
    # Both actions are in the room's state: two steps on from where it was.
    deadline = time.monotonic() + 15
    while room_state(room)[0] < before + 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    seq, state = room_state(room)
    assert seq == before + 2
    assert state["blackout"] == was_dark
    for page in (first, second, timer):
        expect_dark(page, was_dark)
    # And one more from the second operator reaches the first.
    second.locator("body").press("b")
    for page in (first, timer):
        expect_dark(page, not was_dark)
    assert not pages.errors, pages.errors


def test_the_operator_writes_the_answers_as_feedback_and_the_rebuilt_page_shows_them(
    tmp_path: Path, browser: Browser
) -> None:
    # A project of its own: the feedback files it writes must not meet the other tests'.
    room = Room(copy_project(tmp_path / "project"))
    room.start()
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        pages = Pages(room)
        operator = pages.operator(context)
        task = TASKS[0]
        with room.socket() as phone:
            for group in (1, 2, 3):
                sent: dict[str, Any] = {
                    "type": "answer",
                    "id": f"answer-of-group-{group}",
                    "task": task,
                }
                sent |= {"phone": f"phone-of-group-{group}", "group": group}
                sent |= {"points": [f"Punkt fra gruppe {group}", "Felles møteplasser"]}
                assert send_answer(phone, sent) == {"type": "stored", "id": sent["id"]}
        panel = operator.locator(".kd-room-answers--operator")
        expect(panel).to_contain_text("Punkt fra gruppe 3")
        write = panel.get_by_role("button", name="Skriv svarene som tilbakemelding")
        write.click()
        said = panel.locator("[data-kd-room-written]")
        # In the page's language, with the file the writer made.
        expect(said).to_contain_text("Skrevet som tilbakemelding:")
        expect(said).to_contain_text("tilbakemeldinger.yml")
        expect(said).not_to_contain_text("wrote ")
        expect(said).to_contain_text("Tilbakemeldingssiden viser svarene etter neste bygging")
        files = list((room.project / "content").rglob(f"*{task}*tilbakemeldinger.yml"))
        assert len(files) == 1
        entries = yaml.safe_load(files[0].read_text("utf-8"))["entries"]
        assert {e["group"]: e["points"][0] for e in entries} == {
            group: f"Punkt fra gruppe {group}" for group in (1, 2, 3)
        }
        first = files[0].read_bytes()
        # A group answers late and the button is pressed again: the file is not written over,
        # and the late answer is not lost: the room keeps it.
        with room.socket() as phone:
            late = {"type": "answer", "id": "answer-of-group-4", "task": task, "group": 4}
            sent = late | {"phone": "phone-of-group-4", "points": ["Sent svar"]}
            assert send_answer(phone, sent)["type"] == "stored"
        expect(panel).to_contain_text("Sent svar")
        write.click()
        expect(said).to_contain_text("Ikke skrevet:")
        expect(said).to_contain_text("already holds feedback")
        assert files[0].read_bytes() == first
        assert "answer-of-group-4" in {a["id"] for a in operators_view(room)["answers"]}
        assert not pages.errors, pages.errors

        # The feedback page follows: the room builds the site again on its next start.
        room.kill()
        room.start()
        page = pages.open(context, f"gatherings/{GATHERING}/feedback/")
        groups = page.locator(".kd-feedback-group")
        for group in (1, 2, 3):
            expect(groups.filter(has_text=f"Punkt fra gruppe {group}")).to_have_count(1)
    finally:
        context.close()
        room.kill(signal.SIGINT)


def test_the_group_sheet_printed_while_the_room_runs_has_the_code_of_its_answer_form(
    room: Room, pages: Pages, contexts: tuple[BrowserContext, BrowserContext, BrowserContext]
) -> None:
    operating, _, _ = contexts
    task = TASKS[1]
    sheet = pages.open(operating, f"gatherings/{GATHERING}/handout-{task}/?groups=3")
    sheet.emulate_media(media="print")
    codes = sheet.locator(f'[data-kd-room-code="{task}"] img')
    expect(codes).to_have_count(3)
    for n in range(3):
        code = codes.nth(n)
        expect(code).to_be_visible()
        code.evaluate("image => image.decode()")
        # Big enough on paper for a phone at arm's length: at least 2.5 cm (96 px an inch).
        box = code.bounding_box()
        assert box is not None and box["width"] >= 2.5 / 2.54 * 96, box
    # What a phone reads in it is the address of the answer form, which the room serves.
    src = codes.first.get_attribute("src") or ""
    svg = sheet.context.request.get(room.url + src.lstrip("/")).text()
    texts = read(sheet, svg.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1))
    assert texts == [f"{room.url}_room/answer/{task}"]
    form = sheet.context.request.get(texts[0])
    assert form.status == 200 and "Gruppenummer" in form.text()
    expect(sheet.locator(f'[data-kd-room-code="{task}"]').first).not_to_contain_text("Ingen kode")
    assert not pages.errors, pages.errors
