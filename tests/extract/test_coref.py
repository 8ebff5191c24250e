"""Coreference within an article (extract/coref.py), on sentences written for these tests."""

import pytest


@pytest.mark.parametrize(
    ("text", "trigger", "country"),
    [
        ("Ghanaian President Kofi Mensah flew to Lome on Monday. He met the Togolese leader there.",
         "met", "GHA"),
        ("The Peruvian interior ministry rejected the report. The ministry later accused Chile of spying.",
         "accused", "PER"),
        ("Egypt closed the crossing on Sunday. On Monday it reopened talks with Israel.", "talks", "EGY"),
        # a body's name that is only its sector's word, as house styles capitalise it
        ("The Indian Navy captured 23 pirates on Saturday. The Navy accused the pirates of piracy.",
         "accused", "IND"),
        # a spokesman of a body named before
        ("The Indian Navy captured 23 pirates on Saturday. The Navy spokesman accused the pirates of piracy.",
         "accused", "IND"),
    ],
)
def test_coref_pronoun_and_description_take_the_antecedent_country(event_on, text, trigger, country):
    # the first actor is the mention resolved ("He met the Togolese leader": both sides meet)
    assert event_on(text, trigger).actor[0].country == country


@pytest.mark.parametrize(("text", "trigger"), [
    ("Greece agreed a bailout with the European Union on Sunday. The unions called a strike on Monday.",
     "called"),
    ("Russia expelled two British diplomats on Monday. Other countries criticized the move.", "criticized"),
])
def test_coref_a_plural_description_is_not_one_body_named_before(event_on, text, trigger):
    """ "The unions" are not the European Union, "other countries" not Russia ("the union", "the
    country" would be)."""
    assert not {a.country for a in event_on(text, trigger).actor} & {"IGO", "RUS"}


def test_coref_first_person_in_a_quotation_is_the_speaker(event_on):
    text = '"We attacked the depot last night," the Armenian defence minister said.'
    assert event_on(text, "attacked").actor[0].country == "ARM"


def test_coref_unresolved_pronoun_is_not_published(event_on):
    event = event_on("They attacked the convoy near the border.", "attacked")
    assert event.actor[0].country is None and event.confidence < 0.5


def test_coref_pronoun_in_a_fronted_clause_means_the_main_subject(event_on):
    event = event_on("By recalling its ambassador, Poland protested the decision.", "protested")
    assert [r.country for r in event.recipient] == ["POL"]


def test_coref_victims_of_a_participle_are_not_actors(event_on):
    event = event_on("The 30 villagers killed in the raid were buried on Friday.", "killed")
    assert not event.actor and "villagers" in event.recipient[0].text


def test_coref_a_bare_government_belongs_to_the_country_the_article_names_most(code):
    text = ("Kenya closed its border on Monday. Trade across the border of Kenya stopped. "
            "The government arrested twelve traders at the crossing.")
    event = next(e for e in code(text) if e.trigger.text == "arrested")
    assert [a.country for a in event.actor] == ["KEN"]


def test_coref_demonstratives_are_bare_pronouns():
    from newsevents.extract.coref import is_bare_pronoun
    from newsevents.records import Actor

    assert is_bare_pronoun(Actor(text="those", span=(0, 5)))
    assert not is_bare_pronoun(Actor(text="those", span=(0, 5), country="KEN"))


def test_coref_a_description_reads_its_earlier_mentions_without_going_back_to_the_parse(pipeline):
    """A bare description is compared with up to 200 earlier mentions: what the comparison reads
    is kept per mention and each sentence is ranked once, so the work of a comparison grows with
    the sentences read, not the mentions (a long article of many mentions cost seconds)."""
    import sys

    from newsevents.extract.actors import ActorResolver
    from newsevents.records import Actor

    text = "The soldiers and the rebels attacked the police and the officials. " * 60 + "The ministry left."
    doc = pipeline.nlp(text)
    resolver = ActorResolver(pipeline.ontology, doc, text=text)
    head = next(t for t in doc if t.lower_ == "ministry")
    compared = resolver.coref._before(head.i, 40, 200)
    assert len(compared) >= 120 and head.lemma_ not in {m.token.lemma_ for m in compared}
    actor = Actor(text="The ministry", span=(head.idx, head.idx + len(head.text)))
    assert resolver.coref.description(head, actor, resolver.actor) is None  # no earlier ministry
    calls = 0

    def count(frame, event, arg):
        nonlocal calls
        calls += event == "call"

    sys.setprofile(count)
    try:
        resolver.coref.description(head, actor, resolver.actor)
    finally:
        sys.setprofile(None)
    assert calls < len(compared) // 2


@pytest.mark.parametrize(
    "text",
    [
        "Britain and the US expelled diplomats on Monday. It will also talk with Moscow about sanctions.",
        "On Monday Britain sent a note, and France recalled its envoy. It will also talk with Moscow.",
    ],
)
def test_coref_an_it_with_two_states_as_near_stays_unresolved(event_on, text):
    event = event_on(text, "talk")
    assert event.actor[0].country is None and not event.is_published()


def test_coref_an_it_with_one_state_as_subject_takes_it(event_on):
    text = "China criticized Japan on Monday. It also threatened to impose sanctions."
    event = event_on(text, "threatened")
    assert [a.country for a in event.actor] == ["CHN"]



@pytest.mark.parametrize(
    ("text", "trigger", "country"),
    [
        # the tagger calls "Cllr Nolan" an organisation: the title says it is a person
        ("The county council in Sligo, Ireland met in Sligo on Monday. Afterwards Cllr Nolan said "
         "that builders wanted more land. He urged the council to sell the old depot.", "urged", "IRL"),
        # "chief" is a person's role but no sector word: still a mention "he" may mean
        ("Herders across Uganda and Uganda's farmers marched on Friday. Afterwards the chief stayed "
         "silent for a week. He later accused the herders of theft.", "accused", "UGA"),
    ],
)
def test_coref_he_means_a_titled_name_or_a_person_role(event_on, text, trigger, country):
    assert [a.country for a in event_on(text, trigger).actor] == [country]


def test_coref_possessive_pronoun_means_its_clause_s_subject(event_on):
    # the Council is the sentence's main subject and of another country: without the clause's
    # subject, "its" would have a rival and stay unresolved
    text = "The Security Council met on Saturday after Israel expanded its air strikes on Gaza."
    [actor] = event_on(text, "air strikes").actor
    assert actor.text == "its" and actor.country == "ISR"



def test_coref_a_subject_pronoun_continues_the_subject_pronoun_before_it(event_on):
    # "He ... He ...": the second he is the first one's man, not the deputy named between them
    text = ("Nichols escaped on Friday as he was being escorted to a trial. He beat a deputy guarding "
            "him and stole her gun. He burst into the courtroom and shot and killed a judge.")
    event = event_on(text, "killed")
    assert event.actor[0].name == "Nichols" and event.off_topic == "private act"
