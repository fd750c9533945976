"""`relative_clauses`: "A, which B" and its kin ("that", "whom", "in which", appositives
and fronted names) become a sentence of their own that names what the relative word
pointed at ("This", "They", the noun again).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from ..lexicon import forms_of, lemmas_of
from ..render import ADVERBS_BEFORE_VERB
from .edits import Edit
from .tokens import (
    AUXILIARIES,
    CLAUSE_MARKS,
    CLAUSE_WORDS,
    ITEM_PREPOSITIONS,
    JOINERS,
    LEADING_SUBORDINATORS,
    LINKS_BEFORE_A_SUBJECT,
    MAX_REPEATED_SUBJECT,
    MIN_OBJECT_WORDS,
    MIN_SIDE_WORDS,
    MODALS,
    NOT_SUBJECTS,
    PREPOSITIONS,
    PROHIBITIONS,
    PRONOUNS,
    SUBJECT_STARTS,
    _after_commas,
    _any_clause_verb,
    _any_verb,
    _before_brackets,
    _closes_with_full_stop,
    _comma_before,
    _has_finite_verb,
    _has_verb,
    _has_word,
    _in,
    _is_participle_form,
    _is_plural_noun,
    _is_subject,
    _is_verb_form,
    _next_mark,
    _plural_clause,
    _plural_noun_form,
    _plural_present,
    _plural_verb,
    _positions,
    _sentence_ids,
    _starts_clause,
    _tells_the_past,
    _verb_after_comma,
    _verb_before_clause,
    _word_id,
    bracket_depths,
    is_finite_verb,
    named_they,
    words,
)

RELATIVE_OPENERS = {"which": None, "meaning": ". This means"}


def relative_clause_edits(sentence: Span) -> list[Edit]:
    """ ", which B" -> ". This B" (or "They" before a plural verb); ", meaning B" ->
    ". This means B"."""
    edits = []
    doc = sentence.doc
    for token, left, right in _after_commas(sentence, RELATIVE_OPENERS):
        comma = doc[token.i - 1]
        if token.lower_ == "which" and _object_relative(right):
            continue  # "..., which some pills can cause": "This some pills can cause" is no English
        if _verb_after_comma(right):
            continue  # "the drug, which is cheap, was stopped": the verb after it is the main one
        if token.lower_ == "which" and _closes_a_series(left):
            if words(right) >= 3 and not _plural_relative(doc[token.i + 1], left):
                edits.append(Edit(comma.idx, token.idx + len(token.text), ". The last of these"))
            continue  # "A, B, or C, which is useful when D": "This" would name all three
        if token.lower_ == "meaning" and _second_group_follows(right):
            continue  # "for A, meaning B, and for C": the main clause goes on after B
        if token.lower_ == "meaning" and _main_clause_resumes(right):
            edits += _meaning_moved_behind(sentence, comma, right)
            continue  # "after two cycles, meaning 6 months, before A": "before A" is the main one's
        if words(left) >= MIN_SIDE_WORDS + 1 and words(right) >= 3:
            opener = RELATIVE_OPENERS[token.lower_]
            if opener is None:
                opener = ". They" if _plural_relative(doc[token.i + 1], left) else ". This"
            edits.append(Edit(comma.idx, token.idx + len(token.text), opener))
    edits += _whom_edits(sentence) + _in_which_edits(sentence)
    edits += _evidence_that_edits(sentence) + _plural_object_that_edits(sentence)
    return (
        edits
        or _closing_that_edits(sentence)
        or _appositive_that_edits(sentence)
        or _appositive_edits(sentence)
        or _fronted_appositive_edits(sentence)
        or _which_moves(sentence)
        or _people_who_subject_edits(sentence)
    )


WHICH_ID = _word_id("which")


def _which_moves(sentence: Span) -> list[Edit]:
    """The "which" rules that run last, behind one cheap test for the word."""
    if WHICH_ID not in _sentence_ids(sentence):
        return []
    return _which_aside_edits(sentence) or _time_which_edits(sentence)


def _closes_a_series(left: Sequence[Token]) -> bool:
    """ "labetalol 20 mg, hydralazine 5 mg, or nifedipine 10 mg": the words end in the last
    item of a series after ", or"/", and" (no verb: ", and after a year it fell" is a
    clause); a "which" after it describes that item alone, but "This" opening a sentence of
    its own would take in the whole series."""
    depths = bracket_depths(left[0].doc)
    for k in range(len(left) - 2, 0, -1):
        if left[k].text == "," and not depths[left[k].i]:
            return left[k + 1].lower_ in JOINERS and not _has_finite_verb(left[k + 2 :])
    return False


def _second_group_follows(right: Sequence[Token]) -> bool:
    """ ", and for children ...", ", or in people ...": after a comma, a joining word and a
    preposition start a second group of the clause before the aside."""
    depths = bracket_depths(right[0].doc)
    return any(
        t.text == ","
        and not depths[t.i]
        and right[k + 1].lower_ in JOINERS
        and right[k + 2].lower_ in PREPOSITIONS
        for k, t in enumerate(right[:-2])
    )


# Words that, right after the comma that closes a ", meaning B" aside, take the main clause
# on: what follows is a condition or a time of that clause, not of B.
RESUMING_WORDS = frozenset({"before", "after", "until", "unless", "once", "when", "if"})


def _main_clause_resumes(right: Sequence[Token]) -> bool:
    """ "after two cycles, meaning about 6 months, before the drug is stopped": after the
    aside's closing comma a time or condition word goes on with the main clause, so
    ". This means about 6 months, before the drug is stopped" would tie it to the aside."""
    depths = bracket_depths(right[0].doc)
    for k, token in enumerate(right[:-1]):
        if token.text in (";", ":") or (token.text == "," and not depths[token.i]):
            return token.text == "," and right[k + 1].lower_ in RESUMING_WORDS
    return False


MAX_MEANT_NAME = 4
# Words before a name the aside explains: "after two cycles", "for the whole course".
NAME_LEADS = PREPOSITIONS | {"after", "before", "within", "over", "during", "until"}


def _meaning_moved_behind(sentence: Span, comma: Token, right: Sequence[Token]) -> list[Edit]:
    """ "judged after two cycles, meaning about 6 months, before the drug is stopped [4]." ->
    "judged after two cycles, before the drug is stopped [4]. Two cycles means about 6
    months.": the aside leaves the claim, and names the words it explains, since after the
    claim "This" would point at its last clause. Only a short name right before the aside,
    after a preposition ("after", "for" ...), and only when the claim closes with a full stop."""
    if not _closes_with_full_stop(sentence):
        return []
    doc = sentence.doc
    before = comma.i - 1
    while (
        before > sentence.start
        and doc[before].lower_ not in NAME_LEADS
        and (doc[before].is_alpha or doc[before].like_num)
    ):
        before -= 1
    name = doc[before + 1 : comma.i]
    if not 0 < len(name) <= MAX_MEANT_NAME or doc[before].lower_ not in NAME_LEADS:
        return []
    if any(t.lower_ in AUXILIARIES or is_finite_verb(t.lower_) for t in name):
        return []
    closing = next(k for k, t in enumerate(right) if t.text == ",")
    meant = right[:closing]
    if _has_finite_verb(meant):
        return []
    moved = (" ", (name[0].idx, name[0].idx + 1, "upper"),
             (name[0].idx + 1, name[-1].idx + len(name[-1].text), ""), " means ",
             (meant[0].idx, meant[-1].idx + len(meant[-1].text), ""), ".")  # fmt: skip
    return [
        Edit(comma.idx, right[closing].idx, ""),
        Edit(sentence.end_char, sentence.end_char, parts=moved),
    ]


def _object_relative(right: Sequence[Token]) -> bool:
    """ "which some pills can cause", "which spironolactone can cause": "which" is what the
    verb acts on, and a subject of its own comes first (a modal right after one to three
    words shows it)."""
    first = right[0].lower_
    if first in SUBJECT_STARTS | PRONOUNS:
        return True
    return (
        right[0].is_alpha
        and first not in MODALS | ADVERBS_BEFORE_VERB
        and any(t.lower_ in MODALS for t in right[1:4])
    )


def _in_which_edits(sentence: Span) -> list[Edit]:
    """ "CAP-START was a trial in which Postma et al. assigned ..." -> "CAP-START was a
    trial. In it, Postma et al. assigned ..." ("In them," after a plural). Only a clause
    that runs to the end of the sentence, after a main clause with a verb, and never after
    "only", "same" or "-est" words ("the only setting in which X is used": "only" would be
    lost)."""
    if not _has_word(sentence, ("which",)):
        return []
    doc = sentence.doc
    depths = bracket_depths(doc)
    tokens = _in(sentence)
    for k in range(2, len(tokens) - 2):
        if tokens[k].lower_ != "in" or tokens[k + 1].lower_ != "which" or depths[tokens[k].i]:
            continue
        left, right = tokens[:k], tokens[k + 2 :]
        if left[-1].text == ",":
            left = left[:-1]
        if right[0].lower_ == "case":
            return _in_which_case_edit(left, right[1:])
        if words(left) < MIN_SIDE_WORDS + 1 or words(right) < MIN_SIDE_WORDS:
            return []
        if any(t.text in (";", ":") for t in right) or not _starts_clause(right):
            return []
        if any(t.lower_ in ("only", "same", "first", "last") or t.lower_.endswith("est")
               for t in left) or not (_has_verb(left) or _plural_clause(left)):  # fmt: skip
            return []
        noun = left[-1]
        pronoun = "them" if _is_plural_noun(noun) else "it"
        end = noun.idx + len(noun.text)
        first = right[0]
        case = "" if first.text[:1].isupper() else "lower"
        parts = (f". In {pronoun}, ", (first.idx, first.idx + 1, case))
        return [Edit(end, first.idx + 1, parts=parts), *_they_of_the_subject(left, right)]
    return []


def _they_of_the_subject(left: Sequence[Token], right: Sequence[Token]) -> list[Edit]:
    """ "The EULAR recommendations are built on a framework in which A, and they sort B":
    the "they" of a second clause inside the moved "in which" clause names the main
    clause's subject ("In it, A, and these recommendations sort B"), since after "In it,"
    it would point at what A is about."""
    for k in range(2, len(right)):
        if right[k].lower_ == "they" and right[k - 1].lower_ == "and" and right[k - 2].text == ",":
            named = named_they(left)
            if not named:
                return []
            they = right[k]
            return [Edit(they.idx, they.idx + len(they.text), f"these {named}")]
    return []


def _in_which_case_edit(left: Sequence[Token], right: Sequence[Token]) -> list[Edit]:
    """ "A is first unless B, in which case C is used" -> "A is first unless B. In that
    case, C is used": what to do instead reads as a sentence of its own."""
    if words(left) < MIN_SIDE_WORDS + 1 or words(right) < MIN_SIDE_WORDS:
        return []
    if any(t.text in (";", ":") for t in right) or not _starts_clause(right):
        return []
    if not (_has_verb(left) or _plural_clause(left)):
        return []
    end = left[-1].idx + len(left[-1].text)
    first = right[0]
    case = "" if first.text[:1].isupper() else "lower"
    parts = (". In that case, ", (first.idx, first.idx + 1, case))
    return [Edit(end, first.idx + 1, parts=parts)]


RELATIVE_ADVERBS = frozenset({*ADVERBS_BEFORE_VERB, "no", "longer", "each", "all", "both"})


def _closing_that_edits(sentence: Span) -> list[Edit]:
    """ "... now regards these drugs, including A and B, as a first-choice option that no
    longer requires prior failure of older drugs." -> "... as a first-choice option. This
    option no longer requires ...": a "that" clause closing a long sentence, about the noun
    right before it, reads as its own sentence. Only a relative "that" (its verb follows:
    never "evidence that exercise helps"), a verb that agrees with that noun ("gains in pain
    and function that compare ...": "compare" goes with "gains"), and a noun led by "a",
    "an" or "the" with no "of", "and" or "or" before it."""
    if not _has_word(sentence, ("that",)):
        return []
    if not _closes_with_full_stop(sentence):
        return []
    depths = bracket_depths(sentence.doc)
    tokens = _in(sentence)
    for k in range(3, len(tokens) - MIN_SIDE_WORDS):
        if tokens[k].lower_ != "that" or depths[tokens[k].i]:
            continue
        left, right = tokens[:k], tokens[k + 1 :]
        if words(left) < MIN_OBJECT_WORDS or words(right) < MIN_SIDE_WORDS:
            return []
        if any(t.lower_ in CLAUSE_WORDS or t.text in (";", ":") for t in left):
            return []
        if not (_has_verb(left) or _has_finite_verb(left)):
            return []
        noun = _named_noun(left)
        verb = next((t for t in right[:4] if t.lower_ not in RELATIVE_ADVERBS), None)
        if noun is None or verb is None or not _agrees(noun, verb):
            return []
        these = "These" if _is_plural_noun(noun) else "This"
        end = noun.idx + len(noun.text)
        parts = (f". {these} ", (noun.idx, end, ""))
        return [Edit(end, tokens[k].idx + len(tokens[k].text), parts=parts)]
    return []


MAX_APPOSITIVE_WORDS = 4


def _appositive_that_edits(sentence: Span) -> list[Edit]:
    """ "A fell in 17% vs. 24%, a difference that was not clearly beyond chance [3]." -> "A
    fell in 17% vs. 24%. This difference was not clearly beyond chance [3].": a closing
    ", a <noun> that ..." names what the clause before it found; "This <noun>" says so in a
    sentence of its own. Only a short noun phrase led by "a"/"an", a relative "that" whose
    verb agrees with the noun, and a whole clause before the comma."""
    if not _has_word(sentence, ("that",)) or not _comma_before(sentence, ("a", "an")):
        return []
    if not _closes_with_full_stop(sentence):
        return []
    depths = bracket_depths(sentence.doc)
    tokens = _in(sentence)
    for k in range(MIN_SIDE_WORDS + 1, len(tokens) - MIN_SIDE_WORDS):
        comma, article = tokens[k - 1], tokens[k]
        if comma.text != "," or article.lower_ not in ("a", "an") or depths[comma.i]:
            continue
        that = next(
            (j for j in range(k + 2, min(k + 2 + MAX_APPOSITIVE_WORDS, len(tokens)))
             if tokens[j].lower_ == "that"),
            None,
        )  # fmt: skip
        if that is None:
            continue
        phrase, left, right = tokens[k + 1 : that], tokens[: k - 1], tokens[that + 1 :]
        if not all(t.is_alpha for t in phrase) or not _has_verb(left):
            continue
        noun = phrase[-1]
        verb = next((t for t in right[:4] if t.lower_ not in RELATIVE_ADVERBS), None)
        if not lemmas_of(noun.lower_, "NOUN") or verb is None or not _agrees(noun, verb):
            continue
        if words(right) < MIN_SIDE_WORDS or any(t.text in (",", ";", ":") for t in right):
            continue
        these = "These" if _is_plural_noun(noun) else "This"
        end = noun.idx + len(noun.text)
        parts = (f". {these} ", (phrase[0].idx, end, ""))
        return [Edit(comma.idx, tokens[that].idx + len(tokens[that].text), parts=parts)]
    return []


EVIDENCE_NOUNS = frozenset({"evidence", "proof"})
# What a piece of evidence does, in the tense of the verb that found it.
FINDING_VERBS = {
    "found": "showed", "finds": "shows", "gave": "showed", "gives": "shows",
    "provided": "showed", "provides": "shows", "offered": "showed", "offers": "shows",
}  # fmt: skip
# "found little evidence that A helps": the evidence does not show A, so it cannot say so.
DOUBTING_WORDS = frozenset(
    {"little", "limited", "insufficient", "inconclusive", "conflicting", "mixed", "scant",
     "weak", "any", "less", "more", "not", "no", "without", "never", "nor", "neither"}
)  # fmt: skip
MAX_EVIDENCE_WORDS = 4  # "found low-to-moderate quality evidence that"


def _evidence_that_edits(sentence: Span) -> list[Edit]:
    """ "The review found low-to-moderate quality evidence that exercise and yoga each
    bring small gains in pain, ..." -> "The review found low-to-moderate quality evidence.
    This evidence showed that exercise and yoga each bring ...": what was found, then what
    it showed, so the reader does not hold "evidence" across a long clause. Only after a
    verb of finding ("found", "gives", "provides"), never after a doubt ("little", "no",
    "insufficient" evidence: it shows nothing), and only a "that" that opens a clause of its
    own ("evidence that supports A" is a relative clause: its verb follows "that")."""
    if not _has_word(sentence, EVIDENCE_NOUNS):
        return []
    depths = bracket_depths(sentence.doc)
    tokens = _in(sentence)
    for k in _positions(sentence, EVIDENCE_NOUNS):
        if not 2 <= k < len(tokens) - MIN_SIDE_WORDS:
            continue
        noun, that = tokens[k], tokens[k + 1]
        if noun.lower_ not in EVIDENCE_NOUNS or that.lower_ != "that" or depths[noun.i]:
            continue
        found = next(
            (j for j in range(k - 1, max(-1, k - 3 * MAX_EVIDENCE_WORDS), -1)
             if tokens[j].lower_ in FINDING_VERBS),
            None,
        )  # fmt: skip
        if found is None or words(tokens[: k + 1]) < MIN_SIDE_WORDS + 1:
            return []
        between = tokens[found + 1 : k]
        if words(between) > MAX_EVIDENCE_WORDS or any(
            t.lower_ in DOUBTING_WORDS or t.text in CLAUSE_MARKS for t in between
        ):
            return []
        right = tokens[k + 2 :]
        first = right[0]
        if first.lower_ in AUXILIARIES | RELATIVE_ADVERBS or any(
            _is_verb_form(first.lower_, tag) for tag in ("VBZ", "VBD")
        ):
            return []  # "evidence that supports A": "that" is the subject ("exercise" is not)
        if words(right) < MIN_SIDE_WORDS or not _any_verb(right[1:]):
            return []
        verb = FINDING_VERBS[tokens[found].lower_]
        end = noun.idx + len(noun.text)
        return [Edit(end, that.idx, parts=(". This ", (noun.idx, end, "lower"), f" {verb} "))]
    return []


THAT = frozenset({"that"})
NOUN_CHAIN_WORDS = frozenset(
    {"for", "of", "with", "in", "on", "to", "from", "about", "and", "or", "a", "an", "-"}
)  # `ITEM_PREPOSITIONS`, `JOINERS` and what may lead a noun
EACH_WORDS = frozenset({"each", "both", "all", "they", "we", "you", "also", "often"})
MAX_NOUN_CHAIN = 10


def _plural_object_that_edits(sentence: Span) -> list[Edit]:
    """ "Exercise and yoga each produce small gains in pain and function that compare well
    with pills." -> "... small gains in pain and function. These gains compare well with
    pills."; "The guideline gives a class 1 rating to four drug classes that each lower the
    death rate." -> "... to four drug classes. These classes each lower the death rate.": a
    closing "that" clause about a plural noun reads as its own sentence. Only when its
    plural verb can go with that noun alone (the one plural noun between the main verb and
    "that": "patients with kidneys that fail" stays), and only a noun said of some things in
    general or counted ("small gains" right after the verb, "four drug classes"), never one
    that a preposition or "the" picks out ("the use of drugs that lower A": which drugs)."""
    thats = _positions(sentence, THAT)
    if not thats:
        return []
    depths = bracket_depths(sentence.doc)
    tokens = _in(sentence)
    for k in thats:
        if not 3 <= k < len(tokens) - MIN_SIDE_WORDS or depths[tokens[k].i]:
            continue
        left, right = tokens[:k], tokens[k + 1 :]
        if words(left) < MIN_OBJECT_WORDS or words(right) < MIN_SIDE_WORDS:
            continue
        verb = next((t for t in right[:4] if t.lower_ not in RELATIVE_ADVERBS), None)
        if verb is None or not _plural_present(verb):
            continue
        name = _counted_plural_noun(left)
        if name is None or not _clause_or_list_lead(right):
            continue
        first, noun = name
        before = left[-1]
        end = before.idx + len(before.text)
        named = (first.idx, noun.idx + len(noun.text), "lower")
        each = right[0].lower_ == "each" and right[1].i == verb.i
        single = _singular_form(verb) if each else None
        if single is not None:  # "that each lower A" -> "Each of these classes lowers A"
            parts = (". Each of these ", named, f" {single} ")
            return [Edit(end, right[2].idx, parts=parts)]
        return [Edit(end, right[0].idx, parts=(". These ", named, " "))]
    return []


def _singular_form(verb: Token) -> str | None:
    """ "lower" -> "lowers": the verb as "each of these" takes it."""
    word = verb.lower_
    if word in ("are", "have", "do"):
        return {"are": "is", "have": "has", "do": "does"}[word]
    for lemma in lemmas_of(word, "VERB").get("VERB", ()):
        forms = forms_of(lemma, "VBZ")
        if forms:
            return forms[0]
    return None


def _clause_or_list_lead(right: Sequence[Token]) -> bool:
    """No ";" in the clause, and a ":" only before a series of names with no verb
    ("that each lower A: B, C and D"), which stays with the clause that leads into it."""
    if any(t.text == ";" for t in right):
        return False
    colon = next((k for k, t in enumerate(right) if t.text == ":"), None)
    return colon is None or not _any_clause_verb(right[colon + 1 :])


def _counted_plural_noun(left: Sequence[Token]) -> tuple[Token, Token] | None:
    """The one plural noun of the noun words that close `left` back to its verb ("produce
    small gains in pain and function"), when it opens them after the verb or is counted
    ("to four drug classes"), with the first word of the name said again ("drug classes")."""
    plural: Token | None = None
    start = len(left)
    for j in range(len(left) - 1, max(-1, len(left) - MAX_NOUN_CHAIN - 1), -1):
        token = left[j]
        word = token.lower_
        after_each = j > 0 and left[j - 1].lower_ in EACH_WORDS
        if is_finite_verb(word) or (after_each and _is_verb_form(word, "VBP")):
            break  # the main verb: "gives", "each produce"
        if (token.is_punct and token.text != "-") or word in CLAUSE_WORDS or word == "the":
            return None
        if not ((token.is_alpha and token.is_lower) or token.like_num or word in NOUN_CHAIN_WORDS):
            return None
        if _plural_noun_form(token) and not (j + 1 < len(left) and left[j + 1].text == "-"):
            if plural is not None:
                return None  # two plural nouns: the verb may go with either
            plural = token
        start = j
    else:
        return None  # no verb within reach
    if plural is None or start == len(left) or left[-1].lower_ in NOUN_CHAIN_WORDS:
        return None
    opening = left[start : plural.i - left[0].i]
    links = [j for j, t in enumerate(opening) if t.lower_ in {*ITEM_PREPOSITIONS, *JOINERS}]
    if not links:  # right after the verb: "produce small gains in A and B that ..."
        if plural.i == left[-1].i and not (opening and opening[0].like_num):
            return None  # "advises drugs that lower A": the clause says which drugs
        return plural, plural
    link = links[-1]
    counted = opening[link + 1 :]
    if opening[link].lower_ not in ITEM_PREPOSITIONS or not (counted and counted[0].like_num):
        return None  # "the use of drugs that lower A" says which drugs
    return (counted[1] if len(counted) > 1 else plural), plural


def _named_noun(left: Sequence[Token]) -> Token | None:
    """The noun that closes `left`, when "a" or "an" leads it within four words, right
    after a verb or "as". "The" would make the clause say which one ("the lowest dose that
    keeps ..."; "the cells that make joints sore"): cut off, the sentence would say less.
    After another preposition the clause may be about an earlier noun ("a clot in a vein
    that can move": the clot moves)."""
    noun = left[-1]
    if not (noun.is_alpha and noun.is_lower and lemmas_of(noun.lower_, "NOUN")):
        return None
    for j in range(len(left) - 2, max(0, len(left) - 6), -1):
        word = left[j]
        if word.lower_ in ("a", "an"):
            before = left[j - 1].lower_ if j else ""
            if before != "as" and (before in NOT_SUBJECTS or before in JOINERS or not before):
                return None
            if before == ",":
                return None  # ", a difference that was": `_appositive_that_edits` reads it
            return noun
        if not (word.is_alpha or word.text == "-") or word.lower_ in NOT_SUBJECTS:
            return None
        if word.lower_ in ("only", "same") or word.lower_.endswith("est"):
            return None
    return None


def _agrees(noun: Token, verb: Token) -> bool:
    """ "option that requires", "drugs that lower": the verb is the noun's; a modal verb
    says nothing of number, so it agrees with either."""
    word = verb.lower_
    if word in MODALS:
        return True
    if not (is_finite_verb(word) or _is_verb_form(word, "VBP")):
        return False
    plural = word in ("are", "were", "have", "do") or (
        _is_verb_form(word, "VBP") and not word.endswith("s")
    )
    return plural == _is_plural_noun(noun)


APPOSITIVE_NOT = frozenset(
    {"most", "many", "some", "all", "both", "each", "few", "several", "such", "other", "own",
     "first", "last", "however", "often", "especially", "mainly", "mostly"}
)  # fmt: skip


# A subject of five or six words is said again only when the aside it leaves is long.
MAX_LONG_ASIDE_SUBJECT = 6
MIN_ASIDE_FOR_LONG_SUBJECT = 12


def _appositive_edits(sentence: Span) -> list[Edit]:
    """ "Frequent migraine, present when you have 15 or more headache days a month, is the
    only setting in which X is used [4]." -> "Frequent migraine is the only setting in
    which X is used [4]. Frequent migraine is present when you have ...": an aside between
    a short subject and its verb makes the reader hold the subject across it; after the
    claim (and its citation) it reads on its own. Only an aside that opens with a describing
    word or "a"/"an"/"the", and a main verb right after its closing comma."""
    if not _closes_with_full_stop(sentence):
        return []
    tokens = _in(sentence)
    opening = next((k for k, t in enumerate(tokens) if t.text in CLAUSE_MARKS), None)
    if not opening or tokens[opening].text != ",":
        return []
    lead = 1 if tokens[0].lower_ in LINKS_BEFORE_A_SUBJECT else 0  # "But X, marked by A, appears"
    subject = tokens[lead:opening]
    if not subject or words(subject) > MAX_LONG_ASIDE_SUBJECT or not _is_subject(subject):
        return []
    if words(subject) > MAX_REPEATED_SUBJECT and len(tokens) < opening + MIN_ASIDE_FOR_LONG_SUBJECT:
        return []  # no room for a long aside
    if subject[0].lower_ in LEADING_SUBORDINATORS or _verb_before_clause(subject):
        return []
    closing = _aside_end(tokens, opening)
    if closing is None:
        return []
    aside, verb = tokens[opening + 1 : closing], tokens[closing + 1]
    if words(subject) > MAX_REPEATED_SUBJECT and words(aside) < MIN_ASIDE_FOR_LONG_SUBJECT:
        return []  # said twice, a long subject costs more than a short aside saves
    if _is_ly_adverb(verb):
        verb = tokens[closing + 2]  # "..., typically appears": the adverb stays with its verb
    if words(aside) < 3 or not _opens_aside(aside[0]):
        return []
    plural = verb.lower_ in ("are", "were", "have") or _is_plural_noun(subject[-1])
    # "These results, replicated ..., support X": a plural verb that is a noun too
    plural_verb = plural and verb.is_lower and _is_verb_form(verb.lower_, "VBP")
    if not (verb.lower_ in AUXILIARIES or is_finite_verb(verb.lower_) or plural_verb):
        return []
    past = verb.lower_ in ("was", "were") or _tells_the_past([verb])
    be = ("were" if plural else "was") if past else ("are" if plural else "is")
    subject_end = subject[-1].idx + len(subject[-1].text)
    last = aside[-1]
    case = "upper" if lead else ""
    moved = (" ", (subject[0].idx, subject[0].idx + 1, case), (subject[0].idx + 1, subject_end, ""),
             f" {be} ", (aside[0].idx, last.idx + len(last.text), ""), ".")  # fmt: skip
    return [
        Edit(subject_end, tokens[closing + 1].idx, " "),
        Edit(sentence.end_char, sentence.end_char, parts=moved),
    ]


MAX_DESCRIBING_ASIDE_WORDS = 24


def _aside_end(tokens: Sequence[Token], opening: int) -> int | None:
    """The comma that closes an aside opened at `opening`: the first one after which a verb
    comes (maybe after an "-ly" adverb: ", typically appears"); the aside's own series
    commas ("marked by A, B and C") come before it. None past a ";" or ":", or when the
    aside runs too long to be one."""
    first = _next_mark(tokens, opening + 1, CLAUSE_MARKS)
    if first is None or tokens[first].text != "," or first + 1 >= len(tokens):
        return None
    after = tokens[first + 1]
    if (
        after.lower_ in AUXILIARIES
        or is_finite_verb(after.lower_)
        or (after.is_lower and _is_verb_form(after.lower_, "VBP"))
    ):
        return first  # the verb comes right after the first comma, as it mostly does
    k = first - 1
    while True:
        k = _next_mark(tokens, k + 1, CLAUSE_MARKS)
        if k is None or tokens[k].text != "," or k + 2 >= len(tokens):
            return None
        if words(tokens[opening + 1 : k]) > MAX_DESCRIBING_ASIDE_WORDS:
            return None
        verb = tokens[k + 2] if _is_ly_adverb(tokens[k + 1]) else tokens[k + 1]
        if verb.lower_ in AUXILIARIES or is_finite_verb(verb.lower_):
            return k


def _is_ly_adverb(token: Token) -> bool:
    return token.lower_.endswith("ly") and bool(lemmas_of(token.lower_, "ADV"))


MAX_NAME_WORDS = 3


def _fronted_appositive_edits(sentence: Span) -> list[Edit]:
    """ "In VARSITY, the first head-to-head trial in UC, Sands et al. found A." ->
    "VARSITY was the first head-to-head trial in UC. In VARSITY, Sands et al. found A.":
    the reader holds a name, then what it is, before the clause starts; said first, what
    it is reads on its own. Only a short capitalised name after "In", an aside led by
    "a"/"an"/"the" with no verb of its own, and a clause after it whose subject holds no
    "and"/"or" before its verb ("In UC, the left colon, the rectum and the anus are
    affected" is a series, not an aside)."""
    if sentence[0].lower_ != "in":
        return []
    if not _closes_with_full_stop(sentence):
        return []
    tokens = _in(sentence)
    if tokens[0].lower_ != "in":
        return []
    opening = next((k for k, t in enumerate(tokens) if t.text in CLAUSE_MARKS), None)
    if opening is None or tokens[opening].text != "," or not 1 < opening <= MAX_NAME_WORDS + 1:
        return []
    name = tokens[1:opening]
    if not (name[0].is_alpha and name[0].text[0].isupper()):
        return []
    if any(t.is_alpha and t.is_lower for t in name):
        return []  # "In the trial", "In adults": no name
    closing = _next_mark(tokens, opening + 1, CLAUSE_MARKS)
    if closing is None or tokens[closing].text != ",":
        return []
    aside, clause = tokens[opening + 1 : closing], tokens[closing + 1 :]
    if aside[0].lower_ not in ("a", "an", "the") or words(aside) < 3 or _has_finite_verb(aside):
        return []
    if words(clause) < MIN_SIDE_WORDS or clause[0].lower_ in CLAUSE_WORDS | NOT_SUBJECTS:
        return []
    # a name is no verb: "Sands et al. found"
    verb = next((k for k, t in enumerate(clause) if t.is_lower and is_finite_verb(t.lower_)), None)
    if verb is None or any(t.lower_ in JOINERS or t.text == "," for t in clause[:verb]):
        return []
    word = clause[verb].lower_
    past = _tells_the_past(clause[verb:]) or _is_verb_form(word, "VBD")  # "found", "ran"
    be = "was" if past else "is"
    last = aside[-1]
    said = ((name[0].idx, name[-1].idx + len(name[-1].text), ""), f" {be} ",
            (aside[0].idx, last.idx + len(last.text), ""), ". ")  # fmt: skip
    return [
        Edit(tokens[0].idx, tokens[0].idx, parts=said),
        Edit(tokens[opening].idx + 1, clause[0].idx, " "),
    ]


def _opens_aside(token: Token) -> bool:
    """ "present when ...", "a cheap pill", "given by vein": an aside that says what the
    subject is; "in most trials", "most of them", "e.g. A" are not."""
    word = token.lower_
    if word in ("a", "an", "the"):
        return True
    if not (token.is_alpha and token.is_lower) or word in APPOSITIVE_NOT | NOT_SUBJECTS:
        return False
    return bool(lemmas_of(word, "ADJ")) or _is_participle_form(word)


MAX_SHARE_WORDS = 4


def _whom_edits(sentence: Span) -> list[Edit]:
    """A closing clause about the people just named: ", in whom B" -> ". In these people,
    B"; ", about one-third of whom B" -> ". About one-third of them B". Only when the
    clause runs to the end of the sentence or to ", and ..." (not an aside before the main
    verb)."""
    if not _has_word(sentence, ("whom",)):
        return []
    doc = sentence.doc
    depths = bracket_depths(doc)
    tokens = _in(sentence)
    for k, token in enumerate(tokens):
        if token.lower_ != "whom" or depths[token.i] or k < 2:
            continue
        right = tokens[k + 1 :]
        stop = next((j for j, t in enumerate(right) if t.text in (",", ";", ":")), len(right))
        if words(right[:stop]) < 3:
            return []
        if stop < len(right) and (
            right[stop].text != ","
            or stop + 1 >= len(right)
            or right[stop + 1].lower_ not in ("and", "but", "so", "yet")
        ):
            return []  # "In women, in whom A is the cause, a test is advised": an aside
        comma_at = next((j for j in range(k - 1, -1, -1) if tokens[j].text == ","), None)
        if comma_at is None or words(tokens[:comma_at]) < MIN_SIDE_WORDS + 1:
            return []
        comma, first = tokens[comma_at], tokens[comma_at + 1]
        between = tokens[comma_at + 1 : k]
        if [t.lower_ for t in between] == ["in"]:
            return [Edit(comma.idx, token.idx + len(token.text), ". In these people,")]
        share = between[:-1]
        if (
            between[-1].lower_ == "of"
            and 0 < words(share) <= MAX_SHARE_WORDS
            and not any(is_finite_verb(t.lower_) or t.lower_ in NOT_SUBJECTS for t in share)
        ):
            return [
                Edit(comma.idx, first.idx + 1, parts=(". ", (first.idx, first.idx + 1, "upper"))),
                Edit(token.idx, token.idx + len(token.text), "them"),
            ]
        return []
    return []


def _plural_relative(verb: Token, before: Sequence[Token]) -> bool:
    """ "pills, which lower ..." -> "They lower ...". A modal says nothing of number, so
    then the noun the clause follows decides, past any brackets: "NSAIDs (e.g. ibuprofen),
    which should not be used ..." -> "They should not be used ..."."""
    if verb.lower_ not in MODALS:
        return _plural_verb(verb)
    noun = _before_brackets(before)
    return noun is not None and _is_plural_noun(noun)


def _which_aside_edits(sentence: Span) -> list[Edit]:
    """ "Colchicine, which is cleared by the kidneys, needs a lower dose [1]." -> "Colchicine
    is cleared by the kidneys. Colchicine needs a lower dose [1].": a "which" clause between
    a short subject and its verb is said first, about the subject, so the claim reads
    whole and nothing comes between it and what a split put after it ("These apply to ...",
    "This is because ..."). A linking word stays with the claim ("But X, which A, B" -> "X
    A. But X B"). Only a clause that opens with its verb ("which some pills cause" has a
    subject of its own), and a main verb right after the closing comma."""
    if not _closes_with_full_stop(sentence):
        return []
    tokens = _in(sentence)
    opening = next((k for k, t in enumerate(tokens) if t.text in CLAUSE_MARKS), None)
    if not opening or tokens[opening].text != "," or opening + 3 >= len(tokens):
        return []
    if tokens[opening + 1].lower_ == "in" and tokens[opening + 2].lower_ == "which":
        return _in_which_aside_edits(tokens, opening)
    if tokens[opening + 1].lower_ != "which":
        return []
    lead = 1 if tokens[0].lower_ in LINKS_BEFORE_A_SUBJECT else 0
    subject = tokens[lead:opening]
    if not subject or words(subject) > MAX_REPEATED_SUBJECT or not _is_subject(subject):
        return []
    if subject[0].lower_ in LEADING_SUBORDINATORS or _verb_before_clause(subject):
        return []
    found = _aside_and_verb(tokens, opening + 2)
    if found is None:
        return []
    aside, verb = found
    if words(aside) < 2 or _object_relative(aside) or not _verb_like(aside[0]):
        return []
    first, last = subject[0], aside[-1]
    subject_end = subject[-1].idx + len(subject[-1].text)
    said = ((first.idx, first.idx + 1, "upper"), (first.idx + 1, subject_end, ""),
            " ", (aside[0].idx, last.idx + len(last.text), ""), ". ")  # fmt: skip
    return [
        Edit(tokens[0].idx, tokens[0].idx, parts=said),
        Edit(subject_end, verb.idx, " "),
    ]


def _in_which_aside_edits(tokens: Sequence[Token], opening: int) -> list[Edit]:
    """ "Guided rest, in which the knee is used only when A, is advised for most people." ->
    "In guided rest, the knee is used only when A. Guided rest is advised for most people.":
    what happens in the thing named, said first, then the claim about it. Only a short
    subject at the start of the sentence, a clause with its own verb, and the main verb
    right after the closing comma."""
    subject = tokens[:opening]
    if words(subject) > MAX_REPEATED_SUBJECT or not _is_subject(list(subject)):
        return []
    if subject[0].lower_ in LEADING_SUBORDINATORS | LINKS_BEFORE_A_SUBJECT:
        return []
    if any(
        t.lower_ in AUXILIARIES
        or (is_finite_verb(t.lower_) and subject[k - 1].text != "-" and k + 1 == len(subject))
        for k, t in enumerate(subject)
    ):
        return []  # "symptom-triggered dosing", "guided rest": those describe the noun
    found = _aside_and_verb(tokens, opening + 3)
    if found is None:
        return []
    aside, verb = found
    if words(aside) < 3 or not any(_verb_like(t) for t in aside):
        return []
    first, last = subject[0], aside[-1]
    subject_end = subject[-1].idx + len(subject[-1].text)
    common = first.is_title and (
        first.lower_ in ("the", "a", "an")
        or any(lemmas_of(first.lower_, pos) for pos in ("NOUN", "ADJ", "VERB"))
    )  # "In guided rest", but "In Lokelma"
    said = ("In ", (first.idx, first.idx + 1, "lower" if common else ""),
            (first.idx + 1, subject_end, ""), ", ",
            (aside[0].idx, last.idx + len(last.text), ""), ". ")  # fmt: skip
    return [
        Edit(first.idx, first.idx, parts=said),
        Edit(subject_end, verb.idx, " "),
    ]


# ", after which B": the time the clause points back to, named as a sentence opener.
TIME_WHICH = {"after": ". After that,", "during": ". During that time,", "before": ". Before that,"}
TIME_NOUNS = frozenset({"time", "point", "date", "stage", "period"})


def _time_which_edits(sentence: Span) -> list[Edit]:
    """ "The first phase lasts 3 months, after which a clot with a passing cause should not
    be treated further." -> "The first phase lasts 3 months. After that, a clot with a
    passing cause should not be treated further.": only before a clause with its own
    subject and verb, after a claim with a verb."""
    for token, left, right in _after_commas(sentence, TIME_WHICH):
        if len(right) < 3 or right[0].lower_ != "which":
            continue
        clause = right[1:]
        if words(left) < MIN_SIDE_WORDS or words(clause) < MIN_SIDE_WORDS:
            continue
        if not (_has_verb(left) or _any_verb(left)):
            continue  # "lasts", which the word lists know as a noun too
        if clause[0].lower_ in TIME_NOUNS:
            continue  # "after which time the dose ...": the time is named in the clause
        # "a clot provoked by surgery should not ...": a long subject, then its verb
        subject_first = clause[0].lower_ in SUBJECT_STARTS and _has_verb(clause)
        if not (subject_first or _starts_clause(clause)):
            continue
        comma = sentence.doc[token.i - 1]
        return [Edit(comma.idx, right[0].idx + len(right[0].text), TIME_WHICH[token.lower_])]
    return []


def _verb_like(token: Token) -> bool:
    """A helping verb or a word that can only be a finite verb here."""
    return token.lower_ in AUXILIARIES or is_finite_verb(token.lower_)


def _aside_and_verb(tokens: Sequence[Token], start: int) -> tuple[Sequence[Token], Token] | None:
    """The aside from `start` to the comma that closes it, and the main verb right after
    that comma; None when no comma closes it or no verb follows."""
    closing = _next_mark(tokens, start, CLAUSE_MARKS)
    if closing is None or tokens[closing].text != "," or closing + 2 >= len(tokens):
        return None
    verb = tokens[closing + 1]
    return (tokens[start:closing], verb) if _verb_like(verb) else None


# A group named by a "who"/"whose" clause as the subject of advice.
GROUP_HEADS = frozenset({"people", "patients", "adults", "women", "men", "children", "those"})
GROUP_CLAUSE_WORDS = frozenset({"who", "whose"})
GROUP_ADVICE_MODALS = frozenset({"should", "must"})
GROUP_POINTERS = frozenset({"it", "its", "they", "them", "their", "this", "these", "those"})


def _people_who_subject_edits(sentence: Span) -> list[Edit]:
    """ "People whose pain does not ease within 3 days, or who get a fever, should see a
    doctor [1]." -> "People should see a doctor [1]. This applies to people whose pain does
    not ease within 3 days. This also applies to people who get a fever.": the clauses that
    say which people the advice is for follow it, each as a limit of its own, so a limit
    never stands apart from the advice and a second group is not lost in the first. Only
    advice ("should", "must"), never a prohibition ("should not", "avoid": read alone, the
    first sentence would forbid it to everyone), and only when each clause has a verb and
    no clause word of its own ("who take drugs that ..." stays)."""
    if sentence[0].lower_ not in GROUP_HEADS:
        return []
    tokens = _in(sentence)
    if len(tokens) < 8 or tokens[0].lower_ not in GROUP_HEADS:
        return []
    who = _group_clause_start(tokens)
    if who is None or not _closes_with_full_stop(sentence):
        return []
    depths = bracket_depths(sentence.doc)
    modals = (k for k in range(who + 1, len(tokens)) if tokens[k].lower_ in MODALS)
    modal = next((k for k in modals if not depths[tokens[k].i]), None)
    if modal is None or tokens[modal].lower_ not in GROUP_ADVICE_MODALS:
        return []
    if tokens[modal - 1].lower_ in GROUP_CLAUSE_WORDS:
        return []  # "people who must ...": the modal is the clause's own
    if _second_verb_of_the_group(tokens[modal - 1 - (tokens[modal - 1].text == ",")]):
        return _group_advice_after_its_verb_edits(tokens, modal)
    main = tokens[modal:]
    if words(main) < MIN_SIDE_WORDS or any(t.lower_ in PROHIBITIONS for t in main):
        return []
    if any(t.text in (",", ";", ":") and not depths[t.i] for t in main):
        return []  # "..., and a scan should confirm it": the limits must follow their advice
    clauses = _group_clauses(tokens[who : modal - (tokens[modal - 1].text == ",")])
    if not clauses:
        return []
    group = tokens[0].lower_
    # "people with a clot whose A, or who B": the phrase goes with every clause
    said = "".join(t.text_with_ws for t in tokens[1:who])
    moved: list = []
    for n, clause in enumerate(clauses):
        last = clause[-1]
        lead = " This applies to " if n == 0 else " This also applies to "
        moved += [f"{lead}{group} {said}", (clause[0].idx, last.idx + len(last.text), ""), "."]
    head = tokens[0]
    return [
        Edit(head.idx + len(head.text), tokens[modal].idx, " "),
        Edit(sentence.end_char, sentence.end_char, parts=tuple(moved)),
    ]


def _second_verb_of_the_group(before_modal: Token) -> bool:
    """ "Patients who are A risk B and should be checked": an "and"/"or" before the modal
    joins the advice to a verb of the group itself, where the "who" clause has already
    ended, so where it ends cannot be told and the clauses stay where they are."""
    return before_modal.lower_ in JOINERS


def _group_advice_after_its_verb_edits(tokens: Sequence[Token], modal: int) -> list[Edit]:
    """ "People who are A risk B and should be checked with C [1]." -> "People who are A
    risk B. They should be checked with C [1].": the group, whole, with what it risks, then
    the advice for "They", the group named just now. Only "and" (", or should" is a
    choice) and only a modal whose clause runs to the end with no comma of its own."""
    joiner = modal - 1 - (tokens[modal - 1].text == ",")
    if tokens[joiner].lower_ != "and" or joiner < 1:
        return []
    main = tokens[modal:]
    if words(tokens[:joiner]) < 2 * MIN_SIDE_WORDS or words(main) < MIN_SIDE_WORDS:
        return []
    if any(t.text in (",", ";", ":") for t in main):
        return []
    before = tokens[joiner - 1]
    return [Edit(before.idx + len(before.text), tokens[modal].idx, ". They ")]


MAX_GROUP_PHRASE = 8  # "with a sudden deep vein clot in the leg"


def _group_clause_start(tokens: Sequence[Token]) -> int | None:
    """Where the "who"/"whose" clause starts: right after the group, or after a short
    "with" phrase of plain words ("people with a sudden clot who ...")."""
    if tokens[1].lower_ in GROUP_CLAUSE_WORDS:
        return 1
    if tokens[1].lower_ != "with":
        return None
    for k in range(2, min(len(tokens), MAX_GROUP_PHRASE + 3)):
        token = tokens[k]
        if token.lower_ in GROUP_CLAUSE_WORDS:
            return k if k > 2 else None
        if token.is_punct or token.lower_ in CLAUSE_WORDS or is_finite_verb(token.lower_):
            return None
    return None


def _group_clauses(tokens: Sequence[Token]) -> list[Sequence[Token]]:
    """ "whose pain does not ease, or who get a fever": each "who"/"whose" clause, cut at a
    comma (or none) and "or"/"and" before the next one; none when a clause has no verb, a
    clause word, a bracket or a mark of its own, or is too short to read alone."""
    starts = [
        k for k, t in enumerate(tokens)
        if t.lower_ in GROUP_CLAUSE_WORDS
        and (k == 0 or (tokens[k - 1].lower_ in JOINERS and k >= 2))
    ]  # fmt: skip
    clauses = []
    for n, start in enumerate(starts):
        end = starts[n + 1] - 1 if n + 1 < len(starts) else len(tokens)
        if end < len(tokens) and end >= 1 and tokens[end - 1].text == ",":
            end -= 1
        clause = tokens[start:end]
        body = clause[1:]
        if words(clause) < 3 or not _any_verb(body):
            return []
        if any(t.lower_ in CLAUSE_WORDS for t in body):
            return []
        # one clause may hold a series of its verbs ("who are A, have B and are not C"); a
        # comma inside one of two clauses would blur where the first ends
        marks = CLAUSE_MARKS if len(starts) > 1 else CLAUSE_MARKS - {","}
        if any(t.text in marks for t in body):
            return []
        if any(t.lower_ in GROUP_POINTERS for t in body):
            return []  # "who need them": once moved, "them" would point at another sentence
        clauses.append(clause)
    return clauses
