"""What a gathering leaves behind for others to use: a recording (documents are ``Link``s)."""

from __future__ import annotations

from kulturdialog.model.common import Minutes, Model, Text, WebAddress


class Recording(Model):
    """A film or sound recording of a block or of a whole gathering."""

    title: Text
    """What the recording is called, as its source names it, such as 'Filmopptaket på Vimeo'."""
    url: WebAddress | None = None
    """Where it can be watched or heard. Leave out when the address is not known: the page then
    says that it is not given."""
    minutes: Minutes | None = None
    """How long it lasts, in whole minutes."""
