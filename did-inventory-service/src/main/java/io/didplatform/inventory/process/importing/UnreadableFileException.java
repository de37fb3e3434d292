package io.didplatform.inventory.process.importing;

/** The uploaded file cannot be read as the format it claims (corrupt, encrypted, wrong encoding, no header...). */
public class UnreadableFileException extends RuntimeException {
    public UnreadableFileException(String message) {
        super(message);
    }

    public UnreadableFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
