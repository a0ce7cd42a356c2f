"""Where the files shipped with the package are: the bundled data and the published schemas.

In a wheel they sit inside the package; an editable install runs from src/, and finds them at the
top of the checkout. Light: no Pydantic, YAML or Rich.
"""

from importlib import resources
from pathlib import Path

BUNDLED_NAME = "summit_2023.yaml"


def _shipped(*parts: str) -> Path:
    packaged = resources.files("ca_summit").joinpath(*parts)
    if isinstance(packaged, Path) and packaged.exists():
        return packaged
    return Path(__file__).resolve().parents[2].joinpath(*parts)


def bundled_path() -> Path:
    """The data file shipped with the package (or, in a source checkout, the repository's)."""
    return _shipped("data", BUNDLED_NAME)


def schema_path(name: str) -> Path:
    """The published JSON Schema of a command's output (or of the data file, for 'data')."""
    return _shipped("schemas", f"{name}.schema.json")
