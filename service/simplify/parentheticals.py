"""`parentheticals`: an aside in brackets, or examples after "e.g." or "including", moves
behind the claim as a sentence of its own ("Examples are A, B or C."), and so does a figure
that names itself ("The risk comparison was 0.61.").
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy
from spacy.tokens import Span, Token

from ..lexicon import lemmas_of
from ..nlp import is_citation, token_columns
from .edits import Edit, Part
from .tokens import (
    AUXILIARIES,
    CLAUSE_WORDS,
    CLOSING_MARKS,
    DETERMINERS,
    LEADING_SUBORDINATORS,
    MAX_ASIDE_WORDS,
    MIN_SIDE_WORDS,
    NOT_SUBJECTS,
    PREPOSITIONS,
    _any_clause_verb,
    _be,
    _before_brackets,
    _closes_with_full_stop,
    _comma_before,
    _continues_series,
    _has_verb,
    _in,
    _is_clause_verb,
    _is_plural_noun,
    _next_mark,
    _opener_at,
    _reports_the_past,
    _slice,
    _starts_clause,
    _tells_the_past,
    _words_outside_brackets,
    bracket_depths,
    is_finite_verb,
    words,
)

EXAMPLE_OPENERS = {
    ("e.g.",): "Examples are ",
    ("such", "as"): "Examples are ",
    ("for", "example"): "Examples are ",
    ("including",): "These include ",
}
EXAMPLE_STARTS = frozenset(opener[0] for opener in EXAMPLE_OPENERS)
ONE_EXAMPLE = "An example is "


def _example_lead(opener: tuple[str, ...], body: Sequence[Token]) -> str:
    """ "Examples are A or B", but "An example is a stroke": one example named with "a",
    or one name with its dose ("An example is ceftriaxone 2 g by vein")."""
    lead = EXAMPLE_OPENERS[opener]
    named_once = body[0].lower_ in ("a", "an") or (len(body) > 1 and body[1].like_num)
    one = named_once and not any(t.text == "," or t.lower_ in ("and", "or") for t in body)
    return ONE_EXAMPLE if one and lead.startswith("Examples") else lead


def parenthetical_edits(sentence: Span) -> list[Edit]:
    """An aside in brackets moves to its own sentence after the claim: "(e.g. A, B or C)"
    -> "Examples are A, B or C."; a bracketed clause with its own verb -> its own sentence;
    a figure too (`_figure_parts`). Brackets that introduce an abbreviation or a brand stay
    where they are, and so does a figure that neither names itself nor follows what it
    measures ("The rate fell (72.5% vs. 80%) over 6 months")."""
    pairs = _bracket_pairs(sentence)
    if not pairs and not _comma_before(sentence, EXAMPLE_STARTS | NAMELY_WORDS):
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
    return (
        _example_tail_edits(sentence)
        or _example_aside_edits(sentence)
        or _subject_example_aside_edits(sentence)
        or _namely_aside_edits(sentence)
    )


NAMELY_WORDS = frozenset({"i.e.", "namely"})
NAMELY_POINTERS = frozenset({"their", "its", "the", "these", "this", "your", "his", "her"})
MAX_NAMELY_NOUN_WORDS = 3


def _namely_aside_edits(sentence: Span) -> list[Edit]:
    """ "Their side effects, i.e. A, B and C, outweigh the benefit [1]." -> "Their side
    effects outweigh the benefit [1]. These side effects are A, B and C.": an aside that
    says what a subject is, between it and its verb, keeps the reader from the claim; read
    after it, it names the subject again ("This ... is" for one thing), as "These" alone
    could point at the claim's last noun. Only a subject of a pointing word and up to three
    plain nouns, an aside of names with no verb, and a verb right after it."""
    if not _comma_before(sentence, NAMELY_WORDS):
        return []
    tokens = _in(sentence)
    for k in range(2, len(tokens) - 3):
        comma, word = tokens[k - 1], tokens[k]
        if word.lower_ not in NAMELY_WORDS or comma.text != ",":
            continue
        closing = next(
            (j for j in range(k + 2, len(tokens) - 1)
             if tokens[j].text == "," and _has_verb(tokens[j + 1 : j + 2])),
            None,
        )  # fmt: skip
        if closing is None or bracket_depths(sentence.doc)[comma.i]:
            return []
        body, rest = tokens[k + 1 : closing], tokens[closing + 1 :]
        if _words_outside_brackets(body) > MAX_ASIDE_WORDS or _any_clause_verb(body):
            return []
        if body[0].lower_ in PREPOSITIONS or words(rest) < MIN_SIDE_WORDS:
            return []
        if any(t.lower_ in CLAUSE_WORDS for t in body):
            return []  # "the ones that last": a clause of its own
        pointer = next(
            (j for j in range(k - 2, max(-1, k - 3 - MAX_NAMELY_NOUN_WORDS), -1)
             if tokens[j].lower_ in NAMELY_POINTERS),
            None,
        )  # fmt: skip
        if pointer is None:
            return []
        noun = tokens[pointer + 1 : k - 1]
        if not noun or not all(t.is_alpha and t.is_lower for t in noun):
            return []
        if not lemmas_of(noun[-1].lower_, "NOUN"):
            return []
        plural = _is_plural_noun(noun[-1])
        named = " ".join(t.text for t in noun)
        lead = f" These {named} are " if plural else f" This {named} is "
        last = body[-1]
        moved = (lead, (body[0].idx, last.idx + len(last.text), ""), ".")
        return [
            Edit(comma.idx, rest[0].idx, " "),
            Edit(sentence.end_char, sentence.end_char, parts=moved),
        ]
    return []


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
        # one figure in the middle of the claim is named too: behind the sentence it would
        # read as the last outcome's ("for recurrence (5.6% vs. 7.9%) without more bleeding")
        named = len(compared) > 1 or not _ends_claim(_slice(doc, close.i + 1, sentence.end))
        if named and outcome is not None:
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


OUTCOME_STOPS = NOT_SUBJECTS | DETERMINERS | PREPOSITIONS | {"versus", "vs"}


def _measured_outcome(before: Sequence[Token]) -> tuple[int, int] | None:
    """The short noun phrase right before a figure ("new cases of serious heart events"
    -> "serious heart events"), on character offsets; None after a verb ("fell"). In "the
    risk of stroke compared with a dummy pill (0.8% vs. 1.9%)" the figures are the risk of
    stroke in each group, so the outcome is read before what it is compared with."""
    named = _outcome_words(before)
    stop = len(before) - len(named) - 1
    comparator = _comparator_start(before, stop) if named else None
    if comparator is not None:
        return _measured_outcome(before[:comparator])
    after_of = stop >= 2 and before[stop - 1].lower_ == "of"
    if named and after_of and before[stop].lower_ in DETERMINERS:
        # "return of the problem": the words after "of the" are not the outcome on their own
        head = _outcome_words(before[: stop - 1])
        named = [*named, *before[stop - 1 : stop + 1][::-1], *head] if head else []
    hyphens = sum(1 for t in named if t.text == "-")
    if not named or len(named) - 2 * hyphens > MAX_LABEL_WORDS or len(named) == len(before):
        return None
    first, last = named[-1], named[0]
    return first.idx, last.idx + len(last.text)


def _comparator_start(before: Sequence[Token], stop: int) -> int | None:
    """Where "compared with", "compared to" or "versus" opens, when the words after
    `stop` are what an outcome is compared with ("compared with a dummy pill")."""
    if stop >= 0 and before[stop].lower_ in DETERMINERS:
        stop -= 1
    if stop < 0:
        return None
    word = before[stop].lower_
    if word in ("versus", "vs", "vs."):
        return stop
    if word in ("with", "to") and stop >= 1 and before[stop - 1].lower_ == "compared":
        return stop - 1
    return None


def _outcome_words(before: Sequence[Token]) -> list[Token]:
    """The words right before a point, last first, up to a stop word or a verb."""
    named: list[Token] = []
    for token in reversed(before):
        glued = named and _hyphen_glued(token, named[-1])
        if not glued and (
            not token.is_alpha or token.lower_ in OUTCOME_STOPS or is_finite_verb(token.lower_)
        ):
            break
        named.append(token)
    return named


def _hyphen_glued(token: Token, following: Token) -> bool:
    """ "intention-to-treat": a hyphen with no space either side and the words it joins are
    one word, whatever the words are ("to"), so an outcome is never "treat analysis"."""
    if token.whitespace_:
        return False
    return token.text == "-" or (following.text == "-" and not following.whitespace_)


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
        lead = _one_thing_includes(opener, tokens[: k - 1]) or _example_lead(opener, body)
        if lead == EXAMPLE_OPENERS[("including",)] and _one_thing_before(tokens[: k - 1]):
            lead = "This includes "  # "need a repeat evaluation. This includes a scan"
        if opener == ("including",) and _tells_the_past(tokens[: k - 1]):
            lead = _included(lead)
        parts = (*citations, ". " + lead,
                 (body[0].idx, last.idx + len(last.text), ""), ".")  # fmt: skip
        return [Edit(comma.idx, sentence.end_char, parts=parts)]
    return []


def _included(lead: str) -> str:
    """ "The trial enrolled 600 adults, including many over 80" -> "These included many
    over 80": the claim tells the past, and "These include" would say it of now."""
    return lead.replace(" includes ", " included ").replace(" include ", " included ")


MAX_INCLUDING_NAME = 3


def _one_thing_includes(opener: tuple[str, ...], before: Sequence[Token]) -> str:
    """ "... and a vaccination review, including A" -> "... . The review includes A": "These
    include" would point at no plural noun (after a list, at its items). Only a singular
    noun led by "a", "an" or "the" and up to three plain words, named by its head (the
    words before it cost grade and the head is enough to point back); else ""."""
    if opener != ("including",):
        return ""
    named: list[Token] = []
    for k in range(len(before) - 1, -1, -1):
        token = before[k]
        if token.lower_ in ("a", "an", "the") and named:
            head = named[0]
            if _is_plural_noun(head) or not lemmas_of(head.lower_, "NOUN"):
                return ""
            if k and before[k - 1].lower_ == "of":
                return ""  # "a review of the chart, including A": the review includes A
            return f"The {head.text} includes "
        if not (token.is_alpha and token.is_lower) or token.is_stop:
            return ""
        named.append(token)
        if len(named) > MAX_INCLUDING_NAME:
            return ""
    return ""


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


def _one_thing_before(before: Sequence[Token]) -> bool:
    """ "need repeat gut evaluation, including a bowel scan": the examples follow one thing,
    which "These include" would not agree with."""
    if not before or before[-1].text == ")":
        return False  # "more common with A (10% vs. 5%), including B": B is the outcome's
    noun = before[-1]
    singular = lemmas_of(noun.lower_, "NOUN").get("NOUN", ())
    return noun.is_alpha and noun.is_lower and noun.lower_ in singular


def _these_point_back(before: Sequence[Token], rest: Sequence[Token]) -> bool:
    """ "These include A and B", read after the claim, must point back at the plural noun
    the examples followed, with no other plural noun read since: "hidden bleeding,
    including A and B, is the main concern in men and women" would make "These" the men
    and women."""
    noun = _before_brackets(before)
    if noun is None or not _is_plural_noun(noun):
        return False
    return not any(t.is_alpha and _is_plural_noun(t) for t in rest)


SUBJECT_EXAMPLE_LEADS = {False: "Examples of these ", True: "An example of these "}
MAX_SUBJECT_ASIDE_WORDS = 12  # "People taking strong drug-clearing liver enzyme blockers"


def _subject_example_aside_edits(sentence: Span) -> list[Edit]:
    """ "Older drugs, e.g. A or B, are used only when C [1]." -> "Older drugs are used only
    when C [1]. Examples of these drugs are A or B.": examples between the subject and its
    verb keep the reader waiting for the claim. "Examples are" alone, read after the claim,
    could name examples of its object, so the subject's plural head is said again. Only a
    subject with no verb, a short aside of names, then the verb; never a singular head
    ("People at high risk, such as those with A, ...") or an opening phrase ("In adults, such
    as ...")."""
    tokens = _in(sentence)
    comma = next((k for k, t in enumerate(tokens[:-1]) if t.text == ","), None)
    if comma is None or comma < 1 or tokens[comma + 1].lower_ not in EXAMPLE_STARTS:
        return []
    if words(tokens[:comma]) > MAX_SUBJECT_ASIDE_WORDS:
        return []
    opener = _opener_at(tokens, comma + 1, EXAMPLE_OPENERS)
    if opener is None or bracket_depths(sentence.doc)[tokens[comma].i]:
        return []
    subject, head = tokens[:comma], tokens[comma - 1]
    if subject[0].lower_ in LEADING_SUBORDINATORS | PREPOSITIONS or _has_verb(subject):
        return []
    if not (head.is_alpha and head.is_lower and _plural_head(head)):
        return []
    closing = _next_mark(tokens, comma + 1 + len(opener), CLOSING_MARKS)
    if closing is None or tokens[closing].text != ",":
        return []
    body, rest = tokens[comma + 1 + len(opener) : closing], tokens[closing + 1 :]
    if not body or _words_outside_brackets(body) > MAX_ASIDE_WORDS or _any_clause_verb(body):
        return []
    if body[0].lower_ in PREPOSITIONS or words(rest) < MIN_SIDE_WORDS:
        return []
    if not (rest[0].lower_ in AUXILIARIES or is_finite_verb(rest[0].lower_)):
        return []
    last = body[-1]
    one = body[0].lower_ in ("a", "an") and not any(
        t.text == "," or t.lower_ in ("and", "or") for t in body
    )
    lead = f" {SUBJECT_EXAMPLE_LEADS[one]}{head.text} {'is' if one else 'are'} "
    moved = (lead, (body[0].idx, last.idx + len(last.text), ""), ".")
    return [
        Edit(tokens[comma].idx, rest[0].idx, " "),
        Edit(sentence.end_char, sentence.end_char, parts=moved),
    ]


def _plural_head(token: Token) -> bool:
    """ "drugs", and "blockers", which the word lists do not know: an unknown word in "-s"
    (not "-ss", "-us", "-is") is read as a plural noun."""
    if _is_plural_noun(token):
        return True
    lower = token.lower_
    if not lower.endswith("s") or lower.endswith(("ss", "us", "is")):
        return False
    return not lemmas_of(lower, "NOUN") and not lemmas_of(lower, "VERB")


def moves_subject_examples(edits: Sequence[Edit]) -> bool:
    """Whether `edits` move a subject's examples behind the claim (`_subject_example_aside_edits`),
    which must not come between the claim and a "This is because ..." split off before."""
    leads = tuple(" " + lead for lead in SUBJECT_EXAMPLE_LEADS.values())
    return any(
        edit.parts and isinstance(edit.parts[0], str) and edit.parts[0].startswith(leads)
        for edit in edits
    )
