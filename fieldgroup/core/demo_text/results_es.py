"""Spanish text of the demo results framework (Colombia)."""

from fieldgroup.core.demo_results import ResultsText

TEXT = ResultsText(
    vision="Una Colombia donde empresas, fuerzas de seguridad y comunidades respetan los derechos humanos en "
           "torno a cada proyecto.",
    mission="Reunimos a empresas, gobierno y sociedad civil para prevenir y resolver los problemas de seguridad "
            "y derechos humanos, e informamos abiertamente sobre lo que cambia.",
    objectives=(
        ("Fortalecer el diálogo entre los tres pilares",
         "Todos los pilares participaron en todas las plenarias este año, y las dos regiones mineras ya celebran "
         "sus propias reuniones."),
        ("Mejorar las prácticas de seguridad en los proyectos",
         "Dos empresas miembro incluyeron cláusulas de derechos humanos en todos sus contratos de seguridad; "
         "se completó la primera evaluación conjunta de riesgos en Antioquia."),
        ("Acceso efectivo a la reparación y un marco de política nacional",
         "Las recomendaciones del grupo de trabajo se recogieron en el borrador del plan de acción nacional."),
    ),
    results=(
        "Plenarias y reuniones por pilar celebradas con regularidad",
        "Grupos regionales activos en las regiones mineras",
        "Mujeres y representantes comunitarios participan en igualdad de condiciones",
        "Personal de seguridad capacitado en los Principios Voluntarios",
        "Cláusulas de derechos humanos en los contratos de seguridad privada",
        "Menos incidentes con proveedores de seguridad",
        "Quejas resueltas con rapidez y equidad",
        "Plan de acción nacional de empresas y derechos humanos adoptado",
    ),
    activities=(
        "Convocar cuatro plenarias al año",
        "Celebrar reuniones preparatorias por pilar antes de cada plenaria",
        "Poner en marcha el grupo regional de Antioquia",
        "Sesiones de diálogo comunitario cerca de las minas",
        "Acercamiento a organizaciones de mujeres y comunitarias",
        "Capacitar a unidades de la fuerza pública en los Principios Voluntarios",
        "Capacitar a los vigilantes privados de las empresas miembro",
        "Redactar cláusulas modelo de derechos humanos para contratos de seguridad",
        "Evaluación conjunta de riesgos en cada municipio minero",
        "Crear un registro común de quejas",
        "Presentar recomendaciones para el plan de acción nacional",
        "Publicar el informe anual de avances",
    ),
    currency="COP",
    rate=4000.0,
    minutes=(
        ("internal", "Seguridad de los participantes",
         "Se examinaron las amenazas denunciadas antes de la reunión; la secretaría hace el seguimiento con cada persona afectada."),
        ("members", "Presupuesto y secretaría",
         "Los miembros aprobaron el presupuesto de la secretaría para el próximo año y la sede del próximo plenario."),
        ("public", "Decisiones",
         "El avance del plan de trabajo fue presentado por {person}.\n- El grupo realizará una visita de campo conjunta antes del próximo plenario.\n- Este resumen se publica en el sitio web del grupo."),
    ),
)
