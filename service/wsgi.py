"""Production entry point: ``gunicorn service.wsgi:app`` (what ``claimtag serve`` runs)."""

from service.app import create_app

app = create_app()
