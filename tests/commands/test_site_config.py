"""The commands find the site's settings in mkdocs.yml or properdocs.yml, and need neither."""
from nightdesk.commands.site_config import load_site_config


def test_properdocs_yml_is_read_when_there_is_no_mkdocs_yml(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "properdocs.yml").write_text("site_name: T\ndocs_dir: articles\n", encoding="utf-8")
    assert load_site_config(None).content_dir.name == "articles"


def test_no_settings_file_means_the_defaults(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    site = load_site_config(None)
    assert site.config_file is None and site.content_dir.as_posix() == "content"
