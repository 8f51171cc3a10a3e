"""Portuguese text of the demo results framework (Mozambique)."""

from fieldgroup.core.demo_results import ResultsText

TEXT = ResultsText(
    vision="Um Moçambique onde empresas, forças de segurança e comunidades respeitam os direitos humanos em "
           "torno de cada projecto.",
    mission="Reunimos empresas, governo e sociedade civil para prevenir e resolver problemas de segurança e "
            "direitos humanos, e prestamos contas abertamente sobre o que muda.",
    objectives=(
        ("Reforçar o diálogo entre os três pilares",
         "Todos os pilares participaram em todas as plenárias este ano, e as duas províncias mineiras já "
         "realizam as suas próprias reuniões."),
        ("Melhorar as práticas de segurança nos locais dos projectos",
         "Duas empresas membro incluíram cláusulas de direitos humanos em todos os seus contratos de segurança; "
         "concluiu-se a primeira avaliação conjunta de riscos em Cabo Delgado."),
        ("Acesso efectivo a reparação e um quadro político nacional",
         "As recomendações do grupo de trabalho foram incluídas no projecto de plano de acção nacional."),
    ),
    results=(
        "Plenárias e reuniões por pilar realizadas regularmente",
        "Grupos provinciais activos nas províncias mineiras",
        "Mulheres e representantes comunitários participam em pé de igualdade",
        "Pessoal de segurança formado nos Princípios Voluntários",
        "Cláusulas de direitos humanos nos contratos de segurança privada",
        "Menos incidentes envolvendo prestadores de segurança",
        "Reclamações resolvidas com rapidez e justiça",
        "Plano de acção nacional sobre empresas e direitos humanos adoptado",
    ),
    activities=(
        "Convocar quatro plenárias por ano",
        "Realizar reuniões preparatórias por pilar antes de cada plenária",
        "Lançar o grupo provincial de Cabo Delgado",
        "Sessões de diálogo comunitário perto das minas",
        "Sensibilização de organizações de mulheres e comunitárias",
        "Formar unidades da polícia nos Princípios Voluntários",
        "Formar os guardas de segurança privada das empresas membro",
        "Redigir cláusulas modelo de direitos humanos para contratos de segurança",
        "Avaliação conjunta de riscos em cada distrito mineiro",
        "Criar um registo comum de reclamações",
        "Apresentar recomendações para o plano de acção nacional",
        "Publicar o relatório anual de progresso",
    ),
    currency="MZN",
    rate=64.0,
    minutes=(
        ("internal", "Segurança dos participantes",
         "Foram discutidas as ameaças relatadas antes da reunião; o secretariado acompanha cada pessoa afetada."),
        ("members", "Orçamento e secretariado",
         "Os membros aprovaram o orçamento do secretariado para o próximo ano e o anfitrião da próxima plenária."),
        ("public", "Decisões",
         "O andamento do plano de trabalho foi apresentado por {person}.\n- O grupo fará uma visita de campo conjunta antes da próxima plenária.\n- Este resumo é publicado no site do grupo."),
    ),
)
