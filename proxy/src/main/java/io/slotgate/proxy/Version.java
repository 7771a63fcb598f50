package io.slotgate.proxy;

/** Versions the proxy reports (INFO, HELLO). */
public final class Version {

    public static final String PROXY = "0.1.0";
    /** The Redis version whose behaviour the proxy presents to clients. */
    public static final String REDIS_COMPATIBLE = "7.0.15";

    private Version() {
    }
}
