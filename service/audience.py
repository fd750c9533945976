"""Audience profiles: who reads a rendition and how the text is adapted for them.

Each `audiences/*.yaml` file is one reader (clinician, patient, caregiver, ...):
the label and one-line description shown on the Personalize prompt, the reading
level to reach, how clinical terms and abbreviations are handled, voice rules
("the patient" -> "you") and the disclaimer. A new audience is a new file; no
code changes.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from marshmallow import RAISE, Schema, fields, validate

from . import errors
from .datafile import did_you_mean, read_folder
from .datafile import validate as load_valid
from .errors import InputError
from .glossary import KINDS
from .readability import FORMULAS

# Applied in this order, re-scoring after each, until the target is met.
STRATEGY_ORDER = (
    "definitions",  # first use of a term: plain words, then its definition as a sentence
    "replace_terms",  # plain words everywhere, no clinical word in brackets
    "semicolons",
    "relative_clauses",
    "coordinated_clauses",
    "subordinate_clauses",  # "If A, B." -> "B. This applies if A."; ", while B" -> ". But B"
    "participial_tails",  # ", leading to B" -> ". This leads to B"
    "parentheticals",  # "(e.g. A, B)" -> a sentence of its own after the claim
    "verb_coordinations",  # "A does B and does C" -> "A does B. A also does C."
    "trial_groups",  # "randomized N people with X to A" -> "... with X. They were assigned to A"
    "series_lists",
)
TERM_STYLES = ("keep", "define", "replace")
ABBREVIATION_STYLES = ("keep", "expand_first", "replace")
VERB_AGREEMENT = ("keep", "second_person")
ID_PATTERN = r"^[a-z][a-z0-9_-]*$"


class TargetSchema(Schema):
    class Meta:
        unknown = RAISE

    formula = fields.String(
        required=True,
        validate=validate.OneOf(FORMULAS, error="must be one of: {choices}"),
    )
    max_grade = fields.Float(required=True, validate=validate.Range(min=1, max=20))


class ExamplesSchema(Schema):
    class Meta:
        unknown = RAISE

    swap = fields.List(fields.String(), required=True, validate=validate.Length(min=1))
    keep = fields.List(fields.String(), required=True, validate=validate.Length(min=1))


class VoiceRuleSchema(Schema):
    class Meta:
        unknown = RAISE

    phrase = fields.String(required=True, validate=validate.Length(min=1))
    replacement = fields.String(required=True, validate=validate.Length(min=1))
    possessive = fields.String(load_default=None)
    verbs = fields.String(load_default="keep", validate=validate.OneOf(VERB_AGREEMENT))
    examples = fields.Nested(ExamplesSchema, required=True)


class AudienceSchema(Schema):
    class Meta:
        unknown = RAISE

    id = fields.String(required=True, validate=validate.Regexp(ID_PATTERN))
    label = fields.String(required=True, validate=validate.Length(min=1, max=40))
    description = fields.String(required=True, validate=validate.Length(min=1, max=160))
    order = fields.Integer(load_default=100)
    lang = fields.String(load_default="en", validate=validate.OneOf(["en"]))
    target = fields.Nested(TargetSchema, load_default=None, allow_none=True)
    terms = fields.String(required=True, validate=validate.OneOf(TERM_STYLES))
    abbreviations = fields.String(required=True, validate=validate.OneOf(ABBREVIATION_STYLES))
    wording_fallback = fields.List(fields.String(), load_default=list)
    voice = fields.List(fields.Nested(VoiceRuleSchema), load_default=list)
    strategies = fields.List(
        fields.String(validate=validate.OneOf(STRATEGY_ORDER, error="must be one of: {choices}")),
        load_default=list,
    )
    max_sentence_words = fields.Integer(load_default=20, validate=validate.Range(min=5, max=60))
    define_kinds = fields.List(
        fields.String(validate=validate.OneOf(KINDS, error="must be one of: {choices}")),
        load_default=list,
    )
    summary_prefix = fields.String(load_default=None, allow_none=True)
    definitions_about = fields.String(
        load_default=None,
        allow_none=True,
        validate=validate.Regexp(
            r"^(?!.*\byou)[a-z][a-z' -]{0,39}$",
            error="must be a short noun phrase in lower case, such as 'the person'",
        ),
    )
    disclaimer = fields.String(required=True, validate=validate.Length(min=1))


@dataclass(frozen=True)
class Target:
    formula: str
    max_grade: float


@dataclass(frozen=True)
class VoiceRule:
    phrase: str
    replacement: str
    possessive: str | None
    verbs: str
    examples_swap: tuple[str, ...]
    examples_keep: tuple[str, ...]


@dataclass(frozen=True)
class Audience:
    id: str
    label: str
    description: str
    terms: str
    abbreviations: str
    disclaimer: str
    file: str
    order: int = 100
    lang: str = "en"
    target: Target | None = None
    wording_fallback: tuple[str, ...] = ()
    voice: tuple[VoiceRule, ...] = ()
    strategies: tuple[str, ...] = ()
    max_sentence_words: int = 20
    define_kinds: frozenset[str] = frozenset()
    summary_prefix: str | None = None
    # whom borrowed glossary wording that speaks to "you" is retold about (`person.py`)
    definitions_about: str | None = None

    @property
    def wording_chain(self) -> tuple[str, ...]:
        return (self.id, *self.wording_fallback)

    @property
    def adapts_text(self) -> bool:
        return self.terms != "keep" or self.abbreviations != "keep" or bool(self.voice)

    def with_styles(self, terms: str, abbreviations: str) -> Audience:
        """The same reader with stronger term handling, for when the target is missed."""
        return dataclasses.replace(self, terms=terms, abbreviations=abbreviations)


@dataclass(frozen=True)
class Audiences:
    by_id: dict[str, Audience]
    version: str = ""

    def __iter__(self):
        return iter(self.by_id.values())

    def __len__(self) -> int:
        return len(self.by_id)

    def __contains__(self, name: object) -> bool:
        return name in self.by_id

    def ids(self) -> list[str]:
        return list(self.by_id)

    def get(self, name: str, source: str = "request") -> Audience:
        """The named audience, or an InputError that lists the choices."""
        if name not in self.by_id:
            raise InputError(
                [
                    errors.problem(
                        errors.UNKNOWN_AUDIENCE_NAME,
                        source,
                        field="audience",
                        name=name,
                        choices=", ".join(self.by_id),
                    )
                ]
            )
        return self.by_id[name]


def load_audiences(folder: str | Path) -> Audiences:
    """Load every `*.yaml` profile in `folder`, ordered by `order`; all problems at once."""
    parsed, problems, version = read_folder(Path(folder), "audience")
    found: dict[str, Audience] = {}
    for source, raw in parsed:
        try:
            audience = _audience(raw, source)
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        if audience.id in found:
            problems.append(
                errors.problem(
                    errors.DUPLICATE_AUDIENCE,
                    source,
                    line=1,
                    field="id",
                    id=audience.id,
                    other=found[audience.id].file,
                )
            )
        found[audience.id] = audience
    for audience in found.values():
        for name in audience.wording_fallback:
            if name not in found:
                problems.append(
                    errors.problem(
                        errors.UNKNOWN_FALLBACK,
                        audience.file,
                        field="wording_fallback",
                        audience=name,
                        hint=did_you_mean(name, list(found)),
                    )
                )
    if problems:
        raise InputError(problems)
    ordered = sorted(found.values(), key=lambda a: (a.order, a.id))
    return Audiences({a.id: a for a in ordered}, version)


def _audience(raw: object, source: str) -> Audience:
    data = load_valid(AudienceSchema(), raw, source)
    target = data["target"]
    return Audience(
        id=data["id"],
        label=data["label"],
        description=data["description"],
        terms=data["terms"],
        abbreviations=data["abbreviations"],
        disclaimer=" ".join(data["disclaimer"].split()),
        file=source,
        order=data["order"],
        lang=data["lang"],
        target=Target(target["formula"], target["max_grade"]) if target else None,
        wording_fallback=tuple(data["wording_fallback"]),
        voice=tuple(
            VoiceRule(
                phrase=rule["phrase"],
                replacement=rule["replacement"],
                possessive=rule["possessive"],
                verbs=rule["verbs"],
                examples_swap=tuple(rule["examples"]["swap"]),
                examples_keep=tuple(rule["examples"]["keep"]),
            )
            for rule in data["voice"]
        ),
        strategies=tuple(name for name in STRATEGY_ORDER if name in data["strategies"]),
        max_sentence_words=data["max_sentence_words"],
        define_kinds=frozenset(data["define_kinds"]),
        summary_prefix=data["summary_prefix"],
        definitions_about=data["definitions_about"],
    )
