"""The wizard's question for the language of the ready message and the letters.

Kept apart from `questions.py` (the complaint's questions) only for that module's size.
The answer is a language id stored as `Complaint.letter_lang`; `reclam new --letter-lang`
is its option twin.
"""

from __future__ import annotations

from amazon_reclamation.i18n import AUTONYMS, N_, current_language
from amazon_reclamation.ui.question import Question, choices_from

LETTER_LANG = Question(
    "letter_lang",
    "--letter-lang",
    "select",
    N_("Langue du message pour Amazon / le vendeur ?"),
    choices=choices_from(AUTONYMS),  # each language by its own name
    hint=N_("un vendeur d'un autre pays lit peut-être mieux une autre langue que la vôtre"),
    # Asked for a marketplace seller only: the message to Amazon is in the user's language.
    when=lambda a: a.get("seller_kind") == "marketplace",
    default=lambda a: current_language(),
    unknown_choice=False,
)
