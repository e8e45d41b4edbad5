"""The repository's own plumbing: CI runs the README's test command, wherever it runs."""

from __future__ import annotations

import re

import yaml
from conftest import ROOT


def test_readme_ci_and_github_workflow_run_the_same_test_command() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    assert re.search(r"^make test +# run every test", readme, re.MULTILINE)
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert ci.strip().splitlines()[-1] == "make test"
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "test.yml").read_text("utf-8"))
    steps = workflow["jobs"]["test"]["steps"]
    assert [step.get("run") for step in steps if step.get("run") == ".ci/run"] == [".ci/run"]
    uploaded = [step["with"]["path"] for step in steps if "upload-artifact" in step.get("uses", "")]
    assert "_build/html" in uploaded
    assert workflow["jobs"]["test"]["container"] == "debian:bookworm"


def test_property_tests_are_deterministic_and_never_timed() -> None:
    # tests/conftest.py loads the "closecalls" profile: a loaded CI machine cannot fail a property
    # test by being slow, and every run tries the same examples.
    from hypothesis import HealthCheck, settings

    assert settings.default.deadline is None
    assert settings.default.derandomize is True
    assert settings.default.database is None
    assert HealthCheck.too_slow in settings.default.suppress_health_check
