"""Tools for the people who write content: the check and new commands, editor schemas, starters."""
