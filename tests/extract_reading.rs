//! What the extractor must read, and must not: words meaning "one" that are articles or idioms,
//! ranges in every frame, error IDs with localized labels and lists of them, ports as written
//! in prose and connection strings, exact decimals and versions with a decimal comma. Sentences
//! of the localized Azure documentation (each group names its repository, path and commit), and
//! minimal fixtures of the forms issue 12 names (the groups without a provenance line).

mod scan_cases;

fn check(cases: &[(&str, &str, &[&str])]) {
    scan_cases::check_cases(cases, false);
}

#[test]
fn words_for_one_are_not_counts() {
    check(&[
        // otrekw/azure-docs.de-de, articles/virtual-network/what-is-ip-address-168-63-129-16.md @ 0e96cbec94fa91cedf0f0c8d4ee5e6a64239c7b5
        (
            "de-DE",
            "Ermöglicht die Kommunikation mit dem virtuellen DNS-Server, um für die Ressource (wie einen VM) eine gefilterte Namensauflösung bereitzustellen, die keinen benutzerdefinierten DNS-Server hat.",
            &[],
        ),
        // otrekw/azure-docs.de-de, articles/azure-functions/functions-premium-plan.md @ 00b83c2d00677d9f996a97478089d2f07ce4fda1
        (
            "de-DE",
            "Azure Functions in einem Verbrauchsplan sind auf 10 Minuten für eine einzelne Ausführung beschränkt.",
            &["duration 10 min «10 Minuten»"],
        ),
        // changeworld/azure-docs.zh-tw, articles/azure-functions/functions-scale.md @ 23abd5fb5dd8d021a981f52c1d90fa0cb8c74e07
        (
            "zh-TW",
            "針對 HTTP 觸發程式，最多隻會每隔1秒配置一次新的實例。",
            &["duration 1 s «1秒»"],
        ),
        (
            "zh-TW",
            "對於非 HTTP 觸發程式，新的實例最多隻會每隔30秒配置一次。",
            &["duration 30 s «30秒»"],
        ),
        ("zh-TW", "每次函式為回應事件觸發程序而執行，就算一次。", &[]),
        // "a single instance may process more than one message at a time": 單一 is "single",
        // 一次 "at a time", 一個 "a" (the lexicon's not-a-number words).
        (
            "zh-TW",
            "單一執行個體可能會一次處理一個以上的訊息或要求，因此沒有設定平行執行的數目上限。",
            &[],
        ),
        // stephanemora/azure-docs.fr-fr, articles/azure-functions/functions-scale.md @ 0afa0faba677346a6cb53570afdccd70d42ff5ac
        (
            "fr-FR",
            "Lors de l’exécution des fonctions JavaScript sur un plan Premium, vous devez choisir une instance qui possède moins de processeurs virtuels.",
            &[],
        ),
        (
            "fr-FR",
            "Tailles d’instance Premium (un seul cœur, core deux et quatre instances core).",
            &[],
        ),
        // Bounded, but of a noun no lexicon counts: a missed fact, not a false one.
        ("fr-FR", "Au moins une instance est nécessaire", &[]),
        // A comparator and a counted noun make the word a count.
        (
            "en-US",
            "at least one file",
            &["count 1 ≥ «at least one file»"],
        ),
        // changeworld/azure-docs.ja-jp, articles/azure-functions/functions-scale.md @ 02ebb3c217db74a08e3e5340c9187aac4c53deca
        (
            "ja-JP",
            "1 つのプランにつき、少なくとも 1 つのインスタンスが常にウォーム状態である必要があります。",
            &["count 1 ≥ «少なくとも 1»"],
        ),
        // Digits are meant: `1 個の CPU` is one CPU.
        (
            "ja-JP",
            "インスタンスは、1.5 GB のメモリと 1 個の CPU に制限されています。",
            &["count 1 «1 個»"],
        ),
    ]);
}

#[test]
fn product_names_are_not_counts() {
    check(&[
        // officelearn/azure-docs.sv-se, articles/automation/automation-windows-hrw-install.md @ 053c9a55ff567cf8da811d3f1217fbed99b11110
        (
            "sv-SE",
            "Windows 10 Enterprise (inklusive multi-session) och Pro",
            &[],
        ),
        ("sv-SE", "Windows Server 2012, 2012 R2", &[]),
        ("sv-SE", "Windows 7 SP1", &[]),
        ("en-US", "Office 365 accounts", &[]),
        ("en-US", "Update 1 for Windows Server 2012 R2", &[]),
    ]);
}

#[test]
fn ranges_are_one_fact() {
    check(&[
        // stephanemora/azure-docs.fr-fr, articles/load-balancer/load-balancer-tcp-idle-timeout.md @ 1a39d8018bdf396c655bc5c6fa99e19e2f76e068
        (
            "fr-FR",
            "La plage de délai d’expiration acceptable est comprise entre 4 et 30 minutes.",
            &["duration 4–30 min «entre 4 et 30 minutes»"],
        ),
        // The frames of each language, around percentages: one range, not two numbers.
        (
            "en-US",
            "between 10% and 20%",
            &["percent 10–20 % «between 10% and 20%»"],
        ),
        (
            "en-US",
            "from 10 to 20 percent",
            &["percent 10–20 % «10 to 20 percent»"],
        ),
        (
            "es-ES",
            "entre un 10 % y un 20 %",
            &["percent 10–20 % «entre un 10 % y un 20 %»"],
        ),
        (
            "it-IT",
            "tra il 10% e il 20%",
            &["percent 10–20 % «tra il 10% e il 20%»"],
        ),
        ("nl-NL", "10% tot 20%", &["percent 10–20 % «10% tot 20%»"]),
        ("tr-TR", "%10 ila %20", &["percent 10–20 % «%10 ila %20»"]),
        ("ja-JP", "10～20％", &["percent 10–20 % «10～20％»"]),
        ("ja-JP", "10 から 20%", &["percent 10–20 % «10 から 20%»"]),
        ("zh-CN", "10% 到 20%", &["percent 10–20 % «10% 到 20%»"]),
        (
            "hu-HU",
            "5 és 10% között",
            &["percent 5–10 % «5 és 10% között»"],
        ),
        (
            "nl-NL",
            "tussen 5 en 10%",
            &["percent 5–10 % «tussen 5 en 10%»"],
        ),
        // A range of bare numbers is no fact; "and" without the frame joins two statements.
        ("nl-NL", "tussen 5 en 10", &[]),
        ("hu-HU", "5 és 10 között", &[]),
        (
            "en-US",
            "10% and 20%",
            &["percent 10 % «10%»", "percent 20 % «20%»"],
        ),
        (
            "hu-HU",
            "5% és 10%",
            &["percent 5 % «5%»", "percent 10 % «10%»"],
        ),
    ]);
}

#[test]
fn error_ids_with_localized_labels() {
    check(&[
        // bergano65/azure-docs.ru-ru, articles/azure-sql/database/troubleshoot-common-errors-issues.md @ 12173671b9dfdc3e016661ca52bff03d8b98cf73
        (
            "ru-RU",
            "Ошибка 40615: не удается подключиться к < ServerName >",
            &["error-id 40615 «40615»"],
        ),
        (
            "ru-RU",
            "В сообщении об ошибке 40197 может быть указан код ошибки 40020, 40143, 40166 или 40540.",
            &[
                "error-id 40197 «40197»",
                "error-id 40020 «40020»",
                "error-id 40143 «40143»",
                "error-id 40166 «40166»",
                "error-id 40540 «40540»",
            ],
        ),
        (
            "ru-RU",
            "Служба занята. Повторите запрос через 10 секунд.",
            &["duration 10 s «10 секунд»"],
        ),
        // Two digits are too few for an ID (`Ошибка 26`), and an unlabelled list is no count.
        (
            "ru-RU",
            "Сервер или экземпляр не найден или недоступен (ошибки 26, 40, 10053)",
            &[],
        ),
        // zoonoo/azure-docs.ko-kr, articles/azure-sql/database/vnet-service-endpoint-rule-overview.md @ 0c73e7cf78036d89a49fdebb02efe858402d1b22
        (
            "ko-KR",
            "오류 40914 및 40615",
            &["error-id 40914 «40914»", "error-id 40615 «40615»"],
        ),
        (
            "ko-KR",
            "연결 오류 40914는 Azure Porrtal의 방화벽 창에서 지정한 대로 *가상 네트워크 규칙*과 관련이 있습니다. 40615 오류는 비슷하지만 방화벽의 *IP 주소 규칙*과 관련이 있다는 점은 다릅니다.",
            &["error-id 40914 «40914»", "error-id 40615 «40615»"],
        ),
        // PEXANE2/azure-docs.tr-tr, articles/azure-sql/database/vnet-service-endpoint-rule-overview.md @ 29f8f56dba0627e037e695c06375f415ab7612bc
        (
            "tr-TR",
            "Hatalar 40914 ve 40615",
            &["error-id 40914 «40914»", "error-id 40615 «40615»"],
        ),
        (
            "tr-TR",
            "Bağlantı hatası 40914, Azure portal güvenlik duvarı bölmesinde belirtilen *sanal ağ kuralları*ile ilgilidir. Hata 40615 benzerdir, ancak güvenlik duvarındaki *IP adresi kurallarıyla* ilgilidir.",
            &["error-id 40914 «40914»", "error-id 40615 «40615»"],
        ),
        // stephanemora/azure-docs.fr-fr, articles/azure-resource-manager/management/request-limits-and-throttling.md @ 27c02b7d9123852e2c48f6584a4127805feffaab
        (
            "fr-FR",
            "Certains fournisseurs de ressources retournent l’erreur 429 pour signaler un problème temporaire.",
            &["error-id 429 «429»"],
        ),
        // Labels as machine translation writes them, and after the number.
        ("tr-TR", "(KIMLIK: 34513)", &["error-id 34513 «34513»"]),
        ("es-ES", "(Id.: 34513)", &["error-id 34513 «34513»"]),
        (
            "ko-KR",
            "34513 오류가 발생합니다",
            &["error-id 34513 «34513»"],
        ),
        (
            "fr-FR",
            "erreur 151001 ou 151002",
            &["error-id 151001 «151001»", "error-id 151002 «151002»"],
        ),
        // A list of numbers without a label is neither IDs nor a count.
        ("fr-FR", "151001 ou 151002", &[]),
        ("de-DE", "Anwendungsfehler 12345", &[]),
    ]);
}

#[test]
fn ports_as_written() {
    check(&[
        // bergano65/azure-docs.ru-ru, articles/azure-sql/database/troubleshoot-common-errors-issues.md @ 12173671b9dfdc3e016661ca52bff03d8b98cf73
        (
            "ru-RU",
            "Чтобы устранить эту проблему, убедитесь, что порт 1433 открыт для исходящих подключений во всех брандмауэрах между клиентом и Интернетом.",
            &["port 1433 «порт 1433»"],
        ),
        // officelearn/azure-docs.sv-se, articles/automation/automation-windows-hrw-install.md @ 053c9a55ff567cf8da811d3f1217fbed99b11110
        ("sv-SE", "Port 443 (utgående)", &["port 443 «Port 443»"]),
        // Labels joined to the number, protocols with the port in parentheses.
        ("en-US", "port:8443", &["port 8443 «port:8443»"]),
        (
            "en-US",
            "Server=tcp:x,1433;Port=1433",
            &["port 1433 «Port=1433»"],
        ),
        ("zh-TW", "連接埠：1433", &["port 1433 «連接埠：1433»"]),
        (
            "en-US",
            "allow HTTP (80) and HTTPS (443)",
            &["port 80 «HTTP (80)»", "port 443 «HTTPS (443)»"],
        ),
        // A protocol needs the parentheses, and a parenthesized number needs the protocol.
        ("en-US", "HTTPS 443", &[]),
        ("en-US", "retries (443)", &[]),
    ]);
}

#[test]
fn exact_decimals_and_versions() {
    check(&[
        // officelearn/azure-docs.sv-se, articles/automation/automation-windows-hrw-install.md @ 053c9a55ff567cf8da811d3f1217fbed99b11110
        (
            "sv-SE",
            "Windows PowerShell 5,1 eller senare",
            &["version 5.1+ «PowerShell 5,1 eller senare»"],
        ),
        (
            "sv-SE",
            ".NET Framework 4.6.2 eller senare",
            &["version 4.6.2+ «.NET Framework 4.6.2 eller senare»"],
        ),
        // A decimal comma makes no version without a product or minimum word.
        ("sv-SE", "4,5 timmar", &["duration 4.5 h «4,5 timmar»"]),
        ("sv-SE", "värdet 5,1", &[]),
        // English reads a comma as a group mark, never as a version.
        ("en-US", "PowerShell 5,1", &[]),
        // A decimal with a unit is a quantity, printed as written.
        (
            "en-US",
            "wait 1.15 hours",
            &["duration 1.15 h «1.15 hours»"],
        ),
        (
            "en-US",
            "at least 1.5 hours",
            &["duration 1.5 h ≥ «at least 1.5 hours»"],
        ),
        // A sentence-initial word is capitalized by grammar, not because it names a product.
        (
            "en-US",
            "Wait 1.15 hours.",
            &["duration 1.15 h «1.15 hours»"],
        ),
        ("en-US", "Select 2.5 and continue.", &[]),
        (
            "en-US",
            "Install TLS 1.2 first.",
            &["version 1.2 «TLS 1.2»"],
        ),
    ]);
}

mod common;

/// `kind value «text»` of every fact of a document read as `locale`.
fn document_facts(markdown: &str, locale: &str) -> Vec<String> {
    let doc = common::parse_bytes("doc.md", markdown.as_bytes().to_vec(), locale);
    doc.facts
        .iter()
        .map(|f| format!("{} {} «{}»", f.kind, f.value, f.text))
        .collect()
}

#[test]
fn codes_in_headings_and_error_code_columns() {
    // bergano65/azure-docs.ru-ru, articles/azure-sql/database/troubleshoot-common-errors-issues.md @ 12173671b9dfdc3e016661ca52bff03d8b98cf73
    let markdown = "## <a name=\"error-40615-cannot-connect-to--servername-\"></a>Ошибка 40615: не удается подключиться к < ServerName >\n\n\
        Чтобы устранить эту проблему, [Настройте параметры брандмауэра в базе данных SQL с помощью портал Azure](firewall-configure.md).\n\n\
        ### <a name=\"list-of-transient-fault-error-codes\"></a>Список кодов ошибок временной ошибки\n\n\
        | Код ошибки | Статус | Описание |\n| ---:| ---:|:--- |\n\
        | 40501 |20 |Служба занята. Повторите запрос через 10 секунд. Идентификатор инцидента: %ls. Код: %d. |\n\
        | 40613 |17 |База данных %.&#x2a;ls на сервере %.&#x2a;ls в данный момент недоступна. |\n";
    // (The severity column, `Статус`, is read as counts of what its header names: a column of
    // numbers; not what this test is about.)
    let facts: Vec<String> = document_facts(markdown, "ru-RU")
        .into_iter()
        .filter(|f| !f.starts_with("count "))
        .collect();
    assert_eq!(
        facts,
        [
            "error-id 40615 «40615»",
            "error-id 40501 «40501»",
            "duration 10 s «10 секунд»",
            "error-id 40613 «40613»",
        ]
    );
    // The rows are identified by the codes of their error-code column.
    let doc = common::parse_bytes("doc.md", markdown.as_bytes().to_vec(), "ru-RU");
    let rows: Vec<Vec<&str>> = doc
        .rules
        .iter()
        .map(|r| r.error_ids.iter().map(|id| id.value.as_str()).collect())
        .collect();
    assert_eq!(rows, [["40501"], ["40613"]]);
}
