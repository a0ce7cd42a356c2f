"""`ca-summit sources`."""

# No `from __future__ import annotations` in views: Pydantic would have to eval every annotation
# string at import, and that compile step is a measurable part of start-up.

from pydantic import ConfigDict, Field, RootModel

from ..queries.sources import SourceData
from ..render import display as d
from ..render.display import Lang
from ..render.report import Column, Table, cell
from .base import View, listed, made


class SourceView(View):
    url: str
    publisher: str
    published: str | None = Field(description="YYYY, YYYY-MM or YYYY-MM-DD, as precise as known.")
    language: str | None = Field(description="ISO 639-1 code, where known.")
    cited: int = Field(description="Facts, claims, targets and conflict positions citing it, in all.")
    facts: int
    claims: int = Field(description="Trade claims.")
    targets: int
    positions: int = Field(description="Sides of conflicts between sources.")
    editions: list[int] = Field(description="The meetings whose files cite it.")
    reconfirmed: bool = Field(description="False: kept for reference, not counted as support.")


def _publisher(s: SourceView, lang: Lang) -> str:
    text = f"{s.publisher} ({s.language})" if s.language else s.publisher
    return text + ("" if s.reconfirmed else d.tr(lang, ", not reconfirmed", ", non reconfirmée"))


def _site(url: str) -> str:
    """The host alone: whole addresses run to 200 characters, too wide for any table."""
    return url.split("://", 1)[-1].split("/", 1)[0].removeprefix("www.")


def _by(s: SourceView, lang: Lang) -> str:
    counts = (
        (s.facts, d.tr(lang, "fact", "fait"), d.tr(lang, "facts", "faits")),
        (s.claims, d.tr(lang, "claim", "chiffre"), d.tr(lang, "claims", "chiffres")),
        (s.targets, d.tr(lang, "target", "objectif"), d.tr(lang, "targets", "objectifs")),
        (
            s.positions,
            d.tr(lang, "conflict side", "version contestée"),
            d.tr(lang, "conflict sides", "versions contestées"),
        ),
    )
    return ", ".join(f"{n} {one if n == 1 else many}" for n, one, many in counts if n)


class SourcesView(RootModel[list[SourceView]]):
    model_config = ConfigDict(frozen=True, defer_build=True)

    def tables(self, lang: Lang) -> list[Table]:
        t = d.tr
        columns = (
            Column("cited", t(lang, "Cited", "Citée"), numeric=True),
            Column("publisher", t(lang, "Publisher", "Éditeur")),
            Column("published", t(lang, "Published", "Publiée")),
            Column("language", t(lang, "Language", "Langue"), in_table=False),
            Column("facts", t(lang, "Facts", "Faits"), in_table=False),
            Column("claims", t(lang, "Claims", "Chiffres"), in_table=False),
            Column("targets", t(lang, "Targets", "Objectifs"), in_table=False),
            Column("positions", t(lang, "Conflicts", "Divergences"), in_table=False),
            Column("by", t(lang, "By", "Par"), in_data=False),
            Column("editions", t(lang, "Meetings", "Réunions")),
            Column("site", t(lang, "Site", "Site"), in_data=False),
            Column("url", t(lang, "Address", "Adresse"), in_table=False),
        )
        rows = [
            (
                cell(s.cited),
                cell(s.publisher, _publisher(s, lang)),
                cell(s.published),
                cell(s.language),
                cell(s.facts),
                cell(s.claims),
                cell(s.targets),
                cell(s.positions),
                cell(None, _by(s, lang)),
                cell(" ".join(map(str, s.editions)), ", ".join(map(str, s.editions))),
                cell(None, _site(s.url)),
                cell(s.url),
            )
            for s in self.root
        ]
        note = t(
            lang,
            "Cited: by facts, trade claims, targets and sides of conflicts, across the meetings "
            "(by edition). Whole addresses: --json or --format csv.",
            "Citée : par des faits, des chiffres du commerce, des objectifs et des versions de divergences, "
            "dans toutes les réunions (par édition). Adresses complètes : --json ou --format csv.",
        )
        return [Table(t(lang, "Sources cited", "Sources citées"), columns, rows, (note,))]


def present(result: list[SourceData], lang: Lang) -> SourcesView:
    return listed(
        SourcesView,
        [
            made(
                SourceView,
                url=s.reference.url,
                publisher=s.reference.publisher,
                published=s.reference.published,
                language=s.reference.language,
                cited=s.total,
                facts=s.facts,
                claims=s.claims,
                targets=s.targets,
                positions=s.positions,
                editions=s.editions,
                reconfirmed=s.reference.reconfirmed,
            )
            for s in result
        ],
    )
