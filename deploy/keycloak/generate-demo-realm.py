#!/usr/bin/env python3
"""Writes demo/realm-rawabit-demo.json: the production realm plus demo data. Dev/demo only.

Run from anywhere: python3 deploy/keycloak/generate-demo-realm.py
The demo file is generated so it can never drift from realm-rawabit.json; commit both.
"""
import copy
import json
import pathlib
import re

HERE = pathlib.Path(__file__).resolve().parent
SEEDS = HERE.parent.parent / "platform/policy/src/main/resources/sa/rawabit/policy/seeds"
PASSWORD = "demo-pass"
EMAIL_DOMAIN = "example.org"

# Staff role keys (tenant-scoped): one subgroup of each association's group per key.
ROLES = {
    "relations-officer": "مسؤول العلاقات مع المستفيدين",
    "social-researcher": "الباحث الاجتماعي",
    "research-committee": "لجنة البحث",
    "follow-up-committee": "لجنة المتابعة",
    "top-management": "الإدارة العليا",
    "contact-officer": "مسؤول التواصل",
    "tenant-admin": "مدير الجمعية على المنصة",
}

# Dev-only client secrets replacing the production placeholders.
DEV_SECRETS = {
    "rawabit-platform": "rawabit-platform-dev-secret",
    "rawabit-tenant-admin": "rawabit-tenant-admin-dev-secret",
}

# Demo passwords are public, so hash them cheaply: importing 38 users with the default (argon2)
# took ~10 s of every fresh start, this takes ~3 s. Production keeps Keycloak's default.
DEMO_PASSWORD_POLICY = "hashAlgorithm(pbkdf2-sha256) and hashIterations(1000)"

# A user of two associations, holding a different role in each.
DUAL_MEMBER = ("dual-member", [("thimar-alkhair", "social-researcher"), ("suqya-makkah", "research-committee")])


def associations():
    """(slug, arabic name, english name) of every seed policy, read from its `association:` block."""
    found = []
    for path in sorted(SEEDS.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        block = re.search(r"^association:\n((?:[ ].*\n)+)", text, re.M).group(1)
        slug = re.search(r"^  slug: *(\S+)", block, re.M).group(1)
        ar = re.search(r"^    ar: *(.+)$", block, re.M).group(1).strip()
        en = re.search(r"^    en: *(.+)$", block, re.M).group(1).strip()
        found.append((slug, ar, en))
    return found


def user(username, first, last, email, groups=(), realm_roles=()):
    return {
        "username": username,
        "enabled": True,
        "email": email,
        "emailVerified": True,
        "firstName": first,
        "lastName": last,
        "attributes": {"locale": ["ar"]},
        "credentials": [{"type": "password", "value": PASSWORD, "temporary": False}],
        "realmRoles": ["default-roles-rawabit", *realm_roles],
        "groups": list(groups),
    }


def test_client(platform):
    """Public client with the password grant and the platform client's scopes and mappers: tests only."""
    return {
        "clientId": "rawabit-test",
        "name": "Rawabit end-to-end tests (demo realm only)",
        "description": "Password grant for end-to-end tests. Never present in production.",
        "enabled": True,
        "protocol": "openid-connect",
        "publicClient": True,
        "standardFlowEnabled": False,
        "implicitFlowEnabled": False,
        "directAccessGrantsEnabled": True,
        "serviceAccountsEnabled": False,
        "fullScopeAllowed": True,
        "redirectUris": [],
        "webOrigins": [],
        "defaultClientScopes": platform["defaultClientScopes"],
        "optionalClientScopes": platform["optionalClientScopes"],
        "protocolMappers": copy.deepcopy(platform["protocolMappers"]),
    }


def short_lived_test_client(platform):
    """Like rawabit-test, but its access tokens expire after 2 s: proves expired tokens are refused."""
    client = test_client(platform)
    client["clientId"] = "rawabit-test-short-lived"
    client["name"] = "Rawabit expiry tests (demo realm only)"
    client["attributes"] = {"access.token.lifespan": "2"}
    return client


def main():
    realm = json.loads((HERE / "realm-rawabit.json").read_text(encoding="utf-8"))
    realm["passwordPolicy"] = DEMO_PASSWORD_POLICY
    for client in realm["clients"]:
        if client["clientId"] in DEV_SECRETS:
            client["secret"] = DEV_SECRETS[client["clientId"]]
    platform = next(c for c in realm["clients"] if c["clientId"] == "rawabit-platform")
    realm["clients"].append(test_client(platform))
    realm["clients"].append(short_lived_test_client(platform))

    groups, users, organizations = [], [], []
    members = {}
    for slug, ar, en in associations():
        groups.append({"name": slug, "subGroups": [{"name": role} for role in ROLES]})
        members[slug] = []
        for role, role_ar in ROLES.items():
            username = f"{slug}.{role}"
            users.append(user(username, role_ar, ar, f"{role}@{slug}.{EMAIL_DOMAIN}", [f"/{slug}/{role}"]))
            members[slug].append(username)
        # The `slug` attribute is how tenant-admin finds an organization (admin API `q=slug:<slug>`);
        # the admin API's `search` matches names and domains only, not aliases.
        organizations.append({"name": en, "alias": slug, "description": ar, "enabled": True,
                              "attributes": {"slug": [slug]},
                              "domains": [{"name": f"{slug}.{EMAIL_DOMAIN}", "verified": False}]})

    name, memberships = DUAL_MEMBER
    users.append(user(name, "عضو", "في جمعيتين", f"{name}@rawabit.{EMAIL_DOMAIN}",
                      [f"/{slug}/{role}" for slug, role in memberships]))
    for slug, _ in memberships:
        members[slug].append(name)
    users.append(user("oversight", "جهة", "الإشراف", f"oversight@rawabit.{EMAIL_DOMAIN}",
                      realm_roles=["oversight-viewer"]))
    users.append(user("operator", "مشغل", "المنصة", f"operator@rawabit.{EMAIL_DOMAIN}",
                      realm_roles=["platform-operator"]))

    for organization in organizations:
        organization["members"] = [{"username": u} for u in members[organization["alias"]]]
    realm["groups"] = groups
    realm["users"] = realm["users"] + users
    realm["organizations"] = organizations

    out = HERE / "demo" / "realm-rawabit-demo.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(realm, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out.relative_to(HERE)}: {len(organizations)} organizations, {len(users)} demo users")


if __name__ == "__main__":
    main()
