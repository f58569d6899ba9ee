"""Questions of grammar that more than one layer asks of spaCy's dependency parse, answered once.

- :func:`is_relative` — is this word a relative pronoun ("who", "whom", "which", "that")?
- :func:`relative_antecedent` — which noun does a relative pronoun stand for?
- :func:`to_infinitive` — is this verb a to-infinitive ("ordered the FSB *to step up*")?

The actors layer (a pronoun's antecedent), the quotes layer (a speaker "who said") and framing
(the agents of a verb in a relative clause) all read relative clauses through these; the quotes
layer's cues, contents and speakers ask which clauses are to-infinitives.
"""

from __future__ import annotations

from spacy.tokens import Token

#: The relative pronouns (a closed class of English), as tagged WP or WDT by the parser.
RELATIVE_PRONOUNS = frozenset({"who", "whom", "which", "that"})


def is_relative(token: Token) -> bool:
    """Whether ``token`` is a relative pronoun ("who", "whom", "which", "that", tagged WP/WDT)."""
    return token.tag_ in ("WDT", "WP") and token.lower_ in RELATIVE_PRONOUNS


def relative_antecedent(pronoun: Token) -> Token | None:
    """The noun a relative pronoun stands for: the head of the relative clause it is in.

    "the officials who said" → officials; "a town that Russia has long tried to capture" → town
    (the clause is climbed through the verbs inside it).

    Returns:
        The antecedent's head token, or None when ``pronoun`` is not a relative pronoun or is in
        no relative clause (a question's "who").
    """
    if not is_relative(pronoun):
        return None
    clause = pronoun.head
    while clause.dep_ not in ("relcl", "ROOT") and clause.head != clause:
        clause = clause.head
    return clause.head if clause.dep_ == "relcl" else None


def to_infinitive(verb: Token) -> bool:
    """Whether ``verb`` is marked by infinitival "to" ("ordered the FSB to step up" → step)."""
    return any(child.dep_ == "aux" and child.lower_ == "to" for child in verb.children)
