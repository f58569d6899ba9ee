"""Charts state their finding in the title, use the fixed side colours, and carry a source line."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from analysis import charts  # noqa: E402


@pytest.fixture(autouse=True)
def close_figures():
    charts.use_style()
    yield
    plt.close("all")


def title(fig) -> str:
    ax = fig.axes[0]
    return ax.get_title(loc="left") or ax.get_title() or fig._suptitle.get_text()


def footer(fig) -> str:
    return " ".join(t.get_text() for t in fig.texts)


def test_side_colours_are_fixed_okabe_ito():
    assert charts.side_colour("Russia") == "#D55E00"
    assert charts.side_colour("Ukraine") == "#0072B2"
    assert charts.side_colour(None) == charts.side_colour("Narnia") == charts.OTHER_COLOUR
    assert set(charts.SIDE_COLOURS.values()) <= set(charts.OKABE_ITO.values())


def test_entity_counts_names_the_most_frequent_type(seed_frames):
    fig = charts.entity_counts(seed_frames.entities, seed_frames.articles)
    top = seed_frames.entities["label"].value_counts()
    assert f"{top.iloc[0]} mentions" in title(fig)
    assert "Source: Reuters, 2022-12-20" in footer(fig)


def test_actor_mentions_leads_with_putin_in_russia_colour(seed_frames):
    fig = charts.actor_mentions(seed_frames.actors, seed_frames.articles)
    lead = seed_frames.actors.nlargest(1, "n_mentions").iloc[0]
    assert title(fig) == f"{lead['actor']} is mentioned most: {lead['n_mentions']} times"
    bars = {p.get_y(): p for p in fig.axes[0].patches}
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    putin = labels.index("Vladimir Putin")
    colour = matplotlib.colors.to_hex(sorted(bars.items())[putin][1].get_facecolor())
    assert colour.upper() == charts.SIDE_COLOURS["Russia"].upper()


def test_voice_share_reports_putins_share_of_quoted_words(seed_frames):
    table = charts.quoted_voice(seed_frames.quotes, seed_frames.actors)
    assert table.iloc[-1]["speaker"] == "Vladimir Putin"
    share = table.iloc[-1]["words"] / table["words"].sum()
    fig = charts.voice_share(seed_frames.quotes, seed_frames.actors, seed_frames.articles)
    assert f"Vladimir Putin gets {share:.0%} of the quoted words" == fig._suptitle.get_text()


def test_official_line_chart_sets_difficult_against_smoothly(seed_frames):
    fig = charts.official_line(
        seed_frames.contrasts,
        seed_frames.quotes,
        seed_frames.fragments,
        seed_frames.articles,
        sentences=seed_frames.sentences,
    )
    assert "In a break with the official line that the invasion is going smoothly" in footer(fig)
    texts = " ".join(t.get_text() for t in fig.axes[0].texts)
    assert "“extremely difficult” -0.50" in texts
    assert "smoothly +0.40" in texts
    assert "In a break with the official line" in texts
    assert title(fig) == "Vladimir Putin's admissions score up to 0.9 below the official line"


def test_agency_chart_title_counts_match_the_frame(seed_frames):
    fig = charts.agency(seed_frames.agency_summary, seed_frames.articles)
    summary = seed_frames.agency_summary.pivot_table(
        index="actor", columns="role", values="n", aggfunc="sum", fill_value=0
    )
    lead = title(fig).split(" is the agent")[0]
    assert f"agent of {summary.loc[lead, 'agent']} verbs" in title(fig)


@pytest.mark.parametrize(
    "draw",
    [
        lambda f: charts.sentiment_along(f.sentences, f.articles),
        lambda f: charts.analyser_agreement(f.sentences, f.articles),
        lambda f: charts.actor_ribbon(f.mentions, f.sentences, f.articles),
        lambda f: charts.co_occurrence(f.mentions, f.articles),
        lambda f: charts.cue_mix(f.quotes, f.articles),
        lambda f: charts.cue_heatmap(f.quotes, f.articles),
        lambda f: charts.channels(f.quotes, f.articles),
        lambda f: charts.voice_vs_portrayal(f.voice_portrayal, f.articles),
    ],
)
def test_every_chart_has_a_title_labels_and_a_source_line(seed_frames, draw):
    fig = draw(seed_frames)
    assert title(fig)
    assert all(ax.get_xlabel() for ax in fig.axes if ax.get_xticks().size and ax.has_data())
    assert "Source:" in footer(fig)


def test_co_occurrence_counts_shared_sentences(seed_frames):
    together = charts.actors_together(seed_frames.mentions, ["Vladimir Putin", "Belarus"])
    sentences = seed_frames.mentions.groupby("actor")["sent_id"].apply(set)
    both = sentences["Vladimir Putin"] & sentences["Belarus"]
    assert together.loc["Vladimir Putin", "Belarus"] == len(both)
    assert together.loc["Belarus", "Belarus"] == len(sentences["Belarus"])


def test_score_details_put_the_driving_words_one_click_away(seed_frames):
    from analysis import sentiment

    explained = sentiment.explain(seed_frames.sentences, seed_frames.sentiment_words)
    page = charts.score_details(explained, title="All sentences").data
    assert page.count("<details>") == len(seed_frames.sentences)
    assert "extremely difficult (-0.50)" in page


def test_official_line_chart_says_when_there_is_no_contrast(seed_frames):
    fig = charts.official_line(
        seed_frames.contrasts.iloc[0:0],
        seed_frames.quotes,
        seed_frames.fragments,
        seed_frames.articles,
    )
    assert title(fig) == "No admission is set against an official line here"
