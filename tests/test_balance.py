"""Pillar balance maths, table-driven from DESIGN §6."""

import pytest

from fieldgroup.core.balance import balance_of


def people(company=0, government=0, civil=0, observer=0, women=0, unknown=0):
    rows = [("company", "male")] * company + [("government", "male")] * government
    rows += [("civil_society", "male")] * civil + [("observer", "male")] * observer
    # Re-label the first `women` rows as women and the next `unknown` as not recorded.
    rows = [(p, "female") if i < women else (p, None) if i < women + unknown else (p, g) for i, (p, g) in enumerate(rows)]
    return rows


@pytest.mark.parametrize(
    "counts, index, status",
    [
        ((5, 5, 5, 0), 1.00, "balanced"),
        ((10, 10, 0, 0), 0.63, "missing_pillar"),
        ((8, 5, 2, 0), 0.88, "imbalanced"),
        ((0, 0, 0, 0), 0.00, "missing_pillar"),
        ((5, 5, 5, 30), 1.00, "balanced"),  # observers never count
        ((0, 0, 0, 4), 0.00, "missing_pillar"),
        ((7, 5, 5, 0), 0.99, "balanced"),
    ],
)
def test_balance_index_and_status(counts, index, status):
    balance = balance_of(people(*counts))
    assert round(balance.index, 2) == index
    assert balance.status == status


def test_threshold_is_a_group_setting():
    assert balance_of(people(8, 5, 2), threshold=0.85).status == "balanced"
    assert balance_of(people(8, 5, 2), threshold=0.90).status == "imbalanced"


def test_womens_share_counts_only_recorded_genders():
    balance = balance_of(people(4, 4, 2, women=3, unknown=5))
    assert balance.gender_recorded == 5
    assert balance.women_share == pytest.approx(3 / 5)
    assert balance_of(people(2, 0, 0, unknown=2)).women_share is None


def test_missing_pillars_are_named():
    assert balance_of(people(3, 0, 1)).missing_pillars == ("government",)
