package io.slotgate.proxy;

/** {@link ClientLimitsIntegrationTests} in front of a real Redis 7.0 cluster. */
class ClientLimitsAgainstRedisIntegrationTests extends ClientLimitsIntegrationTests {

    @Override
    BackendKind backend() {
        return BackendKind.REDIS;
    }
}
