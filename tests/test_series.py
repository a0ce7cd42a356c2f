"""The meeting series: the bundled seven meetings, their references and conflicts, and user folders."""

from __future__ import annotations

import re
import shutil
import tomllib
from pathlib import Path

import pytest

from ca_summit.corpus.files import Meeting, data_files, data_path
from ca_summit.corpus.loader import check
from ca_summit.corpus.models import MeetingFile, TradeClaim
from ca_summit.corpus.reading import check_folder, read
from ca_summit.errors import SummitError
from ca_summit.resources import bundled_path

from conftest import shared_or_skip

ROOT = Path(__file__).resolve().parents[1]
FACTS = ROOT.parent / "shared" / "series" / "FACTS.md"

MEETING = """\
format_version: 1
references:
  - {{id: ref-a, url: "https://example.org/a", publisher: Example, published: "2030-05", language: en}}
record:
  edition: {edition}
  held: {{start: "{date}", end: "{date}"}}
  held_fact: {prefix}-date
  city: Almaty
  venue: A hall
  venue_fact: {prefix}-date
  host_country: KZ
  chair: {{person: A Person, role: President, fact: {prefix}-date}}
  attendees:
    - {{country: KZ, person: A Person, role: President, fact: {prefix}-date}}
facts:
  - {{id: {prefix}-date, topic: date, text: Held on one day, confidence: confirmed-1-source, refs: [ref-a]}}
"""


def meeting_text(edition: int = 8, date: str = "2030-05-01", prefix: str = "e8") -> str:
    return MEETING.format(edition=edition, date=date, prefix=prefix)


@pytest.fixture(scope="module")
def series() -> list[Meeting]:
    return read(None).meetings


def facts_table() -> str:
    shared_or_skip(FACTS, "the facts table")
    return FACTS.read_text(encoding="utf-8")


def table_rows(section: str) -> list[list[str]]:
    """The data rows of the tables under the `## ...` headings starting with `section`."""
    rows: list[list[str]] = []
    inside = False
    for line in facts_table().splitlines():
        if line.startswith("## "):
            inside = line.startswith(section)
        elif inside and line.startswith("| ") and not line.startswith("|---"):
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            if cells[0] not in ("fact id", "#", "id"):
                rows.append(cells)
    return rows


def claims(series: list[Meeting]) -> dict[str, TradeClaim]:
    return {claim.id: claim for meeting in series for claim in meeting.data.trade_claims}


def test_the_bundled_series_is_the_seven_meetings_in_order(series: list[Meeting]) -> None:
    assert [(m.record.edition, m.record.held.start.isoformat(), m.record.city) for m in series] == [
        (1, "2018-03-15", "astana"),
        (2, "2019-11-29", "tashkent"),
        (3, "2021-08-06", "turkmenbashi"),
        (4, "2022-07-21", "cholpon-ata"),
        (5, "2023-09-14", "dushanbe"),
        (6, "2024-08-09", "astana"),
        (7, "2025-11-16", "tashkent"),
    ]
    assert [m.path.name for m in series][4] == "summit_2023.yaml"
    assert [m.data.has_article for m in series] == [False, False, False, False, True, False, False]


MEETING_FILES = [path for path in data_files(data_path()) if path.name != "entities.yaml"]


def test_the_bundled_folder_holds_the_seven_meeting_files_and_the_entities() -> None:
    names = [path.relative_to(data_path()).as_posix() for path in data_files(data_path())]
    assert names == [
        "entities.yaml",
        "series/2018-astana.yaml",
        "series/2019-tashkent.yaml",
        "series/2021-awaza.yaml",
        "series/2022-cholpon-ata.yaml",
        "series/2024-astana.yaml",
        "series/2025-tashkent.yaml",
        "summit_2023.yaml",
    ]


@pytest.mark.parametrize("path", MEETING_FILES, ids=lambda p: p.name)
def test_each_bundled_meeting_file_validates_alone(path: Path) -> None:
    data, problems = check(path.read_text(encoding="utf-8"), str(path))
    assert problems == []
    assert isinstance(data, MeetingFile)


def test_the_article_file_still_validates_and_gains_the_2023_record(series: list[Meeting]) -> None:
    record = series[4].record
    assert (record.city, record.venue, record.chair.person) == (
        "dushanbe",
        "Palace of the Nation (Kasri Millat)",
        "rahmon",
    )
    assert record.guests[0].person == "aliyev"
    assert record.guests[0].country == "AZ"
    assert len(record.documents) == 5
    assert record.announced is not None and record.announced.end.isoformat() == "2023-09-15"


def test_attendees_record_who_came_rather_than_who_held_office(series: list[Meeting]) -> None:
    turkmenistan_2018 = next(a for a in series[0].record.attendees if a.country == "TM")
    assert turkmenistan_2018.person == "nurberdiyeva"
    assert turkmenistan_2018.role.startswith("Chair of the Mejlis")
    kazakhstan_2019 = next(a for a in series[1].record.attendees if a.country == "KZ")
    assert kazakhstan_2019.person == "nazarbayev"
    assert [a.country for a in series[6].record.attendees] == ["KZ", "KG", "TJ", "TM", "UZ", "AZ"]


def test_every_fact_claim_and_target_cites_references_that_resolve(series: list[Meeting]) -> None:
    for meeting in series:
        declared = {reference.id for reference in meeting.data.references}
        cited = [
            *meeting.data.facts,
            *meeting.data.trade_claims,
            *meeting.data.targets,
            *(p for c in meeting.data.conflicts for p in c.positions),
        ]
        assert cited, meeting.path.name
        for item in cited:
            assert item.refs and set(item.refs) <= declared, (meeting.path.name, item)


def test_references_carry_the_facts_table_addresses_exactly(series: list[Meeting]) -> None:
    addresses = {url.rstrip("),.") for url in re.findall(r"https?://[^\s|;]+", facts_table())}
    assert len(addresses) == 164
    assert {r.url for m in series for r in m.data.references} == addresses
    by_url = {r.url: r for m in series for r in m.data.references}
    assert by_url["https://www.akorda.kz/en/1-1485155"].reconfirmed is False
    assert by_url["https://tass.ru/ekonomika/25638617"].language == "ru"
    assert (
        by_url[
            "https://www.asiaplustj.info/en/news/centralasia/20180316/kazakh-president-stressed-the-importance-of-"
            "solving-issues-of-using-transboundary-water-resources"
        ].published
        == "2018-03-16"
    )


def test_every_conflict_of_the_facts_table_is_in_the_data(series: list[Meeting]) -> None:
    expected = [row[0].lower() for row in table_rows("## Conflicts")]
    assert len(expected) == 18
    found = [conflict.id for meeting in series for conflict in meeting.data.conflicts]
    assert sorted(found) == sorted(expected)
    c12 = next(c for m in series for c in m.data.conflicts if c.id == "c12")
    assert [p.items for p in c12.positions] == [["t26"], ["t27"], ["t28"]]


def _billions(cell: str) -> list[float]:
    return [float(round(float(x) * 1e9)) for x in re.findall(r"\$(\d+(?:\.\d+)?) bn", cell)]


def test_every_trade_claim_row_is_in_the_data_with_its_value(series: list[Meeting]) -> None:
    rows = table_rows("## Trade claims")
    assert len(rows) == 33
    by_id = claims(series)
    targets = {target.id for meeting in series for target in meeting.data.targets}
    for row in rows:
        ident, value = row[0].lower(), row[2]
        assert ident in by_id or ident in targets, ident
        amounts = _billions(value)
        if ident in by_id:
            claim = by_id[ident]
            assert claim.value == (amounts[-1] if amounts else None), ident
            assert claim.start_value == (amounts[0] if len(amounts) == 2 else None), ident
    assert by_id["t15"].year_assumption == "base-year"
    assert (by_id["t26"].year, by_id["t26"].year_basis, by_id["t26"].value) == (2024, "last_year", 11.5e9)


def test_supported_meeting_rows_are_carried_and_unconfirmed_ones_left_out(series: list[Meeting]) -> None:
    carried: set[str] = set()
    for meeting in series:
        carried |= {fact.id for fact in meeting.data.facts}
        for item in (*meeting.data.trade_claims, *meeting.data.targets):
            carried |= {item.id, *item.rows}
    rows = [row for row in table_rows("## ") if re.match(r"^e\d-", row[0])]
    assert len(rows) == 148
    for row in rows:
        assert (row[0].lower() in carried) != row[6].startswith("unconfirmed"), row[0]


def test_a_users_folder_of_meetings_loads(tmp_path: Path) -> None:
    (tmp_path / "2031-b.yaml").write_text(meeting_text(9, "2031-06-02", "e9"), encoding="utf-8")
    (tmp_path / "2030-a.yml").write_text(meeting_text(), encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a meeting", encoding="utf-8")
    loaded = read(tmp_path).meetings
    assert [(m.path.name, m.record.edition) for m in loaded] == [("2030-a.yml", 8), ("2031-b.yaml", 9)]
    assert loaded[0].data.references[0].published == "2030-05"


def test_a_broken_file_in_a_folder_is_reported_at_file_line_col(tmp_path: Path) -> None:
    (tmp_path / "good.yaml").write_text(meeting_text(), encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(meeting_text(9, "2031-06-02", "e9").replace("  city:", "  cityy:"), encoding="utf-8")
    with pytest.raises(SummitError) as caught:
        read(tmp_path)
    assert [str(p) for p in caught.value.problems] == [
        f"{bad}:5:3: record.city: Field required",
        f"{bad}:8:3: record.cityy: Extra inputs are not permitted",
    ]


def test_an_unknown_reference_names_the_field(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    text = meeting_text().replace("refs: [ref-a]", "refs: [ref-b]", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SummitError) as caught:
        read(tmp_path)
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "refs: [ref-b]" in row)
    column = text.splitlines()[line - 1].index("ref-b") + 1
    assert str(caught.value) == f"{path}:{line}:{column}: facts.0.refs.0: unknown reference 'ref-b'"


def test_conflicts_resolve_across_the_folder(tmp_path: Path) -> None:
    conflict = (
        "conflicts:\n  - id: c1\n    topic: The date\n    positions:\n"
        "      - {text: One day, items: [e8-date], refs: [ref-a]}\n"
        "      - {text: Another, items: [%s], refs: [ref-a]}\n"
    )
    (tmp_path / "a.yaml").write_text(meeting_text(), encoding="utf-8")
    other = tmp_path / "b.yaml"
    other.write_text(meeting_text(9, "2031-06-02", "e9") + conflict % "e9-date", encoding="utf-8")
    assert len(read(tmp_path).meetings) == 2
    other.write_text(meeting_text(9, "2031-06-02", "e9") + conflict % "e7-date", encoding="utf-8")
    with pytest.raises(SummitError) as caught:
        read(tmp_path)
    assert [str(p) for p in caught.value.problems] == [
        f"{other}:22:33: conflicts.0.positions.1.items.0: "
        "unknown fact or claim or target 'e7-date' in the series"
    ]


def test_an_id_declared_in_two_files_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(meeting_text(), encoding="utf-8")
    twin = tmp_path / "b.yaml"
    twin.write_text(meeting_text(9, "2031-06-02"), encoding="utf-8")
    with pytest.raises(SummitError) as caught:
        read(tmp_path)
    assert str(caught.value.problems[0]) == (
        f"{twin}:16:10: facts.0.id: fact id 'e8-date' is also declared in {tmp_path / 'a.yaml'}"
    )


def test_a_day_is_never_invented_and_scopes_are_complete(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(meeting_text().replace('"2030-05"', '"2030-02-30"'), encoding="utf-8")
    with pytest.raises(SummitError, match=r"expected an ISO date such as 2023-09-14, got '2030-02-30'"):
        read(tmp_path)
    claim = {
        "id": "t1",
        "scope": "bilateral",
        "countries": ["KZ"],
        "value": 1e9,
        "qualifier": "exact",
        "year_basis": "not_stated",
        "stated_by": {"name": "A Person"},
        "occasion": "A visit",
        "confidence": "confirmed-1-source",
        "refs": ["ref-a"],
    }
    with pytest.raises(ValueError, match="two countries are given exactly when the scope is bilateral"):
        TradeClaim.model_validate(claim)
    assert TradeClaim.model_validate({**claim, "countries": ["KZ", "UZ"]}).countries == ["KZ", "UZ"]


def test_a_folder_path_that_is_not_a_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SummitError, match=r"missing: not a folder of data files$"):
        check_folder(tmp_path / "missing")
    with pytest.raises(SummitError, match=r"missing: no such file$"):
        read(tmp_path / "missing")


def test_the_wheel_ships_the_series_and_the_checkout_finds_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where the wheel puts the data (pyproject's force-include) is where the installed package
    looks for it: the package is laid out as the wheel lays it, with links to the checkout."""
    from ca_summit import resources
    from ca_summit.corpus.snapshot import snapshot_folder

    assert data_path() == ROOT / "data"  # the checkout: nothing inside src/
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    for source, target in pyproject["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"].items():
        copy = shutil.copytree if (ROOT / source).is_dir() else shutil.copyfile
        (tmp_path / target).parent.mkdir(parents=True, exist_ok=True)
        copy(ROOT / source, tmp_path / target)
    package = tmp_path / "ca_summit"
    monkeypatch.setattr(resources, "_PACKAGE", package)
    assert data_path() == package / "data"
    assert bundled_path() == package / "data" / "summit_2023.yaml"
    assert snapshot_folder() == package / "data" / "snapshot"
    assert resources.schema_path("trade") == package / "schemas" / "trade.schema.json"
    corpus, problems = check_folder(data_path(), cached=False)
    assert problems == [] and corpus is not None
    assert [m.record.held.start.year for m in corpus.meetings if m.record is not None] == [
        2018,
        2019,
        2021,
        2022,
        2023,
        2024,
        2025,
    ]
    assert all(m.path.is_relative_to(package) for m in corpus.meetings)


@pytest.mark.parametrize(
    ("which", "name", "year"),
    [
        ("2018", "2018-astana.yaml", 2018),
        (" 1 ", "2018-astana.yaml", 2018),
        ("2023", "summit_2023.yaml", 2023),
    ],
)
def test_a_meeting_is_found_by_its_year_or_its_edition(which: str, name: str, year: int) -> None:
    meeting = read(None).find(which)
    assert meeting.path.name == name
    assert meeting.record is not None and meeting.record.held.start.year == year


def test_a_year_without_a_meeting_is_a_usage_error_listing_the_meetings(tmp_path: Path) -> None:
    (tmp_path / "2030-a.yaml").write_text(meeting_text(), encoding="utf-8")
    corpus = read(tmp_path)
    assert corpus.find("2030").edition == corpus.find("8").edition == 8
    assert corpus.one(None).label == "2030 (8)"  # no 2023 meeting: the only one there is
    for which, problem in [
        ("2020", "no meeting held in 2020"),
        ("9", "no meeting of edition 9"),
        ("x", "'x' is not a meeting (a year such as 2018, or an edition such as 1)"),
    ]:
        with pytest.raises(SummitError) as caught:
            corpus.find(which)
        assert (str(caught.value), caught.value.exit_code) == (f"{problem}; the meetings are: 2030 (8)", 2)


def test_without_the_default_meeting_one_of_several_must_be_chosen(tmp_path: Path) -> None:
    (tmp_path / "2030-a.yaml").write_text(meeting_text(), encoding="utf-8")
    (tmp_path / "2031-b.yaml").write_text(meeting_text(9, "2031-06-02", "e9"), encoding="utf-8")
    corpus = read(tmp_path)
    assert [m.label for m in corpus.select(None)] == ["2030 (8)", "2031 (9)"]
    assert [m.label for m in corpus.select("9")] == ["2031 (9)"]
    with pytest.raises(SummitError) as caught:
        corpus.one(None)
    assert (str(caught.value), caught.value.exit_code) == (
        "no meeting held in 2023, the default; choose one with --meeting; "
        "the meetings are: 2030 (8), 2031 (9)",
        2,
    )


def test_validate_gets_every_problem_of_a_folder_at_once(tmp_path: Path) -> None:
    first = tmp_path / "a.yaml"
    first.write_text(
        meeting_text().replace("confidence: confirmed-1-source", "confidence: likely"), encoding="utf-8"
    )
    second = tmp_path / "b.yaml"
    second.write_text("format_version: 1\nrecord: [\n", encoding="utf-8")
    corpus, problems = check_folder(tmp_path)
    assert corpus is None
    assert [str(p) for p in problems[:1]] == [
        f"{first}:16:67: facts.0.confidence: "
        "Input should be 'confirmed-2-sources', 'confirmed-1-source' or 'conflicting'",
    ]
    # libyaml and PyYAML's pure parser word this one differently: its place is what matters.
    assert (problems[1].path, problems[1].line, problems[1].column) == (str(second), 3, 1)
    assert problems[1].message.startswith("invalid YAML: ")


def test_a_meeting_files_format_version_true_is_not_one(tmp_path: Path) -> None:
    # true == 1 in Python: the article's format and a meeting file's refuse it alike.
    path = tmp_path / "2030-a.yaml"
    path.write_text(meeting_text().replace("format_version: 1", "format_version: true"), encoding="utf-8")
    corpus, problems = check_folder(tmp_path, cached=False)
    assert corpus is None
    assert [str(p) for p in problems] == [
        f"{path}:1:17: format_version: expected the number 2 (or 1), got true"
    ]


def test_every_person_and_city_of_the_bundled_records_is_an_entity(series: list[Meeting]) -> None:
    naming = read(None).naming
    named = [
        value
        for meeting in series
        for record in [meeting.record]
        if record is not None
        for value in (
            record.city,
            record.chair.person,
            *(a.person for a in record.attendees),
            *(g.person for g in record.guests),
        )
    ]
    assert named and [value for value in named if value not in naming.entities] == []
    speakers = [c.stated_by.name for m in series for c in m.data.trade_claims]
    # Speakers are entities but for the groups the sources name (experts, a correspondent).
    groups = sorted({name for name in speakers if naming.entity(name) is None})
    assert groups == [
        "Experts at an ISRS round table",
        "MIR 24 correspondent in Astana",
        "Silk Way TV correspondent, citing IICA analysts",
    ]
