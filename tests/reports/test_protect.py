"""The protection rule on free text: whole names, any case, accents or spacing, never inside a word."""

from __future__ import annotations

from fieldgroup.reports.protect import ProtectedName, Protector

AMARA = ProtectedName("Amara Protected-Person", "civil_society")
JOSE = ProtectedName("José Pérez", "company")
HIDDEN_CS = "Protected participant (Civil society)"
HIDDEN_CO = "Protected participant (Companies)"


def test_whole_name_in_any_case_and_spacing():
    protector = Protector([AMARA])
    assert protector.text("Met AMARA  protected-person today.") == f"Met {HIDDEN_CS} today."
    assert protector.text("amara protected-person\nsaid") == f"{HIDDEN_CS}\nsaid"


def test_accents_as_written_or_left_out():
    protector = Protector([JOSE])
    assert protector.text("José Pérez spoke; jose perez agreed; JOSÉ PÉREZ left.") == \
        f"{HIDDEN_CO} spoke; {HIDDEN_CO} agreed; {HIDDEN_CO} left."
    assert protector.text("Jose\u0301 Pe\u0301rez (decomposed)") == f"{HIDDEN_CO} (decomposed)"


def test_not_inside_longer_words_and_other_text_untouched():
    protector = Protector([AMARA, JOSE])
    text = "Amarantha, Personnel, JoséPérez and Pérezville stay; ñandú à Bogotá."
    assert protector.text(text) == text


def test_a_distinctive_part_alone_is_hidden_too():
    protector = Protector([AMARA, JOSE])
    assert protector.text("Amara alone; Sr. Pérez too.") == f"{HIDDEN_CS} alone; {HIDDEN_CO} too."


def test_include_protected_keeps_names():
    protector = Protector([AMARA], include_protected=True)
    assert protector.text("Amara Protected-Person") == "Amara Protected-Person"
    assert protector.name("Amara Protected-Person", "civil_society", True) == "Amara Protected-Person"


def test_names_and_owners():
    protector = Protector([AMARA])
    assert protector.name("Amara Protected-Person", "civil_society", True) == HIDDEN_CS
    assert protector.name("Ana Gómez", "company", False) == "Ana Gómez"
    assert protector.hides(True) and not protector.hides(False)


def test_names_typed_with_other_apostrophes_hyphens_or_soft_hyphens_are_hidden():
    from fieldgroup.reports.protect import ProtectedName, Protector

    protector = Protector([ProtectedName("Siobhan O'Neill", "civil_society"),
                           ProtectedName("Marie-Claire Dubois", "company")])
    for typed in ("Met Siobhan O’Neill today", "Marie Claire Dubois spoke", "MARIE-CLAIRE DUBOIS",
                  "Siobhan O'Nei\u00adll called"):
        printed = protector.text(typed)
        assert "Siobhan" not in printed and "Dubois" not in printed and "Protected participant" in printed
