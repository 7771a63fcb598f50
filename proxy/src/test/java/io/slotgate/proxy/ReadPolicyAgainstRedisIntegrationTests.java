package io.slotgate.proxy;

/** {@link ReadPolicyIntegrationTests} in front of a real Redis 7.0 cluster. */
class ReadPolicyAgainstRedisIntegrationTests extends ReadPolicyIntegrationTests {

    @Override
    BackendKind backend() {
        return BackendKind.REDIS;
    }
}
