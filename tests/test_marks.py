"""Quotation marks: one pairing for every layer — nesting, guillemets, German marks, paragraphs."""

from __future__ import annotations

from analysis import marks, nlp


def _quoted(text: str) -> list[str]:
    return [text[q.start : q.end] for q in marks.pair_quotation_marks(text)]


def test_nested_double_marks_make_one_outer_quotation():
    text = "Putin said “the “situation” is difficult” on Tuesday."
    assert _quoted(text) == ["the “situation” is difficult"]


def test_guillemets_both_directions_and_single_guillemets():
    text = "She said «we stay», he said »we go« and they said ‹maybe›."
    assert _quoted(text) == ["we stay", "we go", "maybe"]


def test_german_low_opening_mark():
    text = "The paper called it „a historic day“ and „a turning point” in print."
    assert _quoted(text) == ["a historic day", "a turning point"]


def test_straight_and_curly_marks_pair_with_each_other():
    text = '“Immunity deals are wrong," the chairman said, calling them "like candy.”'
    assert _quoted(text) == ["Immunity deals are wrong,", "like candy."]


def test_quote_reopened_in_the_next_paragraph_continues():
    text = "“We will rebuild the bridge.\n\n“It will take two years,” the mayor said."
    first, second = marks.pair_quotation_marks(text)
    assert first.continues and first.warning is None
    assert text[second.start : second.end] == "It will take two years,"


def test_quote_closed_in_the_next_paragraph_continues_from_its_start():
    text = 'She argued that "no two towns are alike.\n\nHence no plan fits all." Others disagreed.'
    first, second = marks.pair_quotation_marks(text)
    assert first.continues and first.warning is None
    assert text[second.start : second.end] == "Hence no plan fits all."
    assert second.warning is None


def test_new_sentence_opening_a_mark_ends_the_unclosed_one():
    text = "“The talks failed. “We will return,” the envoy said."
    first, second = marks.pair_quotation_marks(text)
    assert text[first.start : first.end] == "The talks failed."
    assert "never closed" in first.warning
    assert text[second.start : second.end] == "We will return,"


def test_mismatched_marks_across_a_line_break_never_raise():
    text = "He said „yes\nno» today."
    found = marks.pair_quotation_marks(text)
    assert [text[q.start : q.end] for q in found] == ["yes", "no"]
    assert found[0].continues


def test_other_layers_see_the_same_quotations():
    text = "Putin said “the “situation” is difficult” on Tuesday. He left «at noon»."
    doc = nlp.parse([text])[0]
    assert nlp.quotation_spans(doc) == [(11, 41), (62, 71)]
    assert [text[a:b] for a, b in nlp.quotation_spans(doc)] == [
        "“the “situation” is difficult”",
        "«at noon»",
    ]


def test_a_paragraph_reopens_only_with_marks_of_the_same_family():
    text = '"The first time she saw him, she cheered.\n\n“I never doubted it,” she said.'
    first, second = marks.pair_quotation_marks(text)
    assert not first.continues and "never closed" in first.warning
    assert text[second.start : second.end] == "I never doubted it,"
