"""Invitations: "X hat Y nach Z eingeladen", "die Einladung an Y"; a later
"nahm die Einladung an" marks it accepted."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span

from kg.extract.context import ArticleContext, negated
from kg.extract.triggers import (
    ACCUSATIVE_DET,
    PASSIVE_AUXILIARIES,
    Trigger,
    actors,
    determiner_before,
    find_triggers,
    preposition_before,
    subject_before,
    verb_lemma,
)
from kg.model import Claim, EntityType, FactKind, Role

INVITATION = "invitations.v1"


def extract(ctx: ArticleContext) -> Iterator[Claim]:
    invitations = [claim for sent in ctx.sentences for claim in _invitations(ctx, sent)]
    accepted = any(_accepts(ctx, s) for s in ctx.sentences)
    for claim in invitations:
        if accepted:
            claim = type(claim)(claim.kind, claim.roles, claim.when, claim.until,
                                (*claim.attributes, ("accepted", "true")), claim.evidence,
                                claim.extractor, claim.confidence)
        yield claim


def _invitations(ctx: ArticleContext, sent: Span) -> Iterator[Claim]:
    for trig in find_triggers(ctx, sent, FactKind.INVITATION):
        if negated(sent, trig.i):
            continue
        persons = actors(ctx, sent, (EntityType.PERSON,))
        invitee = next((s for s in persons if preposition_before(ctx, s, sent) == "an"
                        or determiner_before(ctx, s, sent) in ACCUSATIVE_DET), None)
        inviter = subject_before(ctx, sent, trig.i, (EntityType.PERSON, EntityType.COUNTRY),
                                 exclude=[invitee] if invitee else [])
        if invitee is None and trig.verb:
            # "X hat Y nach Z eingeladen": two bare names before the verb,
            # subject first
            clause = ctx.clause(sent, trig.i)
            bare = [s for s in persons if clause.start <= s.start < trig.i and preposition_before(ctx, s, sent) is None
                    and not (s.end < sent.end and ctx.doc[s.end].tag_ == "NN")]  # "Holms Vorgänger": a genitive
            passive = any(t.tag_.startswith("VA") and verb_lemma(t) in ("sein", "werden") for t in clause)
            if len(bare) == 2 and not passive:
                inviter, invitee = bare
        if _received_or_passive(ctx, sent, trig):
            # "Y erhielt eine Einladung von X", "Y wurde von X eingeladen":
            # the one "von" names invites, the subject is invited
            by = next((s for s in actors(ctx, sent, INVITING) if preposition_before(ctx, s, sent) == "von"), None)
            if by is None:
                continue
            inviter = by
            invitee = subject_before(ctx, sent, trig.i, (EntityType.PERSON, EntityType.COUNTRY), exclude=[by])
        if inviter is None or invitee is None or inviter.name == invitee.name:
            continue
        dest = next((s for s in ctx.spans_in(sent, (EntityType.COUNTRY, EntityType.CITY), names_only=True)
                     if preposition_before(ctx, s, sent) == "nach"), None)
        when = ctx.nearest_date(sent, ctx.doc[trig.i].idx)
        claim = ctx.claim(FactKind.INVITATION,
                          [(Role.INVITER, inviter), (Role.INVITEE, invitee), (Role.DESTINATION, dest)],
                          sent, when=when.span.start if when else None, extractor=INVITATION,
                          trigger=trig.i)
        if claim is not None:
            yield claim


INVITING = (EntityType.PERSON, EntityType.COUNTRY, EntityType.ORGANIZATION)
# "eine Einladung erhalten": the subject is who is invited.
RECEIVING = frozenset({"erhalten", "bekommen", "empfangen"})


def _received_or_passive(ctx: ArticleContext, sent: Span, trig: Trigger) -> bool:
    if not trig.verb:
        return any(verb_lemma(t) in RECEIVING for t in sent if t.tag_.startswith("VV"))
    return ctx.doc[trig.i].lower_.startswith("eingeladen") and any(
        t.lower_ in PASSIVE_AUXILIARIES or verb_lemma(t) == "werden" for t in sent if t.tag_.startswith("VA"))


def _accepts(ctx: ArticleContext, sent: Span) -> bool:
    words = {t.lower_ for t in sent}
    return "einladung" in words and any(verb_lemma(t) == "annehmen" for t in sent) and not negated(sent, sent.start, 30)
