"""Tests for analysis/syntax.py: the relative clauses every layer reads, on invented sentences."""

from __future__ import annotations

import pytest

from analysis import nlp, syntax


def _token(text: str, word: str, nth: int = 0):
    doc = nlp.parse([text])[0]
    return [token for token in doc if token.text == word][nth]


@pytest.mark.parametrize(
    ("text", "pronoun", "antecedent"),
    [
        ("The officials who spoke on Monday said the plan had failed.", "who", "officials"),
        ("The report, which the ministry published, was short.", "which", "report"),
        ("They shelled a town that the army has long tried to capture.", "that", "town"),
    ],
)
def test_a_relative_pronoun_stands_for_the_head_of_its_clause(text, pronoun, antecedent):
    token = _token(text, pronoun)
    assert syntax.is_relative(token)
    assert syntax.relative_antecedent(token).text == antecedent


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Who said the plan had failed?", "Who"),  # a question: no clause to stand in
        ("The minister said that the plan had failed.", "that"),  # a complementiser
        ("The minister signed the plan.", "minister"),  # not a pronoun at all
    ],
)
def test_other_words_stand_for_nothing(text, word):
    assert syntax.relative_antecedent(_token(text, word)) is None


def test_a_to_infinitive_is_the_verb_infinitival_to_marks():
    assert syntax.to_infinitive(_token("The minister ordered the army to withdraw.", "withdraw"))
    assert not syntax.to_infinitive(_token("The minister made the army withdraw.", "withdraw"))
    assert not syntax.to_infinitive(_token("The army went to the border.", "went"))


@pytest.mark.parametrize(
    ("text", "verb", "objects"),
    [
        ("The court ordered the company to pay the fine.", "pay", ["company"]),
        ("The senator sought to protect breaks for farmers.", "protect", []),  # no object
        ("This is the official whom they forced to resign.", "resign", []),  # a relative pronoun
        ("The court ordered the company to pay the fine.", "ordered", []),  # not a complement
    ],
)
def test_the_object_before_a_complement_clause_controls_it(text, verb, objects):
    found = syntax.controlling_objects(_token(text, verb))
    assert [token.text for token in found] == objects
