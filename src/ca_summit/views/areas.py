"""`ca-summit areas`."""

# No `from __future__ import annotations` in views: Pydantic would have to eval every annotation
# string at import, and that compile step is a measurable part of start-up. Each command's views
# live in their own module so that a command builds only the models it prints.

from pydantic import ConfigDict, Field, PrivateAttr, RootModel

from ..queries.areas import AreaData
from ..render import display as d
from ..render.display import Lang
from ..render.document import Article, Document, text
from ..render.report import Column, Table, cell
from .base import Actor, PointView, View, listed, made, names, present_actor, present_point


class AreaView(View):
    id: str
    number: int
    title: str
    summary: str = Field(description="What was said or proposed, in one paragraph.")
    by: list[Actor] = Field(description="Who said or proposed it, where the source says.")
    is_new: bool | None = Field(description="null where the source does not say.")
    is_new_quote: str | None
    points: list[PointView]
    quote: str


class AreasView(RootModel[list[AreaView]]):
    model_config = ConfigDict(frozen=True, defer_build=True)
    _article: Article | None = PrivateAttr(default=None)

    def markdown(self, lang: Lang) -> str:
        """Each area, what was said or proposed and by whom, with the article's words quoted."""
        doc = Document(d.tr(lang, "Areas of cooperation", "Domaines de coopération"))
        for area in self.root:
            doc.heading(f"{area.number}. {d.typeset(area.title, lang)}")
            for point in area.points:
                who = (
                    d.typeset(d.tr(lang, " (by ", " (par ") + names(point.by) + ")", lang) if point.by else ""
                )
                doc.para(text(d.typeset(point.text, lang) + who))
                doc.quote(point.quote)
            if area.is_new:
                doc.para(text(d.new_line(d.typeset(area.title, lang), lang)))
                if area.is_new_quote:
                    doc.quote(area.is_new_quote)
        return doc.sources(lang, self._article, ())

    def tables(self, lang: Lang) -> list[Table]:
        columns = (
            Column("number", "#", numeric=True),
            Column("title", d.tr(lang, "Area", "Domaine")),
            Column("summary", d.tr(lang, "What was said or proposed", "Ce qui a été dit ou proposé")),
            Column("by", d.tr(lang, "By", "Par")),
            Column("is_new", d.tr(lang, "New", "Nouveauté")),
            Column("id", "id", in_table=False),
        )
        rows = [
            (
                cell(area.number),
                cell(area.title, d.typeset(area.title, lang)),
                cell(area.summary, "\n".join(d.typeset(point.text, lang) for point in area.points)),
                cell("; ".join(actor.id for actor in area.by), names(area.by)),
                cell(area.is_new, d.tr(lang, "yes", "oui") if area.is_new else ""),
                cell(area.id),
            )
            for area in self.root
        ]
        note = d.tr(
            lang,
            "New: blank where the article does not say. Sources: ca-summit areas --json.",
            "Nouveauté : vide quand l’article ne le dit pas. Sources : ca-summit areas --json.",
        )
        title = d.tr(lang, "Areas of cooperation", "Domaines de coopération")
        return [Table(title, columns, rows, (note,))]


def _present_area(data: AreaData, lang: Lang) -> AreaView:
    area = data.area
    return made(
        AreaView,
        id=area.id,
        number=data.number,
        title=area.title.get(lang),
        summary=" ".join(point.text.get(lang) for point in area.points),
        by=[present_actor(who, lang) for who in data.by],
        is_new=area.new.value if area.new else None,
        is_new_quote=area.new.quote if area.new else None,
        points=[present_point(point, lang) for point in data.points],
        quote=area.quote,
    )


def present(result: list[AreaData], lang: Lang) -> AreasView:
    return listed(AreasView, [_present_area(data, lang) for data in result])
