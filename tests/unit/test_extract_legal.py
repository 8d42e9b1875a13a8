"""Legal actions on sentences of our own: nouns, verbs in active and
passive, adjectival participles, phrases spread over a clause, and the
issuer of a domestic action the text names only as an office of the state."""

from __future__ import annotations

import pytest

from kg.model import FactKind, Role

from extract_helpers import claims_of, names

ACTIONS = [
    # "ermittelt ... gegen": the prosecutor is that body of the state "in" which it happens
    ("In Kenia ermittelt die Staatsanwaltschaft gegen den früheren Minister Jaroslav Novak.",
     "kenianische Staatsanwaltschaft", "Jaroslav Novak", "investigation"),
    # active verb with a state adjective on the police
    # a state body the gazetteer knows is the issuer itself (it is part of its state)
    ("Die kenianische Polizei hat den früheren Minister Jaroslav Novak am Montag festgenommen.",
     "kenianische Polizei", "Jaroslav Novak", "arrest"),
    # passive without an agent
    ("Der frühere Minister Jaroslav Novak wurde am Montag in Kenia festgenommen.",
     "Kenia", "Jaroslav Novak", "arrest"),
    # a phrase: "hob die Immunität ... auf"
    ("Der Oberste Gerichtshof Kenias hob die Immunität des früheren Ministers Jaroslav Novak auf.",
     "Kenia", "Jaroslav Novak", "immunity_lifted"),
    # noun with "gegen", the state as subject
    ("Kenia verhängte ein Einreiseverbot gegen den Minister Jaroslav Novak.",
     "Kenia", "Jaroslav Novak", "entry_ban"),
    # the accused is the subject; the court's city stands for its state
    ("Der Minister Jaroslav Novak plädierte vor einem Gericht in Nairobi auf schuldig.",
     "Kenia", "Jaroslav Novak", "guilty_plea"),
    # "gegen X, der ..., laufen Ermittlungen": the relative clause interrupts
    ("In Kenia ist die Lage angespannt. Gegen den früheren Minister Jaroslav Novak, der seit Jahren die "
     "Regierung kritisiert, laufen Ermittlungen wegen Betrugs.", "Kenia", "Jaroslav Novak", "investigation"),
    # "unter die Lupe nehmen": what is examined is the object, or whose it is ("die Geschäfte von X")
    ("Die Afrikanische Union nimmt die Geschäfte von Kanada unter die Lupe.",
     "Afrikanische Union", "Kanada", "investigation"),
    # an adjectival participle; the issuer is the state the article is about
    ("Kenia steckt in einer Krise. Der im Mai festgenommene frühere Minister Jaroslav Novak schweigt.",
     "Kenia", "Jaroslav Novak", "arrest"),
    # an unnamed body first, or after the verb: the name is its object, the issuer the dateline's state
    ("Nairobi – Die Polizei nahm Stefan Lindqvist fest.", "Kenia", "Stefan Lindqvist", "arrest"),
    ("Nairobi – Am Montag nahm die Polizei Stefan Lindqvist fest.", "Kenia", "Stefan Lindqvist", "arrest"),
]


@pytest.mark.parametrize(("text", "issuer", "target", "kind"), ACTIONS)
def test_legal_actions(resources_no_ner, text, issuer, target, kind):
    actions = claims_of(resources_no_ner, text, kind=FactKind.LEGAL_ACTION)
    assert any(names(c, Role.ISSUER) == {issuer} and names(c, Role.TARGET) == {target}
               and c.attribute("kind") == kind for c in actions), actions


def test_coordinated_issuers_each_act(resources_no_ner):
    text = "Kanada und die Afrikanische Union verhängten am Dienstag Sanktionen gegen Belarus."
    actions = claims_of(resources_no_ner, text, kind=FactKind.LEGAL_ACTION)
    assert {n for c in actions for n in names(c, Role.ISSUER)} == {"Kanada", "Afrikanische Union"}
    assert all(names(c, Role.TARGET) == {"Belarus"} and c.attribute("kind") == "sanctions" for c in actions)


def test_together_with_shares_the_action(resources_no_ner):
    text = "In Kenia ist die Lage ernst. Zusammen mit dem Minister Jaroslav Novak soll auch der Minister Wiktor Wielicki angeklagt werden."
    actions = claims_of(resources_no_ner, text, kind=FactKind.LEGAL_ACTION)
    assert {n for c in actions for n in names(c, Role.TARGET)} >= {"Jaroslav Novak", "Wiktor Wielicki"}


def test_coordinated_targets_are_each_charged(resources_no_ner):
    text = ("In Kenia sollen der Minister Jaroslav Novak und der Minister Wiktor Wielicki "
            "wegen Betrugs angeklagt werden.")
    actions = claims_of(resources_no_ner, text, kind=FactKind.LEGAL_ACTION)
    assert {n for c in actions for n in names(c, Role.TARGET)} == {"Jaroslav Novak", "Wiktor Wielicki"}
    assert all(c.attribute("kind") == "indictment" for c in actions)


@pytest.mark.parametrize("text", [
    # demanded, not done
    "In Kenia fordert die Opposition die Festnahme des Ministers Jaroslav Novak.",
    # "ermitteln" without "gegen" finds something out
    "In Kenia ermittelte der Minister Jaroslav Novak die Zahl der Opfer.",
    # negated
    "Der Minister Jaroslav Novak wurde in Kenia nicht festgenommen.",
    # nobody named examines: the place of the business is not the examiner
    "Die Wettbewerbshüter nehmen die Geschäfte von Kanada in Kenia unter die Lupe.",
    # an action without any named target
    "In Kenia wurden am Montag zahlreiche Demonstranten festgenommen.",
    # hypothetical: a subjunctive auxiliary or modal
    "Die Polizei in Oslo würde Stefan Lindqvist am Montag festnehmen.",
    "Dann könnte nur noch die Staatsanwaltschaft in Oslo Ermittlungen gegen Stefan Lindqvist einleiten.",
    # urged in a "dass" clause the action's own clause does not start
    "Norwegen werde darauf drängen, dass das Urteil nicht vollstreckt wird, sondern Kenia Stefan Lindqvist freilässt.",
    # an attribute says it has not happened
    "Die angedrohten Sanktionen Norwegens gegen Kenia blieben aus.",
    "Mögliche Sanktionen Norwegens gegen Kenia sind im Gespräch.",
    # a condition
    "Sollte Stefan Lindqvist nach Norwegen zurückkommen, wird er dort sofort verhaftet.",
    "Falls Stefan Lindqvist einreist, will Norwegen ihn festnehmen.",
    # the prosecutor brings the charge and is not charged
    "Staatsanwalt Stefan Lindqvist führte in Norwegen die Anklage.",
    # "das Verbot der Gruppen": the groups are banned, not the minister who explains it
    "Karl Huber begründete die Entscheidung Frankreichs zum Verbot der Gruppen.",
])
def test_no_legal_action(resources_no_ner, text):
    assert claims_of(resources_no_ner, text, kind=FactKind.LEGAL_ACTION) == []


def test_states_and_cities_are_not_arrested(resources_no_ner):
    text = "In Kenia meldeten die Behörden zahlreiche Festnahmen nahe der Slowakei."
    assert claims_of(resources_no_ner, text, kind=FactKind.LEGAL_ACTION) == []


def test_a_city_after_von_is_no_agent(resources_no_ner):
    text = "Der Minister Jaroslav Novak wurde am Flughafen von Nairobi festgenommen."
    actions = claims_of(resources_no_ner, text, kind=FactKind.LEGAL_ACTION)
    assert actions and all(names(c, Role.ISSUER) == {"Kenia"} for c in actions), actions


def test_pronoun_target_is_the_person_before(resources_no_ner):
    text = "Der Minister Jaroslav Novak reiste nach Kenia. Dort wurde er am Montag festgenommen."
    actions = claims_of(resources_no_ner, text, kind=FactKind.LEGAL_ACTION)
    assert [(names(c, Role.ISSUER), names(c, Role.TARGET)) for c in actions] == [({"Kenia"}, {"Jaroslav Novak"})]


def test_action_urged_in_a_dass_clause_is_not_done(resources_no_ner):
    text = "Die Opposition drängt darauf, dass der Minister Jaroslav Novak in Kenia freigelassen wird."
    assert claims_of(resources_no_ner, text, kind=FactKind.LEGAL_ACTION) == []


NEW_ACTIONS = [
    # one of several actions, by a named body: "darunter eine des FBI"
    ("Gegen den Minister Jaroslav Novak laufen mehrere Untersuchungen, darunter auch eine des FBI.",
     "FBI", "Jaroslav Novak", "investigation"),
    # a body named through its member states
    ("Kanada und die EU-Staaten haben bestehende Sanktionen gegen Belarus.",
     "Europäische Union", "Belarus", "sanctions"),
    # "seiner Auflösung": the antecedent of the relative clause
    ("In China gibt es Streit um die Linkspartei, die sich seit Wochen ihrer Auflösung widersetzt.",
     "China", "Linkspartei", "dissolution"),
    # "nach seiner Festnahme": the subject of the clause
    ("In Kenia hat der Minister Jaroslav Novak nach seiner Festnahme geschwiegen.",
     "Kenia", "Jaroslav Novak", "arrest"),
    # a first-person quote: "mich" is the speaker
    ("Sie haben mich vor meinem Haus festgenommen, sagte der Minister Jaroslav Novak in Nairobi.",
     "Kenia", "Jaroslav Novak", "arrest"),
    # a dative pronoun: the one person of the sentence before
    ("Der Minister Jaroslav Novak wollte nach Kenia reisen. Doch Kenia verweigerte ihm die Einreise.",
     "Kenia", "Jaroslav Novak", "entry_ban"),
    # "das Regime": the state named last
    ("Belarus testete am Montag eine Rakete. Kanada verschärfte seine Sanktionen gegen das Regime.",
     "Kanada", "Belarus", "sanctions"),
    # "im Zentrum der Ermittlungen steht X"
    ("In Kenia steht im Zentrum der Ermittlungen der Minister Jaroslav Novak.",
     "Kenia", "Jaroslav Novak", "investigation"),
    # a participle before a party whose name holds a prefix
    ("In China sprachen frühere Kader der aufgelösten SED-Partei.", "China", "SED-Partei", "dissolution"),
    # sentencing and release, phrases spread over the clause
    ("Kenia hat den Minister Jaroslav Novak zu zehn Jahren Haft verurteilt.",
     "Kenia", "Jaroslav Novak", "conviction"),
    ("Der Minister Jaroslav Novak wurde am Montag in Kenia aus der Haft entlassen.",
     "Kenia", "Jaroslav Novak", "release"),
    # a phrase's noun as the head of a compound
    ("In Kenia wurde der Minister Jaroslav Novak aus der Untersuchungshaft entlassen.",
     "Kenia", "Jaroslav Novak", "release"),
    # "die" after the subject of a verb-second clause is the object
    ("Kanada verbot die Linkspartei.", "Kanada", "Linkspartei", "ban"),
    # verb-final: the first name is the subject, not the one nearest the verb
    ("Kanada hat die Linkspartei verboten.", "Kanada", "Linkspartei", "ban"),
    ("Es hieß, dass Kanada die Linkspartei verbot.", "Kanada", "Linkspartei", "ban"),
    # a passive relative clause: the name it hangs on
    ("Der Minister Jaroslav Novak, der in Kenia verhaftet worden war, ist wieder frei.",
     "Kenia", "Jaroslav Novak", "arrest"),
    # the subject is the one set free
    ("In Kenia kam der Minister Jaroslav Novak frei.", "Kenia", "Jaroslav Novak", "release"),
    # deported from a state: that state deports
    ("Der Minister Jaroslav Novak wurde aus Kenia nach Kanada abgeschoben.",
     "Kenia", "Jaroslav Novak", "deportation"),
]


@pytest.mark.parametrize(("text", "issuer", "target", "kind"), NEW_ACTIONS)
def test_more_legal_actions(resources_no_ner, text, issuer, target, kind):
    actions = claims_of(resources_no_ner, text, kind=FactKind.LEGAL_ACTION)
    assert any(names(c, Role.ISSUER) == {issuer} and names(c, Role.TARGET) == {target}
               and c.attribute("kind") == kind for c in actions), actions


def test_several_investigations_keep_the_state(resources_no_ner):
    text = "In Kenia laufen gegen den Minister Jaroslav Novak mehrere Untersuchungen, darunter eine des FBI."
    actions = claims_of(resources_no_ner, text, kind=FactKind.LEGAL_ACTION)
    assert {n for c in actions for n in names(c, Role.ISSUER)} == {"Kenia", "FBI"}, actions


@pytest.mark.parametrize("text", [
    # the opening speaker criticises an investigation; he is not its target
    "Der Minister Jaroslav Novak kritisierte, dass die Untersuchung von Verstößen durch Kenia begrenzt wurde.",
    # only considered
    "Kanada erwägt Sanktionen gegen den Minister Jaroslav Novak.",
    "Kanada prüft ein Einreiseverbot gegen den Minister Jaroslav Novak.",
    # "entlassen" from a job: "Botschaft" is no compound of "Haft"
    "Die Botschaft der Linkspartei hat den Minister Jaroslav Novak in Kenia aus dem Amt entlassen.",
    # "ihre Freilassung" may mean many: no guess from the sentence before
    "Der Minister Jaroslav Novak reiste nach Kenia. Kenia verhandelte dort über ihre Freilassung.",
])
def test_no_new_legal_action(resources_no_ner, text):
    actions = claims_of(resources_no_ner, text, kind=FactKind.LEGAL_ACTION)
    assert not any(names(c, Role.TARGET) == {"Jaroslav Novak"} for c in actions), actions


def test_deported_to_a_state_is_not_by_it(resources_no_ner):
    text = "Der Minister Jaroslav Novak wurde nach Kenia abgeschoben."
    assert claims_of(resources_no_ner, text, kind=FactKind.LEGAL_ACTION) == []


def test_advocated_sanctions_are_not_imposed(resources_no_ner):
    assert not claims_of(resources_no_ner, "Emmanuel Macron sprach sich für Sanktionen gegen Indien aus.",
                         kind=FactKind.LEGAL_ACTION)


def test_a_party_holds_no_inquiry(resources_no_ner):
    text = ("Jaroslav Novak, Senator der Demokratischen Partei, steht unter Druck, nachdem mehrere "
            "seiner Berater in den Strudel der Korruptionsermittlungen geraten sind.")
    actions = claims_of(resources_no_ner, text, kind=FactKind.LEGAL_ACTION)
    assert not any(names(c, Role.ISSUER) == {"Demokratische Partei"} for c in actions), actions


def test_sanctions_imposed_are_taken(resources_no_ner):
    actions = claims_of(resources_no_ner, "Norwegen verhängte Sanktionen gegen Kenia.", kind=FactKind.LEGAL_ACTION)
    assert [(names(c, Role.ISSUER), names(c, Role.TARGET)) for c in actions] == [({"Norwegen"}, {"Kenia"})]
