package io.slotgate.proxy.command;

import io.slotgate.routing.resp.RespRequest;

import java.util.Locale;

/** Redis 7.0's own wording for request validation errors (server.c processCommand), so clients see no difference. */
final class RedisErrors {

    private RedisErrors() {
    }

    static String wrongArity(String fullName) {
        return "ERR wrong number of arguments for '" + fullName + "' command";
    }

    /** "ERR unknown command 'foo', with args beginning with: 'a' 'b' " (arguments up to 128 characters). */
    static String unknownCommand(RespRequest request) {
        StringBuilder args = new StringBuilder();
        for (int i = 1; i < request.argCount() && args.length() < 128; i++) {
            String a = request.argString(i);
            int room = 128 - args.length();
            args.append('\'').append(a, 0, Math.min(a.length(), room)).append("' ");
        }
        return "ERR unknown command '" + truncate(request.argString(0)) + "', with args beginning with: " + args;
    }

    static String unknownSubcommand(RespRequest request, String container) {
        return "ERR unknown subcommand '" + truncate(request.argString(1)) + "'. Try "
                + container.toUpperCase(Locale.ROOT) + " HELP.";
    }

    private static String truncate(String s) {
        return s.length() > 128 ? s.substring(0, 128) : s;
    }
}
