"""What an English word can be: its lemmas and inflections, from lemminflect, looked up once.

lemminflect deep-copies its tables on every lookup, and the sentence strategies ask
about the same few hundred words for every sentence they read.
"""

from __future__ import annotations

from functools import lru_cache
from types import MappingProxyType

from lemminflect import getAllLemmas, getInflection

WORDS_REMEMBERED = 16384


@lru_cache(maxsize=WORDS_REMEMBERED)
def lemmas_of(word: str, upos: str) -> MappingProxyType[str, tuple[str, ...]]:
    """The lemmas of `word` as part of speech `upos` ("VERB", "NOUN", "ADJ"), by tag."""
    return MappingProxyType(getAllLemmas(word, upos=upos))


@lru_cache(maxsize=WORDS_REMEMBERED)
def forms_of(lemma: str, tag: str) -> tuple[str, ...]:
    """The forms of `lemma` for a Penn tag ("VBZ", "VBD", "NNS"); empty when unknown."""
    return tuple(getInflection(lemma, tag=tag) or ())
