package io.didplatform.inventory.process.importing;

import io.didplatform.inventory.process.bulk.DidCreationJob;
import io.didplatform.inventory.process.job.JobProgress;
import io.didplatform.inventory.config.BulkSettings;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Imports DIDs from an uploaded file in two passes: {@link #check} reads it all while the request waits, so an
 * unreadable file is refused (400) before anything is written; {@link #run}, in the job, reads it again and
 * creates the DIDs in batches, each bad row reported with its row number.
 */
@Component
public class DidImport {
    private final DidCreationJob creation;
    private final long maxRows;

    DidImport(DidCreationJob creation, BulkSettings settings) {
        this.creation = creation;
        this.maxRows = settings.maxNumbers();
    }

    /** A file that was read through once without error, and its number of data rows. */
    public record CheckedFile(Path file, DidImportFormat format, long rows) {
    }

    /** @throws UnreadableFileException when the file cannot be read, has no 'did' header or too many rows */
    public CheckedFile check(Path file, String fileName, ImportDefaults defaults) {
        DidImportFormat format = DidImportFormat.of(fileName);
        long[] rows = new long[1];
        format.read(file, new TableSink() {
            @Override
            public void header(List<String> cells) {
                ImportColumns.of(cells, defaults);
            }

            @Override
            public void row(long rowNumber, List<String> cells) {
                if (++rows[0] > maxRows) {
                    throw new UnreadableFileException("The file holds more than " + maxRows + " rows");
                }
            }
        });
        if (rows[0] == 0) {
            throw new UnreadableFileException("The file has no data rows under its header");
        }
        return new CheckedFile(file, format, rows[0]);
    }

    /** Creates the file's DIDs, then deletes the file. */
    public void run(CheckedFile checked, ImportDefaults defaults, JobProgress progress, Map<String, ?> metaData) {
        try {
            DidCreationJob.Session session = creation.open(progress, metaData);
            checked.format().read(checked.file(), new TableSink() {
                private ImportColumns columns;

                @Override
                public void header(List<String> cells) {
                    columns = ImportColumns.of(cells, defaults);
                }

                @Override
                public void row(long rowNumber, List<String> cells) {
                    session.accept(columns.row(rowNumber, cells));
                }
            });
            session.finish();
        } finally {
            delete(checked.file());
        }
    }

    public static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
