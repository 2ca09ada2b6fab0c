"""A model instance's row as plain values that threads may share, and a fresh instance from it.

A model instance is mutable (its caches, a StreamField's value, a file's
wrapper), so a process keeping what it loaded keeps the row instead and
builds a new instance from it for each use, as a query would.
"""

import json
from dataclasses import dataclass

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from wagtail.fields import StreamField


def _frozen(field, value):
    if value is None:
        return None
    if isinstance(field, StreamField):
        return json.dumps(field.get_prep_value(value), cls=DjangoJSONEncoder)
    if isinstance(field, models.FileField):
        return value.name
    return value


def _thawed(field, value):
    if value is not None and isinstance(field, StreamField):
        return field.to_python(json.loads(value))  # as StreamField.from_db_value does
    return value


@dataclass(frozen=True)
class KeptRow:
    model: type[models.Model]
    db: str
    values: tuple
    related: tuple[tuple[str, "KeptRow | None"], ...] = ()  # rows loaded with it (select_related)

    @classmethod
    def of(cls, instance: models.Model) -> "KeptRow":
        fields = instance._meta.concrete_fields
        values = tuple(_frozen(field, getattr(instance, field.attname)) for field in fields)
        related = tuple(
            (name, None if value is None else cls.of(value))
            for name, value in instance._state.fields_cache.items()
        )
        return cls(model=type(instance), db=instance._state.db, values=values, related=related)

    def instance(self) -> models.Model:
        """A new instance, as loaded from the database (post_init runs as for a query)."""
        fields = self.model._meta.concrete_fields
        values = [_thawed(field, value) for field, value in zip(fields, self.values, strict=True)]
        instance = self.model.from_db(self.db, [field.attname for field in fields], values)
        for name, row in self.related:
            instance._state.fields_cache[name] = None if row is None else row.instance()
        return instance
