"""`subordinate_clauses`: a condition, time, reason or limit clause ("If A, B", "B when A",
"B when A, C, or D") moves behind its main clause as "This applies ..." sentences, so the
reader meets the main point first. The largest rule, `_leading_clause_edit`, is also asked
by `clauses.py` before it cuts a sentence whose condition covers both clauses.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import pairwise

from spacy.tokens import Span, Token

from ..lexicon import forms_of, lemmas_of
from ..nlp import is_citation, token_columns
from ..readability import is_read
from .edits import Edit, Part, _with_edits
from .participial_tails import participial_tail_edits
from .tokens import (
    AUXILIARIES,
    BE_HAVE,
    CLAUSE_MARKS,
    CLAUSE_WORDS,
    CLOSING_MARKS,
    CONDITION_OPENERS,
    DETERMINERS,
    JOINERS,
    JOINING_WORDS,
    LEADING_SUBORDINATORS,
    LIMITING_WORDS,
    MAX_REPEATED_SUBJECT,
    MIN_SIDE_WORDS,
    MODALS,
    NEGATING_WORDS,
    NOT_ACTIONS,
    NOT_SUBJECTS,
    PEOPLE_WORDS,
    PREPOSITIONS,
    PROHIBITIONS,
    PRONOUNS,
    SUBJECT_STARTS,
    TIME_UNITS,
    TRIGGER_STARTS,
    _any_verb,
    _closes_with_full_stop,
    _comma_before,
    _has_finite_verb,
    _has_verb,
    _has_word,
    _ids_of,
    _in,
    _is_advice,
    _is_gerund,
    _is_imperative,
    _is_participle_form,
    _is_plural_noun,
    _is_subject,
    _is_verb_form,
    _names_people,
    _next_mark,
    _opener_at,
    _participle_after_noun,
    _plural_clause,
    _positions,
    _repeated_subject,
    _reports_the_past,
    _sentence_ids,
    _slice,
    _starts_clause,
    _tells_the_past,
    _word_id,
    bracket_depths,
    is_finite_verb,
    words,
)

# ", while B" -> ". But B": the words that open the new sentence keep the link.
TAIL_OPENERS = {
    ("while",): "But ", ("though",): "But ", ("so", "that"): "This way, ",
    ("provided", "that"): "This applies only if ", ("provided",): "This applies only if ",
    ("where",): "In these cases, ", ("when",): "This applies when ",
    ("because",): "This is because ", ("although",): "But ", ("whereas",): "In contrast, ",
    ("since",): "This is because ",
    # "unless" with no "not": an added "not" would count for one a split lost elsewhere
    ("unless",): "The exception is if ",
}  # fmt: skip
TAIL_FIRST_WORDS = frozenset(opener[0] for opener in TAIL_OPENERS)
# Openers of a condition: after a comma they may limit only the last part before them.
COMMA_CONDITIONS = frozenset({"provided", "when", "unless"})
# After these a clause almost always follows: any verb in its first words will do.
LOOSE_OPENERS = frozenset({("because",), ("although",), ("whereas",), ("though",), ("since",)})

# "After starting the pill, potassium should be checked." -> "Potassium should be checked.
# This applies after starting the pill.": only before advice, never before a report.
TIME_LEADS = frozenset({"after", "before"})
CONTRAST_OPENERS = frozenset({"although", "though", "while", "whereas"})
CAUSE_OPENERS = frozenset({"because", "since"})


def subordinate_clause_edits(sentence: Span) -> list[Edit]:
    lead = _leading_clause_edit(sentence)
    if lead is not None:
        return [lead]
    return (
        _two_limits_edits(sentence)
        or _both_conditions_edits(sentence)
        or _repeated_condition_edits(sentence)
        or _as_is_edits(sentence)
        or _tail_edits(sentence, sentence.start)
        or _while_doing_edits(sentence)
        or _closing_people_edits(sentence)
        or _condition_series_edits(sentence)
        or _applies_to_who_edits(sentence)
        or _group_series_edits(sentence)
        or _one_person_pair_edits(sentence)
        or _so_can_edits(sentence)
        or _closing_group_moves(sentence)
    )


EXCEPT_ID, APPLIES_ID = _word_id("except"), _word_id("applies")


def _closing_group_moves(sentence: Span) -> list[Edit]:
    """The group rules that run last, behind one cheap test for their words."""
    ids = _sentence_ids(sentence)
    found = _except_group_edits(sentence) if EXCEPT_ID in ids else []
    if not found and APPLIES_ID in ids:
        found = _second_group_applies_edits(sentence)
    return found


# How a sentence names the people a claim is for: "This applies to X", or, before the claim,
# "The following applies to X".
APPLIES_TO_OPENERS = (("this", "applies", "to"), ("the", "following", "applies", "to"))


def _applies_to_group(tokens: Sequence[Token]) -> int | None:
    """Where the group starts in a sentence that opens with "This applies to" (or "The
    following applies to"); None in any other sentence."""
    opener = _opener_at(tokens, 0, APPLIES_TO_OPENERS)
    return None if opener is None else len(opener)


def _second_group_applies_edits(sentence: Span) -> list[Edit]:
    """ "This applies to children under 2 with A, and to those over 2 with B." -> "This
    applies to children under 2 with A. It also applies to those over 2 with B.": either
    group is enough, as the ", and to" a split made says, so each reads on its own."""
    tokens = _in(sentence)
    group = _applies_to_group(tokens)
    if len(tokens) < 8 or group is None:
        return []
    for k in range(group + 1, len(tokens) - 3):
        if tokens[k].text != "," or tokens[k + 1].lower_ != "and" or tokens[k + 2].lower_ != "to":
            continue
        if words(tokens[group:k]) < 3 or words(tokens[k + 3 :]) < 2:
            return []
        return [Edit(tokens[k].idx, tokens[k + 2].idx + 2, ". It also applies to")]
    return []


EXCEPT_PREPOSITIONS = frozenset({"in", "for"})


def _except_group_edits(sentence: Span) -> list[Edit]:
    """ "A is advised over B, except in people with C [1]." -> "A is advised over B. The
    exception is people with C [1].": the group left out reads on its own, as ", unless"
    does ("The exception is if"), with no "not" added. Only a closing group of people
    with no verb of its own, after a claim with a verb."""
    tokens = _in(sentence)
    for k in range(MIN_SIDE_WORDS, len(tokens) - 3):
        comma, word = tokens[k - 1], tokens[k]
        if word.lower_ != "except" or comma.text != ",":
            continue
        at = k + 1 + (tokens[k + 1].lower_ in EXCEPT_PREPOSITIONS)
        group = [t for t in tokens[at:] if not (t.is_punct or is_citation(t))]
        if not group or group[0].lower_ not in PEOPLE_WORDS or len(group) < 2:
            return []
        if any(is_finite_verb(t.lower_) or t.lower_ in CLAUSE_WORDS for t in group):
            return []
        if not _any_verb(tokens[: k - 1]) or bracket_depths(sentence.doc)[comma.i]:
            return []
        return [Edit(comma.idx, tokens[at].idx, ". The exception is ")]
    return []


ONLY = frozenset({"only"})
LIMIT_OPENERS = frozenset({"after", "when", "if", "once", "where", "before", "until", "while"})
MAX_VERB_GROUP = 4  # "should not be considered"


BOTH_CONDITION_WORDS = frozenset({"if", "when"})
MIN_BOTH_CONDITION_WORDS = 6


def _both_conditions_edits(sentence: Span) -> list[Edit]:
    """ "This applies only if the rash has not spread past the knee and the person has had
    no fever for two days." -> "This applies only if the rash has not spread past the knee.
    Even then, it applies only if the person has had no fever for two days.": "only if A
    and B" asks for both, and so do two limits each with "only" when the second says the
    first still holds (as `_two_limits_edits` does). Never "only if A or B" (either is
    enough; two "only"s would ask for both), never a series, nor plain "if A and B" (each
    alone would then be enough). Only two clauses each long enough to read alone."""
    if not _has_word(sentence, ("only",)):
        return []
    tokens = _in(sentence)
    if len(tokens) < 2 * MIN_BOTH_CONDITION_WORDS + 4:
        return []
    if [t.lower_ for t in tokens[:3]] != ["this", "applies", "only"]:
        return []
    if tokens[3].lower_ not in BOTH_CONDITION_WORDS or not _closes_with_full_stop(sentence):
        return []
    depths = bracket_depths(sentence.doc)
    top = [k for k in range(4, len(tokens)) if not depths[tokens[k].i]]
    if any(tokens[k].lower_ == "or" or tokens[k].text in (",", ";", ":") for k in top):
        return []
    ands = [k for k in top if tokens[k].lower_ == "and"]
    if len(ands) != 1:
        return []
    joint = ands[0]
    first, second = tokens[4:joint], tokens[joint + 1 :]
    if words(first) < MIN_BOTH_CONDITION_WORDS or words(second) < MIN_BOTH_CONDITION_WORDS:
        return []
    if not (_starts_clause(first) and _starts_clause(second)):
        return []
    if any(t.lower_ in CLAUSE_WORDS for t in (*first, *second)):
        return []
    word = tokens[3].lower_
    return [
        Edit(tokens[joint - 1].idx + len(tokens[joint - 1].text), second[0].idx,
             f". Even then, it applies only {word} ")
    ]  # fmt: skip


def _two_limits_edits(sentence: Span) -> list[Edit]:
    """ "Opioids should be considered only after other drugs have failed and only when the
    benefits outweigh the risks." -> "Opioids should be considered only after other drugs
    have failed. Even then, opioids should be considered only when the benefits outweigh
    the risks.": two limits joined by "and only" both hold, so the second sentence keeps its
    "only" and says the first still holds ("Even then"). Only a subject, a modal verb group
    and nothing else before the first "only"; the subject is said again when short, else
    "it"/"they"."""
    onlys = _positions(sentence, ONLY)
    if len(onlys) < 2:
        return []
    depths = bracket_depths(sentence.doc)
    tokens = _in(sentence)
    limits = [
        k for k in onlys
        if 0 < k < len(tokens) - 1 and tokens[k + 1].lower_ in LIMIT_OPENERS
        and not depths[tokens[k].i]
    ]  # fmt: skip
    if len(limits) != 2 or tokens[limits[1] - 1].lower_ != "and":
        return []
    first, second = limits
    end = second - 2 if tokens[second - 2].text == "," else second - 1
    modal = next((k for k in range(first) if tokens[k].lower_ in MODALS), None)
    if not modal or first - modal > MAX_VERB_GROUP or words(tokens[first:end]) < MIN_SIDE_WORDS:
        return []
    subject, group = tokens[:modal], tokens[modal:first]
    if not _is_subject(subject) or not all(t.is_alpha and t.is_lower for t in group):
        return []
    if words(tokens[second:]) < MIN_SIDE_WORDS or any(t.text in (";", ":") for t in tokens):
        return []
    if words(subject) <= MAX_REPEATED_SUBJECT and subject[0].lower_ not in ("a", "an"):
        opener = subject[0]
        common = opener.lower_ in SUBJECT_STARTS or (
            opener.is_title
            and any(lemmas_of(opener.lower_, pos) for pos in ("NOUN", "ADJ", "VERB"))
        )  # "Sleeping pills" -> "sleeping pills", but "Entresto" stays a name
        named: Part = (opener.idx, subject[-1].idx + len(subject[-1].text),
                       "lower" if common else "")  # fmt: skip
    else:
        named = "they" if _is_plural_noun(subject[-1]) else "it"
    last = tokens[end - 1]
    verbs = (group[0].idx, group[-1].idx + len(group[-1].text), "")
    said = (". Even then, ", named, " ", verbs, " ")
    return [Edit(last.idx + len(last.text), tokens[second].idx, parts=said)]


SERIES_CONDITION_OPENERS = frozenset({"when", "if"})

MIN_CONDITION_WORDS = 3
MAX_CONDITION_SUBJECT = 5  # "the person you care for" in "when the person you care for is A, has B"


def _condition_series_edits(sentence: Span) -> list[Edit]:
    """Three or more conditions joined by ", or", each enough on its own, read one at a time:
    "This applies when you have A, B, or C." -> "This applies when you have A. This also
    applies when you have B. This also applies when you have C." (the words that open the
    first condition go with the others: "you have"); "referral when A is high, B falls, or
    C rises [1]." -> "referral when A is high. This also applies when B falls. This also
    applies when C rises [1]." Never with "and" (all must hold), after a negation ("when you
    do not have A, B, or C": none may hold), in a report ("was stopped when ..."), nor when
    the later conditions mix clauses and phrases."""
    doc = sentence.doc
    if not (_may_hold_condition_series(sentence) or _may_hold_bare_or_series(sentence)):
        return []
    depths = bracket_depths(doc)
    tokens = _in(sentence)
    end = len(tokens)
    while end and (tokens[end - 1].text in CLOSING_MARKS or is_citation(tokens[end - 1])):
        end -= 1
    opener = next(
        (k for k, t in enumerate(tokens[:end]) if t.lower_ in SERIES_CONDITION_OPENERS), None
    )
    if not opener or depths[tokens[opener].i]:
        return []
    body = tokens[opener + 1 : end]
    if any(t.lower_ in NEGATING_WORDS | CLAUSE_WORDS or t.text in (";", ":") for t in body):
        return []
    only = tokens[opener - 1].lower_ == "only"  # "only when A, or B": two cases do
    commas = [k for k, t in enumerate(body) if t.text == "," and not depths[t.i]]
    if not commas or len(commas) >= len(CASE_COUNTS):
        return []
    if commas[-1] + 1 >= len(body) or any(body[k + 1].lower_ in JOINERS for k in commas[:-1]):
        return []
    bounds = [-1, *commas]
    items = [body[a + 1 : b] for a, b in pairwise([*bounds, len(body)])]
    bare_or = False
    if body[commas[-1] + 1].lower_ == "or":
        if len(commas) < 2 - only:
            return []
        items[-1] = items[-1][1:]  # after ", or"
    elif only or (items := _clauses_before_bare_or(items)) is None:
        return []
    else:
        bare_or = True  # each part a clause of its own: no words to share
    if any(words(item) < MIN_CONDITION_WORDS for item in items):
        return []
    main = tokens[:opener]
    if any(t.lower_ in NEGATING_WORDS for t in main) or _reports_the_past(main):
        return []
    lead = "" if bare_or else _shared_condition_lead(items)
    if lead is None:
        return []
    if only:
        return _only_cases_edits(tokens[opener], items, lead)
    prefix = f". This also applies {tokens[opener].lower_} {lead}"
    return [
        Edit(before[-1].idx + len(before[-1].text), item[0].idx, prefix)
        for before, item in pairwise(items)
    ]


# Verbs whose object can be a "when"/"if" clause: "ask when the pain started".
def _clauses_before_bare_or(items: list[Sequence[Token]]) -> list[Sequence[Token]] | None:
    """ "when A is high, B is limited or C is extensive": with no comma before "or", the
    last part holds two conditions; each part must be a clause of its own (a subject, then
    a verb), so that "or" cannot be one joining two nouns ("when A, B or C rises")."""
    last = items[-1]
    cuts = [k for k, t in enumerate(last) if t.lower_ == "or" and 0 < k < len(last) - 1]
    if len(cuts) != 1:
        return None
    split = [*items[:-1], last[: cuts[0]], last[cuts[0] + 1 :]]
    if not all(len(item) > 2 and _has_finite_verb(item[1:]) for item in split):
        return None
    return split


ASKING_VERBS = frozenset(
    {"ask", "know", "check", "decide", "see", "tell", "show", "find", "learn", "note",
     "record", "explain", "understand", "wonder", "discuss", "determine", "assess", "judge",
     "recall", "remember", "say", "report", "watch", "test", "confirm", "establish", "document"}
)  # fmt: skip


def _asks(token: Token) -> bool:
    """A verb that takes a "when"/"if" clause as its object ("ask", "checked", "records")."""
    return not ASKING_VERBS.isdisjoint(lemmas_of(token.lower_, "VERB").get("VERB", ()))


LAST_CONDITION_OPENERS = frozenset({"when", "if", "in", "during", "after", "before", "once"})


def _repeated_condition_edits(sentence: Span) -> list[Edit]:
    """ "IV iron is preferred when A is impaired, e.g. by B or C, when D, or in E [2]." ->
    "IV iron is preferred when A is impaired, e.g. by B or C. This also applies when D. This
    also applies in E [2].": three or more conditions, each led by its own "when" or "if"
    (the last may be a phrase: "or in pregnancy"), joined by ", or" at the end; or two,
    the second led by the same word: "A is advised when B, or when C" -> "A is advised when
    B. This also applies when C". As each
    brings its opener, the words inside one (an "e.g." series) stay with it. Never with
    ", and" (all must hold), "only" or a negation before the first, nor in a report."""
    if not _may_hold_condition_series(sentence):
        return []
    depths = bracket_depths(sentence.doc)
    tokens = _in(sentence)
    opener = next(
        (k for k, t in enumerate(tokens) if t.lower_ in SERIES_CONDITION_OPENERS
         and not depths[t.i]),
        None,
    )  # fmt: skip
    if not opener or tokens[opener - 1].lower_ == "only":
        return []
    word = tokens[opener].lower_
    cuts: list[tuple[int, int]] = []  # (index of the comma, index of the opener)
    for k in range(opener + 2, len(tokens) - 2):
        comma, token = tokens[k - 1], tokens[k]
        if comma.text != "," or depths[token.i]:
            continue
        if token.lower_ == word:
            cuts.append((k - 1, k))
        elif token.lower_ == "or" and (
            (following := tokens[k + 1].lower_) == word
            or (cuts and following in LAST_CONDITION_OPENERS)
        ):
            cuts.append((k - 1, k + 1))
            break
        elif token.lower_ == "and" and tokens[k + 1].lower_ in LAST_CONDITION_OPENERS:
            return []  # ", and when": every condition must hold
    if not cuts or tokens[cuts[-1][1] - 1].lower_ != "or":
        return []
    if len(cuts) == 1 and _next_mark(tokens, cuts[0][1], frozenset({",", ";", ":"})):
        return []  # "when A, or when B, using C": C goes with the claim, not with B
    main = tokens[:opener]
    if _asks(main[-1]) or any(t.lower_ in CLAUSE_WORDS for t in main):
        return []  # "ask when A, when B, or when C": the questions are what is asked
    if not (_has_verb(main) or _any_verb(main) or _is_imperative(main[0])):
        return []
    conditions = tokens[opener:]
    if any(t.lower_ in NEGATING_WORDS for t in conditions[: cuts[0][0] - opener]):
        return []
    if any(t.lower_ in NEGATING_WORDS for t in main) or _reports_the_past(main):
        return []
    bounds = [opener, *(at for _, at in cuts), len(tokens)]
    if any(words(tokens[a:b]) < MIN_CONDITION_WORDS + 1 for a, b in pairwise(bounds)):
        return []
    edits = []
    for comma, at in cuts:
        before = tokens[comma - 1]
        edits.append(Edit(before.idx + len(before.text), tokens[at].idx, ". This also applies "))
    return edits


CASE_COUNTS = ("", "", "two", "three", "four", "five")
CASE_ORDINALS = ("first", "second", "third", "fourth", "fifth")


def _only_cases_edits(opener: Token, items: Sequence[Sequence[Token]], lead: str) -> list[Edit]:
    """ "This applies only when you have A, or have B." -> "This applies only in two cases.
    The first is when you have A. The second is when you have B.": "This also applies when"
    would drop the "only" from every case after the first, and the reader must still see
    that nothing else qualifies."""
    word = opener.lower_
    edits = [Edit(opener.idx, opener.idx, f"in {CASE_COUNTS[len(items)]} cases. The first is ")]
    for k, (before, item) in enumerate(pairwise(items), start=1):
        start = before[-1].idx + len(before[-1].text)
        edits.append(Edit(start, item[0].idx, f". The {CASE_ORDINALS[k]} is {word} {lead}"))
    return edits


def _may_hold_condition_series(sentence: Span) -> bool:
    """ ", or" and a "when" or "if", read off the Doc's token columns: most long sentences
    have none, and making their Token objects is what a rule costs."""
    lowers = token_columns(sentence.doc).lower[sentence.start : sentence.end]
    strings = sentence.doc.vocab.strings
    return _comma_before(sentence, ("or",)) and bool(
        (lowers == strings["when"]).any() or (lowers == strings["if"]).any()
    )


def _may_hold_bare_or_series(sentence: Span) -> bool:
    """ "when A is high, B is low or C is extensive": a "when" or "if", then an "or" after
    the last comma and a common verb ("is", "has" ...) after that "or", read off the cached
    word ids first and the token columns only then."""
    ids = _sentence_ids(sentence)
    if _word_id("or") not in ids or _word_id(",") not in ids:
        return False
    if _word_id("when") not in ids and _word_id("if") not in ids:
        return False
    lowers = token_columns(sentence.doc).lower[sentence.start : sentence.end]
    strings = sentence.doc.vocab.strings
    openers = ((lowers == strings["when"]) | (lowers == strings["if"])).nonzero()[0]
    rest = lowers[openers[0] :]
    commas = (rest == strings[","]).nonzero()[0]
    if not len(commas):
        return False
    ors = (rest[commas[-1] :] == strings["or"]).nonzero()[0]
    if not len(ors):
        return False
    after = rest[commas[-1] + ors[0] :].tolist()
    return not _ids_of(BE_HAVE).isdisjoint(after)


def _shared_condition_lead(items: Sequence[Sequence[Token]]) -> str | None:
    """What every condition of a series opens with: nothing when each is a clause of its own
    ("B falls"); the subject when the later ones are its verbs ("you are 50 or older, have
    A, or fail B" -> "you "); the subject and verb when the later ones are what it has ("you
    have A, B, or C" -> "you have "); None when they mix."""
    if all(not _is_verb_word(item[0]) and _any_verb(item) for item in items):
        return ""
    first, later = items[0], items[1:]
    verb = next(
        (k for k, t in enumerate(first[: MAX_CONDITION_SUBJECT + 1]) if is_finite_verb(t.lower_)),
        None,
    )
    if not verb or first[0].lower_ not in PRONOUNS | SUBJECT_STARTS:
        return None
    if all(_is_verb_word(item[0]) for item in later):
        return "".join(t.text_with_ws for t in first[:verb])
    if not any(_any_verb(item) for item in later):
        return "".join(t.text_with_ws for t in first[: verb + 1])
    return None


PURPOSE_MODALS = frozenset({"can", "could", "may", "might", "will", "would"})
NOT_BEFORE_SO = frozenset({*JOINERS, "but", "not", "even", "just", "only", "do", "and"})
# "A is a first choice, as is B": the verbs that "as" takes before a second subject.
AS_VERBS = frozenset({"is", "are", "was", "were", "does", "do", "did"})


def _as_is_edits(sentence: Span) -> list[Edit]:
    """ "A is a first choice, as is B for 3 days, provided C" -> "A is a first choice. So is
    B for 3 days, provided C": B gets a sentence of its own, so a condition or figure that
    follows it is read as B's alone once a later rule moves it. Never before a describing
    word or participle ("as is common", "as is known"), nor "as is the case"."""
    doc = sentence.doc
    lowers = token_columns(doc).lower[sentence.start : sentence.end]
    if not (lowers == doc.vocab.strings["as"]).any():
        return []  # read off the token columns: most sentences have no "as"
    tokens = _slice(doc, sentence.start, sentence.end)
    for k in range(1, len(tokens) - 3):
        if tokens[k].lower_ != "as" or tokens[k - 1].text != ",":
            continue
        if bracket_depths(doc)[tokens[k].i]:
            continue
        verb, after = tokens[k + 1], tokens[k + 2]
        if verb.lower_ not in AS_VERBS or after.is_punct or tokens[k + 3].lower_ == "case":
            continue
        if _is_participle_form(after.lower_) or lemmas_of(after.lower_, "ADJ"):
            continue
        if any(after.lower_ in forms_of(lemma, "VBN")
               for lemma in lemmas_of(after.lower_, "VERB").get("VERB", ())):  # fmt: skip
            continue  # "as is known", "as is seen"
        if words(tokens[: k - 1]) < MIN_SIDE_WORDS or not _has_verb(tokens[: k - 1]):
            continue
        return [Edit(tokens[k - 1].idx, verb.idx, ". So ")]
    return []


MAX_SO_SUBJECT = 3


def _so_can_edits(sentence: Span) -> list[Edit]:
    """ "This test stains the mucus you cough up so germs can be seen with a lens." -> "...
    you cough up. This way, germs can be seen with a lens.": a bare "so", then a subject and
    "can"/"may"/"will", says what the act is for, as "so that" does (also after a "that"
    clause: the purpose is the act's either way). Never "so bad you could not walk" or "so
    much can go wrong" (a describing word after "so"), nor after "and", "not" or "do"."""
    if not _has_word(sentence, ("so",)):
        return []
    depths = bracket_depths(sentence.doc)
    tokens = _in(sentence)
    for k in range(MIN_SIDE_WORDS + 1, len(tokens) - MIN_SIDE_WORDS):
        so = tokens[k]
        if so.lower_ != "so" or depths[so.i] or tokens[k - 1].lower_ in NOT_BEFORE_SO:
            continue
        if tokens[k - 1].is_punct:
            continue  # ", so": a result, which `coordinated_clauses` reads
        modal = next(
            (j for j in range(k + 2, min(k + 2 + MAX_SO_SUBJECT, len(tokens)))
             if tokens[j].lower_ in PURPOSE_MODALS),
            None,
        )  # fmt: skip
        if modal is None or not _names_a_subject(tokens[k + 1 : modal]):
            continue
        left = tokens[:k]
        if words(tokens[k + 1 :]) < MIN_SIDE_WORDS:
            continue
        if not (_has_verb(left) or _is_imperative(left[0]) or _plural_clause(left)):
            continue
        end = left[-1].idx + len(left[-1].text)
        return [Edit(end, tokens[k + 1].idx, ". This way, ")]
    return []


def _names_a_subject(tokens: Sequence[Token]) -> bool:
    """ "germs", "you", "the doctor": a pronoun, or a noun phrase that opens with a determiner
    or a noun that is no describing word ("bad", "much")."""
    first = tokens[0]
    if any(not t.is_alpha or is_finite_verb(t.lower_) for t in tokens):
        return False
    if first.lower_ in PRONOUNS | DETERMINERS:
        return True
    word = first.lower_
    return (
        bool(lemmas_of(word, "NOUN")) and not lemmas_of(word, "ADJ") and not lemmas_of(word, "ADV")
    )


GROUP_LEADS = frozenset({"for", "to", "in"})
GROUP_WORDS = frozenset({"those", "people", "adults", "anyone", "someone", "patients"})


def _group_series_edits(sentence: Span) -> list[Edit]:
    """Three or more groups after "for those with", joined by ", or", each enough on its own,
    read one at a time as the conditions of a "when" do: "ICU care is reserved for those with
    A, B, or C [1]." -> "ICU care is reserved for those with A. This also applies to those
    with B. This also applies to those with C [1]." Never with "and" (one group might need
    all three), after a negation, in a report, nor when a later group opens with a verb ("...,
    or have had C": the subject of the clause is not "those")."""
    if not _may_hold_group_series(sentence):
        return []
    found = _series_after_people(sentence, _names_a_group, 3)
    if found is None:
        return []
    tokens, lead, items = found
    if len(items) < 3 or any(item[0].lower_ in AUXILIARIES for item in items):
        return []
    prefix = f". This also applies to {tokens[lead + 1].lower_} with "
    return [
        Edit(before[-1].idx + len(before[-1].text), item[0].idx, prefix)
        for before, item in pairwise(items)
    ]


ONE_PERSON_WORDS = frozenset({"child", "adult", "person", "woman", "man", "patient"})


def _one_person_pair_edits(sentence: Span) -> list[Edit]:
    """ "The infection is diagnosed in a child with A, or B." -> "The infection is diagnosed
    in a child with A. This also applies to a child with B.": two findings parted by ", or",
    either enough, after one person named with "a". The comma says the "or" parts the
    findings, not words inside one ("moderate or severe bulging"). Never when the second
    part opens with a preposition or a verb (", or in pregnancy": not a finding), nor with a
    negation, a clause word or a report, as for groups."""
    if not _comma_before(sentence, ("or",)) or not _has_word(sentence, ONE_PERSON_WORDS):
        return []
    found = _series_after_people(sentence, _names_one_person, 4)
    if found is None or len(found[2]) != 2:
        return []
    tokens, lead, items = found
    second = items[1][0].lower_
    if second in PREPOSITIONS | LEADING_SUBORDINATORS | AUXILIARIES or is_finite_verb(second):
        return []
    if any(t.lower_ in AUXILIARIES or is_finite_verb(t.lower_) for t in items[1]):
        return []  # ", or the dose is halved": a clause of its own, not a finding
    before, item = items
    person = f"{tokens[lead + 1].lower_} {tokens[lead + 2].lower_}"
    prefix = f". This also applies to {person} with "
    return [Edit(before[-1].idx + len(before[-1].text), item[0].idx, prefix)]


def _names_a_group(tokens: Sequence[Token], k: int) -> bool:
    """ "for those with", "in people with"."""
    return (
        tokens[k].lower_ in GROUP_LEADS
        and tokens[k + 1].lower_ in GROUP_WORDS
        and tokens[k + 2].lower_ == "with"
    )


def _names_one_person(tokens: Sequence[Token], k: int) -> bool:
    """ "in a child with", "for an adult with"."""
    return (
        tokens[k].lower_ in GROUP_LEADS
        and tokens[k + 1].lower_ in ("a", "an")
        and tokens[k + 2].lower_ in ONE_PERSON_WORDS
        and tokens[k + 3].lower_ == "with"
    )


def _series_after_people(
    sentence: Span, names_people: Callable[[Sequence[Token], int], bool], width: int
) -> tuple[list[Token], int, list[Sequence[Token]]] | None:
    """The sentence's tokens, where the people it names begin (`names_people`, `width`
    words up to "with") and the ", or" series of what they have; None where a negation or a
    report in the claim, or a negation, clause word, ";" or ":" in the series, would change
    what each item limits."""
    depths = bracket_depths(sentence.doc)
    tokens = _in(sentence)
    end = len(tokens)
    while end and (tokens[end - 1].text in CLOSING_MARKS or is_citation(tokens[end - 1])):
        end -= 1
    lead = next(
        (k for k in range(MIN_SIDE_WORDS, end - width)
         if names_people(tokens, k) and not depths[tokens[k].i]),
        None,
    )  # fmt: skip
    if lead is None:
        return None
    main, body = tokens[:lead], tokens[lead + width : end]
    if any(t.lower_ in NEGATING_WORDS for t in main) or _reports_the_past(main):
        return None
    if any(t.lower_ in NEGATING_WORDS | CLAUSE_WORDS or t.text in (";", ":") for t in body):
        return None
    items = _or_series_items(body, depths)
    return None if items is None else (tokens, lead, items)


def _or_series_items(body: Sequence[Token], depths: list[int]) -> list[Sequence[Token]] | None:
    """ "A, B, or C" -> [A, B, C]: every comma outside brackets parts two items, only the last
    one is followed by "or", and each item has a few words of its own."""
    commas = [k for k, t in enumerate(body) if t.text == "," and not depths[t.i]]
    if not commas or commas[-1] + 1 >= len(body) or body[commas[-1] + 1].lower_ != "or":
        return None
    if any(body[k + 1].lower_ in JOINERS for k in commas[:-1]):
        return None
    bounds = [-1, *commas]
    items = [body[a + 1 : b] for a, b in pairwise([*bounds, len(body)])]
    items[-1] = items[-1][1:]  # after ", or"
    if any(words(item) < MIN_CONDITION_WORDS for item in items):
        return None
    return items


def _may_hold_group_series(sentence: Span) -> bool:
    """ ", or" and a "with", read off the Doc's token columns (see
    `_may_hold_condition_series`)."""
    lowers = token_columns(sentence.doc).lower[sentence.start : sentence.end]
    strings = sentence.doc.vocab.strings
    return (
        _comma_before(sentence, ("or",))
        and bool((lowers == strings["with"]).any())
        and _has_word(sentence, GROUP_WORDS)
    )


def _is_verb_word(token: Token) -> bool:
    """ "have", "fails", "is": a lower-case word that can only open a verb phrase here."""
    word = token.lower_
    return token.is_lower and (
        word in AUXILIARIES or any(_is_verb_form(word, tag) for tag in ("VBZ", "VBP", "VBD"))
    )


PEOPLE_LINKS = frozenset({"with", "who", "whose"})
TIME_CLAUSE_OPENERS = frozenset({"before", "after", "until", "unless", "once"})
ADVICE_VERBS = frozenset({"favor", "favors", "preferred", "reserved"})


def _closing_people_edits(sentence: Span) -> list[Edit]:
    """ "Sacubitril-valsartan is preferred over an ACE-blocker pill in people with class II or
    III symptoms [1]." -> "Sacubitril-valsartan is preferred over an ACE-blocker pill [1].
    This applies to people with class II or III symptoms.": the closing "in people with/who
    ..." of advice says whom it is for, as "In adults with X, B." does at the front. Only
    advice ("should", "advised", "preferred", an instruction; a report keeps its people),
    and never a prohibition ("avoid A", "is not needed": read alone, the first sentence
    would forbid it to everyone), after a clause word ("a pill that guards the kidneys in
    those with ..."), after "only" or "especially", nor before a second group ("... and in
    those with ...")."""
    if not _has_word(sentence, ("in",)):
        return []
    tokens = _in(sentence)
    if not _closes_with_full_stop(sentence):
        return []
    depths = bracket_depths(sentence.doc)
    for k in range(MIN_SIDE_WORDS + 1, len(tokens) - 3):
        token = tokens[k]
        if token.lower_ != "in" or depths[token.i]:
            continue
        j = k + 1 + (tokens[k + 1].lower_ in ("a", "an", "most", "all"))
        if j + 1 >= len(tokens) or tokens[j].lower_ not in PEOPLE_WORDS:
            continue
        if tokens[j + 1].lower_ not in PEOPLE_LINKS:
            continue
        left, tail = tokens[:k], [t for t in tokens[k + 1 :] if not is_citation(t)][:-1]
        if left[-1].is_punct or left[-1].lower_ in LIMITING_WORDS | {*JOINERS, "except"}:
            return []
        if left[-1].lower_.endswith("ly"):
            return []  # "chiefly in people with ...": the word limits the group it leads
        if any(t.lower_ in CLAUSE_WORDS or t.text in (";", ":") for t in left):
            return []
        opener = next((n for n, t in enumerate(left) if t.lower_ in TIME_CLAUSE_OPENERS), None)
        if opener is not None and _has_finite_verb(left[opener:]):
            return []  # "before treatment is started in people with ...": the clause's
        advice = _is_advice(left) or any(t.lower_ in ADVICE_VERBS for t in left)
        if not advice and not _tells_the_past(left):
            return []
        if advice and any(t.lower_ in PROHIBITIONS for t in left):
            return []
        if words(left) < MIN_SIDE_WORDS + 1 or words(tail) < MIN_SIDE_WORDS:
            return []
        if any(
            t.text in (",", ";", ":") or (t.lower_ in JOINERS and u.lower_ in PREPOSITIONS)
            for t, u in pairwise(tail)
        ):
            return []  # "... and in those with ...": two groups
        last = tail[-1]
        tail_end = last.idx + len(last.text)
        previous = left[-1]
        parts = (
            (tail_end, sentence.end_char, ""),
            " This applies to " if advice else " This was in ",
            (tokens[k + 1].idx, tail_end, ""),
            ".",
        )
        return [Edit(previous.idx + len(previous.text), sentence.end_char, parts=parts)]
    return []


SINGLE_PEOPLE = frozenset({"someone", "anyone", "person", "adult", "patient"})


def _applies_to_who_edits(sentence: Span) -> list[Edit]:
    """ "This applies to someone with X who has not reached A after B." -> "This applies to
    someone with X. It applies if this person has not reached A after B.": the "who" clause
    is a second condition of the same advice, said with "It applies if" so it stays tied to
    it ("these adults" after a plural). Only after "with" and a few words (the group is
    named first), and when "who" is the sentence's only clause word."""
    if not _has_word(sentence, ("who",)):
        return []
    tokens = _in(sentence)
    lead = _applies_to_group(tokens)
    if lead is None or len(tokens) < 10:
        return []
    j = lead + (tokens[lead].lower_ in ("a", "an"))
    people = tokens[j]
    if people.lower_ not in PEOPLE_WORDS or tokens[j + 1].lower_ != "with":
        return []
    who = next((k for k in range(j + 2, len(tokens)) if tokens[k].lower_ in CLAUSE_WORDS), None)
    if who is None or tokens[who].lower_ != "who" or who < j + 4:
        return []
    between, after = tokens[j + 2 : who], tokens[who + 1 :]
    if any(t.text in CLAUSE_MARKS for t in between) or words(after) < MIN_SIDE_WORDS:
        return []
    if any(t.lower_ in CLAUSE_WORDS or t.text in (";", ":") for t in after):
        return []
    if not (_any_verb(after[:3]) or after[0].lower_ in AUXILIARIES):
        return []
    single = people.lower_ in SINGLE_PEOPLE
    named = (
        "this person"
        if single
        else "these "
        + (
            "people"
            if people.lower_ in ("those", "older", "younger", "pregnant")
            else people.lower_
        )
    )
    before = tokens[who - 1]
    return [Edit(before.idx + len(before.text), after[0].idx, f". It applies if {named} ")]


def _while_doing_edits(sentence: Span) -> list[Edit]:
    """ "The guideline did not advise steroids, while noting that evidence was evolving." ->
    "The guideline did not advise steroids. The guideline also noted that evidence was
    evolving.": ", while <-ing word>" is a second act of the same subject; said with the
    subject and a tense it is a sentence. Never after an instruction ("Take it with food,
    while keeping ...": there "while" tells the time)."""
    if not _comma_before(sentence, ("while",)):
        return []
    doc = sentence.doc
    tokens = _in(sentence)
    verb_at = next((k for k, t in enumerate(tokens) if _verb_or_auxiliary(t)), None)
    if not verb_at or not _is_subject(tokens[:verb_at]) or _is_imperative(tokens[0]):
        return []
    for k in range(verb_at + MIN_SIDE_WORDS, len(tokens) - 2):
        comma, joiner, doing = tokens[k - 1], tokens[k], tokens[k + 1]
        if comma.text != "," or joiner.lower_ != "while" or bracket_depths(doc)[joiner.i]:
            continue
        if not _is_gerund(doing) or words(tokens[k + 2 :]) < MIN_SIDE_WORDS - 1:
            return []
        lemma = lemmas_of(doing.lower_, "VERB")["VERB"][0]
        if lemma not in SAYING_LEMMAS:
            return []  # "fell in adults, while rising in children": a contrast, not a second act
        verb = tokens[verb_at]
        plural = verb.lower_ in ("are", "were", "have", "do") or _is_verb_form(verb.lower_, "VBP")
        tag = "VBD" if _reports_the_past(tokens[:k]) else "VBP" if plural else "VBZ"
        forms = forms_of(lemma, tag)
        if not forms:
            return []
        subject = _repeated_subject(tokens[:verb_at], verb)
        parts = (". ", subject, f" also {forms[0]}")
        return [Edit(comma.idx, doing.idx + len(doing.text), parts=parts)]
    return []


SAYING_LEMMAS = frozenset(
    {"note", "state", "add", "warn", "acknowledge", "advise", "suggest", "recommend", "stress",
     "mention", "caution", "conclude", "report"}
)  # fmt: skip


def _verb_or_auxiliary(token: Token) -> bool:
    return token.lower_ in AUXILIARIES or (
        token.is_alpha and not token.is_title and is_finite_verb(token.lower_)
    )


def _tail_edits(sentence: Span, first: int) -> list[Edit]:
    """ "If A, B." -> "B. This applies if A."; "Although A, B." -> "A. But B.";
    "Because A, B." -> "A. So B."; ", while B" -> ". But B"; ", so that B" ->
    ". This way, B"; ", provided B" -> ". This applies only if B"; ", where B" ->
    ". In these cases, B"; ", when B" -> ". This applies when B"."""
    if not _comma_before(sentence, TAIL_FIRST_WORDS):
        return _bare_tail_edits(sentence, first)  # no ", while", ", because" ...
    edits = []
    doc = sentence.doc
    depths = bracket_depths(doc)
    tokens = _slice(doc, first, sentence.end)
    for k in range(1, len(tokens)):
        token = tokens[k]
        if tokens[k - 1].text != "," or depths[token.i]:
            continue
        opener = _opener_at(tokens, k, TAIL_OPENERS)
        if opener is None:
            continue
        comma = doc[token.i - 1]
        left = _slice(doc, first, comma.i)
        right = _slice(doc, token.i + len(opener), sentence.end)
        if words(left) < MIN_SIDE_WORDS or words(right) < MIN_SIDE_WORDS:
            continue
        if not (_has_verb(left) or _is_imperative(left[0]) or _always_or_never(left)):
            continue
        if opener == ("while",) and _is_imperative(left[0]):
            continue  # "Take it with food, while you wait": "while" tells the time here
        if opener == ("while",) and _is_gerund(right[0]):
            continue  # "..., while noting that ...": no subject; `_while_doing_edits`
        if opener[0] in SERIES_CONDITION_OPENERS and any(
            t.lower_ == opener[0] and j and _asks(left[j - 1]) for j, t in enumerate(left)
        ):
            continue  # "ask when A, when B": each "when" is one more thing asked
        loose = (
            opener in LOOSE_OPENERS
            and right[0].lower_ not in ("of", "then")
            and not right[0].like_num  # "since 2019" tells the time
            and _any_verb([t for t in right if is_read(t.text)][:10])  # words, not marks
        )
        if not (loose or _starts_clause(right) or _subject_with_described_aside(right)):
            continue
        if (
            opener[0] in CONTRAST_OPENERS
            and _verbless_aside_before_verb(right)
            and not _subject_with_described_aside(right)
        ):
            continue  # "side effects, although more common, were mild": an aside
        if opener[0] in COMMA_CONDITIONS and _ends_in_a_second_clause(left):
            continue  # "A is first, as is B, provided C": the condition limits B alone
        prefix = TAIL_OPENERS[opener]
        if prefix.startswith("This applies") and _forbids(left):
            continue  # "Avoid A, when B" -> "Avoid A. This applies when B": a total ban first
        if opener == ("so", "that") and not _is_imperative(left[0]):
            prefix = "As a result, "  # "raise hepcidin, so that a second dose ...": a result
        if opener == ("when",) and any(t.lower_ == "when" for t in left):
            prefix = "This also applies when "
        edits.append(Edit(comma.idx, right[0].idx, ". " + prefix))
    if not edits:
        edits = _bare_tail_edits(sentence, first)
    return edits


def _verbless_aside_before_verb(tokens: Sequence[Token]) -> bool:
    """ "although more common with the high dose, were mild": the words after the contrast
    word have no verb and close with a comma before a verb, so they are an aside inside the
    subject before them; split there, "were mild" would be left with no subject."""
    depths = bracket_depths(tokens[0].doc)
    for k, token in enumerate(tokens):
        if token.text in (";", ":") or token.lower_ in CLAUSE_WORDS:
            return False
        if token.text == "," and not depths[token.i]:
            return k > 0 and _verb_opens(tokens[k + 1 : k + 3])
        if token.lower_ in AUXILIARIES or token.lower_ in PRONOUNS or is_finite_verb(token.lower_):
            return False
    return False


MAX_DESCRIBED_SUBJECT = 3
MAX_DESCRIBING_ASIDE = 14


def _subject_with_described_aside(tokens: Sequence[Token]) -> bool:
    """ "..., while severe withdrawal, marked by confusion and shakes, typically appears
    ...": a subject of up to three words with no verb, an aside between commas that opens
    with a past participle, then a verb of its own (maybe after one adverb)."""
    depths = bracket_depths(tokens[0].doc)
    commas = [k for k, t in enumerate(tokens[: 2 * MAX_DESCRIBED_SUBJECT + MAX_DESCRIBING_ASIDE])
              if t.text == "," and not depths[t.i]]  # fmt: skip
    if len(commas) < 2 or not commas[0] or words(tokens[: commas[0]]) > MAX_DESCRIBED_SUBJECT:
        return False
    subject, aside = tokens[: commas[0]], tokens[commas[0] + 1 :]
    if any((not t.is_alpha and t.text != "-") or t.lower_ in NOT_SUBJECTS for t in subject):
        return False
    if any(is_finite_verb(t.lower_) for t in subject) or not _is_participle_form(aside[0].lower_):
        return False
    return any(_verb_opens(tokens[k + 1 : k + 3]) for k in commas[1:])


def _verb_opens(tokens: Sequence[Token]) -> bool:
    """A finite verb first, or after one adverb ("typically appears")."""
    if len(tokens) > 1 and lemmas_of(tokens[0].lower_, "ADV"):
        tokens = tokens[1:]
    return bool(tokens) and is_finite_verb(tokens[0].lower_)


def _always_or_never(tokens: Sequence[Token]) -> bool:
    """ "never combine two shots, ...": an instruction that opens with "never" or "always";
    the verb after it is a base form even where it is a noun too ("combine", "dose")."""
    return (
        len(tokens) > 1
        and tokens[0].lower_ in ("never", "always")
        and tokens[1].lower_ in lemmas_of(tokens[1].lower_, "VERB").get("VERB", ())
    )


# Openers whose clause limits only the last choice or verb it follows, if the split allows.
CONDITION_TAILS = frozenset({"when", "if", "unless"})

# "B when A" with no comma -> "B. This applies when A": only a clause with its own subject.
BARE_TAIL_OPENERS = {
    "when": "This applies when ", "if": "This applies if ", "because": "This is because ",
    "so": "This way, ",  # "so that": only before "that"
    "whenever": "This applies whenever ",
    "after": "This applies after ", "before": "This applies before ",  # advice only
    "unless": "The exception is if ",
}  # fmt: skip

SAYING_VERBS = frozenset(
    {"advise", "advises", "advised", "found", "find", "finds", "show", "shows", "showed",
     "suggest", "suggests", "suggested", "confirm", "confirms", "recommend", "recommends"}
)  # fmt: skip


def _bare_tail_edits(sentence: Span, first: int) -> list[Edit]:
    """ "A shock device is advised when the pumping strength stays at 35% or less [1]." ->
    "A shock device is advised. This applies when the pumping strength stays at 35% or less
    [1]." The first such clause only, after a main clause with its own verb; never in a list
    item in note form, after a relative "that" ("a test that is high when ..."), after a
    verb that takes the clause as its object ("checks if", "is when"), nor when the clause
    is followed by a second verb of the main subject ("..., and must be stopped when")."""
    if not _has_word(sentence, BARE_TAIL_OPENERS):
        return []
    doc = sentence.doc
    depths = bracket_depths(doc)
    tokens = _slice(doc, first, sentence.end)
    if not tokens[0].text[:1].isupper():
        return []  # a list item in note form
    if tokens[0].lower_ == "even":
        return []  # "Even then, X should be used only when A": alone, "X should be used" misleads
    for k, token in enumerate(tokens[MIN_SIDE_WORDS:], start=MIN_SIDE_WORDS):
        if token.lower_ not in BARE_TAIL_OPENERS or depths[token.i]:
            continue
        purpose = token.lower_ == "so"
        if purpose and (k + 1 >= len(tokens) or tokens[k + 1].lower_ != "that"):
            continue  # "so" alone: "and so on", "so low"
        limited = tokens[k - 1].lower_ in LIMITING_WORDS
        left = tokens[: k - 1] if limited else tokens[:k]
        right = tokens[k + 2 :] if purpose else tokens[k + 1 :]
        if not left or words(left) < MIN_SIDE_WORDS + 1 or words(right) < MIN_SIDE_WORDS:
            return []
        if token.lower_ in TIME_LEADS and not (
            _is_advice(left) and right[0].lower_ in DETERMINERS | PRONOUNS
        ):
            continue  # "stopped after A occurred": a report; "before treatment": no clause
        if token.lower_ in TIME_LEADS and tokens[k - 1].lower_ in TIME_UNITS:
            continue  # "within 7 to 14 days after a bleed": the time is counted from it
        if _tail_subject_would_read_as_this(token, right):
            return []
        if not _ends_main_clause(left, token.lower_) or not _opens_bare_clause(right):
            return []
        if left[0].lower_ in CLAUSE_WORDS and any(t.text == "," for t in right):
            return []  # "If A is needed because B, call C": the comma closes the "if" clause
        if token.lower_ in CONDITION_TAILS and _ends_in_a_dose_choice(left):
            return []  # "start at 100 mg, or 50 mg when ...": it limits the last choice only
        if token.lower_ in CONDITION_TAILS and _ends_in_a_second_verb(left):
            return []  # "screened once and treated if ...": it limits "treated" only
        if token.lower_ in CONDITION_TAILS and _ends_in_a_second_clause(left):
            return []  # "A works fast, and B can help if ...": it limits B's clause only
        if token.lower_ in CONDITION_TAILS and left[0].lower_ == "this":
            return []  # "This should not be used. This applies when A": two "this", one read
        if token.lower_ in ("when", "if") and _forbids(left):
            return []  # "A is not safe to use. This applies when B": read alone, a total ban
        if token.lower_ in CONDITION_TAILS and _bare_stop(left):
            return []  # "It must also be stopped. This applies when B": read alone, an order
        prefix = BARE_TAIL_OPENERS[token.lower_]
        if limited:
            if token.lower_ in ("because", "so"):
                return []  # "only because" reads oddly on its own
            prefix = prefix.replace("applies ", f"applies {tokens[k - 1].lower_} ")
        end = left[-1].idx + len(left[-1].text)
        rather = _rather_than_tail(right)
        if rather is not None:  # "is added when A, rather than B" -> "is added, rather than B.
            comma, close = rather  # This applies when A": B contrasts with the main verb
            parts = ((comma, close, ""), ". " + prefix, (right[0].idx, comma, ""))
            return [Edit(end, close, parts=parts)]
        return [Edit(end, right[0].idx, ". " + prefix)]
    return []


def _rather_than_tail(right: Sequence[Token]) -> tuple[int, int] | None:
    """Where ", rather than B" in the moved clause starts and ends (before any citation and
    the full stop): the alternative is to the main clause's action, not to the condition."""
    depths = bracket_depths(right[0].doc)
    for k in range(1, len(right) - 2):
        comma = right[k]
        if comma.text != "," or depths[comma.i] or right[k + 1].lower_ != "rather":
            continue
        if right[k + 2].lower_ != "than":
            return None
        words_left = [t for t in right[k + 3 :] if t.is_alpha]
        if not words_left:
            return None
        last = words_left[-1]
        return comma.idx, last.idx + len(last.text)
    return None


def _tail_subject_would_read_as_this(opener: Token, right: Sequence[Token]) -> bool:
    """ "... ruled out before it is blamed on smoking" -> "This applies before it is blamed
    ...", or "shocks the heart. This applies if it starts to beat ...": the "it" named a
    noun of the sentence, but after "This applies" it reads as the "This". ("This is
    because it ..." keeps its meaning: the cause stays one.)"""
    return opener.lower_ != "because" and right[0].lower_ == "it"


def _ends_in_a_second_verb(left: Sequence[Token]) -> bool:
    """ "should be screened once and treated", "should be reviewed and the drug stopped":
    the last words are a second verb after "and"/"or"; a condition right after it limits
    that verb alone."""
    tail = left[-4:]
    if any(t.lower_ in JOINERS for t in tail[:-1]) and _is_participle_form(tail[-1].lower_):
        return True  # "... reviewed and the drug stopped if ...": its subject said again
    return any(
        tail[k].lower_ in JOINERS and _is_participle_form(tail[k + 1].lower_)
        for k in range(len(tail) - 1)
    )


# Words that open a last comma-led part with a clause of its own ("after cultures are drawn").
LIMITED_PART_LEADS = frozenset({"after", "before", "once", "until"})


def _ends_in_a_second_clause(left: Sequence[Token]) -> bool:
    """ "The drug works within minutes, and dialysis can clear it", "A is a first choice, as
    is B", "Give A, after cultures are drawn": the words end in a part after a comma with a
    claim or a time of its own; a condition right after it limits that part alone, so moved
    behind the whole sentence it would limit every part."""
    depths = bracket_depths(left[0].doc)
    comma = next(
        (k for k in range(len(left) - 2, 0, -1) if left[k].text == "," and not depths[left[k].i]),
        None,
    )
    if comma is None:
        return False
    part = left[comma + 1 :]
    lead = part[0].lower_
    if lead == "as":
        return len(part) > 2 and part[1].lower_ in AUXILIARIES | {"do", "does", "did"}
    if lead in (*JOINERS, "but") or lead in LIMITED_PART_LEADS:
        return len(part) > 2 and _starts_clause(part[1:])
    return False


def _ends_in_a_dose_choice(left: Sequence[Token]) -> bool:
    """The words end in a choice with its own number after ", or" ("100 mg daily, or 50 mg
    daily"): a condition right after it limits that choice, not the sentence."""
    depths = bracket_depths(left[0].doc)
    commas = [k for k, t in enumerate(left[:-1]) if t.text == "," and not depths[t.i]]
    if not commas or left[commas[-1] + 1].lower_ != "or":
        return False
    return any(t.like_num for t in left[commas[-1] + 2 :])


def _ends_main_clause(left: Sequence[Token], opener: str) -> bool:
    """The words before "when" are a whole main clause: a verb of its own, no other clause
    word (a "that" only after a verb of saying: "advise that ..."), and a last word that is
    neither a joining word nor a verb waiting for its object ("checks if", "is when")."""
    last = left[-1].lower_
    if left[-1].is_punct and left[-1].text != ")":  # "... (Lokelma) so that": a name's brand
        return False
    if last in (*JOINERS, "but", "that") or last in NOT_SUBJECTS:
        return False
    if last in AUXILIARIES or (is_finite_verb(last) and not last.endswith("ed")):
        return False
    if opener == "if" and any(_is_verb_form(last, tag) for tag in ("VB", "VBZ", "VBP")):
        return False  # "shows if", "to check if": "if" means "whether" here
    if opener in SERIES_CONDITION_OPENERS and _asks(left[-1]):
        return False  # "should ask when the pain started": what is asked
    for k, token in enumerate(left):
        if token.text in (";", ":"):
            return False
        if (
            token.lower_ == "that"
            and (k == 0 or left[k - 1].lower_ not in SAYING_VERBS)
            and not _main_verb_after_relative(left[k + 1 :])
        ):
            return False
        if token.lower_ in CLAUSE_WORDS - {"that"}:
            if k == 0 and opener == "because" and len(left) > 1 and _is_gerund(left[1]):
                continue  # "When switching from A a break is needed because ...": fronted
            return False
    return _has_verb(left) or _is_imperative(left[0]) or _plural_clause(left)


def _main_verb_after_relative(tokens: Sequence[Token]) -> bool:
    """ "Pacemaker that syncs the heart is indicated when ...": the "that" clause's verb,
    then a main "is" of its own, so "when" belongs to the main clause; in "a test that is
    high when ..." or "a waste that builds up when ..." it belongs to the "that" clause."""
    return any(
        t.lower_ in AUXILIARIES and tokens[k].lower_ not in (*JOINERS, "but")
        for k, t in enumerate(tokens[2:], start=1)
    )  # "a pill that lowers sugar and is safe when ...": "is" is the "that" clause's


def _opens_bare_clause(right: Sequence[Token]) -> bool:
    """ "when you have ...", "when the kidney score is ...": a subject, then a verb."""
    opener = right[0]
    for k, token in enumerate(right[:-1]):
        if token.lower_ in ("when", "if", "whenever", "because") and right[k + 1].lower_ != "of":
            return False  # "when A and must be stopped when B": a second condition
        if token.lower_ in JOINERS and right[k + 1].lower_ in MODALS:
            return False  # "..., and must be stopped": a second verb of the main subject
        if token.text == "," and _second_verb_follows(right[k + 1 : k + 3]):
            return False  # "..., and titrated by 100 mg": the main subject's too
        if token.text == "," and _modal_clause_follows(right[k + 1 :]):
            return False  # "when A is high, and B and C should be checked": its own advice
        if token.text == "," and _with_absolute_follows(right[k + 1 :]):
            return False  # "..., with vitamin D given daily": how the main advice is done
    if opener.like_num or opener.is_punct or opener.lower_ in NOT_SUBJECTS:
        return False
    if opener.lower_.endswith(("ing", "ed", "ly")) or _is_participle_form(opener.lower_):
        return False  # "when increasing the dose", "when needed", "if given"
    right = _before_next_series_item(right)
    return _starts_clause(right) or _any_verb([t for t in right[1:] if is_read(t.text)][:8])


def _before_next_series_item(right: Sequence[Token]) -> Sequence[Token]:
    """ "weight loss if overweight, and no more than 2 drinks daily": the condition's words
    up to a ", and"/", or" that goes on with a series. Its verb must come before it: a verb
    after it ("drinks") belongs to the next item, and "if overweight" limits one item only,
    so moved behind the series it would seem to limit the rest."""
    depths = bracket_depths(right[0].doc)
    for k, token in enumerate(right[:-1]):
        if token.text == "," and not depths[token.i] and right[k + 1].lower_ in JOINERS:
            return right[:k]
    return right


MAX_SECOND_SUBJECT = 12


def _modal_clause_follows(tokens: Sequence[Token]) -> bool:
    """ "and deep reflexes, breathing rate and urine output should be checked": after "and"
    or "but", a subject of its own (a series may have commas) and then a modal verb."""
    if len(tokens) < 3 or tokens[0].lower_ not in ("and", "but"):
        return False
    if tokens[1].lower_ in MODALS:
        return False  # "and should ...": the subject before goes on (`_opens_bare_clause`)
    return any(t.lower_ in MODALS for t in tokens[2 : MAX_SECOND_SUBJECT + 2])


def _with_absolute_follows(tokens: Sequence[Token]) -> bool:
    """ "raise the dose if the pain persists, with a stool softener given every day": a
    "with" phrase whose noun has its own participle tells how the main advice is carried
    out; moved with the condition ("This applies if the pain persists, with a stool
    softener given ...") it would seem to hang on the condition."""
    if not tokens or tokens[0].lower_ != "with":
        return False
    for token in tokens[2:10]:
        if token.text in (",", ";", ":") or token.lower_ in CLAUSE_WORDS:
            return False
        if _participle_after_noun(token):
            return True
    return False


def _second_verb_follows(tokens: Sequence[Token]) -> bool:
    """ "and titrated", "or stopped": a joining word, then a participle with no subject, as
    in "is started at 50 mg when A, and raised by 50 mg": the main clause's passive goes on
    ("when you have A, or have B" stays one condition)."""
    if len(tokens) < 2 or tokens[0].lower_ not in JOINERS:
        return False
    return tokens[1].lower_.endswith("ed") and _is_participle_form(tokens[1].lower_)


MAX_PEOPLE_DESCRIBERS = 6  # "non - pregnant , pre - menopause" women


def _described_people(sentence: Span) -> bool:
    """ "In healthy adults younger than 60, ...", "In non-pregnant, pre-menopause women with
    A, ...": describing words, then the people the opening phrase is about. Only plain
    lower-case words that are no verb, preposition or article ("In the trial", "In severe
    cases" name no people)."""
    for token in sentence[1 : MAX_PEOPLE_DESCRIBERS + 2]:
        word = token.lower_
        if word in PEOPLE_WORDS:
            after = sentence.doc[token.i + 1 : token.i + 4]
            if any(t.lower_ in ("whom", "who") for t in after):
                return False  # "In women before menopause, in whom A, B": the aside stays
            if any(t.lower_ in ("because", "since") for t in sentence):
                return False  # "This applies to ..." would follow the reason, not the advice
            return token.i > sentence.start + 1
        if token.text in ("-", ","):
            continue
        if not (token.is_alpha and token.is_lower) or word in DETERMINERS | PREPOSITIONS:
            return False
        if "-" in (token.nbor(-1).text, token.nbor(1).text):
            continue  # "pre-menopause", "bed-bound": a joined word describes
        if word in CLAUSE_WORDS or is_finite_verb(word):
            return False
        if lemmas_of(word, "NOUN") and not lemmas_of(word, "ADJ"):
            return False  # "In trial patients": a noun may say where
    return False


def _leading_clause_edit(sentence: Span) -> Edit | None:
    """A sentence that opens with a subordinate clause, turned into two sentences."""
    opener = sentence[0]
    kind = opener.lower_
    if kind == "in" and (_names_people(sentence[1:3]) or _described_people(sentence)):
        kind = "for"  # "In adults with X, B." -> "B. This applies to adults with X."
    if kind not in CONDITION_OPENERS | CONTRAST_OPENERS | CAUSE_OPENERS | TIME_LEADS:
        return None
    if kind == "for" and sentence[1].lower_ in ("example", "instance", "now", "this", "these"):
        return None
    if not _closes_with_full_stop(sentence):
        return None
    doc = sentence.doc
    depths = bracket_depths(doc)
    for comma in _in(sentence)[2:]:
        if comma.text in (":", ";"):
            return None  # "..., the guideline advises four classes [1]: A, B ...": a list
        if comma.text != "," or depths[comma.i] or comma.i + 1 >= sentence.end:
            continue
        clause = _slice(doc, opener.i + 1, comma.i)
        main = _slice(doc, comma.i + 1, sentence.end)
        if words(clause) < 3 or words(main) < MIN_SIDE_WORDS:
            continue
        cause_of = kind in CAUSE_OPENERS and clause[0].lower_ == "of"
        if cause_of and _comma_before_verb(main, depths):
            continue  # "Because of the pain, swelling and fever, the dose ...": still the cause
        if _ends_in_a_loose_item(clause, main, depths):
            return None  # "If the pain comes back, resting the knee, icing it ... are": a series
        if _conditions_go_on(main, depths):
            continue  # "If A is low, B is high, or C falls, D": the comma after C splits
        if not (
            _starts_clause(main)
            or _is_imperative(main[0])
            or _plural_clause(main)
            or (kind == "for" and _named_subject_clause(main))
            or _gerund_subject_clause(main)
        ):
            continue
        if kind in TIME_LEADS and not _is_advice(main):
            return None  # "After 3 days of treatment, most improved": a report keeps its order
        if kind in TIME_LEADS and any(t.lower_ in TRIGGER_STARTS for t in main):
            return None  # "..., including A, B, C": a list would come between advice and time
        if kind not in ("for", *TIME_LEADS) and not cause_of and not _any_verb(clause):
            return None
        first, start, end = clause[0], sentence.start_char, sentence.end_char
        if cause_of:
            # "Because of A, B." -> "B. This is because of A.": no clause to follow "So"
            main_parts = _with_edits(main[0].idx, end, ())
            parts = (*main_parts, f" This is {kind} ", (first.idx, comma.idx, ""), ".")
        elif kind in CONDITION_OPENERS | TIME_LEADS:
            if main[0].lower_ in POINTING_BACK:
                return None  # "Once X is confirmed, its source ...": "Its" would open the text
            if _names_the_condition_later(clause, main):
                return None
            if kind in SCENE_OPENERS and _cause_follows(main, depths):
                long = words(clause) > MAX_FRONT_CONDITION_WORDS
                scene = _scene_first(sentence, clause, main, comma) if long else None
                return None if scene is None else Edit(start, end, parts=scene)
            two = _holds_two_clauses(main, depths)
            if not two and (_forbids(main) or _split_again_later(main)):
                return None  # "If A, B must not be used." -> "B must not be used." alone: a ban;
                # or a later split would put the condition after the last of the claim's parts
            link = "to" if kind == "for" else kind
            main_parts = _with_edits(main[0].idx, end, _tail_edits(sentence, main[0].i))
            covers = "These apply" if two else "This applies"
            if kind == "when" and _reported_when(clause, main):
                covers = "This was"  # "When A was added, B rose." -> "B rose. This was when A ..."
            named = (
                _groups_taking_to(clause, opener, comma.idx)
                if link == "to" else ((first.idx, comma.idx, ""),)
            )  # fmt: skip
            parts: tuple[Part, ...] = (*main_parts, f" {covers} {link} ", *named, ".")
            if covers == "This applies" and words(main) > LONG_CLAIM_WORDS:
                parts = (f"The following applies {link} ", *named, ". ", *main_parts)
        else:
            link = ". But " if kind in CONTRAST_OPENERS else ". So "
            parts = ((first.idx, comma.idx, "upper"), link, (main[0].idx, end, ""))
        return Edit(start, end, parts=parts)
    return None


# A condition that may be told first as what may happen: "A may present with B. If so, C."
SCENE_OPENERS = frozenset({"when", "if"})
RELATIVE_WORDS = frozenset({"who", "whom", "whose", "which", "that"})
# A claim longer than this is split again later: a condition moved behind it would follow only
# its last part ("... This also applies to those with C. This applies to adults with X"), so
# it goes first and says so ("The following applies to adults with X. ...").
LONG_CLAIM_WORDS = 20
# Before a claim with its own cause, a condition up to this long stays in front of it.
MAX_FRONT_CONDITION_WORDS = 8
# A clause verb and what it becomes after "may" ("presents" -> "may present").
MAY_FORMS = {"is": "be", "are": "be", "has": "have", "have": "have"}


def _cause_follows(main: Sequence[Token], depths: Sequence[int]) -> bool:
    """ "..., because B": a later split gives the claim its own "This is because B"."""
    return any(
        main[k - 1].text == "," and main[k].lower_ in CAUSE_OPENERS and not depths[main[k].i]
        for k in range(1, len(main))
    )


def _scene_first(
    sentence: Span, clause: Sequence[Token], main: Sequence[Token], comma: Token
) -> tuple[Part, ...] | None:
    """ "When A presents with B, do C, because D." -> "A may present with B. If so, do C.
    This is because D." Moved behind the claim, the condition would come after the cause that
    the claim's own split puts there, and "This applies when A ..." would seem to be about the
    cause. A short condition stays in front of the claim; a long one is told first as what may
    happen, so it leads the claim and its cause in order."""
    found = None if _reports_the_past(main) else _scene_verb(clause)
    if found is None:
        return None  # "When the rash spread, the cream was stopped": a report, no scene
    verb, base = found
    tail = _with_edits(main[0].idx, sentence.end_char, _tail_edits(sentence, main[0].i))
    first = tail[0]
    if isinstance(first, tuple):
        tail[0] = (first[0], first[1], "")  # "If so, the first priorities ...": no capital
    return (
        (clause[0].idx, verb.idx, "upper"),
        f"may {base}",
        (verb.idx + len(verb.text), comma.idx, ""),
        ". If so, ",
        *tail,
    )


def _scene_verb(clause: Sequence[Token]) -> tuple[Token, str] | None:
    """The present-tense verb of a condition's own subject and its form after "may"
    ("someone with A presents" -> "present", "the tests of A show" -> "show", "the dose is"
    -> "be"), or None where another tense, a "not", a clause of its own or a word that may
    be the subject's noun ("the heart rate and ...") leaves it unsure."""
    depths = bracket_depths(clause[0].doc)
    for k in range(1, len(clause)):
        token, word = clause[k], clause[k].lower_
        if depths[token.i] or token.text == "," or word in CLAUSE_WORDS | TIME_CLAUSE_OPENERS:
            return None  # a comma, brackets or a clause word: the verb may not be the subject's
        if clause[k - 1].lower_ in DETERMINERS or clause[k - 1].lower_ in PREPOSITIONS:
            continue  # "the presents", "with reports": a noun
        following = clause[k + 1] if k + 1 < len(clause) else None
        base = MAY_FORMS.get(word) or _present_verb_lemma(word) or _base_form_of(word)
        if base and lemmas_of(word, "NOUN") and not _opens_a_complement(following):
            continue  # "blood tests of A", "the heart rate and": the subject's noun
        if base:
            return None if following is not None and following.lower_ in BANS else (token, base)
        if word in AUXILIARIES or is_finite_verb(word):
            return None  # "was", "did", "improved": not told with "may"
    return None


def _base_form_of(word: str) -> str:
    """ "show" -> "show": a verb's plural present form is its base."""
    return word if word in lemmas_of(word, "VERB").get("VERB", ()) else ""


def _opens_a_complement(token: Token | None) -> bool:
    """What may follow a verb but seldom a noun: "presents with", "show a", "reaches 20"."""
    if token is None:
        return False
    word = token.lower_
    return token.like_num or word in DETERMINERS or (word in PREPOSITIONS and word != "of")


def _present_verb_lemma(word: str) -> str:
    """ "presents" -> "present"; "" for a word that is not a verb's -s form."""
    if not word.endswith("s"):
        return ""
    return next(
        (lemma for lemma in lemmas_of(word, "VERB").get("VERB", ())
         if word in forms_of(lemma, "VBZ")),
        "",
    )  # fmt: skip


# Words that tell the reader not to do something ("should not be started", "avoid A").
BANS = frozenset({"not", "never", "avoid", "avoided"})


def _forbids(left: Sequence[Token]) -> bool:
    """The clause tells the reader not to do something ("should not be started", "is not
    safe to use", "avoid"). Its condition stays with it: moved into a sentence of its own,
    the first sentence read alone forbids it to everyone. ("Stop A" is an act the condition
    times, as "start A" is; "no" is often a noun's, "the group with no nausea".)"""
    depths = bracket_depths(left[0].doc)
    for token in left:
        if token.lower_ in CLAUSE_WORDS or token.lower_ in ("provided", "unless"):
            return False  # "..., provided that A does not delay B": the clause's own "not"
        if token.lower_ in BANS and not depths[token.i]:
            return True
    return False


STOPPING_WORDS = frozenset({"stopped", "discontinued", "withdrawn", "halted"})


def _bare_stop(left: Sequence[Token]) -> bool:
    """ "It must also be stopped when the kidney score falls below 30": a claim that ends
    in an order to stop says nothing more than the stop, and read alone it tells every
    reader to stop the drug. ("should be stopped for a week when B" has more to say.)"""
    return left[-1].lower_ in STOPPING_WORDS


def _split_again_later(main: Sequence[Token]) -> bool:
    """ "If A, a dose is added rather than raising B, a sign of C." -> "A dose is added. This
    is done instead of raising B. This is a sign of C. This applies if A.": a later rule
    splits the main clause after its verb, and a condition moved behind it would then seem
    to limit the last of its parts. Left in front, it leads all of them."""
    if not any(t.text == "," or t.lower_ in TAIL_WORDS for t in main[1:]):
        return False  # the cheap test first: a tail opens after a comma, or with these words
    doc = main[0].doc
    return bool(participial_tail_edits(doc[main[0].i : main[-1].i + 1]))


# Words that open a tail with no comma before it ("is added rather than raising B").
TAIL_WORDS = frozenset({"rather", "regardless", "compared", "vs.", "versus"})


def _reported_when(clause: Sequence[Token], main: Sequence[Token]) -> bool:
    """ "When olanzapine was added in a later trial, nausea fell": both parts report the
    past, so the time the result was seen is told ("This was when ..."); "This applies
    when" would turn a finding into a rule."""
    return not _is_advice(main) and _reports_the_past(main) and _reports_the_past(clause)


def _groups_taking_to(clause: Sequence[Token], opener: Token, end: int) -> tuple[Part, ...]:
    """ "For children under 2 with X, and for those 2 or older with Y, A." -> "A. This
    applies to children under 2 with X, and to those 2 or older with Y.": each group the
    condition names after ", and" takes the same "to" as the first."""
    parts: list[Part] = []
    start = clause[0].idx
    for k in range(2, len(clause)):
        token = clause[k]
        if (
            token.lower_ == opener.lower_
            and clause[k - 1].lower_ in ("and", "or")
            and (clause[k - 2].text == ",")
        ):
            parts += [(start, token.idx, ""), "to"]
            start = token.idx + len(token.text)
    parts.append((start, end, ""))
    return tuple(parts)


def _holds_two_clauses(main: Sequence[Token], depths: Sequence[int]) -> bool:
    """ "In people with X, A should be avoided, and colchicine needs a lower dose": the
    condition holds for both clauses, which may become sentences of their own, so the
    condition moved behind them says "These apply to ..." (each clause may be split
    further)."""
    return any(
        main[k].text == "," and not depths[main[k].i] and main[k + 1].lower_ in ("and", "but")
        and _starts_clause(main[k + 2 :])
        for k in range(1, len(main) - 2)
    )  # fmt: skip


def _names_the_condition_later(clause: Sequence[Token], main: Sequence[Token]) -> bool:
    """ "If the sodium rises too fast, stop the fluids to bring it back down": an "it" of
    the main clause may name a noun of the condition, and after "... bring it back down.
    This applies if the sodium rises ..." it would come before what it names."""
    pointing = {t.lower_ for t in main if t.lower_ in ("it", "its")}
    return bool(pointing) and any(lemmas_of(t.lower_, "NOUN") for t in clause if t.is_alpha)


def _comma_before_verb(tokens: Sequence[Token], depths: Sequence[int]) -> bool:
    """A comma outside brackets before the first finite verb of `tokens`."""
    for token in tokens:
        if token.lower_ in AUXILIARIES or is_finite_verb(token.lower_):
            return False
        if token.text == "," and not depths[token.i]:
            return True
    return False


def _ends_in_a_loose_item(
    clause: Sequence[Token], main: Sequence[Token], depths: Sequence[int]
) -> bool:
    """ "If the pain comes back, resting the knee, icing it and taking a pill are the first
    steps": the words after the clause's last comma hold no verb, and the main clause opens
    with a subject joined by "and"/"or" before "are": they are one series, the subject."""
    commas = [j for j, t in enumerate(clause) if t.text == "," and not depths[t.i]]
    if not commas:
        return False
    last = clause[commas[-1] + 1 :]
    if not last or last[0].lower_ in JOINERS or any(is_finite_verb(t.lower_) for t in last):
        return False
    verb = next((j for j, t in enumerate(main) if t.lower_ in ("are", "were")), None)
    return verb is not None and any(t.lower_ in JOINERS for t in main[:verb])


def _conditions_go_on(main: Sequence[Token], depths: Sequence[int]) -> bool:
    """ "If A is low, B is high, or C falls, the dose should be cut": after the comma
    tried, another condition with its own verb follows ", or"/", and", and the main
    clause opens after the comma that closes it."""
    tokens = list(main)
    for j in range(len(tokens) - 2):
        if tokens[j].text != "," or depths[tokens[j].i] or tokens[j + 1].lower_ not in JOINERS:
            continue
        close = next(
            (k for k in range(j + 2, len(tokens))
             if tokens[k].text == "," and not depths[tokens[k].i]),
            None,
        )  # fmt: skip
        if close is None:
            return False
        condition = tokens[j + 2 : close]
        has_verb = any(
            is_finite_verb(t.lower_) or _is_verb_form(t.lower_, "VBZ") for t in condition
        )
        return has_verb and _starts_clause(tokens[close + 1 :])
    return False


# A main clause that opens with these names something of the clause before it.
POINTING_BACK = frozenset({"it", "its", "they", "their", "them", "he", "his", "she", "her"})
GERUND_SUBJECT_VERBS = frozenset({"is", "was", "remains", "can", "may", "should", "helps"})
MAX_GERUND_SUBJECT = 16


def _gerund_subject_clause(tokens: Sequence[Token]) -> bool:
    """ "switching to or adding another pill such as A or B is a fine step": an "-ing" word
    opens a subject too long for `_long_subject_clause`, then a verb that a single action
    takes ("is", "can"), with no comma or clause word between ("including A, B" and
    "following" are no actions)."""
    first = tokens[0]
    if not (first.is_lower and _is_gerund(first)) or first.lower_ in NOT_ACTIONS:
        return False
    for token in tokens[1 : MAX_GERUND_SUBJECT + 1]:
        if token.text in CLAUSE_MARKS or token.lower_ in CLAUSE_WORDS | JOINING_WORDS:
            return False
        if token.lower_ in GERUND_SUBJECT_VERBS:
            return True
    return False


def _named_subject_clause(tokens: Sequence[Token]) -> bool:
    """ "the Canadian mood experts' group 2023 update advises ...": a long name that opens
    with "the", then a present verb, with no comma, bracket or clause word between."""
    if tokens[0].lower_ not in ("the", "this", "these"):
        return False
    for token in [t for t in tokens[1:] if t.text not in ("'", "/", "-")][:12]:
        if token.text in CLAUSE_MARKS or token.lower_ in CLAUSE_WORDS | NOT_SUBJECTS:
            return False
        if is_finite_verb(token.lower_) and not token.lower_.endswith("ed"):
            return True
    return False
