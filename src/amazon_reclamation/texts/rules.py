"""The rules worded: periods written from their numbers, labels, and `docs/rules.md`.

A rule's texts are templates that may name any period of `named_periods()`
(`{withdrawal}`, `{atoz_wait}`…); `rule_text()` translates one and writes those
periods from the numbers the deadlines are computed with.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from amazon_reclamation.i18n import N_, _, ngettext

if TYPE_CHECKING:
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


def format_period(period: Period) -> str:
    """ "14 jours calendrier", "2 jours ouvrables", "8 semaines", "13 mois", "2 ans"."""
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
    return text.format(n=n)


def period_words() -> dict[str, str]:
    """Every named period, worded: the values of a rule text's placeholders."""
    from amazon_reclamation.knowledge.rules import named_periods

    return {name: format_period(period) for name, period in named_periods().items()}


def rule_text(text: str) -> str:
    """One of a rule's texts (an N_ template), translated, its periods written out."""
    return _(text).format_map(period_words()) if text else ""


def period_text(rule: Rule) -> str | None:
    """The rule's period as the user reads it ("jusqu'à 90 jours"), or None without one."""
    if rule.period is None:
        return None
    period = format_period(rule.period)
    if rule.period_text is None:
        return period
    return _(rule.period_text).format_map({**period_words(), "period": period})


def nature(rule: Rule) -> str:
    """ "loi — art. VI.47 CDE" or "politique d'Amazon (peut changer)"."""
    label = _(KIND_LABEL[rule.kind])
    if rule.reference:
        return _("{nature} — {reference}").format(nature=label, reference=_(rule.reference))
    return label


def _md_line(label: str, value: str) -> str:
    return f"- **{label}** {value}".rstrip()


def _rule_markdown(rule: Rule) -> list[str]:
    lines = [f"### {_(rule.title)} (`{rule.id}`)", "", rule_text(rule.statement), ""]
    period = period_text(rule)
    if period:
        lines.append(_md_line(_("Délai :"), period))
    if rule.starts:
        lines.append(_md_line(_("À partir de :"), _(rule.starts)))
    lines.append(_md_line(_("Nature :"), nature(rule)))
    lines.append(_md_line(_("Fiabilité :"), _(MARKER_LABEL[rule.marker])))
    if rule.note:
        lines.append(_md_line(_("À savoir :"), rule_text(rule.note)))
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
