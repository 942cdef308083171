"""The rules worded: periods written from their numbers, labels, and `docs/rules.md`.

A rule's texts (`texts/rules_text.py`) are templates that may name any period of
`named_periods()` (`{withdrawal}`, `{atoz_wait}`…); `rule_words()` translates them and
writes those periods from the numbers the deadlines are computed with.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import TYPE_CHECKING, NamedTuple

from amazon_reclamation.i18n import N_, _, current_language, ngettext
from amazon_reclamation.texts.rules_text import rule_text_of

if TYPE_CHECKING:
    from collections.abc import Iterator

    from amazon_reclamation.knowledge.periods import Period
    from amazon_reclamation.knowledge.rules import Rule

KIND_LABEL = {
    "law": N_("loi"),
    "amazon_policy": N_("politique d'Amazon (peut changer)"),
}

MARKER_LABEL = {
    "verified": N_("vérifiée dans une source officielle ou juridique"),
    "verified_2nd": N_("source secondaire ou autre site Amazon : à vérifier"),
}


# Small numbers the advice spells in words ("deux mois"), written from the period's count.
NUMBER_WORDS = {
    2: N_("deux"),
    3: N_("trois"),
    4: N_("quatre"),
    5: N_("cinq"),
    6: N_("six"),
    7: N_("sept"),
    8: N_("huit"),
    9: N_("neuf"),
    10: N_("dix"),
}


def format_period(period: Period, *, words: bool = False) -> str:
    """ "14 jours calendrier", "2 jours ouvrables", "8 semaines", "13 mois", "2 ans".

    With `words`, a small count is spelled out: "deux mois".
    """
    n = period.count
    if period.unit == "days":
        text = ngettext("{n} jour", "{n} jours", n)
    elif period.unit == "calendar_days":
        text = ngettext("{n} jour calendrier", "{n} jours calendrier", n)
    elif period.unit == "business_days":
        text = ngettext("{n} jour ouvrable", "{n} jours ouvrables", n)
    elif period.unit == "weeks":
        text = ngettext("{n} semaine", "{n} semaines", n)
    elif period.unit == "months":
        text = ngettext("{n} mois", "{n} mois", n)
    else:
        text = ngettext("{n} an", "{n} ans", n)
    if words and n in NUMBER_WORDS:
        return text.format(n=_(NUMBER_WORDS[n]))
    return text.format(n=n)


# What `each_rule_worded_once` keeps, per language, while it lasts (None: nothing kept).
_worded: dict[tuple[str, Rule], RuleWords] | None = None
_periods: dict[str, dict[str, str]] = {}


@contextmanager
def each_rule_worded_once() -> Iterator[None]:
    """Within the block, `rule_words` words each rule once per language and gives the same
    words again, and `period_words` the named periods: a list of hundreds of deadlines
    names a dozen rules (wording one takes tens of microseconds). Outside it, nothing
    is kept: a language switched or a catalogue replaced is always seen."""
    global _worded
    previous = _worded
    if previous is None:
        _worded = {}
        _periods.clear()
    try:
        yield
    finally:
        _worded = previous
        if previous is None:
            _periods.clear()


def period_words() -> dict[str, str]:
    """Every named period, worded: the values of a rule text's placeholders (a new dict
    each time: the caller may add its own)."""
    from amazon_reclamation.knowledge.rules import named_periods

    if _worded is None:
        return {name: format_period(period) for name, period in named_periods().items()}
    key = current_language()
    words = _periods.get(key)
    if words is None:
        words = _periods[key] = {
            name: format_period(period) for name, period in named_periods().items()
        }
    return dict(words)


def rule_text(text: str) -> str:
    """One of a rule's texts (an N_ template), translated, its periods written out."""
    return _(text).format_map(period_words()) if text else ""


class RuleWords(NamedTuple):
    """A rule as the user reads it, in the current language."""

    title: str
    short: str
    statement: str
    period: str | None
    starts: str | None
    reference: str | None
    note: str | None


def period_text(rule: Rule) -> str | None:
    """The rule's period as the user reads it ("jusqu'à 90 jours"), or None without one."""
    if rule.period is None:
        return None
    period = format_period(rule.period)
    template = rule_text_of(rule.id, rule.variant).period_text
    if template is None:
        return period
    return _(template).format_map({**period_words(), "period": period})


def rule_words(rule: Rule) -> RuleWords:
    """Every text of the rule (in the variant that applies), translated."""
    if _worded is None:
        return _rule_words(rule)
    key = (current_language(), rule)
    words = _worded.get(key)
    if words is None:
        words = _worded[key] = _rule_words(rule)
    return words


def _rule_words(rule: Rule) -> RuleWords:
    text = rule_text_of(rule.id, rule.variant)
    return RuleWords(
        title=_(text.title),
        short=_(text.short),
        statement=rule_text(text.statement),
        period=period_text(rule),
        starts=_(text.starts) if text.starts else None,
        reference=_(text.reference) if text.reference else None,
        note=rule_text(text.note) if text.note else None,
    )


def nature(rule: Rule) -> str:
    """ "loi — art. VI.47 CDE" or "politique d'Amazon (peut changer)"."""
    label = _(KIND_LABEL[rule.kind])
    reference = rule_words(rule).reference
    if reference:
        return _("{nature} — {reference}").format(nature=label, reference=reference)
    return label


def _md_line(label: str, value: str) -> str:
    return f"- **{label}** {value}".rstrip()


def _rule_markdown(rule: Rule) -> list[str]:
    words = rule_words(rule)
    lines = [f"### {words.title} (`{rule.id}`)", "", words.statement, ""]
    if words.period:
        lines.append(_md_line(_("Délai :"), words.period))
    if words.starts:
        lines.append(_md_line(_("À partir de :"), words.starts))
    lines.append(_md_line(_("Nature :"), nature(rule)))
    lines.append(_md_line(_("Fiabilité :"), _(MARKER_LABEL[rule.marker])))
    if words.note:
        lines.append(_md_line(_("À savoir :"), words.note))
    lines.append(_md_line(_("Sources :"), ""))
    lines += [f"  - <{url}>" for url in rule.sources]
    return lines


def rules_markdown() -> str:
    """Every rule with its source(s), as Markdown: the content of `docs/rules.md`."""
    from amazon_reclamation.knowledge.rules import RULES

    lines = [
        _("# Règles appliquées par reclam"),
        "",
        _(
            "Ce fichier est généré à partir de `src/amazon_reclamation/knowledge/rules.py` par "
            "`rules_markdown()` ; ne le modifiez pas à la main. Une **loi** est citée avec sa "
            "référence ; une **politique d'Amazon** est une règle propre à Amazon, qui peut "
            "changer et n'est pas la loi. CDE : Code de droit économique."
        ),
        "",
        _("## Délais"),
    ]
    for rule in RULES:
        if rule.deadline:
            lines += ["", *_rule_markdown(rule)]
    lines += ["", _("## Autres règles")]
    for rule in RULES:
        if not rule.deadline:
            lines += ["", *_rule_markdown(rule)]
    return "\n".join(lines) + "\n"
