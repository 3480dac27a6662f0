"""The code stays lint-clean, formatted and type-checked (ruff and mypy, configured in pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys

from .conftest import ROOT


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True)


def test_ruff_finds_no_lint_problems():
    result = run("ruff", "check", "macros", "tests", "benchmarks")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_code_is_formatted():
    result = run("ruff", "format", "--check", "macros", "tests", "benchmarks")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_finds_no_type_errors():
    result = run("mypy")
    assert result.returncode == 0, result.stdout + result.stderr
