from __future__ import annotations

import pytest

from service.nlp import build_nlp
from service.readability import (
    UnsupportedLanguage,
    dale_chall_grade,
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
