package io.github.mfaeval.generate;

/** One user of a synthetic tenant, made again from (seed, tenant, index) whenever it is needed. */
record Person(int index, Kind kind, String id, String displayName, String userPrincipalName, String mail,
              String homeTenantId, String homeUpn, boolean federated, String[] methods, String perUserMfa) {

    enum Kind { BREAK_GLASS, SYNC_ACCOUNT, ADMIN, SERVICE_ACCOUNT, GUEST, MEMBER }

    boolean guest() {
        return kind == Kind.GUEST;
    }

    boolean hasMethods() {
        return methods.length > 0;
    }

    /** The UPN a sign-in record shows: a guest's own address, not the #EXT# alias. */
    String signInUpn() {
        return homeUpn != null ? homeUpn : userPrincipalName;
    }

    boolean hasPasswordless() {
        for (String m : methods) {
            if (m.equals("fido2SecurityKey") || m.equals("windowsHelloForBusiness") || m.equals("passKeyDeviceBound")) return true;
        }
        return false;
    }
}
