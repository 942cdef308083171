"""The `reclam new` wizard: the only module that imports questionary.

`run_wizard` walks the questions of `questions.py` through one seam, an *asker*
(`Question, Answers -> value`). The real asker is `QuestionaryAsker`; tests give it a
prompt_toolkit pipe input, or replace it with scripted answers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from amazon_reclamation.errors import InvalidInput
from amazon_reclamation.i18n import N_, _, ngettext
from amazon_reclamation.texts import labels
from amazon_reclamation.ui.question import UNKNOWN, Answers, Choice, Question
from amazon_reclamation.ui.questions import (
    QUESTIONS,
    QUESTIONS_BY_KEY,
    answer_as_text,
    applicable,
    revalidate,
)

_SKIP = UNKNOWN  # the "I don't know" choice of an optional select


class Asker(Protocol):
    """Ask one question; return the parsed answer (None for "unknown")."""

    def __call__(self, question: Question, answers: Answers) -> Any: ...


ACTION = Question(
    "_action",
    "",
    "select",
    N_("Que voulez-vous faire ?"),
    choices=(
        Choice("save", N_("Enregistrer la réclamation")),
        Choice("edit", N_("Modifier une réponse")),
        Choice("cancel", N_("Abandonner sans enregistrer")),
    ),
    required=True,
)

RESUME = Question("_resume", "", "confirm", N_("Reprendre le brouillon ?"))

ABANDON = Question(
    "_abandon",
    "",
    "confirm",
    N_("Abandonner sans enregistrer ? Vos réponses seront perdues."),
    default=False,
)


def edit_question(answers: Answers) -> Question:
    """A select listing the answers that can be changed, with their current value."""
    choices = []
    for question in applicable(answers):
        value = answers.get(question.key)
        if question.kind == "select":
            shown = _(next((c.label for c in question.choices if c.value == value), "")) or "—"
        elif question.kind == "confirm":
            shown = "—" if value is None else (_("oui") if value else _("non"))
        else:
            shown = answer_as_text(value).replace("\n", " ")[:40] or "—"
        # "Quel est le problème ? : …" reads badly: keep the question's stem only.
        stem = _(question.message).split(" (")[0].rstrip(" ?\u00a0")
        choices.append(
            Choice(question.key, _("{question} : {answer}").format(question=stem, answer=shown))
        )
    return Question(
        "_edit",
        "",
        "select",
        N_("Quelle réponse modifier ?"),
        choices=tuple(choices),
        required=True,
    )


def ask_missing(
    answers: Answers,
    ask: Asker,
    on_answer: Callable[[Answers], None] = lambda answers: None,
    questions: Sequence[Question] = QUESTIONS,
) -> Answers:
    """Ask every applicable question that has no answer yet, in order (in place)."""
    asked_again: set[str] = set()
    while True:
        # A required answer left empty while it was optional (an order number before the
        # billing problem said "unknown charge", say) is asked again, once.
        pending = [
            q
            for q in applicable(answers, questions)
            if q.key not in answers
            or (q.key not in asked_again and q.is_required(answers) and answers[q.key] is None)
        ]
        if not pending:
            return answers
        question = pending[0]
        if question.key in answers:
            asked_again.add(question.key)
        answers[question.key] = ask(question, answers)
        on_answer(answers)


def run_wizard(
    answers: Answers,
    ask: Asker,
    *,
    today: date,
    confirm: bool,
    on_answer: Callable[[Answers], None],
    show_summary: Callable[[Answers], None],
) -> Answers | None:
    """Ask what is missing, then confirm (with edits); None if the user abandons.

    `answers` holds what options already gave; it is completed in place. A
    KeyboardInterrupt from the asker propagates: the caller keeps the draft.
    """
    ask_missing(answers, ask, on_answer)
    if not confirm:
        return answers
    while True:
        show_summary(answers)
        action = ask(ACTION, answers)
        if action == "save":
            return answers
        if action == "cancel":
            # Everything typed would be lost: a slip of the arrow keys must not do that.
            if ask(ABANDON, answers):
                return None
            continue
        key = ask(edit_question(answers), answers)
        answers[key] = ask(QUESTIONS_BY_KEY[key], answers)
        # Changing one answer can make others irrelevant (another category) or wrong
        # (a delivery date now before the order date): drop those and ask again.
        keep = {q.key for q in applicable(answers)}
        for stale in [k for k in answers if k not in keep]:
            del answers[stale]
        for broken in revalidate(answers, today):
            del answers[broken.key]
        on_answer(answers)
        ask_missing(answers, ask, on_answer)


@dataclass
class QuestionaryAsker:
    """Asks through questionary; `input`/`output` are for prompt_toolkit pipe tests."""

    today: date
    input: Any = None
    output: Any = None

    def _io(self) -> dict[str, Any]:
        import questionary

        # prompt_toolkit underlines a non-breaking space in yellow; French puts one before
        # "?" and ":" in every question.
        plain_nbsp = questionary.Style([("nbsp", "nounderline fg:ansidefault")])
        if self.input is None:
            return {"style": plain_nbsp}
        return {"input": self.input, "output": self.output, "style": plain_nbsp}

    def __call__(self, question: Question, answers: Answers) -> Any:
        answer = self.prompt(question, answers).unsafe_ask()
        if question.kind in ("select", "confirm"):
            return None if answer == _SKIP else answer
        return question.parse_text(answer, answers, self.today)

    def prompt(self, question: Question, answers: Answers) -> Any:
        """The questionary prompt of `question`, ready to ask (tests render it too)."""
        import questionary

        message = _(question.message)
        shown_hint = question.hint_for(answers)
        hint = f"({_(shown_hint)})" if shown_hint else None
        current = answers.get(question.key)
        # Yes/no questions are selects too: questionary's confirm only knows the keys y/n,
        # which mean nothing to a French or Dutch speaker.
        if question.kind == "confirm":
            options = [
                questionary.Choice(title=_("Oui"), value=True),
                questionary.Choice(title=_("Non"), value=False),
            ]
            if current is None:
                current = True if question.default is None else question.default_for(answers)
            default: Any = bool(current)
        else:
            options = [
                questionary.Choice(title=_(c.label), value=c.value) for c in question.choices
            ]
            values = {c.value for c in question.choices}
            if current is None:
                current = question.default_for(answers)
            default = current if current in values or current == _SKIP else None
        if question.kind in ("select", "confirm"):
            if (
                not question.is_required(answers)
                and question.unknown_choice
                and not question.key.startswith("_")
            ):
                options.append(questionary.Choice(title=_("Je ne sais pas"), value=_SKIP))
            select = questionary.select(
                message,
                choices=options,
                default=next((o for o in options if o.value == default), None),
                instruction=hint or _("(flèches ↑↓, puis Entrée)"),
                use_shortcuts=False,
                show_description=False,
                **self._io(),
            )
            _show_help(select, {c.value: _(c.help) for c in question.choices if c.help})
            return select

        def validate(text: str) -> bool | str:
            try:
                question.parse_text(text, answers, self.today)
            except InvalidInput as error:
                return error.message
            return True

        multiline = question.kind == "multiline"
        text = questionary.text(
            message,
            default=answer_as_text(current),
            validate=validate,
            multiline=multiline,
            # A multi-line answer starts on its own line, at the terminal's full width:
            # after a long question it would otherwise be typed, and shown once entered,
            # in the narrow column left on the question's line.
            instruction=f"{hint or ''}\n " if multiline else hint,
            prompt_continuation="  " if multiline else None,
            **self._io(),
        )
        _fit_to_terminal(text)
        return text


def _show_help(select: Any, helps: dict[Any, str]) -> None:
    """Show the pointed choice's explanation under the list, without a label.

    questionary prints it after an English "Description:" that no setting changes; its
    own line is turned off (`show_description=False`) and this one added instead.
    """
    if not helps:
        return
    from prompt_toolkit.filters import to_filter
    from prompt_toolkit.formatted_text import to_formatted_text
    from questionary.prompts.common import InquirerControl

    control = next(
        c for c in select.application.layout.find_all_controls() if isinstance(c, InquirerControl)
    )
    choice_lines = control.text

    def with_help() -> Any:
        shown = helps.get(control.get_pointed_at().value)
        tokens = to_formatted_text(choice_lines)
        return [*tokens, ("", "\n"), ("class:instruction", f"  {shown}")] if shown else tokens

    control.text = with_help
    for window in select.application.layout.find_all_windows():
        if window.content is control:  # a long explanation wraps instead of being cut
            window.wrap_lines = to_filter(True)


def _fit_to_terminal(text: Any) -> None:
    """Keep a text prompt's lines whole, and a refused answer's message under the answer.

    The answer's window would otherwise stretch to the bottom of the terminal (the room
    prompt_toolkit keeps below the cursor), pushing the message onto the last row, far
    from the prompt; and the question's own line and that message would be cut at the
    terminal's width (a multi-line answer's question is on a line of its own).
    """
    from prompt_toolkit.filters import to_filter
    from prompt_toolkit.layout.controls import FormattedTextControl

    layout = text.application.layout
    layout.current_window.dont_extend_height = to_filter(True)
    for window in layout.find_all_windows():
        if isinstance(window.content, FormattedTextControl):
            window.height = None  # the message's row, one line high: as high as its text
            window.wrap_lines = to_filter(True)
            window.dont_extend_height = to_filter(True)


def resume_label(draft_answers: Answers) -> str:
    """How a kept draft is described when offering to resume it."""
    order = draft_answers.get("order_number")
    category = labels.label(labels.CATEGORY, draft_answers.get("category"))
    if not order:  # a charge that matches no order
        return _("Un brouillon de réclamation existe, sans commande : {category}.").format(
            category=category
        )
    return _("Un brouillon de réclamation existe (commande {order}, {category}).").format(
        order=order, category=category
    )


def dashboard_menu(has_open: bool) -> Question:
    """The menu of bare `reclam` in a terminal."""
    choices = [Choice("new", N_("Nouvelle réclamation"))]
    if has_open:
        choices.append(Choice("log", N_("Noter un contact avec le service client")))
        choices.append(Choice("show", N_("Voir une réclamation")))
    choices.append(Choice("quit", N_("Quitter")))
    return Question(
        "_menu", "", "select", N_("Que voulez-vous faire ?"), choices=tuple(choices), required=True
    )


def pick_question(complaints: list[Any]) -> Question:
    """A select of complaints (id, order, item), for commands whose REF was left out."""
    choices = tuple(
        Choice(
            c.id,
            f"{c.id}  {c.order_number or '—'}  {labels.label(labels.CATEGORY, c.category)}"
            + (f"  {c.item[:30]}" if c.item else ""),
        )
        for c in complaints
    )
    return Question(
        "_pick", "", "select", N_("Quelle réclamation ?"), choices=choices, required=True
    )


def delete_question(complaint: Any) -> Question:
    """The confirmation before deleting a complaint ("Non" preselected: it cannot be undone)."""
    return Question(
        "_delete",
        "",
        "confirm",
        (
            _(
                "Supprimer définitivement la réclamation {id} (commande {order}) et tout son "
                "journal ?"
            )
            if complaint.order_number
            else _("Supprimer définitivement la réclamation {id} et tout son journal ?")
        ).format(id=complaint.id, order=complaint.order_number),
        default=False,
    )


def confirm_question(message: str) -> Question:
    """A yes/no question with an already translated message."""
    return Question("_confirm", "", "confirm", message)


def purge_word() -> str:
    """The word to type to confirm `reclam purge`, in the user's language."""
    # Translators: one lower-case word the user types to confirm deleting all their data.
    return _("supprimer")


def purge_question(complaints: int) -> Question:
    """The typed confirmation before `reclam purge` (a word, not a key that slips)."""
    return Question(
        "_purge",
        "",
        "text",
        ngettext(
            "Supprimer définitivement {n} réclamation, ses pièces jointes, vos réglages et le "
            "brouillon ? Tapez « {word} » pour confirmer, ou Entrée pour renoncer",
            "Supprimer définitivement {n} réclamations, leurs pièces jointes, vos réglages et "
            "le brouillon ? Tapez « {word} » pour confirmer, ou Entrée pour renoncer",
            complaints,
        ).format(n=complaints, word=purge_word()),
    )
