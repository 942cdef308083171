"""Deadlines, rights, escalation steps and next actions on screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from amazon_reclamation import fmt
from amazon_reclamation.i18n import _
from amazon_reclamation.texts import labels
from amazon_reclamation.ui.render.console import (
    Cell,
    columns,
    out,
    paragraphs,
    safe,
)
from amazon_reclamation.ui.render.layout import Para, para

if TYPE_CHECKING:
    from collections.abc import Sequence

    from amazon_reclamation.domain.deadlines import Deadline, MissingFact
    from amazon_reclamation.knowledge.rules import Rule
    from amazon_reclamation.listing import Near
    from amazon_reclamation.models import Complaint
    from amazon_reclamation.texts.escalation import Plan


def _urgency(days_left: int) -> tuple[str, str]:
    """A 10-cell bar that fills as the date nears, and its colour."""
    import math

    if days_left < 0:
        return "", "dim"
    # Logarithmic: a week and a month look different, a year and two years barely.
    filled = max(1, 10 - round(10 * math.log1p(days_left) / math.log1p(730)))
    style = "bold red" if days_left <= 7 else "yellow" if days_left <= 30 else "green"
    return "■" * filled + "□" * (10 - filled), style


def _left(days_left: int) -> str:
    if days_left < 0:
        return _("dépassé depuis {days}").format(days=fmt.days(-days_left))
    if days_left == 0:
        return _("aujourd'hui")
    return _("dans {days}").format(days=fmt.days(days_left))


def _state(item: Deadline) -> str:
    """ "dans 3 jours", "dépassé depuis 2 jours", or "exercé le 10/10/2026"."""
    if item.exercised_on is not None:
        return _("exercé le {date}").format(date=fmt.short_date(item.exercised_on))
    return _left(item.days_left)


def deadlines(items: Sequence[Deadline], missing: Sequence[MissingFact] = ()) -> None:
    """Every deadline: date, days left, a bar, law or Amazon policy, and its source."""
    paragraphs(deadline_paragraphs(items, missing))


def deadline_paragraphs(items: Sequence[Deadline], missing: Sequence[MissingFact]) -> list[Para]:
    """What `deadlines` prints, paragraph by paragraph."""
    from amazon_reclamation.texts.deadlines import (
        deadline_note,
        deadline_title,
        missing_fact_texts,
    )
    from amazon_reclamation.texts.rules import nature

    shown = [para(_("Délais"), "bold")]
    if not items:
        shown.append(para("  " + _("Aucun délai calculable avec les faits connus.")))
    left_width = max((len(_state(item)) for item in items), default=0)
    for item in items:
        bar, style = _urgency(item.days_left) if item.exercised_on is None else ("", "dim")
        strong = "bold" if not item.passed else "dim"
        spans = (
            ("  ", ""),
            (f"{bar:10}", style),
            (f"  {fmt.short_date(item.date)}  ", strong),
            (f"{_state(item):<{left_width}}  ", style),
            (deadline_title(item), strong),
        )
        # The bar, the date and the days left make a column: a long name wraps under itself.
        shown.append(Para(spans, bullet=4))
        details = [nature(item.rule)]
        note = deadline_note(item)
        if note:
            details.append(safe(note))
        details.append(_("Source : {url}").format(url=item.source))
        shown.extend(para(detail, "dim" if item.passed else "", indent=14) for detail in details)
    shown.extend(para("ⓘ " + safe(fact), "dim", indent=2) for fact in missing_fact_texts(missing))
    return shown


def _first_sentence(text: str) -> str:
    end = text.find(". ")
    return text if end < 0 else text[: end + 1]


def escalation(complaint: Complaint, plan: Plan, *, show_all: bool) -> None:
    """`reclam escalate`: the step to take now first, done steps short, later ones brief."""
    from rich.console import Group
    from rich.padding import Padding
    from rich.panel import Panel
    from rich.text import Text

    console = out()
    console.print(
        Text(
            (
                _("Réclamation {id} — commande {order} — {category}")
                if complaint.order_number
                else _("Réclamation {id} — {category}")
            ).format(
                id=complaint.id,
                order=complaint.order_number,
                category=labels.label(labels.CATEGORY, complaint.category),
            ),
            style="bold",
        )
    )
    for warning_text in plan.warnings:
        console.print(Text("⚠ " + safe(warning_text), style="bold red"))
    now = plan.now
    if now is None and plan.waiting_reason and complaint.status == "open":
        if plan.waiting_until and plan.acts_meanwhile:  # "nothing to do" would contradict it
            title = _("En attendant le {date}").format(date=fmt.short_date(plan.waiting_until))
        elif plan.waiting_until:
            title = _("Rien à faire avant le {date}").format(
                date=fmt.short_date(plan.waiting_until)
            )
        else:
            title = _("Rien à faire suivre")
        console.print(
            Panel(
                Text(safe(plan.waiting_reason)),
                title=Text(title),  # as Text: a str title would be read as markup
                title_align="left",
                border_style="bold green",
            )
        )
    if now is not None:
        body = Group(
            Text(safe(now.title), style="bold"),
            Text(""),
            Text(_("Pourquoi maintenant"), style="bold"),
            Text(safe(now.why)),
            Text(""),
            Text(_("Comment"), style="bold"),
            Text(safe(now.how)),
        )
        console.print(
            Panel(
                body,
                title=Text(_("À faire maintenant")),
                title_align="left",
                border_style="bold yellow",
            )
        )
    elif complaint.status != "open":
        console.print(
            Text(
                _("Réclamation clôturée : {status}.").format(
                    status=labels.label(labels.STATUS, complaint.status)
                )
            )
        )
    done = [s for s in plan.steps if s.status == "done"]
    if done:
        console.print(Text(_("Déjà fait"), style="bold"))
        for step in done:
            console.print(Text("  ✓ " + safe(step.title), style="green"))
    later = [plan.step(step_id) for step_id in plan.later_order]
    if later:
        console.print(Text(_("Ensuite, si nécessaire"), style="bold"))
        for index, step in enumerate(later, start=1):
            line = Text(f"  {index}. ")
            line.append(safe(step.title), style="bold")
            console.print(line)
            # Later steps stay brief (their first sentence) unless --all asks for detail.
            why = safe(step.why) if show_all else _first_sentence(safe(step.why))
            console.print(Padding(Text(why, style="dim"), (0, 0, 0, 5)))
            if show_all and step.how:
                console.print(Padding(Text(safe(step.how)), (0, 0, 0, 5)))
    skipped = [s for s in plan.steps if s.status == "not_applicable"]
    if skipped and show_all:
        console.print(Text(_("Ne s'applique pas à cette réclamation"), style="bold"))
        for step in skipped:
            console.print(
                Padding(
                    Text(
                        "– "
                        + _("{step} : {why}").format(step=safe(step.title), why=safe(step.why)),
                        style="dim",
                    ),
                    (0, 0, 0, 2),
                )
            )
    elif skipped or later:
        console.print(
            Text(
                _(
                    "Détail de chaque étape et de celles qui ne s'appliquent pas : "
                    "reclam escalate {id} --all"
                ).format(id=complaint.id),
                style="dim",
            )
        )
    console.print()
    deadlines(plan.deadlines, plan.missing_facts)


def rights(complaint: Complaint, rules: Sequence[Rule]) -> None:
    """`reclam rights`: the rules that concern this complaint, each with its source."""
    from rich.padding import Padding
    from rich.text import Text

    from amazon_reclamation.texts.rules import MARKER_LABEL, nature, rule_words

    console = out()
    console.print(
        Text(
            _("Vos droits et les règles d'Amazon pour la réclamation {id}").format(id=complaint.id),
            style="bold",
        )
    )
    for rule in rules:
        words = rule_words(rule)
        console.print(Text(f"• {words.title}", style="bold"))
        lines = [words.statement, nature(rule)]
        if words.period:
            period = _("Délai : {period}").format(period=words.period)
            if words.starts:
                period += " — " + _("point de départ : {start}").format(start=words.starts)
            lines.append(period)
        lines.append(_(MARKER_LABEL[rule.marker]))
        if words.note:
            lines.append(words.note)
        lines += [_("Source : {url}").format(url=url) for url in rule.sources]
        for line in lines:
            if line:
                console.print(Padding(Text(line, overflow="fold"), (0, 0, 0, 2)))


def soon_table(items: Sequence[Near]) -> None:
    """Deadlines of `reclam due` that fall within the coming days."""
    from amazon_reclamation.texts.deadlines import deadline_title
    from amazon_reclamation.texts.rules import KIND_LABEL

    rows: list[list[Cell]] = []
    for item in items:
        deadline = item.deadline
        style = "bold red" if deadline.days_left <= 2 else "yellow"
        rows.append(
            [
                (item.complaint_id, "bold"),
                (item.order_number or "—", ""),
                (deadline_title(deadline), ""),
                (fmt.short_date(deadline.date), style),
                (_left(deadline.days_left), style),
                (_(KIND_LABEL[deadline.kind]), ""),
            ]
        )
    columns(
        _("Délais proches"),
        [_("Id"), _("Commande"), _("Délai"), _("Date"), _("Reste"), _("Nature")],
        rows,
        flexible=2,
    )


def next_actions(plans: Sequence[tuple[Complaint, Plan]]) -> None:
    """The dashboard's line per open complaint: the step to take now, the nearest deadline."""
    from rich.text import Text

    from amazon_reclamation.texts.deadlines import deadline_title

    console = out()
    for complaint, plan in plans:
        line = Text(f"{complaint.id}  ", style="bold")
        now = plan.now
        if now is not None:
            line.append(_("à faire : {step}").format(step=safe(now.title)))
        elif plan.waiting_until is not None:
            line.append(_("attendre le {date}").format(date=fmt.short_date(plan.waiting_until)))
        elif plan.waiting_reason:
            line.append(_("rien à faire suivre"))
        else:
            line.append("—")
        upcoming = next((d for d in plan.deadlines if not d.passed and d.alarm), None)
        if upcoming is not None:
            _bar, style = _urgency(upcoming.days_left)
            line.append(" · ")
            line.append(
                _("{title} : {date} ({left})").format(
                    title=deadline_title(upcoming),
                    date=fmt.short_date(upcoming.date),
                    left=_left(upcoming.days_left),
                ),
                style=style,
            )
        console.print(line)
