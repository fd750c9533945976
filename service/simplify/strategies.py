"""The strategy tables and the glue that runs them: the rule behind each strategy name, the
cheap trigger words that skip a block, one strategy over one block (`apply_strategy`), the
edits remembered per sentence text (`sentence_edits`) and the second pass over the
sentences a split made (`follow_up`). The engine chooses the order; this module applies
one strategy.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from spacy.tokens import Span, Token

from ..analysis import Analysed, candidate_pieces
from ..nlp import span_text
from ..render import RenderedBlock
from .clauses import CONJUNCTIONS, coordinated_clause_edits, semicolon_edits
from .edits import Edit, Part, rebuild, rewrite
from .list_items import LIST_ITEM_STRATEGIES
from .parentheticals import (
    EXAMPLE_OPENERS,
    NAMELY_WORDS,
    ONE_EXAMPLE,
    moves_subject_examples,
    parenthetical_edits,
)
from .participial_tails import (
    AIM_VERBS,
    DESCRIBING_PARTICIPLES,
    LIKENESS_WORDS,
    MAINLY_WORDS,
    OUTCOME_NOUNS,
    SIGN_NOUNS,
    TARGET_NOUNS,
    TYPICAL_WORDS,
    USE_FORMS,
    VERSUS_WORDS,
    participial_tail_edits,
)
from .relative_clauses import RELATIVE_OPENERS, relative_clause_edits
from .series_lists import Series, find_series, split_series
from .subordinate_clauses import (
    CAUSE_OPENERS,
    CONTRAST_OPENERS,
    ONE_PERSON_WORDS,
    TAIL_OPENERS,
    TIME_LEADS,
    subordinate_clause_edits,
)
from .tokens import (
    AUXILIARIES,
    CLAUSE_WORDS,
    CONDITION_OPENERS,
    DETERMINERS,
    LEADING_SUBORDINATORS,
    NOT_SUBJECTS,
    PEOPLE_WORDS,
    PRONOUNS,
    RESULT_VERBS,
    _is_plural_noun,
    is_finite_verb,
)
from .trial_groups import ASSIGNING_VERBS, TRIAL_NOUNS, trial_group_edits
from .verb_coordinations import verb_coordination_edits

RENDER_STRATEGIES = frozenset({"definitions", "replace_terms"})


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
    "relative_clauses": frozenset(
        {*RELATIVE_OPENERS, "whom", "which", "that", ",", "who", "whose"}
    ),
    "coordinated_clauses": frozenset({*CONJUNCTIONS, "or", "then"}),
    "subordinate_clauses": frozenset(
        {opener[0] for opener in TAIL_OPENERS}
        | CONDITION_OPENERS
        | TIME_LEADS
        | PEOPLE_WORDS  # "In adults with X, B": only a sentence that names people
        | ONE_PERSON_WORDS  # "in a child with A, or B"
        | CONTRAST_OPENERS
        | CAUSE_OPENERS
    ),
    "participial_tails": frozenset(
        {
            *RESULT_VERBS,
            *DESCRIBING_PARTICIPLES,
            *TYPICAL_WORDS,
            *MAINLY_WORDS,
            *VERSUS_WORDS,
            "compared",
            "with",
            "rather",
            "depending",
            *SIGN_NOUNS,
            *OUTCOME_NOUNS,
            "per",
            *LIKENESS_WORDS,
            "such",
            "without",
            "from",
            *USE_FORMS,
            "regardless",
            "most",
            "followed",
            *AIM_VERBS,
            *TARGET_NOUNS,
        }
    ),
    "parentheticals": frozenset({"(", *(opener[0] for opener in EXAMPLE_OPENERS), *NAMELY_WORDS}),
    "verb_coordinations": frozenset({"and", "then", "but", "before"}),
    "trial_groups": ASSIGNING_VERBS | frozenset(TRIAL_NOUNS),
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
        if (
            found
            and name == "parentheticals"
            and moves_subject_examples(found)
            and _next_points_back(analysed, sentence)
        ):
            continue  # what moves behind the claim would come between it and "This ..."
        if found and name == "parentheticals":
            found = _moved_behind_pointing_sentences(analysed, sentence, offset, found)
        if found:
            found += _it_named_after_split_edits(analysed, sentence)
        edits += found
    return [_closed_if_split(rewrite(block, edits))] if edits else None


# How a sentence opens that reads the one before it as its subject: "This is because ...".
POINTING_OPENERS = frozenset({"This", "These", "It", "They", "Its", "Their"})
POINTED_AFTER_IN = frozenset({"that", "these", "this", "it", "them"})


def _next_points_back(analysed: Analysed, sentence: Span) -> bool:
    """ "A should not be given. This is because B": a split before `parentheticals` left
    the reason (or "This applies when ...") right after the claim, and the examples it moves
    behind the claim would then be what "This" names."""
    starts = [s for s, _ in analysed.sentences]
    at = next((k for k, s in enumerate(starts) if s is sentence), None)
    if at is None or at + 1 >= len(starts) or len(starts[at + 1]) < 2:
        return False
    first, second = starts[at + 1][0], starts[at + 1][1]
    return first.text in POINTING_OPENERS or (
        first.text == "In" and second.lower_ in POINTED_AFTER_IN
    )


def _moved_behind_pointing_sentences(
    analysed: Analysed, sentence: Span, offset: int, edits: list[Edit]
) -> list[Edit]:
    """ "A is chosen by B (e.g. C or D). This is because E." -> "A is chosen by B. This is
    because E. Examples are C or D.": what an aside moves behind the claim goes behind the
    sentences that read the claim as "This"/"It", so each still follows what it names."""
    end = offset + sentence.end_char
    if not any(e.start == e.end == end and _leads_examples(e.parts) for e in edits):
        return edits  # the cheap test first: most moves put no examples at the sentence end
    starts = [s for s, _ in analysed.sentences]
    at = next((k for k, s in enumerate(starts) if s is sentence), None)
    if at is None:
        return edits
    last = at
    while _next_points_back(analysed, starts[last]):
        last += 1
    if last == at:
        return edits
    behind = analysed.sentence_offsets[last] + starts[last].end_char
    named = _examples_named(sentence, offset, edits)
    return [
        Edit(behind, behind, e.text, _with_lead(e.parts, named))
        if e.start == e.end == end and _leads_examples(e.parts)
        else e
        for e in edits
    ]


EXAMPLES_LEAD = " Examples are "
# "These include A" names what it points at with "These", so it stays next to it.
EXAMPLE_LEADS = (EXAMPLES_LEAD, " " + ONE_EXAMPLE)


def _leads_examples(parts: tuple[Part, ...]) -> bool:
    """Only examples move on: a figure ("The risk comparison was 0.61.") is what a next
    "This led to ..." may well mean, and "These include A" must stay by its "These"."""
    return bool(parts) and isinstance(parts[0], str) and parts[0].startswith(EXAMPLE_LEADS)


MAX_NAMED_WORDS = 3


def _examples_named(sentence: Span, offset: int, edits: list[Edit]) -> str | None:
    """ "by your other illnesses (e.g. A or B)": the plain words the examples stood after
    ("other illnesses"), so that away from them they still say what they are examples of;
    None unless a plural noun stood right before the aside."""
    cut = next((e.start - offset for e in edits if e.start < e.end and not e.text), None)
    tokens = [t for t in sentence if t.idx + len(t.text) <= (cut or -1)]
    if not tokens or not tokens[-1].is_alpha or not tokens[-1].lower_.endswith("s"):
        return None
    first, count, k = None, 0, len(tokens) - 1
    while k >= 0 and count < MAX_NAMED_WORDS:
        token = tokens[k]
        if not (token.is_alpha and token.is_lower) or (token.is_stop and token.lower_ != "other"):
            break
        first, count, k = token, count + 1, k - 1
        glued = k > 0 and tokens[k].text == "-" and not tokens[k].whitespace_
        if glued and not tokens[k - 1].whitespace_ and tokens[k - 1].is_alpha:
            first, k = tokens[k - 1], k - 2  # "anti-swelling": one word with its hyphen
    if first is None:
        return None
    return sentence.doc.text[first.idx : tokens[-1].idx + len(tokens[-1].text)]


def _with_lead(parts: tuple[Part, ...], named: str | None) -> tuple[Part, ...]:
    if named is None or not parts or parts[0] != EXAMPLES_LEAD:
        return parts
    return (f" Examples of {named} are ", *parts[1:])


# What a list item may end with and stay as written: a full stop, or a lead into its own items.
ITEM_ENDINGS = frozenset(".!?:;")


def _closed_if_split(block: RenderedBlock) -> RenderedBlock:
    """A list item in note form has no full stop ("naproxen 500mg twice daily"), but once a
    split makes it two sentences its last one needs one, as the first now has ("... twice
    daily. Or 50mg if weight passes 85 kg.")."""
    text = block.text
    if block.kind != "list_item" or text[-1:] in ITEM_ENDINGS or len(candidate_pieces(text)) < 2:
        return block
    return rebuild(block, [(0, len(text), ""), "."])


def _it_named_after_split_edits(analysed: Analysed, sentence: Span) -> list[Edit]:
    """ "Methotrexate is started ... if A, with B given ... [2]. It must not be used ...":
    split, the sentence before "It" ends on another subject ("B is given ..."), so "It" is
    read as B. When the split sentence opens with a one-word name ("The pill" too) and its
    verb, and the next sentence opens with "It" and its verb, the name stands for "It".
    "They" after a plural name too, and after a linking word: "Steroids are a first choice
    when A. But they may raise ..." would read "they" as A once "This applies when A"
    stands between."""
    starts = [s for s, _ in analysed.sentences]
    at = next((k for k, s in enumerate(starts) if s is sentence), None)
    if at is None or at + 1 >= len(starts):
        return []
    following = starts[at + 1]
    k = 1 if len(following) > 2 and following[0].text in SENTENCE_LINKS else 0
    if len(following) < k + 2 or following[k].text not in (("it", "they") if k else ("It", "They")):
        return []
    if not _opens_with_its_verb(following[k + 1]):
        return []
    subject = _one_word_subject(sentence)
    if subject is None:
        return []
    pronoun = following[k]
    if pronoun.lower_ == "they" and not _is_plural_noun(sentence[subject.count(" ")]):
        return []
    start = analysed.sentence_offsets[at + 1] + pronoun.idx
    return [Edit(start, start + len(pronoun.text), _in_running_text(subject) if k else subject)]


def _in_running_text(subject: str) -> str:
    """ "The pill" -> "the pill", "Steroids" -> "steroids" after "But"; "HbA1c" stays."""
    first, _, rest = subject.partition(" ")
    if rest or first[1:].islower():
        return subject[:1].lower() + subject[1:]
    return subject


# Linking words a sentence may open with before its subject.
SENTENCE_LINKS = frozenset({"But", "And", "So", "Yet"})


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
    {
        "relative_clauses",
        "coordinated_clauses",
        "subordinate_clauses",
        "participial_tails",
        "verb_coordinations",
    }
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
    "... . It found that D reduced A and lowered B", a finding with two results;
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
