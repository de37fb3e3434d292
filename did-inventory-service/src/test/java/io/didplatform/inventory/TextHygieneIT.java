package io.didplatform.inventory;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Text PostgreSQL would refuse (a NUL) or that is not text at all never gets in: a request is refused naming the
 * field, an import reports the row and creates the others, and the read models keep up with what follows.
 */
class TextHygieneIT extends InventoryITBase {
    PlatformEvents events;
    ClientDids dids;
    String operator;

    @BeforeEach
    void setUp() {
        events = new PlatformEvents(json);
        dids = new ClientDids(api, events);
        operator = api.createOperator("Hygiene " + UUID.randomUUID());
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        events.close();
    }

    @Test
    void aNulInNotesIsRefusedNamingTheFieldAndTheNextDidIsSearchableAndRoutable() {
        String refusedNumber = ClientDids.newNumber();
        ResponseEntity<Map> refused = api.call(HttpMethod.POST, "/api/dids",
                Map.of("number", refusedNumber, "operatorId", operator, "notes", "a\u0000b"));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(refused.getBody()).containsEntry("code", "INVALID_TEXT").containsEntry("detail",
                "notes contains a control character (U+0000) at position 2; only tab and line breaks are allowed");

        String number = ClientDids.newNumber();
        ResponseEntity<Map> created = api.call(HttpMethod.POST, "/api/dids",
                Map.of("number", number, "operatorId", operator, "notes", "two\nlines\tand a tab"));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        await().atMost(Duration.ofSeconds(10)).until(() -> total("/api/dids?number=" + number) == 1);
        assertThat(dids.did(number)).containsEntry("notes", "two\nlines\tand a tab");
        dids.take(number, "client-h", "cp-h", "sip:h@pbx.example");
        assertThat(dids.routing(number)).containsEntry("routable", true).containsEntry("destination", "sip:h@pbx.example");
        assertThat(api.get("/api/dids/" + refusedNumber).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void controlCharactersInOtherFieldsListsAndTheOperatorAreRefusedToo() {
        assertRefused(api.call(HttpMethod.POST, "/api/dids", Map.of("number", ClientDids.newNumber(),
                "operatorId", operator, "tag", "ny\u001Fc")), "tag contains a control character (U+001F) at position 3");
        assertRefused(api.call(HttpMethod.POST, "/api/dids", Map.of("numbers", List.of(ClientDids.newNumber(), "1\u007F"),
                "operatorId", operator)), "numbers[1] contains a control character (U+007F) at position 2");
        assertRefused(api.call(HttpMethod.PATCH, "/api/dids", Map.of("filter", Map.of("tag", "\uD800"), "notes", "")),
                "filter.tag contains an unpaired surrogate (U+D800) at position 1: it is not valid Unicode text");
        assertRefused(api.call(HttpMethod.POST, "/api/operators", Map.of("name", "Carrier\r\nX")),
                "name contains a control character (U+000D) at position 8");
    }

    @Test
    void aQueryParameterWithAControlCharacterIsRefused() {
        ResponseEntity<Map> refused = http.exchange(URI.create("/api/dids?tag=ny%00c"), HttpMethod.GET, null, Map.class);
        assertRefused(refused, "tag contains a control character (U+0000) at position 3");
        assertRefused(http.exchange(URI.create("/api/dids/export?number=1%01"), HttpMethod.GET, null, Map.class),
                "number contains a control character (U+0001) at position 2");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCsvRowWithAControlCharacterIsReportedAndTheOtherRowsAreCreated() {
        String a = ClientDids.newNumber(), b = ClientDids.newNumber(), c = ClientDids.newNumber(), d = ClientDids.newNumber();
        String csv = "did,tag,notes\n"
                + a + ",nyc,fine\n"
                + b + ",nyc,\"bell\u0000here\"\n"
                + c + ",,\"a note\nover two lines\"\n"
                + d + "\u0007,,\n";
        Map<String, Object> report = finished(upload("dids.csv", csv.getBytes(StandardCharsets.UTF_8)));

        assertThat(report).containsEntry("state", "COMPLETED").containsEntry("succeeded", 2).containsEntry("failed", 2);
        List<Object> errors = (List<Object>) report.get("errors");
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0)).isEqualTo(Map.of("row", 3, "number", b,
                "reason", "notes contains a control character (U+0000) at position 5; only tab and line breaks are allowed"));
        // the number itself is not shown: it is not clean text
        Map<?, ?> badNumber = (Map<?, ?>) errors.get(1);
        assertThat(badNumber.get("row")).isEqualTo(6);
        assertThat(badNumber.get("number")).isNull();
        assertThat(badNumber.get("reason")).isEqualTo("did contains a control character (U+0007) at position 12");
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/dids/" + c).getStatusCode() == HttpStatus.OK);
        assertThat(dids.did(c)).containsEntry("notes", "a note\nover two lines");
        assertThat(dids.did(a)).containsEntry("tag", "nyc");
        assertThat(api.get("/api/dids/" + b).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anXlsxCellWithAControlCharacterIsReportedAndTheOtherRowsAreCreated() throws IOException {
        String good = ClientDids.newNumber(), bad = ClientDids.newNumber();
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet();
            row(sheet, 0, "did", "notes");
            row(sheet, 1, good, "clean");
            // how a workbook's XML carries a control character (Excel writes it so; POI reads it back as U+001B)
            row(sheet, 2, bad, "escape_x001B_[31m");
            workbook.write(out);
            xlsx = out.toByteArray();
        }
        Map<String, Object> report = finished(upload("dids.xlsx", xlsx));

        assertThat(report).containsEntry("succeeded", 1).containsEntry("failed", 1);
        assertThat((List<Object>) report.get("errors")).containsExactly(Map.of("row", 3, "number", bad,
                "reason", "notes contains a control character (U+001B) at position 7; only tab and line breaks are allowed"));
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/dids/" + good).getStatusCode() == HttpStatus.OK);
    }

    @Test
    void anUploadsFormFieldWithAControlCharacterIsRefused() {
        MultiValueMap<String, Object> form = form("dids.csv", ("did\n" + ClientDids.newNumber() + "\n").getBytes(StandardCharsets.UTF_8));
        form.add("tag", "x\u0000");
        assertRefused(http.exchange("/api/dids/import", HttpMethod.POST, new HttpEntity<>(form, multipart()), Map.class),
                "tag contains a control character (U+0000) at position 2");
    }

    private static void row(Sheet sheet, int index, String... cells) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < cells.length; i++) {
            row.createCell(i).setCellValue(cells[i]);
        }
    }

    private static void assertRefused(ResponseEntity<Map> response, String detail) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).containsEntry("code", "INVALID_TEXT").containsEntry("detail", detail);
    }

    private long total(String query) {
        return ((Number) ((Map<?, ?>) api.get(query).getBody().get("page")).get("totalElements")).longValue();
    }

    private ResponseEntity<Map> upload(String fileName, byte[] content) {
        MultiValueMap<String, Object> form = form(fileName, content);
        form.add("operatorId", operator);
        return http.exchange("/api/dids/import", HttpMethod.POST, new HttpEntity<>(form, multipart()), Map.class);
    }

    private static MultiValueMap<String, Object> form(String fileName, byte[] content) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        return form;
    }

    private static HttpHeaders multipart() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.set("X-Actor", "importer");
        return headers;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> finished(ResponseEntity<Map> started) {
        assertThat(started.getStatusCode()).isIn(HttpStatus.OK, HttpStatus.ACCEPTED);
        String location = started.getHeaders().getLocation().toString();
        await().atMost(Duration.ofSeconds(60)).until(() -> !"RUNNING".equals(api.get(location).getBody().get("state")));
        return api.get(location).getBody();
    }
}
