from __future__ import annotations

import pytest

from service.lexicon import forms_of, lemmas_of


def test_lemmas_by_part_of_speech():
    assert lemmas_of("took", "VERB")["VERB"] == ("take",)
    assert lemmas_of("trials", "NOUN")["NOUN"] == ("trial",)
    assert not lemmas_of("kidney", "ADJ")


def test_forms_of_a_lemma_by_tag():
    assert "took" in forms_of("take", "VBD")
    assert "kidneys" in forms_of("kidney", "NNS")


def test_a_remembered_answer_cannot_be_changed_by_a_caller():
    found = lemmas_of("reduces", "VERB")
    with pytest.raises(TypeError):
        found["VERB"] = ("other",)  # type: ignore[index]
    assert lemmas_of("reduces", "VERB")["VERB"] == ("reduce",)
