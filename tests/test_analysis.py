"""The analyser reads a rendition one sentence at a time and remembers each sentence: the
result must be what a whole-paragraph analysis finds, on every example rendition. (Voice
phrases are looked for in the canonical text only: renditions are never rendered again.)"""

from __future__ import annotations

import pytest

from .conftest import ARTICLE_PATHS, AUDIENCE_IDS


def _found(analysed):
    return (
        [(m.span.start, m.span.end, m.entry.id, m.paired) for m in analysed.terms],
        sorted((f.kind, f.value, f.text, f.block) for f in analysed.facts),
        [(s.start, s.end, words) for s, words in analysed.sentences],
    )


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
    assert [m.span.text for m in first.terms] == [m.span.text for m in moved.terms] != []
    assert [m.span.start for m in moved.terms] == [m.span.start + 6 for m in first.terms]
    kinds = sorted(f.kind for f in moved.facts)
    assert kinds == ["citation", "drug", "negation", "quantity"]


def test_forget_drops_remembered_sentences(engine):
    analyser = engine.analyser
    analyser.analyse_texts(["Take 2 tablets daily."], [0], [None])
    assert analyser._sentences
    engine.forget()
    assert not analyser._sentences and not analyser._recent
