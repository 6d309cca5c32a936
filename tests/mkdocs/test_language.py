"""theme.language picks nightdesk's texts for pages, scripts and the service worker; mkdocs.yml replaces any."""
import json
import sys
from pathlib import Path

from sitebuild import REPO, build_site

sys.path.insert(0, str(REPO / "tests" / "commands"))
from small_site import write_site  # noqa: E402

SUPPORT = """\
  - nightdesk/search
  - nightdesk/support:
      timezone: Europe/Paris
      hours: {mon-fri: "09:00-17:00"}
      closed: ["12-25 Noël"]
      channels: [{kind: phone, value: "01 23 45 67 89"}]
  - nightdesk/offline
"""


def french_site(root: Path, extra: str = "") -> Path:
    write_site(root)
    config = root / "mkdocs.yml"
    text = config.read_text().replace("  font: false\n", "  font: false\n  language: fr\n")
    text = text.replace("  - nightdesk/tasks\n", "  - nightdesk/tasks\n" + SUPPORT)
    config.write_text(text + extra)
    return config


def test_a_french_site_speaks_french(tmp_path):
    config = french_site(tmp_path, 'extra:\n  nightdesk:\n    strings:\n      home.start_here: "Par ici"\n')
    done = build_site(config, tmp_path / "site")
    assert done.returncode == 0, done.stderr
    site = tmp_path / "site"
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Que voulez-vous faire ?" in home and "1 article" in home and "Par ici" in home
    # The navigation is material's own (labelled in French by material); nightdesk's search box is in its header.
    assert 'placeholder="Rechercher dans l’aide"' in home
    article = (site / "get-paid" / "send-an-invoice.html").read_text(encoding="utf-8")
    for text in ("Accueil", "En bref", "Mode d’emploi", "2 étapes", "Dernière relecture le",
                 "Cet article a-t-il répondu à votre question ?", "Appelez-nous", "lun.–ven. 9:00–17:00",
                 "heure de Paris", "Fermé le 25 déc.", "Besoin d’aide ?"):
        assert text in article, text
    assert '"language":"fr"' in (site / "assets" / "nightdesk" / "i18n.js").read_text(encoding="utf-8")
    worker = (site / "service-worker.js").read_text(encoding="utf-8")
    settings = json.loads(worker.split("\n", 1)[0].removeprefix("self.NIGHTDESK = ").rstrip(";"))
    assert settings["offlinePage"]["page_heading"] == "Vous êtes hors ligne"
    assert "# Recherche" not in (site / "search.html").read_text(encoding="utf-8")
    assert ">Recherche</h1>" in (site / "search.html").read_text(encoding="utf-8")


def test_an_unknown_text_in_mkdocs_yml_stops_the_build_and_names_it(tmp_path):
    config = french_site(tmp_path, "extra:\n  nightdesk:\n    strings:\n      start_here: Par ici\n")
    done = build_site(config, tmp_path / "site")
    assert done.returncode != 0
    assert "extra.nightdesk.strings: unknown text 'start_here' (did you mean 'home.start_here'?)" in done.stderr
