"""The layout of docs/architecture.md, kept true: the import direction and who imports what.

Each package may import only the layers below it; Rich and questionary each have one
importer; the deciding layers hold no wording. A failure names the module and the import.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "amazon_reclamation"
ARCHITECTURE = Path(__file__).resolve().parents[1] / "docs" / "architecture.md"

# What each part may import from reclam itself (the top-level modules are the base:
# models, ids, errors, i18n, clock, fmt, parsing, safe_text, files, store, index, listing,
# settings, evidence, evidence_files, drafts, archive, folder).
BASE = {
    "archive",
    "drafts",
    "folder",
    "ids",
    "records",
    "models",
    "errors",
    "i18n",
    "clock",
    "fmt",
    "parsing",
    "safe_text",
    "files",
    "store",
    "index",
    "listing",
    "settings",
    "evidence",
    "evidence_files",
}
ALLOWED: dict[str, set[str]] = {
    "knowledge": BASE | {"knowledge"},
    "domain": BASE | {"knowledge", "domain"},
    "texts": BASE | {"knowledge", "domain", "texts"},
    "ui": BASE | {"knowledge", "domain", "texts", "ui"},
    "actions": BASE | {"knowledge", "domain", "texts", "ui"},
    "cli": BASE | {"knowledge", "domain", "texts", "ui", "actions", "cli"},
}
# The storage layer knows no rules.
STORAGE = {"store", "drafts", "files", "index", "safe_text", "evidence", "evidence_files"}


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def part_of(path: Path) -> str:
    relative = path.relative_to(PACKAGE)
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


def imported(path: Path) -> list[str]:
    """Every `amazon_reclamation.X...` this module imports, anywhere in it."""
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "amazon_reclamation":
                names += [f"amazon_reclamation.{alias.name}" for alias in node.names]
            else:
                names.append(node.module)
        elif isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
    return names


def reclam_parts(path: Path) -> set[str]:
    return {
        name.split(".")[1]
        for name in imported(path)
        if name.startswith("amazon_reclamation.") and name != "amazon_reclamation.__version__"
    } - {"__version__"}


@pytest.mark.parametrize("part", sorted(ALLOWED))
def test_each_part_imports_only_the_layers_below_it(part: str) -> None:
    # Act
    wrong = {
        f"{path.relative_to(PACKAGE)} imports {other}"
        for path in modules()
        if part_of(path) == part
        for other in reclam_parts(path) - ALLOWED[part]
    }

    # Assert
    assert wrong == set()


def test_storage_knows_no_rules_and_no_wording_layer() -> None:
    wrong = {
        f"{path.name} imports {other}"
        for path in modules()
        if part_of(path) in STORAGE
        for other in reclam_parts(path) & {"knowledge", "domain", "texts", "ui", "cli", "actions"}
    }
    assert wrong == set()


@pytest.mark.parametrize(
    ("library", "importers"),
    [
        ("rich", {"ui/render/console.py", "ui/render/record.py", "ui/render/advice.py"}),
        ("questionary", {"ui/wizard.py"}),
        ("prompt_toolkit", {"ui/wizard.py"}),
    ],
)
def test_one_module_imports_each_terminal_library(library: str, importers: set[str]) -> None:
    found = {
        str(path.relative_to(PACKAGE))
        for path in modules()
        if any(name.split(".")[0] == library for name in imported(path))
    }
    assert found <= importers


def test_no_source_file_is_over_500_lines() -> None:
    long = {
        str(path.relative_to(PACKAGE)): n
        for path in modules()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > 500
    }
    assert long == {}


def test_architecture_md_names_every_module_and_no_other() -> None:
    # Arrange: docs/architecture.md names each module by its path or, in a table row of
    # its folder, by its file name
    text = ARCHITECTURE.read_text(encoding="utf-8")
    documented = set(re.findall(r"`([a-z0-9_]+(?:/[a-z0-9_]+)*\.py)`", text))
    actual = {
        str(path.relative_to(PACKAGE))
        for path in modules()
        if path.name not in ("__init__.py", "__main__.py") or path.parent.name == "escalation"
    }
    names = {path.split("/")[-1] for path in actual}

    # Act
    missing = {
        path for path in actual if path not in documented and path.split("/")[-1] not in documented
    }
    documented = {d for d in documented if not d.startswith(("tests/", "test_"))}
    stale = {
        d
        for d in documented
        if ("/" in d and d not in actual and not d.endswith("__init__.py"))
        or ("/" not in d and d not in names)
    }

    # Assert
    assert missing == set(), "modules missing from docs/architecture.md"
    assert stale == set(), "docs/architecture.md names modules that do not exist"


WORDING = {"_", "N_", "ngettext"}


def messages(path: Path) -> list[tuple[str, str]]:
    """Every `_()`, `N_()` and `ngettext()` call in a module, with its first argument."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id in WORDING:
                first = node.args[0] if node.args else None
                found.append((node.func.id, str(getattr(first, "value", ""))))
    return found


def test_the_deciding_parts_word_nothing() -> None:
    worded = {
        str(path.relative_to(PACKAGE)): len(found)
        for path in modules()
        if part_of(path) in ("domain", "knowledge")
        if (found := messages(path))
    }
    assert worded == {}


def test_no_message_anywhere_is_a_sentence_fragment() -> None:
    # A message that starts with a space, a comma, ":" or ";" is glued to another one:
    # it could not be translated as a whole sentence.
    fragments = {
        (str(path.relative_to(PACKAGE)), text)
        for path in modules()
        for _kind, text in messages(path)
        if text[:1] in (" ", ",", ":", ";")
    }
    assert fragments == set()
