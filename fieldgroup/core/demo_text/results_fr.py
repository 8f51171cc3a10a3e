"""French text of the demo results framework (DR Congo)."""

from fieldgroup.core.demo_results import ResultsText

TEXT = ResultsText(
    vision="Une RDC où entreprises, forces de sécurité et communautés respectent les droits humains autour "
           "de chaque projet.",
    mission="Nous réunissons entreprises, gouvernement et société civile pour prévenir et résoudre les problèmes "
            "de sécurité et de droits humains, et nous rendons compte ouvertement de ce qui change.",
    objectives=(
        ("Renforcer le dialogue entre les trois piliers",
         "Chaque pilier a participé à toutes les plénières cette année, et les deux provinces minières tiennent "
         "désormais leurs propres réunions."),
        ("Améliorer les pratiques de sécurité sur les sites",
         "Deux entreprises membres ont ajouté des clauses de droits humains à tous leurs contrats de sécurité ; "
         "la première évaluation conjointe des risques au Lualaba a été achevée."),
        ("Un accès effectif aux recours et un cadre politique national",
         "Les recommandations du groupe de travail ont été reprises dans le projet de plan d'action national."),
    ),
    results=(
        "Plénières et réunions de pilier tenues régulièrement",
        "Groupes provinciaux actifs dans les provinces minières",
        "Femmes et représentants des communautés participent à égalité",
        "Personnel de sécurité formé aux Principes volontaires",
        "Clauses de droits humains dans les contrats de sécurité privée",
        "Moins d'incidents impliquant les prestataires de sécurité",
        "Plaintes traitées rapidement et équitablement",
        "Plan d'action national entreprises et droits humains adopté",
    ),
    activities=(
        "Convoquer quatre plénières par an",
        "Tenir des réunions préparatoires par pilier avant chaque plénière",
        "Lancer le groupe provincial du Lualaba",
        "Séances de dialogue communautaire près des sites miniers",
        "Sensibilisation des organisations de femmes et des communautés",
        "Former les unités de sécurité publique aux Principes volontaires",
        "Former les gardes de sécurité privée des entreprises membres",
        "Rédiger des clauses types de droits humains pour les contrats de sécurité",
        "Évaluation conjointe des risques dans chaque territoire minier",
        "Mettre en place un registre commun des plaintes",
        "Soumettre des recommandations pour le plan d'action national",
        "Publier le rapport annuel d'avancement",
    ),
    currency="USD",
    rate=1.0,
    minutes=(
        ("internal", "Sécurité des participants",
         "Les menaces signalées avant la réunion ont été examinées ; le secrétariat assure le suivi avec chaque personne concernée."),
        ("members", "Budget et secrétariat",
         "Les membres ont approuvé le budget du secrétariat pour l'an prochain et l'hôte de la prochaine plénière."),
        ("public", "Décisions",
         "L'avancement du plan de travail a été présenté par {person}.\n- Le groupe organisera une visite de terrain conjointe avant la prochaine plénière.\n- Ce résumé est publié sur le site du groupe."),
    ),
)
