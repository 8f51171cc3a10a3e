"""A national group's computed indicators include its sub-groups by default; unticking "With sub-groups" leaves
them out."""

from datetime import date

from fieldgroup.core import open_store
from fieldgroup.core.demo import generate_demo
from fieldgroup.core.indicators import COMPUTED
from fieldgroup.core.members import subgroup_ids
from fieldgroup.core.results_rollup import ROLLUP

TODAY = date(2025, 6, 15)


def test_subnational_meetings_of_the_national_group_count_the_sub_groups(tmp_path):
    path = tmp_path / "r.fgstore"
    generate_demo(path, size="realistic", today=TODAY)
    with open_store(path, today=lambda: TODAY) as store:
        national = next(g for g in store.groups.list() if g.parent_id is None)
        rolled = store.computed_values(national.id, "subnational_meetings", "year")
        each = [sum(store.computed_values(g.id, "subnational_meetings", "year", this_group_only=True).values())
                for g in store.groups.list()]
        own = store.computed_values(national.id, "subnational_meetings", "year", this_group_only=True)
        # Most sub-national meetings are held by the regional sub-groups: the national figure includes them.
        assert sum(rolled.values()) == sum(each) > 2 * sum(own.values())
        indicator = next(i for i in store.indicators.list(group_id=national.id) if i.computed == "meetings_held")
        all_rows = store.indicator_progress(indicator.id)
        own_rows = store.indicator_progress(indicator.id, this_group_only=True)
        assert sum(r.actual or 0 for r in all_rows) > sum(r.actual or 0 for r in own_rows)


def test_every_computed_indicator_says_how_it_rolls_up():
    assert set(ROLLUP) == set(COMPUTED)


def test_scope_survives_a_loop_in_parent_links(store):
    a = store.groups.create(name="A")
    b = store.groups.create(name="B", parent_id=a.id)
    c = store.groups.create(name="C", parent_id=b.id)
    assert subgroup_ids(store, a.id) == [a.id, b.id, c.id]
    assert subgroup_ids(store, b.id, include_subgroups=False) == [b.id]
