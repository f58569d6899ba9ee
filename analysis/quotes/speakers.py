"""Who said it: the speaker of a cue, its noun phrase, and the actor it stands for.

The speaker is the cue's subject, a passive's agent, the subject it shares through control or
coordination, a possessor (``his claim``), who made a statement (``issued a statement saying``),
or the object of ``according to``. Its noun phrase keeps the name an appositive gives and drops
descriptions. With a ``mentions`` frame, the speaker is canonicalised through the actors layer
(:func:`analysis.actors.actor_at`); a pronoun nothing resolves is no actor.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from analysis import nlp
from analysis.lexicons import words
from analysis.marks import Quotation
from analysis.quotes.channels import channel_of
from analysis.quotes.cues import (
    NOT_SPEECH,
    SUBJECTS,
    Cue,
    comma_participle,
    compound_subject,
    experiencer,
    inverted_cue,
    is_noun,
    quoted_as_saying,
    source_of,
)
from analysis.quotes.record import Quote
from analysis.syntax import controlling_objects, relative_antecedent, to_infinitive

#: Where the parser may hang the name that is really a finite verb's subject.
_STRANDED = {"pobj", "dobj", "compound", "appos", "conj", "dep"}
#: Verbs whose object noun carries the act: "made a decision to", "issued a statement that".
_LIGHT_VERBS = ("speech_light_verbs.csv", "lemma")
_INHERITS_SUBJECT = {"xcomp", "advcl", "pcomp", "prep", "pobj", "acomp", "conj"}


def subject_of(verb: Token, cues: dict[int, Cue]) -> Token | None:
    """The token standing for who speaks: subject, passive agent, or a shared subject."""
    if is_noun(verb):
        return _noun_speaker(verb)
    if verb.i in cues and "raising" in cues[verb.i].complements:
        return experiencer(verb)
    if quoted_as_saying(verb) is not None:
        return next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    if inverted_cue(verb):
        return verb.head
    if verb.pos_ == "NOUN" and not any(c.dep_ in SUBJECTS for c in verb.children):
        return compound_subject(verb)
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if agent is not None and agent.n_rights:
        return next(agent.rights)
    own = _own_subject(verb)
    if own is not None:
        return own
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        # "postings saying …"; "Putin's statement saying", "issued a statement saying": its author
        return _author(verb.head) or _setting_holder(verb.head, cues) or verb.head
    reporter = _reporter_of_participle(verb, cues)
    if reporter is not None:
        return reporter
    if verb.dep_ == "conj":
        outer = [a for a in verb.ancestors if a.i in cues and _own_subject(a) is not None]
        if outer:
            return _own_subject(outer[-1])
    if _bare_passive_participle(verb):
        return None
    head = verb
    while (head.dep_ in _INHERITS_SUBJECT or _gerund_holder(head)) and head.head is not head:
        controller = _object_controller(head)
        if controller is not None:
            return controller
        head = head.head
        if _quoted(head) and not _quoted(verb):
            return _stranded_subject(verb) or _earlier_speaker(verb, cues)
        subject = _own_subject(head)
        if subject is not None:
            return subject
    return _stranded_subject(verb)


def _bare_passive_participle(verb: Token) -> bool:
    """ "Asked about the comment, the spokesman said …": the subject of the clause a bare passive
    participle hangs on is who was asked, not who asked; the asker is unknown."""
    return (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBN"
        and not any(child.dep_ in {"aux", "auxpass", "mark"} for child in verb.children)
    )


def _reporter_of_participle(verb: Token, cues: dict[int, Cue]) -> Token | None:
    """ "Analysts said the factors had helped, citing …": a participle of saying set off by a
    comma inside what a speech verb reports is that verb's speaker's (the outermost one's), not
    the subject of the clause the parser hung it on."""
    if verb.i not in cues or not comma_participle(verb):
        return None
    reporters = [
        a for a in verb.ancestors if a.i in cues and cues[a.i].verb_class not in NOT_SPEECH
    ]
    return _own_subject(reporters[-1]) if reporters else None


def _gerund_holder(noun: Token) -> bool:
    """ "voters will have no way of knowing …", "made a point of saying …": an object noun whose
    "of" takes a gerund passes its verb's subject on to the gerund."""
    return noun.dep_ == "dobj" and any(
        child.lower_ == "of" and any(grand.dep_ == "pcomp" for grand in child.children)
        for child in noun.children
    )


def _object_controller(clause: Token) -> Token | None:
    """ "forced the chief executive to admit …", "prompted NATO to order …": the object of the
    verb governing a to-infinitive, not that verb's subject, is who does the infinitive's act —
    when the object can act (a name, a person pronoun, a group): in "used the example to prove …"
    the infinitive says what for, and the subject proves. The grammar of object control is
    :func:`analysis.syntax.controlling_objects`, which framing's agents share; only someone who
    can act can say."""
    if not to_infinitive(clause):
        return None
    return next((o for o in controlling_objects(clause) if _can_act(o)), None)


def _can_act(noun: Token) -> bool:
    """A name, a pronoun for people, or a noun the entity recogniser takes for a person or group."""
    if noun.pos_ == "PRON":
        return noun.lower_ not in {"it", "this", "that", "which", "what"}
    return noun.pos_ == "PROPN" or noun.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}


def _quoted(token: Token) -> bool:
    return nlp.quotation_around(token.doc, token.idx) is not None


def _earlier_speaker(verb: Token, cues: dict[int, Cue]) -> Token | None:
    """ "“… not agree with Trump,” Sanders said, suggesting questions": the parser hung the
    participle on a verb inside the quotation; who suggests is who spoke, the subject of the
    sentence's reporting verb before it (outside the quotation marks), or with none, of the
    nearest verb before it ("Trump hardly clarified the matter, treating … -- ''…'' -- and
    asserting, ''…''"); not for a passive participle ("when asked"), whose asker is unknown."""
    before = list(reversed(verb.sent[: verb.i - verb.sent.start]))
    for needs_cue in (True, False) if verb.tag_ != "VBN" else (True,):
        for token in before:
            if _quoted(token) or (token.i not in cues if needs_cue else token.pos_ != "VERB"):
                continue
            subject = _own_subject(token)
            if subject is not None and not _quoted(subject):
                return subject
    return None


def _stranded_subject(verb: Token) -> Token | None:
    """ "In a meeting with the board of the Post Trump said that …", "“…,” Tulsa police Chief
    Jordan said": a finite verb the parser left without a subject (or hung on a verb inside the
    quotation), right after a name or pronoun that it hung on something else."""
    first = verb.i
    while (
        first > verb.sent.start
        and verb.doc[first - 1] in verb.children
        and verb.doc[first - 1].dep_ in {"advmod", "det", "preconj"}
    ):
        first -= 1  # "Clinton apparently disagrees", "DuVernay both documents"
    if verb.tag_ not in {"VBD", "VBZ", "VBP"} or first == verb.sent.start:
        return None
    before = verb.doc[first - 1]
    if before.pos_ in {"PROPN", "PRON"} and before.dep_ in _STRANDED:
        return before
    return None


def _noun_speaker(noun: Token) -> Token | None:
    """ "his view that …" → his; "a Times report that …" → Times; "made a decision to …" → the
    light verb's subject."""
    return _author(noun) or next(
        (c for c in noun.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"), None
    )


def _author(noun: Token) -> Token | None:
    """Who a noun of saying belongs to: its possessor, who "made"/"issued" it, or who persists
    or joins "in" it ("Democrats also persisted in arguments that …")."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None and noun.dep_ == "dobj" and noun.head.lemma_.lower() in words(*_LIGHT_VERBS):
        return _own_subject(noun.head)
    if owner is None and noun.dep_ == "pobj" and noun.head.lower_ == "in":
        holder = noun.head.head
        return _own_subject(holder) if holder.pos_ == "VERB" else None
    return owner


def _setting_holder(noun: Token, cues: dict[int, Cue]) -> Token | None:
    """ "she said at a news conference announcing …": the speaker of the reporting verb whose
    setting the noun is announces too."""
    prep = noun.head
    if noun.dep_ == "pobj" and prep.dep_ == "prep" and prep.head.i in cues:
        return _own_subject(prep.head)
    return None


def _own_subject(verb: Token) -> Token | None:
    """The verb's subject; of two (a run-in heading parsed as one: "THE BORROWING Back when he
    wrote his book, Mr. McKinley said"), the nearer; past a dateline ("WASHINGTON -- President
    Obama … said"), the name it introduces."""
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "csubj"}]
    if not subjects:
        return None
    subject = min(subjects, key=lambda c: abs(verb.i - c.i))
    if _dateline(subject):
        named = next((c for c in subject.rights if c.dep_ == "appos"), None)
        return named or subject
    return subject


def _dateline(token: Token) -> bool:
    """``WASHINGTON --`` / ``KYIV —`` opening a paragraph: a place in capitals and a dash."""
    doc = token.doc
    return (
        token.text.isupper()
        and len(token.text) > 2
        and token.i + 1 < len(doc)
        and doc[token.i + 1].text in {"--", "—", "–", "-"}
        and (token.i == 0 or "\n" in doc[token.i - 1].text or doc[token.i - 1].is_space)
    )


def _speaker_span(subject: Token) -> Span:
    """The speaker's noun phrase: the name an appositive gives, without its descriptions."""
    doc = subject.doc
    head = subject
    if subject.pos_ != "PROPN":
        named = next((c for c in subject.rights if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if named is not None:
            head = named
        elif subject.pos_ != "PRON":
            return _strip(doc, subject.left_edge.i, _before_clauses(subject))
    cut = head.right_edge.i + 1
    for child in head.rights:
        if child.dep_ in {"appos", "relcl", "acl", "punct", "cc", "prep", "case"}:
            cut = min(cut, child.left_edge.i)
    has_conj = any(c.dep_ == "conj" for c in head.rights)
    if has_conj:
        cut = head.right_edge.i + 1
    left = head.left_edge.i if head is subject else head.left_edge.i
    return _strip(doc, left, cut)


def _before_clauses(noun: Token) -> int:
    """Where a common-noun speaker ends: before a participle or relative clause describing it
    ("a statement calling for …", "leaders opposing the bill", "nations that oppose …")."""
    clauses = [child.left_edge.i for child in noun.rights if child.dep_ in {"acl", "relcl"}]
    return min(clauses, default=noun.right_edge.i + 1)


def _strip(doc: Doc, start: int, end: int) -> Span:
    while end - 1 > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    while start < end - 1 and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return doc[start:end]


def speaker_beside(doc: Doc, run: list[Quotation], cue: Cue) -> Span | None:
    """The parser took a word of the quote for the cue's subject (``“… One of the brightest,”
    said Cummings``): the first noun phrase of the attribution, outside the quotation marks."""
    sentence = cue.token.sent
    start = max((s.close for s in run if s.close <= cue.token.idx), default=sentence.start_char)
    end = min((s.open for s in run if s.open > cue.token.idx), default=sentence.end_char)
    chunks = [c for c in sentence.noun_chunks if start <= c.start_char and c.end_char <= end]
    return chunks[0] if chunks else None


def set_cue(quote: Quote, cue: Cue, subject: Token | None, content: tuple[int, int] | None) -> None:
    """Attribute the quote: the cue, its class, the channel, and the speaker (the subject, or
    the object of ``according to``)."""
    quote.cue = cue.span
    quote.cue_lemma = cue.lemma
    quote.cue_class = cue.verb_class
    quote.channel = channel_of(cue, content)
    if "according" in cue.complements:
        quote.speaker = _speaker_span(source_of(cue))
    elif subject is not None:
        quote.speaker = _speaker_span(subject)
        if inverted_cue(cue.token):  # "Said Ellis": the cue is no part of the name
            quote.speaker = quote.speaker.doc[cue.token.i + 1 : quote.speaker.end]
        quote.speaker_name = _relative_antecedent(subject)


def _relative_antecedent(subject: Token) -> str | None:
    """For "who"/"which" subjects of a relative clause, the noun phrase they stand for."""
    antecedent = relative_antecedent(subject)
    return None if antecedent is None else _speaker_span(antecedent).text


def speaker_offsets(speaker: Span | tuple[int, int] | None) -> tuple[int | None, int | None]:
    """The speaker's character offsets, whether a span of the parse or a pair of offsets."""
    if speaker is None:
        return None, None
    if isinstance(speaker, Span):
        return speaker.start_char, speaker.end_char
    return speaker


def canonical_speaker(
    mentions: list[dict] | None,
    start: int | None,
    end: int | None,
    quote: Quote,
    speaker_text: str | None,
) -> str | None:
    """The speaker's actor: the mention at the speaker's head, else the words as written.

    A mention of a possessor inside the speaker's phrase ("*his* associates") is not the speaker.
    A pronoun nothing resolves ("It", "They") is no actor: the speaker is left empty (<NA>) and
    ``speaker_text`` keeps the word.
    """
    if start is None:
        return None
    head = quote.speaker.root if isinstance(quote.speaker, Span) else None
    if mentions is not None:
        from analysis.actors import actor_at

        mention = actor_at(mentions, start, end)
        if mention is not None and head is not None and not _covers(mention, head):
            mention = actor_at(mentions, head.idx, head.idx + len(head))
        if mention is not None and not _unresolved(str(mention["actor"]), head):
            return str(mention["actor"])
    if quote.speaker_name:
        return quote.speaker_name
    return None if _unresolved(speaker_text, head) else speaker_text


def _covers(mention: dict, token: Token) -> bool:
    return int(mention["start"]) <= token.idx < int(mention["end"])


def _unresolved(actor: str | None, head: Token | None) -> bool:
    """True when the speaker is a pronoun standing for itself ("It" said …)."""
    return head is not None and head.pos_ == "PRON" and (actor or "").lower() == head.lower_
