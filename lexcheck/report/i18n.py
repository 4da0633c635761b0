"""User-interface strings of the reports, per language (``en``, ``ru``).

Only fixed texts live here: headings, column titles, status words, names of thematic areas, actors,
lenses and instruments. Requirement texts come from the catalogue (its ``translations``) or from the
findings themselves. A missing key falls back to English, an unknown key to a humanised form of it.
"""

from __future__ import annotations

LANGUAGES = ("en", "ru")

# Display order of statuses, thematic areas (the schema's logical order), strengths.
STATUS_ORDER = ("covered", "partial", "needs_review", "missing", "not_applicable")
GAP_ORDER = ("missing", "partial", "needs_review")
STRENGTH_ORDER = ("mandatory", "conditional", "good_practice")
AREA_ORDER = (
    "definition_criminalisation",
    "penalties_aggravating",
    "investigation_prosecution",
    "legal_persons",
    "jurisdiction",
    "victim_identification",
    "assistance_protection",
    "children",
    "gender",
    "non_punishment",
    "compensation",
    "residence_reflection",
    "repatriation",
    "prevention",
    "cooperation_nrm",
    "institutional_coordination_monitoring",
    "civil_society",
)

STATUS = {
    "en": {
        "covered": "Covered",
        "partial": "Partially covered",
        "missing": "Missing",
        "needs_review": "Needs review",
        "not_applicable": "Not applicable",
    },
    "ru": {
        "covered": "Соответствует",
        "partial": "Частично соответствует",
        "missing": "Отсутствует",
        "needs_review": "Требует проверки",
        "not_applicable": "Неприменимо",
    },
}

STATUS_DESCRIPTION = {
    "en": {
        "covered": "the texts provide what the standard requires, fully or more broadly.",
        "partial": "some elements are provided and others are not, or the provision is narrowed by a "
        "restriction (for example only for children, or a fine instead of imprisonment).",
        "missing": "nothing in the texts supplied provides it.",
        "needs_review": "the evidence is contradictory or weak; a lawyer must decide.",
        "not_applicable": "excluded by the profile or by a reviewer.",
    },
    "ru": {
        "covered": "тексты предусматривают то, что требует стандарт, полностью или шире.",
        "partial": "часть элементов предусмотрена, часть нет, либо норма сужена ограничением "
        "(например, только для детей или штраф вместо лишения свободы).",
        "missing": "ни один из представленных текстов этого не предусматривает.",
        "needs_review": "данные противоречивы или недостаточны; решение должен принять юрист.",
        "not_applicable": "исключено профилем или рецензентом.",
    },
}

AREAS = {
    "en": {
        "definition_criminalisation": "Definition and criminalisation",
        "penalties_aggravating": "Penalties and aggravating circumstances",
        "investigation_prosecution": "Investigation and prosecution",
        "legal_persons": "Liability of legal persons",
        "jurisdiction": "Jurisdiction",
        "victim_identification": "Identification of victims",
        "assistance_protection": "Assistance and protection of victims",
        "children": "Child victims",
        "gender": "Gender",
        "non_punishment": "Non-punishment of victims",
        "compensation": "Compensation and legal redress",
        "residence_reflection": "Recovery and reflection period, residence",
        "repatriation": "Return and repatriation",
        "prevention": "Prevention",
        "cooperation_nrm": "Cooperation and national referral mechanism",
        "institutional_coordination_monitoring": "Coordination and monitoring",
        "civil_society": "Civil society",
        "": "Other requirements",
    },
    "ru": {
        "definition_criminalisation": "Определение и криминализация",
        "penalties_aggravating": "Наказания и отягчающие обстоятельства",
        "investigation_prosecution": "Расследование и уголовное преследование",
        "legal_persons": "Ответственность юридических лиц",
        "jurisdiction": "Юрисдикция",
        "victim_identification": "Идентификация жертв",
        "assistance_protection": "Помощь и защита жертв",
        "children": "Дети-жертвы",
        "gender": "Гендерные аспекты",
        "non_punishment": "Освобождение жертв от наказания",
        "compensation": "Компенсация и средства правовой защиты",
        "residence_reflection": "Период восстановления и размышления, вид на жительство",
        "repatriation": "Возвращение и репатриация",
        "prevention": "Предупреждение",
        "cooperation_nrm": "Сотрудничество и национальный механизм перенаправления",
        "institutional_coordination_monitoring": "Координация и мониторинг",
        "civil_society": "Гражданское общество",
        "": "Прочие требования",
    },
}

ACTORS = {
    "en": {
        "legislature": "Legislature",
        "police": "Police",
        "prosecution": "Prosecution service",
        "judiciary": "Judiciary",
        "migration_service": "Migration service",
        "border_service": "Border service",
        "social_services": "Social services",
        "labour_inspection": "Labour inspection",
        "coordinator": "National coordinator",
        "civil_society": "Civil society",
        "": "Actor not specified",
    },
    "ru": {
        "legislature": "Законодательный орган",
        "police": "Полиция",
        "prosecution": "Прокуратура",
        "judiciary": "Суды",
        "migration_service": "Миграционная служба",
        "border_service": "Пограничная служба",
        "social_services": "Социальные службы",
        "labour_inspection": "Инспекция труда",
        "coordinator": "Национальный координатор",
        "civil_society": "Гражданское общество",
        "": "Исполнитель не указан",
    },
}

LENSES = {
    "en": {
        "gender": "Gender",
        "child": "Child",
        "survivor_centred": "Survivor-centred",
        "trauma_informed": "Trauma-informed",
        "vulnerability": "Vulnerability",
    },
    "ru": {
        "gender": "Гендер",
        "child": "Дети",
        "survivor_centred": "Ориентация на пострадавших",
        "trauma_informed": "Учёт травмы",
        "vulnerability": "Уязвимость",
    },
}

STRENGTHS = {
    "en": {
        "mandatory": "Mandatory obligations",
        "conditional": "Conditional obligations",
        "good_practice": "Good practice",
    },
    "ru": {
        "mandatory": "Обязательные требования",
        "conditional": "Требования с оговорками",
        "good_practice": "Передовая практика",
    },
}

STRENGTH_SHORT = {
    "en": {"mandatory": "mandatory", "conditional": "conditional", "good_practice": "good practice"},
    "ru": {"mandatory": "обязательное", "conditional": "с оговорками", "good_practice": "передовая практика"},
}

# Used when no catalogue is at hand; the catalogue's ``Instrument.short`` wins when it is.
INSTRUMENTS = {
    "en": {
        "PAL": "Palermo Protocol",
        "UNTOC": "UNTOC",
        "COE": "Council of Europe Convention",
        "EU": "EU Directive 2011/36/EU",
        "UNODC": "UNODC Model Law",
        "OHCHR": "OHCHR Principles and Guidelines",
        "ILO": "ILO Protocol P029",
        "CEDAW": "CEDAW General Recommendation 38",
        "UNICEF": "UNICEF Guidelines",
        "OSCE": "OSCE NRM Handbook",
    },
    "ru": {
        "PAL": "Палермский протокол",
        "UNTOC": "Конвенция ООН против ТОП",
        "COE": "Конвенция Совета Европы",
        "EU": "Директива ЕС 2011/36/ЕС",
        "UNODC": "Типовой закон УНП ООН",
        "OHCHR": "Принципы и руководящие положения УВКПЧ",
        "ILO": "Протокол МОТ P029",
        "CEDAW": "Общая рекомендация КЛДЖ № 38",
        "UNICEF": "Руководство ЮНИСЕФ",
        "OSCE": "Руководство ОБСЕ по НМП",
    },
}

UI = {
    "en": {
        "report_title": "Anti-trafficking legislation: gap analysis and recommendations",
        "report_subtitle": "Recommendation report",
        "report_short": "Gap analysis and recommendations",
        "national_framework": "National legal framework",
        "country": "Country",
        "documents": "Framework documents",
        "date": "Date",
        "profile": "Profile",
        "catalogue_version": "Catalogue version",
        "lexcheck_version": "lexcheck version",
        "draft_notice": "Draft for review. This report was prepared with lexcheck, an automated comparison of "
        "the national texts with international standards. Machine reading is a first pass; every finding "
        "should be reviewed by a lawyer.",
        "contents": "Contents",
        "toc_hint": "To update the table of contents and its page numbers: in Microsoft Word, right-click it "
        "and choose Update Field (or select all and press F9); in LibreOffice, choose Tools > Update > "
        "Update All.",
        "executive_summary": "Executive summary",
        "key_figures": "Key figures",
        "figure": "Figure",
        "table": "Table",
        "chart_caption": "Status of the requirements by thematic area and by instrument",
        "chart_by_area": "By thematic area",
        "chart_by_instrument": "By instrument",
        "chart_xlabel": "Number of requirements",
        "kf_assessed": "Requirements assessed",
        "kf_mandatory_gaps": "Mandatory obligations not fully met",
        "kf_reviewed": "Findings reviewed by a lawyer",
        "summary_text": "Of the {total} requirements of the “{profile}” profile, the texts supplied cover "
        "{covered} fully and {partial} partially. Missing: {missing}; needing review: {needs_review}.",
        "summary_mandatory": "Mandatory obligations not fully met by the texts supplied: {n} of {m}.",
        "summary_areas": "The largest gaps are in: {areas}.",
        "summary_reviewed": "Findings reviewed by a lawyer: {n}; their status is the reviewer's.",
        "summary_none_reviewed": "No finding has been reviewed by a lawyer yet.",
        "method": "Method",
        "method_compared": "The {ndocs} national texts listed in Annex B were read as one legal framework "
        "and compared with {nreq} requirements of the lexcheck catalogue (version {catalogue}, profile "
        "“{profile}”), drawn from: {instruments}. A requirement is met if any of the texts provides it.",
        "method_elements": "Each requirement is broken down into the elements a law must contain (for "
        "example the five acts of Article 3(a) of the Palermo Protocol). lexcheck looks for each element in "
        "the provisions that carry the requirement (definitions, offences, victim-assistance provisions), "
        "checks figures such as the age of a child or the length of a reflection period, and notes wording "
        "that narrows a provision (a restriction to children, a condition of cooperation with the "
        "authorities, a fine as an alternative to imprisonment).",
        "method_statuses": "Each requirement receives one of the following assessments:",
        "method_confidence": "Each finding carries a confidence between 0 and 1: how strongly the evidence "
        "supports the assessment. Low-confidence findings deserve the closest review.",
        "method_limits_title": "Limits of automated review",
        "method_limits": "Machine reading is a first pass; every finding should be reviewed by a lawyer. "
        "lexcheck reads only the texts supplied: a duty met elsewhere in the legal order (for example in "
        "the general part of the criminal code, or in secondary legislation) is reported as missing until "
        "that text is added. It does not assess implementation or practice, and translations of the law "
        "may hide or create differences of meaning.",
        "method_review": "A finding marked “Reviewed” carries a lawyer's decision, which replaces the "
        "machine's assessment; the reviewer's note is shown with it.",
        "findings_by_area": "Findings by thematic area",
        "findings_intro": "Each table covers one thematic area: the international standard and article, the "
        "requirement, the national provision found (with a quotation), the assessment and the "
        "recommendation. Numbers such as R3 refer to the priority recommendations.",
        "col_standard": "Standard and article",
        "col_requirement": "Requirement",
        "col_provision": "National provision",
        "col_assessment": "Assessment",
        "col_recommendation": "Recommendation",
        "col_status": "Status",
        "col_lenses": "Lens",
        "col_provisions": "National provisions",
        "col_elements": "Elements",
        "col_id": "Id",
        "col_title": "Title",
        "col_file": "File",
        "col_format": "Format",
        "col_language": "Language",
        "col_sha256": "SHA-256",
        "lens_section": "Gender and age sensitivity",
        "lens_intro": "The requirements below concern the specific situation of women and girls and of "
        "children. They are drawn from the findings above.",
        "lens_gender": "Gender-sensitive requirements",
        "lens_child": "Child- and age-sensitive requirements",
        "lens_none": "No requirement of this profile concerns this lens.",
        "priority": "Priority recommendations",
        "priority_intro": "Recommendations for the requirements that are missing, partially covered or need "
        "review, grouped by the actor who must act and, for each actor, by the strength of the obligation "
        "(mandatory obligations first). Model wording is offered as a starting point for drafting.",
        "priority_none": "No gap was found: there is no recommendation to make.",
        "model_wording": "Model wording",
        "also_concerns": "Also concerns",
        "annex_concordance": "Annex A. Concordance table",
        "annex_concordance_intro": "Every requirement of the profile with the national provisions found for it.",
        "annex_documents": "Annex B. Documents analysed",
        "annex_documents_intro": "The SHA-256 hash identifies the exact version of each text that was analysed.",
        "no_provision": "No provision found in the texts supplied.",
        "found": "Found",
        "missing_elements": "Missing",
        "not_required": "Not required by the law (broader than the standard)",
        "restriction": "Restriction",
        "parameter_ok": "meets the standard",
        "parameter_not_ok": "does not meet the standard",
        "parameter_unknown": "not found",
        "rule": "standard",
        "confidence": "Confidence",
        "reviewed": "Reviewed",
        "reviewed_by": "Reviewed by {reviewer} on {date}",
        "reviewed_anon": "Reviewed",
        "reviewer_note": "Note",
        "machine_assessment": "Machine assessment: {status}",
        "review_stale": "The law has changed since this review: {reason}",
        "no_change": "No change needed.",
        "more_quotes": "{n} more in Annex A",
        "page": "Page",
        "of": "of",
        "draft": "Draft",
        "and": "and",
        "percent": "{n}%",
    },
    "ru": {
        "report_title": "Законодательство о противодействии торговле людьми: анализ пробелов и рекомендации",
        "report_subtitle": "Доклад с рекомендациями",
        "report_short": "Анализ пробелов и рекомендации",
        "national_framework": "Национальная правовая база",
        "country": "Страна",
        "documents": "Документы",
        "date": "Дата",
        "profile": "Профиль",
        "catalogue_version": "Версия каталога",
        "lexcheck_version": "Версия lexcheck",
        "draft_notice": "Проект для рассмотрения. Доклад подготовлен с помощью lexcheck — автоматического "
        "сопоставления национальных текстов с международными стандартами. Машинное чтение — лишь первый "
        "этап; каждый вывод должен быть проверен юристом.",
        "contents": "Содержание",
        "toc_hint": "Чтобы обновить оглавление и номера страниц: в Microsoft Word щёлкните по нему правой "
        "кнопкой и выберите «Обновить поле» (или выделите всё и нажмите F9); в LibreOffice выберите "
        "Сервис > Обновить > Обновить всё.",
        "executive_summary": "Резюме",
        "key_figures": "Основные показатели",
        "figure": "Рисунок",
        "table": "Таблица",
        "chart_caption": "Статус требований по тематическим областям и по документам",
        "chart_by_area": "По тематическим областям",
        "chart_by_instrument": "По международным документам",
        "chart_xlabel": "Число требований",
        "kf_assessed": "Оценено требований",
        "kf_mandatory_gaps": "Обязательные требования, выполненные не полностью",
        "kf_reviewed": "Выводы, проверенные юристом",
        "summary_text": "Из {total} требований профиля «{profile}» представленные тексты полностью выполняют "
        "{covered} и частично — {partial}. Отсутствуют: {missing}; требуют проверки: {needs_review}.",
        "summary_mandatory": "Обязательные требования, которые представленные тексты выполняют не полностью: "
        "{n} из {m}.",
        "summary_areas": "Наибольшие пробелы: {areas}.",
        "summary_reviewed": "Выводов, проверенных юристом: {n}; их статус определён рецензентом.",
        "summary_none_reviewed": "Ни один вывод пока не проверен юристом.",
        "method": "Методология",
        "method_compared": "Национальные тексты ({ndocs}), перечисленные в приложении B, рассматривались как "
        "единая правовая база и сопоставлялись с {nreq} требованиями каталога lexcheck (версия {catalogue}, "
        "профиль «{profile}»), взятыми из следующих документов: {instruments}. Требование считается "
        "выполненным, если его предусматривает любой из текстов.",
        "method_elements": "Каждое требование разбито на элементы, которые должен содержать закон (например, "
        "пять действий статьи 3(a) Палермского протокола). lexcheck ищет каждый элемент в нормах, которые "
        "несут требование (определения, составы преступлений, нормы о помощи жертвам), проверяет числовые "
        "параметры, такие как возраст ребёнка или продолжительность периода размышления, и отмечает "
        "формулировки, сужающие норму (ограничение только детьми, условие сотрудничества с властями, штраф "
        "как альтернатива лишению свободы).",
        "method_statuses": "Каждое требование получает одну из следующих оценок:",
        "method_confidence": "Каждый вывод имеет степень уверенности от 0 до 1: насколько убедительно данные "
        "подтверждают оценку. Выводы с низкой уверенностью требуют самой тщательной проверки.",
        "method_limits_title": "Ограничения автоматического анализа",
        "method_limits": "Машинное чтение — лишь первый этап; каждый вывод должен быть проверен юристом. "
        "lexcheck читает только представленные тексты: обязанность, выполненная в другом акте (например, в "
        "общей части уголовного кодекса или в подзаконном акте), отмечается как отсутствующая, пока этот "
        "текст не добавлен. Практика применения не оценивается, а переводы закона могут скрывать или "
        "создавать смысловые расхождения.",
        "method_review": "Вывод с отметкой «Проверено» содержит решение юриста, которое заменяет машинную "
        "оценку; примечание рецензента приводится вместе с ним.",
        "findings_by_area": "Выводы по тематическим областям",
        "findings_intro": "Каждая таблица охватывает одну тематическую область: международный стандарт и "
        "статья, требование, найденная национальная норма (с цитатой), оценка и рекомендация. Номера вида R3 "
        "отсылают к приоритетным рекомендациям.",
        "col_standard": "Стандарт и статья",
        "col_requirement": "Требование",
        "col_provision": "Национальная норма",
        "col_assessment": "Оценка",
        "col_recommendation": "Рекомендация",
        "col_status": "Статус",
        "col_lenses": "Аспект",
        "col_provisions": "Национальные нормы",
        "col_elements": "Элементы",
        "col_id": "Код",
        "col_title": "Название",
        "col_file": "Файл",
        "col_format": "Формат",
        "col_language": "Язык",
        "col_sha256": "SHA-256",
        "lens_section": "Учёт гендерных и возрастных аспектов",
        "lens_intro": "Ниже приведены требования, касающиеся особого положения женщин и девочек, а также "
        "детей. Они взяты из выводов, изложенных выше.",
        "lens_gender": "Требования с учётом гендерных аспектов",
        "lens_child": "Требования, касающиеся детей и возраста",
        "lens_none": "В этом профиле нет требований, относящихся к данному аспекту.",
        "priority": "Приоритетные рекомендации",
        "priority_intro": "Рекомендации по требованиям, которые отсутствуют, выполнены частично или требуют "
        "проверки, сгруппированы по органу, который должен действовать, и по силе обязательства (сначала "
        "обязательные требования). Типовые формулировки предлагаются как основа для подготовки текста.",
        "priority_none": "Пробелов не выявлено: рекомендаций нет.",
        "model_wording": "Типовая формулировка",
        "also_concerns": "Касается также",
        "annex_concordance": "Приложение A. Таблица соответствия",
        "annex_concordance_intro": "Все требования профиля и найденные для них национальные нормы.",
        "annex_documents": "Приложение B. Проанализированные документы",
        "annex_documents_intro": "Хеш SHA-256 идентифицирует точную версию каждого проанализированного текста.",
        "no_provision": "В представленных текстах норма не найдена.",
        "found": "Найдено",
        "missing_elements": "Отсутствует",
        "not_required": "Не требуется законом (шире стандарта)",
        "restriction": "Ограничение",
        "parameter_ok": "соответствует стандарту",
        "parameter_not_ok": "не соответствует стандарту",
        "parameter_unknown": "не найдено",
        "rule": "стандарт",
        "confidence": "Уверенность",
        "reviewed": "Проверено",
        "reviewed_by": "Проверено: {reviewer}, {date}",
        "reviewed_anon": "Проверено",
        "reviewer_note": "Примечание",
        "machine_assessment": "Машинная оценка: {status}",
        "review_stale": "Закон изменился после проверки: {reason}",
        "no_change": "Изменений не требуется.",
        "more_quotes": "ещё {n} в приложении A",
        "page": "Стр.",
        "of": "из",
        "draft": "Проект",
        "and": "и",
        "percent": "{n} %",
    },
}

_TABLES = {
    "status": STATUS,
    "area": AREAS,
    "actor": ACTORS,
    "lens": LENSES,
    "strength": STRENGTHS,
    "strength_short": STRENGTH_SHORT,
    "instrument": INSTRUMENTS,
    "status_description": STATUS_DESCRIPTION,
}


def check_lang(lang: str) -> str:
    """``lang`` if the reports speak it, else a ValueError naming the languages they do."""
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported report language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    return lang


def humanize(key: str) -> str:
    """``assistance_protection`` -> ``Assistance protection``: the fallback for unknown keys."""
    text = key.replace("_", " ").replace("-", " ").strip()
    return text[:1].upper() + text[1:]


def strings(lang: str = "en") -> dict[str, str]:
    """All UI strings in ``lang``, English where a translation is missing."""
    return {**UI["en"], **UI.get(lang, {})}


def label(kind: str, key: str, lang: str = "en") -> str:
    """Human name of a status / area / actor / lens / strength / instrument key in ``lang``."""
    table = _TABLES[kind]
    for tr in (table.get(lang, {}), table["en"]):
        if key in tr:
            return tr[key]
    return key if kind == "instrument" else humanize(key)
