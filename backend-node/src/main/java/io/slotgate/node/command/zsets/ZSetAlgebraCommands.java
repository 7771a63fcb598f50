package io.slotgate.node.command.zsets;

import io.slotgate.node.command.Call;
import io.slotgate.node.command.CommandException;
import io.slotgate.node.command.CommandRegistry;
import io.slotgate.node.command.Errors;
import io.slotgate.node.command.KeySpec;
import io.slotgate.node.store.Bytes;
import io.slotgate.node.store.Numbers;
import io.slotgate.node.store.Partition;
import io.slotgate.node.store.SetValue;
import io.slotgate.node.store.WrongTypeException;
import io.slotgate.node.store.ZSetValue;
import io.slotgate.node.store.ZSetValue.Entry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.slotgate.node.command.CommandEntry.F_WRITE;

/** ZUNION, ZINTER, ZDIFF (and their STORE forms) with WEIGHTS / AGGREGATE, plus ZINTERCARD. */
final class ZSetAlgebraCommands {

    private ZSetAlgebraCommands() {
    }

    private enum Op { UNION, INTER, DIFF }

    private enum Agg { SUM, MIN, MAX }

    static void register(CommandRegistry r) {
        r.add("zunion", -3, 0, KeySpec.numkeys(1), c -> run(c, Op.UNION, false));
        r.add("zinter", -3, 0, KeySpec.numkeys(1), c -> run(c, Op.INTER, false));
        r.add("zdiff", -3, 0, KeySpec.numkeys(1), c -> run(c, Op.DIFF, false));
        int[] dest = {1};
        r.add("zunionstore", -4, F_WRITE, KeySpec.numkeys(2, dest), c -> run(c, Op.UNION, true));
        r.add("zinterstore", -4, F_WRITE, KeySpec.numkeys(2, dest), c -> run(c, Op.INTER, true));
        r.add("zdiffstore", -4, F_WRITE, KeySpec.numkeys(2, dest), c -> run(c, Op.DIFF, true));
        r.add("zintercard", -3, 0, KeySpec.numkeys(1), ZSetAlgebraCommands::zintercard);
    }

    /** A sorted set or a plain set (members score 1) as input; null when the key is missing. */
    static Map<Bytes, Double> input(Partition db, byte[] key) {
        Object v = db.lookupRead(key);
        if (v == null) {
            return null;
        }
        Map<Bytes, Double> m = new LinkedHashMap<>();
        if (v instanceof ZSetValue z) {
            for (Entry e : z.ascending()) {
                m.put(e.member(), e.score());
            }
        } else if (v instanceof SetValue s) {
            s.members().forEach(x -> m.put(x, 1.0));
        } else {
            throw WrongTypeException.INSTANCE;
        }
        return m;
    }

    private static void run(Call c, Op op, boolean store) {
        int numkeysArg = store ? 2 : 1;
        long numkeys = c.argLong(numkeysArg);
        if (numkeys < 1) {
            throw new CommandException("ERR at least 1 input key is needed for '" + c.entry().name()
                    + "' command");
        }
        if (numkeys > c.argc() - numkeysArg - 1) {
            throw new CommandException(Errors.SYNTAX);
        }
        int n = (int) numkeys;
        List<Map<Bytes, Double>> inputs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            inputs.add(input(c.db(), c.arg(numkeysArg + 1 + i)));
        }
        double[] weights = new double[n];
        java.util.Arrays.fill(weights, 1);
        Agg agg = Agg.SUM;
        boolean withScores = false;
        for (int i = numkeysArg + 1 + n; i < c.argc(); i++) {
            int left = c.argc() - i - 1;
            if (op != Op.DIFF && c.argIs(i, "weights") && left >= n) {
                for (int w = 0; w < n; w++) {
                    Double d = Numbers.parseDouble(c.arg(i + 1 + w));
                    if (d == null) {
                        throw new CommandException("ERR weight value is not a float");
                    }
                    weights[w] = d;
                }
                i += n;
            } else if (op != Op.DIFF && c.argIs(i, "aggregate") && left >= 1) {
                String a = c.argString(++i).toLowerCase(java.util.Locale.ROOT);
                agg = switch (a) {
                    case "sum" -> Agg.SUM;
                    case "min" -> Agg.MIN;
                    case "max" -> Agg.MAX;
                    default -> throw new CommandException(Errors.SYNTAX);
                };
            } else if (!store && c.argIs(i, "withscores")) {
                withScores = true;
            } else {
                throw new CommandException(Errors.SYNTAX);
            }
        }
        ZSetValue result = compute(op, inputs, weights, agg);
        if (store) {
            byte[] dst = c.arg(1);
            if (result.isEmpty()) {
                c.db().delete(dst);
            } else {
                c.db().set(dst, result);
            }
            c.integer(result.size());
            return;
        }
        ZRangeCommands.reply(c, result.toList(), withScores);
    }

    private static ZSetValue compute(Op op, List<Map<Bytes, Double>> inputs, double[] w, Agg agg) {
        ZSetValue out = new ZSetValue();
        switch (op) {
            case UNION -> {
                Map<Bytes, Double> acc = new LinkedHashMap<>();
                for (int i = 0; i < inputs.size(); i++) {
                    Map<Bytes, Double> in = inputs.get(i);
                    if (in == null) {
                        continue;
                    }
                    for (Map.Entry<Bytes, Double> e : in.entrySet()) {
                        double s = weighted(e.getValue(), w[i]);
                        acc.merge(e.getKey(), s, (a, b) -> aggregate(agg, a, b));
                    }
                }
                acc.forEach(out::put);
            }
            case INTER -> {
                for (Map<Bytes, Double> in : inputs) {
                    if (in == null) {
                        return out;
                    }
                }
                Map<Bytes, Double> first = inputs.get(0);
                for (Map.Entry<Bytes, Double> e : first.entrySet()) {
                    double s = weighted(e.getValue(), w[0]);
                    boolean everywhere = true;
                    for (int i = 1; i < inputs.size(); i++) {
                        Double other = inputs.get(i).get(e.getKey());
                        if (other == null) {
                            everywhere = false;
                            break;
                        }
                        s = aggregate(agg, s, weighted(other, w[i]));
                    }
                    if (everywhere) {
                        out.put(e.getKey(), s);
                    }
                }
            }
            default -> {
                Map<Bytes, Double> first = inputs.get(0);
                if (first == null) {
                    return out;
                }
                for (Map.Entry<Bytes, Double> e : first.entrySet()) {
                    boolean elsewhere = false;
                    for (int i = 1; i < inputs.size(); i++) {
                        if (inputs.get(i) != null && inputs.get(i).containsKey(e.getKey())) {
                            elsewhere = true;
                            break;
                        }
                    }
                    if (!elsewhere) {
                        out.put(e.getKey(), e.getValue());
                    }
                }
            }
        }
        return out;
    }

    private static double weighted(double score, double weight) {
        double v = score * weight;
        return Double.isNaN(v) ? 0 : v;
    }

    private static double aggregate(Agg agg, double a, double b) {
        return switch (agg) {
            case SUM -> {
                double s = a + b;
                yield Double.isNaN(s) ? 0 : s;
            }
            case MIN -> Math.min(a, b);
            case MAX -> Math.max(a, b);
        };
    }

    private static void zintercard(Call c) {
        long numkeys = c.argLong(1);
        if (numkeys < 1) {
            throw new CommandException("ERR at least 1 input key is needed for 'zintercard' command");
        }
        if (numkeys > c.argc() - 2) {
            throw new CommandException(Errors.SYNTAX);
        }
        long limit = 0;
        for (int i = 2 + (int) numkeys; i < c.argc(); i += 2) {
            if (c.argIs(i, "limit") && i + 1 < c.argc()) {
                limit = c.argLong(i + 1, "ERR LIMIT can't be negative");
                if (limit < 0) {
                    throw new CommandException("ERR LIMIT can't be negative");
                }
            } else {
                throw new CommandException(Errors.SYNTAX);
            }
        }
        List<Map<Bytes, Double>> inputs = new ArrayList<>();
        for (int i = 0; i < numkeys; i++) {
            inputs.add(input(c.db(), c.arg(2 + i)));
        }
        double[] w = new double[inputs.size()];
        java.util.Arrays.fill(w, 1);
        long n = compute(Op.INTER, inputs, w, Agg.SUM).size();
        c.integer(limit > 0 ? Math.min(n, limit) : n);
    }
}
