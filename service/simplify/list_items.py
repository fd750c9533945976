"""Rules for list items in note form only (`LIST_ITEM_STRATEGIES`): a dose choice or step, a
dose's participle, a note for every choice, what a note's tests are for. "Or 50mg twice
daily." is no sentence in a paragraph, so these run after their strategy's own rule and
only in list items.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Span, Token

from ..lexicon import forms_of, lemmas_of
from ..render import indefinite_article
from .edits import Edit
from .tokens import (
    CLAUSE_MARKS,
    CLAUSE_WORDS,
    COMPARATIVES,
    JOINERS,
    MIN_SIDE_WORDS,
    NEGATING_WORDS,
    _after_commas,
    _any_clause_verb,
    _any_verb,
    _be,
    _has_finite_verb,
    _in,
    _is_gerund,
    _is_participle_form,
    _is_plural_noun,
    _names_plural,
    _slice,
    _starts_clause,
    bracket_depths,
    is_finite_verb,
    words,
)

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
     "halved", "repeated", "titrated", "tapered", "adapted"}
)  # fmt: skip
NOTE_ADVERBS = frozenset({"preferably", "usually", "often", "then", "ideally", "best"})


DOSE_SIZES = frozenset({"lower", "higher", "reduced", "smaller", "larger", "half"})
# "..., with caution because of A" -> ". Use caution because of A": a way to use the drug,
# not one more thing to take ("Also caution because of A" read as a note with no verb).
CARE_NOTES = frozenset({"caution", "care"})


def _other_dose(tokens: Sequence[Token]) -> bool:
    """ "a lower dose": not one more thing to take, but the dose to use instead."""
    words_ = [t.lower_ for t in tokens]
    return (
        len(words_) == 3
        and words_[0] in ("a", "an")
        and words_[1] in DOSE_SIZES
        and (words_[2] == "dose")
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
                used = _other_dose(tokens[k + 1 : k + 4]) or tokens[k + 1].lower_ in CARE_NOTES
                lead = ". Use " if used else _also(tokens[k + 1 :])
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
        and after[0].lower_ not in JOINERS  # "with or without food": whichever, nothing added
        and not _any_clause_verb(before)
        and not any(t.text in (";", ":") for t in before)
        and not _with_gives_a_value(after)
        and not _with_tells_how_a_step_goes(before, after)
    )


# Heads of a check one has one of: after "Also" such a name takes "a" ("with G6PD testing"
# reads "with red cell enzyme test", and "Also red cell enzyme test" lacked its article).
COUNTED_CHECKS = frozenset({"test", "scan", "exam", "check", "assessment", "panel", "count"})
# Words that end the name of what a note's "with" adds ("in at-risk groups", "if ...").
CHECK_NAME_ENDS = frozenset({"in", "if", "when", "for", "at", "after", "before", "of", "every"})


def _also(after: Sequence[Token]) -> str:
    """ ". Also a red cell enzyme test in at-risk groups": a check named with no article
    gets "a"; "Also closer liver checking" (no counted head) and "Also the ..." stay."""
    first = after[0]
    if not first.is_alpha or first.is_stop or not first.is_lower:
        return ". Also "
    head = first
    for token in after[1:]:
        if not token.is_alpha or token.lower_ in CHECK_NAME_ENDS:
            break
        head = token
    if head.lower_ not in COUNTED_CHECKS:
        return ". Also "
    return f". Also {indefinite_article(first.text)} "


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
