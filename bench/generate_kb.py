"""Generate a deterministic knowledge base of N articles for benchmarks and scale tests.

    python bench/generate_kb.py 1000 /tmp/kb1000              # realistic articles (the benchmark's default)
    python bench/generate_kb.py 1000 /tmp/kb1000 --short      # the short, uniform articles of earlier runs

Writes mkdocs.yml + content/: 8 tasks with journeys (tasks.yml), a synonyms file and an index page. The
same N (and style) always gives the same files.

Realistic (issue 12): article lengths follow a real manual's (a log-normal with median 700 words and one
article in ten over 2,000; every 1,000th article is a 15,000-word reference page), sections with
headings, numbered steps, lists, the odd table, tip and code block, and links to other articles. The
text is sentences of the sample help centre (content/) with product words mixed in at Zipf-like rates,
so the vocabulary keeps growing with the size, as a real manual's does. Like real manuals, the site
also has navigation-like pages: one "all articles" list, one link list per task, and a glossary (one
short definition per heading) per 500 articles.

Short: the articles of the first benchmarks (about 120 words each, from a 35-word vocabulary).
"""
from __future__ import annotations

import argparse
import math
import random
import re
from functools import lru_cache
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]

TASKS = [
    ("get-started", "Get started", "Set up your business and connect your bank.", "material/rocket-launch"),
    ("get-paid", "Get paid", "Send invoices, take card payments and chase late payers.", "material/cash"),
    ("fix-payment-problems", "Fix payment problems", "Declined cards, missing invoices, late payouts.", "material/credit-card-off"),
    ("manage-bookings", "Manage bookings", "Take bookings online and deal with no-shows.", "material/calendar-check"),
    ("customers", "Customers", "Add, import and look after your customer list.", "material/account-group"),
    ("team-and-staff", "Team and staff", "Invite staff and set their hours.", "material/account-tie"),
    ("account-and-billing", "Your account", "Your plan, what you pay us, and how to change it.", "material/receipt-text"),
    ("reports-and-tax", "Reports and tax", "See what you earned and send figures to your accountant.", "material/chart-bar"),
]
VERBS = ["Send", "Change", "Set up", "Turn off", "Fix", "Find", "Export", "Cancel", "Move", "Check", "Add", "Remove"]
THINGS = ["invoice", "reminder", "deposit", "booking", "refund", "payout", "receipt", "customer note", "staff rota",
          "VAT rate", "price list", "card reader", "bank account", "gift voucher", "discount code", "opening hours",
          "service", "tip", "late fee", "text message", "email template", "report", "tax number", "logo"]
PLACES = ["for one customer", "for a whole month", "from your phone", "after a booking", "before you close",
          "for a new member of staff", "when a card is declined", "at the end of the year", "for a group booking"]
WORDS = ("tap open settings screen customer money amount save choose list date time email phone button menu "
         "page change check total paid unpaid send status number name price week month day card bank").split()
KINDS = ["how-to"] * 5 + ["troubleshooting"] * 2 + ["faq", "concept", "reference"]

# Realistic lengths: log-normal with median 700 words and P(words > 2,000) = 0.1.
MEDIAN_WORDS = 700
SIGMA = math.log(2000 / MEDIAN_WORDS) / 1.2816  # 1.2816: the standard normal's 90th percentile
SHORTEST, LONGEST = 60, 15_000
GLOSSARY_EVERY = 500  # articles per glossary page


# --- Short articles (the first benchmarks) ------------------------------------------------------------

def sentence(rng: random.Random, low: int = 8, high: int = 16) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def short_article(rng: random.Random, title: str, task: str, related: list[str]) -> str:
    kind = rng.choice(KINDS)
    steps = "\n".join(f"{n}. {sentence(rng, 6, 14)}" for n in range(1, rng.randint(3, 8)))
    paragraphs = "\n\n".join(sentence(rng) + " " + sentence(rng) for _ in range(rng.randint(1, 3)))
    related_line = f"related: [{', '.join(related)}]\n" if related else ""
    return (
        f"---\ntitle: {title}\nsummary: {sentence(rng, 10, 18)}\ntasks: [{task}]\n"
        f"kind: {kind}\ntime: {rng.randint(1, 10)}\nkeywords: [{rng.choice(THINGS)}, {rng.choice(WORDS)}]\n"
        f"{related_line}reviewed: 2026-{rng.randint(1, 10):02d}-{rng.randint(1, 28):02d}\n---\n\n"
        f"# {title}\n\n{sentence(rng)} {sentence(rng)}\n\n## Before you start\n\n- {sentence(rng, 5, 10)}\n"
        f"- {sentence(rng, 5, 10)}\n\n## Steps\n\n{steps}\n\n## What happens next\n\n{paragraphs}\n"
    )


# --- Realistic articles ---------------------------------------------------------------------------

@lru_cache(maxsize=1)
def sample_sentences() -> tuple[str, ...]:
    """Plain sentences of the sample help centre's articles (markup, links and list markers removed)."""
    found = []
    for path in sorted((REPO / "content").rglob("*.md")):
        body = path.read_text(encoding="utf-8").split("---", 2)[-1]
        for line in body.splitlines():
            if line.lstrip().startswith(("#", "|", "!!!", "```", "<")):
                continue
            line = re.sub(r"^\s*(?:[-*]|\d+\.)\s+|[*`>_]|\[([^\]]*)\]\([^)]*\)", r"\1", line).strip()
            found += [s.strip() for s in re.split(r"(?<=[.?!])\s+", line) if len(s.split()) >= 4]
    return tuple(found)


def made_up_words(rng: random.Random, count: int) -> list[str]:
    syllables = ["ta", "ro", "mi", "ven", "dor", "ka", "lu", "sen", "bri", "tho", "pan", "qui", "zel", "mar", "fo",
                 "ni", "gal", "pe", "rus", "ble"]
    words: set[str] = set()
    while len(words) < count:
        words.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))))
    return sorted(words)


class Writer:
    """Sentences of the sample content with product words swapped in, Zipf-like: a few product words
    are everywhere, most are rare, and new ones keep turning up as the manual grows."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.sentences = sample_sentences()
        self.products = made_up_words(random.Random(11), 100_000)
        random.Random(12).shuffle(self.products)  # frequency rank unrelated to spelling

    def product_word(self) -> str:
        # Lomax (shifted Pareto) ranks: a quarter of the uses among the 50 commonest, a long tail of rare
        # ones; about 15,000 distinct words in all at 1,000 articles, 30,000 at 5,000 (Heaps' law).
        rank = int(50 * (self.rng.paretovariate(0.4) - 1))
        return self.products[min(rank, len(self.products) - 1)]

    def sentence(self) -> str:
        words = self.rng.choice(self.sentences).split()
        for _ in range(self.rng.choice((0, 0, 1, 1, 1))):
            words[self.rng.randrange(len(words))] = self.product_word()
        return " ".join(words)

    def words(self, count: int) -> str:
        """Whole sentences adding up to about `count` words (a sentence goes in if at least half of it fits)."""
        out, total = [], 0
        while True:
            s = self.sentence()
            size = len(s.split())
            if out and total + size / 2 > count:
                return " ".join(out)
            out.append(s)
            total += size

    def phrase(self, low: int = 2, high: int = 5) -> str:
        words = self.sentence().split()[: self.rng.randint(low, high)]
        return " ".join(words).rstrip(".,;:!?").capitalize()


def article_length(rng: random.Random, index: int) -> int:
    if index % 1000 == 500:  # the odd huge reference page a real manual has
        return LONGEST
    return max(SHORTEST, min(LONGEST, int(rng.lognormvariate(math.log(MEDIAN_WORDS), SIGMA))))


def realistic_body(write: Writer, words: int, links: list[str]) -> str:
    """Markdown body of about `words` words: an intro, then sections of 80-350 words in varied shapes."""
    rng = write.rng
    parts = [write.words(min(words, rng.randint(30, 80)))]
    written = len(parts[0].split())
    section = 0
    while written < words:
        section += 1
        size = min(words - written, rng.randint(80, 350))
        level = "###" if words > 3000 and section % 4 else "##"
        heading = write.phrase()
        shape = rng.random()
        if shape < 0.35:  # numbered steps
            steps = max(2, size // 18)
            block = "\n".join(f"{n}. {write.words(size // steps)}" for n in range(1, steps + 1))
        elif shape < 0.5:  # bullet list
            items = max(2, size // 14)
            block = "\n".join(f"- {write.words(size // items)}" for _ in range(items))
        elif shape < 0.56:  # a small table
            rows = max(2, size // 12)
            block = "| Setting | What it does |\n|---|---|\n" + "\n".join(
                f"| {write.phrase(1, 3)} | {write.words(size // rows)} |" for _ in range(rows))
        elif shape < 0.62:  # a tip, then prose
            block = f"!!! tip\n    {write.words(25)}\n\n{write.words(max(20, size - 25))}"
        elif shape < 0.65:  # a code block, then prose
            block = (f"```\n{write.product_word()}: {rng.randint(1, 999)}\n{write.product_word()}: true\n```\n\n"
                     f"{write.words(max(20, size - 6))}")
        else:  # paragraphs
            paragraphs = max(1, size // 90)
            block = "\n\n".join(write.words(size // paragraphs) for _ in range(paragraphs))
        if links and rng.random() < 0.3:
            target = rng.choice(links)
            block += f" See [{write.phrase(2, 4).lower()}]({target})."
        parts.append(f"{level} {heading}\n\n{block}")
        written += len(heading.split()) + len(block.split())
    return "\n\n".join(parts) + "\n"


def realistic_article(write: Writer, index: int, title: str, task: str, related: list[str]) -> str:
    rng = write.rng
    words = article_length(rng, index)
    links = [f"../{path}" for path in related]
    meta = {"title": title, "summary": write.words(14), "tasks": [task], "kind": rng.choice(KINDS),
            "time": rng.randint(1, 15),
            "keywords": sorted({re.sub(r"[^\w' -]", "", write.phrase(1, 2)).lower() for _ in range(rng.randint(2, 6))}),
            **({"related": related} if related else {}),
            "reviewed": f"2026-{rng.randint(1, 10):02d}-{rng.randint(1, 28):02d}"}
    front = "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=10_000) + "---\n\n"
    return front + f"# {title}\n\n" + realistic_body(write, words, links)


def link_list(title: str, summary: str, entries: list[tuple[str, str]], task: str | None) -> str:
    """A navigation page: one link per article, nothing else (real manuals have these)."""
    meta = {"title": title, "summary": summary, **({"tasks": [task]} if task else {}), "kind": "reference"}
    front = "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=10_000) + "---\n\n"
    return front + f"# {title}\n\n" + "\n".join(f"- [{name}]({href})" for name, href in entries) + "\n"


def glossary(write: Writer, number: int, terms: int = 80) -> str:
    """A glossary: a heading per term and one short definition each."""
    seen: set[str] = set()
    body = []
    while len(seen) < terms:
        term = write.phrase(1, 3)
        if term.lower() in seen:
            continue
        seen.add(term.lower())
        body.append(f"## {term}\n\n{write.words(write.rng.randint(10, 25))}")
    return (f"---\ntitle: Glossary {number}\nsummary: What the words in this help centre mean.\nkind: reference\n---\n\n"
            f"# Glossary {number}\n\n" + "\n\n".join(body) + "\n")


# --- The whole knowledge base ----------------------------------------------------------------------

def generate(count: int, out: Path, *, seed: int = 7, realistic: bool = False) -> Path:
    """Write `out/mkdocs.yml` and `out/content/` with `count` articles; returns the mkdocs.yml path.

    `realistic=False` keeps the short uniform articles (scale tests compare page sizes across sizes and
    need every article alike); the benchmark passes `realistic=True`."""
    rng = random.Random(seed)
    write = Writer(rng)
    content = out / "content"
    paths: list[str] = []
    titles: set[str] = set()
    by_task: dict[str, list[tuple[str, str]]] = {task[0]: [] for task in TASKS}
    for index in range(count):
        task = TASKS[index % len(TASKS)][0]
        title = f"{rng.choice(VERBS)} a {rng.choice(THINGS)} {rng.choice(PLACES)}"
        if title in titles:
            title = f"{title} ({index})"
        titles.add(title)
        path = f"{task}/article-{index:05d}.md"
        related = [p for p in paths[-3:] if rng.random() < 0.5]
        target = content / path
        target.parent.mkdir(parents=True, exist_ok=True)
        text = realistic_article(write, index, title, task, related) if realistic else short_article(rng, title, task, related)
        target.write_text(text, encoding="utf-8")
        paths.append(path)
        by_task[task].append((title, path))
    if realistic:
        nav = content / "browse"
        nav.mkdir(parents=True, exist_ok=True)
        every = [(title, f"../{path}") for task in by_task.values() for title, path in task]
        (nav / "all-articles.md").write_text(
            link_list("All articles", "Every article in this help centre, by topic.", every, None), encoding="utf-8")
        for task_id, title, _, _ in TASKS:
            entries = [(name, f"../{path}") for name, path in by_task[task_id]]
            (nav / f"{task_id}-articles.md").write_text(
                link_list(f"{title}: all articles", f"Every article about {title.lower()}.", entries, task_id),
                encoding="utf-8")
        for number in range(1, max(1, count // GLOSSARY_EVERY) + 1):
            (nav / f"glossary-{number}.md").write_text(glossary(write, number), encoding="utf-8")
    tasks_yml = []
    for order, (task_id, title, description, icon) in enumerate(TASKS):
        journey = [p for p in paths if p.startswith(task_id + "/")][:4]
        tasks_yml.append(f"- id: {task_id}\n  title: {title}\n  description: {description}\n  icon: {icon}\n"
                         f"  order: {order}\n  journey: [{', '.join(journey)}]\n")
    (content / "tasks.yml").write_text("".join(tasks_yml), encoding="utf-8")
    (content / "synonyms.yml").write_text(
        "refund: [money back, reimburse]\ninvoice: [bill, statement]\nbooking: [appointment, slot]\n"
        "payout: [transfer, money in bank]\ncancel: [call off]\n", encoding="utf-8")
    (content / "index.md").write_text(f"# Help centre ({count} articles)\n\nPick what you want to do.\n", encoding="utf-8")
    config = out / "mkdocs.yml"
    config.write_text(
        "site_name: Generated help centre\ndocs_dir: content\nuse_directory_urls: false\n"
        "theme:\n  name: material\n  font: false\nplugins:\n  - nightdesk/tasks\n", encoding="utf-8")
    return config


def length_stats(content: Path) -> dict:
    """Word counts of the generated articles' bodies (after the front matter; list markers, table pipes and
    numbers are not words): what the docstring promises."""
    counts = sorted(len(re.findall(r"[^\W\d_]\S*", p.read_text(encoding="utf-8").split("\n---\n", 1)[1]))
                    for p in content.glob("*/article-*.md"))
    return {"articles": len(counts), "median": counts[len(counts) // 2],
            "over_2000": sum(c > 2000 for c in counts) / len(counts), "longest": counts[-1],
            "total_words": sum(counts)}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--short", action="store_true", help="short uniform articles instead of realistic ones")
    options = parser.parse_args()
    print(generate(options.count, options.out, realistic=not options.short))
    if not options.short:
        print(length_stats(options.out / "content"))
