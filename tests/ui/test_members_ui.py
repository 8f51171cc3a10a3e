"""Groups as a tree, one member directory, attendance across groups, who is missing with sub-groups (issue 18)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialogButtonBox, QPushButton
from qt_helpers import press

from fieldgroup.ui.context import AppContext
from fieldgroup.ui.dialogs.group_dialog import GroupDialog
from fieldgroup.ui.dialogs.members_dialog import MembersDialog, MembershipDialog
from fieldgroup.ui.pages.attendance_panel import AttendancePanel
from fieldgroup.ui.pages.dashboard_page import DashboardPage


def test_regional_group_member_from_the_national_directory_seen_in_the_national_view(
        qtbot, store, group, pillars, answer_dialog):
    company_org, company_person = pillars["company"]
    # 1. A regional group under the national one, made in the group dialog.
    dialog = GroupDialog(store, None, group.id)
    qtbot.addWidget(dialog)
    assert dialog.kind.currentData() == "regional"
    dialog.name.setText("Western Region ICWG")
    dialog.region.setText("Western")
    press(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
    regional = dialog.saved
    assert (regional.parent_id, regional.kind, regional.country) == (group.id, "regional", "GH")

    # 2. A national member organisation joins the regional group from the directory.
    def choose_company(membership: MembershipDialog) -> None:
        membership.organisation.setCurrentIndex(membership.organisation.findData(company_org.id))
        press(qtbot, membership, QDialogButtonBox.StandardButton.Save)

    answer_dialog(MembershipDialog, choose_company)
    members = MembersDialog(store, regional.id)
    qtbot.addWidget(members)
    [add] = [b for b in members.findChildren(QPushButton) if "directory" in b.text()]
    add.click()
    assert [members.table.item(r, 0).text() for r in range(members.table.rowCount())] == ["company org"]
    assert store.memberships.of_group(regional.id)[0].status == "member"

    # 3. Their person is offered first in a regional meeting's attendance picker, and recorded present.
    meeting = store.meetings.create(group_id=regional.id, kind="subnational", date=date(2025, 5, 6), region="Western")
    regional_ctx = AppContext(store, regional.id)
    panel = AttendancePanel(regional_ctx, lambda: meeting.id)
    qtbot.addWidget(panel)
    panel.set_meeting(meeting.id)
    qtbot.waitUntil(lambda: panel.choices.rowCount() == 4)  # the picker fills in from the background
    offered = [panel.choices.row_object(r).id for r in range(panel.choices.rowCount())]
    assert offered[0] == company_person.id and len(offered) == 4  # the whole network, members first
    panel.add_person(company_person.id)
    assert [line.person_id for line in store.attendance.of_meeting(meeting.id)] == [company_person.id]

    # 4. The national dashboard with sub-groups counts it, with a region breakdown.
    page = DashboardPage(AppContext(store, group.id))
    qtbot.addWidget(page)
    page.show()
    box = page.missing_box
    qtbot.waitUntil(lambda: "never attended" in box.text.toPlainText())
    assert "company org" in box.text.toPlainText().split("stopped attending")[0]  # national meetings only: never came
    assert box.with_subgroups.isVisible()
    box.with_subgroups.setChecked(True)
    qtbot.waitUntil(lambda: "By region" in box.text.toPlainText())
    text = box.text.toPlainText()
    assert "Western: 1 meeting, 1 present" in text
    assert "company org" not in text.split("stopped attending")[0]


def test_after_migration_the_balance_notice_and_sub_type_review_come_once(qtbot, tmp_path, monkeypatch, answer_dialog):
    from PySide6.QtWidgets import QMessageBox

    from fieldgroup.core import open_store
    from fieldgroup.ui.dialogs.subtype_review_dialog import SubtypeReviewDialog
    from fieldgroup.ui.main_window import MainWindow
    from tests.members.test_migration import U, make_store_before_members

    path = tmp_path / "old.fgstore"
    make_store_before_members(path, monkeypatch)
    notices = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, title, _text: notices.append(title))

    def decide_farmers(review: SubtypeReviewDialog) -> None:
        row = [o.id for o in review.organisations].index(U("o_farm"))
        review.combos[row].setCurrentIndex(review.combos[row].findData("community"))
        press(qtbot, review, QDialogButtonBox.StandardButton.Save)

    reviews = answer_dialog(SubtypeReviewDialog, decide_farmers)
    store = open_store(path, today=lambda: date(2025, 6, 15))
    try:
        window = MainWindow(store)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: len(notices) == 1 and len(reviews) == 1)
        window._member_notices()  # as when the app opens the store again: nothing more to say
        assert notices == ["Balance figures have changed"] and len(reviews) == 1
        assert store.organisations.get(U("o_farm")).subtype == "community"
        assert sorted(o.id for o in reviews[0].organisations) == sorted([U("o_farm"), U("o_mix"), U("o_nhri")])
    finally:
        store.close()


def test_roles_start_and_end_with_dates_and_a_new_focal_point_ends_the_old_one(qtbot, store, group, pillars,
                                                                               answer_dialog):
    from fieldgroup.ui.dialogs.members_dialog import EndRoleDialog, RoleDialog
    from fieldgroup.ui.widgets.dates import to_qdate

    ministry, abena = pillars["government"]
    kwame = store.people.create(organisation_id=ministry.id, name="Kwame", focal_point=True)  # focal point today

    def new_focal_point(dialog: RoleDialog) -> None:
        dialog.person.setCurrentIndex(dialog.person.findData(abena.id))
        dialog.role.setCurrentIndex(dialog.role.findData("focal_point"))
        press(qtbot, dialog, QDialogButtonBox.StandardButton.Save)

    def end_chair(dialog: EndRoleDialog) -> None:
        dialog.role.setCurrentIndex(dialog.role.findText("Chair: Kwame"))
        dialog.end.setDate(to_qdate(date(2025, 6, 30)))
        press(qtbot, dialog, QDialogButtonBox.StandardButton.Save)

    answer_dialog(RoleDialog, new_focal_point)
    answer_dialog(EndRoleDialog, end_chair)
    store.roles.start(kwame.id, group.id, "chair", date(2025, 1, 1))
    members = MembersDialog(store, group.id)
    qtbot.addWidget(members)
    members.select(ministry.id)
    members.add_role.click()
    members.end_role.click()
    history = [(store.people.get(r.person_id).name, r.role, r.end_date) for r in store.roles.list(organisation_id=ministry.id)]
    assert sorted(history, key=str) == sorted([("Kwame", "focal_point", date(2025, 6, 15)),
                                              (abena.name, "focal_point", None),
                                              ("Kwame", "chair", date(2025, 6, 30))], key=str)
    assert "Focal point: government person" in members.history.text()
