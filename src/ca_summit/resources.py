"""Where the files shipped with the package are: the bundled data and the published schemas.

In a wheel they sit inside the package folder; an editable install runs from src/, and finds them
at the top of the checkout. Light: no Pydantic, YAML or Rich, and no importlib.resources (it
imports tempfile, shutil and three compression modules, a measurable part of start-up): the
package is always installed as files, never imported from a zip.
"""

from pathlib import Path

BUNDLED_NAME = "summit_2023.yaml"
_PACKAGE = Path(__file__).resolve().parent


def shipped(*parts: str) -> Path:
    """A file or folder shipped with the package: inside it when installed, else in the checkout."""
    packaged = _PACKAGE.joinpath(*parts)
    if packaged.exists():
        return packaged
    return _PACKAGE.parents[1].joinpath(*parts)


def bundled_path() -> Path:
    """The data file shipped with the package (or, in a source checkout, the repository's)."""
    return shipped("data", BUNDLED_NAME)


def schema_path(name: str) -> Path:
    """The published JSON Schema of a command's output (or of the data file, for 'data')."""
    return shipped("schemas", f"{name}.schema.json")
