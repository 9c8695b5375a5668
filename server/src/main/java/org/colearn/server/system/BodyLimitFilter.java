package org.colearn.server.system;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** Refuses request bodies over the limit, whether they announce their length or stream it. */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class BodyLimitFilter implements ContainerRequestFilter {

    private final long maxBytes;

    public BodyLimitFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > maxBytes) {
                    throw tooLarge();
                }
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("bad_content_length", "The Content-Length header is not a number.");
            }
            request.setEntityStream(new LimitedStream(request.getEntityStream(), maxBytes));
        } else if (request.hasEntity()) {
            // A streamed (chunked) body is read here, up to the limit, so that one too large is refused with 413
            // before a reader sees it, rather than failing halfway through a JSON parser as a 400.
            request.setEntityStream(new ByteArrayInputStream(readUpToLimit(request.getEntityStream())));
        }
    }

    private byte[] readUpToLimit(InputStream in) {
        try {
            byte[] body = in.readNBytes((int) maxBytes + 1);
            if (body.length > maxBytes) {
                throw tooLarge();
            }
            return body;
        } catch (IOException e) {
            throw ApiException.badRequest("body_unreadable", "The request body ended before it was complete.");
        }
    }

    private ApiException tooLarge() {
        return new ApiException(
                413,
                "body_too_large",
                "The request body is larger than " + (maxBytes / 1024) + " KiB. Send less at once (split a CSV file, for example).",
                List.of());
    }

    private final class LimitedStream extends FilterInputStream {
        private long remaining;

        LimitedStream(InputStream in, long limit) {
            super(in);
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && --remaining < 0) {
                throw tooLarge();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                remaining -= n;
                if (remaining < 0) {
                    throw tooLarge();
                }
            }
            return n;
        }
    }
}
