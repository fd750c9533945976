"""The analyser reads a rendition as pieces of whole sentences, each piped on its own and
remembered: the result must be what a whole-paragraph analysis finds, on every example
rendition. (Voice phrases are looked for in the canonical text only: renditions are never
rendered again.)"""

from __future__ import annotations

import pytest

from service.analysis import PiecedText, candidate_pieces

from .conftest import ARTICLE_PATHS, AUDIENCE_IDS


def _found(analysed):
    """Terms, facts and sentences on character offsets of the whole text."""
    sentences, terms = [], []
    for (sentence, words), offset in zip(
        analysed.sentences, analysed.sentence_offsets, strict=True
    ):
        sentences.append((offset + sentence.start_char, offset + sentence.end_char, words))
        terms += [
            (offset + m.span.start_char, offset + m.span.end_char, m.entry.id, m.paired)
            for m in analysed.terms
            if m.span.doc is sentence.doc and sentence.start <= m.span.start < sentence.end
        ]
    return terms, sorted((f.kind, f.value, f.text, f.block) for f in analysed.facts), sentences


@pytest.mark.parametrize("audience", AUDIENCE_IDS)
@pytest.mark.parametrize("path", ARTICLE_PATHS, ids=lambda p: p.stem)
def test_sentence_by_sentence_finds_what_the_whole_paragraph_holds(engine, results, path, audience):
    analyser = engine.analyser
    blocks = results[(path.stem, audience)].rendition.blocks
    analyser.forget()
    by_sentence = analyser.analyse_texts(
        [b.text for b in blocks], [b.source for b in blocks], [None] * len(blocks)
    )
    for block, analysed in zip(blocks, by_sentence, strict=True):
        whole = analyser._analyse_doc(engine.nlp(block.text), block.source, None)
        assert _found(analysed) == _found(whole), block.text


def test_a_remembered_sentence_is_placed_at_its_new_offset(engine):
    analyser = engine.analyser
    analyser.forget()
    sentence = "Give ibuprofen 400 mg for pain [2]."
    (first,) = analyser.analyse_texts([sentence], [0], [None])
    (moved,) = analyser.analyse_texts([f"The dose was not changed. {sentence}"], [0], [None])
    assert isinstance(moved, PiecedText)
    assert moved.pieces[1][1] is first.pieces[0][1]  # the same piece, not piped again
    assert moved.sentence_offsets == (0, 26)
    assert [m.span.text for m in first.terms] == [m.span.text for m in moved.terms] != []
    kinds = sorted(f.kind for f in moved.facts)
    assert kinds == ["citation", "drug", "negation", "quantity"]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # a cut after "e.g." or "et al." would start no sentence: the pieces are joined
        ("Use a pill, e.g. Ibuprofen for pain. Then rest.", 2),
        ("Sands et al. Found a benefit [3]. It lasted.", 2),
        # a citation after the full stop stays with the sentence it supports
        ("It fell by half. [4] Then it rose.", 2),
        ("Stop the drug (see below.) Then wait 2 weeks.", 2),
    ],
)
def test_pieces_split_where_the_pipeline_splits(engine, text, sentences):
    analyser = engine.analyser
    analyser.forget()
    (pieced,) = analyser.analyse_texts([text], [0], [None])
    whole = analyser._analyse_doc(engine.nlp(text), 0, None)
    assert len(pieced.sentences) == sentences
    assert _found(pieced) == _found(whole)


def test_a_text_is_cut_only_where_a_capital_follows_a_full_stop():
    text = "Take 2.5 mg daily. Check levels, e.g. sodium. Stop if low."
    assert [text[a:b] for a, b in candidate_pieces(text)] == [
        "Take 2.5 mg daily.",
        "Check levels, e.g. sodium.",
        "Stop if low.",
    ]


def test_forget_drops_remembered_pieces(engine):
    analyser = engine.analyser
    analyser.analyse_texts(["Take 2 tablets daily."], [0], [None])
    assert analyser._pieces
    engine.forget()
    assert not analyser._pieces and not analyser._recent
