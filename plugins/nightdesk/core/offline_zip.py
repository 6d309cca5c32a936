"""A zip of the built site for offline handover: unzip on a laptop at the shop counter, open index.html."""
from __future__ import annotations

import queue
import re
import tempfile
import threading
import zipfile
import zlib
from pathlib import Path

LEVEL = 5
"""Deflate level of the zip's members. At 1,000 articles level 6 takes 0.65 s of compression for a
9.46 MB zip, 5 takes 0.50 s for 9.55 MB: a quarter of the time for 1% more to download."""


def default_zip_name(site_name: str) -> str:
    """'Tidyhands Help Centre' -> 'tidyhands-help-centre-offline.zip'."""
    slug = re.sub(r"[^a-z0-9]+", "-", site_name.lower()).strip("-") or "help-centre"
    return f"{slug}-offline.zip"


def check_zip_name(name: str) -> str:
    """`name` when it is a plain file name ending in .zip (written at the top of the site, where it
    cannot replace a page or land outside); else ValueError saying what to write instead."""
    text = name.strip()
    if not text:
        raise ValueError("expected a file name like help-offline.zip, or true or false; got an empty name")
    if "/" in text or "\\" in text or text.startswith(".") or any(ord(ch) < 32 for ch in text):
        raise ValueError(f"'{name}' must be a plain file name like help-offline.zip: "
                         "the zip is written at the top of site_dir")
    if not text.lower().endswith(".zip"):
        raise ValueError(f"'{name}' must end in .zip, so it never replaces a page of the site")
    return text


def write_site_zip(site_dir: Path | str, zip_path: Path | str, early: EarlyDeflate | None = None) -> Path:
    """Zip every file of `site_dir` into one top folder named like the zip, leaving out the zip itself
    (it may be written inside the site, to be published with it). A file that `early` deflated while
    the site was written, and that still holds what it deflated, is not compressed a second time."""
    site_dir, zip_path = Path(site_dir), Path(zip_path)
    folder = zip_path.name.removesuffix(".zip")
    partial = zip_path.with_name(zip_path.name + ".partial")  # never leave a half-written zip behind
    if early is not None:
        early.finish()
    try:
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=LEVEL) as archive:
            for file in sorted(site_dir.rglob("*")):
                if not file.is_file() or file in (zip_path, partial):
                    continue
                name = file.relative_to(site_dir).as_posix()
                deflated = early.deflated(name, data := file.read_bytes()) if early and early.has(name) else None
                if deflated is None:
                    archive.write(file, f"{folder}/{name}")
                else:
                    _write_deflated(archive, zipfile.ZipInfo.from_file(file, f"{folder}/{name}"), data, deflated)
    finally:
        if early is not None:
            early.close()
    partial.replace(zip_path)
    return zip_path


def _write_deflated(archive: zipfile.ZipFile, info: zipfile.ZipInfo, data: bytes, deflated: bytes) -> None:
    """archive.write() of a file holding `data`, whose deflated form (at LEVEL, raw) is `deflated`."""
    info.compress_type = zipfile.ZIP_DEFLATED
    with archive.open(info, "w") as member:
        # zipfile takes no compressed data, so this member's compressor hands back the copy made early,
        # while zipfile counts the CRC and sizes of `data` as usual. Should a zipfile ever not ask its
        # compressor, it compresses `data` itself: the same zip, only slower.
        member._compressor = _Deflated(deflated)
        member.write(data)


class _Deflated:
    """A zipfile compressor whose output was made already."""

    def __init__(self, deflated: bytes):
        self._deflated = deflated

    def compress(self, data: bytes) -> bytes:
        return b""

    def flush(self) -> bytes:
        return self._deflated


class EarlyDeflate:
    """The site's files deflated on another core while the build still writes pages, for write_site_zip.

    Compressing is most of the zip's time, and zlib lets go of Python's lock while it works. Every time
    the thread takes the lock back, the page being rendered waits (up to Python's switch interval), so
    each file is deflated in one call, files come in batches, and the copies go a few dozen kB at a time
    to a temporary file rather than staying in memory. A copy is used only for a file that still holds
    what was deflated (same size and hash), so a page a plugin rewrites later, or a file of an older
    build, is compressed afresh at the end.
    """

    BATCH = 4  # files handed to the thread at once
    SPOOL_WRITE = 64 * 1024  # bytes of copies written to the temporary file at once

    def __init__(self, level: int = LEVEL):
        self._level = level
        # Bounded: when no core is free, pages wait for the thread rather than pile up in memory.
        self._jobs: queue.Queue = queue.Queue(maxsize=2)
        self._batch: list[tuple[str, bytes | Path]] = []
        self._spool = None  # the temporary file, made by the thread (none where no temporary file can be)
        # name -> (size, hash, offset, length); Python's hash of bytes (64 bits) keeps the lock, zlib.crc32 would
        # let go of it and take it back once more per file
        self._copies: dict[str, tuple[int, int, int, int]] = {}
        self._thread = threading.Thread(target=self._work, name="nightdesk-early-deflate", daemon=True)
        self._thread.start()

    def add(self, name: str, data: bytes | Path) -> None:
        """Deflate `data`, what the site's file `name` (relative to site_dir) holds; a Path is read on the
        thread."""
        self._batch.append((name, data))
        if len(self._batch) >= self.BATCH:
            self._jobs.put(self._batch)
            self._batch = []

    def finish(self) -> None:
        """Wait until everything given is deflated."""
        if self._thread.is_alive():
            self._jobs.put(self._batch)
            self._batch = []
            self._jobs.put(None)
            self._thread.join()

    def has(self, name: str) -> bool:
        return name in self._copies

    def deflated(self, name: str, data: bytes) -> bytes | None:
        """The deflated copy of file `name` when it was given with exactly `data`, else None."""
        found = self._copies.get(name)
        if found is None or found[:2] != (len(data), hash(data)):
            return None
        self._spool.seek(found[2])
        return self._spool.read(found[3])

    def close(self) -> None:
        """Stop the thread and delete the temporary file (also when the build failed)."""
        self.finish()
        if self._spool is not None:
            self._spool.close()
        self._copies.clear()

    def _work(self) -> None:
        ended = False  # the last job (None) taken
        try:
            self._spool = tempfile.TemporaryFile(prefix="nightdesk-zip-")
            written = 0  # bytes in the spool
            pending: list[bytes] = []  # copies not written yet, after `written`
            pending_size = 0
            while (batch := self._jobs.get()) is not None:
                for name, data in batch:
                    self._copies.pop(name, None)
                    try:
                        if isinstance(data, Path):
                            data = data.read_bytes()
                        deflated = zlib.compress(data, self._level, wbits=-15)  # raw deflate, as in a zip member
                    except Exception:  # noqa: BLE001 - unreadable now: write_site_zip compresses it itself
                        continue
                    self._copies[name] = (len(data), hash(data), written + pending_size, len(deflated))
                    pending.append(deflated)
                    pending_size += len(deflated)
                if pending_size >= self.SPOOL_WRITE:
                    written = self._spill(pending, written, pending_size)
                    pending, pending_size = [], 0
            ended = True
            self._spill(pending, written, pending_size)
        except BaseException:  # noqa: BLE001 - no temporary folder, or anything else: no copies, and the
            # build must never wait on a full queue, so the rest is taken and write_site_zip compresses it all
            self._copies = {}
            while not ended and self._jobs.get() is not None:
                pass

    def _spill(self, pending: list[bytes], written: int, size: int) -> int:
        """Write the pending copies to the spool; returns its new size."""
        try:
            self._spool.seek(written)
            self._spool.write(b"".join(pending))
        except Exception:  # noqa: BLE001 - no room for the spool: write_site_zip compresses them itself
            self._copies = {name: copy for name, copy in self._copies.items() if copy[2] < written}
            return written
        return written + size
