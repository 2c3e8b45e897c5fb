"""Find input dumps and decode them, recording a reason for every input that cannot be used."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from caucasus_nlp.records import Dump, Rejection

DUMP_SUFFIXES = (".txt",)
# Share of control bytes (other than tab/newline/carriage return/form feed) above which a file is binary.
BINARY_CONTROL_SHARE = 0.05
# Encodings tried, in order, when a file is not UTF-8. cp1252 accepts almost any byte, so it is last:
# cp1251 is chosen first only when most of the non-ASCII letters it yields are Cyrillic.
FALLBACK_ENCODINGS = ("cp1251", "cp1252", "latin-1")


def discover_inputs(paths: Iterable[str | Path]) -> tuple[list[Path], list[Rejection]]:
    """Expand files and folders into a sorted list of dump files; missing paths become rejections."""
    files: list[Path] = []
    rejections: list[Rejection] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in DUMP_SUFFIXES)
            if not found:
                rejections.append(Rejection(str(path), f"folder holds no {'/'.join(DUMP_SUFFIXES)} files"))
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            rejections.append(Rejection(str(path), "path does not exist"))
    unique = sorted(dict.fromkeys(files), key=lambda p: str(p))
    return unique, rejections


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR become LF, so that offsets mean the same on every platform."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_binary(data: bytes) -> bool:
    if b"\x00" in data[:8192]:
        return True
    sample = data[:65536]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls / max(1, len(sample)) > BINARY_CONTROL_SHARE


def _cyrillic_share(text: str) -> float:
    """Share of the words with Cyrillic letters that are wholly Cyrillic: high for Russian text, low for
    Latin text mis-decoded as cp1251 ("Kurfьrst")."""
    words = [w for w in re.findall(r"\w+", text) if any("\u0400" <= c <= "\u04ff" for c in w)]
    if not words:
        return 0.0
    return sum(1 for w in words if all("\u0400" <= c <= "\u04ff" for c in w)) / len(words)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode a dump: UTF-8 (with or without BOM) first, then the legacy code pages seen in news mail.

    Returns (text, encoding). Never raises for text-like input: latin-1 maps every byte.
    """
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    for encoding in FALLBACK_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "cp1251" and _cyrillic_share(text) < 0.6:
            continue
        return text, encoding
    return data.decode("latin-1"), "latin-1"


def read_dump(path: Path) -> Dump | Rejection:
    """Read one file into a Dump, or say why it cannot be one (empty, binary, unreadable)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Rejection(str(path), f"cannot read file: {exc.strerror or exc}")
    if not data.strip():
        return Rejection(str(path), "empty file")
    if _looks_binary(data):
        return Rejection(str(path), "binary file, not a text dump")
    text, encoding = decode_bytes(data)
    return Dump(
        path=str(path),
        name=path.name,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=encoding,
        text=normalize_newlines(text),
        n_bytes=len(data),
    )


def read_dumps(paths: Iterable[str | Path]) -> Iterator[Dump | Rejection]:
    """Every input path as a decoded Dump or a Rejection, in a stable order."""
    files, rejections = discover_inputs(paths)
    yield from rejections
    for path in files:
        yield read_dump(path)
