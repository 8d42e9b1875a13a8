"""The ``kg:`` vocabulary, generated from ontology/kg.ttl by scripts/gen_vocab.py.

Do not edit by hand: change the ontology and rerun the script. ``_fail`` makes
a misspelt term an AttributeError instead of a silent new predicate.
"""

from collections.abc import Mapping
from types import MappingProxyType

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class KG(DefinedNamespace):
    _NS = Namespace("https://w3id.org/diplomacy-kg/ns#")
    _fail = True

    Agreement: URIRef
    AgreementKinds: URIRef
    City: URIRef
    Claim: URIRef
    Country: URIRef
    Document: URIRef
    Entity: URIRef
    Evidence: URIRef
    Fact: URIRef
    Invitation: URIRef
    LegalAction: URIRef
    LegalKinds: URIRef
    Measures: URIRef
    Meeting: URIRef
    MeetingModes: URIRef
    Mention: URIRef
    Offices: URIRef
    Organization: URIRef
    Person: URIRef
    Place: URIRef
    Quantity: URIRef
    RoleHolding: URIRef
    Stances: URIRef
    StateBodies: URIRef
    Statement: URIRef
    TradeVolume: URIRef
    Visit: URIRef
    accepted: URIRef
    accession: URIRef
    accuse: URIRef
    acquittal: URIRef
    adviser: URIRef
    affiliation: URIRef
    age: URIRef
    agreement: URIRef
    agreementKind: URIRef
    aid: URIRef
    ambassador: URIRef
    analyst: URIRef
    anchorOf: URIRef
    armed_forces: URIRef
    arms_import_share: URIRef
    arrest: URIRef
    arrest_warrant: URIRef
    arrests: URIRef
    arsenal_share: URIRef
    association_agreement: URIRef
    attacks: URIRef
    ban: URIRef
    beginIndex: URIRef
    border_length: URIRef
    cameo: URIRef
    ceasefire: URIRef
    claimOf: URIRef
    commissioner: URIRef
    concern: URIRef
    conference: URIRef
    confidence: URIRef
    contractQuery: URIRef
    conviction: URIRef
    cooperate: URIRef
    count: URIRef
    countQualifier: URIRef
    criticize: URIRef
    culture_minister: URIRef
    curfew: URIRef
    date: URIRef
    deal_value: URIRef
    deaths: URIRef
    declaration: URIRef
    defence_minister: URIRef
    demand: URIRef
    deportation: URIRef
    deputy: URIRef
    deputy_head_of_government: URIRef
    deputy_speaker: URIRef
    destination: URIRef
    diplomat: URIRef
    dissolution: URIRef
    distance: URIRef
    docId: URIRef
    duration: URIRef
    economy_minister: URIRef
    embassy: URIRef
    endDate: URIRef
    endIndex: URIRef
    entry_ban: URIRef
    eu_minister: URIRef
    evidence: URIRef
    extractor: URIRef
    finance_minister: URIRef
    first_lady: URIRef
    foreign_minister: URIRef
    former: URIRef
    friendship_treaty: URIRef
    general: URIRef
    general_secretary: URIRef
    government: URIRef
    governor: URIRef
    growth_forecast: URIRef
    guilty_plea: URIRef
    head_of_government: URIRef
    high_representative: URIRef
    host: URIRef
    identityAttribute: URIRef
    identityRole: URIRef
    immunity_lifted: URIRef
    impeachment: URIRef
    inDocument: URIRef
    in_person: URIRef
    indictment: URIRef
    injured: URIRef
    interior_minister: URIRef
    interrogation: URIRef
    investigation: URIRef
    invitee: URIRef
    inviter: URIRef
    iso: URIRef
    issuer: URIRef
    journalist: URIRef
    judge: URIRef
    justice_minister: URIRef
    kidnapped: URIRef
    kindProperty: URIRef
    king: URIRef
    lawsuit: URIRef
    leader: URIRef
    legalKind: URIRef
    licence: URIRef
    loan: URIRef
    locatedIn: URIRef
    max_prison_sentence: URIRef
    mayor: URIRef
    measure: URIRef
    member_of_parliament: URIRef
    member_states: URIRef
    members: URIRef
    memorandum: URIRef
    minister: URIRef
    ministerial_meeting: URIRef
    ministry: URIRef
    missing: URIRef
    mode: URIRef
    nameNoun: URIRef
    negated: URIRef
    negatedAs: URIRef
    negotiations: URIRef
    negotiator: URIRef
    nuclear_agreement: URIRef
    of: URIRef
    office: URIRef
    ordinal: URIRef
    org: URIRef
    ownership_stake: URIRef
    pact: URIRef
    parliamentary_leader: URIRef
    partOf: URIRef
    participant: URIRef
    partner: URIRef
    partnership: URIRef
    party: URIRef
    party_leader: URIRef
    party_official: URIRef
    peace_talks: URIRef
    peace_treaty: URIRef
    peopleNoun: URIRef
    person: URIRef
    phone_call: URIRef
    place: URIRef
    planned: URIRef
    poll_result: URIRef
    pope: URIRef
    population: URIRef
    praise: URIRef
    prefect: URIRef
    president: URIRef
    presidential_candidate: URIRef
    prosecution: URIRef
    prosecutor: URIRef
    protesters: URIRef
    published: URIRef
    qualifier: URIRef
    quote: URIRef
    readmission_agreement: URIRef
    refersTo: URIRef
    refugee_deal: URIRef
    refugees: URIRef
    reject: URIRef
    release: URIRef
    reportedCue: URIRef
    representative: URIRef
    researcher: URIRef
    sanctions: URIRef
    seats: URIRef
    secretary_general: URIRef
    senator: URIRef
    sentence: URIRef
    session: URIRef
    severance_of_diplomatic_relations: URIRef
    signatory: URIRef
    situationNoun: URIRef
    source: URIRef
    speaker: URIRef
    special_envoy: URIRef
    special_rapporteur: URIRef
    special_session: URIRef
    spokesperson: URIRef
    staff: URIRef
    stance: URIRef
    strategic_partnership: URIRef
    subject: URIRef
    summit: URIRef
    summons: URIRef
    support: URIRef
    supportedBy: URIRef
    target: URIRef
    targets_hit: URIRef
    tax_deal: URIRef
    thank: URIRef
    to: URIRef
    topic: URIRef
    trade_agreement: URIRef
    travel_ban: URIRef
    treaty: URIRef
    triggerNoun: URIRef
    triggerVerb: URIRef
    troops: URIRef
    undersecretary: URIRef
    unit: URIRef
    value: URIRef
    vice_president: URIRef
    video_call: URIRef
    visitor: URIRef
    vote_share: URIRef
    votes: URIRef
    warn: URIRef
    wikidata: URIRef


#: per term, its label by language (rdfs:label, else skos:prefLabel): captions need no graph
LABELS: Mapping[str, Mapping[str, str]] = MappingProxyType({
    'Agreement': MappingProxyType({'de': 'Abkommen', 'en': 'agreement'}),
    'AgreementKinds': MappingProxyType({'de': 'Abkommensarten', 'en': 'agreement kinds'}),
    'City': MappingProxyType({'de': 'Stadt', 'en': 'city'}),
    'Claim': MappingProxyType({'de': 'Aussage', 'en': 'claim'}),
    'Country': MappingProxyType({'de': 'Staat', 'en': 'country'}),
    'Document': MappingProxyType({'de': 'Dokument', 'en': 'document'}),
    'Entity': MappingProxyType({'de': 'Entität', 'en': 'entity'}),
    'Evidence': MappingProxyType({'de': 'Beleg', 'en': 'evidence'}),
    'Fact': MappingProxyType({'de': 'Tatsache', 'en': 'fact'}),
    'Invitation': MappingProxyType({'de': 'Einladung', 'en': 'invitation'}),
    'LegalAction': MappingProxyType({'de': 'Rechtsmaßnahme', 'en': 'legal action'}),
    'LegalKinds': MappingProxyType({'de': 'Rechtsmaßnahmen', 'en': 'legal actions'}),
    'Measures': MappingProxyType({'de': 'Kennzahlen', 'en': 'measures'}),
    'Meeting': MappingProxyType({'de': 'Treffen', 'en': 'meeting'}),
    'MeetingModes': MappingProxyType({'de': 'Formen von Treffen', 'en': 'meeting modes'}),
    'Mention': MappingProxyType({'de': 'Erwähnung', 'en': 'mention'}),
    'Offices': MappingProxyType({'de': 'Ämter', 'en': 'offices'}),
    'Organization': MappingProxyType({'de': 'Organisation', 'en': 'organization'}),
    'Person': MappingProxyType({'de': 'Person', 'en': 'person'}),
    'Place': MappingProxyType({'de': 'Ort', 'en': 'place'}),
    'Quantity': MappingProxyType({'de': 'Größe', 'en': 'quantity'}),
    'RoleHolding': MappingProxyType({'de': 'Amt', 'en': 'role held'}),
    'Stances': MappingProxyType({'de': 'Haltungen', 'en': 'stances'}),
    'StateBodies': MappingProxyType({'de': 'Staatsorgane', 'en': 'bodies of a state'}),
    'Statement': MappingProxyType({'de': 'Äußerung', 'en': 'statement'}),
    'TradeVolume': MappingProxyType({'de': 'Handelsvolumen', 'en': 'trade volume'}),
    'Visit': MappingProxyType({'de': 'Besuch', 'en': 'visit'}),
    'accepted': MappingProxyType({'de': 'angenommen', 'en': 'accepted'}),
    'accession': MappingProxyType({'de': 'Beitritt', 'en': 'accession'}),
    'accuse': MappingProxyType({'de': 'vorwerfen', 'en': 'accuse'}),
    'acquittal': MappingProxyType({'de': 'Freispruch', 'en': 'acquittal'}),
    'adviser': MappingProxyType({'de': 'Berater', 'en': 'adviser'}),
    'affiliation': MappingProxyType({'de': 'handelt für', 'en': 'acts for'}),
    'age': MappingProxyType({'de': 'Alter', 'en': 'age'}),
    'agreement': MappingProxyType({'de': 'Abkommen', 'en': 'agreement'}),
    'agreementKind': MappingProxyType({'de': 'Abkommensart', 'en': 'agreement kind'}),
    'aid': MappingProxyType({'de': 'Hilfe', 'en': 'aid'}),
    'ambassador': MappingProxyType({'de': 'Botschafter', 'en': 'ambassador'}),
    'analyst': MappingProxyType({'de': 'Analyst', 'en': 'analyst'}),
    'anchorOf': MappingProxyType({'de': 'Ankertext', 'en': 'anchor text'}),
    'armed_forces': MappingProxyType({'de': 'Streitkräfte', 'en': 'armed forces'}),
    'arms_import_share': MappingProxyType({'de': 'Anteil an Waffenimporten', 'en': 'arms import share'}),
    'arrest': MappingProxyType({'de': 'Festnahme', 'en': 'arrest'}),
    'arrest_warrant': MappingProxyType({'de': 'Haftbefehl', 'en': 'arrest warrant'}),
    'arrests': MappingProxyType({'de': 'Festnahmen', 'en': 'arrests'}),
    'arsenal_share': MappingProxyType({'de': 'Anteil am Waffenarsenal', 'en': 'arsenal share'}),
    'association_agreement': MappingProxyType({'de': 'Assoziierungsabkommen', 'en': 'association agreement'}),
    'attacks': MappingProxyType({'de': 'Angriffe', 'en': 'attacks'}),
    'ban': MappingProxyType({'de': 'Verbot', 'en': 'ban'}),
    'beginIndex': MappingProxyType({'de': 'Anfangsposition', 'en': 'begin index'}),
    'border_length': MappingProxyType({'de': 'Grenzlänge', 'en': 'border length'}),
    'cameo': MappingProxyType({'en': 'CAMEO event code'}),
    'ceasefire': MappingProxyType({'de': 'Waffenruhe', 'en': 'ceasefire'}),
    'claimOf': MappingProxyType({'de': 'Aussage über', 'en': 'claim of kind'}),
    'commissioner': MappingProxyType({'de': 'Kommissar', 'en': 'commissioner'}),
    'concern': MappingProxyType({'de': 'Besorgnis', 'en': 'concern'}),
    'conference': MappingProxyType({'de': 'Konferenz', 'en': 'conference'}),
    'confidence': MappingProxyType({'de': 'Konfidenz', 'en': 'confidence'}),
    'contractQuery': MappingProxyType({'en': 'contract query'}),
    'conviction': MappingProxyType({'de': 'Verurteilung', 'en': 'conviction'}),
    'cooperate': MappingProxyType({'de': 'zusammenarbeiten', 'en': 'cooperate'}),
    'count': MappingProxyType({'de': 'Anzahl', 'en': 'count'}),
    'countQualifier': MappingProxyType({'de': 'Anzahl-Einschränkung', 'en': 'count qualifier'}),
    'criticize': MappingProxyType({'de': 'kritisieren', 'en': 'criticize'}),
    'culture_minister': MappingProxyType({'de': 'Kulturminister', 'en': 'culture minister'}),
    'curfew': MappingProxyType({'de': 'Ausgangssperre', 'en': 'curfew'}),
    'date': MappingProxyType({'de': 'Datum', 'en': 'date'}),
    'deal_value': MappingProxyType({'de': 'Auftragswert', 'en': 'deal value'}),
    'deaths': MappingProxyType({'de': 'Tote', 'en': 'deaths'}),
    'declaration': MappingProxyType({'de': 'Erklärung', 'en': 'declaration'}),
    'defence_minister': MappingProxyType({'de': 'Verteidigungsminister', 'en': 'defence minister'}),
    'demand': MappingProxyType({'de': 'fordern', 'en': 'demand'}),
    'deportation': MappingProxyType({'de': 'Ausweisung', 'en': 'deportation'}),
    'deputy': MappingProxyType({'de': 'Stellvertreter', 'en': 'deputy'}),
    'deputy_head_of_government': MappingProxyType({'de': 'Vizekanzler', 'en': 'deputy head of government'}),
    'deputy_speaker': MappingProxyType({'de': 'Vizeparlamentspräsident', 'en': 'deputy speaker'}),
    'destination': MappingProxyType({'de': 'Ziel', 'en': 'destination'}),
    'diplomat': MappingProxyType({'de': 'Diplomat', 'en': 'diplomat'}),
    'dissolution': MappingProxyType({'de': 'Auflösung', 'en': 'dissolution'}),
    'distance': MappingProxyType({'de': 'Entfernung', 'en': 'distance'}),
    'docId': MappingProxyType({'de': 'Dokumentkennung', 'en': 'document id'}),
    'duration': MappingProxyType({'de': 'Dauer', 'en': 'duration'}),
    'economy_minister': MappingProxyType({'de': 'Wirtschaftsminister', 'en': 'economy minister'}),
    'embassy': MappingProxyType({'de': 'Botschaft', 'en': 'embassy'}),
    'endDate': MappingProxyType({'de': 'Enddatum', 'en': 'end date'}),
    'endIndex': MappingProxyType({'de': 'Endposition', 'en': 'end index'}),
    'entry_ban': MappingProxyType({'de': 'Einreiseverbot', 'en': 'entry ban'}),
    'eu_minister': MappingProxyType({'de': 'Europaminister', 'en': 'EU minister'}),
    'evidence': MappingProxyType({'de': 'Beleg', 'en': 'evidence'}),
    'extractor': MappingProxyType({'de': 'Extraktor', 'en': 'extractor'}),
    'finance_minister': MappingProxyType({'de': 'Finanzminister', 'en': 'finance minister'}),
    'first_lady': MappingProxyType({'de': 'Präsidentengattin', 'en': 'first lady'}),
    'foreign_minister': MappingProxyType({'de': 'Außenminister', 'en': 'foreign minister'}),
    'former': MappingProxyType({'de': 'ehemalig', 'en': 'former'}),
    'friendship_treaty': MappingProxyType({'de': 'Freundschaftsvertrag', 'en': 'friendship treaty'}),
    'general': MappingProxyType({'de': 'General', 'en': 'general'}),
    'general_secretary': MappingProxyType({'de': 'Generalsekretär', 'en': 'general secretary'}),
    'government': MappingProxyType({'de': 'Regierung', 'en': 'government'}),
    'governor': MappingProxyType({'de': 'Gouverneur', 'en': 'governor'}),
    'growth_forecast': MappingProxyType({'de': 'Wachstumsprognose', 'en': 'growth forecast'}),
    'guilty_plea': MappingProxyType({'de': 'Schuldbekenntnis', 'en': 'guilty plea'}),
    'head_of_government': MappingProxyType({'de': 'Regierungschef', 'en': 'head of government'}),
    'high_representative': MappingProxyType({'de': 'Außenbeauftragte', 'en': 'high representative'}),
    'host': MappingProxyType({'de': 'Gastgeber', 'en': 'host'}),
    'identityAttribute': MappingProxyType({'en': 'identity attribute'}),
    'identityRole': MappingProxyType({'en': 'identity role'}),
    'immunity_lifted': MappingProxyType({'de': 'Aufhebung der Immunität', 'en': 'immunity lifted'}),
    'impeachment': MappingProxyType({'de': 'Amtsenthebungsverfahren', 'en': 'impeachment'}),
    'inDocument': MappingProxyType({'de': 'im Dokument', 'en': 'in document'}),
    'in_person': MappingProxyType({'de': 'persönlich', 'en': 'in person'}),
    'indictment': MappingProxyType({'de': 'Anklage', 'en': 'indictment'}),
    'injured': MappingProxyType({'de': 'Verletzte', 'en': 'injured'}),
    'interior_minister': MappingProxyType({'de': 'Innenminister', 'en': 'interior minister'}),
    'interrogation': MappingProxyType({'de': 'Verhör', 'en': 'interrogation'}),
    'investigation': MappingProxyType({'de': 'Ermittlungen', 'en': 'investigation'}),
    'invitee': MappingProxyType({'de': 'Eingeladener', 'en': 'invitee'}),
    'inviter': MappingProxyType({'de': 'Einladender', 'en': 'inviter'}),
    'iso': MappingProxyType({'de': 'ISO-3166-1-Code', 'en': 'ISO 3166-1 code'}),
    'issuer': MappingProxyType({'de': 'Urheber', 'en': 'issuer'}),
    'journalist': MappingProxyType({'de': 'Journalist', 'en': 'journalist'}),
    'judge': MappingProxyType({'de': 'Richter', 'en': 'judge'}),
    'justice_minister': MappingProxyType({'de': 'Justizminister', 'en': 'justice minister'}),
    'kidnapped': MappingProxyType({'de': 'Entführte', 'en': 'kidnapped'}),
    'kindProperty': MappingProxyType({'en': 'kind property'}),
    'king': MappingProxyType({'de': 'König', 'en': 'king'}),
    'lawsuit': MappingProxyType({'de': 'Klage', 'en': 'lawsuit'}),
    'leader': MappingProxyType({'de': 'Machthaber', 'en': 'leader'}),
    'legalKind': MappingProxyType({'de': 'Art der Maßnahme', 'en': 'legal action kind'}),
    'licence': MappingProxyType({'de': 'Lizenz', 'en': 'licence'}),
    'loan': MappingProxyType({'de': 'Kredit', 'en': 'loan'}),
    'locatedIn': MappingProxyType({'de': 'liegt in', 'en': 'located in'}),
    'max_prison_sentence': MappingProxyType({'de': 'Höchststrafe', 'en': 'maximum prison sentence'}),
    'mayor': MappingProxyType({'de': 'Bürgermeister', 'en': 'mayor'}),
    'measure': MappingProxyType({'de': 'Kennzahl', 'en': 'measure'}),
    'member_of_parliament': MappingProxyType({'de': 'Abgeordneter', 'en': 'member of parliament'}),
    'member_states': MappingProxyType({'de': 'Mitgliedstaaten', 'en': 'member states'}),
    'members': MappingProxyType({'de': 'Mitglieder', 'en': 'members'}),
    'memorandum': MappingProxyType({'de': 'Absichtserklärung', 'en': 'memorandum of understanding'}),
    'minister': MappingProxyType({'de': 'Minister', 'en': 'minister'}),
    'ministerial_meeting': MappingProxyType({'de': 'Ministertreffen', 'en': 'ministerial meeting'}),
    'ministry': MappingProxyType({'de': 'Ministerium', 'en': 'ministry'}),
    'missing': MappingProxyType({'de': 'Vermisste', 'en': 'missing'}),
    'mode': MappingProxyType({'de': 'Form des Treffens', 'en': 'meeting mode'}),
    'nameNoun': MappingProxyType({'de': 'Namensnomen', 'en': 'name noun'}),
    'negated': MappingProxyType({'de': 'verneint', 'en': 'negated'}),
    'negatedAs': MappingProxyType({'de': 'verneint als', 'en': 'negated as'}),
    'negotiations': MappingProxyType({'de': 'Verhandlungen', 'en': 'negotiations'}),
    'negotiator': MappingProxyType({'de': 'Unterhändler', 'en': 'negotiator'}),
    'nuclear_agreement': MappingProxyType({'de': 'Atomabkommen', 'en': 'nuclear agreement'}),
    'of': MappingProxyType({'de': 'bezogen auf', 'en': 'of'}),
    'office': MappingProxyType({'de': 'Amt', 'en': 'office'}),
    'ordinal': MappingProxyType({'de': 'Ordnungszahl', 'en': 'ordinal'}),
    'org': MappingProxyType({'de': 'Staat oder Organisation', 'en': 'state or body'}),
    'ownership_stake': MappingProxyType({'de': 'Anteil', 'en': 'ownership stake'}),
    'pact': MappingProxyType({'de': 'Pakt', 'en': 'pact'}),
    'parliamentary_leader': MappingProxyType({'de': 'Fraktionschef', 'en': 'parliamentary leader'}),
    'partOf': MappingProxyType({'de': 'gehört zu', 'en': 'part of'}),
    'participant': MappingProxyType({'de': 'Teilnehmer', 'en': 'participant'}),
    'partner': MappingProxyType({'de': 'Handelspartner', 'en': 'trading partner'}),
    'partnership': MappingProxyType({'de': 'Partnerschaft', 'en': 'partnership'}),
    'party': MappingProxyType({'de': 'Vertragspartei', 'en': 'party'}),
    'party_leader': MappingProxyType({'de': 'Parteichef', 'en': 'party leader'}),
    'party_official': MappingProxyType({'de': 'Parteifunktionär', 'en': 'party official'}),
    'peace_talks': MappingProxyType({'de': 'Friedensgespräche', 'en': 'peace talks'}),
    'peace_treaty': MappingProxyType({'de': 'Friedensvertrag', 'en': 'peace treaty'}),
    'peopleNoun': MappingProxyType({'de': 'Volkswort', 'en': 'people noun'}),
    'person': MappingProxyType({'de': 'Person', 'en': 'person'}),
    'phone_call': MappingProxyType({'de': 'Telefonat', 'en': 'phone call'}),
    'place': MappingProxyType({'de': 'Ort', 'en': 'place'}),
    'planned': MappingProxyType({'de': 'geplant', 'en': 'planned'}),
    'poll_result': MappingProxyType({'de': 'Umfragewert', 'en': 'poll result'}),
    'pope': MappingProxyType({'de': 'Papst', 'en': 'pope'}),
    'population': MappingProxyType({'de': 'Einwohnerzahl', 'en': 'population'}),
    'praise': MappingProxyType({'de': 'loben', 'en': 'praise'}),
    'prefect': MappingProxyType({'de': 'Präfekt', 'en': 'prefect'}),
    'president': MappingProxyType({'de': 'Präsident', 'en': 'president'}),
    'presidential_candidate': MappingProxyType({'de': 'Präsidentschaftskandidat', 'en': 'presidential candidate'}),
    'prosecution': MappingProxyType({'de': 'Strafverfahren', 'en': 'prosecution'}),
    'prosecutor': MappingProxyType({'de': 'Staatsanwalt', 'en': 'prosecutor'}),
    'protesters': MappingProxyType({'de': 'Demonstranten', 'en': 'protesters'}),
    'published': MappingProxyType({'de': 'veröffentlicht', 'en': 'published'}),
    'qualifier': MappingProxyType({'de': 'Einschränkung', 'en': 'qualifier'}),
    'quote': MappingProxyType({'de': 'Zitat', 'en': 'quote'}),
    'readmission_agreement': MappingProxyType({'de': 'Rücknahmeabkommen', 'en': 'readmission agreement'}),
    'refersTo': MappingProxyType({'de': 'bezieht sich auf', 'en': 'refers to'}),
    'refugee_deal': MappingProxyType({'de': 'Flüchtlingsdeal', 'en': 'refugee deal'}),
    'refugees': MappingProxyType({'de': 'Flüchtlinge', 'en': 'refugees'}),
    'reject': MappingProxyType({'de': 'zurückweisen', 'en': 'reject'}),
    'release': MappingProxyType({'de': 'Freilassung', 'en': 'release'}),
    'reportedCue': MappingProxyType({'de': 'Wertungswort', 'en': 'reported cue'}),
    'representative': MappingProxyType({'de': 'Vertreter', 'en': 'representative'}),
    'researcher': MappingProxyType({'de': 'Wissenschaftler', 'en': 'researcher'}),
    'sanctions': MappingProxyType({'de': 'Sanktionen', 'en': 'sanctions'}),
    'seats': MappingProxyType({'de': 'Sitze', 'en': 'seats'}),
    'secretary_general': MappingProxyType({'de': 'UN-Generalsekretär', 'en': 'secretary-general'}),
    'senator': MappingProxyType({'de': 'Senator', 'en': 'senator'}),
    'sentence': MappingProxyType({'de': 'Satz', 'en': 'sentence'}),
    'session': MappingProxyType({'de': 'Sitzung', 'en': 'session'}),
    'severance_of_diplomatic_relations': MappingProxyType({'de': 'Abbruch der diplomatischen Beziehungen', 'en': 'severance of diplomatic relations'}),
    'signatory': MappingProxyType({'de': 'Unterzeichner', 'en': 'signatory'}),
    'situationNoun': MappingProxyType({'de': 'Lagewort', 'en': 'situation noun'}),
    'source': MappingProxyType({'de': 'Quelle', 'en': 'source'}),
    'speaker': MappingProxyType({'de': 'Sprecher', 'en': 'speaker'}),
    'special_envoy': MappingProxyType({'de': 'Sondergesandter', 'en': 'special envoy'}),
    'special_rapporteur': MappingProxyType({'de': 'Sonderberichterstatter', 'en': 'special rapporteur'}),
    'special_session': MappingProxyType({'de': 'Sondersitzung', 'en': 'special session'}),
    'spokesperson': MappingProxyType({'de': 'Sprecher', 'en': 'spokesperson'}),
    'staff': MappingProxyType({'de': 'Mitarbeiter', 'en': 'staff'}),
    'stance': MappingProxyType({'de': 'Haltung', 'en': 'stance'}),
    'strategic_partnership': MappingProxyType({'de': 'strategische Partnerschaft', 'en': 'strategic partnership'}),
    'subject': MappingProxyType({'de': 'Gegenstand', 'en': 'subject'}),
    'summit': MappingProxyType({'de': 'Gipfel', 'en': 'summit'}),
    'summons': MappingProxyType({'de': 'Einbestellung', 'en': 'summons'}),
    'support': MappingProxyType({'de': 'unterstützen', 'en': 'support'}),
    'supportedBy': MappingProxyType({'de': 'belegt durch', 'en': 'supported by'}),
    'target': MappingProxyType({'de': 'Adressat', 'en': 'target'}),
    'targets_hit': MappingProxyType({'de': 'getroffene Ziele', 'en': 'targets hit'}),
    'tax_deal': MappingProxyType({'de': 'Steuerdeal', 'en': 'tax deal'}),
    'thank': MappingProxyType({'de': 'danken', 'en': 'thank'}),
    'to': MappingProxyType({'de': 'akkreditiert in', 'en': 'accredited to'}),
    'topic': MappingProxyType({'de': 'Thema', 'en': 'topic'}),
    'trade_agreement': MappingProxyType({'de': 'Handelsabkommen', 'en': 'trade agreement'}),
    'travel_ban': MappingProxyType({'de': 'Ausreiseverbot', 'en': 'travel ban'}),
    'treaty': MappingProxyType({'de': 'Vertrag', 'en': 'treaty'}),
    'triggerNoun': MappingProxyType({'de': 'Auslösenomen', 'en': 'trigger noun'}),
    'triggerVerb': MappingProxyType({'de': 'Auslöseverb', 'en': 'trigger verb'}),
    'troops': MappingProxyType({'de': 'Soldaten', 'en': 'troops'}),
    'undersecretary': MappingProxyType({'de': 'Staatssekretär', 'en': 'undersecretary'}),
    'unit': MappingProxyType({'de': 'Einheit', 'en': 'unit'}),
    'value': MappingProxyType({'de': 'Wert', 'en': 'value'}),
    'vice_president': MappingProxyType({'de': 'Vizepräsident', 'en': 'vice president'}),
    'video_call': MappingProxyType({'de': 'Videokonferenz', 'en': 'video call'}),
    'visitor': MappingProxyType({'de': 'Besucher', 'en': 'visitor'}),
    'vote_share': MappingProxyType({'de': 'Stimmenanteil', 'en': 'vote share'}),
    'votes': MappingProxyType({'de': 'Stimmen', 'en': 'votes'}),
    'warn': MappingProxyType({'de': 'warnen', 'en': 'warn'}),
    'wikidata': MappingProxyType({'de': 'Wikidata-Kennung', 'en': 'Wikidata id'}),
})
