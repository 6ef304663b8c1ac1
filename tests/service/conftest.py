"""Service fixtures: an app on the tiny model, its client, and a schema checker."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from jsonschema import Draft202012Validator

from service.app import create_app
from service.openapi import SPEC

ADMIN = "admin-token-for-tests"


@pytest.fixture()
def app(tiny_artifact: Path, tmp_path: Path) -> Flask:
    return create_app(
        {
            "MODEL_DIR": str(tiny_artifact),
            "TESTING": True,
            "ADMIN_TOKEN": ADMIN,
            "RELOAD_FILE": str(tmp_path / "reload-target"),
        }
    )


@pytest.fixture()
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def schema_errors(name: str, instance: Any) -> list[str]:
    """Messages of every way ``instance`` breaks the OpenAPI component ``name``."""
    schema = {"$ref": f"#/components/schemas/{name}", "components": SPEC["components"]}
    return [e.message for e in Draft202012Validator(schema).iter_errors(instance)]


@pytest.fixture()
def conforms() -> Callable[[str, Any], None]:
    def check(name: str, instance: Any) -> None:
        assert schema_errors(name, instance) == []

    return check
