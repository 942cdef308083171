"""The gettext catalogues: each compiled `.mo` shipped in the package is current with its
`.po`, and every translated message keeps the placeholders of its French source."""

from __future__ import annotations

import gettext
import io
import string
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from amazon_reclamation import i18n

TRANSLATED = [language for language in i18n.LANGUAGES if language != "fr"]


def po_path(language: str) -> Path:
    return i18n.LOCALE_DIR / language / "LC_MESSAGES" / f"{i18n.DOMAIN}.po"


def read_catalogue(language: str) -> Catalog:
    with po_path(language).open("rb") as handle:
        return read_po(handle, locale=language)


def compiled(catalogue: Catalog) -> dict[object, str]:
    """What `pybabel compile` would ship for this catalogue, as gettext reads it."""
    buffer = io.BytesIO()
    write_mo(buffer, catalogue)
    buffer.seek(0)
    return dict(gettext.GNUTranslations(buffer)._catalog)  # type: ignore[attr-defined]


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_shipped_mo_is_compiled_from_the_current_po(language: str) -> None:
    # Arrange
    expected = compiled(read_catalogue(language))

    # Act
    with i18n.catalogue_path(language).open("rb") as handle:
        shipped = dict(gettext.GNUTranslations(handle)._catalog)  # type: ignore[attr-defined]

    # Assert
    assert shipped == expected, (
        f"{i18n.catalogue_path(language)} is stale: run the compile command of docs/translating.md"
    )


def placeholders(text: str) -> set[str]:
    """The named fields of a `str.format` message: {"date", "id"}."""
    try:
        return {name for _literal, name, _spec, _conv in string.Formatter().parse(text) if name}
    except ValueError:
        return {"<malformed>"}


def placeholder_mismatches(catalogue: Catalog) -> list[str]:
    """Every translated entry (fuzzy ones too) whose placeholders differ from the source's."""
    wrong = []
    for message in catalogue:
        if not message.id or not message.string:
            continue
        if isinstance(message.id, tuple | list):
            singular, plural = message.id
            sources = placeholders(singular) | placeholders(plural)
            translations = [t for t in message.string if t]
        else:
            sources = placeholders(message.id)
            translations = [message.string]
        for translation in translations:
            found = placeholders(translation)
            # A plural form for exactly one may leave the number out ("een dag").
            allowed_missing = {"n"} if isinstance(message.id, tuple | list) else set()
            if found - sources or sources - found - allowed_missing:
                wrong.append(f"{message.id!r}: {translation!r}")
    return wrong


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_translation_keeps_the_placeholders_of_its_source(language: str) -> None:
    assert placeholder_mismatches(read_catalogue(language)) == []


def test_a_renamed_or_lost_placeholder_is_found() -> None:
    # Arrange
    catalogue = Catalog(locale="nl")
    catalogue.add("Réclamation {id} enregistrée.", "Klacht {ref} opgeslagen.")
    catalogue.add("Le {date} est passé.", "Die datum is voorbij.")
    catalogue.add("Bonjour {name}", "Dag {name}")
    catalogue.add(("{n} jour", "{n} jours"), ("een dag", "{n} dagen"))
    catalogue.add("Pas traduit {x}", "")

    # Act
    wrong = placeholder_mismatches(catalogue)

    # Assert
    assert wrong == [
        "'Réclamation {id} enregistrée.': 'Klacht {ref} opgeslagen.'",
        "'Le {date} est passé.': 'Die datum is voorbij.'",
    ]


@pytest.mark.parametrize("language", ["nl", "de", "en"])
def test_the_on_demand_reader_finds_what_gettext_finds(language: str) -> None:
    # reclam reads its catalogues with i18n.MoCatalogue (binary search, no full decoding):
    # for every message and plural, it must answer as the standard library does.
    import gettext

    from babel.messages.pofile import read_po

    from amazon_reclamation import i18n

    path = i18n.catalogue_path(language)
    with path.open("rb") as handle:
        standard = gettext.GNUTranslations(handle)
    on_demand = i18n.MoCatalogue(path.read_bytes())
    po = i18n.LOCALE_DIR / language / "LC_MESSAGES" / f"{i18n.DOMAIN}.po"
    with po.open("rb") as handle:
        messages = [m for m in read_po(handle) if m.id]
    for message in messages:
        if isinstance(message.id, tuple):
            singular, plural = message.id
            for n in (0, 1, 2, 5, 21):
                assert on_demand.ngettext(singular, plural, n) == standard.ngettext(
                    singular, plural, n
                )
        else:
            assert on_demand.gettext(message.id) == standard.gettext(message.id)
    assert on_demand.gettext("pas dans le catalogue") == "pas dans le catalogue"
