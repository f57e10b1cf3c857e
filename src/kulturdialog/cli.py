"""The ``kulturdialog`` command for authors: check content, start a new file, write the schemas.

Each command finds its project, the nearest folder at or above the working one with mkdocs.yml,
and takes the content folder and the site language from it. Without a project, a command runs
only where it is told exactly what to read or write (``check PATH``, ``new --content``,
``schema --out``).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from kulturdialog import schemas
from kulturdialog.authoring import guide, project, starters
from kulturdialog.authoring.check import check
from kulturdialog.authoring.feedback_import import ImportResult, import_feedback
from kulturdialog.errors import display_path
from kulturdialog.model.common import LANGUAGES

OFFLINE_FOLDER = "offline-copy"


def _version() -> str:
    try:
        return version("kulturdialog")
    except PackageNotFoundError:  # pragma: no cover - run from a source tree not installed
        return "unknown"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kulturdialog",
        description="Tools for writing Kulturdialog content. Run inside a project: the folder "
        "with mkdocs.yml, or any folder below it.",
    )
    parser.add_argument("--version", action="version", version=f"kulturdialog {_version()}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check_command = commands.add_parser(
        "check", help="check all content and list every problem with file, line and field"
    )
    check_command.add_argument(
        "path", nargs="?", help="content folder or file (default: the project's content folder)"
    )

    new = commands.add_parser("new", help="write a commented starter file for new content")
    new.add_argument("kind", choices=starters.command_names(), help="what to start")
    new.add_argument("title", help="the title; the id and the file name are made from it")
    new.add_argument("--id", help="the id to use instead of one made from the title")
    new.add_argument(
        "--language", choices=LANGUAGES, help="language of the example text (default: the site's)"
    )
    new.add_argument("--content", help="content folder (default: the project's content folder)")
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
        "--content", help="content folder (default: the project's content folder)"
    )
    feedback_import.add_argument(
        "--skip-bad",
        action="store_true",
        help="write the feedback of the good e-mails even when others cannot be read "
        "(without it, nothing is written unless every e-mail is good)",
    )

    schema = commands.add_parser(
        "schema", help="write the JSON Schemas that editors use and the guide's field tables"
    )
    schema.add_argument(
        "--out",
        help=f"folder for the schema files (default: {schemas.SCHEMA_FOLDER.as_posix()} "
        "in the project)",
    )
    serve = commands.add_parser(
        "serve", help="preview the site while you write; saving a file rebuilds it"
    )
    serve.add_argument(
        "--address", default="127.0.0.1:8000", help="host:port (default: 127.0.0.1:8000)"
    )
    serve.add_argument(
        "--no-editor",
        dest="editor",
        action="store_false",
        help="only the preview, without the editor's forms and edit links",
    )

    room = commands.add_parser(
        "room",
        help="serve a gathering's day to the venue's network: the screens follow the operator's "
        "phone, the groups answer from theirs (trusted local network only, no TLS)",
    )
    room.add_argument("gathering", help="the id of the gathering")
    room.add_argument("--day", type=int, help="which day, for a gathering over several days")
    room.add_argument(
        "--address",
        default="0.0.0.0:8765",
        help="where to listen (default: 0.0.0.0:8765, every network of this computer)",
    )
    room.add_argument(
        "--write-feedback",
        action="store_true",
        help="do not serve: write the answers kept so far as the gathering's feedback files "
        "(new files only, nothing overwritten)",
    )

    build = commands.add_parser("build", help="build the site into site/ for publishing")
    build.add_argument(
        "--zip", action="store_true", help="also pack it as site.zip for any static host"
    )

    offline = commands.add_parser(
        "offline",
        help="build a copy that opens from a folder or USB stick (index.html) and a zip of it",
    )
    offline.add_argument(
        "--out",
        help=f"folder for the copy (default: {OFFLINE_FOLDER} in the project): a new or empty "
        "folder, or one an earlier copy made; its zip goes beside it",
    )
    return parser


def _serving(start: Callable[[], int | None]) -> int:
    """``start`` a server (or the work beside one) and say why it could not: the one way
    ``serve`` and ``room`` end."""
    from kulturdialog.editor.serve import CannotServe
    from kulturdialog.site import publish

    try:
        return start() or 0
    except CannotServe as refused:
        print(refused, file=sys.stderr)
        return 2
    except publish.BuildFailed:
        return 1
    except KeyboardInterrupt:
        return 0


def _serve(address: str, editor: bool) -> int:
    from kulturdialog.editor import serve as editor_serve
    from kulturdialog.site import publish

    def start() -> None:
        if editor:
            editor_serve.run(project.find(), address)
        else:
            publish.serve_site(project.find().root, address)

    return _serving(start)


def _room(args: argparse.Namespace) -> int:
    from kulturdialog.room import serve as room_serve

    def start() -> int | None:
        if args.write_feedback:
            return _written(room_serve.write_feedback(project.find(), args.gathering, args.day))
        room_serve.run(project.find(), args.gathering, args.day, args.address)
        return None

    return _serving(start)


def _build(zip_it: bool) -> int:
    # Imported here: only these commands need mkdocs.
    from kulturdialog.site import publish, staging

    root = project.find().root
    site = root / "site"
    archive = root / "site.zip"
    why = publish.zip_refusal(archive) if zip_it else None
    if why is not None:
        print(why, file=sys.stderr)
        return 1
    try:
        publish.build_site(root, site)
    except publish.BuildFailed:
        return 1
    print(f"The site is in {display_path(site)}/")
    if zip_it:
        try:
            publish.zip_folder(site, archive)
        except (staging.Refused, OSError) as error:
            print(f"{display_path(archive)} was not written: {error}", file=sys.stderr)
            return 1
        print(f"and packed as {display_path(archive)} for any static host.")
    return 0


def _offline(out: str | None) -> int:
    from kulturdialog.site import publish, staging

    found = project.find()
    root = found.root
    folder = Path(out).absolute() if out else root / OFFLINE_FOLDER
    archive = folder.parent / f"{folder.name}.zip"
    # Asked before the build, so that a refusal costs nothing and changes nothing; the build
    # asks again, with the folders mkdocs.yml names.
    guarded = staging.protected(root, found.content, root / "docs")
    why = staging.refusal(folder, guarded, root) or publish.zip_refusal(archive)
    if why is not None:
        print(why, file=sys.stderr)
        return 1
    try:
        publish.build_site(root, folder, offline=True)
    except publish.BuildFailed:
        return 1
    try:
        publish.zip_folder(folder, archive, inside=folder.name)
    except (staging.Refused, OSError) as error:
        print(f"{display_path(archive)} was not written: {error}", file=sys.stderr)
        return 1
    print(f"The offline copy is in {display_path(folder)}/ and {display_path(archive)}.")
    print("Copy either to a USB stick; open index.html in the folder (unpack the zip first).")
    return 0


def _check(path: str | None) -> int:
    root = Path(path) if path is not None else project.find().content
    if not root.exists():
        # No position: there is no file to point into.
        where = path or display_path(root)
        print(f"{where}: no such file or folder; give a content folder or file")
        return 1
    result = check(root)
    for problem in result.problems:
        print(problem)
    print(result.summary(), file=sys.stderr if result.problems else sys.stdout)
    return 0 if result.ok else 1


def _new(args: argparse.Namespace) -> int:
    if args.content and args.language:
        content, language = Path(args.content), str(args.language)
    else:
        found = project.find()
        content = Path(args.content) if args.content else found.content
        language = args.language or found.language
    made = starters.new_file(
        args.kind, args.title, content, id=args.id, language=language, source=args.source
    )
    print(made.message, file=sys.stdout if made.written else sys.stderr)
    return 0 if made.written else 1


def _feedback(args: argparse.Namespace) -> int:
    content = Path(args.content) if args.content else project.find().content
    return _written(import_feedback(args.gathering, args.files, content, skip_bad=args.skip_bad))


def _written(result: ImportResult) -> int:
    """What the feedback writer did (from e-mails or the room's answers), said to the author."""
    for line in result.report:
        print(line)
    for line in result.problems:
        print(line, file=sys.stderr)
    return 0 if result.ok else 1


def _schema(out: str | None) -> int:
    root = None if out else project.find().root
    folder = Path(out) if out else root / schemas.SCHEMA_FOLDER  # type: ignore[operator]
    changed = schemas.write_schemas(folder)
    for path in changed:
        print(f"wrote {display_path(path)}")
    print(f"{len(changed)} schema files changed in {display_path(folder)}.")
    # The guide's field tables come from the same model; a project's guide is kept in step.
    guide_folder = (root or Path.cwd()) / guide.GUIDE_FOLDER
    if root is not None and guide_folder.is_dir():
        tables = guide.write_field_tables(guide_folder)
        for path in tables:
            print(f"wrote {display_path(path)}")
        print(
            f"{len(tables)} guide pages with field tables changed in {display_path(guide_folder)}."
        )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "check":
            return _check(args.path)
        if args.command == "new":
            return _new(args)
        if args.command == "serve":
            return _serve(args.address, args.editor)
        if args.command == "build":
            return _build(args.zip)
        if args.command == "room":
            return _room(args)
        if args.command == "offline":
            return _offline(args.out)
        if args.command == "feedback":
            return _feedback(args)
        return _schema(args.out)
    except project.NoProject as error:
        print(error, file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
