"""Charts state their finding in the title, use the fixed side colours, and carry a source line."""

from __future__ import annotations

import html

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from analysis import charts, compare  # noqa: E402


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
    assert set(charts.SIDE_COLOURS.values()) <= set(charts.OKABE_ITO.values())


def test_side_colours_are_read_from_the_sides_table(tmp_path):
    from analysis import lexicons

    path = tmp_path / "sides.csv"
    path.write_text("# my conflict\nside,colour\nNorth,orange\nSouth,#123abc\n")
    assert charts.read_side_colours(path) == {"North": "#E69F00", "South": "#123abc"}
    path.write_text("# my conflict\nside,colour\nNorth,orange\nSouth,teal\n")
    with pytest.raises(lexicons.LexiconError, match=r"sides.csv, line 4: colour 'teal'"):
        charts.read_side_colours(path)


def test_every_side_of_the_actor_table_has_its_own_colour_and_no_side_is_grey():
    from analysis import actors

    sides = sorted(set(actors.load_actor_table()["side"].dropna()) | {"Narnia"})
    colours = [charts.side_colour(side) for side in sides]
    assert len(set(colours)) == len(sides)
    assert charts.side_colour(None) == charts.side_colour(pd.NA) == charts.NO_SIDE_COLOUR
    assert charts.NO_SIDE_COLOUR not in colours
    assert charts.side_label(None) == "no side"


def test_verb_classes_have_a_palette_of_their_own():
    sides = {charts.side_colour(s) for s in [*charts.SIDE_COLOURS, "Turkey", "Iran", None]}
    cues = list(charts.CUE_COLOURS.values())
    assert len(set(cues)) == len(cues)
    assert not sides & set(cues)


def test_group_colours_are_distinct_for_many_groups():
    colours = charts.group_colours(f"outlet {i}" for i in range(30))
    assert len(set(colours.values())) == 30


def test_top_n_charts_say_how_many_are_shown(seed_frames):
    fig = charts.actor_mentions(seed_frames.actors, seed_frames.articles, top=3)
    n = seed_frames.actors["actor"].nunique()
    assert fig.axes[0].get_ylabel() == f"3 of {n} actors shown"


def test_actor_ribbon_refuses_to_pool_articles(seed_frames):
    two = seed_frames.mentions.assign(article_id=["a", "b"] * (len(seed_frames.mentions) // 2)
                                      + ["a"] * (len(seed_frames.mentions) % 2))  # fmt: skip
    with pytest.raises(ValueError, match="one article"):
        charts.actor_ribbon(two, seed_frames.sentences, seed_frames.articles)


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


def legend_swatches(fig) -> list[list[tuple[str, str]]]:
    """Every legend entry's swatch of ``fig`` as (fill, edge) colours, one list per legend."""
    found = []
    for legend in [*fig.legends, *(ax.get_legend() for ax in fig.axes)]:
        if legend is None:
            continue
        swatches = []
        for handle in legend.legend_handles:
            if isinstance(handle, matplotlib.lines.Line2D):
                fill, edge = handle.get_markerfacecolor(), handle.get_color()
                fill = edge if handle.get_marker() in ("", "None", None) else fill
            elif isinstance(handle, matplotlib.collections.Collection):
                fill, edge = handle.get_facecolor()[0], handle.get_edgecolor()[0]
            else:
                fill, edge = handle.get_facecolor(), handle.get_edgecolor()
            swatches.append(tuple(_hex(c) for c in (fill, edge)))
        found.append(swatches)
    return found


def _hex(colour) -> str:
    return (
        "none" if isinstance(colour, str) and colour == "none" else matplotlib.colors.to_hex(colour)
    )


def outlets(frames):
    """The bundled article's frames as a corpus of three made-up outlets (same article thrice)."""
    import copy

    corpus = copy.copy(frames)
    names = {"A": "first", "B": "second", "C": "third"}
    parts = {}
    for name in ("articles", "mentions", "quotes", "sentences", "framing_marks"):
        frame = getattr(frames, name)
        parts[name] = pd.concat(
            [
                frame.assign(article_id=f"{frames.articles['article_id'].iloc[0]}-{k}")
                for k in names
            ],
            ignore_index=True,
        )
    parts["articles"]["outlet"] = list(names.values())
    for name, frame in parts.items():
        setattr(corpus, name, frame)
    return corpus


def comparison_charts(frames):
    corpus = outlets(frames)
    tone = compare.tone_around(corpus, "outlet", top=3).query("measure.str.startswith('VADER')")
    yield charts.group_dots(compare.mention_shares(corpus, "outlet", top=4), corpus.articles)
    yield charts.group_dots(tone, corpus.articles, value="mean", what="tone", percent=False)
    yield charts.verb_class_bars(compare.verb_classes(corpus, "outlet", top=3), corpus.articles)
    yield charts.distinctive_words(compare.distinctive(corpus, "outlet"), corpus.articles)
    yield charts.over_time(
        compare.over_time(frames, unit="day", top=3).assign(period="2022-12-20"), frames.articles
    )


def test_no_legend_gives_two_entries_one_colour(seed_frames):
    f = seed_frames
    figures = [
        charts.sentiment_along(f.sentences, f.articles),
        charts.analyser_agreement(f.sentences, f.articles),
        charts.actor_mentions(f.actors, f.articles),
        charts.actor_ribbon(f.mentions, f.sentences, f.articles),
        charts.voice_share(f.quotes, f.actors, f.articles),
        charts.cue_mix(f.quotes, f.articles),
        charts.voice_vs_portrayal(f.voice_portrayal, f.articles),
        charts.agency(f.agency_summary, f.articles),
        *comparison_charts(f),
    ]
    legends = [swatches for fig in figures for swatches in legend_swatches(fig)]
    assert len(legends) >= 8
    for swatches in legends:
        assert len(swatches) == len(set(swatches)), swatches


def test_comparison_of_one_group_says_so(seed_frames):
    table = compare.mention_shares(seed_frames, "source")
    fig = charts.group_dots(table, seed_frames.articles)
    assert title(fig) == "One group: nothing to compare"
    assert len(fig.axes) == 1 and not fig.axes[0].axison


def test_group_dots_title_states_the_widest_gap(seed_frames):
    corpus = outlets(seed_frames)
    mentions = corpus.mentions
    first_putin = mentions["article_id"].str.endswith("-A") & (
        mentions["actor"] == "Vladimir Putin"
    )
    corpus.mentions = mentions[~first_putin]
    table = compare.mention_shares(corpus, "outlet", actors=["Vladimir Putin"])
    fig = charts.group_dots(table, corpus.articles)
    second, first = (table.set_index("group").loc[g] for g in ("second", "first"))
    putin = (corpus.mentions["actor"] == "Vladimir Putin") & corpus.mentions[
        "article_id"
    ].str.endswith("-B")
    assert int(second["n"]) == putin.sum() > 0  # the counts behind the share, named in the title
    assert fig._suptitle.get_text().startswith(
        f"Vladimir Putin: share of actor mentions {second['share']:.0%} "
        f"({putin.sum()} of {int(second['total'])}) in second against 0% "
        f"(0 of {int(first['total'])}) in first"
    )


def test_the_sentences_behind_a_chart_name_article_and_sentence(seed_frames):
    quotes = seed_frames.quotes.query("speaker == 'Vladimir Putin'")
    page = charts.behind(
        quotes, seed_frames.sentences, columns=["cue"], sent_column="sent_start", n=2
    ).data
    first = quotes.iloc[0]
    sentence = seed_frames.sentences.set_index("sent_id").loc[first["sent_start"], "text"]
    assert f"2 of {len(quotes)} rows shown" in page
    assert page.count("<tr>") == 3  # the header and two rows
    assert f"<td style='text-align:left'>{first['article_id']}</td>" in page
    assert html.escape(sentence) in page

    empty = charts.behind(quotes.iloc[0:0], seed_frames.sentences, what="quotes").data
    assert "quotes: none" in empty and "<table" not in empty


# --- titles true of their data, labels that do not collide ---------------------------------------


def test_agency_count_ticks_are_whole_numbers_labelled_by_size(seed_frames):
    fig = charts.agency(seed_frames.agency_summary, seed_frames.articles)
    fig.canvas.draw()
    ax = fig.axes[0]
    low, high = ax.get_xlim()
    ticks = [
        (t, label.get_text())
        for t, label in zip(ax.get_xticks(), ax.get_xticklabels(), strict=True)
    ]
    shown_ticks = [(t, text) for t, text in ticks if low <= t <= high]
    assert shown_ticks
    for position, text in shown_ticks:
        assert position == round(position), ticks  # no count of 2.5 labelled "2"
        assert text == str(abs(round(position))), ticks


def test_ribbon_title_says_where_the_lead_actor_appears():
    mentions = pd.DataFrame(
        {
            "article_id": "a",
            "actor": ["Znak.com"] * 3 + ["FSB"] * 2,
            "sent_id": [27, 28, 31, 8, 26],
            "side": [None, None, None, "Russia", "Russia"],
            "how": "name",
        }
    )
    sentences = pd.DataFrame({"article_id": "a", "sent_id": range(35)})
    articles = pd.DataFrame(
        {"article_id": ["a"], "source": ["W"], "published_text": ["2019"], "title": ["T"]}
    )
    fig = charts.actor_ribbon(mentions, sentences, articles)
    assert title(fig) == "Znak.com is mentioned most: 3 times, in 3 of 35 sentences, from 27 to 31"


def test_cue_mix_does_not_count_unclassed_verbs_as_framing():
    quotes = pd.DataFrame(
        {
            "article_id": "a",
            "quote_id": range(6),
            "speaker": ["Ann"] * 4 + ["Bob"] * 2,
            "cue_class": [None, None, None, "neutral", "critical", "neutral"],
        }
    )
    articles = pd.DataFrame(
        {"article_id": ["a"], "source": ["W"], "published_text": ["2019"], "title": ["T"]}
    )
    fig = charts.cue_mix(quotes, articles)
    # Ann has 3 quotes with verbs outside the lexicon ("other"): not a non-neutral verb
    assert title(fig) == (
        "Bob's words are most often reported with a non-neutral verb (1 of 2 quotes)"
    )
    heatmap = charts.cue_heatmap(quotes, articles, top=1)  # Bob is cut: the title still counts him
    assert title(heatmap) == (
        "1 of 6 attributed quotes are reported with a verb beyond 'said'; most often critical 1"
    )


def test_the_cue_heatmap_title_names_the_three_classes_used_most():
    classes = ["critical"] * 4 + ["stance"] * 5 + ["tentative"] * 2 + ["directive", "neutral"]
    quotes = pd.DataFrame(
        {"article_id": "a", "quote_id": range(len(classes)), "speaker": "Ann", "cue_class": classes}
    )
    quotes.loc[0, "speaker"] = None  # not attributed: not counted
    articles = pd.DataFrame(
        {"article_id": ["a"], "source": ["W"], "published_text": ["2019"], "title": ["T"]}
    )
    assert title(charts.cue_heatmap(quotes, articles)) == (
        "11 of 12 attributed quotes are reported with a verb beyond 'said'; most often "
        "stance 5, critical 3, tentative 2 (of 4 classes)"
    )


def timeline(n_periods: int, leaders: list[str | None], n_articles: int = 3) -> pd.DataFrame:
    """A mentions timeline of two actors over weekly periods; None: neither is mentioned."""
    starts = pd.date_range("2019-01-07", periods=n_periods, freq="7D")
    rows = []
    for start, leader in zip(starts, leaders, strict=True):
        for actor in ("Ann", "Bob"):
            value = 0.0 if leader is None else (0.3 if actor == leader else 0.1)
            rows.append(
                {
                    "period": f"{start:%Y-%m-%d}",
                    "period_start": start,
                    "actor": actor,
                    "measure": "mentions",
                    "value": value,
                    "ci_low": value,
                    "ci_high": value,
                    "n_articles": n_articles,
                }
            )
    return pd.DataFrame(rows)


def test_time_title_counts_only_periods_that_name_an_actor():
    table = timeline(5, [None, None, "Bob", "Ann", "Bob"])
    assert charts.time_finding(table, "week") == (
        "Bob leads the mentions in 2 of the 3 weeks whose articles name any of them, "
        "peaking at 30% in 2019-01-21"
    )
    everywhere = timeline(3, ["Ann", "Ann", "Bob"])
    assert charts.time_finding(everywhere, "week").startswith(
        "Ann leads the mentions in 2 of 3 weeks"
    )


def test_over_time_text_labels_do_not_overlap():
    articles = pd.DataFrame({"article_id": ["a", "b"], "source": ["W", "W"]})
    for n in (5, 100):  # two years of weeks, a dozen articles each: labels would touch
        fig = charts.over_time(timeline(n, ["Ann"] * n, n_articles=12), articles, unit="week")
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        for ax in fig.axes:
            boxes = [t.get_window_extent(renderer) for t in ax.texts if t.get_text()]
            boxes += [t.get_window_extent(renderer) for t in ax.get_xticklabels() if t.get_text()]
            for i, box in enumerate(boxes):
                assert not any(box.overlaps(other) for other in boxes[i + 1 :]), (n, ax)
        plt.close(fig)


def test_one_article_is_not_asked_for_another_group(seed_frames):
    fig = charts.group_dots(compare.mention_shares(seed_frames, "source"), seed_frames.articles)
    note = " ".join(t.get_text() for t in fig.axes[0].texts)
    assert note.startswith("One article is one group (Reuters)")
    assert "All 1 articles" not in note


def test_quote_table_names_its_article(seed_frames):
    table = charts.quote_table(
        seed_frames.quotes, seed_frames.fragments, seed_frames.actors, seed_frames.articles
    ).data
    row = seed_frames.articles.iloc[0]
    assert f"<caption>{len(seed_frames.quotes)} quotes of “{html.escape(row['title'])}”" in table
    assert html.escape(row["article_id"]) in table


def test_group_title_prefers_groups_of_several_articles_to_a_lone_article():
    table = pd.DataFrame(
        {
            "group": ["big", "other", "lone"],
            "actor": "Ann",
            "n": [30, 10, 5],
            "total": [100, 100, 17],
            "share": [0.30, 0.10, 0.29 + 0.5],
            "ci_low": [0.25, 0.05, float("nan")],
            "ci_high": [0.35, 0.15, float("nan")],
            "n_articles": [12, 12, 1],
        }
    )
    articles = pd.DataFrame({"article_id": list("abc"), "source": "W"})
    fig = charts.group_dots(table, articles)
    assert fig._suptitle.get_text() == (
        "Ann: share of actor mentions 30% (30 of 100) in big against 10% (10 of 100) in other "
        "(intervals apart)"
    )
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert "lone (1 article)" in legend and "big (12 articles)" in legend


def overlapping_texts(fig) -> list[tuple[str, str]]:
    """Pairs of visible texts of the figure (titles, axis and tick labels, annotations, legend
    entries) whose bounding boxes intersect."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    texts = [*fig.texts, *(t for legend in fig.legends for t in legend.get_texts())]
    for ax in fig.axes:
        texts += [ax.title, ax._left_title, ax.xaxis.label, ax.yaxis.label, *ax.texts]
        for axis, (low, high) in ((ax.xaxis, ax.get_xlim()), (ax.yaxis, ax.get_ylim())):
            low, high = sorted((low, high))
            texts += [  # tick labels drawn: those inside the view
                tick.label1 for tick in axis.get_major_ticks() if low <= tick.get_loc() <= high
            ]
    texts = [t for t in dict.fromkeys(texts) if t.get_visible() and t.get_text()]
    boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in texts]
    return [
        (a, b)
        for i, (a, box) in enumerate(boxes)
        for b, other in boxes[i + 1 :]
        if box.overlaps(other) and box.width and other.width
    ]


def test_comparison_charts_have_no_overlapping_labels(seed_frames):
    corpus = outlets(seed_frames)
    two = charts.verb_class_bars(compare.verb_classes(corpus, "outlet", top=2), corpus.articles)
    shares = compare.mention_shares(corpus, "outlet", top=2)
    shares.loc[shares["group"] == "first", ["share", "ci_low", "ci_high"]] = float("nan")
    none_counted = charts.group_dots(shares, corpus.articles)  # its notes sit on the first row
    for fig in [*comparison_charts(seed_frames), two, none_counted]:
        assert overlapping_texts(fig) == [], fig._suptitle.get_text()


def test_sentiment_along_labels_its_points_without_collisions(seed_frames):
    fig = charts.sentiment_along(seed_frames.sentences, seed_frames.articles)
    strongest = seed_frames.sentences["vader_compound"].abs().nlargest(3).index
    ids = sorted(seed_frames.sentences.loc[strongest, "sent_id"])
    assert sorted(int(t.get_text()) for t in fig.axes[0].texts) == ids
    caption = " ".join(footer(fig).split())  # the caption is wrapped
    assert all(f"sentence {i} (" in caption for i in ids)  # their text in the caption
    assert overlapping_texts(fig) == []


def test_byline_reads_a_table_s_publisher_and_publication_date():
    polnear = pd.Series(
        {"source": None, "publisher": "breitbart", "published_text": None,
         "publication_date": "2016-09-12", "published": pd.NaT}
    )  # fmt: skip
    assert charts.byline(polnear) == ["breitbart", "2016-09-12"]
    parsed_only = pd.Series({"source": "Reuters", "published": pd.Timestamp("2022-12-20")})
    assert charts.byline(parsed_only) == ["Reuters", "2022-12-20"]


def test_voice_vs_portrayal_draws_tone_toward_and_names_the_lowest(seed_frames):
    vp = seed_frames.voice_portrayal
    assert (vp["view"] == "toward").any(), "mentions carry tone, so voice_portrayal has 'toward'"
    fig = charts.voice_vs_portrayal(vp, seed_frames.articles)
    panels = [ax for ax in fig.axes if ax.has_data()]
    assert [ax.get_xlabel().split(" (")[0] for ax in panels] == [
        "TextBlob polarity",
        "VADER compound",
        "tone toward the actor",
    ]
    drawn = [t.get_text() for t in panels[0].get_yticklabels()]
    toward = vp[(vp["view"] == "toward") & vp["actor"].isin(drawn) & (vp["n"] >= 3)]
    lowest = toward.loc[toward["mean"].idxmin()]
    assert title(fig).startswith(f"Tone toward {lowest['actor']} is the lowest")
    assert f"{lowest['mean']:+.2f} over {lowest['n']} sentences" in title(fig)
