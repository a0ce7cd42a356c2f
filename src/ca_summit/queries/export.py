"""`ca-summit export --sqlite`: the whole corpus as tables of rows, with their keys, the columns
indexed for full-text search, and what each table and column holds. render/sqlite.py writes them.

Texts go in columns named by their language: the article gives French and English (`text_fr`,
`text_en`); the public reports are English today (`text_en`, `note_en`, ...). A person, city or
country written in the data links to its entity (a `*_id` column) where one goes by that name.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..render.sqlite import Column, Database, Relation, SqlType, Value
from .facts import all_facts
from .sources import sources

if TYPE_CHECKING:
    from ..corpus.files import Meeting
    from ..corpus.models import MeetingFile, Speaker, Target, TradeClaim
    from ..corpus.series import Corpus, Naming

Row = list[Value]

TITLE = "Consultative Meetings of the Heads of State of Central Asia"
CONFIDENCE = "How well sources support it: confirmed-2-sources, confirmed-1-source or conflicting."
SCOPE = "intra_regional, country_with_region, bilateral, external or regional_and_external."


def col(
    name: str, kind: SqlType, description: str = "", *, to: str | None = None, required: bool = False
) -> Column:
    """A column; `to` names the table whose key it refers to ("table" or "table.column")."""
    if to is None:
        return Column(name, kind, description, None, required)
    table, _, column = to.partition(".")
    return Column(name, kind, description, (table, column or _KEYS[table]), required)


_KEYS = {
    "meetings": "edition",
    "entities": "id",
    "sources": "id",
    "facts": "pk",
    "claims": "id",
    "targets": "id",
    "conflicts": "id",
    "positions": "pk",
    "assumptions": "id",
}
MEETING = col("meeting", "INTEGER", "The meeting's edition.", to="meetings", required=True)


def _entity(name: str, what: str) -> Column:
    return col(name, "TEXT", f"The entity that {what} is, where one goes by that name.", to="entities")


def _cites(item: str, kind: SqlType, table: str, what: str, pairs: list[tuple[Value, int]]) -> Relation:
    """Which sources the items of `table` cite, in ITEM_sources: one row a pair, each pair once."""
    name = f"{item}_sources"
    source = col("source", "INTEGER", "A source it cites.", to="sources", required=True)
    item_column = col(item, kind, f"The {what}.", to=table, required=True)
    rows = [[left, right] for left, right in dict.fromkeys(pairs)]
    return Relation(name, f"The sources each {what} cites.", (item_column, source), (item, "source"), rows)


def _values(model: object, *names: str) -> list[Value]:
    """The model's fields of these names, in this order: a row's cells as the data has them."""
    return [getattr(model, name) for name in names]


def _joined(values: Iterable[str]) -> str | None:
    return ", ".join(values) or None


class _Rows:
    """The rows of every table, filled meeting by meeting."""

    def __init__(self, corpus: Corpus, meetings: list[Meeting]) -> None:
        self.naming: Naming = corpus.naming
        found = sources(meetings)
        self.sources = [
            [
                n,
                s.reference.url,
                s.reference.publisher,
                s.reference.published,
                s.reference.language,
                s.reference.reconfirmed,
                s.total,
            ]
            for n, s in enumerate(found, 1)
        ]
        self.source_of_url = {s.reference.url: n for n, s in enumerate(found, 1)}
        self.meetings: list[Row] = []
        self.references: list[Row] = []
        self.facts: list[Row] = []
        self.participants: list[Row] = []
        self.documents: list[Row] = []
        self.claims: list[Row] = []
        self.growths: list[Row] = []
        self.targets: list[Row] = []
        self.conflicts: list[Row] = []
        self.positions: list[Row] = []
        self.items: list[Row] = []
        self.quotes: list[Row] = []
        self.assumptions: list[Row] = []
        self.fact_sources: list[tuple[Value, int]] = []
        self.claim_sources: list[tuple[Value, int]] = []
        self.target_sources: list[tuple[Value, int]] = []
        self.position_sources: list[tuple[Value, int]] = []
        # Report facts, claims and targets have ids unique across a corpus: conflicts name them so.
        self.fact_key: dict[str, int] = {}
        self.article_facts = 0  # numbered after the reports' facts
        self.claim_ids = {c.id for m in meetings for c in m.data.trade_claims}
        self.target_ids = {t.id for m in meetings for t in m.data.targets}
        for meeting in meetings:
            for fact in meeting.data.facts:
                self.fact_key[fact.id] = len(self.fact_key) + 1
        for meeting in meetings:
            self.meeting(meeting)

    def entity(self, value: str | None) -> str | None:
        found = self.naming.entity(value) if value else None
        return found.id if found is not None else None

    def meeting(self, meeting: Meeting) -> None:
        data, edition = meeting.data, meeting.edition
        source_of_ref = {ref.id: self.source_of_url[ref.url] for ref in data.references}
        self.references += [[edition, ref.id, source_of_ref[ref.id]] for ref in data.references]
        self._meeting_row(meeting)
        self._report_facts(data, edition, source_of_ref)
        self._article(data, edition)
        for claim in data.trade_claims:
            self._claim(claim, edition, source_of_ref)
        for target in data.targets:
            self._target(target, edition, source_of_ref)
        self._conflicts(data, edition, source_of_ref)

    def _meeting_row(self, meeting: Meeting) -> None:
        data, record, heading = meeting.data, meeting.data.record, meeting.data.meeting
        held = (
            (record.held.start, record.held.end)
            if record
            else (heading.date, heading.date)
            if heading
            else None
        )
        announced = record.announced if record else None
        chair = record.chair if record else None
        self.meetings.append(
            [
                meeting.edition,
                meeting.year,
                heading.name.en if heading else None,
                heading.name.fr if heading else None,
                held[0].isoformat() if held else None,
                held[1].isoformat() if held else None,
                announced.start.isoformat() if announced else None,
                announced.end.isoformat() if announced else None,
                record.city if record else None,
                self.entity(record.city) if record else None,
                record.venue if record else None,
                record.host_country if record else None,
                self.entity(record.host_country) if record else None,
                chair.person if chair else None,
                self.entity(chair.person) if chair else None,
                chair.role if chair else None,
                data.source.document if data.source else None,
                data.source.language if data.source else None,
                meeting.path.name,
            ]
        )

    def _report_facts(self, data: MeetingFile, edition: int, source_of_ref: dict[str, int]) -> None:
        record = data.record
        for fact in data.facts:
            key = self.fact_key[fact.id]
            self.facts.append(
                [
                    key,
                    edition,
                    "report",
                    fact.id,
                    fact.topic,
                    None,
                    fact.text,
                    None,
                    None,
                    None,
                    fact.confidence,
                    fact.note,
                ]
            )
            self.fact_sources += [(key, source_of_ref[ref]) for ref in fact.refs]
        if record is None:
            return
        for kind, people in (("attendee", record.attendees), ("guest", record.guests)):
            for person in people:
                self.participants.append(
                    [
                        len(self.participants) + 1,
                        edition,
                        kind,
                        person.country,
                        self.entity(person.country),
                        person.person,
                        self.entity(person.person),
                        person.role,
                        None,
                        None,
                        self.fact_key[person.fact],
                        None,
                    ]
                )
        for document in record.documents:
            self.documents.append(
                [
                    len(self.documents) + 1,
                    edition,
                    document.title,
                    document.title_as_published,
                    self.fact_key[document.fact],
                ]
            )

    def _article(self, data: MeetingFile, edition: int) -> None:
        for participant in data.participants:
            self.participants.append(
                [
                    len(self.participants) + 1,
                    edition,
                    "participant",
                    participant.code,
                    self.entity(participant.code),
                    None,
                    None,
                    None,
                    participant.name.en,
                    participant.name.fr,
                    None,
                    participant.quote,
                ]
            )
        if data.source is None:
            return
        for fact in all_facts(data):
            self.article_facts += 1
            self.facts.append(
                [
                    len(self.fact_key) + self.article_facts,
                    edition,
                    "article",
                    fact.id,
                    fact.kind,
                    fact.area,
                    fact.text.en,
                    fact.text.fr,
                    _joined(fact.by),
                    fact.quote,
                    None,
                    None,
                ]
            )
        for q in data.quotes:
            context = q.context
            self.quotes.append(
                [
                    q.id,
                    edition,
                    q.speaker,
                    self.entity(q.speaker),
                    q.as_written,
                    q.text.fr,
                    q.text.en,
                    context.fr if context else None,
                    context.en if context else None,
                    q.quote,
                ]
            )
        for a in data.assumptions:
            self.assumptions.append([a.id, edition, a.text.en, a.text.fr])

    def _speaker(self, speaker: Speaker) -> list[Value]:
        return [speaker.name, self.entity(speaker.name), speaker.role]

    def _scope(self, item: TradeClaim | Target) -> list[Value]:
        return [item.scope, item.country, _joined(item.countries), item.scope_note]

    def _claim(self, claim: TradeClaim, edition: int, source_of_ref: dict[str, int]) -> None:
        self.claims.append(
            [
                claim.id,
                edition,
                *self._scope(claim),
                *_values(
                    claim, "flow", "value", "qualifier", "currency", "start_value", "start_year", "year"
                ),
                *_values(claim, "year_basis", "year_assumption", "part_of_year"),
                *self._speaker(claim.stated_by),
                *_values(claim, "stated_on", "stated_on_note", "occasion", "confidence", "note"),
            ]
        )
        growth = ("rate", "multiplier", "multiplier_max", "qualifier", "period_years", "since_year", "note")
        self.growths += [[claim.id, n, *_values(g, *growth)] for n, g in enumerate(claim.growth, 1)]
        self.claim_sources += [(claim.id, source_of_ref[ref]) for ref in claim.refs]

    def _target(self, target: Target, edition: int, source_of_ref: dict[str, int]) -> None:
        self.targets.append(
            [
                target.id,
                edition,
                target.claim,
                *self._scope(target),
                *_values(target, "value", "multiplier", "multiplier_max", "qualifier", "currency"),
                *_values(target, "by_year", "within_years", "horizon"),
                *self._speaker(target.set_by),
                *_values(target, "set_on", "occasion", "confidence", "note"),
            ]
        )
        self.target_sources += [(target.id, source_of_ref[ref]) for ref in target.refs]

    def _conflicts(self, data: MeetingFile, edition: int, source_of_ref: dict[str, int]) -> None:
        for conflict in data.conflicts:
            self.conflicts.append([conflict.id, edition, conflict.topic, conflict.note])
            for n, position in enumerate(conflict.positions, 1):
                key = len(self.positions) + 1
                self.positions.append([key, conflict.id, n, position.text])
                for item in dict.fromkeys(position.items):
                    self.items.append(
                        [
                            key,
                            item,
                            self.fact_key.get(item),
                            item if item in self.claim_ids else None,
                            item if item in self.target_ids else None,
                        ]
                    )
                self.position_sources += [(key, source_of_ref[ref]) for ref in position.refs]


def _scope_columns() -> list[Column]:
    return [
        col("scope", "TEXT", SCOPE, required=True),
        col("country", "TEXT", "The country, for country_with_region (ISO 3166-1 alpha-2)."),
        col("countries", "TEXT", "The two countries, for bilateral, comma-separated."),
        col("scope_note_en", "TEXT"),
    ]


def _speaker_columns(prefix: str, what: str) -> list[Column]:
    return [
        col(prefix, "TEXT", f"Who {what} it, as the sources name them.", required=True),
        _entity(f"{prefix}_id", f"who {what} it"),
        col(f"{prefix}_role", "TEXT"),
    ]


def _entities(corpus: Corpus) -> list[Relation]:
    entities = corpus.entities.values()
    entity = col("entity", "TEXT", "The entity.", to="entities", required=True)
    return [
        Relation(
            "entities",
            "People, countries, cities and organisations the data names: one id each, a name in each "
            "language, and their other names (spellings, transliterations, scripts).",
            (
                col("id", "TEXT", "A country's ISO 3166-1 alpha-2 code; else a slug.", required=True),
                col("kind", "TEXT", "person, country, city or organisation.", required=True),
                col("name_en", "TEXT", required=True),
                col("name_fr", "TEXT", required=True),
                col("aliases", "TEXT", "Every other name, separated by ' | ' (also in entity_aliases)."),
                col("country", "TEXT", "A person's or a city's country, where known."),
            ),
            ("id",),
            [
                [e.id, e.kind, e.name.en, e.name.fr, " | ".join(e.aliases) or None, e.country]
                for e in entities
            ],
            search=("name_en", "name_fr", "aliases"),
            label="name_en",
        ),
        Relation(
            "entity_aliases",
            "Other names of an entity, one a row.",
            (entity, col("alias", "TEXT", required=True)),
            ("entity", "alias"),
            [[e.id, alias] for e in entities for alias in dict.fromkeys(e.aliases)],
        ),
    ]


def export(corpus: Corpus, meetings: list[Meeting]) -> Database:
    """Every table of these meetings of the corpus (and all its entities), declared and filled."""
    r = _Rows(corpus, meetings)
    fact = col("fact", "INTEGER", "The fact it stands for.", to="facts")
    tables = [
        Relation(
            "meetings",
            "The Consultative Meetings, one a row: when and where, and who chaired.",
            (
                col("edition", "INTEGER", "1 for the first meeting (2018).", required=True),
                col("year", "INTEGER", "The year it was held.", required=True),
                col("name_en", "TEXT", "The article's name for it, where the data has an article."),
                col("name_fr", "TEXT"),
                col("held_start", "TEXT", "ISO date."),
                col("held_end", "TEXT", "ISO date."),
                col(
                    "announced_start",
                    "TEXT",
                    "ISO date, where the announced dates differ from the held ones.",
                ),
                col("announced_end", "TEXT"),
                col("city", "TEXT"),
                _entity("city_id", "the city"),
                col("venue", "TEXT"),
                col("host_country", "TEXT", "ISO 3166-1 alpha-2."),
                _entity("host_country_id", "the host country"),
                col("chair", "TEXT"),
                _entity("chair_id", "the chair"),
                col("chair_role", "TEXT"),
                col("article", "TEXT", "The article's file, where the data has an article of it."),
                col("article_language", "TEXT", "ISO 639-1."),
                col("file", "TEXT", "The data file it was read from.", required=True),
            ),
            ("edition",),
            r.meetings,
        ),
        Relation(
            "participants",
            "Who took part: each country's head (attendee) and the guests, as public reports give them, "
            "and the countries the article names (participant).",
            (
                col("pk", "INTEGER", required=True),
                MEETING,
                col(
                    "kind",
                    "TEXT",
                    "attendee, guest (public reports) or participant (the article).",
                    required=True,
                ),
                col("country", "TEXT", "ISO 3166-1 alpha-2."),
                _entity("country_id", "the country"),
                col("person", "TEXT"),
                _entity("person_id", "the person"),
                col("role_en", "TEXT"),
                col("name_en", "TEXT", "The article's name of the country."),
                col("name_fr", "TEXT"),
                fact,
                col("quote", "TEXT", "The article's words, verbatim."),
            ),
            ("pk",),
            r.participants,
        ),
        Relation(
            "documents",
            "The documents each meeting adopted, as public reports give them.",
            (
                col("pk", "INTEGER", required=True),
                MEETING,
                col("title_en", "TEXT", required=True),
                col(
                    "title_as_published", "INTEGER", "1: the published title; 0: our wording.", required=True
                ),
                fact,
            ),
            ("pk",),
            r.documents,
            search=("title_en",),
        ),
        Relation(
            "facts",
            "Every fact: those of public reports (origin 'report', each with its sources) and those of the "
            "article (origin 'article', each with its verbatim quote), as `ca-summit facts` lists them.",
            (
                col("pk", "INTEGER", required=True),
                MEETING,
                col("origin", "TEXT", "report or article.", required=True),
                col("id", "TEXT", "The id `ca-summit show` explains.", required=True),
                col("kind", "TEXT", "A report fact's topic, or an article fact's kind.", required=True),
                col("area", "TEXT", "The article's area of cooperation it belongs to."),
                col("text_en", "TEXT", required=True),
                col("text_fr", "TEXT", "The article's facts only."),
                col("by_ids", "TEXT", "Who said or did it: participant codes and entity ids."),
                col("quote", "TEXT", "The article's words, verbatim."),
                col("confidence", "TEXT", CONFIDENCE),
                col("note_en", "TEXT"),
            ),
            ("pk",),
            r.facts,
            search=("text_en", "text_fr"),
        ),
        _cites("fact", "INTEGER", "facts", "fact", r.fact_sources),
        Relation(
            "claims",
            "Trade figures as stated, each with its qualifier, who stated it when, and its sources: every "
            "scope, as `ca-summit trade --history` lists them.",
            (
                col("id", "TEXT", required=True),
                MEETING,
                *_scope_columns(),
                col("flow", "TEXT", "trade or exports."),
                col("value", "REAL", "In base units of the currency."),
                col("qualifier", "TEXT", "exact, more_than, about, up_to or at_least."),
                col("currency", "TEXT", "ISO 4217."),
                col("start_value", "REAL"),
                col("start_year", "INTEGER"),
                col("year", "INTEGER", "The year the figure refers to, where stated."),
                col("year_basis", "TEXT", "stated, last_year, not_stated or assumption."),
                col("year_assumption", "TEXT", "The assumption that gives the year.", to="assumptions"),
                col("part_of_year_en", "TEXT"),
                *_speaker_columns("stated_by", "stated"),
                col("stated_on", "TEXT", "YYYY, YYYY-MM or YYYY-MM-DD, as precise as known."),
                col("stated_on_note_en", "TEXT"),
                col("occasion_en", "TEXT", required=True),
                col("confidence", "TEXT", CONFIDENCE, required=True),
                col("note_en", "TEXT"),
            ),
            ("id",),
            r.claims,
            search=("occasion_en", "note_en"),
        ),
        Relation(
            "claim_growths",
            "The growth a claim states, as a rate or a multiplier.",
            (
                col("claim", "TEXT", to="claims", required=True),
                col("number", "INTEGER", "Its place in the claim.", required=True),
                col("rate", "REAL", "A fraction: 0.8 is 80 %."),
                col("multiplier", "REAL"),
                col("multiplier_max", "REAL"),
                col("qualifier", "TEXT", required=True),
                col("period_years", "INTEGER"),
                col("since_year", "INTEGER"),
                col("note_en", "TEXT"),
            ),
            ("claim", "number"),
            r.growths,
        ),
        _cites("claim", "TEXT", "claims", "claim", r.claim_sources),
        Relation(
            "targets",
            "Levels of trade to reach: an amount or a multiple, by a year or within a horizon, and who set "
            "it.",
            (
                col("id", "TEXT", required=True),
                MEETING,
                col("claim", "TEXT", "The claim it was stated with.", to="claims"),
                *_scope_columns(),
                col("value", "REAL", "In base units of the currency."),
                col("multiplier", "REAL"),
                col("multiplier_max", "REAL"),
                col("qualifier", "TEXT"),
                col("currency", "TEXT", "ISO 4217."),
                col("by_year", "INTEGER"),
                col("within_years", "INTEGER"),
                col("horizon_en", "TEXT"),
                *_speaker_columns("set_by", "set"),
                col("set_on", "TEXT", "YYYY, YYYY-MM or YYYY-MM-DD, as precise as known."),
                col("occasion_en", "TEXT", required=True),
                col("confidence", "TEXT", CONFIDENCE, required=True),
                col("note_en", "TEXT"),
            ),
            ("id",),
            r.targets,
            search=("occasion_en", "note_en"),
        ),
        _cites("target", "TEXT", "targets", "target", r.target_sources),
        Relation(
            "conflicts",
            "Where sources disagree: each position is kept with its own sources, none chosen.",
            (
                col("id", "TEXT", required=True),
                col(
                    "meeting", "INTEGER", "The edition whose file declares it.", to="meetings", required=True
                ),
                col("topic_en", "TEXT", required=True),
                col("note_en", "TEXT"),
            ),
            ("id",),
            r.conflicts,
            search=("topic_en", "note_en"),
        ),
        Relation(
            "positions",
            "One side of a conflict.",
            (
                col("pk", "INTEGER", required=True),
                col("conflict", "TEXT", to="conflicts", required=True),
                col("number", "INTEGER", "Its place in the conflict.", required=True),
                col("text_en", "TEXT", required=True),
            ),
            ("pk",),
            r.positions,
            search=("text_en",),
        ),
        Relation(
            "position_items",
            "The facts, claims and targets a position stands for (of any meeting).",
            (
                col("position", "INTEGER", to="positions", required=True),
                col("item", "TEXT", "The item's id.", required=True),
                col("fact", "INTEGER", "The item, when it is a fact of the corpus.", to="facts"),
                col("claim", "TEXT", "The item, when it is a claim of the corpus.", to="claims"),
                col("target", "TEXT", "The item, when it is a target of the corpus.", to="targets"),
            ),
            ("position", "item"),
            r.items,
        ),
        _cites("position", "INTEGER", "positions", "position of a conflict", r.position_sources),
        Relation(
            "quotes",
            "The article's direct quotes: the words as printed (text_fr) and an English rendering.",
            (
                col("id", "TEXT", required=True),
                MEETING,
                col("speaker", "TEXT", "A participant's code or a person's id."),
                _entity("speaker_id", "the speaker"),
                col("as_written", "TEXT", "How the article names the speaker."),
                col("text_fr", "TEXT", required=True),
                col("text_en", "TEXT", required=True),
                col("context_fr", "TEXT"),
                col("context_en", "TEXT"),
                col("quote", "TEXT", "The article's words, verbatim.", required=True),
            ),
            ("id",),
            r.quotes,
            search=("text_en", "text_fr", "context_en", "context_fr"),
        ),
        Relation(
            "assumptions",
            "What the article leaves unsaid and a figure needs: labelled, never silent.",
            (
                col("id", "TEXT", required=True),
                MEETING,
                col("text_en", "TEXT", required=True),
                col("text_fr", "TEXT", required=True),
            ),
            ("id",),
            r.assumptions,
            search=("text_en", "text_fr"),
        ),
        *_entities(corpus),
        Relation(
            "sources",
            "The public reports the meetings cite, one row an address.",
            (
                col("id", "INTEGER", "Most cited first.", required=True),
                col("url", "TEXT", "The address exactly as the facts table gives it.", required=True),
                col("publisher", "TEXT", required=True),
                col("published", "TEXT", "YYYY, YYYY-MM or YYYY-MM-DD, as precise as known."),
                col("language", "TEXT", "ISO 639-1, where known."),
                col(
                    "reconfirmed", "INTEGER", "0: kept for reference, not counted as support.", required=True
                ),
                col(
                    "cited",
                    "INTEGER",
                    "Facts, claims, targets and sides of conflicts citing it.",
                    required=True,
                ),
            ),
            ("id",),
            r.sources,
            unique=("url",),
            links=tuple((str(row[2]), str(row[1])) for row in r.sources),
        ),
        Relation(
            "meeting_references",
            "The id each data file gives a source (`ca-summit show ID` explains it).",
            (
                MEETING,
                col("id", "TEXT", required=True),
                col("source", "INTEGER", to="sources", required=True),
            ),
            ("meeting", "id"),
            r.references,
        ),
    ]
    description = _description(corpus, meetings)
    return Database(TITLE, description, _source(meetings, len(r.sources)), None, tuple(tables))


def _description(corpus: Corpus, meetings: list[Meeting]) -> str:
    years = ", ".join(str(m.year) for m in meetings)
    read = "the bundled data" if corpus.source is None else corpus.source.name
    return (
        f"The meetings of {years}, as public reports tell them (each fact with its sources) and, where "
        f"the data has one, as an article tells it (each fact with a verbatim quote); read from {read} "
        "by ca-summit."
    )


def _source(meetings: list[Meeting], count: int) -> str:
    articles = [m.data.source.document for m in meetings if m.data.source is not None]
    said = f"{count} public reports (their addresses: the sources table)"
    if articles:
        said += f" and {'an article' if len(articles) == 1 else 'articles'} ({', '.join(articles)})"
    return said
