"""What several commands' views share: actors, points, metrics."""

# No `from __future__ import annotations` in views: Pydantic would have to eval every annotation
# string at import, and that compile step is a measurable part of start-up. Each command's views
# live in their own module so that a command builds only the models it prints.

from functools import cache
from types import UnionType
from typing import TYPE_CHECKING, Annotated, Any, TypeVar, Union, cast, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field, RootModel

from ..growth import Bound
from ..queries.base import PointData, Who
from ..render import display as d
from ..render.display import Lang
from ..render.document import Article
from ..render.report import Document, Table, Tabular

if TYPE_CHECKING:
    from ..corpus.models import MeetingFile, Reference

Finite = Annotated[float, Field(allow_inf_nan=False)]


class View(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", ser_json_inf_nan="null", defer_build=True)


V = TypeVar("V", bound=BaseModel)
R = TypeVar("R", bound=RootModel[Any])


# A view is made of values that validated models hold, or that pure queries computed from them, so
# it is not validated again: that was about half of what the views cost a run (each class's
# validator built, then every record checked). Pydantic's public model_construct; the output is
# the serializer's, which a test holds to the published schemas and to what validation made.
def made(view: type[V], **fields: Any) -> V:
    """A view of these fields, made without validating them again."""
    return view.model_construct(**fields)


def listed(view: type[R], records: list[Any]) -> R:
    """A view that is a list of records, made without validating them again."""
    return cast(R, view.model_construct(records))


def built(view: type[BaseModel], data: Any) -> Any:
    """A view made from plain data (mappings and lists, as `meetings` shapes its records), its
    nested views made as its fields' types say, without validating anything again."""
    if issubclass(view, RootModel):
        return view.model_construct(_as(view.model_fields["root"].annotation, data))
    fields = view.model_fields
    return view.model_construct(**{name: _as(fields[name].annotation, value) for name, value in data.items()})


def _as(annotation: Any, value: Any) -> Any:
    """`value` as `annotation` holds it: a mapping made into the view it stands for, a list's items
    likewise; anything else as it is."""
    if value is None:
        return None
    origin = get_origin(annotation)
    if origin is list:
        (item,) = get_args(annotation)
        return [_as(item, one) for one in value]
    if origin in (Union, UnionType):
        arms = [arm for arm in get_args(annotation) if arm is not type(None)]
        return _as(arms[0], value) if len(arms) == 1 else value
    if isinstance(annotation, type) and issubclass(annotation, BaseModel) and isinstance(value, dict):
        return built(annotation, value)
    return value


class Actor(View):
    id: str = Field(description="ISO 3166-1 alpha-2 code of a participant, or a person's id.")
    name: str
    as_written: str | None = Field(description="How the source names the actor, if otherwise.")


def present_actor(who: Who, lang: Lang) -> Actor:
    return made(Actor, id=who.id, name=who.name.get(lang), as_written=who.as_written)


def names(actors: list[Actor]) -> str:
    return ", ".join(actor.name + (f" ({actor.as_written})" if actor.as_written else "") for actor in actors)


class Driver(View):
    id: str
    label: str
    quote: str


class PointView(View):
    id: str
    kind: str
    text: str
    by: list[Actor]
    subject: str | None
    figures: list[str] = Field(description="Ids of the trade figures the point cites.")
    drivers: list[Driver]
    is_new: bool | None = Field(description="null where the source does not say.")
    is_new_quote: str | None
    quote: str = Field(description="Verbatim excerpt of the source.")


def present_point(data: PointData, lang: Lang) -> PointView:
    point = data.point
    return made(
        PointView,
        id=point.id,
        kind=point.kind,
        text=point.text.get(lang),
        by=[present_actor(who, lang) for who in data.by],
        subject=point.subject.get(lang) if point.subject else None,
        figures=list(point.figures),
        drivers=[made(Driver, id=v.id, label=v.label.get(lang), quote=v.quote) for v in point.drivers],
        is_new=point.new.value if point.new else None,
        is_new_quote=point.new.quote if point.new else None,
        quote=point.quote,
    )


class Metric(View):
    id: str
    label: str
    value: Finite
    unit: str = Field(description="A currency code, 'fraction' or 'fraction_per_year'.")
    bound: Bound | None = Field(description="lower: at least this; upper: at most this.")
    approximate: bool
    qualifier: str | None = Field(
        description="The source's own qualifier of a stated figure: stated, more_than, less_than, "
        "approaching or about."
    )
    derived: bool = Field(description="Computed from the stated figures rather than stated.")
    basis: str = Field(description="Where the number comes from.")
    quote: str | None = Field(description="Verbatim excerpt of the source, for stated figures.")


def metric_text(metric: Metric, lang: Lang, *, worded: bool = False) -> str:
    """`≥ 12.47%/yr`, `≈ 15 bn USD`: the value with its bound, as a reader wants it; `worded`
    gives the source's qualifier in words (`close to 15 bn USD`), for a table with no legend."""
    if metric.qualifier is not None:
        text = _unit_text(metric, lang, signed=False)
        return d.worded(metric.qualifier, lang) + text if worded else d.qualified(text, metric.qualifier)
    return d.bounded(_unit_text(metric, lang, signed=True), metric.bound, metric.approximate)


def _unit_text(metric: Metric, lang: Lang, *, signed: bool) -> str:
    if metric.unit == "fraction":
        return (d.signed_percent if signed else d.percent)(metric.value, lang, 1)
    if metric.unit == "fraction_per_year":
        return d.percent(metric.value, lang) + d.tr(lang, "/yr", "/an")
    return d.amount(metric.value, metric.unit, lang)


class Assumption(View):
    id: str
    text: str


class Source(View):
    """A public report cited by the meeting series."""

    id: str
    publisher: str
    published: str | None = Field(description="YYYY, YYYY-MM or YYYY-MM-DD, as precise as known.")
    url: str
    language: str | None


def copied(model: BaseModel, view: type[View]) -> dict[str, Any]:
    """The fields a view shows as the data has them, read as attributes: dumping the data model
    would build its serializer, which the bundled series (made without validation) never needs."""
    return {name: getattr(model, name) for name in _shared(type(model), view)}


@cache
def _shared(model: type[BaseModel], view: type[View]) -> tuple[str, ...]:
    return tuple(name for name in view.model_fields if name in model.model_fields)


def present_source(ref: "Reference") -> Source:
    return made(Source, **copied(ref, Source))


def article_of(summit: "MeetingFile", lang: Lang) -> Article | None:
    """How a meeting's article is cited: what the data records of it, nothing more."""
    if summit.source is None or summit.meeting is None:
        return None
    m = summit.meeting
    return Article(summit.source.document, summit.source.language, m.name.get(lang), m.date, m.quote)


def actor_names(summit: "MeetingFile", lang: Lang) -> dict[str, str]:
    """Participants and people of a meeting's article by id, named in `lang`."""
    names = {person.id: person.name.get(lang) for person in summit.people}
    return names | {p.code: p.name.get(lang) for p in summit.participants}


class Nothing:
    """A listing with no record, as every format shows it: `[]` in JSON, no line in JSON Lines, a
    header alone in CSV and Markdown, and in a table one line that says why (never an empty table)."""

    def __init__(self, view: Any, message: dict[Lang, str]) -> None:
        self._view = view
        self.shown = view  # what its JSON is (render/payload.py)
        self._message = message
        if isinstance(view, Document):  # a document says why it has nothing, in one line
            self.markdown = lambda lang: self._message[lang] + "\n"

    def tables(self, lang: Lang) -> list[Table]:
        return [table._replace(empty=self._message[lang]) for table in self._view.tables(lang)]

    def model_dump_json(self, *, indent: int | None = None) -> str:
        return str(self._view.model_dump_json(indent=indent))

    def model_dump(self, *, mode: str) -> Any:
        return self._view.model_dump(mode=mode)


def or_nothing(view: Tabular, records: list[Any], message: dict[Lang, str]) -> Tabular:
    """The view, or when it has no record, the same view saying so in one line."""
    return view if records else Nothing(view, message)


def no_article(what: tuple[str, str], year: int) -> dict[Lang, str]:
    """Why a meeting has none of what only an article gives (areas, quotes, country notes)."""
    return {
        "en": f"The {year} meeting has no {what[0]}: the data has no article of it, only public reports "
        f"(see 'ca-summit meetings {year}').",
        "fr": f"La réunion de {year} n’a pas de {what[1]}\u202f: les données n’en ont aucun article, "
        f"seulement des rapports publics (voir «\u202fca-summit meetings {year}\u202f»).",
    }
