"""What the service worker saves up front, and its version."""
from nightdesk.core.offline import plan_precache, service_worker_source, web_manifest


def make_site(root, files):
    for path, size in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_bytes(b"x" * size)


def test_everything_but_downloads_and_maps_is_saved_assets_and_front_pages_first(tmp_path):
    make_site(tmp_path, {"index.html": 10, "search.html": 10, "get-paid/index.html": 10, "get-paid/refund.html": 10,
                         "assets/app.js": 10, "assets/app.js.map": 10, "sitemap.xml.gz": 10, "site.zip": 10,
                         "service-worker.js": 10, "assets/javascripts/lunr/min/lunr.de.min.js": 10})
    plan = plan_precache(tmp_path, budget_bytes=10_000)
    assert plan.paths == ["assets/app.js", "index.html", "search.html", "get-paid/index.html", "get-paid/refund.html"]
    assert plan.complete and plan.total_bytes == 50


def test_budget_keeps_the_front_pages_and_leaves_articles_for_later(tmp_path):
    make_site(tmp_path, {"index.html": 100, "a/index.html": 100, "a/big.html": 500, "a/small.html": 100})
    plan = plan_precache(tmp_path, budget_bytes=300)
    assert plan.paths == ["index.html", "a/index.html", "a/small.html"] and not plan.complete


def test_version_changes_with_any_content_even_pages_not_saved_up_front(tmp_path):
    make_site(tmp_path, {"index.html": 100, "a/big.html": 500})
    before = plan_precache(tmp_path, budget_bytes=100)
    (tmp_path / "a/big.html").write_text("changed")
    after = plan_precache(tmp_path, budget_bytes=100)
    assert before.paths == after.paths and before.version != after.version


def test_service_worker_starts_with_its_settings(tmp_path):
    make_site(tmp_path, {"index.html": 1})
    source = service_worker_source("/* script */", plan_precache(tmp_path, budget_bytes=10))
    first, rest = source.split("\n", 1)
    assert first.startswith('self.NIGHTDESK = {"version":') and '"precache":["index.html"]' in first
    assert rest == "/* script */"


def test_manifest_is_installable():
    manifest = web_manifest(name="Help", short_name="Help", description="", theme_color="#000",
                            background_color="#fff", icons={512: "i512.png", 192: "i192.png"})
    assert manifest["display"] == "standalone" and manifest["start_url"] == "./index.html"
    assert [icon["sizes"] for icon in manifest["icons"]] == ["192x192", "512x512"]


def test_hubs_named_by_the_site_model_come_before_articles(tmp_path):
    make_site(tmp_path, {"index.html": 10, "a-notes/index.html": 10, "z-task/index.html": 10})
    assert plan_precache(tmp_path, budget_bytes=1000, hubs={"z-task/index.html"}).paths == [
        "index.html", "z-task/index.html", "a-notes/index.html"]
