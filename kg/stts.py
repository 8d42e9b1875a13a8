"""The STTS part-of-speech tags HanTa gives (Stuttgart-Tübingen tagset,
Schiller et al. 1999), with glosses, and the groups of them the rules use.

Rules compare ``token.tag_`` with these names; ``tests/unit/test_stts.py``
fails on any tag string in ``kg/`` that is not one of them, so a misspelt
tag cannot silently match nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

TAGS: Mapping[str, str] = MappingProxyType({
    "ADJA": "attributive adjective (der russische Präsident)",
    "ADJD": "predicative or adverbial adjective (ist bereit, scharf kritisiert)",
    "ADV": "adverb (gestern, dort)",
    "APPR": "preposition (in, nach, mit)",
    "APPRART": "preposition fused with an article (im, zum, beim)",
    "APPO": "postposition (zufolge)",
    "APZR": "right part of a circumposition (von ... an)",
    "ART": "article (der, eine)",
    "CARD": "cardinal number (drei, 2024)",
    "FM": "foreign-language material",
    "ITJ": "interjection",
    "KOUI": "subordinating conjunction with an infinitive (um zu, ohne zu)",
    "KOUS": "subordinating conjunction with a clause (dass, weil, nachdem)",
    "KON": "coordinating conjunction (und, oder, aber)",
    "KOKOM": "comparative particle (als, wie)",
    "NN": "common noun (Besuch, Präsident)",
    "NE": "proper noun (Putin, Vietnam)",
    "PDS": "substituting demonstrative pronoun (dieser, jener)",
    "PDAT": "attributive demonstrative pronoun (dieses Abkommen)",
    "PIS": "substituting indefinite pronoun (man, alle)",
    "PIAT": "attributive indefinite pronoun (kein, mehrere)",
    "PIDAT": "attributive indefinite pronoun with a determiner (die beiden)",
    "PPER": "personal pronoun (er, sie)",
    "PPOSS": "substituting possessive pronoun (seiner)",
    "PPOSAT": "attributive possessive pronoun (sein Besuch)",
    "PRELS": "substituting relative pronoun (der Pakt, den ...)",
    "PRELAT": "attributive relative pronoun (dessen)",
    "PRF": "reflexive pronoun (sich)",
    "PWS": "substituting interrogative pronoun (wer, was)",
    "PWAT": "attributive interrogative pronoun (welche)",
    "PWAV": "interrogative or relative adverb (wo, wann)",
    "PAV": "pronominal adverb (dafür, darüber)",
    "PROAV": "pronominal adverb (dafür, darüber), TIGER spelling",
    "PTKZU": "'zu' before an infinitive",
    "PTKNEG": "negation particle (nicht)",
    "PTKVZ": "separated verb particle (wies ... zurück)",
    "PTKANT": "answer particle (ja, nein)",
    "PTKA": "particle with an adjective (am besten)",
    "TRUNC": "truncated first part of a coordination (Außen- und Innenminister)",
    "VVFIN": "finite full verb (besuchte)",
    "VVIMP": "imperative full verb",
    "VVINF": "infinitive full verb (treffen)",
    "VVIZU": "infinitive with 'zu' inside the verb (anzuerkennen)",
    "VVPP": "past participle full verb (unterzeichnet)",
    "VAFIN": "finite auxiliary (hat, wurde)",
    "VAIMP": "imperative auxiliary",
    "VAINF": "infinitive auxiliary (werden)",
    "VAPP": "past participle auxiliary (worden)",
    "VMFIN": "finite modal verb (soll, will)",
    "VMINF": "infinitive modal verb (können)",
    "VMPP": "past participle modal verb (gekonnt)",
    "XY": "non-word (symbols, codes)",
    "$,": "comma",
    "$.": "sentence-final punctuation",
    "$(": "other punctuation (brackets, dashes, quotes)",
})

#: finite verbs: the verb-second position of a main clause, the end of a subordinate one
FINITE_VERBS = frozenset({"VVFIN", "VAFIN", "VMFIN"})
#: non-finite full verbs, which stand at the end of their clause
NONFINITE_VERBS = frozenset({"VVINF", "VVIZU", "VVPP"})
#: tokens a proper name is made of
NAME_TAGS = frozenset({"NE", "FM", "XY"})
