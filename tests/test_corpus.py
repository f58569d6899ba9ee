"""Loading articles: every input kind, the bundled article, the Wikinews folder, and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from analysis import config, frames
from analysis.corpus import WORD, Corpus, CorpusError, count_words, load

FIXTURE = Path(__file__).parent / "fixtures" / "seed-article.txt"
WIKINEWS = config.SHARED_DIR / "corpus" / "wikinews"

BODY = "Kyiv said on Tuesday it was ready.\n\nMoscow's officials didn't agree.\n"


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_bytes(content.encode("utf-8"))
    return path


def front_matter(body: str = BODY, **fields: str) -> str:
    lines = "".join(f"{key}: {value}\n" for key, value in fields.items())
    return f"---\n{lines}---\n{body}"


def only_article(corpus: Corpus) -> pd.Series:
    assert corpus.errors.empty, corpus.errors.to_dict("records")
    assert len(corpus.articles) == 1
    return corpus.articles.iloc[0]


def the_error(corpus_or_error: Corpus | CorpusError) -> str:
    if isinstance(corpus_or_error, CorpusError):
        return str(corpus_or_error)
    assert len(corpus_or_error.errors) == 1
    row = corpus_or_error.errors.iloc[0]
    return f"{row.path}: {row.error}"


# --- the frames -------------------------------------------------------------------------------


def test_frames_follow_their_schemas(tmp_path):
    good = write(tmp_path / "good.txt", BODY)
    corpus = load(good, tmp_path / "missing.txt")
    for name, frame in (("articles", corpus.articles), ("errors", corpus.errors)):
        expected = {column: dtype for column, (dtype, _) in frames.SCHEMAS[name].items()}
        assert {column: str(dtype) for column, dtype in frame.dtypes.items()} == expected


def test_count_words_keeps_apostrophes_and_hyphens_inside_words():
    text = "Moscow's Russian-held town didn’t fall — 10 months_on, -ok- 'x'."
    words = ["Moscow's", "Russian-held", "town", "didn’t", "fall", "10", "months", "on", "ok", "x"]
    assert WORD.findall(text) == words
    assert count_words(text) == len(words)
    assert count_words("  -- ' _ ") == 0


def test_n_words_counts_the_article_text(tmp_path):
    article = only_article(load(write(tmp_path / "a.txt", BODY)))
    assert article.n_words == len(BODY.split()) == 11


# --- the bundled article and the shared corpus ------------------------------------------------


def test_bundled_article_text_is_the_fixture_byte_for_byte():
    article = only_article(load(config.BUNDLED_ARTICLE))
    assert article.text == FIXTURE.read_bytes().decode("utf-8")
    assert article.article_id == "reuters-2022-12-20-putin-extremely-difficult"
    assert article.title == (
        "Putin says situation in annexed Ukrainian regions 'extremely difficult'"
    )
    assert (article.source, article.published) == ("Reuters", "2022-12-20")
    assert pd.isna(article.url)


def test_wikinews_folder_loads_every_article_with_its_front_matter():
    if not WIKINEWS.is_dir():
        pytest.skip(f"{WIKINEWS} is absent (it is not part of a fresh clone)")
    files = sorted(WIKINEWS.glob("*.md"))
    corpus = load(WIKINEWS)
    assert corpus.errors.empty, corpus.errors.to_dict("records")
    assert len(corpus.articles) == len(files) == 60
    assert corpus.articles.article_id.is_unique
    assert (corpus.articles.source == "Wikinews").all()
    assert corpus.articles.title.notna().all()
    assert corpus.articles.published.str.fullmatch(r"\d{4}-\d{2}-\d{2}").all()
    first = corpus.articles.iloc[0]
    assert first.path == str(files[0])
    assert first.text.startswith("An apartment building collapsed on Monday in Magnitogorsk")
    assert first.title == "Magnitogorsk apartment building collapses after explosion, dozens dead"


# --- text files -------------------------------------------------------------------------------


def test_txt_without_front_matter_uses_the_file_stem(tmp_path):
    path = write(tmp_path / "kyiv-note.txt", BODY)
    article = only_article(load(str(path)))
    assert article.article_id == "kyiv-note"
    assert article.text == BODY
    assert article.path == str(path)
    assert article[["title", "source", "published", "url"]].isna().all()


def test_md_front_matter_gives_id_and_metadata_and_the_body_starts_after_the_delimiter(tmp_path):
    content = front_matter(
        id="kyiv-2022",
        title='"Kyiv: ready"',
        source="Reuters",
        published="2022-12-20",
        url="https://example.org/kyiv",
        language="en",
    )
    article = only_article(load(write(tmp_path / "note.md", content)))
    assert article.article_id == "kyiv-2022"
    assert article.title == "Kyiv: ready"
    assert article.source == "Reuters"
    assert article.published == "2022-12-20"  # an unquoted YAML date, given back as ISO 8601
    assert article.url == "https://example.org/kyiv"
    assert article.text == BODY


def test_front_matter_without_id_falls_back_to_the_stem(tmp_path):
    article = only_article(load(write(tmp_path / "stem.md", front_matter(title="T"))))
    assert (article.article_id, article.title) == ("stem", "T")


def test_text_is_kept_verbatim_without_stripping(tmp_path):
    body = "\n  Leading blank line and trailing spaces.  \n\n"
    article = only_article(load(write(tmp_path / "raw.md", front_matter(body, id="raw"))))
    assert article.text == body


def test_windows_line_endings_in_front_matter_and_body(tmp_path):
    body = "Line one.\r\n\r\nLine two.\r\n"
    path = write(tmp_path / "crlf.md", f"---\r\nid: crlf\r\ntitle: T\r\n---\r\n{body}")
    article = only_article(load(path))
    assert (article.article_id, article.title, article.text) == ("crlf", "T", body)


def test_utf8_byte_order_mark_is_dropped(tmp_path):
    path = write(tmp_path / "bom.md", b"\xef\xbb\xbf" + front_matter(id="bom").encode("utf-8"))
    article = only_article(load(path))
    assert (article.article_id, article.text) == ("bom", BODY)


# --- folders and mixtures ---------------------------------------------------------------------


def test_folder_reads_txt_and_md_recursively_in_sorted_order_and_ignores_other_files(tmp_path):
    write(tmp_path / "b.txt", "Second article.")
    write(tmp_path / "a.md", front_matter("First article.", id="first"))
    write(tmp_path / "sub" / "c.TXT", "Third article, in a subfolder.")
    write(tmp_path / "notes.csv", "text\nnot read from a folder\n")
    write(tmp_path / "image.png", b"\x89PNG\r\n\x1a\n\0\0")
    write(tmp_path / ".ipynb_checkpoints" / "a-checkpoint.md", "hidden copy")
    corpus = load(tmp_path)
    assert corpus.errors.empty
    assert list(corpus.articles.article_id) == ["first", "b", "c"]
    assert list(corpus.articles.path) == [
        str(tmp_path / "a.md"),
        str(tmp_path / "b.txt"),
        str(tmp_path / "sub" / "c.TXT"),
    ]


def test_mixed_list_of_file_folder_table_and_dataframe(tmp_path):
    single = write(tmp_path / "single.txt", "A single file.")
    folder = tmp_path / "folder"
    write(folder / "in-folder.md", "In a folder.")
    table = write(tmp_path / "table.csv", "id,text\nrow-a,From a table.\n")
    frame = pd.DataFrame({"text": ["From a DataFrame."]})
    corpus = load([single, str(folder)], table, frame)
    assert corpus.errors.empty
    assert list(corpus.articles.article_id) == ["single", "in-folder", "row-a", "dataframe-1"]
    assert list(corpus.articles.text) == [
        "A single file.",
        "In a folder.",
        "From a table.",
        "From a DataFrame.",
    ]


def test_multi_file_corpus_with_one_broken_file_keeps_the_good_ones(tmp_path):
    write(tmp_path / "a.txt", "Good article one.")
    broken = write(tmp_path / "b.txt", b"Bad \x93quotes\x94 here")
    write(tmp_path / "c.md", front_matter("Good article two.", id="c"))
    corpus = load(tmp_path)
    assert list(corpus.articles.article_id) == ["a", "c"]
    assert list(corpus.errors.path) == [str(broken)]
    assert "UTF-8" in corpus.errors.error[0]


def test_duplicate_ids_keep_the_first_and_report_the_rest(tmp_path):
    first = write(tmp_path / "one" / "same.txt", "First copy.")
    second = write(tmp_path / "two" / "same.txt", "Second copy.")
    corpus = load(first, second)
    assert list(corpus.articles.text) == ["First copy."]
    message = the_error(corpus)
    assert message.startswith(str(second))
    assert "'same'" in message and str(first) in message and "unique id" in message


def test_strict_raises_on_the_first_failure(tmp_path):
    good = write(tmp_path / "good.txt", "Fine.")
    empty = write(tmp_path / "empty.txt", b"")
    with pytest.raises(CorpusError, match="empty.txt"):
        load(good, empty, tmp_path / "missing.txt", strict=True)
    assert len(load(good, empty).articles) == 1


def test_nothing_loaded_raises_listing_every_failure(tmp_path):
    empty = write(tmp_path / "empty.txt", b"")
    with pytest.raises(CorpusError) as raised:
        load(empty, tmp_path / "missing.md")
    message = str(raised.value)
    assert "2 failed" in message
    assert str(empty) in message and str(tmp_path / "missing.md") in message


def test_no_inputs_is_an_error():
    with pytest.raises(CorpusError, match="without inputs"):
        load()


# --- tables -----------------------------------------------------------------------------------


def test_csv_with_metadata_columns_and_row_paths(tmp_path):
    path = write(
        tmp_path / "news.csv",
        "doc_id,title,source,published,url,text\n"
        'k1,"Kyiv, ready",Reuters,2022-12-20,https://e.org/1,"Line one.\n\nLine two."\n'
        ",,,,,Second row has no id.\n",
    )
    corpus = load(path)
    assert corpus.errors.empty
    first, second = corpus.articles.iloc[0], corpus.articles.iloc[1]
    assert (first.article_id, first.title, first.source) == ("k1", "Kyiv, ready", "Reuters")
    assert (first.published, first.url) == ("2022-12-20", "https://e.org/1")
    assert first.text == "Line one.\n\nLine two."
    assert first.path == f"{path}#row 1"
    assert second.article_id == "news-2"
    assert second.path == f"{path}#row 2"
    assert second[["title", "source", "published", "url"]].isna().all()


def test_csv_with_configured_column_names(tmp_path):
    path = write(tmp_path / "t.csv", "key,headline,body\nx7,Hello,The body text.\n")
    article = only_article(load(path, text_column="body", id_column="key", title_column="headline"))
    assert (article.article_id, article.title, article.text) == ("x7", "Hello", "The body text.")


def test_jsonl_rows_are_line_numbers_and_doc_id_is_the_id(tmp_path):
    lines = [
        json.dumps({"doc_id": "d1", "text": "First document.", "source": "Wire"}),
        "",
        json.dumps({"text": "Third line, no id."}),
    ]
    path = write(tmp_path / "docs.jsonl", "\n".join(lines) + "\n")
    corpus = load(path)
    assert corpus.errors.empty
    assert list(corpus.articles.article_id) == ["d1", "docs-3"]
    assert list(corpus.articles.path) == [f"{path}#row 1", f"{path}#row 3"]
    assert corpus.articles.source[0] == "Wire"
    assert pd.isna(corpus.articles.source[1])


def test_parquet_table(tmp_path):
    path = tmp_path / "arts.parquet"
    pd.DataFrame(
        {
            "article_id": ["p1", "p2"],
            "text": ["Parquet one.", "Parquet two words."],
            "published": pd.to_datetime(["2022-12-20", "2023-01-02"]),
        }
    ).to_parquet(path)
    corpus = load(path)
    assert corpus.errors.empty
    assert list(corpus.articles.article_id) == ["p1", "p2"]
    assert list(corpus.articles.published) == ["2022-12-20", "2023-01-02"]
    assert list(corpus.articles.n_words) == [2, 3]
    assert corpus.articles.path[1] == f"{path}#row 2"


def test_dataframe_input(tmp_path):
    frame = pd.DataFrame({"id": ["f1", "f2"], "text": ["One.", "Two."], "title": ["T1", None]})
    corpus = load(frame)
    assert list(corpus.articles.article_id) == ["f1", "f2"]
    assert list(corpus.articles.path) == ["<dataframe>#row 1", "<dataframe>#row 2"]
    assert corpus.articles.title[0] == "T1" and pd.isna(corpus.articles.title[1])


def test_two_dataframes_without_ids_get_distinct_ids():
    corpus = load(pd.DataFrame({"text": ["A."]}), pd.DataFrame({"text": ["B."]}))
    assert corpus.errors.empty
    assert list(corpus.articles.article_id) == ["dataframe-1", "dataframe2-1"]


# --- bad input: each message names the file (and row), the problem, and what to do ------------


def load_alone(path: Path) -> str:
    """The message of the CorpusError raised when ``path`` is the only input."""
    with pytest.raises(CorpusError) as raised:
        load(path)
    message = str(raised.value)
    assert str(path) in message
    return message


def test_missing_path(tmp_path):
    message = load_alone(tmp_path / "nowhere.txt")
    assert "no such file or folder" in message and "check the path" in message


def test_empty_file(tmp_path):
    message = load_alone(write(tmp_path / "empty.txt", b""))
    assert "empty (0 bytes)" in message


def test_whitespace_only_file(tmp_path):
    message = load_alone(write(tmp_path / "blank.md", " \n\t\n"))
    assert "empty (only whitespace)" in message


def test_front_matter_without_body(tmp_path):
    message = load_alone(write(tmp_path / "head.md", front_matter("\n", id="x")))
    assert "nothing after the front matter" in message


def test_binary_file(tmp_path):
    message = load_alone(write(tmp_path / "scan.txt", b"%PDF-1.4\n\0\0\x01binary"))
    assert "NUL byte at byte offset 9" in message and "binary" in message


def test_cp1252_quotes_are_reported_not_decoded(tmp_path):
    content = b"First line.\nHe said \x93hello\x94."
    message = load_alone(write(tmp_path / "cp1252.txt", content))
    offset = content.index(b"\x93")
    assert f"byte 0x93 at byte offset {offset} (line 2)" in message
    assert "re-save it as UTF-8" in message


def test_unknown_extension(tmp_path):
    message = load_alone(write(tmp_path / "article.docx", "Looks like text."))
    assert "unknown file type '.docx'" in message and ".txt" in message


def test_malformed_yaml_front_matter(tmp_path):
    content = "---\nid: x\ntitle: T\nsource: [unclosed\n---\nBody.\n"
    message = load_alone(write(tmp_path / "bad.md", content))
    assert "malformed YAML front matter (while parsing a flow sequence on line 4" in message


def test_front_matter_that_is_not_a_mapping(tmp_path):
    message = load_alone(write(tmp_path / "list.md", "---\n- a\n- b\n---\nBody.\n"))
    assert "key: value" in message


def test_unclosed_front_matter(tmp_path):
    message = load_alone(write(tmp_path / "open.md", "---\ntitle: T\nBody without a close.\n"))
    assert "never closed" in message


def test_csv_without_the_text_column_names_its_columns(tmp_path):
    message = load_alone(write(tmp_path / "t.csv", "id,body\n1,Some text.\n"))
    assert "has no column 'text'" in message and "'id', 'body'" in message
    assert "text_column=" in message


def test_default_columns_are_optional_but_a_named_column_must_exist(tmp_path):
    path = write(tmp_path / "t.csv", "text\nBody.\n")
    assert only_article(load(path)).text == "Body."
    with pytest.raises(CorpusError, match=r"t\.csv: has no column 'headline'"):
        load(path, title_column="headline")


def test_empty_text_cell_is_reported_by_row_and_the_other_rows_load(tmp_path):
    path = write(tmp_path / "t.csv", "id,text\na,Fine.\nb,\nc,  \nd,Also fine.\n")
    corpus = load(path)
    assert list(corpus.articles.article_id) == ["a", "d"]
    assert list(corpus.errors.path) == [f"{path}#row 2", f"{path}#row 3"]
    assert corpus.errors.error.str.contains("'text' cell is empty").all()


def test_jsonl_text_that_is_not_a_string(tmp_path):
    path = write(tmp_path / "d.jsonl", '{"text": "ok"}\n{"text": 42}\n')
    corpus = load(path)
    assert the_error(corpus) == (
        f"{path}#row 2: the 'text' cell holds 42 (int), not text; "
        "fill in the article text or delete the row."
    )


def test_malformed_jsonl_line_is_reported_and_the_other_lines_load(tmp_path):
    path = write(tmp_path / "d.jsonl", '{"text": "ok"}\n{"text": "cut off\n["a list"]\n')
    corpus = load(path)
    assert list(corpus.articles.text) == ["ok"]
    assert list(corpus.errors.path) == [f"{path}#row 2", f"{path}#row 3"]
    assert "malformed JSON" in corpus.errors.error[0]
    assert "JSON object" in corpus.errors.error[1]


def test_jsonl_of_only_malformed_lines_raises_naming_the_line(tmp_path):
    path = write(tmp_path / "d.jsonl", "not json\n")
    assert f"{path}#row 1: malformed JSON" in load_alone(path)


def test_non_utf8_csv_is_reported_like_a_text_file(tmp_path):
    message = load_alone(write(tmp_path / "t.csv", b"text\n\x93quoted\x94\n"))
    assert "byte 0x93 at byte offset 5 (line 2)" in message


def test_table_with_header_only(tmp_path):
    assert "has no rows" in load_alone(write(tmp_path / "t.csv", "id,text\n"))


def test_unreadable_parquet(tmp_path):
    message = load_alone(write(tmp_path / "t.parquet", "not parquet at all"))
    assert "not a readable Parquet file" in message


def test_folder_without_text_files(tmp_path):
    write(tmp_path / "only.csv", "text\nx\n")
    assert "no .txt or .md files" in load_alone(tmp_path)
