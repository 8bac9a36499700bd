package io.github.mfaeval.cli;

import io.github.mfaeval.text.SafeText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import java.io.PrintWriter;

/** mfa-eval: readiness for mandatory MFA on Azure and the admin portals. */
@Command(name = "mfa-eval", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Tells whether a Microsoft Entra tenant is ready for mandatory MFA on Azure and the admin portals, "
                + "and which sign-ins, users and settings are not. The rules are read from a rules folder at run time.",
        subcommands = {EvaluateCommand.class, BatchCommand.class, CollectCommand.class, InspectCommand.class, GenerateCommand.class,
                RulesCommand.class, ScenariosCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:ready: no finding requires action",
                "1:action required (or input incomplete: some records rejected)",
                "2:input or rule error: the tenant or the rules could not be read or built",
                "3:batch and collect: some tenant could not be evaluated (its error.json says why) or collected; the others were"})
public final class Main {
    public static final int READY = 0;
    public static final int ACTION_REQUIRED = 1;
    public static final int ERROR = 2;
    /** batch: a tenant failed or timed out. Distinct from 1, so a scheduler can tell broken input from findings. */
    public static final int TENANTS_FAILED = 3;

    /**
     * An error or warning line on stderr. Messages quote file and folder names and input values: they go through
     * the one terminal sanitiser, so a name holding a newline or an escape sequence cannot forge or hide a line.
     */
    static void error(PrintWriter err, String message) {
        err.println("mfa-eval: " + SafeText.terminal(message));
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "On an unexpected error, print its stack trace too (for a bug report); when the rules do not build, "
                    + "print Drools' own messages (generated Java included) after the explained ones.")
    boolean verbose;

    public static int run(String... args) {
        return commandLine(args).execute(args);
    }

    /** The command line with mfa-eval's error handling (sentences, suggestions, no stack trace without --verbose). */
    static CommandLine commandLine(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.registerConverter(LocalDate.class, Main::date);
        cli.registerConverter(Integer.class, v -> (int) wholeNumber(v, Integer.MIN_VALUE, Integer.MAX_VALUE));
        cli.registerConverter(Integer.TYPE, v -> (int) wholeNumber(v, Integer.MIN_VALUE, Integer.MAX_VALUE));
        cli.registerConverter(Long.class, v -> wholeNumber(v, Long.MIN_VALUE, Long.MAX_VALUE));
        cli.registerConverter(Long.TYPE, v -> wholeNumber(v, Long.MIN_VALUE, Long.MAX_VALUE));
        cli.setExitCodeExceptionMapper(e -> ERROR);
        cli.setParameterExceptionHandler((e, a) -> {
            PrintWriter err = e.getCommandLine().getErr();
            if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
                Main.error(err, unmatched(u));
            } else {
                Main.error(err, e.getMessage());
            }
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ERROR;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            // A bug, or a failure no command turned into a sentence: say what, and keep the stack trace for --verbose.
            PrintWriter err = commandLine.getErr();
            err.println("mfa-eval: unexpected error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().split("\n")[0]));
            if (List.of(args).contains("--verbose")) e.printStackTrace(err);
            else err.println("Run again with --verbose for the details to put in a bug report.");
            err.flush();
            return ERROR;
        });
        return cli;
    }

    /**
     * A misspelt command or option, the suggestion first, in the same words everywhere: "Did you mean: mfa-eval
     * evaluate? ('evalute' is not a command)", "Did you mean: --as-of? (unknown option '--as-off')". Only the first
     * unmatched argument is named: picocli counts every argument after an unknown option as unmatched too.
     */
    static String unmatched(CommandLine.UnmatchedArgumentException u) {
        CommandLine cli = u.getCommandLine();
        String first = u.getUnmatched().get(0);
        boolean option = first.startsWith("-");
        boolean command = !option && !cli.getSubcommands().isEmpty() && cli.getCommandSpec().positionalParameters().isEmpty();
        List<String> near = new java.util.ArrayList<>();
        if (option || command) {
            for (String s : u.getSuggestions()) near.add(command ? cli.getCommandSpec().qualifiedName() + " " + s : s);
            if (near.isEmpty() && option) {
                // picocli suggests options sharing the first two letters; a swap ("--fromat") needs edit distance.
                String n = Suggestions.nearestOption(cli.getCommandSpec(), u.getUnmatched());
                if (n != null) near.add(n);
            }
        }
        String what = option ? "unknown option '" + first + "'"
                : command ? "'" + first + "' is not a command of " + cli.getCommandSpec().qualifiedName()
                : "unexpected argument '" + first + "'" + (u.getUnmatched().size() > 1 ? " (and " + (u.getUnmatched().size() - 1) + " more)" : "");
        if (near.isEmpty()) return Character.toUpperCase(what.charAt(0)) + what.substring(1);
        return "Did you mean: " + String.join(" or ", near) + "? (" + what + ")";
    }

    /** yyyy-mm-dd, with a sentence instead of Java's parse exception when it is not one. */
    static LocalDate date(String value) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            String why = value.trim().matches("\\d{4}-\\d{2}-\\d{2}") ? ": there is no such day" : "";
            throw new CommandLine.TypeConversionException("'" + value + "' is not a date" + why + "; write it as yyyy-mm-dd, for example 2025-11-28");
        }
    }

    /** A count or a number of days, seconds...: digits, said in words when it is not (picocli would say "not an int"). */
    static long wholeNumber(String value, long min, long max) {
        String v = value.trim().replace("_", "");
        try {
            long n = Long.parseLong(v);
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            if (!v.matches("[+-]?\\d+")) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a whole number; write digits only, for example 7");
            }
        }
        throw new CommandLine.TypeConversionException("'" + value + "' is too large a number (at most " + max + ")");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"mfa-eval " + (v == null ? "(development build)" : v)};
        }
    }
}
