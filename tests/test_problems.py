"""The serve problems page: author text escaped, control characters shown as the terminal shows
them."""

from __future__ import annotations

from bs4 import BeautifulSoup

from kulturdialog.errors import Problem, visible
from kulturdialog.views.problems import problems_page

RAW = "\x1b\x07\r\n\t\x00\x7f\x85\u2028\u2029"
"""Control characters of every sort the terminal report escapes."""


def rendered(problem: Problem) -> str:
    return problems_page([problem], "nb").split("---\n", 2)[2]


def test_control_characters_are_shown_escaped_as_in_the_terminal_report() -> None:
    problem = Problem(f"content/x{RAW}.yml", 3, 5, f"title{RAW}", f"'rødt{RAW}' is not valid")
    body = rendered(problem)
    # The page's own lines end in \n; no other control character is left in it.
    assert not [character for character in RAW if character != "\n" and character in body]
    cells = [td.get_text() for td in BeautifulSoup(body, "html.parser").find_all("td")]
    assert cells == [
        visible(problem.file),
        "3:5",
        visible(problem.field),
        visible(problem.message),
    ]
    assert "'rødt\\x1b\\x07\\r\\n\\t\\x00\\x7f\\x85\\u2028\\u2029' is not valid" in cells


def test_markup_in_a_message_is_still_escaped() -> None:
    body = rendered(Problem("x.yml", 1, 1, "title", "'<b>\x1b</b>' is not valid"))
    assert "&lt;b&gt;\\x1b&lt;/b&gt;" in body and "<b>" not in body
