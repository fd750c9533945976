"""Render one analysed article for one audience.

Rendering only rewrites words: glossary terms by the audience's plain wording,
abbreviations by their expansion, and "the patient" by the audience's voice. It
works on the Doc offsets found by the analysis, never on string searches, and
keeps the block structure, so every rendered block points back to its source
block and every change carries an annotation (original, replacement,
definition, glossary entry) for pages and QA.

After a swap the text must still read as English: the capital at a sentence
start, "a"/"an" before the new word, plural and verb agreement, possessives,
and never a doubled "(IVIG) (IVIG)".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from .analysis import Analysis, TextAnalysis
from .article import BLOCK_KINDS, Article, Citation, Link
from .audience import Audience, VoiceRule
from .glossary import Entry, TermMatch, Wording, verb_forms
from .lexicon import forms_of, lemmas_of
from .nlp import UNITS, span_text, text_of

ADVERBS_BEFORE_VERB = frozenset(
    {"still", "also", "already", "now", "currently", "then", "only", "often", "usually", "never",
     "not", "recently", "previously", "typically", "generally", "clearly"}
)  # fmt: skip
SECOND_PERSON = {"is": "are", "was": "were", "has": "have", "does": "do"}
CLAUSE_BREAKS = frozenset({"that", "which", "who", "because", "if", "when", "while", "so"})


@dataclass(frozen=True)
class TermAnnotation:
    """One glossary term as the reader sees it, with what the clinician text said."""

    original: str
    replacement: str
    definition: str
    entry: str
    kind: str
    start: int
    end: int
    draft: bool
    abbreviation: bool = False

    def as_dict(self) -> dict[str, object]:
        return dict(self.__dict__)

    def moved(self, start: int, end: int, replacement: str) -> TermAnnotation:
        """The same term at new offsets; cheaper than `dataclasses.replace`, and sentence
        strategies move every term of a block they split."""
        return TermAnnotation(
            self.original, replacement, self.definition, self.entry, self.kind, start, end,
            self.draft, self.abbreviation,
        )  # fmt: skip


@dataclass(frozen=True)
class RenderedBlock:
    kind: str
    text: str
    line: int
    source: int
    level: int = 0
    ordered: bool = False
    terms: tuple[TermAnnotation, ...] = ()
    citations: tuple[Citation, ...] = ()
    links: tuple[Link, ...] = ()


# A block the renderer adds: the section's recommendation at its top ("What this means
# for you: ..."), shown apart from the paragraphs.
SUMMARY = "summary"
RENDERED_BLOCK_KINDS = (*BLOCK_KINDS, SUMMARY)


@dataclass(frozen=True)
class Rendition:
    slug: str
    audience: str
    title: str
    blocks: tuple[RenderedBlock, ...]
    disclaimer: str
    term_style: str
    abbreviation_style: str
    references: dict[int, str] = field(default_factory=dict)

    @property
    def terms(self) -> list[TermAnnotation]:
        return [term for block in self.blocks for term in block.terms]

    @property
    def draft_entries(self) -> list[str]:
        return sorted({term.entry for term in self.terms if term.draft})

    @property
    def uses_draft(self) -> bool:
        return bool(self.draft_entries)


@dataclass(frozen=True)
class _Edit:
    start: int
    end: int
    text: str
    token: int
    match: TermMatch | None = None
    wording: Wording | None = None


class _FirstUse:
    """Which entries the reader has already met in this rendition."""

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def first(self, entry_id: str) -> bool:
        is_first = entry_id not in self.seen
        self.seen.add(entry_id)
        return is_first


def render(
    analysis: Analysis, audience: Audience, strategies: frozenset[str] = frozenset()
) -> Rendition:
    """The article for one audience; the clinician profile keeps the canonical text.

    Two strategies act here: `definitions` (a term's first use reads in plain
    words and its definition follows the sentence) and `replace_terms` (plain
    words everywhere, abbreviations too).
    """
    article = analysis.article
    if "replace_terms" in strategies:
        audience = audience.with_styles("replace", "replace")
    define = audience.define_kinds if "definitions" in strategies else frozenset()
    first_use = _FirstUse()
    title, _, _ = _render_text(analysis.title, audience, _FirstUse(), True, frozenset())
    blocks = []
    for index, block in enumerate(article.blocks):
        text, terms, shift = _rendered_block(
            analysis, index, audience, first_use, block.kind == "heading", define
        )
        blocks.append(
            RenderedBlock(
                kind=block.kind,
                text=text,
                line=block.line,
                source=index,
                level=block.level,
                ordered=block.ordered,
                terms=terms,
                citations=tuple(
                    Citation(c.numbers, shift(c.start), shift(c.end)) for c in block.citations
                ),
                links=tuple(Link(k.href, shift(k.start), shift(k.end)) for k in block.links),
            )
        )
    return Rendition(
        slug=article.slug,
        audience=audience.id,
        title=title,
        blocks=tuple(blocks),
        disclaimer=_disclaimer(article, audience),
        term_style=audience.terms,
        abbreviation_style=audience.abbreviations,
        references=dict(article.references),
    )


def _disclaimer(article: Article, audience: Audience) -> str:
    """The article's own disclaimer goes with its own text, to the readers it was written
    for; an audience whose text is adapted gets the disclaimer written for it."""
    if article.disclaimer and not audience.adapts_text:
        return article.disclaimer
    return audience.disclaimer


def _rendered_block(
    analysis: Analysis,
    index: int,
    audience: Audience,
    first_use: _FirstUse,
    heading: bool,
    define: frozenset[str],
):
    """`_render_text` of block `index`, remembered per article by everything it reads:
    the wording each term gets, the styles, the voice rule of each phrase, and which
    of the block's terms the reader has met. Caregivers mostly share the patients'
    wording, so most of their blocks come out as the patients' did."""
    analysed = analysis.blocks[index]
    if not audience.adapts_text:
        return _render_text(analysed, audience, first_use, heading, define)
    chain = audience.wording_chain  # a new tuple on each read: read once per block
    wordings = tuple(match.entry.wording_for(chain) for match in analysed.terms)
    met = {m.entry.id for m, w in zip(analysed.terms, wordings, strict=True) if w is not None}
    seen = frozenset(met & first_use.seen)
    # only a term met here for the first time is defined: a block without one renders
    # alike with and without the definitions strategy
    defined = frozenset(
        m.entry.id for m in analysed.terms if m.entry.kind in define and m.entry.id not in seen
    )
    rules = _voice_rules(audience)
    key = (
        index, heading, defined, audience.terms, audience.abbreviations,
        tuple(map(id, wordings)), tuple(id(rules.get(span.label_)) for span in analysed.voice),
        seen,
    )  # fmt: skip
    found = analysis.rendered.get(key)
    if found is None:
        found = analysis.rendered[key] = _render_text(
            analysed, audience, first_use, heading, define
        )
    elif not heading:
        first_use.seen |= met
    return found


# An audience's voice rules by phrase, per rules tuple: every block of every rendition asks,
# and `Audience.with_styles` copies a profile but shares its rules. The tuple is kept with
# its table, so its id cannot be reused while the entry lives.
_RULES_BY_PHRASE: dict[int, tuple[tuple[VoiceRule, ...], dict[str, VoiceRule]]] = {}


def _voice_rules(audience: Audience) -> dict[str, VoiceRule]:
    voice = audience.voice
    found = _RULES_BY_PHRASE.get(id(voice))
    if found is None or found[0] is not voice:
        found = _RULES_BY_PHRASE[id(voice)] = (voice, {r.phrase.lower(): r for r in voice})
    return found[1]


def _render_text(
    analysed: TextAnalysis,
    audience: Audience,
    first_use: _FirstUse,
    heading: bool,
    define: frozenset[str],
):
    doc = analysed.doc
    if not audience.adapts_text:
        return text_of(doc), (), lambda offset: offset
    edits = _term_edits(analysed.terms, audience, first_use, heading, define)
    edits = _said_once_across_or(doc, edits)
    if not heading:
        edits += _the_before_a_described_test(doc, edits)
        edits += _a_before_a_counted_illness(doc, edits)
        edits += _a_before_a_value_named_alone(doc, edits)
    rules = _voice_rules(audience)
    for span in analysed.voice:
        rule = rules.get(span.label_)
        if rule is not None:
            edits.extend(_voice_edits(span, rule))
    edits = _without_overlaps(edits)
    edits = _without_overlaps(edits + _article_fixes(doc, edits))
    return _apply(doc, edits)


JOINING_TWO_KINDS = frozenset({"or", "and"})


def _said_once_across_or(doc: Doc, edits: list[_Edit]) -> list[_Edit]:
    """ "nonsevere CAP or severe CAP" -> "less severe or severe pneumonia caught in daily
    life": a short clinical name said twice, each time after its own describing word,
    would read its long plain words twice; they are said once, after the second. Only
    the same plain words of one term, with "or"/"and" and one describing word between."""
    named = [e for e in edits if e.match is not None and " " in e.text]
    if len(named) < 2:
        return edits  # the cheap test first: most blocks name no long plain term twice
    said_once: dict[int, _Edit] = {}
    for first, second in pairwise(named):
        if first.text != second.text or first.match.entry is not second.match.entry:
            continue
        one, other = first.match.span, second.match.span
        between = doc[one.end : other.start]
        if len(between) != 2 or between[0].lower_ not in JOINING_TWO_KINDS:
            continue
        if one.start < 1 or not (_describes(doc[one.start - 1]) and _describes(between[1])):
            continue
        said_once[id(first)] = _Edit(first.start, between[0].idx, "", first.token)
    return [said_once.get(id(e), e) for e in edits] if said_once else edits


def _describes(token: Token) -> bool:
    """ "severe", "chronic", "nonsevere": a describing word (or one the lexicon does not
    know as a noun) before the name it describes; not "ward" or "clinic"."""
    if not token.is_alpha or token.is_stop or not (token.is_lower or token.is_sent_start):
        return False
    word = token.lower_
    return bool(lemmas_of(word, "ADJ")) or not lemmas_of(word, "NOUN")


def _term_edits(
    matches: Iterable[TermMatch],
    audience: Audience,
    first_use: _FirstUse,
    heading: bool,
    define: frozenset[str],
) -> list[_Edit]:
    edits = []
    definitions: list[_Edit] = []
    shared: dict[tuple[str, int], tuple[int, list[str], Span, bool]] = {}
    matches = tuple(matches)
    for match in matches:
        wording = match.entry.wording_for(audience.wording_chain)
        if wording is None:
            continue
        first = False if heading else first_use.first(match.entry.id)
        defined = first and match.entry.kind in define
        text = _term_text(match, wording, audience, first and not defined, heading)
        if text and match.entry.pos == "noun" and _ends_in_a_treatment(text):
            text = _without_treatment_before_a_drug(match, text, matches)
        span = match.span
        shown = text or span_text(span)
        moved = text and _postposed_edits(match, wording, text, matches, audience.wording_chain)
        if moved:
            edits.extend(moved)
        else:
            edits.append(_Edit(span.start_char, span.end_char, shown, span.start, match, wording))
        if not defined:
            continue
        after = _defined_after(span)
        key = (wording.definition, after.end_char)
        if key in shared and plural_definition(wording.definition):
            # two entries of one sentence share a definition ("These pills ..."): one
            # sentence names both ("ACE inhibitors and ARBs lower ...")
            index, names, first, closed = shared[key]
            names.append(shown)
            named = named_definition(wording.definition, *names)
            definitions[index] = _definition_edit(_defined_after(first), named, closed)
            continue
        named = named_definition(wording.definition, shown)
        if not any(named.strip() in d.text for d in definitions):
            closed = bool(definitions) and definitions[-1].start == after.end_char
            shared[key] = (len(definitions), [shown], span, closed)
            definitions.append(_definition_edit(after, named, closed))
    return edits + definitions


POINTING_OPENERS = ("This word means ", "This term means ", "This means ", "This is ", "It is ")


# "This pill helps ..." -> "Metformin is a pill that helps ...": the head nouns such a
# definition opens with, and words that show the next word is no verb ("This pill or shot").
DEFINED_THINGS = frozenset(
    {"pill", "drug", "medicine", "shot", "test", "insulin", "scan", "device", "procedure",
     "surgery", "treatment", "infusion", "vaccine", "cream", "spray", "inhaler", "patch",
     "tablet", "germ", "drink", "powder", "drip", "clot", "form", "score", "therapy",
     "sensor", "implant", "vitamin", "hormone", "film", "thinner", "antibiotic", "pacemaker",
     "machine", "clip", "water", "opioid", "steroid", "antidepressant", "antibody"}
)  # fmt: skip
NOT_VERBS = frozenset({"or", "and", "of", "for", "with", "in", "on", "to", "that", "which"})


def named_definition(definition: str, shown: str, *more: str) -> str:
    """ "This means ..." read after a sentence with several terms points at none of them:
    name the term as the reader just saw it ("Low blood count means ...", "Metformin is
    a pill that lowers ...", "ACE-blocker pills lower ..."). A plural definition shared
    by terms of one sentence names them all (`more`)."""
    text = definition.strip().strip('"')
    name = _without_scan_article(shown.split(" (")[0].strip())
    if not name:
        return definition
    named = name[0].upper() + name[1:]
    if more and plural_definition(text):
        names = [name, *(other.split(" (")[0].strip() for other in more)]
        if all(names) and all(map(_names_a_class, names)):
            return _with_plural_names(text, names)
    term_named = named  # "Stomach germ means ...": a word being explained takes no article
    named = _counted_name_with_article(name, named)
    for opener in POINTING_OPENERS:
        if text.startswith(opener):
            verb = "means " if opener.endswith("means ") else "is "
            if verb == "means ":
                return term_named + " " + verb + text[len(opener) :]
            if verb == "is " and _reads_plural(name):
                one = _one_of(name)  # "Lab-made antibodies is a drug" would not agree
                return f"{one} is {text[len(opener) :]}" if one else definition
            if verb == "is " and _repeats_the_name(text[len(opener) :], name):
                return _said_once(text[len(opener) :], name)
            return named + " " + verb + text[len(opener) :]
    thing = _this_thing(text)
    if thing and _reads_plural(name):
        one = _one_of(name)  # "blood germ tests" + "This test grows ..." -> "A blood germ test"
        if one and one.split(" ")[-1].lower() == thing.split(" ")[-1]:
            return f"{one} {text[len('This ') + len(thing) + 1 :]}"
    if thing and not _reads_plural(name):
        rest = text[len("This ") + len(thing) + 1 :]
        if _head_word(name) == thing.split(" ")[-1]:
            return f"{named} {rest}"  # "A pneumonia risk score uses ...", not "is a score that"
        return f"{named} is {indefinite_article(thing)} {thing} that {rest}"
    if _this_does(text) and not _reads_plural(name):
        return f"{named} {text[len('This ') :]}"
    if plural_definition(text) and _names_a_class(name):
        return _with_plural_names(text, [name])
    return definition


def _without_scan_article(name: str) -> str:
    """ "a magnet scan" as shown (`_scan_named_alone_with_a`) names "magnet scan"; the
    definition gives it the article a sentence's subject needs."""
    article, _, rest = name.partition(" ")
    return rest if article.lower() in ("a", "an") and rest else name


# Heads of plain names that are counted things: named alone, such a name needs "a" ("A lung
# blood clot blocks ...", not "Lung blood clot blocks ..."); "insulin" or "treatment" need not.
ARTICLED_DEFINITION_HEADS = frozenset(
    {"pill", "drug", "medicine", "shot", "test", "scan", "device", "procedure", "infusion",
     "vaccine", "spray", "inhaler", "patch", "tablet", "germ", "drink", "drip", "clot", "form",
     "score", "sensor", "implant", "thinner", "antibiotic", "scale", "questionnaire", "blocker",
     "pacemaker", "machine", "clip", "attack", "marker", "x-ray", "stain", "antidepressant",
     "antibody"}
)  # fmt: skip


# Heads of plain names for a value each person has one of ("settling rate", "iron fill
# level"): named alone as a definition's subject, such a name takes "the", as in the text.
MEASURE_HEADS = frozenset({"rate", "level"})


def _counted_name_with_article(name: str, named: str) -> str:
    """ "blood oxygen test" -> "A blood oxygen test": a common noun for one counted thing
    opens a sentence with its article. A name in capitals ("MADRS") or a drug's own name
    ("metformin") ends in no such head, and keeps its form."""
    words = name.split(" ")
    common = name[:1].islower() or words[0].isupper()  # "TB blood test" is common too
    if len(words) < 2 or not common:
        return named
    head = _head_word(name)
    if head not in ARTICLED_DEFINITION_HEADS and head not in MEASURE_HEADS:
        return named
    if words[0].lower() in ("a", "an", "the"):
        return named  # shown with its article already ("The pacemaker that ... is indicated")
    if head in MEASURE_HEADS:
        return f"The {name}"  # "The settling rate is a blood test ...": one value per person
    article = indefinite_article(name)
    return f"{article[0].upper()}{article[1:]} {name}"


def _repeats_the_name(rest: str, name: str) -> bool:
    """ "is a long-term lung disease that ..." said of "long-term lung disease": the
    definition's own noun phrase is the name, so "X is a X that ..." would say it twice."""
    lead = f"{indefinite_article(name)} {name} that "
    return rest.lower().startswith(lead.lower()) and len(rest) > len(lead)


def _said_once(rest: str, name: str) -> str:
    """ "a long-term lung disease that makes it hard ..." -> "A long-term lung disease makes
    it hard ...": the name as the subject of what the "that" clause says."""
    article = indefinite_article(name)
    tail = rest[len(article) + len(name) + len(" that ") + 1 :]
    return f"{article[0].upper()}{article[1:]} {name} {tail}"


# "They are the old drugs that ..." -> "Standard arthritis pills are the old drugs that ...".
PLURAL_OPENERS = ("They are ", "These are ")


def plural_definition(text: str) -> bool:
    """ "They are ...", "These are ..." or "These pills lower ...": a definition that
    points at a kind of thing in the plural, and can name it."""
    return text.startswith(PLURAL_OPENERS) or bool(_these_things(text))


def _with_plural_names(text: str, names: list[str]) -> str:
    """ "These pills lower ..." with ["ACE-blocker pill", "ARB"] -> "ACE-blocker pills and
    ARBs lower ..."."""
    plurals = [name if _reads_plural(name) else pluralise(name) for name in names]
    joined = ", ".join(plurals[:-1]) + " and " + plurals[-1] if len(plurals) > 1 else plurals[0]
    joined = joined[0].upper() + joined[1:]
    for opener in PLURAL_OPENERS:
        if text.startswith(opener):
            return f"{joined} are {text[len(opener) :]}"
    return f"{joined} {text[len('These ') + len(_these_things(text)) + 1 :]}"


def _these_things(text: str) -> str:
    """ "These older mood drugs raise ..." -> "older mood drugs": up to three words ending
    in a plural head noun, when a verb-like word follows; else ""."""
    words = text.split(" ")
    if words[0] != "These":
        return ""
    for end in range(2, min(len(words) - 1, 5)):
        head = words[end - 1]
        if head.endswith("s") and head[:-1] in DEFINED_THINGS:
            following = words[end]
            if following.isalpha() and following.islower() and following not in NOT_VERBS:
                return " ".join(words[1:end])
            return ""
    return ""


def _names_a_class(name: str) -> bool:
    """ "standard arthritis pill", "hormone blocker": a kind of drug or test, which reads
    right in the plural; "kidney stone disease" or "weak-immunity infection" would not."""
    head = name.split(" ")[-1].lower()
    return head in DEFINED_THINGS | {"blocker"} or head[:-1] in DEFINED_THINGS | {"blocker"}


def _reads_plural(name: str) -> bool:
    """ "blood germ tests", "lab-made antibodies": "is a test" would not agree; an
    abbreviation in capitals ("MADRS") names one thing."""
    written = name.split(" ")[-1]
    if written.isupper():
        return False
    last = written.lower()
    lemmas = lemmas_of(last, "NOUN").get("NOUN", ())
    if lemmas:
        return last not in lemmas  # "pancreas", "diabetes" are their own lemma: singular
    return last.endswith("s") and not last.endswith(("ss", "us", "is", "ses"))


def _one_of(name: str) -> str:
    """ "lab-made antibodies" -> "A lab-made antibody", to name the kind a singular
    definition describes; "" when the head word has no known singular."""
    *before, last = name.split(" ")
    singular = lemmas_of(last.lower(), "NOUN").get("NOUN", ())
    if not singular or singular[0] == last.lower():
        return ""
    one = " ".join([*before, singular[0]])
    return f"{indefinite_article(one).capitalize()} {one}"


def _this_does(text: str) -> bool:
    """ "This runs in families ...": the definition opens with "This" and a verb (a word
    in -s that is the third-person form of a verb, as no singular noun after "This" is)."""
    words = text.split(" ", 2)
    if len(words) < 3 or words[0] != "This":
        return False
    return _third_person_verb(words[1])


def _this_thing(text: str) -> str:
    """ "This daily pill helps ..." -> "daily pill": up to three words ending in a head
    noun, when a verb-like word follows; else ""."""
    words = text.split(" ")
    if words[0] != "This":
        return ""
    for end in range(2, min(len(words) - 1, 4)):
        if words[end - 1] in DEFINED_THINGS:
            following = words[end]
            if following in DEFINED_THINGS:
                continue  # "This water pill": the last such word is the head
            if _may_be_its_verb(following):
                return " ".join(words[1:end])
            return _thing_and_its_words(words, end)
    return ""


def _may_be_its_verb(word: str) -> bool:
    """ "helps", "can": a word that may be the verb after a definition's thing; not "or",
    "of" ..., nor a participle ("This powder mixed in a drink softens ...")."""
    return word.isalpha() and word.islower() and word not in NOT_VERBS and not word.endswith("ed")


# Words after a defined thing that still belong to it: "This pill or shot", "This clip on
# a finger", "This small sensor on the skin", "This powder mixed in a drink".
THING_PLACES = frozenset({"on", "in", "under"})
MAX_PLACE_WORDS = 4


def _thing_and_its_words(words: list[str], end: int) -> str:
    """ "This pill or shot blocks ..." -> "pill or shot", "This clip on a finger shows
    ..." -> "clip on a finger": a second thing after "or", or a place after "on"/"in"
    (or a participle and its place), and then a verb in -s (`_this_does`' test), which
    the name's sentence goes on with; else ""."""
    following = words[end]
    if following == "or" and end + 2 < len(words) and words[end + 1] in DEFINED_THINGS:
        verb = end + 2
    elif following in THING_PLACES or (following.endswith("ed") and following.isalpha()):
        verb = next(
            (k for k in range(end + 2, min(end + 2 + MAX_PLACE_WORDS, len(words) - 1))
             if _third_person_verb(words[k])),
            len(words),
        )  # fmt: skip
    else:
        return ""
    if verb >= len(words) - 1 or not _third_person_verb(words[verb]):
        return ""
    return " ".join(words[1:verb])


def _third_person_verb(word: str) -> bool:
    return word.isalpha() and any(
        word in forms_of(lemma, "VBZ") for lemma in lemmas_of(word, "VERB").get("VERB", ())
    )


def _definition_edit(sentence: Span, definition: str, closed: bool) -> _Edit:
    """The definition as its own short sentence, right after `sentence` (the term's, or
    the one `_defined_after` chose), or before it when it leads into a list.

    A list item is often a fragment with no full stop: the first definition after
    it closes it. `closed` says an earlier definition already did.
    """
    text = definition.strip()
    if text[-1:] not in ".!?":
        text += "."
    if sentence[-1].text == ":":
        # a list's lead runs on into its items: the definition goes before it
        return _Edit(sentence.start_char, sentence.start_char, text + " ", sentence.start)
    closed = closed or any(t.text in ".!?" for t in sentence[-3:])
    return _Edit(sentence.end_char, sentence.end_char, (" " if closed else ". ") + text,
                 sentence.end - 1)  # fmt: skip


# Subjects that point back at the sentence before: "It must not be used in pregnancy."
POINTING_SUBJECTS = frozenset({"it", "they"})


def _defined_after(span: Span) -> Span:
    """The sentence a term's definition follows: the term's own, or the next one when that
    opens with "It" or "They", which points back at the term's sentence; put between
    them, a definition ("Cytopenia means ...") would be what "It" points at."""
    sentence = span.sent
    doc = span.doc
    if sentence.end >= len(doc) or doc[sentence.end].lower_ not in POINTING_SUBJECTS:
        return sentence  # the next sentence's first word, read before finding its end
    following = doc[sentence.end].sent
    return sentence if following[-1].text == ":" else following


def _term_text(
    match: TermMatch, wording: Wording, audience: Audience, first: bool, heading: bool
) -> str | None:
    """The words that stand where the term stood, or None to leave the text alone;
    remembered per mention, since each block is rendered again for each strategy and
    audience, mostly with the same wording."""
    # the plain words, not the wording: a caregiver's wording retold about "the person"
    # has the patient's words and another definition, which no mention's text shows
    key = (wording.plain, wording.plural, audience.terms, audience.abbreviations, first, heading)
    if key not in match.rendered:
        match.rendered[key] = _worded_term(match, wording, audience, first, heading)
    return match.rendered[key]


def _worded_term(
    match: TermMatch, wording: Wording, audience: Audience, first: bool, heading: bool
) -> str | None:
    entry, span = match.entry, match.span
    if audience.terms == "keep" and audience.abbreviations == "keep":
        return None
    if match.paired:
        return _pair_text(match, wording, audience, heading)
    abbreviated = _is_abbreviation(span, entry)
    if abbreviated and _in_a_name(span):
        return None
    if entry.is_drug:
        if not abbreviated or audience.abbreviations == "keep" or not first:
            return None
        return _introduce(_plain(wording, entry, span), span.text, span)
    style = audience.abbreviations if abbreviated else audience.terms
    if style == "replace" and abbreviated and _spells_a_number(span):
        style = "expand_first"  # "5-ASA" keeps its number: introduced once, then as written
    if style == "keep":
        return None
    plain = _plain(wording, entry, span)
    clause = entry.pos == "noun" and (
        _plain_holds_a_clause(plain) or _plain_is_a_doing_phrase(plain)
    )
    joined = _hyphened_modifier(plain) if entry.pos == "adjective" else plain
    if (clause or joined != plain) and _modifies_next_noun(span, entry.pos == "adjective"):
        if clause:
            return None  # "sputum volume", not "mucus you cough up volume"
        if _noun_run_end(span) is None:
            plain = joined  # "By-vein iron is ...": the noun opens the sentence
    if not heading:
        plain = _scan_named_alone_with_a(_with_the(plain, span, abbreviated), span)
    owner = abbreviated and not heading and _owns_a_named_work(plain, span)
    if owner:
        plain += "'" if plain.endswith("s") else "'s"
    if heading or style == "replace" or owner:
        return plain  # "the group's (ADA) Standards": a bracket would part owner and work
    if abbreviated:
        return _introduce(plain, span.text, span) if first else None
    return _introduce(plain, _as_written(span), span) if first else plain


def _owns_a_named_work(plain: str, span: Span) -> bool:
    """ "the ADA Standards of Care" -> "the US diabetes group's Standards of Care": a body's
    abbreviation right before the capitalised name of its own work; its plain words, a
    common noun, cannot stand before that name as the abbreviation did, so they own it.
    Not before a word in capitals (a trial's name) nor a lower-case one ("ADA guideline")."""
    doc = span.doc
    if span.end >= len(doc) or not doc[span.end].is_title:
        return False  # the cheap test first: most abbreviations come before no capital
    following = doc[span.end]
    return following.is_alpha and not following.is_sent_start and (_head_word(plain) in BODY_HEADS)


# Words in plain wording that open a clause of its own ("mucus you cough up", for a
# caregiver "mucus the person coughs up"): such words cannot stand before the noun they
# would describe.
CLAUSE_OPENERS_IN_PLAIN = frozenset({"you", "that", "which", "who", "it", "your", "person"})


def _modifies_next_noun(span: Span, adjective: bool = False) -> bool:
    """ "IV zoledronic acid", "sputum purulence": the term stands before the noun it
    describes. After an `adjective` term no verb can follow, so "IV lines" is a noun."""
    doc = span.doc
    before = doc[span.start - 1] if span.start else None
    if adjective and before is not None and (before.like_num or before.text in UNITS):
        adjective = False  # "5 g IV reverses ...": a route after a dose, before the verb
    return span.end < len(doc) and _noun_after(span[-1], doc[span.end], adjective)


def _noun_after(previous: Token, following: Token, adjective: bool = False) -> bool:
    """`following` is a noun that `previous` describes: a noun and no adverb ("IV daily"),
    a verb only in the form it has as a singular noun ("sputum volume", not "sputum
    increases") unless `previous` is an adjective, or a word the lexicon does not know (a
    drug's name) that is no stop word."""
    word = following.lower_
    if not following.is_alpha or not following.text.islower():
        return False
    if word in JOINING:
        return False  # "IV or oral iron": "or" is a noun to the lexicon ("OR"), never here
    if lemmas_of(word, "ADV"):
        return False
    nouns = lemmas_of(word, "NOUN").get("NOUN", ())
    if lemmas_of(word, "VERB"):
        # "sputum volume": a singular noun's base form is no verb after a singular term
        noun = word in nouns or (adjective and bool(nouns))
        return noun and not previous.lower_.endswith("s")
    if nouns:
        return True
    return not following.is_stop and not lemmas_of(word, "ADJ")


def _noun_run_end(span: Span) -> int | None:
    """Where the nouns a place-or-way term describes end ("IV iron sucrose daily" -> after
    "sucrose"), so its plain words can follow them: "iron sucrose by vein" reads, where
    "by-vein iron sucrose" and "a by-vein access" do not. None where the term opens its
    sentence, since the noun moved to the front would need the capital."""
    doc = span.doc
    if doc[span.start].is_sent_start:
        return None
    end = span.end + 1
    while end < len(doc) and not doc[end].is_stop and _noun_after(doc[end - 1], doc[end]):
        end += 1
    return end


def _postposed_edits(
    match: TermMatch,
    wording: Wording,
    shown: str,
    matches: Sequence[TermMatch],
    chain: tuple[str, ...],
) -> list[_Edit] | None:
    """ "IV fluids" -> "fluids by vein": the term's words taken out before its nouns and
    put after them. None where that does not apply, or where a term among those nouns
    already says the same ("IV infusion" reads "drip into a vein", not "... by vein")."""
    span = match.span
    if match.entry.pos == "adverb":
        return _adverb_behind_its_word(match, wording, shown)
    if match.entry.pos != "adjective":
        return None
    shown = _spaced_place(shown)
    if _hyphened_modifier(shown) == shown:
        return None
    if not (_modifies_next_noun(span, adjective=True) or _describing_word_then_noun(span)):
        return None
    end = _noun_run_end(span)
    if end is None:
        return None
    said = set(shown.split(" ")) - PREPOSITION_LED_PLAIN_OPENERS
    for other in matches:
        if span.end <= other.span.start and other.span.end <= end:
            other_wording = other.entry.wording_for(chain)
            if other_wording and said & set(other_wording.plain.split(" ")):
                return None
    doc = span.doc
    after = doc[end - 1]
    at = after.idx + len(after.text)
    return [
        _Edit(span.start_char, doc[span.end].idx, "", span.start),
        _Edit(at, at, " ", end - 1),  # apart from the words, so a term's mark holds no space
        _Edit(at, at, shown, end - 1, match, wording),
    ]


def _describing_word_then_noun(span: Span) -> bool:
    """ "oral triple therapy": a describing word stands between the term and the noun both
    describe, so the way or place follows the noun ("three-drug treatment by mouth", not
    "by-mouth three-drug treatment"). Not a word that can also say how or when ("oral daily
    dose"), nor a stop word ("oral and IV iron")."""
    doc = span.doc
    if span.end + 1 >= len(doc):
        return False
    word = doc[span.end]
    if not (word.is_alpha and word.is_lower) or word.is_stop or lemmas_of(word.lower_, "ADV"):
        return False
    if not lemmas_of(word.lower_, "ADJ") or lemmas_of(word.lower_, "NOUN"):
        return False
    return _noun_after(word, doc[span.end + 1], adjective=True)


# Heads of plain wording that a drug's name says already: "maintenance mesalamine" reads
# "long-term mesalamine", not "long-term treatment mesalamine".
TREATMENT_HEADS = frozenset({"treatment", "therapy", "medicine", "care"})


def _ends_in_a_treatment(text: str) -> bool:
    return text.split(" (", 1)[0].rsplit(" ", 1)[-1] in TREATMENT_HEADS


def _without_treatment_before_a_drug(
    match: TermMatch, text: str, matches: Sequence[TermMatch]
) -> str:
    """ "long-term treatment mesalamine" -> "long-term mesalamine": a noun wording before a
    drug's name describes the drug, and its head noun ("treatment") would stand as a second
    noun before the name. Only when the drug's mention starts right after the term, and a
    word is left to describe it."""
    end = match.span.end
    if not any(other.span.start == end and other.entry.is_drug for other in matches):
        return text
    plain, bracket, rest = text.partition(" (")
    describing, _, _head = plain.rpartition(" ")
    if not describing:
        return text
    return describing + bracket + rest


def _spaced_place(shown: str) -> str:
    """ "by-mouth" -> "by mouth": a way or a place written joined in the glossary reads
    apart once it follows its nouns ("agents by mouth"), as "by vein" does. Only a place
    that ends in a noun ("under-the-skin"), not "in-between"."""
    joined, bracket, rest = shown.partition(" (")
    first, _, last = joined.rpartition("-")
    if not first or " " in joined or joined.split("-", 1)[0] not in PREPOSITION_LED_PLAIN_OPENERS:
        return shown
    if not lemmas_of(last, "NOUN"):
        return shown
    return joined.replace("-", " ") + bracket + rest


def _adverb_behind_its_word(match: TermMatch, wording: Wording, shown: str) -> list[_Edit] | None:
    """ "not systemically unwell" -> "not unwell through the whole body": an adverb's plain
    words that are a way or a place follow the describing word they go with, as "by vein"
    follows its nouns. Not when a noun follows that word ("systemically ill people"), where
    no place after it reads."""
    if shown.split(" ", 1)[0] not in PREPOSITION_LED_PLAIN_OPENERS:
        return None
    span = match.span
    doc = span.doc
    if span.end >= len(doc):
        return None
    word = doc[span.end]
    if not (word.is_alpha and word.is_lower) or word.is_stop:
        return None  # "10 mg/kg IV over 30 minutes": "over" leads a phrase of its own
    if not _is_describing_word(word.lower_):
        return None
    if span.end + 1 < len(doc) and _noun_after(word, doc[span.end + 1], adjective=True):
        return None
    at = word.idx + len(word.text)
    return [
        _Edit(span.start_char, word.idx, "", span.start),
        _Edit(at, at, " ", span.end),
        _Edit(at, at, shown, span.end, match, wording),
    ]


def _is_describing_word(word: str) -> bool:
    """An adjective ("unwell") or a past participle ("absorbed"), not a noun or a verb."""
    if lemmas_of(word, "ADJ"):
        return not lemmas_of(word, "NOUN")
    return word.endswith("ed") and bool(lemmas_of(word, "VERB"))


def _plain_holds_a_clause(plain: str) -> bool:
    return any(word in CLAUSE_OPENERS_IN_PLAIN for word in plain.split(" ")[1:])


def _plain_is_a_doing_phrase(plain: str) -> bool:
    """ "being no worse", "sticking to treatment": an "-ing" verb with words of its own
    after it (no noun, adjective or "and" next) says what someone does, so it cannot stand
    before a noun ("the being no worse margin"); "clotting test", "calming and itch
    medicine" name a thing and can."""
    first, *rest = plain.split(" ")
    if not rest or not first.endswith("ing") or not lemmas_of(first, "VERB"):
        return False
    second = rest[0]
    names_a_thing = lemmas_of(second, "NOUN") or lemmas_of(second, "ADJ")
    return second not in ("and", "or") and not names_a_thing


# First words of plain wording that is a place or a way, not a describing word ("by vein",
# "into muscle"): before a noun such words only read when joined ("by-vein").
PREPOSITION_LED_PLAIN_OPENERS = frozenset(
    {"by", "into", "under", "through", "in", "on", "inside", "outside"}
)


def _hyphened_modifier(plain: str) -> str:
    """ "by vein" before a noun reads "by-vein zoledronic acid", as "by-mouth" does. Words
    that already describe ("less severe", "heart and blood vessel") stay as they are."""
    words = plain.split(" ")
    if len(words) < 2 or "-" in plain or words[0] not in PREPOSITION_LED_PLAIN_OPENERS:
        return plain
    return "-".join(words)


# The head nouns of plain names for a body of people ("global kidney care group").
BODY_HEADS = frozenset(
    {"group", "agency", "society", "association", "college", "panel", "committee", "institute",
     "organization", "alliance", "academy", "board", "council", "service", "centre", "center"}
)  # fmt: skip
# Words after which a name that stands alone needs "the" ("per KDIGO" -> "per the group").
BEFORE_A_NAME = frozenset(
    {"by", "from", "of", "with", "to", "in", "for", "on", "at", "per", "than", "as", ",", ":"}
)


# The head nouns of plain names for a test, a score or a test's value ("TSH" -> "thyroid
# test level"), a pill or a device ("oral iron" and "CRT", mass nouns, -> "iron pill",
# "pacemaker that syncs the heart", counted ones), and the verbs that show it is the
# subject of a clause, not a label in note form.
TEST_HEADS = frozenset(
    {
        "test",
        "scan",
        "score",
        "pill",
        "device",
        "pacemaker",
        "marker",
        "rate",
        "stain",
        "drip",
        "level",
    }
)
SUBJECT_VERBS = frozenset(
    {"is", "was", "are", "were", "should", "must", "can", "could", "may", "might", "will",
     "would", "has", "had", "needs", "falls", "fell", "rises", "rose", "stays", "remains",
     "fails", "works", "serves", "shows", "helps", "confirms", "detects", "guides"}
)  # fmt: skip


def _with_the(plain: str, span: Span, abbreviated: bool = True) -> str:
    """ "KDIGO advises" -> "the global kidney care group advises": an abbreviation names
    a body on its own, but the plain words for it are a common noun that needs "the"
    (only where nothing else stands before it: not "The 2012 AAN", "class-wide KDIGO").
    So does a test or a pill that opens a clause ("TSH should be rechecked" -> "The thyroid
    blood test should be ...", "Oral iron remains ..." -> "The iron pill remains ...", and
    "Hepatitis B serology must be checked", a mass noun, whose plain words are not), but
    not after a word ("a TSH of 5", "with eGFR below 30")."""
    head = _head_word(plain)
    body = abbreviated and head in BODY_HEADS
    if head in TEST_HEADS and _after_such_as(span):
        return "the " + plain  # "scores such as MIDAS" -> "scores such as the ... score"
    if not (body or (head in TEST_HEADS and _verb_follows_soon(span))):
        return plain  # most terms: no need to find where the sentence starts
    opens_clause = span.start == span.sent.start or span.doc[span.start - 1].text in (";", ":")
    if body:
        named = opens_clause or span.doc[span.start - 1].lower_ in BEFORE_A_NAME
        return "the " + plain if named else plain
    return "the " + plain if opens_clause or _clause_starts_at(span) else plain


def _after_such_as(span: Span) -> bool:
    """ "scores such as MIDAS": a test named as the example of a kind is one test, which
    needs "the" once its plain words are a common noun."""
    doc, start = span.doc, span.start
    return start > 1 and doc[start - 1].lower_ == "as" and doc[start - 2].lower_ == "such"


HEAD_ENDING_WORDS = frozenset({"that", "which", "who", "of", "with"})


def _head_word(plain: str) -> str:
    """The noun a plain name is about: its last word, or the word before a clause of its
    own ("pacemaker that syncs the heart") or before "of" or "with" ("germ stain of
    coughed-up mucus" is a stain, "deep breathing with a small device" no device)."""
    words = plain.lower().split(" ")
    opener = next((k for k, word in enumerate(words) if k and word in HEAD_ENDING_WORDS), None)
    return words[opener - 1] if opener else words[-1]


# "no abscess on ultrasound", "preferably MRI": a scan named as a kind of test, with no
# article; its plain words name one scan, which needs "a" ("on a sound-wave scan").
WORDS_BEFORE_A_SCAN_NAMED_ALONE = frozenset(
    {"on", "by", "with", "via", "using", "preferably", "ideally", "before", "after"}
)


def _scan_named_alone_with_a(plain: str, span: Span) -> str:
    """ "on sound-wave scan" -> "on a sound-wave scan"; not before the noun it describes
    ("on ultrasound guidance") and not for other tests ("with eGFR below 30" is a value)."""
    if plain.rsplit(" ", 1)[-1].lower() != "scan" or span.start == 0:
        return plain
    if span.doc[span.start - 1].lower_ not in WORDS_BEFORE_A_SCAN_NAMED_ALONE:
        return plain
    if _modifies_next_noun(span):
        return plain
    return f"{indefinite_article(plain)} {plain}"


MAX_TEST_DESCRIBERS = 2


def _the_before_a_described_test(doc: Doc, edits: list[_Edit]) -> list[_Edit]:
    """ ", and compression ultrasonography should confirm ..." -> ", and the compression
    sound-wave scan should confirm ...": a test named with a describing word before it
    opens a clause as the bare test does (`_with_the`), and "the" goes before that word.
    Only plain lower-case words that name or describe (no stop word, no name in capitals),
    and none that another swap rewrites."""
    fixes = []
    for edit in edits:
        if edit.match is None or edit.text.rsplit(" ", 1)[-1].lower() not in TEST_HEADS:
            continue  # the cheap test first: most edits name no test
        if edit.text == text_of(doc)[edit.start : edit.end]:
            continue
        span = edit.match.span
        if edit.text.lower().startswith("the ") or not _verb_follows(span):
            continue
        first = _first_test_describer(doc, span.start)
        if first is None or any(e.token in range(first.i, span.start) for e in edits):
            continue
        opens = first.is_sent_start or doc[first.i - 1].text in (";", ":")
        if opens or _clause_starts_at(doc[first.i : span.end]):
            word = first.lower_ if first.is_sent_start else first.text
            # "28-day death rate": a figure takes no capital, so "The" is written as such
            the = "The" if first.is_sent_start and first.like_num else "the"
            fixes.append(_Edit(first.idx, first.idx + len(first.text), f"{the} {word}", first.i))
    return fixes


def _first_test_describer(doc: Doc, start: int) -> Token | None:
    """The first of up to two plain words right before a test's name ("compression
    ultrasonography", "repeat chest imaging"), or None."""
    first = None
    for i in range(start - 1, max(start - 1 - MAX_TEST_DESCRIBERS, -1), -1):
        token = doc[i]
        written = token.text if not token.is_sent_start else token.lower_
        if not token.is_alpha or token.is_stop or not written.islower():
            break
        if not (lemmas_of(token.lower_, "NOUN") or lemmas_of(token.lower_, "ADJ")):
            break
        first = token
    if first is not None and first.i > 1 and _after_a_figure_and_hyphen(doc, first.i):
        return doc[first.i - 2]  # "28-day death rate": the figure opens the describing words
    if first is not None and first.i > 1 and _after_a_word_and_hyphen(doc, first.i):
        return doc[first.i - 2]  # "all-cause death rate": the joined word is one describer
    return first


def _after_a_word_and_hyphen(doc: Doc, i: int) -> bool:
    hyphen, word = doc[i - 1], doc[i - 2]
    return hyphen.text == "-" and not hyphen.whitespace_ and not word.whitespace_ and word.is_alpha


def _after_a_figure_and_hyphen(doc: Doc, i: int) -> bool:
    hyphen, figure = doc[i - 1], doc[i - 2]
    return (
        hyphen.text == "-"
        and not hyphen.whitespace_
        and not figure.whitespace_
        and (figure.like_num)
    )


# Plain heads of an illness one has one of ("a deep vein clot", "a heart attack"), where the
# clinical word is used with no article ("with DVT"), and the words such a name follows.
COUNTED_ILLNESS_HEADS = frozenset(
    {
        "clot",
        "attack",
        "ulcer",
        "wound",
        "phase",
        "pancreas",
        "rectum",
        "machine",
        "tube",
        "disorder",
        "drug",
        "increase",
        "change",
        "scan",
    }
)  # "after a swollen pancreas", "for an inflamed rectum", "needed a breathing tube", "need a
# liver sound-wave scan" (for "need liver ultrasound")
# ("with up-titration" -> "with a step-by-step dose increase": one step of a plan, counted)
ILLNESS_PREPOSITIONS = frozenset({"with", "of", "for", "about", "after", "from", "without", "in"})
# "needing mechanical ventilation", "needed intubation": a treatment named as a mass noun
# after a verb of need, whose plain words name one thing ("a breathing machine").
NEED_VERBS = frozenset({"need", "needs", "needed", "needing", "require", "requires", "required",
                        "requiring"})  # fmt: skip
# "found clinical remission", "yielded steroid-free remission": a state reached, named as a
# mass noun, whose plain words name one phase ("found a quiet phase").
REACHING_VERBS = frozenset(
    {"found", "reached", "achieved", "achieving", "yielded", "induced", "induce", "induces",
     "reach", "reaches", "achieve", "achieves"}
)  # fmt: skip
# "than placebo", "assigned to placebo": what a group took, compared, is one thing too
# ("than a dummy drug").
COMPARED_WITH = frozenset({"than", "over", "given", "to", "on", "vs.", "versus"})
# "once remission is reached", "if DVT is suspected": such a name as the subject of a
# condition is one thing too ("once a quiet phase is reached").
CONDITION_OPENERS = frozenset({"once", "until", "unless", "when", "if"})
WORDS_BEFORE_A_COUNTED_NAME = ILLNESS_PREPOSITIONS | NEED_VERBS | REACHING_VERBS | COMPARED_WITH
MAX_ILLNESS_DESCRIBERS = 3


def _a_before_a_counted_illness(doc: Doc, edits: list[_Edit]) -> list[_Edit]:
    """ "patients with acute proximal DVT" -> "people with a sudden proximal deep vein
    clot": an illness written with no article, as a mass noun, whose plain words name one
    thing takes "a" before its describing words. Only after a preposition ("with", "of"
    ...), only a singular name, never a drug, and never one that describes the next noun
    ("DVT risk")."""
    fixes = []
    for edit in edits:
        match = edit.match
        if match is None or edit.text.rsplit(" ", 1)[-1] not in COUNTED_ILLNESS_HEADS:
            continue  # the cheap test first: most edits name no illness
        if match.entry.is_drug or edit.text == text_of(doc)[edit.start : edit.end]:
            continue
        span = match.span
        if edit.text.endswith(" drug") and not _compared_group_drug(doc, span):
            continue  # the cheap test first: most drug kinds are named with a describer
        if _reads_plural(span_text(span)):  # "DVTs"; "pancreatitis" is one illness
            continue
        if _modifies_next_noun(span) or _noun_follows(span):
            continue
        first = _first_illness_describer(doc, span.start)
        word = doc[first]
        shown = next((e.text for e in edits if e.start == word.idx), word.text)
        if _compared_as_a_rate(doc, first, span):
            lead = "The rate of " if word.is_sent_start else "the rate of "
            fixes.append(_Edit(word.idx, word.idx, lead + indefinite_article(shown) + " ", word.i))
            continue
        if first < 1:
            continue
        before = doc[first - 1].lower_
        if before not in WORDS_BEFORE_A_COUNTED_NAME and not (
            _second_of_two(doc, first)
            or _drug_after_a_dose_and_or(doc, span)
            or _drug_after_one_choice_and_or(doc, span)
            or before in CONDITION_OPENERS
        ):
            continue
        if first > 1 and doc[first - 2].text == "-" and not doc[first - 2].whitespace_:
            continue  # "add-on drug": "on" is the end of a joined word, not a preposition
        if shown.split(" ", 1)[0].lower() in ("a", "an", "the"):
            continue  # the plain words bring their article ("on a sound-wave scan")
        fixes.append(_Edit(word.idx, word.idx, indefinite_article(shown) + " ", word.i))
    return fixes


# Plain heads of a measure that a figure follows in note form ("with eGFR 25-75"), and the
# words that lead a figure in its place ("as low as 20", "below 30").
VALUE_HEADS = frozenset({"score", "level", "rate", "count", "ratio"})
FIGURE_LEADS = frozenset({"as", "below", "above", "under", "over", "between", "<", ">", "\u2264",
                          "\u2265"})  # fmt: skip


def _a_before_a_value_named_alone(doc: Doc, edits: list[_Edit]) -> list[_Edit]:
    """ "adults with eGFR 25-75" -> "adults with a kidney score of 25-75": a measure
    written in note form after "with", its figure right behind it, reads as one value once
    its plain words are a common noun: "a" before it, and "of" before a bare figure ("with
    a kidney score as low as 20" needs none). Not before a noun the measure describes
    ("with eGFR decline"), nor a plural ("with scores 3 and 4")."""
    fixes: list[_Edit] = []
    for edit in edits:
        text = edit.text
        if text[-1:] == ")":
            text = text.partition(" (")[0]  # "kidney score (eGFR)" the first time
        if text.rpartition(" ")[2] not in VALUE_HEADS or edit.match is None:
            continue  # the cheap test first: most edits name no measure
        match = edit.match
        span = match.span
        after_with = text_of(doc)[max(0, edit.start - 5) : edit.start].lower() == "with "
        if not after_with and not _second_value_after_and(doc, span, fixes):
            continue  # a string slice first: no Token made for most measures
        if span.end >= len(doc):
            continue
        if edit.text == text_of(doc)[edit.start : edit.end] or _reads_plural(span_text(span)):
            continue
        following = doc[span.end]
        figure = following.text[:1].isdigit()
        if not figure and following.lower_ not in FIGURE_LEADS:
            continue
        fixes.append(_Edit(edit.start, edit.start, indefinite_article(edit.text) + " ", span.start))
        if figure:
            fixes.append(_Edit(following.idx, following.idx, "of ", following.i))
    return fixes


# Where a clause's subject starts: "Remission was higher ...", "..., although remission was".
SUBJECT_LEADS = frozenset({"although", "though", "while", "whereas", "but", "and", "yet", ","})
BE_FORMS = frozenset({"is", "was", "are", "were"})
# Comparatives of a figure: a phase that was "higher" is its rate ("more common" is not).
FIGURE_COMPARATIVES = frozenset({"higher", "lower", "greater"})
MAX_WORDS_BEFORE_BE = 5
MAX_ADVERBS_BEFORE_COMPARATIVE = 2


def _compared_as_a_rate(doc: Doc, first: int, span: Span) -> bool:
    """ "Remission over 12 weeks was modestly higher with A than with B": a state named as
    a mass noun and compared as a figure is the rate of it; "A quiet phase was higher"
    would not say what was, so the plain words read "The rate of a quiet phase ...". Only
    the subject of a clause, its verb a form of "be" a few words on, then a comparative
    of a figure ("higher", "lower", "greater"), at most two "-ly"/"not" words between."""
    if first > 0 and not doc[first].is_sent_start and doc[first - 1].lower_ not in SUBJECT_LEADS:
        return False
    at = span.end
    limit = min(span.end + MAX_WORDS_BEFORE_BE, len(doc))
    while at < limit and doc[at].lower_ not in BE_FORMS:
        token = doc[at]
        if token.is_punct or token.lower_ in CLAUSE_BREAKS or token.lower_ in SUBJECT_VERBS:
            return False
        at += 1
    if at >= limit:
        return False
    at += 1
    adverbs = 0
    while at < len(doc) and adverbs < MAX_ADVERBS_BEFORE_COMPARATIVE and _says_how_much(doc[at]):
        at, adverbs = at + 1, adverbs + 1
    return at < len(doc) and doc[at].lower_ in FIGURE_COMPARATIVES


def _says_how_much(token: Token) -> bool:
    """ "modestly", "numerically", "not": a word before a comparative that qualifies it."""
    word = token.lower_
    return word == "not" or (word.endswith("ly") and bool(lemmas_of(word, "ADV")))


def _second_value_after_and(doc: Doc, span: Span, fixes: list[_Edit]) -> bool:
    """ "with a kidney score of 25-75 mL/min and UACR 200-5000 mg/g": a second measure
    after "and", with only the first one's figure and unit between, is one more value of
    the same "with" ("and a urine protein level of 200-5000 mg/g"). Not after words ("with
    a kidney score of 20 and UACR testing")."""
    if not fixes or span.start < 2 or doc[span.start - 1].lower_ != "and":
        return False
    last = fixes[-1]
    if last.text != "of ":
        return False  # the first measure had a bare figure after it, as this one must
    between = doc[last.token : span.start - 1]
    return 0 < len(between) <= MAX_FIGURE_TOKENS and all(
        not t.is_alpha or t.text in UNITS for t in between
    )


MAX_FIGURE_TOKENS = 8  # "25-75 mL/min/1.73 m2"


def _compared_group_drug(doc: Doc, span: Span) -> bool:
    """ "than placebo", "with placebo": a drug named right after a word of comparison, of
    what a group was given, or a preposition, with no describing word between."""
    if span.start > 0 and doc[span.start - 1].lower_ in WORDS_BEFORE_A_COUNTED_NAME:
        return True
    return _drug_after_a_dose_and_or(doc, span) or _drug_after_one_choice_and_or(doc, span)


def _drug_after_one_choice_and_or(doc: Doc, span: Span) -> bool:
    """ "assigned to semaglutide or placebo": the other group's drug, after "to" (or
    "than", "given" ...) and one word naming the first group's choice, is one thing as
    after "to" ("or a dummy drug"). Not after two words ("to low dose or placebo"), nor
    after a capital ("to Ozempic or placebo" is left as it was written)."""
    if span.start < 3 or doc[span.start - 1].lower_ != "or":
        return False
    choice, before = doc[span.start - 2], doc[span.start - 3]
    return choice.is_alpha and choice.is_lower and before.lower_ in COMPARED_WITH


DOSE_TIMES = frozenset({"daily", "weekly", "monthly", "nightly"})
COURSE_TIMES = frozenset({"days", "weeks", "months"})


def _drug_after_a_dose_and_or(doc: Doc, span: Span) -> bool:
    """ "assigned to spironolactone 25 mg daily or placebo": the other group's drug, after
    the first group's dose and "or", is one thing as after "to" ("or a dummy drug"); so it
    is after a dose's course and a comma ("200 mg daily, tapered over 8 days, or
    placebo"). Not after a noun or a describing word ("with or without placebo" has no
    dose)."""
    if span.start < 2 or doc[span.start - 1].lower_ != "or":
        return False
    dose = doc[span.start - 2]
    if dose.text == "," and span.start > 2 and doc[span.start - 3].lower_ in COURSE_TIMES:
        return True
    return dose.like_num or dose.text in UNITS or dose.lower_ in DOSE_TIMES


def _second_of_two(doc: Doc, first: int) -> bool:
    """ "reached low disease activity or remission" -> "... or a quiet phase": the second of
    two nouns joined by "or" stands where a preposition's noun would. Only after a noun that
    is no describing word ("acute or chronic DVT" joins two describing words), and never
    after "and", which may start a clause of its own ("... and DVT was rare")."""
    if first < 2 or doc[first - 1].lower_ != "or":
        return False
    before = doc[first - 2]
    word = before.lower_
    return before.is_alpha and bool(lemmas_of(word, "NOUN")) and not lemmas_of(word, "ADJ")


def _first_illness_describer(doc: Doc, start: int) -> int:
    """Where the describing words before an illness's name start: up to three plain words,
    each maybe joined by a hyphen ("long-term", "2-year")."""
    first, described = start, 0
    while first > 1 and described < MAX_ILLNESS_DESCRIBERS:
        token = doc[first - 1]
        if token.text == "-" and not token.whitespace_ and not doc[first - 2].whitespace_:
            first -= 2  # "long-term", "2-year": the word before the hyphen goes with it
            continue
        if described and token.lower_ in JOINING and _joins_two_describers(doc, first - 1):
            first -= 1  # "clinical and endoscopic remission": one name, two describers
            continue
        if not (token.is_alpha and token.is_lower) or token.is_stop:
            break
        word = token.lower_
        if word in NEED_VERBS or word in COMPARED_WITH:
            break  # "needed intubation", "given placebo": no describing word, whatever its tag
        verb = not (lemmas_of(word, "ADJ") or lemmas_of(word, "NOUN")) and lemmas_of(word, "VERB")
        if verb and not _participle_after_reaching(doc, first - 1):
            break  # "... yielded steroid-free remission": a verb ends the describing words
        first -= 1
        described += 1
    return first


def _joins_two_describers(doc: Doc, i: int) -> bool:
    """ "clinical and endoscopic": "and"/"or" after a describing word joins two describers
    of one name; after a noun ("diabetes and remission") it joins two names."""
    if i < 1 or doc[i].lower_ not in ("and", "or"):
        return False
    before = doc[i - 1]
    return before.is_alpha and before.is_lower and bool(lemmas_of(before.lower_, "ADJ"))


def _participle_after_reaching(doc: Doc, i: int) -> bool:
    """ "achieved combined remission", "reached sustained remission": a past participle
    right after a verb of reaching describes the phase reached, it is no verb of its own."""
    return i > 0 and doc[i].lower_.endswith("ed") and doc[i - 1].lower_ in REACHING_VERBS


def _noun_follows(span: Span) -> bool:
    """ "severe migraine features": a next word that can be a noun in any form (a plural
    reads as a verb to `_modifies_next_noun`) may be the noun the name describes."""
    if span.end >= len(span.doc):
        return False
    following = span.doc[span.end]
    if following.is_stop:
        return False  # "or", a noun to the lexicon ("OR", the operating room), joins names
    return following.is_alpha and bool(lemmas_of(following.lower_, "NOUN"))


JOINING = frozenset({"and", "but", "or"})
CLAUSE_OPENERS = frozenset(
    {"when", "if", "unless", "until", "once", "while", "because", "provided", "whether"}
)


def _clause_starts_at(span: Span) -> bool:
    """ ", and TSH must be ...", "when TSH is ...": a clause of its own starts here (after
    ", and" a split may make it a sentence)."""
    doc, start = span.doc, span.start
    if start > 0 and (doc[start - 1].lower_ in CLAUSE_OPENERS or doc[start - 1].text == ","):
        return True  # "when UACR stays above 30" -> "when the urine protein test stays"
    return start > 1 and doc[start - 1].lower_ in JOINING and doc[start - 2].text == ","


def _verb_follows(span: Span) -> bool:
    return span.end < len(span.doc) and span.doc[span.end].lower_ in SUBJECT_VERBS


# How far a subject's verb may stand behind a test's name: "Creatinine and K+ should be
# checked", "Mortality at 30 days did not differ".
MAX_WORDS_BEFORE_THE_VERB = 7
SUBJECT_VERBS_AFTER_WORDS = SUBJECT_VERBS | {
    "did", "does", "goes", "went", "drops", "dropped", "reaches", "reached", "exceeds", "exceeded"
}  # fmt: skip


def _verb_follows_soon(span: Span) -> bool:
    """The name is the subject of a verb a few words on: "and" another name or a phrase
    of time may stand between ("kidney waste marker and potassium should be checked").
    A comma, a bracket or a clause word ends the search: the verb past it has its own
    subject, and a label in note form has none."""
    if _verb_follows(span):
        return True
    doc = span.doc
    for token in doc[span.end : min(span.end + MAX_WORDS_BEFORE_THE_VERB, len(doc))]:
        if token.is_punct or token.lower_ in CLAUSE_BREAKS:
            return False
        if token.lower_ in SUBJECT_VERBS_AFTER_WORDS or _only_a_verb_in_s(token):
            return True
    return False


def _only_a_verb_in_s(token: Token) -> bool:
    """ "establishes", "shows": a word in "-s" that can only be a verb (not "samples" or
    "tests", which are nouns too), so a test's name before it is the verb's subject
    ("Flexible sigmoidoscopy with biopsies establishes ..." -> "The lower-bowel scope test
    with tissue samples establishes ...")."""
    word = token.lower_
    if not word.endswith("s") or not token.is_alpha or not token.is_lower:
        return False
    return bool(lemmas_of(word, "VERB")) and not lemmas_of(word, "NOUN")


def _pair_text(match: TermMatch, wording: Wording, audience: Audience, heading: bool) -> str | None:
    """ "complete blood count (CBC)" -> "blood count test (CBC)"; drug pairs stay as written."""
    entry, span = match.entry, match.span
    if entry.is_drug:
        return None
    opening = next(t.i for t in span if t.text == "(")
    parts = [span.doc[span.start : opening], span.doc[opening + 1 : span.end - 1]]
    short = next((p for p in parts if _is_abbreviation(p, entry)), None)
    long_part = parts[0] if short is parts[1] or short is None else parts[1]
    long_text = long_part.text if audience.terms == "keep" else _plain(wording, entry, long_part)
    if audience.terms != "keep" and not heading:
        long_text = _with_the(long_text, span, abbreviated=False)
    if not heading:
        long_text = _scan_named_alone_with_a(long_text, match.span)
    if short is None or heading:
        return long_text
    if audience.abbreviations == "replace" and not _spells_a_number(short):
        return long_text
    return f"{long_text} ({short.text})"


def _in_a_name(span: Span) -> bool:
    """ "UC SUCCESS", a trial's name: an abbreviation before a word in capitals is part of
    a name, and a name is never reworded."""
    doc = span.doc
    following = doc[span.end] if span.end < len(doc) else None
    return (
        following is not None and following.is_upper and following.is_alpha and len(following) >= 4
    )


def _spells_a_number(span: Span) -> bool:
    """ "5-ASA", "6-MP": a number of its own in the name, which the facts check counts
    (not "SGLT2", one word)."""
    return any(token.like_num and not token.is_alpha for token in span)


def _introduce(plain: str, original: str, span: Span) -> str:
    """First use: the plain words, then the clinical one so the reader learns it.

    Never a bracket inside a bracket, and never two brackets in a row: inside
    one the clinical word follows a comma; before one, only the plain words
    stand (the annotation still carries the clinical word).
    """
    doc = span.doc
    if span.end < len(doc) and doc[span.end].text == "(":
        return plain
    if plain.lower() == original.lower():
        return plain  # "heart failure (heart failure)": the plain name is the clinical one
    if _same_frame(plain, original):
        return plain
    if _open_brackets(doc, span.start) > 0:
        return f"{plain}, {original}"
    return f"{plain} ({original})"


# Small words that frame a phrase entry ("in both arms", "at baseline", "as tolerated").
FRAME_WORDS = frozenset({"in", "at", "from", "to", "as", "of", "on", "for", "by", "with", "not"})


def _same_frame(plain: str, original: str) -> bool:
    """ "in both groups (in both arms)", "at the start (at baseline)": a phrase whose plain
    words keep its opening or closing small word says the same thing again in the bracket;
    the reader learns no name from it (the annotation still carries the clinical words)."""
    written = original.lower().split()
    if len(written) < 2:
        return False
    words = plain.lower().split()
    return (written[0] in FRAME_WORDS and written[0] == words[0]) or (
        written[-1] in FRAME_WORDS and written[-1] == words[-1]
    )


def _open_brackets(doc: Doc, index: int) -> int:
    before = text_of(doc)[: doc[index].idx]
    return before.count("(") - before.count(")")


def _as_written(span: Span) -> str:
    """The term without the capital it only had for starting the sentence."""
    text = span.text
    if span[0].is_sent_start and not span[0].is_upper and text[:1].isupper():
        return text[:1].lower() + text[1:]
    return text


ABBREVIATION_KEY = ("abbreviation",)


def _match_is_abbreviation(match: TermMatch) -> bool:
    """`_is_abbreviation` of a mention, remembered with what rendering made of it: every
    rendering of its block marks the term again."""
    found = match.rendered.get(ABBREVIATION_KEY)
    if found is None:
        found = match.rendered[ABBREVIATION_KEY] = (
            "y" if _is_abbreviation(match.span, match.entry) else ""
        )
    return bool(found)


def _is_abbreviation(span: Span, entry: Entry) -> bool:
    text = span_text(span)
    surfaces = entry.case_sensitive_surfaces()
    return text in surfaces or (text.endswith("s") and text[:-1] in surfaces)


def _plain(wording: Wording, entry: Entry, span: Span) -> str:
    """The plain wording, made to agree with the term as written (plural, verb form)."""
    last = span[-1]
    if entry.pos == "verb":
        # "de-escalated" is three tokens: the written verb is the whole first word
        written = span_text(span).split(" ", 1)[0].lower()
        inflected = _inflect_verb(wording.plain, entry.term.split()[0].lower(), written)
        if _dose_left_out(wording, entry, written, span):
            return _with_the_dose(inflected)
        return _manner_placed(inflected, span)
    if entry.pos == "noun" and _is_plural(last, span, entry):
        return wording.plural or pluralise(wording.plain)
    return wording.plain


def _is_plural(token: Token, span: Span, entry: Entry) -> bool:
    if _is_abbreviation(span, entry):
        return span_text(span) not in entry.case_sensitive_surfaces()
    term_head = entry.term.split()[-1].lower()
    written_plural = token.lower_ != token.norm_ and token.lower_.endswith("s")
    term_is_plural = term_head.endswith("s") and term_head not in (token.norm_, *entry.variants)
    return written_plural and not term_is_plural


@lru_cache(maxsize=4096)
def pluralise(phrase: str) -> str:
    """Plural of a noun phrase: its head is the last word, or the word before "of"."""
    words = phrase.split(" ")
    head = words.index("of") - 1 if "of" in words[1:] else len(words) - 1
    forms = forms_of(words[head], "NNS")
    words[head] = forms[0] if forms else words[head] + "s"
    return " ".join(words)


@lru_cache(maxsize=4096)
def _inflect_verb(plain: str, base: str, written: str) -> str:
    tags = [
        tag
        for tag, forms in verb_forms(base).items()
        if written in forms and tag not in ("VB", "VBP")
    ]
    if not tags:
        return plain
    manner, verb, rest = _leading_manner(plain)
    forms = forms_of(verb, tags[0])
    inflected = forms[0] if forms else verb
    return f"{manner}{inflected} {rest}".strip()


# Words that open a verb's object ("raising the dose"), where "every" opens a time.
OBJECT_OPENERS = frozenset(
    {"a", "an", "the", "this", "these", "that", "those", "its", "their", "your", "his", "her",
     "each", "both", "all", "any", "some"}
)  # fmt: skip


def _manner_placed(plain: str, span: Span) -> str:
    """ "slowly raised": the "-ly" word stays before the verb only when an object follows
    ("slowly raising the dose"); before "to", "by", a time or the end it follows the verb,
    as English puts it ("changed slowly to 40 mg"), and where the text says how already
    ("titrated slowly over 6 weeks") the plain words do not say it twice."""
    manner, verb, rest = _leading_manner(plain)
    if not manner:
        return plain
    doc = span.doc
    following = doc[span.end] if span.end < len(doc) else None
    if (
        following is not None
        and following.lower_.endswith("ly")
        and lemmas_of(following.lower_, "ADV")
    ):
        return f"{verb} {rest}".strip()
    if following is not None and _opens_an_object(following):
        return plain
    return f"{verb} {manner.strip()} {rest}".strip()


def _dose_left_out(wording: Wording, entry: Entry, written: str, span: Span) -> bool:
    """ "then uptitrating every 2 weeks", "keep tapering": a one-word verb that changes a
    dose step by step (its plain words say how, "slowly raise"; its definition says what,
    "to raise a drug's dose"), done, not undergone (no "-ed"), with no object after it.
    The clinical verb holds the dose; "raising slowly every 2 weeks" raised nothing."""
    if " " in entry.term or written.endswith("ed") or " dose" not in wording.definition:
        return False
    if not any(word.endswith("ly") and lemmas_of(word, "ADV") for word in wording.plain.split()):
        return False
    doc = span.doc
    return span.end >= len(doc) or not _opens_an_object(doc[span.end])


def _with_the_dose(plain: str) -> str:
    """ "slowly raising" -> "raising the dose slowly", "lowering slowly" -> "lowering the
    dose slowly": the object after the verb, the "how" after the object."""
    manner, verb, rest = _leading_manner(plain)
    return " ".join(part for part in (verb, "the dose", manner.strip(), rest) if part)


def _opens_an_object(token: Token) -> bool:
    if not token.is_alpha:
        return False
    lower = token.lower_
    if lower in OBJECT_OPENERS:
        return True
    return not token.is_stop and not lemmas_of(lower, "ADV")


def _leading_manner(plain: str) -> tuple[str, str, str]:
    """ "slowly raise" -> ("slowly ", "raise", ""): a plain verb may open with an "-ly"
    word saying how, which stands before its object where "raise step by step" could not
    ("slowly raising the dose", not "raising step by step the dose"); the verb after it
    takes the form."""
    first, _, rest = plain.partition(" ")
    if rest and first.endswith("ly") and lemmas_of(first, "ADV"):
        verb, _, tail = rest.partition(" ")
        return first + " ", verb, tail
    return "", first, rest


def _voice_edits(span: Span, rule: VoiceRule) -> list[_Edit]:
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.lower_ in ("'s", "\u2019s") and rule.possessive:
        return [_Edit(span.start_char, after.idx + len(after.text), rule.possessive, span.start)]
    commanded = _person_after_command(span, rule)
    if commanded is not None:
        return [commanded]
    edits = [_Edit(span.start_char, span.end_char, rule.replacement, span.start)]
    verb = _following_verb(doc, span.end) if rule.verbs == "second_person" else None
    if verb is None or not _second_person(verb):
        return edits
    for agreeing in (verb, *_coordinated_verbs(verb)):
        agreed = _second_person(agreeing)
        if agreed:
            edits.append(_Edit(agreeing.idx, agreeing.idx + len(agreeing.text), agreed, agreeing.i))
    return edits


# "Have the patient lie down": the verb after the person is what they do, not what is done
CAUSING_VERBS_BEFORE_PERSON = frozenset({"let", "make", "have", "help", "get", "bid"})


def _person_after_command(span: Span, rule: VoiceRule) -> _Edit | None:
    """ "Admit the patient for IV therapy" read "Admit you for ..." (and "Admit the person
    you care for for ..."): an order to the clinician whose object is the reader. It
    reads as what is done to the reader: "You should be admitted for ...". Only a
    sentence's first word that is a verb in its base form, for a rule that names a
    person (it has a possessive)."""
    if rule.possessive is None or span.start == 0:
        return None
    verb = span.doc[span.start - 1]
    if not verb.is_sent_start or not verb.is_alpha or verb.is_stop:
        return None
    lower = verb.lower_
    lemmas = [m for m in lemmas_of(lower, "VERB").get("VERB", ()) if lower in forms_of(m, "VB")]
    if not lemmas or lemmas[0] in CAUSING_VERBS_BEFORE_PERSON:
        return None
    participles = forms_of(lemmas[0], "VBN")
    following = _following_verb(span.doc, span.end)
    if not participles or (following is not None and _second_person(following)):
        return None  # "Ensure the patient has ...": the person is the next verb's subject
    text = f"{rule.replacement} should be {participles[0]}"
    return _Edit(verb.idx, span.end_char, text, verb.i)


def _coordinated_verbs(verb: Token) -> list[Token]:
    """ "you prefer pills or has limited access": later verbs of the same subject agree too."""
    doc = verb.doc
    found: list[Token] = []
    # "you are 50 or older, has gut symptoms, or fails to respond": a verb after a comma
    # agrees only once "and"/"or" closes the series with a verb ("..., is the only ..."
    # after an inserted clause belongs to another subject)
    pending: list[Token] = []
    for token in doc[verb.i + 1 : min(verb.i + 25, verb.sent.end)]:
        if token.text == "," and token.i + 1 < len(doc):
            after = doc[token.i + 1]
            if after.lower_ in ("and", "or"):
                continue
            if after.lower_ in SECOND_PERSON:
                pending.append(after)
                continue
        if token.text in (",", ";", ".", ":", "(") or token.lower_ in CLAUSE_BREAKS:
            break
        if token.lower_ in ("and", "or") and token.i + 1 < len(doc):
            following = _following_verb(doc, token.i + 1)
            if following is not None and _second_person(following):
                found += [*pending, following]
                pending = []
    return found


def _following_verb(doc: Doc, index: int) -> Token | None:
    for token in doc[index : index + 3]:
        if token.lower_ in ADVERBS_BEFORE_VERB or (token.lower_.endswith("ly") and token.is_alpha):
            continue
        return token
    return None


def _second_person(token: Token) -> str | None:
    """ "has" -> "have", "remains" -> "remain": the verb form that agrees with "you"."""
    lower = token.lower_
    agreed = SECOND_PERSON.get(lower)
    if agreed is None and lower.endswith("s") and token.is_alpha:
        lemmas = lemmas_of(lower, "VERB").get("VERB", ())
        agreed = next((lemma for lemma in lemmas if lower in forms_of(lemma, "VBZ")), None)
    if agreed is None:
        return None
    return agreed.capitalize() if token.text[:1].isupper() else agreed


def _article_fixes(doc: Doc, edits: list[_Edit]) -> list[_Edit]:
    """ "a"/"an" before a changed word must agree with the new word."""
    fixes = []
    written = text_of(doc)
    for edit in edits:
        if edit.token == 0 or edit.start == edit.end:
            continue
        if edit.text == written[edit.start : edit.end]:
            continue
        before = doc[edit.token - 1]
        if before.lower_ not in ("a", "an"):
            continue
        wanted = indefinite_article(edit.text or _rendered_at(doc, edits, edit.end))
        if wanted != before.lower_:
            text = wanted.capitalize() if before.text[:1].isupper() else wanted
            fixes.append(_Edit(before.idx, before.idx + len(before.text), text, before.i))
    return fixes


def _rendered_at(doc: Doc, edits: list[_Edit], start: int) -> str:
    """The word a reader sees at `start`: an edit's new text or the token as written."""
    for edit in edits:
        if edit.start == start and edit.end > start:
            return edit.text
    token = doc.char_span(start, start + 1, alignment_mode="expand")
    return token.text if token is not None else ""


def indefinite_article(phrase: str) -> str:
    """ "a" or "an" by the sound of the first word ("an MRI", "a urine test")."""
    word = phrase.split(" ", 1)[0].strip("(\"'")
    if not word:
        return "a"
    letters = word.split("-", 1)[0]
    if letters.isupper() and (len(letters) > 1 or "-" in word):
        return "an" if word[0] in "AEFHILMNORSX" else "a"
    lower = word.lower()
    if lower.startswith(("uni", "use", "usu", "uti", "ur", "eu", "one", "once", "ewe")):
        return "a"
    if lower.startswith(("hour", "honest", "honor", "heir")):
        return "an"
    return "an" if lower[0] in "aeiou" else "a"


def _without_overlaps(edits: list[_Edit]) -> list[_Edit]:
    kept: list[_Edit] = []
    # at one place, text put in front of a sentence comes before a word that starts there
    for edit in sorted(edits, key=lambda e: (e.start, e.end > e.start, -e.end)):
        if kept and edit.start < kept[-1].end:
            continue
        kept.append(edit)
    return kept


def _apply(doc: Doc, edits: list[_Edit]):
    text = text_of(doc)
    pieces: list[str] = []
    annotations: list[TermAnnotation] = []
    moves: list[tuple[int, int]] = []
    cursor = delta = 0
    led = False
    for edit in edits:
        new = _capitalised(edit, doc, text, led and edit.start == cursor)
        led = edit.start == edit.end and new.rstrip()[-1:] not in ".!?"
        pieces.append(text[cursor : edit.start])
        start = edit.start + delta
        pieces.append(new)
        if edit.match is not None and edit.wording is not None:
            annotations.append(
                TermAnnotation(
                    original=span_text(edit.match.span),
                    replacement=new,
                    definition=edit.wording.definition,
                    entry=edit.match.entry.id,
                    kind=edit.match.entry.kind,
                    start=start,
                    end=start + len(new),
                    draft=edit.match.entry.is_draft,
                    abbreviation=_match_is_abbreviation(edit.match),
                )
            )
        delta += len(new) - (edit.end - edit.start)
        moves.append((edit.end, delta))
        cursor = edit.end
    pieces.append(text[cursor:])

    def shift(offset: int) -> int:
        moved = 0
        for end, total in moves:
            if end <= offset:
                moved = total
        return offset + moved

    return "".join(pieces), tuple(annotations), shift


def _capitalised(edit: _Edit, doc: Doc, text: str, led: bool = False) -> str:
    """A new word at a sentence start takes the capital the old one had, never more; not
    when words put in front of it (`led`: "The rate of a ") open the sentence instead."""
    original = text[edit.start : edit.end]
    if led:
        return edit.text
    if edit.text != original and original[:1].isupper() and doc[edit.token].is_sent_start:
        return edit.text[:1].upper() + edit.text[1:]
    return edit.text
