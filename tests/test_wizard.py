"""The `reclam new` wizard driven by real keystrokes (prompt_toolkit pipe input).

Each question gets its own pipe holding exactly the keys a person would type for it,
and the pipe is closed after them: a prompt that wants more keys than scripted ends
with EOFError instead of hanging, and a question asked out of order fails at once.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from amazon_reclamation import cli, clock
from amazon_reclamation.cli import context
from amazon_reclamation.models import Complaint
from amazon_reclamation.store import Store
from amazon_reclamation.ui import wizard
from amazon_reclamation.ui.question import Answers, Question
from amazon_reclamation.ui.questions import (
    QUESTIONS_BY_KEY,
    answers_from_json,
    answers_to_json,
    applicable,
    build_complaint,
)
from amazon_reclamation.ui.wizard import ACTION, QuestionaryAsker, edit_question, run_wizard

TODAY = date(2026, 11, 20)
ORDER = "123-1234567-1234567"

DOWN = "\x1b[B"
ENTER = "\r"
SUBMIT = "\x1b\r"  # Escape then Enter ends a multi-line answer
CTRL_C = "\x03"
CTRL_U = "\x15"  # erase the line (to replace a default answer)
BACKSPACE = "\x7f"


def pick(index: int) -> str:
    """Move down `index` times in a select, then Enter."""
    return DOWN * index + ENTER


YES = ENTER  # yes/no questions are selects: Oui (the default), Non (and, when it makes
# sense, Je ne sais pas)
NO = pick(1)


def typed(text: str) -> str:
    return text + ENTER


def ignore(answers: Answers) -> None:
    """A callback that does nothing (no draft, no summary)."""


Script = list[tuple[str, str]]


class KeystrokeAsker:
    """The real QuestionaryAsker, one pipe of scripted keystrokes per question."""

    def __init__(self, script: Script, today: date = TODAY) -> None:
        self.script = list(script)
        self.today = today
        self.asked: list[str] = []

    def __call__(self, question: Question, answers: Answers) -> Any:
        assert self.script, f"unexpected question {question.key!r} (script is finished)"
        key, keys = self.script.pop(0)
        assert question.key == key, f"asked {question.key!r}, the script expected {key!r}"
        self.asked.append(key)
        with create_pipe_input() as pipe:
            pipe.send_text(keys)
            pipe.close()  # no more keys: a prompt waiting for more gets EOFError
            asker = QuestionaryAsker(today=self.today, input=pipe, output=DummyOutput())
            return asker(question, answers)


class ScriptedAsker:
    """Answers from a dict (already parsed values); any other question is an error."""

    def __init__(self, answers: dict[str, Any]) -> None:
        self.answers = answers
        self.asked: list[str] = []

    def __call__(self, question: Question, answers: Answers) -> Any:
        if question.key not in self.answers:
            raise AssertionError(f"unexpected question {question.key!r}")
        self.asked.append(question.key)
        value = self.answers[question.key]
        if isinstance(value, list):  # several answers, one per time it is asked
            return value.pop(0)
        return value


@pytest.fixture
def store(isolated_home: Path) -> Store:
    return Store(isolated_home)


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Make `reclam new` believe it runs in a terminal and type `script` into it."""

    def install(script: Script) -> KeystrokeAsker:
        asker = KeystrokeAsker(script)

        def factory(today: date, **_: Any) -> KeystrokeAsker:
            asker.today = today
            return asker

        monkeypatch.setattr(wizard, "QuestionaryAsker", factory)
        monkeypatch.setattr(context, "is_interactive", lambda: True)
        return asker

    return install


def saved(store: Store) -> list[Complaint]:
    complaints, unreadable = store.scan()
    assert unreadable == []
    return complaints


def start(category_index: int) -> Script:
    return [
        ("category", pick(category_index)),
        ("order_number", typed(ORDER)),
        ("order_date", typed("01/11/2026")),
    ]


# -- one run per category, to the saved record ---------------------------------------

RUNS: dict[str, tuple[Script, dict[str, Any]]] = {
    "damaged": (
        [
            *start(0),
            ("delivery_date", typed("05/11/2026")),
            ("damage_timing", pick(1)),
            ("defect_discovered_date", typed("15/11/2026")),
            ("photos_taken", NO),
            ("item", typed("Aspirateur sans fil")),
            ("amount", typed("149,99 €")),
            ("payment_method", pick(1)),  # card: the cursor starts on "Je ne sais pas"
            ("seller_kind", pick(2)),  # marketplace: "Je ne sais pas" is the default
            ("seller_name", typed("TechDeals")),
            ("seller_country", typed("de")),
            ("letter_lang", pick(2)),  # a German seller: the message in German
            ("customer_name", typed("Marie Dupont")),
            ("desired_resolution", pick(2)),
            ("description", "Il s'arrête après 2 minutes.\nBruit de moteur." + SUBMIT),
            ("_action", ENTER),
        ],
        {
            "category": "damaged",
            "delivery_date": date(2026, 11, 5),
            "amount": Decimal("149.99"),
            "seller": {"kind": "marketplace", "name": "TechDeals", "country": "DE"},
            "letter_lang": "de",
            "customer_name": "Marie Dupont",
            "desired_resolution": "repair",
            "description": "Il s'arrête après 2 minutes.\nBruit de moteur.",
            "facts.damage_timing": "later",
            "facts.defect_discovered_date": date(2026, 11, 15),
            "facts.photos_taken": False,
            "facts.payment_method": "card",
        },
    ),
    "late": (
        [
            *start(1),
            ("delivery_date", ENTER),  # not arrived yet
            ("expected_delivery_date", typed("10/11/2026")),
            ("tracking_status", typed("En transit depuis le 8/11")),
            ("item", typed("Casque")),
            ("amount", typed("49.99")),
            ("payment_method", ENTER),  # "Je ne sais pas", the default
            ("seller_kind", pick(1)),  # amazon (the cursor starts on "Je ne sais pas")
            ("customer_name", typed("Jan Peeters")),
            ("desired_resolution", pick(3)),
            ("description", SUBMIT),
            ("_action", ENTER),
        ],
        {
            "category": "late",
            "expected_delivery_date": date(2026, 11, 10),
            "amount": Decimal("49.99"),
            "seller": {"kind": "amazon", "name": None, "country": None},
            "desired_resolution": "delivery",
            "description": None,
            "facts.tracking_status": "En transit depuis le 8/11",
            "facts.payment_method": None,
        },
    ),
    "not_received": (
        [
            *start(2),
            ("expected_delivery_date", typed("12/11/2026")),
            ("marked_delivered", YES),
            ("marked_delivered_date", typed("hier")),
            ("neighbours_checked", NO),
            ("item", typed("Livre")),
            ("amount", ENTER),
            ("payment_method", pick(3)),  # a direct debit: its date is asked
            ("charge_date", typed("13/11/2026")),
            ("seller_kind", ENTER),  # "Je ne sais pas", the default
            ("customer_name", ENTER),
            ("desired_resolution", ENTER),
            ("description", "Photo du livreur : pas ma porte." + SUBMIT),
            ("_action", ENTER),
        ],
        {
            "category": "not_received",
            "expected_delivery_date": date(2026, 11, 12),
            "amount": None,
            "seller": {"kind": None, "name": None, "country": None},
            "customer_name": None,
            "desired_resolution": "refund",
            "facts.marked_delivered": True,
            "facts.marked_delivered_date": date(2026, 11, 19),
            "facts.neighbours_checked": False,
            "facts.payment_method": "sepa_direct_debit",
            "facts.charge_date": date(2026, 11, 13),
        },
    ),
    "non_conforming": (
        [
            *start(3),
            ("delivery_date", typed("2026-11-06")),
            ("photos_taken", YES),
            ("difference", pick(2)),
            ("item", typed("Pull bleu taille M")),
            ("amount", typed("1.234,56")),
            ("payment_method", pick(2)),
            ("seller_kind", pick(1)),  # amazon (the cursor starts on "Je ne sais pas")
            ("customer_name", typed("Marie Dupont")),
            ("desired_resolution", pick(1)),
            ("description", "Reçu un pull rouge." + SUBMIT),
            ("_action", ENTER),
        ],
        {
            "category": "non_conforming",
            "delivery_date": date(2026, 11, 6),
            "amount": Decimal("1234.56"),
            "desired_resolution": "replacement",
            "facts.difference": "colour",
            "facts.photos_taken": True,
            "facts.payment_method": "debit_card",
        },
    ),
    "billing": (
        [
            ("category", pick(4)),
            ("billing_problem", pick(1)),  # before the order: an unknown charge has none
            ("order_number", typed(ORDER)),
            ("order_date", typed("01/11/2026")),
            ("delivery_date", ENTER),
            ("amount_charged", typed("54,98")),
            ("amount_expected", typed("49,99")),
            ("item", typed("Casque")),
            ("amount", typed("49,99")),
            ("payment_method", pick(2)),
            ("charge_date", typed("02/11/2026")),
            ("seller_kind", pick(1)),  # amazon (the cursor starts on "Je ne sais pas")
            ("customer_name", typed("Marie Dupont")),
            ("desired_resolution", pick(4)),
            ("description", SUBMIT),
            ("_action", ENTER),
        ],
        {
            "category": "billing",
            "delivery_date": None,
            "desired_resolution": "partial_refund",
            "facts.billing_problem": "unannounced_fee",
            "facts.amount_charged": Decimal("54.98"),
            "facts.amount_expected": Decimal("49.99"),
            "facts.payment_method": "debit_card",
            "facts.charge_date": date(2026, 11, 2),
        },
    ),
    "refund": (
        [
            *start(5),
            ("delivery_date", typed("04/11/2026")),
            ("return_kind", ENTER),
            ("returned_date", typed("08/11/2026")),
            ("return_tracking", typed("TBA301234567890")),
            ("refund_expected", typed("39,99")),
            ("item", typed("Casque")),
            ("amount", typed("49,99")),
            ("payment_method", pick(4)),  # another means
            ("seller_kind", pick(1)),  # amazon (the cursor starts on "Je ne sais pas")
            ("customer_name", typed("Marie Dupont")),
            ("desired_resolution", ENTER),
            ("description", SUBMIT),
            ("_action", ENTER),
        ],
        {
            "category": "refund",
            "delivery_date": date(2026, 11, 4),
            "facts.return_kind": "returned",
            "facts.returned_date": date(2026, 11, 8),
            "facts.return_tracking": "TBA301234567890",
            "facts.refund_expected": Decimal("39.99"),
            "facts.payment_method": "other",
        },
    ),
    "other": (
        [
            *start(6),
            ("delivery_date", ENTER),
            ("item", typed("Abonnement Prime")),
            ("amount", typed("69,90")),
            ("payment_method", ENTER),
            ("seller_kind", pick(1)),  # amazon (the cursor starts on "Je ne sais pas")
            ("customer_name", typed("Marie Dupont")),
            ("desired_resolution", pick(5)),
            ("description", "Débité deux fois.\n\nMerci." + SUBMIT),
            ("_action", ENTER),
        ],
        {
            "category": "other",
            "item": "Abonnement Prime",
            "amount": Decimal("69.90"),
            "desired_resolution": "other",
            "description": "Débité deux fois.\n\nMerci.",
        },
    ),
}


def field(complaint: Complaint, dotted: str) -> Any:
    value: Any = complaint
    for part in dotted.split("."):
        value = getattr(value, part)
    return value.model_dump() if hasattr(value, "model_dump") else value


@pytest.mark.parametrize("run", RUNS.values(), ids=list(RUNS))
def test_wizard_by_keystrokes_saves_the_record(
    terminal: Any,
    store: Store,
    capsys: pytest.CaptureFixture[str],
    run: tuple[Script, dict[str, Any]],
) -> None:
    # Arrange
    script, expected = run
    asker = terminal(script)

    # Act
    code = cli.main(["new"])

    # Assert
    out = capsys.readouterr().out
    assert (code, asker.script) == (0, [])  # every scripted question asked, in order
    [complaint] = saved(store)
    assert complaint.order_number == ORDER
    assert complaint.order_date == date(2026, 11, 1)
    for name, value in expected.items():
        assert field(complaint, name) == value, name
    assert f"Réclamation {complaint.id} enregistrée." in out
    assert f"reclam log {complaint.id}" in out
    assert "Message prêt à copier" in out  # the summary was shown before confirming
    assert store.load_draft() is None


def test_an_unknown_charge_is_saved_without_an_order_in_the_wizard(
    terminal: Any, store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    # Arrange: the order number and date are left empty, which only this case allows.
    asker = terminal(
        [
            ("category", pick(4)),
            ("billing_problem", pick(2)),
            ("order_number", ENTER),
            ("order_date", ENTER),
            ("delivery_date", ENTER),
            ("amount_charged", typed("12,99")),
            ("amount_expected", ENTER),
            ("item", ENTER),
            ("amount", ENTER),
            ("payment_method", pick(1)),
            ("charge_date", typed("02/11/2026")),
            ("seller_kind", pick(1)),  # amazon (the cursor starts on "Je ne sais pas")
            ("customer_name", typed("Marie Dupont")),
            ("desired_resolution", ENTER),
            ("description", SUBMIT),
            ("_action", ENTER),
        ]
    )

    # Act
    code = cli.main(["new"])

    # Assert
    out = capsys.readouterr().out
    assert (code, asker.script) == (0, [])
    [complaint] = saved(store)
    assert (complaint.order_number, complaint.order_date) == (None, None)
    assert complaint.facts.billing_problem == "unknown_charge"
    assert "aucun (débit sans commande)" in out
    assert "None" not in out


def test_an_order_left_empty_is_asked_again_once_the_charge_is_not_unknown(
    terminal: Any, store: Store
) -> None:
    # Arrange: "Je ne sais pas" is not offered for the billing problem, so an order number
    # left empty can only come from a question asked as optional; edited to "wrong amount",
    # the order number is then asked again.
    from amazon_reclamation.ui.wizard import ask_missing

    answers: Answers = {"category": "billing", "billing_problem": "wrong_amount"}
    answers["order_number"] = None
    asked: list[str] = []

    def scripted(question: Any, current: Answers) -> Any:
        asked.append(question.key)
        return ORDER if question.key == "order_number" else None

    # Act
    ask_missing(answers, scripted)

    # Assert
    assert asked[0] == "order_number"
    assert answers["order_number"] == ORDER


def test_all_keystrokes_typed_ahead_in_one_pipe(store: Store) -> None:
    """A fast typist: every key is already waiting before the first prompt opens."""
    # Arrange: the order facts are given; the rest is typed ahead in one go.
    given_answers: Answers = {
        "item": "Casque",
        "amount": Decimal("49.99"),
        "seller_kind": "amazon",
        "customer_name": "Jan Peeters",
        "desired_resolution": "delivery",
    }
    keys = (
        pick(1)  # late
        + typed(ORDER)
        + typed("01/11/2026")
        + ENTER  # delivery date: not arrived
        + typed("10/11/2026")
        + typed("En transit")
        + ENTER  # payment method: "Je ne sais pas", the default
        + "Ligne 1\nLigne 2"
        + SUBMIT
        + ENTER  # Enregistrer
    )

    # Act
    with create_pipe_input() as pipe:
        pipe.send_text(keys)
        pipe.close()
        asker = QuestionaryAsker(today=TODAY, input=pipe, output=DummyOutput())
        answers = run_wizard(
            given_answers,
            asker,
            today=TODAY,
            confirm=True,
            on_answer=ignore,
            show_summary=ignore,
        )

    # Assert
    assert answers == {
        **given_answers,
        "category": "late",
        "order_number": ORDER,
        "order_date": date(2026, 11, 1),
        "expected_delivery_date": date(2026, 11, 10),
        "tracking_status": "En transit",
        "description": "Ligne 1\nLigne 2",
    }


# -- validation as it is typed ---------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "answers", "bad", "good", "expected"),
    [
        ("order_number", {}, "123-456", ORDER, ORDER),
        ("order_number", {}, "TBA301234567890", "12312345671234567", ORDER),
        ("order_date", {}, "21/11/2026", "01/11/2026", date(2026, 11, 1)),
        ("order_date", {}, "31/04/2026", "30/04/2026", date(2026, 4, 30)),
        (
            "delivery_date",
            {"order_date": date(2026, 11, 1)},
            "31/10/2026",
            "02/11/2026",
            date(2026, 11, 2),
        ),
        ("amount", {}, "-5", "5", Decimal("5.00")),
        ("amount", {}, "0", "0,50", Decimal("0.50")),
        ("seller_country", {}, "Allemagne", "DE", "DE"),
    ],
)
def test_invalid_answer_is_refused_then_corrected(
    key: str, answers: Answers, bad: str, good: str, expected: Any
) -> None:
    # Arrange: Enter on a bad answer must keep the prompt open; erase it and retype.
    keys = typed(bad) + BACKSPACE * len(bad) + typed(good)
    asker = KeystrokeAsker([(key, keys)])

    # Act
    value = asker(QUESTIONS_BY_KEY[key], dict(answers))

    # Assert
    assert value == expected


def test_required_answer_cannot_be_left_empty() -> None:
    # Arrange
    asker = KeystrokeAsker([("order_number", ENTER + typed(ORDER))])

    # Act
    value = asker(QUESTIONS_BY_KEY["order_number"], {})

    # Assert
    assert value == ORDER


# Answers given as options are not asked: these runs type only what they are about.
LATE_FACTS = [
    "--delivery-date", "",  # not arrived: an empty option is an answer ("unknown")
    "--expected-date", "10/11/2026",
    "--tracking-status", "En transit depuis le 8/11",
    "--item", "Casque",
    "--amount", "49,99",
    "--payment-method", "card",
    "--seller", "amazon",
    "--name", "Jan Peeters",
    "--resolution", "delivery",
    "--description", "Toujours rien.",
]  # fmt: skip
LATE_OPTIONS = ["--category", "late", "--order", ORDER, "--order-date", "01/11/2026", *LATE_FACTS]
REFUND_OPTIONS = [
    "--category", "refund",
    "--order", ORDER,
    "--order-date", "01/11/2026",
    "--delivery-date", "04/11/2026",
    "--return-kind", "returned",
    "--returned-date", "08/11/2026",
    "--return-tracking", "",
    "--refund-amount", "",
    "--item", "Casque",
    "--amount", "49,99",
    "--payment-method", "card",
    "--seller", "amazon",
    "--name", "Marie Dupont",
    "--resolution", "refund",
    "--description", "",
]  # fmt: skip


def test_invalid_order_number_rejected_then_corrected_in_a_full_run(
    terminal: Any, store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    # Arrange
    asker = terminal(
        [
            ("category", pick(1)),
            ("order_number", typed("123") + BACKSPACE * 3 + typed("12312345671234567")),
            ("order_date", typed("01/11/2026")),
            ("_action", ENTER),
        ]
    )

    # Act
    code = cli.main(["new", *LATE_FACTS])

    # Assert
    assert (code, asker.script) == (0, [])
    [complaint] = saved(store)
    assert complaint.order_number == ORDER
    assert complaint.item == "Casque"


# -- going back: "Modifier une réponse" ------------------------------------------------


def test_edit_an_answer_on_the_confirmation_screen(
    terminal: Any, store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    # Arrange: the item is corrected before saving.
    item_index = [q.key for q in applicable({"category": "late"})].index("item")
    asker = terminal(
        [
            ("_action", pick(1)),  # Modifier une réponse
            ("_edit", pick(item_index)),
            ("item", CTRL_U + typed("Casque Bluetooth XM5")),
            ("_action", ENTER),  # Enregistrer
        ]
    )

    # Act
    code = cli.main(["new", *LATE_OPTIONS])

    # Assert
    out = capsys.readouterr().out
    assert (code, asker.script) == (0, [])
    [complaint] = saved(store)
    assert complaint.item == "Casque Bluetooth XM5"
    assert complaint.facts.tracking_status == "En transit depuis le 8/11"  # kept
    assert out.count("Message prêt à copier") == 2  # the summary again after the edit
    assert "« Casque Bluetooth XM5 »" in out.split("Message prêt à copier")[2]


def test_editing_the_order_date_asks_again_for_a_delivery_date_now_before_it(
    terminal: Any, store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    # Arrange: delivered 04/11; the order date becomes 06/11, so 04/11 is now impossible.
    order_date_index = [q.key for q in applicable({"category": "refund"})].index("order_date")
    asker = terminal(
        [
            ("_action", pick(1)),
            ("_edit", pick(order_date_index)),
            ("order_date", CTRL_U + typed("06/11/2026")),
            ("delivery_date", typed("07/11/2026")),  # asked again
            ("_action", ENTER),
        ]
    )

    # Act
    code = cli.main(["new", *REFUND_OPTIONS])

    # Assert
    assert (code, asker.script) == (0, [])
    [complaint] = saved(store)
    assert complaint.order_date == date(2026, 11, 6)
    assert complaint.delivery_date == date(2026, 11, 7)
    assert complaint.facts.returned_date == date(2026, 11, 8)  # still after: kept


def test_cancel_on_the_confirmation_screen_saves_nothing(
    terminal: Any, store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    # Arrange
    asker = terminal([("_action", pick(2)), ("_abandon", "\x1b[A\r")])  # up to "Oui"

    # Act
    code = cli.main(["new", *LATE_OPTIONS])

    # Assert
    assert (code, asker.script) == (0, [])
    assert saved(store) == []
    assert store.load_draft() is None
    assert "rien n'a été enregistré" in capsys.readouterr().err


def test_enter_on_the_abandon_question_keeps_the_answers(
    terminal: Any, store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    # Arrange: "Abandonner", then Enter (the default is "Non"), then "Enregistrer"
    asker = terminal([("_action", pick(2)), ("_abandon", ENTER), ("_action", ENTER)])

    # Act
    code = cli.main(["new", *LATE_OPTIONS])

    # Assert
    assert (code, asker.script) == (0, [])
    assert len(saved(store)) == 1


def test_edit_question_lists_every_applicable_answer_with_its_value() -> None:
    # Arrange
    answers: Answers = {
        "category": "late",
        "order_number": ORDER,
        "order_date": date(2026, 11, 1),
        "amount": Decimal("49.99"),
        "seller_kind": "amazon",
        "description": "ligne 1\nligne 2",
    }

    # Act
    question = edit_question(answers)

    # Assert
    assert [c.value for c in question.choices] == [q.key for q in applicable(answers)]
    labels = {c.value: c.label for c in question.choices}
    assert labels["order_date"].endswith(" : 01/11/2026")
    assert labels["amount"].endswith(" : 49,99")
    assert labels["category"].endswith(" : Livraison en retard")
    assert labels["item"].endswith(" : —")
    assert "\n" not in labels["description"]


# -- Ctrl-C and the draft -------------------------------------------------------------


def test_ctrl_c_after_the_order_number_keeps_a_draft_and_propagates(store: Store) -> None:
    # Arrange: the same draft keeping as `reclam new` does.
    from amazon_reclamation.ui import questions

    asker = KeystrokeAsker([*start(1)[:2], ("order_date", "01/1" + CTRL_C)])

    def keep_draft(answers: Answers) -> None:
        if answers.get("order_number"):
            store.save_draft({"answers": questions.answers_to_json(answers)})

    # Act
    with pytest.raises(KeyboardInterrupt):
        run_wizard(
            {},
            asker,
            today=TODAY,
            confirm=True,
            on_answer=keep_draft,
            show_summary=lambda a: None,
        )

    # Assert
    draft = store.load_draft()
    assert draft is not None
    assert draft["answers"] == {"category": "late", "order_number": ORDER}
    assert saved(store) == []


def test_ctrl_c_in_reclam_new_exits_130_and_keeps_the_draft(
    terminal: Any, store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    # Arrange
    terminal([*start(0)[:2], ("order_date", CTRL_C)])

    # Act
    code = cli.main(["new"])

    # Assert
    err = capsys.readouterr().err
    assert code == 130
    assert "Vos réponses sont gardées : la prochaine fois que vous lancerez reclam new" in err
    assert "Traceback" not in err
    assert store.load_draft() == {"answers": {"category": "damaged", "order_number": ORDER}}
    assert saved(store) == []


def test_ctrl_c_in_an_unknown_charge_without_order_keeps_the_draft_and_offers_it_back(
    terminal: Any, store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    # Arrange
    terminal([("category", pick(4)), ("billing_problem", pick(2)), ("order_number", CTRL_C)])

    # Act
    code = cli.main(["new"])

    # Assert
    assert code == 130
    assert store.load_draft() == {
        "answers": {"category": "billing", "billing_problem": "unknown_charge"}
    }
    from amazon_reclamation.ui.wizard import resume_label

    assert resume_label({"category": "billing"}) == (
        "Un brouillon de réclamation existe, sans commande : Problème de facturation (montant, "
        "frais, débit inconnu)."
    )


def test_ctrl_c_before_the_order_number_keeps_nothing(
    terminal: Any, store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    # Arrange
    terminal([("category", DOWN + CTRL_C)])

    # Act
    code = cli.main(["new"])

    # Assert
    assert code == 130
    assert store.load_draft() is None
    assert not store.complaints_dir.exists() or saved(store) == []


def test_next_reclam_new_resumes_the_draft(
    terminal: Any, store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    # Arrange: a draft left by an interrupted run (category late, order number known).
    store.save_draft({"answers": {"category": "late", "order_number": ORDER}})
    script, _expected = RUNS["late"]
    asker = terminal([("_resume", YES), *script[2:]])  # no category, no order number

    # Act
    code = cli.main(["new"])

    # Assert
    err = capsys.readouterr().err
    assert code == 0
    assert f"Un brouillon de réclamation existe (commande {ORDER}" in err
    assert asker.script == []
    [complaint] = saved(store)
    assert (complaint.category, complaint.order_number) == ("late", ORDER)
    assert store.load_draft() is None


def test_declining_the_draft_starts_afresh_and_forgets_it(
    terminal: Any, store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    # Arrange: decline, then stop at the first question of a fresh start.
    store.save_draft({"answers": {"category": "late", "order_number": "999-9999999-9999999"}})
    asker = terminal([("_resume", NO), ("category", CTRL_C)])

    # Act
    code = cli.main(["new"])

    # Assert
    assert code == 130
    assert asker.asked == ["_resume", "category"]  # from the start, not from the draft
    assert store.load_draft() is None
    assert saved(store) == []


def test_draft_answers_round_trip_through_json() -> None:
    # Arrange
    answers: Answers = {
        "category": "billing",
        "order_number": ORDER,
        "order_date": date(2026, 11, 1),
        "photos_taken": False,
        "amount_charged": Decimal("54.98"),
        "description": "ligne 1\nligne 2",
    }

    # Act
    restored = answers_from_json(answers_to_json(answers), TODAY)

    # Assert
    assert restored == answers


def test_draft_values_that_no_longer_parse_are_dropped() -> None:
    # Arrange: saved when "today" was later; unknown keys are ignored too.
    data = {
        "category": "late",
        "order_number": ORDER,
        "order_date": "25/11/2026",
        "amount": "abc",
        "_action": "save",
        "surprise": 1,
    }

    # Act
    restored = answers_from_json(data, TODAY)

    # Assert
    assert restored == {"category": "late", "order_number": ORDER}


# -- the asker seam with scripted answers -------------------------------------------------

BASE: dict[str, Any] = {
    "order_number": ORDER,
    "order_date": date(2026, 11, 1),
    "item": "Casque",
    "amount": Decimal("49.99"),
    "seller_kind": "amazon",
    "customer_name": "Marie Dupont",
    "desired_resolution": "refund",
    "description": "Précisions.",
}

ASKED = {
    "damaged": ["delivery_date", "damage_timing", "photos_taken"],
    "late": ["delivery_date", "expected_delivery_date", "tracking_status"],
    "not_received": ["expected_delivery_date", "marked_delivered", "neighbours_checked"],
    "non_conforming": ["delivery_date", "photos_taken", "difference"],
    "billing": [  # and the billing problem, asked before the order
        "delivery_date",
        "amount_charged",
        "amount_expected",
    ],
    "refund": ["delivery_date", "return_kind", "returned_date", "refund_expected"],
    "other": ["delivery_date"],
}

FACT_ANSWERS: dict[str, Any] = {
    "delivery_date": date(2026, 11, 5),
    "damage_timing": "on_arrival",
    "photos_taken": True,
    "expected_delivery_date": date(2026, 11, 10),
    "tracking_status": "en transit",
    "marked_delivered": False,
    "neighbours_checked": True,
    "difference": "size",
    "billing_problem": "wrong_amount",
    "amount_charged": Decimal("59.99"),
    "amount_expected": Decimal("49.99"),
    "payment_method": "card",
    "charge_date": date(2026, 11, 2),
    "return_kind": "cancelled",
    "returned_date": date(2026, 11, 3),
    "refund_expected": Decimal("49.99"),
}


@pytest.mark.parametrize("category", list(ASKED))
def test_scripted_asker_asks_exactly_the_questions_of_the_category(category: str) -> None:
    # Arrange
    asker = ScriptedAsker({"category": category, **BASE, **FACT_ANSWERS, "_action": "save"})
    shown: list[Answers] = []
    kept: list[Answers] = []

    # Act
    answers = run_wizard(
        {},
        asker,
        today=TODAY,
        confirm=True,
        on_answer=lambda a: kept.append(dict(a)),
        show_summary=lambda a: shown.append(dict(a)),
    )

    # Assert
    assert answers is not None
    assert asker.asked == [
        "category",
        *(["billing_problem"] if category == "billing" else []),
        "order_number",
        "order_date",
        *ASKED[category],
        "item",
        "amount",
        "payment_method",  # every category: the bank's routes
        *(["charge_date"] if category == "billing" else []),  # a card: no SEPA date
        "seller_kind",
        "customer_name",
        "desired_resolution",
        "description",
        "_action",
    ]
    assert shown == [answers]
    assert len(kept) == len(asker.asked) - 1  # after every answer, for the draft
    complaint = build_complaint(answers, "abc234", clock.now())
    assert complaint.category == category
    assert complaint.order_number == ORDER


def test_answers_given_as_options_are_not_asked_again() -> None:
    # Arrange
    asker = ScriptedAsker({"order_date": date(2026, 11, 1), **FACT_ANSWERS, **BASE})
    given_answers: Answers = {"category": "late", "order_number": ORDER, "item": "Livre"}

    # Act
    answers = run_wizard(
        given_answers,
        asker,
        today=TODAY,
        confirm=False,
        on_answer=lambda a: None,
        show_summary=lambda a: None,
    )

    # Assert
    assert answers is given_answers
    assert "category" not in asker.asked
    assert "order_number" not in asker.asked
    assert "item" not in asker.asked
    assert answers["item"] == "Livre"
    assert ACTION.key not in asker.asked  # confirm=False: no confirmation screen


def test_marketplace_seller_and_later_defect_ask_their_follow_up_questions() -> None:
    # Arrange
    asker = ScriptedAsker(
        {
            "category": "damaged",
            **BASE,
            **FACT_ANSWERS,
            "damage_timing": "later",
            "defect_discovered_date": date(2026, 11, 12),
            "seller_kind": "marketplace",
            "seller_name": "TechDeals",
            "seller_country": "DE",
            "letter_lang": "de",
        }
    )

    # Act
    answers = run_wizard(
        {}, asker, today=TODAY, confirm=False, on_answer=lambda a: None, show_summary=ignore
    )

    # Assert
    assert answers is not None
    assert asker.asked.index("defect_discovered_date") == asker.asked.index("damage_timing") + 1
    assert asker.asked.index("seller_name") == asker.asked.index("seller_kind") + 1
    assert asker.asked.index("seller_country") == asker.asked.index("seller_name") + 1
    assert asker.asked.index("letter_lang") == asker.asked.index("seller_country") + 1
    assert answers["letter_lang"] == "de"


def test_cancelled_order_is_not_asked_for_a_return_tracking_number() -> None:
    # Arrange
    asker = ScriptedAsker({"category": "refund", **BASE, **FACT_ANSWERS})

    # Act
    run_wizard({}, asker, today=TODAY, confirm=False, on_answer=ignore, show_summary=ignore)

    # Assert
    assert "returned_date" in asker.asked
    assert "return_tracking" not in asker.asked


def test_changing_the_category_drops_the_old_facts_and_asks_the_new_ones() -> None:
    # Arrange
    asker = ScriptedAsker(
        {
            **BASE,
            **FACT_ANSWERS,
            "category": ["late", "damaged"],
            "_action": ["edit", "save"],
            "_edit": "category",
        }
    )

    # Act
    answers = run_wizard(
        {}, asker, today=TODAY, confirm=True, on_answer=lambda a: None, show_summary=ignore
    )

    # Assert
    assert answers is not None
    assert answers["category"] == "damaged"
    assert "expected_delivery_date" not in answers
    assert "tracking_status" not in answers
    assert answers["damage_timing"] == "on_arrival"
    after_edit = asker.asked[asker.asked.index("_edit") + 2 :]
    # The delivery date applies to both categories: it is kept, not asked again.
    assert after_edit == ["damage_timing", "photos_taken", "_action"]


def test_unexpected_question_fails_loudly() -> None:
    # Arrange
    asker = ScriptedAsker({"category": "late"})

    # Act / Assert
    with pytest.raises(AssertionError, match="order_number"):
        run_wizard({}, asker, today=TODAY, confirm=False, on_answer=ignore, show_summary=ignore)


def test_only_questions_a_person_may_not_know_offer_je_ne_sais_pas() -> None:
    from amazon_reclamation.ui.questions import QUESTIONS_BY_KEY

    # A person knows whether they took photos or what they ask for; not always who sold.
    assert not QUESTIONS_BY_KEY["photos_taken"].unknown_choice
    assert not QUESTIONS_BY_KEY["return_kind"].unknown_choice
    assert not QUESTIONS_BY_KEY["desired_resolution"].unknown_choice
    assert QUESTIONS_BY_KEY["seller_kind"].unknown_choice
    assert QUESTIONS_BY_KEY["payment_method"].unknown_choice
