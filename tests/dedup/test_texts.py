from newsevents.dedup.texts import CueWeights, article_terms, load_cue_weights


def test_names_and_numbers_count_as_the_weights_say():
    text = "Floods in the valley left 12 dead, officials in Murcia said; 12 more were missing."
    counts = article_terms(text, CueWeights(name=3, number=2))
    assert counts["murcia"] == 3  # once as a word, twice more as a name
    assert counts["#12"] == 4  # two occurrences, each counted twice
    assert counts["floods"] == 1  # a capitalised first word is not a name
    plain = article_terms(text, CueWeights(name=1, number=1))
    assert plain["murcia"] == 1 and plain["#12"] == 2


def test_cue_weights_come_from_the_dedup_settings(tmp_path):
    path = tmp_path / "dedup.yaml"
    path.write_text("# cues\ntexts:\n  name: 4\n  number: 1\n", encoding="utf-8")
    assert load_cue_weights(path) == CueWeights(name=4, number=1)
