"""The partner API's wire shapes: one marshmallow schema per body that goes in or out.

These schemas are the API's contract: flask-smorest turns them into the
OpenAPI document, and the contract test checks every response against it.
Inside the service, renditions stay the plain dicts `publish` builds.
"""

from __future__ import annotations

from typing import Any

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from .article import BLOCK_KINDS, SLUG_PATTERN
from .render import RENDERED_BLOCK_KINDS

MAX_PAGE = 100
MAX_BLOCKS = 2000


class ProblemItemSchema(Schema):
    """One thing wrong with the request, as the command line reports it."""

    source = fields.String(required=True)
    line = fields.Integer(allow_none=True)
    field = fields.String(allow_none=True)
    code = fields.String(required=True, metadata={"description": "stable message code"})
    message = fields.String(required=True)


class ProblemSchema(Schema):
    """RFC 9457 problem details, with the failing field and every problem found."""

    type = fields.String(required=True)
    title = fields.String(required=True)
    status = fields.Integer(required=True)
    detail = fields.String(required=True)
    code = fields.String(allow_none=True)
    field = fields.String(allow_none=True)
    errors = fields.List(fields.Nested(ProblemItemSchema))


class ArticleQuerySchema(Schema):
    q = fields.String(validate=validate.Length(max=200), metadata={"description": "title words"})
    updated_since = fields.Date(metadata={"description": "only articles updated on or after"})
    limit = fields.Integer(load_default=20, validate=validate.Range(min=1, max=MAX_PAGE))
    offset = fields.Integer(load_default=0, validate=validate.Range(min=0, max=1_000_000))


class ArticleSummarySchema(Schema):
    slug = fields.String(required=True)
    title = fields.String(required=True)
    updated = fields.Date(allow_none=True)
    version = fields.String(required=True, metadata={"description": "SHA-256 of the source"})
    url = fields.String(required=True)


class ArticlePageSchema(Schema):
    items = fields.List(fields.Nested(ArticleSummarySchema), required=True)
    total = fields.Integer(required=True)
    limit = fields.Integer(required=True)
    offset = fields.Integer(required=True)
    next = fields.String(allow_none=True, required=True)


class RenditionLinkSchema(Schema):
    audience = fields.String(required=True)
    label = fields.String(required=True)
    url = fields.String(required=True)


class ArticleSchema(ArticleSummarySchema):
    imported_at = fields.DateTime(required=True)
    renditions = fields.List(fields.Nested(RenditionLinkSchema), required=True)


class BlockSchema(Schema):
    kind = fields.String(
        required=True,
        validate=validate.OneOf(RENDERED_BLOCK_KINDS),
        metadata={"description": "summary: the section's recommendation, shown at its top"},
    )
    text = fields.String(required=True)
    line = fields.Integer(required=True)
    level = fields.Integer(required=True)
    ordered = fields.Boolean(required=True)
    source = fields.Integer(required=True, metadata={"description": "index of the source block"})


class TermSchema(Schema):
    original = fields.String(required=True)
    replacement = fields.String(required=True)
    entry = fields.String(required=True)
    definition = fields.String(required=True)
    kind = fields.String(required=True)
    draft = fields.Boolean(required=True)


class ReadabilitySchema(Schema):
    grade = fields.Float(required=True)
    formula = fields.String(required=True)
    target = fields.Float(allow_none=True, required=True)
    meets_target = fields.Boolean(required=True)
    flesch_kincaid = fields.Float()
    smog = fields.Float()
    dale_chall = fields.Float()
    flesch_reading_ease = fields.Float()
    consensus = fields.Float()
    sentences = fields.Integer()
    words = fields.Integer()


class MissingFactSchema(Schema):
    kind = fields.String(required=True)
    value = fields.String(required=True)
    text = fields.String(required=True)
    block = fields.Integer(required=True)
    line = fields.Integer(required=True)
    missing = fields.Integer(required=True)


class FactsSchema(Schema):
    kept = fields.Boolean(required=True)
    checked = fields.Integer(required=True)
    missing = fields.List(fields.Nested(MissingFactSchema), required=True)


class ReviewSchema(Schema):
    status = fields.String(required=True, validate=validate.OneOf(["approved", "pending review"]))
    draft_entries = fields.List(fields.String(), required=True)


class RenditionSchema(Schema):
    slug = fields.String(required=True)
    audience = fields.String(required=True)
    title = fields.String(required=True)
    updated = fields.String(allow_none=True, metadata={"format": "date"})
    blocks = fields.List(fields.Nested(BlockSchema), required=True)
    terms = fields.List(fields.Nested(TermSchema), required=True)
    references = fields.Dict(keys=fields.String(), values=fields.String(), required=True)
    disclaimer = fields.String(required=True)
    readability = fields.Nested(ReadabilitySchema, required=True)
    facts = fields.Nested(FactsSchema, required=True)
    review = fields.Nested(ReviewSchema, required=True)
    html = fields.String(
        required=True,
        metadata={"description": "escaped fragment: no scripts, no event handlers, classes mr-*"},
    )


class BlockInputSchema(Schema):
    kind = fields.String(required=True, validate=validate.OneOf(BLOCK_KINDS))
    text = fields.String(required=True, validate=validate.Length(min=1, max=20_000))
    level = fields.Integer(load_default=1, validate=validate.Range(min=1, max=6))
    ordered = fields.Boolean(load_default=False)


class ArticleInputSchema(Schema):
    """An article as JSON blocks; each block's text is Markdown inline text."""

    title = fields.String(required=True, validate=validate.Length(min=1, max=500))
    slug = fields.String(
        required=True,
        validate=validate.Regexp(SLUG_PATTERN, error="use lower-case letters, digits and hyphens"),
    )
    updated = fields.Date()
    references = fields.Dict(
        keys=fields.String(validate=validate.Regexp(r"^[0-9]{1,3}$")),
        values=fields.String(validate=validate.Length(min=1, max=2000)),
        load_default=dict,
    )
    blocks = fields.List(
        fields.Nested(BlockInputSchema),
        required=True,
        validate=validate.Length(min=1, max=MAX_BLOCKS),
    )


class RenderRequestSchema(Schema):
    audience = fields.String(
        load_default="all", metadata={"description": "an audience id, or 'all'"}
    )
    markdown = fields.String(metadata={"description": "an article file: front matter + Markdown"})
    article = fields.Nested(ArticleInputSchema)

    @validates_schema
    def _one_article(self, data: dict[str, Any], **_: Any) -> None:
        if ("markdown" in data) == ("article" in data):
            raise ValidationError(
                "send the article either as 'markdown' or as 'article' blocks, not both or neither",
                "markdown",
            )


class RenderResponseSchema(Schema):
    slug = fields.String(required=True)
    warnings = fields.List(fields.Nested(ProblemItemSchema), required=True)
    renditions = fields.List(fields.Nested(RenditionSchema), required=True)


class AudienceSchema(Schema):
    id = fields.String(required=True)
    label = fields.String(required=True)
    description = fields.String(required=True)
    lang = fields.String(required=True)
    formula = fields.String(allow_none=True, required=True)
    target_grade = fields.Float(allow_none=True, required=True)


class AudienceListSchema(Schema):
    items = fields.List(fields.Nested(AudienceSchema), required=True)


class GlossaryQuerySchema(Schema):
    q = fields.String(
        validate=validate.Length(max=100), metadata={"description": "words of a term"}
    )
    audience = fields.String(metadata={"description": "only this audience's wording"})
    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=MAX_PAGE))


class WordingSchema(Schema):
    plain = fields.String(required=True)
    definition = fields.String(required=True)


class GlossaryTermSchema(Schema):
    id = fields.String(required=True)
    kind = fields.String(required=True)
    term = fields.String(required=True)
    variants = fields.List(fields.String(), required=True)
    abbreviations = fields.List(fields.String(), required=True)
    brands = fields.List(fields.String(), required=True)
    review_status = fields.String(required=True)
    wording = fields.Dict(keys=fields.String(), values=fields.Nested(WordingSchema), required=True)


class GlossaryTermListSchema(Schema):
    items = fields.List(fields.Nested(GlossaryTermSchema), required=True)
    total = fields.Integer(required=True)


class HealthSchema(Schema):
    status = fields.String(required=True, validate=validate.OneOf(["ok", "unavailable"]))
    checks = fields.Dict(keys=fields.String(), values=fields.String(), required=True)
