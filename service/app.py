"""Flask app factory for the claimtag tagging service."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask

from service import admin, observability, review
from service.config import build_config
from service.errors import register_error_handlers
from service.holder import ModelHolder
from service.routes import api


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app: config layers, the verified model, routes, errors, metrics."""
    app = Flask(__name__)
    app.config.update(build_config(config))
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    app.json.sort_keys = False  # type: ignore[attr-defined]
    observability.configure_logging(app.config["LOG_LEVEL"])
    holder = ModelHolder(str(app.config["MODEL_DIR"]), app.config.get("SIGNING_KEY"))
    app.extensions["claimtag"] = holder
    holder.try_load()
    app.register_blueprint(api)
    app.register_blueprint(admin.admin)
    app.register_blueprint(review.review)
    app.before_request(lambda: admin.follow_reload_file(app))
    observability.install(app)
    register_error_handlers(app)
    admin.install_sighup(app)
    return app
