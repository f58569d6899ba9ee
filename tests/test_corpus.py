"""Loading articles: every input kind, the bundled article, the Wikinews folder, and bad input."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd
import pytest

from analysis import config, frames, nlp
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
    assert (article.source, article.published_text) == ("Reuters", "2022-12-20")
    assert article.published == pd.Timestamp("2022-12-20")
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
    assert corpus.articles.published_text.str.fullmatch(r"\d{4}-\d{2}-\d{2}").all()
    parsed = pd.to_datetime(corpus.articles.published_text, format="%Y-%m-%d")
    assert (corpus.articles.published == parsed).all()
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
    assert article.published == pd.Timestamp("2022-12-20")
    assert article.published_text == "2022-12-20"  # an unquoted YAML date, given back as ISO
    assert article.language == "en"  # another key: an extra column
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
    assert (first.published, first.url) == (pd.Timestamp("2022-12-20"), "https://e.org/1")
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
    assert list(corpus.articles.published) == list(pd.to_datetime(["2022-12-20", "2023-01-02"]))
    assert list(corpus.articles.published_text) == ["2022-12-20", "2023-01-02"]
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


# --- issue 13: what a folder may hold, line breaks, bad rows, surrogates ----------------------


def test_folder_lists_a_dangling_symlink_and_loads_the_rest(tmp_path):
    write(tmp_path / "good.txt", "A good article.")
    dangling = tmp_path / "gone.txt"
    dangling.symlink_to(tmp_path / "deleted.txt")
    corpus = load(tmp_path)
    assert list(corpus.articles.article_id) == ["good"]
    assert the_error(corpus).startswith(f"{dangling}: is a symbolic link to ")
    assert "which does not exist" in the_error(corpus)


def test_folder_lists_symlink_loops_and_loads_the_rest(tmp_path):
    write(tmp_path / "sub" / "good.txt", "A good article.")
    (tmp_path / "self.md").symlink_to(tmp_path / "self.md")
    (tmp_path / "sub" / "up").symlink_to(tmp_path)  # a folder link back to an ancestor
    corpus = load(tmp_path)
    assert list(corpus.articles.article_id) == ["good"]
    problems = dict(zip(corpus.errors.path, corpus.errors.error, strict=True))
    assert set(problems) == {str(tmp_path / "self.md"), str(tmp_path / "sub" / "up")}
    assert "symbolic link loop" in problems[str(tmp_path / "self.md")]
    assert "folder that contains it" in problems[str(tmp_path / "sub" / "up")]


def test_symlinks_to_a_file_and_to_a_sibling_folder_are_followed(tmp_path):
    write(tmp_path / "real" / "a.txt", "An article.")
    (tmp_path / "link.txt").symlink_to(tmp_path / "real" / "a.txt")
    corpus = load(tmp_path / "link.txt")
    assert list(corpus.articles.text) == ["An article."]


def test_folder_lists_a_fifo_and_a_socket_without_opening_them(tmp_path):
    import socket

    write(tmp_path / "good.txt", "A good article.")
    os.mkfifo(tmp_path / "pipe.txt")  # opening it for reading would block the run
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(tmp_path / "sock"))
    try:
        corpus = load(tmp_path)
    finally:
        server.close()
    assert list(corpus.articles.article_id) == ["good"]
    problems = dict(zip(corpus.errors.path, corpus.errors.error, strict=True))
    assert problems[str(tmp_path / "pipe.txt")].startswith("is a named pipe (FIFO)")
    assert problems[str(tmp_path / "sock")].startswith("is a socket")


def test_a_fifo_given_by_name_is_reported_not_opened(tmp_path):
    os.mkfifo(tmp_path / "pipe.jsonl")
    assert "named pipe (FIFO), not a regular file" in load_alone(tmp_path / "pipe.jsonl")


def test_jsonl_line_separators_inside_strings_are_text_not_line_breaks(tmp_path):
    text = "First paragraph.\u2028Still the first line\u0085and this too."
    lines = [
        json.dumps({"id": "a", "text": text}, ensure_ascii=False),  # raw U+2028 / U+0085
        json.dumps({"id": "b", "text": "Second."}),
    ]
    path = write(tmp_path / "d.jsonl", "\r\n".join(lines) + "\r\n")  # Windows line ends too
    corpus = load(path)
    assert corpus.errors.empty, corpus.errors.to_dict("records")
    assert list(corpus.articles.text) == [text, "Second."]
    assert list(corpus.articles.path) == [f"{path}#row 1", f"{path}#row 2"]


def test_csv_row_with_extra_cells_is_an_error_naming_the_row(tmp_path):
    path = write(tmp_path / "t.csv", "id,text\na,Fine.\nb,Kyiv, Ukraine said no.\nc,Also fine.\n")
    corpus = load(path)
    assert list(corpus.articles.article_id) == ["a", "c"]
    assert list(corpus.articles.path) == [f"{path}#row 1", f"{path}#row 3"]
    assert the_error(corpus) == (
        f"{path}#row 2: has 3 cells but the header has 2 columns; put double quotes around "
        "cells that contain commas, or remove the extra cells."
    )


def test_csv_cell_longer_than_the_csv_module_default_limit(tmp_path):
    body = "word " * 40_000  # 200,000 characters, over csv's 131,072 default
    article = only_article(load(write(tmp_path / "t.csv", f'id,text\nlong,"{body}"\n')))
    assert article.text == body


def test_csv_short_row_leaves_the_missing_cells_empty(tmp_path):
    path = write(tmp_path / "t.csv", "text,title\nNo title cell.\n")
    article = only_article(load(path))
    assert article.text == "No title cell."
    assert pd.isna(article.title)


LONE_CR = "Kyiv said so.\r\rMoscow disagreed.\rA third line.\r"
AS_LF = "Kyiv said so.\n\nMoscow disagreed.\nA third line.\n"


def test_lone_carriage_returns_become_newlines_in_text_files(tmp_path):
    path = write(tmp_path / "mac.md", "---\rid: mac\rtitle: T\r---\r" + LONE_CR)
    article = only_article(load(path))
    assert (article.article_id, article.title, article.text) == ("mac", "T", AS_LF)
    assert nlp.paragraph_starts(article.text) == [0, AS_LF.index("Moscow")]


def test_lone_carriage_returns_become_newlines_in_tables_and_dataframes(tmp_path):
    jsonl = write(tmp_path / "d.jsonl", json.dumps({"id": "j", "text": LONE_CR}) + "\r")
    csv_file = write(tmp_path / "t.csv", f'id,text\rc,"{LONE_CR}"\r')
    corpus = load(jsonl, csv_file, pd.DataFrame({"id": ["f"], "text": [LONE_CR]}))
    assert corpus.errors.empty, corpus.errors.to_dict("records")
    assert list(corpus.articles.text) == [AS_LF] * 3


def test_windows_line_endings_are_kept(tmp_path):
    article = only_article(load(pd.DataFrame({"text": ["One.\r\n\r\nTwo.\r\n"]})))
    assert article.text == "One.\r\n\r\nTwo.\r\n"


def test_jsonl_lone_surrogate_is_an_error_row_and_the_other_rows_load(tmp_path):
    lines = ['{"id": "a", "text": "Fine."}', '{"id": "b", "text": "Bad \\ud800 here."}']
    lines.append('{"id": "c", "text": "Fine too.", "title": "x\\udfff"}')
    path = write(tmp_path / "d.jsonl", "\n".join(lines) + "\n")
    corpus = load(path)
    assert list(corpus.articles.article_id) == ["a"]
    assert list(corpus.errors.path) == [f"{path}#row 2", f"{path}#row 3"]
    assert corpus.errors.error[0].startswith(
        "the 'text' value holds a lone surrogate U+D800 at character 4"
    )
    assert "'title'" in corpus.errors.error[1] and "U+DFFF" in corpus.errors.error[1]
    corpus.articles.to_parquet(tmp_path / "articles.parquet")  # what failed in frames.py


# --- issue 8: metadata as dimensions ----------------------------------------------------------


def test_wikinews_metadata_lands_as_typed_columns_and_extra_strings():
    if not WIKINEWS.is_dir():
        pytest.skip(f"{WIKINEWS} is absent (it is not part of a fresh clone)")
    articles = load(WIKINEWS).articles
    assert str(articles.published.dtype) == "datetime64[us]"
    assert articles.published.notna().all()
    assert articles.url.str.startswith("https://en.wikinews.org/wiki/").all()
    first = articles.iloc[0]
    assert first.published == pd.Timestamp("2019-01-04")
    assert first.topics == "russia-ukraine-belarus | conflict-violence"
    assert (first.license, first.direct_quotes) == ("CC BY 2.5", "5")
    schema = list(frames.SCHEMAS["articles"])
    assert list(articles.columns[: len(schema)]) == schema
    extra = list(articles.columns[len(schema) :])
    assert extra[:2] == ["license", "license_url"] and "direct_quotes" in extra
    assert all(str(articles[name].dtype) == "string" for name in extra)


def test_polnear_publisher_and_date_are_extra_columns_and_nested_ones_are_ignored():
    path = config.SHARED_DIR / "bench" / "polnear-dev.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} is absent (it is not part of a fresh clone)")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    articles = load(path).articles
    assert len(articles) == len(rows)
    assert list(articles.publisher) == [row["publisher"] for row in rows]
    assert list(articles.publication_date) == [row["publication_date"] for row in rows]
    assert list(articles.n_annotators) == [str(row["n_annotators"]) for row in rows]
    assert "quotes" not in articles.columns  # a list of dicts per row
    assert articles.source.isna().all()  # PolNeAR's 'source' is a dict: not an outlet


def test_table_extra_columns_dates_topics_and_collisions(tmp_path):
    rows = [
        {"id": "a", "text": "One.", "published": "2016-09-12T22:30:00-04:00", "lang": "en",
         "topics": ["politics", "health"], "path": "/orig/a.txt", "quotes": [{"q": 1}]},
        {"id": "b", "text": "Two.", "published": "last Tuesday", "lang": None, "topics": "x"},
        {"id": "c", "text": "Three.", "published": "20 December 2022", "words": 12},
    ]  # fmt: skip
    path = write(tmp_path / "d.jsonl", "\n".join(json.dumps(row) for row in rows))
    corpus = load(path)
    assert corpus.errors.empty
    articles = corpus.articles
    assert articles.published[0] == pd.Timestamp("2016-09-13 02:30:00")  # converted to UTC
    assert pd.isna(articles.published[1])
    assert articles.published[2] == pd.Timestamp("2022-12-20")
    assert list(articles.published_text) == [row["published"] for row in rows]  # nothing lost
    assert articles.topics[0] == "politics | health" and articles.topics[1] == "x"
    extra = list(articles.columns[len(frames.SCHEMAS["articles"]) :])
    assert extra == ["lang", "path_extra", "words"]  # 'quotes' is nested: ignored
    assert articles.path_extra[0] == "/orig/a.txt" and articles.path[0] == f"{path}#row 1"
    assert articles.lang[0] == "en"
    assert articles.lang[1:].isna().all()
    assert articles.words[2] == "12"
    articles.to_parquet(tmp_path / "a.parquet")
    back = pd.read_parquet(tmp_path / "a.parquet")
    assert back.published.equals(articles.published)


def test_a_date_without_a_year_is_not_guessed(tmp_path):
    frame = pd.DataFrame({"text": ["A.", "B."], "published": ["12/03", "Tuesday"]})
    articles = load(frame).articles
    assert articles.published.isna().all()
    assert list(articles.published_text) == ["12/03", "Tuesday"]


def test_front_matter_tags_and_extra_keys_with_scalars_only(tmp_path):
    content = "---\nid: t\ntags: [a, b]\nauthor: Jane Roe\nwords: 120\nflags: [x]\n---\nBody.\n"
    article = only_article(load(write(tmp_path / "t.md", content)))
    assert article.topics == "a | b"
    assert (article.author, article.words) == ("Jane Roe", "120")
    assert "flags" not in article.index and "tags" not in article.index
