"""English text of the demo results framework (Ghana)."""

from fieldgroup.core.demo_results import ResultsText

TEXT = ResultsText(
    vision="A Ghana where companies, security forces and communities respect human rights around every project.",
    mission="We bring companies, government and civil society together to prevent and resolve security and "
            "human rights problems, and we report openly on what changes.",
    objectives=(
        ("Strengthen dialogue among the three pillars",
         "Every pillar took part in all plenaries this year, and both mining regions now hold their own meetings."),
        ("Improve security practices at project sites",
         "Two member companies added human rights clauses to all their security contracts; "
         "the first joint risk assessment in the Western Region was completed."),
        ("Effective remedy and a national policy framework",
         "The working group's recommendations were taken up in the draft national action plan."),
    ),
    results=(
        "Regular plenaries and pillar meetings held",
        "Sub-national working groups active in the mining regions",
        "Women and community representatives take part on equal terms",
        "Security personnel trained on the Voluntary Principles",
        "Human rights clauses in private security contracts",
        "Fewer incidents involving security providers",
        "Grievances resolved quickly and fairly",
        "National action plan on business and human rights adopted",
    ),
    activities=(
        "Convene four plenaries a year",
        "Hold pillar preparatory meetings before each plenary",
        "Launch the sub-national group in the Western Region",
        "Community dialogue sessions near mining sites",
        "Outreach to women's and community organisations",
        "Train public security units on the Voluntary Principles",
        "Train private security guards of member companies",
        "Draft model human rights clauses for security contracts",
        "Joint risk assessment in each mining district",
        "Set up a shared grievance register",
        "Submit recommendations for the national action plan",
        "Publish the annual progress report",
    ),
    currency="GHS",
    rate=12.0,
    minutes=(
        ("internal", "Security of participants",
         "Threats reported before the meeting were discussed; the secretariat follows up with each person concerned."),
        ("members", "Budget and secretariat",
         "Members agreed the secretariat's budget for next year and the host of the next plenary."),
        ("public", "Decisions",
         "The progress of the work plan was presented by {person}.\n- The group will hold a joint field visit before the next plenary.\n- This summary is published on the group's website."),
    ),
)
