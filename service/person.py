"""Glossary wording retold about someone else: "your kidneys" -> "the person's kidneys".

Definitions are written to the reader who has the condition ("This can make you shake").
A caregiver reads them about the person they look after, so an audience with
`definitions_about` gets each borrowed wording with "you" made that person: the first
mention in a sentence names them, later ones are pronouns, and a verb whose subject
"you" was agrees with its new subject ("the person takes", "they take").
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from spacy.tokens import Doc, Token

from .audience import Audiences
from .glossary import Entry, Glossary, Wording
from .lexicon import forms_of, lemmas_of

SECOND_PERSON_WORDS = frozenset({"you", "your", "yours", "yourself"})
# a later mention in the same sentence, as subject, as object, as owner
LATER = {"subject": "they", "object": "them", "your": "their", "yours": "theirs"}
THIRD_PERSON = {"are": "is", "were": "was", "have": "has", "do": "does"}
MODALS = frozenset({"can", "cannot", "may", "might", "must", "should", "will", "would", "could"})
ADVERBS = frozenset({"only", "often", "also", "just", "still", "then", "now", "never", "first"})
# "make you shake", "help you breathe": "you" is the object, and the next verb is not its own
OBJECT_TAKERS = frozenset(
    {"make", "makes", "made", "making", "let", "lets", "letting", "help", "helps", "helped",
     "helping", "keep", "keeps", "kept", "keeping", "see", "sees", "watch", "watches", "hear"}
)  # fmt: skip
PREPOSITIONS = frozenset(
    {"for", "to", "with", "in", "into", "inside", "at", "on", "from", "around", "about", "of",
     "by", "like"}
)  # fmt: skip
CLAUSE_BREAKS = frozenset(
    {"that", "which", "who", "when", "if", "because", "so", "while", "until", "since", "after",
     "before", "but", "as", "than", "where", "what", "how", ".", "!", "?", ";", ":", "("}
)  # fmt: skip
COORDINATORS = frozenset({"and", "or", "then"})
# words lemminflect also knows as verbs that after "you" are not ("holds you back")
NOT_VERBS = frozenset({"back", "up", "down", "out", "off", "away", "well", "right", "like"})
TAKES_AN_OBJECT = frozenset({"a", "an", "the", "it", "them", "one", "some", "more", "less", "each"})


def retold_glossary(
    glossary: Glossary, audiences: Audiences, tokenize: Callable[[str], Doc]
) -> Glossary:
    """The glossary with, for each audience that has `definitions_about`, its own wording
    wherever it borrows one (`wording_fallback`) that speaks to "you". Each is retold
    from the wording as written, never from another audience's retelling."""
    retelling = [a for a in audiences if a.definitions_about is not None]
    if not retelling:
        return glossary
    entries = {}
    for key, entry in glossary.entries.items():
        retold = {}
        for audience in retelling:
            wording = _retold_wording(
                entry, audience.wording_chain, audience.definitions_about, tokenize
            )
            if wording is not None:
                retold[audience.id] = wording
        entries[key] = (
            dataclasses.replace(entry, wording={**entry.wording, **retold}) if retold else entry
        )
    return dataclasses.replace(glossary, entries=entries)


def _retold_wording(
    entry: Entry, chain: tuple[str, ...], person: str, tokenize: Callable
) -> Wording | None:
    borrowed = entry.wording_for(chain)
    if chain[0] in entry.wording or borrowed is None:
        return None
    if "you" not in f"{borrowed.plain} {borrowed.definition}".lower():
        return None  # most wording: no need to tokenize it
    plain, definition = tokenize(borrowed.plain), tokenize(borrowed.definition)
    if gives_an_order(plain) or gives_an_order(definition):
        return None  # "do not drink alcohol while you take it" is said to the one who takes it
    plain, definition = retell(plain, person), retell(definition, person)
    if (plain, definition) == (borrowed.plain, borrowed.definition):
        return None
    return Wording(plain, definition, borrowed.plural)


def retell(doc: Doc, person: str) -> str:
    """`doc`'s text with the reader ("you", "your") made `person` ("the person")."""
    if not any(token.lower_ in SECOND_PERSON_WORDS for token in doc):
        return doc.text
    words = [token.text for token in doc]
    named = False
    for token in doc:
        if token.is_sent_start:
            named = False
        lower = token.lower_
        if lower not in SECOND_PERSON_WORDS:
            continue
        if lower == "yourself":
            words[token.i] = "themselves"
        elif lower in ("your", "yours"):
            words[token.i] = LATER[lower] if named else f"{person}'s"
        else:
            verb = _own_verb(token)
            role = "subject" if verb is not None else "object"
            words[token.i] = LATER[role] if named else person
            if verb is not None and not named:
                for agreeing in (verb, *_coordinated_verbs(verb)):
                    words[agreeing.i] = _third_person(agreeing) or words[agreeing.i]
        named = True
        if token.text[:1].isupper():
            words[token.i] = words[token.i][:1].upper() + words[token.i][1:]
    return "".join(word + token.whitespace_ for word, token in zip(words, doc, strict=True))


def gives_an_order(doc: Doc) -> bool:
    """Whether a clause after the first word opens with a verb's base form ("PRN means take
    the dose ...", "...; do not drink ..."): an order to the reader, who would then be
    someone else than the one it is about."""
    for token in doc[1:]:
        opens = token.is_sent_start or doc[token.i - 1].lower_ in ("means", ";", ":")
        if opens and (token.lower_ in ("do", "don't", "never") or _base_verb_only(token)):
            return True
    return False


def _base_verb_only(token: Token) -> bool:
    lower = token.lower_
    lemmas = lemmas_of(lower, "VERB").get("VERB", ())
    return any(lower in forms_of(lemma, "VB") for lemma in lemmas) and not _can_be_noun(token)


def _own_verb(you: Token) -> Token | None:
    """The verb whose subject `you` is ("you take"), None when `you` is an object ("make
    you shake", "for you") or the next word is no verb ("you and your doctor")."""
    doc = you.doc
    if you.i and doc[you.i - 1].lower_ in OBJECT_TAKERS | PREPOSITIONS:
        return None
    for token in doc[you.i + 1 : you.i + 3]:
        if token.lower_ in ADVERBS or token.lower_ == "not":
            continue
        lower = token.lower_
        if lower in MODALS or lower in THIRD_PERSON or _third_person(token):
            return token
        return None
    return None


def _third_person(token: Token) -> str | None:
    """ "take" -> "takes", "are" -> "is"; None for a modal, a past form or no verb."""
    lower = token.lower_
    if lower in MODALS:
        return None
    agreed = THIRD_PERSON.get(lower)
    if agreed is None and token.is_alpha and lower not in NOT_VERBS:
        lemmas = lemmas_of(lower, "VERB").get("VERB", ())
        lemma = next((lemma for lemma in lemmas if lower in forms_of(lemma, "VB")), None)
        agreed = forms_of(lemma, "VBZ")[0] if lemma and forms_of(lemma, "VBZ") else None
    if agreed is None:
        return None
    return agreed.capitalize() if token.text[:1].isupper() else agreed


def _coordinated_verbs(verb: Token) -> list[Token]:
    """ "you eat and drink", "you think, learn, and keep": later verbs of the same subject,
    up to the end of its clause. After "can" or "do" they stay as they are."""
    doc = verb.doc
    found: list[Token] = []
    if verb.lower_ in MODALS or verb.lower_ == "do":
        return found
    previous_verb = verb
    for token in doc[verb.i + 1 : verb.sent.end]:
        if token.lower_ in CLAUSE_BREAKS:
            break
        if token.lower_ not in COORDINATORS and token.text != ",":
            continue
        following = _next_word(token)
        if following is None or following.lower_ in COORDINATORS or following.text == ",":
            continue
        if following.lower_ in MODALS or not _third_person(following):
            if token.text == ",":
                continue
            break
        if token.text == "," and not _series_closes_with_a_verb(following):
            continue
        if _can_be_noun(following) and not _acts_as_verb(following, previous_verb):
            break
        found.append(following)
        previous_verb = following
    return found


def _next_word(token: Token) -> Token | None:
    doc = token.doc
    for following in doc[token.i + 1 : token.i + 3]:
        if following.lower_ not in ADVERBS:
            return following
    return None


def _can_be_noun(token: Token) -> bool:
    return bool(lemmas_of(token.lower_, "NOUN").get("NOUN"))


def _series_closes_with_a_verb(word: Token) -> bool:
    """ "you think, learn, and keep": a verb after a comma joins the series only if "and"
    or "or" then brings one more ("you breathe in, like tiotropium, that ..." does not)."""
    doc = word.doc
    for token in doc[word.i + 1 : word.sent.end]:
        if token.lower_ in CLAUSE_BREAKS:
            return False
        if token.lower_ in ("and", "or"):
            following = _next_word(token)
            return following is not None and _third_person(following) is not None
    return False


def _acts_as_verb(word: Token, previous_verb: Token) -> bool:
    """ "eat and drink" joins two verbs; "take pills and water" joins two nouns. A word
    that can be either is a verb when only commas and "and"/"or" stand between it and
    the last verb, or when it takes an object."""
    doc = word.doc
    between = doc[previous_verb.i + 1 : word.i]
    if all(t.text == "," or t.lower_ in COORDINATORS or t.lower_ in ADVERBS for t in between):
        return True
    after = doc[word.i + 1] if word.i + 1 < len(doc) else None
    return after is not None and after.lower_ in TAKES_AN_OBJECT
