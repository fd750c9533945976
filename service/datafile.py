"""YAML data files validated by marshmallow, with errors that point at file:line.

Glossaries and audiences are reviewed like code, so a mistake in one must be
reported where the reviewer will look: the file, the line and the key. PyYAML
drops line numbers once it builds dicts, so the loader here keeps them on a dict
subclass and `schema_problems` walks marshmallow's error tree back to them.
"""

from __future__ import annotations

import difflib
import hashlib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import yaml
from marshmallow import Schema, ValidationError

from . import errors
from .errors import Problem

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_UNKNOWN_FIELD_TEXT = "Unknown field."


class LineDict(dict):
    """A mapping from YAML that remembers the line of itself and of each key."""

    line: int = 0
    key_lines: dict[Any, int]

    def line_of(self, key: Any) -> int:
        return self.key_lines.get(key, self.line)


class _LineLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> LineDict:
        mapping = LineDict(super().construct_mapping(node, deep=True))
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {
            self.construct_object(key_node, deep=True): key_node.start_mark.line + 1
            for key_node, _ in node.value
        }
        return mapping


_LineLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _LineLoader.construct_mapping
)


def load_yaml(text: str, source: str) -> Any:
    """Parse YAML keeping line numbers; a syntax error becomes an InputError."""
    try:
        return yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        detail = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise errors.InputError(
            [errors.problem(errors.YAML_SYNTAX, source, line=line, detail=detail)]
        ) from None


def read_text(path: Path, source: str) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise errors.InputError([errors.problem(errors.NOT_UTF8, source)]) from None
    except OSError as exc:
        raise errors.unreadable(source, exc) from None


def validate(schema: Schema, data: Any, source: str) -> Any:
    """Load `data` through `schema`, raising every problem with its line."""
    try:
        return schema.load(data)
    except ValidationError as exc:
        raise errors.InputError(list(schema_problems(exc.messages, data, source, schema))) from None


def schema_problems(
    messages: Any, data: Any, source: str, schema: Schema | None = None
) -> Iterator[Problem]:
    for path, text in _flatten(messages, ()):
        line = _locate(data, path)
        field = _dotted(path)
        if text == _sentence(_UNKNOWN_FIELD_TEXT):
            key = path[-1]
            yield errors.problem(
                errors.UNKNOWN_FIELD,
                source,
                line=line,
                field=_dotted(path[:-1]) or None,
                key=key,
                hint=did_you_mean(str(key), _known_fields(schema, path[:-1], data)),
            )
        else:
            yield errors.problem(errors.SCHEMA, source, line=line, field=field, detail=text)


def _flatten(messages: Any, path: tuple) -> Iterator[tuple[tuple, str]]:
    if isinstance(messages, Mapping):
        for key, value in messages.items():
            # "_schema" errors belong to the mapping itself; "value" wraps a dict field's value
            key_path = path if key in ("_schema", "value") else (*path, key)
            yield from _flatten(value, key_path)
    elif isinstance(messages, list) and messages and not isinstance(messages[0], str):
        for item in messages:
            yield from _flatten(item, path)
    elif isinstance(messages, list):
        for text in messages:
            yield path, _sentence(text)
    else:
        yield path, _sentence(str(messages))


def _sentence(text: str) -> str:
    text = text.rstrip(".")
    return text[:1].lower() + text[1:]


def _locate(data: Any, path: tuple) -> int | None:
    line: int | None = getattr(data, "line", None)
    node = data
    for key in path:
        if isinstance(node, LineDict):
            line = node.line_of(key)
            node = node.get(key)
        elif isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node):
            node = node[key]
            line = getattr(node, "line", line)
        else:
            return line
    return line


def _known_fields(schema: Schema | None, path: tuple, data: Any) -> list[str]:
    current: Any = schema
    for key in path:
        if isinstance(key, int) or current is None:
            continue
        field = current.fields.get(key)
        inner = getattr(field, "inner", None) or getattr(field, "value_field", None)
        nested = getattr(inner or field, "schema", None)
        current = nested
    if current is None:
        return []
    return list(current.fields)


def did_you_mean(key: str, choices: list[str]) -> str:
    """A hint for a misspelt key or name, or an empty string."""
    close = difflib.get_close_matches(key, choices, n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _dotted(path: tuple) -> str:
    return ".".join(str(part) for part in path)


def read_folder(folder: Path, what: str) -> tuple[list[tuple[str, Any]], list[Problem], str]:
    """Parse every `*.yaml` in `folder`: (source, data) pairs, problems, version digest.

    The digest covers file names and contents, so a cached rendition can tell
    which version of the data made it.
    """
    paths = sorted(Path(folder).glob("*.yaml"))
    if not paths:
        return [], [errors.problem(errors.NO_FILES, str(folder), what=what)], ""
    parsed: list[tuple[str, Any]] = []
    problems: list[Problem] = []
    digest = hashlib.sha256()
    for path in paths:
        source = str(path)
        try:
            text = read_text(path, source)
            digest.update(path.name.encode() + b"\0" + text.encode() + b"\0")
            parsed.append((source, load_yaml(text, source)))
        except errors.InputError as exc:
            problems.extend(exc.problems)
    return parsed, problems, digest.hexdigest()[:16]
