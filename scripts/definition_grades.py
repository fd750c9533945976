"""List glossary definitions above a Flesch-Kincaid grade, hardest first: the ones written
in the files (not a caregiver's retelling, which follows them).

    ./py scripts/definition_grades.py [MAX_GRADE] [FILE_SUBSTRING]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from service.engine import DataPaths, Engine
from service.glossary import load_glossary
from service.readability import score, sentence_words


def main() -> None:
    limit = float(sys.argv[1]) if len(sys.argv) > 1 else 6.0
    only = sys.argv[2] if len(sys.argv) > 2 else ""
    engine = Engine.load()
    written = load_glossary(DataPaths.from_env().glossaries, engine.audiences.ids())
    rows = []
    for entry in written.entries.values():
        if only not in entry.file:
            continue
        for audience, wording in entry.wording.items():
            sentences = [sentence_words(s) for s in engine.nlp(wording.definition).sents]
            grade = score(sentences).flesch_kincaid
            if grade > limit:
                rows.append((grade, entry.file, entry.line, entry.id, audience, wording.definition))
    for grade, file, line, entry_id, audience, text in sorted(rows, reverse=True):
        print(f"{grade:5.1f}  {Path(file).name}:{line}  {entry_id} [{audience}]  {text}")
    print(f"{len(rows)} definitions above grade {limit}")


if __name__ == "__main__":
    main()
