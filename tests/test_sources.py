"""`ca-summit sources`: every source of the series, and how much of it rests on each."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from test_series import meeting_text

from ca_summit.corpus.reading import read

Json = Callable[..., Any]


def test_every_source_once_with_what_cites_it(invoke_json: Json) -> None:
    listed = invoke_json("sources")
    assert len(listed) == 164
    assert listed[0] == {
        "url": "https://www.newscentralasia.net/2023/09/15/"
        "5th-consultative-meeting-of-the-heads-of-state-of-central-asia-in-tajikistan-outcomes/",
        "publisher": "nCa (News Central Asia)",
        "published": "2023-09-15",
        "language": "en",
        "cited": 14,
        "facts": 12,
        "claims": 0,
        "targets": 0,
        "positions": 2,
        "editions": [5],
        "reconfirmed": True,
    }
    assert len({s["url"] for s in listed}) == len(listed)


def test_the_counts_add_up_to_the_citations_of_the_series(invoke_json: Json) -> None:
    listed = invoke_json("sources")
    series = read(None).meetings
    expected = {
        "facts": sum(len(set(f.refs)) for m in series for f in m.data.facts),
        "claims": sum(len(set(c.refs)) for m in series for c in m.data.trade_claims),
        "targets": sum(len(set(t.refs)) for m in series for t in m.data.targets),
        "positions": sum(len(set(p.refs)) for m in series for c in m.data.conflicts for p in c.positions),
    }
    assert (
        {key: sum(s[key] for s in listed) for key in expected}
        == expected
        == {
            "facts": 325,
            "claims": 52,
            "targets": 27,
            "positions": 67,
        }
    )
    assert all(s["cited"] == s["facts"] + s["claims"] + s["targets"] + s["positions"] for s in listed)


def test_most_cited_first_then_by_publisher(invoke_json: Json) -> None:
    listed = invoke_json("sources")
    keys = [(-s["cited"], s["publisher"].casefold()) for s in listed]
    assert keys == sorted(keys)


def test_the_table_says_what_cites_each_source(invoke: Callable[..., Any]) -> None:
    result = invoke("sources", "--no-pager", env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    assert "By          12 facts, 2 conflict sides" in result.stdout
    assert "Site        newscentralasia.net" in result.stdout
    french = invoke("sources", "--lang", "fr", "--no-pager", env={"COLUMNS": "80"})
    assert "12 faits, 2 versions contestées" in french.stdout


def test_a_users_folder(invoke_json: Json, tmp_path: Path) -> None:
    (tmp_path / "2030-almaty.yaml").write_text(meeting_text(8, "2030-05-01", "e8"), encoding="utf-8")
    (tmp_path / "2031-almaty.yaml").write_text(meeting_text(9, "2031-05-01", "e9"), encoding="utf-8")
    assert invoke_json("sources", "--data", str(tmp_path)) == [
        {
            "url": "https://example.org/a",
            "publisher": "Example",
            "published": "2030-05",
            "language": "en",
            "cited": 2,
            "facts": 2,
            "claims": 0,
            "targets": 0,
            "positions": 0,
            "editions": [8, 9],
            "reconfirmed": True,
        }
    ]
