"""What the wizard's prompts show on screen: the layout, not the answers.

Each prompt is drawn by prompt_toolkit onto its own in-memory screen, given the room
a real terminal gives below the cursor (the whole height, the case that pushed a refused
answer's message onto the bottom row), and read back row by row.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from prompt_toolkit.application.current import set_app
from prompt_toolkit.document import Document
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.layout.mouse_handlers import MouseHandlers
from prompt_toolkit.layout.screen import Screen, WritePosition
from prompt_toolkit.output import DummyOutput

from amazon_reclamation.i18n import _
from amazon_reclamation.ui.questions import QUESTIONS_BY_KEY
from amazon_reclamation.ui.wizard import QuestionaryAsker

TODAY = date(2026, 11, 20)


@pytest.fixture
def asker() -> Iterator[QuestionaryAsker]:
    with create_pipe_input() as pipe:
        yield QuestionaryAsker(today=TODAY, input=pipe, output=DummyOutput())


def screen_of(prompt: Any, width: int = 80, height: int = 20) -> list[str]:
    """The rows a terminal of `width` columns shows, `height` rows free below the cursor."""

    async def draw() -> list[str]:
        app = prompt.application
        screen = Screen()
        with set_app(app):
            app.layout.container.write_to_screen(
                screen, MouseHandlers(), WritePosition(0, 0, width, height), "", False, None
            )
            screen.draw_all_floats()
        rows = screen.data_buffer
        return ["".join(rows[y][x].char for x in range(width)).rstrip() for y in range(height)]

    return asyncio.run(draw())


def typed_into(prompt: Any, text: str, *, submit: bool = False) -> None:
    """Put `text` in the prompt's answer, as if typed; `submit` validates it (Enter)."""
    answer = prompt.application.layout.current_buffer
    answer.reset(Document(text))
    if submit:
        answer.validate()


def test_a_refused_answer_s_message_shows_on_the_line_under_the_answer(
    asker: QuestionaryAsker,
) -> None:
    # Arrange
    prompt = asker.prompt(QUESTIONS_BY_KEY["order_number"], {})
    typed_into(prompt, "123-45", submit=True)

    # Act
    rows = screen_of(prompt)

    # Assert: the answer, then at once the message, whole; nothing on the bottom row.
    answer_row = next(i for i, row in enumerate(rows) if row.endswith(" 123-45"))
    message = " ".join(rows[answer_row + 1 : answer_row + 3])
    assert message.startswith("« 123-45 » n'est pas un numéro de commande Amazon")
    assert "".join(rows[answer_row + 1 : answer_row + 3]).endswith("123-1234567-1234567).")
    assert rows[-1] == ""


def test_a_prompt_with_no_error_leaves_the_rows_under_it_empty(
    asker: QuestionaryAsker,
) -> None:
    # Arrange
    prompt = asker.prompt(QUESTIONS_BY_KEY["order_number"], {})
    typed_into(prompt, "123-45")

    # Act
    rows = screen_of(prompt)

    # Assert
    assert not any("n'est pas" in row for row in rows)


def test_a_choice_s_explanation_shows_under_the_list_without_an_english_label(
    asker: QuestionaryAsker,
) -> None:
    # Arrange
    category = QUESTIONS_BY_KEY["category"]
    first = category.choices[0]
    assert first.help

    # Act
    rows = screen_of(asker.prompt(category, {}))

    # Assert
    shown = [row for row in rows if row]
    assert shown[-1] == f"  {_(first.help)}"
    assert not any("Description" in row for row in rows)


def test_a_choice_without_explanation_adds_no_line(asker: QuestionaryAsker) -> None:
    # Arrange: the seller question's choices have no explanation.
    seller = QUESTIONS_BY_KEY["seller_kind"]
    assert not any(choice.help for choice in seller.choices)

    # Act
    rows = [row for row in screen_of(asker.prompt(seller, {})) if row]

    # Assert: the question, then one row per choice ("Je ne sais pas" included).
    assert len(rows) == 1 + len(seller.choices) + 1


def test_a_multi_line_answer_starts_on_its_own_line_at_the_terminal_s_width(
    asker: QuestionaryAsker,
) -> None:
    # Arrange
    prompt = asker.prompt(QUESTIONS_BY_KEY["description"], {})
    typed_into(prompt, "Le colis n'est jamais arrivé malgré trois relances. " * 3 + "\nMerci.")

    # Act
    rows = [row for row in screen_of(prompt, width=60) if row]

    # Assert: the question whole (its hint wraps, not cut), then the answer's lines, each
    # indented by two spaces and using the full width.
    question_rows = [i for i, row in enumerate(rows) if not row.startswith("  ")]
    assert question_rows == [0, 1]
    assert "Échap puis Entrée pour terminer)" in rows[0] + rows[1]
    answer = rows[2:]
    assert answer[0].startswith("  Le colis n'est jamais arrivé")
    assert all(row.startswith("  ") for row in answer)
    assert max(len(row) for row in answer) == 60
    assert answer[-1] == "  Merci."
