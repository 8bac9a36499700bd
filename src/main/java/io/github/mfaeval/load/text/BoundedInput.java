package io.github.mfaeval.load.text;

import java.io.IOException;
import java.io.InputStream;

/** At most {@code left} bytes of a stream: one part of a file. */
public final class BoundedInput extends InputStream {
    private final InputStream in;
    private long left;

    public BoundedInput(InputStream in, long left) {
        this.in = in;
        this.left = left;
    }

    @Override
    public int read() throws IOException {
        if (left <= 0) return -1;
        int c = in.read();
        if (c >= 0) left--;
        return c;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (left <= 0) return -1;
        int n = in.read(b, off, (int) Math.min(len, left));
        if (n > 0) left -= n;
        return n;
    }
}
