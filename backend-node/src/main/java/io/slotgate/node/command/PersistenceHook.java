package io.slotgate.node.command;

import java.util.Map;

/**
 * What the command layer asks of persistence (implemented by {@code io.slotgate.node.persistence}): the LOADING
 * gate, SAVE / BGSAVE / BGREWRITEAOF / LASTSAVE, INFO's "# Persistence" section and the persistence settings of
 * CONFIG GET / SET.
 */
public interface PersistenceHook {

    /** A node that never touches the disk. */
    PersistenceHook NONE = new PersistenceHook() {
    };

    /** Redis's reply to commands without the "loading" flag while the data set loads. */
    String LOADING = "LOADING Redis is loading the dataset in memory";

    /** Whether the data set is still being loaded at start-up. */
    default boolean isLoading() {
        return false;
    }

    /** SAVE: answers when the snapshot is on disk. */
    default void save(Call call) {
        call.error("ERR persistence is not available on this node");
    }

    /** BGSAVE [SCHEDULE]. */
    default void bgsave(Call call) {
        call.error("ERR persistence is not available on this node");
    }

    /** BGREWRITEAOF. */
    default void bgrewriteaof(Call call) {
        call.error("ERR persistence is not available on this node");
    }

    /** Unix time of the last successful save, seconds. */
    default long lastSaveSeconds() {
        return 0;
    }

    /** The body of INFO's "# Persistence" section (CRLF lines, header excluded). */
    default void infoPersistence(StringBuilder sb) {
        sb.append("loading:0\r\naof_enabled:0\r\n");
    }

    /** Current values of the persistence settings, by redis.conf name. */
    default Map<String, String> configValues() {
        return Map.of();
    }

    /**
     * CONFIG SET of one persistence setting: null when applied, else the error text. Only called for names that
     * {@link #configValues()} lists.
     */
    default String configSet(String name, String value) {
        return "ERR persistence is not available on this node";
    }
}
