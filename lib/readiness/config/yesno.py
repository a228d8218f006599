"""The parameters' ``codes``: a word in an Annex A Yes/No column and what it means, ``Yes`` or ``No``."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BeforeValidator


def yes_no_words(words):
    """``{word: answer}`` with each answer spelt ``Yes`` or ``No`` where it can be read as one (YAML reads an unquoted
    ``Yes`` as true; any case of yes/no/y/n is taken too); anything else is left for the check to refuse."""
    if not isinstance(words, dict):
        return words
    answers = {True: "Yes", False: "No", "yes": "Yes", "y": "Yes", "no": "No", "n": "No"}
    return {
        str(word): answers.get(answer.strip().lower() if isinstance(answer, str) else answer, answer)
        if isinstance(answer, (str, bool))
        else answer
        for word, answer in words.items()
    }


YesNoWords = Annotated[dict[str, Literal["Yes", "No"]], BeforeValidator(yes_no_words)]
