"""`ca-summit show ID`."""

# No `from __future__ import annotations` in views: Pydantic would have to eval every annotation
# string at import, and that compile step is a measurable part of start-up.

from pydantic import Field

from ..queries.show import Shown
from ..render import display as d
from ..render.display import Lang
from ..render.report import Column, Table, cell
from .base import Source, View, made, present_source

KINDS: dict[str, tuple[str, str]] = {
    "fact": ("fact from public reports", "fait tiré de rapports publics"),
    "article_fact": ("fact of the article, with its quote", "fait de l’article, avec sa citation"),
    "claim": ("trade figure, as stated", "chiffre du commerce, tel qu’énoncé"),
    "target": ("trade target", "objectif commercial"),
    "conflict": ("sources that disagree", "sources en désaccord"),
    "source": ("source", "source"),
    "entity": ("entity", "entité"),
    "assumption": ("assumption", "hypothèse"),
    "document": ("the article", "l’article"),
    "record": ("a meeting's record", "compte rendu d’une réunion"),
    "derived": ("figure computed from the stated ones", "chiffre calculé à partir des chiffres énoncés"),
}
LABELS: dict[str, tuple[str, str]] = {
    "topic": ("Topic", "Sujet"),
    "confidence": ("Confidence", "Fiabilité"),
    "note": ("Note", "Note"),
    "position": ("Position", "Version"),
    "kind": ("Kind", "Type"),
    "quote": ("Quote", "Citation"),
    "area": ("Area", "Domaine"),
    "document": ("Document", "Document"),
    "language": ("Language", "Langue"),
    "url": ("Address", "Adresse"),
    "publisher": ("Publisher", "Éditeur"),
    "published": ("Published", "Publié"),
    "reconfirmed": ("Reconfirmed", "Reconfirmée"),
    "entity_kind": ("Kind", "Type"),
    "name_en": ("English name", "Nom anglais"),
    "name_fr": ("French name", "Nom français"),
    "alias": ("Also written", "Autre graphie"),
    "country": ("Country", "Pays"),
    "formula": ("Computed as", "Calcul"),
    "from": ("From", "À partir de"),
}


class DetailView(View):
    key: str
    value: str


class ReferrerView(View):
    id: str
    kind: str
    meeting: int | None = Field(description="The year of the meeting it belongs to, where it belongs to one.")


class ShownView(View):
    id: str
    kind: str = Field(
        description="fact, article_fact, claim, target, conflict, source, entity, assumption, derived "
        "or document."
    )
    meetings: list[int] = Field(description="The years of the meetings whose files declare it.")
    text: str
    details: list[DetailView]
    sources: list[Source] = Field(description="The sources it rests on, with their addresses.")
    referred_by: list[ReferrerView] = Field(description="What refers to it or, for an entity, names it.")


class ShowView(View):
    id: str
    items: list[ShownView] = Field(description="What the id names: one item, or one per kind it names.")

    def tables(self, lang: Lang) -> list[Table]:
        t = d.tr
        tables = []
        for item in self.items:
            kind = KINDS.get(item.kind, (item.kind, item.kind))
            rows = [
                (cell("kind", t(lang, "What", "Quoi")), cell(item.kind, t(lang, *kind))),
                (cell("text", t(lang, "Text", "Texte")), cell(item.text, d.typeset(item.text, lang))),
            ]
            if item.meetings:
                years = ", ".join(str(year) for year in item.meetings)
                rows.append((cell("meetings", t(lang, "Meeting", "Réunion")), cell(years)))
            for detail in item.details:
                label = LABELS.get(detail.key, (detail.key, detail.key))
                rows.append(
                    (cell(detail.key, t(lang, *label)), cell(detail.value, d.typeset(detail.value, lang)))
                )
            for source in item.sources:
                when = f", {source.published}" if source.published else ""
                # The site: a whole address (up to 200 characters) fits no table; --json has it.
                site = source.url.split("://", 1)[-1].split("/", 1)[0].removeprefix("www.")
                text = f"{source.publisher}{when} ({site})"
                rows.append((cell("source", t(lang, "Source", "Source")), cell(source.url, text)))
            if item.referred_by:
                refs = ", ".join(f"{r.id} ({r.meeting})" if r.meeting else r.id for r in item.referred_by)
                rows.append((cell("referred_by", t(lang, "Referred to by", "Cité par")), cell(refs)))
            tables.append(
                Table(
                    f"{item.id}",
                    (Column("field", ""), Column("value", "")),
                    rows,
                    notes=(t(lang, "Whole addresses: add --json.", "Adresses complètes : ajoutez --json."),)
                    if item.sources
                    else (),
                    style="fields",
                )
            )
        return tables


def present(wanted: str, found: list[Shown], lang: Lang) -> ShowView:
    return made(
        ShowView,
        id=wanted,
        items=[
            made(
                ShownView,
                id=item.id,
                kind=item.kind,
                meetings=[meeting.year for meeting in item.meetings],
                text=item.text.get(lang),
                details=[made(DetailView, key=detail.key, value=detail.value) for detail in item.details],
                sources=[present_source(ref) for ref in item.sources],
                referred_by=[
                    made(ReferrerView, id=r.id, kind=r.kind, meeting=r.meeting) for r in item.referred_by
                ],
            )
            for item in found
        ],
    )
