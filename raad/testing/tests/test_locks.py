"""The offline lock check of `make lint`: a lock is stale when its inputs changed after `make lock`."""

from pathlib import Path

from raad.testing import locks

HASH = " \\\n    --hash=sha256:" + "0" * 64


def project(root: Path, runtime_in: str, runtime_lock: str, dev_in: str, dev_lock: str) -> Path:
    (root / "requirements.in").write_text(runtime_in)
    (root / "requirements.lock").write_text(runtime_lock)
    locks.stamp(locks.LOCKS[0], root)
    (root / "requirements-dev.in").write_text(dev_in)
    (root / "requirements-dev.lock").write_text(dev_lock)
    locks.stamp(locks.LOCKS[1], root)
    return root


def fresh(root: Path) -> Path:
    return project(
        root,
        "Django>=5.2,<5.3\npypdf\n",
        f"django==5.2.19{HASH}\n    # via -r requirements.in\npypdf==7.1.1{HASH}\nsqlparse==0.6.1{HASH}\n",
        "-c requirements.lock\npytest\n",
        f"pytest==9.2.0{HASH}\nsqlparse==0.6.1{HASH}\n",
    )


def test_fresh_hashed_locks_pass(tmp_path):
    assert locks.problems(fresh(tmp_path)) == []


def test_a_changed_input_without_a_new_lock_fails(tmp_path):
    root = fresh(tmp_path)
    (root / "requirements.in").write_text("Django>=5.2,<5.3\npypdf\nrequests\n")
    assert locks.problems(root) == [
        "requirements.lock is stale: requirements.in changed after it was made; run `make lock`",
        "requirements.lock does not pin requests (from requirements.in): run `make lock`",
        # the development lock is constrained by the runtime lock, which has not changed
    ]


def test_a_changed_runtime_lock_makes_the_development_lock_stale(tmp_path):
    """The development lock was resolved against the runtime lock's pins, so it must be made again."""
    root = fresh(tmp_path)
    (root / "requirements.lock").write_text((root / "requirements.lock").read_text().replace("7.1.1", "7.1.2"))
    assert locks.problems(root) == [
        "requirements-dev.lock is stale: requirements-dev.in or requirements.lock changed after it was made; "
        "run `make lock`",
    ]


def test_a_pin_without_hash_or_outside_its_specifier_or_disagreeing_fails(tmp_path):
    root = project(
        tmp_path,
        "Django>=5.2,<5.3\n",
        f"django==5.1.0{HASH}\nsqlparse==0.6.1\n",
        "-c requirements.lock\npytest\n",
        f"pytest==9.2.0{HASH}\nsqlparse==0.5.0{HASH}\n",
    )
    assert locks.problems(root) == [
        "requirements.lock: sqlparse==0.6.1 has no hash",
        "requirements.lock pins django==5.1.0, outside Django<5.3,>=5.2 in requirements.in: run `make lock`",
        "sqlparse is 0.6.1 in requirements.lock but 0.5.0 in requirements-dev.lock",
    ]


def test_the_project_locks_are_fresh_and_runtime_needs_no_test_tools():
    assert locks.problems() == []
    runtime = locks.pins((locks.ROOT / "requirements.lock").read_text())
    assert {"django", "pypdf", "weasyprint", "gunicorn"} <= set(runtime)
    assert not {"pytest", "playwright", "mypy", "ruff", "hypothesis", "pip-tools", "import-linter"} & set(runtime)
