"""The API against its own OpenAPI document: schemathesis generates requests in process.

Every operation is called with generated (valid and invalid) input; a 500, an
undocumented status or a body that does not match its schema fails the test.
Examples are bounded so the suite stays quick. (The operations are driven with
Hypothesis directly: schemathesis' lazy pytest fixture loader does not run on
this pytest.)
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from service.app import create_app
from service.engine import Engine

OPERATIONS = [
    ("GET", "/api/v1/articles"),
    ("GET", "/api/v1/articles/{slug}"),
    ("GET", "/api/v1/articles/{slug}/renditions/{audience}"),
    ("POST", "/api/v1/render"),
    ("GET", "/api/v1/audiences"),
    ("GET", "/api/v1/glossary/terms"),
    ("GET", "/healthz"),
    ("GET", "/readyz"),
]


@pytest.fixture(scope="module")
def contract_app(engine: Engine, tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("contract")
    app = create_app(
        {
            "TESTING": True,
            "DATABASE_URL": f"sqlite:///{folder / 'contract.db'}",
            "ENGINE": engine,
            "API_ANONYMOUS_LIMIT": "100000/minute",
        }
    )
    _, secret = app.extensions["medrender.store"].create_key("contract", "100000/minute")
    return app, secret


def test_the_document_lists_exactly_the_operations_tested_here(contract_app) -> None:
    app, _ = contract_app
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    found = {(op.ok().method.upper(), op.ok().path) for op in schema.get_all_operations()}
    assert found == set(OPERATIONS)


@pytest.mark.parametrize(("method", "path"), OPERATIONS)
def test_every_operation_keeps_its_contract(contract_app, method: str, path: str) -> None:
    app, secret = contract_app
    operation = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)[path][method]

    @given(case=operation.as_strategy())
    @settings(
        max_examples=12,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    def keeps_contract(case) -> None:
        case.call_and_validate(headers={"Authorization": f"Bearer {secret}"}, excluded_checks=skip)

    # An article that fits the JSON schema can still break the article rules (no front
    # matter, raw HTML, a citation without a reference): POST /render rightly answers 422.
    skip = [positive_data_acceptance] if path == "/api/v1/render" else []

    keeps_contract()
