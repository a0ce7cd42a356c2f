"""Rewrite the published JSON Schemas (schemas/) from the models, for every registered command.

python tools/schemas.py
"""

from __future__ import annotations

from pathlib import Path

from ca_summit.cli.registry import schema_names
from ca_summit.cli.schemas import schema_text

FOLDER = Path(__file__).resolve().parents[1] / "schemas"

if __name__ == "__main__":
    for name in schema_names():
        (FOLDER / f"{name}.schema.json").write_text(schema_text(name), encoding="utf-8")
