"""Every stored choice (pillar, gender, meeting kind, statuses, unit, direction…) once: its label, colour and mark.

The GUI, the reports and the command line take the words, colours and marks from here and nowhere
else. A colour is never the only signal: every use also shows the label (or a mark that survives
black-and-white printing). Labels are marked with N_() and translated when shown (`label()`).
`mark` is the drawn mark of a status (full, half, empty or none circle) or a pillar's print pattern;
`symbol` is the one-character mark screens put before the words.
"""

from __future__ import annotations

from dataclasses import dataclass

from fieldgroup.i18n import N_, _


@dataclass(frozen=True, slots=True)
class Choice:
    value: str
    label: str
    colour: str = "#7F8C8D"
    mark: str | None = None
    symbol: str = ""


class Choices:
    """One kind of choice, in its stored order."""

    def __init__(self, *choices: Choice):
        self._by_value = {c.value: c for c in choices}

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(self._by_value)

    def __iter__(self):
        return iter(self._by_value.values())

    def __contains__(self, value: object) -> bool:
        return value in self._by_value

    def __getitem__(self, value: str) -> Choice:
        return self._by_value[value]

    def get(self, value: str | None) -> Choice | None:
        return self._by_value.get(value or "")

    def label(self, value: str | None, empty: str = "") -> str:
        """The translated word for `value`; the value itself when unknown (data from a newer version)."""
        if value is None:
            return empty
        choice = self._by_value.get(value)
        return _(choice.label) if choice else str(value)

    def labels(self) -> dict[str, str]:
        """value -> untranslated label (N_), for tables that translate when they show."""
        return {c.value: c.label for c in self}

    def colours(self) -> dict[str, str]:
        return {c.value: c.colour for c in self}

    def marks(self) -> dict[str, str | None]:
        return {c.value: c.mark for c in self}

    def symbols(self) -> dict[str, str]:
        return {c.value: c.symbol for c in self}


# Colour-blind-safe (Okabe-Ito) hues for pillars and balance; darker ones where the colour is text.
PILLAR = Choices(
    Choice("company", N_("Companies"), "#0072B2", "solid"),
    Choice("government", N_("Government"), "#E69F00", "diagonal"),
    Choice("civil_society", N_("Civil society"), "#009E73", "cross"),
    Choice("observer", N_("Observers"), "#999999", None),
)
GENDER = Choices(Choice("female", N_("woman")), Choice("male", N_("man")), Choice("other", N_("other")))
MEETING_KIND = Choices(
    Choice("plenary", N_("Plenary")),
    Choice("pillar", N_("Pillar meeting")),
    Choice("subnational", N_("Sub-national meeting")),
    Choice("workshop", N_("Workshop")),
)
ATTENDANCE = Choices(
    Choice("present", N_("present"), "#1B7F3B", "full", "✓"),
    Choice("excused", N_("excused"), "#B9770E", "half", "~"),
    Choice("absent", N_("absent"), "#7F8C8D", "empty", "✗"),
)
ACTION_STATUS = Choices(
    Choice("open", N_("open"), "#2E6DB4", "empty", "○"),
    Choice("in_progress", N_("in progress"), "#B9770E", "half", "◐"),
    Choice("done", N_("done"), "#1B7F3B", "full", "●"),
    Choice("dropped", N_("dropped"), "#7F8C8D", "struck", "–"),  # struck: a circle crossed out (reports)
)
UNIT = Choices(Choice("number", N_("number")), Choice("percent", N_("percent")), Choice("yes_no", N_("yes/no")))
DIRECTION = Choices(Choice("increase", N_("higher is better")), Choice("decrease", N_("lower is better")))
PERIOD_KIND = Choices(Choice("quarter", N_("quarter")), Choice("year", N_("year")))
BALANCE_STATUS = Choices(
    Choice("balanced", N_("balanced"), "#009E73", "full", "✓"),
    Choice("imbalanced", N_("imbalanced"), "#E69F00", "half", "≈"),
    Choice("missing_pillar", N_("missing pillar"), "#D55E00", "empty", "✗"),
    # One pillar on purpose: its own status, never "missing pillar", out of every balance average.
    Choice("pillar_meeting", N_("pillar meeting"), "#7F8C8D", "none", "–"),
)
PROGRESS_STATUS = Choices(
    Choice("met", N_("met"), "#1B7F3B", "full", "●"),
    Choice("on_track", N_("on track"), "#2E6DB4", "half", "◐"),
    Choice("behind", N_("behind"), "#C0392B", "empty", "○"),
    Choice("no_data", N_("no data"), "#7F8C8D", "none", "–"),
)
# Incidents (issue 19): shared only with the core team.
INCIDENT_KIND = Choices(
    Choice("threat_to_defender", N_("threat or attack on a defender"), "#C0392B"),
    Choice("security_incident", N_("security incident"), "#D55E00"),
    Choice("grievance", N_("community grievance or complaint"), "#0072B2"),
    Choice("other", N_("other incident"), "#7F8C8D"),
)
INCIDENT_SEVERITY = Choices(
    Choice("low", N_("low"), "#7F8C8D", "empty", "○"),
    Choice("medium", N_("medium"), "#B9770E", "half", "◐"),
    Choice("high", N_("high"), "#D55E00", "full", "●"),
    Choice("critical", N_("critical"), "#C0392B", "full", "‼"),
)
INCIDENT_STATUS = Choices(
    Choice("reported", N_("reported"), "#2E6DB4", "empty", "○"),
    Choice("follow_up", N_("under follow-up"), "#B9770E", "half", "◐"),
    Choice("referred", N_("referred"), "#6A3FA0", "half", "→"),
    Choice("resolved", N_("resolved"), "#1B7F3B", "full", "●"),
    Choice("closed", N_("closed"), "#7F8C8D", "none", "–"),
)

# Who an organisation is, within its pillar (issue 18). Home governments (embassies) are a government
# sub-type shown apart: by default they do not count in the government pillar's balance.
ORG_SUBTYPE = Choices(
    Choice("host_government", N_("Host ministry or agency"), "#E69F00"),
    Choice("public_security", N_("Public security forces"), "#E69F00"),
    Choice("local_authority", N_("Local authority"), "#E69F00"),
    Choice("home_government", N_("Home government / embassy"), "#B9770E"),
    Choice("international", N_("International organisation"), "#999999"),
    Choice("extractive", N_("Extractive company"), "#0072B2"),
    Choice("private_security", N_("Private security provider"), "#0072B2"),
    Choice("company_other", N_("Other company"), "#0072B2"),
    Choice("ngo", N_("NGO"), "#009E73"),
    Choice("community", N_("Community-based organisation"), "#009E73"),
    Choice("indigenous", N_("Indigenous peoples' organisation"), "#009E73"),
    Choice("womens", N_("Women's organisation"), "#009E73"),
    Choice("youth", N_("Youth organisation"), "#009E73"),
    Choice("trade_union", N_("Trade union"), "#009E73"),
    Choice("academia", N_("Academia"), "#009E73"),
    Choice("media", N_("Media"), "#009E73"),
)
# The pillar each sub-type belongs to: an organisation's sub-type must be one of its pillar's.
SUBTYPE_PILLAR = {
    "host_government": "government", "public_security": "government", "local_authority": "government",
    "home_government": "government", "international": "observer", "extractive": "company",
    "private_security": "company", "company_other": "company", "ngo": "civil_society",
    "community": "civil_society", "indigenous": "civil_society", "womens": "civil_society",
    "youth": "civil_society", "trade_union": "civil_society", "academia": "civil_society", "media": "civil_society",
}


def subtypes_of(pillar: str | None) -> tuple[str, ...]:
    """The sub-types an organisation of `pillar` may have, in their stored order."""
    return tuple(value for value in ORG_SUBTYPE.values if SUBTYPE_PILLAR[value] == pillar)


GROUP_KIND = Choices(
    Choice("national", N_("National group")),
    Choice("regional", N_("Regional group")),
    Choice("thematic", N_("Thematic group")),
)
MEMBERSHIP_STATUS = Choices(
    Choice("member", N_("member"), "#1B7F3B", "full", "●"),
    Choice("observer", N_("observer"), "#2E6DB4", "half", "◐"),
    Choice("invited", N_("invited"), "#B9770E", "empty", "○"),
    Choice("left", N_("left"), "#7F8C8D", "none", "–"),
)
GROUP_ROLE = Choices(
    Choice("chair", N_("Chair")),
    Choice("co_chair", N_("Co-chair")),
    Choice("secretariat", N_("Secretariat")),
    Choice("focal_point", N_("Focal point")),
    Choice("alternate", N_("Alternate")),
)
# Optional, self-declared; shown only as totals of at least DIVERSITY_MIN_PEOPLE people, never per person.
# The value is the name of the person's bool field.
DIVERSITY = Choices(
    Choice("indigenous", N_("Indigenous")),
    Choice("youth", N_("Youth")),
    Choice("disability", N_("Person with disability")),
    Choice("affected_community", N_("Affected community")),
)
DIVERSITY_MIN_PEOPLE = 5
# The results framework (issue 17): time horizon, result type, activity status, minutes' audience, funder system.
HORIZON = Choices(Choice("short", N_("Short term")), Choice("medium", N_("Medium term")),
                  Choice("long", N_("Long term")))
RESULT_TYPE = Choices(Choice("output", N_("Output")), Choice("outcome", N_("Outcome")))
ACTIVITY_STATUS = Choices(  # Okabe-Ito hues for the timeline's bars; the status is always written beside them
    Choice("planned", N_("Planned"), "#56B4E9", "empty"),
    Choice("in_progress", N_("In progress"), "#0072B2", "half"),
    Choice("done", N_("Done"), "#009E73", "full"),
    Choice("postponed", N_("Postponed"), "#E69F00", "empty"),
    Choice("cancelled", N_("Cancelled"), "#BBBBBB", "none"),
)
AUDIENCE = Choices(Choice("internal", N_("Internal")), Choice("members", N_("Members")), Choice("public", N_("Public")))
FUNDER_SYSTEM = Choices(Choice("dhis2", N_("DHIS2")))

# Marks that are not a stored choice but state shown beside a record.
PROTECTED_COLOUR = "#6A3FA0"
OVERDUE_COLOUR = "#B9770E"


def protected_placeholder(pillar: str | None) -> str:
    """What shared or printed output says instead of a protected person's name."""
    label = PILLAR.label(pillar) or _("unknown pillar")
    return _("Protected participant ({pillar})").format(pillar=label)


def not_recorded() -> str:
    return _("not recorded")
