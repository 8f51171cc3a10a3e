"""Portuguese demo text: a Mozambican working group (fictional organisations and people)."""

from fieldgroup.core.demo_text import DemoText, IndicatorText, Region

TEXT = DemoText(
    language="pt",
    country="MZ",
    dial_code="+258",
    national_group="Grupo de Trabalho Nacional de Moçambique sobre Empresas, Segurança e Direitos Humanos",
    capital="Maputo",
    venues=(
        "Sala de reuniões do secretariado, Maputo",
        "Centro de Conferências da Polana, Maputo",
        "Ministério dos Recursos Minerais e Energia, sala de conferências, Maputo",
    ),
    regions=(
        Region("Cabo Delgado", "Grupo de Trabalho Provincial de Cabo Delgado (Montepuez)",
               ("Montepuez", "Pemba", "Ancuabe", "Balama")),
        Region("Tete", "Grupo de Trabalho Provincial de Tete (Moatize)", ("Moatize", "Tete", "Cateme", "Chitima")),
    ),
    organisations={
        "company": (
            ("Rubis do Norte Mineração, Lda", "mineração de rubis"),
            ("Carvão de Moatize, S.A.", "mineração de carvão"),
            ("Gás Natural da Bacia do Rovuma", "petróleo e gás"),
            ("Segurança Leão Protecção, Lda", "segurança privada"),
            ("Grafite de Ancuabe, Lda", "mineração de grafite"),
            ("Agro-Industrial do Lúrio", "agronegócio"),
            ("Guarda Forte Moçambique", "segurança privada"),
            ("Areias Pesadas do Índico", "mineração de areias pesadas"),
            ("Câmara de Minas de Moçambique", "associação empresarial"),
            ("Plantações de Algodão do Niassa", "agronegócio"),
        ),
        "government": (
            ("Ministério dos Recursos Minerais e Energia", "ministério"),
            ("Ministério do Interior", "ministério"),
            ("Polícia da República de Moçambique (PRM)", "polícia"),
            ("Ministério da Justiça, Assuntos Constitucionais e Religiosos", "ministério"),
            ("Forças Armadas de Defesa de Moçambique", "forças armadas"),
            ("Instituto Nacional de Minas", "regulador"),
            ("Comissão Nacional dos Direitos Humanos", "instituição de direitos humanos"),
            ("Embaixada dos Países Baixos", "embaixada"),
            ("Embaixada da Suíça", "embaixada"),
            ("Alto Comissariado Britânico", "embaixada"),
        ),
        "civil_society": (
            ("Associação Terra e Justiça", "ONG"),
            ("Rede de Mulheres das Comunidades Mineiras", "associação de mulheres"),
            ("Centro de Apoio Jurídico Comunitário", "assistência jurídica"),
            ("Plataforma da Sociedade Civil sobre Indústria Extractiva", "plataforma de ONG"),
            ("Associação dos Garimpeiros de Namanhumbir", "associação de mineiros artesanais"),
            ("Juventude pela Paz de Cabo Delgado", "associação juvenil"),
            ("Comissão de Paz e Justiça", "organização religiosa"),
            ("União dos Camponeses de Tete", "organização camponesa"),
            ("Conselho de Líderes Comunitários", "autoridades comunitárias"),
        ),
        "observer": (
            ("Comité Internacional da Cruz Vermelha (CICV)", "organização internacional"),
            ("Programa das Nações Unidas para o Desenvolvimento (PNUD)", "agência da ONU"),
            ("Escritório do Alto Comissariado da ONU para os Direitos Humanos", "agência da ONU"),
            ("Centro para a Governação do Sector de Segurança", "fundação internacional"),
        ),
    },
    regional_organisations={
        "company": (
            ("Mineração de {town}, Lda", "mineração"),
            ("Segurança de {town}, Lda", "segurança privada"),
        ),
        "government": (
            ("Conselho Municipal de {town}", "governo local"),
            ("Comando Distrital da PRM de {town}", "polícia"),
            ("Direcção Provincial de Recursos Minerais ({region})", "regulador"),
        ),
        "civil_society": (
            ("Comité Comunitário de {town}", "grupo comunitário"),
            ("Associação das Mulheres de {town}", "associação de mulheres"),
            ("Associação Juvenil de {town}", "associação juvenil"),
        ),
        "observer": (("Escritório do CICV em {town}", "organização internacional"),),
    },
    branch="{name} ({town})",
    female_names=(
        "Ana", "Maria", "Luísa", "Graça", "Rosa", "Celeste", "Fátima", "Amélia", "Isabel", "Joana", "Lurdes",
        "Helena", "Esperança", "Albertina", "Felizmina", "Teresa", "Cacilda", "Benvinda", "Olga", "Zaida",
    ),
    male_names=(
        "João", "António", "Manuel", "Carlos", "Alberto", "Fernando", "Jorge", "Armando", "Ernesto", "Inácio",
        "Abílio", "Celestino", "Domingos", "Eusébio", "Faustino", "Agostinho", "Rafael", "Tomás", "Vasco", "Zacarias",
    ),
    surnames=(
        "Macuácua", "Cossa", "Sitoe", "Guambe", "Nhantumbo", "Tembe", "Ubisse", "Mucavele", "Langa", "Matsinhe",
        "Muianga", "Bila", "Cumbe", "Mabunda", "Nhaca", "Sumbane", "Tivane", "Chaúque", "Massingue", "Zimba",
        "Banda", "Phiri", "Mussa", "Assane", "Amade", "Momade", "Jamal", "Salimo", "Chicava", "Vilanculo",
    ),
    roles={
        "company": ("Gestor de relações comunitárias", "Director de segurança", "Responsável de sustentabilidade",
                    "Director-geral", "Jurista", "Coordenadora de direitos humanos"),
        "government": ("Director nacional", "Directora adjunta", "Comandante distrital", "Assessor jurídico",
                       "Técnico", "Conselheira política"),
        "civil_society": ("Oficial de programas", "Director executivo", "Activista comunitário", "Paralegal",
                          "Representante das mulheres", "Líder juvenil"),
        "observer": ("Delegado de protecção", "Oficial de direitos humanos", "Especialista de programa"),
    },
    protected_roles=("Defensor de direitos humanos", "Líder comunitário", "Activista pela terra"),
    pillar_names={
        "company": "Empresas", "government": "Governo", "civil_society": "Sociedade civil", "observer": "Observadores",
    },
    titles={
        "plenary": ("Reunião plenária n.º {n}",),
        "pillar": ("Reunião do pilar {pillar}",),
        "subnational": ("Reunião provincial em {town}", "{region}: diálogo com as comunidades de {town}"),
        "workshop": ("Seminário: {topic}",),
    },
    topics=(
        "mecanismos de reclamação nas zonas mineiras",
        "cláusulas de direitos humanos nos contratos de segurança privada",
        "avaliação conjunta de riscos com as comunidades",
        "uso da força pela polícia nas áreas de concessão",
    ),
    agenda_open=("Boas-vindas e apresentações", "Aprovação da agenda", "Aprovação da acta da reunião anterior"),
    agenda={
        "plenary": (
            "Pontos pendentes: situação das acções em curso",
            "Relatório das reuniões dos pilares",
            "Painel de monitoria e avaliação do trimestre",
            "Incidentes de segurança desde a última plenária",
            "Pedidos de adesão de novas organizações",
            "Plano de trabalho do próximo trimestre",
        ),
        "pillar": (
            "Posição do pilar sobre o modelo de memorando de entendimento",
            "Contribuição do pilar para a próxima plenária",
            "Designação do ponto focal do pilar",
            "Seguimento das reclamações das comunidades",
        ),
        "subnational": (
            "Preocupações das comunidades desde a última reunião",
            "Incidentes de segurança no distrito",
            "Acesso à terra e pagamento de compensações",
            "Apresentação de {company} sobre as suas operações perto de {town}",
        ),
        "workshop": (
            "Objectivos do seminário",
            "Estudo de caso apresentado por {company}",
            "Trabalho em grupos mistos",
            "Recomendações ao grupo de trabalho",
        ),
    },
    agenda_close=("Diversos", "Data e local da próxima reunião"),
    minutes_open=(
        "A reunião foi aberta pelo secretariado em {place}. O presidente deu as boas-vindas aos participantes e a "
        "agenda foi aprovada sem alterações.",
        "O presidente abriu a sessão e recordou que os nomes dos participantes protegidos nunca constam dos "
        "documentos distribuídos.",
    ),
    minutes=(
        "{company} apresentou os resultados da sua avaliação de riscos de direitos humanos perto de {town}. Os "
        "membros pediram que as conclusões fossem partilhadas com as comunidades afectadas.",
        "{civil_society} informou que foram recebidas queixas de camponeses de {town} sobre a conduta dos "
        "guardas de segurança privada. Duas delas continuam sem resposta.",
        "O representante de {government} explicou que o modelo revisto de memorando de entendimento com as "
        "forças de segurança pública está no departamento jurídico.",
        "A revisão dos pontos pendentes mostrou que várias acções estão atrasadas. O secretariado pediu aos "
        "responsáveis prazos realistas.",
        "Os membros discutiram a fraca participação do pilar governamental nas últimas reuniões e acordaram "
        "contactar os pontos focais dos ministérios.",
        "O ponto focal de monitoria apresentou o progresso dos indicadores: a formação do pessoal de segurança "
        "avança bem, mas as reclamações resolvidas em 90 dias estão abaixo da meta.",
    ),
    bullets=(
        "- {company} partilhará um resumo da avaliação de riscos com os membros.",
        "- A participação das mulheres nas reuniões provinciais continua abaixo de um terço.",
        "- O comité comunitário de {town} não se reúne desde o último trimestre.",
        "- {government} confirmou o seu ponto focal para o grupo de trabalho.",
        "- Não houve incidentes de segurança em {region} neste trimestre.",
        "- As compensações em {town} continuam atrasadas.",
    ),
    minutes_close=(
        "A sessão foi encerrada com agradecimentos a {org} pelo acolhimento.",
        "O presidente agradeceu aos participantes e encerrou a sessão.",
    ),
    decisions=(
        "A acta da reunião anterior foi aprovada sem alterações.",
        "Será realizada uma visita conjunta a {town} antes da próxima plenária.",
        "Os membros comprometem-se a comunicar ao secretariado, no prazo de sete dias, qualquer incidente de "
        "segurança que envolva membros da comunidade.",
        "O secretariado preparará um resumo de uma página dos resultados de monitoria para os doadores.",
        "A próxima plenária será acolhida por {org}.",
    ),
    actions=(
        "Enviar o modelo revisto de memorando a todos os membros",
        "Partilhar o resumo da avaliação de riscos perto de {town}",
        "Organizar uma visita a {town} com representantes da comunidade",
        "Acompanhar a queixa dos camponeses de {town} junto de {company}",
        "Designar um ponto focal para o grupo de trabalho",
        "Formar os guardas de segurança nos Princípios Voluntários",
        "Recolher dados sobre a participação das mulheres",
        "Verificar o pagamento das compensações em {town}",
        "Enviar a acta aos membros para comentários",
        "Reunir com {government} sobre a participação do governo",
    ),
    action_notes=(
        "Acordado na reunião; a reportar na próxima plenária.",
        "Coordenar com o secretariado antes de contactar a comunidade.",
        "Orçamento a confirmar pelos doadores.",
    ),
    indicators=(
        IndicatorText("M1", "Empresas com política pública de segurança e direitos humanos",
                      "Empresas membro que publicaram uma política de segurança e direitos humanos.",
                      "number", "increase", 2, 8),
        IndicatorText("M2", "Reclamações das comunidades sobre a segurança",
                      "Reclamações sobre segurança pública ou privada registadas no período.",
                      "number", "decrease", 35, 12),
        IndicatorText("M3", "Plano de acção nacional sobre empresas e direitos humanos aprovado",
                      "O governo aprovou um plano de acção nacional (1 = sim).",
                      "yes_no", "increase", 0, 1, reported=False),
        IndicatorText("M4", "Contratos de segurança privada com cláusulas de direitos humanos",
                      "Percentagem dos contratos de segurança privada das empresas membro com essas cláusulas.",
                      "percent", "increase", 10, 70),
        IndicatorText("M5", "Pessoal de segurança formado nos Princípios Voluntários",
                      "Agentes de segurança pública e privada formados no período.",
                      "number", "increase", 30, 250),
        IndicatorText("M6", "Incidentes envolvendo a segurança pública nas concessões",
                      "Incidentes comunicados ao secretariado no período.",
                      "number", "decrease", 9, 2),
    ),
    computed={
        "meetings_held": "Reuniões realizadas",
        "subnational_meetings": "Reuniões provinciais",
        "average_balance": "Índice de equilíbrio médio",
        "all_pillars_pct": "Reuniões com os três pilares",
        "women_share_pct": "Participação das mulheres",
        "actions_on_time_pct": "Acções concluídas no prazo",
        "overdue_at_end": "Acções em atraso no fim do período",
        "organisations_participating": "Organizações participantes",
    },
    value_notes=(
        "Número dos registos do secretariado.",
        "Comunicado pelas empresas membro na plenária.",
        "Dados parciais: duas empresas não reportaram.",
        "Inclui a formação realizada em {town}.",
    ),
)
