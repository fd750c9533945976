"""Problems in users' files and requests, kept apart from our own bugs.

A bad article, glossary, audience file or request is not a crash: it becomes a
`Problem` that names the file, the line and the field, says what is wrong and
what to do. Every message lives here under a stable code so tests can pin the
text and surfaces (CLI, API, web) can show it unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Message:
    code: str
    text: str

    def format(self, **values: object) -> str:
        return self.text.format(**values)


# Articles
NOT_UTF8 = Message("A001", "the file is not UTF-8 text; save it as UTF-8 and try again")
TOO_LARGE = Message(
    "A002", "the file is {size} bytes, over the {limit} byte limit; split the article"
)
NO_FRONT_MATTER = Message(
    "A003", "the article has no front matter; start it with a '---' block holding title and slug"
)
FRONT_MATTER_NOT_MAPPING = Message("A005", "the front matter must be a mapping of key: value lines")
MISSING_KEY = Message("A006", "the front matter has no '{key}'; add it")
UNKNOWN_KEY = Message("A007", "unknown front matter key '{key}' is ignored{hint}")
EMPTY_BODY = Message(
    "A008", "the article has no text after its front matter; write the article body"
)
UNKNOWN_CITATION = Message(
    "A009", "citation [{number}] has no entry in 'references'; add it or fix the number"
)
RAW_HTML = Message(
    "A010", "raw HTML is not allowed in articles and was rejected: {snippet}; write it as Markdown"
)
TABLE = Message(
    "A011", "Markdown tables are not supported yet; write the rows as a list or as sentences"
)
UNSUPPORTED_BLOCK = Message("A013", "{what} is not supported in articles; {advice}")
NOT_FOUND = Message("A014", "no such file; check the path")
NO_ARTICLES = Message("A015", "no articles (*.md) found here; give a folder of article files")
DUPLICATE_SLUG = Message(
    "A016", "slug '{slug}' is already used by {other}; give each article its own slug"
)
UNREADABLE = Message("A017", "cannot read it ({reason}); give a readable file")

# Data files (glossaries, audiences)
YAML_SYNTAX = Message("D001", "not valid YAML: {detail}")
SCHEMA = Message("D002", "{detail}")
UNKNOWN_FIELD = Message("D003", "unknown key '{key}'{hint}")
DUPLICATE_ID = Message("D004", "id '{id}' is already used at {other}; give each entry its own id")
DUPLICATE_SURFACE = Message(
    "D005", "'{surface}' is already claimed by entry '{other}' ({where}); keep it in one entry"
)
UNKNOWN_AUDIENCE = Message("D006", "wording for unknown audience '{audience}'{hint}")
EXAMPLES_NEEDED = Message(
    "D008",
    "'{surface}' is short or an everyday word, so the entry needs examples.swap and "
    "examples.keep sentences",
)
EXAMPLE_FAILS = Message("D009", "{which} example does not behave: {sentence!r} ({why})")
NO_FILES = Message("D010", "no {what} files (*.yaml) found in this folder")
UNKNOWN_FALLBACK = Message("D011", "falls back to unknown audience '{audience}'{hint}")
DUPLICATE_AUDIENCE = Message("D012", "audience id '{id}' is already defined in {other}")

# Requests
UNKNOWN_AUDIENCE_NAME = Message("R001", "unknown audience '{name}'; choose one of: {choices}")

# Partner API requests
INVALID_FIELD = Message("R002", "{detail}")
KEY_NEEDED = Message(
    "R003", "this request needs a partner key; send it as 'Authorization: Bearer <key>'"
)
KEY_UNKNOWN = Message(
    "R004", "the partner key is not known; check that it was copied whole, or ask us for one"
)
KEY_REVOKED = Message(
    "R005", "the partner key starting '{prefix}' was revoked on {date}; ask us for a new one"
)
BODY_TOO_LARGE = Message(
    "R006", "the request body is {size} bytes, over the {limit} byte limit; send a shorter article"
)
RATE_LIMITED = Message(
    "R007", "too many requests for this {who} (limit {limit}); wait Retry-After seconds"
)
NO_SUCH_ARTICLE = Message("R008", "no article '{slug}'; GET /api/v1/articles lists them")
NO_SUCH_PATH = Message("R009", "{method} {path} is not part of the API; /api/v1/docs lists it all")
HTTP_ERROR = Message("R010", "{detail}")
INTERNAL = Message("R011", "something went wrong on our side; it is logged, please try again")


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one place of a user's file or request."""

    source: str
    message: str
    code: str
    line: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}"

    def as_dict(self) -> dict[str, object]:
        return {
            "source": self.source,
            "line": self.line,
            "field": self.field,
            "code": self.code,
            "message": self.message,
        }


def problem(
    message: Message,
    source: str,
    *,
    line: int | None = None,
    field: str | None = None,
    **values: object,
) -> Problem:
    return Problem(source, message.format(**values), message.code, line, field)


class InputError(Exception):
    """Raised with every problem found, not just the first, so users fix them in one go."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def unreadable(source: str, exc: OSError) -> InputError:
    """A file that cannot be read (missing, a folder, no permission) as a user's problem."""
    if isinstance(exc, FileNotFoundError):
        return InputError([problem(NOT_FOUND, source)])
    return InputError([problem(UNREADABLE, source, reason=exc.strerror or type(exc).__name__)])
