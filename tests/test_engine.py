from __future__ import annotations

import pytest

from service.engine import Engine
from service.errors import InputError

from .conftest import ARTICLE_PATHS, AUDIENCE_IDS

HARD = (
    "Refractory cytopenia necessitates comprehensive hematological surveillance "
    "notwithstanding concomitant immunosuppressive intensification."
)


def test_a_missed_target_tries_the_stronger_style_and_records_both(renderer):
    result = renderer.result(HARD, "patient")
    assert [(s.terms, s.abbreviations) for s in result.styles_tried] == [
        ("define", "expand_first"),
        ("replace", "replace"),
    ]
    first, second = result.styles_tried
    assert second.grade < first.grade
    assert result.grade == pytest.approx(second.grade, abs=0.01)
    assert "(cytopenia)" not in result.rendition.blocks[0].text


def test_hard_sentences_are_listed_and_fragments_ignored(renderer):
    result = renderer.result(HARD + "\n\n- Short item here", "patient")
    assert [s.words for s in result.hard_sentences] == [result.sentences[0].words]
    assert not result.meets_target


def test_clinician_has_no_target(renderer):
    result = renderer.result(HARD, "clinician")
    assert result.target is None and result.meets_target and result.styles_tried == ()


def test_unknown_audience_is_a_clear_input_error(renderer):
    with pytest.raises(InputError, match="unknown audience 'nurse'"):
        renderer.engine.evaluate(renderer.article("Text."), ["nurse"])


@pytest.mark.parametrize("path", ARTICLE_PATHS, ids=lambda p: p.stem)
def test_lay_renditions_are_easier_than_the_canonical_text(results, path):
    canonical = results[(path.stem, "clinician")].grade
    for audience in AUDIENCE_IDS:
        if audience != "clinician":
            assert results[(path.stem, audience)].grade < canonical


def test_engine_load_reports_bad_data_folders(tmp_path):
    with pytest.raises(InputError, match="no audience files"):
        Engine.load(type("Paths", (), {"audiences": tmp_path, "glossaries": tmp_path})())
