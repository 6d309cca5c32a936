from nightdesk.core.tasks import read_tasks_file

GOOD = """\
- id: get-paid
  title: Get paid
  description: Send invoices.
  icon: material/cash
  order: 2
  journey:
    - get-paid/first.md
- id: bookings
  title: Manage bookings
  order: 1
"""


def test_tasks_are_read_in_their_order():
    tasks, problems = read_tasks_file("tasks.yml", GOOD)
    assert problems == []
    assert [t.id for t in tasks] == ["bookings", "get-paid"]
    paid = tasks[1]
    assert (paid.title, paid.description, paid.icon, paid.journey, paid.journey_lines) == (
        "Get paid", "Send invoices.", "material/cash", ["get-paid/first.md"], [7])
    assert paid.hub_path == "get-paid/index.md"


def test_a_mapping_of_ids_also_works_and_titles_default_from_the_id():
    tasks, problems = read_tasks_file("tasks.yml", "get-paid: {description: Money in}\nfix-it: {}\n")
    assert problems == []
    assert [(t.id, t.title) for t in tasks] == [("get-paid", "Get paid"), ("fix-it", "Fix it")]


def test_problems_name_the_line():
    text = "- id: a\n- title: no id\n- id: a\n- id: Bad Id\n- id: b\n  colour: red\n  order: first\n- just text\n"
    tasks, problems = read_tasks_file("tasks.yml", text)
    assert [t.id for t in tasks] == ["a", "b"]
    assert [str(p) for p in problems] == [
        "tasks.yml:2: error: task without an 'id'",
        "tasks.yml:3: error: task id 'a' is declared twice",
        "tasks.yml:4: error: task id 'Bad Id' must be lowercase letters, digits and hyphens (it becomes a URL)",
        "tasks.yml:6: warning: unknown key 'colour' in task 'b'; known keys: id, title, description, icon, order, journey, include, exclude",
        "tasks.yml:7: error: task 'b': 'order' must be a whole number, got 'first'",
        "tasks.yml:8: error: each task must be a mapping with at least 'id' and 'title'",
    ]


def test_bad_journey_and_bad_yaml():
    _, problems = read_tasks_file("tasks.yml", "- id: a\n  journey: first.md\n")
    assert str(problems[0]) == "tasks.yml:2: error: task 'a': 'journey' must be a list of article paths"
    _, problems = read_tasks_file("tasks.yml", "- id: a\n  title: [oops\n")
    assert problems[0].level == "error" and "not valid YAML" in problems[0].message
    _, problems = read_tasks_file("tasks.yml", "just a sentence\n")
    assert problems[0].message == "must be a list of tasks, each with an id and a title"
