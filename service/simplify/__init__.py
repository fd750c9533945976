"""Sentence-level plain-language strategies, chosen by the readability score.

Swapping words cannot bring a 35-word sentence to grade 7, so after rendering
an audience may split long sentences. Each strategy works on token patterns
of the blank pipeline (no parser, no regular expressions over raw text) and
only touches sentences longer than the audience's `max_sentence_words`:

- `semicolons`: "A; B" -> "A. B";
- `relative_clauses`: "A, which B" -> "A. This B" ("They" before a plural verb),
  "A, meaning B" -> "A. This means B", "... a first-choice option that B" -> "... . This
  option B", "X, present when A, is B" -> "X is B. X is present when A", "In NAME, the
  first A, B found C" -> "NAME was the first A. In NAME, B found C";
- `coordinated_clauses`: "A, and B" -> "A. B" when both sides have their own
  subject and verb ("A, but B" -> "A. But B", "A, because B" -> "A. This is
  because B"; "because A and B" -> "because A. This is also because B");
- `subordinate_clauses`: "If A, B." -> "B. This applies if A."; "B when A" -> "B. This
  applies when A"; "B when A, C, or D" -> "B when A. This also applies when C. ...";
- `participial_tails` (also ", with A as B" -> ". A are B", ", typically four to six A" ->
  ". This is typically four to six A", ", chiefly in A" -> ". This was chiefly in A", "X in
  43% of A vs. 27% of B" -> "X in 43% of A. This compares with 27% of B"), `parentheticals`
  (also a figure: "(risk comparison 0.61)" -> "The risk comparison was 0.61." behind the
  claim),
  `verb_coordinations` ("A should B, should C" -> "A should B. A should C"; "A is advised
  for B, and for C" -> "A is advised for B. It is also advised for C"; "A is advised in
  people with B and in those C" -> "... with B. This also applies to those C");
- `trial_groups`: "randomized N people with X to A" -> "... with X. They were assigned to A";
- `series_lists`: "..., including A, B, C and D." -> a lead sentence and a list.

In list items in note form, a dose choice or step (`alternative_dose_edits`) and a
dose's participle ("10mg daily, changed step by step to 40 mg" -> "10mg daily. The dose
is changed ...", `dose_note_tail_edits`) read on their own too, and so do a note for every
choice (", never both together" -> ". Never use both together") and what a note's tests are
for ("at the start to screen for A" -> "... . The aim is to screen for A"). The new long sentences a
split makes get the clause rules so far once more (`follow_up`): a split can leave a
sentence that an earlier strategy would have split.

A split that would lose a fact is undone by the engine, block by block.
Summaries that lead with the action (`add_summaries`) are built here too.

The render-time strategies `definitions` and `replace_terms` live in
`render.py`; the loop that orders them all lives in `engine.py`.

The package has a module per strategy family; a family imports only `tokens` and
`edits` (`clauses` also the one rule of `subordinate_clauses` it asks), and
`strategies` imports them all:

- `tokens.py`: token tests every family reads (words, brackets, verbs, clause starts);
- `edits.py`: `Edit`, `Part` and the block rebuilt from them;
- `clauses.py` (`semicolons`, `coordinated_clauses`), `relative_clauses.py`,
  `subordinate_clauses.py`, `participial_tails.py`, `parentheticals.py`,
  `verb_coordinations.py`, `trial_groups.py`, `series_lists.py`: the rules of each;
- `list_items.py`: the rules for list items in note form;
- `summaries.py`: `add_summaries`;
- `strategies.py`: the tables, `apply_strategy`, `sentence_edits`, `follow_up`.

This module only names what the engine, the tests and the scripts use.
"""

from __future__ import annotations

from .list_items import LIST_ITEM_STRATEGIES
from .strategies import (
    FOLLOW_UP_STRATEGIES,
    RENDER_STRATEGIES,
    SENTENCE_STRATEGIES,
    apply_strategy,
    follow_up,
    forget_edits,
    sentence_edits,
)
from .summaries import SUMMARY_LINKS, add_summaries

__all__ = [
    "FOLLOW_UP_STRATEGIES",
    "LIST_ITEM_STRATEGIES",
    "RENDER_STRATEGIES",
    "SENTENCE_STRATEGIES",
    "SUMMARY_LINKS",
    "add_summaries",
    "apply_strategy",
    "follow_up",
    "forget_edits",
    "sentence_edits",
]
