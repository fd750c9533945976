"""`trial_groups`: "randomized N people with X to A" -> "... with X. They were assigned to A":
who was in a trial and how its groups were made read as two sentences.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from ..render import ADVERBS_BEFORE_VERB
from .edits import Edit
from .tokens import (
    AUXILIARIES,
    MIN_SIDE_WORDS,
    PEOPLE_WORDS,
    _first_among,
    _in,
    _is_verb_form,
    bracket_depths,
    is_finite_verb,
    words,
)

ASSIGNING_VERBS = frozenset({"randomized", "randomised", "allocated", "assigned"})
PLACING_VERBS = frozenset({"allocated", "assigned"})  # need their "to ..." to read whole
RANGE_WORDS = frozenset({"mild", "moderate", "severe", "low", "high", "up", "from", "close"})


def trial_group_edits(sentence: Span) -> list[Edit]:
    """Who took part and what they got, or which trial and what it found, as two sentences."""
    return (
        _assigned_group_edits(sentence)
        or trial_opener_edits(sentence)
        or named_trial_group_edits(sentence)
    )


def _assigned_group_edits(sentence: Span) -> list[Edit]:
    """ "Krebs et al. randomized 240 people with back pain to a strong pain drug or exercise
    [3]." -> "Krebs et al. randomized 240 people with back pain. They were assigned to a
    strong pain drug or exercise [3]." Who took part and what they got become two
    sentences. Never "were randomized to" (no one named between), "moderate to severe" or
    "1 to 2" (a range), nor "people admitted to a ward" (the "to" of a describing word)."""
    doc = sentence.doc
    depths = bracket_depths(doc)
    tokens = _in(sentence)
    for k, verb in enumerate(tokens[1:-2], start=1):
        if verb.lower_ not in ASSIGNING_VERBS or depths[verb.i]:
            continue
        before = tokens[k - 1]
        if before.lower_ in ADVERBS_BEFORE_VERB and k > 1:
            before = tokens[k - 2]  # "were also randomized to"
        if tokens[k - 1].text == "-" or before.lower_ in AUXILIARIES:
            return []  # "cluster-randomized", "were randomized to": no group named first
        to = next((j for j in range(k + 2, len(tokens) - 1) if _arm_to(tokens, j)), None)
        if to is None:
            return []
        group, arms = tokens[k + 1 : to], tokens[to + 1 :]
        if words(group) < 2 or words(arms) < 2 or words(tokens[:to]) < MIN_SIDE_WORDS + 1:
            return []
        if any(t.text in (",", ";", ":") for t in group):
            return []  # "randomized 400 adults, most of them older, to ...": an aside between
        last = group[-1]
        split = Edit(last.idx + len(last.text), tokens[to].idx + 2, ". They were assigned to")
        who = _counted_who_edits(group)
        if verb.lower_ in PLACING_VERBS:  # "X assigned 240 people." asks "to what?"
            return [Edit(verb.idx, verb.idx + len(verb.text), "studied"), *who, split]
        return [*who, split]
    return []


MAX_GROUP_WORDS = 3  # "310 older people who ..."
MIN_WHO_WORDS = 4


def _counted_who_edits(group: Sequence[Token]) -> list[Edit]:
    """ "randomized 310 people who were stable after 3 days of treatment to stop or go on"
    -> "randomized 310 people. All were stable after 3 days of treatment. They were assigned
    to ...": the people counted are all the people the "who" clause describes, so "All"
    says the same. Only right after a number and a few words that end in a word for
    people, and only before a verb of its own ("who were", "who had")."""
    if not group[0].like_num:
        return []
    who = next((k for k, t in enumerate(group) if t.lower_ == "who"), None)
    if who is None or who < 2 or who > MAX_GROUP_WORDS + 1:
        return []
    named, clause = group[1:who], group[who + 1 :]
    if named[-1].lower_ not in PEOPLE_WORDS or any(not t.is_alpha for t in named):
        return []
    if not is_finite_verb(clause[0].lower_) or words(clause) < MIN_WHO_WORDS:
        return []
    end = named[-1].idx + len(named[-1].text)
    return [Edit(end, group[who].idx + len(group[who].text), ". All")]


def _arm_to(tokens: Sequence[Token], j: int) -> bool:
    """ "to" that names what a group got, not one inside a range or after a describing word."""
    to = tokens[j]
    if to.lower_ != "to" or bracket_depths(to.doc)[to.i]:
        return False
    before, after = tokens[j - 1], tokens[j + 1]
    if (before.like_num and after.like_num) or (before.is_upper and after.is_upper):
        return False  # "2 to 4 weeks", "class II to IV"
    if before.lower_ in RANGE_WORDS:
        return False  # "moderate to severe", "up to 30%"
    return not (before.lower_.endswith("ed") or _is_verb_form(before.lower_, "VBN"))


# What a trial or study did with the people it counted, read in the past as a report is.
TRIAL_NOUNS = {"trial": "studied", "study": "looked at"}
OPENING_ARTICLES = frozenset({"the", "a", "an"})
MAX_TRIAL_NAME_TOKENS = 6  # "a randomized , double - blind trial"
MAX_COUNTED_WORDS = 12  # "101 hospital patients in an alcohol treatment unit"
PEOPLE_LOOKAHEAD = 4  # "101 hospital patients": the people word close after the number


def trial_opener_edits(sentence: Span) -> list[Edit]:
    """ "In the Magpie trial of 10,141 women with X, the drug halved the risk [2]." -> "The
    Magpie trial studied 10,141 women with X. In it, the drug halved the risk [2].": who took
    part is one thing to take in, what was found is another. Only a trial or study led by
    "the"/"a" whose "of" counts people, then a clause with a verb before any comma; never
    "trials of" (several), "a trial of 6 months" (no people) or "of 300 adults, 200 children
    and ..." (a series: the comma is no end of the opener)."""
    tokens = _in(sentence)
    if len(tokens) < 8 or tokens[0].lower_ != "in" or tokens[1].lower_ not in OPENING_ARTICLES:
        return []
    noun = _first_among(tokens, TRIAL_NOUNS, 2, min(len(tokens) - 3, MAX_TRIAL_NAME_TOKENS + 2))
    if noun is None or tokens[noun + 1].lower_ != "of" or not tokens[noun + 2].like_num:
        return []
    if any(not (t.is_alpha or t.text in ",-") for t in tokens[2:noun]):
        return []  # "In the trial's second year of 3 ..."
    depths = bracket_depths(sentence.doc)
    comma = next(
        (k for k in range(noun + 3, len(tokens))
         if tokens[k].text == "," and not depths[tokens[k].i]),
        None,
    )  # fmt: skip
    if comma is None or words(tokens[noun + 3 : comma]) > MAX_COUNTED_WORDS:
        return []
    counted = tokens[noun + 3 : min(comma, noun + 3 + PEOPLE_LOOKAHEAD)]
    if not any(t.lower_ in PEOPLE_WORDS for t in counted):
        return []
    clause = tokens[comma + 1 :]
    verb = next(
        (k for k, t in enumerate(clause) if t.text == "," or is_finite_verb(t.lower_)), None
    )
    if verb is None or clause[verb].text == "," or words(clause) < MIN_SIDE_WORDS:
        return []
    article, of = tokens[1], tokens[noun + 1]
    return [
        Edit(tokens[0].idx, article.idx + len(article.text), article.text.capitalize()),
        Edit(of.idx, of.idx + len(of.text), TRIAL_NOUNS[tokens[noun].lower_]),
        Edit(tokens[comma].idx, tokens[comma].idx + 1, ". In it,"),
    ]


MAX_NAME_TOKENS = 3  # "TRANSFORM - 2"


def named_trial_group_edits(sentence: Span) -> list[Edit]:
    """ "In ARISE, 1,600 adults with X were randomized to A or B [2]." -> "ARISE studied 1,600
    adults with X. They were assigned to A or B [2].": the people counted, then what they
    got. Only a name in capitals after "In", a count, and "were randomized to" with no verb
    between ("In ARISE, 1,600 adults started A and were randomized to B" is
    `verb_coordinations`' to split)."""
    tokens = _in(sentence)
    if len(tokens) < 8 or tokens[0].lower_ != "in":
        return []
    comma = next((k for k in range(1, MAX_NAME_TOKENS + 2) if tokens[k].text == ","), None)
    if comma is None or comma < 2 or not tokens[comma + 1].like_num:
        return []
    name = tokens[1:comma]
    if not name[0].text[:1].isupper() or any(t.is_alpha and t.is_lower for t in name):
        return []  # "In the trial", "In adults"
    were = next((k for k in range(comma + 2, len(tokens) - 3) if tokens[k].lower_ == "were"), None)
    if were is None or tokens[were + 1].lower_ not in ASSIGNING_VERBS:
        return []
    if tokens[were + 2].lower_ != "to" or words(tokens[were + 3 :]) < 2:
        return []
    group = tokens[comma + 1 : were]
    if words(group) < 2 or any(
        t.text in (",", ";", ":") or (is_finite_verb(t.lower_) and not _describes(t))
        for t in group[1:]
    ):
        return []
    if not any(t.lower_ in PEOPLE_WORDS for t in group[1 : 1 + PEOPLE_LOOKAHEAD]):
        return []
    last, to = group[-1], tokens[were + 2]
    return [
        Edit(tokens[0].idx, name[0].idx),
        Edit(tokens[comma].idx, tokens[comma].idx + 1, " studied"),
        Edit(last.idx + len(last.text), to.idx + len(to.text), ". They were assigned to"),
    ]


def _describes(token: Token) -> bool:
    """ "adults aged 65", "people admitted to ...": an "-ed" word right after the people it
    describes is no verb of theirs."""
    return (
        token.i > 0
        and token.doc[token.i - 1].lower_ in PEOPLE_WORDS
        and (_is_verb_form(token.lower_, "VBN"))
    )
