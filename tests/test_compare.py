"""Comparing groups of articles: log-odds against hand-computed values, the article-level bootstrap,
grouping by a column or a derived period, and the join to article metadata."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from analysis import compare
from analysis.frames import Frames


def corpus(mentions_per_article: dict[str, list[str]], **columns) -> Frames:
    """Frames of a made-up corpus: one sentence per mention, ``columns`` added to the articles."""
    ids = list(mentions_per_article)
    articles = pd.DataFrame(
        {"article_id": ids, "text": ["x"] * len(ids), "n_words": [1] * len(ids), **columns}
    )
    rows = [
        {"article_id": a, "sent_id": i, "actor": actor, "side": pd.NA}
        for a, actors in mentions_per_article.items()
        for i, actor in enumerate(actors)
    ]
    mentions = pd.DataFrame(rows, columns=["article_id", "sent_id", "actor", "side"])
    sentences = mentions[["article_id", "sent_id"]].assign(
        text="s", polarity=0.0, vader_compound=np.where(mentions["actor"] == "X", 0.5, -0.5)
    )
    return Frames(articles=articles, mentions=mentions, sentences=sentences)


def test_log_odds_matches_hand_computed_values_with_a_given_prior():
    # y_a = 3, y'_a = 1, y_b = 1, y'_b = 3; n = n' = 4; α_a = α_b = 1, α0 = 2.
    # δ_a = log((3+1)/(4+2−3−1)) − log((1+1)/(4+2−1−1)) = log 2 − log ½ = 2 log 2
    # σ²_a = 1/(3+1) + 1/(1+1) = 0.75
    table = compare.log_odds(
        pd.Series({"a": 3, "b": 1}), pd.Series({"a": 1, "b": 3}), pd.Series({"a": 1, "b": 1})
    )
    assert table.loc["a", "log_odds"] == pytest.approx(2 * math.log(2))
    assert table.loc["a", "z"] == pytest.approx(2 * math.log(2) / math.sqrt(0.75))
    assert table.loc["b", "z"] == pytest.approx(-table.loc["a", "z"])
    assert list(table.index) == ["a", "b"]  # highest z first


def test_log_odds_default_prior_is_the_pooled_counts():
    # α_a = 3 + 1 = 4, α_b = 4, α0 = 8: δ_a = log(7/5) − log(5/7); σ²_a = 1/7 + 1/5.
    table = compare.log_odds(pd.Series({"a": 3, "b": 1}), pd.Series({"a": 1, "b": 3}))
    assert table.loc["a", "log_odds"] == pytest.approx(2 * math.log(1.4))
    assert table.loc["a", "z"] == pytest.approx(2 * math.log(1.4) / math.sqrt(1 / 7 + 1 / 5))
    assert table.loc["a", ["n", "n_other"]].tolist() == [3, 1]


def test_bootstrap_resamples_articles_not_mentions():
    # Two articles with the same mix (X 5 of 10 each): every resample of *articles* gives 50%,
    # so the interval has zero width; resampling mentions would not.
    same = ["X"] * 5 + ["Y"] * 5
    frames = corpus({"a1": same, "a2": same}, outlet=["A", "A"])
    row = compare.mention_shares(frames, "outlet", actors=["X"]).iloc[0]
    assert row["share"] == 0.5
    assert row["ci_low"] == row["ci_high"] == 0.5
    assert row["n_articles"] == 2


def test_bootstrap_interval_spans_the_articles_and_is_seeded():
    frames = corpus(
        {"a1": ["X", "X"], "a2": ["Y", "Y"], "a3": ["X", "Y"], "a4": ["Y"]},
        outlet=["A", "A", "A", "A"],
    )
    first = compare.mention_shares(frames, "outlet", actors=["X"], seed=3)
    again = compare.mention_shares(frames, "outlet", actors=["X"], seed=3)
    pd.testing.assert_frame_equal(first, again)
    row = first.iloc[0]
    assert row["share"] == pytest.approx(3 / 7)
    assert 0 <= row["ci_low"] < row["share"] < row["ci_high"] <= 1


def test_a_group_of_one_article_has_no_interval():
    frames = corpus({"a1": ["X", "Y"], "a2": ["X"], "a3": ["Y"]}, outlet=["A", "B", "B"])
    table = compare.mention_shares(frames, "outlet", actors=["X"]).set_index("group")
    assert table.loc["A", "share"] == 0.5
    assert np.isnan(table.loc["A", "ci_low"]) and np.isnan(table.loc["A", "ci_high"])
    assert table.loc["B", "n_articles"] == 2


def test_a_mean_from_one_article_of_a_group_has_no_interval():
    frames = corpus({"a1": ["X", "Y"], "a2": ["Y"], "a3": ["Y", "Y"]}, outlet=["A", "A", "A"])
    tone = compare.tone_around(frames, "outlet", actors=["X", "Y"]).set_index("actor")
    vader = tone[tone["measure"] == compare.TONE_MEASURES["vader_compound"]]
    assert vader.loc["X", "mean"] == 0.5 and np.isnan(vader.loc["X", "ci_low"])
    assert vader.loc["Y", "ci_low"] == vader.loc["Y", "ci_high"] == -0.5


def test_tone_is_the_mean_over_a_groups_sentences():
    frames = corpus({"a1": ["X", "X", "Y"], "a2": ["X"]}, outlet=["A", "A"])
    tone = compare.tone_around(frames, "outlet", actors=["X", "Y"])
    vader = tone[tone["measure"] == compare.TONE_MEASURES["vader_compound"]].set_index("actor")
    assert vader.loc["X", "mean"] == 0.5 and vader.loc["X", "n"] == 3
    assert vader.loc["Y", "mean"] == -0.5
    assert "tone toward the actor" not in set(tone["measure"])
    frames.mentions["tone"] = [0.2, 0.4, -1.0, 0.6]
    toward = compare.tone_around(frames, "outlet", actors=["X"])
    assert toward.set_index("measure").loc["tone toward the actor", "mean"] == pytest.approx(0.4)


def test_group_by_a_derived_month():
    frames = corpus(
        {"a1": ["X"], "a2": ["X", "Y"], "a3": ["Y"], "a4": ["X"]},
        published=["2022-01-15", "2022-01-31T23:30:00-02:00", "2022-02-01", None],
    )
    labels = compare.groups(frames.articles, compare.period("month"))
    # 23:30 at UTC−2 on 31 January is 01:30 UTC on 1 February.
    assert labels.tolist() == ["2022-01", "2022-02", "2022-02", compare.NO_GROUP]
    shares = compare.mention_shares(frames, compare.period("month"), actors=["X"])
    assert shares.set_index("group").loc["2022-02", "share"] == pytest.approx(1 / 3)


def test_weeks_are_labelled_by_their_monday_and_datetimes_are_accepted():
    articles = pd.DataFrame(
        {"article_id": ["a", "b"], "published": pd.to_datetime(["2016-09-08", "2016-09-12"])}
    )
    assert compare.groups(articles, compare.period("week")).tolist() == [
        "2016-09-05",
        "2016-09-12",
    ]


def test_dates_fall_back_to_publication_date():
    articles = pd.DataFrame(
        {"article_id": ["a"], "published": [pd.NA], "publication_date": ["2016-09-08"]}
    )
    assert compare.dates(articles).iloc[0] == pd.Timestamp("2016-09-08")


def test_group_by_a_function_and_a_missing_column():
    frames = corpus({"a1": ["X"], "a2": ["Y"]}, outlet=["A", pd.NA])
    assert compare.groups(frames.articles, "outlet").tolist() == ["A", compare.NO_GROUP]
    first_letter = compare.groups(frames.articles, lambda a: a["article_id"].str[0])
    assert set(first_letter) == {"a"}
    with pytest.raises(KeyError, match="no column 'publisher'.*article_id"):
        compare.groups(frames.articles, "publisher")


def test_with_articles_joins_metadata_on_the_article_id():
    frames = corpus({"a1": ["X", "Y"], "a2": ["Y"]}, outlet=["A", "B"])
    joined = compare.with_articles(frames.mentions, frames.articles, ["outlet"])
    assert joined["outlet"].tolist() == ["A", "A", "B"]


def test_distinctive_words_set_each_group_against_the_rest():
    frames = corpus({"a1": [], "a2": [], "a3": []}, outlet=["A", "A", "B"])
    frames.articles["text"] = [
        "coal coal coal mines",
        "coal miners vote",
        "climate climate climate vote",
    ]
    table = compare.distinctive(frames, "outlet", min_count=1)
    best = table.loc[table.groupby("group")["z"].idxmax()].set_index("group")["word"]
    assert best.to_dict() == {"A": "coal", "B": "climate"}
    coal = table[(table["group"] == "A") & (table["word"] == "coal")].iloc[0]
    assert (coal["n"], coal["n_other"]) == (4, 0)
    # B never writes coal or mines: short of ten words of its own, it lists only what it uses
    assert set(table[table["group"] == "B"]["word"]) == {"climate", "vote"}
    assert (table["n"] > 0).all()


def test_one_article_keeps_only_its_rows(seed_frames):
    one = compare.one_article(seed_frames)
    assert one.articles["article_id"].tolist() == seed_frames.articles["article_id"].tolist()
    pd.testing.assert_frame_equal(one.voice_portrayal, seed_frames.voice_portrayal)
    assert len(one.quotes) == len(seed_frames.quotes)
    with pytest.raises(KeyError, match="not in the corpus"):
        compare.one_article(seed_frames, "nope")


def test_grouping_falls_back_to_the_source_and_says_so():
    articles = pd.DataFrame({"article_id": ["a"], "source": ["Wikinews"]})
    assert compare.grouping(articles, "source") == ("source", "")
    by, note = compare.grouping(articles, "publisher")
    assert by == "source" and "no 'publisher' column" in note


def test_one_outlet_with_topics_is_grouped_by_first_topic_and_says_so():
    articles = pd.DataFrame(
        {
            "article_id": ["a", "b", "c"],
            "source": ["Wikinews"] * 3,
            "topics": ["asia | conflict-violence", "middle-east", None],
        }
    )
    by, note = compare.grouping(articles, "publisher")
    assert list(compare.groups(articles, by)) == ["asia", "middle-east", compare.NO_GROUP]
    assert note == (
        "The articles have no 'publisher' column, so they are grouped by their first listed "
        "topic ('source' is one group)."
    )
    one_topic = articles.assign(topics="asia")
    assert compare.grouping(one_topic, "publisher")[0] == "source"


def test_readable_unit_steps_up_from_weeks_to_months_over_two_years():
    weekly = pd.DataFrame(
        {"published": pd.date_range("2019-01-07", periods=100, freq="7D").strftime("%Y-%m-%d")}
    )
    unit, note = compare.readable_unit(weekly, "week")
    assert unit == "month"  # 100 weeks; 23 months
    assert note.startswith("The dated articles fall in 100 different weeks")
    assert compare.readable_unit(weekly.head(10), "week") == ("week", "")
    with pytest.raises(ValueError, match="fortnight"):
        compare.readable_unit(weekly, "fortnight")
