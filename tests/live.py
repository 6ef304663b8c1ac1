"""Live gunicorn servers for tests: start one over loopback, load it, count failures."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import requests

from model.persistence import MANIFEST_FILE, publish
from tests.service.conftest import ADMIN

AUTH = {"Authorization": f"Bearer {ADMIN}"}
TEXT = "Gunmen attacked a police post in Gao on Monday, the army said. Troops were sent."


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def versioned(src: Path, dst: Path, version: str) -> Path:
    shutil.copytree(src, dst)
    manifest = json.loads((dst / MANIFEST_FILE).read_text())
    manifest["version"] = version
    (dst / MANIFEST_FILE).write_text(json.dumps(manifest))
    return dst


class Server:
    def __init__(self, proc: subprocess.Popen[bytes], url: str, root: Path) -> None:
        self.proc, self.url, self.root = proc, url, root

    def versions(self, n: int = 12) -> set[str]:
        return {requests.get(f"{self.url}/v1/model", timeout=5).json()["version"] for _ in range(n)}

    def wait_for(self, version: str, timeout: float = 15.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.versions() == {version}:
                return
            time.sleep(0.2)
        raise AssertionError(f"workers never all served {version}: {self.versions()}")


@contextmanager
def live_server(
    artifact: Path,
    tmp_path: Path,
    workers: int = 2,
    env_extra: dict[str, str] | None = None,
    version: str | None = "v1",
) -> Iterator[Server]:
    """gunicorn on a free loopback port serving a copy of ``artifact``, renamed ``version``
    (kept as it is when None, as a signed artifact must be)."""
    root = tmp_path / "artifacts"
    root.mkdir()
    if version is None:
        publish(root, Path(shutil.copytree(artifact, root / "v1")))
    else:
        publish(root, versioned(artifact, root / "v1", version))
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CLAIMTAG_", "PROMETHEUS"))}
    env |= {"CLAIMTAG_MODEL_DIR": str(root / "current"), "CLAIMTAG_ADMIN_TOKEN": ADMIN}
    env |= env_extra or {}
    gunicorn = Path(sys.executable).with_name("gunicorn")
    proc = subprocess.Popen(
        [
            str(gunicorn),
            "--config",
            "python:service.gunicorn_conf",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "service.wsgi:app",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if requests.get(f"{url}/readyz", timeout=1).status_code == 200:
                break
        except requests.RequestException:
            time.sleep(0.1)
    else:
        proc.kill()
        pytest.fail("gunicorn did not become ready in 30 s")
    try:
        yield Server(proc, url, root)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


class Load:
    """Background clients posting articles until stopped; counts failures."""

    def __init__(self, url: str, clients: int = 4) -> None:
        self.url, self.stop, self.ok, self.failed = url, threading.Event(), 0, []
        self.threads = [threading.Thread(target=self.run) for _ in range(clients)]
        self.lock = threading.Lock()

    def run(self) -> None:
        with requests.Session() as session:
            while not self.stop.is_set():
                try:
                    resp = session.post(f"{self.url}/v1/tag", json={"text": TEXT}, timeout=10)
                    good = resp.status_code == 200
                    detail = str(resp.status_code)
                except requests.RequestException as exc:
                    good, detail = False, repr(exc)
                with self.lock:
                    if good:
                        self.ok += 1
                    else:
                        self.failed.append(detail)

    def __enter__(self) -> Load:
        for t in self.threads:
            t.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop.set()
        for t in self.threads:
            t.join()
