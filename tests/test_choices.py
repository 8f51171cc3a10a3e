"""Every stored choice is defined once, in core/choices.py, with its label, colour and mark (issue 11)."""

from __future__ import annotations

import re
from pathlib import Path

from fieldgroup.core import choices
from fieldgroup.core.schema import TABLES

PACKAGE = Path(__file__).resolve().parent.parent / "fieldgroup"
ALL = [value for value in vars(choices).values() if isinstance(value, choices.Choices)]


def test_every_choice_field_of_the_schema_comes_from_the_one_table():
    for spec in TABLES.values():
        for field in spec.fields:
            if field.choices:
                assert any(field.choices == c.values for c in ALL), (spec.name, field.name)


def test_each_choice_has_a_label_and_a_colour():
    for kind in ALL:
        for choice in kind:
            assert choice.label and re.fullmatch(r"#[0-9A-F]{6}", choice.colour), choice


def test_no_other_module_spells_a_choice_label_again():
    labels = {choice.label for kind in ALL for choice in kind}
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if path.name == "choices.py" or "demo_text" in path.parts:
            continue
        for msgid in re.findall(r"""N_\(\s*["']([^"']+)["']\s*\)""", path.read_text(encoding="utf-8")):
            if msgid in labels:
                offenders.append(f"{path.relative_to(PACKAGE)}: {msgid}")
    assert offenders == []


def test_unknown_values_show_as_themselves_and_protected_people_as_the_placeholder():
    assert choices.ACTION_STATUS.label("in_progress") == "in progress"
    assert choices.ACTION_STATUS.label("archived") == "archived"  # written by a newer version
    assert choices.protected_placeholder("civil_society") == "Protected participant (Civil society)"
    assert choices.protected_placeholder(None) == "Protected participant (unknown pillar)"
