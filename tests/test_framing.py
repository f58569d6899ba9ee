"""Tests for analysis/framing/ and its summaries (analysis/summaries.py) on the bundled Reuters
article and its gold annotations.

Inputs are built once, the way the pipeline builds them: ``nlp.parse`` → ``actors.find_mentions``
→ ``quotes.find_quotes``, and every analysis reads those frames.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis import actors, framing, nlp, quotes, sentiment, summaries

FIXTURES = Path(__file__).parent / "fixtures"
TEXT = (FIXTURES / "seed-article.txt").read_text(encoding="utf-8")
GOLD = json.loads((FIXTURES / "seed-article.gold.json").read_text(encoding="utf-8"))
ARTICLE = "seed"


@pytest.fixture(scope="module")
def doc():
    return nlp.parse([TEXT])[0]


def _layers(doc, article_id: str = ARTICLE) -> dict:
    """The actors and quotes frames the framing functions read, as the pipeline builds them."""
    mentions = actors.find_mentions(doc, article_id)
    found, _ = quotes.find_quotes(doc, article_id, mentions=mentions)
    return {"mentions": mentions, "quotes": found}


@pytest.fixture(scope="module")
def layers(doc) -> dict:
    return _layers(doc)


@pytest.fixture(scope="module")
def stances(doc, layers):
    return framing.find_stances(doc, ARTICLE, **layers)


@pytest.fixture(scope="module")
def agency_frame(doc, layers):
    return framing.agency(doc, ARTICLE, mentions=layers["mentions"])


@pytest.fixture(scope="module")
def marks(doc, layers):
    return framing.labels_and_hedges(doc, ARTICLE, **layers)


def _assert_offsets(frame: pd.DataFrame, pairs: list[tuple[str, str, str]]) -> None:
    for text_col, start_col, end_col in pairs:
        for row in frame.itertuples():
            start, end = int(getattr(row, start_col)), int(getattr(row, end_col))
            assert TEXT[start:end] == getattr(row, text_col), (text_col, start, end)


# --- stances and contrasts ----------------------------------------------------------------------


@pytest.mark.parametrize("gold", GOLD["official_line"], ids=lambda g: g["marker"])
def test_gold_official_lines_are_found_with_their_spans_holder_and_marker(stances, gold):
    lines = stances[0][stances[0]["stance"] == "official_line"]
    match = lines[(lines["start"] == gold["start"]) & (lines["end"] == gold["end"])]
    assert len(match) == 1, lines[["statement", "start", "end"]]
    row = match.iloc[0]
    assert row["statement"] == gold["content"]
    assert row["actor"] == gold["holder"]
    assert row["side"] == gold["holder"]
    assert row["marker"] == gold["marker"].removesuffix(" that")


@pytest.mark.parametrize("gold", GOLD["contrasts"], ids=lambda g: g["marker"])
def test_gold_contrasts_pair_the_admission_with_the_official_line(stances, gold):
    contrasts = stances[1]
    match = contrasts[contrasts["admission"] == gold["admission"]]
    assert len(match) == 1, contrasts[["admission", "against", "marker"]]
    row = match.iloc[0]
    assert row["against"] == gold["against"]
    assert row["actor"] == gold["speaker"]
    assert row["marker"] == gold["marker"]
    assert row["holder"] == "Russia"


def test_contrasts_are_exactly_the_gold_pairs(stances):
    found = set(zip(stances[1]["admission"], stances[1]["against"], strict=True))
    assert found == {(gold["admission"], gold["against"]) for gold in GOLD["contrasts"]}


def test_contrast_polarities_set_difficult_against_smoothly(stances):
    contrasts = stances[1]
    assert list(contrasts["against_polarity"]) == pytest.approx([0.4, 0.4])
    marked = contrasts[contrasts["marker"] == "In a break with the official line"].iloc[0]
    assert marked["admission_polarity"] == pytest.approx(-0.5)
    assert marked["against_polarity"] > marked["admission_polarity"]


def test_kremlin_denial_as_groundless_and_stupid(stances):
    denials = stances[0][(stances[0]["stance"] == "denial") & (stances[0]["actor"] == "Kremlin")]
    gold = next(q for q in GOLD["quotes"] if q["id"] == "q22")
    row = denials[denials["start"] == gold["start"]].iloc[0]
    assert row["end"] == gold["end"]
    assert "“groundless”" in row["statement"] and "“stupid”" in row["statement"]
    passive = denials[denials["marker"] == "dismissed by the Kremlin"]
    assert passive.iloc[0]["statement"].startswith("fears, dismissed by the Kremlin, that")


def test_standing_position_and_joint_denial(stances):
    frame = stances[0]
    position = frame[frame["marker"] == "Lukashenko has said repeatedly"].iloc[0]
    assert position["stance"] == "position"
    assert position["actor"].endswith("Lukashenko")
    gold = next(q for q in GOLD["quotes"] if q["id"] == "q20")
    assert (position["start"], position["end"]) == (gold["start"], gold["end"])
    joint = frame[frame["statement"] == "the idea of Russia annexing or absorbing Belarus"]
    assert set(joint["stance"]) == {"denial"}
    assert "Vladimir Putin" in set(joint["actor"]) and len(joint) == 2


def test_stance_offsets_are_exact(stances):
    _assert_offsets(
        stances[0], [("statement", "start", "end"), ("marker", "marker_start", "marker_end")]
    )
    _assert_offsets(
        stances[1],
        [
            ("admission", "admission_start", "admission_end"),
            ("against", "against_start", "against_end"),
            ("marker", "marker_start", "marker_end"),
        ],
    )


def test_stances_generalise_to_other_wording():
    text = (
        "Moscow maintains that the offensive is on schedule. Contrary to the official line that "
        "the offensive is on schedule, Russian general Ivan Petrov admitted that the advance had "
        "stalled."
    )
    doc = nlp.parse([text])[0]
    stances, contrasts = framing.find_stances(doc, "other", **_layers(doc, "other"))
    # "Moscow" is a metonym for the Russian government: its standing position is the official line
    moscow = stances[stances["actor"] == "Moscow"]
    assert list(moscow["stance"]) == ["official_line"]
    assert list(moscow["side"]) == ["Russia"]
    row = contrasts.iloc[0]
    assert (row["actor"], row["side"], row["holder"]) == ("Ivan Petrov", "Russia", "Russia")
    assert (row["admission"], row["against"]) == (
        "the advance had stalled",
        "the offensive is on schedule",
    )
    assert row["marker"] == "Contrary to the official line"


# --- agency -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("actor", "verb", "text"),
    [
        ("Russia", "hit", "Russian drones"),
        ("Russia", "hammered", "Russian artillery"),
        ("Russia", "tried", "Russia"),
        ("Russia", "failed", "Russia"),
        ("Russia", "capture", "Russia"),
        ("Russia", "fired", "Russia"),
        ("Kremlin", "dismissed", "Kremlin"),
        ("Ukraine", "retaken", "Ukraine"),
        ("Reuters", "verify", "Reuters"),
        ("Russia", "held", "Russian"),
        ("Russia", "installed", "Russian"),
    ],
)
def test_agents(agency_frame, actor, verb, text):
    rows = agency_frame[(agency_frame["verb"] == verb) & (agency_frame["role"] == "agent")]
    assert actor in set(rows["actor"]), rows
    assert text in set(rows[rows["actor"] == actor]["text"])


def _agents_of(agency_frame: pd.DataFrame, verb: str, sent_id: int) -> set[str]:
    rows = agency_frame[
        (agency_frame["role"] == "agent")
        & (agency_frame["verb"] == verb)
        & (agency_frame["sent_id"] == sent_id)
    ]
    return set(rows["actor"])


def test_putin_orders_and_the_kremlin_dismisses_twice(agency_frame):
    agents = agency_frame[agency_frame["role"] == "agent"]
    ordered = agents[agents["verb"] == "ordered"]
    assert sorted(zip(ordered["sent_id"], ordered["actor"], strict=True)) == [
        (9, "Vladimir Putin"),
        (13, "Vladimir Putin"),
    ]
    dismissed = agents[(agents["verb_lemma"] == "dismiss") & (agents["actor"] == "Kremlin")]
    assert sorted(dismissed["sent_id"]) == [2, 30]


def test_a_verb_after_a_complete_relative_clause_continues_the_reporting_verb(agency_frame):
    # "Putin acknowledged the situation was “difficult” in the regions of Ukraine that Moscow
    # unilaterally claimed to annex in September and ordered the FSB ...": the parse joins
    # "ordered" to "claimed"; Moscow claims, Putin orders.
    assert TEXT.index("and ordered the FSB") > TEXT.index("Moscow unilaterally claimed")
    assert _agents_of(agency_frame, "claimed", 13) == {"Moscow"}
    assert _agents_of(agency_frame, "ordered", 13) == {"Vladimir Putin"}
    # a verb joined straight to the relative verb shares its subject: Russia tried and failed
    assert _agents_of(agency_frame, "failed", 0) == {"Russia"}


@pytest.mark.parametrize(
    ("text", "actor", "verb", "other"),
    [
        (
            "Zelenskiy admitted the fighting was fierce in the towns that Russia seized in March "
            "and thanked the soldiers.",
            "Volodymyr Zelenskiy",
            "thanked",
            "seized",
        ),
        (
            "Biden conceded the talks had stalled over the grain deal that Russia abandoned in "
            "July and promised new aid.",
            "Joe Biden",
            "promised",
            "abandoned",
        ),
    ],
)
def test_conjunct_after_a_relative_clause_in_other_wording(text, actor, verb, other):
    doc = nlp.parse([text])[0]
    frame = framing.agency(doc, "other", mentions=actors.find_mentions(doc, "other"))
    assert _agents_of(frame, verb, 0) == {actor}
    assert _agents_of(frame, other, 0) == {"Russia"}


def test_the_agents_of_quoted_words_are_not_their_speaker(agency_frame):
    # Price quoted: “coming from a leader who is seeking ..., to violently absorb his other
    # peaceful next-door neighbour”; Zelenskiy quoted: “... strength shown in repelling the
    # enemy attacks”.
    assert _agents_of(agency_frame, "absorb", 33) == set()
    assert _agents_of(agency_frame, "said", 33) == set()  # saying is voice, not agency
    assert _agents_of(agency_frame, "repelling", 7) == set()
    # a subject inside the quotation still counts: “Russia has no interest in absorbing anyone”
    assert _agents_of(agency_frame, "absorbing", 32) == {"Russia"}


def test_verbs_of_possession_are_not_agency(agency_frame):
    # "Russia has no interest in ...", "he has no intention of sending ..."
    assert not (agency_frame["verb_lemma"] == "have").any()
    assert _agents_of(agency_frame, "sending", 28) == {"Alexander Lukashenko"}


def test_passive_participle_makes_its_noun_the_patient(agency_frame):
    patients = agency_frame[agency_frame["role"] == "patient"]
    assert ("FSB", "ordered") in set(zip(patients["actor"], patients["verb"], strict=True))
    assert "Belarus" in set(patients[patients["verb"] == "absorbing"]["actor"])


def test_a_mention_stands_for_its_head_only(agency_frame):
    # "Alexei Kulemzin, the Russian-installed mayor of ...": the mayor is installed, not installing
    installed = agency_frame[agency_frame["verb"] == "installed"]
    assert set(zip(installed["role"], installed["actor"], strict=True)) == {
        ("agent", "Russia"),
        ("patient", "Alexei Kulemzin"),
    }


def test_agency_offsets_are_exact(agency_frame):
    _assert_offsets(agency_frame, [("text", "start", "end"), ("verb", "verb_start", "verb_end")])


def test_agency_summary_counts_every_row(agency_frame):
    summary = summaries.agency_summary(agency_frame)
    assert summary["n"].sum() == len(agency_frame)
    counts = agency_frame.groupby(["actor", "role"]).size()
    for row in summary.itertuples():
        assert row.n == counts.get((row.actor, row.role), 0)
    russia = summary[summary["actor"] == "Russia"].set_index("role")["n"]
    assert set(russia.index) == {"agent", "patient"}
    assert russia["agent"] > russia["patient"]


# --- labels, scare quotes, hedges ---------------------------------------------------------------


def _only(marks: pd.DataFrame, kind: str, text: str) -> pd.Series:
    rows = marks[(marks["kind"] == kind) & (marks["text"] == text)]
    assert len(rows) == 1, marks[["kind", "text"]]
    return rows.iloc[0]


def test_competing_labels_are_credited_to_the_sides_that_use_them(marks):
    russian = _only(marks, "label", "special military operation")
    assert (russian["actor"], russian["side"], russian["entry_side"]) == ("Russia",) * 3
    western = _only(marks, "label", "unprovoked war of aggression")
    assert western["actor"] == "Ukraine | West"
    assert western["side"] == "Ukraine | West"
    assert western["category"] == russian["category"]


def test_a_label_inside_a_long_quotation_is_the_speakers(marks):
    # “The situation in the Donetsk and Luhansk People’s Republics, in the Kherson and ...,” he said
    republics = _only(marks, "label", "People’s Republics")
    assert (republics["actor"], republics["side"]) == ("Vladimir Putin", "Russia")


def test_narrators_wording_and_names_are_not_credited(marks):
    labels = marks[marks["kind"] == "label"]
    assert labels[labels["text"] == "invasion"]["actor"].isna().all()
    inside_name = TEXT.index("World War Two")
    assert not ((labels["start"] >= inside_name) & (labels["start"] < inside_name + 13)).any()


def test_verification_and_appearance_hedges(marks):
    verify = _only(marks, "hedge", "could not independently verify")
    assert (verify["actor"], verify["category"]) == ("Reuters", "verification")
    appears = _only(marks, "hedge", "what appeared to be")
    assert appears["category"] == "appearance"
    assert pd.isna(appears["actor"])


def test_kamikaze_is_a_scare_quote_and_quoted_predicates_are_not(marks):
    scare = marks[marks["kind"] == "scare_quote"]
    assert list(scare["text"]) == ["kamikaze"]
    assert scare.iloc[0]["side"] == "Ukraine"


def test_mark_offsets_are_exact(marks):
    _assert_offsets(marks, [("text", "start", "end")])


# --- voice and portrayal ------------------------------------------------------------------------


def _gold_quotes(doc) -> pd.DataFrame:
    rows = []
    for quote in GOLD["quotes"]:
        polarity, subjectivity = sentiment.textblob_scores(quote["content"])
        rows.append(
            {
                "article_id": ARTICLE,
                "speaker": quote["speaker"],
                "sent_start": nlp.sent_id_of(doc, quote["start"]),
                "sent_end": nlp.sent_id_of(doc, quote["end"] - 1),
                "speaker_start": pd.NA,
                "polarity": polarity,
                "vader_compound": sentiment.vader_compound(quote["content"]),
            }
        )
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def voice(doc, layers):
    sentences, _ = sentiment.score_sentences(doc, ARTICLE)
    mentions = layers["mentions"]
    return summaries.voice_and_portrayal(sentences, _gold_quotes(doc), mentions, n_boot=500, seed=7)


def test_voice_counts_each_speakers_quotes_with_both_analysers(voice):
    putin = voice[(voice["actor"] == "Vladimir Putin") & (voice["view"] == "voice")]
    expected = sum(q["speaker"] == "Vladimir Putin" for q in GOLD["quotes"])
    assert set(putin["analyser"]) == {"textblob", "vader"}
    assert (putin["n"] == expected).all()


def test_intervals_contain_their_point_estimate(voice):
    assert (voice["ci_low"] <= voice["mean"] + 1e-12).all()
    assert (voice["mean"] <= voice["ci_high"] + 1e-12).all()
    single = voice[voice["n"] == 1]
    assert (single["ci_low"] == single["mean"]).all() and (
        single["ci_high"] == single["mean"]
    ).all()


def test_bootstrap_is_reproducible_and_seeded(doc, layers, voice):
    sentences, _ = sentiment.score_sentences(doc, ARTICLE)
    mentions = layers["mentions"]
    gold_quotes = _gold_quotes(doc)
    again = summaries.voice_and_portrayal(sentences, gold_quotes, mentions, n_boot=500, seed=7)
    pd.testing.assert_frame_equal(voice, again)
    reordered = summaries.voice_and_portrayal(
        sentences, gold_quotes.iloc[::-1], mentions.iloc[::-1], n_boot=500, seed=7
    )
    pd.testing.assert_frame_equal(voice, reordered)
    other = summaries.voice_and_portrayal(sentences, gold_quotes, mentions, n_boot=500, seed=8)
    several = voice["n"] > 2
    assert not voice[several]["ci_low"].equals(other[several]["ci_low"])


def test_portrayal_leaves_out_sentences_where_the_actor_speaks():
    sentences = pd.DataFrame(
        {
            "article_id": ["a"] * 3,
            "sent_id": [0, 1, 2],
            "start": [0, 10, 20],
            "end": [9, 19, 29],
            "polarity": [0.5, -0.25, 0.75],
            "vader_compound": [0.1, -0.2, 0.3],
        }
    ).astype({"article_id": "string", "sent_id": "Int64"})
    quotes = pd.DataFrame(
        {
            "article_id": ["a"],
            "speaker": ["Ann"],
            "sent_start": [0],
            "sent_end": [0],
            "speaker_start": [12],  # the attribution sits in sentence 1
            "polarity": [0.5],
            "vader_compound": [0.1],
        }
    )
    mentions = pd.DataFrame(
        {
            "article_id": ["a"] * 4,
            "sent_id": [0, 1, 2, 2],
            "actor": ["Ann", "Ann", "Ann", "Bob"],
            "side": ["X", "X", "X", pd.NA],
        }
    ).astype({"article_id": "string", "sent_id": "Int64"})
    frame = summaries.voice_and_portrayal(sentences, quotes, mentions, n_boot=50).set_index(
        ["actor", "view", "analyser"]
    )
    assert frame.loc[("Ann", "portrayal", "textblob"), "n"] == 1
    assert frame.loc[("Ann", "portrayal", "textblob"), "mean"] == pytest.approx(0.75)
    assert frame.loc[("Ann", "voice", "vader"), "mean"] == pytest.approx(0.1)
    assert frame.loc[("Bob", "portrayal", "vader"), "mean"] == pytest.approx(0.3)
    assert frame.loc[("Ann", "voice", "textblob"), "side"] == "X"
    assert ("Bob", "voice", "textblob") not in frame.index


def _stances_of(text: str) -> pd.DataFrame:
    doc = nlp.parse([text])[0]
    return framing.find_stances(doc, "t", **_layers(doc, "t"))[0]


def _agency_of(text: str) -> pd.DataFrame:
    doc = nlp.parse([text])[0]
    return framing.agency(doc, "t", mentions=actors.find_mentions(doc, "t"))


def test_negation_and_modality_cancel_a_stance():
    assert _stances_of("Moscow conceded that the offensive had failed.").stance.tolist() == [
        "admission"
    ]
    assert _stances_of("Moscow has not yet conceded that the offensive had failed.").empty
    assert _stances_of("The minister would not deny that the talks took place.").empty
    assert _stances_of("The Kremlin never admitted that its troops were there.").empty


def test_a_stance_on_a_relative_pronoun_is_a_stance_on_the_noun_it_stands_for():
    """ "claims, which it rejected": the denial is of the claims, not of "which"; with "as ..."
    (a naming verb), the relative clause itself says what the thing is called."""
    denied = _stances_of("The ministry faced claims of torture, which it rejected on Monday.")
    assert denied[["stance", "statement"]].values.tolist() == [["denial", "claims of torture"]]
    named = _stances_of("The army shelled the bridge, which the mayor described as a lifeline.")
    assert named.statement.tolist() == ["which the mayor described as a lifeline"]


def test_verbs_of_saying_are_voice_not_agency():
    frame = _agency_of(
        "Vladimir Putin said the talks had failed. He told reporters the army was ready and "
        "mentioned the grain deal. Putin ordered the troops to withdraw."
    )
    assert not frame.verb_lemma.isin(["say", "tell", "mention"]).any()
    assert _agents_of(frame, "ordered", 2) == {"Vladimir Putin"}


def test_only_an_object_before_a_complement_clause_does_its_act():
    """ "he's sought to protect breaks …": the parser hangs "breaks" on "sought", after the
    clause; the object that controls a clause stands before it ("ordered the FSB to step up",
    analysis.syntax.controlling_objects, shared with the quotes layer's speakers)."""
    frame = _agency_of(
        "Donald Trump has railed against tax breaks, but he’s sought to protect breaks "
        "important to real estate, the bedrock of his fortune."
    )
    assert _agents_of(frame, "protect", 0) == {"Donald Trump"}


def test_a_light_verb_object_is_not_a_patient():
    frame = _agency_of("Vladimir Putin made his first visit to the occupied region on Friday.")
    assert _agents_of(frame, "made", 0) == {"Vladimir Putin"}
    assert frame.loc[frame.role == "patient"].empty


def test_tone_toward_an_actor_is_one_score_per_sentence_and_actor(seed_frames):
    mentions = seed_frames.mentions.copy()
    putin = mentions["actor"] == "Vladimir Putin"
    # invented scores: each sentence's Putin mentions share one (as tone.score_mentions gives)
    mentions["tone"] = np.where(putin, np.where(mentions["sent_id"] % 2 == 0, -0.5, 0.25), np.nan)
    found = summaries.voice_and_portrayal(seed_frames.sentences, seed_frames.quotes, mentions)
    toward = found[found["view"] == "toward"]
    assert toward["actor"].tolist() == ["Vladimir Putin"] and toward["analyser"].tolist() == [
        "tone"
    ]
    sentences = mentions[putin].drop_duplicates(["sent_id"])
    assert toward["n"].iloc[0] == len(sentences)
    assert toward["mean"].iloc[0] == pytest.approx(sentences["tone"].mean())
    assert toward["ci_low"].iloc[0] <= toward["mean"].iloc[0] <= toward["ci_high"].iloc[0]
    without = summaries.voice_and_portrayal(
        seed_frames.sentences,
        seed_frames.quotes,
        seed_frames.mentions.drop(columns="tone", errors="ignore"),
    )
    assert "toward" not in set(without["view"])
