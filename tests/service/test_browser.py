"""The review page in a real browser: Debian's Chromium, headless, against a live server.

Skips (with the reason) when /usr/bin/chromium or Playwright is absent; never
downloads a browser. The screenshot lands in test-artifacts/ (git-ignored).
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from werkzeug.serving import make_server

from model.feedback import read_corrections
from service.app import create_app

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = REPO / "test-artifacts"
SEED = REPO / "seeds" / "seed" / "seed-k24-2021-12-06.jsonl"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]

if not CHROMIUM.exists() and os.environ.get("CLAIMTAG_REQUIRE_BROWSER"):
    pytest.fail(f"{CHROMIUM} is absent and CLAIMTAG_REQUIRE_BROWSER is set", pytrace=False)
if not CHROMIUM.exists():
    pytest.skip(
        f"{CHROMIUM} is absent: apt-get install -y chromium to run the browser test",
        allow_module_level=True,
    )
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    return tmp_path / "feedback.sqlite3"


@pytest.fixture()
def live_url(tiny_artifact: Path, db: Path) -> Iterator[str]:
    """The app on an ephemeral loopback port, served from a thread."""
    app: Flask = create_app({"MODEL_DIR": str(tiny_artifact), "FEEDBACK_DB": str(db)})
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()


@dataclass
class Visit:
    """A page and what went wrong on it: requests off the server, script errors."""

    page: Any
    outside: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


@pytest.fixture()
def visit(live_url: str) -> Iterator[Visit]:
    """A laptop-sized page that may reach nothing but the live server."""
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            found = Visit(browser.new_page(viewport={"width": 1366, "height": 768}))
            found.page.on("pageerror", lambda exc: found.problems.append(str(exc)))
            found.page.on(
                "console",
                lambda msg: found.problems.append(msg.text) if msg.type == "error" else None,
            )

            def only_local(route: Any) -> None:
                if route.request.url.startswith(live_url):
                    route.continue_()
                else:
                    found.outside.append(route.request.url)
                    route.abort()

            found.page.route("**/*", only_local)
            yield found
        finally:
            browser.close()


def seed_article() -> str:
    lines = SEED.read_text(encoding="utf-8").splitlines()
    return " ".join(json.loads(line)["text"] for line in lines if line.strip())


def save_screenshot(page: Any, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    ignore = ARTIFACTS / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# test output, never committed\n*\n", encoding="utf-8")
    path = ARTIFACTS / name
    page.screenshot(path=str(path), full_page=True)
    return path


def test_review_page_tags_highlights_and_stores_a_correction(
    visit: Visit, live_url: str, db: Path
) -> None:
    expect, page = sync_api.expect, visit.page
    page.goto(live_url + "/")
    expect(page.locator("#model-info")).to_contain_text("Model 20")
    upload = {"name": "k24-article.txt", "mimeType": "text/plain", "buffer": b"Uploaded text."}
    page.get_by_label("Or open a text file").set_input_files(upload)  # read client-side
    expect(page.get_by_label("Paste the article text")).to_have_value("Uploaded text.")
    expect(page.get_by_label("Document id")).to_have_value("k24-article")
    page.get_by_label("Paste the article text").fill(seed_article())
    page.get_by_role("button", name="Tag article").focus()
    page.keyboard.press("Enter")  # keyboard operable: submit without the mouse

    sentences = page.locator("#sentences > li")
    expect(sentences.first).to_be_visible()
    count = sentences.count()
    assert count >= 5
    labelled = page.locator("#sentences > li[data-first]")
    assert labelled.count() >= 1, "no sentence was highlighted"
    first_badge = labelled.first.locator(".badges .badge").first
    assert first_badge.inner_text().split()[0] in {"attack", "deployment", "official", "casualty"}
    expect(page.locator("#shown")).to_have_text(f"Showing {count} of {count} sentences")

    page.get_by_label("Show").select_option("any")
    expect(page.locator("#shown")).to_have_text(f"Showing {labelled.count()} of {count} sentences")
    page.get_by_label("Show").select_option("all")

    target = sentences.nth(0)
    text = target.locator(".text").inner_text()
    box = target.get_by_label("casualty report")
    wanted = not box.is_checked()
    box.focus()
    page.keyboard.press("Space")
    before = {lab: target.get_by_label(lab).is_checked() for lab in ["attack", "deployment"]}
    target.get_by_role("button", name="Save correction for sentence 1").click()
    expect(target.locator(".saved")).to_contain_text("Saved (correction #1)")
    expect(target.locator(".badges")).to_contain_text("corrected")

    [stored] = read_corrections(db)
    assert (stored.text, stored.sentence_index, stored.doc_id) == (text, 0, "k24-article")
    assert ("casualty_report" in stored.labels) is wanted
    assert all((lab in stored.labels) is on for lab, on in before.items())
    assert stored.model_version and stored.model_version.startswith("20")

    with page.expect_download() as download:
        page.get_by_role("button", name="Download JSON").click()
    saved = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert download.value.suggested_filename == "k24-article-tags.json"
    assert len(saved["sentences"]) == count and saved["sentences"][0]["correction"]["id"] == 1

    shot = save_screenshot(page, "review-page.png")
    assert shot.stat().st_size > 10_000
    assert visit.outside == [] and visit.problems == []
