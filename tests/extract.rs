//! Table-driven tests of fact recognition, per kind and per language, negatives included.

mod scan_cases;

fn check(cases: &[(&str, &str, &[&str])]) {
    scan_cases::check_cases(cases, true);
}

#[test]
fn durations() {
    check(&[
        (
            "ja-JP",
            "登録の時刻より 48 時間以上前にダウンロードされました",
            &["duration 48 h ≥ «48 時間以上»"],
        ),
        (
            "ja-JP",
            "次の 48 時間の間は最新のファイルのみが有効",
            &["duration 48 h «48 時間»"],
        ),
        (
            "ja-JP",
            "10 日間以上前にダウンロード",
            &["duration 10 d ≥ «10 日間以上»"],
        ),
        (
            "zh-TW",
            "也就是下載超過 48 小時之前註冊時",
            &["duration 48 h > «超過 48 小時»"],
        ),
        (
            "zh-TW",
            "只有最新下載的檔案是有效 48 小時內。",
            &["duration 48 h within «48 小時內»"],
        ),
        ("en-US", "valid for 48 hours", &["duration 48 h «48 hours»"]),
        (
            "en-US",
            "downloaded more than 10 days ago",
            &["duration 10 d > «more than 10 days»"],
        ),
        ("en-US", "wait 1.5 hours", &["duration 1.5 h «1.5 hours»"]),
        (
            "en-US",
            "keep it for three weeks",
            &["duration 3 w «three weeks»"],
        ),
        (
            "de-DE",
            "48 Stunden gültig",
            &["duration 48 h «48 Stunden»"],
        ),
        (
            "de-DE",
            "mindestens zwei Tage",
            &["duration 2 d ≥ «mindestens zwei Tage»"],
        ),
        (
            "fr-FR",
            "pendant trois semaines",
            &["duration 3 w «trois semaines»"],
        ),
        (
            "ja-JP",
            "毎日だと 7 日、毎週だと 4 週間、毎月だと 3 週間、毎年だと 1 年",
            &[
                "duration 7 d «7 日»",
                "duration 4 w «4 週間»",
                "duration 3 w «3 週間»",
                "duration 1 y «1 年»",
            ],
        ),
        ("ja-JP", "3 か月ごと", &["duration 3 mo «3 か月»"]),
        (
            "ja-JP",
            "二十四時間以内に",
            &["duration 24 h within «二十四時間以内»"],
        ),
        ("ja-JP", "一時間待ちます", &["duration 1 h «一時間»"]),
        (
            "ko-KR",
            "48시간 이내",
            &["duration 48 h within «48시간 이내»"],
        ),
        ("zh-CN", "48 小时内", &["duration 48 h within «48 小时内»"]),
        ("es-ES", "durante 48 horas", &["duration 48 h «48 horas»"]),
        (
            "ru-RU",
            "в течение 48 часов",
            &["duration 48 h within «в течение 48 часов»"],
        ),
    ]);
}

#[test]
fn not_durations() {
    check(&[
        ("ja-JP", "十分な領域がありません", &[]),
        ("ja-JP", "一時ファイルをダウンロードできません", &[]),
        ("ja-JP", "2019 年にリリース", &[]),
        ("ja-JP", "2019 年 7 月 15 日に公開", &[]),
        ("ja-JP", "手順 6 を参照してください", &[]),
        ("ja-JP", "一般的な問題", &[]),
        ("zh-TW", "一部分的檔案", &[]),
        ("en-US", "Office 365 accounts", &[]),
        ("en-US", "MD5 hashes and SHA256", &[]),
        ("en-US", "Windows Server 2016", &[]),
        ("en-US", "one of the hosts", &[]),
        ("en-US", "4 hosts", &[]),
        ("ja-JP", "第一週", &[]),
    ]);
}

#[test]
fn counts() {
    check(&[
        (
            "ja-JP",
            "60,000 または 65,000 個より多くのファイル",
            &["count 60000 | 65000 > (ファイル) «60,000 または 65,000 個より多く»"],
        ),
        (
            "ja-JP",
            "ファイルの数が 65,000 を超えている",
            &["count 65000 > «65,000 を超えている»"],
        ),
        (
            "ja-JP",
            "コンテナーあたり 50 マシン",
            &["count 50 (マシン) «50 マシン»"],
        ),
        (
            "zh-TW",
            "每個保存庫 50 部電腦",
            &["count 50 (電腦) «50 部電腦»"],
        ),
        (
            "zh-TW",
            "超過 60,000 或 65,000 個檔案",
            &["count 60000 | 65000 > (檔案) «超過 60,000 或 65,000 個檔案»"],
        ),
        (
            "en-US",
            "more than 65,000 files",
            &["count 65000 > (files) «more than 65,000 files»"],
        ),
        (
            "en-US",
            "up to 50 machines per vault",
            &["count 50 ≤ (machines) «up to 50 machines»"],
        ),
        (
            "en-US",
            "60,000 or 65,000 files",
            &["count 60000 | 65000 (files) «60,000 or 65,000 files»"],
        ),
        (
            "de-DE",
            "mehr als 60.000 oder 65.000 Dateien",
            &["count 60000 | 65000 > (Dateien) «mehr als 60.000 oder 65.000 Dateien»"],
        ),
        (
            "fr-FR",
            "plus de 65 000 fichiers",
            &["count 65000 > (fichiers) «plus de 65 000 fichiers»"],
        ),
        (
            "fr-FR",
            "plus de 65000 fichiers",
            &["count 65000 > (fichiers) «plus de 65000 fichiers»"],
        ),
        ("ja-JP", "3 回再試行します", &["count 3 (回) «3 回»"]),
        (
            "ja-JP",
            "５０ 台のサーバー",
            &["count 50 (サーバー) «５０ 台»"],
        ),
        ("ko-KR", "50개 이상", &["count 50 ≥ (개) «50개 이상»"]),
        (
            "en-US",
            "at least 2 servers",
            &["count 2 ≥ (servers) «at least 2 servers»"],
        ),
        ("en-US", "Step 3: restart", &[]),
        ("ja-JP", "Office 365 サーバーを使用して", &[]),
        ("en-US", "Windows 10 machines", &[]),
        (
            "zh-TW",
            "版本號碼等於或大於 3。",
            &["count 3 ≥ «等於或大於 3»"],
        ),
        ("en-US", "see article 30653", &[]),
    ]);
}

#[test]
fn percents() {
    check(&[
        (
            "ja-JP",
            "5% から 10% の空きボリューム領域",
            &["percent 5–10 % «5% から 10%»"],
        ),
        (
            "ja-JP",
            "合計サイズの 5 ～ 10% に相当",
            &["percent 5–10 % «5 ～ 10%»"],
        ),
        (
            "ja-JP",
            "5% ～ 10% の空き領域",
            &["percent 5–10 % «5% ～ 10%»"],
        ),
        (
            "zh-TW",
            "具有 5-10% 的磁碟區空間",
            &["percent 5–10 % «5-10%»"],
        ),
        ("ja-JP", "５％～１０％", &["percent 5–10 % «５％～１０％»"]),
        (
            "en-US",
            "5 to 10 percent of the data",
            &["percent 5–10 % «5 to 10 percent»"],
        ),
        (
            "en-US",
            "at least 10% free",
            &["percent 10 % ≥ «at least 10%»"],
        ),
        (
            "ja-JP",
            "5 から 10% の空き",
            &["percent 5–10 % «5 から 10%»"],
        ),
        (
            "de-DE",
            "5 bis 10 Prozent",
            &["percent 5–10 % «5 bis 10 Prozent»"],
        ),
        (
            "fr-FR",
            "entre 5 et 10 %",
            &["percent 5–10 % «entre 5 et 10 %»"],
        ),
        ("zh-CN", "5% 到 10%", &["percent 5–10 % «5% 到 10%»"]),
        ("ja-JP", "99.9% の可用性", &["percent 99.9 % «99.9%»"]),
        ("en-US", "1.5 %", &["percent 1.5 % «1.5 %»"]),
        ("ko-KR", "5%에서 10%", &["percent 5–10 % «5%에서 10%»"]),
        ("en-US", "5%–10%", &["percent 5–10 % «5%–10%»"]),
    ]);
}

#[test]
fn versions() {
    check(&[
        (
            "ja-JP",
            ".NET Framework 4.5.2 以降がインストールされている",
            &["version 4.5.2+ (.NET Framework) «.NET Framework 4.5.2 以降»"],
        ),
        (
            "ja-JP",
            ".NET Framework 4.6.2 がインストールされていることを確認します",
            &["version 4.6.2 (.NET Framework) «.NET Framework 4.6.2»"],
        ),
        (
            "ja-JP",
            "Azure PowerShell 3.7.0 をインストールします",
            &["version 3.7.0 (Azure PowerShell) «Azure PowerShell 3.7.0»"],
        ),
        (
            "ja-JP",
            "Windows PowerShell 3.0 以降",
            &["version 3.0+ (Windows PowerShell) «Windows PowerShell 3.0 以降»"],
        ),
        (
            "ja-JP",
            "TLS 1.0 が無効です",
            &["version 1.0 (TLS) «TLS 1.0»"],
        ),
        (
            "ja-JP",
            "バージョン 2.0.9052 以降",
            &["version 2.0.9052+ «2.0.9052 以降»"],
        ),
        (
            "en-US",
            "PowerShell 3.0 or later",
            &["version 3.0+ (PowerShell) «PowerShell 3.0 or later»"],
        ),
        (
            "en-US",
            "version 10.0.14393.0",
            &["version 10.0.14393.0 «10.0.14393.0»"],
        ),
        (
            "zh-TW",
            ".NET Framework 4.5.2 或更新版本",
            &["version 4.5.2+ (.NET Framework) «.NET Framework 4.5.2 或更新版本»"],
        ),
        (
            "de-DE",
            ".NET Framework 4.5.2 oder höher",
            &["version 4.5.2+ (.NET Framework) «.NET Framework 4.5.2 oder höher»"],
        ),
        ("en-US", "wait 1.5 hours", &["duration 1.5 h «1.5 hours»"]),
        ("en-US", "SQL Server 2016", &[]),
        ("en-US", "KB 4.5.2", &["version 4.5.2 (KB) «KB 4.5.2»"]),
        (
            "fr-FR",
            ".NET Framework 4.5.2 ou version ultérieure",
            &["version 4.5.2+ (.NET Framework) «.NET Framework 4.5.2 ou version ultérieure»"],
        ),
        (
            "ko-KR",
            "TLS 1.2 이상",
            &["version 1.2+ (TLS) «TLS 1.2 이상»"],
        ),
    ]);
}

#[test]
fn error_ids() {
    check(&[
        (
            "ja-JP",
            "関連付けられていません。 (ID: 34513)",
            &["error-id 34513 «34513»"],
        ),
        (
            "zh-TW",
            "無法下載保存庫認證檔案。 (識別碼：403)",
            &["error-id 403 «403»"],
        ),
        (
            "ja-JP",
            "サービスの内部エラー [0x1FC07] が発生",
            &["error-id 0x1fc07 «0x1FC07»"],
        ),
        (
            "ja-JP",
            "エラー 34506。 このコンピューター",
            &["error-id 34506 «34506»"],
        ),
        (
            "en-US",
            "Error 34506. The encryption",
            &["error-id 34506 «34506»"],
        ),
        (
            "ja-JP",
            "0x80070570 と 0x8007018b",
            &[
                "error-id 0x80070570 «0x80070570»",
                "error-id 0x8007018b «0x8007018b»",
            ],
        ),
        (
            "ja-JP",
            "Vault Credentials Error:100110",
            &["error-id 100110 «100110»"],
        ),
        ("ja-JP", "エラー ID: 2013", &["error-id 2013 «2013»"]),
        ("ja-JP", "ID 33621 で失敗", &["error-id 33621 «33621»"]),
        (
            "zh-TW",
            "錯誤 34506。未正確設定",
            &["error-id 34506 «34506»"],
        ),
        ("ko-KR", "오류 34506", &["error-id 34506 «34506»"]),
        ("de-DE", "Fehler 34506", &["error-id 34506 «34506»"]),
        ("en-US", "linkid=229525&clcid=0x409", &[]),
        ("en-US", "GUID: 12345", &[]),
        ("ja-JP", "(ID:100050)", &["error-id 100050 «100050»"]),
    ]);
}

#[test]
fn networks_hosts_and_ports() {
    check(&[
        (
            "ja-JP",
            "20.190.128.0/18 <br>",
            &["ipv4 20.190.128.0/18 «20.190.128.0/18»"],
        ),
        (
            "ja-JP",
            "40.126.0.0/18",
            &["ipv4 40.126.0.0/18 «40.126.0.0/18»"],
        ),
        ("en-US", "IP 10.0.0.1 only", &["ipv4 10.0.0.1 «10.0.0.1»"]),
        (
            "ja-JP",
            "www.msftncsi.com",
            &["host www.msftncsi.com «www.msftncsi.com»"],
        ),
        (
            "ja-JP",
            "*.microsoft.com",
            &["host *.microsoft.com «*.microsoft.com»"],
        ),
        (
            "ja-JP",
            ".WindowsAzure.com へのアクセス",
            &["host *.windowsazure.com «.WindowsAzure.com»"],
        ),
        (
            "ja-JP",
            "*.usgovcloudapi.net",
            &["host *.usgovcloudapi.net «*.usgovcloudapi.net»"],
        ),
        ("ja-JP", "CSC.exe と CBengine.exe と OnlineBackup.KEK", &[]),
        ("en-US", "ASP.NET and .NET", &[]),
        ("ja-JP", "ポート 443 で HTTPS", &["port 443 «ポート 443»"]),
        ("ja-JP", "ポート 587 を使用", &["port 587 «ポート 587»"]),
        ("zh-TW", "連接埠 443", &["port 443 «連接埠 443»"]),
        ("en-US", "over port 443", &["port 443 «port 443»"]),
        ("ja-JP", "443 番ポート", &["port 443 «443 番ポート»"]),
        ("en-US", "port 99999", &[]),
        (
            "en-US",
            "see https://aka.ms/backup#top.",
            &["url https://aka.ms/backup#top «https://aka.ms/backup#top»"],
        ),
    ]);
}

#[test]
fn paths_and_registry_keys() {
    check(&[
        (
            "ja-JP",
            r"既定の場所は、C:\Program Files\Microsoft Azure Recovery Services Agent\Scratch です。",
            &[
                r"path c:\program files\microsoft azure recovery services agent\scratch «C:\Program Files\Microsoft Azure Recovery Services Agent\Scratch»",
            ],
        ),
        (
            "ja-JP",
            "C:/Windows/Temp に移動し",
            &[r"path c:\windows\temp «C:/Windows/Temp»"],
        ),
        (
            "en-US",
            r"HKEY_LOCAL_MACHINE\Software\Microsoft\Windows Azure Backup\Config",
            &[
                r"registry-key hkey_local_machine\software\microsoft\windows azure backup\config «HKEY_LOCAL_MACHINE\Software\Microsoft\Windows Azure Backup\Config»",
            ],
        ),
        (
            "en-US",
            r"HKLM\SOFTWARE\Microsoft and",
            &[r"registry-key hkey_local_machine\software\microsoft «HKLM\SOFTWARE\Microsoft»"],
        ),
        (
            "en-US",
            r"%windir%\Temp folder",
            &[r"path %windir%\temp «%windir%\Temp»"],
        ),
        (
            "en-US",
            r"\\server\share\dir",
            &[r"path \\server\share\dir «\\server\share\dir»"],
        ),
    ]);
}

#[test]
fn ipv4_networks() {
    check(&[
        (
            "ja-JP",
            "20.190.128.0/18",
            &["ipv4 20.190.128.0/18 «20.190.128.0/18»"],
        ),
        (
            "ja-JP",
            "  40.126.0.0/18<br>",
            &["ipv4 40.126.0.0/18 «40.126.0.0/18»"],
        ),
        (
            "en-US",
            "allow 10.0.0.0/8 and 192.168.1.10",
            &[
                "ipv4 10.0.0.0/8 «10.0.0.0/8»",
                "ipv4 192.168.1.10 «192.168.1.10»",
            ],
        ),
        ("en-US", "0.0.0.0/0", &["ipv4 0.0.0.0/0 «0.0.0.0/0»"]),
        (
            "en-US",
            "255.255.255.255",
            &["ipv4 255.255.255.255 «255.255.255.255»"],
        ),
        (
            "zh-TW",
            "IP 位址 20.190.128.0/18。",
            &["ipv4 20.190.128.0/18 «20.190.128.0/18»"],
        ),
        (
            "ja-JP",
            "アドレス13.64.0.0/11を許可",
            &["ipv4 13.64.0.0/11 «13.64.0.0/11»"],
        ),
        ("en-US", "1.2.3.4/32,", &["ipv4 1.2.3.4/32 «1.2.3.4/32»"]),
        ("en-US", "1.2.3.4/33", &["ipv4 1.2.3.4 «1.2.3.4»"]),
        ("en-US", "256.1.1.1", &["version 256.1.1.1 «256.1.1.1»"]),
        ("en-US", "01.2.3.4", &["version 1.2.3.4 «01.2.3.4»"]),
        (
            "en-US",
            "10.0.14393.0",
            &["version 10.0.14393.0 «10.0.14393.0»"],
        ),
        (
            "de-DE",
            "Netz 172.16.0.0/12",
            &["ipv4 172.16.0.0/12 «172.16.0.0/12»"],
        ),
        (
            "xx",
            "20.190.128.0/18",
            &["ipv4 20.190.128.0/18 «20.190.128.0/18»"],
        ),
        (
            "ko-KR",
            "20.190.128.0/18 및 40.126.0.0/18",
            &[
                "ipv4 20.190.128.0/18 «20.190.128.0/18»",
                "ipv4 40.126.0.0/18 «40.126.0.0/18»",
            ],
        ),
    ]);
}

#[test]
fn hosts_and_urls() {
    check(&[
        (
            "ja-JP",
            "`www.msftncsi.com`",
            &["host www.msftncsi.com «www.msftncsi.com»"],
        ),
        (
            "ja-JP",
            "*.microsoft.com <br>",
            &["host *.microsoft.com «*.microsoft.com»"],
        ),
        (
            "ja-JP",
            ".WindowsAzure.com",
            &["host *.windowsazure.com «.WindowsAzure.com»"],
        ),
        (
            "ja-JP",
            "*.windowsazure.us",
            &["host *.windowsazure.us «*.windowsazure.us»"],
        ),
        (
            "ja-JP",
            "*.microsoftonline.us",
            &["host *.microsoftonline.us «*.microsoftonline.us»"],
        ),
        (
            "en-US",
            "login.microsoftonline.com and",
            &["host login.microsoftonline.com «login.microsoftonline.com»"],
        ),
        (
            "en-US",
            "Mail.Contoso.com",
            &["host mail.contoso.com «Mail.Contoso.com»"],
        ),
        ("en-US", "OnlineBackup.KEK CSC.exe setup.ps1 Node.js", &[]),
        ("en-US", "ASP.NET VB.NET .NET", &[]),
        (
            "en-US",
            "https://aka.ms/mars-agent",
            &["url https://aka.ms/mars-agent «https://aka.ms/mars-agent»"],
        ),
        (
            "en-US",
            "(https://portal.azure.com/#blade/X).",
            &["url https://portal.azure.com/#blade/X «https://portal.azure.com/#blade/X»"],
        ),
        (
            "ja-JP",
            "https://go.microsoft.com/fwlink/?linkid=229525&clcid=0x409 を参照",
            &[
                "url https://go.microsoft.com/fwlink/?linkid=229525&clcid=0x409 «https://go.microsoft.com/fwlink/?linkid=229525&clcid=0x409»",
            ],
        ),
        (
            "zh-TW",
            "前往 www.msftconnecttest.com。",
            &["host www.msftconnecttest.com «www.msftconnecttest.com»"],
        ),
        (
            "xx",
            "*.usgovcloudapi.net",
            &["host *.usgovcloudapi.net «*.usgovcloudapi.net»"],
        ),
        (
            "en-US",
            "user@domain.com",
            &["host domain.com «domain.com»"],
        ),
    ]);
}

#[test]
fn ports() {
    check(&[
        ("ja-JP", "ポート 443 で HTTPS", &["port 443 «ポート 443»"]),
        ("ja-JP", "ポート 587 を使用", &["port 587 «ポート 587»"]),
        ("ja-JP", "ポート443", &["port 443 «ポート443»"]),
        ("ja-JP", "443 番ポート", &["port 443 «443 番ポート»"]),
        ("zh-TW", "連接埠 443", &["port 443 «連接埠 443»"]),
        ("zh-CN", "端口 443", &["port 443 «端口 443»"]),
        ("ko-KR", "포트 443", &["port 443 «포트 443»"]),
        ("en-US", "over port 443", &["port 443 «port 443»"]),
        ("en-US", "TCP port 1433", &["port 1433 «TCP port 1433»"]),
        ("de-DE", "Port 587 verwenden", &["port 587 «Port 587»"]),
        ("fr-FR", "le port 25", &["port 25 «port 25»"]),
        ("es-ES", "el puerto 443", &["port 443 «puerto 443»"]),
        ("ru-RU", "порт 443", &["port 443 «порт 443»"]),
        ("en-US", "port 99999", &[]),
        ("en-US", "port 1.5", &[]),
    ]);
}

#[test]
fn more_paths_and_registry_keys() {
    check(&[
        (
            "ja-JP",
            r"*C:\Program Files\Microsoft Azure Recovery Services Agent\Bin*",
            &[
                r"path c:\program files\microsoft azure recovery services agent\bin «C:\Program Files\Microsoft Azure Recovery Services Agent\Bin»",
            ],
        ),
        (
            "ja-JP",
            r"c:\windows\temp にある",
            &[r"path c:\windows\temp «c:\windows\temp»"],
        ),
        (
            "en-US",
            r"C:\WINDOWS\system32> net stop",
            &[r"path c:\windows\system32 «C:\WINDOWS\system32»"],
        ),
        ("en-US", r"D:\Backup\", &[r"path d:\backup «D:\Backup\»"]),
        (
            "en-US",
            r"C:\Program Files (x86)\App\app.exe",
            &[r"path c:\program files (x86)\app\app.exe «C:\Program Files (x86)\App\app.exe»"],
        ),
        (
            "zh-TW",
            r"在 [bin] 資料夾*C:\Program Files\Microsoft Azure Recovery Services Agent\Bin*",
            &[
                r"path c:\program files\microsoft azure recovery services agent\bin «C:\Program Files\Microsoft Azure Recovery Services Agent\Bin»",
            ],
        ),
        (
            "en-US",
            r"HKEY_CURRENT_USER\Software\X",
            &[r"registry-key hkey_current_user\software\x «HKEY_CURRENT_USER\Software\X»"],
        ),
        (
            "en-US",
            r"HKCU\Software\X",
            &[r"registry-key hkey_current_user\software\x «HKCU\Software\X»"],
        ),
        (
            "ja-JP",
            r"レジストリ キー HKLM\SOFTWARE\Microsoft\Microsoft Data Protection Manager\Notification を作成",
            &[
                r"registry-key hkey_local_machine\software\microsoft\microsoft data protection manager\notification «HKLM\SOFTWARE\Microsoft\Microsoft Data Protection Manager\Notification»",
            ],
        ),
        ("en-US", r"SYSTEM\CurrentControlSet\Control", &[]),
    ]);
}

#[test]
fn unknown_locale_still_reads_literals_and_english() {
    check(&[
        (
            "xx-YY",
            "(ID: 34513) [0x1FC07] 20.190.128.0/18",
            &[
                "error-id 34513 «34513»",
                "error-id 0x1fc07 «0x1FC07»",
                "ipv4 20.190.128.0/18 «20.190.128.0/18»",
            ],
        ),
        ("xx-YY", "5-10%", &["percent 5–10 % «5-10%»"]),
        ("xx-YY", "48 hours", &["duration 48 h «48 hours»"]),
        ("xx-YY", "48 時間", &[]),
    ]);
}
