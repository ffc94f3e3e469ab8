"""environment.yml (conda) and pyproject.toml (pip) describe the same environment."""

from __future__ import annotations

import re
import tomllib

import yaml

from analysis.paths import PROJECT_ROOT


def _name(text: str) -> str:
    return re.sub(r"[-_.]+", "-", text).lower()


def _pyproject() -> dict[str, str]:
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    specs = project["dependencies"] + project["optional-dependencies"]["dev"]
    pins = {}
    for spec in specs:
        name, version = spec.split("==")
        pins[_name(name)] = version
    return pins


def _environment() -> dict[str, str]:
    env = yaml.safe_load((PROJECT_ROOT / "environment.yml").read_text(encoding="utf-8"))
    pins = {}
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            assert dep == {"pip": ["-e ."]}, "the pip section installs only the project itself"
            continue
        name, _, version = dep.partition("=")
        if name in ("python", "pip"):
            continue
        pins[_name(name)] = version
    return pins


def test_same_packages_and_versions():
    assert _environment() == _pyproject()


def test_every_pin_is_exact_and_locked():
    lock = (PROJECT_ROOT / "requirements.lock").read_text(encoding="utf-8")
    locked = {_name(m.group(1)): m.group(2) for m in re.finditer(r"^([A-Za-z0-9_.-]+)==(\S+)$", lock, re.M)}
    for name, version in _pyproject().items():
        assert locked.get(name) == version, f"{name}: pyproject {version}, lock {locked.get(name)}"


def test_ci_runs_exactly_make_test():
    script = (PROJECT_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line for line in script.splitlines() if line and not line.startswith("#")]
    assert commands[-1] == "exec make test"
