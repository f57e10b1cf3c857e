"""The room's pages speak the page's language: every word its scripts ask for is sent to them."""

from __future__ import annotations

import re
from importlib import resources

from kulturdialog.room.app import ROOM_LABELS, words
from kulturdialog.views.labels import LANGUAGES


def _asked_for() -> set[str]:
    static = resources.files("kulturdialog.room") / "static"
    asked: set[str] = set()
    for script in ("room.js", "phone.js", "socket.js"):
        asked |= set(re.findall(r"\bwords\.(\w+)", (static / script).read_text("utf-8")))
    return asked


def test_every_word_the_rooms_scripts_ask_for_is_sent_in_every_language() -> None:
    asked = _asked_for()
    assert "room_write" in asked  # the scan finds the words the scripts use
    assert asked <= set(ROOM_LABELS), sorted(asked - set(ROOM_LABELS))
    for language in LANGUAGES:
        sent = words(language)
        assert all(sent.get(key) for key in asked), language
