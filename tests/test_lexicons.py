"""The commented CSV tables of data/: one reader, errors naming file and line, matchers once."""

import pytest

from analysis import config, lexicons, nlp


def test_lexicons_skip_leading_comments_and_name_the_file_on_error(tmp_path, monkeypatch):
    (tmp_path / "probe.csv").write_text("# a comment\n# another\npattern,side\nwar , \n")
    monkeypatch.setattr(config, "LEXICONS_DIR", tmp_path)
    assert lexicons.lexicon.__wrapped__("probe.csv", "pattern") == ({"pattern": "war", "side": ""},)
    (tmp_path / "empty.csv").write_text("# only comments\n")
    with pytest.raises(lexicons.LexiconError, match="empty.csv"):
        lexicons.lexicon.__wrapped__("empty.csv", "pattern")
    (tmp_path / "short.csv").write_text("# comment\npattern,side\nwar,x\npeace,x,y\n")
    with pytest.raises(lexicons.LexiconError, match="short.csv, line 4: expected 2 fields"):
        lexicons.lexicon.__wrapped__("short.csv", "pattern")
    with pytest.raises(lexicons.LexiconError, match=r"probe.csv, line 3: header lacks .*'stance'"):
        lexicons.lexicon.__wrapped__("probe.csv", "pattern", "stance")


def test_words_is_one_column_as_a_set_read_once(tmp_path, monkeypatch):
    (tmp_path / "probe.csv").write_text("# a comment\nlemma,class\npoll , x\nsurvey,y\npoll,z\n")
    monkeypatch.setattr(config, "LEXICONS_DIR", tmp_path)
    lexicons.lexicon.cache_clear()
    lexicons.words.cache_clear()
    try:
        assert lexicons.words("probe.csv", "lemma") == frozenset({"poll", "survey"})
        assert lexicons.words("probe.csv", "lemma") is lexicons.words("probe.csv", "lemma")
    finally:
        lexicons.lexicon.cache_clear()
        lexicons.words.cache_clear()


def test_every_shipped_lexicon_reads_cleanly():
    for path in sorted(config.LEXICONS_DIR.glob("*.csv")):
        header = next(line for line in path.read_text().splitlines() if not line.startswith("#"))
        rows = lexicons.read_rows(path, header.split(","))
        assert rows, path.name
        assert all(all(value == value.strip() for value in row.values()) for _line, row in rows)


def test_phrase_spans_match_longest_first_with_one_matcher_per_vocab():
    doc = nlp.parse(["The special military operation is a war, a military operation."])[0]
    patterns = ("military operation", "special military operation", "war")
    spans = lexicons.phrase_spans(doc, patterns)
    assert [(s.text, s.label_) for s in spans] == [
        ("special military operation", "special military operation"),
        ("war", "war"),
        ("military operation", "military operation"),
    ]
    before = lexicons._phrase_matcher.cache_info().hits
    lexicons.phrase_spans(doc, patterns)
    assert lexicons._phrase_matcher.cache_info().hits == before + 1
