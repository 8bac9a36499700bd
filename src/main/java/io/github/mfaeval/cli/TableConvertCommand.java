package io.github.mfaeval.cli;

import io.github.mfaeval.rules.TableSheet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code rules convert}: a decision table (or a scenario table) from CSV to XLSX for an author who works in a
 * spreadsheet, and back to CSV for review in version control. The cells are carried as text, row for row (blank
 * rows included), so every row keeps the number that messages about it cite.
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Convert a table between CSV (UTF-8) and XLSX: x.drl.csv becomes x.drl.xlsx and back, row for row.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:converted", "2:the table cannot be read, or the output exists (see --force)"})
final class TableConvertCommand implements Callable<Integer> {
    private static final Pattern ROW = Pattern.compile("^(.*?)row (\\d+)$");

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TABLE", description = "A table file: *.csv or *.xlsx (e.g. rules/reference/applications.drl.csv).")
    Path table;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Where to write (default: beside TABLE, with .csv and .xlsx swapped).")
    Path output;

    @Option(names = "--force", description = "Overwrite the output file when it exists.")
    boolean force;

    @Override
    public Integer call() {
        String name = table.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        boolean toWorkbook = lower.endsWith(".csv");
        if (!toWorkbook && !lower.endsWith(".xlsx")) {
            Main.error(spec.commandLine().getErr(), table + ": not a table to convert: the name must end in .csv or .xlsx");
            return Main.ERROR;
        }
        Path out = output != null ? output
                : table.resolveSibling(name.substring(0, name.length() - (toWorkbook ? 4 : 5)) + (toWorkbook ? ".xlsx" : ".csv"));
        if (Files.exists(out) && !force) {
            Main.error(spec.commandLine().getErr(), out + ": exists; give --force to overwrite it, or -o for another file");
            return Main.ERROR;
        }
        List<List<String>> rows;
        try {
            rows = rows(TableSheet.read(name, Files.readAllBytes(table)));
        } catch (TableSheet.Unreadable e) {
            Main.error(spec.commandLine().getErr(), table + ": " + e.getMessage());
            return Main.ERROR;
        } catch (IOException e) {
            Main.error(spec.commandLine().getErr(), table + ": cannot be read: " + e.getMessage());
            return Main.ERROR;
        }
        try {
            if (toWorkbook) {
                String sheet = name.replaceFirst("(?i)(\\.drl)?\\.csv$", "");
                Files.write(out, TableSheet.toWorkbook(rows, sheet.isEmpty() ? "table" : sheet));
            } else {
                Files.writeString(out, TableSheet.toCsv(rows));
            }
        } catch (IOException e) {
            Main.error(spec.commandLine().getErr(), out + ": cannot be written: " + e.getMessage());
            return Main.ERROR;
        }
        PrintOut.line(spec, "wrote " + out + " (" + rows.size() + " rows)");
        if (out.getParent() != null && out.toAbsolutePath().getParent().equals(table.toAbsolutePath().getParent())
                && name.toLowerCase(Locale.ROOT).contains(".drl.")) {
            // both in one rules folder would define every row's rule twice
            PrintOut.line(spec, "now delete one of the two from the rules folder: " + table + " (if you will edit " + out.getFileName()
                    + ") or " + out + " (if you keep editing " + name + "); with both, the rules do not build");
        }
        return Main.READY;
    }

    /**
     * The cells of each row, with the rows a workbook leaves out (blank rows it never wrote) put back, so that row N
     * of the input is row N of the output; the sheets of a workbook follow each other.
     */
    static List<List<String>> rows(List<TableSheet.Line> lines) {
        List<List<String>> rows = new ArrayList<>();
        String sheet = null;
        int sheetStart = 0;
        for (TableSheet.Line line : lines) {
            Matcher m = ROW.matcher(line.where());
            if (m.matches()) {
                if (!m.group(1).equals(sheet)) {
                    sheet = m.group(1);
                    sheetStart = rows.size();
                }
                int wanted = sheetStart + Integer.parseInt(m.group(2)) - 1;
                while (rows.size() < wanted) rows.add(List.of());
            }
            rows.add(line.cells());
        }
        return rows;
    }

    /** Output lines through the command's writer (tests read it). */
    private static final class PrintOut {
        static void line(CommandSpec spec, String text) {
            spec.commandLine().getOut().println(text);
            spec.commandLine().getOut().flush();
        }
    }
}
