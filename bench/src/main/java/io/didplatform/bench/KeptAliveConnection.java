package io.didplatform.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * One HTTP/1.1 connection kept alive across GETs, as a switch keeps one: the request is written by hand and the
 * answer read just far enough to know its status and skip its body (Content-Length or chunked). A client library
 * would cost the measured machine more CPU than the lookup it measures. When the server ends the connection (Tomcat
 * does after 100 requests) or it breaks, the next request opens a new one, as a switch would.
 */
final class KeptAliveConnection implements AutoCloseable {
    private final String hostHeader;
    private final Supplier<String> extraHeaders;
    private final URI base;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    /** {@code headers}: lines {@code Name: value}, each ended by CRLF, sent with every request (asked each time). */
    KeptAliveConnection(URI base, Supplier<String> headers) throws IOException {
        this.hostHeader = base.getHost() + ":" + base.getPort();
        this.extraHeaders = headers;
        this.base = base;
        open();
    }

    private void open() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
        socket.setSoTimeout(30_000);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    }

    /** GETs {@code path} and answers the status; a broken or ended connection is replaced for the next request. */
    int get(String path) throws IOException {
        if (socket.isClosed()) {
            open();
        }
        try {
            return exchange(path);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** One GET on the open connection: its status, its body read and dropped. */
    private int exchange(String path) throws IOException {
        out.write(("GET " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\n" + extraHeaders.get() + "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        String statusLine = line();
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase();
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(line().trim(), 16); size > 0; size = Long.parseLong(line().trim(), 16)) {
                skip(size);
                line();
            }
            line();
        } else if (length > 0) {
            skip(length);
        }
        if (close) {
            socket.close();
        }
        return status;
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("the connection ended mid-answer");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private void skip(long bytes) throws IOException {
        for (long left = bytes; left > 0; ) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("the connection ended mid-body");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
