"""Models made from data that this package has already validated, without validating it again.

Only for the bundled data's snapshots: tools/snapshot.py writes them from files that passed every
check, and each is used only while its file's SHA-256 matches (see snapshot.py). Making the models
this way builds no validator, which is most of what the data would otherwise cost a command. A
test holds that what is made here equals what validation makes, field by field and in what each
model records as set.

The plan of each model is read from its fields' types, once: a nested model, a list, an optional
value, an ISO date (given as text, as in the data file) or a float (an integer in the file) is
converted as validation would; anything else is taken as it is.
"""

from __future__ import annotations

import datetime as dt
import math
import types
import typing
from collections.abc import Callable
from typing import Any, NamedTuple, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic_core import PydanticUndefined

M = TypeVar("M", bound=BaseModel)
Convert = Callable[[Any], Any]


class Plan(NamedTuple):
    """How to make one model: its fields with their defaults (required ones marked), the fields whose
    values are converted, the required ones, and those whose default is copied (a list is not shared
    between instances, as validation does not share it)."""

    template: dict[str, Any]
    converted: tuple[tuple[str, Convert], ...]
    required: frozenset[str]
    copied: tuple[str, ...]


_plans: dict[type[BaseModel], Plan] = {}
_set = object.__setattr__


def build(model: type[M], data: dict[str, Any]) -> M:
    """An instance of `model` from `data`, a mapping that validated as `model` (raw, as parsed).

    Data of another shape (not a mapping, a required field missing, a key that is no field, a list
    that is not one) raises TypeError or KeyError rather than making a model of it; the values
    themselves are not checked.
    """
    if not isinstance(data, dict):
        raise TypeError(f"{model.__name__}: expected a mapping, got {type(data).__name__}")
    plan = _plans.get(model) or _plan(model)
    values = plan.template.copy()
    values.update(data)  # one C-level copy; then only the fields that need it are visited
    if len(values) != len(plan.template) or not plan.required <= data.keys():
        raise KeyError(f"{model.__name__}: fields missing or unknown")
    for name, convert in plan.converted:
        if name in data:
            values[name] = convert(values[name])
    for name in plan.copied:
        if name not in data:
            values[name] = values[name].copy()
    instance = model.__new__(model)
    # What BaseModel.model_construct sets, without its per-field alias lookups (no field has one).
    _set(instance, "__dict__", values)
    _set(instance, "__pydantic_fields_set__", set(data))
    _set(instance, "__pydantic_extra__", None)
    _set(instance, "__pydantic_private__", None)
    return instance


def _plan(model: type[BaseModel]) -> Plan:
    if model.__pydantic_post_init__ or model.__private_attributes__:
        raise TypeError(f"{model.__name__} has private state: build cannot make it")
    template, converted, required, copied = {}, [], set(), []
    for name, field in model.model_fields.items():
        if field.alias is not None and field.alias != name:
            raise TypeError(f"{model.__name__}.{name} has an alias: build cannot make it")
        if field.default is PydanticUndefined and field.default_factory is not None:
            raise TypeError(f"{model.__name__}.{name} has a default factory: build cannot make it")
        template[name] = field.default
        if field.default is PydanticUndefined:
            required.add(name)
        elif isinstance(field.default, list | dict | set):
            copied.append(name)
        convert = _converter(field.annotation)
        if convert is not None:
            converted.append((name, convert))
    _plans[model] = Plan(template, tuple(converted), frozenset(required), tuple(copied))
    return _plans[model]


def _converter(annotation: Any) -> Convert | None:
    origin = get_origin(annotation)
    if origin is typing.Annotated:
        return _converter(get_args(annotation)[0])
    if origin is Union or origin is types.UnionType:
        options = [arg for arg in get_args(annotation) if arg is not type(None)]
        if len(options) != 1:
            raise TypeError(f"{annotation}: build makes an optional value, not a union")
        inner = _converter(options[0])
        return None if inner is None else (lambda value: None if value is None else inner(value))
    if origin is list:
        item = _converter(get_args(annotation)[0])
        return _list if item is None else (lambda value: [item(v) for v in _list(value)])
    if origin is typing.Literal:
        return None
    if origin is not None or not isinstance(annotation, type):
        raise TypeError(f"{annotation!r}: build does not know this type")
    if issubclass(annotation, BaseModel):
        return lambda value: build(annotation, value)
    if annotation is dt.date:
        return dt.date.fromisoformat
    if annotation is float:
        return _float
    return None


def _list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise TypeError(f"expected a list, got {type(value).__name__}")
    return value


def _float(value: Any) -> float:
    # A number, as validation leaves it (strict, finite): text such as "nan" is not one.
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise TypeError(f"expected a finite number, got {value!r}")
    return float(value)
