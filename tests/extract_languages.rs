//! Fact recognition in the languages whose units and numbers come from CLDR, on sentences of the
//! localized Azure documentation (each group names its repository, path and commit), plus
//! minimal fixtures for what the CLDR data adds to the reader: number symbols, the percent sign
//! before the number, one-letter units on the digits, counts fused into a word.

mod scan_cases;

fn check(cases: &[(&str, &str, &[&str])]) {
    scan_cases::check_cases(cases, true);
}

#[test]
fn turkish() {
    check(&[
        // PEXANE2/azure-docs.tr-tr, articles/load-balancer/load-balancer-tcp-idle-timeout.md @ 0d9554cd103c18c05fda83e871db9b98110370bc
        (
            "tr-TR",
            "Azure Load Balancer için boşta kalma zaman aşımı ayarı 4 dakika ila 30 dakika.",
            &["duration 4–30 min «4 dakika ila 30 dakika»"],
        ),
        (
            "tr-TR",
            "Varsayılan olarak, 4 dakikaya ayarlanır.",
            &["duration 4 min «4 dakikaya»"],
        ),
        (
            "tr-TR",
            "Ayarlanmamışsa, varsayılan zaman aşımı 4 dakikadır.",
            &["duration 4 min «4 dakikadır»"],
        ),
        (
            "tr-TR",
            "Kabul edilebilir zaman aşımı aralığı 4 ila 30 dakikadır.",
            &["duration 4–30 min «4 ila 30 dakikadır»"],
        ),
        (
            "tr-TR",
            "PowerShell'i yerel olarak yükleyip kullanmayı tercih ederseniz bu makale, Azure PowerShell modülü 5.4.1 veya sonraki bir sürümünü gerektirir.",
            &["version 5.4.1+ «5.4.1 veya sonraki»"],
        ),
        (
            "tr-TR",
            "Örnek düzeyi genel IP 'niz için TCP zaman aşımını 15 dakikaya yapılandırın",
            &["duration 15 min «15 dakikaya»"],
        ),
        // PEXANE2/azure-docs.tr-tr, articles/key-vault/general/soft-delete-overview.md @ 13e7747bb1dba36a9bda0c246bc565b035812072
        (
            "tr-TR",
            "Yapılandırma belirtilmemişse, varsayılan kurtarma süresi 90 gün olarak ayarlanır.",
            &["duration 90 d «90 gün»"],
        ),
        (
            "tr-TR",
            "Geçici silme etkin olduğunda, silinen kaynaklar olarak işaretlenen kaynaklar belirli bir süre boyunca (varsayılan olarak 90 gün) tutulur.",
            &["duration 90 d «90 gün»"],
        ),
        (
            "tr-TR",
            "Varsayılan saklama süresi 90 gündür ancak Anahtar Kasası oluşturma sırasında, bekletme ilkesi aralığını, Azure portal ile 90 gün arasında bir değere ayarlamak mümkündür.",
            &["duration 90 d «90 gündür»", "duration 90 d «90 gün»"],
        ),
        (
            "tr-TR",
            "Geçici olarak silinen kaynaklar ayarlanan süre, 90 gün boyunca tutulur.",
            &["duration 90 d «90 gün»"],
        ),
        (
            "tr-TR",
            "Nesne bir HSM anahtaralıyorsa, son 30 gün içinde bir anahtar sürümü kullanılıyorsa, aylık ücret başına ' HSM korumalı anahtar ' ücreti uygulanır.",
            &["duration 30 d within «30 gün içinde»"],
        ),
        (
            "tr-TR",
            "Aşağıdaki iki kılavuz, geçici silme kullanmaya yönelik birincil kullanım senaryolarını sunmaktadır.",
            &[],
        ),
    ]);
}

#[test]
fn dutch() {
    check(&[
        // Microsoft/azure-docs.nl-nl, articles/load-balancer/load-balancer-tcp-idle-timeout.md @ 0e885de2e6bfac6226abfe3af23ce82f4b246e44
        (
            "nl-NL",
            "4 minuten tot 100 minuten voor uitgaande regels",
            &["duration 4–100 min «4 minuten tot 100 minuten»"],
        ),
        (
            "nl-NL",
            "4 minuten tot 30 minuten voor Load Balancer regels en binnenkomende NAT-regels",
            &["duration 4–30 min «4 minuten tot 30 minuten»"],
        ),
        (
            "nl-NL",
            "Standaard is deze ingesteld op 4 minuten.",
            &["duration 4 min «4 minuten»"],
        ),
        (
            "nl-NL",
            "Als u PowerShell lokaal wilt installeren en gebruiken, is voor dit artikel versie 5.4.1 of hoger van de Azure PowerShell-module vereist.",
            &["version 5.4.1+ «5.4.1 of hoger»"],
        ),
        // Microsoft/azure-docs.nl-nl, articles/key-vault/general/soft-delete-overview.md @ 12f82a12f291ea0eb3defe2345075af8d25d0915
        (
            "nl-NL",
            "Als er geen configuratie is opgegeven, wordt de standaard herstelperiode ingesteld op 90 dagen.",
            &["duration 90 d «90 dagen»"],
        ),
        (
            "nl-NL",
            "Als de functie voor voorlopig verwijderen is ingeschakeld, worden de resources die zijn gemarkeerd als verwijderde resources, gedurende een opgegeven periode (standaard 90 dagen) bewaard.",
            &["duration 90 d «90 dagen»"],
        ),
        (
            "nl-NL",
            "De standaard retentie periode is 90 dagen, maar het is mogelijk om het interval voor het Bewaar beleid in te stellen op een waarde van 7 tot 90 dagen via de Azure Portal.",
            &[
                "duration 90 d «90 dagen»",
                "duration 7–90 d «7 tot 90 dagen»",
            ],
        ),
        (
            "nl-NL",
            "In dit geval wacht Key Vault 90 dagen vanaf het moment dat het oorspronkelijke geheime object werd gemarkeerd voor verwijdering, zodat het object definitief kan worden verwijderd.",
            &["duration 90 d «90 dagen»"],
        ),
        (
            "nl-NL",
            "Als het object een HSM-sleutel is, is de kosten voor de sleutel van de HSM Protected Key-versie per maand van toepassing als er in de afgelopen 30 dagen een sleutel versie is gebruikt.",
            &["duration 30 d «30 dagen»"],
        ),
        (
            "nl-NL",
            "Zacht verwijderde resources worden gedurende een bepaalde periode (90 dagen) bewaard.",
            &["duration 90 d «90 dagen»"],
        ),
        (
            "nl-NL",
            "De volgende twee hand leidingen bieden de primaire gebruiks scenario's voor het gebruik van voorlopig verwijderen.",
            &[],
        ),
    ]);
}

#[test]
fn polish() {
    check(&[
        // Microsoft/azure-docs.pl-pl, articles/load-balancer/load-balancer-tcp-idle-timeout.md @ 0855ddfe1f2fe4963dd3bbeea228d18ce3d27f2e
        (
            "pl-PL",
            "4 minuty do 100 minut dla reguł ruchu wychodzącego",
            &["duration 4–100 min «4 minuty do 100 minut»"],
        ),
        (
            "pl-PL",
            "4 minuty do 30 minut dla reguł Load Balancer i reguł NAT dla ruchu przychodzącego",
            &["duration 4–30 min «4 minuty do 30 minut»"],
        ),
        (
            "pl-PL",
            "Wartość domyślna to 4 minuty.",
            &["duration 4 min «4 minuty»"],
        ),
        (
            "pl-PL",
            "Jeśli postanowisz zainstalować program PowerShell i używać go lokalnie, ten artykuł wymaga modułu Azure PowerShell w wersji 5.4.1 lub nowszej.",
            &["version 5.4.1+ «5.4.1 lub nowszej»"],
        ),
        // Microsoft/azure-docs.pl-pl, articles/key-vault/general/soft-delete-overview.md @ 10b5eeb38a78fd00c90cb1ae25f0da15f8f5c5c9
        (
            "pl-PL",
            "Po usunięciu wpisu tajnego, klucza, certyfikatu lub magazynu kluczy pozostanie on odwracalny przez konfigurowalny okres od 7 do 90 dni kalendarzowych.",
            &["duration 7–90 d «7 do 90 dni»"],
        ),
        (
            "pl-PL",
            "Jeśli konfiguracja nie zostanie określona, domyślny okres odzyskiwania zostanie ustawiony na 90 dni.",
            &["duration 90 d «90 dni»"],
        ),
        (
            "pl-PL",
            "Po włączeniu usuwania nietrwałego zasoby oznaczone jako usunięte zasoby są zachowywane przez określony czas (domyślnie 90 dni).",
            &["duration 90 d «90 dni»"],
        ),
        (
            "pl-PL",
            "Domyślny okres przechowywania to 90 dni, ale można ustawić interwał zasad przechowywania na wartość z przedziału od 7 do 90 dni za pośrednictwem Azure Portal.",
            &["duration 90 d «90 dni»", "duration 7–90 d «7 do 90 dni»"],
        ),
        (
            "pl-PL",
            "W takim przypadku Key Vault będzie czekać przez 90 dni od momentu, gdy oryginalny obiekt tajny został oznaczony do usunięcia, aby usunąć go trwale.",
            &["duration 90 d «90 dni»"],
        ),
        (
            "pl-PL",
            "Jeśli obiekt jest kluczem modułu HSM, opłata za klucz chroniony przez moduł HSM na wersję klucza miesięcznie będzie stosowana, jeśli w ciągu ostatnich 30 dni zostanie użyta wersja klucza.",
            &["duration 30 d «30 dni»"],
        ),
        (
            "pl-PL",
            "Zasoby usunięte przez program są przechowywane przez określony czas, 90 dni.",
            &["duration 90 d «90 dni»"],
        ),
    ]);
}

#[test]
fn swedish() {
    check(&[
        // MicrosoftDocs/azure-docs.sv-se, articles/load-balancer/load-balancer-tcp-idle-timeout.md @ 8a403ce9ac34ae44da59d78195b005b414cd3b09
        (
            "sv-SE",
            "4 minuter till 100 minuter för utgående regler",
            &["duration 4–100 min «4 minuter till 100 minuter»"],
        ),
        (
            "sv-SE",
            "4 minuter till 30 minuter för Load Balancer regler och inkommande NAT-regler",
            &["duration 4–30 min «4 minuter till 30 minuter»"],
        ),
        (
            "sv-SE",
            "Som standard är den inställd på 4 minuter.",
            &["duration 4 min «4 minuter»"],
        ),
        (
            "sv-SE",
            "Om du väljer att installera och använda PowerShell lokalt kräver den här artikeln version 5.4.1 eller senare av Azure PowerShell-modulen.",
            &["version 5.4.1+ «5.4.1 eller senare»"],
        ),
        // MicrosoftDocs/azure-docs.sv-se, articles/key-vault/general/soft-delete-overview.md @ 1a735221168934cfee0c9889e47fe53a8401c3a3
        (
            "sv-SE",
            "Om ingen konfiguration anges anges standardåterställningsperioden till 90 dagar.",
            &["duration 90 d «90 dagar»"],
        ),
        (
            "sv-SE",
            "När mjuk borttagning är aktiverat bevaras resurser som markerats som borttagna resurser under en angiven period (90 dagar som standard).",
            &["duration 90 d «90 dagar»"],
        ),
        (
            "sv-SE",
            "Standardvärdet för kvarhållningsperioden är 90 dagar, men det är möjligt att ange kvarhållningsprincipintervallet till ett värde från 7 till 90 dagar Azure Portal.",
            &[
                "duration 90 d «90 dagar»",
                "duration 7–90 d «7 till 90 dagar»",
            ],
        ),
        (
            "sv-SE",
            "I det här Key Vault vänta i 90 dagar från det att det ursprungliga hemliga objektet markerades för borttagning för att ta bort objektet permanent.",
            &["duration 90 d «90 dagar»"],
        ),
        (
            "sv-SE",
            "Om objektet är en HSM-nyckel debiteras avgiften \"HSM Protected key\" per nyckelversion och månad om en nyckelversion har använts under de senaste 30 dagarna.",
            &["duration 30 d «30 dagarna»"],
        ),
        (
            "sv-SE",
            "Mjukt borttagna resurser bevaras under en viss tidsperiod, 90 dagar.",
            &["duration 90 d «90 dagar»"],
        ),
        (
            "sv-SE",
            "Två åtgärder måste göras för att permanent ta bort en hemlighet.",
            &[],
        ),
    ]);
}

#[test]
fn czech() {
    check(&[
        // Microsoft/azure-docs.cs-cz, articles/load-balancer/load-balancer-tcp-idle-timeout.md @ 093c02168f41eb262d29d46fabca13eea3217a0c
        (
            "cs-CZ",
            "Ve výchozí konfiguraci má nástroj pro vyrovnávání zatížení Azure nastavení časového limitu nečinnosti 4 minuty.",
            &["duration 4 min «4 minuty»"],
        ),
        (
            "cs-CZ",
            "Teď ji můžete nastavit po dobu 4 až 30 minut.",
            &["duration 4–30 min «4 až 30 minut»"],
        ),
        (
            "cs-CZ",
            "Pokud není nastavená, je výchozí časový limit 4 minuty.",
            &["duration 4 min «4 minuty»"],
        ),
        (
            "cs-CZ",
            "Rozsah přijatelný časový limit je 4 až 30 minut.",
            &["duration 4–30 min «4 až 30 minut»"],
        ),
        // Microsoft/azure-docs.cs-cz, articles/key-vault/general/soft-delete-overview.md @ 090c1231e400c8996b7ef419ea96918ba04e431f
        (
            "cs-CZ",
            "Pokud není zadána žádná konfigurace, výchozí doba obnovení bude nastavena na 90 dní.",
            &["duration 90 d «90 dní»"],
        ),
        (
            "cs-CZ",
            "Pokud je povolené obnovitelné odstranění, prostředky označené jako odstraněné prostředky se uchovávají po určenou dobu (ve výchozím nastavení jsou to 90 dny).",
            &["duration 90 d «90 dny»"],
        ),
        (
            "cs-CZ",
            "Výchozí doba uchování je 90 dní, ale je možné nastavit interval zásad uchovávání informací na hodnotu od 7 do 90 dnů pomocí Azure Portal.",
            &["duration 90 d «90 dní»", "duration 7–90 d «7 do 90 dnů»"],
        ),
        (
            "cs-CZ",
            "V takovém případě bude Key Vault čekat na 90 dní od okamžiku, kdy byl původní tajný objekt označen pro odstranění, aby se objekt trvale odstranil.",
            &["duration 90 d «90 dní»"],
        ),
        (
            "cs-CZ",
            "Pokud je objektem klíč HSM, bude se účtovat poplatek za klíč chráněný modulem HSM na verzi klíče za měsíc, pokud se v posledních 30 dnech použije klíčová verze.",
            &["duration 30 d «30 dnech»"],
        ),
        (
            "cs-CZ",
            "Obnovitelné odstraněné prostředky se uchovávají po nastavené časové období, 90 dnů.",
            &["duration 90 d «90 dnů»"],
        ),
        (
            "cs-CZ",
            "K trvalému odstranění tajného kódu je nutné provést dvě operace.",
            &[],
        ),
    ]);
}

#[test]
fn hungarian() {
    check(&[
        // Microsoft/azure-docs.hu-hu, articles/load-balancer/load-balancer-tcp-idle-timeout.md @ 0324cb118204ee30f5c534b682012d088765760b
        (
            "hu-HU",
            "4 perc – 100 perc a kimenő szabályoknál",
            &["duration 4–100 min «4 perc – 100 perc»"],
        ),
        (
            "hu-HU",
            "4 perc és 30 perc a Load Balancer szabályok és a bejövő NAT-szabályok esetében",
            &["duration 4 min «4 perc»", "duration 30 min «30 perc»"],
        ),
        (
            "hu-HU",
            "Alapértelmezés szerint 4 percre van beállítva.",
            &["duration 4 min «4 percre»"],
        ),
        (
            "hu-HU",
            "Ha a PowerShell helyi telepítése és használata mellett dönt, ehhez a cikkhez az Azure PowerShell-modul 5.4.1-es vagy újabb verziójára lesz szükség.",
            &[
                "version 5.4.1+ (Azure PowerShell-modul) «Azure PowerShell-modul 5.4.1-es vagy újabb»",
            ],
        ),
        // Microsoft/azure-docs.hu-hu, articles/key-vault/general/soft-delete-overview.md @ 11b2a7c9560c39c0b78a5f234e75483d89041043
        (
            "hu-HU",
            "Ha nincs megadva konfiguráció, az alapértelmezett helyreállítási időszak 90 napra lesz állítva.",
            &["duration 90 d «90 napra»"],
        ),
        (
            "hu-HU",
            "Ha a helyreállítható törlés engedélyezve van, a törölt erőforrásként megjelölt erőforrások megmaradnak egy adott időszakra (alapértelmezés szerint 90 nap).",
            &["duration 90 d «90 nap»"],
        ),
        (
            "hu-HU",
            "Az alapértelmezett megőrzési időtartam 90 nap, de az adatmegőrzési házirend intervalluma 7 – 90 nap értékre állítható be a Azure Portalon keresztül.",
            &["duration 90 d «90 nap»", "duration 7–90 d «7 – 90 nap»"],
        ),
        (
            "hu-HU",
            "Ebben az esetben Key Vault várni fog a 90 nap, amikor az eredeti titkos objektum törlésre lett megjelölve az objektum végleges törléséhez.",
            &["duration 90 d «90 nap»"],
        ),
        (
            "hu-HU",
            "Ha az objektum egy HSM-kulcs, a \"HSM-védelemmel ellátott kulcs havi díja\" díjat akkor kell alkalmazni, ha az elmúlt 30 napban a kulcs verzióját használták.",
            &["duration 30 d «30 napban»"],
        ),
        (
            "hu-HU",
            "A Soft-Deleted-erőforrások megmaradnak egy meghatározott ideig, 90 nap.",
            &["duration 90 d «90 nap»"],
        ),
        (
            "hu-HU",
            "A titkos kód végleges törléséhez két műveletet kell elvégezni.",
            &[],
        ),
    ]);
}

#[test]
fn danish() {
    check(&[
        // OpenLocalizationTestOrg/azure-docs-pr15_da-DK, articles/load-balancer/load-balancer-tcp-idle-timeout.md @ 6fbd10477109950257bf52ca6a60355553935692
        (
            "da-DK",
            "I standardkonfigurationen har Azure justering af belastning en inaktiv timeoutindstilling af 4 minutter.",
            &["duration 4 min «4 minutter»"],
        ),
        (
            "da-DK",
            "Du kan nu angive den til en varighed på 4 til 30 minutter.",
            &["duration 4–30 min «4 til 30 minutter»"],
        ),
        (
            "da-DK",
            "Hvis det ikke er angivet, er standardtimeouten 4 minutter.",
            &["duration 4 min «4 minutter»"],
        ),
        (
            "da-DK",
            "Området acceptable timeout er 4 til 30 minutter.",
            &["duration 4–30 min «4 til 30 minutter»"],
        ),
        (
            "da-DK",
            "Konfigurere TCP-timeout for din forekomst niveau offentlige IP-adresse til 15 minutter",
            &["duration 15 min «15 minutter»"],
        ),
        (
            "da-DK",
            "Sørg for, at den x-ms-version sidehoved er indstillet til version 2014-06-01 eller nyere.",
            &[],
        ),
    ]);
}

#[test]
fn finnish() {
    check(&[
        // OpenLocalizationTestOrg/azure-docs-pr15_fi-FI, articles/load-balancer/load-balancer-tcp-idle-timeout.md @ c116ea11b8309ac678d8c6d2dabb97b589f0e52b
        (
            "fi-FI",
            "Sen alkuperäisessä kokoonpanossa Azure kuormituksen on aikakatkaisun-asetukset 4 minuuttia.",
            &["duration 4 min «4 minuuttia»"],
        ),
        (
            "fi-FI",
            "Voit nyt määrittää sen kestoksi 4 – 30 minuuttia.",
            &["duration 4–30 min «4 – 30 minuuttia»"],
        ),
        (
            "fi-FI",
            "TCP-aikakatkaisun määrittäminen esiintymän tason julkiseen IP 15 minuuttia",
            &["duration 15 min «15 minuuttia»"],
        ),
        (
            "fi-FI",
            "Jos sitä ei määritetä, aikakatkaisun oletusarvo on 4 minuuttia.",
            &["duration 4 min «4 minuuttia»"],
        ),
        (
            "fi-FI",
            "Hyväksyttävä aikakatkaisu-alue on 4 – 30 minuuttia.",
            &["duration 4–30 min «4 – 30 minuuttia»"],
        ),
        (
            "fi-FI",
            "Varmista, että x-ms-version otsikko on määritetty versio 2014-06-01 tai uudempi versio.",
            &[],
        ),
    ]);
}

/// Minimal fixtures (not quoted text) for what the CLDR data adds to the reader.
#[test]
fn cldr_number_reading() {
    check(&[
        // Turkish writes the percent sign (and the word) before the number: `%#,##0`.
        ("tr-TR", "%5 ila %10", &["percent 5–10 % «%5 ila %10»"]),
        ("tr-TR", "yüzde 20", &["percent 20 % «yüzde 20»"]),
        (
            "tr-TR",
            "60.000'den fazla dosya",
            &["count 60000 > «60.000'den fazla»"],
        ),
        // A no-break space groups thousands in Polish and Swedish; a decimal comma.
        (
            "pl-PL",
            "ponad 60\u{a0}000 godzin",
            &["duration 60000 h > «ponad 60\u{a0}000 godzin»"],
        ),
        ("sv-SE", "1,5 timmar", &["duration 1.5 h «1,5 timmar»"]),
        // One-letter units only written onto the digits: `48u` is 48 hours, `48 u` nothing.
        ("nl-NL", "na 48u", &["duration 48 h «48u»"]),
        ("nl-NL", "na 48 u", &[]),
        ("es-ES", "de 1 a 5", &[]),
        // Arabic duals carry their count; a count of one (the article) is not read.
        ("ar-SA", "خلال ساعتان", &["duration 2 h «ساعتان»"]),
        // A language with no hand-written lexicon still reads units and numbers.
        ("vi-VN", "48 giờ", &["duration 48 h «48 giờ»"]),
        ("uk-UA", "10 днів", &["duration 10 d «10 днів»"]),
    ]);
}
