"""Ids made from titles, as the authoring commands use them; made in ``kulturdialog.model.ids``,
below the views, which name the local kit's starter file with them."""

from __future__ import annotations

from kulturdialog.model.ids import MAX_LENGTH, make_id, shorten

__all__ = ["MAX_LENGTH", "make_id", "shorten"]
