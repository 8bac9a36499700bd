package io.github.mfaeval.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * On the driver, after reading: each file's share of each tenant's report, and what no tenant's report holds.
 * A tenant's share of a file is what {@code evaluate} reads of the file in the tenant's folder: its records of this
 * tenant (and, for a file whose path names the tenant, those that do not say whose they are), the rejected records
 * (a broken line names no tenant: every tenant reading the file sees it, as evaluate would), and the count of the
 * records of other tenants' logs left out. A file whose path names no tenant is read by every tenant with records
 * in it.
 *
 * <p>Not evaluated for any tenant, and reported in summary.json (the run fails closed, exit 3): records of a
 * tenant without a folder, records that say no tenant in a file whose path names none, records whose tenant
 * contradicts the {@code tenantId=} of their storage path, and rejected records of a file no tenant reads.
 */
final class FileShares {
    /** A tenant's share of one file: the file's rejections and part ends (in reading order), its records, those of others. */
    record Share(InputFile file, List<Outcome> read, long records, Map<String, Long> others) {
    }

    /** Records no tenant's report holds: of one file, one reason, one tenant id (null: none). */
    record NotEvaluated(InputFile input, String tenantId, long records, String reason, List<Outcome> rejected) {
        String file() {
            return input.label();
        }
    }

    final Map<String, List<Share>> byTenant = new LinkedHashMap<>();
    final List<NotEvaluated> notEvaluated = new ArrayList<>();

    FileShares(List<InputFile> files, List<Outcome> read, TenantRouting routing) {
        Map<Integer, List<Outcome>> ofFile = new HashMap<>();
        for (Outcome x : read) ofFile.computeIfAbsent(x.file, k -> new ArrayList<>()).add(x);
        for (InputFile f : files) {
            List<Outcome> mine = ofFile.getOrDefault(f.order(), List.of());
            List<Outcome> sorted = new ArrayList<>(mine);
            sorted.sort(Comparator.comparingLong((Outcome x) -> x.seq));
            long records = 0;
            Map<String, Long> byLog = new TreeMap<>();
            for (Outcome x : sorted) {
                if (x.kind == Outcome.Kind.PART_END) {
                    records += x.records;
                    if (x.byLog != null) x.byLog.forEach((log, n) -> byLog.merge(log, n, Long::sum));
                }
            }
            long signIns = byLog.values().stream().mapToLong(Long::longValue).sum();
            long rejected = records - signIns;
            if (f.tenant() != null) {
                long own = byLog.getOrDefault("", 0L) + byLog.getOrDefault(f.tenantId(), 0L);
                Map<String, Long> others = others(byLog, f.tenantId());
                share(f.tenant(), new Share(f, sorted, own + rejected, others));
                // A storage path that names one tenant, records that name another: trust neither for the other tenant.
                if (StorageFiles.tenantId(f.label()) != null) {
                    others.forEach((log, n) -> notEvaluated.add(new NotEvaluated(f, log, n,
                            "the record's tenantId contradicts tenantId=" + f.tenantId() + " in its path", List.of())));
                }
                continue;
            }
            List<String> viewers = new ArrayList<>(routing.viewers(byLog));
            for (String tenant : viewers) {
                String id = idOf(routing, tenant, byLog);
                share(tenant, new Share(f, sorted, byLog.getOrDefault(id, 0L) + rejected, others(byLog, id)));
            }
            byLog.forEach((log, n) -> {
                if (log.isEmpty()) {
                    notEvaluated.add(new NotEvaluated(f, null, n, "no tenantId, in the record or in its path", List.of()));
                } else if (routing.keyOf(log) == null) {
                    notEvaluated.add(new NotEvaluated(f, log, n, "no tenant folder under --config has this tenantId", List.of()));
                }
            });
            if (viewers.isEmpty() && rejected > 0) {
                notEvaluated.add(new NotEvaluated(f, null, rejected,
                        "rejected, in a file that holds no record of a tenant with a folder", sorted));
            }
        }
    }

    private void share(String tenant, Share s) {
        byTenant.computeIfAbsent(tenant, k -> new ArrayList<>()).add(s);
    }

    private static String idOf(TenantRouting routing, String tenant, Map<String, Long> byLog) {
        for (String log : byLog.keySet()) {
            if (tenant.equals(routing.keyOf(log))) return log;
        }
        throw new IllegalStateException("tenant " + tenant + " reads a file without records of it");
    }

    /** Records of the logs of tenants other than {@code own}, by tenant id. */
    private static Map<String, Long> others(Map<String, Long> byLog, String own) {
        Map<String, Long> others = new TreeMap<>();
        byLog.forEach((log, n) -> {
            if (!log.isEmpty() && !log.equals(own) && n > 0) others.put(log, n);
        });
        return others;
    }

    /** Records no tenant's report holds. */
    long notEvaluatedRecords() {
        return notEvaluated.stream().mapToLong(NotEvaluated::records).sum();
    }
}
