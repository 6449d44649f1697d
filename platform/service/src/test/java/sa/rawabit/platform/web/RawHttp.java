package sa.rawabit.platform.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection driven byte by byte, as a phone's browser would: no
 * client library that could hide a missing answer by retrying on a new connection. A read
 * timeout is the hang.
 */
final class RawHttp implements AutoCloseable {

	private final Socket socket;

	private final InputStream in;

	private final OutputStream out;

	RawHttp(int port, int timeoutMillis) throws IOException {
		this.socket = new Socket("127.0.0.1", port);
		this.socket.setSoTimeout(timeoutMillis);
		this.in = socket.getInputStream();
		this.out = socket.getOutputStream();
	}

	/** Sends one request and reads its whole answer; returns the status. */
	int exchange(String method, String path, String accept, String contentType, String body) throws IOException {
		byte[] content = body.getBytes(StandardCharsets.UTF_8);
		StringBuilder head = new StringBuilder().append(method)
			.append(' ')
			.append(path)
			.append(" HTTP/1.1\r\n")
			.append("Host: 127.0.0.1\r\nAccept: ")
			.append(accept)
			.append("\r\n");
		if (!method.equals("GET")) {
			head.append("Content-Type: ")
				.append(contentType)
				.append("\r\nContent-Length: ")
				.append(content.length)
				.append("\r\n");
		}
		out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
		out.write(content);
		out.flush();
		return readResponse();
	}

	private int readResponse() throws IOException {
		String status = line();
		int code = Integer.parseInt(status.split(" ")[1]);
		long length = -1;
		boolean chunked = false;
		boolean close = false;
		for (String header = line(); !header.isEmpty(); header = line()) {
			String lower = header.toLowerCase(Locale.ROOT);
			if (lower.startsWith("content-length:")) {
				length = Long.parseLong(lower.substring(15).strip());
			}
			else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
				chunked = true;
			}
			else if (lower.startsWith("connection:") && lower.contains("close")) {
				close = true;
			}
		}
		if (chunked) {
			for (long size = Long.parseLong(line().split(";")[0].strip(), 16); size > 0; size = Long
				.parseLong(line().split(";")[0].strip(), 16)) {
				in.readNBytes((int) size);
				line();
			}
			line();
		}
		else if (length > 0) {
			in.readNBytes((int) length);
		}
		if (close) {
			throw new IOException("The server closed the connection after " + code);
		}
		return code;
	}

	private String line() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		for (int b = in.read(); b != '\n'; b = in.read()) {
			if (b < 0) {
				throw new IOException("Connection closed by the server");
			}
			if (b != '\r') {
				bytes.write(b);
			}
		}
		return bytes.toString(StandardCharsets.ISO_8859_1);
	}

	@Override
	public void close() throws IOException {
		socket.close();
	}

}
