"""What must outlast the room's server: the latest run state of each programme with its
sequence number, and every answer a group sent. SQLite in WAL mode, each change committed
before anyone is told of it, so ``kill -9`` of the server loses nothing that was confirmed."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_SCHEMA = """
CREATE TABLE IF NOT EXISTS state (
    key TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    body TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS answer (
    id TEXT PRIMARY KEY,
    task TEXT NOT NULL,
    grp INTEGER NOT NULL,
    points TEXT NOT NULL,
    comment TEXT NOT NULL,
    received TEXT NOT NULL,
    arrival INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS shown (
    one INTEGER PRIMARY KEY CHECK (one = 1),
    task TEXT
);
"""


@dataclass(frozen=True)
class Answer:
    """One group's answer to one group task, as it was stored."""

    id: str
    """The phone's own id for this answer: sent twice, it is stored once."""
    task: str
    group: int
    points: tuple[str, ...]
    comment: str
    received: str
    """When the server stored it: ISO 8601 with the time zone."""

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "task": self.task,
            "group": self.group,
            "points": list(self.points),
            "comment": self.comment,
            "received": self.received,
        }


class Store:
    """One SQLite file for one gathering's day in the room."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        # FULL: a commit is on the disk before the phone hears it arrived.
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.executescript(_SCHEMA)

    def close(self) -> None:
        self._db.close()

    # ---- the run state ----

    def state(self, key: str) -> tuple[int, Any]:
        """The latest state of programme ``key`` and its sequence number (0 and None: none)."""
        row = self._db.execute("SELECT seq, body FROM state WHERE key = ?", (key,)).fetchone()
        return (0, None) if row is None else (int(row[0]), json.loads(row[1]))

    def states(self) -> dict[str, tuple[int, Any]]:
        rows = self._db.execute("SELECT key, seq, body FROM state").fetchall()
        return {key: (int(seq), json.loads(body)) for key, seq, body in rows}

    def put_state(self, key: str, base: int, state: Any) -> int | None:
        """Store ``state`` as the one after sequence ``base``; its new sequence number, or None
        when another change came first (the sender then acts again on the newer state)."""
        body = json.dumps(state, separators=(",", ":"))
        with self._transaction():
            current, _ = self.state(key)
            if current != base:
                return None
            self._db.execute(
                "INSERT INTO state (key, seq, body) VALUES (?, ?, ?) "
                "ON CONFLICT(key) DO UPDATE SET seq = excluded.seq, body = excluded.body",
                (key, base + 1, body),
            )
        return base + 1

    # ---- the groups' answers ----

    def add_answer(self, answer: Answer) -> bool:
        """Store ``answer``; False when an answer with its id is stored already."""
        with self._transaction():
            cursor = self._db.execute(
                "INSERT OR IGNORE INTO answer "
                "(id, task, grp, points, comment, received, arrival) "
                "VALUES (?, ?, ?, ?, ?, ?, (SELECT COUNT(*) FROM answer))",
                (
                    answer.id,
                    answer.task,
                    answer.group,
                    json.dumps(list(answer.points), ensure_ascii=False),
                    answer.comment,
                    answer.received,
                ),
            )
            return cursor.rowcount == 1

    def answers(self) -> list[Answer]:
        """Every answer, in the order they arrived."""
        rows = self._db.execute(
            "SELECT id, task, grp, points, comment, received FROM answer ORDER BY arrival"
        ).fetchall()
        return [
            Answer(id, task, int(grp), tuple(json.loads(points)), comment, received)
            for id, task, grp, points, comment, received in rows
        ]

    # ---- which task's answers the projector shows ----

    def shown(self) -> str | None:
        row = self._db.execute("SELECT task FROM shown WHERE one = 1").fetchone()
        return None if row is None else row[0]

    def show(self, task: str | None) -> None:
        with self._transaction():
            self._db.execute(
                "INSERT INTO shown (one, task) VALUES (1, ?) "
                "ON CONFLICT(one) DO UPDATE SET task = excluded.task",
                (task,),
            )

    def _transaction(self) -> _Transaction:
        return _Transaction(self._db)


class _Transaction:
    """BEGIN IMMEDIATE … COMMIT, or ROLLBACK on an error."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind: object, *_: object) -> None:
        self.db.execute("ROLLBACK" if kind is not None else "COMMIT")
