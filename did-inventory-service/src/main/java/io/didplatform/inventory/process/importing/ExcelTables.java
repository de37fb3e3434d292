package io.didplatform.inventory.process.importing;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import javax.xml.parsers.ParserConfigurationException;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Reads the first sheet of {@code .xlsx} (streamed with SAX: a million rows need no more heap than one row)
 * and {@code .xls} (at most 65,536 rows by the format, read whole). Numbers are read as plain digits, never in
 * scientific notation. POI's zip-bomb guards stay at their defaults.
 */
final class ExcelTables {
    private ExcelTables() {
    }

    static void readXlsx(Path file, TableSink sink) {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            StylesTable styles = reader.getStylesTable();
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new UnreadableFileException("The workbook has no sheet");
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new SheetRows(sink),
                        new PlainNumbers(), false));
                parser.parse(new InputSource(sheet));
            }
        } catch (UnreadableFileException e) {
            throw e;
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
            throw new UnreadableFileException("The .xlsx file cannot be read: " + message(e), e);
        }
    }

    static void readXls(Path file, TableSink sink) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true);
             HSSFWorkbook workbook = new HSSFWorkbook(fs.getRoot(), false)) {
            if (workbook.getNumberOfSheets() == 0) {
                throw new UnreadableFileException("The workbook has no sheet");
            }
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new PlainNumbers();
            boolean headerSeen = false;
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getLastCellNum(); i++) {
                    cells.add(text(row.getCell(i), formatter));
                }
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (!headerSeen) {
                    headerSeen = true;
                    sink.header(cells);
                } else {
                    sink.row(row.getRowNum() + 1L, cells);
                }
            }
        } catch (UnreadableFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new UnreadableFileException("The .xls file cannot be read: " + message(e), e);
        }
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC
                || cell.getCellType() == CellType.FORMULA && cell.getCachedFormulaResultType() == CellType.NUMERIC) {
            return PlainNumbers.plain(cell.getNumericCellValue());
        }
        return formatter.formatCellValue(cell);
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Whole numbers as plain digits (15550000000, not 1.555E+10); anything else as Excel shows it. */
    private static final class PlainNumbers extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            return value == Math.rint(value) && !Double.isInfinite(value) ? plain(value)
                    : super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
        }

        static String plain(double value) {
            return value == Math.rint(value) ? new BigDecimal(value).toPlainString() : BigDecimal.valueOf(value).toPlainString();
        }
    }

    /** Collects a streamed sheet's cells row by row, filling gaps left by empty cells. */
    private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final TableSink sink;
        private final List<String> cells = new ArrayList<>();
        private boolean headerSeen;

        SheetRows(TableSink sink) {
            this.sink = sink;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            if (cells.stream().allMatch(String::isBlank)) {
                return;
            }
            if (!headerSeen) {
                headerSeen = true;
                sink.header(List.copyOf(cells));
            } else {
                sink.row(rowNum + 1L, List.copyOf(cells));
            }
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(formattedValue == null ? "" : formattedValue);
        }
    }
}
