"""Build real sites with the nightdesk/tasks plugin and check what a reader gets."""
import re
import statistics
from pathlib import Path

import pytest
import yaml
from sitebuild import REPO, build_site
from generate_kb import generate


def read(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")


def tasks_of_sample():
    return yaml.safe_load((REPO / "content" / "tasks.yml").read_text())


def test_home_has_a_tile_per_task_and_the_start_here_list(sample_site):
    home = read(sample_site, "index.html")
    tasks = tasks_of_sample()
    assert home.count('class="nd-tile"') == len(tasks) >= 6
    for task in tasks:
        assert f'href="{task["id"]}/index.html"' in home
    assert "What do you want to do?" in home
    assert "Answers for busy evenings" in home  # content/index.md sits above the tiles
    assert re.search(r"\d+ articles", home)
    assert 'id="nd-featured-title">Start here' in home


def test_every_task_has_a_hub_listing_its_articles_grouped_by_kind(sample_site):
    for task in tasks_of_sample():
        hub = read(sample_site, f"{task['id']}/index.html")
        assert f"<li aria-current=\"page\">{task['title']}</li>" in hub  # breadcrumb
        assert hub.count('class="nd-list__item"') >= 4
    paid = read(sample_site, "get-paid/index.html")
    assert paid.index("Step by step") < paid.index('id="nd-kind-how-to"') < paid.index('id="nd-kind-troubleshooting"')
    assert "Everything about money coming in" in paid  # content/get-paid/index.md adds its intro


def test_article_has_breadcrumb_answer_badges_and_footer(sample_site):
    page = read(sample_site, "get-paid/send-your-first-invoice.html")
    crumbs = re.search(r'<nav class="nd-breadcrumb".*?</nav>', page, re.S).group(0)
    assert re.findall(r">([^<>]+)</(?:a|li)>", crumbs) == ["Home", "Get paid", "Send your first invoice"]
    assert 'class="nd-answer"' in page and "Short answer" in page
    assert "min</li>" in page and "steps</li>" in page
    assert 'rel="next"' in page  # first step of the get-paid journey
    assert "Related articles" in page and "Last reviewed" in page


def test_legacy_article_without_front_matter_gets_title_summary_and_task(sample_site):
    page = read(sample_site, "reports-and-tax/export-for-your-accountant.html")
    assert "<title>Export for your accountant" in page
    assert ">Reports and tax</a></li>" in page
    assert 'class="nd-answer__text"' in page


def test_task_data_files_are_not_published(sample_site):
    assert not (sample_site / "tasks.yml").exists()
    assert (sample_site / "assets" / "nightdesk" / "nightdesk.css").exists()


def test_navigation_is_by_task_and_bounded(sample_site):
    page = read(sample_site, "manage-bookings/set-your-opening-hours.html")
    # material renders the navigation nightdesk gives it (see nightdesk/mkdocs/navigation.py)
    nav = page[page.index('<nav class="md-nav md-nav--primary"'):page.index('<div class="md-content"')]
    tasks = tasks_of_sample()
    assert all(task["title"] in nav for task in tasks)
    assert len(re.findall(r'href="[^"#]+\.html"', nav)) <= 1 + 1 + len(tasks) + 1 + 12 + 1  # logo, home, tasks, hub, articles, more
    assert '<a href="set-your-opening-hours.html" class="md-nav__link md-nav__link--active">' in nav
    assert "send-your-first-invoice" not in nav  # other tasks' articles stay out


def write_kb(root: Path, files: dict[str, str]) -> Path:
    for path, text in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text("site_name: T\ndocs_dir: content\nuse_directory_urls: false\n"
                      "theme: {name: material, font: false}\nplugins: [nightdesk/tasks]\n")
    return config


BROKEN = {
    "content/tasks.yml": "- id: get-paid\n  title: Get paid\n",
    "content/get-paid/a.md": "---\ntitle: A\nkind: tutorial\n---\n# A\n",
    "content/get-paid/b.md": "---\ntasks: [get-payd]\nrelated: [gone.md]\n---\n# B\n",
    "content/get-paid/c.md": "---\ntitle: [unclosed\n---\n# C\n\nStill here.\n",
}


def test_bad_input_fails_strict_with_file_line_and_field(tmp_path):
    done = build_site(write_kb(tmp_path, BROKEN), tmp_path / "site")
    assert done.returncode != 0
    for message in [
        "content/get-paid/a.md:3: error: field 'kind': unknown kind 'tutorial'",
        "content/get-paid/b.md:2: error: unknown task 'get-payd'; known tasks: get-paid",
        "content/get-paid/b.md:3: error: related article 'gone.md' does not exist",
        "content/get-paid/c.md:2: error: front matter is not valid YAML",
    ]:
        assert message in done.stderr


def test_without_strict_nothing_is_dropped(tmp_path):
    done = build_site(write_kb(tmp_path, BROKEN), tmp_path / "site", strict=False)
    assert done.returncode == 0, done.stderr
    broken = read(tmp_path / "site", "get-paid/c.html")
    assert "Still here." in broken and "unclosed" not in broken  # the bad front matter does not leak into the page
    assert read(tmp_path / "site", "get-paid/index.html").count('class="nd-list__item"') == 3


def test_without_tasks_file_folders_become_tasks(tmp_path):
    config = write_kb(tmp_path, {"content/fix-it/index.md": "# Fix a problem\n", "content/fix-it/x.md": "# X\n\n1. Do\n"})
    assert build_site(config, tmp_path / "site").returncode == 0
    assert "Fix a problem" in read(tmp_path / "site", "index.html")


def median_article_page(site: Path) -> float:
    return statistics.median(p.stat().st_size for p in site.glob("*/article-*.html"))


@pytest.mark.parametrize("large", [1000])
def test_page_size_does_not_grow_with_the_number_of_articles(tmp_path, large):
    sizes = {}
    for count in (100, large):
        config = generate(count, tmp_path / str(count))
        done = build_site(config, tmp_path / str(count) / "site")
        assert done.returncode == 0, done.stderr
        site = tmp_path / str(count) / "site"
        sizes[count] = (median_article_page(site), (site / "index.html").stat().st_size)
    (small_article, small_home), (big_article, big_home) = sizes[100], sizes[large]
    assert big_article <= small_article * 1.05, sizes
    assert big_home <= small_home * 1.05, sizes
