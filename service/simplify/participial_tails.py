"""`participial_tails`: a tail after the main clause (", leading to B", ", with A as B",
", typically four to six A", "X in 43% of A vs. 27% of B") becomes a sentence of its own.
The largest family; its rules share only the token helpers, so it stands alone.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import pairwise

from spacy.tokens import Span, Token

from ..lexicon import forms_of, lemmas_of
from ..nlp import is_citation, span_text, token_columns
from ..render import ADVERBS_BEFORE_VERB
from .edits import Edit, Part
from .tokens import (
    ADVISING_VERBS,
    AUXILIARIES,
    CLAUSE_MARKS,
    CLAUSE_WORDS,
    CLOSING_MARKS,
    CONDITION_OPENERS,
    DETERMINERS,
    JOINERS,
    LIMITING_WORDS,
    MAX_ADVISER_WORDS,
    MAX_ASIDE_WORDS,
    MAX_ITEM_WORDS,
    MIN_OBJECT_WORDS,
    MIN_SIDE_WORDS,
    MODALS,
    NEGATING_WORDS,
    NOT_ACTIONS,
    NOT_SUBJECTS,
    PEOPLE_WORDS,
    PREPOSITIONS,
    PROHIBITIONS,
    PRONOUNS,
    RESULT_VERBS,
    STUDY_HEADS,
    SUBJECT_STARTS,
    _after_commas,
    _any_clause_verb,
    _any_verb,
    _be,
    _closes_with_full_stop,
    _comma_before,
    _continues_series,
    _first_among,
    _has_finite_verb,
    _has_verb,
    _has_word,
    _ids_of,
    _in,
    _is_advice,
    _is_base_verb,
    _is_clause_verb,
    _is_gerund,
    _is_imperative,
    _is_participle_form,
    _is_plural_noun,
    _is_subject,
    _is_verb_form,
    _names_people,
    _names_plural,
    _next_mark,
    _participle_after_noun,
    _plural_present,
    _repeated_subject,
    _reports_the_past,
    _sentence_ids,
    _starts_clause,
    _tells_the_past,
    _word_id,
    _words_outside_brackets,
    bracket_depths,
    is_finite_verb,
    words,
)

SIGN_NOUNS = frozenset({"sign", "marker", "signal", "measure"})


def _closing_sign_edits(sentence: Span) -> list[Edit]:
    """ "... beyond about 0.5 units/kg daily, a sign of too much all-day insulin [1]." ->
    "... daily [1]. This is a sign of too much all-day insulin.": a closing aside that says
    what the claim's figure points to, behind the claim and its citation. Only "a
    sign/marker/signal/measure of", after a claim with a figure, and only when it ends the
    sentence."""
    if not _has_word(sentence, SIGN_NOUNS) or not _comma_before(sentence, ("a", "an")):
        return []
    if not _closes_with_full_stop(sentence):
        return []
    depths = bracket_depths(sentence.doc)
    tokens = _in(sentence)
    for k in range(MIN_SIDE_WORDS + 1, len(tokens) - 3):
        comma, article, noun = tokens[k - 1], tokens[k], tokens[k + 1]
        if comma.text != "," or article.lower_ not in ("a", "an") or depths[article.i]:
            continue
        if noun.lower_ not in SIGN_NOUNS or tokens[k + 2].lower_ != "of":
            continue
        left, aside = tokens[: k - 1], tokens[k:]
        if not (_has_verb(left) or _has_finite_verb(left)) or not any(t.like_num for t in left):
            return []  # "a test of how fast cells sink, a sign of ...": "This" is the test
        if _clause_word_in_claim(left):
            return []  # "and if A, B is added ..., a sign of C": a later split moves "if A"
        citations = [t for t in aside if is_citation(t)]
        body = [t for t in aside if not is_citation(t)][:-1]  # without the full stop
        if any(t.text in CLAUSE_MARKS for t in body) or words(body) < MIN_SIDE_WORDS:
            return []
        if citations and citations[0].i < body[-1].i:
            return []  # a citation inside the aside: it supports the aside, not the claim
        be = "was" if _reports_the_past(left) else "is"
        last = body[-1]
        moved = (
            ". This ", be, " ", (article.idx, last.idx + len(last.text), ""), "."
        )  # fmt: skip
        if citations:
            cited = (citations[0].idx, citations[-1].idx + len(citations[-1].text), "")
            moved = (" ", cited, *moved)
        return [Edit(comma.idx, sentence.end_char, parts=moved)]
    return []


# ", defined as B" -> ". This is defined as B".
DESCRIBING_PARTICIPLES = frozenset({"defined", "measured", "tailored", "given", "based", "used"})


def _aside_before_relative(right: Sequence[Token]) -> bool:
    """The words after the opener close with a comma and "that", "which" or "who": an aside
    between a noun and the clause that describes it."""
    depths = bracket_depths(right[0].doc)
    return any(
        t.text == "," and not depths[t.i] and right[k + 1].lower_ in ("that", "which", "who")
        for k, t in enumerate(right[:-1])
    )


FINDING_PARTICIPLES = frozenset({"showing", "suggesting", "confirming"})


def _names_a_study(left: Sequence[Token]) -> bool:
    """ "The TEAR study reached a similar conclusion, showing that A" -> "... . It showed that
    A": what a study showed is said by the study, not by its last noun ("This showed" read
    as the conclusion). Only a subject that opens the sentence and names a study."""
    for token in left:
        if token.text in CLAUSE_MARKS or token.lower_ in CLAUSE_WORDS:
            return False
        if is_finite_verb(token.lower_):
            return False  # the verb came first: no study named as the subject
        if token.lower_ in STUDY_HEADS:
            return True
    return False


def participial_tail_edits(sentence: Span) -> list[Edit]:
    """ ", leading to B" -> ". This leads to B" ("led" when the sentence is in the past);
    also causing, resulting in, making, supporting, showing and other verbs of result;
    ", with A rated as B" -> ". A is rated as B"."""
    edits = (
        _with_target_edits(sentence)  # before "with A <participle>": "with a clotting test target"
        or _absolute_with_edits(sentence)
        or _with_as_edits(sentence)
        or _with_ing_edits(sentence)
        or _with_similar_edits(sentence)
    )
    openers = {*RESULT_VERBS, *DESCRIBING_PARTICIPLES, "compared"}
    for token, left, right in _after_commas(sentence, openers):
        if words(left) < MIN_SIDE_WORDS or words(right) < 2 or not _has_verb(left):
            continue
        if left[-1].lower_ in (*JOINERS, "but"):
            continue  # "habit-forming and, used often, make ...": an aside inside a clause
        if _aside_before_relative(right):
            continue  # "a drug, used in cancer too, that stops ...": "that" needs the noun
        past = _tells_the_past(left)
        if token.lower_ == "compared":
            if right[0].lower_ not in ("with", "to"):
                continue
            verb = "compares"  # ", compared with 1.8 days" -> ". This compares with 1.8 days"
        elif token.lower_ in DESCRIBING_PARTICIPLES:
            verb = ("was " if past else "is ") + token.lower_
        else:
            forms = forms_of(RESULT_VERBS[token.lower_], "VBD" if past else "VBZ")
            verb = forms[0] if forms else RESULT_VERBS[token.lower_]
        this = "It" if token.lower_ in FINDING_PARTICIPLES and _names_a_study(left) else "This"
        edits.append(
            Edit(token.doc[token.i - 1].idx, token.idx + len(token.text), f". {this} {verb}")
        )
    if edits:
        # "A in 17.9% compared with 7.4%, with a harm profile close to B": both at once, as a
        # sentence opening with "In the trial," gets no second look (`follow_up`)
        comparison = _bare_comparison_edits(sentence)
        if comparison and all(comparison[-1].end <= edit.start for edit in edits):
            return comparison + edits
        return edits
    return (
        _bare_comparison_edits(sentence)
        or _similar_to_those_edits(sentence)
        or _rather_than_edits(sentence)
        or _typical_tail_edits(sentence)
        or _typical_aside_edits(sentence)
        or _mainly_tail_edits(sentence)
        or _mainly_aside_edits(sentence)
        or _depending_tail_edits(sentence)
        or _closing_sign_edits(sentence)
        or _with_series_tail_edits(sentence)
        or _without_risk_edits(sentence)
        or _advised_check_edits(sentence)
        or _fronted_definition_edits(sentence)
        or _closing_causes_edits(sentence)
        or _outcome_series_edits(sentence)
        or _subject_outcome_series_edits(sentence)
        or _per_source_edits(sentence)
        or _bare_such_as_edits(sentence)
        or _used_for_edits(sentence)
        or _figure_series_edits(sentence)
        or _state_with_edits(sentence)
        or _with_aside_choice_edits(sentence)
        or _regardless_tail_edits(sentence)
        or _mostly_described_edits(sentence)
        or _followed_by_tail_edits(sentence)
        or _purpose_tail_edits(sentence)
    )


NOT_FOLLOWED_AFTER = frozenset({*AUXILIARIES, *MODALS, "be", "been", "being", "not"})


def _followed_by_tail_edits(sentence: Span) -> list[Edit]:
    """ "It is given as 4 g by vein over 20 minutes followed by 1 g per hour." -> "It is
    given as 4 g by vein over 20 minutes. This is followed by 1 g per hour.": the next step
    of a dose or plan, once the claim is whole ("was followed" in a report). Only a closing
    "followed by" after a claim with its own verb; never "is followed by" (the verb itself),
    a step before the main verb ("A followed by B is advised"), a tail that goes on with a
    comma or a clause, nor after "A or B" with no comma between (the step is B's alone)."""
    if not _has_word(sentence, ("followed",)) or not _closes_with_full_stop(sentence):
        return []
    depths = bracket_depths(sentence.doc)
    tokens = _in(sentence)
    at = next(
        (k for k in range(1, len(tokens) - 2)
         if tokens[k].lower_ == "followed" and tokens[k + 1].lower_ == "by"
         and not depths[tokens[k].i]),
        None,
    )  # fmt: skip
    if at is None or _verb_group_before(tokens, at):
        return []
    before = tokens[at - 1]
    left = tokens[: at - 1] if before.text == "," else tokens[:at]
    right = [t for t in tokens[at + 2 :] if not is_citation(t)][:-1]  # without the full stop
    if words(left) < MIN_SIDE_WORDS or words(right) < 3 or not _has_verb(left):
        return []
    if any(t.text in CLAUSE_MARKS and not depths[t.i] for t in right):
        return []
    if _any_clause_verb(right) or any(t.lower_ in CLAUSE_WORDS for t in right):
        return []
    if _open_choice(tokens[:at]):
        return []
    be = "was" if _reports_the_past(left) else "is"
    start = before.idx if before.text == "," else before.idx + len(before.text)
    followed = tokens[at]
    return [Edit(start, followed.idx + len(followed.text), f". This {be} followed")]


def _open_choice(left: Sequence[Token]) -> bool:
    """ "assigned to A alone or B followed by C": with no comma after the last "or"/"and",
    the step is B's alone, and "This" would name both."""
    joined = max((k for k, t in enumerate(left) if t.lower_ in JOINERS), default=None)
    return joined is not None and not any(t.text == "," for t in left[joined:])


def _verb_group_before(tokens: Sequence[Token], at: int) -> bool:
    """ "is usually followed", "should then be followed": an auxiliary before the word at
    `at`, past any adverbs, makes it the verb of the clause."""
    k = at - 1
    while k > 0 and (_is_adverb(tokens[k]) or tokens[k].lower_ in ADVERBS_BEFORE_VERB):
        k -= 1
    return tokens[k].lower_ in NOT_FOLLOWED_AFTER


def _is_adverb(token: Token) -> bool:
    return token.is_alpha and token.lower_.endswith("ly")


MAX_SOURCE_WORDS = 10


def _per_source_edits(sentence: Span) -> list[Edit]:
    """ "urine tests two to three times a year for A, per the guideline's risk map [1]" ->
    "... for A. This is based on the guideline's risk map [1]": the source a claim follows,
    named at its end. Only a name led by "the"/"a"/"your" with no verb ("per day" stays)."""
    for token, left, right in _after_commas(sentence, {"per"}):
        name = [t for t in right if not is_citation(t) and t.text not in (".", "!", "?")]
        if words(left) < MIN_SIDE_WORDS or not name or words(name) > MAX_SOURCE_WORDS:
            continue
        if name[0].lower_ not in ("the", "a", "an", "your") or _any_clause_verb(name):
            continue
        if any(t.text in CLAUSE_MARKS for t in name):
            continue
        comma = sentence.doc[token.i - 1]
        return [Edit(comma.idx, token.idx + len(token.text), ". This is based on")]
    return []


OUTCOME_NOUNS = frozenset({"composite", "outcome", "endpoint"})
MAX_OUTCOME_NAME = 4  # "the primary kidney composite"


def _outcome_series_edits(sentence: Span) -> list[Edit]:
    """ "D reduced the composite of A, B, or C from 14.5% to 9.2% [3]." -> "D reduced the
    composite from 14.5% to 9.2% [3]. The composite counted A, B, or C.": the change, the
    finding, is read first and keeps the citation; what the combined outcome counts follows.
    Only a series (a comma and "or"/"and") between "of" and "from" a number "to" a number."""
    if not _has_word(sentence, OUTCOME_NOUNS):
        return []
    tokens = _in(sentence)
    depths = bracket_depths(sentence.doc)
    for k, token in enumerate(tokens[:-1]):
        if token.lower_ not in OUTCOME_NOUNS or tokens[k + 1].lower_ != "of" or depths[token.i]:
            continue
        the = next(
            (j for j in range(k - 1, max(k - MAX_OUTCOME_NAME, 0) - 1, -1)
             if tokens[j].lower_ == "the"),
            None,
        )  # fmt: skip
        if the is None or not the or not is_finite_verb(tokens[the - 1].lower_):
            continue
        start = next(
            (j for j in range(len(tokens) - 3, k + 2, -1)
             if tokens[j].lower_ == "from" and not depths[tokens[j].i]
             and tokens[j + 1].like_num and any(t.lower_ == "to" for t in tokens[j + 2 : j + 4])),
            None,
        )  # fmt: skip
        if start is None:
            return []
        series = tokens[k + 2 : start]
        if not _names_series(series):
            return []
        rest = tokens[start:]
        end = len(rest) - (rest[-1].text in (".", "!", "?"))
        if any(t.text in CLAUSE_MARKS for t in rest[:end]):
            return []  # "from 14.5% to 9.2%, leading to ...": the tail has its own rule
        name = span_text(sentence.doc[tokens[the].i + 1 : token.i + 1])
        verb = "counted" if _tells_the_past(tokens[:k]) else "counts"
        last = rest[end - 1]
        return [
            Edit(tokens[k + 1].idx, last.idx + len(last.text), parts=(
                (rest[0].idx, last.idx + len(last.text), ""),
                f". The {name} {verb} ",
                (series[0].idx, series[-1].idx + len(series[-1].text), ""),
            ))
        ]  # fmt: skip
    return []


def _names_series(series: Sequence[Token]) -> bool:
    """What a combined outcome counts: things joined by a comma and "or"/"and", no verb."""
    return (
        any(t.text == "," for t in series)
        and any(t.lower_ in JOINERS for t in series)
        and not _any_clause_verb(series)
        and not any(t.text in CLAUSE_MARKS - {","} for t in series)
    )


def _subject_outcome_series_edits(sentence: Span) -> list[Edit]:
    """ "The primary composite of A, B or C occurred in 6.6% vs. 8.9% of people [2]." ->
    "The primary composite occurred in 6.6% vs. 8.9% of people [2]. The primary composite
    counted A, B or C.": the outcome as the subject, with what it counts after the finding.
    Only a series (a comma and "or"/"and") with no verb, then a finite verb and a number."""
    tokens = _in(sentence)
    if len(tokens) < MIN_SIDE_WORDS * 2 or tokens[0].lower_ != "the":
        return []
    if not _closes_with_full_stop(sentence):
        return []
    k = _first_among(tokens, OUTCOME_NOUNS, 1, min(len(tokens) - 1, MAX_OUTCOME_NAME + 1))
    if k is None or tokens[k + 1].lower_ != "of":
        return []
    verb = next((j for j in range(k + 3, len(tokens)) if is_finite_verb(tokens[j].lower_)), None)
    if verb is None or not any(t.like_num for t in tokens[verb:]):
        return []
    series = tokens[k + 2 : verb]
    if not _names_series(series):
        return []
    name = span_text(sentence.doc[tokens[1].i : tokens[k].i + 1])
    counted = "counted" if _is_verb_form(tokens[verb].lower_, "VBD") else "counts"
    return [
        Edit(tokens[k].idx + len(tokens[k].text), tokens[verb].idx, " "),
        Edit(sentence.end_char, sentence.end_char, parts=(
            f" The {name} {counted} ",
            (series[0].idx, series[-1].idx + len(series[-1].text), ""),
            ".",
        )),
    ]  # fmt: skip


MIN_ALONGSIDE_CLAIM_WORDS = 15


def _with_series_tail_edits(sentence: Span) -> list[Edit]:
    """ "The group advises a plan of A at the highest dose and B, with C, D and E [1]." ->
    "... and B. All of this goes along with C, D and E [1].": a closing "with" and a series
    of three or more things that come with the advice, after a long claim. Only advice ("A was given
    with B, C and D" reports how), never a series of "with" phrases ("people with A, with B,
    C or D"), and only names: no verb, number or "no" in the series."""
    for token, left, right in _after_commas(sentence, {"with"}):
        if words(left) < MIN_ALONGSIDE_CLAIM_WORDS or not left[0].text[:1].isupper():
            continue
        if not _is_advice(left) or not _has_verb(left):
            continue
        depths = bracket_depths(sentence.doc)
        commas = [k for k, t in enumerate(left) if t.text == "," and not depths[t.i]]
        if any(t.lower_ == "with" for t in left[commas[-1] + 1 if commas else 0 :]):
            continue  # "adults who live with pain in the back, with heart disease or stroke"
        series = [t for t in right if not is_citation(t) and t.text not in (".", "!", "?")]
        if any(t.text in CLAUSE_MARKS and t.text != "," for t in series) or not series:
            continue
        joiners = [k for k, t in enumerate(series) if t.lower_ in JOINERS]
        if len(joiners) != 1 or not any(t.text == "," for t in series[: joiners[0]]):
            continue
        if any(t.like_num or t.lower_ in NEGATING_WORDS for t in series):
            continue
        if _any_clause_verb(series) or _is_gerund(series[0]):
            continue
        items = [words(group) for group in _split_at_commas(series)]
        if len(items) < 2 or max(items) > MAX_ITEM_WORDS:
            continue
        comma = sentence.doc[token.i - 1]
        return [Edit(comma.idx, token.idx + len(token.text), ". All of this goes along with")]
    return []


CHECK_NOUNS = frozenset(
    {"review", "reassessment", "assessment", "check", "recheck", "visit", "follow-up"}
)


def _advised_check_edits(sentence: Span) -> list[Edit]:
    """ "The guideline advises that when opioids are started they should be short-acting,
    with a review of benefits and harms within 4 weeks [2]." -> "... should be
    short-acting. It also advises a review of benefits and harms within 4 weeks [2].": a
    check that comes with advised care is advised too, and the adviser says so again. Only
    "<adviser> advises that ...", a closing "with a review/check/visit ..." with no verb of
    its own, and an adviser said again when short ("It", "The group"), else "It"/"They"."""
    if not _has_word(sentence, CHECK_NOUNS):
        return []
    for token, left, right in _after_commas(sentence, {"with"}):
        if len(right) < 3 or right[0].lower_ not in ("a", "an"):
            continue
        if right[1].lower_ not in CHECK_NOUNS:
            continue
        verb = next(
            (k for k, t in enumerate(left[: MAX_ADVISER_WORDS + 2])
             if t.lower_ in ADVISING_VERBS and k + 1 < len(left) and left[k + 1].lower_ == "that"),
            None,
        )  # fmt: skip
        if not verb:
            continue
        subject = left[: verb - 1] if left[verb - 1].lower_ == "also" else left[:verb]
        if not subject or not _is_subject(list(subject)) or words(left) < MIN_OBJECT_WORDS:
            continue
        if any((t.text in CLAUSE_MARKS and t.text != ".") or t.lower_ in AUXILIARIES
               for t in right):  # fmt: skip
            continue  # "with a review, which ...", "with a review that is done ..."
        adviser = left[verb]
        named = _repeated_subject(list(subject), adviser)
        comma = sentence.doc[token.i - 1]
        parts = (". ", named, " also ", (adviser.idx, adviser.idx + len(adviser.text), ""), " ")
        return [Edit(comma.idx, right[0].idx, parts=parts)]
    return []


MAX_CAUSED_NAME = 4  # "poor nutrient absorption"
CHECKING_WORDS = frozenset(
    {"review", "check", "checks", "test", "tests", "testing", "screen", "screening", "look"}
)


def _closing_causes_edits(sentence: Span) -> list[Edit]:
    """ "A poor response should prompt review of missed doses, ongoing blood loss, and poor
    absorption from gluten disease, a stomach germ or acid pills." -> "... and poor
    absorption. Poor absorption can come from gluten disease, a stomach germ or acid
    pills.": the last item of a series that carries a series of its own, its causes,
    reads as a sentence of its own. Only a short name with no verb after the last ", and"/
    ", or" of a series, then "from" and three or more causes that close the sentence."""
    if not _has_word(sentence, ("from",)) or not _closes_with_full_stop(sentence):
        return []
    depths = bracket_depths(sentence.doc)
    tokens = _in(sentence)
    joiner = next(
        (k for k in range(len(tokens) - 2, 1, -1) if tokens[k].lower_ in JOINERS
         and tokens[k - 1].text == "," and not depths[tokens[k].i]),
        None,
    )  # fmt: skip
    if joiner is None:
        return []
    left, after = tokens[: joiner - 1], tokens[joiner + 1 :]
    link = next((f for f, t in enumerate(after[: MAX_CAUSED_NAME + 1]) if t.lower_ == "from"), 0)
    name = after[:link]
    if not name or words(name) > MAX_CAUSED_NAME or _any_clause_verb(name):
        return []
    if not all((t.is_alpha and t.is_lower) or t.text == "-" for t in name):
        return []
    if not any(t.text == "," for t in left) or not (_has_verb(left) or _is_advice(left)):
        return []
    if not any(t.lower_ in CHECKING_WORDS for t in left) or name[-1].lower_ in PEOPLE_WORDS:
        return []  # "ask about A, B, and people from C, D or E": no things to look into
    causes = [t for t in after[link + 1 :] if not is_citation(t)][:-1]  # no full stop
    if any(t.text in CLAUSE_MARKS and t.text != "," for t in causes) or _any_clause_verb(causes):
        return []
    groups = _split_at_commas(causes)
    last = groups[-1]
    joins = [k for k, t in enumerate(last) if t.lower_ in JOINERS]
    if len(groups) < 2 or len(joins) != 1:
        return []
    items = [*groups[:-1], last[: joins[0]], last[joins[0] + 1 :]]
    if min(words(item) for item in items) < 1 or max(map(words, items)) > MAX_ITEM_WORDS:
        return []
    end = name[-1].idx + len(name[-1].text)
    named = (name[0].idx, end, "upper")
    return [Edit(end, after[link].idx + len("from"), parts=(". ", named, " can come from"))]


RISK_NOUNS = frozenset({"risk", "risks", "harm", "harms", "danger", "dangers"})


def _without_risk_edits(sentence: Span) -> list[Edit]:
    """ "Yoga and exercise bring gains that compare well with pills, without the risk of
    bleeding or kidney harm [1]." -> "... with pills. This comes without the risk of bleeding
    or kidney harm [1].": a closing "without the risk of" says what the claim spares the
    reader, and reads on its own ("came" in a report). Only a risk, harm or danger, at the
    end of a claim with its own verb, never after an instruction ("Stop the pill, without
    the risk of ...": the instruction does not come with the risk) nor before a clause."""
    if not _has_word(sentence, RISK_NOUNS) or not _closes_with_full_stop(sentence):
        return []
    for token, left, right in _after_commas(sentence, {"without"}):
        risk = right[1] if right[0].lower_ in ("the", "any") and len(right) > 1 else right[0]
        if risk.lower_ not in RISK_NOUNS or words(left) < MIN_SIDE_WORDS + 1:
            continue
        if not left[0].text[:1].isupper() or _is_imperative(left[0]):
            continue
        if not _has_verb(left) or _any_clause_verb(right) or _has_verb(right):
            continue
        if any(t.text in CLAUSE_MARKS and t.text not in (",", ".") for t in right):
            continue
        verb = "came" if _first_verb_is_past(left) else "comes"
        comma = sentence.doc[token.i - 1]
        return [Edit(comma.idx, token.idx, f". This {verb} ")]
    return []


def _first_verb_is_past(tokens: Sequence[Token]) -> bool:
    """ "gains compare well with drug-based care": the first verb tells the tense, and a
    plural present counts ("compare"), though a describing "-based" later does not."""
    for token in tokens:
        word = token.lower_
        if word in ("was", "were", "had", "did") or (
            token.is_lower and word.endswith("ed") and is_finite_verb(word)
        ):
            return True
        if word in AUXILIARIES or is_finite_verb(word) or _plural_present(token):
            return False
    return False


MAX_DEFINED_WORDS = 8
MAX_NAMED_SUBJECT = 20  # "the 2022 US heart health group/US heart doctors' group/... guideline"


def _named_subject_then_verb(tokens: Sequence[Token]) -> bool:
    """ "the 2022 A group/B group guideline gives ...": a subject led by "the", then a
    finite verb before any mark, clause word or preposition."""
    if tokens[0].lower_ not in SUBJECT_STARTS:
        return False
    for token in tokens[1 : MAX_NAMED_SUBJECT + 1]:
        if token.text in CLAUSE_MARKS or token.lower_ in CLAUSE_WORDS | NOT_SUBJECTS:
            return False
        if token.is_lower and is_finite_verb(token.lower_):
            return True
    return False


def _fronted_definition_edits(sentence: Span) -> list[Edit]:
    """ "For adults with obesity, defined as a BMI of 30 or more, the group advises A." ->
    "Obesity is defined as a BMI of 30 or more. For adults with obesity, the group advises
    A.": a definition between an opening phrase and its clause makes the reader hold both;
    said first, it reads on its own and the clause follows as written (a closing colon
    still leads into its list). Only "In"/"For" with a name (after "someone with", "adults
    with" ...), "defined as" with no verb of its own, then a clause with a subject."""
    if not _has_word(sentence, ("defined",)) or sentence[0].lower_ not in ("in", "for"):
        return []
    tokens = _in(sentence)
    depths = bracket_depths(sentence.doc)
    commas = [k for k, t in enumerate(tokens) if t.text == "," and not depths[t.i]][:2]
    if len(commas) < 2 or commas[0] + 3 >= len(tokens):
        return []
    first, second = commas
    if tokens[first + 1].lower_ != "defined" or tokens[first + 2].lower_ != "as":
        return []
    name = tokens[1:first]
    if _names_people(name):
        link = next((j for j, t in enumerate(name) if t.lower_ == "with"), None)
        if link is None:
            return []
        name = name[link + 1 :]
    meaning, main = tokens[first + 3 : second], tokens[second + 1 :]
    if not name or words(name) > MAX_DEFINED_WORDS or words(meaning) < 2:
        return []
    if any(t.text in CLAUSE_MARKS or t.lower_ in CLAUSE_WORDS for t in (*name, *meaning)):
        return []
    if _any_clause_verb(meaning) or words(main) < MIN_SIDE_WORDS:
        return []
    if not (_starts_clause(main) or _named_subject_then_verb(main)):
        return []
    head = next((t for t in name if t.lower_ in PREPOSITIONS), None)
    head = name[-1] if head is None else name[name.index(head) - 1]
    be = "are" if _is_plural_noun(head) else "is"
    said = (
        (name[0].idx, name[-1].idx + len(name[-1].text), "upper"), f" {be} defined as ",
        (meaning[0].idx, meaning[-1].idx + len(meaning[-1].text), ""), ". ",
    )  # fmt: skip
    return [
        Edit(tokens[0].idx, tokens[0].idx, parts=said),
        Edit(tokens[first].idx, tokens[second].idx, ""),
    ]


def _split_at_commas(tokens: Sequence[Token]) -> list[list[Token]]:
    groups: list[list[Token]] = [[]]
    for token in tokens:
        if token.text == ",":
            groups.append([])
        else:
            groups[-1].append(token)
    return groups


TYPICAL_WORDS = frozenset({"typically", "usually"})
TYPICAL_TAIL_LEADS = tuple((word,) for word in sorted(TYPICAL_WORDS))
MIN_TYPICAL_WORDS = 5


def _comma_leads(
    sentence: Span, leads: Sequence[tuple[str, ...]], first: int, room: int
) -> Iterator[tuple[list[Token], int, tuple[str, ...]]]:
    """Each comma outside brackets, from token `first` on with `room` tokens after it, that
    one of `leads` follows (", typically", ", most often"), in a sentence that closes with a
    full stop: (the sentence's tokens, the comma's position, the lead). The usual-case rules
    read on from there."""
    if not _closes_with_full_stop(sentence):
        return
    depths = bracket_depths(sentence.doc)
    tokens = _in(sentence)
    for k in range(first, len(tokens) - room):
        if tokens[k].text != "," or depths[tokens[k].i]:
            continue
        lead = next(
            (lead for lead in leads
             if [t.lower_ for t in tokens[k + 1 : k + 1 + len(lead)]] == list(lead)),
            None,
        )  # fmt: skip
        if lead is not None:
            yield tokens, k, lead


def _typical_tail_edits(sentence: Span) -> list[Edit]:
    """ "... presents with a moderate flare-up, typically four to six bloody stools a day
    but without fever." -> "... presents with a moderate flare-up. This is typically four
    to six bloody stools a day but without fever." A closing example of what the clause
    named, long and with no verb of its own, opening with a number or "a"/"an"/"the"
    ("usually once a day" would read oddly as "This is usually once a day")."""
    for tokens, comma_at, _ in _comma_leads(sentence, TYPICAL_TAIL_LEADS, MIN_SIDE_WORDS - 1, 3):
        k = comma_at + 1
        token = tokens[k]
        left, right = tokens[: k - 1], tokens[k + 1 :]
        first = right[0]
        if not (first.like_num or first.lower_ in ("a", "an", "the")):
            return []
        if any(t.text in CLAUSE_MARKS and t.text != "." for t in right[:-1]):
            return []  # a list or a clause of its own follows
        if words(right) < MIN_TYPICAL_WORDS or _has_finite_verb(right[:-1]):
            return []
        if not (_has_verb(left) or _has_finite_verb(left)):
            return []
        return [Edit(tokens[k - 1].idx, token.idx + len(token.text), f". This is {token.lower_}")]
    return []


TYPICAL_ASIDE_LEADS = (("most", "often"), ("most", "commonly"), ("usually",), ("typically",))
ONE_THING_WORDS = frozenset({"a", "an", "one", "single"})
MAX_TYPICAL_ASIDE_WORDS = 6


def _typical_aside_edits(sentence: Span) -> list[Edit]:
    """ "Pain starts in a single joint, most often the big toe joint, and peaks within a day."
    -> "Pain starts in a single joint, and peaks within a day. This joint is most often the
    big toe joint.": a short aside naming the usual case of the one thing just named leaves
    the claim and says which thing it is about, since "It" after the claim could point at
    any noun of it. Only after "a"/"one"/"single" and a noun that is one thing, only a
    short name with no verb, and only when the claim goes on after the aside (a closing
    ", typically A" is `_typical_tail_edits`)."""
    if not _has_word(sentence, ("most", "usually", "typically")):
        return []
    for tokens, k, lead in _comma_leads(sentence, TYPICAL_ASIDE_LEADS, MIN_SIDE_WORDS, 4):
        comma = tokens[k]
        start = k + 1 + len(lead)
        if tokens[start].lower_ not in ("the", "a", "an"):
            return []
        closing = _next_mark(tokens, start, CLOSING_MARKS)
        if closing is None or tokens[closing].text != ",":
            return []
        body, rest = tokens[start:closing], tokens[closing + 1 :]
        if words(body) > MAX_TYPICAL_ASIDE_WORDS or _any_clause_verb(body[1:]):
            return []
        if any(t.lower_ in CLAUSE_WORDS for t in body):
            return []
        if rest[0].lower_ in JOINERS and not (len(rest) > 1 and _any_verb(rest[1:2])):
            return []  # ", most often the knee, or the hip": a series goes on
        noun = tokens[k - 1]
        if not (noun.is_alpha and noun.is_lower) or tokens[k - 2].lower_ not in ONE_THING_WORDS:
            return []
        if _is_plural_noun(noun) or not lemmas_of(noun.lower_, "NOUN"):
            return []
        if not _any_verb(tokens[: k - 1]):
            return []
        last = body[-1]
        said = " ".join(lead)
        named = (body[0].idx, last.idx + len(last.text), "")
        moved = (f" This {noun.lower_} is {said} ", named, ".")
        # ", peaking within a day" and ", and spreads" keep their comma; "in a joint within a
        # day" reads on without one
        keeps_comma = rest[0].lower_.endswith("ing") or rest[0].lower_ in JOINERS
        cut = (
            Edit(comma.idx, tokens[closing].idx, "")
            if keeps_comma
            else (Edit(comma.idx, rest[0].idx, " "))
        )
        return [cut, Edit(sentence.end_char, sentence.end_char, parts=moved)]
    return []


MAINLY_WORDS = frozenset(
    {"chiefly", "mainly", "mostly", "largely", "especially", "particularly", "primarily"}
)  # fmt: skip
MAINLY_PREPOSITIONS = frozenset({"in", "among", "with", "after", "during", "at", "for"})


def _mainly_tail_edits(sentence: Span) -> list[Edit]:
    """ "Eye damage was more frequent with semaglutide, chiefly in people whose blood sugar
    fell quickly." -> "... with semaglutide. This was chiefly in people whose ...": a
    closing ", mainly/especially <preposition> ..." says where the claim holds most; as a
    sentence it reads "This was ..." after a report, "This applies ..." after advice, "This
    is especially true ..." after a claim that holds now. Only
    when it runs to the end with no comma ("especially paroxetine, to prevent ...": no
    preposition, a list or a clause follows)."""
    if not _has_word(sentence, MAINLY_WORDS) or not _closes_with_full_stop(sentence):
        return []
    depths = bracket_depths(sentence.doc)
    tokens = _in(sentence)
    for k in _after_a_comma(tokens, MAINLY_WORDS, depths, 3):
        token = tokens[k]
        left, right = tokens[: k - 1], tokens[k + 1 :]
        if right[0].lower_ not in MAINLY_PREPOSITIONS or words(right) < MIN_SIDE_WORDS:
            return []
        if any(t.text in CLAUSE_MARKS and t.text != "." for t in right[:-1]):
            return []
        # "Check the kidney score ...": a base verb first and no finite one is an instruction
        instruction = _is_base_verb(left[0].lower_) and not _has_finite_verb(left)
        if not (instruction or _has_verb(left) or _has_finite_verb(left)):
            return []
        word = token.lower_
        if instruction or _is_advice(left):
            lead = f"This applies {word}"
        elif _reports_the_past(left):
            lead = f"This was {word}"
        else:  # a claim that holds now: "This is especially in women" is no English
            lead = f"This is {word} true"
        return [Edit(tokens[k - 1].idx, token.idx + len(token.text), f". {lead}")]
    return []


def _after_a_comma(
    tokens: Sequence[Token], wanted: frozenset[str], depths, room: int
) -> Iterator[int]:
    """Where a word of `wanted` follows a comma outside brackets, past the claim's first
    words and with `room` tokens after it."""
    for k in range(MIN_SIDE_WORDS + 1, len(tokens) - room):
        token = tokens[k]
        if token.lower_ in wanted and tokens[k - 1].text == "," and not depths[token.i]:
            yield k


MAINLY_ASIDE_WORDS = frozenset({"especially", "particularly", "mainly", "chiefly"})


def _mainly_aside_edits(sentence: Span) -> list[Edit]:
    """ "Pills should be stopped slowly, especially A and B, to prevent C." -> "Pills should be
    stopped slowly to prevent C. This applies especially to A and B.": a short aside of
    names between two commas says where advice matters most; it leaves the advice when the
    words after it go on with it (a preposition or a verb, no further comma). Only advice:
    in a report ("Harms were common, especially A and B, in week one") "This applies" would
    not fit. Never an aside with a verb or clause word of its own."""
    if not _has_word(sentence, MAINLY_ASIDE_WORDS) or not _closes_with_full_stop(sentence):
        return []
    depths = bracket_depths(sentence.doc)
    tokens = _in(sentence)
    for k in _after_a_comma(tokens, MAINLY_ASIDE_WORDS, depths, 3):
        token, comma = tokens[k], tokens[k - 1]
        closing = _next_mark(tokens, k + 1, CLOSING_MARKS)
        if closing is None or tokens[closing].text != ",":
            return []
        left, body, rest = tokens[: k - 1], tokens[k + 1 : closing], tokens[closing + 1 :]
        if not body or _words_outside_brackets(body) > MAX_ASIDE_WORDS or _any_clause_verb(body):
            return []
        if any(t.lower_ in CLAUSE_WORDS for t in body) or _continues_series(rest):
            return []
        if words(left) < MIN_SIDE_WORDS or not _is_advice(left):
            return []
        link = " " if body[0].lower_ in PREPOSITIONS else " to "
        last = body[-1]
        named = (body[0].idx, last.idx + len(last.text), "")
        moved = (f" This applies {token.lower_}{link}", named, ".")
        return [
            Edit(comma.idx, rest[0].idx, " "),
            Edit(sentence.end_char, sentence.end_char, parts=moved),
        ]
    return []


def _depending_tail_edits(sentence: Span) -> list[Edit]:
    """ "A blood sugar goal ranges from below 6.5% to below 8.0% depending on low blood sugar
    risk, other illness and life span." -> "... to below 8.0%. This depends on low blood
    sugar risk, ...": what the claim turns on, as a sentence of its own. Only a closing
    "depending on" after a clause with a verb, with no verb or clause word after it."""
    if not _has_word(sentence, ("depending",)) or not _closes_with_full_stop(sentence):
        return []
    depths = bracket_depths(sentence.doc)
    tokens = _in(sentence)
    for k in range(MIN_SIDE_WORDS + 1, len(tokens) - 3):
        token = tokens[k]
        if token.lower_ != "depending" or tokens[k + 1].lower_ not in ("on", "upon"):
            continue
        if depths[token.i]:
            return []
        left, right = tokens[:k], tokens[k + 2 : -1]
        if left[-1].text == ",":
            left = left[:-1]
        if not _any_verb(left) or words(right) < 2:  # "ranges" is a noun too
            return []
        if any(t.text in (";", ":", "(") or t.lower_ in CLAUSE_WORDS for t in right):
            return []
        if any(t.is_lower and is_finite_verb(t.lower_) and t.lower_[-2:] != "ed" for t in right):
            return []  # "... depending on A, B is ...": a clause follows ("expected life span")
        verb = "depended" if _reports_the_past(left) else "depends"
        end = left[-1].idx + len(left[-1].text)
        return [Edit(end, token.idx + len(token.text), f". This {verb}")]
    return []


USE_FORMS = frozenset({"use", "uses", "using", "used"})
# "the ability to eat", "a plan to stop", "able to walk", "how to use": the "to" completes
# the word before it, it gives no purpose of the using
TO_COMPLEMENTS = frozenset(
    {"ability", "able", "unable", "likely", "unlikely", "need", "needs", "time", "plan",
     "plans", "decision", "way", "ways", "right", "chance", "effort", "attempt", "how", "what",
     "whether", "failure", "enough", "too", "want", "wish", "order", "used", "willing"}
)  # fmt: skip
MIN_USED_FOR_WORDS = 4


def _used_for_edits(sentence: Span) -> list[Edit]:
    """ "The guideline advises using the risk score in addition to clinical judgment to
    decide whether you can be treated at home." -> "... in addition to clinical judgment.
    The aim is to decide whether ..." ("was" in a report): after what is used, the "to" and
    a plain verb say what for. Only after "use" and its object (no verb, clause word or
    comma between), with no comma after it (", and reserves B" would lose its subject),
    never a "to" that completes the word before it ("the ability to eat") or one inside
    "in addition to"."""
    if not _has_word(sentence, USE_FORMS) or not _has_word(sentence, ("to",)):
        return []
    depths = bracket_depths(sentence.doc)
    tokens = _in(sentence)
    use = next((k for k, t in enumerate(tokens) if t.lower_ in USE_FORMS), None)
    if use is None or depths[tokens[use].i] or not _uses_as_verb(tokens, use):
        return []
    for k in range(use + 3, len(tokens) - MIN_USED_FOR_WORDS):
        token, verb = tokens[k], tokens[k + 1]
        if token.text in CLAUSE_MARKS and token.text not in ("(", ")"):
            return []
        if token.lower_ in CLAUSE_WORDS or is_finite_verb(token.lower_):
            return []  # "using a score that helps to decide": the "to" is the clause's
        if token.lower_ != "to" or depths[token.i] or not verb.is_lower:
            continue
        if tokens[k - 1].lower_ in TO_COMPLEMENTS or not _is_base_verb(verb.lower_):
            continue
        rest, left = tokens[k + 1 :], tokens[:k]
        if words(rest) < MIN_USED_FOR_WORDS or words(left) < MIN_SIDE_WORDS + 1:
            return []
        if any(t.text in (",", ";", ":") and not depths[t.i] for t in rest):
            return []  # "..., and reserves B": a second verb of the first subject follows
        aim = "The aim was to" if _reports_the_past(left) else "The aim is to"
        end = left[-1].idx + len(left[-1].text)
        return [Edit(end, token.idx + len(token.text), f". {aim}")]
    return []


# "should be treated within an hour to reduce the risk of A": verbs that only say what for.
AIM_VERBS = frozenset(
    {"prevent", "reduce", "lower", "avoid", "protect", "limit", "lessen", "relieve", "ease"}
)
MIN_PURPOSE_WORDS = 3
# "should be asked by the nurse to avoid A": the "to" says what is asked, not why
ASKED_TO = frozenset(
    {"asked", "told", "advised", "encouraged", "urged", "instructed", "allowed", "expected",
     "taught", "reminded", "helped", "needed", "used", "designed", "required", "trained",
     "made", "invited", "chosen", "selected", "meant", "supposed", "intended"}
)  # fmt: skip


def _purpose_tail_edits(sentence: Span) -> list[Edit]:
    """ "Severe high blood pressure should be treated within 30 to 60 minutes to reduce the
    risk of stroke [1]." -> "... within 30 to 60 minutes. The aim is to reduce the risk of
    stroke [1].": what passive advice is for, once the advice is whole ("The aim was to" in
    a report). Only a verb of prevention after "to", after a passive verb group; never after
    "asked", "told", "advised" ... (the "to" says what is asked, not why), "not" or "only"
    (the aim of a ban, or the one use allowed), a clause word or "in order to", nor before
    a comma."""
    if not _has_word(sentence, AIM_VERBS) or not _has_word(sentence, ("to",)):
        return []
    depths = bracket_depths(sentence.doc)
    tokens = _in(sentence)
    modal = next((k for k, t in enumerate(tokens) if t.lower_ in MODALS), None)
    if modal is None or modal + 2 >= len(tokens) or tokens[modal + 1].lower_ != "be":
        return []
    participle = tokens[modal + 2].lower_
    if not _is_verb_form(participle, "VBN") or participle in ASKED_TO:
        return []
    for k in range(modal + 3, len(tokens) - MIN_PURPOSE_WORDS):
        to, verb = tokens[k], tokens[k + 1]
        if to.lower_ != "to" or verb.lower_ not in AIM_VERBS or depths[to.i]:
            continue
        if verb.lower_ == "lower" and tokens[k + 2].lower_ not in DETERMINERS:
            return []  # "switched to lower doses": where a change goes, "lower" describes
        left, rest = tokens[:k], tokens[k + 1 :]
        if tokens[k - 1].lower_ in TO_COMPLEMENTS or any(
            t.lower_ in CLAUSE_WORDS | NEGATING_WORDS | LIMITING_WORDS for t in left
        ):
            return []
        if any(t.text in (",", ";", ":") and not depths[t.i] for t in rest):
            return []
        if words(rest) < MIN_PURPOSE_WORDS:
            return []
        aim = "The aim was to" if _reports_the_past(left) else "The aim is to"
        end = left[-1].idx + len(left[-1].text)
        return [Edit(end, to.idx + len(to.text), f". {aim}")]
    return []


STATE_OPENERS = frozenset({"until", "once", "when"})
STATE_VERBS = frozenset({"is", "are", "am", "was", "were", "be", "becomes", "become"})
MAX_STATE_SUBJECT = 3  # "the person you care for" is cut short on purpose: "you", "the patient"


def _state_with_edits(sentence: Span) -> list[Edit]:
    """ "Treatment should continue until you are stable, with normal vital signs and the
    ability to eat." -> "Treatment should continue until you are stable. Stable means normal
    vital signs and the ability to eat.": after the state a "until" clause waits for, a
    closing ", with" says what that state is, and reads as its own sentence naming the
    state again. Only a one-word state right after "is"/"are" in an "until", "once" or
    "when" clause, and only before words with no verb or clause of their own."""
    if not _comma_before(sentence, ("with",)) or not _has_word(sentence, STATE_OPENERS):
        return []
    depths = bracket_depths(sentence.doc)
    tokens = _in(sentence)
    for k in range(MIN_SIDE_WORDS, len(tokens) - 5):
        comma, with_ = tokens[k], tokens[k + 1]
        if comma.text != "," or with_.lower_ != "with" or depths[comma.i]:
            continue
        state, verb = tokens[k - 1], tokens[k - 2]
        if not state.is_alpha or not state.is_lower or verb.lower_ not in STATE_VERBS:
            return []
        opener = next(
            (j for j in range(k - 3, max(k - 4 - MAX_STATE_SUBJECT, -1), -1)
             if tokens[j].lower_ in STATE_OPENERS),
            None,
        )  # fmt: skip
        if opener is None or any(t.is_punct for t in tokens[opener:k]):
            return []
        rest = tokens[k + 2 :]
        if words(rest) < MIN_SIDE_WORDS - 1 or _any_clause_verb(rest):
            return []
        if any(t.lower_ in CLAUSE_WORDS | NEGATING_WORDS or t.text in (";", ":") for t in rest):
            return []
        end = state.idx + len(state.text)
        return [Edit(end, rest[0].idx, f". {state.text.capitalize()} means ")]
    return []


FIGURE_PREPOSITIONS = frozenset({"with", "on", "in", "for", "after", "among"})
FIGURE_VERBS = frozenset({"was", "were", "is", "are"})
MIN_FIGURE_ITEMS = 3


def _figure_series_edits(sentence: Span) -> list[Edit]:
    """ "The death rate was 9.0% with A, 11.1% with B and 8.8% with C [2]." -> "The death
    rate was 9.0% with A. It was 11.1% with B. It was 8.8% with C [2].": three or more
    results, each a figure and the group it belongs to, read one at a time. Only right
    after "was"/"is" of a plain subject, and only when every part after the verb is such a
    figure ("was 5% with A, so B" stays)."""
    if not _has_word(sentence, FIGURE_VERBS) or not _has_word(sentence, FIGURE_PREPOSITIONS):
        return []
    if not _comma_before_figure(sentence):
        return []
    tokens = _in(sentence)
    if not tokens or not tokens[0].text[:1].isupper():
        return []
    verb_at = next((k for k, t in enumerate(tokens) if t.lower_ in FIGURE_VERBS), None)
    if not verb_at or tokens[0].lower_ in NOT_SUBJECTS:
        return []
    subject = tokens[:verb_at]
    if any(t.text in CLAUSE_MARKS or t.lower_ in CLAUSE_WORDS for t in subject):
        return []
    if not _figure_item_at(tokens, verb_at + 1):
        return []
    depths = bracket_depths(sentence.doc)
    starts = []
    end = len(tokens)
    while end and (tokens[end - 1].text in CLOSING_MARKS or is_citation(tokens[end - 1])):
        end -= 1
    for k in range(verb_at + 2, end):
        token = tokens[k]
        if token.text in (";", ":"):
            return []
        if depths[token.i] or not (token.text == "," or token.lower_ == "and"):
            continue
        nxt = k + 1 + (token.text == "," and tokens[k + 1].lower_ == "and")
        if _figure_item_at(tokens, nxt):
            starts.append((k, nxt))
        elif token.text == ",":
            return []  # "..., so B": more than figures follow
    if len(starts) < MIN_FIGURE_ITEMS - 1:
        return []
    verb = tokens[verb_at]
    edits = []
    for k, nxt in starts:
        before = tokens[k - 1]
        parts = (". ", _repeated_subject(subject, verb), " ", verb.lower_, " ")
        edits.append(Edit(before.idx + len(before.text), tokens[nxt].idx, parts=parts))
    return edits


def _comma_before_figure(sentence: Span) -> bool:
    """A number right after a comma, read off the Doc's token columns (most sentences have
    none)."""
    columns = token_columns(sentence.doc)
    lowers = columns.lower[sentence.start : sentence.end]
    numbers = columns.like_num[sentence.start : sentence.end]
    comma = _word_id(",")
    return bool(((lowers[:-1] == comma) & (numbers[1:] != 0)).any())


def _figure_item_at(tokens: Sequence[Token], k: int) -> bool:
    """ "11.1% with the combination": a number, maybe "%", then the group it was seen in."""
    if k + 2 >= len(tokens) or not tokens[k].like_num:
        return False
    k += tokens[k + 1].text == "%"
    return tokens[k + 1].lower_ in FIGURE_PREPOSITIONS


def _uses_as_verb(tokens: Sequence[Token], k: int) -> bool:
    """ "advises using", "was used", "should use": "use" as a verb, never the noun ("the use
    of steroids to treat flu is not advised", "drug use") nor "used to" (a habit, or a "to"
    with no object between)."""
    word, before = tokens[k].lower_, tokens[k - 1].lower_ if k else ""
    after = tokens[k + 1].lower_ if k + 1 < len(tokens) else ""
    if after in ("of", "to") or before in DETERMINERS:
        return False
    if word in ("use", "uses"):
        return before in MODALS or before in PRONOUNS or before in ("to", "and", "not")
    return True


def _mostly_described_edits(sentence: Span) -> list[Edit]:
    """ "Rashes were the most common harms in both groups, mostly mild and fading within a
    week [2]." -> "... in both groups [2]. They were mostly mild and faded within a week.":
    a closing ", mostly <describing word>" says what the plural things just named were
    like. Only after a plural "were"/"are" (the things named are plural), only a describing
    word first ("mostly diarrhea" names things, not how they were), and an "-ing" verb after
    "and" takes the claim's tense ("faded"), or the sentence stays whole."""
    if _ids_of(MAINLY_WORDS).isdisjoint(_sentence_ids(sentence)):
        return []  # one set test: this rule comes last, after most rules found nothing
    if not _closes_with_full_stop(sentence):
        return []
    depths = bracket_depths(sentence.doc)
    tokens = _in(sentence)
    for k in _after_a_comma(tokens, MAINLY_WORDS, depths, 2):
        token, comma = tokens[k], tokens[k - 1]
        left, tail = tokens[: k - 1], tokens[k + 1 :]
        be = next((t.lower_ for t in left if t.lower_ in ("were", "are")), None)
        if be is None or _clause_word_in_claim(left) or not left[0].text[:1].isupper():
            return []
        citations = [t for t in tail if is_citation(t)]
        body = [t for t in tail if not is_citation(t)][:-1]  # without the full stop
        if not body or not _only_describes(body[0]) or any(t.text in CLAUSE_MARKS for t in body):
            return []
        if citations and citations[0].i < body[-1].i:
            return []
        parts: list[Part] = []
        at = body[0].idx
        for before, verb in pairwise(body):
            if before.lower_ not in JOINERS or not _is_gerund(verb):
                continue
            lemma = next(iter(lemmas_of(verb.lower_, "VERB").get("VERB", ())), None)
            forms = forms_of(lemma, "VBD" if be == "were" else "VBP") if lemma else ()
            if not forms:
                return []
            parts += [(at, verb.idx, ""), forms[0]]
            at = verb.idx + len(verb.text)
        last = body[-1]
        parts.append((at, last.idx + len(last.text), ""))
        moved: tuple[Part, ...] = (f". They {be} {token.lower_} ", *parts, ".")
        if citations:
            cited = (citations[0].idx, citations[-1].idx + len(citations[-1].text), "")
            moved = (" ", cited, *moved)
        return [Edit(comma.idx, sentence.end_char, parts=moved)]
    return []


def _only_describes(token: Token) -> bool:
    """ "mild", "brief": a word that can only be a describing word (not "diarrhea", nor
    "common cold", whose first word is also a noun's)."""
    return _known_only_as(token, "ADJ", ("NOUN", "VERB"))


def _known_only_as(token: Token, pos: str, never: tuple[str, ...]) -> bool:
    """A word lemminflect knows as part of speech `pos` and as none of `never`."""
    word = token.lower_
    return (
        token.is_alpha
        and bool(lemmas_of(word, pos))
        and not any(lemmas_of(word, other) for other in never)
    )


def _regardless_tail_edits(sentence: Span) -> list[Edit]:
    """ "A pill is advised regardless of the starting blood sugar [1]." -> "A pill is advised
    [1]. This applies whatever the starting blood sugar is.": what does not change the claim
    reads after it ("This is true whatever ..." after a claim, "was" in a report). Only
    before "the" and a noun phrase with no verb or mark ("regardless of whether A", "of
    age" stay), after a whole claim with no clause word."""
    if _word_id("regardless") not in _sentence_ids(sentence):
        return []
    if not _closes_with_full_stop(sentence):
        return []
    depths = bracket_depths(sentence.doc)
    tokens = _in(sentence)
    for k in range(MIN_SIDE_WORDS + 1, len(tokens) - 3):
        if tokens[k].lower_ != "regardless" or depths[tokens[k].i]:
            continue
        if (tokens[k + 1].lower_, tokens[k + 2].lower_) != ("of", "the"):
            return []
        left = tokens[: k - 1] if tokens[k - 1].text == "," else tokens[:k]
        tail = tokens[k + 2 :]
        citations = [t for t in tail if is_citation(t)]
        body = [t for t in tail if not is_citation(t)][:-1]  # without the full stop
        if _in_note_form(left[0]) or _clause_word_in_claim(left):
            return []  # a list item in note form; a claim inside a clause
        if not (_has_verb(left) or _has_finite_verb(left)) or words(body) < 2:
            return []
        if any(t.text in CLAUSE_MARKS or _is_clause_verb(t) for t in body):
            return []
        if citations and citations[0].i < body[-1].i:
            return []  # a citation inside the phrase: it supports the phrase
        advice = _is_advice(left)  # advice holds now, whatever "-ed" word its people have
        past = not advice and _reports_the_past(left)
        lead = "This applies" if advice else ("This was true" if past else "This is true")
        last = body[-1]
        moved: tuple[Part, ...] = (
            f". {lead} whatever ", (body[0].idx, last.idx + len(last.text), ""),
            f" {_be(_names_plural(body), past)}.",
        )  # fmt: skip
        if citations:
            cited = (citations[0].idx, citations[-1].idx + len(citations[-1].text), "")
            moved = (" ", cited, *moved)
        end = left[-1].idx + len(left[-1].text)
        return [Edit(end, sentence.end_char, parts=moved)]
    return []


def _in_note_form(first: Token) -> bool:
    """The words open in lower case, and not as the main clause after a fronted phrase's
    comma ("If A, a dose is added ..." read from "a", as `subordinate_clauses` asks): a list
    item in note form."""
    if first.text[:1].isupper():
        return False
    return first.i == 0 or first.doc[first.i - 1].text != ","


def _clause_word_in_claim(left: Sequence[Token]) -> bool:
    """A clause word in the claim before a closing tail, not counting a condition that opens
    the sentence and closes with a comma ("If A, a dose is added rather than ..."):
    `subordinate_clauses` leaves such a condition in front when a tail follows its claim,
    and in front it still leads every sentence split from the claim."""
    start = 0
    if left[0].lower_ in CONDITION_OPENERS:
        depths = bracket_depths(left[0].doc)
        comma = next((k for k, t in enumerate(left) if t.text == "," and not depths[t.i]), None)
        start = 0 if comma is None else comma + 1
    return any(t.lower_ in CLAUSE_WORDS for t in left[start:])


def _rather_than_edits(sentence: Span) -> list[Edit]:
    """ "A mealtime dose is added rather than stepping up all-day insulin beyond 0.5
    units/kg [1]." -> "A mealtime dose is added. This is done instead of stepping up all-day
    insulin beyond 0.5 units/kg [1].": the road not taken reads as its own sentence. Only
    before an "-ing" word ("a cutoff of 45 rather than 15", "lowered slowly rather than
    stopped" stay), after a whole clause that is no instruction and holds no clause word."""
    if not _has_word(sentence, ("rather",)):
        return []
    depths = bracket_depths(sentence.doc)
    tokens = _in(sentence)
    for k in range(MIN_SIDE_WORDS, len(tokens) - 3):
        rather, than, doing = tokens[k], tokens[k + 1], tokens[k + 2]
        if (rather.lower_, than.lower_) != ("rather", "than") or depths[rather.i]:
            continue
        left = tokens[:k]
        if left[-1].text == ",":
            left = left[:-1]
        if not _is_gerund(doing) or words(tokens[k + 2 :]) < 3 or words(left) < MIN_SIDE_WORDS + 1:
            return []
        if _is_imperative(left[0]) or _in_note_form(left[0]):
            return []  # an instruction, or a list item in note form
        if _clause_word_in_claim(left) or any(t.text in (";", ":") for t in left):
            return []
        if not (_has_verb(left) or any(t.lower_ in AUXILIARIES for t in left)):
            return []
        end = left[-1].idx + len(left[-1].text)
        return [Edit(end, than.idx + len(than.text), ". This is done instead of")]
    return []


def _bare_comparison_edits(sentence: Span) -> list[Edit]:
    """ "Stopping occurred in 2.3% of people compared with 0.9% on dummy drug." -> "...
    in 2.3% of people. This compares with 0.9% on dummy drug." Only after a result with a
    number and a verb, never "is compared with" or "when compared with" (part of a clause).
    A "vs." between the groups too ("... by 43.3% of treated people vs. 26.6% of those on
    dummy drug" -> "... of treated people. This compares with 26.6% of those ..."), only
    after a word (never "6.6% vs. 8.9%": one figure pair) and when no verb follows."""
    if not _has_word(sentence, COMPARISON_LINKS):
        return []
    doc = sentence.doc
    depths = bracket_depths(doc)
    tokens = _in(sentence)
    for k in range(MIN_SIDE_WORDS, len(tokens) - 2):
        token, before = tokens[k], tokens[k - 1]
        versus = token.lower_ in VERSUS_WORDS
        compared = token.lower_ == "compared" and tokens[k + 1].lower_ in ("with", "to")
        if not (versus or compared):
            continue
        if (
            depths[token.i]
            or before.is_punct
            or before.lower_ in (*AUXILIARIES, *CLAUSE_WORDS, "as", "not", "when")
        ):
            return []  # fmt: skip
        left, right = tokens[:k], tokens[k + 1 if versus else k + 2 :]
        if versus and not _closing_figure_group(before, right):
            continue
        if words(right) < 2 or not any(t.like_num for t in left):
            return []
        if not (_has_verb(left) or _has_finite_verb(left)) or not right[0].like_num:
            return []  # "compared with 0.9%": the comparison is of results
        end = before.idx + len(before.text)
        joiner = ". This compares with" if versus else ". This compares"
        return [Edit(end, token.idx + len(token.text), joiner)]
    return []


VERSUS_WORDS = frozenset({"vs.", "versus"})
COMPARISON_LINKS = ("compared", *VERSUS_WORDS)


def _closing_figure_group(before: Token, right: Sequence[Token]) -> bool:
    """ "people vs. 26.6% of those given dummy drug [3].": after a word (not a figure or a
    unit, "6.6% vs. 8.9%"), a figure, then words to the end with no verb, comma or second
    comparison: a group compared with the one just named."""
    if not (before.is_alpha and before.is_lower) or not right or not right[0].like_num:
        return False
    if not (len(right) > 1 and right[1].is_alpha) and not (
        len(right) > 2 and right[1].text == "%" and right[2].is_alpha
    ):
        return False  # "vs. 22.3%." alone names no group
    return not any(
        (t.text in CLAUSE_MARKS and t.text != ".") or t.lower_ in VERSUS_WORDS
        or t.lower_ in CLAUSE_WORDS or (t.is_lower and is_finite_verb(t.lower_))
        for t in right[1:]
    )  # fmt: skip


COMPARING_WORDS = frozenset({"close", "similar", "comparable", "equal", "identical"})


def _comparing_word_at(right: Sequence[Token]) -> int | None:
    """Where "close to", "similar to" ... follows a noun phrase after ", with"."""
    for k in range(1, min(9, len(right) - 1)):
        if right[k].lower_ in COMPARING_WORDS and right[k + 1].lower_ == "to":
            return k
    return None


def _absolute_with_edits(sentence: Span) -> list[Edit]:
    """ "..., with A and B rated as effective." -> "... . A and B were rated as effective.";
    "..., with a harm profile close to dummy drug" -> "... . A harm profile is close to dummy
    drug" (also "similar to", "comparable to")."""
    edits = []
    for token, left, right in _after_commas(sentence, {"with"}):
        participle = next(
            (k for k, t in enumerate(right[:9]) if t.is_alpha and _participle_after_noun(t)),
            None,
        ) or _comparing_word_at(right)
        if not participle or words(left) < MIN_SIDE_WORDS or not _has_verb(left):
            continue
        if not left[0].text[:1].isupper():
            continue  # a list item in note form: it reads as an instruction, not a report
        noun_phrase, rest = right[:participle], right[participle:]
        if any(t.is_punct or is_finite_verb(t.lower_) for t in noun_phrase) or words(rest) < 2:
            continue
        if any(t.lower_ == "as" for t in noun_phrase):
            continue  # "with A as alternatives and B reserved for C": `_with_as_edits`
        if noun_phrase[0].lower_ in JOINERS:
            continue  # "with or without compensated scarring": either way, no noun of its own
        plural = _names_plural(noun_phrase)
        past = _tells_the_past(left)
        be = _be(plural, past)
        comma = token.doc[token.i - 1]
        first = noun_phrase[0]
        parts = (". ", (first.idx, first.idx + len(first.text), "upper"))
        edits.append(Edit(comma.idx, first.idx + len(first.text), parts=parts))
        edits.append(Edit(rest[0].idx, rest[0].idx, f"{be} "))
    return edits


TARGET_NOUNS = frozenset({"target", "goal"})
TARGET_LINKS = frozenset({"of", "below", "above", "under", "over", "between"})
MAX_TARGET_NAME = 4  # "a clotting test target"


def _with_target_edits(sentence: Span) -> list[Edit]:
    """ "The level should be checked every 4 weeks, with a target below 2.5 [3]." -> "... every
    4 weeks. The target is below 2.5 [3]."; "..., with a clotting test target of 2.0 to 3.0"
    -> ". The clotting test target is 2.0 to 3.0": the aim of the claim's treatment, a
    figure, said on its own ("was" in a report). Only "a"/"an", a few words ending in
    "target" or "goal", a word of place or "of", and a figure to the end of the sentence;
    never in a list item in note form ("below 30, with a goal of 7 to 10" stays whole)."""
    if not _has_word(sentence, TARGET_NOUNS):
        return []
    for token, left, right in _after_commas(sentence, {"with"}):
        if words(left) < MIN_SIDE_WORDS or right[0].lower_ not in ("a", "an"):
            continue
        if not left[0].text[:1].isupper():
            continue  # a list item in note form names a value of its own item: it stays
        noun = next(
            (k for k, t in enumerate(right[: MAX_TARGET_NAME + 2]) if t.lower_ in TARGET_NOUNS),
            None,
        )
        if noun is None or noun + 2 >= len(right) or right[noun + 1].lower_ not in TARGET_LINKS:
            continue
        name, rest = right[1 : noun + 1], right[noun + 2 :]
        if any((t.is_punct and t.text != "-") or is_finite_verb(t.lower_) for t in name[:-1]):
            continue
        if not any(t.like_num for t in rest) or _next_mark(rest, 0, CLAUSE_MARKS - {"."}):
            continue
        link = right[noun + 1]
        be = "was" if _reports_the_past(left) else "is"
        comma = token.doc[token.i - 1]
        first, last = name[0], name[-1]
        said = (". The ", (first.idx, last.idx + len(last.text), ""), f" {be} ")
        start = rest[0] if link.lower_ == "of" else link
        return [Edit(comma.idx, start.idx, parts=said)]
    return []


MAX_CHOICE_NAME = 5  # "a high-intensity plan"


def _with_aside_choice_edits(sentence: Span) -> list[Edit]:
    """ "They were assigned to a high-intensity plan, with A and B, or to usual care [4]." ->
    "They were assigned to a high-intensity plan or to usual care [4]. The high-intensity
    plan had A and B.": what comes with the first of two choices, set off by commas before
    ", or", leaves the choice so both read side by side. Only a short name led by "a"/"an"
    after a preposition or verb (it becomes "The ..."), an aside with no verb, clause word
    or comma of its own, and a second choice that runs to the end with no comma."""
    if not _comma_before(sentence, ("with",)) or not _closes_with_full_stop(sentence):
        return []
    depths = bracket_depths(sentence.doc)
    tokens = _in(sentence)
    for k in range(MIN_SIDE_WORDS, len(tokens) - 4):
        comma, token = tokens[k - 1], tokens[k]
        if token.lower_ != "with" or comma.text != "," or depths[token.i]:
            continue
        article = next(
            (j for j in range(k - 2, max(k - 2 - MAX_CHOICE_NAME, 0), -1)
             if tokens[j].lower_ in ("a", "an")),
            None,
        )  # fmt: skip
        if article is None or article < 2:
            return []
        name = tokens[article + 1 : k - 1]
        if not name or any(not (t.is_alpha or t.text == "-") for t in name):
            return []
        if any(t.lower_ in AUXILIARIES or is_finite_verb(t.lower_) for t in name):
            return []
        closing = _next_mark(tokens, k + 1, CLOSING_MARKS)
        if closing is None or tokens[closing].text != "," or closing + 2 >= len(tokens):
            return []
        body, rest = tokens[k + 1 : closing], tokens[closing + 1 :]
        if rest[0].lower_ != "or" or words(body) < 2 or body[0].lower_ in NOT_SUBJECTS:
            return []  # "with or without food": no thing the choice comes with
        if any(t.lower_ in CLAUSE_WORDS or t.text in CLAUSE_MARKS for t in body):
            return []
        if any(t.lower_ in AUXILIARIES or is_finite_verb(t.lower_) for t in body):
            return []
        if any(t.text in CLAUSE_MARKS and t.text != "." for t in rest):
            return []
        left = tokens[:article]
        if words(left) < MIN_SIDE_WORDS or not _has_verb(left):
            return []
        have = "have" if _is_plural_noun(name[-1]) else "has"
        if _reports_the_past(left):
            have = "had"
        first, last, end = name[0], name[-1], body[-1]
        moved = (
            " The ", (first.idx, last.idx + len(last.text), "lower"), f" {have} ",
            (body[0].idx, end.idx + len(end.text), ""), ".",
        )  # fmt: skip
        return [
            Edit(comma.idx, rest[0].idx, " "),
            Edit(sentence.end_char, sentence.end_char, parts=moved),
        ]
    return []


LIKENESS_WORDS = frozenset({"similar", "comparable"})


def _with_similar_edits(sentence: Span) -> list[Edit]:
    """ "A was no worse at 48 weeks, with similar X-ray change and harm rates [3]." -> "A was
    no worse at 48 weeks. X-ray change and harm rates were similar [3].": the closing words
    name what was alike, and the likeness word moves behind them with "was"/"were" (the
    tense of the claim). Only when nothing but a noun phrase follows: no verb, participle,
    comma or clause word ("with similar doses given to children" stays)."""
    for token, left, right in _after_commas(sentence, {"with"}):
        if right[0].lower_ not in LIKENESS_WORDS or not left[0].text[:1].isupper():
            continue
        end = len(right)
        while end and (right[end - 1].text in CLOSING_MARKS or is_citation(right[end - 1])):
            end -= 1
        noun_phrase = right[1:end]
        if words(noun_phrase) < 2 or words(left) < MIN_SIDE_WORDS or not _has_verb(left):
            continue
        if any(
            t.text in CLAUSE_MARKS
            or t.lower_ in CLAUSE_WORDS | PREPOSITIONS | {"to", "as"}
            or is_finite_verb(t.lower_)
            or _is_participle_form(t.lower_)
            for t in noun_phrase
        ):
            continue  # "similar to B", "similar in size": the likeness has its own object
        be = _be(_names_plural(noun_phrase), _tells_the_past(left))
        comma, first, last = token.doc[token.i - 1], noun_phrase[0], noun_phrase[-1]
        np_end = last.idx + len(last.text)
        parts = (". ", (first.idx, np_end, "upper"), f" {be} {right[0].lower_}")
        return [Edit(comma.idx, np_end, parts=parts)]
    return []


def _similar_to_those_edits(sentence: Span) -> list[Edit]:
    """ "People who stepped up achieved 2-year outcomes similar to those of people started
    on two drugs." -> "... achieved 2-year outcomes. These were similar to those of people
    ...": what the finding is compared with, after the noun it describes (no comma), reads
    as a sentence of its own ("a bleeding risk similar to that of B" -> "... a bleeding
    risk. This risk is similar to that of B"). Only before "to those"/"to that", which
    point back at the noun, and after a clause with its own verb."""
    if not _has_word(sentence, LIKENESS_WORDS):
        return []
    tokens = _in(sentence)
    for k in range(MIN_SIDE_WORDS, len(tokens) - 3):
        token = tokens[k]
        if token.lower_ not in LIKENESS_WORDS or tokens[k + 1].lower_ != "to":
            continue
        pointer = tokens[k + 2].lower_
        noun = tokens[k - 1]
        if pointer not in ("those", "that") or not noun.is_alpha or noun.lower_ in NOT_SUBJECTS:
            continue
        if noun.lower_ in DETERMINERS | AUXILIARIES or is_finite_verb(noun.lower_):
            continue  # "were similar to those", "is similar to that": no noun to describe
        left = tokens[:k]
        if words(left) < MIN_SIDE_WORDS + 1 or not _has_verb(left):
            continue
        rest = tokens[k + 3 :]
        if words(rest) < 2 or any(t.text in (",", ";", ":") for t in rest):
            return []  # "..., and that B": the likeness runs on into a second finding
        plural = pointer == "those"
        past = _reports_the_past(left)
        lead = ("These were" if past else "These are") if plural else _be(False, past)
        if not plural:  # "This risk is similar to that of B": a bare "This" names no risk
            lead = f"This {noun.text} {lead}"
        edit = Edit(noun.idx + len(noun.text), token.idx, f". {lead} ")
        return [edit]
    return []


def _with_as_edits(sentence: Span) -> list[Edit]:
    """ "..., with lithium and esketamine as alternatives and brain stimulation reserved for
    severe illness [1]." -> "... . Lithium and esketamine are alternatives. Brain
    stimulation is reserved for severe illness [1].": a closing "with A as B" names a role
    in a phrase with no verb, which the reader must tie back to the claim; said with "are"
    it is a sentence. Only a bare noun after "as" ("as needed", "as the dose rises", "as
    high as" stay), and a following "and C <-ed word>" gets its own sentence too."""
    edits = []
    for token, left, right in _after_commas(sentence, {"with"}):
        as_at = next((k for k, t in enumerate(right[:6]) if t.lower_ == "as"), None)
        if not as_at or as_at + 1 >= len(right) or words(left) < MIN_SIDE_WORDS:
            continue
        if not left[0].text[:1].isupper() or not _has_verb(left):
            continue
        noun_phrase, role = right[:as_at], right[as_at + 1 :]
        if any(t.is_punct or is_finite_verb(t.lower_) for t in noun_phrase):
            continue
        if not _bare_role(role[0]) or any(t.lower_ == "as" for t in role):
            continue
        plural = _names_plural(noun_phrase)
        past = _tells_the_past(left)
        first, as_word = noun_phrase[0], right[as_at]
        edits += [
            Edit(token.doc[token.i - 1].idx, first.idx + 1,
                 parts=(". ", (first.idx, first.idx + 1, "upper"))),
            Edit(as_word.idx, as_word.idx + len(as_word.text), _be(plural, past)),
        ]  # fmt: skip
        edits += _reserved_tail_edits(role, past)
    return edits


def _with_ing_edits(sentence: Span) -> list[Edit]:
    """ "..., with odds ratios ranging from 1.37 to 2.13 [2]." -> "... . Odds ratios ranged
    from 1.37 to 2.13 [2].": a closing "with A doing B" is a clause with its verb bent into
    an "-ing" word; given its tense back ("ranged" in a report, "ranges" in advice) it is a
    sentence. Only when A can carry a verb (led by "a"/"the", or a plural noun) and the
    "-ing" word is no noun ("with blood pressure checking at higher doses" stays)."""
    edits = []
    for token, left, right in _after_commas(sentence, {"with"}):
        if words(left) < MIN_SIDE_WORDS or not left[0].text[:1].isupper() or not _has_verb(left):
            continue
        ing_at = next((k for k, t in enumerate(right[:9]) if t.lower_.endswith("ing")), None)
        if not ing_at or words(right[ing_at + 1 :]) < 2:
            continue
        noun_phrase, verb = right[:ing_at], right[ing_at]
        head = _head_before_a_figure(noun_phrase)  # "scores below 10 indicating A"
        if head is None:
            if any(not (t.is_alpha or t.text == "-") or is_finite_verb(t.lower_)
                   for t in noun_phrase):  # fmt: skip
                continue
            head = noun_phrase[-1]
        plural = _is_plural_noun(head)
        if not (plural or noun_phrase[0].lower_ in DETERMINERS):
            continue
        if verb.lower_ in NOT_ACTIONS or not _is_gerund(verb):
            continue
        if lemmas_of(verb.lower_, "NOUN"):
            continue
        lemma = lemmas_of(verb.lower_, "VERB")["VERB"][0]
        tag = "VBD" if _reports_the_past(left) else "VBP" if plural else "VBZ"
        forms = forms_of(lemma, tag)
        if not forms:
            continue
        first = noun_phrase[0]
        edits += [
            Edit(token.doc[token.i - 1].idx, first.idx + 1,
                 parts=(". ", (first.idx, first.idx + 1, "upper"))),
            Edit(verb.idx, verb.idx + len(verb.text), forms[0]),
        ]  # fmt: skip
        edits += _second_ing_edits(right[ing_at + 1 :], verb, forms[0])
    return edits


LIMIT_PREPOSITIONS = frozenset({"below", "above", "under", "over", "of"})


def _head_before_a_figure(noun_phrase: Sequence[Token]) -> Token | None:
    """ "scores below 10", "scores of 20 or more": plain words, then a preposition and a
    figure; the noun before the preposition is the one the verb agrees with."""
    at = next((k for k, t in enumerate(noun_phrase) if t.lower_ in LIMIT_PREPOSITIONS), None)
    if not at or not any(t.like_num for t in noun_phrase[at:]):
        return None
    if any(not t.is_alpha or is_finite_verb(t.lower_) for t in noun_phrase[:at]):
        return None
    rest = noun_phrase[at + 1 :]
    if any(not (t.like_num or t.text == "%" or t.lower_ in ("or", "more", "less")) for t in rest):
        return None
    return noun_phrase[at - 1]


def _second_ing_edits(after: Sequence[Token], verb: Token, form: str) -> list[Edit]:
    """ "with scores below 10 indicating A and scores of 20 or more indicating B": the same
    "-ing" word after "and" and a second noun phrase takes the same form, or the new
    sentence would read "Scores below 10 indicate A and scores of 20 indicating B"."""
    for k, token in enumerate(after):
        if token.lower_ == verb.lower_ and k and any(t.lower_ == "and" for t in after[:k]):
            return [Edit(token.idx, token.idx + len(token.text), form)]
    return []


def _bare_role(token: Token) -> bool:
    """ "as alternatives", "as options": a noun with no "the" or describing word first."""
    return _known_only_as(token, "NOUN", ("ADJ",)) and not _is_verb_form(token.lower_, "VBN")


def _reserved_tail_edits(role: Sequence[Token], past: bool) -> list[Edit]:
    """In "as alternatives and brain stimulation reserved for ...", the part from "and": a
    short noun phrase and an "-ed" word, made a sentence with "is"/"are"."""
    for k, token in enumerate(role[1:], start=1):
        if token.text in CLAUSE_MARKS or is_finite_verb(token.lower_):
            return []
        if token.lower_ != "and":
            continue
        noun_phrase = []
        for following in role[k + 1 : k + 6]:
            if following.is_alpha and _is_participle_form(following.lower_):
                break
            noun_phrase.append(following)
        else:
            return []
        if not noun_phrase or any(not t.is_alpha for t in noun_phrase):
            return []
        participle = role[k + 1 + len(noun_phrase)]
        before, first = role[k - 1], noun_phrase[0]
        plural = _is_plural_noun(noun_phrase[-1])
        return [
            Edit(before.idx + len(before.text), first.idx + 1,
                 parts=(". ", (first.idx, first.idx + 1, "upper"))),
            Edit(participle.idx, participle.idx, _be(plural, past) + " "),
        ]  # fmt: skip
    return []


def _bare_such_as_edits(sentence: Span) -> list[Edit]:
    """ "The doctor should exclude other causes of pain such as wear and tear or gout." ->
    "The doctor should exclude other causes of pain. Examples are wear and tear or gout.":
    two examples with no comma before them, closing a piece of advice. Never in a
    prohibition or a denial ("avoid pain pills such as A" would read "avoid pain pills"),
    nor after "only", nor before a series, a clause or a preposition ("such as A as first
    choice": the "as" belongs to the advice)."""
    if not _has_word(sentence, ("such",)):
        return []
    tokens = _in(sentence)
    end = len(tokens)
    while end > 0 and (tokens[end - 1].text in CLOSING_MARKS or is_citation(tokens[end - 1])):
        end -= 1
    at = next(
        (k for k in range(MIN_SIDE_WORDS, end - 3)
         if tokens[k].lower_ == "such" and tokens[k + 1].lower_ == "as"),
        None,
    )  # fmt: skip
    if at is None or tokens[at - 1].text in CLAUSE_MARKS or not _closes_with_full_stop(sentence):
        return []
    left, body = tokens[:at], tokens[at + 2 : end]
    if not _is_advice(left) or words(body) < 2 or words(left) < MIN_SIDE_WORDS + 2:
        return []
    if any(t.lower_ in PROHIBITIONS | NEGATING_WORDS | LIMITING_WORDS for t in left):
        return []
    if any(t.text in CLAUSE_MARKS or _is_clause_verb(t) or t.lower_ in PREPOSITIONS for t in body):
        return []  # "counseling such as talk therapy as first-choice care": "as" is the verb's
    if len([t for t in body if t.lower_ in JOINERS and t.nbor(-1).text != "-"]) != 1:
        return []  # one example reads badly after "Examples are"; more make a series (the
        # "and" of "wear-and-tear" joins no items)
    citations: list[Part] = []
    for cited in tokens[end:]:
        if is_citation(cited):
            citations += [" ", (cited.idx, cited.idx + len(cited.text), "")]
    before, last = tokens[at - 1], body[-1]
    parts = (*citations, ". Examples are ", (body[0].idx, last.idx + len(last.text), ""), ".")
    return [Edit(before.idx + len(before.text), sentence.end_char, parts=parts)]
