package io.github.mfaeval.cli;

import io.github.mfaeval.text.SafeText;
import picocli.CommandLine;
import picocli.CommandLine.Command;

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

    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExitCodeExceptionMapper(e -> ERROR);
        cli.setParameterExceptionHandler((e, a) -> {
            Main.error(e.getCommandLine().getErr(), e.getMessage());
            e.getCommandLine().getErr().println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ERROR;
        });
        return cli.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"mfa-eval " + (v == null ? "(development build)" : v)};
        }
    }
}
