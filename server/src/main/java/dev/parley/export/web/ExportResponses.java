package dev.parley.export.web;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import dev.parley.export.stream.ExportFileNames;
import dev.parley.export.stream.ExportProgress;
import dev.parley.export.stream.ExportRequest;
import dev.parley.export.stream.Exporter;
import dev.parley.export.stream.PreparedExport;

/**
 * A streamed export response: checked and given its cursor before the first byte (a bad
 * request is a problem), then written from the async executor's virtual thread as the
 * archive is read, through a 64 KiB buffer. Compressed with gzip when the client accepts
 * it ({@code Content-Encoding: gzip}) or asks for a {@code .gz} file ({@code gzip=true},
 * {@code application/gzip}).
 */
@Component
class ExportResponses {

	/** The header that carries the cursor of the next incremental export. */
	static final String CURSOR_HEADER = "Parley-Export-Cursor";

	private static final Logger log = LoggerFactory.getLogger(ExportResponses.class);

	private static final int BUFFER = 64 * 1024;

	private final Exporter exporter;

	ExportResponses(Exporter exporter) {
		this.exporter = exporter;
	}

	ResponseEntity<StreamingResponseBody> stream(ExportRequest request, boolean gzipFile,
			@Nullable String acceptEncoding) {
		PreparedExport export = this.exporter.prepare(request);
		boolean encoded = !gzipFile && acceptsGzip(acceptEncoding);
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.CONTENT_TYPE, gzipFile ? "application/gzip" : request.format().mediaType());
		headers.setContentDisposition(
				ContentDisposition.attachment().filename(ExportFileNames.of(export, gzipFile)).build());
		headers.set(CURSOR_HEADER, export.nextSince());
		headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
		headers.set(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
		headers.set("X-Accel-Buffering", "no");
		if (encoded) {
			headers.set(HttpHeaders.CONTENT_ENCODING, "gzip");
		}
		boolean compress = gzipFile || encoded;
		StreamingResponseBody body = (out) -> write(export, out, compress);
		return ResponseEntity.ok().headers(headers).body(body);
	}

	private void write(PreparedExport export, OutputStream response, boolean compress) throws IOException {
		try {
			OutputStream out = compress ? new GZIPOutputStream(response, BUFFER, false)
					: new BufferedOutputStream(response, BUFFER);
			this.exporter.write(export, out, "stream", ExportProgress.NONE);
			if (out instanceof GZIPOutputStream gzip) {
				gzip.finish();
			}
			out.flush();
		}
		catch (IOException ex) {
			log.debug("An export stream ended early: {}", ex.toString());
			throw ex;
		}
		catch (RuntimeException ex) {
			log.warn("An export failed while streaming; the response is cut short", ex);
			throw ex;
		}
	}

	/** Whether an {@code Accept-Encoding} value accepts gzip (with a non-zero q). */
	static boolean acceptsGzip(@Nullable String acceptEncoding) {
		if (acceptEncoding == null) {
			return false;
		}
		for (String part : acceptEncoding.split(",")) {
			String[] pieces = part.strip().split(";");
			String coding = pieces[0].strip().toLowerCase(Locale.ROOT);
			if (!coding.equals("gzip") && !coding.equals("x-gzip")) {
				continue;
			}
			for (int i = 1; i < pieces.length; i++) {
				String parameter = pieces[i].strip().toLowerCase(Locale.ROOT).replace(" ", "");
				if (parameter.matches("q=0(\\.0*)?")) {
					return false;
				}
			}
			return true;
		}
		return false;
	}

}
