"""The room in Chromium: an operator in one browser, the timer and a projector in a second,
three groups' phones (390×844) in a third, all on ``kulturdialog room`` as a real process."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.room.conftest import GATHERING, Room

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


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


def watch(page: Page, errors: list[str]) -> Page:
    page.on("pageerror", lambda error: errors.append(str(error)))
    return page


def blackout(page: Page) -> None:
    # The operator's key for blackout: a change every room screen shows.
    page.locator("body").press("b")


def test_an_operators_phone_drives_the_screens_and_three_groups_answer(
    room: Room, contexts: tuple[BrowserContext, BrowserContext, BrowserContext]
) -> None:
    operating, screens, phones = contexts
    errors: list[str] = []
    operator = watch(operating.new_page(), errors)
    operator.goto(room.operator_url)
    expect(operator.locator("html")).to_have_class(re.compile("kd-room-operator"))
    timer = watch(screens.new_page(), errors)
    timer.goto(room.url + f"gatherings/{GATHERING}/timer/")
    task = "dialogtema-1"
    projector = watch(screens.new_page(), errors)
    projector.goto(room.url + projector_of(room.project / "site", task))
    # The projector's code leads the groups' phones to the answer form.
    expect(projector.locator(f'img[src="/_room/code/{task}.svg"]')).to_be_visible()
    expect(timer.locator("html")).not_to_have_class(re.compile("kd-room-operator"))

    # An operator's action reaches every screen.
    was_dark = "kd-blackout" in (timer.locator("html").get_attribute("class") or "")
    blackout(operator)
    dark = re.compile(r"\bkd-blackout\b")
    for screen in (timer, projector):
        if was_dark:
            expect(screen.locator("html")).not_to_have_class(dark)
        else:
            expect(screen.locator("html")).to_have_class(dark)
    # A screen cannot act: its own change gives way to the room's state.
    blackout(timer)
    timer.wait_for_timeout(500)
    assert ("kd-blackout" in (timer.locator("html").get_attribute("class") or "")) != was_dark

    # Three groups answer from their phones.
    for group in (1, 2, 3):
        phone = watch(phones.new_page(), errors)
        phone.goto(room.url + f"_room/answer/{task}")
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
    expect(operator.locator("html")).to_have_class(re.compile("kd-room-operator"))
    blackout(operator)
    for screen in (timer, projector):
        if was_dark:
            expect(screen.locator("html")).to_have_class(dark, timeout=15000)
        else:
            expect(screen.locator("html")).not_to_have_class(dark, timeout=15000)
    assert not errors, errors

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


def test_the_operator_drives_the_presenter_and_the_speaker_view(
    room: Room, contexts: tuple[BrowserContext, BrowserContext, BrowserContext]
) -> None:
    operating, screens, _ = contexts
    errors: list[str] = []
    operator = watch(operating.new_page(), errors)
    # The operator's tab keeps the secret for the pages opened in it after the address.
    operator.goto(room.operator_url)
    expect(operator.locator("html")).to_have_class(re.compile("kd-room-operator"))
    operator.goto(room.url + DECK + "presenter/#1")
    expect(operator.locator("html")).to_have_class(re.compile("kd-room-operator"))
    presenter = watch(screens.new_page(), errors)
    presenter.goto(room.url + DECK + "presenter/")
    speaker = watch(screens.new_page(), errors)
    speaker.goto(room.url + DECK + "speaker/")
    expect(presenter.locator("html")).to_have_class(re.compile("kd-deck-live"))
    operator.locator("body").press("ArrowRight")
    operator.locator("body").press("ArrowRight")
    for screen in (presenter, speaker):
        expect(screen).to_have_url(re.compile(r"#3$"))
    # The room's screen cannot move the slides: it gives way to the operator's.
    presenter.locator("body").press("ArrowRight")
    expect(presenter).to_have_url(re.compile(r"#3$"))
    assert not errors, errors


def test_a_phone_that_was_offline_sends_what_it_kept(
    room: Room, contexts: tuple[BrowserContext, BrowserContext, BrowserContext]
) -> None:
    _, _, phones = contexts
    errors: list[str] = []
    phone = watch(phones.new_page(), errors)
    phone.goto(room.url + "_room/answer/dialogtema-2")
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
    with room.socket() as operator:
        operator.send(json.dumps({"type": "hello", "key": None, "secret": room.secret}))
        welcome = json.loads(operator.recv(timeout=10))
    mine = [a for a in welcome["answers"] if a["points"] == ["Sendt mens nettet var borte"]]
    assert len(mine) == 1 and mine[0]["group"] == 7


def room_state(room: Room) -> tuple[int, Any]:
    with room.socket() as socket:
        socket.send(json.dumps({"type": "hello", "key": f"gathering:{GATHERING}"}))
        welcome = json.loads(socket.recv(timeout=10))
    return welcome["seq"], welcome["state"]


def test_two_operators_at_once_each_sees_the_others_action(
    room: Room, contexts: tuple[BrowserContext, BrowserContext, BrowserContext]
) -> None:
    first_context, screens, second_context = contexts
    errors: list[str] = []
    first = watch(first_context.new_page(), errors)
    second = watch(second_context.new_page(), errors)
    for operator in (first, second):
        operator.goto(room.operator_url)
        expect(operator.locator("html")).to_have_class(re.compile("kd-room-operator"))
    timer = watch(screens.new_page(), errors)
    timer.goto(room.url + f"gatherings/{GATHERING}/timer/")
    was_dark = "kd-blackout" in (timer.locator("html").get_attribute("class") or "")
    before = room_state(room)[0]
    # Both press blackout at the same moment: the later is done again on the newer state, so
    # both count and the room is back where it was, on every screen and both operators' pages.
    both = "b"
    first.evaluate(
        "key => document.body.dispatchEvent(new KeyboardEvent('keydown', {key, bubbles: true}))",
        both,
    )
    second.evaluate(
        "key => document.body.dispatchEvent(new KeyboardEvent('keydown', {key, bubbles: true}))",
        both,
    )
    # Both actions are in the room's state: two steps on from where it was.
    deadline = time.monotonic() + 15
    while room_state(room)[0] < before + 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    seq, state = room_state(room)
    assert seq == before + 2
    assert state["blackout"] == was_dark
    dark = re.compile(r"\bkd-blackout\b")
    for page in (first, second, timer):
        if was_dark:
            expect(page.locator("html")).to_have_class(dark)
        else:
            expect(page.locator("html")).not_to_have_class(dark)
    # And one more from the second operator reaches the first.
    second.locator("body").press("b")
    for page in (first, timer):
        if was_dark:
            expect(page.locator("html")).not_to_have_class(dark)
        else:
            expect(page.locator("html")).to_have_class(dark)
    assert not errors, errors
