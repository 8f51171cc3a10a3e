"""Demo data: the written parts — meeting titles, agendas, minutes, decisions and action items."""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Any

from fieldgroup.core.entities import Group, Meeting

if TYPE_CHECKING:
    from fieldgroup.core.demo import _DemoBuilder

PILLARS = ("company", "government", "civil_society", "observer")
# A meeting whose minutes are still being written: held in the last days before "today".
MINUTES_LAG_DAYS = 7


def meeting_fields(
    builder: _DemoBuilder, kind: str, day: date, group: Group, pillar: str | None,
    region: str, towns: tuple[str, ...], number: int,
) -> tuple[dict[str, Any], dict[str, str]]:
    """Title, place, agenda, minutes and decisions of one meeting, and the context its action items reuse."""
    rng, text = builder.rng, builder.text
    context = _context(builder, group, region, towns, pillar)
    context["pillar"] = text.pillar_names[pillar] if pillar else ""
    context["n"] = str(number)
    if kind == "subnational" or group is not builder.national:
        place = context["town"]
    elif kind == "workshop" and rng.random() < 0.3:
        place = rng.choice([t for r in text.regions for t in r.towns])
    else:
        place = rng.choice(text.venues)
    context["place"] = place
    fields: dict[str, Any] = {
        "title": rng.choice(text.titles[kind]).format(**context),
        "place": place,
        "agenda": _agenda(builder, kind, context),
    }
    age = (builder.today - day).days
    if age > MINUTES_LAG_DAYS or (age > 0 and rng.random() < 0.5):
        fields["minutes"] = _minutes(builder, context)
        count = rng.randint(1, 2) if kind == "pillar" else rng.randint(2, 4)
        decisions = _fitting(text.decisions, pillar, count)
        fields["decisions"] = "\n".join(_fill(rng.sample(decisions, count), context))
    return fields, context


def action_fields(builder: _DemoBuilder, meeting: Meeting | None) -> dict[str, Any]:
    """Title, note and owner (a person, their organisation, both or neither) of one action item."""
    rng, text = builder.rng, builder.text
    if meeting is not None:
        context, present = builder.context[meeting.id], builder.present.get(meeting.id, [])
        group_id = meeting.group_id
    else:
        national = builder.national
        context, present = _context(builder, national, "", builder.regions[national.id][1]), []
        group_id = national.id
    # Deal the titles like cards, so one meeting does not agree on the same thing twice.
    deck = builder.title_decks.setdefault(meeting.id if meeting else "", [])
    if not deck:
        titles = _fitting(text.actions, context.get("pillar_key") or None, 3)
        deck.extend(rng.sample(titles, len(titles)))
    fields: dict[str, Any] = {"title": deck.pop().format(**context)}
    if rng.random() < 0.4:
        fields["description"] = rng.choice(text.action_notes)
    roll = rng.random()
    if present and roll < 0.75:
        person = rng.choice(present)
        fields["owner_person_id"] = person.id
        if roll >= 0.45:
            fields["owner_organisation_id"] = person.organisation_id
    elif roll < 0.96:
        orgs = [builder.org_by_id[p.organisation_id] for p in present] or builder.orgs[group_id]
        fields["owner_organisation_id"] = rng.choice(orgs).id
    return fields


def _context(
    builder: _DemoBuilder, group: Group, region: str, towns: tuple[str, ...], pillar: str | None = None
) -> dict[str, str]:
    rng, text = builder.rng, builder.text
    if not region:  # a national meeting talks about one of the regions
        chosen = rng.choice(text.regions)
        region, towns = chosen.name, chosen.towns
    context = {"region": region, "town": rng.choice(towns), "topic": rng.choice(text.topics)}
    for each in PILLARS:
        members = [o for o in builder.orgs[group.id] if o.pillar == each]
        members = members or [o for o in builder.orgs[builder.national.id] if o.pillar == each]
        context[each] = rng.choice(members).name
    hosts = [o for o in builder.orgs[group.id] if pillar in (None, o.pillar)] or builder.orgs[group.id]
    context["org"] = rng.choice(hosts).name
    context["pillar_key"] = pillar or ""
    return context


@cache  # the same few tables are filtered for every meeting and action item
def _fitting(templates: tuple[str, ...], pillar: str | None, need: int) -> tuple[str, ...]:
    """At a pillar meeting, only texts that name no organisation of another pillar (if enough are left)."""
    if pillar is None:
        return templates
    others = ["{" + p + "}" for p in PILLARS if p != pillar]
    fitting = tuple(t for t in templates if not any(key in t for key in others))
    return fitting if len(fitting) >= need else templates


def _fill(templates: list[str], context: dict[str, str]) -> list[str]:
    return [template.format(**context) for template in templates]


def _agenda(builder: _DemoBuilder, kind: str, context: dict[str, str]) -> str:
    rng, text = builder.rng, builder.text
    items = list(text.agenda_open[: rng.randint(2, len(text.agenda_open))])
    specific = _fitting(text.agenda[kind], context["pillar_key"] or None, 2)
    picked = rng.sample(range(len(specific)), rng.randint(min(2, len(specific)), min(5, len(specific))))
    items += [specific[i] for i in sorted(picked)]  # agenda items keep their natural order
    items += list(text.agenda_close)
    return "\n".join(_fill(items, context))


def _minutes(builder: _DemoBuilder, context: dict[str, str]) -> str:
    """Paragraphs separated by blank lines, with "- " bullet lines between them."""
    rng, text = builder.rng, builder.text
    pillar = context["pillar_key"] or None
    paragraphs, lines = _fitting(text.minutes, pillar, 4), _fitting(text.bullets, pillar, 4)
    body = rng.sample(paragraphs, min(len(paragraphs), rng.randint(2, 4)))
    bullets = rng.sample(lines, min(len(lines), rng.randint(2, 5)))
    split = rng.randint(1, len(bullets))
    blocks = [rng.choice(text.minutes_open), body[0], "\n".join(bullets[:split])]
    blocks += body[1:]
    if bullets[split:]:
        blocks.append("\n".join(bullets[split:]))
    blocks.append(rng.choice(text.minutes_close))
    return "\n\n".join(block.format(**context) for block in blocks)
