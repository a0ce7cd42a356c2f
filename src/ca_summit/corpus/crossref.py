"""What no field can check alone: ids are unique and references resolve.

The rules come from markers in the models' field types (`Declares`, `RefersTo`, `Verbatim`), found
once per model class, so a new reference field is checked as soon as its type says what it refers
to. The raw document, as YAML gave it, is walked rather than the validated models, so that a file
with other problems still gets these reported too; whatever is not of the expected shape is skipped
here (the models report it).
"""

from __future__ import annotations

import types
from collections.abc import Callable, Collection
from functools import cache
from typing import Annotated, Any, NamedTuple, Union, get_args, get_origin

from pydantic import BaseModel

from .models import ACTOR, OWN_ID_SPACES, Declares, Loc, MeetingFile, RefersTo, Verbatim, series_scoped

Marker = Declares | RefersTo | Verbatim
_MARKERS = (Declares, RefersTo, Verbatim)
_ANY = "*"  # any list index, in a field's pattern
_NOUNS = {ACTOR.namespaces: "actor"}


class Shape(NamedTuple):
    """What a field's type says about its value: its markers, its model, the shape of its items."""

    markers: tuple[Marker, ...]
    model: type[BaseModel] | None
    item: Shape | None


class Marked(NamedTuple):
    """A marked value of the raw document, at its place."""

    loc: Loc
    marker: Marker
    value: object


def _shape(annotation: Any, metadata: tuple[Any, ...] = ()) -> Shape:
    origin = get_origin(annotation)
    if origin is Annotated:
        base, *extra = get_args(annotation)
        return _shape(base, (*metadata, *extra))
    markers = tuple(m for m in metadata if isinstance(m, _MARKERS))
    if origin in (Union, types.UnionType):
        arms = [_shape(arm) for arm in get_args(annotation) if arm is not type(None)]
        model = next((arm.model for arm in arms if arm.model), None)
        item = next((arm.item for arm in arms if arm.item), None)
        return Shape(markers + tuple(m for arm in arms for m in arm.markers), model, item)
    if origin is list:
        return Shape(markers, None, _shape(get_args(annotation)[0]))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return Shape(markers, annotation, None)
    return Shape(markers, None, None)


# Which markers a walk is after (None: all of them). A module-level function, so that the shapes it
# keeps are worked out once.
Keep = Callable[[Marker], bool] | None


@cache
def fields(model: type[BaseModel], keep: Keep = None) -> dict[str, Shape]:
    """The shape of each field of a model that holds a marker (one that `keep` keeps), itself or
    somewhere inside."""
    shapes = {
        name: _kept(_shape(info.annotation, tuple(info.metadata)), keep)
        for name, info in model.model_fields.items()
    }
    return {name: shape for name, shape in shapes.items() if _holds_markers(shape, keep)}


def _kept(shape: Shape, keep: Keep) -> Shape:
    if keep is None:
        return shape
    item = None if shape.item is None else _kept(shape.item, keep)
    return Shape(tuple(marker for marker in shape.markers if keep(marker)), shape.model, item)


def _holds_markers(shape: Shape, keep: Keep) -> bool:
    if shape.markers:
        return True
    if shape.item is not None and _holds_markers(shape.item, keep):
        return True
    return shape.model is not None and bool(fields(shape.model, keep))


@cache
def patterns(model: type[BaseModel]) -> tuple[tuple[Loc, Marker], ...]:
    """Every marked place a document of this model can have ("*" for any list index)."""
    found: list[tuple[Loc, Marker]] = []

    def walk(shape: Shape, loc: Loc) -> None:
        found.extend((loc, marker) for marker in shape.markers)
        if shape.item is not None:
            walk(shape.item, (*loc, _ANY))
        if shape.model is not None:
            for name, inner in fields(shape.model).items():
                walk(inner, (*loc, name))

    walk(Shape((), model, None), ())
    return tuple(found)


def marked(document: object, model: type[BaseModel] = MeetingFile, keep: Keep = None) -> list[Marked]:
    """Every marked value of a raw document (with a marker `keep` keeps), in file order (YAML
    mappings keep it). Only the fields that can hold such a value are walked."""
    found: list[Marked] = []

    # Recursive: its depth is the models' nesting, whatever the document's (a value is followed only
    # where a field's type leads), and a call is cheaper than a frame pushed on a list.
    def walk(value: object, shape: Shape, loc: Loc) -> None:
        for marker in shape.markers:
            found.append(Marked(loc, marker, value))
        if shape.item is not None:
            if isinstance(value, list):
                item = shape.item
                if item.item is None and item.model is None:  # a list of ids: no call an id
                    found.extend(
                        Marked((*loc, i), m, inner) for i, inner in enumerate(value) for m in item.markers
                    )
                    return
                for i, inner in enumerate(value):
                    walk(inner, item, (*loc, i))
        elif shape.model is not None and isinstance(value, dict):
            spec = fields(shape.model, keep)
            for key, inner in value.items():
                if key in spec:
                    walk(inner, spec[key], (*loc, key))

    walk(document, Shape((), model, None), ())
    return found


def _field(loc: Loc) -> str:
    return ".".join(str(part) for part in loc)


def _spoiled(flagged: Collection[Loc], model: type[BaseModel]) -> set[str]:
    """The namespaces with a declaration that has a reported problem, itself or anything holding it."""
    if not flagged:
        return set()
    reported = {tuple(_ANY if isinstance(part, int) else part for part in loc) for loc in flagged}
    return {
        marker.namespace
        for pattern, marker in patterns(model)
        if isinstance(marker, Declares) and any(pattern[:n] in reported for n in range(len(pattern) + 1))
    }


def _unknown(ref: str, namespaces: tuple[str, ...], model: type[BaseModel]) -> str:
    if len(namespaces) == 1:
        return f"unknown {namespaces[0]} {ref!r}"
    names = {m.namespace: str(p[-1]) for p, m in patterns(model) if isinstance(m, Declares)}
    kinds = " or ".join(f"a {space} {names.get(space, 'id')}" for space in namespaces)
    return f"unknown {_NOUNS.get(namespaces, 'reference')} {ref!r}: not {kinds}"


def cross_check(
    document: object, flagged: Collection[Loc] = (), model: type[BaseModel] = MeetingFile
) -> list[tuple[Loc, str]]:
    """Duplicate ids and references that lead nowhere, with their places.

    `flagged` are the places already reported: references are not checked against declarations that
    are themselves wrong, which would only echo those problems.
    """
    found: list[tuple[Loc, str]] = []
    declared: dict[str, set[str]] = {}
    first: dict[str, dict[str, Loc]] = {}
    references: list[Marked] = []
    for place in marked(document, model):
        if isinstance(place.marker, RefersTo):
            references.append(place)
        if not isinstance(place.marker, Declares) or not isinstance(place.value, str):
            continue
        space = place.marker.namespace
        declared.setdefault(space, set()).add(place.value)
        group = first.setdefault(space if space in OWN_ID_SPACES else "", {})
        if place.value not in group:
            group[place.value] = place.loc
        elif space in OWN_ID_SPACES:
            found.append((place.loc, f"duplicate {space} {place.value!r}"))
        else:
            where = _field(group[place.value])
            found.append((place.loc, f"duplicate id {place.value!r} (first used at {where})"))
    spoiled = _spoiled(flagged, model)
    for place in references:
        assert isinstance(place.marker, RefersTo)
        spaces = place.marker.namespaces
        if not isinstance(place.value, str) or spoiled.intersection(spaces):
            continue
        if series_scoped(place.loc, place.marker):
            continue  # a conflict may name another meeting's facts: the series checks those
        if not any(place.value in declared.get(space, ()) for space in spaces):
            found.append((place.loc, _unknown(place.value, spaces, model)))
    return found + _french_in_quotes(document)


def _french_in_quotes(document: object) -> list[tuple[Loc, str]]:
    """A direct quote's French words appear verbatim in its excerpt of the source."""
    quotes = document.get("quotes") if isinstance(document, dict) else None
    found: list[tuple[Loc, str]] = []
    for i, quote in enumerate(quotes if isinstance(quotes, list) else []):
        if not isinstance(quote, dict):
            continue
        text, citation = quote.get("text"), quote.get("quote")
        french = text.get("fr") if isinstance(text, dict) else None
        if isinstance(french, str) and isinstance(citation, str) and french not in citation:
            found.append((("quotes", i, "text", "fr"), "the French words must appear verbatim in the quote"))
    return found


def not_in_source(
    document: object, source: str, model: type[BaseModel] = MeetingFile
) -> tuple[int, list[Loc]]:
    """How many verbatim texts (quotes) there are, and the places of those not in the source text."""
    texts = [
        place
        for place in marked(document, model)
        if isinstance(place.marker, Verbatim) and isinstance(place.value, str)
    ]
    found: dict[str, bool] = {}  # a quote repeated is searched for once
    missing: list[Loc] = []
    for place in texts:
        text = str(place.value)
        if text not in found:
            found[text] = text in source
        if not found[text]:
            missing.append(place.loc)
    return len(texts), missing
