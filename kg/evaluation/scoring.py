"""The team's fact scorer (shared/eval/score.py), vendored unchanged but for
this docstring, the command-line part and the raw attribute counts it also
returns per category, so that ``kg evaluate`` scores
exactly as the evaluation does. Update it by copying the file again; the
test ``tests/test_cli.py`` checks that both agree on the seeds.

Format of gold files and matching rules: shared/eval/README.md.
"""
# ruff: noqa
# mypy: ignore-errors
from __future__ import annotations

import re
import unicodedata

CATEGORIES = ["visits", "meetings", "agreements", "trade", "quantities", "roles",
              "invitations", "statements", "legal_actions"]

# Columns that decide a match (entity-valued unless noted); the rest are attributes.
KEYS = {
    "visits": ["visitor", "destination"],
    "meetings": ["participants"],
    "agreements": ["parties"],
    "trade": ["partners", "amount"],
    "quantities": ["subject", "value"],
    "roles": ["person", "role", "org"],
    "invitations": ["inviter", "invitee"],
    "statements": ["speaker", "stance"],
    "legal_actions": ["issuer", "target", "kind"],
}
ENTITY_COLS = {"visitor", "destination", "host", "participants", "place", "parties",
               "signatories", "partners", "subject", "of", "person", "org", "to",
               "inviter", "invitee", "speaker", "target", "issuer"}
# Where a person may stand for the state or body it acts for ('Putin' for Russia).
SPEAKS_FOR_COLS = {"parties", "speaker", "target", "issuer", "inviter", "subject"}
SET_COLS = {"participants", "parties", "signatories", "partners", "topics"}
DATE_COLS = {"start", "end", "date", "year"}
# Columns that must agree for a row to restate a matched fact rather than say
# something new: a trade row with the same partners and year in another
# currency restates it; a statement against another target does not.
IDENTITY = {"trade": ["partners", "year"], "statements": ["speaker", "stance", "target"]}
SYMMETRIC = {"border_length"}
NUM_COLS = {"amount", "value", "ordinal", "count"}

# Controlled vocabularies: any of these spellings (or a German inflection that
# starts with a one-word spelling) means the group's key; the longest match wins.
SYNONYMS = {
    "role": {
        "president": ["president", "präsident", "präsidentin", "staatspräsident", "staatschef",
                      "staatsoberhaupt", "head of state", "head_of_state", "leader", "machthaber",
                      "führer", "chef", "staatsführer", "ex-präsident", "amtskollege",
                      "staats- und parteichef", "kremlchef", "kreml-chef", "us-präsident", "kommissionspräsident",
                      "eu-kommissionspräsident"],
        "general_secretary": ["general_secretary", "general secretary", "generalsekretär",
                              "kp-chef", "parteichef", "party leader", "party_leader",
                              "chef der kommunistischen partei", "secretary general",
                              "allgemeinesekretär", "chef der regierungspartei",
                              "parteivorsitzend", "vorsitzend", "landesvorsitzend", "parteichefin"],
        "foreign_minister": ["foreign_minister", "foreign minister", "außenminister",
                             "aussenminister", "us-außenminister", "secretary of state",
                             "chefdiplomat"],
        "ambassador": ["ambassador", "botschafter", "us-botschafter"],
        "diplomat": ["assistant_secretary_of_state", "assistant secretary of state", "staatssekretär",
                     "diplomat", "topdiplomat", "deputy secretary", "undersecretary"],
        "expert": ["analyst", "researcher", "fellow", "senior fellow", "experte", "expert",
                   "wissenschaftler", "wissenschaftlicher mitarbeiter", "stipendiat", "scholar"],
        "spokesperson": ["spokesperson", "sprecher", "spokesman", "kremlsprecher", "sprecher des",
                         "präsidialamtssprecher", "regierungssprecher"],
        "negotiator": ["negotiator", "unterhändler", "chefunterhändler", "verhandlungsführer"],
        "head_of_government": ["head_of_government", "head of government", "bundeskanzler",
                               "kanzler", "premierminister", "premier", "ministerpräsident",
                               "prime minister", "regierungschef"],
        "parliamentary_leader": ["parliamentary_leader", "minderheitsführer", "mehrheitsführer",
                                 "fraktionschef", "fraktionsvorsitzend", "house speaker",
                                 "majority leader", "minority leader", "parlamentspräsident",
                                 "sprecher des repräsentantenhauses",
                                 "vorsitzende im repräsentantenhaus", "vorsitzender im repräsentantenhaus"],
        "commissioner": ["commissioner", "kommissar", "eu-kommissar", "erweiterungskommissar"],
        "journalist": ["journalist", "reporter", "korrespondent"],
        "presidential_candidate": ["presidential candidate", "präsidentschaftskandidat",
                                   "präsidentschaftsbewerber", "präsidentschaftsanwärter",
                                   "kandidat", "bewerber", "spitzenkandidat"],
        "senator": ["senator"],
        "member_of_parliament": ["member of parliament", "abgeordnet", "parlamentarier",
                                 "volksvertreter", "mandatar", "nationalratsabgeordnet"],
        "king": ["king", "könig", "monarch"],
        "pope": ["pope", "papst", "pontifex"],
        "minister": ["minister", "ressortchef"],
        "defence_minister": ["defence minister", "defense minister", "defense_minister",
                             "verteidigungsminister", "secretary of defense", "pentagon-chef",
                             "pentagonchef"],
        "finance_minister": ["finance minister", "finanzminister", "schatzkanzler"],
        "interior_minister": ["interior minister", "innenminister"],
        "justice_minister": ["justice minister", "justizminister"],
        "economy_minister": ["economy minister", "wirtschaftsminister"],
        "culture_minister": ["culture minister", "kulturminister"],
        "eu_minister": ["eu minister", "europaminister", "eu-minister"],
        "deputy_head_of_government": ["deputy prime minister", "deputy_prime_minister", "vizepremier",
                                      "vizekanzler", "vize-premier", "stellvertretender ministerpräsident",
                                      "vizeregierungschef"],
        "deputy": ["deputy", "deputy head", "deputy_head", "stellvertreter", "vize"],
        "vice_president": ["vice president", "vizepräsident", "vize-präsident", "us-vizepräsident"],
        "deputy_speaker": ["deputy speaker", "vizepräsident des parlaments", "zweiter nationalratspräsident",
                           "dritter nationalratspräsident", "vizeparlamentspräsident"],
        "deputy_chief_of_staff": ["deputy chief of staff", "stellvertretender stabschef", "vize-stabschef"],
        "governor": ["governor", "gouverneur", "provinzgouverneur"],
        "mayor": ["mayor", "bürgermeister", "oberbürgermeister"],
        "prefect": ["prefect", "präfekt"],
        "judge": ["judge", "richter"],
        "general": ["general", "generalstabschef", "armeechef"],
        "major_general": ["major general", "generalmajor"],
        "director": ["director", "direktor", "leiter"],
        "adviser": ["adviser", "advisor", "berater"],
        "special_envoy": ["special envoy", "envoy", "sondergesandt", "sonderbeauftragt", "gesandt",
                          "sonderbotschafter"],
        "special_rapporteur": ["special rapporteur", "rapporteur", "sonderberichterstatt",
                               "berichterstatt"],
        "high_representative": ["high representative", "hohe vertreterin", "hoher vertreter",
                                "außenbeauftragt", "eu-außenbeauftragt"],
        "party_official": ["party official", "funktionär", "parteifunktionär"],
        "first_lady": ["first lady", "first_lady", "präsidentengattin"],
        "physician": ["physician", "arzt", "ärztin", "leibarzt"],
        "student": ["student"],
        "lecturer": ["lecturer", "dozent"],
        "mafia_boss": ["mafia boss", "mafiaboss", "mafia-boss"],
        "lawyer": ["lawyer", "anwalt", "anwältin", "rechtsanwalt", "verteidiger"],
        "prosecutor": ["prosecutor", "staatsanwalt", "staatsanwältin", "generalstaatsanwalt",
                       "chefankläger", "ankläger"],
    },
    "stance": {
        "negative": ["criticize", "criticise", "criticism", "kritik", "kritisier", "condemn",
                     "verurteil", "rebuke", "rüge", "gerügt", "disapprove", "concern", "besorg",
                     "sorge", "warn", "accuse", "vorwurf", "vorwerf", "vorgeworfen", "warf vor", "kritisch",
                     "wirft vor", "beschuldig", "anklag", "missbillig", "verärger", "empör"],
        "positive": ["praise", "thank", "dank", "support", "unterstütz", "endorse", "approve",
                     "welcome", "begrüß", "loben", "lobt", "lobte", "lobten", "gelobt", "befürwort",
                     "verteidig", "defend", "werben", "geworben", "warb", "stark gemacht"],
        "reject": ["reject", "zurückweis", "zurückgewiesen", "wies zurück", "deny", "dementi",
                   "dismiss", "ablehn", "abgelehnt", "widerstand", "oppose", "bestreit", "bestritt",
                   "nichtig", "nicht anerkenn", "nichtanerkennung"],
        "demand": ["demand", "forder", "gefordert", "call on", "aufruf", "aufgerufen", "rief auf",
                   "riefen auf", "urge", "appeal", "aufforder", "verlang", "drängt", "drängte"],
    },
    "measure": {
        "arms_import_share": ["arms_import_share", "arms import share", "waffenimport",
                              "arms imports", "rüstungsimport", "waffeneinfuhr", "importanteil"],
        "deal_value": ["deal_value", "deal value", "contract value", "angebot", "offer", "auftrag",
                       "kaufpreis", "price"],
        "arms_delivery": ["arms_delivery", "arms delivery", "lieferung", "waffenlieferung",
                          "delivery", "kampfjet"],
        "aid": ["aid", "finanzhilfe", "hilfe", "financial aid", "pledge", "zusage"],
        "fighters": ["fighters", "rebell", "kämpfer", "combatants"],
        "deaths": ["deaths", "tote", "getötet", "killed", "todesopfer", "opfer", "ermordet"],
        "sorties": ["sorties", "einsätze", "einsatz", "lufteinsätze", "flights", "missions"],
        "targets_destroyed": ["targets_destroyed", "ziele", "targets", "zerstört"],
        "votes": ["votes", "stimmen", "votum", "vote", "gegenstimmen"],
        "arsenal_share": ["arsenal_share", "arsenal share", "waffenarsenal", "arsenal"],
        "ownership_stake": ["ownership_stake", "stake", "anteil", "beteiligung", "share"],
        "population": ["population", "einwohner", "bevölkerung", "inhabitants"],
        "border_length": ["border_length", "border length", "grenze", "grenzlänge", "border"],
        "deportations": ["deportations", "abschiebung", "abgeschoben", "deported"],
        "entry_bans": ["entry_bans", "einreiseverbot", "schwarze liste", "schwarzen liste"],
        "detention": ["detention", "haft", "inhaftiert"],
        "duration": ["duration", "dauer", "monate", "months", "verlängerung"],
        "age": ["age", "alter", "jahre alt", "jährig"],
    },
    "kind": {
        "arrest_warrant": ["arrest_warrant", "arrest warrant", "haftbefehl", "festnahme-ersuchen",
                           "festnahmeersuchen", "verhaftung", "arrest", "festnahme", "festgenommen",
                           "verhaftet", "untersuchungshaft", "inhaftierung", "gewahrsam"],
        "travel_ban": ["travel_ban", "travel ban", "ausreiseverbot", "ausreisesperre",
                       "reiseverbot", "nicht verlassen"],
        "entry_ban": ["entry_ban", "entry ban", "einreiseverbot", "einreisesperre", "schwarze liste",
                      "schwarzen liste", "blacklist"],
        "release": ["release", "freilassung", "entlassung", "entlassen", "freigelassen",
                    "begnadigung", "pardon", "amnestie", "haftentlassung", "auf freien fuß"],
        "sanctions": ["sanctions", "sanction", "sanktion", "wirtschaftssanktion",
                      "strafmaßnahme", "gegensanktion"],
        "conviction": ["conviction", "verurteilung", "verurteilt", "urteil", "haftstrafe",
                       "schuldspruch", "sentence"],
        "deportation": ["deportation", "abschiebung", "abgeschoben", "ausweisung", "ausgewiesen"],
        "investigation": ["investigation", "ermittlung", "ermittlungsverfahren", "ermittelt",
                          "untersuchung", "untersuchungsverfahren", "prüfverfahren", "probe"],
        "indictment": ["indictment", "anklage", "angeklagt", "anklageerhebung", "charged"],
        "lawsuit": ["lawsuit", "klage", "geklagt", "verfassungsklage"],
        "prosecution": ["prosecution", "strafverfolgung", "strafverfahren", "prozess"],
        "acquittal": ["acquittal", "freispruch", "freigesprochen", "acquitted"],
        "dissolution": ["dissolution", "auflösung", "aufgelöst"],
        "ban": ["ban", "verbot", "verboten"],
        "fine": ["fine", "geldstrafe", "geldbuße", "bußgeld"],
        "impeachment": ["impeachment", "amtsenthebung", "amtsenthebungsverfahren"],
        "immunity_lifted": ["immunity lifted", "aufhebung der immunität", "immunität aufgehoben"],
        "interrogation": ["interrogation", "verhör", "verhört", "befragung", "einvernahme"],
        "annulment": ["annulment", "annullierung", "annulliert", "für ungültig erklärt"],
        "curfew": ["curfew", "ausgangssperre"],
        "guilty_plea": ["guilty plea", "schuldig bekannt", "schuldbekenntnis"],
        "case_dismissal": ["case dismissal", "einstellung des verfahrens", "verfahren eingestellt"],
        "severance_of_diplomatic_relations": ["severance of diplomatic relations",
                                              "abbruch der diplomatischen beziehungen",
                                              "beziehungen abgebrochen"],
    },
    "agreement_kind": {
        "treaty": ["treaty", "vertrag", "verträge"],
        "pact": ["pact", "pakt", "mutual assistance", "mutual assistance pact", "beistand",
                 "beistandspakt", "beistandsabkommen", "verteidigungspakt", "gegenseitige hilfe"],
        "partnership": ["partnership", "partnerschaft"],
        "strategic partnership": ["strategic partnership", "strategische partnerschaft",
                                  "strategischen partnerschaft"],
        "licence": ["licence", "license", "lizenz", "konzession"],
        "friendship treaty": ["friendship treaty", "freundschaftsvertrag",
                              "freundschaftliche beziehungen", "freundschaftlichen beziehungen"],
        "nuclear agreement": ["nuclear agreement", "atomabkommen", "atomdeal", "iran-deal",
                              "atomvereinbarung", "einigung im atomstreit"],
        "joint climate targets": ["joint climate targets", "klimaziele", "klimaschutz",
                                  "emissionen", "climate"],
        "ceasefire": ["ceasefire", "waffenruhe", "waffenstillstand", "feuerpause"],
        "trade agreement": ["trade agreement", "handelsabkommen", "freihandelsabkommen"],
        "cooperation agreement": ["cooperation agreement", "kooperationsabkommen",
                                  "kooperationsvereinbarung"],
        "readmission agreement": ["readmission agreement", "rücknahmeabkommen"],
        "refugee deal": ["refugee deal", "flüchtlingsdeal", "flüchtlingspakt", "flüchtlingsabkommen"],
        "tax deal": ["tax deal", "steuerdeal", "steuervereinbarung", "steuerabsprache", "tax ruling"],
        "declaration": ["declaration", "erklärung", "deklaration"],
        "accession": ["accession", "beitritt"],
        "diplomatic relations": ["diplomatic relations", "diplomatische beziehungen",
                                 "diplomatischen beziehungen"],
        "contract": ["contract", "liefervertrag", "auftrag"],
    },
    "unit": {
        "USD": ["usd", "dollar", "us-dollar", "$"], "EUR": ["eur", "euro", "€"],
        "percent": ["percent", "prozent", "%"], "km": ["km", "kilometer"],
        "persons": ["persons", "menschen", "einwohner", "personen"],
        "months": ["months", "monate"], "days": ["days", "tage", "tagen"],
        "years": ["years", "jahre", "jahren", "jahr"], "hours": ["hours", "stunden"],
        "GBP": ["gbp", "pfund", "£"], "BRL": ["brl", "real", "reais"],
        "soldiers": ["soldiers", "soldaten"], "seats": ["seats", "sitze", "mandate"],
        "countries": ["countries", "länder", "staaten"], "kg": ["kg", "kilogramm", "kilo"],
        "mg": ["mg", "milligramm"],
    },
    "qualifier": {
        "about": ["about", "rund", "etwa", "circa", "ca", "knapp", "ungefähr", "gut"],
        "more than": ["more than", "mehr als", "über", "über"],
        "up to": ["up to", "bis zu"],
        "at least": ["at least", "mindestens", "wenigstens", "zumindest"],
        "less than": ["less than", "weniger als"],
        "almost": ["almost", "fast", "beinahe", "nahezu"],
    },
    "mode": {
        "phone call": ["phone call", "phone", "telefonat", "telefonisch", "telefon", "anruf",
                       "angerufen"],
        "summons": ["summons", "einbestell", "zitiert", "einbestellung", "summoned"],
        "summit": ["summit", "gipfel", "gipfeltreffen"],
        "conference": ["conference", "konferenz"],
        "negotiations": ["negotiations", "verhandlungen", "verhandlung"],
        "peace talks": ["peace talks", "friedensgespräche", "friedensverhandlungen"],
        "speech": ["speech", "rede", "ansprache"],
        "session": ["session", "sitzung"],
        "special session": ["special session", "sondersitzung"],
        "debate": ["debate", "debatte"],
        "ministerial meeting": ["ministerial meeting", "ministertreffen", "außenministertreffen"],
    },
}
# Agreement topics: English gold words and the German words that count for them.
TOPICS = {
    "education": ["bildung"], "science": ["wissenschaft"], "technology": ["technolog"],
    "energy": ["energ"], "clean energy": ["sauber"],
    "natural gas": ["erdgas", "gas"], "nuclear": ["nuklear", "atom", "kern"],
    "defence": ["verteidigung", "militär", "sicherheit", "krieg", "aggression", "angriff"], "mutual assistance": ["beistand", "hilfe"],
    "oil and gas": ["öl", "gas"], "climate": ["klima"], "emissions": ["emission"],
}
# Which vocabulary a column uses (per category where it differs).
VOCAB = {"role": "role", "stance": "stance", "measure": "measure", "unit": "unit",
         "currency": "unit", "qualifier": "qualifier", "mode": "mode"}
VOCAB_BY_CAT = {("legal_actions", "kind"): "kind", ("agreements", "kind"): "agreement_kind"}


def fold(text) -> str:
    """Casefold, strip accents and punctuation: 'Tô Lâm' -> 'to lam'."""
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("ß", "ss").casefold()
    text = re.sub(r"[^\w\s-]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def local_name(value: str) -> str:
    """Last path or fragment segment of an IRI, with separators as spaces."""
    if re.match(r"^[a-z][a-z0-9+.-]*:", value) and not value.lower().startswith("urn:isbn"):
        value = re.split(r"[/#]", value.rstrip("/#"))[-1]
    return value.replace("_", " ").replace("-", " ")


class Gold:
    def __init__(self, data: dict):
        self.entities = {e["id"]: e for e in data["entities"]}
        # A name may belong to several entities of different articles ("Parlament"):
        # every entity it names is kept, in file order.
        self.alias: dict[str, list[str]] = {}
        for e in data["entities"]:
            for name in [e["name"], e["id"], *e.get("aliases", []), e.get("wikidata", "")]:
                ids = self.alias.setdefault(fold(name), []) if name else []
                if name and e["id"] not in ids:
                    ids.append(e["id"])
        self.facts = data["facts"]
        # The documents whose facts name an entity, to tell shared names apart.
        self.docs: dict[str, set[str]] = {}
        for rows in self.facts.values():
            for f in rows or []:
                for col, v in f.items():
                    if col in ENTITY_COLS:
                        for eid in (v if isinstance(v, list) else [v]):
                            self.docs.setdefault(eid, set()).update(f.get("sources", []))

    def resolve(self, value: str, docs=()):
        """Entity id for an extracted label or IRI, or None (a German genitive
        -s is tolerated: 'Russlands').  A name several entities share goes to
        the one whose facts come from `docs`, else to the first."""
        hits = self.candidates(value)
        if len(hits) > 1 and docs:
            near = [h for h in hits if self.docs.get(h, set()) & set(docs)]
            hits = near or hits
        return hits[0] if hits else None

    def candidates(self, value: str) -> list[str]:
        hits = self._resolve(value)
        if not hits and fold(value).endswith("s") and len(fold(value)) > 3:
            hits = self._resolve(str(value)[:-1])
        return hits

    def _resolve(self, value: str) -> list[str]:
        for cand in (value, local_name(value)):
            key = fold(cand)
            if key in self.alias:
                return self.alias[key]
            qid = re.search(r"\bQ\d+\b", str(cand))
            if qid and fold(qid.group()) in self.alias:
                return self.alias[fold(qid.group())]
        return []

    def within(self, eid: str, speaks_for: bool = False) -> set[str]:
        """The entity and everything it lies in or belongs to (and, with
        speaks_for, the country or body a person acts for)."""
        links = ("located_in", "part_of", "affiliation") if speaks_for else ("located_in", "part_of")
        out, todo = set(), [eid]
        while todo:
            cur = todo.pop()
            if cur in out or cur not in self.entities:
                out.add(cur)
                continue
            out.add(cur)
            e = self.entities[cur]
            todo += [e[k] for k in links if e.get(k)]
        return out


# Endings a German (or English) word may add to a one-word spelling and still
# mean the same term: Botschafter-in, kritisier-t, Sanktion-en, Forder-ung.
INFLECTIONS = {"", "s", "es", "e", "en", "n", "er", "ern", "in", "innen", "t", "te", "ten",
               "tet", "st", "et", "end", "ung", "ungen", "nis", "nisse", "ens", "d", "ed"}
SYMBOLS = {"%": " prozent ", "$": " dollar ", "€": " euro "}


def term(text: str) -> str:
    """A controlled-term spelling or an extracted value, normalised alike."""
    text = str(text)
    for sym, word in SYMBOLS.items():
        text = text.replace(sym, word)
    return fold(local_name(text))


def synonym_group(kind: str, value: str):
    """The vocabulary group a value belongs to: the group of the longest
    spelling that equals the value, is a phrase in it, or (one word) starts one
    of its words. None where nothing matches."""
    v = term(value)
    words = v.split()
    best, best_len = None, 0
    for group, spellings in SYNONYMS.get(kind, {}).items():
        for w in (group, *spellings):
            t = term(w)
            if not t:
                continue
            if v == t:
                hit = len(t) + 1000
            elif " " in t and re.search(rf"(^| ){re.escape(t)}( |$)", v):
                hit = len(t)
            elif " " not in t and len(t) >= 3 and any(
                    x.startswith(t) and x[len(t):] in INFLECTIONS for x in words):
                hit = len(t)
            else:
                continue
            if hit > best_len:
                best, best_len = group, hit
    return best


def split_set(value) -> list[str]:
    if isinstance(value, list):
        return [str(v) for v in value]
    return [v.strip() for v in re.split(r"\s*[|;]\s*", str(value)) if v.strip()]


def as_number(value):
    try:
        return float(str(value).replace(",", "."))
    except ValueError:
        return None


def date_ok(gold, out) -> bool:
    """Output is at least as precise as gold and agrees with it."""
    g, o = str(gold), str(out or "")
    return bool(o) and (o == g or o.startswith(g))


class Scorer:
    def __init__(self, gold: Gold):
        self.g = gold

    # --- comparing one gold value with one output value
    def entity_match(self, gold_id: str, out_value: str, speaks_for: bool = False) -> bool:
        """The output names the gold entity, something inside it (or, with
        speaks_for, a person acting for it), or a place or body containing it.
        A name shared by several entities matches each of them."""
        return any(gold_id in self.g.within(eid, speaks_for) or eid in self.g.within(gold_id)
                   for eid in self.g.candidates(out_value))

    def set_match(self, gold_ids: list, out_value, col: str) -> bool:
        outs = split_set(out_value)
        if col == "topics":
            text = " ".join(term(o) for o in outs)
            return all(any(term(w) in text for w in (t, *TOPICS.get(t, []))) for t in gold_ids)
        lenient = col in SPEAKS_FOR_COLS
        return all(any(self.entity_match(gid, o, lenient) for o in outs) for gid in gold_ids)

    def value_match(self, cat: str, col: str, gold_value, out_value) -> bool:
        if out_value in (None, ""):
            return False
        vocab = VOCAB_BY_CAT.get((cat, col)) or VOCAB.get(col)
        if vocab:
            want = synonym_group(vocab, str(gold_value))
            if want is None:  # a term outside the vocabulary must be spelled alike
                return term(gold_value) == term(out_value)
            return synonym_group(vocab, out_value) == want
        if col in SET_COLS:
            return self.set_match(gold_value, out_value, col)
        if col in ENTITY_COLS:
            return self.entity_match(gold_value, out_value, col in SPEAKS_FOR_COLS)
        if col in DATE_COLS:
            return date_ok(gold_value, out_value)
        if col == "period":
            years = lambda v: re.findall(r"\d{4}", str(v))
            if years(gold_value):
                return years(gold_value) == years(out_value)
        if col in NUM_COLS:
            g, o = as_number(gold_value), as_number(out_value)
            return g is not None and o is not None and abs(g - o) <= 0.01 * max(abs(g), 1e-9)
        return fold(gold_value) in fold(out_value)

    def key_match(self, cat: str, fact: dict, row: dict) -> bool:
        if all(self.value_match(cat, col, fact[col], row.get(col)) for col in KEYS[cat]):
            return True
        if cat == "quantities" and fact.get("measure") in SYMMETRIC and fact.get("of"):
            swapped = {**row, "subject": row.get("of", ""), "of": row.get("subject", "")}
            return all(self.value_match(cat, c, fact[c], swapped.get(c)) for c in KEYS[cat])
        return False

    def repeats(self, cat: str, fact: dict, row: dict) -> bool:
        """A row that restates a matched fact (another date, another currency)."""
        cols = [c for c in IDENTITY.get(cat, KEYS[cat]) if c in fact]
        return all(row.get(c) in (None, "") and c not in KEYS[cat]
                   or self.value_match(cat, c, fact[c], row.get(c)) for c in cols)

    def attributes(self, cat: str, fact: dict) -> list[str]:
        return [k for k in fact if k not in KEYS[cat] and k not in ("sources",)]

    # --- one category
    def score_category(self, cat: str, rows: list[dict]) -> dict:
        facts = self.g.facts.get(cat, [])
        # Rows that say the same thing (same key values) count once.
        unique, seen = [], set()
        for row in rows:
            sig = tuple(sorted((k, fold(v)) for k, v in row.items()
                               if k not in ("source", "quote")))
            if sig not in seen:
                seen.add(sig)
                unique.append(row)
        pairs = []
        for i, fact in enumerate(facts):
            for j, row in enumerate(unique):
                if self.key_match(cat, fact, row):
                    attrs = self.attributes(cat, fact)
                    hit = sum(self.value_match(cat, a, fact[a], row.get(a)) for a in attrs)
                    pairs.append((hit, i, j))
        used_f, used_r, matched = set(), set(), []
        for hit, i, j in sorted(pairs, reverse=True):
            if i not in used_f and j not in used_r:
                used_f.add(i)
                used_r.add(j)
                matched.append((i, j))
        # Rows that repeat a matched fact's key (another date, say) are neither hits nor errors.
        dup_rows = {j for j, row in enumerate(unique) if j not in used_r
                    and any(self.repeats(cat, facts[i], row) for i in used_f)}
        tp = len(matched)
        fp = len(unique) - tp - len(dup_rows)
        fn = len(facts) - tp
        attr_total = attr_ok = prov_total = prov_ok = 0
        for i, j in matched:
            fact, row = facts[i], unique[j]
            for a in self.attributes(cat, fact):
                attr_total += 1
                attr_ok += self.value_match(cat, a, fact[a], row.get(a))
            prov_total += 1
            squash = lambda v: re.sub(r"[-_\s]", "", fold(v))
            srcs = {squash(local_name(s)) for s in split_set(row.get("source", ""))}
            gold_srcs = {squash(s) for s in fact.get("sources", [])}
            prov_ok += bool(srcs) and all(any(g in s or s in g for g in gold_srcs) for s in srcs)
        return {
            "gold": len(facts), "extracted": len(unique), "tp": tp, "fp": fp, "fn": fn,
            "precision": tp / (tp + fp) if tp + fp else (None if not facts else 0.0),
            "recall": tp / len(facts) if facts else None,
            "attribute_accuracy": attr_ok / attr_total if attr_total else None,
            "attributes": (attr_ok, attr_total),  # added in kg: for the overall attribute accuracy
            "provenance_ok": prov_ok / prov_total if prov_total else None,
            "missed": [facts[i] for i in range(len(facts)) if i not in used_f],
            "spurious": [unique[j] for j in range(len(unique))
                         if j not in used_r and j not in dup_rows],
        }

    def score_entities(self, rows: list[dict]) -> dict:
        found, spurious, typed_ok = set(), [], 0
        for row in rows:
            label = row.get("label") or row.get("entity", "")
            eid = None
            docs = split_set(row.get("source", ""))
            for cand in [label, row.get("entity", ""), row.get("wikidata", ""),
                         *split_set(row.get("aliases", ""))]:
                if cand and (eid := self.g.resolve(cand, docs)):
                    break
            if eid is None:
                spurious.append(label)
            elif eid not in found:
                found.add(eid)
                gtype = self.g.entities[eid]["type"]
                otype = fold(local_name(row.get("type", "")))
                typed_ok += fold(gtype) in otype or (gtype in ("City", "Place") and
                                                     any(t in otype for t in ("city", "place", "location", "stadt", "ort")))
        total = len(self.g.entities)
        linked = [e for e in self.g.entities.values() if e.get("wikidata")]
        linked_ok = 0
        for row in rows:
            eid = self.g.resolve(row.get("label", "") or row.get("entity", ""),
                                 split_set(row.get("source", "")))
            wd = row.get("wikidata", "")
            if eid and self.g.entities[eid].get("wikidata") and wd and \
                    self.g.entities[eid]["wikidata"] == local_name(wd).strip():
                linked_ok += 1
        return {"gold": total, "found": len(found), "recall": len(found) / total,
                "extracted": len(rows),
                "precision": len(found) / (len(found) + len(spurious)) if rows else 0.0,
                "type_accuracy": typed_ok / len(found) if found else None,
                "wikidata_linked": f"{linked_ok}/{len(linked)}",
                "missed": sorted(set(self.g.entities) - found), "spurious": spurious}

