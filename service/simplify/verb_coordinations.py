"""`verb_coordinations`: one subject with two verbs or two verb groups ("A should B, should
C", "A is advised for B, and for C", "..., keeping B" in an instruction) becomes two
sentences, the second with its subject said again.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import pairwise

from spacy.tokens import Span, Token

from ..lexicon import lemmas_of
from ..nlp import is_citation
from ..render import ADVERBS_BEFORE_VERB
from .edits import Edit, Part
from .tokens import (
    ADVISING_VERBS,
    AUXILIARIES,
    BE_HAVE,
    CLAUSE_MARKS,
    CLAUSE_WORDS,
    CLOSING_MARKS,
    DESCRIBING_BEFORE,
    DETERMINERS,
    MAX_ADVISER_WORDS,
    MAX_ITEM_WORDS,
    MAX_REPEATED_SUBJECT,
    MIN_SIDE_WORDS,
    MODALS,
    NOT_SUBJECTS,
    PEOPLE_WORDS,
    PREPOSITIONS,
    RESULT_VERBS,
    SHARED_COMPLEMENTS,
    STUDY_HEADS,
    SUBJECT_STARTS,
    _after_comma_ids,
    _any_clause_verb,
    _capital_edit,
    _closes_with_full_stop,
    _comma_before,
    _depth_at,
    _has_word,
    _in,
    _is_base_verb,
    _is_clause_verb,
    _is_gerund,
    _is_imperative,
    _is_participle_form,
    _is_plural_noun,
    _is_series_verb,
    _is_subject,
    _is_verb_form,
    _names_plural,
    _new_subject,
    _plural_noun_form,
    _plural_verb,
    _repeated_subject,
    _sentence_ids,
    _slice,
    _tense,
    _verb_before_clause,
    _word_id,
    bracket_depths,
    is_finite_verb,
    words,
)

BE_FORMS = frozenset({"is", "are", "was", "were"})


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
    if changes := _two_changes_edits(sentence):
        return changes
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
        second_group = _long_subject(subject) and _second_group_edits(tokens, verb_at)
        return second_group or _long_subject_modal_edits(sentence, tokens, verb_at)
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
        parts = None if then else _first_finding_parts(subject, first_verb, verb)
        return [Edit(start, verb.idx, parts=parts or _new_subject(subject, then))]
    return []


REPORTING_VERBS = frozenset(
    {"found", "showed", "reported", "concluded", "observed", "demonstrated", "confirmed"}
)


def _first_finding_parts(
    subject: list[Token], first_verb: Token, verb: Token
) -> tuple[Part, ...] | None:
    """ "X enrolled 7,020 people and found that A" -> "X enrolled 7,020 people. It found
    that A.": what a study found is no second act like its first ("also found" asked for a
    finding before it), and its name said again read as a second study. A study or its
    authors read back as "It"/"They" (`_finder_pronoun`); anyone else keeps the name, with
    no "also" ("The doctor found ..."). Never after a first verb of finding ("found A and
    showed B": there the second is one more finding)."""
    if verb.lower_ not in REPORTING_VERBS or first_verb.lower_ in REPORTING_VERBS:
        return None
    named = _finder_pronoun(subject) or _new_subject(subject, then=False)[1]
    return (". ", named, " ")


def _finder_pronoun(subject: list[Token]) -> str | None:
    """How the sentence after a study's first one names who found something: "They" for
    authors ("Cipriani et al.", "Stoffel and colleagues"), "It" for a trial named in capitals
    ("EMPA-REG OUTCOME") or a study word ("the review"); None for anyone else ("It" would
    make a doctor a thing)."""
    if subject[-1].lower_ in ("you", "we", "they", "he", "she", "it"):
        return None  # "You felt dizzy and found it hard to stand": the pronoun says it again
    if _is_plural_noun(subject[-1]) or any(t.lower_ == "and" for t in subject):
        return "They"
    if subject[-1].lower_ in STUDY_HEADS or any(t.is_upper and len(t.text) > 1 for t in subject):
        return "It"
    return None


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


MAX_LONG_SUBJECT = 24  # words as counted, each part of "two-in-one" too


def _long_subject_modal_edits(sentence: Span, tokens: list[Token], verb_at: int) -> list[Edit]:
    """ "Long-term treatment with A, B or C should not be stopped during a flare-up and should
    be stepped up before discharge." -> "... during a flare-up. It should also be stepped up
    before discharge.": a subject too long to say again, with a series of its own, reads
    back as "It" or "They" after its head noun (the noun before its first preposition).
    Only a subject that opens the sentence with no verb or clause word, and only the same
    modal again after "and" or a comma (`_repeated_modal_edits`): it can only go back to
    the subject."""
    if tokens[verb_at].lower_ not in MODALS:
        return []
    subject = tokens[:verb_at]
    first = subject[0]
    if first.lower_ in NOT_SUBJECTS or not (first.lower_ in SUBJECT_STARTS or first.is_title):
        return []
    if words(subject) > MAX_LONG_SUBJECT or any(
        t.lower_ in CLAUSE_WORDS or is_citation(t) or t.text in (";", ":") or _is_clause_verb(t)
        for t in subject
    ):
        return []
    head = _head_phrase(subject)
    if len(head) < len(subject) and subject[len(head)].text == "," and words(head) < 2:
        return []  # "However, most people should ...": an opener, not the head of the subject
    named = "They" if _names_plural(head) else "It"
    return _repeated_modal_edits(sentence, tokens, verb_at, subject, named)


def _head_phrase(subject: Sequence[Token]) -> Sequence[Token]:
    """The words of a subject before its first preposition or comma: "Long-term treatment"
    of "Long-term treatment with A, B or C"."""
    end = next(
        (k for k, t in enumerate(subject) if k and (t.lower_ in PREPOSITIONS or t.text == ",")),
        len(subject),
    )
    return subject[:end]


def _repeated_modal_edits(
    sentence: Span,
    tokens: list[Token],
    verb_at: int,
    subject: list[Token],
    named: Part | None = None,
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
        named = named or _new_subject(subject, then=False)[1]
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
    # ", test for A": a word that may be a noun too, taken as a verb once ", and" closes
    # the series with a sure one (left out, "calculate A, test for B" would lose its "and")
    maybe: list[tuple[int, int]] = []
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
        if tokens[k - 1].lower_ == "or":
            continue
        if not (_is_imperative(token) or tokens[k + 1].lower_ in SERIES_VERB_NEXT):
            if not joined:
                maybe.append((k - 1, k))
            continue
        cuts.append((k - 2 if joined else k - 1, k))
        if joined:
            break
    if not cuts or tokens[cuts[-1][1] - 1].lower_ != "and":
        return []  # no ", and <verb>" closes the series
    cuts = sorted(cuts + maybe)
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
    for k, j in _ands_after_participle(tokens, verb_at, (";", ":", ","), room=2):
        participle, after = tokens[j + 1], tokens[j + 2]
        if not participle.is_lower:
            continue
        if not _is_participle_form(participle.lower_):
            continue
        if after.lower_ not in VERB_PREPOSITIONS | STEP_TIMES and not after.lower_.endswith("ly"):
            continue  # "increased every 2 weeks": when it is done, not a noun it describes
        if words(tokens[verb_at:j]) < MIN_SIDE_WORDS or words(tokens[j + 1 :]) < 3:
            return []
        while subject and subject[0].lower_ in LINKING_OPENERS:
            subject = subject[1:]  # "So suicide risk should ...": the link stays in front
        if not subject:
            return []
        named = _dosed_subject_pronoun(subject) or _new_subject(subject, then=False)[1]
        verb_group = (first.idx, first.idx + len(first.text), "lower")
        be = _second_act(first, tokens[k], participle)
        previous = tokens[j - 1]
        parts = (". ", named, " ", verb_group, be)
        return [Edit(previous.idx + len(previous.text), participle.idx, parts=parts)]
    return _comma_passive_pair_edits(tokens, verb_at, subject)


def _comma_passive_pair_edits(
    tokens: list[Token], verb_at: int, subject: list[Token]
) -> list[Edit]:
    """ "It should be started at 100 mg daily, or 50 mg when A is low, and changed slowly by
    100 mg every 2 weeks [1]." -> "... when A is low. It should also be changed slowly by
    100 mg every 2 weeks [1].": after ", and" the second participle of the passive verb
    group goes back to its subject, whatever came between (a choice, a "when" clause, a
    "followed by"). Only a participle with a preposition or an "-ly" word after it, and
    never past a ";" or ":"."""
    k = _passive_participle(tokens, verb_at) or _irregular_participle(tokens, verb_at)
    if k is None:
        return []
    for j in range(k + 2, len(tokens) - 3):
        if tokens[j].text in (";", ":"):
            return []
        if tokens[j].lower_ != "and" or tokens[j - 1].text != ",":
            continue
        participle, after = tokens[j + 1], tokens[j + 2]
        if not (participle.is_lower and participle.lower_.endswith("ed")):
            continue
        if not _is_participle_form(participle.lower_):
            continue
        if after.lower_ not in VERB_PREPOSITIONS and not after.lower_.endswith("ly"):
            continue
        if words(tokens[verb_at : j - 1]) < MIN_SIDE_WORDS or words(tokens[j + 1 :]) < 3:
            return []
        while subject and subject[0].lower_ in LINKING_OPENERS:
            subject = subject[1:]
        if not subject:
            return []
        named = _dosed_subject_pronoun(subject) or _new_subject(subject, then=False)[1]
        first = tokens[verb_at]
        verb_group = (first.idx, first.idx + len(first.text), "lower")
        be = _second_act(first, tokens[k], participle)
        parts = (". ", named, " ", verb_group, be)
        return [Edit(tokens[j - 1].idx, participle.idx, parts=parts)]
    return []


# "is started at 15 mg/kg and increased by 5 mg/kg": a step that comes after the start
STARTING_PARTICIPLES = frozenset({"started", "begun", "initiated", "commenced"})
LATER_STEP_PARTICIPLES = frozenset(
    {"increased", "raised", "reduced", "lowered", "tapered", "adjusted", "changed", "doubled",
     "continued", "stopped", "repeated"}
)  # fmt: skip


def _second_act(verb_group: Token, first: Token, second: Token) -> str:
    """What joins the second participle to the repeated verb group: "also" for a second
    act ("It should also be reviewed"), "then" for a dose step after a start ("It is
    started at 15 mg/kg. It is then increased by 5 mg/kg", not "also increased")."""
    link = "also"
    if first.lower_ in STARTING_PARTICIPLES and second.lower_ in LATER_STEP_PARTICIPLES:
        link = "then"
    return f" {link} be " if verb_group.lower_ in MODALS else f" {link} "


def _irregular_participle(tokens: list[Token], verb_at: int) -> int | None:
    """ "is given", "should be taken": a passive verb group whose participle has no "-ed"."""
    k = verb_at + (2 if tokens[verb_at].lower_ in MODALS else 1)
    if k >= len(tokens) or (k == verb_at + 2 and tokens[verb_at + 1].lower_ != "be"):
        return None
    if k == verb_at + 1 and tokens[verb_at].lower_ not in BE_FORMS:
        return None
    return k if _is_verb_form(tokens[k].lower_, "VBN") else None


def _ands_after_participle(
    tokens: list[Token], verb_at: int, marks: tuple[str, ...], room: int
) -> Iterator[tuple[int, int]]:
    """Each "and" after the participle of the passive verb group at `verb_at` ("should be
    assessed ... and reviewed"), as (participle, "and") positions, up to the first clause
    word or one of `marks`, with `room` tokens left after it."""
    k = _passive_participle(tokens, verb_at)
    if k is None:
        return
    for j in range(k + 2, len(tokens) - room):
        token = tokens[j]
        if token.lower_ in CLAUSE_WORDS or token.text in marks:
            return
        if token.lower_ == "and":
            yield k, j


STEP_TIMES = frozenset({"every", "each"})


def _passive_participle(tokens: list[Token], verb_at: int) -> int | None:
    """Where the participle of a passive verb group at `verb_at` stands ("should be
    assessed", "is advised", "is usually started"), if the verb group is one."""
    k = verb_at + 1
    if tokens[verb_at].lower_ in MODALS:
        if k >= len(tokens) or tokens[k].lower_ != "be":
            return None
        k += 1
    elif tokens[verb_at].lower_ not in ("is", "are", "was", "were"):
        return None
    if k + 1 < len(tokens) and tokens[k].lower_ in ADVERBS_BEFORE_VERB:
        k += 1  # "is usually started"
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
    for k, j in _ands_after_participle(tokens, verb_at, (";", ":"), room=3):
        preposition, people = tokens[j + 1], tokens[j + 2]
        if preposition.lower_ not in GROUP_PREPOSITIONS:
            continue
        if people.lower_ not in PEOPLE_WORDS:
            continue
        if not any(t.lower_ == preposition.lower_ for t in tokens[k + 1 : j]):
            continue  # "advised before treatment and in those ...": no first group
        if words(tokens[verb_at:j]) < MIN_SIDE_WORDS or words(tokens[j + 1 :]) < 3:
            return []
        previous = tokens[j - 1]
        applies = "applied" if first.lower_ in ("was", "were") else "applies"
        start = previous.idx if previous.text == "," else previous.idx + len(previous.text)
        return [Edit(start, people.idx, f". This also {applies} to ")]
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
        if (pronoun := _finder_pronoun(subject)) is not None:
            parts = (". ", pronoun, " also ", f"{verb.text} that")  # the finder named just now
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
    if not _comma_before(sentence, ("and", "but")):
        return []
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


STEP_ADVERBS = frozenset({"first", "initially", "usually", "also", "now"})


def _gerund_step_edits(sentence: Span) -> list[Edit]:
    """ "The guidelines advise first checking the dose, and then stepping up by adding a
    drug [1]." -> "The guidelines advise first checking the dose. Then they advise stepping
    up by adding a drug [1].": one verb with two "-ing" steps as its objects; each step gets
    its sentence, the verb said again after "Then". Only when the first "-ing" word follows
    the verb at once (or after "first"), and the second opens ", then" or ", and then"."""
    if not _has_word(sentence, ("then",)):
        return []  # the cheap test first: the second step opens ", then" or ", and then"
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
    if not _comma_before(sentence, ("and",)):
        return []  # the last object follows ", and"
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
        if k + 2 < len(tokens) and tokens[k + 2].lower_ == "that":
            return []  # "found that A fell and showed that B ...": the finder's second verb
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


def _dosed_subject_pronoun(subject: Sequence[Token]) -> str:
    """ "Carbidopa/levodopa (Sinemet) 25/100 mg is started ...": said again, a name with its
    brand and dose reads as a second drug; "It" (or "They") names it. "" for a plain one."""
    if all(t.is_alpha or t.text == "-" for t in subject):
        return ""
    return "They" if _is_plural_noun(subject[0]) else "It"


CHANGE_VERBS = frozenset({"reduced", "lowered", "raised", "increased", "cut", "halved"})
CHANGE_VERB_IDS = frozenset(_word_id(word) for word in CHANGE_VERBS)
CHANGE_LINKS = frozenset({"by", "from"})


def _two_changes_edits(sentence: Span) -> list[Edit]:
    """ "D reduced new spine breaks from 7.2% to 2.3% and hip breaks from 1.2% to 0.7%." ->
    "D reduced new spine breaks from 7.2% to 2.3%. It also reduced hip breaks from 1.2% to
    0.7%.": one result verb with two outcomes, each with its own figures, said twice. Only
    when both outcomes are a few plain words before "by" or "from" and a number ("They"
    after a plural subject)."""
    if _sentence_ids(sentence).isdisjoint(CHANGE_VERB_IDS):
        return []
    tokens = _in(sentence)
    verb_at = next((k for k, t in enumerate(tokens) if t.lower_ in CHANGE_VERBS), None)
    if not verb_at:
        return []
    first = _change_at(tokens, verb_at + 1)
    if first is None or first >= len(tokens) or tokens[first].lower_ != "and":
        return []
    second = _change_at(tokens, first + 1)
    if second is None:
        return []
    opening = max((k + 1 for k in range(verb_at) if tokens[k].text == ","), default=0)
    head = tokens[opening]  # "In it, denosumab 60 mg every 6 months reduced": "denosumab"
    plural = head.is_alpha and (_is_plural_noun(head) or _unknown_plural(head.lower_))
    pronoun = "They" if plural else "It"
    verb, previous = tokens[verb_at], tokens[first - 1]
    return [
        Edit(previous.idx + len(previous.text), tokens[first + 1].idx,
             f". {pronoun} also {verb.lower_} "),
    ]  # fmt: skip


MAX_OUTCOME_WORDS = 6


def _change_at(tokens: Sequence[Token], start: int) -> int | None:
    """After an outcome of a few plain words and "by N%" or "from N to M": where its figures
    end (the next token), else None."""
    link = next(
        (
            k
            for k in range(start, min(len(tokens) - 1, start + MAX_OUTCOME_WORDS + 1))
            if tokens[k].lower_ in CHANGE_LINKS and tokens[k + 1].like_num
        ),
        None,
    )  # fmt: skip  ("death from any cause by 28%": the figure says which "from"/"by")
    if link is None or link == start:
        return None
    outcome = tokens[start:link]
    if any(not (t.is_alpha or t.text == "-") or is_finite_verb(t.lower_) for t in outcome):
        return None
    k = link + 1
    while k < len(tokens) and (tokens[k].like_num or tokens[k].text in ("%", "to", "-")):
        k += 1
    return k


def _unknown_plural(word: str) -> bool:
    """ "statins": a word the lists do not know, in "-s" (not "-ss", "-us", "-is")."""
    if not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return False
    return not lemmas_of(word, "NOUN") and not lemmas_of(word, "VERB")
