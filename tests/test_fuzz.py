"""Property-based: news-like texts with odd quotation marks, unicode, line endings and
whitespace go through every layer without an exception, and every span stays valid.

The example count comes from a hypothesis profile named by ``HYPOTHESIS_PROFILE``: ``ci`` (the
default, what ``make test`` runs: 25 examples from a fixed seed) or ``fuzz`` (``make fuzz``:
5,000 random examples).
"""

from __future__ import annotations

import os
import re

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import analysis
from analysis import frames
from analysis.corpus import CorpusError

settings.register_profile(
    "ci",
    max_examples=25,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "fuzz",
    max_examples=5_000,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
PROFILE = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

NAMES = [
    "Vladimir Putin",
    "Putin",
    "Volodymyr Zelenskiy",
    "the Kremlin",
    "Kyiv",
    "Moscow",
    "Joe Biden",
    "NATO",
    "a spokesman",
    "officials",
    "He",
    "She",
    "They",
]
VERBS = ["said", "says", "told reporters", "added", "claimed", "warned", "denied", "wrote"]
WORDS = "the situation is extremely difficult and we will not give up on Tuesday war peace".split()
MARKS = ["“", "”", '"', "«", "»", "„", "‹", "›", "‘", "’", "'", "‚", ""]
#: Between sentences: spaces, every line-ending convention, Unicode line separators.
GAPS = [" ", "  ", "\n", "\n\n", "\r\n", "\r\n\r\n", "\r", "\r\r", "\u2028", "\u0085", "\t"]
GAPS += ["\u00a0", " \n \n", "\n\n\n"]

odd_word = st.text(
    st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), min_size=1, max_size=6
)
word = st.one_of(st.sampled_from(WORDS), st.sampled_from(WORDS), odd_word)
words = st.lists(word, min_size=1, max_size=8).map(" ".join)


@st.composite
def sentence(draw: st.DrawFn) -> str:
    name, verb = draw(st.sampled_from(NAMES)), draw(st.sampled_from(VERBS))
    opening, closing = draw(st.sampled_from(MARKS)), draw(st.sampled_from(MARKS))
    said, tail = draw(words), draw(words)
    shape = draw(st.integers(0, 3))
    if shape == 0:
        return f"{name} {verb} {opening}{said}{closing} {tail}."
    if shape == 1:
        return f"{opening}{said},{closing} {name} {verb}."
    if shape == 2:
        return f"{opening}{said}{draw(st.sampled_from(GAPS))}{tail}{closing} {verb} {name}"
    return f"{said.capitalize()} {tail}."


@st.composite
def news_text(draw: st.DrawFn) -> str:
    """A few sentences joined by random gaps, perhaps opened and closed by whitespace."""
    sentences = draw(st.lists(sentence(), min_size=1, max_size=8))
    text = draw(st.sampled_from(["", " ", "\n", "\r\n"]))
    for one in sentences:
        text += one + draw(st.sampled_from(GAPS))
    return text


def extracted(*texts: str) -> frames.Frames:
    return analysis.extract(pd.DataFrame({"text": list(texts)}), use_cache=False)


def assert_spans_valid(result: frames.Frames) -> None:
    violations = frames.span_violations(result)
    assert violations.empty, violations.head().to_dict("records")


@settings(PROFILE)
@given(news_text())
def test_news_like_text_passes_every_layer_with_valid_spans(text):
    result = extracted(text)
    assert result.errors.empty
    assert result.articles.text[0] == re.sub(r"\r(?!\n)", "\n", text)  # lone CRs only
    assert_spans_valid(result)


# --- regression inputs from issue 13 -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("He said „yes\nno» today.", id="german-open-guillemet-close-across-a-line"),
        pytest.param(
            "Putin said “the “situation” is difficult” on Tuesday.", id="nested-curly-quotes"
        ),
        pytest.param("Kyiv said «no» on Monday.\r\rMoscow said “yes”.\r", id="lone-cr"),
        pytest.param("He said “yes.”\u2028She said\u0085“no.”", id="unicode-line-separators"),
        pytest.param("«‹Non›», a-t-il dit. ‚Ja‘ sagte er.", id="guillemets-and-low-marks"),
    ],
)
def test_regression_text_passes_every_layer_with_valid_spans(text):
    assert_spans_valid(extracted(text))


def test_a_lone_surrogate_row_is_an_error_and_the_other_rows_are_analysed(tmp_path):
    texts = ["Bad \ud800 row.", "Kyiv said no."]  # pandas' string dtype cannot hold it: object
    frame = pd.DataFrame({"id": ["bad", "good"], "text": texts}, dtype=object)
    result = analysis.extract(frame, use_cache=False)
    assert list(result.articles.article_id) == ["good"]
    assert "lone surrogate U+D800" in result.errors.error[0]
    result.write(tmp_path)  # UnicodeEncodeError here before issue 13
    with pytest.raises(CorpusError, match="lone surrogate"):
        analysis.extract(frame.iloc[:1], use_cache=False)
