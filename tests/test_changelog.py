"""The changelog names the version the tool prints, as a section of Keep a Changelog."""

from __future__ import annotations

import re

from ca_summit import __version__

from conftest import ROOT


def test_the_changelog_has_a_section_for_this_version() -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    sections = re.findall(r"^## \[(\d+\.\d+\.\d+)\] - \d{4}-\d{2}-\d{2}$", text, re.M)
    assert sections and sections[0] == __version__
    assert re.search(r"^### (Added|Changed|Removed|Fixed)$", text, re.M)
