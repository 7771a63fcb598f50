package io.slotgate.proxy;

/** {@link LettuceClientIntegrationTests} in front of a real Redis 7.0 cluster. */
class LettuceClientAgainstRedisIntegrationTests extends LettuceClientIntegrationTests {

    @Override
    BackendKind backend() {
        return BackendKind.REDIS;
    }
}
