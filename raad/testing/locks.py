"""The dependency locks: `requirements.lock` (what Råd needs to run) and `requirements-dev.lock` (tests,
linters and lock tools, constrained by the runtime lock), both pinned with hashes by pip-tools.

    python -m raad.testing.locks compile [pip-compile options, e.g. --upgrade-package NAME]   # make lock
    python -m raad.testing.locks check                                                       # make lint

`compile` runs pip-compile for each lock (the runtime lock first, since the development lock is constrained
by it) and writes on each lock's first line the SHA-256 of the inputs it was made from. `check` needs no
network: it fails when an input changed after its lock was made, when a requirement of an input is missing
from its lock or pinned outside its specifier, when a pin has no hash, or when the two locks pin one package
to different versions. docs/dependencies.md explains the files.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name

from raad.testing.cli import command_logger

ROOT = Path(__file__).resolve().parents[2]
STAMP = "# inputs-sha256: "
COMPILE_OPTIONS = (
    "--generate-hashes",
    "--allow-unsafe",
    "--strip-extras",
    "--no-emit-index-url",
    "--no-emit-find-links",
    "--quiet",
)


@dataclass(frozen=True)
class Lock:
    source: str  # the .in file pip-compile reads
    output: str  # the lock it writes
    inputs: tuple[str, ...]  # every file whose change makes the lock stale


LOCKS = (
    Lock("requirements.in", "requirements.lock", ("requirements.in",)),
    Lock("requirements-dev.in", "requirements-dev.lock", ("requirements-dev.in", "requirements.lock")),
)


def digest(lock: Lock, root: Path = ROOT) -> str:
    """SHA-256 over the inputs' names and contents (line endings normalised)."""
    sha = hashlib.sha256()
    for name in lock.inputs:
        text = (root / name).read_text(encoding="utf-8").replace("\r\n", "\n")
        sha.update(f"{name}\0{text}\0".encode())
    return sha.hexdigest()


def stamp(lock: Lock, root: Path = ROOT) -> None:
    """Write the inputs' digest on the lock's first line (replacing an older stamp)."""
    path = root / lock.output
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith(STAMP)]
    path.write_text(
        "\n".join([f"{STAMP}{digest(lock, root)} (of {', '.join(lock.inputs)}; `make lock` writes it)", *lines]) + "\n",
        encoding="utf-8",
    )


def compile_locks(extra: list[str], root: Path = ROOT) -> None:
    env = {**os.environ, "CUSTOM_COMPILE_COMMAND": "make lock"}
    for lock in LOCKS:
        command = [sys.executable, "-m", "piptools", "compile", *COMPILE_OPTIONS, *extra]
        command += ["--output-file", lock.output, lock.source]
        command_logger("raad.locks").info("$ pip-compile %s", " ".join(command[4:]))
        subprocess.run(command, cwd=root, env=env, check=True)
        stamp(lock, root)


# --- check (offline) --------------------------------------------------------------------------------------

_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)")


def pins(text: str) -> dict[str, tuple[str, bool]]:
    """{canonical name: (version, has a hash)} of a pip-compile lock (continuation lines joined)."""
    joined = re.sub(r"\\\n", " ", text)
    found: dict[str, tuple[str, bool]] = {}
    for line in joined.splitlines():
        match = _PIN.match(line.strip())
        if match:
            found[canonicalize_name(match.group(1))] = (match.group(2), "--hash=sha256:" in line)
    return found


def requirements(text: str) -> list[Requirement]:
    """The requirements of a .in file (options such as `-c file` and comments are skipped)."""
    found = []
    for raw in text.splitlines():
        line = raw.split(" #", 1)[0].strip()
        if not line or line.startswith(("#", "-")):
            continue
        try:
            found.append(Requirement(line))
        except InvalidRequirement as error:
            raise ValueError(f"cannot read the requirement {line!r}: {error}") from error
    return found


def problems(root: Path = ROOT) -> list[str]:
    found = []
    pinned: dict[str, dict[str, tuple[str, bool]]] = {}
    for lock in LOCKS:
        path = root / lock.output
        if not path.exists():
            found.append(f"{lock.output} is missing: run `make lock`")
            continue
        text = path.read_text(encoding="utf-8")
        first = text.splitlines()[0] if text else ""
        if not first.startswith(STAMP):
            found.append(f"{lock.output} has no inputs stamp on its first line: run `make lock`")
        elif first[len(STAMP) :].split()[0] != digest(lock, root):
            found.append(
                f"{lock.output} is stale: {' or '.join(lock.inputs)} changed after it was made; run `make lock`"
            )
        pinned[lock.output] = lock_pins = pins(text)
        for name, (version, hashed) in sorted(lock_pins.items()):
            if not hashed:
                found.append(f"{lock.output}: {name}=={version} has no hash")
        for requirement in requirements((root / lock.source).read_text(encoding="utf-8")):
            name = canonicalize_name(requirement.name)
            if requirement.marker is not None and not requirement.marker.evaluate():
                continue
            if name not in lock_pins:
                found.append(f"{lock.output} does not pin {requirement.name} (from {lock.source}): run `make lock`")
            elif not requirement.specifier.contains(lock_pins[name][0], prereleases=True):
                found.append(
                    f"{lock.output} pins {name}=={lock_pins[name][0]}, outside {requirement} in {lock.source}: "
                    "run `make lock`"
                )
    runtime, development = (pinned.get(lock.output, {}) for lock in LOCKS)
    for name in sorted(set(runtime) & set(development)):
        if runtime[name][0] != development[name][0]:
            found.append(
                f"{name} is {runtime[name][0]} in {LOCKS[0].output} but {development[name][0]} in {LOCKS[1].output}"
            )
    return found


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["compile"]:
        compile_locks(args[1:])
        return 0
    if args[:1] == ["check"] and len(args) == 1:
        found = problems()
        log = command_logger("raad.locks")
        for problem in found:
            log.error(problem)
        if not found:
            log.info("lock check: %s are fresh and hashed", ", ".join(lock.output for lock in LOCKS))
        return 1 if found else 0
    command_logger("raad.locks").error("usage: python -m raad.testing.locks compile [pip-compile options] | check")
    return 2


if __name__ == "__main__":
    sys.exit(main())
