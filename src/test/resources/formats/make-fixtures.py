# Writes the format fixtures of this folder from five canonical sign-ins (Graph beta shape): the same
# records in every export format, following the headers and shapes documented in
# ../shared/reference/formats.md. Run once from the project root: python3 src/test/resources/formats/make-fixtures.py src/test/resources/formats
# The output is committed; SameSignInEveryFormatTest compares the formats with each other, not with this script.
import json, csv, io, gzip, os, copy, datetime, sys

ROOT = sys.argv[1]
T = "5f0c2a7e-1b3d-4e8f-9a6b-7c8d9e0f1a2b"
G = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
PORTAL = "c44b4083-3bb0-49c1-b47d-974e53cbdf3c"
CLI = "04b07795-8ddb-461a-bbee-02f9e1bf7b46"
ARM = "797f4846-ba00-4fd7-ba43-dac1f8f63013"

def step(method, ok, req, result, detail=None, when=None):
    return {"authenticationStepDateTime": when, "authenticationMethod": method, "authenticationMethodDetail": detail,
            "succeeded": ok, "authenticationStepResultDetail": result, "authenticationStepRequirement": req}

def base(**kw):
    r = {"id": None, "createdDateTime": None, "userDisplayName": None, "userPrincipalName": None, "userId": None,
         "appId": None, "appDisplayName": None, "ipAddress": "203.0.113.20", "clientAppUsed": "Browser",
         "correlationId": None, "conditionalAccessStatus": "success", "isInteractive": True,
         "resourceDisplayName": "Windows Azure Service Management API", "resourceId": ARM,
         "resourceTenantId": T, "homeTenantId": T, "homeTenantName": "", "userType": "member",
         "crossTenantAccessType": "none", "signInEventTypes": ["interactiveUser"], "authenticationProtocol": "oAuth2",
         "incomingTokenType": "none", "tokenIssuerType": "AzureAD", "tokenIssuerName": "",
         "authenticationRequirement": "multiFactorAuthentication",
         "authenticationRequirementPolicies": [{"requirementProvider": "multiConditionalAccess", "detail": "Conditional Access"}],
         "authenticationDetails": [], "authenticationMethodsUsed": [],
         "status": {"errorCode": 0, "failureReason": "Other.", "additionalDetails": None},
         "servicePrincipalId": "", "servicePrincipalName": "", "clientCredentialType": "none",
         "managedServiceIdentity": {"msiType": "none", "associatedResourceId": None, "federatedTokenId": None, "federatedTokenIssuer": None},
         "mfaDetail": {"authMethod": None, "authDetail": None},
         "appliedConditionalAccessPolicies": [],
         "deviceDetail": {"deviceId": "", "displayName": "", "operatingSystem": "Windows10", "browser": "Edge 131.0.0", "isCompliant": False, "isManaged": False, "trustType": ""},
         "location": {"city": "Seattle", "state": "Washington", "countryOrRegion": "US"}}
    r.update(kw)
    return r

S1 = base(id="6a1f0c52-0d3e-4c1b-9b7e-1f2a3b4c5d01", createdDateTime="2025-11-20T08:15:30Z",
          userDisplayName="Ada Admin", userPrincipalName="ada@contoso.example", userId="d1e2f3a4-0001-4b5c-8d9e-0a1b2c3d4e01",
          appId=PORTAL, appDisplayName="Azure Portal", correlationId="c0a1b2c3-0001-4d5e-8f9a-0b1c2d3e4f01",
          authenticationDetails=[step("Password", True, "Primary authentication", "Correct password", "Password in the cloud", "2025-11-20T08:15:30Z"),
                                 step("Mobile app notification", True, "Multifactor authentication", "MFA successfully completed", "+X XXXXXXXX01", "2025-11-20T08:15:42Z")],
          authenticationMethodsUsed=["Password", "Mobile app notification"],
          status={"errorCode": 0, "failureReason": "Other.", "additionalDetails": "MFA completed in Azure AD"},
          mfaDetail={"authMethod": "Mobile app notification", "authDetail": "+X XXXXXXXX01"})
S2 = base(id="6a1f0c52-0d3e-4c1b-9b7e-1f2a3b4c5d02", createdDateTime="2025-11-21T10:00:05Z",
          userDisplayName="Ada Admin", userPrincipalName="ada@contoso.example", userId="d1e2f3a4-0001-4b5c-8d9e-0a1b2c3d4e01",
          appId=CLI, appDisplayName="Microsoft Azure CLI", correlationId="c0a1b2c3-0002-4d5e-8f9a-0b1c2d3e4f02",
          clientAppUsed="Mobile Apps and Desktop clients", isInteractive=False, signInEventTypes=["nonInteractiveUser"],
          authenticationProtocol="none", incomingTokenType="refreshToken",
          authenticationDetails=[step("Previously satisfied", True, "Primary authentication", "First factor requirement satisfied by claim in the token", None, "2025-11-21T10:00:05Z"),
                                 step("Previously satisfied", True, "Multifactor authentication", "MFA requirement satisfied by claim in the token", None, "2025-11-21T10:00:05Z")],
          status={"errorCode": 0, "failureReason": "Other.", "additionalDetails": "MFA requirement satisfied by claim in the token"})
S3 = base(id="6a1f0c52-0d3e-4c1b-9b7e-1f2a3b4c5d03", createdDateTime="2025-11-22T14:30:00Z",
          userDisplayName="Ben Guest", userPrincipalName="ben@fabrikam.example", userId="d1e2f3a4-0003-4b5c-8d9e-0a1b2c3d4e03",
          appId=PORTAL, appDisplayName="Azure Portal", correlationId="c0a1b2c3-0003-4d5e-8f9a-0b1c2d3e4f03",
          homeTenantId=G, userType="guest", crossTenantAccessType="b2bCollaboration", conditionalAccessStatus="failure",
          authenticationDetails=[step("Password", True, "Primary authentication", "Correct password", "Password in the cloud", "2025-11-22T14:30:00Z"),
                                 step("Text message", False, "Multifactor authentication", "MFA denied; user declined the authentication", "+X XXXXXXXX03", "2025-11-22T14:30:20Z")],
          authenticationMethodsUsed=["Password", "Text message"],
          status={"errorCode": 500121, "failureReason": "Authentication failed during strong authentication request.", "additionalDetails": "MFA denied; user declined the authentication"},
          mfaDetail={"authMethod": "Text message", "authDetail": "+X XXXXXXXX03"})
def workload(**kw):
    r = base(userDisplayName="", userPrincipalName="", userId="", isInteractive=False, clientAppUsed="",
             userType=None, authenticationProtocol="none", authenticationRequirement="singleFactorAuthentication",
             authenticationRequirementPolicies=[], conditionalAccessStatus="notApplied",
             status={"errorCode": 0, "failureReason": None, "additionalDetails": None})
    r.update(kw)
    return r
S4 = workload(id="6a1f0c52-0d3e-4c1b-9b7e-1f2a3b4c5d04", createdDateTime="2025-11-23T02:00:00Z",
              appId="3c5e2d1f-7a8b-4c9d-8e0f-1a2b3c4d5e04", appDisplayName="Nightly Deploy", correlationId="c0a1b2c3-0004-4d5e-8f9a-0b1c2d3e4f04",
              signInEventTypes=["servicePrincipal"], servicePrincipalId="9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b04",
              servicePrincipalName="Nightly Deploy", clientCredentialType="clientSecret")
S5 = workload(id="6a1f0c52-0d3e-4c1b-9b7e-1f2a3b4c5d05", createdDateTime="2025-11-23T03:00:00Z",
              appId="7b6a5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c05", appDisplayName="vm-backup", correlationId="c0a1b2c3-0005-4d5e-8f9a-0b1c2d3e4f05",
              signInEventTypes=["managedIdentity"], servicePrincipalId="8e7d6c5b-4a39-4281-7069-5e4d3c2b1a05",
              servicePrincipalName="vm-backup", clientCredentialType="managedIdentity",
              managedServiceIdentity={"msiType": "systemAssigned", "associatedResourceId": "/subscriptions/11111111-2222-4333-8444-555555555555/resourceGroups/ops/providers/Microsoft.Compute/virtualMachines/vm-backup", "federatedTokenId": None, "federatedTokenIssuer": None})
ALL = [S1, S2, S3, S4, S5]
USERS = [S1, S2, S3]

def folder(name):
    d = os.path.join(ROOT, name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "tenant.json"), "w") as f:
        json.dump({"tenantId": T, "displayName": "Contoso formats (" + name + ")", "license": "P1"}, f, indent=2)
        f.write("\n")
    return d

def write(path, text, bom=False, encoding="utf-8"):
    with open(path, "wb") as f:
        if bom and encoding == "utf-8": f.write(b"\xef\xbb\xbf")
        if encoding == "utf-16-le": f.write(b"\xff\xfe")
        f.write(text.encode(encoding))

def page(records, next_link=None):
    p = {"@odata.context": "https://graph.microsoft.com/beta/$metadata#auditLogs/signIns"}
    if next_link: p["@odata.nextLink"] = next_link
    p["value"] = records
    return p

# 1 Graph pages: two pages concatenated in one file, workload page in another
d = folder("graph-pages")
nl = "https://graph.microsoft.com/beta/auditLogs/signins?$top=2&$skiptoken=9a1b2c3d4e5f"
write(os.path.join(d, "signIns.json"), json.dumps(page([S1, S3], nl), indent=2) + "\n" + json.dumps(page([S2]), indent=2) + "\n")
write(os.path.join(d, "signIns-workload.json"), json.dumps(page([S4, S5]), indent=2) + "\n")

# 2 NDJSON
d = folder("graph-ndjson")
write(os.path.join(d, "signIns.jsonl"), "".join(json.dumps(r) + "\n" for r in ALL))

# 3 gzip: an array with a .gz name, and gzipped NDJSON without one
d = folder("graph-gzip")
with open(os.path.join(d, "signIns.json.gz"), "wb") as f:
    f.write(gzip.compress(json.dumps([S1, S2, S3], indent=2).encode(), mtime=0))
with open(os.path.join(d, "signIns-workload.jsonl"), "wb") as f:
    f.write(gzip.compress("".join(json.dumps(r) + "\n" for r in [S4, S5]).encode(), mtime=0))

# 4 portal JSON download: top-level arrays, one file per log type
d = folder("portal-json")
span = "2025-11-20_2025-11-23"
for prefix, recs in [("InteractiveSignIns", [S1, S3]), ("NonInteractiveSignIns", [S2]), ("ApplicationSignIns", [S4]), ("MSISignIns", [S5])]:
    write(os.path.join(d, f"{prefix}_{span}.json"), json.dumps(recs, indent=2) + "\n")

# 5 portal CSV download
d = folder("portal-csv")
HEADER = ("Date (UTC),Request ID,User agent,Correlation ID,User ID,User,Username,User type,Cross tenant access type,"
 "Incoming token type,Authentication Protocol,Unique token identifier,Original transfer method,Client credential type,"
 "Token Protection - Sign In Session,Token Protection - Sign In Session StatusCode,Application,Application ID ,"
 "App owner tenant ID,Resource,Resource ID ,Resource tenant ID,Resource owner tenant ID,Home tenant ID,Home tenant name,"
 "IP address,Location,Status,Sign-in error code,Failure reason,Client app,Device ID,Browser,Operating System,Compliant,"
 "Managed,Join Type,Multifactor authentication result,Multifactor authentication auth method,"
 "Multifactor authentication auth detail,Authentication requirement,Sign-in identifier,Session ID,"
 "IP address (seen by resource),Through Global Secure Access,Global Secure Access IP address,Autonomous system  number,"
 "Flagged for review,Token issuer type,Incoming token type,Token issuer name,Latency,Conditional Access,"
 "Managed Identity type,Associated Resource Id,Federated Token Id,Federated Token Issuer").split(",")
DISPLAY = {"multiFactorAuthentication": "Multifactor authentication", "singleFactorAuthentication": "Single-factor authentication",
           "oAuth2": "OAuth 2.0", "none": "None", "refreshToken": "Refresh token", "member": "Member", "guest": "Guest",
           "b2bCollaboration": "B2B collaboration", "success": "Success", "failure": "Failure", "notApplied": "Not Applied"}
def portal_row(r, display):
    t = (lambda v: DISPLAY.get(v, v)) if display else (lambda v: v)
    st = r["status"]
    v = {"Date (UTC)": r["createdDateTime"], "Request ID": r["id"], "User agent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64)",
         "Correlation ID": r["correlationId"], "User ID": r["userId"], "User": r["userDisplayName"], "Username": r["userPrincipalName"],
         "User type": t(r["userType"]), "Cross tenant access type": t(r["crossTenantAccessType"]),
         "Incoming token type": t(r["incomingTokenType"]), "Authentication Protocol": t(r["authenticationProtocol"]),
         "Unique token identifier": "ZTE0OTk3YTQtZjg5Mi00YjBiLWIwNTEtZmViZTA1YzJhNDli", "Original transfer method": t("none"),
         "Client credential type": t(r["clientCredentialType"]), "Application": r["appDisplayName"], "Application ID ": r["appId"],
         "Resource": r["resourceDisplayName"], "Resource ID ": r["resourceId"], "Resource tenant ID": r["resourceTenantId"],
         "Home tenant ID": r["homeTenantId"], "IP address": r["ipAddress"], "Location": "Seattle, Washington, US",
         "Status": "Success" if st["errorCode"] == 0 else "Failure", "Sign-in error code": str(st["errorCode"]),
         "Failure reason": st["failureReason"] or "", "Client app": r["clientAppUsed"], "Browser": "Edge 131.0.0",
         "Operating System": "Windows10", "Compliant": "False", "Managed": "False",
         "Multifactor authentication result": st["additionalDetails"] or "",
         "Multifactor authentication auth method": r["mfaDetail"]["authMethod"] or "",
         "Multifactor authentication auth detail": r["mfaDetail"]["authDetail"] or "",
         "Authentication requirement": t(r["authenticationRequirement"]), "Sign-in identifier": r["userPrincipalName"],
         "Autonomous system  number": "8075", "Flagged for review": "False", "Token issuer type": r["tokenIssuerType"],
         "Latency": "120", "Conditional Access": t(r["conditionalAccessStatus"])}
    row = []
    seen_itt = False
    for h in HEADER:
        if h == "Incoming token type":
            # the duplicated column: the first copy is empty in real downloads, the second holds the value
            row.append("" if not seen_itt else v[h]); seen_itt = True; continue
        row.append(v.get(h, ""))
    return row
def csv_text(header, rows):
    b = io.StringIO()
    w = csv.writer(b, lineterminator="\r\n")
    w.writerow(header)
    for r in rows: w.writerow(r)
    return b.getvalue()
write(os.path.join(d, f"InteractiveSignIns_{span}.csv"), csv_text(HEADER, [portal_row(S1, True), portal_row(S3, True)]), bom=True)
write(os.path.join(d, f"NonInteractiveSignIns_{span}.csv"), csv_text(HEADER, [portal_row(S2, False)]))
AUTH = ["Request ID", "Date", "Authentication method", "Authentication method detail", "Succeeded", "Result detail", "Requirement"]
def auth_rows(r):
    return [[r["id"], s["authenticationStepDateTime"], s["authenticationMethod"], s["authenticationMethodDetail"] or "",
             "True" if s["succeeded"] else "False", s["authenticationStepResultDetail"], s["authenticationStepRequirement"]]
            for s in r["authenticationDetails"]]
write(os.path.join(d, f"InteractiveSignIns_AuthDetails_{span}.csv"), csv_text(AUTH, auth_rows(S1) + auth_rows(S3)), bom=True)
write(os.path.join(d, f"NonInteractiveSignIns_AuthDetails_{span}.csv"), csv_text(AUTH, auth_rows(S2)))
APP = ("Date (UTC),Request ID,Correlation ID,Service principal ID,Service principal name,Credential key ID,Credential thumbprint,"
       "Application,Application ID ,App owner tenant ID,Resource,Resource ID ,Resource tenant ID,Resource owner tenant ID,"
       "Home tenant ID,Home tenant name,IP address,Location,Status,Sign-in error code,Failure reason,Conditional Access").split(",")
MSI = APP + ["Managed Identity type", "Associated Resource Id", "Federated Token Id", "Federated Token Issuer"]
def app_row(r, header):
    v = {"Date (UTC)": r["createdDateTime"], "Request ID": r["id"], "Correlation ID": r["correlationId"],
         "Service principal ID": r["servicePrincipalId"], "Service principal name": r["servicePrincipalName"],
         "Application": r["appDisplayName"], "Application ID ": r["appId"], "App owner tenant ID": T,
         "Resource": r["resourceDisplayName"], "Resource ID ": r["resourceId"], "Resource tenant ID": T,
         "Home tenant ID": T, "IP address": "20.42.0.10", "Location": "Boydton, Virginia, US", "Status": "Success",
         "Sign-in error code": "0", "Conditional Access": "Not Applied",
         "Managed Identity type": "System Assigned" if r["managedServiceIdentity"]["msiType"] == "systemAssigned" else "",
         "Associated Resource Id": r["managedServiceIdentity"]["associatedResourceId"] or ""}
    return [v.get(h, "") for h in header]
write(os.path.join(d, f"ApplicationSignIns_{span}.csv"), csv_text(APP, [app_row(S4, APP)]), bom=True)
write(os.path.join(d, f"MSISignIns_{span}.csv"), csv_text(MSI, [app_row(S5, MSI)]), bom=True)

# 6 Log Analytics JSON (az monitor log-analytics query): PascalCase, nested values as JSON text
def la(r, table, nested_as_text):
    def nest(v): return json.dumps(v) if nested_as_text else v
    rec = {"TenantId": "e7f8a9b0-1c2d-4e3f-8a9b-0c1d2e3f4a5b", "SourceSystem": "Azure AD",
           "TimeGenerated": r["createdDateTime"].replace("Z", ".1234567Z"),
           "ResourceId": "/tenants/" + T + "/providers/Microsoft.aadiam", "OperationName": "Sign-in activity",
           "Category": {"SigninLogs": "SignInLogs"}.get(table, table.replace("AAD", "", 1)),
           "ResultType": str(r["status"]["errorCode"]), "ResultDescription": r["status"]["failureReason"] or "",
           "CorrelationId": r["correlationId"], "Identity": r["userDisplayName"] or r["servicePrincipalName"],
           "AppDisplayName": r["appDisplayName"], "AppId": r["appId"], "CreatedDateTime": r["createdDateTime"], "Id": r["id"],
           "ResourceDisplayName": r["resourceDisplayName"], "ResourceIdentity": r["resourceId"],
           "ServicePrincipalId": r["servicePrincipalId"], "ServicePrincipalName": r["servicePrincipalName"],
           "ResourceTenantId": r["resourceTenantId"], "HomeTenantId": r["homeTenantId"], "Type": table}
    if table in ("SigninLogs", "AADNonInteractiveUserSignInLogs"):
        rec.update({"UserId": r["userId"], "UserPrincipalName": r["userPrincipalName"], "UserDisplayName": r["userDisplayName"],
                    "UserType": r["userType"].capitalize(), "IsInteractive": r["isInteractive"],
                    "AuthenticationRequirement": r["authenticationRequirement"],
                    "AuthenticationRequirementPolicies": json.dumps(r["authenticationRequirementPolicies"]),
                    "AuthenticationDetails": json.dumps(r["authenticationDetails"]),
                    "AuthenticationProtocol": r["authenticationProtocol"], "CrossTenantAccessType": r["crossTenantAccessType"],
                    "Status": nest({k: v for k, v in r["status"].items() if v is not None}),
                    "DeviceDetail": nest(r["deviceDetail"]), "MfaDetail": nest({k: v for k, v in r["mfaDetail"].items() if v})})
    if table == "AADNonInteractiveUserSignInLogs":
        rec["SignInEventTypes"] = json.dumps(r["signInEventTypes"])
    if table == "AADManagedIdentitySignInLogs":
        rec["FederatedCredentialId"] = ""
    return rec
d = folder("log-analytics-json")
write(os.path.join(d, "SigninLogs.json"), json.dumps([la(S1, "SigninLogs", False), la(S3, "SigninLogs", False)], indent=2) + "\n")
write(os.path.join(d, "AADNonInteractiveUserSignInLogs.json"), json.dumps([la(S2, "AADNonInteractiveUserSignInLogs", True)], indent=2) + "\n")
write(os.path.join(d, "AADServicePrincipalSignInLogs.json"), json.dumps([la(S4, "AADServicePrincipalSignInLogs", True)], indent=2) + "\n")
write(os.path.join(d, "AADManagedIdentitySignInLogs.json"), json.dumps([la(S5, "AADManagedIdentitySignInLogs", True)], indent=2) + "\n")

# 7 Log Analytics query API result: {"tables": [{"name", "columns", "rows"}]} over a union of the four tables
d = folder("log-analytics-api")
rows_src = [la(S1, "SigninLogs", True), la(S2, "AADNonInteractiveUserSignInLogs", True), la(S3, "SigninLogs", True),
            la(S4, "AADServicePrincipalSignInLogs", True), la(S5, "AADManagedIdentitySignInLogs", True)]
cols = []
for rec in rows_src:
    for k in rec:
        if k not in cols: cols.append(k)
types = {"TimeGenerated": "datetime", "CreatedDateTime": "datetime", "IsInteractive": "bool"}
table = {"name": "PrimaryResult", "columns": [{"name": c, "type": types.get(c, "string")} for c in cols],
         "rows": [[rec.get(c, "" if types.get(c) != "bool" else None) for c in cols] for rec in rows_src]}
write(os.path.join(d, "signInLogs-query.json"), json.dumps({"tables": [table]}, indent=1) + "\n")

# 8 Log Analytics CSV export: [UTC] suffixes, US-locale dates, multi-line JSON cells, _dynamic/_string pairs
def us(iso):
    t = datetime.datetime.strptime(iso[:19], "%Y-%m-%dT%H:%M:%S")
    h = t.hour % 12 or 12
    return f"{t.month}/{t.day}/{t.year}, {h}:{t.minute:02d}:{t.second:02d}.000 {'AM' if t.hour < 12 else 'PM'}"
def la_csv(records, table):
    recs = [la(r, table, True) for r in records]
    header = []
    for rec in recs:
        for k in rec:
            if k in ("Status", "DeviceDetail", "MfaDetail"):
                for suffix in ("_dynamic", "_string"):
                    if k + suffix not in header: header.append(k + suffix)
            elif k in ("TimeGenerated", "CreatedDateTime"):
                if k + " [UTC]" not in header: header.append(k + " [UTC]")
            elif k not in header: header.append(k)
    rows = []
    for rec, r in zip(recs, records):
        row = []
        for h in header:
            if h.endswith("_dynamic"):
                k = h[:-8]; v = rec.get(k)
                row.append(json.dumps(json.loads(v), indent=2) if v else "")
            elif h.endswith("_string"):
                row.append("")
            elif h.endswith(" [UTC]"):
                row.append(us(r["createdDateTime"]))
            elif h in ("AuthenticationDetails", "AuthenticationRequirementPolicies"):
                row.append(json.dumps(json.loads(rec[h]), indent=2))
            else:
                v = rec.get(h, "")
                row.append("TRUE" if v is True else "FALSE" if v is False else v)
        rows.append(row)
    return csv_text(header, rows).replace("\r\n", "\n")
d = folder("log-analytics-csv")
write(os.path.join(d, "SigninLogs.csv"), la_csv([S1, S3], "SigninLogs"), bom=True)
write(os.path.join(d, "AADNonInteractiveUserSignInLogs.csv"), la_csv([S2], "AADNonInteractiveUserSignInLogs"), bom=True)
write(os.path.join(d, "AADServicePrincipalSignInLogs.csv"), la_csv([S4], "AADServicePrincipalSignInLogs"), bom=True)
write(os.path.join(d, "AADManagedIdentitySignInLogs.csv"), la_csv([S5], "AADManagedIdentitySignInLogs"), bom=True)

# 9 Azure Monitor diagnostic records: a storage blob and an Event Hub capture (one record per line)
CATEGORY = {S1["id"]: "SignInLogs", S2["id"]: "NonInteractiveUserSignInLogs", S3["id"]: "SignInLogs",
            S4["id"]: "ServicePrincipalSignInLogs", S5["id"]: "ManagedIdentitySignInLogs"}
def envelope(r):
    props = copy.deepcopy(r)
    props["createdDateTime"] = r["createdDateTime"].replace("Z", ".0000000+00:00")
    if props.get("userType"): props["userType"] = props["userType"].capitalize()
    for k in ("signInEventTypes",):
        props.pop(k, None)
    return {"time": r["createdDateTime"].replace("Z", ".1234567Z"), "resourceId": "/tenants/" + T + "/providers/Microsoft.aadiam",
            "operationName": "Sign-in activity", "operationVersion": "1.0", "category": CATEGORY[r["id"]], "tenantId": T,
            "resultType": str(r["status"]["errorCode"]), "resultSignature": "None",
            "resultDescription": r["status"]["failureReason"] or "", "durationMs": 0, "callerIpAddress": r["ipAddress"],
            "correlationId": r["correlationId"], "identity": r["userDisplayName"] or r["servicePrincipalName"], "Level": 4,
            "location": "US", "properties": props}
d = folder("azure-monitor")
write(os.path.join(d, "PT1H-signIns.json"), json.dumps({"records": [envelope(S1), envelope(S3), envelope(S2)]}, indent=2) + "\n")
write(os.path.join(d, "signIns-eventhub.jsonl"), "".join(json.dumps(envelope(r)) + "\n" for r in [S4, S5]))

# 10 PowerShell SDK dump (Get-MgBetaAuditLogSignIn | ConvertTo-Json -Depth 10 | Out-File, Windows PowerShell 5.1)
def ms(iso):
    if iso is None: return None
    t = datetime.datetime.strptime(iso[:19], "%Y-%m-%dT%H:%M:%S").replace(tzinfo=datetime.timezone.utc)
    return "/Date(%d)/" % int(t.timestamp() * 1000)
def pascal(v, date_keys=("createdDateTime", "authenticationStepDateTime")):
    if isinstance(v, dict):
        out = {}
        for k, x in v.items():
            out[k[0].upper() + k[1:]] = ms(x) if k in date_keys else pascal(x)
        out["AdditionalProperties"] = {}
        return out
    if isinstance(v, list): return [pascal(x) for x in v]
    return v
d = folder("powershell")
write(os.path.join(d, "signIns-powershell.json"), json.dumps([pascal(r) for r in ALL], indent=4).replace("\n", "\r\n") + "\r\n", encoding="utf-16-le")
print("ok")
