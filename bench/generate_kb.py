"""Generate a deterministic, realistic knowledge base of N articles for benchmarks and scale tests.

    python bench/generate_kb.py 1000 /tmp/kb1000      # writes mkdocs.yml + content/

Articles look like the sample ones: front matter, a short intro, "Before you start", numbered steps,
"What happens next"; 8 tasks with journeys and a synonyms file. The same N always gives the same files.
"""
from __future__ import annotations

import argparse
import random
from pathlib import Path

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


def sentence(rng: random.Random, low: int = 8, high: int = 16) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def article(rng: random.Random, index: int, task_ids: list[str], title: str, related: list[str]) -> str:
    kind = rng.choice(KINDS)
    steps = "\n".join(f"{n}. {sentence(rng, 6, 14)}" for n in range(1, rng.randint(3, 8)))
    paragraphs = "\n\n".join(sentence(rng) + " " + sentence(rng) for _ in range(rng.randint(1, 3)))
    related_line = f"related: [{', '.join(related)}]\n" if related else ""
    return (
        f"---\ntitle: {title}\nsummary: {sentence(rng, 10, 18)}\ntasks: [{', '.join(task_ids)}]\n"
        f"kind: {kind}\ntime: {rng.randint(1, 10)}\nkeywords: [{rng.choice(THINGS)}, {rng.choice(WORDS)}]\n"
        f"{related_line}reviewed: 2026-{rng.randint(1, 10):02d}-{rng.randint(1, 28):02d}\n---\n\n"
        f"# {title}\n\n{sentence(rng)} {sentence(rng)}\n\n## Before you start\n\n- {sentence(rng, 5, 10)}\n"
        f"- {sentence(rng, 5, 10)}\n\n## Steps\n\n{steps}\n\n## What happens next\n\n{paragraphs}\n"
    )


def generate(count: int, out: Path, *, seed: int = 7) -> Path:
    """Write `out/mkdocs.yml` and `out/content/` with `count` articles; returns the mkdocs.yml path."""
    rng = random.Random(seed)
    content = out / "content"
    paths: list[str] = []
    titles: set[str] = set()
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
        target.write_text(article(rng, index, [task], title, related), encoding="utf-8")
        paths.append(path)
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


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    options = parser.parse_args()
    print(generate(options.count, options.out))
