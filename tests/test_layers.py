"""The layers import one way: model <- content <- rendering <- site and authoring, as the
import-linter contract in pyproject.toml says, and every module of the package is in a layer."""

from __future__ import annotations

import pkgutil
import tomllib

from importlinter.cli import lint_imports

import kulturdialog
from tests.conftest import ROOT


def contract() -> dict[str, object]:
    settings = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    (layers,) = settings["tool"]["importlinter"]["contracts"]
    assert isinstance(layers, dict)
    return layers


def test_the_layers_import_one_way() -> None:
    assert lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True) == 0


def test_every_module_of_the_package_is_in_a_layer() -> None:
    layers = contract()["layers"]
    assert isinstance(layers, list)
    named = {
        part.strip().removeprefix("kulturdialog.")
        for layer in layers
        for part in layer.replace("|", ":").split(":")
    }
    modules = {info.name for info in pkgutil.iter_modules(kulturdialog.__path__)}
    assert modules == named
