"""The room's server: the built site and a live channel on the venue's own network."""
