package io.github.mfaeval.load;

import io.github.mfaeval.load.activity.ArmEventCopies;
import io.github.mfaeval.load.signin.SignInKind;
import io.github.mfaeval.result.Rejection;
import io.github.mfaeval.load.signin.SignInFiles;
import io.github.mfaeval.load.signin.SignInReader;
import io.github.mfaeval.model.MissingInput;
import io.github.mfaeval.model.SignIn;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the loader finds in a tenant folder, without running the rules: each file, how it was understood, how many
 * records it gave and refused, the time span and kinds of the sign-ins, and what is missing. It is what
 * {@code mfa-eval inspect} shows, so that a missing export is seen before a verdict is trusted.
 */
public record Inventory(String folder, String manifest, String manifestProblem, List<SignInFileEntry> signInFiles,
                        SignInTotals totals, List<DetailsFileEntry> authenticationDetailFiles, List<ConfigFileEntry> configurationFiles,
                        List<Rejection> configurationRejections, List<String> notRead, List<String> missing,
                        List<ActivityLogFileEntry> activityLogFiles, List<String> enforcementState) {

    /** One Azure Activity Log file: its shape and what became of its records (duplicates across every activity log file). */
    public record ActivityLogFileEntry(String name, String format, long read, long evaluated, long rejected, long duplicates,
                                       List<Rejection> rejections) {
    }

    private static List<ActivityLogFileEntry> activityLogs(TenantData data, int rejectionsShown) {
        List<io.github.mfaeval.model.ArmEvent> events = new ArrayList<>();
        List<Integer> fileOf = new ArrayList<>();
        List<long[]> counts = new ArrayList<>();
        List<String[]> names = new ArrayList<>();
        List<List<Rejection>> shownOf = new ArrayList<>();
        for (Path file : data.activityLogFiles) {
            long[] n = new long[3];
            int index = counts.size();
            List<Rejection> shown = new ArrayList<>();
            String format = io.github.mfaeval.load.activity.ActivityLogReader.read(file, new io.github.mfaeval.load.activity.ActivityLogReader.Sink() {
                @Override
                public void event(io.github.mfaeval.model.ArmEvent e) {
                    n[0]++;
                    events.add(e);
                    fileOf.add(index);
                }

                @Override
                public void rejected(Rejection r) {
                    n[0] += r.records();
                    n[1] += r.records();
                    if (shown.size() < rejectionsShown) shown.add(r);
                }
            });
            counts.add(n);
            names.add(new String[] {file.getFileName().toString(), format});
            shownOf.add(shown);
        }
        // duplicates across every activity log file, as evaluate counts them
        boolean[] copy = ArmEventCopies.of(events);
        for (int i = 0; i < copy.length; i++) if (copy[i]) counts.get(fileOf.get(i))[2]++;
        List<ActivityLogFileEntry> out = new ArrayList<>();
        for (int f = 0; f < counts.size(); f++) {
            long[] n = counts.get(f);
            out.add(new ActivityLogFileEntry(names.get(f)[0], names.get(f)[1], n[0], n[0] - n[1] - n[2], n[1], n[2], List.copyOf(shownOf.get(f))));
        }
        return out;
    }

    /** One sign-in file; {@code rejections} holds the first few, {@code rejected} counts them all. */
    public record SignInFileEntry(String name, String format, long read, long evaluated, long rejected, long duplicates,
                                  Instant from, Instant to, Map<SignInKind, Long> kinds, List<Rejection> rejections,
                                  List<Rejection> notices) {
    }

    public record SignInTotals(long read, long evaluated, long rejected, long duplicates, Instant from, Instant to,
                               Map<SignInKind, Long> kinds) {
    }

    public record DetailsFileEntry(String name, long rows) {
    }

    public record ConfigFileEntry(String name, long records) {
    }

    public static Inventory of(Path folder, int rejectionsShown) throws InputException {
        TenantData data = TenantLoader.read(folder);
        Set<String> seen = new HashSet<>();
        List<SignInFileEntry> files = new ArrayList<>();
        for (Path file : data.signInFiles()) files.add(read(file, data, seen, rejectionsShown));

        long read = 0, evaluated = 0, rejected = 0, duplicates = 0;
        Instant from = null, to = null;
        Map<SignInKind, Long> kinds = new EnumMap<>(SignInKind.class);
        for (SignInFileEntry f : files) {
            read += f.read();
            evaluated += f.evaluated();
            rejected += f.rejected();
            duplicates += f.duplicates();
            from = min(from, f.from());
            to = max(to, f.to());
            f.kinds().forEach((k, n) -> kinds.merge(k, n, Long::sum));
        }

        List<DetailsFileEntry> details = new ArrayList<>();
        for (Path p : data.authDetailFiles) {
            String name = p.getFileName().toString();
            details.add(new DetailsFileEntry(name, data.authDetails == null ? 0 : data.authDetails.rowsPerFile().getOrDefault(name, 0L)));
        }
        List<ConfigFileEntry> config = new ArrayList<>();
        data.filesRead.forEach((name, n) -> {
            if (details.stream().noneMatch(d -> d.name().equals(name))) config.add(new ConfigFileEntry(name, n));
        });

        List<String> missing = new ArrayList<>();
        for (MissingInput m : data.missing) missing.add(m.getFile() + ": without it, " + m.getNeededFor() + " cannot be checked");
        missing.addAll(signInGaps(files, kinds, data));

        String manifest = data.tenant == null ? null
                : data.tenant.getDisplayName() + " (" + data.tenant.getTenantId() + ")";
        return new Inventory(folder.toString(), manifest, data.manifestProblem == null ? null : data.manifestProblem.getMessage(),
                files, new SignInTotals(read, evaluated, rejected, duplicates, from, to, kinds), details, config,
                List.copyOf(data.rejected), notRead(folder, data), missing, activityLogs(data, rejectionsShown), enforcementState(data));
    }

    /**
     * What enforcementSettings.json and policyAssignments.json say (collect reads them from Azure Resource Manager):
     * the tenant's own setting per phase, the MFA assignments and the subscriptions, or why they are unknown.
     */
    private static List<String> enforcementState(TenantData data) {
        List<String> out = new ArrayList<>();
        for (io.github.mfaeval.model.EnforcementSettingsUnknown u : data.settingsUnknown) {
            out.add(u.getFile() + ": unknown (" + u.getStatus() + ": " + u.getReason() + ")");
        }
        if (!data.tenantSettings.isEmpty()) {
            List<String> phases = new ArrayList<>();
            for (io.github.mfaeval.model.TenantPhaseSetting t : data.tenantSettings) phases.add("phase " + t.getPhase() + ": " + t.getShown());
            String at = data.tenantSettings.get(0).getCollectedAt();
            out.add("enforcementSettings.json: " + String.join("; ", phases) + (at == null ? "" : " (collected " + at + ")"));
        } else if (data.settingsUnknown.stream().noneMatch(u -> u.getFile().equals("enforcementSettings.json"))) {
            out.add("enforcementSettings.json: not in the folder; the schedule comes from tenant.json and the edition's defaults");
        }
        if (!data.policyAssignments.isEmpty() || !data.subscriptions.isEmpty()) {
            out.add("policyAssignments.json: " + data.policyAssignments.size() + " MFA assignment(s), " + data.subscriptions.size() + " subscription(s)");
            for (io.github.mfaeval.model.MfaPolicyAssignment a : data.policyAssignments) out.add("  " + a.describe());
        } else if (data.settingsUnknown.stream().noneMatch(u -> u.getFile().equals("policyAssignments.json"))) {
            out.add("policyAssignments.json: " + (java.nio.file.Files.exists(data.folder.resolve("policyAssignments.json"))
                    ? "no MFA assignment, no subscription" : "not in the folder; no Azure Policy assignment is known"));
        }
        return out;
    }

    private static SignInFileEntry read(Path file, TenantData data, Set<String> seen, int shown) {
        long[] n = new long[4]; // read, evaluated, rejected, duplicates
        Instant[] span = new Instant[2];
        Map<SignInKind, Long> kinds = new EnumMap<>(SignInKind.class);
        List<Rejection> rejections = new ArrayList<>();
        List<Rejection> notices = new ArrayList<>();
        String format = SignInReader.read(file, data.authDetails, new SignInReader.Sink() {
            @Override
            public void signIn(SignIn s) {
                n[0]++;
                if (!seen.add(s.getId())) {
                    n[3]++;
                    return;
                }
                n[1]++;
                span[0] = min(span[0], s.getCreatedDateTime());
                span[1] = max(span[1], s.getCreatedDateTime());
                kinds.merge(SignInKind.ofCode(s.getKind()), 1L, Long::sum);
            }

            @Override
            public void rejected(Rejection r) {
                n[0] += r.records();
                n[2] += r.records();
                if (rejections.size() < shown) rejections.add(r);
            }

            @Override
            public void notice(Rejection notice) {
                notices.add(notice);
            }
        });
        return new SignInFileEntry(file.getFileName().toString(), format, n[0], n[1], n[2], n[3], span[0], span[1], kinds,
                rejections, notices);
    }

    /** What the sign-ins read cannot show. */
    private static List<String> signInGaps(List<SignInFileEntry> files, Map<SignInKind, Long> kinds, TenantData data) {
        List<String> gaps = new ArrayList<>();
        if (files.isEmpty()) return gaps;
        if (kinds.getOrDefault(SignInKind.INTERACTIVE, 0L) == 0 && kinds.getOrDefault(SignInKind.USER, 0L) == 0) {
            gaps.add("interactive sign-ins: none read, so Azure portal and admin center sign-ins cannot be judged");
        }
        if (kinds.getOrDefault(SignInKind.NON_INTERACTIVE, 0L) == 0) {
            gaps.add("non-interactive sign-ins: none read; Azure CLI and PowerShell mostly sign in non-interactively. Graph returns "
                    + "them only with $filter=signInEventTypes/any(t: t eq 'nonInteractiveUser'), the portal in a separate download");
        }
        for (SignInFileEntry f : files) {
            if (f.format().startsWith("Entra admin center CSV") && f.evaluated() > 0
                    && (data.authDetails == null || data.authDetails.isEmpty())
                    && !f.format().contains("application") && !f.format().contains("managed identity")) {
                gaps.add(f.name() + ": no authentication-details download beside it, so only its \"Multifactor authentication result\" "
                        + "column shows how MFA was done; download \"authentication details only\" for the same range too");
            }
        }
        if (data.authDetails != null && data.authDetails.unmatched() > 0) {
            gaps.add("authentication details for " + data.authDetails.unmatched() + " of " + data.authDetails.requestIds()
                    + " request IDs match no sign-in read: is the sign-ins download of the same range missing?");
        }
        return gaps;
    }

    /** Files and folders the loader does not use. */
    private static List<String> notRead(Path folder, TenantData data) {
        Set<String> used = new TreeSet<>();
        used.add(TenantLoader.MANIFEST);
        for (Export e : Exports.ALL) used.addAll(e.names());
        for (Path p : data.signInFiles) used.add(p.getFileName().toString());
        for (Path p : data.authDetailFiles) used.add(p.getFileName().toString());
        for (Path p : data.activityLogFiles) used.add(p.getFileName().toString());
        List<String> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder)) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                if (used.contains(name) || SignInFiles.isSignInName(name)) continue;
                if (name.toLowerCase(Locale.ROOT).startsWith("providersettingsexport") && name.toLowerCase(Locale.ROOT).endsWith(".json")) continue;
                out.add(name + (Files.isDirectory(p) ? "/" : ""));
            }
        } catch (IOException e) {
            out.add("(the folder cannot be listed: " + e.getMessage() + ")");
        }
        out.sort(null);
        return out;
    }

    private static Instant min(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    /** True when nothing was refused and nothing is missing. */
    public boolean complete() {
        return manifestProblem == null && totals.rejected() == 0 && configurationRejections.isEmpty() && missing.isEmpty()
                && activityLogFiles.stream().allMatch(f -> f.rejected() == 0);
    }
}
