"""The site model: one page-kind rule (README.md hubs included) and one list of published assets."""
from nightdesk.core.knowledge_base import ARTICLE, HOME, HUB, OTHER
from nightdesk.site import ASSET_DIR, Site, published_assets
from nightdesk.i18n import Catalog
from nightdesk.site.model import SiteSettings

SOURCES = {
    "README.md": "# Help\n",
    "get-paid/README.md": "# Get paid\n",
    "get-paid/refund.md": "# Refund a customer\n\n1. Tap Refund.\n",
    "get-paid/notes/index.md": "# Notes\n",  # an index page below a task folder is an article, not a hub
    "search.md": "# Search\n",
}


def site() -> Site:
    return Site.build(SOURCES, "- id: get-paid\n  title: Get paid\n")


def test_home_hubs_and_articles_whether_index_or_readme():
    s = site()
    assert s.page("README.md").kind == HOME and s.page("index.md").kind == HOME
    for path in ("get-paid/README.md", "get-paid/index.md"):
        ref = s.page(path)
        assert ref.kind == HUB and ref.task.title == "Get paid"
    ref = s.page("get-paid/refund.md")
    assert ref.kind == ARTICLE and ref.article.title == "Refund a customer" and ref.task.id == "get-paid"
    assert s.page("get-paid/notes/index.md").kind == ARTICLE
    assert s.page("unknown/index.md").kind == OTHER
    assert s.page("nowhere.md").kind == OTHER


def test_views_render_from_the_site():
    html = site().render("feedback", question="Did this answer your question?", follow_up="What?", endpoint=None)
    assert "Did this answer your question?" in html


def test_site_loads_a_content_folder_without_any_generator(tmp_path):
    for path, text in SOURCES.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, encoding="utf-8")
    assert Site.load(tmp_path).page("get-paid/refund.md").kind == ARTICLE


def test_assets_are_browser_files_not_the_service_worker_template():
    dests = {asset.dest for asset in published_assets()}
    assert f"{ASSET_DIR}/search.js" in dests and f"{ASSET_DIR}/support.js" in dests
    assert f"{ASSET_DIR}/service-worker.js" not in dests


def test_converted_callouts_are_titled_in_the_site_language():
    """`> [!NOTE]`, `:::tip` and a GitBook tab without a title show the catalog's words, not English."""
    body = ("# Payer\n\n> [!NOTE]\n> Gardez le reçu.\n\n:::tip\nPlus vite.\n:::\n\n"
            "{% tabs %}\n{% tab %}\nUn.\n{% endtab %}\n{% endtabs %}\n")
    french = SiteSettings(catalog=Catalog.for_language("fr"))
    article = Site.build({"payer.md": body}, None, french).kb.articles["payer.md"]
    assert '!!! note "Remarque"' in article.body
    assert '!!! tip "Astuce"' in article.body
    assert '=== "Onglet"' in article.body
    english = Site.build({"payer.md": body}, None).kb.articles["payer.md"]
    assert '!!! note "Note"' in english.body
