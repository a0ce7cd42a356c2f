"""Every row that cites a source carries its address, in CSV and Markdown as in JSON."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable
from typing import Any

import pytest

Invoke = Callable[..., Any]


def _markdown(text: str) -> list[dict[str, str]]:
    """A Markdown table's rows as a reader sees them: backslash escapes read back."""
    lines = re.sub(r"\\(.)", r"\1", text).splitlines()
    header = [cell.strip() for cell in lines[0].strip("|").split("|")]
    return [
        dict(zip(header, (c.strip() for c in line.strip("|").split("|")), strict=True)) for line in lines[2:]
    ]


@pytest.mark.parametrize(
    "args",
    [("facts", "--meeting", "2024"), ("search", "Cholpon"), ("sources",)],
    ids=["facts-meeting", "search", "sources"],
)
def test_csv_and_markdown_carry_the_addresses_json_gives(invoke: Invoke, args: tuple[str, ...]) -> None:
    records = json.loads(invoke(*args, "--json").stdout)
    records = records["hits"] if isinstance(records, dict) else records
    # sources lists addresses; the others list items, each with its sources' addresses.
    wanted = [[r["url"]] if "url" in r else [s["url"] for s in r["sources"]] for r in records]
    assert any(wanted) and len(records) > 1
    rows = list(csv.DictReader(invoke(*args, "--format", "csv").stdout.splitlines()))
    # A source is named by its address, several of them "; " apart, in the JSON's order.
    key = "url" if args[0] == "sources" else "sources"
    assert [row[key].split("; ") if row[key] else [] for row in rows] == wanted
    markdown = invoke(*args, "--format", "markdown").stdout
    if args[0] == "facts":  # a document: its sources section names every address
        assert all(f"<{url}>" in markdown for urls in wanted for url in urls)
        return
    marked = _markdown(markdown)
    assert [row[key].split("; ") if row[key] else [] for row in marked] == wanted
