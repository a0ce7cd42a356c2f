"""A field of a meeting is declared once, in the model: the meetings view, its CSV columns,
--fields and completion derive from it."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from pydantic import create_model

from ca_summit.corpus.models import Line, MeetingRecord
from ca_summit.views.meetings import PLAIN, _Meeting, plain_fields

Invoke = Callable[..., Any]


class _Extended(MeetingRecord):
    weather: Line | None = None  # a plain value: reaches every output
    turnout: int = 0
    notes_of: list[Line] = []  # a list: the view words lists itself  # noqa: RUF012


def test_a_plain_field_added_to_the_record_becomes_a_field_of_the_view() -> None:
    added = plain_fields(_Extended, _Meeting.model_fields)
    assert list(added) == ["weather", "turnout"]
    view = create_model("Extended", __base__=_Meeting, **added)
    assert {"weather", "turnout"} <= set(view.model_json_schema(mode="serialization")["properties"])


def test_fields_the_view_words_or_that_refer_to_facts_are_not_copied() -> None:
    # city is worded (with its entity), held_fact is a reference the view resolves into support.
    assert plain_fields(MeetingRecord, _Meeting.model_fields) == PLAIN
    assert not {"city", "held_fact", "venue_fact", "documents_fact"} & set(PLAIN)


def test_every_plain_field_of_the_record_is_in_the_json_and_the_fields(invoke: Invoke) -> None:
    record = json.loads(invoke("meetings", "--json").stdout)[0]
    plain = [name for name in MeetingRecord.model_fields if name in _Meeting.model_fields or name in PLAIN]
    assert plain and set(plain) <= set(record)
    assert invoke("meetings", "--fields", ",".join(plain), "-f", "csv").stdout.splitlines()[0] == ",".join(
        plain
    )
