"""One question of the wizard, as data: what it asks, its option twin, how text is parsed.

`questions.py` lists the complaint's questions and `contact_questions.py` the contact
log's; `wizard.py` asks them; nothing here touches the terminal.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal, NamedTuple

from amazon_reclamation import parsing
from amazon_reclamation.errors import InvalidInput
from amazon_reclamation.i18n import _

Answers = dict[str, Any]
UNKNOWN = "__skip__"  # the "Je ne sais pas" choice of an optional select, as a default
Kind = Literal["select", "text", "multiline", "confirm"]
Parser = Callable[[str, Answers, date], Any]


class Choice(NamedTuple):
    """One choice of a select question: the stored id, its label and a short help."""

    value: str
    label: str
    help: str = ""


@dataclass(frozen=True)
class Question:
    """One wizard question and its command-line twin."""

    key: str
    option: str
    kind: Kind
    message: str
    parse: Parser | None = None
    choices: tuple[Choice, ...] = ()
    # True, or a test on the answers so far (a follow-up date is required for a promise only).
    required: bool | Callable[[Answers], bool] = False
    when: Callable[[Answers], bool] = field(default=lambda answers: True)
    hint: str = ""
    hint_optional: str = ""  # the hint when `required` says the answer may be left empty
    # Preselected answer when there is none yet; a function of the answers so far, or None.
    default: Any = None
    unknown_choice: bool = True  # offer "Je ne sais pas" (optional selects and yes/no)

    def default_for(self, answers: Answers) -> Any:
        """The preselected answer for these answers."""
        return self.default(answers) if callable(self.default) else self.default

    def applies(self, answers: Answers) -> bool:
        """True when this question is asked for these answers."""
        return self.when(answers)

    def is_required(self, answers: Answers) -> bool:
        """True when an empty answer is refused for these answers."""
        return self.required(answers) if callable(self.required) else self.required

    def hint_for(self, answers: Answers) -> str:
        """The hint shown with the question for these answers (untranslated)."""
        if self.hint_optional and not self.is_required(answers):
            return self.hint_optional
        return self.hint

    def parse_text(self, text: str, answers: Answers, today: date) -> Any:
        """Parse a typed answer; an empty optional answer gives None."""
        if self.kind in ("select", "confirm"):
            raise TypeError(f"{self.key} is not a text question")
        if not text.strip():
            if self.is_required(answers):
                raise InvalidInput(_("Cette réponse est obligatoire."))
            return None
        if self.parse is None:
            return parsing.parse_text(text, max_length=5000 if self.kind == "multiline" else 300)
        return self.parse(text, answers, today)

    def parse_choice(self, value: str) -> str:
        """Check a select answer given as an option."""
        allowed = [choice.value for choice in self.choices]
        if value not in allowed:
            raise InvalidInput(
                _("{option} : « {value} » n'est pas accepté ; choisissez parmi {allowed}.").format(
                    option=self.option,
                    value=parsing.shown(value, 30),
                    allowed=", ".join(allowed),
                )
            )
        return value


def choices_from(table: dict[str, str], helps: dict[str, str] | None = None) -> tuple[Choice, ...]:
    return tuple(Choice(value, text, (helps or {}).get(value, "")) for value, text in table.items())
