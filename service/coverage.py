"""Glossary coverage: the hard words of articles that no glossary entry explains.

The renditions are only as plain as the glossaries, so the editorial team needs
the gaps: words a lay reader is unlikely to know that no entry covers. A word is
listed when all of these hold:

- it is rare in general English: its Zipf frequency in wordfreq's bundled
  English data (the word as written, or its lemma, whichever is higher) is below
  `RARE_ZIPF` = 3.0, about once per million words. Measured on the example
  articles: 2.5 lists 15 words and misses plain gaps ("enema", "folate",
  "washout"); 3.0 lists 31, nearly all of which a patient needs explained; 3.5
  lists 67, and half of the words it adds are everyday ("worsen" 3.06,
  "unwell" 3.14, "nightly" 3.48, "insomnia" 3.43). Clinical jargon that is more
  common ("regimen" 3.29, "efficacy" 3.68) belongs in the glossary by review,
  not by this list. Words on the Dale-Chall easy list are never rare;
- no glossary entry covers it: the token is not inside a `TermMatcher` match of
  the analysis, and its lemma (`NORM`, so "cytopenias" is "cytopenia") or, for an
  abbreviation, its letters, are not a one-word surface of any entry (a term left
  alone in one context, "type 2 diabetes", is still covered);
- it is not a number, unit, dose, citation, link, URL or e-mail address;
- it is not name-like: a capitalised word inside a sentence ("Surveillance",
  "Janus"), a word that occurs in the article's references (authors, trial names
  such as RACAT) or that is followed by "trial", "study" or "et al.".

Abbreviations in capitals ("CDAI", "bDMARD") are listed too when no entry
covers them: a patient needs them explained as much as a rare word.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from lemminflect import getLemma
from spacy.tokens import Doc, Token
from wordfreq import zipf_frequency

from .analysis import Analyser, Analysis
from .article import Article
from .audience import Audiences
from .facts import TIME_UNITS
from .glossary import Glossary, needs_examples
from .nlp import UNITS, is_citation, token_columns
from .readability import is_abbreviation, is_easy_word

RARE_ZIPF = 3.0
MIN_LETTERS = 3
NAME_NEIGHBOURS = frozenset(
    {"trial", "trials", "study", "studies", "et", "cohort", "registry", "investigators"}
)
ADJECTIVE_ENDINGS = ("ible", "able", "ic", "ous", "ive", "al", "ary", "ant", "ent")
UNIT_WORDS = frozenset(u.lower() for u in (*UNITS, *TIME_UNITS))
KIND_SUFFIXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("drug", ("mab", "nib", "pril", "sartan", "olol", "statin", "azole", "cillin", "mycin",
              "cycline", "floxacin", "vir", "dronate", "gliflozin", "gliptin", "parin",
              "xaban", "tide", "zepam", "azepam", "oxetine", "triptan", "setron", "semide",
              "thiazide", "profen", "lukast", "terol", "sone", "olone", "amine")),
    ("procedure", ("ectomy", "otomy", "ostomy", "scopy", "plasty", "graphy", "centesis",
                   "biopsy", "pexy", "rrhaphy", "dialysis")),
    ("lab_test", ("gram", "assay", "titer", "titre", "serology", "panel")),
    ("condition", ("itis", "osis", "emia", "aemia", "penia", "pathy", "oma", "algia",
                   "plasia", "trophy", "uria", "rrhea", "rrhoea", "ectasia",
                   "megaly", "sclerosis", "toxicity")),
)  # fmt: skip


@dataclass(frozen=True)
class Occurrence:
    """One use of an uncovered word: where, as written, and the sentence around it."""

    slug: str
    line: int
    text: str
    sentence: str
    in_compound: bool = False

    def as_dict(self) -> dict[str, object]:
        return {"slug": self.slug, "line": self.line, "text": self.text, "sentence": self.sentence}


@dataclass(frozen=True)
class UncoveredWord:
    """An uncovered hard word, keyed by its lemma so plurals and verb forms count once."""

    key: str
    kind: str
    zipf: float
    occurrences: tuple[Occurrence, ...]

    @property
    def count(self) -> int:
        return len(self.occurrences)

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(o.slug for o in self.occurrences))

    @property
    def forms(self) -> tuple[str, ...]:
        """Written forms, most frequent first."""
        counts = Counter(o.text for o in self.occurrences)
        return tuple(form for form, _ in counts.most_common())

    @property
    def sentences(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(o.sentence for o in self.occurrences))

    def as_dict(self) -> dict[str, object]:
        return {
            "word": self.key,
            "kind_guess": self.kind,
            "zipf": self.zipf,
            "count": self.count,
            "articles": list(self.articles),
            "forms": list(self.forms),
            "sentences": list(self.sentences),
            "occurrences": [o.as_dict() for o in self.occurrences],
        }


@dataclass(frozen=True)
class ArticleCoverage:
    slug: str
    source: str
    words: tuple[UncoveredWord, ...]

    @property
    def occurrences(self) -> int:
        return sum(word.count for word in self.words)

    def keys(self) -> frozenset[str]:
        return frozenset(word.key for word in self.words)

    def as_dict(self) -> dict[str, object]:
        return {
            "slug": self.slug,
            "source": self.source,
            "uncovered": len(self.words),
            "occurrences": self.occurrences,
            "words": [word.as_dict() for word in self.words],
        }


@dataclass(frozen=True)
class CoverageReport:
    articles: tuple[ArticleCoverage, ...]
    threshold: float = RARE_ZIPF
    words: tuple[UncoveredWord, ...] = field(default=())

    @classmethod
    def of(
        cls, articles: Sequence[ArticleCoverage], threshold: float = RARE_ZIPF
    ) -> CoverageReport:
        """Per-article findings merged: the words most articles need come first."""
        merged: dict[str, list[UncoveredWord]] = defaultdict(list)
        for article in articles:
            for word in article.words:
                merged[word.key].append(word)
        words = [
            UncoveredWord(
                key, group[0].kind, group[0].zipf, tuple(o for w in group for o in w.occurrences)
            )
            for key, group in merged.items()
        ]
        return cls(tuple(articles), threshold, tuple(sorted(words, key=_worth_first)))

    def as_dict(self) -> dict[str, object]:
        return {
            "threshold_zipf": self.threshold,
            "articles": [a.as_dict() for a in self.articles],
            "overall": {
                "uncovered": len(self.words),
                "occurrences": sum(w.count for w in self.words),
                "words": [w.as_dict() for w in self.words],
            },
        }


def _worth_first(word: UncoveredWord) -> tuple:
    return (-len(word.articles), -word.count, word.key)


class CoverageFinder:
    """Finds uncovered hard words in analysed articles; build once per glossary."""

    def __init__(self, analyser: Analyser, threshold: float = RARE_ZIPF):
        self.analyser = analyser
        self.threshold = threshold
        self.known_norms, self.known_exact = _one_word_surfaces(analyser)
        self._verdicts: dict[tuple[int, int], tuple[str | None, bool]] = {}

    def find(self, analysis: Analysis) -> ArticleCoverage:
        article = analysis.article
        names = self._reference_words(article)
        found: dict[str, list[Occurrence]] = defaultdict(list)
        zipfs: dict[str, float] = {}
        for block, analysed in zip(article.blocks, analysis.blocks, strict=True):
            doc = analysed.doc
            # numbers and units of quantities are never words (see `_is_word`)
            skip = {t.i for match in analysed.terms for t in match.span}
            skip |= _link_tokens(doc, block.links)
            for i, key in self._uncovered(doc, names, skip):
                token = doc[i]
                zipfs[key] = word_zipf(token.text, key)
                found[key].append(
                    Occurrence(
                        article.slug,
                        block.line,
                        token.text,
                        token.sent.text.strip(),
                        _in_compound(token),
                    )
                )
        words = [
            UncoveredWord(key, guess_kind(key, occ[0].text), zipfs[key], tuple(occ))
            for key, occ in found.items()
        ]
        return ArticleCoverage(article.slug, article.source, tuple(sorted(words, key=_worth_first)))

    def _uncovered(
        self, doc: Doc, names: frozenset[str], skip: set[int]
    ) -> Iterator[tuple[int, str]]:
        """Each token of `doc` that is an uncovered hard word, with the word's key. Read
        from the Doc's arrays, with the verdict on a word remembered by its text and NORM:
        an article has thousands of tokens, and few of them are words not seen before."""
        strings = doc.vocab.strings
        columns = token_columns(doc)
        starts = columns.sent_start.tolist()
        # "RACAT trial", "Smith et al.": a word before one of these names a study or a person
        neighbours = {strings[word] for word in NAME_NEIGHBOURS}
        named = [lower in neighbours for lower in columns.lower.tolist()[1:]] + [False]
        orths, norms = columns.orth.tolist(), columns.norm.tolist()
        for i, (orth, norm) in enumerate(zip(orths, norms, strict=True)):
            if i in skip or named[i]:
                continue
            verdict = self._verdicts.get((orth, norm))
            if verdict is None:
                verdict = self._verdicts[(orth, norm)] = self._verdict(doc[i])
            key, only_at_start = verdict
            if key is None or (only_at_start and starts[i] != 1) or strings[orth] in names:
                continue
            yield i, key

    def _verdict(self, token: Token) -> tuple[str | None, bool]:
        """The word's key if it is an uncovered hard word, else None; and whether that
        holds only at a sentence start (a capital elsewhere marks a name)."""
        text = token.text
        if not _is_word(token) or text.lower() in UNIT_WORDS:
            return None, False
        if is_abbreviation(text):
            key = text[:-1] if text.endswith("s") and text[:-1].isupper() else text
            if key in self.known_exact or key.lower() in self.known_norms:
                return None, False
            return (key if word_zipf(key, key.lower()) < self.threshold else None), False
        if not token.is_alpha or any(ch.isupper() for ch in text[1:]):
            return None, False
        key = lemma(token)
        if key in self.known_norms or token.lower_ in self.known_norms:
            return None, False
        if is_easy_word(key) or is_easy_word(token.lower_):
            return None, False
        return (key if word_zipf(text, key) < self.threshold else None), text[0].isupper()

    def _reference_words(self, article: Article) -> frozenset[str]:
        """Words of the reference list: author and trial names are not terms."""
        words: set[str] = set()
        for doc in self.analyser.nlp.tokenizer.pipe(article.references.values()):
            words.update(t.text for t in doc if t.text[:1].isupper())
        return frozenset(words)


def coverage_report(finder: CoverageFinder, articles: Iterable[Article]) -> CoverageReport:
    """Coverage of every article, then merged; the articles may come from a folder or a store."""
    found = [finder.find(finder.analyser.analyse(article)) for article in articles]
    return CoverageReport.of(found, finder.threshold)


def _is_word(token: Token) -> bool:
    """Letters and digits only, three letters or more: never a number, dose, unit
    ("mmol", "mg/kg" are tokens of units), citation, URL or punctuation."""
    return (
        _word_shaped(token.text)
        and not token.like_num
        and not is_citation(token)
        and not token.like_url
        and not token.like_email
    )


@lru_cache(maxsize=65536)
def _word_shaped(text: str) -> bool:
    return text.isalnum() and sum(ch.isalpha() for ch in text) >= MIN_LETTERS


def _in_compound(token: Token) -> bool:
    """ "titer" in "high-titer": the glossary matcher leaves a term glued by a hyphen alone."""
    doc = token.doc
    before = token.i > 0 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_
    after = token.i + 1 < len(doc) and doc[token.i + 1].text == "-" and not token.whitespace_
    return before or after


def _link_tokens(doc: Doc, links: Sequence) -> set[int]:
    indices: set[int] = set()
    for link in links:
        span = doc.char_span(link.start, link.end, alignment_mode="expand")
        if span is not None:
            indices.update(t.i for t in span)
    return indices


def lemma(token: Token) -> str:
    """The lower-cased lemma: the pipeline's NORM, or lemminflect's rules for a plural
    the lookup table does not know ("reactants" -> "reactant")."""
    return _lemma(token.norm_, token.lower_)


@lru_cache(maxsize=65536)
def _lemma(norm: str, lower: str) -> str:
    if norm == lower and norm.endswith("s") and not norm.endswith("ss"):
        guesses = getLemma(norm, upos="NOUN", lemmatize_oov=True)
        if guesses and guesses[0] != norm:
            return guesses[0].lower()
    return norm


@lru_cache(maxsize=65536)
def word_zipf(written: str, key: str) -> float:
    """How common the word is in English: the higher of its written form and its lemma."""
    return max(zipf_frequency(written.lower(), "en"), zipf_frequency(key.lower(), "en"))


def guess_kind(key: str, written: str) -> str:
    """A first guess at the glossary kind, for the editor to confirm."""
    if is_abbreviation(written) or written.isupper():
        return "abbreviation"
    for kind, suffixes in KIND_SUFFIXES:
        if key.endswith(suffixes):
            return kind
    return "jargon"


def _one_word_surfaces(analyser: Analyser) -> tuple[frozenset[str], frozenset[str]]:
    """Lemmas of every one-word surface the glossary knows, and its exact abbreviations."""
    glossary: Glossary = analyser.glossary
    norms: set[str] = set()
    exact: set[str] = set()
    folded = [s for e in glossary.entries.values() for s in e.folded_surfaces() if " " not in s]
    for doc in analyser.nlp.tokenizer.pipe(folded):
        if len(doc) == 1:
            norms.add(doc[0].norm_)
            norms.add(doc[0].lower_)
    for entry in glossary.entries.values():
        exact.update(entry.case_sensitive_surfaces())
    return frozenset(norms), frozenset(exact)


# Proposals ------------------------------------------------------------------------------

_ID_CHARS = re.compile(r"[^a-z0-9]+")
REQUIRED_NOTE = "  # required: a sentence where it must be %s"


def proposal_yaml(
    report: CoverageReport, glossary: Glossary, audiences: Audiences, limit: int | None = None
) -> str:
    """A glossary file skeleton for the uncovered words, for an editor to fill in.

    It is one file of the glossary format, so once `plain`, `definition` and
    `source` are filled it loads with `load_glossary`. The file's `kind` is the
    most common guess; each entry's own guess is in a comment, so the editor
    moves it to the file of that kind when merging. The sentence it came from is
    its must-swap example, which `medrender check` runs.
    """
    words = list(report.words[:limit] if limit else report.words)
    lay = [a.id for a in audiences if a.terms != "keep" or a.abbreviations != "keep"]
    kinds = Counter(w.kind for w in words)
    kind = kinds.most_common(1)[0][0] if kinds else "jargon"
    used_ids = set(glossary.entries)
    lines = [
        "# Proposed glossary entries from `medrender coverage --propose`.",
        f"# Uncovered hard words (wordfreq Zipf below {report.threshold:g}), most articles first.",
        "# Fill every empty plain, definition and source; review; then move each entry",
        "# to the glossary file of its kind (see the kind guess above it).",
        f"kind: {kind}",
        "entries:",
    ]
    for word in sorted(words, key=lambda w: (w.kind != kind, w.kind, *_worth_first(w))):
        lines += _proposal_lines(word, lay, used_ids)
    return "\n".join(lines) + "\n"


def _proposal_lines(word: UncoveredWord, audiences: list[str], used_ids: set[str]) -> list[str]:
    term = word.key
    entry_id = _free_id(term, used_ids)
    standalone = [o for o in word.occurrences if not o.in_compound]
    example = (standalone or list(word.occurrences))[0]
    lines = [
        "",
        f"  # kind guess: {word.kind}; {word.count} use(s) in {len(word.articles)} article(s): "
        + ", ".join(word.articles[:5]),
        f"  # {example.slug} line {example.line}: {_scalar(example.sentence)}",
        f"  - id: {entry_id}",
        f"    term: {_scalar(term)}",
        f"    pos: {_pos_guess(word)}",
    ]
    lines.append("    wording:")
    for audience in audiences:
        lines.append(f'      {audience}: {{plain: "", definition: ""}}')
    lines += [
        '    source: ""',
        "    review: {status: draft}",
        "    examples:",
        # only in a hyphenated compound ("high-titer"): the matcher leaves it there
        f"      swap: [{_scalar(example.sentence)}]"
        if standalone
        else "      swap: []" + (REQUIRED_NOTE % "swapped" if needs_examples(term) else ""),
        "      keep: []" + (REQUIRED_NOTE % "left alone" if needs_examples(term) else ""),
    ]
    return lines


def _pos_guess(word: UncoveredWord) -> str:
    """A verb when written inflected as one ("titrated" for "titrate"), a noun when written
    as a plural; adjectives and adverbs by their endings, since they never inflect."""
    key = word.key
    inflected = [f.lower() for f in word.forms if f.lower() != key.lower()]
    if word.kind != "jargon" or any(f.endswith("s") for f in inflected):
        return "noun"
    if any(f.endswith(("ed", "ing")) for f in inflected):
        return "verb"
    if key.endswith("ly"):
        return "adverb"
    if key.endswith(ADJECTIVE_ENDINGS):
        return "adjective"
    return "noun"


def _free_id(term: str, used: set[str]) -> str:
    base = _ID_CHARS.sub("-", term.lower()).strip("-") or "term"
    candidate, number = base, 2
    while candidate in used:
        candidate, number = f"{base}-{number}", number + 1
    used.add(candidate)
    return candidate


def _scalar(text: str) -> str:
    """A double-quoted YAML scalar (JSON string syntax is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


# Text table -----------------------------------------------------------------------------


def coverage_table(report: CoverageReport) -> str:
    """Per article, each uncovered word with a sentence it occurs in; then the overall list."""
    lines: list[str] = []
    for article in report.articles:
        lines.append(
            f"{article.slug}: {len(article.words)} uncovered hard words, {article.occurrences} uses"
        )
        for word in article.words:
            first = word.occurrences[0]
            lines.append(
                f"  {word.key} ({word.kind}, {word.count}x) line {first.line}: {first.sentence}"
            )
    total = sum(w.count for w in report.words)
    lines += [
        "",
        f"overall: {len(report.words)} uncovered hard words, {total} uses in "
        f"{len(report.articles)} articles (wordfreq Zipf below {report.threshold:g})",
    ]
    header = ("word", "kind", "zipf", "uses", "articles")
    rows = [
        (w.key, w.kind, f"{w.zipf:.2f}", str(w.count), ", ".join(w.articles)) for w in report.words
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, tuple("-" * w for w in widths), *rows]:
        lines.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
    return "\n".join(lines)
