"""JSON Schemas (draft 2020-12) of every command's JSON output and of the data file, generated
from the models that produce and read them."""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel

DRAFT = "https://json-schema.org/draft/2020-12/schema"
NAMES = ("areas", "trade", "summary", "facts", "quotes", "countries", "search", "validate", "data")


def _model(name: str) -> type[BaseModel]:
    from .models import Summit
    from .views import areas, facts, summary, trade, validate

    models: dict[str, type[BaseModel]] = {
        "areas": areas.AreasView,
        "trade": trade.TradeView,
        "summary": summary.SummaryView,
        "facts": facts.FactsView,
        "quotes": facts.QuotesView,
        "countries": facts.CountriesView,
        "search": facts.SearchView,
        "validate": validate.ValidationView,
        "data": Summit,
    }
    return models[name]


def schema(name: str) -> dict[str, Any]:
    """The schema of `name`'s JSON output (or, for 'data', of a data file as YAML reads it)."""
    mode: Literal["validation", "serialization"] = "validation" if name == "data" else "serialization"
    generated = _model(name).model_json_schema(mode=mode)
    title = "ca-summit data file" if name == "data" else f"ca-summit {name} --json"
    return {"$schema": DRAFT, "title": title, **{k: v for k, v in generated.items() if k != "title"}}


def schema_text(name: str) -> str:
    return json.dumps(schema(name), indent=2, ensure_ascii=False) + "\n"
