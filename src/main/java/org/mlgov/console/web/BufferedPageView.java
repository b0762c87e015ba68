package org.mlgov.console.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.thymeleaf.spring6.view.ThymeleafView;

/**
 * The console's Thymeleaf view: a page is rendered whole into memory and then written to the response, so a rendering
 * error still gives the error page, never half a page (what Thymeleaf's
 * {@code produce-partial-output-while-processing: false} does), but without that setting's copies of the page.
 * <p>
 * Thymeleaf's own way renders into a string builder that starts at 1 KB and doubles as the page grows, then copies it
 * into a string to write: for the wizard's kept pages (up to 240 KB, written by {@link RenderedFragments.Markup}) the
 * page was copied three times before the response saw it. Here the page goes into a {@link PageBuffer}: small writes
 * (the template's own text, a few KB around a kept page) into a character array sized from a recent rendering of
 * the same template, and long strings and kept markup ({@link RenderedFragments.Markup}) by reference, since neither
 * changes.
 * <p>
 * A UTF-8 page (every page of the console) then goes to the response's output stream as bytes, with its length: kept
 * markup as the bytes its memo entry worked out once, only the rest encoded here. Through the response's writer,
 * Tomcat encoded every character of every page again; on this 2-core machine its encoder often ran uncompiled for
 * many seconds under load, and then took half the CPU of the audit trail (JFR: {@code
 * StringCoding.implEncodeAsciiArray}, interpreted). A page in another character set goes through the writer as before.
 */
public class BufferedPageView extends ThymeleafView {

	/** The most characters a size hint asks for at once (a larger page grows its buffer as it is written). */
	static final int MAX_HINT = 1 << 20;

	/**
	 * How many characters of text a recent rendering of this view wrote into its buffer (the resolver keeps one view
	 * per template name). Read and written without a lock: a stale value only sizes a buffer less well.
	 */
	private int textHint = 8192;

	/** Thymeleaf writes as it renders, into the buffer rather than the response. */
	@Override
	public boolean getProducePartialOutputWhileProcessing() {
		return true;
	}

	@Override
	public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
			throws Exception {
		int hint = this.textHint;
		PageBuffer page = new PageBuffer(hint);
		super.render(model, request, new BufferedResponse(response, page));
		int written = page.textLength();
		if (written > hint || written < hint / 2) {
			// written only when the page's size moved: a field every request writes bounces between the cores
			this.textHint = Math.min(written + written / 8, MAX_HINT);
		}
		if (StandardCharsets.UTF_8.name().equalsIgnoreCase(response.getCharacterEncoding())) {
			Chunks bytes = page.utf8();
			response.setContentLength(bytes.length());
			ServletOutputStream out = response.getOutputStream();
			bytes.writeTo(out);
			out.flush();
			return;
		}
		PrintWriter out = response.getWriter();
		page.writeTo(out);
		out.flush();
	}

	/**
	 * A page's bytes, in the order they go out: arrays taken as they are (a memo entry's kept bytes are shared, never
	 * changed), with their total length for the response's Content-Length.
	 */
	static final class Chunks {

		private final List<byte[]> chunks = new ArrayList<>();

		private int length;

		/** Takes {@code bytes} as the next part of the page (the array is kept, not copied). */
		void add(byte[] bytes) {
			this.chunks.add(bytes);
			this.length += bytes.length;
		}

		int length() {
			return this.length;
		}

		void writeTo(OutputStream out) throws IOException {
			for (byte[] chunk : this.chunks) {
				out.write(chunk);
			}
		}

	}

	/** The response as the view sees it while rendering: its writer is the page's buffer. */
	static final class BufferedResponse extends HttpServletResponseWrapper {

		private final PageBuffer page;

		BufferedResponse(HttpServletResponse response, PageBuffer page) {
			super(response);
			this.page = page;
		}

		@Override
		public PrintWriter getWriter() {
			return this.page;
		}

		@Override
		public ServletOutputStream getOutputStream() {
			throw new IllegalStateException("A page being rendered is written through getWriter()");
		}

		/** Nothing reaches the response before the page is rendered whole. */
		@Override
		public void flushBuffer() {
		}

	}

	/**
	 * A page in memory: text written in small pieces goes into one character array, a string of {@link #BY_REFERENCE} or more
	 * characters is kept as it is. The print writer's own locking and error state are not used (one request's thread
	 * writes it); everything it writes ends up in {@link Sink}.
	 */
	static final class PageBuffer extends PrintWriter {

		/** The shortest string kept by reference rather than copied. */
		static final int BY_REFERENCE = 4096;

		private final Sink sink;

		PageBuffer(int textHint) {
			super(new Sink(textHint));
			this.sink = (Sink) this.out;
		}

		int textLength() {
			return this.sink.length();
		}

		/** Writes the page, in the order it was written here. */
		void writeTo(Writer writer) throws IOException {
			this.sink.writeTo(writer);
		}

		/** The page in UTF-8, in the order it was written here. */
		Chunks utf8() {
			return this.sink.utf8();
		}

		/** Takes kept markup as the next part of the page, to be written when the page is done. */
		void keep(RenderedFragments.Markup markup) {
			this.sink.keep(markup);
		}

		@Override
		public void write(int c) {
			this.sink.put((char) c);
		}

		@Override
		public void write(char[] chars, int offset, int length) {
			this.sink.write(chars, offset, length);
		}

		@Override
		public void write(char[] chars) {
			this.sink.write(chars, 0, chars.length);
		}

		@Override
		public void write(String string, int offset, int length) {
			this.sink.write(string, offset, length);
		}

		@Override
		public void write(String string) {
			this.sink.write(string, 0, string.length());
		}

		@Override
		public PrintWriter append(CharSequence chars) {
			CharSequence text = (chars != null) ? chars : "null";
			this.sink.put(text, 0, text.length());
			return this;
		}

		@Override
		public PrintWriter append(CharSequence chars, int start, int end) {
			this.sink.put((chars != null) ? chars : "null", start, end);
			return this;
		}

		@Override
		public PrintWriter append(char c) {
			this.sink.put(c);
			return this;
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}

		@Override
		public boolean checkError() {
			return false;
		}

	}

	/**
	 * Where a {@link PageBuffer}'s text goes: small writes are copied into one character array, long strings and kept
	 * markup are kept as they are, and {@link #pieces} holds them all in page order.
	 */
	static final class Sink extends Writer {

		private char[] text;

		private int length;

		/**
		 * Ranges of {@link #text}, kept strings and kept markup, in page order; the text after the last range joins it
		 * when the page is written.
		 */
		private final List<Piece> pieces = new ArrayList<>();

		/** Where the text not yet in {@link #pieces} starts. */
		private int textFrom;

		Sink(int textHint) {
			this.text = new char[textHint];
		}

		int length() {
			return this.length;
		}

		private void ensureRoom(int more) {
			if (this.length + more > this.text.length) {
				this.text = Arrays.copyOf(this.text, Math.max(this.text.length * 2, this.length + more));
			}
		}

		void put(char c) {
			ensureRoom(1);
			this.text[this.length++] = c;
		}

		void put(CharSequence chars, int start, int end) {
			if (chars instanceof String string) {
				write(string, start, end - start);
				return;
			}
			ensureRoom(end - start);
			for (int i = start; i < end; i++) {
				this.text[this.length++] = chars.charAt(i);
			}
		}

		@Override
		public void write(char[] chars, int offset, int length) {
			ensureRoom(length);
			System.arraycopy(chars, offset, this.text, this.length, length);
			this.length += length;
		}

		@Override
		public void write(String string, int offset, int length) {
			if (length < PageBuffer.BY_REFERENCE) {
				ensureRoom(length);
				string.getChars(offset, offset + length, this.text, this.length);
				this.length += length;
				return;
			}
			endText();
			this.pieces.add(new Piece(string, null, offset, offset + length));
		}

		void keep(RenderedFragments.Markup markup) {
			endText();
			this.pieces.add(new Piece(null, markup, 0, 0));
		}

		/** Ends the run of copied text: before a piece kept by reference, and when the page is written. */
		private void endText() {
			if (this.length > this.textFrom) {
				this.pieces.add(new Piece(null, null, this.textFrom, this.length));
				this.textFrom = this.length;
			}
		}

		void writeTo(Writer writer) throws IOException {
			endText();
			for (Piece piece : this.pieces) {
				if (piece.markup() != null) {
					piece.markup().write(writer);
				}
				else if (piece.string() != null) {
					writer.write(piece.string(), piece.from(), piece.to() - piece.from());
				}
				else {
					writer.write(this.text, piece.from(), piece.to() - piece.from());
				}
			}
		}

		Chunks utf8() {
			endText();
			Chunks bytes = new Chunks();
			for (Piece piece : this.pieces) {
				if (piece.markup() != null) {
					piece.markup().writeUtf8(bytes);
				}
				else if (piece.string() != null) {
					bytes.add(piece.string().substring(piece.from(), piece.to()).getBytes(StandardCharsets.UTF_8));
				}
				else {
					bytes.add(new String(this.text, piece.from(), piece.to() - piece.from())
						.getBytes(StandardCharsets.UTF_8));
				}
			}
			return bytes;
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}

	}

	/** Kept markup; or else a range of a kept string, or of the buffered text when {@code string} is null. */
	private record Piece(String string, RenderedFragments.Markup markup, int from, int to) {
	}

}
