"""Questions of grammar that more than one layer asks of spaCy's dependency parse, answered once.

- :func:`is_relative` — is this word a relative pronoun ("who", "whom", "which", "that")?
- :func:`relative_antecedent` — which noun does a relative pronoun stand for?
- :func:`to_infinitive` — is this verb a to-infinitive ("ordered the FSB *to step up*")?
- :func:`controlling_objects` — whose act is a verb's complement clause when the verb has an
  object ("forced *the chief executive* to admit")?

The actors layer (a pronoun's antecedent), the quotes layer (a speaker "who said") and framing
(the agents of a verb in a relative clause) all read relative clauses through these; the quotes
layer's cues, contents and speakers ask which clauses are to-infinitives; the quotes layer (who
says "to admit") and framing (who acts in "to step up") ask which object controls one.
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


def controlling_objects(clause: Token) -> list[Token]:
    """The objects whose act a complement clause is: "forced the chief executive to admit …",
    "ordered the FSB to step up …", "helped Ukraine defend …" → that object, not the governing
    verb's subject (object control).

    Returns:
        The direct objects (no conjuncts, no relative pronouns) the governing verb has before
        ``clause``; empty when it has none or ``clause`` is not a complement clause (``xcomp``).
    """
    if clause.dep_ != "xcomp":
        return []
    return [
        child
        for child in clause.head.children
        if child.dep_ == "dobj" and child.i < clause.i and not is_relative(child)
    ]
