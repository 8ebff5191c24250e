from newsevents.nlp import load_pipeline


def test_parse_blank_line_starts_a_sentence():
    nlp = load_pipeline()
    doc = nlp("MAYORAL ELECTIONS\n\nLast month, voters boycotted the elections.")
    starts = [s.text.strip() for s in doc.sents]
    assert starts[0] == "MAYORAL ELECTIONS"
    assert starts[1].startswith("Last month")
