package io.slotgate.node.command.strings;

import io.slotgate.node.command.Call;
import io.slotgate.node.command.CommandException;
import io.slotgate.node.command.Errors;

import java.util.ArrayList;
import java.util.List;

/** LCS key1 key2 [LEN] [IDX] [MINMATCHLEN n] [WITHMATCHLEN]: longest common subsequence (Redis 7.0). */
final class LcsCommand {

    private LcsCommand() {
    }

    static void lcs(Call c) {
        boolean len = false;
        boolean idx = false;
        boolean withLen = false;
        long minLen = 0;
        for (int i = 3; i < c.argc(); i++) {
            if (c.argIs(i, "len")) {
                len = true;
            } else if (c.argIs(i, "idx")) {
                idx = true;
            } else if (c.argIs(i, "withmatchlen")) {
                withLen = true;
            } else if (c.argIs(i, "minmatchlen") && i + 1 < c.argc()) {
                minLen = Math.max(0, c.argLong(++i));
            } else {
                throw new CommandException(Errors.SYNTAX);
            }
        }
        if (len && idx) {
            throw new CommandException(
                    "ERR If you want both the length and indexes, please just use IDX.");
        }
        byte[] a = orEmpty(c.db().getString(c.arg(1)));
        byte[] b = orEmpty(c.db().getString(c.arg(2)));
        int[][] dp = new int[a.length + 1][b.length + 1];
        for (int i = 1; i <= a.length; i++) {
            for (int j = 1; j <= b.length; j++) {
                dp[i][j] = a[i - 1] == b[j - 1] ? dp[i - 1][j - 1] + 1 : Math.max(dp[i - 1][j], dp[i][j - 1]);
            }
        }
        int total = dp[a.length][b.length];
        if (len) {
            c.integer(total);
            return;
        }
        byte[] seq = new byte[total];
        List<long[]> matches = new ArrayList<>();
        int i = a.length;
        int j = b.length;
        int k = total;
        long[] cur = null;
        while (i > 0 && j > 0) {
            if (a[i - 1] == b[j - 1]) {
                seq[--k] = a[i - 1];
                if (cur != null && cur[0] == i && cur[2] == j) {
                    cur[0] = i - 1;
                    cur[2] = j - 1;
                } else {
                    if (cur != null) {
                        matches.add(cur);
                    }
                    cur = new long[]{i - 1, i - 1, j - 1, j - 1};
                }
                i--;
                j--;
            } else if (dp[i - 1][j] > dp[i][j - 1]) {
                i--;
            } else {
                j--;
            }
        }
        if (cur != null) {
            matches.add(cur);
        }
        if (!idx) {
            c.bulk(seq);
            return;
        }
        List<long[]> kept = new ArrayList<>();
        for (long[] m : matches) {
            if (m[1] - m[0] + 1 >= minLen) {
                kept.add(m);
            }
        }
        c.array(4);
        c.bulk("matches");
        c.array(kept.size());
        for (long[] m : kept) {
            c.array(withLen ? 3 : 2);
            c.array(2);
            c.integer(m[0]);
            c.integer(m[1]);
            c.array(2);
            c.integer(m[2]);
            c.integer(m[3]);
            if (withLen) {
                c.integer(m[1] - m[0] + 1);
            }
        }
        c.bulk("len");
        c.integer(total);
    }

    private static byte[] orEmpty(byte[] v) {
        return v == null ? new byte[0] : v;
    }
}
