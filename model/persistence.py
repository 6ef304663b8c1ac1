"""Model artifacts: ``model.joblib`` plus a signed ``manifest.json``.

Loading verifies the manifest first (signature when a key is given, library
versions, the file's sha256) and only then unpickles, so a tampered or foreign
file is refused before any of its bytes are executed.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import tempfile
from pathlib import Path
from typing import Any

import joblib
import sklearn

MODEL_FILE = "model.joblib"
MANIFEST_FILE = "manifest.json"


class ArtifactError(RuntimeError):
    """An artifact that must not be loaded; the message names the reason."""


def file_sha256(path: Path) -> str:
    """sha256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def sign(manifest: dict[str, Any], key: str) -> str:
    """HMAC-SHA256 of the manifest's canonical JSON, ``signature`` left out."""
    body = {k: v for k, v in manifest.items() if k != "signature"}
    payload = json.dumps(body, sort_keys=True, separators=(",", ":")).encode()
    return hmac.new(key.encode(), payload, hashlib.sha256).hexdigest()


def _write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file in the same folder, fsync, then rename over."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def save_artifact(
    model: object, out_dir: Path, manifest: dict[str, Any], key: str | None = None
) -> dict[str, Any]:
    """Write the model and its manifest (signed when ``key`` is set); return the manifest."""
    out_dir.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=out_dir, prefix=".model.", suffix=".joblib")
    os.close(fd)
    try:
        joblib.dump(model, tmp, compress=3)
        os.replace(tmp, out_dir / MODEL_FILE)
    finally:
        Path(tmp).unlink(missing_ok=True)
    full = dict(manifest, model_file=MODEL_FILE, model_sha256=file_sha256(out_dir / MODEL_FILE))
    full.pop("signature", None)
    if key:
        full["signature"] = sign(full, key)
    _write_atomic(out_dir / MANIFEST_FILE, json.dumps(full, indent=2).encode() + b"\n")
    return full


def read_manifest(model_dir: Path) -> dict[str, Any]:
    """The manifest as JSON, refused when missing or malformed."""
    path = model_dir / MANIFEST_FILE
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ArtifactError(f"{path}: no manifest (not a claimtag model folder)") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ArtifactError(f"{path}: unreadable manifest ({exc})") from None
    if not isinstance(manifest, dict):
        raise ArtifactError(f"{path}: manifest is not a JSON object")
    return manifest


def verify_artifact(model_dir: Path, key: str | None = None) -> dict[str, Any]:
    """Check signature, scikit-learn version and sha256; return the manifest."""
    manifest = read_manifest(model_dir)
    if key:
        given = manifest.get("signature")
        if not isinstance(given, str):
            raise ArtifactError("artifact refused: unsigned, and a signing key is set")
        if not hmac.compare_digest(given, sign(manifest, key)):
            raise ArtifactError("artifact refused: signature does not match the signing key")
    built = manifest.get("libraries", {}).get("scikit-learn")
    if built != sklearn.__version__:
        raise ArtifactError(
            f"artifact refused: built with scikit-learn {built}, this is {sklearn.__version__}"
        )
    name = manifest.get("model_file", MODEL_FILE)
    if not isinstance(name, str) or Path(name).name != name:
        raise ArtifactError("artifact refused: model_file must be a plain file name")
    path = model_dir / name
    if not path.is_file():
        raise ArtifactError(f"artifact refused: {path} is missing")
    if file_sha256(path) != manifest.get("model_sha256"):
        raise ArtifactError("artifact refused: model file sha256 does not match the manifest")
    return manifest


def load_artifact(model_dir: Path | str, key: str | None = None) -> tuple[Any, dict[str, Any]]:
    """Verify, then unpickle; return (model, manifest)."""
    model_dir = Path(model_dir)
    manifest = verify_artifact(model_dir, key)
    model = joblib.load(model_dir / manifest.get("model_file", MODEL_FILE))
    if list(getattr(model, "labels", [])) != list(manifest.get("labels", [])):
        raise ArtifactError("artifact refused: model labels differ from the manifest")
    return model, manifest


def publish(root: Path, version_dir: Path) -> Path:
    """Point ``root/current`` at ``version_dir`` atomically (symlink swap)."""
    link = root / "current"
    tmp = root / f".current.{os.getpid()}"
    tmp.unlink(missing_ok=True)
    os.symlink(os.path.relpath(version_dir, root), tmp)
    os.replace(tmp, link)
    return link
