"""The ``kulturdialog`` command for authors: check content, start a new file, write the schemas."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from kulturdialog.authoring import schemas, starters
from kulturdialog.authoring.check import check
from kulturdialog.authoring.feedback_import import import_feedback
from kulturdialog.errors import display_path

LANGUAGES = ("nb", "nn", "da", "en")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kulturdialog", description="Tools for writing Kulturdialog content."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check_command = commands.add_parser(
        "check", help="check all content and list every problem with file, line and field"
    )
    check_command.add_argument(
        "path", nargs="?", default="content", help="content folder or file (default: content)"
    )

    new = commands.add_parser("new", help="write a commented starter file for new content")
    new.add_argument("kind", choices=starters.command_names(), help="what to start")
    new.add_argument("title", help="the title; the id and the file name are made from it")
    new.add_argument("--id", help="the id to use instead of one made from the title")
    new.add_argument("--language", choices=LANGUAGES, default="nb", help="default: nb")
    new.add_argument("--content", default="content", help="content folder (default: content)")
    new.add_argument(
        "--from",
        dest="source",
        metavar="GATHERING",
        help="the id of a gathering to build on: a local copy of it, or feedback on it",
    )

    feedback = commands.add_parser("feedback", help="the groups' feedback")
    feedback_actions = feedback.add_subparsers(dest="action", required=True, metavar="ACTION")
    feedback_import = feedback_actions.add_parser(
        "import", help="read saved e-mails (.eml) into one new feedback file per group task"
    )
    feedback_import.add_argument("gathering", help="the id of the gathering the groups were at")
    feedback_import.add_argument("files", nargs="+", type=Path, help="the saved e-mails")
    feedback_import.add_argument(
        "--content", default="content", help="content folder (default: content)"
    )

    schema = commands.add_parser("schema", help="write the JSON Schemas that editors use")
    schema.add_argument(
        "--out",
        default=str(schemas.SCHEMA_FOLDER),
        help=f"folder for the schema files (default: {schemas.SCHEMA_FOLDER.as_posix()})",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "check":
        result = check(Path(args.path))
        for problem in result.problems:
            print(problem)
        print(result.summary(), file=sys.stderr if result.problems else sys.stdout)
        return 0 if result.ok else 1
    if args.command == "new":
        made = starters.new_file(
            args.kind,
            args.title,
            Path(args.content),
            id=args.id,
            language=args.language,
            source=args.source,
        )
        print(made.message, file=sys.stdout if made.written else sys.stderr)
        return 0 if made.written else 1
    if args.command == "feedback":
        imported = import_feedback(args.gathering, args.files, Path(args.content))
        for line in imported.report:
            print(line)
        for line in imported.problems:
            print(line, file=sys.stderr)
        return 0 if imported.ok else 1
    changed = schemas.write_schemas(Path(args.out))
    for path in changed:
        print(f"wrote {display_path(path)}")
    print(f"{len(changed)} schema files changed in {display_path(Path(args.out))}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
