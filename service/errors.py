"""One JSON error shape for every failure: ``{"error": {"code", "message"}}``."""

from __future__ import annotations

import logging

from flask import Flask, Response, jsonify
from werkzeug.exceptions import HTTPException

log = logging.getLogger("claimtag.service")

HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "unprocessable",
    500: "internal_error",
    503: "unavailable",
}


class ApiError(Exception):
    """An expected failure with its HTTP status, machine code and readable message."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def error_response(status: int, code: str, message: str) -> tuple[Response, int]:
    return jsonify({"error": {"code": code, "message": message}}), status


def register_error_handlers(app: Flask) -> None:
    """Route API errors, HTTP errors and anything unexpected to the JSON shape."""

    @app.errorhandler(Exception)
    def handle(exc: Exception) -> tuple[Response, int]:
        if isinstance(exc, ApiError):
            return error_response(exc.status, exc.code, exc.message)
        if isinstance(exc, HTTPException) and exc.code is not None and exc.code < 500:
            message = exc.description or exc.name
            if exc.code == 413:
                limit = app.config["MAX_CONTENT_LENGTH"]
                message = f"request body is larger than the limit of {limit} bytes"
            return error_response(exc.code, HTTP_CODES.get(exc.code, "http_error"), message)
        log.exception("unhandled error")
        return error_response(500, "internal_error", "internal server error")
