package io.didplatform.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BulkReportTest {

    @Test
    void setsEachStepBesideTheStorageFloorFromTheScriptsOutput() {
        List<String> benchmark = List.of(
                "Bulk benchmark: N=1000, inventory at http://127.0.0.1:8080, database did_inventory",
                "COPY    1000 rows        0.05s     20000 rows/s",
                "range   job {\"state\":\"COMPLETED\",\"total\":1000,\"succeeded\":1000,\"failed\":0}",
                "range   job done          1.00s      1000 DIDs/s    5.0% of COPY",
                "range   read model        2.00s       500 DIDs/s    2.5% of COPY",
                "range   routable          2.50s       400 DIDs/s    2.0% of COPY",
                "range   on Kafka          2.50s       400 DIDs/s    2.0% of COPY",
                "range   in audit          4.00s       250 DIDs/s    1.2% of COPY",
                "import  job done          1.00s      1000 DIDs/s    5.0% of COPY",
                "import  in audit          2.00s       500 DIDs/s    2.5% of COPY");
        List<String> floor = List.of(
                "Storage floor: 2000 DIDs; the rows kept for them, loaded with COPY into empty tables of the same shape",
                "  did_inventory.did_view                              123456 bytes    0.40s",
                "  did_audit.audit_event                               654321 bytes    1.10s",
                "  did_inventory                                      subtotal       0.40s      5000 DIDs/s   25.0% of COPY",
                "floor, one table after another     1.50s      1333 DIDs/s    6.7% of COPY",
                "floor, all tables at once          1.00s      2000 DIDs/s   10.0% of COPY");

        String report = BulkReport.report(BulkReport.parse(benchmark, floor), 1000);

        assertThat(report)
                .contains("| step | range | import |")
                .contains("| job finished | 1.0 s, 1,000/s (50 %) | 1.0 s, 1,000/s (50 %) |")
                .contains("| routable (the last number in the routing table) | 2.5 s, 400/s (20 %) | — |")
                .contains("| **in audit (end to end)** | 4.0 s, 250/s (13 %) | 2.0 s, 500/s (25 %) |")
                .contains("| did_audit.audit_event | 654,321 | 1.10 s |")
                .contains("| **all at once** | | **1.00 s: 2,000 DIDs/s** |")
                .contains("took 0.05 s (20,000 rows/s)")
                .contains("B1: in audit at range 13 %, import 25 % of the storage floor (target ≥ 70 %: MISSED).")
                .doesNotContain("subtotal");
    }
}
