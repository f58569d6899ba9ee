"""How it is framed: stances and contrasts, voice against portrayal, agency, labels and hedges.

Four analyses over one parsed article, each a function returning pandas frames whose columns are
documented in :data:`analysis.frames.SCHEMAS`:

- :func:`find_stances` — official lines, stated positions, admissions and denials, and the
  contrasts the text draws between an admission and the official line it breaks with;
- :func:`voice_and_portrayal` — the tone of what each actor says against the tone of the
  sentences about them in which they do not speak, with bootstrap intervals;
- :func:`agency` and :func:`agency_summary` — each actor as grammatical agent or patient;
- :func:`labels_and_hedges` — competing labels, scare quotes and verification hedges.

The words that signal each of these (stance verbs and nouns, contrast phrases, hedges, labels,
verbs of possession) are CSV lexicons in ``data/lexicons/``. Who is who comes from the actors
layer alone: every function takes its mentions frame (:func:`analysis.actors.find_mentions`),
demonyms are read through :func:`analysis.actors.demonym`, and where words are credited to
speakers the quotes layer's frame (:func:`analysis.quotes.find_quotes`) says who spoke them.
"""

from __future__ import annotations

import bisect
import csv
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

import numpy as np
import pandas as pd
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from analysis import actors, config, frames, nlp, sentiment
from analysis.quotes import load_reporting_verbs

STANCE_MARKERS = "stance_markers.csv"
HEDGES = "hedges.csv"
COMPETING_LABELS = "competing_labels.csv"
POSSESSION_VERBS = "possession_verbs.csv"
LIGHT_VERBS = "light_verbs.csv"
#: Classes of ``data/lexicons/reporting_verbs.csv`` that only say (voice, not agency); verbs that
#: take a stand or act by speaking (admit, claim, dismiss, condemn, order) stay acts.
VOICE_CLASSES = frozenset(
    {
        "neutral",
        "assertive",
        "tentative",
        "interrogative",
        "descriptive",
    }
)

_CLAUSE_BREAKS = {",", ";", ":", "–", "—", ".", "!", "?"}
_TRAILING = ",;:–—.!? \n\t"
_MAX_SCARE_WORDS = 3
_ADJUNCTS = ("advcl", "acl", "pcomp")
_NOMINAL = ("NOUN", "PROPN", "NUM", "PRON")
_MODIFIERS = ("amod", "compound", "nmod", "npadvmod", "poss")


# --- lexicons -----------------------------------------------------------------------------------


@cache
def read_lexicon(name: str) -> pd.DataFrame:
    """A lexicon from ``data/lexicons/``: leading ``#`` comment lines, then a CSV header.

    Args:
        name: file name inside ``data/lexicons/`` (e.g. ``"hedges.csv"``).

    Returns:
        The rows as strings, empty cells as ``""``. Treat the frame as read-only (it is cached).

    Raises:
        ValueError: the file has no header after its comments.
    """
    path = config.LEXICONS_DIR / name
    with open(path, encoding="utf-8", newline="") as handle:
        lines = list(handle)
    first = next((i for i, line in enumerate(lines) if not line.startswith("#")), len(lines))
    body = lines[first:]
    if not body:
        raise ValueError(f"{path}: no header line after the comments; add one (see the comments).")
    header = next(csv.reader(body[:1]))
    return pd.DataFrame(list(csv.DictReader(body)), columns=header).fillna("")


@cache
def _lexicon_rows(name: str, *columns: str) -> list[dict[str, str]]:
    lexicon = read_lexicon(name)
    missing = [col for col in columns if col not in lexicon.columns]
    if missing:
        path = config.LEXICONS_DIR / name
        raise ValueError(f"{path}: missing column(s) {missing}; the header must name {columns}.")
    return [{col: row[col].strip() for col in columns} for _, row in lexicon.iterrows()]


def _markers(role: str) -> list[dict[str, str]]:
    rows = _lexicon_rows(STANCE_MARKERS, "pattern", "role", "stance", "when")
    return [row for row in rows if row["role"] == role]


def _verb_markers() -> dict[str, dict[str, str]]:
    return {row["pattern"]: row for row in _markers("verb")}


def _phrase_matcher(doc: Doc, patterns: Iterable[str]) -> PhraseMatcher:
    matcher = PhraseMatcher(doc.vocab, attr="LOWER")
    tokenizer = nlp.load_model().tokenizer
    for pattern in patterns:
        matcher.add(pattern, [tokenizer(pattern)])
    return matcher


def _phrase_spans(doc: Doc, patterns: Iterable[str]) -> list[Span]:
    """Longest non-overlapping case-insensitive matches; ``span.label_`` is the pattern."""
    matcher = _phrase_matcher(doc, patterns)
    spans = [Span(doc, start, end, label=key) for key, start, end in matcher(doc)]
    return sorted(filter_spans(spans), key=lambda span: span.start)


# --- actors -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Credit:
    """Who a noun phrase stands for, the characters that say so, and how it was credited."""

    actor: str
    side: str | None
    start: int
    end: int
    via: str
    state_voice: bool = False


class _Cast:
    """The actors layer's mentions of one article, looked up by token and by actor name."""

    def __init__(self, doc: Doc, mentions: pd.DataFrame) -> None:
        self.mentions = mentions.dropna(subset=["actor"])
        self.by_head: dict[int, list] = {}
        for mention in self.mentions.itertuples():
            head = _head(doc, int(mention.start), int(mention.end))
            self.by_head.setdefault(head, []).append(mention.Index)
        self.sides = _most_common_side(self.mentions).to_dict()

    def side_of(self, actor: str | None) -> str | None:
        """The side the mentions give ``actor``, else ``None``."""
        side = self.sides.get(actor) if actor is not None else None
        return None if side is None or pd.isna(side) else str(side)

    def credit(self, token: Token) -> _Credit | None:
        """The actor a noun phrase headed by ``token`` stands for: a mention headed by it or a
        demonym ("Russians"), else the mention or demonym of a modifier ("Russian drones" →
        Russia), else ``None``. A mention stands only for its head: "Russian" in "the
        Russian-installed mayor" is Russia, not the mayor."""
        end = token.idx + len(token)
        modifiers = [c for c in token.lefts if c.dep_ in _MODIFIERS]
        for word in (token, *modifiers):
            mention = self._mention(word)
            if mention is not None and word == token:
                return self._credit(mention, int(mention["start"]), int(mention["end"]), "mention")
            via = "possessive" if word.dep_ == "poss" else "demonym"
            if mention is not None:
                return self._credit(mention, word.idx, end, via)
            country = actors.demonym(word.text)
            if country is not None:
                return _Credit(country[0], country[1], word.idx, end, "demonym")
        return None

    def agents(self, verb: Token) -> list[_Credit]:
        """The actors among the agents of ``verb`` (see :func:`agents_of`)."""
        credits = (self.credit(token) for token in agents_of(verb))
        return [credit for credit in credits if credit is not None]

    def _mention(self, token: Token) -> pd.Series | None:
        headed = self.by_head.get(token.i)
        if headed is None:
            return None
        return actors.actor_at(self.mentions.loc[headed], token.idx, token.idx + len(token))

    def _credit(self, mention: pd.Series, start: int, end: int, via: str) -> _Credit:
        actor = str(mention["actor"])
        state_voice = via == "mention" and _is_state_voice(mention)
        return _Credit(actor, self.side_of(actor), start, end, via, state_voice)


def _head(doc: Doc, start: int, end: int) -> int:
    return doc.char_span(start, end, alignment_mode="expand").root.i


def _is_state_voice(mention: pd.Series) -> bool:
    """A country, a government or a seat of power speaking (its word is the official line)."""
    values = {name: mention.get(name) for name in ("actor_type", "how", "actor", "side")}
    values = {name: None if pd.isna(value) else value for name, value in values.items()}
    return (
        values["actor_type"] in ("country", "government")
        or values["how"] == "metonym"
        or (values["side"] is not None and values["actor"] == values["side"])
    )


# --- grammatical roles --------------------------------------------------------------------------


def _with_conjuncts(tokens: Iterable[Token]) -> list[Token]:
    found: list[Token] = []
    for token in tokens:
        for each in (token, *token.conjuncts):
            if each not in found:
                found.append(each)
    return found


def _is_relative(token: Token) -> bool:
    return token.tag_ in ("WDT", "WP") and token.lower_ in ("that", "which", "who", "whom")


def _antecedent(token: Token, verb: Token) -> Token | None:
    """The noun a relative pronoun stands for: the head of the relative clause."""
    clause = verb
    while clause.dep_ not in ("relcl", "ROOT") and clause.head != clause:
        clause = clause.head
    return clause.head if clause.dep_ == "relcl" else None


def _resolve_relative(tokens: Iterable[Token], verb: Token) -> list[Token]:
    resolved = []
    for token in tokens:
        target = _antecedent(token, verb) if _is_relative(token) else token
        if target is not None:
            resolved.append(target)
    return resolved


def agents_of(verb: Token) -> list[Token]:
    """Head tokens of whoever does what ``verb`` says, passives and control handled.

    Active subjects; the object of a passive's "by"; for a verb without a subject, the controller:
    the object of an object-control verb ("ordered the FSB to step up" → FSB), else the subject of
    the verb it depends on ("tried and failed to capture" → the subject of tried; a conjunct the
    parse hangs inside a relative clause takes the subject of the verb that reports it, see
    :func:`_raised_to`). Relative pronouns are replaced by the noun they stand for; coordinated
    subjects all count. A controller is only looked for inside the verb's own quotation: the
    grammatical agents of quoted words are not their speaker.

    Args:
        verb: a verb token.

    Returns:
        The agents' head tokens (empty for an agentless passive or when none is found).
    """
    stated = _stated_agents(verb)
    if stated:
        return stated
    quotation = _quotation_of(verb)
    return [token for token in _controllers(verb) if _quotation_of(token) == quotation]


def _stated_agents(verb: Token) -> list[Token]:
    """The verb's own active subjects and the object of its "by" phrase."""
    subjects = [child for child in verb.children if child.dep_ == "nsubj"]
    by_phrase = [
        grandchild
        for child in verb.children
        if child.dep_ == "agent"
        for grandchild in child.children
        if grandchild.dep_ == "pobj"
    ]
    return _with_conjuncts(_resolve_relative(subjects + by_phrase, verb))


def _controllers(verb: Token) -> list[Token]:
    """Agents of a verb without its own subject, from the words it depends on."""
    if verb.dep_ in ("amod", "acl") and verb.tag_ == "VBN":
        return [c for c in verb.children if c.dep_ == "npadvmod"]  # "Russian-installed mayor"
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        return _with_conjuncts([verb.head])  # "people living there"
    if _is_passive(verb) or verb.dep_ in ("ROOT", "relcl", "ccomp") or verb.tag_ == "VBN":
        return []
    head = verb.head
    if verb.dep_ == "xcomp":
        objects = [c for c in head.children if c.dep_ == "dobj" and not _is_relative(c)]
        return _with_conjuncts(objects) if objects else agents_of(head)
    if verb.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
        return agents_of(_raised_to(verb) or head)
    if verb.dep_ not in _ADJUNCTS or verb.tag_ not in ("VB", "VBG") or _has_finite_auxiliary(verb):
        return []
    for ancestor in verb.ancestors:
        subjects = [child for child in ancestor.children if child.dep_ == "nsubj"]
        if subjects:
            return _with_conjuncts(_resolve_relative(subjects, ancestor))
    return []


def _raised_to(conjunct: Token) -> Token | None:
    """The verb a subjectless conjunct coordinates with when the parse hangs it on a relative
    clause inside that verb's complement, else ``None``.

    "Putin acknowledged [the situation was difficult in the regions [that Moscow claimed to annex
    in September]] and ordered the FSB ..." is parsed with "ordered" joined to "claimed". The
    rule: when a finite verb phrase comes after a relative clause that is complete (its verb has
    taken its own complement or adjunct before the "and"), the relative clause sits in the
    complement of a reporting verb with no other clause between them, and the conjunct has that
    verb's tense tag, it continues the reporting verb (Putin ordered). A verb joined straight to
    the relative verb shares its arguments and stays ("a town that Russia has long tried and
    failed to capture").
    """
    host = conjunct.head
    if conjunct.dep_ != "conj" or conjunct.pos_ != "VERB" or not _is_relative_clause(host):
        return None
    if any(child.dep_ in ("nsubj", "nsubjpass") for child in conjunct.children):
        return None
    if not any(t.i < conjunct.i and t.dep_ not in ("cc", "conj", "punct") for t in host.rights):
        return None
    complement = host.head
    while complement.dep_ != "ccomp":
        if complement.pos_ in ("VERB", "AUX") or complement.head == complement:
            return None
        complement = complement.head
    reporting = complement.head
    return reporting if reporting.pos_ == "VERB" and reporting.tag_ == conjunct.tag_ else None


def _is_relative_clause(verb: Token) -> bool:
    if verb.dep_ == "relcl":
        return True
    first = verb.left_edge
    before = verb.doc[first.i - 1] if first.i > 0 else None
    return (
        first.lower_ in ("that", "which")
        and before is not None
        and before.pos_ in ("NOUN", "PROPN")
        and verb.pos_ == "VERB"
    )


def _quotation_of(token: Token) -> tuple[int, int] | None:
    """Character span of the quotation marks around ``token``, else ``None``."""
    return next(((a, b) for a, b in nlp.quotation_spans(token.doc) if a < token.idx < b), None)


def _has_finite_auxiliary(verb: Token) -> bool:
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ not in ("TO", "VB") for c in verb.children)


def patients_of(verb: Token) -> list[Token]:
    """Head tokens of whoever undergoes ``verb``: objects, passive subjects, a participle's noun.

    Args:
        verb: a verb token.

    Returns:
        The patients' head tokens, relative pronouns replaced by their antecedents.
    """
    objects = [
        c
        for c in verb.children
        if c.dep_ == "nsubjpass" or (c.dep_ == "dobj" and not _light_verb_object(verb, c))
    ]
    if verb.dep_ in ("acl", "amod") and verb.tag_ == "VBN":
        objects.append(verb.head)  # "drones fired by Russia"
    if verb.dep_ == "advcl" and verb.tag_ == "VBN" and not objects:
        objects += _main_subjects(verb)  # "Asked about this comment, Price said"
    return _with_conjuncts(_resolve_relative(objects, verb))


def _light_verb_object(verb: Token, obj: Token) -> bool:
    """ "made his first visit", "held talks": the common noun is the act, not who undergoes it."""
    return obj.pos_ == "NOUN" and verb.lemma_.lower() in _light_verbs()


@cache
def _light_verbs() -> frozenset[str]:
    return frozenset(row["lemma"].lower() for row in _lexicon_rows(LIGHT_VERBS, "lemma"))


@cache
def _speech_verbs() -> frozenset[str]:
    """Lemmas of the reporting-verb lexicon whose class is speech (:data:`VOICE_CLASSES`)."""
    verbs = load_reporting_verbs()
    return frozenset(verbs.loc[verbs["class"].isin(VOICE_CLASSES), "lemma"])


def _main_subjects(verb: Token) -> list[Token]:
    return [c for c in verb.head.children if c.dep_ == "nsubj"]


def _is_passive(verb: Token) -> bool:
    passive_children = any(c.dep_ in ("nsubjpass", "auxpass", "agent") for c in verb.children)
    return passive_children or (verb.dep_ == "acl" and verb.tag_ == "VBN")


# --- spans --------------------------------------------------------------------------------------


def _trimmed(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character span with edge whitespace and clause punctuation (not quote marks) removed."""
    text = nlp.text_of(doc)
    while start < end and text[start] in _TRAILING:
        start += 1
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return start, end


def _clause_after(that: Token) -> tuple[int, int]:
    """The clause a complementiser introduces, up to the next clause break if the parse stops."""
    last = max(token.i for token in that.head.subtree)
    sentence_end = that.sent.end
    while last + 1 < sentence_end:
        following = that.doc[last + 1]
        if following.is_space or following.text in _CLAUSE_BREAKS:
            break
        last += 1
    first = that.doc[that.i + 1]
    return _trimmed(that.doc, first.idx, that.doc[last].idx + len(that.doc[last]))


def _complement(verb: Token) -> tuple[int, int] | None:
    """What a stance verb takes a stance on: its clause, its object (with "as ..."), or, for a
    participle ("fears, dismissed by the Kremlin, that ..."), the noun it modifies."""
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if clause is not None:
        return _clause_span(verb, clause)
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return _participle_span(verb)
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    tokens = list(obj.subtree)
    for child in verb.rights:
        if child.dep_ == "prep" and child.lower_ == "as":
            tokens += list(child.subtree)
    last = max(tokens, key=lambda t: t.i)
    return _trimmed(verb.doc, obj.left_edge.idx, last.idx + len(last))


def _clause_span(verb: Token, clause: Token) -> tuple[int, int]:
    """The clause ``verb`` takes a stance on, without a conjunct that is ``verb``'s own next act."""
    tokens = sorted(clause.subtree, key=lambda t: t.i)
    if tokens and tokens[0].dep_ == "mark":
        tokens = tokens[1:]
    raised = next((t for t in tokens if _raised_to(t) == verb), None)
    if raised is not None:
        tokens = [t for t in tokens if t.i < raised.i]
        while tokens and (tokens[-1].dep_ == "cc" or tokens[-1].is_punct):
            tokens.pop()
    return _trimmed(verb.doc, tokens[0].idx, tokens[-1].idx + len(tokens[-1]))


def _participle_span(verb: Token) -> tuple[int, int]:
    noun = verb.head
    last = max(t.i for t in verb.subtree)
    following = [t for t in verb.doc[last + 1 : min(last + 3, noun.sent.end)] if not t.is_punct]
    if following and following[0].lower_ == "that" and following[0].dep_ == "mark":
        return noun.idx, _clause_after(following[0])[1]
    return noun.idx, noun.idx + len(noun)


# --- stances ------------------------------------------------------------------------------------


@dataclass
class _Stance:
    actor: str | None
    side: str | None
    stance: str
    start: int
    end: int
    marker_start: int
    marker_end: int
    found_by: str


def find_stances(
    doc: Doc,
    article_id: str,
    *,
    quotes: pd.DataFrame,
    mentions: pd.DataFrame,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Official lines, positions, admissions and denials, and the contrasts drawn between them.

    Stances are found three ways: stance verbs of ``data/lexicons/stance_markers.csv``
    ("acknowledged", "dismissed ... as", "Russia says", "has said repeatedly"), the quote whose
    cue they are supplying the statement the parse does not give and the speaker when no agent
    is an actor; quotes whose cue class the lexicon maps to a stance (concessive → admission,
    rejecting → denial); and stance nouns with a "that" clause ("the official line that ...",
    "one of his clearest public admissions yet that ..."). A standing position of a country,
    government or seat of power is its official line. An official line named without a holder
    is held by the side of whoever breaks with it (Putin's "official line" is Russia's).

    Each admission is paired with its side's official line (the one the sentence names, else the
    nearest one named as such); the marker of the pair is the contrast phrase in the admission's
    sentence ("In a break with the official line") or the admission's own marker ("one of his
    clearest public admissions yet").

    Args:
        doc: the parsed article.
        article_id: the article's id.
        quotes: the quotes layer's frame for this article (:func:`analysis.quotes.find_quotes`).
        mentions: the actors layer's mentions frame (:func:`analysis.actors.find_mentions`).

    Returns:
        ``(stances, contrasts)`` frames.
    """
    cast = _Cast(doc, mentions)
    contrast_spans = _phrase_spans(doc, [row["pattern"] for row in _markers("contrast")])
    found = _quote_stances(doc, quotes, cast)
    found += _verb_stances(doc, quotes, cast)
    found += _noun_stances(doc, cast, contrast_spans)
    stances = _stance_frame(doc, article_id, _deduplicated(found))
    return stances, _contrasts(doc, article_id, stances, contrast_spans)


def _deduplicated(found: list[_Stance]) -> list[_Stance]:
    unique: dict[tuple, _Stance] = {}
    for stance in found:
        unique.setdefault((stance.start, stance.end, stance.stance, stance.actor), stance)
    return sorted(unique.values(), key=lambda s: (s.start, s.marker_start))


def _stance_frame(doc: Doc, article_id: str, found: list[_Stance]) -> pd.DataFrame:
    rows = []
    for stance_id, stance in enumerate(found):
        statement = nlp.text_of(doc)[stance.start : stance.end]
        rows.append(
            {
                "article_id": article_id,
                "stance_id": stance_id,
                "actor": stance.actor,
                "side": stance.side,
                "stance": stance.stance,
                "statement": statement,
                "start": stance.start,
                "end": stance.end,
                "marker": nlp.text_of(doc)[stance.marker_start : stance.marker_end],
                "marker_start": stance.marker_start,
                "marker_end": stance.marker_end,
                "polarity": sentiment.textblob_scores(statement)[0],
                "sent_id": nlp.sent_id_of(doc, stance.start),
                "found_by": stance.found_by,
            }
        )
    return frames.conform("stances", rows)


def _cue_classes() -> dict[str, str]:
    return {row["pattern"]: row["stance"] for row in _markers("cue_class")}


def _quote_stances(doc: Doc, quotes: pd.DataFrame, cast: _Cast) -> list[_Stance]:
    if quotes.empty:
        return []
    classes = _cue_classes()
    verbs = _verb_markers()
    found = []
    for quote in quotes.itertuples():
        stance = classes.get(quote.cue_class) if not pd.isna(quote.cue_class) else None
        if stance is None or pd.isna(quote.cue_start):
            continue
        cue = doc.char_span(int(quote.cue_start), int(quote.cue_end), alignment_mode="expand")
        if cue is not None and any(token.lemma_ in verbs for token in cue):
            continue  # a stance verb: found with its own complement by _verb_stances
        if cue is not None and _cancelled(cue.root):
            continue
        speaker = None if pd.isna(quote.speaker) else str(quote.speaker)
        found.append(
            _Stance(
                speaker,
                cast.side_of(speaker),
                stance,
                int(quote.start),
                int(quote.end),
                int(quote.cue_start),
                int(quote.cue_end),
                "quote",
            )
        )
    return found


def _quote_with_cue(quotes: pd.DataFrame, verb: Token) -> object | None:
    if quotes.empty:
        return None
    hits = quotes[(quotes["cue_start"] <= verb.idx) & (quotes["cue_end"] > verb.idx)]
    return next(hits.itertuples(), None)


def _verb_stances(doc: Doc, quotes: pd.DataFrame, cast: _Cast) -> list[_Stance]:
    markers = _verb_markers()
    found = []
    for verb in doc:
        marker = markers.get(verb.lemma_)
        if verb.pos_ != "VERB" or marker is None or not _fits(verb, marker["when"]):
            continue
        if _cancelled(verb):
            continue
        quote = _quote_with_cue(quotes, verb)
        span = _complement(verb)
        if span is None and quote is not None:
            span = (int(quote.start), int(quote.end))
        if span is None or span[0] >= span[1]:
            continue
        marker_start, marker_end = _verb_marker_span(verb)
        for actor, side, state_voice in _holders(verb, quote, cast):
            stance = marker["stance"]
            if stance == "position" and state_voice:
                stance = "official_line"
            found.append(_Stance(actor, side, stance, *span, marker_start, marker_end, "verb"))
    return found


def _cancelled(verb: Token) -> bool:
    """ "has not yet conceded", "never admitted", "would deny": a negated or hypothetical stance
    verb takes no stance (modals are the lexicon's ``modal`` rows)."""
    modals = {row["pattern"] for row in _markers("modal")}
    return any(
        child.dep_ == "neg" or (child.dep_ == "aux" and child.lower_ in modals)
        for child in verb.children
    )


def _fits(verb: Token, when: str) -> bool:
    if when == "habitual":
        adverbs = {row["pattern"] for row in _markers("habitual_adverb")}
        return verb.tag_ in ("VBZ", "VBP") or any(c.lower_ in adverbs for c in verb.children)
    if when == "with_as":
        return any(t.lower_ == "as" and t.dep_ == "prep" for t in verb.subtree)
    return True


def _holders(verb: Token, quote: object | None, cast: _Cast) -> list[tuple]:
    """``(actor, side, state_voice)`` of the verb's agents, else of the quote's speaker."""
    holders = [(c.actor, c.side, c.state_voice) for c in cast.agents(verb)]
    if not holders and quote is not None and not pd.isna(quote.speaker):
        speaker = str(quote.speaker)
        holders.append((speaker, cast.side_of(speaker), False))
    return holders or [(None, None, False)]


def _verb_marker_span(verb: Token) -> tuple[int, int]:
    """From the subject (when it comes first) through the verb, auxiliaries and adverbs after it."""
    tokens = [verb]
    tokens += [c for c in verb.children if c.dep_ in ("aux", "neg")]
    tokens += [c for c in verb.rights if c.dep_ == "advmod" and c.i == verb.i + 1]
    tokens += [c.left_edge for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    by_phrase = [c for c in verb.children if c.dep_ == "agent"]
    tokens += [max(c.subtree, key=lambda t: t.i) for c in by_phrase]
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    return first.idx, last.idx + len(last)


def _noun_stances(doc: Doc, cast: _Cast, contrast_spans: list[Span]) -> list[_Stance]:
    found = []
    for noun, stance in _stance_nouns(doc):
        that = _complementiser_after(noun)
        if that is None:
            continue
        start, end = _clause_after(that)
        marker_start, marker_end = _noun_marker_span(noun, that, contrast_spans)
        actor, side = _noun_holder(noun, stance, cast)
        found.append(_Stance(actor, side, stance, start, end, marker_start, marker_end, "noun"))
    return found


def _stance_nouns(doc: Doc) -> Iterator[tuple[Token, str]]:
    matcher = Matcher(doc.vocab)
    for row in _markers("noun"):
        words = row["pattern"].split()
        pattern = [{"LOWER": word} for word in words[:-1]] + [{"LEMMA": words[-1]}]
        matcher.add(row["stance"], [pattern])
    spans = [Span(doc, start, end, label=key) for key, start, end in matcher(doc)]
    for span in filter_spans(spans):
        yield span[-1], span.label_


def _complementiser_after(noun: Token) -> Token | None:
    for token in noun.doc[noun.i + 1 : noun.sent.end]:
        if token.pos_ == "ADV":
            continue
        return token if token.lower_ == "that" and token.dep_ == "mark" else None
    return None


def _noun_marker_span(noun: Token, that: Token, contrast_spans: list[Span]) -> tuple[int, int]:
    top = noun
    while top.dep_ == "pobj" and top.head.dep_ == "prep" and top.head.head.pos_ in _NOMINAL:
        top = top.head.head
    first = top.left_edge.i
    for span in contrast_spans:
        if span.start < that.i and first <= span.end:  # overlapping or right before
            first = min(first, span.start)
    last = that.doc[that.i - 1]
    return _trimmed(noun.doc, that.doc[first].idx, last.idx + len(last))


def _noun_holder(noun: Token, stance: str, cast: _Cast) -> tuple[str | None, str | None]:
    """Whose stance a stance noun names: its possessor, else the clause's subject; an official
    line without a possessor belongs to the side of the one who breaks with it."""
    possessor = next((c for c in noun.children if c.dep_ == "poss"), None)
    holder = cast.credit(possessor) if possessor is not None else None
    if holder is None and possessor is None or (holder is None and possessor.pos_ == "PRON"):
        holder = _clause_subject_actor(noun, cast)
    if holder is None:
        return None, None
    if stance == "official_line" and possessor is None:
        return holder.side, holder.side
    return holder.actor, holder.side


def _clause_subject_actor(token: Token, cast: _Cast) -> _Credit | None:
    for ancestor in token.ancestors:
        for subject in (c for c in ancestor.children if c.dep_ == "nsubj"):
            found = cast.credit(subject)
            if found is not None:
                return found
    return None


# --- contrasts ----------------------------------------------------------------------------------


def _contrasts(
    doc: Doc, article_id: str, stances: pd.DataFrame, contrast_spans: list[Span]
) -> pd.DataFrame:
    lines = stances[stances["stance"] == "official_line"]
    rows = []
    for admission in stances[stances["stance"] == "admission"].itertuples():
        against = _line_against(admission, lines)
        if against is None:
            continue
        marker_start, marker_end = _contrast_marker(doc, admission, against, contrast_spans)
        rows.append(
            {
                "article_id": article_id,
                "contrast_id": len(rows),
                "actor": admission.actor,
                "side": admission.side,
                "admission_id": admission.stance_id,
                "admission": admission.statement,
                "admission_start": admission.start,
                "admission_end": admission.end,
                "admission_polarity": admission.polarity,
                "against_id": against.stance_id,
                "against": against.statement,
                "against_start": against.start,
                "against_end": against.end,
                "against_polarity": against.polarity,
                "holder": against.actor,
                "marker": nlp.text_of(doc)[marker_start:marker_end],
                "marker_start": marker_start,
                "marker_end": marker_end,
                "sent_id": admission.sent_id,
            }
        )
    return frames.conform("contrasts", rows)


def _line_against(admission: object, lines: pd.DataFrame) -> object | None:
    if pd.isna(admission.side):
        return None
    same_side = lines[(lines["side"] == admission.side) | (lines["actor"] == admission.side)]
    if same_side.empty:
        return None
    ranked = same_side.assign(
        same_sentence=same_side["sent_id"] != admission.sent_id,
        named=same_side["found_by"] != "noun",
        distance=(same_side["start"] - admission.start).abs(),
    ).sort_values(["same_sentence", "named", "distance"])
    return next(ranked.itertuples())


def _contrast_marker(
    doc: Doc, admission: object, against: object, contrast_spans: list[Span]
) -> tuple[int, int]:
    sentence = doc[
        doc.char_span(admission.start, admission.end, alignment_mode="expand").start
    ].sent
    in_sentence = [s for s in contrast_spans if sentence.start <= s.start < sentence.end]
    if in_sentence and against.sent_id == admission.sent_id:
        return int(against.marker_start), int(against.marker_end)
    return int(admission.marker_start), int(admission.marker_end)


# --- voice and portrayal ------------------------------------------------------------------------

_ANALYSERS = {"textblob": "polarity", "vader": "vader_compound"}


def voice_and_portrayal(
    sentences: pd.DataFrame,
    quotes: pd.DataFrame,
    mentions: pd.DataFrame,
    *,
    n_boot: int = 1000,
    seed: int = 0,
) -> pd.DataFrame:
    """Per actor: the tone of what they say against the tone of what is said around them.

    *Voice* is the polarity of the actor's quotes; *portrayal* is the polarity of the sentences
    that mention the actor and in which the actor does not speak (no quote of theirs covers the
    sentence and they are not its quote's speaker). Each is scored by TextBlob and by VADER.
    *Toward* is the tone toward the actor itself (:mod:`analysis.tone`, the mentions' ``tone``
    column, one score per sentence and actor), when the mentions carry it.

    Args:
        sentences: sentences frame (``polarity``, ``vader_compound`` per ``sent_id``).
        quotes: quotes frame (``speaker``, ``sent_start``, ``sent_end``, ``speaker_start``,
            ``polarity``, ``vader_compound``).
        mentions: mentions frame (``actor``, ``side``, ``sent_id``; ``tone`` when scored).
        n_boot: bootstrap resamples for the 95% percentile interval of each mean.
        seed: base seed; each (actor, view, analyser) group draws from its own generator
            seeded from it, so results do not depend on row order.

    Returns:
        A ``voice_portrayal`` frame, one row per actor, view and analyser.
    """
    voice = _voice_values(quotes)
    portrayal = _portrayal_values(sentences, quotes, mentions)
    sides = _most_common_side(mentions.dropna(subset=["actor"]))
    rows = []
    views = [("voice", voice), ("portrayal", portrayal), ("toward", _toward_values(mentions))]
    for view, values in views:
        for (actor, analyser), scores in values.groupby(["actor", "analyser"])["score"]:
            low, high = _bootstrap(
                np.sort(scores.to_numpy(float)), n_boot, (seed, actor, view, analyser)
            )
            rows.append(
                {
                    "actor": actor,
                    "side": sides.get(actor, pd.NA),
                    "view": view,
                    "analyser": analyser,
                    "n": len(scores),
                    "mean": float(scores.mean()),
                    "ci_low": low,
                    "ci_high": high,
                }
            )
    frame = frames.conform("voice_portrayal", rows)
    return frame.sort_values(["actor", "view", "analyser"], ignore_index=True)


def _toward_values(mentions: pd.DataFrame) -> pd.DataFrame:
    """Tone toward each actor, one score per (article, sentence, actor); none without ``tone``."""
    if "tone" not in mentions.columns:
        return pd.DataFrame(columns=["actor", "analyser", "score"])
    scored = mentions.dropna(subset=["actor", "tone"])
    scored = scored.drop_duplicates(["article_id", "sent_id", "actor"])
    return scored[["actor"]].assign(analyser="tone", score=scored["tone"].astype(float))


def _most_common_side(frame: pd.DataFrame) -> pd.Series:
    """Each actor's most frequent side (ties: the side seen first); <NA> when none is known."""
    counts = frame.dropna(subset=["side"]).groupby(["actor", "side"], sort=False).size()
    best = counts.sort_values(ascending=False, kind="stable").groupby(level=0, sort=False).head(1)
    return best.reset_index(level=1)["side"].reindex(frame["actor"].dropna().unique())


def _long_scores(frame: pd.DataFrame) -> pd.DataFrame:
    parts = [
        frame[["actor"]].assign(analyser=analyser, score=frame[column].astype(float))
        for analyser, column in _ANALYSERS.items()
    ]
    return pd.concat(parts, ignore_index=True).dropna(subset=["actor", "score"])


def _voice_values(quotes: pd.DataFrame) -> pd.DataFrame:
    return _long_scores(quotes.rename(columns={"speaker": "actor"}))


def _portrayal_values(
    sentences: pd.DataFrame, quotes: pd.DataFrame, mentions: pd.DataFrame
) -> pd.DataFrame:
    keys = ["article_id", "sent_id"]
    mentioned = mentions.dropna(subset=["actor"])[keys + ["actor"]].drop_duplicates()
    speaking = _speaking(sentences, quotes)
    mentioned = mentioned.merge(speaking, on=keys + ["actor"], how="left", indicator=True)
    silent = mentioned[mentioned["_merge"] == "left_only"][keys + ["actor"]]
    scored = silent.merge(sentences[keys + list(_ANALYSERS.values())], on=keys)
    return _long_scores(scored)


def _speaking(sentences: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    """``(article_id, sent_id, actor)`` for every sentence an actor's quote or attribution is in.

    Each article's sentences are indexed once (starts, ends), so a corpus costs one lookup per
    quote, not a scan of every sentence."""
    spoken = quotes.dropna(subset=["speaker"])
    index = {
        article_id: (
            group["start"].to_numpy("int64"),
            group["end"].to_numpy("int64"),
            group["sent_id"].to_numpy("int64"),
        )
        for article_id, group in sentences.sort_values(["article_id", "start"]).groupby(
            "article_id", sort=False
        )
    }
    rows = []
    for quote in spoken.itertuples():
        covered = set(range(int(quote.sent_start), int(quote.sent_end) + 1))
        if not pd.isna(quote.speaker_start) and quote.article_id in index:
            starts, ends, sent_ids = index[quote.article_id]
            at = np.searchsorted(starts, int(quote.speaker_start), side="right") - 1
            if at >= 0 and ends[at] > quote.speaker_start:
                covered.add(int(sent_ids[at]))
        rows += [(quote.article_id, sent_id, quote.speaker) for sent_id in covered]
    frame = pd.DataFrame(rows, columns=["article_id", "sent_id", "actor"]).drop_duplicates()
    return frame.astype({"article_id": "string", "sent_id": "Int64", "actor": "string"})


def _bootstrap(values: np.ndarray, n_boot: int, key: tuple) -> tuple[float, float]:
    """95% percentile interval of the mean; the generator is seeded from ``key``."""
    if len(values) < 2:
        return float(values.mean()), float(values.mean())
    seed, *names = key
    rng = np.random.default_rng([seed, zlib.crc32("\x00".join(map(str, names)).encode())])
    means = rng.choice(values, size=(n_boot, len(values)), replace=True).mean(axis=1)
    low, high = np.percentile(means, [2.5, 97.5])
    return float(low), float(high)


# --- agency -------------------------------------------------------------------------------------


def agency(doc: Doc, article_id: str, *, mentions: pd.DataFrame) -> pd.DataFrame:
    """Each actor as grammatical agent or patient of the article's verbs.

    From the dependency parse, with passives ("dismissed by the Kremlin": Kremlin agent), relative
    clauses and control ("a town that Russia has long tried and failed to capture": Russia agent
    of try, fail and capture) handled. A noun no mention covers is credited to the actor of its
    demonym or possessor ("Russian drones hit": Russia agent of hit). Verbs of possession
    (``data/lexicons/possession_verbs.csv``: "Russia has no interest") are not acts and get no
    rows, nor do verbs of saying ("said", "told", "mentioned": the reporting verbs of a
    :data:`VOICE_CLASSES` class), which are voice; the words a speaker quotes are not the
    speaker's acts (see :func:`agents_of`). The common-noun object of a light verb
    (``data/lexicons/light_verbs.csv``: "made his first visit") is the act, not a patient.

    Args:
        doc: the parsed article.
        article_id: the article's id.
        mentions: the actors layer's mentions frame (:func:`analysis.actors.find_mentions`).

    Returns:
        An ``agency`` frame, one row per verb, role and actor.
    """
    cast = _Cast(doc, mentions)
    rows = []
    seen = set()
    possession = {row["lemma"] for row in _lexicon_rows(POSSESSION_VERBS, "lemma")}
    for verb in doc:
        if verb.pos_ != "VERB" or verb.lemma_ in possession or verb.lemma_ in _speech_verbs():
            continue
        for role, tokens in (("agent", agents_of(verb)), ("patient", patients_of(verb))):
            for token in tokens:
                found = cast.credit(token)
                if found is None or (verb.i, role, found.actor) in seen:
                    continue
                seen.add((verb.i, role, found.actor))
                rows.append(_agency_row(doc, article_id, verb, role, found))
    return frames.conform("agency", rows)


def _agency_row(doc: Doc, article_id: str, verb: Token, role: str, found: _Credit) -> dict:
    return {
        "article_id": article_id,
        "sent_id": nlp.sent_id_of(doc, verb.idx),
        "actor": found.actor,
        "side": found.side,
        "role": role,
        "verb": verb.text,
        "verb_lemma": verb.lemma_,
        "verb_start": verb.idx,
        "verb_end": verb.idx + len(verb),
        "start": found.start,
        "end": found.end,
        "text": nlp.text_of(doc)[found.start : found.end],
        "via": found.via,
    }


def agency_summary(agency_frame: pd.DataFrame) -> pd.DataFrame:
    """How often each actor is agent and patient.

    Args:
        agency_frame: a frame from :func:`agency` (one or many articles).

    Returns:
        An ``agency_summary`` frame: actor, side, role, n — every actor with both roles (zero
        counts included), most active actors first.
    """
    counts = (
        agency_frame.groupby(["actor", "role"])
        .size()
        .unstack(fill_value=0)
        .reindex(columns=["agent", "patient"], fill_value=0)
    )
    order = counts.sum(axis=1).sort_values(ascending=False, kind="stable").index
    sides = _most_common_side(agency_frame)
    long = counts.loc[order].stack().rename("n").reset_index()
    return frames.conform("agency_summary", long.assign(side=long["actor"].map(sides)))


# --- labels, scare quotes, hedges ---------------------------------------------------------------


def labels_and_hedges(
    doc: Doc,
    article_id: str,
    *,
    mentions: pd.DataFrame,
    quotes: pd.DataFrame,
) -> pd.DataFrame:
    """Competing labels, scare quotes and verification hedges, with who uses each.

    Labels come from ``data/lexicons/competing_labels.csv`` (longest match); their user is the
    speaker of the quote they sit in, else the subject of the saying or naming verb they depend
    on ("Russia says it is waging a “special military operation”"; "Ukraine and the West describe
    ... as an unprovoked war of aggression"), else nobody (the outlet's own wording). Scare quotes
    are short quoted words modifying a noun outside the marks (“kamikaze” drones). Hedges come
    from ``data/lexicons/hedges.csv``; their actor is the subject of the hedging verb ("Reuters
    could not independently verify").

    Args:
        doc: the parsed article.
        article_id: the article's id.
        mentions: the actors layer's mentions frame (:func:`analysis.actors.find_mentions`).
        quotes: the quotes layer's frame (:func:`analysis.quotes.find_quotes`), to credit labels
            and scare quotes to speakers.

    Returns:
        A ``framing_marks`` frame (kind: label | scare_quote | hedge), in text order.
    """
    context = _Context(doc, _Cast(doc, mentions), _QuoteIndex(quotes))
    marks = _labels(context) + _scare_quotes(context) + _hedges(context)
    rows = [{"article_id": article_id, **mark} for mark in sorted(marks, key=lambda m: m["start"])]
    return frames.conform("framing_marks", rows)


class _QuoteIndex:
    """The quotes with a speaker, as arrays: who speaks at a span is one vectorised lookup."""

    def __init__(self, quotes: pd.DataFrame) -> None:
        spoken = quotes.dropna(subset=["speaker"])
        self.starts = spoken["start"].to_numpy("int64")
        self.ends = spoken["end"].to_numpy("int64")
        self.speakers = spoken["speaker"].astype(str).to_numpy()

    def speaker_at(self, start: int, end: int) -> str | None:
        """The speaker of the first quote (in frame order) whose content covers the span."""
        inside = np.flatnonzero((self.starts <= start) & (self.ends >= end))
        return str(self.speakers[inside[0]]) if inside.size else None


@dataclass
class _Context:
    doc: Doc
    cast: _Cast
    quotes: _QuoteIndex


def _mark(context: _Context, kind: str, span: Span, entry: str, category: str) -> dict:
    return {
        "kind": kind,
        "sent_id": nlp.sent_id_of(context.doc, span.start_char),
        "start": span.start_char,
        "end": span.end_char,
        "text": span.text,
        "entry": entry,
        "category": category,
    }


def _labels(context: _Context) -> list[dict]:
    rows = _lexicon_rows(COMPETING_LABELS, "pattern", "referent", "side")
    lexicon = {row["pattern"]: row for row in rows}
    marks = []
    for span in _phrase_spans(context.doc, lexicon):
        if _inside_longer_entity(span):
            continue
        entry = lexicon[span.label_]
        user = _user_of(context, span)
        mark = _mark(context, "label", span, entry["pattern"], entry["referent"])
        marks.append({**mark, **user, "entry_side": entry["side"] or pd.NA})
    return marks


def _inside_longer_entity(span: Span) -> bool:
    """ "war" in "World War Two" is part of a name, not a label."""
    return any(
        ent.start <= span.start and span.end <= ent.end and len(ent) > len(span)
        for ent in span.doc.ents
    )


def _user_of(context: _Context, span: Span) -> dict:
    """``actor`` and ``side`` of whoever the words belong to, or ``<NA>`` for the narrator.

    Words are a speaker's when they sit inside quotation marks within that speaker's quote or
    under their saying verb, or under a verb of standing position ("Russia says", "describe ...
    as"); other words of an indirect report are the outlet's paraphrase.
    """
    quoted = _in_quotation_marks(span)
    speaker = context.quotes.speaker_at(span.start_char, span.end_char) if quoted else None
    if speaker is not None:
        return {"actor": speaker, "side": context.cast.side_of(speaker)}
    markers = _verb_markers()
    verb = next((t for t in span.root.ancestors if t.lemma_ in markers and t.pos_ == "VERB"), None)
    marker = markers.get(verb.lemma_) if verb is not None else None
    owned = marker is not None and (
        quoted or marker["stance"] == "position" and _fits(verb, marker["when"])
    )
    holders = context.cast.agents(verb) if owned else []
    if not holders:
        return {"actor": pd.NA, "side": pd.NA}
    sides = [h.side for h in holders if h.side]
    return {
        "actor": " | ".join(dict.fromkeys(h.actor for h in holders)),
        "side": " | ".join(dict.fromkeys(sides)) or pd.NA,
    }


def _in_quotation_marks(span: Span) -> bool:
    """Inside a pair of quotation marks: the outermost quotations are sorted and disjoint, so
    only the last one opening before the span can hold it."""
    quotations = nlp.quotation_spans(span.doc)
    at = bisect.bisect_left(quotations, (span.start_char,)) - 1
    return at >= 0 and span.end_char < quotations[at][1]


def _scare_quotes(context: _Context) -> list[dict]:
    marks = []
    doc = context.doc
    for start, end in nlp.quotation_spans(doc):
        span = doc.char_span(start + 1, end - 1)
        if span is None or len(span) > _MAX_SCARE_WORDS or not _modifies_outside(span):
            continue
        mark = _mark(context, "scare_quote", span, "quoted modifier", "scare quote")
        marks.append({**mark, **_user_of(context, span), "entry_side": pd.NA})
    return marks


def _modifies_outside(span: Span) -> bool:
    root = span.root
    outside = not (span.start <= root.head.i < span.end)
    return outside and root.dep_ in ("amod", "compound", "nmod") and root.head.pos_ == "NOUN"


def _hedges(context: _Context) -> list[dict]:
    rows = _lexicon_rows(HEDGES, "pattern", "match", "category")
    matcher = Matcher(context.doc.vocab)
    tokenizer = nlp.load_model().tokenizer
    for row in rows:
        attr = "LEMMA" if row["match"] == "lemma" else "LOWER"
        words = [t.text.lower() for t in tokenizer(row["pattern"])]
        matcher.add(row["pattern"], [[{attr: word} for word in words]])
    categories = {row["pattern"]: row["category"] for row in rows}
    spans = [Span(context.doc, s, e, label=key) for key, s, e in matcher(context.doc)]
    marks = []
    for span in sorted(filter_spans(spans), key=lambda s: s.start):
        mark = _mark(context, "hedge", span, span.label_, categories[span.label_])
        marks.append({**mark, **_hedge_actor(context, span), "entry_side": pd.NA})
    return marks


def _hedge_actor(context: _Context, span: Span) -> dict:
    verb = span.root if span.root.pos_ in ("VERB", "AUX") else span.root.head
    holders = context.cast.agents(verb)
    if not holders:
        return {"actor": pd.NA, "side": pd.NA}
    return {"actor": holders[0].actor, "side": holders[0].side or pd.NA}
