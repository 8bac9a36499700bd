package io.github.mfaeval.rules;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rows of a table file as an author sees them in a spreadsheet: CSV (UTF-8, with or without the byte order
 * mark Excel writes, CRLF or LF, quoted cells with commas or line breaks) or XLSX (every sheet, in order). Each
 * row keeps the number a spreadsheet shows for it, so that errors point where the author looks.
 */
public final class TableSheet {
    /**
     * One row: where it is ("row 7", or "sheet Apps, row 7" in a workbook of several sheets) and its cells, trimmed;
     * {@code written} how many cells the row has as written, trailing blank ones included (CSV: its commas + 1), or -1
     * where a format does not say (a workbook stores no cell for a blank one).
     */
    public record Line(String where, List<String> cells, int written) {
        public Line(String where, List<String> cells) {
            this(where, cells, -1);
        }

        public String cell(int i) {
            return i < cells.size() ? cells.get(i) : "";
        }

        public boolean blank() {
            return cells.stream().allMatch(String::isEmpty);
        }
    }

    /** A file that cannot be read as a table at all. */
    public static final class Unreadable extends Exception {
        public Unreadable(String message) {
            super(message);
        }
    }

    private TableSheet() {
    }

    public static boolean isWorkbook(String file) {
        String lower = file.toLowerCase(Locale.ROOT);
        return lower.endsWith(".xlsx") || lower.endsWith(".xls");
    }

    public static List<Line> read(String file, byte[] content) throws Unreadable {
        return isWorkbook(file) ? workbook(content) : csv(content);
    }

    /** The text of a CSV file: UTF-8, a leading byte order mark dropped; anything else is refused with the fix. */
    public static String csvText(byte[] content) throws Unreadable {
        int start = content.length >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB && (content[2] & 0xff) == 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, start, content.length - start)).toString();
        } catch (CharacterCodingException e) {
            throw new Unreadable("not UTF-8 text: save it from the spreadsheet as \"CSV UTF-8\"");
        }
    }

    private static List<Line> csv(byte[] content) throws Unreadable {
        String text = csvText(content);
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<Line> lines = new ArrayList<>();
        int row = 0;
        try (MappingIterator<List<String>> it = mapper.readerForListOf(String.class).readValues(text)) {
            while (it.hasNextValue()) {
                List<String> cells = it.nextValue();
                row++;
                lines.add(new Line("row " + row, trimmed(cells), cells.size()));
            }
        } catch (IOException | RuntimeException e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            throw new Unreadable("row " + (row + 1) + ": " + quoteProblem(m, row + 1));
        }
        return lines;
    }

    /** The CSV parser's complaint in an author's words: nearly always a quote missing or not doubled. */
    static String quoteProblem(String parser, int row) {
        if (parser.contains("Expected column separator")) {
            return "a quote is out of place: a value in quotes must end with a quote followed by a comma (or the end of the row),"
                    + " and a quote inside a value is written twice (\"\"); look for a missing comma after a quoted value, or a"
                    + " missing or extra quote";
        }
        if (parser.contains("EOF") || parser.contains("closing quote")) {
            return "a quote opened here is never closed, so the rest of the file reads as one value: add the missing quote"
                    + " (a quote inside a value is written twice, \"\")";
        }
        return "not readable as CSV (" + parser + ")";
    }

    private static List<Line> workbook(byte[] content) throws Unreadable {
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            FormulaEvaluator evaluator = book.getCreationHelper().createFormulaEvaluator();
            List<Line> lines = new ArrayList<>();
            for (int s = 0; s < book.getNumberOfSheets(); s++) {
                Sheet sheet = book.getSheetAt(s);
                String prefix = book.getNumberOfSheets() > 1 ? "sheet " + sheet.getSheetName() + ", " : "";
                for (Row r : sheet) {
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < Math.max(r.getLastCellNum(), 0); c++) {
                        cells.add(text(r.getCell(c), formatter, evaluator));
                    }
                    lines.add(new Line(prefix + "row " + (r.getRowNum() + 1), trimmed(cells)));
                }
            }
            return lines;
        } catch (IOException | RuntimeException e) {
            throw new Unreadable("not readable as a workbook (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }

    /** What the cell shows; a date (a spreadsheet turns 2024-07-01 into one) as yyyy-mm-dd, a boolean as true/false. */
    private static String text(Cell cell, DataFormatter formatter, FormulaEvaluator evaluator) {
        if (cell == null) return "";
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().atOffset(ZoneOffset.UTC).toLocalDate().toString();
        }
        if (type == CellType.BOOLEAN) return String.valueOf(cell.getBooleanCellValue());
        return formatter.formatCellValue(cell, evaluator);
    }

    private static List<String> trimmed(List<String> cells) {
        List<String> out = new ArrayList<>(cells.size());
        for (String c : cells) out.add(c == null ? "" : c.strip());
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) out.remove(out.size() - 1);
        return out;
    }

    /** The letter a spreadsheet shows above a column (0 is A, 26 is AA). */
    public static String columnLetter(int index) {
        StringBuilder s = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) s.insert(0, (char) ('A' + (i - 1) % 26));
        return s.toString();
    }

    /** The same rows as an XLSX workbook of one sheet (every cell text), e.g. to hand a CSV table to a spreadsheet user. */
    public static byte[] toWorkbook(List<List<String>> rows, String sheetName) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(sheetName);
            for (int i = 0; i < rows.size(); i++) {
                Row r = sheet.createRow(i);
                List<String> cells = rows.get(i);
                for (int c = 0; c < cells.size(); c++) r.createCell(c).setCellValue(cells.get(c));
                // A blank row is kept (a row without cells is not written), so every row keeps its number.
                if (cells.isEmpty()) r.createCell(0).setCellValue("");
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    /** The same rows as CSV text (UTF-8, every cell quoted, LF line ends). */
    public static String toCsv(List<List<String>> rows) throws IOException {
        CsvMapper mapper = new CsvMapper();
        StringWriter out = new StringWriter();
        try (com.fasterxml.jackson.databind.SequenceWriter w = mapper.writerFor(List.class)
                .with(mapper.schema().withQuoteChar('"').withoutHeader())
                .with(com.fasterxml.jackson.dataformat.csv.CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS)
                .writeValues(out)) {
            // A blank row stays a (blank) line, so every row keeps its number.
            for (List<String> r : rows) w.write(r.isEmpty() ? List.of("") : r);
        }
        return out.toString();
    }
}
