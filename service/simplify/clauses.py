"""`semicolons` and `coordinated_clauses`: a sentence that joins two clauses, each with its
own subject and verb, by a semicolon, a colon, a conjunction or a bare comma becomes two
sentences. Both rules ask where the second clause starts, so they share a module. A
condition that covers both clauses is moved first by `subordinate_clauses`, whose
`_leading_clause_edit` this module asks; that module never imports this one.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from spacy.tokens import Span, Token

from ..lexicon import lemmas_of
from ..nlp import is_citation
from ..render import ADVERBS_BEFORE_VERB
from .edits import Edit
from .subordinate_clauses import _leading_clause_edit
from .tokens import (
    AUXILIARIES,
    BE_HAVE,
    CLAUSE_MARKS,
    CLAUSE_WORDS,
    CLOSING_MARKS,
    CONDITION_OPENERS,
    DETERMINERS,
    JOINERS,
    LEADING_SUBORDINATORS,
    MAX_REPEATED_SUBJECT,
    MIN_SIDE_WORDS,
    MODALS,
    NEGATING_WORDS,
    NOT_SUBJECTS,
    PREPOSITIONS,
    PRONOUNS,
    SHARED_COMPLEMENTS,
    SUBJECT_STARTS,
    TIME_UNITS,
    _after_commas,
    _after_hyphen,
    _capital_edit,
    _closes_with_full_stop,
    _comma_before,
    _depth_at,
    _has_finite_verb,
    _has_verb,
    _has_word,
    _in,
    _is_imperative,
    _is_participle_form,
    _is_verb_form,
    _long_subject_clause,
    _names_people,
    _plural_clause,
    _plural_noun_form,
    _plural_verb,
    _slice,
    _starts_clause,
    bracket_depths,
    is_finite_verb,
    named_they,
    words,
)

# ", and B" -> ". B"; ", because B" -> ". This is because B": the new sentence keeps the link.
CONJUNCTIONS = {
    "and": "", "but": "But ", "so": "So ", "because": "This is because ", "although": "But ",
    "whereas": "In contrast, ", "yet": "Yet ", "since": "This is because ",
}  # fmt: skip

THEN_WORDS = frozenset({"then"})


def semicolon_edits(sentence: Span) -> list[Edit]:
    """ "A; B" -> "A. B"; "A: B" too when B is a clause of its own ("...: a shock device
    is advised when ..."), never before a list ("four classes: A, B, C and D")."""
    edits = []
    for token in _in(sentence):
        if token.text not in (";", ":") or token.i + 1 >= sentence.end:
            continue
        left = _slice(sentence.doc, sentence.start, token.i)
        right = _slice(sentence.doc, token.i + 1, sentence.end)
        if (
            words(left) >= MIN_SIDE_WORDS
            and words(right) >= MIN_SIDE_WORDS
            and not _depth_at(token)
            and (token.text == ";" or _colon_joins_clauses(left, right))
        ):
            edits.append(_capital_edit(sentence.doc[token.i + 1], ". ", token.idx))
    return edits


def comma_splice_edits(sentence: Span) -> list[Edit]:
    """ "Pain did not differ between the groups, pain intensity was a little better." ->
    "... between the groups. Pain intensity was a little better.": a comma between two whole
    clauses, each with its own subject and verb. Never after an opening phrase or clause
    ("In adults over 65, the risk is higher", "If A, B"), nor before an aside or a list."""
    tokens = _in(sentence)
    if not tokens or tokens[0].lower_ in LEADING_SUBORDINATORS:
        return []
    depths = bracket_depths(sentence.doc)
    edits = []
    start = 0
    after_comma = 0
    for k in range(MIN_SIDE_WORDS, len(tokens) - MIN_SIDE_WORDS):
        comma = tokens[k]
        if comma.text != "," or depths[comma.i]:
            continue
        phrase, after_comma = tokens[after_comma:k], k + 1
        if _opens_fronted_phrase(phrase):
            continue
        left, right = tokens[start:k], tokens[k + 1 :]
        if any(t.lower_ in CLAUSE_WORDS | {"whereas", "unless"} or t.text in (";", ":")
               for t in left):  # fmt: skip
            return edits
        if words(left) < MIN_SIDE_WORDS or words(right) < MIN_SIDE_WORDS:
            continue
        if not (_has_finite_verb(left) or _plural_clause(left)) or right[0].is_punct:
            continue
        if _splice_clause(right):
            edits.append(_capital_edit(right[0], ". ", comma.idx))
            start = k + 1
    return edits


def _opens_fronted_phrase(phrase: Sequence[Token]) -> bool:
    """ "..., and in older adults, the dose is ...": the comma closes a phrase that a
    joining word opened, in front of the next clause (`coordinated_clause_edits` splits
    before the "and"), not the end of a clause."""
    return bool(phrase) and phrase[0].lower_ in CONJUNCTIONS and not _has_verb(phrase)


NOT_SPLICE_OPENERS = frozenset({"such", "especially", "particularly", "mainly", "mostly"})


def _splice_clause(right: Sequence[Token]) -> bool:
    """After a comma, a whole clause: a short plain subject ("pain intensity", "fewer
    people"), then a finite verb within four words, with no comma, joining word, pronoun,
    preposition or clause word before it ("the lips, tongue or throat that can ...", "a
    sign they are harmed", "seen by eye or found ..." are not)."""
    opener = right[0]
    lower = opener.lower_
    if not opener.is_alpha or lower.endswith("ing") or _is_imperative(opener):
        return False
    if lower in NOT_SUBJECTS | CLAUSE_WORDS | NOT_SPLICE_OPENERS or lower in CONJUNCTIONS:
        return False
    if lower in LEADING_SUBORDINATORS:
        return False  # ", unless the pressure is high": a clause that leans on the one before
    if is_finite_verb(lower) or lower in AUXILIARIES:
        return False
    if lower.endswith("ly") and lemmas_of(lower, "ADV"):
        return False  # "..., typically appears ...": the verb's subject came before the comma
    for j in range(1, min(5, len(right))):
        token = right[j]
        word = token.lower_
        if is_finite_verb(word) or word in AUXILIARIES:
            if right[j - 1].text == "-" or (
                word.endswith("ed") and right[j - 1].lower_ in DETERMINERS
            ):
                return False
            return words(right) >= MIN_SIDE_WORDS
        if not token.is_alpha or word in NOT_SUBJECTS | CLAUSE_WORDS | PRONOUNS:
            return False
        if word in JOINERS or word in CONJUNCTIONS:
            return False
    return False


def _colon_joins_clauses(left: Sequence[Token], right: Sequence[Token]) -> bool:
    """Both sides are sentences: the left has a verb, the right opens with its own subject
    and a finite verb, and holds no comma series before that verb."""
    if not (_has_verb(left) or _is_imperative(left[0])) or not left[0].text[:1].isupper():
        return False
    return (right[0].lower_ in SUBJECT_STARTS and _starts_clause(right)) or _fronted_clause(right)


def coordinated_clause_edits(sentence: Span) -> list[Edit]:
    """ "A, and B" -> "A. B" (and "but", "so", ...) when B is a clause of its own; a comma
    with no joining word between two whole clauses too (`comma_splice_edits`)."""
    edits = (
        comma_splice_edits(sentence)
        or _because_pair_edits(sentence)
        or _parallel_modal_edits(sentence)
        or _shared_tail_choice_edits(sentence)
    )
    doc = sentence.doc
    if _condition_covers_the_sentence(sentence):
        return edits
    for token, left, right in _after_commas(sentence, CONJUNCTIONS):
        comma = doc[token.i - 1]
        if words(left) < MIN_SIDE_WORDS + 2 or words(right) < MIN_SIDE_WORDS + 1:
            continue
        if not (_has_verb(left) or _is_imperative(left[0])):
            continue
        if token.lower_ == "and" and _fronted_clause(right):
            edits.append(_capital_edit(right[0], ". ", comma.idx))
            continue
        if token.lower_ == "but" and _fronted_clause(right):
            # "..., but in people with X, Y is preferred" -> "... . But in people with X, Y ..."
            edits.append(Edit(comma.idx, right[0].idx, ". But "))
            continue
        if (
            not _starts_clause_after_conjunction(right)
            and not (
                token.lower_ == "and"
                and right[0].lower_ in THEN_WORDS
                and _has_finite_verb(left)
                and not right[1].lower_.endswith("ing")  # "and then stepping up": no clause
            )
            and not (token.lower_ == "and" and _series_subject_clause(right))
            and not (token.lower_ == "and" and _aside_subject_clause(left, right))
            and not (token.lower_ == "and" and _contrast_aside_subject_clause(left, right))
            and not (token.lower_ == "and" and _relative_aside_subject_clause(left, right))
        ):
            continue
        prefix = ". " + CONJUNCTIONS[token.lower_]
        following = doc[token.i + 1]
        named = named_they(left) if following.lower_ == "they" else None
        if named:
            these = "these" if prefix.endswith(" ") and prefix != ". " else "These"
            end = following.idx + len(following.text)
            edits.append(Edit(comma.idx, end, f"{prefix}{these} {named}"))
            continue
        if prefix.endswith(" ") and prefix != ". ":
            edits.append(Edit(comma.idx, following.idx, prefix))
        else:
            edits.append(_capital_edit(following, prefix, comma.idx))
    return edits


def _condition_covers_the_sentence(sentence: Span) -> bool:
    """ "In people with X, A should be avoided, and B needs a lower dose": cut at ", and",
    the condition would stay with A alone. `subordinate_clauses` moves it behind both
    clauses first ("These apply to people with X"); they are split after that."""
    opener = sentence[0].lower_
    if opener not in CONDITION_OPENERS and not (opener == "in" and _names_people(sentence[1:3])):
        return False
    edit = _leading_clause_edit(sentence)
    return edit is not None and any(
        isinstance(part, str) and part.startswith(" These apply") for part in edit.parts
    )


SHARED_TAIL_PREPOSITIONS = frozenset({"for", "over", "during", "within"})
CHOICE_LEAD_PREPOSITIONS = frozenset({"as", "for", "in", "with", "to"})
MAX_CHOICE_SUBJECT = 4


def _shared_tail_choice_edits(sentence: Span) -> list[Edit]:
    """ "This is defined as A on 15 or more days, or B on 10 or more days, for more than 3
    months [1]." -> "This is defined as A on 15 or more days for more than 3 months. It is
    also defined as B on 10 or more days for more than 3 months [1].": two choices after a
    passive verb ("is defined as", "are advised for"), then a closing phrase of time after a
    comma that holds for both. Each choice gets the verb and that phrase, so neither loses
    it. Only a short subject, choices with no verb or clause word, and a phrase of time
    ("for", "over", "during", "within") that runs to the end with no comma of its own."""
    if not _comma_before(sentence, ("or",)) or not _closes_with_full_stop(sentence):
        return []
    depths = bracket_depths(sentence.doc)
    tokens = _in(sentence)
    verb = next(
        (k for k, t in enumerate(tokens[1 : MAX_CHOICE_SUBJECT + 2], start=1)
         if t.lower_ in ("is", "are", "was", "were")),
        None,
    )  # fmt: skip
    if verb is None or verb + 3 >= len(tokens) or not _is_participle_form(tokens[verb + 1].lower_):
        return []
    subject = tokens[:verb]
    if not (subject[0].lower_ in SUBJECT_STARTS | PRONOUNS or subject[0].is_title):
        return []
    if any(t.lower_ in NEGATING_WORDS | CLAUSE_WORDS or not t.is_alpha for t in subject):
        return []
    start = verb + 2 + (tokens[verb + 2].lower_ in CHOICE_LEAD_PREPOSITIONS)
    commas = [k for k in range(start + 1, len(tokens) - 2)
              if tokens[k].text == "," and not depths[tokens[k].i]]  # fmt: skip
    choice = next((k for k in commas if tokens[k + 1].lower_ == "or"), None)
    if choice is None or commas[-1] <= choice + 2:
        return []
    tail_comma = commas[-1]
    if tokens[tail_comma + 1].lower_ not in SHARED_TAIL_PREPOSITIONS:
        return []
    first, second = tokens[start:choice], tokens[choice + 2 : tail_comma]
    end = len(tokens)
    while end > tail_comma + 1 and (tokens[end - 1].text in CLOSING_MARKS
                                    or is_citation(tokens[end - 1])):  # fmt: skip
        end -= 1
    tail = tokens[tail_comma + 1 : end]
    if words(first) < 2 or words(second) < 2 or not tail:
        return []
    if any(t.text in CLAUSE_MARKS or t.lower_ in CLAUSE_WORDS for t in tail):
        return []
    if any(t.text in CLAUSE_MARKS for t in first) or commas[0] < choice:
        return []  # "A, B, or C, for 3 months": a series of three, not two choices
    for choice_words in (first, second):
        if any(t.lower_ in CLAUSE_WORDS | NEGATING_WORDS or is_finite_verb(t.lower_)
               for t in choice_words):  # fmt: skip
            return []
    plural = tokens[verb].lower_ in ("are", "were")
    pronoun = "They" if plural else "It"
    be, lead_end = tokens[verb], tokens[start - 1]
    end_first = first[-1].idx + len(first[-1].text)
    repeated_tail = (tail[0].idx, tail[-1].idx + len(tail[-1].text), "")
    parts = (
        " ", repeated_tail, f". {pronoun} ", (be.idx, be.idx + len(be.text), "lower"), " also ",
        (tokens[verb + 1].idx, lead_end.idx + len(lead_end.text), ""), " ",
    )  # fmt: skip
    comma = tokens[tail_comma]
    return [
        Edit(end_first, second[0].idx, parts=parts),
        Edit(comma.idx, tail[0].idx, " "),
    ]


PARALLEL_SUBJECT_STARTS = frozenset({"the", "this", "these", "your", "their", "its"})
MAX_PARALLEL_SUBJECT = 3


def _parallel_modal_edits(sentence: Span) -> list[Edit]:
    """ "Improvement should be clear by 3 months and the target should be reached by 6
    months." -> "... by 3 months. The target should be reached by 6 months.": two clauses
    with a modal each, joined by "and" with no comma. The second subject opens with "the"
    (or "this", "your" ...) and has at most three words before its modal; the first clause
    has a modal of its own, so "and the target" cannot be part of its subject ("The dose
    and the target should be checked" stays)."""
    if not _has_word(sentence, ("and",)):
        return []
    tokens = _in(sentence)
    depths = bracket_depths(sentence.doc)
    for k in range(MIN_SIDE_WORDS + 1, len(tokens) - 4):
        token = tokens[k]
        if token.lower_ != "and" or depths[token.i] or tokens[k - 1].is_punct:
            continue
        if tokens[k + 1].lower_ not in PARALLEL_SUBJECT_STARTS:
            continue
        modal = next(
            (j for j in range(k + 2, min(k + 3 + MAX_PARALLEL_SUBJECT, len(tokens)))
             if tokens[j].lower_ in MODALS),
            None,
        )  # fmt: skip
        if modal is None or any(not t.is_alpha for t in tokens[k + 2 : modal]):
            continue
        left, right = tokens[:k], tokens[k + 1 :]
        if not any(t.lower_ in MODALS for t in left) or words(right) < MIN_SIDE_WORDS + 1:
            continue
        if any(t.lower_ in CLAUSE_WORDS for t in left):
            return []  # "when A should ... and the B should": the clause may own both
        previous = tokens[k - 1]
        return [_capital_edit(tokens[k + 1], ". ", previous.idx + len(previous.text))]
    return []


def _because_pair_edits(sentence: Span) -> list[Edit]:
    """ "This is because the two act on the same pathway and the combination adds cost [1]."
    -> "This is because the two act on the same pathway. This is also because the
    combination adds cost [1].": two reasons, each with its own subject and verb, joined by
    "and" with no comma; said again, "because" stays with the second. A second verb of the
    same subject gets "it" or "they" ("... is expected and usually reflects B" -> "... is
    expected. This is also because it usually reflects B"). Never "because of", nor when a
    comma or clause word comes between ("because A, which B, and C"), nor a subject of two
    nouns ("because the pain in the knees and the swelling are ...": no verb before "and")."""
    if not _has_word(sentence, ("because",)):
        return []
    depths = bracket_depths(sentence.doc)
    tokens = _in(sentence)
    because = next(
        (k for k, t in enumerate(tokens) if t.lower_ == "because" and not depths[t.i]), None
    )
    if because is None or because + 2 >= len(tokens) or tokens[because + 1].lower_ == "of":
        return []
    for k in range(because + 2, len(tokens) - MIN_SIDE_WORDS):
        token = tokens[k]
        if token.text in CLAUSE_MARKS or token.lower_ in CLAUSE_WORDS:
            return []
        if token.lower_ != "and" or depths[token.i]:
            continue
        reason, right = tokens[because + 1 : k], tokens[k + 1 :]
        if words(reason) < MIN_SIDE_WORDS or not _reason_clause(reason):
            continue
        previous = tokens[k - 1]
        end = previous.idx + len(previous.text)
        if words(right) < MIN_SIDE_WORDS or _verb_of_both_nouns(right):
            return []
        adverb = right[0].lower_ in ADVERBS_BEFORE_VERB or right[0].lower_.endswith("ly")
        verb = right[1 if adverb else 0]
        if verb.is_lower and is_finite_verb(verb.lower_):
            if verb.lower_.endswith("ed"):
                return []  # "and improved function": a describing word, not a second verb
            first = next(
                (t for t in reason if t.lower_ in AUXILIARIES or is_finite_verb(t.lower_)), None
            )
            pronoun = "they" if first is not None and _plural_verb(first) else "it"
            named = _short_subject(reason) or pronoun
            return [Edit(end, token.idx + len(token.text), f". This is also because {named}")]
        if _second_verb_of_it(reason, right):
            return [Edit(end, token.idx + len(token.text), ". This is also because it")]
        if _has_clause_verb(right):
            return [Edit(end, token.idx + len(token.text), ". This is also because")]
    return []


def _short_subject(reason: Sequence[Token]) -> str | None:
    """The reason's subject said again for its second verb, when short: after "Meperidine
    should not be used because ...", "it" would name the drug, not what builds up ("because
    its breakdown product normeperidine builds up. This is also because its breakdown
    product normeperidine lowers ..."). None for a pronoun, a long subject, or a bracket.
    The verb may be a noun too ("builds"), so any verb form ends the subject."""
    verb = next((k for k, t in enumerate(reason) if k and t.is_lower and _may_be_a_verb(t)), None)
    if verb is None:
        return None
    subject = reason[:verb]
    if not subject or words(subject) > MAX_REPEATED_SUBJECT or subject[0].lower_ in PRONOUNS:
        return None
    if any(not (t.is_alpha or "-" in t.text) for t in subject):
        return None
    return "".join(t.text_with_ws for t in subject).strip()


def _may_be_a_verb(token: Token) -> bool:
    """A finite verb, or a word in "-s" that may be one ("builds", a noun too)."""
    word = token.lower_
    return (
        word in AUXILIARIES
        or is_finite_verb(word)
        or (word.endswith("s") and _is_verb_form(word, "VBZ"))
    )


PLURAL_BE_HAVE = frozenset({"are", "were", "have"})


def _verb_of_both_nouns(right: Sequence[Token]) -> bool:
    """ "because slow heartbeat and cardiac arrest have been reported": after "and" a
    singular noun, then "have", "are" or "were", a verb that needs a plural subject; so
    the noun before "and" is part of its subject, not a reason of its own ("slow" was read
    as a verb), and cut there, "This is because slow heartbeat." would have no verb."""
    verb = next(
        (k for k, t in enumerate(right) if t.lower_ in AUXILIARIES or is_finite_verb(t.lower_)),
        None,
    )
    if not verb or right[verb].lower_ not in PLURAL_BE_HAVE:
        return False
    return not any(_plural_noun_form(t) or t.lower_ in PRONOUNS for t in right[:verb])


# Words that open an object after a verb: "causes fewer falls", "causes no harm".
OBJECT_OPENERS = frozenset(
    {"a", "an", "the", "fewer", "less", "more", "no", "some", "many", "much", "little"}
)


def _second_verb_of_it(reason: Sequence[Token], right: Sequence[Token]) -> bool:
    """ "because it gives more relief and causes fewer falls": "it" and a verb in "-s", then
    after "and" a word in "-s" that can be a verb or a noun ("causes"), read as the second
    verb of "it" only when an object opens right after it ("fewer", "a", "no" ...); "it
    lowers the risk of falls and fractures in women" keeps "fractures" a noun."""
    if reason[0].lower_ != "it" or len(right) < 3 or right[1].lower_ not in OBJECT_OPENERS:
        return False
    verb = right[0]
    if not (verb.is_lower and verb.lower_.endswith("s") and _is_verb_form(verb.lower_, "VBZ")):
        return False
    return reason[1].is_lower and _is_verb_form(reason[1].lower_, "VBZ")


def _reason_clause(tokens: Sequence[Token]) -> bool:
    """A subject and its verb: a finite verb, or a plain plural one after a short subject
    ("the two act"), never a noun right after "the" ("the pain in the knees")."""
    if tokens[0].lower_ not in SUBJECT_STARTS | PRONOUNS and not tokens[0].is_alpha:
        return False
    if any(t.lower_ in AUXILIARIES or is_finite_verb(t.lower_) for t in tokens):
        return True
    if any(
        (b.lower_ in ADVERBS_BEFORE_VERB or b.lower_.endswith("ly"))
        and t.is_lower
        and _is_verb_form(t.lower_, "VBZ")
        for b, t in pairwise(tokens[1:])
    ):
        return True  # "resistance now goes over 15%": "goes" is a noun too, but not after "now"
    return any(
        _is_verb_form(t.lower_, "VBP") and t.is_lower
        and tokens[n].lower_ not in DETERMINERS | PREPOSITIONS
        for n, t in enumerate(tokens[1:4])
    )  # fmt: skip


MAX_SERIES_SUBJECT = 25


def _series_subject_clause(tokens: Sequence[Token]) -> bool:
    """ "..., and add-on aripiprazole (Abilify) 2-5mg daily, brexpiprazole (Rexulti) or
    quetiapine has the strongest evidence": after ", and" a subject that is a series of
    names (brands and doses in brackets or not), then "is", "has" or "was". Never when a
    comma comes right before that verb ("..., and 3 g in some adults, were used": an aside),
    nor with a clause word or another verb on the way."""
    depths = bracket_depths(tokens[0].doc)
    first = tokens[0]
    if first.lower_ in NOT_SUBJECTS or first.lower_ in CONJUNCTIONS or not first.is_alpha:
        return False
    outside = [t for t in tokens if not depths[t.i] and t.text != "("][:MAX_SERIES_SUBJECT]
    for k, token in enumerate(outside):
        if token.lower_ in CLAUSE_WORDS or token.text in (";", ":", ")"):
            return False
        if token.lower_ in BE_HAVE or (token.lower_ in MODALS and _series_modal(outside, k)):
            return k >= 2 and outside[k - 1].text != "," and any(t.text == "," for t in outside[:k])
        if token.lower_ in AUXILIARIES or is_finite_verb(token.lower_):
            return False
    return False


def _series_modal(outside: Sequence[Token], k: int) -> bool:
    """ "..., and reflexes, breathing rate and urine output should be checked": a series of
    plain nouns, then a modal with a passive after it; the names of the other kind of
    series ("add-on A 2-5mg daily, B or C") need "is" or "has"."""
    if outside[k].lower_ not in MODALS or k + 2 >= len(outside) or outside[k + 1].lower_ != "be":
        return False
    return all(t.text == "," or (t.is_alpha and t.is_lower) for t in outside[:k])


MAX_ASIDE_SUBJECT = 10
ASIDE_SUBJECT_VERBS = BE_HAVE | {"should", "must", "can", "may", "will"}


def _aside_subject_clause(left: Sequence[Token], right: Sequence[Token]) -> bool:
    """ "..., and a clearing-out period of at least 14 days, or 5 weeks after A, is needed":
    after ", and" a subject led by "a" or "the" with an aside of its own between two commas,
    then "is" (or "has", "should" ...) right after the second comma. Neither the subject nor
    the aside has a verb or clause word, and the first part has its verb before any clause
    word, so ", and" cannot close a subject of its own ("People who take A, and their
    doctors, should ...")."""
    if right[0].lower_ not in DETERMINERS or not _verb_before_clause_word(left):
        return False
    commas = _top_level_commas(right[: 2 * MAX_ASIDE_SUBJECT + 2])
    if len(commas) < 2 or commas[0] < 2 or commas[1] - commas[0] < 2:
        return False
    first, second = commas[0], commas[1]
    return _short_aside_then_verb(right, first, second, first + 1, 1, {first})


CONTRAST_ASIDE_OPENERS = frozenset({"although", "though"})


def _contrast_aside_subject_clause(left: Sequence[Token], right: Sequence[Token]) -> bool:
    """ "..., and side effects, although more common with the high dose, were mild": after
    ", and" a short subject (no article needed) with a verbless "although" aside between two
    commas, then its verb. Read as one clause it is a sentence of its own; cut at the
    "although" it would leave "and side effects." and a fragment."""
    first_word = right[0]
    if first_word.lower_ in NOT_SUBJECTS or not first_word.is_alpha:
        return False
    if not _verb_before_clause_word(left):
        return False
    commas = _top_level_commas(right[: 2 * MAX_ASIDE_SUBJECT + 3])
    if len(commas) < 2 or not commas[0]:
        return False
    first, second = commas[0], commas[1]
    if right[first + 1].lower_ not in CONTRAST_ASIDE_OPENERS:
        return False
    return _short_aside_then_verb(right, first, second, first + 2, 0, {first, first + 1})


RELATIVE_ASIDE_OPENERS = (("in", "which"), ("which",), ("where",))
MAX_RELATIVE_ASIDE = 24


def _relative_aside_subject_clause(left: Sequence[Token], right: Sequence[Token]) -> bool:
    """ "..., and symptom-led dosing, in which a dose is given only when the score is 10 or
    more, is preferred over a fixed plan": after ", and" a short subject with no verb, a
    "which" or "in which" clause between two commas, then "is" (or "has", "should" ...).
    The first part has its verb before any clause word ("People who take A, and their
    doctors, ..." stays)."""
    first_word = right[0]
    if first_word.lower_ in NOT_SUBJECTS | DETERMINERS or not first_word.is_alpha:
        return False
    if not _verb_before_clause_word(left):
        return False
    commas = _top_level_commas(right[: MAX_ASIDE_SUBJECT + MAX_RELATIVE_ASIDE + 2])
    if len(commas) < 2 or not commas[0] or words(right[: commas[0]]) > MAX_REPEATED_WORDS:
        return False
    first, second = commas[0], commas[1]
    opener = next(
        (o for o in RELATIVE_ASIDE_OPENERS
         if [t.lower_ for t in right[first + 1 : first + 1 + len(o)]] == list(o)),
        None,
    )  # fmt: skip
    if opener is None or second + 1 >= len(right):
        return False
    if any(
        t.lower_ in AUXILIARIES
        or (is_finite_verb(t.lower_) and not _describes_its_noun(right, k, first))
        for k, t in enumerate(right[:first])
    ):
        return False
    return right[second + 1].lower_ in ASIDE_SUBJECT_VERBS


def _describes_its_noun(tokens: Sequence[Token], k: int, end: int) -> bool:
    """ "symptom-triggered dosing", "guided rest": a joined word, or an "-ed" word before
    the noun it describes, is no verb."""
    return (k > 0 and tokens[k - 1].text == "-") or (
        tokens[k].lower_.endswith("ed") and k + 1 < end
    )


MAX_REPEATED_WORDS = 4  # "symptom-triggered dosing"


def _top_level_commas(tokens: Sequence[Token]) -> list[int]:
    depths = bracket_depths(tokens[0].doc)
    return [k for k, t in enumerate(tokens) if t.text == "," and not depths[t.i]]


def _short_aside_then_verb(
    right: Sequence[Token], first: int, second: int, aside: int, start: int, skipped: set[int]
) -> bool:
    """A subject (to the comma at `first`) and an aside (from `aside` to the comma at
    `second`), each short and with no verb or clause word of its own (the words from
    `start`, bar those `skipped`), then the clause's verb right after the second comma."""
    if max(words(right[:first]), words(right[aside:second])) > MAX_ASIDE_SUBJECT:
        return False
    verb = right[second + 1] if second + 1 < len(right) else None
    if verb is None or verb.lower_ not in ASIDE_SUBJECT_VERBS:
        return False
    return not any(
        t.lower_ in CLAUSE_WORDS or t.text in CLAUSE_MARKS or t.lower_ in AUXILIARIES
        or (is_finite_verb(t.lower_) and right[k - 1].text != "-")
        for k, t in enumerate(right[start:second], start=start)
        if k not in skipped
    )  # fmt: skip


def _verb_before_clause_word(tokens: Sequence[Token]) -> bool:
    """A finite verb (or modal) comes before the first clause word ("who", "that" ...)."""
    for token in tokens:
        if token.lower_ in CLAUSE_WORDS:
            return False
        if token.lower_ in AUXILIARIES or (
            is_finite_verb(token.lower_) and not _after_hyphen(token)
        ):
            return True
    return False


FRONTED_OPENERS = frozenset({"in", "when", "if", "once", "after", "before", "for", "during"})


def _fronted_clause(tokens: Sequence[Token]) -> bool:
    """ "in women before menopause, in whom ..., a scope test is advised": after ", and" a
    phrase that sets the scene, its comma, then a clause of its own (subject, then verb).
    Without that comma and clause ("..., and in children") it is no sentence."""
    reduced = tokens[0].lower_ in TIME_OPENERS and tokens[1].lower_.endswith("ing")
    if (tokens[0].lower_ in SCENE_PREPOSITIONS or reduced) and _scene_then_clause(tokens):
        return True  # "over 40 weeks the ...", "when switching from A a pause of 36 hours is"
    if tokens[0].lower_ in CONDITION_LEADS and _condition_then_clause(tokens):
        return True  # "if there is no gain by then the dose should be raised"
    if tokens[0].lower_ not in FRONTED_OPENERS:
        return False
    depths = bracket_depths(tokens[0].doc)
    for k, token in enumerate(tokens[2:], start=2):
        if token.text in (";", ":"):
            return False
        if token.text != "," or depths[token.i]:
            continue
        rest = tokens[k + 1 :]
        if rest[0].lower_ in CONJUNCTIONS or rest[0].lower_ in NOT_SUBJECTS:
            continue  # "in whom ...": a clause inside the phrase, not the main one
        if words(rest) >= MIN_SIDE_WORDS and (_starts_clause(rest) or _plural_clause(rest)):
            return True
    return False


SCENE_PREPOSITIONS = frozenset({"in", "over", "after", "during", "within", "among"})
CONDITION_LEADS = frozenset({"if", "when", "once", "unless"})
CONDITION_WINDOW = 8


def _condition_then_clause(tokens: Sequence[Token]) -> bool:
    """ "if there is less than 20% improvement by then the dose should be changed": a
    condition with its own verb, no comma, then a clause of its own that opens with "the",
    "a" or "this" ("if the dose is raised in the morning" has no second clause)."""
    verb_at = next(
        (k for k, t in enumerate(tokens[1:CONDITION_WINDOW], start=1) if is_finite_verb(t.lower_)),
        None,
    )
    if verb_at is None:
        return False
    for j in range(verb_at + 2, len(tokens) - MIN_SIDE_WORDS):
        token = tokens[j]
        if token.text in CLAUSE_MARKS or token.lower_ in CLAUSE_WORDS or token.lower_ in JOINERS:
            return False
        if token.lower_ not in DETERMINERS or tokens[j - 1].lower_ in PREPOSITIONS:
            continue
        if tokens[j - 1].lower_ in SHARED_COMPLEMENTS | {"of", "with", "for", "than"}:
            continue
        rest = tokens[j:]
        return words(rest) >= MIN_SIDE_WORDS and _has_clause_verb(rest)
    return False


TIME_OPENERS = frozenset({"when", "after", "before", "while"})


def _scene_then_clause(tokens: Sequence[Token]) -> bool:
    """ "over 40 weeks the blood sugar fell": a short phrase of time or group with no comma,
    then a clause that opens with "the", "a" or "this"."""
    for j, token in enumerate(tokens[2:12], start=2):
        if token.text in CLAUSE_MARKS or token.lower_ in CLAUSE_WORDS:
            return False
        if is_finite_verb(token.lower_) and tokens[j - 1].text != "-":
            return False
        if token.lower_ in DETERMINERS and words(tokens[j:]) >= MIN_SIDE_WORDS:
            if tokens[j - 1].lower_ in SHARED_COMPLEMENTS | {"of", "with", "for"}:
                continue  # "in people with the disease": still the phrase
            if _has_clause_verb(tokens[j:]):
                return True
        if _ends_a_time_span(tokens, j) and _bare_subject_then_verb(tokens[j + 1 :]):
            return True  # "after a median of 1.8 years apixaban reduced ..."
    return False


def _ends_a_time_span(tokens: Sequence[Token], j: int) -> bool:
    """ "1.8 years", "12 weeks": a number, then its unit of time, which ends the phrase."""
    return tokens[j].lower_ in TIME_UNITS and tokens[j - 1].like_num


MAX_BARE_SUBJECT = 4  # "recurrent vein blood clot occurred"


def _bare_subject_then_verb(tokens: Sequence[Token]) -> bool:
    """ "apixaban reduced ...", "blood sugar fell ...", "recurrent vein blood clot
    occurred ...": up to four words, then a verb."""
    window = tokens[1 : MAX_BARE_SUBJECT + 1]
    verb = next((k for k, t in enumerate(window, start=1) if is_finite_verb(t.lower_)), 0)
    return (
        verb > 0
        and words(tokens) >= MIN_SIDE_WORDS
        and all(t.is_alpha and t.lower_ not in NOT_SUBJECTS | DETERMINERS for t in tokens[:verb])
    )


def _has_clause_verb(tokens: Sequence[Token]) -> bool:
    """Stricter than `_starts_clause`: a finite verb soon after the subject word, or after a
    longer subject ("the pill with food" is no clause, though "pill" can be a verb)."""
    if not _starts_clause(tokens):
        return False
    window = [t for k, t in enumerate(tokens[1:7]) if not t.is_punct and tokens[k].text != "-"]
    return any(is_finite_verb(t.lower_) for t in window) or _long_subject_clause(tokens)


def _starts_clause_after_conjunction(tokens: Sequence[Token]) -> bool:
    """After ", and" or ", so" an "-ed" word can open the subject: "..., and stored iron
    values ... remain ..." (a second verb of the same subject would need no comma)."""
    first = tokens[0]
    if _adverb_then_verb(tokens):
        return False
    if not (len(tokens) > 1 and first.lower_.endswith("ed") and is_finite_verb(first.lower_)):
        return _starts_clause(tokens)
    return (
        tokens[1].is_alpha
        and tokens[1].lower_ not in DETERMINERS | NOT_SUBJECTS
        and _long_subject_clause(tokens)
    )


def _adverb_then_verb(tokens: Sequence[Token]) -> bool:
    """ "..., and still achieved SVR in 95%": an adverb, then a verb, is no subject and
    verb but one more verb of the sentence's subject; cut off, "Still achieved SVR in 95%."
    would have no subject."""
    if len(tokens) < 2:
        return False
    first, verb = tokens[0].lower_, tokens[1].lower_
    adverb = first in ADVERBS_BEFORE_VERB or (first.endswith("ly") and lemmas_of(first, "ADV"))
    return bool(adverb) and tokens[1].is_lower and (verb in AUXILIARIES or is_finite_verb(verb))
