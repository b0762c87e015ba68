package org.mlgov.console.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP/1.1 over a plain socket, for what a client library will not send: any {@code Host} header, forwarded
 * headers. One request per connection; the session cookie and the last CSRF token are kept.
 */
final class RawHttp {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final int port;

	private String session;

	private String csrf;

	RawHttp(int port) {
		this.port = port;
	}

	String csrf() {
		return this.csrf;
	}

	Response get(String path, Map<String, String> headers) throws IOException {
		return send("GET", path, headers, null);
	}

	Response post(String path, Map<String, String> headers, String form) throws IOException {
		return send("POST", path, headers, form);
	}

	Response send(String method, String path, Map<String, String> headers, String body) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(60_000);
			StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
			Map<String, String> all = new LinkedHashMap<>();
			all.put("Host", "127.0.0.1:" + this.port);
			all.put("Connection", "close");
			all.put("Accept", "text/html");
			all.putAll(headers);
			if (this.session != null) {
				all.put("Cookie", "JSESSIONID=" + this.session);
			}
			byte[] content = (body != null) ? body.getBytes(StandardCharsets.UTF_8) : new byte[0];
			if (body != null) {
				all.put("Content-Type", "application/x-www-form-urlencoded");
				all.put("Content-Length", String.valueOf(content.length));
			}
			all.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
			request.append("\r\n");
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.write(content);
			out.flush();
			Response response = Response.read(socket.getInputStream());
			for (String cookie : response.headers("set-cookie")) {
				if (cookie.startsWith("JSESSIONID=")) {
					this.session = cookie.substring(11, cookie.indexOf(';') > 0 ? cookie.indexOf(';') : cookie.length());
				}
			}
			Matcher token = CSRF.matcher(response.body());
			if (token.find()) {
				this.csrf = token.group(1);
			}
			return response;
		}
	}

	record Response(int status, List<String[]> headerLines, String body) {

		static Response read(InputStream in) throws IOException {
			ByteArrayOutputStream all = new ByteArrayOutputStream();
			in.transferTo(all);
			String text = all.toString(StandardCharsets.UTF_8);
			int end = text.indexOf("\r\n\r\n");
			String head = (end >= 0) ? text.substring(0, end) : text;
			String body = (end >= 0) ? text.substring(end + 4) : "";
			String[] lines = head.split("\r\n");
			int status = Integer.parseInt(lines[0].split(" ")[1]);
			List<String[]> headers = new ArrayList<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers.add(new String[] { lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim() });
			}
			return new Response(status, headers, body);
		}

		List<String> headers(String name) {
			return this.headerLines.stream()
				.filter((h) -> h[0].toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
				.map((h) -> h[1])
				.toList();
		}

		String header(String name) {
			List<String> values = headers(name);
			return values.isEmpty() ? null : values.get(0);
		}

	}

}
