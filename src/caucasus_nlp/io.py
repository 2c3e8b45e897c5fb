"""Find input dumps and decode them, recording a reason for every input that cannot be used.

Decoding means: bytes to text (UTF-8, else the legacy code pages seen in news mail), mojibake
repaired with ftfy (text that was decoded with the wrong code page somewhere upstream, "Ã©" for
"é"), line endings made \\n. Every raw offset in the tables points into the result.
"""

from __future__ import annotations

import email
import email.policy
import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

import ftfy

from caucasus_nlp.formats import STRUCTURED_SUFFIXES, read_records
from caucasus_nlp.records import Dump, ExtractInput, InputWarning, Record, Rejection

TEXT_SUFFIXES = (".txt", ".text", ".eml")
DUMP_SUFFIXES = tuple(sorted({*TEXT_SUFFIXES, *STRUCTURED_SUFFIXES}))
# ftfy repairs encoding damage only: quotes stay curly, widths and line breaks are left to `clean`,
# and HTML entities are left alone (a text dump may quote "&amp;" on purpose).
_FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    normalization=None,
    explain=True,
)
# Share of control bytes (other than tab/newline/carriage return/form feed) above which a file is binary.
BINARY_CONTROL_SHARE = 0.05
# Encodings tried, in order, when a file is not UTF-8. cp1252 accepts almost any byte, so it is last:
# cp1251 is chosen first only when most of the non-ASCII letters it yields are Cyrillic.
FALLBACK_ENCODINGS = ("cp1251", "cp1252", "latin-1")
# A line longer than the longest article the pipeline accepts (spaCy's 1,000,000 characters) is not
# a paragraph of news: a minified export, a binary blob or a broken file. Such an input is rejected
# after a streaming scan, before it is read into memory. HTML pages, often one minified line, are
# limited by size instead.
MAX_LINE_BYTES = 1_000_000
MAX_HTML_BYTES = 64 * 1024 * 1024
SCAN_CHUNK_BYTES = 1 << 20


def folder_files(folder: Path) -> tuple[list[Path], list[Rejection], list[Rejection]]:
    """The files under a folder, the subfolders that cannot be read (rejections), and the hidden files
    and folders (names starting with "."), which are never read but are listed: nothing under an
    input folder goes unaccounted for."""
    files: list[Path] = []
    unreadable: list[Rejection] = []
    hidden: list[Rejection] = []

    def cannot_read(error: OSError) -> None:
        unreadable.append(Rejection(str(error.filename), f"folder cannot be read: {error.strerror or error}"))

    for root, dirs, names in os.walk(folder, onerror=cannot_read):
        here = Path(root)
        hidden.extend(Rejection(str(here / d), "hidden folder (name starts with '.')", stage="skipped") for d in sorted(dirs) if d.startswith("."))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            path = here / name
            if name.startswith("."):
                hidden.append(Rejection(str(path), "hidden file (name starts with '.')", stage="skipped"))
            elif path.is_file():
                files.append(path)
    return files, unreadable, hidden


def discover_inputs(paths: Iterable[str | Path]) -> tuple[list[Path], list[Rejection], list[Rejection]]:
    """Expand files and folders into a sorted list of dump files, the rejections (missing paths, files
    in a folder that are not a supported format, unreadable subfolders) and what was skipped (hidden
    files and folders inside a folder: .gitkeep, .DS_Store, .git)."""
    files: list[Path] = []
    rejections: list[Rejection] = []
    skipped: list[Rejection] = []
    supported = "/".join(DUMP_SUFFIXES)
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found, unreadable, hidden = folder_files(path)
            found.sort()
            dumps = [p for p in found if p.suffix.lower() in DUMP_SUFFIXES]
            rejections.extend(Rejection(str(p), f"unsupported file type (supported: {supported})") for p in found if p not in dumps)
            rejections.extend(unreadable)
            skipped.extend(hidden)
            if not dumps:
                rejections.append(Rejection(str(path), f"folder holds no {supported} files"))
            files.extend(dumps)
        elif path.is_file():
            files.append(path)
        else:
            rejections.append(Rejection(str(path), "path does not exist"))
    unique = sorted(dict.fromkeys(files), key=lambda p: str(p))
    return unique, rejections, skipped


def normalize_newlines(text: str) -> str:
    """CRLF, lone CR and the Unicode line/paragraph separators become LF, so that offsets mean the
    same on every platform."""
    return re.sub(r"\r\n?|[\u2028\u2029\x85]", "\n", text)


def repair_mojibake(text: str) -> tuple[str, tuple[str, ...]]:
    """Text with encoding damage undone, and the ftfy steps that did it ("encode:sloppy-windows-1252",
    "decode:utf-8" for UTF-8 that was read as cp1252 somewhere upstream)."""
    fixed, explanation = ftfy.fix_and_explain(text, config=_FTFY_CONFIG)
    if fixed == text:
        return text, ()
    return fixed, tuple(dict.fromkeys(f"{action}:{step}" for action, step in explanation or []))


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


def dump_names(files: list[Path]) -> dict[Path, str]:
    """The name each input goes by in the tables (`articles.dump`): its file name, or, where inputs
    in different folders share one ("2024/digest.txt", "2025/digest.txt"), the shortest end of its
    path that tells them apart."""
    by_name: dict[str, list[Path]] = {}
    for path in files:
        by_name.setdefault(path.name, []).append(path)
    names = {}
    for group in by_name.values():
        depth = 1
        while len({"/".join(p.parts[-depth:]) for p in group}) < len(group) and depth < max(len(p.parts) for p in group):
            depth += 1
        names.update({p: "/".join(p.parts[-depth:]) for p in group})
    return names


def read_dump(path: Path, name: str | None = None) -> Dump | Rejection:
    """Read one file into a Dump, or say why it cannot be one (empty, binary, unreadable, a line or
    a page too long to be news)."""
    try:
        too_long = _oversized(path)
        if too_long:
            return Rejection(str(path), too_long)
        data = path.read_bytes()
    except OSError as exc:
        return Rejection(str(path), f"cannot read file: {exc.strerror or exc}")
    if not data.strip():
        return Rejection(str(path), "empty file")
    if _looks_binary(data):
        return Rejection(str(path), "binary file, not a text dump")
    suffix = path.suffix.lower()
    if suffix == ".eml":
        text, encoding = _email_body(data)
        if text is None:
            return Rejection(str(path), "e-mail has no text/plain part")
    else:
        text, encoding = decode_bytes(data)
    fmt = STRUCTURED_SUFFIXES.get(suffix, "text")
    text = normalize_newlines(text)
    records: list[Record] = []
    rejections: list[Rejection] = []
    warnings: list[InputWarning] = []
    repaired: tuple[str, ...] = ()
    if fmt == "text":
        text, repaired = repair_mojibake(text)
    else:
        for item in read_records(text, str(path), fmt):
            if isinstance(item, Rejection):
                rejections.append(item)
                continue
            if isinstance(item, InputWarning):
                warnings.append(item)
                continue
            fixed, steps = _repair_record(item)
            records.append(fixed)
            repaired = tuple(dict.fromkeys([*repaired, *steps]))
        if not records:
            if len(rejections) == 1:
                return rejections[0]
            first = f": {len(rejections)} rejected, the first {rejections[0].path}: {rejections[0].reason}" if rejections else ""
            return Rejection(str(path), f"no usable {fmt} record in the file{first}")
    return Dump(
        path=str(path),
        name=name or path.name,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=encoding,
        text=text,
        n_bytes=len(data),
        format=fmt,
        records=tuple(records),
        rejected=tuple(rejections),
        warnings=tuple(warnings),
        repaired=repaired,
    )


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes, as `read_dump` records it, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(SCAN_CHUNK_BYTES):
            digest.update(chunk)
    return digest.hexdigest()


def _oversized(path: Path) -> str | None:
    """Why a file is too large to read as news, found without reading it into memory; None if it is not."""
    size = path.stat().st_size
    if path.suffix.lower() in (".html", ".htm"):
        return f"HTML page of {size:,} bytes exceeds {MAX_HTML_BYTES:,}" if size > MAX_HTML_BYTES else None
    if size <= MAX_LINE_BYTES:
        return None
    line_no, current = 1, 0
    with path.open("rb") as fh:
        while chunk := fh.read(SCAN_CHUNK_BYTES):
            lines = chunk.replace(b"\r", b"\n").split(b"\n")
            current += len(lines[0])
            for line in lines[1:]:
                if current > MAX_LINE_BYTES:
                    break
                line_no += 1
                current = len(line)
            if current > MAX_LINE_BYTES:
                return f"line {line_no} is longer than {MAX_LINE_BYTES:,} bytes: not a text dump (a minified or binary export?)"
    return None


def _repair_record(record: Record) -> tuple[Record, tuple[str, ...]]:
    steps: list[str] = []
    fields = {}
    for name in ("title", "text", "outlet", "author"):
        value = getattr(record, name)
        if value:
            value, changed = repair_mojibake(normalize_newlines(value))
            steps.extend(changed)
        fields[name] = value
    return replace(record, **fields), tuple(dict.fromkeys(steps))


def _email_body(data: bytes) -> tuple[str | None, str]:
    """The text/plain body of a MIME message, decoded with its declared charset."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    part = message.get_body(preferencelist=("plain",))
    if part is None:
        return None, "email"
    payload = part.get_payload(decode=True) or b""
    charset = part.get_content_charset()
    if charset:
        try:
            return payload.decode(charset), charset
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(payload)


def read_dumps(paths: Iterable[str | Path]) -> Iterator[Dump | Rejection]:
    """Every input path as a decoded Dump or a Rejection, in a stable order."""
    files, rejections, _ = discover_inputs(paths)
    yield from rejections
    names = dump_names(files)
    for path in files:
        yield read_dump(path, names[path])


# A publication date given with a text to extract: a day, a month or a year.
PUBLISHED_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def extract_inputs(lines: Iterable[str]) -> Iterator[ExtractInput]:
    """The texts of `caucasus-nlp extract --batch`, one per non-blank line: the line itself, or, for a
    line that is a JSON object, its "text" with its optional "id" and "published" (YYYY-MM-DD). A
    line that opens an object but is no JSON, or an object without a text, comes back with its
    error, so that every line that holds something is answered. A text's id is its "id", else its
    line number."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        if not line.lstrip().startswith("{"):
            yield ExtractInput(number, str(number), text=line.rstrip("\r\n"))
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ExtractInput(number, str(number), error=f"line {number} is not JSON ({exc.msg})")
            continue
        ident = str(record.get("id", number)) if isinstance(record, dict) else str(number)
        text = record.get("text") if isinstance(record, dict) else None
        if not isinstance(text, str) or not text.strip():
            yield ExtractInput(number, ident, error=f'line {number} has no "text"')
            continue
        published = record.get("published")
        if published is not None and not (isinstance(published, str) and PUBLISHED_DATE.fullmatch(published)):
            yield ExtractInput(number, ident, error=f'line {number}: "published" is not a date YYYY-MM-DD ({published!r})')
            continue
        yield ExtractInput(number, ident, text=text, published=published)
