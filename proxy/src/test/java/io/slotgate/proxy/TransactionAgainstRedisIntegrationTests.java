package io.slotgate.proxy;

/** {@link TransactionIntegrationTests} in front of a real Redis 7.0 cluster. */
class TransactionAgainstRedisIntegrationTests extends TransactionIntegrationTests {

    @Override
    BackendKind backend() {
        return BackendKind.REDIS;
    }
}
