package io.github.mfaeval.generate;

/** The vocabulary of synthetic tenants: names, applications, places, devices (all fictitious or public ids). */
final class Names {
    private Names() {
    }

    static final String[] COMPANIES = {"Contoso", "Fabrikam", "Northwind Traders", "Tailspin Toys", "Woodgrove Bank",
            "Adventure Works", "Litware", "Proseware", "Wingtip Toys", "Alpine Ski House", "Fourth Coffee", "Coho Winery",
            "Lamna Healthcare", "Relecloud", "Trey Research", "VanArsdel", "Wide World Importers", "Margie's Travel",
            "Humongous Insurance", "Lucerne Publishing", "Blue Yonder Airlines", "City Power & Light", "Consolidated Messenger",
            "First Up Consultants", "Bellows College", "Southridge Video", "Tailwind Traders", "Datum Corporation"};

    static final String[] FIRST = {"Ada", "Ben", "Chloe", "Dana", "Eli", "Fay", "Gus", "Hana", "Ivan", "Jo", "Kim", "Lee",
            "Mia", "Noah", "Olga", "Pia", "Quinn", "Raj", "Sara", "Tom", "Uma", "Vic", "Wen", "Xavi", "Yara", "Zoe", "Amir",
            "Bea", "Carlos", "Dmitri", "Elena", "Femi", "Grace", "Hugo", "Ines", "Jamal", "Keiko", "Lars", "Maya", "Nils"};

    static final String[] LAST = {"Adams", "Baker", "Chen", "Diaz", "Evans", "Fischer", "Garcia", "Hughes", "Ito", "Jensen",
            "Khan", "Lopez", "Martin", "Nakamura", "Okafor", "Petrov", "Quist", "Rossi", "Silva", "Tanaka", "Ueda", "Varga",
            "Weber", "Xu", "Yilmaz", "Zhang", "Novak", "Moreau", "Larsen", "Kowalski"};

    static final String[] SERVICE_WORDS = {"deploy", "backup", "build", "report", "sync", "monitor", "billing", "etl", "infra", "scan"};

    /** Client applications of mandatory MFA (rules/reference/applications.drl.csv) with the resource they call. */
    static final String[][] LISTED_APPS = {
            {"c44b4083-3bb0-49c1-b47d-974e53cbdf3c", "Azure Portal", "797f4846-ba00-4fd7-ba43-dac1f8f63013", "Windows Azure Service Management API"},
            {"04b07795-8ddb-461a-bbee-02f9e1bf7b46", "Microsoft Azure CLI", "797f4846-ba00-4fd7-ba43-dac1f8f63013", "Windows Azure Service Management API"},
            {"1950a258-227b-4e31-a9cf-717495945fc2", "Microsoft Azure PowerShell", "797f4846-ba00-4fd7-ba43-dac1f8f63013", "Windows Azure Service Management API"},
            {"0c1307d4-29d6-4389-a11c-5cbe7f65d7fa", "Azure Mobile App", "797f4846-ba00-4fd7-ba43-dac1f8f63013", "Windows Azure Service Management API"}};

    /** Other first-party applications users sign in to every day (out of scope). */
    static final String[][] OTHER_APPS = {
            {"1fec8e78-bce4-4aaf-ab1b-5451cc387264", "Microsoft Teams", "cc15fd57-2c6c-4117-a88c-83b1d56b4bbe", "Microsoft Teams Services"},
            {"d3590ed6-52b3-4102-aeff-aad2292ab01c", "Microsoft Office", "00000003-0000-0ff1-ce00-000000000000", "Office 365 SharePoint Online"},
            {"4765445b-32c6-49b0-83e6-1d93765276ca", "OfficeHome", "00000003-0000-0000-c000-000000000000", "Microsoft Graph"},
            {"00000002-0000-0ff1-ce00-000000000000", "Office 365 Exchange Online", "00000002-0000-0ff1-ce00-000000000000", "Office 365 Exchange Online"},
            {"27922004-5251-4030-b22d-91ecd9a37ea4", "Outlook Mobile", "00000002-0000-0ff1-ce00-000000000000", "Office 365 Exchange Online"},
            {"ab9b8c07-8f02-4f72-87fa-80105867a763", "OneDrive SyncEngine", "00000003-0000-0ff1-ce00-000000000000", "Office 365 SharePoint Online"},
            {"2793995e-0a7d-40d7-bd35-6968ba142197", "My Apps", "00000003-0000-0000-c000-000000000000", "Microsoft Graph"},
            {"29d9ed98-a469-4536-ade2-f981bc1d605e", "Microsoft Authentication Broker", "00000003-0000-0000-c000-000000000000", "Microsoft Graph"},
            {"ecd6b820-32c2-49b6-98a6-444530e5a77a", "Microsoft Edge", "00000003-0000-0000-c000-000000000000", "Microsoft Graph"},
            {"872cd9fa-d31f-45e0-9eab-6e460a02d1f1", "Visual Studio - Legacy", "499b84ac-1321-427f-aa17-267ca6975798", "Azure DevOps"}};

    /** City, state, country, latitude, longitude. */
    static final String[][] PLACES = {
            {"Seattle", "Washington", "US", "47.6062", "-122.3321"}, {"Redmond", "Washington", "US", "47.674", "-122.1215"},
            {"New York", "New York", "US", "40.7128", "-74.006"}, {"Dublin", "Dublin", "IE", "53.3498", "-6.2603"},
            {"Amsterdam", "Noord-Holland", "NL", "52.3676", "4.9041"}, {"Berlin", "Berlin", "DE", "52.52", "13.405"},
            {"Paris", "Ile-de-France", "FR", "48.8566", "2.3522"}, {"Singapore", "Singapore", "SG", "1.3521", "103.8198"},
            {"Sydney", "New South Wales", "AU", "-33.8688", "151.2093"}, {"Toronto", "Ontario", "CA", "43.6532", "-79.3832"}};

    /** Operating system, browser, user agent. */
    static final String[][] DEVICES = {
            {"Windows10", "Edge 131.0.0", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0"},
            {"Windows10", "Chrome 131.0.0", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"},
            {"MacOs", "Safari 17.6", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Safari/605.1.15"},
            {"Ios", "Mobile Safari 17.6", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1"},
            {"Android", "Chrome Mobile 131.0.0", "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36"},
            {"Linux", "", "azsdk-python-identity/1.19.0 Python/3.12.3 (Linux-6.8.0-azure-x86_64-with-glibc2.39)"}};

    /** Registered method (userRegistrationDetails) and the authenticationMethod a sign-in logs for it. */
    static final String[][] METHODS = {
            {"microsoftAuthenticatorPush", "Mobile app notification"},
            {"softwareOneTimePasscode", "OATH verification code"},
            {"mobilePhone", "Text message"},
            {"fido2SecurityKey", "FIDO2 security key"},
            {"windowsHelloForBusiness", "Windows Hello for Business"},
            {"passKeyDeviceBound", "Passkey"}};
}
