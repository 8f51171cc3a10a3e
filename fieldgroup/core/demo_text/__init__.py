"""Per-language text of the demo working group: names, agendas, minutes, decisions, action items, indicators."""

from __future__ import annotations

import importlib
from dataclasses import dataclass

# Languages with their own demo text; anything else (a pseudo-locale, say) gets the English group.
DEMO_LANGUAGES = ("en", "fr", "es", "pt", "id", "my")


@dataclass(frozen=True, slots=True)
class Region:
    """A region with its own sub-group; `towns` are the places its meetings and organisations use."""

    name: str
    group: str
    towns: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class IndicatorText:
    """A manual M&E indicator: `goal` is what the group aims to reach by the end of the targets."""

    code: str
    name: str
    description: str
    unit: str
    direction: str
    baseline: float
    goal: float
    period_kind: str = "quarter"
    reported: bool = True  # False: targets set but nobody has reported a value yet ("no data")


@dataclass(frozen=True, slots=True)
class DemoText:
    """Everything written in one language.

    Templates may use {company}, {government}, {civil_society}, {observer}, {org}, {town},
    {region}, {place}, {pillar}, {topic} and {n}; unused ones are simply ignored. Free text never
    names a person, so no protected name can leak through minutes or action titles."""

    language: str
    country: str
    dial_code: str
    national_group: str
    capital: str
    venues: tuple[str, ...]
    regions: tuple[Region, Region]
    # pillar -> (name, kind); the national group's members, in order of prominence
    organisations: dict[str, tuple[tuple[str, str], ...]]
    # pillar -> (name template with {town}/{region}, kind); members of the regional sub-groups
    regional_organisations: dict[str, tuple[tuple[str, str], ...]]
    branch: str  # another office of an organisation, e.g. "{name} ({town})"
    female_names: tuple[str, ...]
    male_names: tuple[str, ...]
    surnames: tuple[str, ...]
    # A role "Directeur|Directrice" gives the first form to men and the second to women.
    roles: dict[str, tuple[str, ...]]
    protected_roles: tuple[str, ...]
    pillar_names: dict[str, str]
    titles: dict[str, tuple[str, ...]]
    topics: tuple[str, ...]
    agenda_open: tuple[str, ...]
    agenda: dict[str, tuple[str, ...]]
    agenda_close: tuple[str, ...]
    minutes_open: tuple[str, ...]
    minutes: tuple[str, ...]
    bullets: tuple[str, ...]
    minutes_close: tuple[str, ...]
    decisions: tuple[str, ...]
    actions: tuple[str, ...]
    action_notes: tuple[str, ...]
    # Index 2 must be an indicator with reported=False, so even the small demo shows "no data".
    indicators: tuple[IndicatorText, ...]
    computed: dict[str, str]
    value_notes: tuple[str, ...]
    name_format: str = "{first} {last}"


def text_for(locale: str) -> DemoText:
    """The demo text for a locale such as 'fr', 'es_CO' or 'pt-MZ'; English when there is none."""
    language = (locale or "en").replace("-", "_").split("_")[0].lower()
    if language not in DEMO_LANGUAGES:
        language = "en"
    module = importlib.import_module(f"fieldgroup.core.demo_text.text_{language}")
    return module.TEXT
