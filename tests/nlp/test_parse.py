from newsevents.nlp import load_pipeline
from newsevents.nlp.components.paragraphs import MAX_RUN


def test_parse_blank_line_starts_a_sentence():
    nlp = load_pipeline()
    doc = nlp("MAYORAL ELECTIONS\n\nLast month, voters boycotted the elections.")
    starts = [s.text.strip() for s in doc.sents]
    assert starts[0] == "MAYORAL ELECTIONS"
    assert starts[1].startswith("Last month")


def test_parse_run_without_stops_is_cut_into_bounded_sentences():
    nlp = load_pipeline()
    doc = nlp("he said " * 500)
    assert max(len(s) for s in doc.sents) <= MAX_RUN
    assert len(list(doc.sents)) >= 1000 // MAX_RUN


def test_parse_long_sentence_with_its_stop_is_not_cut():
    nlp = load_pipeline()
    towns = ", ".join(f"Town{i}" for i in range(70))  # 139 tokens, no stop inside
    doc = nlp(f"Rebels attacked {towns} and the capital on Monday. Police fled.")
    assert [s.text.split()[0] for s in doc.sents] == ["Rebels", "Police"]


def test_parse_abbreviation_stop_before_a_small_letter_or_digit_ends_no_sentence():
    nlp = load_pipeline()
    doc = nlp("Officers shot him just before 11 : 30 p . m . on Saturday after he ran .\n"
              "In a statement released Nov . 10 , the White House urged restraint .")
    assert [s.text.split()[0] for s in doc.sents] == ["Officers", "In"]
    assert "Nov . 10" in [e.text for e in doc.ents if e.label_ == "DATE"]


def test_parse_stop_before_a_capital_still_ends_a_sentence():
    nlp = load_pipeline()
    doc = nlp("Police arrested two men on Monday. Protesters marched on Tuesday.")
    assert [s.text.split()[0] for s in doc.sents] == ["Police", "Protesters"]


def test_parse_clause_before_a_semicolon_is_no_complement_of_the_verb_after_it():
    nlp = load_pipeline()
    doc = nlp("The man was arrested; he was charged with burglary.")
    arrested = next(t for t in doc if t.text == "arrested")
    assert arrested.dep_ == "parataxis" and arrested.head.text == "charged"


def test_parse_reported_clause_keeps_its_complement_label():
    nlp = load_pipeline()
    doc = nlp("Police said the man was arrested on Monday.")
    assert next(t for t in doc if t.text == "arrested").dep_ == "ccomp"


def test_parse_an_ordinal_of_a_month_is_one_date():
    nlp = load_pipeline()
    doc = nlp("Protesters marched on the 5th of May 2010 in Athens. He finished 5th of 20 runners in May.")
    dates = [e.text for e in doc.ents if e.label_ == "DATE"]
    assert "the 5th of May 2010" in dates
    assert not any("20 runners" in d for d in dates)


def test_parse_a_month_abbreviation_with_its_period_set_apart_is_one_date():
    """Tokenized text writes "Jan . 6 , 2009": the model tags "Jan ." alone, or the day apart."""
    nlp = load_pipeline()
    doc = nlp("He was arrested on Jan . 6 , five days before the game. She was released on Oct . 23 , 1999.")
    dates = [e.text for e in doc.ents if e.label_ == "DATE"]
    assert "Jan . 6" in dates and "Oct . 23 , 1999" in dates
    plain = nlp("The Jan. 6 hearing and a Dec 5 vote were planned.")
    assert not any(e.text.startswith("Jan .") for e in plain.ents)


def test_parse_a_name_ends_before_its_possessive():
    """The model takes "'s" into a name in tokenized text; a decade keeps it ("the mid 1930's")."""
    nlp = load_pipeline()
    doc = nlp("Sarah Palin 's home church burned in the mid 1930 's .")
    names = [e.text for e in doc.ents if e.label_ == "PERSON"]
    assert names == ["Sarah Palin"]
