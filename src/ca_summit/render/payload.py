"""A view's JSON data, read from its fields, without Pydantic's serializer.

The views are made from validated data without validating again (views/base.py); serialising them
through Pydantic would still build a serializer for every view class a command prints, which costs
more than the rest of a run on one meeting. Their fields hold only what JSON holds (text, numbers,
booleans, dates, lists and other views), so they are read here in declaration order, as Pydantic
writes them; a test holds the bytes to Pydantic's for every command. Non-finite numbers become null,
as the views' `ser_json_inf_nan="null"` says.
"""

from __future__ import annotations

import datetime as dt
import math
from enum import Enum
from typing import Any

from pydantic import BaseModel, RootModel


def plain(value: Any) -> Any:
    """The JSON data of a view, or of what a view holds."""
    if isinstance(value, BaseModel) and type(value).__pydantic_complete__:
        return value.model_dump(mode="json")  # its serializer is built already: Pydantic's core is faster
    if isinstance(value, BaseModel):
        if isinstance(value, RootModel):
            return plain(value.root)
        fields = type(value).model_fields
        return {name: plain(getattr(value, name)) for name in fields}
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if value is None or isinstance(value, str | int | bool):
        return value
    shown = getattr(value, "shown", None)  # a view that stands for another (views.base.Nothing)
    if shown is not None:
        return plain(shown)
    raise TypeError(f"no JSON for {type(value).__name__}")


def json_text(view: Any, indent: int | None = None) -> str:
    """The view as JSON text, as Pydantic would write it."""
    if isinstance(view, BaseModel) and type(view).__pydantic_complete__:
        return view.model_dump_json(indent=indent)
    from pydantic_core import to_json

    return to_json(plain(view), indent=indent).decode("utf-8")
