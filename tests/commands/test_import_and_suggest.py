"""`nightdesk import` and `nightdesk tasks suggest` on small folders written for other tools."""
import yaml

from nightdesk.cli import main


def write(root, files: dict[str, str]):
    for path, text in files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


GITBOOK = {
    "README.md": "# Welcome\n\nStart with [selling](selling/).\n",
    "selling/README.md": "# Selling\n\nSell things.\n",
    "selling/price.md": ('# Set a price\n\n{% hint style="warning" %}\nCheck the tax.\n{% endhint %}\n\n'
                        "![](<../.gitbook/assets/image (1).png>) :warning: {% swagger %}\n"),
    ".gitbook/assets/image (1).png": "png",
    ".git/config": "secret",
}


def test_import_converts_the_files_and_writes_tasks(tmp_path, capsys):
    write(tmp_path / "src", GITBOOK)
    assert main(["import", str(tmp_path / "src"), str(tmp_path / "content")]) == 0
    out = capsys.readouterr().out
    content = tmp_path / "content"
    price = (content / "selling" / "price.md").read_text()
    assert "!!! warning \"Warning\"\n    Check the tax." in price
    assert "![](../gitbook/assets/image%20%281%29.png) ⚠" in price and "{%" not in price
    assert (content / "gitbook" / "assets" / "image (1).png").is_file()  # hidden folders are not published
    assert not (content / ".git").exists()
    assert "[selling](selling/README.md)" in (content / "README.md").read_text()
    assert yaml.safe_load((content / "tasks.yml").read_text())
    assert "1 × {% swagger %}" in out and "wrote" in out


def test_import_keeps_every_file_whole(tmp_path):
    """Hugo section pages are often front matter alone; a file with nothing to convert is copied as it is."""
    hugo = {
        "user/_index.md": "---\ntitle: Template System\nweight: 100\n---\n",
        "user/no-newline.md": "---\ntitle: Only front matter\n---",
        "user/empty.md": "",
        "user/page.md": "---\ntitle: Page\n---\n\nSee [the system](/user/).\n",
    }
    write(tmp_path / "src", hugo)
    assert main(["import", str(tmp_path / "src"), str(tmp_path / "content")]) == 0
    content = tmp_path / "content"
    for path in ("user/_index.md", "user/no-newline.md", "user/empty.md"):
        assert (content / path).read_text(encoding="utf-8") == hugo[path]
    assert (content / "user/page.md").read_text(encoding="utf-8") == (
        "---\ntitle: Page\n---\n\nSee [the system](_index.md).\n")


def test_import_refuses_a_folder_that_is_not_empty(tmp_path, capsys):
    write(tmp_path, {"src/a.md": "# A\n", "content/b.md": "# B\n"})
    assert main(["import", str(tmp_path / "src"), str(tmp_path / "content")]) == 2
    assert "not empty" in capsys.readouterr().err


def test_tasks_suggest_is_deterministic_and_names_goals(tmp_path, capsys):
    files = {"docs/install/_index.md": "---\ntitle: Installing\ndescription: How to install the shop\n---\n"}
    for section in ("install", "payments", "shipping", "taxes", "orders", "emails", "reports"):
        for n in range(3):
            files[f"docs/{section}/{section}-{n}.md"] = f"# {section.title()} page {n}\n\nText.\n"
    write(tmp_path, files)
    assert main(["tasks", "suggest", str(tmp_path / "docs")]) == 0
    first = capsys.readouterr().out
    assert main(["tasks", "suggest", str(tmp_path / "docs")]) == 0
    assert capsys.readouterr().out == first
    tasks = yaml.safe_load(first)
    assert 6 <= len(tasks) <= 12
    assert {"id": "install", "title": "Install the shop", "include": ["install/**"]} in tasks


def test_tasks_suggest_groups_a_flat_folder_by_file_names(tmp_path, capsys):
    words = ("invoice", "refund", "booking", "staff", "report", "login")
    write(tmp_path, {f"c/{word}-{n}.md": f"# {word} {n}\n" for word in words for n in range(4)})
    assert main(["tasks", "suggest", str(tmp_path / "c"), "--write"]) == 0
    tasks = yaml.safe_load((tmp_path / "c" / "tasks.yml").read_text())
    assert [t["include"] for t in tasks][:6] == [["*booking*"], ["*invoice*"], ["*login*"], ["*refund*"],
                                               ["*report*"], ["*staff*"]]
    assert main(["tasks", "suggest", str(tmp_path / "c"), "--write"]) == 1  # never over an existing one


def test_check_lists_ten_per_cause_then_counts(tmp_path, capsys, monkeypatch):
    body = "".join(f"[x](gone{n}.md)\n\n" for n in range(14))
    write(tmp_path, {"content/a/a.md": f"# A\n\n{body}"})
    monkeypatch.chdir(tmp_path)
    assert main(["check", "content"]) == 1
    out = capsys.readouterr().out
    assert out.count("which does not exist") == 11  # 10 listed, and the cause in the count
    assert "4 more problems of the same causes" in out
    assert "14 × error: link … points to …, which does not exist: first at content/a/a.md:3" in out
    assert main(["check", "content", "--all"]) == 1
    assert capsys.readouterr().out.count("which does not exist") == 15



def test_import_turns_mdx_into_markdown_and_follows_its_links(tmp_path, capsys):
    docusaurus = {
        "docs/intro.mdx": "import Tabs from '@theme/Tabs';\n\n# Intro\n\nSee [setup](./setup.mdx) and [more](./more).\n",
        "docs/setup.mdx": "# Setup\n\n:::tip\nEasy.\n:::\n",
        "docs/more.md": "# More\n\nText.\n",
    }
    write(tmp_path / "src", docusaurus)
    assert main(["import", str(tmp_path / "src"), str(tmp_path / "content")]) == 0
    content = tmp_path / "content" / "docs"
    assert sorted(p.name for p in content.iterdir()) == ["intro.md", "more.md", "setup.md"]
    intro = (content / "intro.md").read_text(encoding="utf-8")
    assert "import Tabs" not in intro and "[setup](setup.md)" in intro and "[more](more.md)" in intro
    assert "MDX (Docusaurus) to Markdown" in capsys.readouterr().out


def test_import_of_a_hugo_site_takes_its_pages_and_static_files(tmp_path, capsys):
    """Given the Hugo project folder, not its content/: pages from content/, /images/... from static/,
    and none of the theme's or layouts' files."""
    hugo = {
        "hugo.toml": "baseURL = 'https://docs.example/'\n",
        "content/user/pay.md": "---\ntitle: Pay\n---\n\n![Till](/images/till.png)\n\nSee [VAT](/user/vat/).\n",
        "content/user/vat.md": "---\ntitle: VAT\n---\n\nCharge it.\n",
        "static/images/till.png": "png",
        "themes/docsy/README.md": "# A theme\n",
        "layouts/shortcodes/note.html": "<div></div>",
    }
    write(tmp_path / "src", hugo)
    assert main(["import", str(tmp_path / "src"), str(tmp_path / "content")]) == 0
    assert "is a Hugo site" in capsys.readouterr().out
    content = tmp_path / "content"
    assert sorted(p.relative_to(content).as_posix() for p in content.rglob("*") if p.is_file()) == [
        "images/till.png", "tasks.yml", "user/pay.md", "user/vat.md"]
    assert "![Till](../images/till.png)" in (content / "user" / "pay.md").read_text(encoding="utf-8")
    assert "[VAT](vat.md)" in (content / "user" / "pay.md").read_text(encoding="utf-8")
