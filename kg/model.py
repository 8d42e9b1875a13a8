"""Typed values that cross pipeline stages.

Every stage takes and returns these frozen, slotted dataclasses (or tuples of
them), so that a stage can be tested alone and nothing mutable leaks between
stages. Enum values are the local names of the matching ontology terms in
``ontology/kg.ttl``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum


class EntityType(Enum):
    PERSON = "Person"
    COUNTRY = "Country"
    CITY = "City"
    PLACE = "Place"
    ORGANIZATION = "Organization"


class FactKind(Enum):
    VISIT = "Visit"
    MEETING = "Meeting"
    AGREEMENT = "Agreement"
    TRADE = "TradeVolume"
    QUANTITY = "Quantity"
    ROLE = "RoleHolding"
    INVITATION = "Invitation"
    STATEMENT = "Statement"
    LEGAL_ACTION = "LegalAction"


class Role(Enum):
    """How an entity takes part in a fact; values are ontology properties."""

    VISITOR = "visitor"
    DESTINATION = "destination"
    HOST = "host"
    PARTICIPANT = "participant"
    PLACE = "place"
    PARTY = "party"
    SIGNATORY = "signatory"
    PARTNER = "partner"
    SUBJECT = "subject"
    OF = "of"
    PERSON = "person"
    ORG = "org"
    TO = "to"
    INVITER = "inviter"
    INVITEE = "invitee"
    SPEAKER = "speaker"
    TARGET = "target"
    ISSUER = "issuer"


@dataclass(frozen=True, slots=True, order=True)
class PartialDate:
    """A calendar date known to year, month or day precision.

    >>> PartialDate(2024, 6).iso()
    '2024-06'
    """

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month out of range: {self.month}")
        if self.day is not None and not 1 <= self.day <= 31:
            raise ValueError(f"day out of range: {self.day}")

    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @classmethod
    def from_iso(cls, text: str) -> PartialDate:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

        >>> PartialDate.from_iso("2024-06-20")
        PartialDate(year=2024, month=6, day=20)
        """
        parts = [int(p) for p in text.strip().split("-")]
        if not 1 <= len(parts) <= 3:
            raise ValueError(f"not an ISO date: {text!r}")
        return cls(*parts)

    def covers(self, other: PartialDate) -> bool:
        """True if ``other`` lies within this date at this date's precision."""
        return self.iso() == other.iso()[: len(self.iso())]


@dataclass(frozen=True, slots=True)
class TimeSpan:
    """A date or a period; ``start == end`` for a single date."""

    start: PartialDate | None
    end: PartialDate | None = None


@dataclass(frozen=True, slots=True)
class Amount:
    """A number with the unit the text gives (ISO 4217 code, ``percent``,
    ``km``, ``persons``, ...) and a hedge (``about``, ``more than``, ``up to``)."""

    value: Decimal
    unit: str | None = None
    qualifier: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    doc_id: str  # file stem, e.g. "000_ce1b220868c8c45c"
    text: str
    published: PartialDate | None
    title: str = ""
    source: str = ""  # where the text came from (path or URL)
    origin: str = ""  # where it was read: the file, or "file:line" of a JSON Lines record


@dataclass(frozen=True, slots=True, order=True)
class Evidence:
    """Where a claim or mention was read: characters ``[start, end)`` of the
    article text, inside sentence number ``sentence`` spanning
    ``[sent_start, sent_end)``."""

    doc_id: str
    start: int
    end: int
    sentence: int = 0
    sent_start: int = 0
    sent_end: int = 0


@dataclass(frozen=True, slots=True)
class Mention:
    """An entity as one article names it.

    ``norm`` is the canonical name when the gazetteer knows the entity
    ("russischen" -> "Russland"), or the full name an anaphor refers back to
    ("Lam" -> "To Lam"); else the surface text.
    """

    text: str
    type: EntityType
    evidence: Evidence
    norm: str = ""
    # For an office standing for its holder ("der russische Präsident"):
    # "office@entity label", resolved to the person across the corpus.
    hint: str = ""

    @property
    def name(self) -> str:
        return self.norm or self.text


@dataclass(frozen=True, slots=True)
class Claim:
    """One fact as one article states it."""

    kind: FactKind
    roles: tuple[tuple[Role, Mention], ...]
    when: PartialDate | None = None
    until: PartialDate | None = None
    attributes: tuple[tuple[str, str], ...] = ()
    evidence: Evidence | None = None
    extractor: str = ""
    confidence: float = 0.7

    def role(self, role: Role) -> tuple[Mention, ...]:
        return tuple(m for r, m in self.roles if r is role)

    def attribute(self, key: str) -> str | None:
        return _first(self.attributes, key)


def _first(pairs: tuple[tuple[str, str], ...], key: str) -> str | None:
    """The first value of ``key`` in a tuple of (key, value) pairs."""
    return next((v for k, v in pairs if k == key), None)


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything read from one article."""

    article: Article
    mentions: tuple[Mention, ...]
    claims: tuple[Claim, ...]
    sentences: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world entity after names are merged across articles."""

    key: str  # stable slug, the input to namespaces.entity_iri()
    type: EntityType
    label: str
    aliases: frozenset[str] = frozenset()
    wikidata: str | None = None
    iso: str | None = None
    located_in: str | None = None  # key of a containing entity
    affiliation: str | None = None  # key of the state a person acts for
    sources: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Fact:
    """Claims of one or more articles merged into one fact."""

    kind: FactKind
    roles: tuple[tuple[Role, str], ...]  # role -> Entity.key
    when: PartialDate | None
    until: PartialDate | None
    attributes: tuple[tuple[str, str], ...]
    claims: tuple[Claim, ...] = field(default=(), compare=False)

    @property
    def sources(self) -> frozenset[str]:
        return frozenset(c.evidence.doc_id for c in self.claims if c.evidence)

    def role(self, role: Role) -> tuple[str, ...]:
        return tuple(k for r, k in self.roles if r is role)

    def attribute(self, key: str) -> str | None:
        return _first(self.attributes, key)


@dataclass(frozen=True, slots=True)
class Resolved:
    """The whole corpus after resolution: what the RDF stage serialises."""

    articles: tuple[Article, ...]
    entities: tuple[Entity, ...]
    facts: tuple[Fact, ...]
    extractions: tuple[Extraction, ...] = ()
    mention_keys: tuple[tuple[Mention, str], ...] = ()  # mention -> Entity.key
