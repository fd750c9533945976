from __future__ import annotations

import pytest
from textstat.backend.counts import count_syllables
from textstat.backend.validations import is_difficult_word

from service.engine import PROJECT_ROOT
from service.nlp import build_nlp
from service.readability import (
    UnsupportedLanguage,
    _counted_syllables,
    dale_chall_grade,
    is_easy_word,
    score,
    score_sentence,
    sentence_words,
    syllables,
)


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


def words_of(nlp, text):
    return [sentence_words(sent) for sent in nlp(text).sents]


def test_flesch_kincaid_follows_its_formula():
    sentence = ["The", "cat", "sat", "on", "the", "mat"]
    result = score([sentence])
    assert result.flesch_kincaid == pytest.approx(0.39 * 6 + 11.8 * 1 - 15.59)
    assert result.sentences == 1 and result.words == 6


def test_clinical_prose_scores_far_above_plain_prose(nlp):
    clinical = words_of(
        nlp,
        "Concomitant immunosuppressive therapy necessitates comprehensive hematologic "
        "monitoring, particularly regarding thrombocytopenia and neutropenia.",
    )
    plain = words_of(nlp, "Your blood needs a check each month. The test is quick.")
    assert score(clinical).flesch_kincaid > 18
    assert score(plain).flesch_kincaid < 4


def test_numbers_and_citations_do_not_make_text_harder(nlp):
    (words,) = words_of(nlp, "Take 72.5 mg daily [1].")
    assert words == ["Take", "72.5", "mg", "daily"]
    assert syllables("72.5") == 1


def test_abbreviations_are_read_letter_by_letter():
    assert [syllables(w) for w in ("UACR", "eGFR", "HbA1c", "IV", "Ibuprofen")] == [4, 4, 5, 2, 4]


def project_words(nlp) -> list[str]:
    """Every word of the example articles, glossaries and audiences, with some the
    dictionary lacks, and some it has several pronunciations for."""
    texts = [path.read_text(encoding="utf-8") for folder in ("articles", "glossaries", "audiences")
             for path in sorted((PROJECT_ROOT / folder).glob("*.*"))]  # fmt: skip
    found = {token.text for text in texts for token in nlp(text) if token.is_alpha}
    return sorted(found | {"read", "lives", "tocilizumab", "Actemra", "can't", "x-ray", "a b"})


def test_syllables_and_easy_words_are_those_textstat_counts(nlp):
    """Our table of pronunciations is a faster read of the same dictionary textstat
    reads: every word must count as textstat counts it."""
    words = project_words(nlp)
    assert len(words) > 5000
    ours = [(_counted_syllables(w.lower(), "en"), is_easy_word(w)) for w in words]
    theirs = [(count_syllables(w.lower(), "en"), not is_difficult_word(w, 0, "en")) for w in words]
    assert [w for w, a, b in zip(words, ours, theirs, strict=True) if a != b] == []


def test_sentences_are_ours_not_textstat_regular_expressions(nlp):
    text = "Rates were 72.5% to 75%, e.g. in two trials [2] [3]. Doses vary."
    assert score(words_of(nlp, text)).sentences == 2


def test_a_sentence_score_names_its_long_words():
    result = score_sentence("x", ["Thrombocytopenia", "is", "rare"])
    assert result.long_words == ("Thrombocytopenia",)
    assert result.is_fragment


def test_all_scores_and_consensus_are_reported(nlp):
    result = score(words_of(nlp, "Refractory disease requires escalation of therapy. Act now."))
    data = result.as_dict()
    assert set(data) == {"flesch_kincaid", "smog", "dale_chall", "flesch_reading_ease",
                         "consensus", "sentences", "words"}  # fmt: skip
    assert result.grade("dale_chall") == dale_chall_grade(result.dale_chall)
    assert min(result.flesch_kincaid, result.smog) <= result.consensus


def test_an_unknown_language_is_refused_not_scored_as_english():
    with pytest.raises(UnsupportedLanguage):
        score([["Hola"]], "es")


def test_empty_text_scores_zero_grade():
    assert score([]).flesch_kincaid == 0.0
