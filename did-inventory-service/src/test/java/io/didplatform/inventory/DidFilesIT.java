package io.didplatform.inventory;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Imports of csv, xls, xlsx and broken files; exports of exactly what a filter selects. */
class DidFilesIT extends InventoryITBase {
    private static final AtomicLong BLOCK = new AtomicLong(1_888_000);

    String operatorName;
    String operator;
    String prefix;

    @BeforeEach
    void setUp() {
        operatorName = "Files " + UUID.randomUUID();
        operator = api.createOperator(operatorName);
        prefix = String.valueOf(BLOCK.incrementAndGet());
    }

    @SuppressWarnings("rawtypes")
    private ResponseEntity<Map> upload(String fileName, byte[] content, Map<String, String> fields) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        fields.forEach(form::add);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.exchange("/api/dids/import", HttpMethod.POST, new HttpEntity<>(form, headers), Map.class);
    }

    @SuppressWarnings("rawtypes")
    private Map finished(ResponseEntity<Map> started) {
        assertThat(started.getStatusCode()).isIn(HttpStatus.OK, HttpStatus.ACCEPTED);
        String location = started.getHeaders().getLocation().toString();
        await().atMost(Duration.ofSeconds(60)).until(() -> !"RUNNING".equals(api.get(location).getBody().get("state")));
        return api.get(location).getBody();
    }

    private long visible(String query) {
        Map<?, ?> page = (Map<?, ?>) api.get("/api/dids?" + query).getBody().get("page");
        return ((Number) page.get("totalElements")).longValue();
    }

    private long events() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    @Test
    void csvWithSemicolonsAndBomImportsGoodRowsReportsTheBadOneAndASecondRunCreatesNothing() {
        String csv = "\uFEFFDID;Operator;Status;Tag;Notes\n"
                + "+" + prefix + "0001;" + operatorName + ";reserved;nyc;\"first; quoted\"\n"
                + prefix + "0002;;;;\n"
                + "12ab;;;;\n"
                + prefix + "0003;" + operator + ";HOLD;;\n"
                + prefix + "0004;;ARCHIVE;;=HYPERLINK(\"x\")\n";
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);

        Map<?, ?> first = finished(upload("dids.csv", bytes, Map.of("operatorId", operator, "tag", "default-tag")));
        assertThat(first.get("state")).isEqualTo("COMPLETED");
        assertThat(first.get("total")).isEqualTo(5);
        assertThat(first.get("succeeded")).isEqualTo(3);
        assertThat(first.get("failed")).isEqualTo(2);
        List<?> errors = (List<?>) first.get("errors");
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0)).isEqualTo(Map.of("row", 4, "number", "12ab",
                "reason", "'12ab' is not a valid number: 5 to 15 digits expected (+, spaces, dashes, dots and brackets are ignored)"));
        assertThat(((Map<?, ?>) errors.get(1)).get("row")).isEqualTo(5);
        assertThat(((Map<?, ?>) errors.get(1)).get("reason").toString()).contains("HOLD");

        await().atMost(Duration.ofSeconds(10)).until(() -> visible("number=" + prefix) == 3);
        assertThat(api.get("/api/dids/" + prefix + "0001").getBody()).containsEntry("status", "RESERVED")
                .containsEntry("tag", "nyc").containsEntry("notes", "first; quoted");
        assertThat(api.get("/api/dids/" + prefix + "0002").getBody()).containsEntry("tag", "default-tag");

        long eventsBefore = events();
        Map<?, ?> second = finished(upload("dids.csv", bytes, Map.of("operatorId", operator)));
        assertThat(second.get("succeeded")).isEqualTo(0);
        assertThat(second.get("failed")).isEqualTo(5);
        assertThat(second.get("errors").toString()).contains("already present");
        assertThat(events()).isEqualTo(eventsBefore);
    }

    @Test
    void xlsAndXlsxImportNumericAndTextCells() throws IOException {
        Map<?, ?> xlsx = finished(upload("dids.xlsx", workbook(new XSSFWorkbook(), "0"), Map.of()));
        Map<?, ?> xls = finished(upload("dids.xls", workbook(new HSSFWorkbook(), "1"), Map.of()));
        assertThat(xlsx.get("succeeded")).isEqualTo(2);
        assertThat(xls.get("succeeded")).isEqualTo(2);
        await().atMost(Duration.ofSeconds(10)).until(() -> visible("number=" + prefix) == 4);
        assertThat(api.get("/api/dids/" + prefix + "0100").getBody()).containsEntry("afterHoldStatus", "ARCHIVE");
    }

    /** Row 1 header; a number typed as a number and one typed as text, operator by name. */
    private byte[] workbook(Workbook workbook, String block) throws IOException {
        try (workbook) {
            Sheet sheet = workbook.createSheet();
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("did");
            header.createCell(1).setCellValue("OPERATOR");
            header.createCell(2).setCellValue("afterHoldStatus");
            Row numeric = sheet.createRow(1);
            numeric.createCell(0).setCellValue(Double.parseDouble(prefix + "0" + block + "00"));
            numeric.createCell(1).setCellValue(operatorName);
            numeric.createCell(2).setCellValue("ARCHIVE");
            Row text = sheet.createRow(3);
            text.createCell(0).setCellValue(prefix + "0" + block + "01");
            text.createCell(1).setCellValue(operatorName);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void unreadableFilesAreRefusedAndNothingIsWritten() {
        long eventsBefore = events();
        var garbage = upload("dids.xlsx", "this is not a zip".getBytes(StandardCharsets.UTF_8), Map.of("operatorId", operator));
        assertThat(garbage.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(garbage.getBody()).containsEntry("code", "UNREADABLE_FILE");
        assertThat(upload("dids.xls", new byte[]{1, 2, 3}, Map.of()).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        byte[] latin1 = ("did\n" + prefix + "0001\n" + prefix + "0002;caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(upload("dids.csv", latin1, Map.of("operatorId", operator)).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        byte[] unclosed = ("did,notes\n" + prefix + "0001,ok\n" + prefix + "0002,\"never closed\n").getBytes(StandardCharsets.UTF_8);
        assertThat(upload("dids.csv", unclosed, Map.of("operatorId", operator)).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(upload("dids.csv", "number,tag\n1555000,x\n".getBytes(StandardCharsets.UTF_8), Map.of("operatorId", operator))
                .getBody().get("detail").toString()).contains("'did' column");
        assertThat(upload("dids.txt", "did\n15550001\n".getBytes(StandardCharsets.UTF_8), Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(events()).isEqualTo(eventsBefore);
    }

    @Test
    void exportsExactlyTheFilteredDidsWithFormulasNeutralisedAndNumbersAsText() throws IOException {
        finished(api.call(HttpMethod.POST, "/api/dids", Map.of("range", prefix + "0000-" + prefix + "0004",
                "operatorId", operator, "notes", "=SUM(A1:A9)", "tag", "@evil")));
        finished(api.call(HttpMethod.POST, "/api/dids", Map.of("range", prefix + "1000-" + prefix + "1001",
                "operatorId", operator)));
        await().atMost(Duration.ofSeconds(10)).until(() -> visible("number=" + prefix) == 7);

        ResponseEntity<String> csv = http.getForEntity("/api/dids/export?format=csv&number=" + prefix + "0", String.class);
        assertThat(csv.getHeaders().getContentDisposition().getFilename()).endsWith(".csv");
        List<String> lines = csv.getBody().lines().toList();
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).isEqualTo("\uFEFFdid,status,afterHoldStatus,operator,operatorName,tag,notes,clientId,"
                + "clientPackageId,destination,holdUntil");
        assertThat(lines.get(1)).isEqualTo(prefix + "0000,IN_STOCK,IN_STOCK," + operator + "," + operatorName
                + ",'@evil,'=SUM(A1:A9),,,,");

        // the export imports back unchanged: the apostrophes that kept the formulas text come off again
        finished(api.call(HttpMethod.DELETE, "/api/dids", Map.of("filter", Map.of("number", prefix + "0"))));
        await().atMost(Duration.ofSeconds(10)).until(() -> visible("number=" + prefix + "0") == 0);
        Map<String, Object> reimported = finished(upload("export.csv", csv.getBody().getBytes(StandardCharsets.UTF_8), Map.of()));
        assertThat(reimported).containsEntry("succeeded", 5).containsEntry("failed", 0);
        await().atMost(Duration.ofSeconds(10)).until(() -> visible("number=" + prefix + "0") == 5);
        assertThat(api.get("/api/dids/" + prefix + "0000").getBody())
                .containsEntry("notes", "=SUM(A1:A9)").containsEntry("tag", "@evil");

        // a file people edited, with the operator's name and no id, imports too
        Map<String, Object> byName = finished(upload("by-name.csv",
                ("did,operatorName\n" + prefix + "2000," + operatorName + "\n").getBytes(StandardCharsets.UTF_8), Map.of()));
        assertThat(byName).containsEntry("succeeded", 1);
        assertThat(api.get("/api/dids/" + prefix + "2000").getBody()).containsEntry("operatorId", operator);

        ResponseEntity<byte[]> xlsx = http.getForEntity("/api/dids/export?format=xlsx&number=" + prefix + "1", byte[].class);
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            assertThat(sheet.getRow(1).getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo(prefix + "1000");
        }
    }
}
