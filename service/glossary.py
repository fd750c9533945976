"""Glossaries: reviewed data that says which clinical terms each audience reads in plain words.

One YAML file per kind of term under `glossaries/`. Rule *types* (how terms are
matched, inflected and replaced) live in code; rule *instances* live in these
files, so an editor adds or fixes a term without touching code. Loading
validates every file with marshmallow and reports every problem by file and
line, then builds the surface forms that the spaCy matchers use.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from lemminflect import getAllInflections, getAllInflectionsOOV, getInflection
from marshmallow import RAISE, Schema, fields, validate
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from wordfreq import zipf_frequency

from . import errors
from .datafile import LineDict, did_you_mean, read_folder
from .datafile import validate as load_valid
from .errors import InputError, Problem
from .nlp import is_citation, span_text, token_columns

KINDS = ("condition", "drug", "drug_class", "abbreviation", "lab_test", "procedure", "jargon")
POS = ("noun", "verb", "adjective", "adverb")
REVIEW_STATUSES = ("draft", "approved")
ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
# A surface this short, or this common in everyday English (Zipf scale, wordfreq's
# bundled data), is easy to over-match, so its entry must carry examples.
SHORT_SURFACE = 3
EVERYDAY_ZIPF = 4.0


class WordingSchema(Schema):
    class Meta:
        unknown = RAISE

    plain = fields.String(required=True, validate=validate.Length(min=1))
    definition = fields.String(required=True, validate=validate.Length(min=1))
    plural = fields.String(load_default=None)


class ReviewSchema(Schema):
    class Meta:
        unknown = RAISE

    status = fields.String(required=True, validate=validate.OneOf(REVIEW_STATUSES))
    date = fields.Date(load_default=None)
    by = fields.String(load_default=None)


class ExamplesSchema(Schema):
    class Meta:
        unknown = RAISE

    swap = fields.List(fields.String(), load_default=list)
    keep = fields.List(fields.String(), load_default=list)


class EntrySchema(Schema):
    class Meta:
        unknown = RAISE

    id = fields.String(
        required=True,
        validate=validate.Regexp(ID_PATTERN, error="use lower-case letters, digits and hyphens"),
    )
    term = fields.String(required=True, validate=validate.Length(min=1))
    variants = fields.List(fields.String(validate=validate.Length(min=1)), load_default=list)
    brands = fields.List(fields.String(validate=validate.Length(min=1)), load_default=list)
    abbreviations = fields.List(fields.String(validate=validate.Length(min=1)), load_default=list)
    expansion = fields.String(load_default=None)
    pos = fields.String(load_default="noun", validate=validate.OneOf(POS))
    wording = fields.Dict(keys=fields.String(), values=fields.Nested(WordingSchema), required=True)
    source = fields.String(required=True, validate=validate.Length(min=1))
    review = fields.Nested(ReviewSchema, required=True)
    examples = fields.Nested(ExamplesSchema, load_default=None)
    skip_after = fields.List(fields.String(validate=validate.Length(min=1)), load_default=list)
    skip_before = fields.List(fields.String(validate=validate.Length(min=1)), load_default=list)


class GlossaryFileSchema(Schema):
    class Meta:
        unknown = RAISE

    kind = fields.String(required=True, validate=validate.OneOf(KINDS))
    entries = fields.List(fields.Nested(EntrySchema), required=True)


@dataclass(frozen=True)
class Wording:
    plain: str
    definition: str
    plural: str | None = None


@dataclass(frozen=True)
class Entry:
    id: str
    kind: str
    term: str
    wording: dict[str, Wording]
    source: str
    review_status: str
    file: str
    line: int
    variants: tuple[str, ...] = ()
    brands: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    expansion: str | None = None
    pos: str = "noun"
    review_date: date | None = None
    examples_swap: tuple[str, ...] = ()
    examples_keep: tuple[str, ...] = ()
    skip_after: frozenset[str] = frozenset()
    skip_before: frozenset[str] = frozenset()

    @property
    def is_draft(self) -> bool:
        return self.review_status != "approved"

    @property
    def is_drug(self) -> bool:
        return self.kind == "drug"

    def case_sensitive_surfaces(self) -> tuple[str, ...]:
        """Abbreviations are matched exactly as written: "PT" is not "pt"."""
        own = (self.term,) if self.kind == "abbreviation" else ()
        return own + self.abbreviations

    def folded_surfaces(self) -> tuple[str, ...]:
        """Words matched by lower-cased lemma: the term, its variants, brands, expansion."""
        own = () if self.kind == "abbreviation" else (self.term,)
        expansion = (self.expansion,) if self.expansion else ()
        return own + self.variants + self.brands + expansion

    def all_surfaces(self) -> tuple[str, ...]:
        return self.folded_surfaces() + self.case_sensitive_surfaces()

    def wording_for(self, chain: Iterable[str]) -> Wording | None:
        for audience in chain:
            if audience in self.wording:
                return self.wording[audience]
        return None


@dataclass
class Glossary:
    entries: dict[str, Entry]
    files: tuple[str, ...] = ()
    version: str = ""

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, entry_id: str) -> Entry | None:
        return self.entries.get(entry_id)

    def inflections(self) -> dict[str, str]:
        """Inflected words (lower case) -> the base word the matcher patterns use."""
        table: dict[str, str] = {}
        for entry in self.entries.values():
            for surface in entry.folded_surfaces():
                index, forms = _head_forms(surface.lower(), entry.pos)
                if forms:
                    head = surface.lower().split()[index]
                    table.update({form: head for form in forms if form != head})
        return table

    def subset(self, count: int) -> Glossary:
        """The first `count` entries, for benchmarks that vary glossary size."""
        kept = dict(list(self.entries.items())[:count])
        return Glossary(kept, self.files, f"{self.version}:{count}")


def _head_forms(surface: str, pos: str) -> tuple[int, set[str]]:
    """Which word of a surface inflects, and its forms: a verb's first, a noun's last."""
    words = surface.split()
    if not words or not words[-1].isalpha():
        return 0, set()
    if pos == "verb":
        return 0, {f for group in verb_forms(words[0]).values() for f in group} | {words[0]}
    if pos == "noun":
        head = words[-1]
        plurals = {form.lower() for form in getInflection(head, tag="NNS") or ()}
        return len(words) - 1, plurals | {head + "s", head}
    return 0, set()


def written_forms(surface: str, pos: str) -> set[str]:
    """Every way the surface may be written (lower case): itself and its inflections."""
    lower = surface.lower()
    index, forms = _head_forms(lower, pos)
    words = lower.split()
    variants = {lower}
    for form in forms:
        variants.add(" ".join([*words[:index], form, *words[index + 1 :]]))
    return variants


@lru_cache(maxsize=4096)
def verb_forms(base: str) -> dict[str, tuple[str, ...]]:
    """Inflections of a verb by Penn tag, with lemminflect's rules for unlisted verbs.
    Remembered (read only): every rendering of a verb term asks again."""
    return getAllInflections(base, upos="VERB") or getAllInflectionsOOV(base, upos="VERB")


def load_glossary(folder: str | Path, audience_ids: Iterable[str] | None = None) -> Glossary:
    """Load every `*.yaml` in `folder`; raise InputError listing all problems."""
    parsed, problems, version = read_folder(Path(folder), "glossary")
    entries: dict[str, Entry] = {}
    for source, raw in parsed:
        try:
            file_entries = _entries_of(raw, source)
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        for entry in file_entries:
            other = entries.setdefault(entry.id, entry)
            if other is not entry:
                problems.append(
                    errors.problem(
                        errors.DUPLICATE_ID,
                        source,
                        line=entry.line,
                        field="id",
                        id=entry.id,
                        other=f"{other.file}:{other.line}",
                    )
                )
    problems.extend(_surface_problems(entries.values()))
    if audience_ids is not None:
        problems.extend(_audience_problems(entries.values(), list(audience_ids)))
    problems.extend(_example_coverage_problems(entries.values()))
    if problems:
        raise InputError(problems)
    return Glossary(entries, tuple(source for source, _ in parsed), version)


def _entries_of(raw: object, source: str) -> list[Entry]:
    schema = GlossaryFileSchema()
    loaded = load_valid(schema, raw, source)
    kind = loaded["kind"]
    raw_entries = raw["entries"] if isinstance(raw, LineDict) else []
    problems: list[Problem] = []
    entries = []
    for item, raw_item in zip(loaded["entries"], raw_entries, strict=True):
        line = getattr(raw_item, "line", 0)
        if item["brands"] and kind != "drug":
            problems.append(
                errors.problem(
                    errors.SCHEMA,
                    source,
                    line=raw_item.line_of("brands"),
                    field=f"entry '{item['id']}'",
                    detail="only drugs have brands; move them to 'variants'",
                )
            )
        entries.append(_entry(item, kind, source, line))
    if problems:
        raise InputError(problems)
    return entries


def _entry(item: dict, kind: str, source: str, line: int) -> Entry:
    examples = item["examples"] or {"swap": [], "keep": []}
    return Entry(
        id=item["id"],
        kind=kind,
        term=item["term"],
        wording={name: Wording(**w) for name, w in item["wording"].items()},
        source=item["source"],
        review_status=item["review"]["status"],
        review_date=item["review"]["date"],
        file=source,
        line=line,
        variants=tuple(item["variants"]),
        brands=tuple(item["brands"]),
        abbreviations=tuple(item["abbreviations"]),
        expansion=item["expansion"],
        pos=item["pos"],
        examples_swap=tuple(examples["swap"]),
        examples_keep=tuple(examples["keep"]),
        skip_after=frozenset(word.lower() for word in item["skip_after"]),
        skip_before=frozenset(word.lower() for word in item["skip_before"]),
    )


def _surface_problems(entries: Iterable[Entry]) -> list[Problem]:
    seen: dict[str, Entry] = {}
    problems = []
    for entry in entries:
        keys = [s.lower() for s in entry.folded_surfaces()]
        keys += [f"={s}" for s in entry.case_sensitive_surfaces()]
        for key in dict.fromkeys(keys):
            other = seen.get(key)
            if other is not None and other.id != entry.id:
                problems.append(
                    errors.problem(
                        errors.DUPLICATE_SURFACE,
                        entry.file,
                        line=entry.line,
                        field=f"entry '{entry.id}'",
                        surface=key.lstrip("="),
                        other=other.id,
                        where=f"{other.file}:{other.line}",
                    )
                )
            else:
                seen[key] = entry
    return problems


def _audience_problems(entries: Iterable[Entry], audience_ids: list[str]) -> list[Problem]:
    return [
        errors.problem(
            errors.UNKNOWN_AUDIENCE,
            entry.file,
            line=entry.line,
            field=f"entry '{entry.id}'",
            audience=name,
            hint=did_you_mean(name, audience_ids),
        )
        for entry in entries
        for name in entry.wording
        if name not in audience_ids
    ]


def needs_examples(surface: str) -> bool:
    """Short surfaces, and single everyday words, are the ones easy to over-match."""
    letters = sum(ch.isalpha() for ch in surface)
    if letters <= SHORT_SURFACE:
        return True
    single_word = surface.isalpha()
    return single_word and zipf_frequency(surface, "en") >= EVERYDAY_ZIPF


def _example_coverage_problems(entries: Iterable[Entry]) -> list[Problem]:
    problems = []
    for entry in entries:
        risky = next((s for s in entry.all_surfaces() if needs_examples(s)), None)
        if risky and not (entry.examples_swap and entry.examples_keep):
            problems.append(
                errors.problem(
                    errors.EXAMPLES_NEEDED,
                    entry.file,
                    line=entry.line,
                    field=f"entry '{entry.id}'",
                    surface=risky,
                )
            )
    return problems


@dataclass(frozen=True)
class TermMatch:
    """One mention of a glossary entry in a Doc; `span` covers a whole "brand (generic)" pair."""

    span: Span
    entry: Entry
    paired: bool = False
    # what rendering made of it, by wording and audience styles (see `render._term_text`)
    rendered: dict[tuple, str | None] = field(default_factory=dict, compare=False, repr=False)


class TermMatcher:
    """Finds glossary terms on Doc offsets: lemma-folded terms and exact abbreviations."""

    def __init__(self, nlp: Language, glossary: Glossary):
        self.glossary = glossary
        self.folded = PhraseMatcher(nlp.vocab, attr="NORM")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        folded: dict[str, list[str]] = {}
        exact: dict[str, list[str]] = {}
        self.written: dict[str, set[str]] = {}
        self.capitals: dict[str, set[str]] = {}
        for entry in glossary.entries.values():
            folded[entry.id] = list(entry.folded_surfaces())
            self.written[entry.id] = {
                form for s in entry.folded_surfaces() for form in written_forms(s, entry.pos)
            }
            self.capitals[entry.id] = {
                word
                for surface in entry.folded_surfaces()
                for word in surface.replace("-", " ").split()
                if word.isupper()
            }
            exact[entry.id] = [
                form for s in entry.case_sensitive_surfaces() for form in (s, s + "s")
            ]
        # how a drug's mention can open: its first word's NORM, or ORTH for an exact form
        self.drug_first_norms: set[int] = set()
        self.drug_first_orths: set[int] = set()
        texts = [t for group in folded.values() for t in group]
        docs = iter(nlp.tokenizer.pipe(texts))  # patterns need only tokens and their norms
        for entry_id, group in folded.items():
            patterns = [next(docs) for _ in group]
            if patterns:
                self.folded.add(entry_id, patterns)
            if glossary.entries[entry_id].is_drug:
                self.drug_first_norms.update(p[0].norm for p in patterns if len(p))
        for entry_id, group in exact.items():
            if group:
                patterns = [nlp.make_doc(t) for t in group]
                self.exact.add(entry_id, patterns)
                if glossary.entries[entry_id].is_drug:
                    self.drug_first_orths.update(p[0].orth for p in patterns if len(p))

    def may_name_a_drug(self, doc: Doc, start: int, end: int) -> bool:
        """Whether a drug's mention could start in tokens [start, end): none can where no
        word is the first word of a drug's form. The facts check of a rendition's sentence
        wants only its drugs, and most sentences name none: a cheap test before `find`."""
        columns = token_columns(doc)
        norms = columns.norm[start:end].tolist()
        if not self.drug_first_norms.isdisjoint(norms):
            return True
        return not self.drug_first_orths.isdisjoint(columns.orth[start:end].tolist())

    def find(self, doc: Doc, protected: frozenset[int] = frozenset()) -> list[TermMatch]:
        """Longest matches first; none that overlaps a citation, URL or `protected` token.

        Spans that touch a protected token go before the longest-match choice, so
        "sodium-glucose cotransporter 2" (a number inside) leaves its shorter terms free.
        """
        folded = [s for s in self.folded(doc, as_spans=True) if self._as_written(s)]
        spans = [
            s for s in folded + self.exact(doc, as_spans=True)
            if self._in_context(s) and not _touches_protected(s, self._names(s, protected))
            and not self._amid_capitalised_name(s)
        ]  # fmt: skip
        spans = filter_spans(spans)
        return _pair_mentions(
            [TermMatch(span, self.glossary.entries[span.label_]) for span in spans]
        )

    def _names(self, span: Span, protected: frozenset[int]) -> frozenset[int]:
        """An abbreviation like "5-ASA" or "6-MP" spells its number: not a quantity to
        protect from it. Words with numbers ("5-aminosalicylate") stay protected, since a
        plain swap would drop the number."""
        if span_text(span) not in self.glossary.entries[span.label_].abbreviations:
            return protected
        return protected - {t.i for t in span if _number_in_name(t, span)}

    def _as_written(self, span: Span) -> bool:
        """Lemma matching finds candidates; only the term's own forms count ("image" is
        not "imaging"), and a word in capitals is a name ("ORAL Surveillance") unless the
        glossary writes it so ("JAK inhibitor")."""
        capitals = self.capitals[span.label_]
        if any(t.is_upper and t.is_alpha and len(t) > 2 and t.text not in capitals for t in span):
            return False
        return " ".join(span_text(span).lower().split()) in self.written[span.label_]

    def _amid_capitalised_name(self, span: Span) -> bool:
        """ "the Clinical Institute Withdrawal Assessment": a word the glossary writes in
        lower case, capitalised mid-sentence next to another capitalised word, is part of a
        name, and a name is never reworded ("the Clinical Institute stopping Assessment")."""
        if not span[0].is_title or span[0].is_sent_start:
            return False  # most terms: written in lower case
        if not all(t.is_title for t in span if t.is_alpha):
            return False
        if self.glossary.entries[span.label_].term[:1].isupper():
            return False
        return any(_title_word_in_name(t) for t in _neighbours_of(span))

    def _in_context(self, span: Span) -> bool:
        """A term after one of its entry's `skip_after` words ("stage IV"), or before one
        of its `skip_before` words ("MS Word", "PT/INR"), is something else. The word
        before also counts across "or", "and", "to" or a dash ("class III or IV")."""
        entry = self.glossary.entries[span.label_]
        doc = span.doc
        previous = _previous_word(doc, span.start)
        after = previous is not None and previous.lower_ in entry.skip_after
        before = span.end < len(doc) and doc[span.end].lower_ in entry.skip_before
        after = after or any(t.lower_ in entry.skip_after for t in _of_phrase(doc, span.end))
        return not (after or before)


COORDINATORS = frozenset({"or", "and", "to", "-", "\u2013", "through"})
# "elevation of the affected limb": words that may stand between "of" and its noun
MAX_WORDS_BEFORE_OF_NOUN = 3
WORDS_ENDING_AN_OF_PHRASE = frozenset(
    {"of", "in", "on", "at", "for", "with", "by", "to", "from", "and", "or", "than", "after"}
)


def _of_phrase(doc: Doc, end: int) -> list[Token]:
    """ "elevation of the affected limb" is "limb elevation" written the other way round:
    the words of a short "of" phrase right after the term, which a context rule reads as
    the word before it ("leg elevation" is left as written, so is this)."""
    if end >= len(doc) or doc[end].lower_ != "of":
        return []
    words = []
    for token in doc[end + 1 : end + 2 + MAX_WORDS_BEFORE_OF_NOUN]:
        if token.is_punct or token.lower_ in WORDS_ENDING_AN_OF_PHRASE:
            break
        words.append(token)
    return words


def _previous_word(doc: Doc, start: int) -> Token | None:
    """The word a context rule looks at: the one before, or before "or"/"to" in a series."""
    if start == 0:
        return None
    previous = doc[start - 1]
    if previous.lower_ in COORDINATORS and start > 1:
        return doc[start - 2]
    return previous


def _touches_protected(span: Span, protected: frozenset[int]) -> bool:
    if _inside_compound(span):
        return True
    return any(t.i in protected or is_citation(t) or t.like_url or t.like_email for t in span)


def _neighbours_of(span: Span) -> list[Token]:
    doc = span.doc
    return [doc[i] for i in (span.start - 1, span.end) if 0 <= i < len(doc)]


def _title_word_in_name(token: Token) -> bool:
    """A capital that only starts the sentence says nothing about a name."""
    return token.is_alpha and token.is_title and not token.is_sent_start


def _number_in_name(token: Token, span: Span) -> bool:
    """The "5" of "5-ASA" or "6-MP" is part of the name: glued by a hyphen to the rest of
    the term. A number standing alone ("type 2 diabetes") still protects its words."""
    glued = token.i + 1 < span.end and not token.whitespace_
    return glued and span.doc[token.i + 1].text == "-" and not span.doc[token.i + 1].whitespace_


def _inside_compound(span: Span) -> bool:
    """ "DKD" in "FIDELIO-DKD" or "ESR" in "DAS28-ESR" is part of a name, not the term."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    glued_before = (
        before is not None and before.text == "-" and not before.whitespace_
        and span.start > 1 and not doc[span.start - 2].whitespace_
    )  # fmt: skip
    glued_after = (
        after is not None and after.text == "-" and not span[-1].whitespace_
        and not after.whitespace_ and span.end + 1 < len(doc)
    )  # fmt: skip
    return glued_before or glued_after


def _pair_mentions(matches: list[TermMatch]) -> list[TermMatch]:
    """Join "Actemra (tocilizumab)" or "complete blood count (CBC)" into one mention."""
    joined: list[TermMatch] = []
    index = 0
    while index < len(matches):
        current = matches[index]
        following = matches[index + 1] if index + 1 < len(matches) else None
        if following is not None and _is_parenthetical_pair(current, following):
            doc = current.span.doc
            end = following.span.end + 1
            joined.append(TermMatch(doc[current.span.start : end], current.entry, paired=True))
            index += 2
        else:
            joined.append(current)
            index += 1
    return joined


def _is_parenthetical_pair(first: TermMatch, second: TermMatch) -> bool:
    if first.entry.id != second.entry.id:
        return False
    doc = first.span.doc
    opening, closing = first.span.end, second.span.end
    return (
        second.span.start == opening + 1
        and doc[opening].text == "("
        and closing < len(doc)
        and doc[closing].text == ")"
    )


def example_problems(
    glossary: Glossary, find_terms: Callable[[str], Sequence[TermMatch]]
) -> list[Problem]:
    """Run every entry's must-swap and must-keep sentences through `find_terms`.

    `find_terms` should be the analysis a real article gets (numbers and links
    protected), so an example passes exactly when the renderer would swap it.
    """
    problems = []
    for entry in glossary.entries.values():
        for sentence, should_match in [(s, True) for s in entry.examples_swap] + [
            (s, False) for s in entry.examples_keep
        ]:
            found = any(m.entry.id == entry.id for m in find_terms(sentence))
            if found != should_match:
                problems.append(
                    errors.problem(
                        errors.EXAMPLE_FAILS,
                        entry.file,
                        line=entry.line,
                        field=f"entry '{entry.id}'",
                        which="a must-swap" if should_match else "a must-keep",
                        sentence=sentence,
                        why="the term was not found" if should_match else "the term was found",
                    )
                )
    return problems
