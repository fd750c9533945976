"""Token tests that every strategy family reads: how many words a reader reads, bracket
depths, finite verbs and where a clause starts, subjects, plurals and tenses, and the closed
word lists behind them. They live apart from the rules so that each family module imports
them without importing another family.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import accumulate

import numpy
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from ..lexicon import forms_of, lemmas_of
from ..nlp import CITATION_NORM, is_citation, token_columns, tokens_between
from ..readability import is_read
from .edits import Edit, Part

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

NOT_SUBJECTS = frozenset(
    {"in", "on", "at", "by", "for", "from", "of", "to", "with", "without", "then", "also",
     "not", "as", "if", "when", "while", "after", "before", "until", "during", "or", "and",
     "that", "whether", "who", "whom", "whose", "which"}
)  # fmt: skip

RECOMMENDATION_WORDS = frozenset(
    {"recommend", "recommends", "recommended", "should", "suggest", "suggests", "suggested",
     "consider", "considered", "preferred", "advise", "advised"}
)  # fmt: skip
SERIES_TRIGGERS = ("including", "such as", "e.g.", "include", "includes", "together with")
TRIGGER_STARTS = frozenset({":", *(trigger.split()[0] for trigger in SERIES_TRIGGERS)})
CLOSING_MARKS = frozenset({".", "!", "?", ",", ";", ":"})  # never "%" or ")": they are text
MIN_SIDE_WORDS = 4

MAX_ITEM_WORDS = 8


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


def _first_among(
    tokens: Sequence[Token], words_: frozenset[str], start: int, stop: int
) -> int | None:
    """The index of the first token in [start, stop) whose lower-case text is in `words_`."""
    return next((k for k in range(start, stop) if tokens[k].lower_ in words_), None)


def _capital_edit(token: Token, prefix: str, start: int) -> Edit:
    """Replace from `start` up to the first letter of `token` with `prefix` + capital."""
    case = "upper" if token.text.islower() or token.is_title else ""
    return Edit(start, token.idx + 1, parts=(prefix, (token.idx, token.idx + 1, case)))


PRONOUNS = frozenset({"they", "it", "he", "she", "we", "you", "i"})


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


MIN_OBJECT_WORDS = 10


def _positions(sentence: Span, words_: frozenset[str]) -> list[int]:
    """Where in the sentence (token offsets from its start) one of `words_` stands, read
    off the lower-case column, so a rule makes no Token objects to find its word."""
    if not _has_word(sentence, words_):
        return []
    lowers = token_columns(sentence.doc).lower[sentence.start : sentence.end]
    wanted = _ids_of(words_)
    return [k for k, word in enumerate(lowers.tolist()) if word in wanted]


def _plural_noun_form(token: Token) -> bool:
    """ "gains", "harms": a plural noun, also where the lexicon knows the "-s" form only as
    a verb, since its stem is a noun."""
    word = token.lower_
    return _is_plural_noun(token) or (
        word.endswith("s") and not word.endswith("ss") and bool(lemmas_of(word[:-1], "NOUN"))
    )


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


BE_HAVE = frozenset({"is", "are", "was", "were", "has", "have", "had"})


# "1 month before the first dose": one unit counts a span as much as several do
TIME_UNITS = frozenset(
    {"days", "weeks", "months", "years", "hours", "day", "week", "month", "year", "hour"}
)


CLAUSE_MARKS = frozenset({",", ";", ":", "(", ")", ".", "!", "?"})


def _has_finite_verb(tokens: Span) -> bool:
    return any(is_finite_verb(t.lower_) for t in tokens)


def _any_verb(tokens: Sequence[Token]) -> bool:
    """After "if" or "because" a clause follows: any word that can be a verb form will do."""
    return any(
        t.lower_ in AUXILIARIES or _is_verb_form(t.lower_, "VBZ") or _is_verb_form(t.lower_, "VBD")
        or _is_verb_form(t.lower_, "VBP")
        for t in tokens
        if t.is_alpha and not _after_hyphen(t)
    )  # fmt: skip


def _has_verb(tokens: Span) -> bool:
    """A finite verb, or a plural one that cannot be read as a noun ("advise", "remain")."""
    return any(
        is_finite_verb(t.lower_)
        or (_is_verb_form(t.lower_, "VBP") and not lemmas_of(t.lower_, "NOUN"))
        for t in tokens
        if t.is_alpha and not t.is_title and not _after_hyphen(t)
    )


def _after_hyphen(token: Token) -> bool:
    """ "one-sided", "dose-related": the part after a hyphen describes a noun; read alone
    as a verb ("sided"), it would make a clause of a noun phrase."""
    if not token.i:
        return False
    before = token.doc[token.i - 1]
    return before.text == "-" and not before.whitespace_


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


def _is_series_verb(token: Token) -> bool:
    """ "advises A, B, C and D": a verb whose objects are the series."""
    return token.is_alpha and not token.is_title and _is_series_verb_word(token.lower_)


@lru_cache(maxsize=8192)
def _is_series_verb_word(word: str) -> bool:
    return word not in AUXILIARIES and (
        is_finite_verb(word) or (_is_verb_form(word, "VBP") and not lemmas_of(word, "NOUN"))
    )


PREPOSITIONS = frozenset(
    {"as", "in", "on", "at", "by", "for", "from", "of", "to", "with", "without"}
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

CONDITION_OPENERS = frozenset({"if", "when", "once", "whenever", "where", "for"})

# ", leading to B" -> ". This leads to B" (or "led" when the sentence tells the past).
RESULT_VERBS = {
    "leading": "lead", "causing": "cause", "resulting": "result", "making": "make",
    "supporting": "support", "showing": "show", "suggesting": "suggest", "allowing": "allow",
    "prompting": "prompt", "raising": "raise", "lowering": "lower", "reducing": "reduce",
    "increasing": "increase", "requiring": "require", "confirming": "confirm",
}  # fmt: skip

MAX_REPEATED_SUBJECT = 4
# Head nouns of a subject that names a study ("the TEAR study", "the review"): it reads
# back as "It" before what it found.
STUDY_HEADS = frozenset({"trial", "study", "review", "analysis", "meta-analysis", "survey"})
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


NEGATING_WORDS = frozenset({"not", "no", "never", "without", "neither", "nor", "unless"})

# "Avoid A. This applies to people with B." reads as "avoid A" for everyone first.
PROHIBITIONS = frozenset({"not", "never", "no", "avoid", "avoided", "stop", "stopped"})

LIMITING_WORDS = frozenset({"only", "even", "especially", "particularly", "mainly"})


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
    return (
        before not in DETERMINERS
        and not before.endswith("ing")
        and before
        not in ("feel", "feels", "felt", "get", "gets", "got", "look", "looks", "seem", "seems")
    )


PEOPLE_WORDS = frozenset(
    {"people", "adults", "someone", "those", "women", "men", "children", "patients", "anyone",
     "person", "adult", "patient", "older", "younger", "pregnant"}
)  # fmt: skip


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


NOT_ACTIONS = frozenset({"including", "following", "depending", "according", "regarding"})


def _reports_the_past(tokens: Sequence[Token]) -> bool:
    """ "Cipriani et al. also found ...": the first finite verb is a past form, irregular
    ones too ("found", "gave"), which `_tells_the_past` leaves to "-ed" words."""
    if _tells_the_past(tokens):
        return True
    verb = next((t for t in tokens if t.is_alpha and is_finite_verb(t.lower_)), None)
    if verb is None or verb.lower_ in MODALS:
        return False  # "should" is no past, though lemma tables list it under "shall"
    return _tense(verb.lower_) == "past"


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
        past = _ends_in_a_past_ed(word)
        if past and is_finite_verb(word) and not describing:
            return True
        if is_finite_verb(word) and not past:
            return False
    return False


def _ends_in_a_past_ed(word: str) -> bool:
    """ "showed", "treated"; not "need", "bleed" or "exceed", whose "-ed" is no ending."""
    return word.endswith("ed") and _is_verb_form(word, "VBD")


def _is_clause_verb(token: Token) -> bool:
    """A finite verb that is not an "-ed" word describing a noun ("a targeted pill")."""
    return is_finite_verb(token.lower_) and not token.lower_.endswith("ed")


MAX_ASIDE_WORDS = 12


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


MODALS = frozenset({"should", "can", "may", "must", "might", "could", "will"})


def _is_base_verb(word: str) -> bool:
    return word in lemmas_of(word, "VERB").get("VERB", ())


ADVISING_VERBS = frozenset(
    {"advises", "advise", "recommends", "recommend", "suggests", "suggest", "favors", "favor"}
)
MAX_ADVISER_WORDS = 6


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
        if token.lower_ in AUXILIARIES or (
            is_finite_verb(token.lower_) and not _after_hyphen(token)
        ):
            return True
    return False


def _is_gerund(token: Token) -> bool:
    return token.is_alpha and token.lower_.endswith("ing") and _is_verb_form(token.lower_, "VBG")


def _is_subject(subject: list[Token]) -> bool:
    first = subject[0]
    return (
        first.lower_ not in NOT_SUBJECTS
        and not first.is_punct
        and (
            first.lower_ in SUBJECT_STARTS
            or first.text[:1].isupper()
            or _hyphen_joined_count(subject) <= 3
            or _counted_group(subject)
        )
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
    if len(subject) > 1 and subject[0].lower_ in LINKS_BEFORE_A_SUBJECT:
        subject = subject[1:]  # "But X appears ... . X also carries ...": the link is said once
    if words(subject) <= MAX_REPEATED_SUBJECT:
        start, end = subject[0].idx, subject[-1].idx + len(subject[-1].text)
        named = (start, end, "upper")
    else:
        plural = _is_plural_noun(subject[-1]) or _counted_group(subject)
        named = "They" if plural else "It"
    return (". Then ", named, " ") if then else (". ", named, " also ")


LINKS_BEFORE_A_SUBJECT = frozenset({"but", "and", "so", "yet"})


def _is_plural_noun(token: Token) -> bool:
    lower = token.lower_
    if lower in ("they", "we", "you", "people", "al."):
        return True
    lemmas = lemmas_of(lower, "NOUN").get("NOUN", ())
    return lower.endswith("s") and bool(lemmas) and lower not in lemmas


MAX_SUBJECT_WORDS = 7


def named_they(left: Sequence[Token]) -> str | None:
    """The head noun of the plural subject that ", and they" points back to: "The EULAR
    recommendations are built on A, and they sort B" -> "recommendations". Cut off as a
    sentence of its own, "They" would point at whatever a later split puts before it (a
    condition's "This applies when other illnesses are many. They advise ..."), so the
    new sentence says "These recommendations". Only a subject led by "the" within seven
    words of its plural verb; "of" ends its head ("the Standards of Care advise")."""
    verb = next((k for k, t in enumerate(left) if k > 1 and _plural_subject_verb(t)), None)
    if verb is None:
        return None
    start, seen = None, 0
    for k in range(verb - 1, -1, -1):
        token = left[k]
        if token.lower_ == "the":
            start = k
            break
        if token.is_punct and token.text not in ("'", "-"):
            return None
        seen += token.text != "'s"  # "the group's Standards": the owner's mark is no word
        if seen >= MAX_SUBJECT_WORDS:
            break
    if start is None or start + 1 >= verb:
        return None
    subject = left[start + 1 : verb]
    of = next((k for k, t in enumerate(subject) if t.lower_ == "of"), len(subject))
    if of == 0:
        return None
    head = subject[of - 1]
    return head.text if head.is_alpha and _is_plural_noun(head) else None


def _plural_subject_verb(token: Token) -> bool:
    """ "are", "advise": a verb of a plural subject that cannot be read as a noun ("group",
    "standards" can)."""
    if not token.is_alpha or not _plural_verb(token):
        return False
    return token.lower_ in BE_HAVE or not lemmas_of(token.lower_, "NOUN")
