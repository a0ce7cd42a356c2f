"""`ca-summit meetings`: the series in order, one meeting's full record, and users' folders."""

from __future__ import annotations

import io
from collections.abc import Callable
from csv import DictReader
from pathlib import Path
from typing import Any

import pytest
from test_series import meeting_text

from ca_summit.corpus.reading import read
from ca_summit.queries.meetings import meetings

Json = Callable[..., Any]
DOCUMENTS = [0, 2, 0, 6, 5, 4, 6]  # 2018: none recorded, sources disagree (e1-docs)


@pytest.fixture(scope="module")
def listed() -> list[dict[str, Any]]:
    from ca_summit.views.meetings import present

    return present(meetings(read(None), None), "en").model_dump(mode="json")  # type: ignore[no-any-return]


def test_the_seven_meetings_in_order_with_place_chair_and_documents(listed: list[dict[str, Any]]) -> None:
    assert [(m["edition"], m["year"], m["city"]) for m in listed] == [
        (1, 2018, "Astana"),
        (2, 2019, "Tashkent"),
        (3, 2021, "Turkmenbashi"),
        (4, 2022, "Cholpon-Ata"),
        (5, 2023, "Dushanbe"),
        (6, 2024, "Astana"),
        (7, 2025, "Tashkent"),
    ]
    assert [m["chair"]["person"] for m in listed][:5] == [
        "Nursultan Nazarbayev",
        "Shavkat Mirziyoyev",
        "Gurbanguly Berdimuhamedov",
        "Sadyr Japarov",
        "Emomali Rahmon",
    ]
    assert [len(m["documents"]) for m in listed] == DOCUMENTS
    assert listed[0]["documents_disputed"]["fact"] == "e1-docs"


def test_who_came_for_each_country_is_the_person_who_came(listed: list[dict[str, Any]]) -> None:
    tm_2018 = next(a for a in listed[0]["attendees"] if a["country"] == "TM")
    assert tm_2018["person"] == "Akja Nurberdiyeva"
    assert tm_2018["role"].startswith("Chair of the Mejlis (parliament)")
    kz_2019 = next(a for a in listed[1]["attendees"] if a["country"] == "KZ")
    assert kz_2019["person"] == "Nursultan Nazarbayev"
    assert [g["person"] for g in listed[4]["guests"]] == [
        "Ilham Aliyev",
        "António Guterres",
        "Kakha Imnadze",
        "Hans Kluge",
        "Gurbanguly Berdimuhamedov",
    ]


def test_every_item_of_every_record_has_its_references(listed: list[dict[str, Any]]) -> None:
    for m in listed:
        items = [m["held"], m["place"], m["chair"]["support"]]
        items += [p["support"] for p in m["attendees"] + m["guests"]]
        items += [doc["support"] for doc in m["documents"]]
        items += m["facts"]
        for item in items:
            assert item["sources"], (m["edition"], item)
            for source in item["sources"]:
                assert source["url"].startswith("http")
                assert source["publisher"]


def test_announced_dates_show_where_they_differ(listed: list[dict[str, Any]]) -> None:
    last = listed[6]
    assert (last["held_start"], last["announced_start"], last["announced_end"]) == (
        "2025-11-16",
        "2025-11-15",
        "2025-11-16",
    )
    assert listed[1]["announced"] is None


def test_a_year_and_an_edition_give_the_same_one_meeting(invoke_json: Json) -> None:
    by_year = invoke_json("meetings", "2024")
    assert [m["edition"] for m in by_year] == [6]
    assert invoke_json("meetings", "6") == by_year


def test_each_edition_and_each_year_names_its_one_meeting() -> None:
    corpus = read(None)
    by_edition = [meetings(corpus, str(n)) for n in range(1, 8)]
    assert [[m.record.edition for m in found] for found in by_edition] == [[n] for n in range(1, 8)]
    years = [2018, 2019, 2021, 2022, 2023, 2024, 2025]
    assert [meetings(corpus, str(year)) for year in years] == by_edition


def test_one_meeting_of_a_folder_is_checked_with_the_whole_folder(
    invoke: Callable[..., Any], folder: Path
) -> None:
    # Like validate: a problem of another meeting's file refuses the folder, whatever meeting is asked.
    other = folder / "2031-almaty.yaml"
    other.write_text(
        meeting_text(9, "2031-05-01", "e9").replace("refs: [ref-a]", "refs: [ref-b]"), encoding="utf-8"
    )
    result = invoke("meetings", "2030", "--data", str(folder))
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.startswith(f"ca-summit: error: {other}:")
    assert "unknown reference 'ref-b'" in result.stderr


def test_one_meeting_has_every_fact_and_both_sides_of_its_conflicts(invoke_json: Json) -> None:
    (record,) = invoke_json("meetings", "2019")
    assert len(record["facts"]) == 18
    c2 = next(c for c in record["conflicts"] if c["id"] == "c2")
    assert [p["items"] for p in c2["positions"]] == [["e2-date"], ["e2-date-variant"]]
    assert [[s["publisher"] for s in p["sources"]] for p in c2["positions"]] == [
        ["nCa (News Central Asia)", "Kazinform"],
        ["3090.ru"],
    ]


def test_one_meeting_table_shows_items_facts_and_conflicts(invoke: Callable[..., Any]) -> None:
    result = invoke("meetings", "2", "--no-pager", env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "2nd edition, 2019" in result.stdout
    assert "Every fact, with its sources" in result.stdout
    assert "c2: Date of the 2nd meeting" in result.stdout
    assert "9 November 2019 (a 3090.ru preview)" in result.stdout


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", ["2 sources or more", "1 source", "venue", "attendee"]),
        ("fr", ["2 sources ou plus", "1 source", "lieu", "participant", "Fiabilité"]),
    ],
)
def test_tables_give_confidence_and_topic_in_words_and_data_keeps_the_codes(
    invoke: Callable[..., Any], lang: str, words: list[str]
) -> None:
    table = invoke("--lang", lang, "meetings", "2019", "--no-pager", env={"COLUMNS": "200"}).stdout
    for word in words:
        assert word in table
    assert "confirmed-2-sources" not in table and "confirmed-1-source" not in table
    facts = invoke("--lang", lang, "facts", "--meeting", "2019", "--no-pager", env={"COLUMNS": "200"}).stdout
    assert words[0] in facts and "confirmed-2-sources" not in facts
    csv = invoke("--lang", lang, "facts", "--meeting", "2019", "-f", "csv").stdout
    rows = list(DictReader(io.StringIO(csv)))
    assert {"venue", "attendee"} <= {row["topic"] for row in rows}
    assert {"confirmed-2-sources", "confirmed-1-source"} <= {row["confidence"] for row in rows}


def test_the_list_table_marks_single_source_items(invoke: Callable[..., Any]) -> None:
    result = invoke("meetings", "--no-pager", env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "António Guterres, UN Secretary-General, by video address [1 source]" in result.stdout
    assert "TM: Akja Nurberdiyeva, Chair of the Mejlis" in result.stdout


@pytest.mark.parametrize(
    ("which", "message"),
    [
        ("9", "no meeting of edition 9"),
        ("2020", "no meeting held in 2020"),
        ("0", "no meeting of edition 0"),
    ],
)
def test_an_unknown_meeting_is_a_usage_error_listing_the_valid_ones(
    invoke: Callable[..., Any], which: str, message: str
) -> None:
    result = invoke("meetings", which)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"ca-summit: error: {message}; the meetings are: "
        "2018 (1), 2019 (2), 2021 (3), 2022 (4), 2023 (5), 2024 (6), 2025 (7)\n"
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "2030-almaty.yaml").write_text(meeting_text(8, "2030-05-01", "e8"), encoding="utf-8")
    (tmp_path / "2031-almaty.yaml").write_text(meeting_text(9, "2031-05-01", "e9"), encoding="utf-8")
    return tmp_path


def test_a_users_folder_of_meetings(invoke_json: Json, folder: Path) -> None:
    listed = invoke_json("meetings", "--data", str(folder))
    assert [(m["edition"], m["year"], m["file"]) for m in listed] == [
        (8, 2030, "2030-almaty.yaml"),
        (9, 2031, "2031-almaty.yaml"),
    ]
    assert [m["edition"] for m in invoke_json("meetings", "9", "--data", str(folder))] == [9]
    assert [m["year"] for m in invoke_json("meetings", "2030", "--data", str(folder))] == [2030]


def test_a_users_folder_lists_its_own_editions(invoke: Callable[..., Any], folder: Path) -> None:
    result = invoke("meetings", "3", "--data", str(folder))
    assert (result.exit_code, result.stderr) == (
        2,
        "ca-summit: error: no meeting of edition 3; the meetings are: 2030 (8), 2031 (9)\n",
    )
    result = invoke("meetings", "2029", "--data", str(folder))
    assert (result.exit_code, result.stderr) == (
        2,
        "ca-summit: error: no meeting held in 2029; the meetings are: 2030 (8), 2031 (9)\n",
    )


def test_one_file_is_a_series_of_its_one_meeting(
    invoke_json: Json, invoke: Callable[..., Any], write: Any
) -> None:
    path = write(meeting_text(8, "2030-05-01", "e8"), "2030-almaty.yaml")
    assert [m["edition"] for m in invoke_json("meetings", "--data", str(path))] == [8]
    assert [m["edition"] for m in invoke_json("meetings", "2030", "--data", str(path))] == [8]
    result = invoke("meetings", "7", "--data", str(path))
    assert (result.exit_code, result.stderr) == (
        2,
        "ca-summit: error: no meeting of edition 7; the meetings are: 2030 (8)\n",
    )


def test_an_article_file_without_a_record_holds_no_meeting(invoke_json: Json, write: Any) -> None:
    from conftest import MINIMAL

    path = str(write(MINIMAL))
    assert invoke_json("meetings", "--data", path) == []
    # The article's meeting is there (edition 6, 2024): it has no record to show.
    assert (
        invoke_json("meetings", "6", "--data", path) == invoke_json("meetings", "2024", "--data", path) == []
    )


def test_summary_shows_what_the_article_omits_with_its_sources(invoke_json: Json) -> None:
    record = invoke_json("summary")["record"]
    assert (record["city"], record["chair"]["person"]) == ("Dushanbe", "Emomali Rahmon")
    assert [a["country"] for a in record["attendees"]] == ["KZ", "KG", "TJ", "TM", "UZ"]
    assert record["guests"][0]["person"] == "Ilham Aliyev"
    assert [doc["title"] for doc in record["documents"]] == [
        "Joint Statement",
        "Agreement on Strengthening the Interconnectedness of Land Transport in Central Asia",
        "Agreement on the general directions of youth policy",
        "Regulations on the Council of National Coordinators",
        "Roadmap to support health and well-being in Central Asia",
    ]
    assert [s["publisher"] for s in record["place"]["sources"]] == ["EIN Presswire", "Turkmen state radio"]


def test_summary_table_gives_each_item_its_publishers(invoke: Callable[..., Any]) -> None:
    result = invoke("summary", "--no-pager", env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "Dushanbe, Palace of the Nation (Kasri Millat) — sources: EIN Presswire, Turkmen state radio" in (
        result.stdout
    )
    assert "Hans Kluge, WHO Europe — sources: nCa (News Central Asia) 2023-09-15 [1 source]" in result.stdout


def test_summary_of_an_article_without_a_record_has_none(invoke_json: Json, write: Any) -> None:
    from conftest import MINIMAL

    assert invoke_json("summary", "--data", str(write(MINIMAL)))["record"] is None


def test_the_series_lists_with_each_meeting_the_conflicts_other_files_declare_about_it(
    listed: list[dict[str, Any]],
) -> None:
    by_year = {m["year"]: [(c["id"], c["file"]) for c in m["conflicts"]] for m in listed}
    assert by_year[2024] == [("c3", "2019-tashkent.yaml"), ("c18", "2025-tashkent.yaml")]
    assert by_year[2023] == [
        ("c9", "summit_2023.yaml"),
        ("c10", "summit_2023.yaml"),
        ("c11", "summit_2023.yaml"),
        ("c18", "2025-tashkent.yaml"),
    ]
    c3 = next(c for c in listed[5]["conflicts"] if c["id"] == "c3")
    # Resolved in the file that declares it, 2019's: its references are not 2024's.
    assert [s["publisher"] for s in c3["positions"][0]["sources"]] == ["UZ-Line"]


def test_one_meetings_csv_has_the_lists_columns(invoke: Callable[..., Any]) -> None:
    fields = "edition,held_start,city,chair,attendees,guests,documents"
    result = invoke("meetings", "2021", "--format", "csv", "--fields", fields)
    assert result.stdout.splitlines()[0] == fields
    assert result.stdout.splitlines()[1].startswith("3,2021-08-06,Turkmenbashi,Gurbanguly Berdimuhamedov,")
