"""Sentence-level plain-language strategies, chosen by the readability score.

Swapping words cannot bring a 35-word sentence to grade 7, so after rendering
an audience may split long sentences. Each strategy works on token patterns
of the blank pipeline (no parser, no regular expressions over raw text) and
only touches sentences longer than the audience's `max_sentence_words`:

- `semicolons`: "A; B" -> "A. B";
- `relative_clauses`: "A, which B" -> "A. This B" ("They" before a plural verb),
  "A, meaning B" -> "A. This means B", "... a first-choice option that B" -> "... . This
  option B", "X, present when A, is B" -> "X is B. X is present when A", "In NAME, the
  first A, B found C" -> "NAME was the first A. In NAME, B found C";
- `coordinated_clauses`: "A, and B" -> "A. B" when both sides have their own
  subject and verb ("A, but B" -> "A. But B", "A, because B" -> "A. This is
  because B"; "because A and B" -> "because A. This is also because B");
- `subordinate_clauses`: "If A, B." -> "B. This applies if A."; "B when A" -> "B. This
  applies when A"; "B when A, C, or D" -> "B when A. This also applies when C. ...";
- `participial_tails` (also ", with A as B" -> ". A are B", ", typically four to six A" ->
  ". This is typically four to six A", ", chiefly in A" -> ". This was chiefly in A", "X in
  43% of A vs. 27% of B" -> "X in 43% of A. This compares with 27% of B"), `parentheticals`
  (also a figure: "(risk comparison 0.61)" -> "The risk comparison was 0.61." behind the
  claim),
  `verb_coordinations` ("A should B, should C" -> "A should B. A should C"; "A is advised
  for B, and for C" -> "A is advised for B. It is also advised for C"; "A is advised in
  people with B and in those C" -> "... with B. This also applies to those C");
- `trial_groups`: "randomized N people with X to A" -> "... with X. They were assigned to A";
- `series_lists`: "..., including A, B, C and D." -> a lead sentence and a list.

In list items in note form, a dose choice or step (`alternative_dose_edits`) and a
dose's participle ("10mg daily, changed step by step to 40 mg" -> "10mg daily. The dose
is changed ...", `dose_note_tail_edits`) read on their own too, and so do a note for every
choice (", never both together" -> ". Never use both together") and what a note's tests are
for ("at the start to screen for A" -> "... . The aim is to screen for A"). The new long sentences a
split makes get the clause rules so far once more (`follow_up`): a split can leave a
sentence that an earlier strategy would have split.

A split that would lose a fact is undone by the engine, block by block.
Summaries that lead with the action (`add_summaries`) are built here too.

The render-time strategies `definitions` and `replace_terms` live in
`render.py`; the loop that orders them all lives in `engine.py`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import accumulate, pairwise

import numpy
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from .analysis import Analysed
from .article import Citation, Link, citation_numbers
from .lexicon import forms_of, lemmas_of
from .nlp import CITATION_NORM, is_citation, span_text, token_columns, tokens_between
from .readability import is_read
from .render import ADVERBS_BEFORE_VERB, SUMMARY, RenderedBlock, Rendition, named_definition

FINITE_VERBS = frozenset(
    {"is", "are", "was", "were", "has", "have", "had", "does", "do", "did", "can", "could",
     "may", "might", "must", "shall", "should", "will", "would", "remains", "remain",
     "reflects", "reduces", "increases", "shows", "showed", "suggests", "suggest", "appears",
     "needs", "need", "requires", "require", "occurs", "occurred", "works", "helps", "means",
     "serves", "remained", "fell", "rose"}
)  # fmt: skip
SUBJECT_STARTS = frozenset(
    {"the", "this", "these", "those", "it", "its", "they", "their", "he", "she", "we",
     "you", "your", "there", "a", "an", "most", "many", "some", "both", "each", "all", "no",
     "people", "patients", "treatment", "therapy", "doctors"}
)  # fmt: skip
RENDER_STRATEGIES = frozenset({"definitions", "replace_terms"})
# ", and B" -> ". B"; ", because B" -> ". This is because B": the new sentence keeps the link.
CONJUNCTIONS = {
    "and": "", "but": "But ", "so": "So ", "because": "This is because ", "although": "But ",
    "whereas": "In contrast, ", "yet": "Yet ", "since": "This is because ",
}  # fmt: skip
NOT_SUBJECTS = frozenset(
    {"in", "on", "at", "by", "for", "from", "of", "to", "with", "without", "then", "also",
     "not", "as", "if", "when", "while", "after", "before", "until", "during", "or", "and",
     "that", "whether", "who", "whom", "whose", "which"}
)  # fmt: skip
THEN_WORDS = frozenset({"then"})
RECOMMENDATION_WORDS = frozenset(
    {"recommend", "recommends", "recommended", "should", "suggest", "suggests", "suggested",
     "consider", "considered", "preferred", "advise", "advised"}
)  # fmt: skip
SERIES_TRIGGERS = ("including", "such as", "e.g.", "include", "includes", "together with")
TRIGGER_STARTS = frozenset({":", *(trigger.split()[0] for trigger in SERIES_TRIGGERS)})
CLOSING_MARKS = frozenset({".", "!", "?", ",", ";", ":"})  # never "%" or ")": they are text
MIN_SIDE_WORDS = 4
MIN_SERIES_ITEMS = 4
MAX_ITEM_WORDS = 8


# A part of a rebuilt text: literal new words, or the original [start, end) with the
# first letter's case set ("", "upper" or "lower"), so the marks inside it move along.
Part = str | tuple[int, int, str]


@dataclass(frozen=True)
class Edit:
    """Replace [start, end) with `text`, or with `parts` when original text moves."""

    start: int
    end: int
    text: str = ""
    parts: tuple[Part, ...] = ()


def words(tokens: Sequence[Token] | Span) -> int:
    """Words a reader reads in a run of tokens; strategies count them many times a
    sentence, so a run in order is counted from a running total kept per Doc."""
    if not len(tokens):
        return 0
    first, last = tokens[0].i, tokens[-1].i
    if last - first + 1 == len(tokens):
        counts = _words_before(tokens[0].doc)
        return counts[last + 1] - counts[first]
    return sum(1 for t in tokens if is_read(t.text) and not is_citation(t))


def _words_before(doc: Doc) -> list[int]:
    """Per token index, how many read words come before it (one more entry at the end)."""
    counts = doc.user_data.get("medrender_words_before")
    if counts is None:
        strings = doc.vocab.strings
        columns = token_columns(doc)
        citation = strings[CITATION_NORM]
        read = []
        for o, n in zip(columns.orth.tolist(), columns.norm.tolist(), strict=True):
            found = _READ_WORDS.get(o)
            if found is None:
                found = _READ_WORDS[o] = is_read(strings[o])
            read.append(found and n != citation)
        counts = doc.user_data["medrender_words_before"] = [0, *accumulate(read)]
    return counts


_READ_WORDS: dict[int, bool] = {}  # per word (its ORTH id): does a reader read it?


def _slice(doc: Doc, start: int, end: int) -> list[Token]:
    return tokens_between(doc, start, end)


def _in(sentence: Span) -> list[Token]:
    return tokens_between(sentence.doc, sentence.start, sentence.end)


def _depth_at(token: Token) -> int:
    """Brackets open before `token` in its sentence (0: the token is outside any)."""
    return bracket_depths(token.doc)[token.i]


def bracket_depths(doc: Doc) -> list[int]:
    """Per token, the brackets open before it in its sentence; computed once per Doc."""
    depths = doc.user_data.get("medrender_depths")
    if depths is None:
        strings = doc.vocab.strings
        columns = token_columns(doc)
        orth = columns.orth
        opening = orth == strings["("]
        if not opening.any():
            depths = [0] * len(doc)
        else:
            # +1 after "(", -1 after ")", a fresh count at each sentence start
            steps = (opening.astype(numpy.int8) - (orth == strings[")"])).tolist()
            starts = (columns.sent_start == 1).tolist()
            depths, depth = [], 0
            for step, start in zip(steps, starts, strict=True):
                if start:
                    depth = 0
                depths.append(depth)
                depth = max(0, depth + step)
        doc.user_data["medrender_depths"] = depths
    return depths


def _next_mark(tokens: Sequence[Token], start: int, marks: frozenset[str]) -> int | None:
    """Where the first of `marks` outside brackets stands from `start` on, if any."""
    depths = bracket_depths(tokens[0].doc)
    found = (k for k in range(start, len(tokens)) if tokens[k].text in marks)
    return next((k for k in found if not depths[tokens[k].i]), None)


def _capital_edit(token: Token, prefix: str, start: int) -> Edit:
    """Replace from `start` up to the first letter of `token` with `prefix` + capital."""
    case = "upper" if token.text.islower() or token.is_title else ""
    return Edit(start, token.idx + 1, parts=(prefix, (token.idx, token.idx + 1, case)))


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


PRONOUNS = frozenset({"they", "it", "he", "she", "we", "you", "i"})
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
    if is_finite_verb(lower) or lower in AUXILIARIES:
        return False
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


RELATIVE_OPENERS = {"which": None, "meaning": ". This means"}


def _after_commas(sentence: Span, openers: Iterable[str]) -> Iterator[tuple[Token, Span, Span]]:
    """Each ", <opener>" outside brackets, with the words before the comma and after it.
    Read from the sentence's lower-case ids: most sentences have none, and seven rules ask."""
    wanted = _ids_of(openers if isinstance(openers, frozenset) else frozenset(openers))
    if wanted.isdisjoint(_after_comma_ids(sentence)):
        return
    doc = sentence.doc
    comma = _word_id(",")
    start = sentence.start
    lowers = token_columns(doc).lower[start : sentence.end].tolist()
    for k in range(1, len(lowers) - 1):
        if lowers[k] not in wanted or lowers[k - 1] != comma or bracket_depths(doc)[start + k]:
            continue
        yield (
            _slice(doc, start + k, start + k + 1)[0],
            _slice(doc, start, start + k - 1),
            _slice(doc, start + k + 1, sentence.end),
        )


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
        if token.lower_ == "meaning" and _second_group_follows(right):
            continue  # "for A, meaning B, and for C": the main clause goes on after B
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
    )


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
        return [Edit(end, first.idx + 1, parts=parts)]
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


MIN_OBJECT_WORDS = 10
RELATIVE_ADVERBS = frozenset({*ADVERBS_BEFORE_VERB, "no", "longer", "each", "all", "both"})


def _closing_that_edits(sentence: Span) -> list[Edit]:
    """ "... now regards these drugs, including A and B, as a first-choice option that no
    longer requires prior failure of older drugs." -> "... as a first-choice option. This
    option no longer requires ...": a "that" clause closing a long sentence, about the noun
    right before it, reads as its own sentence. Only a relative "that" (its verb follows:
    never "evidence that exercise helps"), a verb that agrees with that noun ("gains in pain
    and function that compare ...": "compare" goes with "gains"), and a noun led by "a",
    "an" or "the" with no "of", "and" or "or" before it."""
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


def _positions(sentence: Span, words_: frozenset[str]) -> list[int]:
    """Where in the sentence (token offsets from its start) one of `words_` stands, read
    off the lower-case column, so a rule makes no Token objects to find its word."""
    if not _has_word(sentence, words_):
        return []
    lowers = token_columns(sentence.doc).lower[sentence.start : sentence.end]
    wanted = _ids_of(words_)
    return [k for k, word in enumerate(lowers.tolist()) if word in wanted]


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


def _plural_noun_form(token: Token) -> bool:
    """ "gains", "harms": a plural noun, also where the lexicon knows the "-s" form only as
    a verb, since its stem is a noun."""
    word = token.lower_
    return _is_plural_noun(token) or (
        word.endswith("s") and not word.endswith("ss") and bool(lemmas_of(word[:-1], "NOUN"))
    )


def _clause_or_list_lead(right: Sequence[Token]) -> bool:
    """No ";" in the clause, and a ":" only before a series of names with no verb
    ("that each lower A: B, C and D"), which stays with the clause that leads into it."""
    if any(t.text == ";" for t in right):
        return False
    colon = next((k for k, t in enumerate(right) if t.text == ":"), None)
    return colon is None or not _any_clause_verb(right[colon + 1 :])


def _plural_present(verb: Token) -> bool:
    """ "compare", "lower", "are": a verb that only a plural subject takes."""
    word = verb.lower_
    if word in ("are", "have", "do"):
        return True
    return (
        verb.is_alpha
        and verb.is_lower
        and word not in MODALS
        and not word.endswith("s")
        and _is_verb_form(word, "VBP")
    )


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
    subject = tokens[:opening]
    if words(subject) > MAX_REPEATED_SUBJECT or not _is_subject(subject):
        return []
    if subject[0].lower_ in LEADING_SUBORDINATORS or _verb_before_clause(subject):
        return []
    closing = _next_mark(tokens, opening + 1, CLAUSE_MARKS)
    if closing is None or tokens[closing].text != "," or closing + 1 >= len(tokens):
        return []
    aside, verb = tokens[opening + 1 : closing], tokens[closing + 1]
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
    moved = (" ", (subject[0].idx, subject_end, ""), f" {be} ",
             (aside[0].idx, last.idx + len(last.text), ""), ".")  # fmt: skip
    return [
        Edit(subject_end, verb.idx, " "),
        Edit(sentence.end_char, sentence.end_char, parts=moved),
    ]


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
        if any(t.lower_ in CLAUSE_WORDS for t in left):
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


MAX_NAME_WORDS = 3


def _fronted_appositive_edits(sentence: Span) -> list[Edit]:
    """ "In VARSITY, the first head-to-head trial in UC, Sands et al. found A." ->
    "VARSITY was the first head-to-head trial in UC. In VARSITY, Sands et al. found A.":
    the reader holds a name, then what it is, before the clause starts; said first, what
    it is reads on its own. Only a short capitalised name after "In", an aside led by
    "a"/"an"/"the" with no verb of its own, and a clause after it whose subject holds no
    "and"/"or" before its verb ("In UC, the left colon, the rectum and the anus are
    affected" is a series, not an aside)."""
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


def _before_brackets(tokens: Sequence[Token]) -> Token | None:
    """The last token outside the bracketed groups and citations that close `tokens`."""
    depth = 0
    for token in reversed(tokens):
        if token.text == ")":
            depth += 1
        elif token.text == "(":
            depth -= 1
        elif not depth and not is_citation(token):
            return token
    return None


def _plural_verb(token: Token) -> bool:
    """ "which lower blood pressure": the verb agrees with a plural, so "They lower"."""
    if token.lower_ in ("are", "were", "have", "do"):
        return True
    if token.lower_ in AUXILIARIES:
        return False  # "which can ...": a modal verb says nothing of number
    lemmas = lemmas_of(token.lower_, "VERB").get("VERB", ())
    return token.lower_ in lemmas and not token.lower_.endswith("s")


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
        ):
            continue
        prefix = ". " + CONJUNCTIONS[token.lower_]
        following = doc[token.i + 1]
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
        if words(right) < MIN_SIDE_WORDS:
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
            return [Edit(end, token.idx + len(token.text), f". This is also because {pronoun}")]
        if _has_clause_verb(right):
            return [Edit(end, token.idx + len(token.text), ". This is also because")]
    return []


def _reason_clause(tokens: Sequence[Token]) -> bool:
    """A subject and its verb: a finite verb, or a plain plural one after a short subject
    ("the two act"), never a noun right after "the" ("the pain in the knees")."""
    if tokens[0].lower_ not in SUBJECT_STARTS | PRONOUNS and not tokens[0].is_alpha:
        return False
    if any(t.lower_ in AUXILIARIES or is_finite_verb(t.lower_) for t in tokens):
        return True
    return any(
        _is_verb_form(t.lower_, "VBP") and t.is_lower
        and tokens[n].lower_ not in DETERMINERS | PREPOSITIONS
        for n, t in enumerate(tokens[1:4])
    )  # fmt: skip


MAX_SERIES_SUBJECT = 25
BE_HAVE = frozenset({"is", "are", "was", "were", "has", "have", "had"})
BE_FORMS = frozenset({"is", "are", "was", "were"})


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
        if token.lower_ in BE_HAVE:
            return k >= 2 and outside[k - 1].text != "," and any(t.text == "," for t in outside[:k])
        if token.lower_ in AUXILIARIES or is_finite_verb(token.lower_):
            return False
    return False


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
    depths = bracket_depths(right[0].doc)
    commas = [k for k, t in enumerate(right[: 2 * MAX_ASIDE_SUBJECT + 2])
              if t.text == "," and not depths[t.i]]  # fmt: skip
    if len(commas) < 2 or commas[0] < 2 or commas[1] - commas[0] < 2:
        return False
    first, second = commas[0], commas[1]
    if max(words(right[:first]), words(right[first + 1 : second])) > MAX_ASIDE_SUBJECT:
        return False
    verb = right[second + 1] if second + 1 < len(right) else None
    if verb is None or verb.lower_ not in ASIDE_SUBJECT_VERBS:
        return False
    return not any(
        t.lower_ in CLAUSE_WORDS or t.text in CLAUSE_MARKS or t.lower_ in AUXILIARIES
        or (is_finite_verb(t.lower_) and right[k - 1].text != "-")
        for k, t in enumerate(right[1:second], start=1)
        if k != first
    )  # fmt: skip


def _verb_before_clause_word(tokens: Sequence[Token]) -> bool:
    """A finite verb (or modal) comes before the first clause word ("who", "that" ...)."""
    for token in tokens:
        if token.lower_ in CLAUSE_WORDS:
            return False
        if token.lower_ in AUXILIARIES or is_finite_verb(token.lower_):
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


TIME_UNITS = frozenset({"days", "weeks", "months", "years", "hours"})


def _ends_a_time_span(tokens: Sequence[Token], j: int) -> bool:
    """ "1.8 years", "12 weeks": a number, then its unit of time, which ends the phrase."""
    return tokens[j].lower_ in TIME_UNITS and tokens[j - 1].like_num


def _bare_subject_then_verb(tokens: Sequence[Token]) -> bool:
    """ "apixaban reduced ...", "blood sugar fell ...": one or two words, then a verb."""
    verb = next((k for k, t in enumerate(tokens[1:3], start=1) if is_finite_verb(t.lower_)), 0)
    return (
        verb > 0
        and words(tokens) >= MIN_SIDE_WORDS
        and all(t.is_alpha and t.lower_ not in NOT_SUBJECTS | DETERMINERS for t in tokens[:verb])
    )


CLAUSE_MARKS = frozenset({",", ";", ":", "(", ")", ".", "!", "?"})


def _has_clause_verb(tokens: Sequence[Token]) -> bool:
    """Stricter than `_starts_clause`: a finite verb soon after the subject word, or after a
    longer subject ("the pill with food" is no clause, though "pill" can be a verb)."""
    if not _starts_clause(tokens):
        return False
    window = [t for k, t in enumerate(tokens[1:7]) if not t.is_punct and tokens[k].text != "-"]
    return any(is_finite_verb(t.lower_) for t in window) or _long_subject_clause(tokens)


def _has_finite_verb(tokens: Span) -> bool:
    return any(is_finite_verb(t.lower_) for t in tokens)


def _any_verb(tokens: Sequence[Token]) -> bool:
    """After "if" or "because" a clause follows: any word that can be a verb form will do."""
    return any(
        t.lower_ in AUXILIARIES or _is_verb_form(t.lower_, "VBZ") or _is_verb_form(t.lower_, "VBD")
        or _is_verb_form(t.lower_, "VBP")
        for t in tokens
        if t.is_alpha
    )  # fmt: skip


def _has_verb(tokens: Span) -> bool:
    """A finite verb, or a plural one that cannot be read as a noun ("advise", "remain")."""
    return any(
        is_finite_verb(t.lower_)
        or (_is_verb_form(t.lower_, "VBP") and not lemmas_of(t.lower_, "NOUN"))
        for t in tokens
        if t.is_alpha and not t.is_title
    )


def _is_participle(word: str) -> bool:
    """ "given as pills": an item that opens with a participle is a phrase, not a list item."""
    lemmas = lemmas_of(word, "VERB").get("VERB", ())
    return any(
        word in forms_of(lemma, "VBN") or word in forms_of(lemma, "VBG") for lemma in lemmas
    ) and not lemmas_of(word, "NOUN")


def _is_imperative(token: Token) -> bool:
    """ "Admit ...", "Check ...": a sentence that opens with a verb's base form."""
    lower = token.lower_
    return lower in lemmas_of(lower, "VERB").get("VERB", ()) and not lemmas_of(lower, "NOUN")


@lru_cache(maxsize=8192)
def is_finite_verb(word: str) -> bool:
    """ "is", "improved", "reflects": a verb that can carry a clause; "trials" is not."""
    if word in FINITE_VERBS:
        return True
    if not word.isalpha() or len(word) < 4:
        return False
    lemmas = lemmas_of(word, "VERB").get("VERB", ())
    if not lemmas:
        return False
    if word.endswith("ed"):
        return any(word in forms_of(lemma, "VBD") for lemma in lemmas)
    if lemmas_of(word, "NOUN") or lemmas_of(word, "ADJ"):
        return False
    # "reflects", and irregular pasts that are no other word: "found", "gave", "took"
    return any(word in forms_of(lemma, "VBZ") or word in forms_of(lemma, "VBD") for lemma in lemmas)


JOINING_WORDS = frozenset({"but", "yet"})  # never inside a subject, unlike "and"/"or"


def _starts_clause(tokens: Span) -> bool:
    """Its own subject, then a finite verb within a few words: "the drug is ..."."""
    if len(tokens) < 2:
        return False
    first = tokens[0]
    if first.lower_ in NOT_SUBJECTS or is_finite_verb(first.lower_) or first.is_punct:
        return False
    size = 6 if first.lower_ in SUBJECT_STARTS or first.is_title else 5
    # "activity-related": the part after a hyphen describes a noun, it is not a verb; a
    # brand in brackets ("lorazepam (Ativan) 1 mg is ...") is part of the subject's name
    depths = bracket_depths(first.doc)
    window = [
        t for k, t in enumerate(tokens[1:])
        if not t.is_punct and tokens[k].text != "-" and not depths[t.i]
    ][:size]  # fmt: skip
    # "..., and fever but can hurt ...": a verb after "but" has the earlier subject
    stop = next((k for k, t in enumerate(window) if t.lower_ in JOINING_WORDS), len(window))
    window = [t for t in window[:stop] if not _compared_with_participle(t)]
    if _verb_after_comma(tokens[: size + 2]):
        return False
    return (
        any(is_finite_verb(t.lower_) for t in window)
        or _plural_clause(tokens)
        or _long_subject_clause(tokens)
        or _such_as_series_subject(tokens)
    )


def _compared_with_participle(token: Token) -> bool:
    """ "..., and PASI 75 by 91% compared with 72%": "compared with" links two results and
    is never the clause's own verb; a clause whose verb was left out ("was reached") is no
    sentence of its own ("PASI 75 by 91% compared with 72%.")."""
    doc = token.doc
    following = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
    return token.lower_ == "compared" and following in ("with", "to")


# A subject's "such as" series is at most this long before its verb ("other causes such as
# A, B or C should be ...").
MAX_SUCH_AS_SUBJECT = 18


def _such_as_series_subject(tokens: Sequence[Token]) -> bool:
    """ "..., and other causes such as pneumonia, a clot or heart failure should be ruled
    out": the subject's examples, commas and all, then a modal or "is"/"are" verb. The
    examples hold no clause word or verb of their own, so the verb after them is the
    subject's; a series of nouns has "or"/"and" only before its last item."""
    head = [t.lower_ for t in tokens[:5]]
    if "such" not in head or head.index("such") + 1 >= len(tokens):
        return False
    start = head.index("such")
    if tokens[start + 1].lower_ != "as" or start == 0:
        return False
    for token in tokens[start + 2 : start + 2 + MAX_SUCH_AS_SUBJECT]:
        word = token.lower_
        if word in AUXILIARIES - {"be", "been", "being", "do", "does", "did", "has", "have"}:
            return True
        if token.text in (";", ":", "(") or word in CLAUSE_WORDS | JOINING_WORDS:
            return False
        if is_finite_verb(word) or token.like_num:
            return False
    return False


def _verb_after_comma(tokens: Sequence[Token]) -> bool:
    """ "..., and most other measures, got better": a comma right before a verb closes an
    aside of the clause before, whose subject that verb has; a new clause never puts one
    between its subject and verb."""
    return any(
        token.text == "," and _clause_verb(tokens[k + 1].lower_)
        for k, token in enumerate(tokens[:-1])
    )


def _clause_verb(word: str) -> bool:
    """ "is", "reduces", "got": a verb of a clause, not a noun that can also be one
    ("weight", "measures")."""
    return is_finite_verb(word) or _is_verb_form(word, "VBD")


def _starts_clause_after_conjunction(tokens: Sequence[Token]) -> bool:
    """After ", and" or ", so" an "-ed" word can open the subject: "..., and stored iron
    values ... remain ..." (a second verb of the same subject would need no comma)."""
    first = tokens[0]
    if not (len(tokens) > 1 and first.lower_.endswith("ed") and is_finite_verb(first.lower_)):
        return _starts_clause(tokens)
    return (
        tokens[1].is_alpha
        and tokens[1].lower_ not in DETERMINERS | NOT_SUBJECTS
        and _long_subject_clause(tokens)
    )


def _long_subject_clause(tokens: Sequence[Token]) -> bool:
    """ "stored iron values up to roughly 100 ng/mL remain ...": a longer subject with no
    comma or bracket in it, then one of the plain finite verbs ("is", "remain", "was")."""
    window = tokens[1:13]
    for k, token in enumerate(window):
        if token.text in (",", "(", ";", ":") or token.lower_ in CLAUSE_WORDS | JOINING_WORDS:
            return False
        before = tokens[k].lower_  # the token right before `token`
        if token.lower_ in FINITE_VERBS or (
            before not in DESCRIBING_BEFORE | AUXILIARIES | {"-"}
            and _past_verb_after_subject(token, window[k + 1 : k + 2])
        ):
            return True
    return False


def _past_verb_after_subject(token: Token, following: Sequence[Token]) -> bool:
    """ "the 60 mg doses produced a greater fall": a past verb, not a describing "-ed" word
    ("the doses used in the trial"), which a preposition or "by" follows."""
    word = token.lower_
    if not (word.endswith("ed") and is_finite_verb(word)):
        return False
    return bool(following) and following[0].lower_ not in PARTICIPLE_FOLLOWERS


DETERMINERS = frozenset({"a", "an", "the", "this", "these", "those", "their", "your", "its"})
PARTICIPLE_FOLLOWERS = frozenset(
    {"in", "by", "with", "for", "to", "at", "from", "on", "as", "into", "during", "after",
     "before", "over", "under", "within", "per", ",", ".", ")", "and", "or"}
)  # fmt: skip


@dataclass(frozen=True)
class Series:
    trigger_end: int
    items: tuple[tuple[int, int], ...]
    citations: tuple[str, ...]
    sentence_end: int
    colon: bool = False
    lead: str = " the following"


def find_series(sentence: Span) -> Series | None:
    """A closing "including A, B, C and D." with at least four short items."""
    tokens = _in(sentence)
    for index, token in enumerate(tokens):
        size = _trigger_at(tokens, index)
        after_verb = (
            size is None
            and index > 1
            and tokens[index - 1].text != "-"  # "drug-based": it describes a noun
            and tokens[index - 1].lower_ not in PREPOSITIONS  # "such as pinched nerves"
            and tokens[index - 1].lower_ not in DETERMINERS  # "a blocked bowel"
            and index + 1 < len(tokens)
            and tokens[index + 1].text != ","  # "impaired, e.g. by A": no object after a comma
            and _is_series_verb(token)
        )
        if after_verb:
            size = 1
        if size is None or _depth_at(token):
            continue
        body_start = index + size
        leads = body_start < len(tokens) and tokens[body_start].lower_ in PREPOSITIONS
        if leads and not after_verb:
            body_start += 1  # "e.g. by A, B, C or D": "by" leads every item, so it stays
        body_end = len(tokens)
        while body_end > body_start and (
            tokens[body_end - 1].text in CLOSING_MARKS or is_citation(tokens[body_end - 1])
        ):
            body_end -= 1
        items = _series_items(tokens[body_start:body_end])
        if items is None:
            continue
        lead = " the following"
        if after_verb:
            if any(_trigger_at(tokens, j) for j in range(body_start, body_end)):
                continue  # "exclude other causes, such as A, B or C": the series is after it
            last_item = [t for t in tokens[body_start:body_end] if t.idx >= items[-1][0]]
            if any(t.lower_ in SHARED_COMPLEMENTS for t in last_item[1:]):
                continue  # "placed A, B and C in its top tier": "in ..." belongs to all
            starts = [next(t for t in tokens[body_start:body_end] if t.idx == a) for a, _ in items]
            if any(t.lower_ in NOT_SUBJECTS or t.lower_.endswith("ly") for t in starts):
                continue  # "compare favorably with A, without B or C": no list of objects
            joins = _series_joiners(tokens[body_start:body_end])
            if len(joins) != 1:
                continue  # "A, B or C and D": the list would lose which is which
            lead = " one of the following" if joins == {"or"} else lead
        items, lead = _group_into_lead(tokens[body_start:body_end], items, lead)
        trigger = tokens[body_start - 1]
        colon = trigger.text == ":"
        return Series(
            trigger_end=trigger.idx if colon else trigger.idx + len(trigger.text),
            items=items,
            citations=tuple(t.text for t in tokens[body_end:] if is_citation(t)),
            sentence_end=sentence.end_char,
            colon=colon,
            lead=lead,
        )
    return None


SERIES_GROUP_HEADS = frozenset({"those", "people", "patients", "adults", "children", "anyone"})


def _group_into_lead(
    body: Sequence[Token], items: tuple[tuple[int, int], ...], lead: str
) -> tuple[tuple[tuple[int, int], ...], str]:
    """ "including those with A, B, C or D": "those with" goes with every item, so it
    joins the lead ("including those with the following:") and the first item reads "A"."""
    if len(body) < 3 or body[0].lower_ not in SERIES_GROUP_HEADS or body[1].lower_ != "with":
        return items, lead
    first_start, first_end = items[0]
    if body[0].idx != first_start or body[2].idx >= first_end:
        return items, lead
    return ((body[2].idx, first_end), *items[1:]), f" {body[0].text} with{lead}"


def _is_series_verb(token: Token) -> bool:
    """ "advises A, B, C and D": a verb whose objects are the series."""
    return token.is_alpha and not token.is_title and _is_series_verb_word(token.lower_)


@lru_cache(maxsize=8192)
def _is_series_verb_word(word: str) -> bool:
    return word not in AUXILIARIES and (
        is_finite_verb(word) or (_is_verb_form(word, "VBP") and not lemmas_of(word, "NOUN"))
    )


def _trigger_at(tokens: list[Token], index: int) -> int | None:
    first = tokens[index].lower_
    if first not in TRIGGER_STARTS:
        return None
    if first == ":":
        return 1 if index >= MIN_SIDE_WORDS else None
    for trigger in SERIES_TRIGGERS:
        parts = trigger.split()
        window = [t.lower_ for t in tokens[index : index + len(parts)]]
        if window == parts:
            return len(parts)
    return None


def _series_items(body: list[Token]) -> tuple[tuple[int, int], ...] | None:
    """ "A, B or C, and D": split at commas, then the last part at its "and"/"or".

    An "and"/"or" inside an earlier item stays there ("a water pill or strong water
    pill"), and "6 or more days" is one item, never "6" and "more days".
    """
    groups: list[list[Token]] = [[]]
    depth = 0
    for token in body:
        depth += token.text == "("
        depth -= token.text == ")" and depth > 0
        if depth == 0 and token.text == ",":
            groups.append([])
        else:
            groups[-1].append(token)
    groups = [g for g in groups if g]
    if not groups:
        return None
    last = groups[-1]
    if last[0].lower_ in JOINERS:
        groups[-1] = last[1:]
    else:
        split = _last_joiner(last)
        if split is not None:
            groups[-1:] = [last[:split], last[split + 1 :]]
    groups = [g for g in groups if g]
    if len(groups) < MIN_SERIES_ITEMS or any(_words_outside_brackets(g) > MAX_ITEM_WORDS
                                             for g in groups):  # fmt: skip
        return None
    if any(
        is_finite_verb(t.lower_)
        and (k == 0 or g[k - 1].text != "-")  # "research-backed"
        and not _describes_next(g, k)
        for g in groups
        for k, t in enumerate(g)
    ):
        return None
    if any(_is_participle(g[0].lower_) and not _describes_next(g, 0) for g in groups):
        return None
    return tuple((g[0].idx, g[-1].idx + len(g[-1].text)) for g in groups)


PREPOSITIONS = frozenset(
    {"as", "in", "on", "at", "by", "for", "from", "of", "to", "with", "without"}
)


def _describes_next(group: list[Token], k: int) -> bool:
    """ "pinched nerves at the base of the spine": an item's first word ending in "-ed"
    that describes the noun after it, not a verb ("given as pills" is a phrase)."""
    return (
        k == 0
        and group[0].lower_.endswith("ed")
        and len(group) > 1
        and group[1].is_alpha
        and group[1].lower_ not in NOT_SUBJECTS | PARTICIPLE_FOLLOWERS | DETERMINERS
    )


def _words_outside_brackets(group: list[Token]) -> int:
    """An item's length as read: "a kidney sugar carrier (SGLT2) blocker" is one item; a
    bracket that names or explains it does not make it a clause."""
    depths = bracket_depths(group[0].doc)
    return words([t for t in group if not depths[t.i] and t.text != "("])


JOINERS = ("and", "or")
SHARED_COMPLEMENTS = frozenset(
    {"in", "into", "on", "at", "to", "as", "by", "from", "over", "across", "than"}
)
AUXILIARIES = frozenset(
    {"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does",
     "did", "can", "could", "may", "might", "must", "shall", "should", "will", "would"}
)  # fmt: skip
COMPARATIVES = frozenset({"more", "less", "fewer", "higher", "lower", "above", "below", "greater"})


ITEM_PREPOSITIONS = frozenset({"for", "of", "with", "in", "on", "to", "from", "about"})


def _last_joiner(group: list[Token]) -> int | None:
    """Where the last two items part: the last "and"/"or" that no preposition of the group
    comes before ("spine treatment and talk therapy for thoughts and habits" parts at the
    first "and"; "for thoughts and habits" is one item's words)."""
    depth = 0
    found: list[int] = []
    for k, token in enumerate(group):
        depth += token.text == "("
        depth -= token.text == ")" and depth > 0
        if depth or token.lower_ not in JOINERS or k == 0 or k + 1 >= len(group):
            continue
        if group[k + 1].lower_ in COMPARATIVES or group[k - 1].like_num:
            continue  # "6 or more", "50% or greater": one amount, not two items
        found.append(k)
    if not found:
        return None
    first_preposition = next(
        (
            k
            for k, t in enumerate(group)
            if t.lower_ in ITEM_PREPOSITIONS and (k == 0 or group[k - 1].text != "-")
        ),
        len(group),
    )  # "hands-on": a word, not a preposition
    before = [k for k in found if k < first_preposition]
    return before[-1] if before else found[-1]


def _series_joiners(body: list[Token]) -> set[str]:
    """The words that join the items at depth 0 ("and", "or")."""
    return {
        t.lower_
        for k, t in enumerate(body)
        if t.lower_ in JOINERS
        and 0 < k < len(body) - 1
        and body[k + 1].lower_ not in COMPARATIVES
        and not body[k - 1].like_num
    }


def rewrite(block: RenderedBlock, edits: Sequence[Edit]) -> RenderedBlock:
    """Apply edits to a block, moving its terms, citations and links with the text."""
    parts: list[Part] = []
    cursor = 0
    for edit in sorted(edits, key=lambda e: e.start):
        parts.append((cursor, edit.start, ""))
        parts.extend(edit.parts or (edit.text,))
        cursor = edit.end
    parts.append((cursor, len(block.text), ""))
    return rebuild(block, parts)


def rebuild(block: RenderedBlock, parts: Sequence[Part]) -> RenderedBlock:
    """A block made of new words and slices of its old text.

    A term, citation or link moves when it lies wholly in one run of old text
    that stays together; one that is cut apart is dropped (the facts check then
    judges the result from the words themselves).
    """
    pieces: list[str] = []
    runs: list[list[int]] = []  # [old start, old end, new start]
    position = 0
    for part in parts:
        if isinstance(part, str):
            pieces.append(part)
            position += len(part)
            continue
        start, end, case = part
        if start >= end:
            continue
        piece = block.text[start:end]
        if case == "upper":
            piece = piece[:1].upper() + piece[1:]
        elif case == "lower":
            piece = piece[:1].lower() + piece[1:]
        if runs and runs[-1][1] == start and runs[-1][2] + start - runs[-1][0] == position:
            runs[-1][1] = end
        else:
            runs.append([start, end, position])
        pieces.append(piece)
        position += len(piece)
    text = "".join(pieces)

    def place(a: int, b: int) -> tuple[int, int] | None:
        for start, end, new in runs:
            if start <= a and b <= end:
                return new + a - start, new + b - start
        return None

    terms, citations, links = [], [], []
    for term in block.terms:
        moved = place(term.start, term.end)
        if moved:
            terms.append(term.moved(moved[0], moved[1], text[moved[0] : moved[1]]))
    for citation in block.citations:
        moved = place(citation.start, citation.end)
        if moved:
            citations.append(Citation(citation.numbers, *moved))
    for link in block.links:
        moved = place(link.start, link.end)
        if moved:
            links.append(Link(link.href, *moved))
    return replace(
        block, text=text, terms=tuple(terms), citations=tuple(citations), links=tuple(links)
    )


def _moved(
    block: RenderedBlock, text: str, shift: Callable[[int], int], start: int, end: int
) -> RenderedBlock:
    """`block` with new `text`, keeping the marks that fall in [start, end) after `shift`."""

    def inside(a: int, b: int) -> bool:
        return start <= a and b <= end

    terms = []
    for term in block.terms:
        a, b = shift(term.start), shift(term.end)
        if inside(a, b):
            terms.append(term.moved(a - start, b - start, text[a:b]))
    citations = [
        Citation(c.numbers, shift(c.start) - start, shift(c.end) - start)
        for c in block.citations
        if inside(shift(c.start), shift(c.end))
    ]
    links = [
        Link(k.href, shift(k.start) - start, shift(k.end) - start)
        for k in block.links
        if inside(shift(k.start), shift(k.end))
    ]
    return replace(
        block, text=text[start:end], terms=tuple(terms), citations=tuple(citations),
        links=tuple(links),
    )  # fmt: skip


def split_series(block: RenderedBlock, series: Series) -> list[RenderedBlock]:
    """One paragraph -> a lead sentence ending in ":", a list item per series item, the rest.

    The series' citations stay with the claim: they close the lead sentence.
    """
    following = "" if series.colon else series.lead
    lead_tail = following + "".join(f" {c}" for c in series.citations) + ":"
    edited = rewrite(block, [Edit(series.trigger_end, series.sentence_end, lead_tail)])
    lead_end = series.trigger_end + len(lead_tail)
    lead = _moved(edited, edited.text, _same, 0, lead_end)
    cursor = series.trigger_end + len(following)
    added = []
    for numbers_text in series.citations:
        cursor += 1
        added.append(Citation(citation_numbers(numbers_text), cursor, cursor + len(numbers_text)))
        cursor += len(numbers_text)
    lead = replace(lead, citations=(*lead.citations, *added))
    level = block.level + 1 if block.kind == "list_item" else 1
    item_block = replace(block, kind="list_item", level=level, ordered=False)
    items = [_moved(item_block, block.text, _same, a, b) for a, b in series.items]
    rest = edited.text[lead_end:]
    blocks = [lead, *items]
    if rest.strip():
        start = lead_end + len(rest) - len(rest.lstrip())
        blocks.append(_moved(edited, edited.text, _same, start, len(edited.text)))
    return blocks


def _same(offset: int) -> int:
    return offset


# ", while B" -> ". But B": the words that open the new sentence keep the link.
TAIL_OPENERS = {
    ("while",): "But ", ("though",): "But ", ("so", "that"): "This way, ",
    ("provided", "that"): "This applies only if ", ("provided",): "This applies only if ",
    ("where",): "In these cases, ", ("when",): "This applies when ",
    ("because",): "This is because ", ("although",): "But ", ("whereas",): "In contrast, ",
    ("since",): "This is because ",
}  # fmt: skip
# After these a clause almost always follows: any verb in its first words will do.
LOOSE_OPENERS = frozenset({("because",), ("although",), ("whereas",), ("though",), ("since",)})
CONDITION_OPENERS = frozenset({"if", "when", "once", "whenever", "where", "for"})
# "After starting the pill, potassium should be checked." -> "Potassium should be checked.
# This applies after starting the pill.": only before advice, never before a report.
TIME_LEADS = frozenset({"after", "before"})
CONTRAST_OPENERS = frozenset({"although", "though", "while", "whereas"})
CAUSE_OPENERS = frozenset({"because", "since"})
# ", leading to B" -> ". This leads to B" (or "led" when the sentence tells the past).
RESULT_VERBS = {
    "leading": "lead", "causing": "cause", "resulting": "result", "making": "make",
    "supporting": "support", "showing": "show", "suggesting": "suggest", "allowing": "allow",
    "prompting": "prompt", "raising": "raise", "lowering": "lower", "reducing": "reduce",
    "increasing": "increase", "requiring": "require", "confirming": "confirm",
}  # fmt: skip
# ", defined as B" -> ". This is defined as B".
DESCRIBING_PARTICIPLES = frozenset({"defined", "measured", "tailored", "given", "based", "used"})
EXAMPLE_OPENERS = {
    ("e.g.",): "Examples are ",
    ("such", "as"): "Examples are ",
    ("for", "example"): "Examples are ",
    ("including",): "These include ",
}
EXAMPLE_STARTS = frozenset(opener[0] for opener in EXAMPLE_OPENERS)
ONE_EXAMPLE = "An example is "


def _example_lead(opener: tuple[str, ...], body: Sequence[Token]) -> str:
    """ "Examples are A or B", but "An example is a stroke": one example named with "a"."""
    lead = EXAMPLE_OPENERS[opener]
    one = body[0].lower_ in ("a", "an") and not any(
        t.text == "," or t.lower_ in ("and", "or") for t in body
    )
    return ONE_EXAMPLE if one and lead.startswith("Examples") else lead
MAX_REPEATED_SUBJECT = 4
CLAUSE_WORDS_LIST = ("that", "which", "who", "whom", "whose", "when", "if", "because", "where",
                     "while", "although", "since", "whether")  # fmt: skip
CLAUSE_WORDS = frozenset(CLAUSE_WORDS_LIST)
LEADING_SUBORDINATORS = frozenset(
    {*CLAUSE_WORDS_LIST, "as", "though", "unless", "until", "once", "after", "before", "for",
     "in", "on", "at", "by", "with", "without", "during", "to", "from", "over", "among"}
)  # fmt: skip


def _opener_at(tokens: Span, index: int, openers: Iterable[tuple[str, ...]]) -> tuple | None:
    if index >= len(tokens):
        return None
    first = tokens[index].lower_
    for opener in openers:
        if opener[0] != first:
            continue
        window = tuple(t.lower_ for t in tokens[index : index + len(opener)])
        if window == opener:
            return opener
    return None


def _closes_with_full_stop(sentence: Span) -> bool:
    """The sentence ends in "." (a citation may follow), so parts can move around it."""
    last = next((t for t in reversed(_in(sentence)) if not is_citation(t)), None)
    return last is not None and last.text == "."


def subordinate_clause_edits(sentence: Span) -> list[Edit]:
    lead = _leading_clause_edit(sentence)
    if lead is not None:
        return [lead]
    return (
        _two_limits_edits(sentence)
        or _repeated_condition_edits(sentence)
        or _tail_edits(sentence, sentence.start)
        or _while_doing_edits(sentence)
        or _closing_people_edits(sentence)
        or _condition_series_edits(sentence)
        or _applies_to_who_edits(sentence)
        or _group_series_edits(sentence)
        or _so_can_edits(sentence)
    )


ONLY = frozenset({"only"})
LIMIT_OPENERS = frozenset({"after", "when", "if", "once", "where", "before", "until", "while"})
MAX_VERB_GROUP = 4  # "should not be considered"


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
NEGATING_WORDS = frozenset({"not", "no", "never", "without", "neither", "nor", "unless"})
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
    if not _may_hold_condition_series(sentence):
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
    if len(commas) < 2 - only or len(commas) >= len(CASE_COUNTS):
        return []
    if commas[-1] + 1 >= len(body) or body[commas[-1] + 1].lower_ != "or":
        return []
    if any(body[k + 1].lower_ in JOINERS for k in commas[:-1]):
        return []
    bounds = [-1, *commas]
    items = [body[a + 1 : b] for a, b in pairwise([*bounds, len(body)])]
    items[-1] = items[-1][1:]  # after ", or"
    if any(words(item) < MIN_CONDITION_WORDS for item in items):
        return []
    main = tokens[:opener]
    if any(t.lower_ in NEGATING_WORDS for t in main) or _reports_the_past(main):
        return []
    lead = _shared_condition_lead(items)
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
    (the last may be a phrase: "or in pregnancy"), joined by ", or" at the end. As each
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
        elif token.lower_ == "or" and tokens[k + 1].lower_ in LAST_CONDITION_OPENERS and cuts:
            cuts.append((k - 1, k + 1))
            break
        elif token.lower_ == "and" and tokens[k + 1].lower_ in LAST_CONDITION_OPENERS:
            return []  # ", and when": every condition must hold
    if len(cuts) < 2 or tokens[cuts[-1][1] - 1].lower_ != "or":
        return []
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
    return bool(lemmas_of(word, "NOUN")) and not lemmas_of(word, "ADJ") and not lemmas_of(
        word, "ADV"
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
    depths = bracket_depths(sentence.doc)
    tokens = _in(sentence)
    end = len(tokens)
    while end and (tokens[end - 1].text in CLOSING_MARKS or is_citation(tokens[end - 1])):
        end -= 1
    lead = next(
        (
            k
            for k in range(MIN_SIDE_WORDS, end - 3)
            if tokens[k].lower_ in GROUP_LEADS
            and tokens[k + 1].lower_ in GROUP_WORDS
            and tokens[k + 2].lower_ == "with"
            and not depths[tokens[k].i]
        ),
        None,
    )
    if lead is None:
        return []
    main, body = tokens[:lead], tokens[lead + 3 : end]
    if any(t.lower_ in NEGATING_WORDS for t in main) or _reports_the_past(main):
        return []
    if any(t.lower_ in NEGATING_WORDS | CLAUSE_WORDS or t.text in (";", ":") for t in body):
        return []
    items = _or_series_items(body, depths)
    if items is None or len(items) < 3 or any(item[0].lower_ in AUXILIARIES for item in items):
        return []
    prefix = f". This also applies to {tokens[lead + 1].lower_} with "
    return [
        Edit(before[-1].idx + len(before[-1].text), item[0].idx, prefix)
        for before, item in pairwise(items)
    ]


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
# "Avoid A. This applies to people with B." reads as "avoid A" for everyone first.
PROHIBITIONS = frozenset({"not", "never", "no", "avoid", "avoided", "stop", "stopped"})


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
        if any(t.lower_ in CLAUSE_WORDS or t.text in (";", ":") for t in left):
            return []
        opener = next((n for n, t in enumerate(left) if t.lower_ in TIME_CLAUSE_OPENERS), None)
        if opener is not None and _has_finite_verb(left[opener:]):
            return []  # "before treatment is started in people with ...": the clause's
        if not (_is_advice(left) or any(t.lower_ in ADVICE_VERBS for t in left)):
            return []
        if any(t.lower_ in PROHIBITIONS for t in left):
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
            " This applies to ",
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
    tokens = _in(sentence)
    if [t.lower_ for t in tokens[:3]] != ["this", "applies", "to"] or len(tokens) < 10:
        return []
    j = 3 + (tokens[3].lower_ in ("a", "an"))
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
    named = "this person" if single else "these " + ("people" if people.lower_ in (
        "those", "older", "younger", "pregnant") else people.lower_)
    before = tokens[who - 1]
    return [Edit(before.idx + len(before.text), after[0].idx, f". It applies if {named} ")]


def _while_doing_edits(sentence: Span) -> list[Edit]:
    """ "The guideline did not advise steroids, while noting that evidence was evolving." ->
    "The guideline did not advise steroids. The guideline also noted that evidence was
    evolving.": ", while <-ing word>" is a second act of the same subject; said with the
    subject and a tense it is a sentence. Never after an instruction ("Take it with food,
    while keeping ...": there "while" tells the time)."""
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
        if not (loose or _starts_clause(right)):
            continue
        prefix = TAIL_OPENERS[opener]
        if opener == ("so", "that") and not _is_imperative(left[0]):
            prefix = "As a result, "  # "raise hepcidin, so that a second dose ...": a result
        if opener == ("when",) and any(t.lower_ == "when" for t in left):
            prefix = "This also applies when "
        edits.append(Edit(comma.idx, right[0].idx, ". " + prefix))
    if not edits:
        edits = _bare_tail_edits(sentence, first)
    return edits


def _always_or_never(tokens: Sequence[Token]) -> bool:
    """ "never combine two shots, ...": an instruction that opens with "never" or "always";
    the verb after it is a base form even where it is a noun too ("combine", "dose")."""
    return (
        len(tokens) > 1
        and tokens[0].lower_ in ("never", "always")
        and tokens[1].lower_ in lemmas_of(tokens[1].lower_, "VERB").get("VERB", ())
    )


# "B when A" with no comma -> "B. This applies when A": only a clause with its own subject.
BARE_TAIL_OPENERS = {
    "when": "This applies when ", "if": "This applies if ", "because": "This is because ",
    "so": "This way, ",  # "so that": only before "that"
    "whenever": "This applies whenever ",
    "after": "This applies after ", "before": "This applies before ",  # advice only
}  # fmt: skip
LIMITING_WORDS = frozenset({"only", "even", "especially", "particularly", "mainly"})
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
        if token.lower_ in ("when", "if") and _ends_in_a_dose_choice(left):
            return []  # "start at 100 mg, or 50 mg when ...": it limits the last choice only
        if token.lower_ in ("when", "if") and _ends_in_a_second_verb(left):
            return []  # "screened once and treated if ...": it limits "treated" only
        prefix = BARE_TAIL_OPENERS[token.lower_]
        if limited:
            if token.lower_ in ("because", "so"):
                return []  # "only because" reads oddly on its own
            prefix = prefix.replace("applies ", f"applies {tokens[k - 1].lower_} ")
        end = left[-1].idx + len(left[-1].text)
        return [Edit(end, right[0].idx, ". " + prefix)]
    return []


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
    return _starts_clause(right) or _any_verb([t for t in right[1:] if is_read(t.text)][:8])


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


def _participle_after_noun(token: Token) -> bool:
    """ "folic acid given on the other days", "a glove worn at night": a past participle,
    or one that can also be a noun ("given", "a given") when no article stands before it."""
    if _is_participle_form(token.lower_):
        return True
    lower = token.lower_
    if not (_is_verb_form(lower, "VBN") and lower.endswith(("ed", "en", "wn", "rn"))):
        return False
    if token.i == 0:
        return False
    before = token.doc[token.i - 1].lower_
    # "feeling worn out", "get worn": the participle describes a state, no absolute
    return before not in DETERMINERS and not before.endswith("ing") and before not in (
        "feel", "feels", "felt", "get", "gets", "got", "look", "looks", "seem", "seems"
    )


def _second_verb_follows(tokens: Sequence[Token]) -> bool:
    """ "and titrated", "or stopped": a joining word, then a participle with no subject, as
    in "is started at 50 mg when A, and raised by 50 mg": the main clause's passive goes on
    ("when you have A, or have B" stays one condition)."""
    if len(tokens) < 2 or tokens[0].lower_ not in JOINERS:
        return False
    return tokens[1].lower_.endswith("ed") and _is_participle_form(tokens[1].lower_)


def _leading_clause_edit(sentence: Span) -> Edit | None:
    """A sentence that opens with a subordinate clause, turned into two sentences."""
    opener = sentence[0]
    kind = opener.lower_
    if kind == "in" and _names_people(sentence[1:3]):
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
            link = "to" if kind == "for" else kind
            main_parts = _with_edits(main[0].idx, end, _tail_edits(sentence, main[0].i))
            covers = "These apply" if _holds_two_clauses(main, depths) else "This applies"
            parts: tuple[Part, ...] = (
                *main_parts, f" {covers} {link} ", (first.idx, comma.idx, ""), ".",
            )  # fmt: skip
        else:
            link = ". But " if kind in CONTRAST_OPENERS else ". So "
            parts = ((first.idx, comma.idx, "upper"), link, (main[0].idx, end, ""))
        return Edit(start, end, parts=parts)
    return None


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
        return has_verb and _starts_clause(
            tokens[close + 1 :]
        )
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


PEOPLE_WORDS = frozenset(
    {"people", "adults", "someone", "those", "women", "men", "children", "patients", "anyone",
     "person", "adult", "patient", "older", "younger", "pregnant"}
)  # fmt: skip


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


def _names_people(tokens: Span) -> bool:
    """ "In adults with ...", "In a person who ...": the opening phrase says who, so it can
    follow as "This applies to ..."; "In the trial, ..." says where and stays."""
    words_ = [t.lower_ for t in tokens]
    if words_ and words_[0] in ("a", "an", "most", "all", "some", "many"):
        words_ = words_[1:]
    return bool(words_) and words_[0] in PEOPLE_WORDS


def _is_advice(tokens: Sequence[Token]) -> bool:
    """An instruction or a "should"/"must" sentence: advice, which holds at any time."""
    advice = MODALS | RECOMMENDATION_WORDS | {"required", "needed", "advises"}
    return _is_imperative(tokens[0]) or any(t.lower_ in advice for t in tokens)


def _plural_clause(tokens: Span) -> bool:
    """ "the guidelines favor ...": a subject word, then a verb that agrees with a plural."""
    return tokens[0].lower_ in SUBJECT_STARTS and any(
        _is_verb_form(t.lower_, "VBP") and not t.is_title for t in tokens[1:5]
    )


@lru_cache(maxsize=8192)
def _is_verb_form(word: str, tag: str) -> bool:
    lemmas = lemmas_of(word, "VERB").get("VERB", ())
    return any(word in forms_of(lemma, tag) for lemma in lemmas)


def _with_edits(start: int, end: int, edits: Sequence[Edit]) -> list[Part]:
    """Parts for the text [start, end) with `edits` inside it; its first letter a capital."""
    parts: list[Part] = []
    cursor = start
    for edit in sorted(edits, key=lambda e: e.start):
        parts.append((cursor, edit.start, ""))
        parts.extend(edit.parts or (edit.text,))
        cursor = edit.end
    parts.append((cursor, end, ""))
    first = parts[0]
    if isinstance(first, tuple):
        parts[0] = (first[0], first[1], "upper")
    return parts


def _aside_before_relative(right: Sequence[Token]) -> bool:
    """The words after the opener close with a comma and "that", "which" or "who": an aside
    between a noun and the clause that describes it."""
    depths = bracket_depths(right[0].doc)
    return any(
        t.text == "," and not depths[t.i] and right[k + 1].lower_ in ("that", "which", "who")
        for k, t in enumerate(right[:-1])
    )


def participial_tail_edits(sentence: Span) -> list[Edit]:
    """ ", leading to B" -> ". This leads to B" ("led" when the sentence is in the past);
    also causing, resulting in, making, supporting, showing and other verbs of result;
    ", with A rated as B" -> ". A is rated as B"."""
    edits = (
        _absolute_with_edits(sentence)
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
        edits.append(
            Edit(token.doc[token.i - 1].idx, token.idx + len(token.text), f". This {verb}")
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
    )


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
    k = next(
        (j for j in range(1, min(len(tokens) - 1, MAX_OUTCOME_NAME + 1))
         if tokens[j].lower_ in OUTCOME_NOUNS),
        None,
    )  # fmt: skip
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
MIN_TYPICAL_WORDS = 5


def _typical_tail_edits(sentence: Span) -> list[Edit]:
    """ "... presents with a moderate flare-up, typically four to six bloody stools a day
    but without fever." -> "... presents with a moderate flare-up. This is typically four
    to six bloody stools a day but without fever." A closing example of what the clause
    named, long and with no verb of its own, opening with a number or "a"/"an"/"the"
    ("usually once a day" would read oddly as "This is usually once a day")."""
    if not _closes_with_full_stop(sentence):
        return []
    depths = bracket_depths(sentence.doc)
    tokens = _in(sentence)
    for k in range(MIN_SIDE_WORDS, len(tokens) - 2):
        token = tokens[k]
        if token.lower_ not in TYPICAL_WORDS or tokens[k - 1].text != "," or depths[token.i]:
            continue
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
    for k in range(MIN_SIDE_WORDS + 1, len(tokens) - 3):
        token = tokens[k]
        if token.lower_ not in MAINLY_WORDS or tokens[k - 1].text != "," or depths[token.i]:
            continue
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
    for k in range(MIN_SIDE_WORDS + 1, len(tokens) - 3):
        token, comma = tokens[k], tokens[k - 1]
        if token.lower_ not in MAINLY_ASIDE_WORDS or comma.text != "," or depths[token.i]:
            continue
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


def _rather_than_edits(sentence: Span) -> list[Edit]:
    """ "A mealtime dose is added rather than stepping up all-day insulin beyond 0.5
    units/kg [1]." -> "A mealtime dose is added. This is done instead of stepping up all-day
    insulin beyond 0.5 units/kg [1].": the road not taken reads as its own sentence. Only
    before an "-ing" word ("a cutoff of 45 rather than 15", "lowered slowly rather than
    stopped" stay), after a whole clause that is no instruction and holds no clause word."""
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
        if _is_imperative(left[0]) or not left[0].text[:1].isupper():
            return []  # an instruction, or a list item in note form
        if any(t.lower_ in CLAUSE_WORDS or t.text in (";", ":") for t in left):
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


def _has_word(sentence: Span, candidates: Iterable[str]) -> bool:
    """One of `candidates` (lower case) in the sentence: a cheap first test before a rule
    makes Token objects."""
    ids = _sentence_ids(sentence)
    return any(_word_id(word) in ids for word in candidates)


def _sentence_ids(sentence: Span) -> set[int]:
    """The sentence's lower-case ids, read off the Doc's token columns once as a set:
    several rules ask of each sentence."""
    found = sentence.doc.user_data.setdefault("medrender_sentence_ids", {})
    key = (sentence.start, sentence.end)
    ids = found.get(key)
    if ids is None:
        lowers = token_columns(sentence.doc).lower[sentence.start : sentence.end]
        ids = found[key] = set(lowers.tolist())
    return ids


def _after_comma_ids(sentence: Span) -> set[int]:
    """The lower-case ids of the words right after a comma in the sentence, once."""
    found = sentence.doc.user_data.setdefault("medrender_after_comma_ids", {})
    key = (sentence.start, sentence.end)
    ids = found.get(key)
    if ids is None:
        lowers = token_columns(sentence.doc).lower[sentence.start : sentence.end]
        ids = found[key] = set(lowers[1:][lowers[:-1] == _word_id(",")].tolist())
    return ids


@lru_cache(maxsize=1024)
def _word_id(word: str) -> int:
    return get_string_id(word)


@lru_cache(maxsize=64)
def _ids_of(words_: frozenset[str]) -> frozenset[int]:
    return frozenset(get_string_id(word) for word in words_)


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
        plural = _names_plural(noun_phrase)
        past = _tells_the_past(left)
        be = _be(plural, past)
        comma = token.doc[token.i - 1]
        first = noun_phrase[0]
        parts = (". ", (first.idx, first.idx + len(first.text), "upper"))
        edits.append(Edit(comma.idx, first.idx + len(first.text), parts=parts))
        edits.append(Edit(rest[0].idx, rest[0].idx, f"{be} "))
    return edits


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
            t.text in CLAUSE_MARKS or t.lower_ in CLAUSE_WORDS | PREPOSITIONS | {"to", "as"}
            or is_finite_verb(t.lower_) or _is_participle_form(t.lower_)
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


NOT_ACTIONS = frozenset({"including", "following", "depending", "according", "regarding"})


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
        if any(not (t.is_alpha or t.text == "-") or is_finite_verb(t.lower_) for t in noun_phrase):
            continue
        plural = _is_plural_noun(noun_phrase[-1])
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
    return edits


def _reports_the_past(tokens: Sequence[Token]) -> bool:
    """ "Cipriani et al. also found ...": the first finite verb is a past form, irregular
    ones too ("found", "gave"), which `_tells_the_past` leaves to "-ed" words."""
    if _tells_the_past(tokens):
        return True
    verb = next((t for t in tokens if t.is_alpha and is_finite_verb(t.lower_)), None)
    if verb is None or verb.lower_ in MODALS:
        return False  # "should" is no past, though lemma tables list it under "shall"
    return _tense(verb.lower_) == "past"


def _bare_role(token: Token) -> bool:
    """ "as alternatives", "as options": a noun with no "the" or describing word first."""
    word = token.lower_
    return (
        token.is_alpha
        and bool(lemmas_of(word, "NOUN"))
        and not lemmas_of(word, "ADJ")
        and not _is_verb_form(word, "VBN")
    )


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


def _names_plural(noun_phrase: Sequence[Token]) -> bool:
    """ "lithium and esketamine", "rates of harm": two things joined by "and", or a plural
    head noun, which is the noun before the first preposition."""
    head = next(
        (noun_phrase[k - 1] for k in range(1, len(noun_phrase))
         if noun_phrase[k].lower_ in PREPOSITIONS),
        noun_phrase[-1],
    )  # fmt: skip
    return any(t.lower_ == "and" for t in noun_phrase) or _is_plural_noun(head)


def _be(plural: bool, past: bool) -> str:
    return ("were" if plural else "was") if past else ("are" if plural else "is")


@lru_cache(maxsize=8192)
def _is_participle_form(word: str) -> bool:
    """ "rated", "given": a past participle that is not also a plain noun."""
    return (
        _is_verb_form(word, "VBN")
        and word.endswith(("ed", "en", "wn"))
        and not lemmas_of(word, "NOUN")
    )


DESCRIBING_BEFORE = frozenset({"a", "an", "the", "also", "not", "when", "once", "if", "after"})


def _tells_the_past(tokens: Sequence[Token]) -> bool:
    """The tense of the main verb, the first finite one: "showed", "was" tell the past;
    "suggests ... when handled well" does not, nor does "is indicated"."""
    for k, token in enumerate(tokens):
        word = token.lower_
        if word in ("was", "were", "had", "did"):
            return True
        before = tokens[k - 1].lower_ if k else ""
        describing = before in AUXILIARIES or before in DESCRIBING_BEFORE
        if word.endswith("ed") and is_finite_verb(word) and not describing:
            return True
        if is_finite_verb(word) and not word.endswith("ed"):
            return False
    return False


def parenthetical_edits(sentence: Span) -> list[Edit]:
    """An aside in brackets moves to its own sentence after the claim: "(e.g. A, B or C)"
    -> "Examples are A, B or C."; a bracketed clause with its own verb -> its own sentence;
    a figure too (`_figure_parts`). Brackets that introduce an abbreviation or a brand stay
    where they are, and so does a figure that neither names itself nor follows what it
    measures ("The rate fell (72.5% vs. 80%) over 6 months")."""
    pairs = _bracket_pairs(sentence)
    if not pairs and not _comma_before(sentence, EXAMPLE_STARTS):
        return []  # no bracket, no ", e.g.": most sentences with "for" or "such"
    if not _closes_with_full_stop(sentence):
        return []
    doc = sentence.doc
    edits, moved = [], []
    figures = _figure_parts(sentence, pairs)
    if figures is not None:
        edits, moved, pairs = figures
    for opening, closing in pairs:
        token, close = doc[opening], doc[closing]
        inner = _slice(doc, opening + 1, closing)
        opener = _opener_at(inner, 0, EXAMPLE_OPENERS)
        if opener is not None:
            body = inner[len(opener) :]
            if words(body) < 2:
                continue
            lead = " " + _example_lead(opener, body)
            text: tuple[Part, ...] = (lead, (body[0].idx, close.idx, ""))
        elif words(inner) >= MIN_SIDE_WORDS and _starts_clause(inner):
            text = (" ", (inner[0].idx, close.idx, "upper"))
        else:
            continue
        before = doc[token.i - 1]
        edits.append(Edit(before.idx + len(before.text), close.idx + 1))
        moved += [*text, "."]
    if moved:
        edits.append(Edit(sentence.end_char, sentence.end_char, parts=tuple(moved)))
        return edits
    return _example_tail_edits(sentence) or _example_aside_edits(sentence)


def _bare_such_as_edits(sentence: Span) -> list[Edit]:
    """ "The doctor should exclude other causes of pain such as wear and tear or gout." ->
    "The doctor should exclude other causes of pain. Examples are wear and tear or gout.":
    two examples with no comma before them, closing a piece of advice. Never in a
    prohibition or a denial ("avoid pain pills such as A" would read "avoid pain pills"),
    nor after "only", nor before a series, a clause or a preposition ("such as A as first
    choice": the "as" belongs to the advice)."""
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


FIGURE_LINKS = frozenset({"vs.", "vs", "versus"})
MIN_LABEL_WORDS = 2  # "(risk comparison 0.61)"; never "(day 1)" or "(stage 3)"
MAX_LABEL_WORDS = 4


def _labelled_figure(inner: Sequence[Token]) -> int | None:
    """ "risk comparison 0.61", "kidney score 30-59 mL/min": where the figure starts after
    a short label of words and no verb, or None ("SUSTAIN-6" is a name, not a label)."""
    for k, token in enumerate(inner):
        if token.text[0].isdigit():
            label = inner[:k]
            if not MIN_LABEL_WORDS <= words(label) <= MAX_LABEL_WORDS or not label[-1].is_alpha:
                return None
            if any(not t.is_alpha or is_finite_verb(t.lower_) for t in label):
                return None
            return k if not any(_is_clause_verb(t) for t in inner[k:]) else None
    return None


def _compared_figure(inner: Sequence[Token]) -> bool:
    """ "3.4% vs. 2.5%", "3.5 vs. 4.0 on an 11-point scale": two figures side by side."""
    return (
        bool(inner)
        and inner[0].text[0].isdigit()
        and any(t.lower_ in FIGURE_LINKS for t in inner)
        and not any(_is_clause_verb(t) for t in inner)
    )


def _bracket_pairs(sentence: Span) -> list[tuple[int, int]]:
    """The sentence's outermost brackets as (opening, closing) token indices, found on the
    Doc's token columns; never one that opens the sentence."""
    doc = sentence.doc
    strings = doc.vocab.strings
    orth = token_columns(doc).orth[sentence.start : sentence.end]
    openings = numpy.flatnonzero(orth == strings["("]).tolist()
    if not openings:
        return []
    depths = bracket_depths(doc)
    closings = [sentence.start + k for k in numpy.flatnonzero(orth == strings[")"]).tolist()]
    pairs = []
    for k in openings:
        opening = sentence.start + k
        if depths[opening] or not k:
            continue
        closing = next((c for c in closings if c > opening and depths[c] == 1), None)
        if closing is not None:
            pairs.append((opening, closing))
    return pairs


def _figure_parts(
    sentence: Span, pairs: list[tuple[int, int]]
) -> tuple[list[Edit], list[Part], list[tuple[int, int]]] | None:
    """Figures in brackets leave the claim for a sentence of their own behind it (and behind
    its citation), so the claim reads without a stop: "... from 14.5% to 9.2% (risk
    comparison 0.61) [3]." -> "... to 9.2% [3]. The risk comparison was 0.61."; "... than
    with the switch (28.9% vs. 22.3%)." -> "... . The figures were 28.9% vs. 22.3%." A figure
    in the middle of a claim moves only after the outcome it measures, which it then names:
    "higher rates of heart events (3.4% vs. 2.5%) and cancer (4.2% vs. 2.9%) with A" ->
    "... . The figures were 3.4% vs. 2.5% for heart events and 4.2% vs. 2.9% for cancer."
    Returns the edits, the moved parts and the brackets left for the other asides; None
    when the sentence has no figure to move."""
    doc = sentence.doc
    labelled: list[tuple[Token, Token, int]] = []
    compared: list[tuple[Token, Token, tuple[int, int] | None]] = []
    figures = set()
    unclear = False
    for opening, closing in pairs:
        inner = _slice(doc, opening + 1, closing)
        at = _labelled_figure(inner)
        if at is not None:
            if _another_claim_follows(_slice(doc, closing + 1, sentence.end)):
                continue
            labelled.append((doc[opening], doc[closing], at))
        elif _compared_figure(inner):
            before = _slice(doc, sentence.start, opening)
            outcome = _measured_outcome(before)
            if _figures_outside_brackets(_slice(doc, closing + 1, sentence.end)):
                outcome = None  # "(10.3% vs. 5.6%), with stroke in 6.5% vs. 1.5%": whose?
                unclear = True
            compared.append((doc[opening], doc[closing], outcome))
        else:
            continue
        figures.add((opening, closing))
    if not figures:
        return None
    others = [pair for pair in pairs if pair not in figures]
    if compared and (unclear or not (
        all(outcome is not None for *_, outcome in compared)
        or (len(compared) == 1 and _ends_claim(_slice(doc, compared[0][1].i + 1, sentence.end)))
    )):  # fmt: skip
        compared = []  # a figure that cannot be told apart from the claim around it
        if not labelled:
            return [], [], others
    past = _reports_the_past(_in(sentence))
    edits: list[Edit] = []
    moved: list[Part] = []
    for opening, close, at in labelled:
        label_end, figure = doc[opening.i + at], doc[opening.i + 1 + at]
        moved += [" The ", (opening.idx + 1, label_end.idx + len(label_end.text), ""),
                  " " + _be(_is_plural_noun(label_end), past) + " ",
                  (figure.idx, close.idx, ""), "."]  # fmt: skip
    for n, (opening, close, outcome) in enumerate(compared):
        moved += [" The figures " + _be(True, past) + " " if not n else " and ",
                  (opening.idx + 1, close.idx, "")]  # fmt: skip
        if len(compared) > 1 and outcome is not None:
            moved += [" for ", (*outcome, "")]
    if compared:
        moved.append(".")
    for opening, close, _ in (*labelled, *compared):
        before = doc[opening.i - 1]
        edits.append(Edit(before.idx + len(before.text), close.idx + 1))
    return edits, moved, others


def _figures_outside_brackets(after: Sequence[Token]) -> bool:
    """Numbers in the claim after a bracket, not in brackets of their own: figures moved
    behind the sentence would read as theirs."""
    depths = bracket_depths(after[0].doc) if after else []
    return any(t.like_num and not depths[t.i] and not is_citation(t) for t in after)


def _another_claim_follows(after: Sequence[Token]) -> bool:
    """ "reduced A (risk comparison 0.86) and lowered B by 38%": a figure moved behind the
    sentence would read as the second result's, once the two are split."""
    return any(
        t.lower_ in ("and", "or", "but") and k + 1 < len(after)
        and is_finite_verb(after[k + 1].lower_)
        for k, t in enumerate(after)
    )  # fmt: skip


def _ends_claim(after: Sequence[Token]) -> bool:
    """Only closing marks and citations follow: "... than with the switch (28.9% vs. 22%)."."""
    return all(t.text in CLOSING_MARKS or is_citation(t) for t in after)


OUTCOME_STOPS = NOT_SUBJECTS | DETERMINERS | PREPOSITIONS


def _measured_outcome(before: Sequence[Token]) -> tuple[int, int] | None:
    """The short noun phrase right before a figure ("new cases of serious heart events"
    -> "serious heart events"), on character offsets; None after a verb ("fell")."""
    named: list[Token] = []
    for token in reversed(before):
        if not token.is_alpha or token.lower_ in OUTCOME_STOPS or is_finite_verb(token.lower_):
            break
        named.append(token)
    if not named or len(named) > MAX_LABEL_WORDS or len(named) == len(before):
        return None
    first, last = named[-1], named[0]
    return first.idx, last.idx + len(last.text)


def _is_clause_verb(token: Token) -> bool:
    """A finite verb that is not an "-ed" word describing a noun ("a targeted pill")."""
    return is_finite_verb(token.lower_) and not token.lower_.endswith("ed")


def _example_tail_edits(sentence: Span) -> list[Edit]:
    """ "..., e.g. A or B [2]." -> "... [2]. Examples are A or B." (a longer series becomes
    a list in `series_lists` instead)."""
    doc = sentence.doc
    depths = bracket_depths(doc)
    tokens = _in(sentence)
    end = len(tokens)
    while end > 0 and (tokens[end - 1].text in CLOSING_MARKS or is_citation(tokens[end - 1])):
        end -= 1
    for k in range(2, end - 1):
        comma = tokens[k - 1]
        if comma.text != "," or tokens[k].lower_ not in EXAMPLE_STARTS:
            continue
        opener = _opener_at(tokens, k, EXAMPLE_OPENERS)
        if comma.text != "," or opener is None or depths[tokens[k].i]:
            continue
        body = tokens[k + len(opener) : end]
        if not body or words(tokens[:k]) < MIN_SIDE_WORDS or not _has_verb(tokens[:k]):
            return []
        if body[0].lower_ in PREPOSITIONS | LEADING_SUBORDINATORS:
            return []  # ", including in severe disease": a setting, not things to name
        if any(t.text in (",", ";") or _is_clause_verb(t) for t in body):
            return []
        if len([t for t in body if t.lower_ in ("and", "or")]) > 1:
            return []
        citations: list[Part] = []
        for cited in tokens[end:]:
            if is_citation(cited):
                citations += [" ", (cited.idx, cited.idx + len(cited.text), "")]
        last = body[-1]
        parts = (*citations, ". " + _example_lead(opener, body),
                 (body[0].idx, last.idx + len(last.text), ""), ".")  # fmt: skip
        return [Edit(comma.idx, sentence.end_char, parts=parts)]
    return []


MAX_ASIDE_WORDS = 12


def _example_aside_edits(sentence: Span) -> list[Edit]:
    """ "A regards B, including C and D, as a first choice." -> "A regards B as a first
    choice. These include C and D.": examples set off by two commas leave the claim when
    the words after them go on with it (`_continues_series`: never the next item of a
    series, "including A, B and C, are ..."). Only a short aside of names with no verb."""
    doc = sentence.doc
    if not _comma_before(sentence, (opener[0] for opener in EXAMPLE_OPENERS)):
        return []
    depths = bracket_depths(doc)
    tokens = _in(sentence)
    for k in range(2, len(tokens) - 1):
        comma = tokens[k - 1]
        if comma.text != "," or tokens[k].lower_ not in EXAMPLE_STARTS or depths[comma.i]:
            continue
        opener = _opener_at(tokens, k, EXAMPLE_OPENERS)
        if opener is None:
            continue
        closing = _next_mark(tokens, k + len(opener), CLOSING_MARKS)
        if closing is None or tokens[closing].text != ",":
            return []
        body, rest = tokens[k + len(opener) : closing], tokens[closing + 1 :]
        if not body or _words_outside_brackets(body) > MAX_ASIDE_WORDS or _any_clause_verb(body):
            return []
        if words(tokens[: k - 1]) < MIN_SIDE_WORDS or not _has_verb(tokens[: k - 1]):
            return []
        if body[0].lower_ in PREPOSITIONS or _continues_series(rest):
            return []
        if not _these_point_back(tokens[: k - 1], rest):
            return []
        last = body[-1]
        lead = " " + _example_lead(opener, body)
        moved = (lead, (body[0].idx, last.idx + len(last.text), ""), ".")
        return [
            Edit(comma.idx, rest[0].idx, " "),
            Edit(sentence.end_char, sentence.end_char, parts=moved),
        ]
    return []


def _these_point_back(before: Sequence[Token], rest: Sequence[Token]) -> bool:
    """ "These include A and B", read after the claim, must point back at the plural noun
    the examples followed, with no other plural noun read since: "hidden bleeding,
    including A and B, is the main concern in men and women" would make "These" the men
    and women."""
    noun = _before_brackets(before)
    if noun is None or not _is_plural_noun(noun):
        return False
    return not any(t.is_alpha and _is_plural_noun(t) for t in rest)


def _continues_series(rest: Sequence[Token]) -> bool:
    """After ", e.g. by A," the words that follow go on with the claim only if they open
    with a preposition or a verb that is no "-ed" word ("thinned lining, B or C" is the
    series going on) and hold no further comma."""
    if words(rest) < 2:
        return True
    follower = rest[0].lower_
    verb = is_finite_verb(follower) and not follower.endswith("ed")
    if not (follower in PREPOSITIONS or verb):
        return True
    depths = bracket_depths(rest[0].doc)
    return any(t.text == "," and not depths[t.i] for t in rest)


def _comma_before(sentence: Span, followers: Iterable[str]) -> bool:
    """A comma right before one of `followers` in the sentence, read off the Doc's token
    columns: a cheap first test before a rule makes Token objects."""
    after_comma = _after_comma_ids(sentence)
    return bool(after_comma) and any(_word_id(word) in after_comma for word in followers)


def _any_clause_verb(tokens: Sequence[Token]) -> bool:
    """A clause's verb among `tokens`; "lab-made": the part after a hyphen describes."""
    return any(
        _is_clause_verb(t) and not (k and tokens[k - 1].text == "-") for k, t in enumerate(tokens)
    )


def verb_coordination_edits(sentence: Span) -> list[Edit]:
    """ "A does B and does C" -> "A does B. A also does C." with one subject for both
    verbs; a subject longer than a few words becomes "It" or "They"."""
    doc = sentence.doc
    depths = bracket_depths(doc)
    tokens = [t for t in _in(sentence) if not depths[t.i]]
    if tokens and _is_imperative(tokens[0]):
        return _instruction_edits(sentence, tokens) + instruction_tail_edits(sentence)
    if (
        tokens
        and _comma_before_gerund(sentence)
        and _opens_with_base_verb(tokens)
        and (tail := instruction_tail_edits(sentence))
    ):
        return tail
    shared = (
        _elided_verb_edits(sentence) or _gerund_step_edits(sentence) or _group_item_edits(sentence)
    )
    if shared or (shared := _long_objects_edits(sentence)):
        return shared
    verb_at = next(
        (k for k, t in enumerate(tokens) if is_finite_verb(t.lower_) and not _in_compound(t)),
        None,
    )
    if verb_at is None or verb_at == 0:
        return []
    clause_start = max((k + 1 for k, t in enumerate(tokens[:verb_at]) if t.text == ","), default=0)
    subject = tokens[clause_start:verb_at]
    while subject and subject[-1].lower_ in ADVERBS_BEFORE_VERB | {"subsequently", "later"}:
        subject = subject[:-1]  # "The FDA subsequently added": the subject is "The FDA"
    if not subject:
        return []
    if not _is_subject(subject):
        # "Germ stain of mucus and culture and blood tests are advised in A and in B": the
        # second sentence need not repeat the subject
        return _second_group_edits(tokens, verb_at) if _long_subject(subject) else []
    first_verb = tokens[verb_at]
    if first_verb.lower_ in MODALS:
        repeated = _repeated_modal_edits(sentence, tokens, verb_at, subject)
        if repeated or (repeated := _modal_series_edits(sentence, tokens, verb_at, subject)):
            return repeated
    if first_verb.lower_ in MODALS | BE_HAVE:
        passive = _passive_pair_edits(sentence, tokens, verb_at, subject) or _second_group_edits(
            tokens, verb_at
        )
        if passive:
            return passive
    tense = _tense(first_verb.lower_)
    following = tokens[verb_at + 1 : verb_at + 3]
    if following and following[0].lower_ in ("a", "an", "the", "more", "less", "no", "lower"):
        following = following[1:]
    if tense == "other":
        pass  # "can offer ...": only a second modal verb can split it (below)
    elif following and _tense(following[0].lower_) == tense:
        return []  # "showed reduced pain and improved function": the "-ed" words describe
    elif following and following[0].lower_ == "that":
        return _second_finding(sentence, tokens, subject, first_verb) or _finding_verb_edits(
            sentence, tokens, subject, verb_at
        )
    for k in range(verb_at + 1, len(tokens) - 1):
        token = tokens[k]
        if token.lower_ in CLAUSE_WORDS:
            return _verb_after_clause_edits(sentence, tokens, subject, verb_at, k)
        if token.text in (";", ":"):
            return []
        if token.lower_ == "but":
            edit = _but_verb_edit(sentence, tokens, k, first_verb)
            if edit is not None:
                return [edit]
            continue
        if token.lower_ != "and":
            continue
        second = tokens[k + 1]
        then = second.lower_ == "then" and k + 2 < len(tokens)
        verb = tokens[k + 2] if then else second
        if not then and verb.lower_ in MODALS:
            edit = _modal_edit(sentence, tokens, k, subject)
            if edit is not None:
                return [edit]
            continue
        if tense == "other" or _tense(verb.lower_) != tense:
            continue
        if tense == "present" and lemmas_of(verb.lower_, "NOUN"):
            continue  # "and rates": a plural noun as likely as a verb
        if tense == "present" and _paired_plural_noun(tokens[k - 1], verb):
            continue  # "benefits and harms": the lexicon knows "harms" only as a verb
        if verb.lower_.endswith("ed") and any(t.lower_ == "with" for t in tokens[verb_at:k]):
            continue  # "people with diabetes and established heart disease": it describes
        left = _slice(doc, sentence.start, token.i)
        right = _slice(doc, verb.i, sentence.end)
        if words(left) < MIN_SIDE_WORDS + 1 or words(right) < MIN_SIDE_WORDS:
            continue
        previous = doc[token.i - 1]
        start = previous.idx if previous.text == "," else previous.idx + len(previous.text)
        if not then and (verb.lower_ in BE_FORMS or _passive_participle(tokens, k + 1) is not None):
            # "and is often used" -> ". It is also often used": "also" after a form of "be"
            # "and were randomized to A" -> ". They were also randomized to A"
            lead = _new_subject(subject, then)[:2]
            group = (verb.idx, verb.idx + len(verb.text), "lower")
            return [Edit(start, verb.idx + len(verb.text), parts=(*lead, " ", group, " also"))]
        return [Edit(start, verb.idx, parts=_new_subject(subject, then))]
    return []


def _paired_plural_noun(before: Token, verb: Token) -> bool:
    """ "a review of benefits and harms": after a plural noun, an "-s" word whose stem is a
    noun ("harm") is the second noun of a pair, not a second verb."""
    return _is_plural_noun(before) and _plural_noun_form(verb)


def _but_verb_edit(sentence: Span, tokens: list[Token], k: int, first: Token) -> Edit | None:
    """ "Migraine pills remain first-choice treatments but are not safe to use in heart
    artery disease." -> "... treatments. But they are not safe to use in ...": a second
    verb of the same subject after "but" (a modal, or the same tense) gets "it" or "they"
    as it agrees. Never "but not ..." or "but rarely" with no verb after it."""
    at = k + 1
    if tokens[at].lower_ in ADVERBS_BEFORE_VERB and at + 1 < len(tokens):
        at += 1  # "but rarely causes"
    verb = tokens[at]
    if not verb.is_lower or verb.lower_.endswith("ed"):
        return None
    if verb.lower_ not in MODALS and not _same_tense(first.lower_, verb.lower_):
        return None
    left = tokens[:k]
    right = tokens[k + 1 :]
    if words(left) < MIN_SIDE_WORDS + 1 or words(right) < MIN_SIDE_WORDS:
        return None
    pronoun = "they" if _plural_verb(first) else "it"
    previous = sentence.doc[tokens[k].i - 1]
    start = previous.idx if previous.text == "," else previous.idx + len(previous.text)
    return Edit(start, tokens[k + 1].idx, parts=(". But ", pronoun, " "))


def _same_tense(first: str, second: str) -> bool:
    """Two finite verbs of one subject: the same past or "-s" form, or both plural present
    ("remain ... are")."""
    if not is_finite_verb(second):
        return False
    tense = _tense(first)
    if tense != "other":
        return _tense(second) == tense
    plural = ("are", "have", "do")
    return (first in plural or _is_verb_form(first, "VBP")) and (
        second in plural or _is_verb_form(second, "VBP")
    )


def _verb_after_clause_edits(
    sentence: Span, tokens: list[Token], subject: list[Token], verb_at: int, clause_at: int
) -> list[Edit]:
    """ "The guideline advises using a score to decide whether you can be treated at home,
    and reserves intensive care for people in shock [1]." -> "... treated at home. It also
    reserves intensive care for people in shock [1].": after the clause, ", and" and a verb
    in the main verb's "-s" form, which the clause's own subject cannot take ("you can be
    treated ... and reserves" is no English). Never when a verb in the clause has that form
    too ("whether the drug works, and lowers ...": it may go on the clause)."""
    first_verb = tokens[verb_at]
    if not _is_verb_form(first_verb.lower_, "VBZ") or first_verb.lower_ in AUXILIARIES:
        return []
    for k in range(clause_at + 2, len(tokens) - 2):
        comma, joiner, verb = tokens[k - 1], tokens[k], tokens[k + 1]
        if (comma.text, joiner.lower_) != (",", "and") or not verb.is_lower:
            continue
        if not _is_verb_form(verb.lower_, "VBZ") or tokens[k + 2].lower_ in ("of", ",", "and"):
            return []
        clause = tokens[clause_at + 1 : k - 1]
        if any(t.is_alpha and _is_verb_form(t.lower_, "VBZ") for t in clause):
            return []
        if any(t.lower_ in CLAUSE_WORDS or t.text in (";", ":") for t in clause):
            return []
        left = _slice(sentence.doc, sentence.start, joiner.i)
        right = _slice(sentence.doc, verb.i, sentence.end)
        if words(left) < MIN_SIDE_WORDS + 1 or words(right) < MIN_SIDE_WORDS:
            return []
        return [Edit(comma.idx, verb.idx, parts=_new_subject(subject, then=False))]
    return []


MODALS = frozenset({"should", "can", "may", "must", "might", "could", "will"})


def _modal_edit(sentence: Span, tokens: list[Token], k: int, subject: list[Token]) -> Edit | None:
    """ "Water pills relieve congestion and should be changed slowly." -> "Water pills
    relieve congestion. Water pills should also be changed slowly." ("It"/"They" for a
    longer subject; no "also" before "not")."""
    doc = sentence.doc
    joiner, modal = tokens[k], tokens[k + 1]
    left = _slice(doc, sentence.start, joiner.i)
    right = _slice(doc, modal.i, sentence.end)
    if words(left) < MIN_SIDE_WORDS + 1 or words(right) < MIN_SIDE_WORDS:
        return None
    if len(right) < 2 or not right[1].is_alpha:
        return None
    previous = doc[joiner.i - 1]
    start = previous.idx if previous.text == "," else previous.idx + len(previous.text)
    named = _new_subject(subject, then=False)[1]
    also = "" if right[1].lower_ in ("not", "also") else " also"
    parts = (". ", named, " ", (modal.idx, modal.idx + len(modal.text), "lower"), also)
    return Edit(start, modal.idx + len(modal.text), parts=parts)


def _instruction_edits(sentence: Span, tokens: list[Token]) -> list[Edit]:
    """ "Confirm the diagnosis and keep a headache diary for 4 weeks." -> "Confirm the
    diagnosis. Keep a headache diary for 4 weeks.": two instructions, one after the other.
    Only before a word that can only be a verb ("and obtain", never "and rest", "and urine"),
    and not after "to" or a clause word, where the verb belongs to a smaller clause."""
    doc = sentence.doc
    edits = []
    start_at = 0
    for k in range(2, len(tokens) - 1):
        token, verb = tokens[k], tokens[k + 1]
        if token.lower_ in CLAUSE_WORDS or token.text in (";", ":"):
            return edits
        if token.lower_ != "and" or not verb.is_lower:
            continue
        after_comma = tokens[k - 1].text == ","
        if not (_is_imperative(verb) or (after_comma and _is_base_verb(verb.lower_))):
            continue  # ", and start low": after a comma a noun reading is unlikely
        if verb.lower_ in AUXILIARIES or verb.lower_.endswith("ing"):
            continue
        if any(t.lower_ == "to" for t in tokens[max(start_at, k - 3) : k]):
            continue  # "to count days and plan ...": the second verb shares the "to"
        left, right = tokens[start_at:k], tokens[k + 1 :]
        if words(left) < MIN_SIDE_WORDS or words(right) < MIN_SIDE_WORDS:
            continue
        previous = doc[token.i - 1]
        start = previous.idx if previous.text == "," else previous.idx + len(previous.text)
        edits.append(_capital_edit(verb, ". ", start))
        start_at = k + 1
    return edits


def _is_base_verb(word: str) -> bool:
    return word in lemmas_of(word, "VERB").get("VERB", ())


# In an instruction, ", keeping B" -> ". Keep B": the "-ing" word is a second instruction.
NOT_INSTRUCTIONS = frozenset(
    {"including", "following", "depending", "according", "regarding", "concerning", "using",
     "leading", "causing", "resulting", "making", "given"}
)  # fmt: skip


def instruction_tail_edits(sentence: Span) -> list[Edit]:
    """ "Identify rebound headache, keeping migraine pills below 10 days a month." ->
    "Identify rebound headache. Keep migraine pills below 10 days a month." Only in a
    sentence that opens with an instruction, and only an "-ing" word whose base form is a
    verb ("using", "including" and the verbs of result are left to other rules)."""
    doc = sentence.doc
    if not _comma_before_gerund(sentence):
        return []
    tokens = _in(sentence)
    if not tokens or not (_is_imperative(tokens[0]) or _opens_with_base_verb(tokens)):
        return []
    edits = []
    depths = bracket_depths(doc)
    for k in range(MIN_SIDE_WORDS, len(tokens) - 2):
        comma, word = tokens[k - 1], tokens[k]
        if comma.text == "," and word.lower_ == "before" and not depths[word.i]:
            edits += _before_doing_edit(tokens, k)
            continue
        if comma.text != "," or depths[word.i] or not word.lower_.endswith("ing"):
            continue
        if word.lower_ in NOT_INSTRUCTIONS or word.lower_ in RESULT_VERBS:
            continue
        base = lemmas_of(word.lower_, "VERB").get("VERB", ())
        if not base or not _is_verb_form(word.lower_, "VBG"):
            continue
        if words(tokens[:k]) < MIN_SIDE_WORDS or words(tokens[k + 1 :]) < 2:
            continue
        verb = base[0].capitalize()
        edits.append(Edit(comma.idx, word.idx + len(word.text), f". {verb}"))
    return edits


def _before_doing_edit(tokens: Sequence[Token], k: int) -> list[Edit]:
    """ "Continue a preventive for at least 8 weeks, before judging benefit." -> "... 8
    weeks. Then judge benefit.": the step that comes after, in the order it is done. Only
    when it runs to the end of the sentence."""
    doing = tokens[k + 1]
    if not doing.lower_.endswith("ing") or not _is_verb_form(doing.lower_, "VBG"):
        return []
    rest = tokens[k + 2 :]
    if words(rest) < 1 or any(t.text in CLAUSE_MARKS and t.text != "." for t in rest):
        return []
    if words(tokens[:k]) < MIN_SIDE_WORDS:
        return []
    base = lemmas_of(doing.lower_, "VERB").get("VERB", ())
    if not base:
        return []
    comma = tokens[k - 1]
    return [Edit(comma.idx, doing.idx + len(doing.text), f". Then {base[0]}")]


def _opens_with_base_verb(tokens: Sequence[Token]) -> bool:
    """ "Find rebound headache and plan its stop, keeping ...": a first word that is a verb's
    base form and a noun too ("find", "review", "check") opens an instruction when no finite
    verb comes before the first comma (a noun subject would need one: "Weight loss was ...")."""
    first = tokens[0]
    if not (first.is_title and _is_base_verb(first.lower_)) or first.lower_ in AUXILIARIES:
        return False
    for before, token in pairwise(tokens):
        if token.text in CLAUSE_MARKS:
            return True
        if before.lower_ in DESCRIBING_BEFORE and token.lower_.endswith("ed"):
            continue  # "the overused agent": a describing word
        if token.lower_ in AUXILIARIES or is_finite_verb(token.lower_):
            return False
    return False


def _comma_before_gerund(sentence: Span) -> bool:
    """A ", <-ing word>" or ", before" in the sentence, read off the Doc's token columns."""
    strings = sentence.doc.vocab.strings
    return any(
        word == "before" or word.endswith("ing")
        for word in (strings[o] for o in _after_comma_ids(sentence))
    )


def _repeated_modal_edits(
    sentence: Span, tokens: list[Token], verb_at: int, subject: list[Token]
) -> list[Edit]:
    """ "Doctors should use care when raising the dose, should offer naloxone, and should
    avoid calming pills." -> "Doctors should use care when raising the dose. Doctors should
    offer naloxone. Doctors should also avoid calming pills." The same modal verb after a
    comma or "and" can only go back to the subject, whatever clause came between; so does
    another modal in the same passive shape after "and": "It should not be started when A
    and must be stopped when B." -> "It should not be started when A. It must also be
    stopped when B." (a leading "But" stays with the first), unless the clause between has
    a participle of its own ("when the drug is used and must be ...")."""
    modal = tokens[verb_at].lower_
    passive = _passive_modal(tokens, verb_at)
    cuts = [
        k
        for k in range(verb_at + 2, len(tokens) - 1)
        if (
            tokens[k].lower_ == modal
            and (tokens[k - 1].text == "," or (tokens[k - 1].lower_ == "and" and k - 2 > verb_at))
        )
        or (
            passive
            and tokens[k].lower_ in MODALS
            and tokens[k - 1].lower_ == "and"
            and _passive_modal(tokens, k)
            # "when the drug is used and must be ...": the clause may own the second verb
            and not any(_is_participle_form(t.lower_) for t in tokens[verb_at + 4 : k - 1])
        )
    ]
    while len(subject) > 1 and subject[0].lower_ in LINKING_OPENERS:
        subject = subject[1:]
    doc = sentence.doc
    edits = []
    previous_cut = verb_at
    for number, k in enumerate(cuts):
        joiner = tokens[k - 1]
        start_token = tokens[k - 2] if joiner.lower_ == "and" else joiner
        if start_token.text != "," and joiner.lower_ == "and":
            start_token = joiner
        left = tokens[previous_cut:k]
        following = cuts[number + 1] if number + 1 < len(cuts) else len(tokens)
        right = tokens[k:following]
        if words(left) < MIN_SIDE_WORDS or words(right) < MIN_SIDE_WORDS:
            return []
        if len(right) < 2 or not right[1].is_alpha:
            return []
        last = number + 1 == len(cuts)
        also = "" if right[1].lower_ in ("not", "also") or not last else " also"
        if start_token.text == ",":
            start = start_token.idx
        else:
            before = doc[start_token.i - 1]
            start = before.idx + len(before.text)
        named = _new_subject(subject, then=False)[1]
        modal_token = tokens[k]
        parts = (". ", named, " ", (modal_token.idx, modal_token.idx + len(modal_token.text),
                                    "lower"), also)  # fmt: skip
        edits.append(Edit(start, modal_token.idx + len(modal_token.text), parts=parts))
        previous_cut = k
    return edits


def _passive_modal(tokens: list[Token], at: int) -> bool:
    """ "should not be started", "must be stopped": a modal, "be" and a participle."""
    following = [t.lower_ for t in tokens[at + 1 : at + 4]]
    if following[:1] == ["not"]:
        following = following[1:]
    return len(following) >= 2 and following[0] == "be" and _is_participle_form(following[1])


SERIES_VERB_NEXT = DETERMINERS | {"any", "all", "each", "every", "other", "that", "whether"}


def _modal_series_edits(
    sentence: Span, tokens: list[Token], verb_at: int, subject: list[Token]
) -> list[Edit]:
    """ "The doctor should document your joint score, exclude other causes of pain, and
    complete the tests [1]." -> "The doctor should document your joint score. The doctor
    should also exclude other causes of pain. The doctor should also complete the tests
    [1].": one modal verb, then verbs in their base form after commas, the last after ",
    and". Said again with the subject, each is a sentence. Only a word that can only be a
    verb or that a determiner follows ("offer talk therapy, exercise, and rest" is a list of
    nouns); never after ", or" (a choice), nor when a clause word or the "to" of a verb
    comes between (the verbs may belong to it)."""
    if verb_at + 1 >= len(tokens) or not _is_base_verb(tokens[verb_at + 1].lower_):
        return []
    cuts: list[tuple[int, int]] = []  # (index of the comma, index of the verb)
    for k in range(verb_at + 2, len(tokens) - 1):
        token = tokens[k]
        if token.lower_ in CLAUSE_WORDS or token.text in (";", ":"):
            break
        if token.lower_ == "to" and (k == verb_at + 2 or _is_imperative(tokens[k + 1])):
            break  # "aim to lower A, keep B, and stop C": the verbs may share the "to"
        if not token.is_lower or token.lower_ in AUXILIARIES or not _is_base_verb(token.lower_):
            continue
        joined = tokens[k - 1].lower_ == "and" and tokens[k - 2].text == ","
        if tokens[k - 1].text != "," and not joined:
            continue
        if tokens[k - 1].lower_ == "or" or not (
            _is_imperative(token) or tokens[k + 1].lower_ in SERIES_VERB_NEXT
        ):
            continue
        cuts.append((k - 2 if joined else k - 1, k))
        if joined:
            break
    if not cuts or tokens[cuts[-1][1] - 1].lower_ != "and":
        return []  # no ", and <verb>" closes the series
    bounds = [verb_at, *(verb for _, verb in cuts), len(tokens)]
    if any(words(tokens[a:b]) < 3 for a, b in pairwise(bounds)):
        return []
    modal = tokens[verb_at]
    named = _new_subject(subject, then=False)[1]
    edits = []
    for number, (comma, verb) in enumerate(cuts):
        also = " also " if number + 1 == len(cuts) else " "
        parts = (". ", named, " ", (modal.idx, modal.idx + len(modal.text), "lower"), also)
        edits.append(Edit(tokens[comma].idx, tokens[verb].idx, parts=parts))
    return edits


LINKING_OPENERS = frozenset({"so", "but", "and", "yet", "then"})


def _passive_pair_edits(
    sentence: Span, tokens: list[Token], verb_at: int, subject: list[Token]
) -> list[Edit]:
    """ "Suicide risk should be assessed at the start and reviewed closely during the first
    weeks [1]." -> "Suicide risk should be assessed at the start. Suicide risk should also
    be reviewed closely during the first weeks [1].": two past participles of one passive
    verb group ("should be", "is", "are"), the second after "and" with no verb group of its
    own. Only when a preposition or an "-ly" word follows the second participle ("assessed
    for pain and swollen joints": "swollen" describes a noun), with no clause word between."""
    first = tokens[verb_at]
    k = _passive_participle(tokens, verb_at)
    if k is None:
        return []
    for j in range(k + 2, len(tokens) - 2):
        token, participle, after = tokens[j], tokens[j + 1], tokens[j + 2]
        if token.lower_ in CLAUSE_WORDS or token.text in (";", ":", ","):
            return []
        if token.lower_ != "and" or not participle.is_lower:
            continue
        if not _is_participle_form(participle.lower_):
            continue
        if after.lower_ not in VERB_PREPOSITIONS and not after.lower_.endswith("ly"):
            continue
        if words(tokens[verb_at:j]) < MIN_SIDE_WORDS or words(tokens[j + 1 :]) < 3:
            return []
        while subject and subject[0].lower_ in LINKING_OPENERS:
            subject = subject[1:]  # "So suicide risk should ...": the link stays in front
        if not subject:
            return []
        named = _new_subject(subject, then=False)[1]
        verb_group = (first.idx, first.idx + len(first.text), "lower")
        be = " also be " if first.lower_ in MODALS else " also "
        previous = tokens[j - 1]
        parts = (". ", named, " ", verb_group, be)
        return [Edit(previous.idx + len(previous.text), participle.idx, parts=parts)]
    return []


def _passive_participle(tokens: list[Token], verb_at: int) -> int | None:
    """Where the participle of a passive verb group at `verb_at` stands ("should be
    assessed", "is advised"), if the verb group is one."""
    k = verb_at + 1
    if tokens[verb_at].lower_ in MODALS:
        if k >= len(tokens) or tokens[k].lower_ != "be":
            return None
        k += 1
    elif tokens[verb_at].lower_ not in ("is", "are", "was", "were"):
        return None
    if k >= len(tokens) or not _is_participle_form(tokens[k].lower_):
        return None
    return k


GROUP_PREPOSITIONS = frozenset({"in", "for"})


def _in_compound(token: Token) -> bool:
    """ "coughed-up mucus", "well-tolerated": a word joined by a hyphen is part of a word."""
    doc = token.doc
    after = token.i + 1 < len(doc) and doc[token.i + 1].text == "-" and not token.whitespace_
    before = token.i > 0 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_
    return after or before


def _long_subject(subject: list[Token]) -> bool:
    """A subject of more words than `_is_subject` takes, led as a subject is."""
    first = subject[0]
    return (
        words(subject) > MAX_REPEATED_SUBJECT
        and first.lower_ not in NOT_SUBJECTS
        and (first.lower_ in SUBJECT_STARTS or first.text[:1].isupper())
        and not any(t.lower_ in CLAUSE_WORDS or is_citation(t) or t.text == "," for t in subject)
    )


def _second_group_edits(tokens: list[Token], verb_at: int) -> list[Edit]:
    """ "Cultures are advised before treatment in people with severe A and in those treated
    for B." -> "Cultures are advised before treatment in people with severe A. This also
    applies to those treated for B.": a passive verb group said of two groups of people,
    each led by the same "in" or "for". "This also applies" reads right whatever the first
    sentence becomes next ("... before treatment. This applies to people with severe A."),
    where a "They" could be read as the people. Only with no clause word or ";"/":" before
    the second group."""
    first = tokens[verb_at]
    k = _passive_participle(tokens, verb_at)
    if k is None:
        return []
    for j in range(k + 2, len(tokens) - 3):
        token, preposition, people = tokens[j], tokens[j + 1], tokens[j + 2]
        if token.lower_ in CLAUSE_WORDS or token.text in (";", ":"):
            return []
        if token.lower_ != "and" or preposition.lower_ not in GROUP_PREPOSITIONS:
            continue
        if people.lower_ not in PEOPLE_WORDS:
            continue
        if not any(t.lower_ == preposition.lower_ for t in tokens[k + 1 : j]):
            continue  # "advised before treatment and in those ...": no first group
        if words(tokens[verb_at:j]) < MIN_SIDE_WORDS or words(tokens[j + 1 :]) < 3:
            return []
        previous = tokens[j - 1]
        applies = "applied" if first.lower_ in ("was", "were") else "applies"
        return [Edit(previous.idx + len(previous.text), people.idx, f". This also {applies} to ")]
    return []


def _second_finding(
    sentence: Span, tokens: list[Token], subject: list[Token], verb: Token
) -> list[Edit]:
    """ "X found that A, and that B" -> "X found that A. X also found that B"."""
    for k in range(2, len(tokens) - 1):
        comma, joiner, that = tokens[k - 2], tokens[k - 1], tokens[k]
        if (comma.text, joiner.lower_, that.lower_) != (",", "and", "that"):
            continue
        right = _slice(sentence.doc, that.i + 1, sentence.end)
        if words(right) < MIN_SIDE_WORDS:
            return []
        parts = (*_new_subject(subject, then=False), f"{verb.text} that")
        return [Edit(comma.idx, that.idx + len(that.text), parts=parts)]
    return []


VERB_PREPOSITIONS = frozenset(
    {"for", "in", "to", "with", "at", "on", "after", "until", "during", "from", "by"}
)
VERB_GROUP_WORDS = frozenset({"be", "been", "not", "also", "only", "usually", "often", "still"})


def _elided_verb_edits(sentence: Span) -> list[Edit]:
    """ "A pill is advised for adults with diabetes, and for those without diabetes when ..."
    -> "A pill is advised for adults with diabetes. It is also advised for those without
    diabetes when ...": after ", and" the verb was left out, and the reader has to carry it
    across a long first half; the new sentence says it again. Only a verb group with a
    past participle ("is advised", "should be continued") or a modal verb ("should
    continue"), a preposition right after ", and" (", but not" too), and no verb of its own
    after that ("..., and in 2 trials the rate fell", "..., and with A, the risk is")."""
    tokens = _in(sentence)
    if not tokens or not tokens[0].text[:1].isupper():
        return []  # a list item in note form has no subject to repeat
    aux_at = next((k for k, t in enumerate(tokens) if t.lower_ in AUXILIARIES), None)
    if not aux_at or tokens[0].lower_ in NOT_SUBJECTS:
        return []
    if any(t.text in CLAUSE_MARKS or t.lower_ in CLAUSE_WORDS for t in tokens[:aux_at]):
        return []
    k = aux_at + 1
    while k < len(tokens) and tokens[k].lower_ in VERB_GROUP_WORDS:
        k += 1
    if k + 1 >= len(tokens):
        return []
    participle = tokens[k]
    modal_verb = tokens[aux_at].lower_ in MODALS and _is_base_verb(participle.lower_)
    if not participle.is_alpha or not (modal_verb or _is_verb_form(participle.lower_, "VBN")):
        return []  # "is advised", "should be continued", "should continue"
    depths = bracket_depths(sentence.doc)
    for j in range(k + 2, len(tokens) - 3):
        comma, joiner, again = tokens[j], tokens[j + 1], tokens[j + 2]
        if comma.text != "," or depths[comma.i]:
            continue
        negated = (joiner.lower_, again.lower_) == ("but", "not")
        if negated:
            again = tokens[j + 3]  # ", but not in clinic patients": "in" opens the rest
            if again.lower_ not in VERB_PREPOSITIONS:
                continue
        elif joiner.lower_ != "and" or again.lower_ not in VERB_PREPOSITIONS:
            continue
        right = tokens[again.i - tokens[0].i + 1 :]
        if words(tokens[:j]) < MIN_SIDE_WORDS + 1:
            return []
        if words(right) < MIN_SIDE_WORDS - 1 or _verb_before_clause(right):
            return []
        aux = tokens[aux_at]
        aux_end = aux.idx + len(aux.text)
        also = "" if any(t.lower_ == "also" for t in tokens[aux_at:k]) else " also"
        parts = (
            ". ", _repeated_subject(tokens[:aux_at], aux), " ", (aux.idx, aux_end, "lower"),
            " not" if negated else also, (aux_end, participle.idx + len(participle.text), ""),
            " ",
        )  # fmt: skip
        return [Edit(comma.idx, again.idx, parts=parts)]
    return []


ADVISING_VERBS = frozenset(
    {"advises", "advise", "recommends", "recommend", "suggests", "suggest", "favors", "favor"}
)
MAX_ADVISER_WORDS = 6


def _group_item_edits(sentence: Span) -> list[Edit]:
    """ "The group advises a plan of A, B, and, in people with D, E [1]." -> "The group
    advises a plan of A and B. In people with D, it also advises E [1].": the last thing
    advised holds for one group only, and said in a sentence of its own it keeps its group
    at its head. Only after a short subject and a verb of advice, with the group led by
    "in"/"for" and naming people, and one short thing after it."""
    doc = sentence.doc
    depths = bracket_depths(doc)
    tokens = [t for t in _in(sentence) if not depths[t.i]]
    verb_at = next((k for k, t in enumerate(tokens) if t.lower_ in ADVISING_VERBS), None)
    if not verb_at or verb_at > MAX_ADVISER_WORDS or _any_clause_verb(tokens[:verb_at]):
        return []
    if tokens[0].lower_ in PREPOSITIONS | CLAUSE_WORDS or tokens[0].is_punct:
        return []
    for k in range(verb_at + 2, len(tokens) - 3):
        if not (tokens[k - 1].text == "," and tokens[k].lower_ == "and"):
            continue
        if tokens[k + 1].text != "," or tokens[k + 2].lower_ not in GROUP_PREPOSITIONS:
            return []
        close = next((j for j in range(k + 3, len(tokens)) if tokens[j].text == ","), None)
        if close is None or not any(t.lower_ in PEOPLE_WORDS for t in tokens[k + 2 : close]):
            return []
        thing = [t for t in tokens[close + 1 :] if not is_citation(t) and t.text != "."]
        if not thing or any(t.text in CLAUSE_MARKS for t in thing) or _any_clause_verb(thing):
            return []
        if words(thing) > MAX_ITEM_WORDS:
            return []
        if tokens[-1].text != "." or any(
            not is_citation(t) for t in tokens[tokens.index(thing[-1]) + 1 : -1]
        ):
            return []
        item_comma = next((j for j in range(k - 2, verb_at, -1) if tokens[j].text == ","), None)
        edits = []
        if item_comma is not None:
            item = tokens[item_comma + 1 : k - 1]
            if words(item) > MAX_ITEM_WORDS or _any_clause_verb(item):
                return []
            if item[0].lower_ not in DETERMINERS:
                return []  # "a layered, risk-based plan": a comma between describing words
            mark = tokens[item_comma]
            edits.append(Edit(mark.idx, mark.idx + 1, " and"))
        pronoun = "It" if tokens[verb_at].lower_.endswith("s") else "They"
        group_first, group_last = tokens[k + 2], tokens[close - 1]
        edits.append(
            Edit(tokens[k - 1].idx, thing[0].idx, parts=(
                ". ",
                (group_first.idx, group_last.idx + len(group_last.text), "upper"),
                f", {pronoun.lower()} also {tokens[verb_at].lower_} ",
            ))
        )  # fmt: skip
        return edits
    return []


def _repeated_subject(subject: list[Token], verb: Token) -> Part:
    """The subject said again: a short one as written ("The mood medicine"), else "It" or
    "They" as the verb agrees ("are" -> "They"); also for one led by "a" ("A pill ... . A
    pill is also ..." would read as a second pill)."""
    if subject[0].lower_ not in ("a", "an") and words(subject) <= MAX_REPEATED_SUBJECT:
        return _new_subject(subject, then=False)[1]
    if verb.lower_ in ("are", "were", "have", "do"):
        return "They"
    if verb.lower_ in ("is", "was", "has", "does"):
        return "It"
    return "They" if _is_plural_noun(subject[-1]) else "It"


def _verb_before_clause(tokens: Sequence[Token]) -> bool:
    """A verb of its own before any clause word: "in 2 trials the rate fell", "with
    rituximab, the risk is higher"."""
    for token in tokens:
        if token.lower_ in CLAUSE_WORDS or token.text in (";", ":", "(", ")"):
            return False
        if token.lower_ in AUXILIARIES or is_finite_verb(token.lower_):
            return True
    return False


STEP_ADVERBS = frozenset({"first", "initially", "usually", "also", "now"})


def _gerund_step_edits(sentence: Span) -> list[Edit]:
    """ "The guidelines advise first checking the dose, and then stepping up by adding a
    drug [1]." -> "The guidelines advise first checking the dose. Then they advise stepping
    up by adding a drug [1].": one verb with two "-ing" steps as its objects; each step gets
    its sentence, the verb said again after "Then". Only when the first "-ing" word follows
    the verb at once (or after "first"), and the second opens ", then" or ", and then"."""
    tokens = _in(sentence)
    depths = bracket_depths(sentence.doc)
    verb_at = next((k for k in range(1, len(tokens) - 2) if _takes_steps(tokens, k)), None)
    if verb_at is None or not _is_subject(tokens[:verb_at]):
        return []
    if any(is_finite_verb(t.lower_) for t in tokens[:verb_at]):
        return []  # "The team found people taking ...": "people" is no verb of the subject
    first = verb_at + 1 + (tokens[verb_at + 1].lower_ in STEP_ADVERBS)
    for j in range(first + 2, len(tokens) - 2):
        comma = tokens[j]
        if comma.text != "," or depths[comma.i]:
            continue
        after = [t.lower_ for t in tokens[j + 1 : j + 3]]
        then_at = j + 2 if after == ["and", "then"] else j + 1 if after[0] == "then" else None
        if then_at is None or then_at + 1 >= len(tokens) or not _is_gerund(tokens[then_at + 1]):
            continue
        step = tokens[then_at + 1]
        if words(tokens[:j]) < MIN_SIDE_WORDS + 1 or words(tokens[then_at + 1 :]) < MIN_SIDE_WORDS:
            return []
        verb = tokens[verb_at]
        pronoun = "they" if _is_plural_noun(tokens[verb_at - 1]) else "it"
        parts = (f". Then {pronoun} ", (verb.idx, verb.idx + len(verb.text), ""), " ")
        return [Edit(comma.idx, step.idx, parts=parts)]
    return []


def _long_objects_edits(sentence: Span) -> list[Edit]:
    """ "The guidelines advise a scope test in women over 50 and in men, celiac blood testing
    with an IgA level, and testing for stomach germs." -> "The guidelines advise a scope test
    in women over 50 and in men. They also advise celiac blood testing with an IgA level.
    They also advise testing for stomach germs.": one verb with three or more objects, too
    long for a list (`series_lists` takes short ones). Only a plain subject and verb that
    open the sentence, objects split at commas with ", and" before the last, and no verb or
    clause word in any of them."""
    if not _closes_with_full_stop(sentence):
        return []
    depths = bracket_depths(sentence.doc)
    tokens = _in(sentence)
    verb_at = next((k for k in range(1, min(len(tokens), 14)) if _is_series_verb(tokens[k])), None)
    if verb_at is None or not _is_subject(tokens[:verb_at]):
        return []
    if any(t.text in CLAUSE_MARKS for t in tokens[:verb_at]):
        return []
    end = len(tokens)
    while end > verb_at and (tokens[end - 1].text in CLOSING_MARKS or is_citation(tokens[end - 1])):
        end -= 1
    body = tokens[verb_at + 1 : end]
    commas = [k for k, t in enumerate(body) if t.text == "," and not depths[t.i]]
    if len(commas) < 2 or body[commas[-1] + 1].lower_ != "and":
        return []
    groups = [body[a + 1 : b] for a, b in zip([-1, *commas], [*commas, len(body)], strict=True)]
    groups[-1] = groups[-1][1:]  # the "and" before the last object
    if any(words(g) < 2 or _verb_or_clause(g) for g in groups):
        return []
    if all(words(g) <= MAX_ITEM_WORDS for g in groups):
        return []  # short objects read well in one sentence, or as a list (`series_lists`)
    if any(t.lower_ in SHARED_COMPLEMENTS for t in groups[-1][1:]):
        return []  # "..., and mood at 48 weeks in all adults": "in all adults" may be for all
    verb = tokens[verb_at]
    if _is_verb_form(verb.lower_, "VBZ") or _is_verb_form(verb.lower_, "VBP"):
        pronoun = "It" if _is_verb_form(verb.lower_, "VBZ") else "They"  # "advises", "advise"
    else:
        pronoun = "They" if _is_plural_noun(tokens[verb_at - 1]) else "It"
    edits = []
    for k in commas:
        comma, first = body[k], body[k + 1]
        if first.lower_ == "and":
            first = body[k + 2]
        edits.append(Edit(comma.idx, first.idx, f". {pronoun} also {verb.lower_} "))
    return edits


def _verb_or_clause(tokens: Sequence[Token]) -> bool:
    return any(
        t.lower_ in CLAUSE_WORDS | AUXILIARIES or t.text in (";", ":")
        or (is_finite_verb(t.lower_) and not t.lower_.endswith("ed"))
        for t in tokens
    )  # fmt: skip


def _takes_steps(tokens: Sequence[Token], k: int) -> bool:
    """ "advise first checking", "favors starting": a verb with an "-ing" word as object."""
    verb = tokens[k]
    if not verb.is_alpha or verb.is_title or verb.lower_ in AUXILIARIES or _depth_at(verb):
        return False
    if not any(_is_verb_form(verb.lower_, tag) for tag in ("VBZ", "VBP", "VBD")):
        return False
    first = k + 1 + (tokens[k + 1].lower_ in STEP_ADVERBS)
    return first < len(tokens) and _is_gerund(tokens[first])


def _is_gerund(token: Token) -> bool:
    return token.is_alpha and token.lower_.endswith("ing") and _is_verb_form(token.lower_, "VBG")


def _finding_verb_edits(
    sentence: Span, tokens: list[Token], subject: list[Token], verb_at: int
) -> list[Edit]:
    """ "The trial also found that the drug reduced A (risk 0.86) and lowered B by 38% [3]."
    -> "The trial also found that the drug reduced A (risk 0.86). The trial also found that
    the drug lowered B by 38% [3].": two results of one finding, each with who found it.
    Only a short subject after "that" (it is said again) and a second verb of the same tense
    right after "and"; never inside a smaller clause ("that people who started A and
    stepped up ..."), nor before an "-ed" word that describes a noun."""
    that_at = verb_at + 1
    inner_verb_at = next(
        (k for k in range(that_at + 2, min(len(tokens), that_at + 6))
         if is_finite_verb(tokens[k].lower_)),
        None,
    )  # fmt: skip
    if inner_verb_at is None:
        return []
    inner = tokens[that_at + 1 : inner_verb_at]
    if words(inner) > MAX_REPEATED_SUBJECT or not _is_subject(inner):
        return []
    tense = _tense(tokens[inner_verb_at].lower_)
    if tense == "other":
        return []
    for k in range(inner_verb_at + 2, len(tokens) - 1):
        token, verb = tokens[k], tokens[k + 1]
        if token.lower_ in CLAUSE_WORDS or token.text in (";", ":"):
            return []
        if token.lower_ != "and" or _tense(verb.lower_) != tense or not verb.is_lower:
            continue
        if lemmas_of(verb.lower_, "NOUN") or not is_finite_verb(verb.lower_):
            continue  # "and rates", "and death": a noun as likely as a verb
        if verb.lower_.endswith("ed") and any(t.lower_ == "with" for t in tokens[that_at:k]):
            continue  # "adults with diabetes and established heart disease": it describes
        left = _slice(sentence.doc, sentence.start, token.i)
        right = _slice(sentence.doc, verb.i, sentence.end)
        if words(left) < MIN_SIDE_WORDS + 2 or words(right) < MIN_SIDE_WORDS:
            return []
        finder = tokens[verb_at]
        parts = (
            ". ", _repeated_subject(subject, finder), " also ",
            (finder.idx, finder.idx + len(finder.text), ""), " that ",
            (inner[0].idx, inner[-1].idx + len(inner[-1].text), ""), " ",
        )  # fmt: skip
        previous = sentence.doc[token.i - 1]
        start = previous.idx if previous.text == "," else previous.idx + len(previous.text)
        return [Edit(start, verb.idx, parts=parts)]
    return []


def _is_subject(subject: list[Token]) -> bool:
    first = subject[0]
    return (
        first.lower_ not in NOT_SUBJECTS
        and not first.is_punct
        and (first.lower_ in SUBJECT_STARTS or first.text[:1].isupper()
             or _hyphen_joined_count(subject) <= 3 or _counted_group(subject))
        and not any(t.lower_ in CLAUSE_WORDS or is_citation(t) for t in subject)
        and (words(subject) <= 6 or _long_named_subject(subject) or _counted_group(subject))
    )


def _hyphen_joined_count(subject: list[Token]) -> int:
    """ "symptom-triggered gel" is two words, not the four tokens spaCy makes of it (a
    subject that short after an opening phrase was refused as too long to repeat)."""
    return sum(1 for t in subject if t.text != "-" and not _in_compound_after_hyphen(t))


def _in_compound_after_hyphen(token: Token) -> bool:
    doc = token.doc
    return token.i > 0 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_


MAX_COUNTED_GROUP = 12
IRREGULAR_PLURALS = frozenset({"women", "men", "children", "people", "feet", "teeth", "mice"})


def _counted_group(subject: list[Token]) -> bool:
    """ "223 adults with hard-to-treat depression": a count of people or things, then what
    they had in common; it names one group however long, and reads back as "They"."""
    return (
        len(subject) > 1
        and subject[0].like_num
        and (_is_plural_noun(subject[1]) or subject[1].lower_ in IRREGULAR_PLURALS)
        and words(subject) <= MAX_COUNTED_GROUP
        and not any(t.text in ("(", ",") for t in subject)
    )


def _long_named_subject(subject: list[Token]) -> bool:
    """ "the US lung doctors' group/US infection doctors' group guideline": a longer subject
    that opens with "the" and holds no verb or preposition, so it can only name one thing."""
    return (
        subject[0].lower_ in ("the", "this", "these")
        and words(subject) <= 12
        and not any(
            t.lower_ in NOT_SUBJECTS or t.text in ("(", ",") or _is_verb_form(t.lower_, "VBD")
            for t in subject[1:]
        )
    )


def _tense(word: str) -> str:
    if word in MODALS | {"would", "shall"}:
        return "other"  # lemminflect reads "should" as the past of "shall"
    if word in ("was", "were", "had", "did") or _is_verb_form(word, "VBD"):
        return "past"
    if word in ("is", "has", "does") or _is_verb_form(word, "VBZ"):
        return "present"
    return "other"


def _new_subject(subject: list[Token], then: bool) -> tuple[Part, ...]:
    if words(subject) <= MAX_REPEATED_SUBJECT:
        start, end = subject[0].idx, subject[-1].idx + len(subject[-1].text)
        named = (start, end, "upper")
    else:
        plural = _is_plural_noun(subject[-1]) or _counted_group(subject)
        named = "They" if plural else "It"
    return (". Then ", named, " ") if then else (". ", named, " also ")


def _is_plural_noun(token: Token) -> bool:
    lower = token.lower_
    if lower in ("they", "we", "you", "people", "al."):
        return True
    lemmas = lemmas_of(lower, "NOUN").get("NOUN", ())
    return lower.endswith("s") and bool(lemmas) and lower not in lemmas


ASSIGNING_VERBS = frozenset({"randomized", "randomised", "allocated", "assigned"})
PLACING_VERBS = frozenset({"allocated", "assigned"})  # need their "to ..." to read whole
RANGE_WORDS = frozenset({"mild", "moderate", "severe", "low", "high", "up", "from", "close"})


def trial_group_edits(sentence: Span) -> list[Edit]:
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


SENTENCE_STRATEGIES: dict[str, Callable[[Span], list[Edit]]] = {
    "semicolons": semicolon_edits,
    "relative_clauses": relative_clause_edits,
    "coordinated_clauses": coordinated_clause_edits,
    "subordinate_clauses": subordinate_clause_edits,
    "participial_tails": participial_tail_edits,
    "parentheticals": parenthetical_edits,
    "verb_coordinations": verb_coordination_edits,
    "trial_groups": trial_group_edits,
}


# A strategy can only act on a block that has one of these words (a cheap test first).
TRIGGERS: dict[str, frozenset[str]] = {
    "semicolons": frozenset({";", ":"}),
    "relative_clauses": frozenset({*RELATIVE_OPENERS, "whom", "which", "that", ","}),
    "coordinated_clauses": frozenset({*CONJUNCTIONS, "or", "then"}),
    "subordinate_clauses": frozenset(
        {opener[0] for opener in TAIL_OPENERS}
        | CONDITION_OPENERS
        | TIME_LEADS
        | PEOPLE_WORDS  # "In adults with X, B": only a sentence that names people
        | CONTRAST_OPENERS
        | CAUSE_OPENERS
    ),
    "participial_tails": frozenset(
        {*RESULT_VERBS, *DESCRIBING_PARTICIPLES, *TYPICAL_WORDS, *MAINLY_WORDS, *VERSUS_WORDS,
         "compared", "with", "rather", "depending", *SIGN_NOUNS, *OUTCOME_NOUNS, "per",
         *LIKENESS_WORDS, "such", "without", "from",
         *USE_FORMS}
    ),
    "parentheticals": frozenset({"(", *(opener[0] for opener in EXAMPLE_OPENERS)}),
    "verb_coordinations": frozenset({"and", "then", "but", "before"}),
    "trial_groups": ASSIGNING_VERBS,
    "series_lists": frozenset({",", ":"}),
}


def apply_strategy(
    name: str,
    block: RenderedBlock,
    analysed: Analysed,
    max_words: int,
    only: frozenset[str] | None = None,
) -> list[RenderedBlock] | None:
    """The block after one strategy, or None when no long sentence of it changes; with
    `only`, the sentences whose text is not in it are left as they are."""
    if block.kind == "heading":
        return None
    triggers = TRIGGERS[name]
    if block.kind == "list_item" and name in LIST_ITEM_STRATEGIES:
        triggers = triggers | {",", "to"}  # a dose note: "10mg daily, changed step by step to ..."
    if analysed.lowers.isdisjoint(triggers):
        return None
    long_sentences = [
        (s, offset)
        for (s, sentence_words), lowers, offset in zip(
            analysed.sentences, analysed.sentence_lowers, analysed.sentence_offsets, strict=True
        )
        if len(sentence_words) > max_words
        and not lowers.isdisjoint(triggers)
        and (only is None or span_text(s) in only)
    ]
    if not long_sentences:
        return None
    if name == "series_lists":
        if block.kind != "paragraph":
            return None
        found = [
            _shifted_series(series, offset)
            for sentence, offset in long_sentences
            if (series := find_series(sentence)) is not None
        ]
        if not found:
            return None
        # Last series first: each split keeps the text before it, offsets unchanged, as the
        # lead block, so an earlier series of the same paragraph is split in that lead.
        blocks = [block]
        for series in reversed(found):
            blocks = split_series(blocks[0], series) + blocks[1:]
        return blocks
    edits = []
    for sentence, offset in long_sentences:
        found = sentence_edits(name, sentence, block.kind, offset)
        if found:
            found += _it_named_after_split_edits(analysed, sentence)
        edits += found
    return [rewrite(block, edits)] if edits else None


def _it_named_after_split_edits(analysed: Analysed, sentence: Span) -> list[Edit]:
    """ "Methotrexate is started ... if A, with B given ... [2]. It must not be used ...":
    split, the sentence before "It" ends on another subject ("B is given ..."), so "It" is
    read as B. When the split sentence opens with a one-word name ("The pill" too) and its
    verb, and the next sentence opens with "It" and its verb, the name stands for "It"."""
    starts = [s for s, _ in analysed.sentences]
    at = next((k for k, s in enumerate(starts) if s is sentence), None)
    if at is None or at + 1 >= len(starts):
        return []
    following = starts[at + 1]
    if len(following) < 2 or following[0].text != "It" or not _opens_with_its_verb(following[1]):
        return []
    subject = _one_word_subject(sentence)
    if subject is None:
        return []
    start = analysed.sentence_offsets[at + 1] + following[0].idx
    return [Edit(start, start + len("It"), subject)]


def _one_word_subject(sentence: Span) -> str | None:
    """ "Methotrexate is started ...": a capitalised noun, then its verb; or "The pill is
    taken ...", which "It" points back at as "The pill"."""
    if len(sentence) < 2:
        return None
    first = sentence[0]
    if first.text == "The" and len(sentence) > 2 and sentence[1].is_alpha:
        noun = sentence[1]
        if noun.is_lower and not is_finite_verb(noun.lower_) and _opens_with_its_verb(sentence[2]):
            return f"The {noun.text}"
        return None
    if not (first.is_alpha and first.is_title) or first.lower_ in (
        NOT_SUBJECTS | PRONOUNS | DETERMINERS | CLAUSE_WORDS
    ):
        return None
    return first.text if _opens_with_its_verb(sentence[1]) else None


def _opens_with_its_verb(token: Token) -> bool:
    return token.lower_ in AUXILIARIES or (token.is_lower and is_finite_verb(token.lower_))


def _shifted_series(series: Series, offset: int) -> Series:
    """A series found in a sentence's own Doc, on offsets of the whole block text."""
    if not offset:
        return series
    return replace(
        series,
        trigger_end=series.trigger_end + offset,
        items=tuple((a + offset, b + offset) for a, b in series.items),
        sentence_end=series.sentence_end + offset,
    )


FOLLOW_UP_ROUNDS = 2
# The rules that read where a clause starts and what its subject is, which a split changes.
# The others look for a mark the sentence already had when they ran on it (";", ", which",
# a bracket, "randomized"), and a series becomes a list of its own making; on the new
# sentences of the example articles they found nothing, at a third of the follow-up's time.
FOLLOW_UP_STRATEGIES = frozenset(
    {"coordinated_clauses", "subordinate_clauses", "participial_tails", "verb_coordinations"}
)


def follow_up(
    blocks: list[RenderedBlock],
    before: Analysed,
    steps: Sequence[str],
    analyse: Callable[[list[RenderedBlock]], list[Analysed]],
    max_words: int,
) -> list[RenderedBlock]:
    """`blocks`, what one strategy made of a block whose analysis was `before`, with the
    sentences that split made run through `steps` (the `FOLLOW_UP_STRATEGIES` so far, in
    order) once more. A split can leave a sentence that an earlier strategy, or the same one, would
    split: "EMPA-REG enrolled 7,020 people and found that D reduced A and lowered B" ->
    "... . EMPA-REG also found that D reduced A and lowered B", a finding with two results;
    "Doctors should offer naloxone when the risk is high" after a repeated "should". Only
    the new long sentences are read (the old ones have had every step), never one that
    opens with a phrase or clause ("Before adding a drug, the doctor should document A."):
    its opener speaks for the sentences split from it too, and turned round it would seem
    to hold for the first alone."""
    old = frozenset(span_text(sentence) for sentence, _ in before.sentences)
    for _ in range(FOLLOW_UP_ROUNDS):
        changed = False
        followed: list[RenderedBlock] = []
        for block, analysed in zip(blocks, analyse(blocks), strict=True):
            fresh = frozenset(
                text
                for sentence, sentence_words in analysed.sentences
                if len(sentence_words) > max_words
                and sentence[0].lower_ not in LEADING_SUBORDINATORS
                and (text := span_text(sentence)) not in old
            )
            if not fresh:
                followed.append(block)
                continue
            for step in steps:
                new = apply_strategy(step, block, analysed, max_words, only=fresh)
                if new is not None:
                    followed += new
                    changed = True
                    break
            else:
                followed.append(block)
        if not changed:
            break
        blocks = followed
    return blocks


EDITS_REMEMBERED = 16384
_remembered_edits: dict[tuple[str, str, str], tuple[Edit, ...]] = {}


def sentence_edits(name: str, sentence: Span, kind: str, offset: int = 0) -> list[Edit]:
    """One strategy's edits of one sentence, worked out once per sentence text, on
    offsets of the block text (`offset`: where the sentence's Doc starts in it).

    A strategy reads only the sentence's own tokens, and most long sentences come
    back unchanged: in the next step, after a split elsewhere in their paragraph,
    after `replace_terms` re-renders, and in the other lay audiences.
    """
    key = (name, kind, span_text(sentence))
    relative = _remembered_edits.get(key)
    if relative is None:
        edits = SENTENCE_STRATEGIES[name](sentence)
        if kind == "list_item" and name in LIST_ITEM_STRATEGIES:
            edits += LIST_ITEM_STRATEGIES[name](sentence)
        relative = tuple(_shifted(edit, -sentence.start_char) for edit in edits)
        if len(_remembered_edits) >= EDITS_REMEMBERED:
            _remembered_edits.pop(next(iter(_remembered_edits)))
        _remembered_edits[key] = relative
    return [_shifted(edit, offset + sentence.start_char) for edit in relative]


def forget_edits() -> None:
    _remembered_edits.clear()


def _shifted(edit: Edit, offset: int) -> Edit:
    if not offset:
        return edit
    parts = tuple(
        part if isinstance(part, str) else (part[0] + offset, part[1] + offset, part[2])
        for part in edit.parts
    )
    return Edit(edit.start + offset, edit.end + offset, edit.text, parts)


ALTERNATIVE_DOSE_WINDOW = 6


def _shared_tail(right: Sequence[Token]) -> bool:
    """ "..., or 3 months for a shot, before judging benefit": a later comma (not one
    before the next "or") opens words that belong to every choice, so the choices stay."""
    depths = bracket_depths(right[0].doc)
    return any(
        t.text == "," and not depths[t.i] and (k + 1 >= len(right) or right[k + 1].lower_ != "or")
        for k, t in enumerate(right)
    )


SCHEDULE_WORDS = frozenset({"regularly", "yearly", "monthly", "weekly", "daily", "annually"})


def alternative_dose_edits(sentence: Span) -> list[Edit]:
    """In a list item in note form, "A 10mg daily, or B 50 mg daily" -> "A 10mg daily. Or B
    50 mg daily": each choice with its own dose reads on its own. Only where both sides
    carry a number and the choice after ", or" names its dose within a few words. A next
    step of a schedule too: "at weeks 0, 2 and 6, then every 8 weeks" -> "... 6. Then every
    8 weeks"; a drug added to either choice: "A 875mg or B 200 mg twice daily, plus C 500mg
    daily" -> "... twice daily. Plus C 500mg daily". A closing note for every choice gets a
    sentence of its own first (`_whole_item_tail`), so it no longer holds the choices together."""
    edits: list[Edit] = []
    doc = sentence.doc
    start = sentence.start
    tail_at, tail = _whole_item_tail(sentence)
    for token, _, right in _after_commas(sentence, {"or", "then", "plus"}):
        if token.i > tail_at:
            break
        right = _slice(doc, token.i + 1, tail_at)  # a note for every choice reads on its own
        before = _slice(doc, start, token.i - 1)  # since the last choice split off
        if words(before) < MIN_SIDE_WORDS + 1:
            continue
        least = MIN_SIDE_WORDS - (token.lower_ == "then")  # ", then every 8 weeks"
        if words(right) < least or right[0].lower_ in COMPARATIVES:
            continue
        if not any(t.like_num for t in before) or not _own_conditions(before, right):
            continue  # "referral when A, B, or C": the choices are conditions of one clause
        # ", then regularly on stable treatment": the next step needs no number of its own
        schedule = token.lower_ == "then" and right[0].lower_ in SCHEDULE_WORDS
        dosed = any(t.like_num for t in right[:ALTERNATIVE_DOSE_WINDOW])
        limit = None if schedule or dosed else _choice_limit(token, right)
        if not schedule and not dosed and limit is None:
            continue
        # a limited choice: its limit is a clause, the words before it must hold no verb
        clause = _has_finite_verb(right[:limit]) if limit else _starts_clause(right)
        if clause or _shared_tail(right):
            continue  # "..., or the risk score reaches 5%": one of several conditions
        if token.lower_ == "plus" and any(t.text == "," for t in right):
            continue  # "A or B, plus C, or D alone": D stands for the whole combination
        joiner = {"then": ". Then", "plus": ". Plus"}.get(token.lower_, ". Or")
        edits.append(Edit(doc[token.i - 1].idx, token.idx + len(token.text), joiner))
        start = token.i + 1
    return edits + tail


ALL_CHOICES_WORDS = frozenset({"both", "either"})
NEEDED_WORDS = frozenset({"needed", "required"})


def _whole_item_tail(sentence: Span) -> tuple[int, list[Edit]]:
    """A closing note that speaks for every choice of a list item, said as a sentence of its
    own so the choices can part: ", never both together" -> ". Never use both together"
    (only after a choice joined by "or"), ", with no dose change needed" -> ". No dose change
    is needed" (after a number). The token index of its comma (the sentence's end when there
    is none), and the edits."""
    doc = sentence.doc
    tokens = _in(sentence)
    end = len(tokens) - (tokens[-1].text in (".", "!", "?"))
    depths = bracket_depths(doc)
    comma = next(
        (k for k in range(end - 1, 0, -1) if tokens[k].text == "," and not depths[tokens[k].i]),
        None,
    )
    if comma is None or end - comma < 3:
        return sentence.end, []
    before, tail = tokens[:comma], tokens[comma + 1 : end]
    if words(before) < MIN_SIDE_WORDS or any(t.text in CLAUSE_MARKS for t in tail):
        return sentence.end, []
    first, mark = tail[0], tokens[comma]
    if first.lower_ in ("never", "not") and tail[1].lower_ in ALL_CHOICES_WORDS:
        if not any(t.lower_ == "or" and not depths[t.i] for t in before) or len(tail) > 4:
            return sentence.end, []
        lead = ". Never use" if first.lower_ == "never" else ". Do not use"
        return mark.i, [Edit(mark.idx, first.idx + len(first.text), lead)]
    if first.lower_ != "with" or tail[1].lower_ != "no" or tail[-1].lower_ not in NEEDED_WORDS:
        return sentence.end, []
    noun_phrase = tail[2:-1]
    if not noun_phrase or any(is_finite_verb(t.lower_) for t in noun_phrase):
        return sentence.end, []
    if not any(t.like_num for t in before) or _any_clause_verb(before):
        return sentence.end, []
    no, needed = tail[1], tail[-1]
    return mark.i, [
        Edit(mark.idx, no.idx + 1, parts=(". ", (no.idx, no.idx + 1, "upper"))),
        Edit(needed.idx, needed.idx, _be(_names_plural(noun_phrase), False) + " "),
    ]


CHOICE_LIMITS = frozenset({"where", "when", "if"})


def _choice_limit(joiner: Token, right: Sequence[Token]) -> int | None:
    """ "..., or a macrolide only where resistance is below 25%": a choice with no dose of
    its own still reads on its own when it carries its own limit, a clause with a figure
    (the finerenone choice above has one too); where that limit opens. "or a drug of the
    same kind" and "or a fluoroquinolone alone" have none and stay with the choices before
    them."""
    if joiner.lower_ != "or":
        return None
    limit = next((k for k, t in enumerate(right) if t.lower_ in CHOICE_LIMITS), None)
    if not limit or not _any_verb(right[limit + 1 :]):
        return None
    return limit if any(t.like_num for t in right[limit + 1 :]) else None


def _own_conditions(before: Sequence[Token], right: Sequence[Token]) -> bool:
    """ "10mg daily when the score is 25-59, or 20 mg daily when it is 60 or higher": each
    choice with a clause of its own ("when" on both sides) is a choice; a clause word on
    the left alone opens a clause the choice after ", or" completes."""
    opened = {t.lower_ for t in before if t.lower_ in CLAUSE_WORDS}
    return opened <= {t.lower_ for t in right}


# "..., changed step by step to 20 mg" -> "... . The dose is changed ...": verbs of a dose.
DOSE_CHANGES = frozenset(
    {"changed", "increased", "raised", "lowered", "reduced", "decreased", "adjusted", "doubled",
     "halved", "repeated", "titrated", "tapered"}
)  # fmt: skip
NOTE_ADVERBS = frozenset({"preferably", "usually", "often", "then", "ideally", "best"})


DOSE_SIZES = frozenset({"lower", "higher", "reduced", "smaller", "larger", "half"})


def _other_dose(tokens: Sequence[Token]) -> bool:
    """ "a lower dose": not one more thing to take, but the dose to use instead."""
    words_ = [t.lower_ for t in tokens]
    return len(words_) == 3 and words_[0] in ("a", "an") and words_[1] in DOSE_SIZES and (
        words_[2] == "dose"
    )


def dose_note_tail_edits(sentence: Span) -> list[Edit]:
    """In a list item in note form, a dose and then a participle that says what is done
    with it: "glargine 10 units daily, changed step by step by 2 units every 3 days to ..."
    -> "glargine 10 units daily. The dose is changed step by step by 2 units ...";
    "..., preferably combined with azathioprine" -> "... . It is preferably combined with
    azathioprine" ("They are" after a plural name). Only after a number, and only a past
    participle right after the comma (or after "preferably", "usually" ...): "if used at
    all" stays, and so do "-ing" words except a change before "from"/"to" ("..., switching
    from A to B" -> "... . It is switched from A to B"). What goes with a note reads on its
    own too: "..., with
    an enzyme test in some groups" -> "... . Also an enzyme test in some groups", but "...,
    with a lower dose in kidney disease" -> "... . Use a lower dose in kidney disease"."""
    doc = sentence.doc
    tokens = _in(sentence)
    depths = bracket_depths(doc)
    edits = []
    start = 0
    for k in range(2, len(tokens) - 3):
        comma = tokens[k - 1]
        if comma.text != "," or depths[comma.i]:
            continue
        if tokens[k].lower_ == "with":
            if _with_note(tokens[start : k - 1], tokens[k + 1 :]):
                lead = ". Use " if _other_dose(tokens[k + 1 : k + 4]) else ". Also "
                edits.append(Edit(comma.idx, tokens[k + 1].idx, lead))
                start = k
            continue
        lead = 1 if tokens[k].lower_ in NOTE_ADVERBS else 0
        participle = tokens[k + lead]
        switched = _switch_participle(tokens[k + lead :])
        if switched is not None:
            before = tokens[start : k - 1]
            if any(t.like_num for t in before) and words(before) >= MIN_SIDE_WORDS:
                subject = "The dose is" if switched in DOSE_CHANGES else "It is"
                end = participle.idx + len(participle.text)
                edits.append(Edit(comma.idx, end, f". {subject} {switched}"))
                start = k
            continue
        if not participle.is_lower or not _is_participle_form(participle.lower_):
            continue
        before, after = tokens[start : k - 1], tokens[k + lead + 1 :]
        if not any(t.like_num for t in before) or words(before) < MIN_SIDE_WORDS:
            continue
        if words(after) < 2 or after[0].is_punct:
            continue
        if participle.lower_ in DOSE_CHANGES:
            subject = "The dose is"
        else:
            head = next((t for t in tokens[:k] if t.like_num), tokens[0])
            named = doc[head.i - 1] if head.i > sentence.start else head
            subject = "They are" if _is_plural_noun(named) else "It is"
        edits.append(Edit(comma.idx, tokens[k].idx, f". {subject} "))
        start = k
    return edits


SWITCH_GERUNDS = frozenset({"switching", "increasing", "raising", "lowering", "changing"})


def _switch_participle(after: Sequence[Token]) -> str | None:
    """ "..., switching from by-mouth to under-the-skin dosing when ..." -> "switched": a
    dose note's "-ing" word of change right before "from" or "to", which reads as what is
    done with the dose ("It is switched from ..."). Never with an object of its own
    ("reducing mouth sores" says what the drug does)."""
    if len(after) < 3 or after[0].lower_ not in SWITCH_GERUNDS:
        return None
    if after[1].lower_ not in ("from", "to"):
        return None
    lemmas = lemmas_of(after[0].lower_, "VERB").get("VERB", ())
    forms = [form for lemma in lemmas for form in forms_of(lemma, "VBN")]
    return forms[0] if forms else None


def _with_note(before: Sequence[Token], after: Sequence[Token]) -> bool:
    """ "sulfasalazine 2-3g daily in split doses, with an enzyme test in some groups": the
    words before ", with" are a note (no verb of their own), and a few words follow that
    name something, after a note that is no denial ("with no dose change needed", "no
    sign of A, with B measured": "Also" would blur what is denied)."""
    return (
        words(before) >= MIN_SIDE_WORDS
        and words(after) >= MIN_SIDE_WORDS - 1
        and before[0].lower_ not in NEGATING_WORDS
        and after[0].lower_ not in NEGATING_WORDS
        and not _any_clause_verb(before)
        and not any(t.text in (";", ":") for t in before)
        and not _with_gives_a_value(after)
        and not _with_tells_how_a_step_goes(before, after)
    )


# Words that may stand between "with" and the noun a value is given for ("with a target of").
VALUE_NOUN_LEADS = frozenset({"a", "an", "the", "its", "their"})


def _with_gives_a_value(after: Sequence[Token]) -> bool:
    """ "dialysis, with an INR target of 2.0 to 3.0": a noun and "of" a figure gives a
    value of what the note names ("Also a clotting test target of 2.0 to 3.0" would read
    as one more thing to do or to have). The "of" comes after no more than a determiner and
    a few words of one noun, each a plain word."""
    for k, token in enumerate(after[:6]):
        if token.lower_ == "of":
            return 0 < k < len(after) - 1 and after[k + 1].like_num
        if not token.is_alpha or (token.is_stop and token.lower_ not in VALUE_NOUN_LEADS):
            return False
    return False


def _with_tells_how_a_step_goes(before: Sequence[Token], after: Sequence[Token]) -> bool:
    """ "adding a sleep pill, with watching for falls at every visit" is one step, and its
    "with" says how the step is taken: after an item that opens with an "-ing" word, "Also
    watching for falls ..." would read as one more step of the list."""
    return _is_gerund(before[0]) and _is_gerund(after[0])


# "at baseline to screen for A": verbs that say what a test or check in a note is for.
PURPOSE_VERBS = frozenset(
    {"screen", "check", "test", "look", "rule", "detect", "catch", "spot", "track", "watch",
     "confirm", "exclude", "assess", "gauge"}
)  # fmt: skip
MIN_NOTE_PURPOSE_WORDS = 3


def _note_purpose_edits(sentence: Span) -> list[Edit]:
    """In a list item in note form, what the tests are for: "blood count, calcium and
    phosphate at the start to screen for low blood counts and bone disease" -> "... at the
    start. The aim is to screen for low blood counts and bone disease". Only a verb of
    checking after "to" ("rules to hold A" say what to do, not why), after a note with no
    verb of its own."""
    tokens = _in(sentence)
    depths = bracket_depths(sentence.doc)
    for k in range(MIN_SIDE_WORDS, len(tokens) - MIN_NOTE_PURPOSE_WORDS):
        to, verb = tokens[k], tokens[k + 1]
        if to.lower_ != "to" or verb.lower_ not in PURPOSE_VERBS or depths[to.i]:
            continue
        before, after = tokens[:k], tokens[k + 2 :]
        if words(before) < MIN_SIDE_WORDS or words(after) < MIN_NOTE_PURPOSE_WORDS - 1:
            return []
        if before[-1].is_punct or before[0].lower_ in NEGATING_WORDS or _any_clause_verb(before):
            return []
        return [Edit(before[-1].idx + len(before[-1].text), to.idx, ". The aim is ")]
    return []


def _note_tail_edits(sentence: Span) -> list[Edit]:
    """The tails of a note: a dose's participle or an added "with", else a purpose."""
    return dose_note_tail_edits(sentence) or _note_purpose_edits(sentence)


# Rules for list items in note form only ("Or 50mg twice daily." is no sentence in a paragraph).
LIST_ITEM_STRATEGIES: dict[str, Callable[[Span], list[Edit]]] = {
    "coordinated_clauses": alternative_dose_edits,
    "participial_tails": _note_tail_edits,
}


# "is considered difficult to treat" sorts a case; "should be considered" has "should".
ADVICE_WORDS = (RECOMMENDATION_WORDS - {"considered"}) | {"advises", "prefers", "favors"}
# "So, X is preferred": the link to the sentence before has no place at the top.
POINTING_WORDS = frozenset({"it", "they", "this", "these", "those", "he", "she", "such"})
STEP_WORDS = frozenset({"then", "afterwards", "thereafter"})
SUMMARY_LINKS = frozenset({"so", "therefore", "thus", "consequently", "hence", "but", "and", "yet"})
# Sentences a split makes of a recommendation's conditions: they go with it into a summary.
LIMITING_OPENERS = (("this", "applies"), ("this", "also", "applies"), ("this", "is", "done"))


def add_summaries(
    rendition: Rendition, analysed: Sequence, prefix: str, canonical: Sequence
) -> Rendition:
    """Lead with the action: a section whose canonical text ends in a recommendation gets
    that recommendation, as rendered, at its top after `prefix` ("What this means for
    you:"). In the rendition, definitions may follow it and its conditions may have become
    sentences of their own ("This applies when ..."): the summary is the last sentence of
    advice from that source block that is no definition, with the conditions after it, so
    it never says more than the article does."""
    blocks = list(rendition.blocks)
    heading_indices = [i for i, b in enumerate(blocks) if b.kind == "heading"]
    inserts = []
    for position, heading in enumerate(heading_indices):
        end = heading_indices[position + 1] if position + 1 < len(heading_indices) else len(blocks)
        if end - heading < 2 or blocks[end - 1].kind == "heading":
            continue
        source = blocks[end - 1].source
        if not _ends_in_advice(canonical[source]):
            continue
        found = _rendered_advice(blocks, analysed, range(end - 1, heading, -1), source)
        if found is not None:
            index, start, stop = found
            inserts.append((heading + 1, _summary(blocks[index], start, stop, prefix)))
    for index, summary in reversed(inserts):
        blocks.insert(index, summary)
    return replace(rendition, blocks=tuple(blocks))


def _ends_in_advice(item: Analysed) -> bool:
    return bool(item.sentences) and _gives_advice(item.sentences[-1][0])


# "pain beyond what the skin shows, which suggests a deep infection": a finding that
# suggests is evidence, not advice; "which should be avoided" still advises.
EVIDENCE_OPENERS_BEFORE_SUGGEST = frozenset({"which", "that"})
SUGGEST_FORMS_OF_EVIDENCE = frozenset({"suggest", "suggests", "suggested"})


def _gives_advice(sentence: Span) -> bool:
    """An advice word that is not a finding's "which suggests"."""
    return any(
        t.lower_ in ADVICE_WORDS
        and not (
            t.lower_ in SUGGEST_FORMS_OF_EVIDENCE
            and t.i > sentence.start
            and t.nbor(-1).lower_ in EVIDENCE_OPENERS_BEFORE_SUGGEST
        )
        for t in sentence
    )


# "the team should record that this was discussed": "this" inside the advice points back at
# the sentences before it, which the top of the section does not have
POINTING_BACK_INSIDE_ADVICE = frozenset({"this", "these"})


def _rendered_advice(
    blocks: Sequence[RenderedBlock], analysed: Sequence, indices: Iterable[int], source: int
) -> tuple[int, int, int] | None:
    """(block, start, end) of the last advice from `source`, with the conditions after it."""
    for index in indices:
        block, item = blocks[index], analysed[index]
        if block.source != source:
            return None
        definitions = _definition_texts(block)
        sentences = list(zip(item.sentences, item.sentence_offsets, strict=True))
        for position in range(len(sentences) - 1, -1, -1):
            (sentence, _), offset = sentences[position]
            text = span_text(sentence)
            if text in definitions or text.endswith(":"):
                continue
            if not _gives_advice(sentence):
                continue
            first = _after_link(sentence)
            if first.lower_ in POINTING_WORDS:
                return None  # "It must also be stopped.": alone at the top it names nothing
            if any(t.lower_ in POINTING_BACK_INSIDE_ADVICE for t in sentence[1:]):
                return None
            if any(t.lower_ in STEP_WORDS for t in sentence[first.i - sentence.start :][:6]):
                return None  # "A should then be checked": the step before is not at the top
            stop = offset + sentence.end_char
            for (after, _), after_offset in sentences[position + 1 :]:
                if not any(_opener_at(after, 0, (opener,)) for opener in LIMITING_OPENERS):
                    break
                stop = after_offset + after.end_char
            return index, offset + first.idx, stop
    return None


def _after_link(sentence: Span) -> Token:
    """The sentence's first word past a linking "So," "Therefore" or "But"."""
    if len(sentence) > 2 and sentence[0].lower_ in SUMMARY_LINKS:
        return sentence[2] if sentence[1].text == "," else sentence[1]
    return sentence[0]


def _definition_texts(block: RenderedBlock) -> frozenset[str]:
    """The definitions the block's terms may have added, as the reader sees them."""
    return frozenset(
        text
        for term in block.terms
        if term.definition
        for text in (term.definition.strip(), named_definition(term.definition, term.replacement))
    )


def _summary(block: RenderedBlock, start: int, end: int, prefix: str) -> RenderedBlock:
    first = block.text[start : start + 1]
    word = block.text[start:].split(" ", 1)[0].split("-", 1)[0]
    keep_capital = len(word) > 1 and (word.isupper() or not word.istitle())  # "MTX", "eGFR"
    lowered = first if keep_capital else first.lower()
    text = f"{prefix} {lowered}{block.text[start + 1 : end]}"
    offset = len(prefix) + 1 - start
    summary = replace(block, kind=SUMMARY, level=0, ordered=False)
    return _moved(summary, text, lambda o: o + offset if start <= o <= end else -1, 0, len(text))
