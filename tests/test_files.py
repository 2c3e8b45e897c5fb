"""write_atomically: the target is the old file or the whole new one, never a part."""

import pytest

from caucasus_nlp.files import write_atomically


def test_write_replaces_the_file_and_leaves_no_partial(tmp_path):
    target = tmp_path / "report.html"
    target.write_bytes(b"old")
    write_atomically(target, b"new page")
    assert target.read_bytes() == b"new page" and [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_a_failed_write_keeps_the_old_file_and_removes_the_partial(tmp_path, monkeypatch):
    target = tmp_path / "report.html"
    target.write_bytes(b"old")

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("caucasus_nlp.files.os.fsync", disk_full)
    with pytest.raises(OSError, match="No space left on device"):
        write_atomically(target, b"x" * 1000)
    assert target.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_a_missing_folder_is_an_oserror_not_a_partial_elsewhere(tmp_path):
    with pytest.raises(FileNotFoundError):
        write_atomically(tmp_path / "nowhere" / "report.html", b"x")
    assert list(tmp_path.iterdir()) == []
