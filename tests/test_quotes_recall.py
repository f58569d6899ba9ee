"""Quotes: the attribution forms added for recall on held-out news, each on an invented sentence."""

from __future__ import annotations

import pandas as pd

from analysis import nlp, quotes


def _find(text: str) -> pd.DataFrame:
    return quotes.find_quotes(nlp.parse([text])[0], "t")[0]


def test_naming_verb_without_a_predicate_reports_its_object():
    found = _find("The inspector described the damage to the harbour wall in her report.")
    row = found.iloc[0]
    assert (row.cue, row.speaker_text) == ("described", "The inspector")
    assert row.content.startswith("the damage to the harbour wall")


def test_view_as_a_verb_names_what_is_held():
    found = _find("Most farmers view the new levy as a threat to their livelihood.")
    row = found.iloc[0]
    assert (row.cue, row.speaker_text, row.cue_class) == ("view", "Most farmers", "cognitive")
    assert row.content == "the new levy as a threat to their livelihood"


def test_act_imagined_under_a_belief_stays_in_the_belief():
    found = _find("Residents feared that the landlord could threaten to evict them before winter.")
    assert found.cue.tolist() == ["feared"]
    assert found.iloc[0].content == "the landlord could threaten to evict them before winter"


def test_headline_rubric_before_a_colon_is_no_speaker():
    text = (
        "Bread Before Bonds: Bakers Plan to Raise Prices Across the County\n\n"
        "Bakers in the county plan to raise prices next month."
    )
    assert "Bread Before Bonds" not in _find(text).speaker_text.dropna().tolist()
    named = _find("Lindqvist: The harbour plan will cost jobs across the county\n\nMore follows.")
    assert named.speaker_text.tolist() == ["Lindqvist"]


def test_ask_about_reports_the_topic():
    found = _find("Several council members asked about the cost of the new bridge.")
    row = found.iloc[0]
    assert (row.cue, row.speaker_text) == ("asked about", "Several council members")
    assert row.content == "the cost of the new bridge"


def test_who_was_asked_is_not_who_asked():
    for opening in ("Asked about the delay", "Urged to resign"):
        found = _find(f"{opening}, the mayor said the contractor was to blame.")
        assert found[["cue", "speaker_text"]].values.tolist() == [["said", "the mayor"]]
        assert found.iloc[0].content == "the contractor was to blame"


def test_agree_with_and_go_after_report_a_stance():
    found = _find("The union leader agreed with the minister that the new rota was fair.")
    row = found.iloc[0]
    assert (row.cue, row.cue_class) == ("agreed with", "stance")
    assert row.speaker_text == "The union leader"
    assert row.content.endswith("the minister that the new rota was fair")
    found = _find("In her speech the senator went after the governor as a coward who hid.")
    row = found.iloc[0]
    assert (row.cue, row.cue_class, row.speaker_text) == ("went after", "critical", "the senator")
    assert row.content == "the governor as a coward who hid"


def test_verb_of_seeming_reports_an_impression():
    row = _find("The new bridge seems to have cracked during the storm.").iloc[0]
    assert (row.cue, row.cue_class) == ("seems", "cognitive")
    assert pd.isna(row.speaker_text)
    assert row.content == "The new bridge seems to have cracked during the storm"
    row = _find("The figures seemed credible to the auditors.").iloc[0]
    assert (row.speaker_text, row.content) == ("the auditors", "The figures seemed credible")
    row = _find("It appears that the ferry will not sail tomorrow.").iloc[0]
    assert row.content == "the ferry will not sail tomorrow"


def test_seeming_leaves_the_report_to_the_verb_it_hedges():
    found = _find("The minister appeared to concede that the ferry was late.")
    assert found.cue.tolist() == ["to concede"]
    found = _find("Photos showed what appeared to be a flooded cellar.")
    assert found.cue.tolist() == ["showed"]


def test_it_is_clear_that_reports_the_clause_without_a_speaker():
    row = _find("It is clear that the talks have stalled.").iloc[0]
    assert (row.cue, row.cue_class, row.content) == (
        "is clear",
        "cognitive",
        "the talks have stalled",
    )
    assert pd.isna(row.speaker_text)
    found = _find("It is clear that the mayor wants a second term.")
    assert found.cue.tolist() == ["is clear", "wants"]
    assert _find("It seems clear that the talks have stalled.").content.tolist() == [
        "the talks have stalled"
    ]
    assert _find("The water was clear that morning.").empty


def test_verbs_of_attitude_report_their_object():
    row = _find("The fishermen despise the new quota rules.").iloc[0]
    assert (row.cue, row.cue_class, row.speaker_text) == ("despise", "stance", "The fishermen")
    assert row.content == "the new quota rules"
    row = _find("The council has largely ignored the petition from tenants.").iloc[0]
    assert (row.cue, row.content) == ("ignored", "the petition from tenants")


def test_acts_that_can_be_physical_report_nothing():
    """Issue 9: only verbs of saying, thinking and knowing report content; "embraced" and
    "resisted" are as often acts of the body as attitudes, so they are no cues."""
    assert _find("The mayor embraced the rescued fisherman on the quay.").empty
    assert _find("The suspect resisted the officers for several minutes.").empty


def test_a_to_phrase_names_only_after_a_verb_of_comparison():
    text = "The flood came during the dry season, which saw a sharp rise in migration to the coast."
    assert _find(text).empty  # the parse hangs "to the coast" on "saw"
    row = _find("The union leader likened the pay offer to an insult.").iloc[0]
    assert (row.cue, row.content) == ("likened", "the pay offer to an insult")


def test_a_time_phrase_does_not_break_a_phrasal_cue():
    row = _find("The senator spoke out on Tuesday about the closure of the mine.").iloc[0]
    assert (row.cue_lemma, row.speaker_text) == ("speak about", "The senator")
    assert row.content == "the closure of the mine"
    assert _find("The farmer called the vet for help with the calf.").empty


def test_verbs_of_chanting_and_yelling_report_speech():
    row = _find("Outside the town hall the crowd chanted slogans against the sale.").iloc[0]
    assert (row.cue, row.cue_class, row.speaker_text) == ("chanted", "descriptive", "the crowd")
    assert row.content == "slogans against the sale"
    row = _find("The lifeguard yelled that the tide was turning.").iloc[0]
    assert (row.cue, row.content) == ("yelled", "the tide was turning")


def test_more_verbs_of_saying_and_judging():
    row = _find("The regulator grilled the bank chief over the losses.").iloc[0]
    assert (row.cue, row.cue_class, row.speaker_text) == (
        "grilled",
        "interrogative",
        "The regulator",
    )
    assert row.content == "the bank chief over the losses"
    row = _find("The committee debated the merits of the new tax.").iloc[0]
    assert (row.cue, row.content) == ("debated", "the merits of the new tax")


def test_verb_read_as_a_plural_noun_keeps_its_clause():
    row = _find("Ahmed charges that landlords who profit from the shortage raised rents.").iloc[0]
    assert (row.cue, row.speaker_text) == ("charges", "Ahmed")
    assert row.content == "landlords who profit from the shortage raised rents"
    row = _find("Lindqvist Pledges To Rebuild The Harbour.").iloc[0]
    assert (row.cue, row.speaker_text, row.content) == (
        "Pledges",
        "Lindqvist",
        "To Rebuild The Harbour",
    )


def test_headline_label_naming_a_person_attributes_what_follows():
    text = (
        "A warning from Maria Lindqvist: 'The harbour will not reopen before spring.'\n\n"
        "The harbour master spoke to reporters on Monday."
    )
    row = _find(text).iloc[0]
    assert (row.speaker_text, row.cue) == ("Maria Lindqvist", ":")
    assert "The harbour will not reopen before spring." in row.content
    text = "A Plan to Save the Harbour: Dredge Early, Build Later, Pay Less.\n\nThe council met."
    assert _find(text).empty


def test_see_paint_and_cast_as_name_what_is_held():
    row = _find("Many residents see the new ferry as a lifeline for the island.").iloc[0]
    assert (row.cue, row.cue_class, row.speaker_text) == ("see", "cognitive", "Many residents")
    assert row.content == "the new ferry as a lifeline for the island"
    row = _find("The campaign painted its rival as a tax cheat.").iloc[0]
    assert (row.cue, row.content) == ("painted", "its rival as a tax cheat")
    assert _find("The guards saw the boat near the pier.").empty


def test_phrasal_verbs_of_attitude():
    row = _find("The minister apologized for the delays at the border.").iloc[0]
    assert (row.cue_lemma, row.cue_class) == ("apologize for", "concessive")
    assert row.content == "the delays at the border"
    row = _find("Residents balked at the new parking fees.").iloc[0]
    assert (row.cue_lemma, row.speaker_text, row.content) == (
        "balk at",
        "Residents",
        "the new parking fees",
    )


def test_according_to_read_as_the_root_reports_the_rest_of_the_sentence():
    text = "According to retired judge Ann Moss, the ruling smacks of politics."
    row = _find(text).iloc[0]
    assert (row.cue, row.speaker_text) == ("According to", "retired judge Ann Moss")
    assert row.content == "the ruling smacks of politics"


def test_believe_in_reports_its_object_not_the_other_side():
    row = _find("Like her mother, Ana believes in the power of local schools.").iloc[0]
    assert (row.cue_lemma, row.speaker_text) == ("believe in", "Ana")
    assert row.content == "the power of local schools"


def test_the_addressee_may_stand_inside_a_phrasal_cue():
    row = _find("The reporter asked the minister about the missing funds.").iloc[0]
    assert (row.cue_lemma, row.speaker_text) == ("ask about", "The reporter")
    assert row.content == "the missing funds"
    assert _find("The farmer called the vet for help with the calf.").empty


def test_phrasal_cues_of_telling_and_asking():
    row = _find("The coach told us about the new schedule.").iloc[0]
    assert (row.cue_lemma, row.content) == ("tell about", "the new schedule")
    row = _find("The farmers asked the council for more water.").iloc[0]
    assert (row.cue_lemma, row.speaker_text, row.content) == (
        "ask for",
        "The farmers",
        "more water",
    )


def test_verbs_of_praising_urging_and_setting_out():
    row = _find("The mayor lauded the volunteers for their quick work.").iloc[0]
    assert (row.cue, row.cue_class, row.content) == (
        "lauded",
        "stance",
        "the volunteers for their quick work",
    )
    row = _find("The union leader laid out her demands at the rally.").iloc[0]
    assert (row.cue_lemma, row.speaker_text) == ("lay out", "The union leader")
    assert row.content.startswith("her demands")


def test_pressing_someone_on_a_topic():
    row = _find("The senator pressed the banker on his bonus.").iloc[0]
    assert (row.cue_lemma, row.cue_class, row.speaker_text) == (
        "press on",
        "interrogative",
        "The senator",
    )
    assert row.content == "his bonus"


def test_adjectives_of_attitude_report_the_holders_position():
    row = _find("Many farmers are afraid that the new dam will flood their fields.").iloc[0]
    assert (row.cue, row.cue_class, row.speaker_text) == ("afraid", "cognitive", "Many farmers")
    assert row.content == "the new dam will flood their fields"
    row = _find("The senator has been critical of the new toll.").iloc[0]
    assert (row.cue_class, row.content) == ("stance", "the new toll")
    assert _find("The mayor was glad that the rain had stopped.").empty
    assert _find("The nurses are worried about the new rota.").empty


def test_a_fronted_data_source_reports_its_clause():
    row = _find("In the latest county poll, the mayor leads her rival by six points.").iloc[0]
    assert (row.cue, row.cue_lemma, row.speaker_text) == (
        "In the latest county poll",
        "in",
        "the latest county poll",
    )
    assert row.content == "the mayor leads her rival by six points"
    assert _find("In the morning, the mayor walked to the harbour with her dog.").empty


def test_a_passive_agent_may_stand_inside_a_phrasal_cue():
    row = _find("The minister was pressed by reporters about the missing funds.").iloc[0]
    assert (row.cue_lemma, row.speaker_text, row.content) == (
        "press about",
        "reporters",
        "the missing funds",
    )


def test_a_cue_in_the_infinitive_of_another_cue_is_part_of_its_report():
    found = _find("The council refused to pledge to reopen the library.")
    assert found.cue.tolist() == ["refused"]
    assert found.iloc[0].content == "to pledge to reopen the library"


def test_a_that_clause_parsed_as_a_relative_on_the_addressee():
    row = _find("The coach told a meeting of parents that the pitch would close in May.").iloc[0]
    assert (row.cue, row.speaker_text) == ("told", "The coach")
    assert row.content == "the pitch would close in May"


def test_phrasal_verbs_of_wondering_and_knowing():
    row = _find("Many voters wondered about the cost of the new stadium.").iloc[0]
    assert (row.cue_lemma, row.cue_class, row.content) == (
        "wonder about",
        "interrogative",
        "the cost of the new stadium",
    )
    row = _find("The old sailor knew all about the risks of the crossing.").iloc[0]
    assert (row.cue_lemma, row.content) == ("know about", "the risks of the crossing")


def test_an_attack_reports_only_with_its_reason():
    row = _find("The senator attacked the mayor for her handling of the floods.").iloc[0]
    assert (row.cue, row.cue_class, row.speaker_text) == ("attacked", "critical", "The senator")
    assert row.content == "the mayor for her handling of the floods"
    assert _find("Two men attacked a guard outside the bank on Friday.").empty


def test_a_name_parsed_as_a_second_object():
    row = _find('Norway branded the new tariff a "betrayal of old friends."').iloc[0]
    assert (row.cue, row.speaker_text) == ("branded", "Norway")
    assert row.content.startswith('the new tariff a "betrayal of old friends')


def test_a_quotation_nested_at_the_end_still_closes_a_sentence():
    text = (
        "“The tenants keep telling us ‘fix the roof first,’” Okafor said. “We will start in March.”"
    )
    found = _find(text)
    assert found[["kind", "speaker_text"]].values.tolist() == [["direct", "Okafor"]]
    assert found.iloc[0].content.endswith("We will start in March.")


def test_a_content_goes_on_across_a_sentence_split_before_a_name():
    text = (
        "At the hearing on Monday, Okafor cited mocking remarks Ruiz had made about the nurses "
        "as examples of the senator’s disrespect for workers."
    )
    doc = nlp.parse([text])[0]
    assert len(list(doc.sents)) == 2  # the parser's split this test is about
    row = quotes.find_quotes(doc, "t")[0].iloc[0]
    assert (row.cue, row.speaker_text) == ("cited", "Okafor")
    assert row.content.endswith("the senator’s disrespect for workers")


def test_a_question_clause_coordinated_with_the_object_continues_it():
    row = _find(
        "The historian spoke of the harm done to the river, and how the town had tried to "
        "clean it up over the decades."
    ).iloc[0]
    assert (row.cue, row.speaker_text) == ("spoke of", "The historian")
    assert row.content.endswith("how the town had tried to clean it up over the decades")
    found = _find("The curator wrote about the history of the mill, and why the workers left.")
    assert found.iloc[0].content == "the history of the mill, and why the workers left"


def test_a_quote_going_on_after_a_mixed_quote_is_part_of_it():
    text = (
        "The new rota is “simply unworkable,” says Okafor, a nurse at the clinic. "
        "“Nobody on the ward was asked about it.”"
    )
    found = _find(text)
    assert found[["kind", "cue", "speaker_text"]].values.tolist() == [["mixed", "says", "Okafor"]]
    assert found.iloc[0].content.startswith("The new rota is")
    assert found.iloc[0].content.endswith("Nobody on the ward was asked about it.")


def test_a_quote_after_a_quotation_in_doubled_apostrophes_goes_on_with_its_cue():
    text = (
        "The new rota is ''simply unworkable'' for the ward, Okafor said. "
        "''Nobody on the ward was asked about it.''"
    )
    found = _find(text)
    assert found[["kind", "cue", "speaker_text"]].values.tolist() == [["mixed", "said", "Okafor"]]
    assert found.iloc[0].content.endswith("Nobody on the ward was asked about it.")


def test_decide_against_reports_what_was_decided():
    row = _find("The council decided against raising the rents this winter.").iloc[0]
    assert (row.cue, row.cue_class, row.speaker_text) == (
        "decided against",
        "intention",
        "The council",
    )
    assert row.content == "raising the rents this winter"


def test_a_cue_in_the_gerund_after_another_cues_preposition_is_part_of_its_report():
    found = _find("The ministry decided against recommending a ban on the pesticide.")
    assert found.cue.tolist() == ["decided against"]
    assert found.iloc[0].content == "recommending a ban on the pesticide"
    found = _find("Local polls show a close race, with one survey showing the mayor ahead.")
    assert found.cue.tolist() == ["show", "showing"]
