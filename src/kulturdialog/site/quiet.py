"""A build prints only what an author can act on.

The macros plugin logs its set-up (modules found, macros and variables defined) at INFO on every
build. Nothing there is for an author; its warnings and errors still come through.
"""

from __future__ import annotations

import logging

NOISY = ("mkdocs.plugins.mkdocs_macros.util",)
"""Loggers whose INFO lines describe the tool's own set-up."""


class OnlyProblems(logging.Filter):
    """Lets warnings and errors through, nothing below."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.WARNING


def silence_set_up_chatter() -> None:
    for name in NOISY:
        logger = logging.getLogger(name)
        if not any(isinstance(found, OnlyProblems) for found in logger.filters):
            logger.addFilter(OnlyProblems())
