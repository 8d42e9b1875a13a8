"""Errors raised by the library; only ``kg.cli`` turns them into messages.

Tree::

    KgError
    ├── InputError          ArticleFormatError, SettingsError
    ├── OntologyError       UnknownTerm
    ├── QueryError          UnknownQuery, QueryParamError, QuerySyntaxError
    ├── StoreError          StoreUnavailable
    └── ModelError          the trained NER model is missing or broken

Messages follow one template: what is wrong, the offending value, where, and
what to do about it.
"""

from __future__ import annotations


class KgError(Exception):
    """Base class of every error the library raises on purpose."""


class InputError(KgError):
    """The user's input cannot be read."""


class ArticleFormatError(InputError):
    """An article file is empty, binary or not UTF-8."""


class SettingsError(InputError):
    """An option or setting has a bad value."""


class OntologyError(KgError):
    """The ontology is missing or inconsistent."""


class UnknownTerm(OntologyError):
    """A controlled term is not defined in the ontology."""


class QueryError(KgError):
    """A query cannot be found, bound or run."""


class UnknownQuery(QueryError):
    pass


class QueryParamError(QueryError):
    pass


class QuerySyntaxError(QueryError):
    pass


class StoreError(KgError):
    """The triplestore cannot be opened or written."""


class StoreUnavailable(StoreError):
    """A SPARQL endpoint does not answer."""


class ModelError(KgError):
    """A statistical model cannot be loaded or trained."""
