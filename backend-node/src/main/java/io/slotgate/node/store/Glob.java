package io.slotgate.node.store;

/** Redis's glob-style matching (KEYS, SCAN MATCH, PSUBSCRIBE): {@code * ? [abc] [^a] [a-z] \x}. */
public final class Glob {

    private Glob() {
    }

    public static boolean matches(byte[] pattern, byte[] s) {
        return match(pattern, 0, s, 0, false, 0);
    }

    public static boolean matchesIgnoreCase(byte[] pattern, byte[] s) {
        return match(pattern, 0, s, 0, true, 0);
    }

    private static boolean match(byte[] p, int pi, byte[] s, int si, boolean nocase, int depth) {
        if (depth > 1000) {
            return false; // Redis also caps recursion on pathological patterns
        }
        while (pi < p.length) {
            byte c = p[pi];
            switch (c) {
                case '*' -> {
                    while (pi + 1 < p.length && p[pi + 1] == '*') {
                        pi++;
                    }
                    if (pi + 1 == p.length) {
                        return true;
                    }
                    for (int k = si; k <= s.length; k++) {
                        if (match(p, pi + 1, s, k, nocase, depth + 1)) {
                            return true;
                        }
                    }
                    return false;
                }
                case '?' -> {
                    if (si >= s.length) {
                        return false;
                    }
                    si++;
                }
                case '[' -> {
                    if (si >= s.length) {
                        return false;
                    }
                    pi++;
                    boolean not = pi < p.length && p[pi] == '^';
                    if (not) {
                        pi++;
                    }
                    boolean found = false;
                    while (pi < p.length && p[pi] != ']') {
                        if (p[pi] == '\\' && pi + 1 < p.length) {
                            pi++;
                            if (eq(p[pi], s[si], nocase)) {
                                found = true;
                            }
                        } else if (pi + 2 < p.length && p[pi + 1] == '-') {
                            int a = p[pi] & 0xFF;
                            int b = p[pi + 2] & 0xFF;
                            int x = s[si] & 0xFF;
                            if (a > b) {
                                int t = a;
                                a = b;
                                b = t;
                            }
                            if (nocase) {
                                a = Character.toLowerCase(a);
                                b = Character.toLowerCase(b);
                                x = Character.toLowerCase(x);
                            }
                            if (x >= a && x <= b) {
                                found = true;
                            }
                            pi += 2;
                        } else if (eq(p[pi], s[si], nocase)) {
                            found = true;
                        }
                        pi++;
                    }
                    if (pi >= p.length) {
                        pi = p.length - 1; // unterminated class: Redis treats the end as its close
                    }
                    if (not) {
                        found = !found;
                    }
                    if (!found) {
                        return false;
                    }
                    si++;
                }
                case '\\' -> {
                    if (pi + 1 < p.length) {
                        pi++;
                    }
                    if (si >= s.length || !eq(p[pi], s[si], nocase)) {
                        return false;
                    }
                    si++;
                }
                default -> {
                    if (si >= s.length || !eq(c, s[si], nocase)) {
                        return false;
                    }
                    si++;
                }
            }
            pi++;
        }
        return si == s.length;
    }

    private static boolean eq(byte a, byte b, boolean nocase) {
        if (a == b) {
            return true;
        }
        return nocase && Character.toLowerCase(a & 0xFF) == Character.toLowerCase(b & 0xFF);
    }
}
