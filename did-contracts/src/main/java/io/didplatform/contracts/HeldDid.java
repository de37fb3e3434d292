package io.didplatform.contracts;

/**
 * A DID a client holds, as one service's read model shows it: what inventory's DID view and client-service's client
 * DIDs both answer at {@code GET /api/admin/<service>/reconciliation/client-dids}, for the gateway's cross-service
 * check {@code client-dids-vs-inventory} to compare.
 */
public record HeldDid(String number, String clientId, String clientPackageId, String status, String destination) {
}
