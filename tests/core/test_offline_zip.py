"""The offline zip: every file of the site under one folder, never the zip itself."""
import zipfile

from nightdesk.core.offline_zip import write_site_zip

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
