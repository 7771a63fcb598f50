package io.slotgate.proxy;

/** {@link LocalCommandsIntegrationTests} in front of a real Redis 7.0 cluster. */
class LocalCommandsAgainstRedisIntegrationTests extends LocalCommandsIntegrationTests {

    @Override
    BackendKind backend() {
        return BackendKind.REDIS;
    }
}
