"""`ca-summit areas`."""

from __future__ import annotations

from ..display import Lang
from ..models import Area, Summit
from ..views.areas import AreasView, AreaView
from ..views.base import Actor
from .base import actors, point_view


def _area_by(summit: Summit, area: Area, lang: Lang) -> list[Actor]:
    seen: dict[str, Actor] = {}
    for point in area.points:
        for actor in actors(summit, point, lang):
            seen.setdefault(actor.id, actor)
    return list(seen.values())


def areas(summit: Summit, lang: Lang) -> AreasView:
    return AreasView(
        [
            AreaView(
                id=area.id,
                number=number,
                title=area.title.get(lang),
                summary=" ".join(point.text.get(lang) for point in area.points),
                by=_area_by(summit, area, lang),
                is_new=area.new.value if area.new else None,
                is_new_quote=area.new.quote if area.new else None,
                points=[point_view(summit, point, lang) for point in area.points],
                quote=area.quote,
            )
            for number, area in enumerate(summit.areas, start=1)
        ]
    )
