"""The offline zip: every file of the site under one folder, never the zip itself."""
import os
import zipfile
import zlib

from nightdesk.core.offline_zip import EarlyDeflate, write_site_zip

FILES = {
    "index.html": "<h1>Help</h1>" + "Refund a customer. " * 500,
    "get-paid/refund.html": "<p>Card refunds take 3–5 days.</p>" * 40,
    "assets/app.js": "console.log('hi');\n" * 300,
    "empty.txt": "",
}


def test_every_file_under_one_folder_without_the_zip_itself(tmp_path):
    for path, text in FILES.items():
        (tmp_path / "site" / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "site" / path).write_text(text, encoding="utf-8")
    write_site_zip(tmp_path / "site", tmp_path / "site" / "help-offline.zip")
    write_site_zip(tmp_path / "site", tmp_path / "site" / "help-offline.zip")  # a rebuild finds the old zip
    with zipfile.ZipFile(tmp_path / "site" / "help-offline.zip") as archive:
        assert archive.testzip() is None
        found = {info.filename: archive.read(info) for info in archive.infolist()}
    assert found == {f"help-offline/{path}": text.encode() for path, text in FILES.items()}
    assert not list((tmp_path / "site").glob("*.partial"))


def _site(root, files):
    for path, text in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")


def _members(zip_path):
    with zipfile.ZipFile(zip_path) as archive:
        assert archive.testzip() is None  # every member's CRC checks out
        return {info.filename: archive.read(info) for info in archive.infolist()}


def test_files_deflated_while_the_site_is_written_give_the_same_zip(tmp_path):
    site = tmp_path / "site"
    _site(site, FILES)
    early = EarlyDeflate()
    early.add("assets/app.js", site / "assets/app.js")  # read on the thread
    for path in ("index.html", "get-paid/refund.html", "empty.txt"):
        early.add(path, FILES[path].encode())
    write_site_zip(site, site / "help-offline.zip", early)
    assert not early.has("index.html")  # nothing deflated early: all compressed at the end
    assert _members(site / "help-offline.zip") == {f"help-offline/{p}": t.encode() for p, t in FILES.items()}
    _site(tmp_path / "copy", FILES)
    write_site_zip(tmp_path / "copy", tmp_path / "copy" / "help-offline.zip")
    assert (site / "help-offline.zip").stat().st_size == (tmp_path / "copy" / "help-offline.zip").stat().st_size
    # Copies deflated at level 0 (stored blocks) make a bigger zip: write_site_zip took them as they were.
    early = EarlyDeflate(level=0)
    for path, text in FILES.items():
        early.add(path, text.encode())
    write_site_zip(site, site / "help-offline.zip", early)
    assert not early.has("index.html")  # nothing deflated early: all compressed at the end
    assert _members(site / "help-offline.zip") == {f"help-offline/{p}": t.encode() for p, t in FILES.items()}
    assert (site / "help-offline.zip").stat().st_size > 2 * (tmp_path / "copy" / "help-offline.zip").stat().st_size


def test_a_file_changed_after_it_was_deflated_is_zipped_as_it_is_now(tmp_path):
    site = tmp_path / "site"
    _site(site, FILES)
    early = EarlyDeflate()
    for path, text in FILES.items():
        early.add(path, text.encode())
    early.add("gone.html", b"<p>removed by a later plugin</p>")
    (site / "index.html").write_text("<h1>Rewritten by a later plugin</h1>", encoding="utf-8")
    (site / "new.html").write_text("<p>written at the end</p>", encoding="utf-8")
    write_site_zip(site, site / "help-offline.zip", early)
    expected = {**FILES, "index.html": "<h1>Rewritten by a later plugin</h1>", "new.html": "<p>written at the end</p>"}
    assert _members(site / "help-offline.zip") == {f"help-offline/{p}": t.encode() for p, t in expected.items()}


def test_early_copies_are_the_ones_zipped(tmp_path):
    site = tmp_path / "site"
    _site(site, {"index.html": FILES["index.html"]})
    early = EarlyDeflate()
    early.add("index.html", FILES["index.html"].encode())
    early.finish()
    data = FILES["index.html"].encode()
    assert zlib.decompress(early.deflated("index.html", data), wbits=-15) == data
    assert early.deflated("index.html", data + b" ") is None  # not what was given: compressed afresh
    early.close()
    assert early.deflated("index.html", data) is None


def test_an_abandoned_zip_stops_its_thread(tmp_path):
    early = EarlyDeflate()
    early.add("index.html", b"<h1>Help</h1>")
    early.close()
    assert not early._thread.is_alive()


def test_without_a_temporary_folder_the_zip_is_made_at_the_end(tmp_path, monkeypatch):
    site = tmp_path / "site"
    _site(site, FILES)

    def no_temporary_file(*args, **kwargs):
        raise OSError(30, "Read-only file system")
    monkeypatch.setattr("tempfile.TemporaryFile", no_temporary_file)
    early = EarlyDeflate()
    for path, text in FILES.items():
        early.add(path, text.encode())
    early.finish()
    assert not early.has("index.html")  # nothing deflated early: write_site_zip compresses it all
    write_site_zip(site, site / "help-offline.zip", early)
    assert _members(site / "help-offline.zip") == {f"help-offline/{p}": t.encode() for p, t in FILES.items()}


def test_a_thread_that_fails_never_holds_the_build_up(tmp_path, monkeypatch):
    site = tmp_path / "site"
    _site(site, FILES)

    def broken(*args, **kwargs):
        raise MemoryError
    monkeypatch.setattr(EarlyDeflate, "_spill", broken)  # fails on the first batch's copies
    early = EarlyDeflate()
    for number in range(40):  # many more batches than the queue holds
        early.add(f"noise-{number}.bin", os.urandom(100_000))  # incompressible: the spool is written at once
    for path, text in FILES.items():
        early.add(path, text.encode())
    write_site_zip(site, site / "help-offline.zip", early)
    assert _members(site / "help-offline.zip") == {f"help-offline/{p}": t.encode() for p, t in FILES.items()}
