"""The kinds of fact, shared by the views (their JSON enum) and the CLI (`--kind`'s values).
Plain typing: no Pydantic, so that a usage error does not build the models."""

from typing import Literal, get_args

FactKind = Literal[
    "meeting",
    "participant",
    "person",
    "figure",
    "area",
    "statement",
    "proposal",
    "advocacy",
    "announcement",
    "estimate",
    "observation",
    "concern",
    "context",
    "driver",
    "quote",
]
FACT_KINDS: tuple[str, ...] = get_args(FactKind)

# What a search finds in the meeting series beside the article's facts.
SeriesKind = Literal["meeting_fact", "trade_claim", "target"]
HitKind = FactKind | SeriesKind
