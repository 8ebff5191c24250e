"""Trigger senses and sectors added for recall by kind (issue 11, session 9): each case is a
parsed sentence the sense or sector row decides."""

import pytest

from newsevents.extract.triggers import find_triggers


@pytest.fixture()
def senses(pipeline):
    def run(text):
        doc = pipeline.nlp(text)
        return [(t.token.text, t.sense.event_type)
                for s in doc.sents for t in find_triggers(s, pipeline.ontology)]

    return run


@pytest.mark.parametrize(
    ("text", "word", "event_type"),
    [
        # manual ACCUSE: "criticize, defame, denigrate responsible parties"
        ("The minister belittled the opposition's concerns on Monday.", "belittled", "ACCUSE"),
        ("State media disparaged the protest leaders as foreign agents.", "disparaged", "ACCUSE"),
        ("The arrests sparked an outcry from rights groups.", "outcry", "ACCUSE"),
        # docs/annotation.md: appealing (here challenging) a ruling is REJECT
        ("The party challenged the ruling in the supreme court.", "challenged", "REJECT"),
        # an appeal to a court or of a case is legal: it rejects the ruling; a plea of innocence
        # denies the charge, a guilty plea admits it (manual CONCEDE: "admit")
        ("His lawyers have an appeal of the case pending before the supreme court.", "appeal", "REJECT"),
        ("They await a federal court appeal by the boy's relatives.", "appeal", "REJECT"),
        ("The developers appealed to the municipal board.", "appealed", "REJECT"),
        ("The mayor issued an appeal for calm.", "appeal", "REQUEST"),
        ("She entered a not guilty plea to the charges.", "plea", "REJECT"),
        ("He entered a guilty plea on Monday.", "plea", "CONCEDE"),
        ("She has pleaded innocent to the charges.", "pleaded", "REJECT"),
        # manual REQUEST: all requests
        ("GM sought U.S. antitrust clearance last week to purchase the shares.", "sought", "REQUEST"),
        # docs/annotation.md batch H: an agency's fines are SANCTION convict
        ("The firm has been the subject of regulatory investigations and fines.", "fines", "SANCTION"),
        ("Riot police responded with a volley of plastic bullets.", "volley", "ASSAULT"),
        ("The trawler had been commandeered hours earlier by pirates.", "commandeered", "ASSAULT"),
        # manual RETREAT: release of prisoners and hostages
        ("The rebels returned the hostages to the Red Cross on Sunday.", "returned", "RETREAT"),
        # docs/annotation.md: a court ruling against a party's suit is REJECT
        ("A federal judge dismissed the lawsuit on Friday.", "dismissed", "REJECT"),
        ("Prosecutors dismissed the charges against him.", "dismissed", "CONCEDE"),
        # manual ASSAULT: force against a vessel
        ("The Indian navy sank a pirate mother ship in the Gulf of Aden.", "sank", "ASSAULT"),
        # manual ASSAULT mode aerial: an air raid is a bombing; a police raid stays a search (COERCE)
        ("The U.S. air raid on the camp killed six fighters.", "raid", "ASSAULT"),
        ("The police raid on the house found two rifles.", "raid", "COERCE"),
        ("Two soldiers died in a gunbattle with rebels.", "gunbattle", "ASSAULT"),
        # manual SANCTION ambiguities: expelling an individual is COERCE
        ("The regime exiled the opposition leader to Siberia.", "exiled", "COERCE"),
        # manual REQUEST: all requests, demands and orders (docs/annotation.md batches U, AK)
        ("The committee subpoenaed the former adviser on Monday.", "subpoenaed", "REQUEST"),
        # manual REJECT: rebutting a party's claim ("countered that")
        ("The minister countered that the sanctions had failed.", "countered", "REJECT"),
        ("The ministry rebutted the report on Friday.", "rebutted", "REJECT"),
        # docs/annotation.md: claiming self-defence denies the charge (REJECT)
        ("The guard said he acted out of self defence.", "defence", "REJECT"),
        # manual COERCE (pro_autocracy context: coups)
        ("The general staged a coup against the elected president.", "coup", "COERCE"),
        # a judging word a naming verb applies: praise of the party (SUPPORT)
        ("The mayor called the firefighter a hero.", "hero", "SUPPORT"),
        # idioms of a light verb: an offer, criticism, a suit, a vote against
        ("The government stands ready to help its neighbours.", "stands", "AGREE"),
        ("The senators took aim at the agency chief on Thursday.", "took", "ACCUSE"),
        ("The relatives have gone to court to keep the boy.", "gone", "ACCUSE"),
        ("Four council members voted no on the motion.", "voted", "REJECT"),
        # manual COOPERATE: sharing of intelligence and other significant information
        ("The agent began to provide tips to the reporter.", "provide", "COOPERATE"),
        ("The general said he received information from the rebels.", "received", "COOPERATE"),
        # manual SUPPORT: finalize an agreement
        ("The firm struck a deal with the government to restart the search.", "struck", "SUPPORT"),
    ],
)
def test_recall_senses_code_the_kind(senses, text, word, event_type):
    assert (word, event_type) in senses(text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The speech drew a volley of criticism from the press.", "volley"),
        ("He challenged his rival to a debate.", "challenged"),
        ("The soldiers returned to their barracks.", "returned"),
        ("The ferry sank off the coast on Friday.", "sank"),
        ("The film tells the story of a war hero.", "hero"),
        ("The soldiers stand guard at the gate.", "stand"),
        ("They have gone to the beach.", "gone"),
        ("The victim gave evidence at the crown court on Monday.", "gave"),
    ],
)
def test_recall_senses_keep_other_uses_out(senses, text, word):
    assert all(w != word for w, _ in senses(text))


@pytest.mark.parametrize(
    ("text", "trigger", "sector"),
    [
        ("The district attorney charged the man with murder on Monday.", "charged", "JUD"),
        ("U.S. government lawyers have moved to dismiss the relatives' lawsuit.", "dismiss", "GOV"),
    ],
)
def test_recall_attorneys_of_the_state_are_no_private_lawyers(code, text, trigger, sector):
    events = [e for e in code(text) if e.trigger.text.startswith(trigger)]
    assert events and all([a.sector for a in e.actor] == [sector] for e in events)
    assert all(e.off_topic is None for e in events)
