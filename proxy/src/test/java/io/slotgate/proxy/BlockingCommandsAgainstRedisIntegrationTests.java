package io.slotgate.proxy;

/** {@link BlockingCommandsIntegrationTests} in front of a real Redis 7.0 cluster. */
class BlockingCommandsAgainstRedisIntegrationTests extends BlockingCommandsIntegrationTests {

    @Override
    BackendKind backend() {
        return BackendKind.REDIS;
    }
}
