package io.didplatform.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AccessRulesTest {

    @ParameterizedTest(name = "{0} {1}: ADMIN {2}, OPERATOR {3}, AUDITOR {4}")
    @CsvSource({
            "GET,    /api/dids,                              true, true,  true",
            "HEAD,   /api/dids,                              true, true,  true",
            "POST,   /api/dids,                              true, true,  false",
            "PATCH,  /api/dids/15550000001,                  true, true,  false",
            "PUT,    /api/clients/7,                         true, true,  false",
            "POST,   /api/dids/import,                       true, true,  false",
            "DELETE, /api/dids/15550000001,                  true, false, false",
            "DELETE, /api/client-packages/7,                 true, false, false",
            "POST,   /api/dids/jobs/7/undo,                  true, false, false",
            "POST,   /api/dids/jobs/7/%75ndo,                true, false, false",
            "POST,   /api/dids/jobs/7/cancel,                true, true,  false",
            "GET,    /api/dids/jobs/7,                       true, true,  true",
            "GET,    /api/audit/events,                      true, true,  true",
            "GET,    /api/audit/dids/15550000001/history,    true, true,  true",
            "GET,    /api/audit/export,                      true, false, true",
            "GET,    /api/audit/events/export,               true, false, true",
            "GET,    /api/audit/export/,                     true, false, true",
            "GET,    /api/audit/verify,                      true, false, true",
            "GET,    /api/audit/%76erify;x=1,                true, false, true",
            "GET,    //api//audit//export,                   true, false, true",
            "GET,    /api/audit/%65xport;x=1,                true, false, true",
            "POST,   /api/%61dmin/inventory,                 true, false, false",
            "GET,    /api/dids/%zz,                          false, false, false",
            "POST,   /api/audit/export,                      true, false, false",
            "POST,   /api/audit/rebuild,                     true, false, false",
            "GET,    /api/audit/exports,                     true, true,  true",
            "GET,    /api/admin/inventory/dead-letters,      true, false, false",
            "POST,   /api/admin/inventory/dead-letters/1,    true, false, false",
            "GET,    /api/admin,                             true, false, false",
            "GET,    /v3/api-docs,                           true, true,  true",
            "GET,    /v3/api-docs/swagger-config,            true, true,  true",
            "POST,   /v3/api-docs,                           false, false, false",
            "GET,    /v3/api-docs.yaml,                      false, false, false",
            "GET,    /actuator/env,                          false, false, false",
            "GET,    /apix,                                  false, false, false"})
    void decidesByRoleMethodAndPath(String method, String path, boolean admin, boolean operator, boolean auditor) {
        assertThat(AccessRules.allows(Set.of("ADMIN"), method, path)).as("ADMIN").isEqualTo(admin);
        assertThat(AccessRules.allows(Set.of("OPERATOR"), method, path)).as("OPERATOR").isEqualTo(operator);
        assertThat(AccessRules.allows(Set.of("AUDITOR"), method, path)).as("AUDITOR").isEqualTo(auditor);
        assertThat(AccessRules.allows(Set.of(), method, path)).as("no role").isFalse();
    }

    @ParameterizedTest
    @CsvSource({"/api, true", "/api/dids, true", "//api//dids, true", "/%61pi/dids, true", "/api;x=1/dids, true",
            "/api/%zz, true", "/v3/api-docs, true", "/v3/api-docs.yaml, true",
            "/v3/%61pi-docs/inventory, true", "/apix, false", "/actuator/health, false", "/, false", "/js/app.js, false"})
    void tellsWhichPathsAreTheApi(String path, boolean api) {
        assertThat(AccessRules.isApi(path)).isEqualTo(api);
    }

    @ParameterizedTest
    @CsvSource({"GET, /api/audit/export", "DELETE, /api/dids/1", "POST, /api/admin/x"})
    void aCallerWithSeveralRolesMayDoWhatAnyOfThemMay(String method, String path) {
        assertThat(AccessRules.allows(Set.of("AUDITOR", "ADMIN"), method, path)).isTrue();
    }
}
