package io.slotgate.proxy.config;

/** A configuration file the proxy cannot start with; the message names the offending key. */
public final class ProxyConfigException extends RuntimeException {

    public ProxyConfigException(String message) {
        super(message);
    }

    public ProxyConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
