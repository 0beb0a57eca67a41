"""Deterministic JSON writers shared by the dump scripts."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path
from typing import Any

#: Repository root (scripts/cli/ is two levels below it).
REPO_ROOT = Path(__file__).resolve().parents[2]


def write_json(path: Path, data: Any) -> None:
    """Write pretty-printed UTF-8 JSON with a trailing newline."""
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")


def write_json_gz(path: Path, data: Any) -> None:
    """Write compact JSON, gzip-compressed with no file name and mtime 0.

    Identical input therefore always yields a byte-identical file.
    """
    raw = json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as gz:
        gz.write(raw)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue())


def read_json(path: Path) -> Any:
    """Read a JSON file, transparently gunzipping ``*.gz``."""
    if path.suffix == ".gz":
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            return json.load(fh)
    return json.loads(path.read_text(encoding="utf-8"))
