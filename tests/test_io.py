import os
from pathlib import Path

import pytest

from caucasus_nlp.io import decode_bytes, discover_inputs, extract_inputs, read_dump, read_dumps
from caucasus_nlp.records import Dump, Rejection


def test_missing_path_is_a_rejection_not_an_error(tmp_path):
    files, rejections, skipped = discover_inputs([tmp_path / "nope.txt"])
    assert (files, skipped) == ([], [])
    assert rejections == [Rejection(str(tmp_path / "nope.txt"), "path does not exist")]


def test_folder_without_dumps_is_recorded(tmp_path):
    (tmp_path / "notes.md").write_text("x")
    (tmp_path / ".gitkeep").write_text("")
    _, rejections, skipped = discover_inputs([tmp_path])
    assert [(Path(r.path).name, r.reason.split(" (")[0]) for r in rejections] == [
        ("notes.md", "unsupported file type"),
        (tmp_path.name, "folder holds no .csv/.eml/.htm/.html/.jsonl/.ndjson/.text/.tsv/.txt files"),
    ]
    assert [(Path(r.path).name, r.reason, r.stage) for r in skipped] == [(".gitkeep", "hidden file (name starts with '.')", "skipped")]


def test_hidden_files_and_folders_are_skipped_and_listed_and_unreadable_folders_rejected(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / ".wire.txt").write_text("x")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "b.txt").write_text("x")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "c.txt").write_text("x")
    real_scandir = os.scandir

    def scandir(path="."):  # root reads any folder, so the refusal is simulated where os.walk asks
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    files, rejections, skipped = discover_inputs([tmp_path])
    assert files == [tmp_path / "a.txt"]
    assert [(r.path, r.reason) for r in rejections] == [(str(locked), "folder cannot be read: Permission denied")]
    assert sorted((Path(r.path).name, r.reason) for r in skipped) == [
        (".git", "hidden folder (name starts with '.')"), (".wire.txt", "hidden file (name starts with '.')")]


@pytest.mark.parametrize(
    "content, reason",
    [(b"", "empty file"), (b"   \n\n", "empty file"), (b"\x00\x01\x02PK\x03\x04" * 50, "binary file, not a text dump")],
)
def test_unusable_files_are_rejected_with_reason(tmp_path, content, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = read_dump(path)
    assert isinstance(result, Rejection) and result.reason == reason


@pytest.mark.parametrize(
    "data, text, encoding",
    [
        ("Ереван — столица".encode("cp1251"), "Ереван — столица", "cp1251"),
        ("Kurfürst said “yes”".encode("cp1252"), "Kurfürst said “yes”", "cp1252"),
        ("\ufeffBaku, December 7".encode("utf-8"), "Baku, December 7", "utf-8"),
    ],
)
def test_decoding_falls_back_to_legacy_code_pages(data, text, encoding):
    assert decode_bytes(data) == (text, encoding)


def test_windows_line_endings_are_normalized(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"Title\r\n\r\nBody line.\rMore.")
    dump = read_dump(path)
    assert isinstance(dump, Dump)
    assert dump.text == "Title\n\nBody line.\nMore."


def test_batch_keeps_going_after_a_bad_input(tmp_path):
    (tmp_path / "a.txt").write_text("Headline here\n\nBody text of the article.")
    (tmp_path / "b.txt").write_bytes(b"")
    results = list(read_dumps([tmp_path, tmp_path / "missing"]))
    assert sum(isinstance(r, Dump) for r in results) == 1
    assert {r.reason for r in results if isinstance(r, Rejection)} == {"empty file", "path does not exist"}


def test_a_200_mb_single_line_file_is_rejected_without_being_read(tmp_path):
    path = tmp_path / "export.txt"
    block = b"a" * (1 << 20)
    with path.open("wb") as fh:
        for _ in range(200):
            fh.write(block)
    result = read_dump(path)
    assert isinstance(result, Rejection)
    assert result.reason.startswith("line 1 is longer than 1,000,000 bytes")


def test_long_files_of_ordinary_lines_are_read(tmp_path):
    path = tmp_path / "archive.txt"
    path.write_text("Talks in Baku\n\n" + "Mirzoyan met Bayramov in Almaty on 10 May 2024.\n" * 40_000)
    assert not isinstance(read_dump(path), Rejection)


@pytest.mark.parametrize(
    "paths, names",
    [
        (["in/a.txt", "in/b.txt"], ["a.txt", "b.txt"]),
        (["2024/digest.txt", "2025/digest.txt", "other.txt"], ["2024/digest.txt", "2025/digest.txt", "other.txt"]),
        (["x/2024/digest.txt", "y/2024/digest.txt"], ["x/2024/digest.txt", "y/2024/digest.txt"]),
    ],
)
def test_inputs_sharing_a_file_name_get_names_that_tell_them_apart(paths, names):
    from pathlib import Path

    from caucasus_nlp.io import dump_names

    assert [dump_names([Path(p) for p in paths])[Path(p)] for p in paths] == names


@pytest.mark.parametrize("lines, expected", [
    (["Protesters rallied in Yerevan.\n"], [(1, "1", "Protesters rallied in Yerevan.", None, None)]),
    (['{"id": "a7", "text": "Talks in Baku.", "published": "2024-05-01"}\n'], [(1, "a7", "Talks in Baku.", "2024-05-01", None)]),
    # a blank line holds no text; a record without text and a broken object are answered with their error
    (["\n", '{"id": 3}\n', "{broken\n"], [(2, "3", None, None, 'line 2 has no "text"'),
                                        (3, "3", None, None, "line 3 is not JSON (Expecting property name enclosed in double quotes)")]),
    (['["a list"]\n'], [(1, "1", '["a list"]', None, None)]),  # only an object is a record; any other line is a text
    (['{"text": "Talks.", "published": "May 2020"}\n'], [(1, "1", None, None, 'line 1: "published" is not a date YYYY-MM-DD (\'May 2020\')')]),
])
def test_each_line_of_an_extract_batch_is_a_text_or_an_error(lines, expected):
    assert [(i.line, i.id, i.text, i.published, i.error) for i in extract_inputs(lines)] == expected
