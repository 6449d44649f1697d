package sa.rawabit.platform.tools;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * A client of one server on loopback, as many clients behind the trusted proxy
 * ({@code X-Forwarded-For}): downloads hashed as they arrive (never held whole, so the
 * test's own heap stays out of the measure), plain requests, and downloads that stop
 * reading after the headers.
 */
final class Downloads {

	record Received(int status, HttpHeaders headers, String sha256) {
	}

	/**
	 * A download whose client read the headers and nothing more; closing it drops the
	 * connection.
	 */
	record Held(Socket socket, int status) implements AutoCloseable {

		@Override
		public void close() {
			try {
				socket.close();
			}
			catch (IOException ignored) {
				// closed already
			}
		}
	}

	private final int port;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(30))
		.build();

	Downloads(int port) {
		this.port = port;
	}

	Received download(String path, String client) throws Exception {
		HttpResponse<InputStream> response = http.send(request(path, client).build(),
				HttpResponse.BodyHandlers.ofInputStream());
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		try (InputStream body = response.body()) {
			byte[] chunk = new byte[64 * 1024];
			for (int read = body.read(chunk); read >= 0; read = body.read(chunk)) {
				digest.update(chunk, 0, read);
			}
		}
		return new Received(response.statusCode(), response.headers(), HexFormat.of().formatHex(digest.digest()));
	}

	HttpResponse<String> get(String path, String client, String accept) throws Exception {
		return http.send(request(path, client).header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> api(String path, String token) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Authorization", "Bearer " + token)
			.timeout(Duration.ofSeconds(30))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Asks for {@code /api/me} every 100 ms until the downloads end; the slowest answer's
	 * time in ms.
	 */
	long staffWhile(List<? extends Future<?>> downloads, String token) throws Exception {
		long slowest = 0;
		while (downloads.stream().anyMatch(download -> !download.isDone())) {
			long asked = System.nanoTime();
			int status = api("/api/me", token).statusCode();
			if (status != 200) {
				throw new AssertionError("/api/me answered " + status + " while downloading");
			}
			slowest = Math.max(slowest, (System.nanoTime() - asked) / 1_000_000);
			Thread.sleep(100);
		}
		return slowest;
	}

	/**
	 * Starts a download over a socket with a small receive window and reads only its
	 * status and headers.
	 */
	Held hold(String path, String client) {
		try {
			Socket socket = new Socket();
			socket.setReceiveBufferSize(16 * 1024);
			socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Forwarded-For: " + client + "\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = socket.getInputStream();
			StringBuilder head = new StringBuilder();
			while (!head.toString().endsWith("\r\n\r\n")) {
				int next = in.read();
				if (next < 0) {
					break;
				}
				head.append((char) next);
			}
			return new Held(socket, Integer.parseInt(head.substring(9, 12)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private HttpRequest.Builder request(String path, String client) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("X-Forwarded-For", client)
			.timeout(Duration.ofMinutes(3));
	}

	static <T> T join(Future<T> future) {
		try {
			return future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
	}

	static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

}
