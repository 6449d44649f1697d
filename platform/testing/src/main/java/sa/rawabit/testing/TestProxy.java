package sa.rawabit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A real round-robin load balancer (Debian's nginx, installed by
 * {@code deploy/local/install-tools.sh} when missing) in front of replicas on loopback
 * ports: no sticky sessions, {@code X-Forwarded-For} appended as the compose nginx does,
 * streams unbuffered, and each answer naming the replica that served it in
 * {@value #UPSTREAM_HEADER}. It connects to the replicas from {@value #PROXY_ADDRESS}, so
 * a replica can trust that address as its proxy while the test's own direct connections
 * (from 127.0.0.1) stay untrusted.
 */
public final class TestProxy implements AutoCloseable {

	public static final String UPSTREAM_HEADER = "X-Rawabit-Upstream";

	public static final String PROXY_ADDRESS = "127.0.0.2";

	private final Process process;

	private final int port;

	private TestProxy(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	public static TestProxy roundRobin(List<Integer> replicaPorts) {
		Path nginx = Paths.get(System.getenv().getOrDefault("RAWABIT_NGINX", "/usr/sbin/nginx"));
		if (!Files.isExecutable(nginx)) {
			Tools.install("deploy/local/install-tools.sh");
		}
		try {
			int port = Tools.freePort();
			Path dir = Files.createTempDirectory("rawabit-test-nginx-");
			Path conf = dir.resolve("nginx.conf");
			Files.writeString(conf, config(dir, port, replicaPorts));
			Process process = new ProcessBuilder(nginx.toString(), "-c", conf.toString(), "-p", dir.toString())
				.redirectErrorStream(true)
				.redirectOutput(dir.resolve("nginx.out").toFile())
				.start();
			Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "rawabit-test-nginx-stop"));
			Tools.awaitPort(port, process, "nginx (see " + dir + ")");
			System.out.println("[rawabit] Test nginx on 127.0.0.1:" + port + " → " + replicaPorts);
			return new TestProxy(process, port);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String config(Path dir, int port, List<Integer> replicaPorts) {
		String servers = replicaPorts.stream()
			.map(p -> "    server 127.0.0.1:" + p + ";")
			.collect(Collectors.joining("\n"));
		return """
				daemon off;
				master_process off;
				worker_processes 1;
				pid %1$s/nginx.pid;
				error_log %1$s/error.log warn;
				events { worker_connections 1024; }
				http {
				  access_log off;
				  client_body_temp_path %1$s/body;
				  proxy_temp_path %1$s/proxy;
				  fastcgi_temp_path %1$s/fastcgi;
				  uwsgi_temp_path %1$s/uwsgi;
				  scgi_temp_path %1$s/scgi;
				  upstream platform {
				%2$s
				  }
				  server {
				    listen 127.0.0.1:%3$d;
				    location / {
				      proxy_pass http://platform;
				      proxy_bind %4$s;
				      proxy_http_version 1.1;
				      proxy_set_header Connection "";
				      proxy_set_header Host $http_host;
				      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
				      proxy_set_header X-Forwarded-Proto $scheme;
				      proxy_set_header X-Forwarded-Host $http_host;
				      proxy_buffering off;
				      proxy_read_timeout 1h;
				      add_header %5$s $upstream_addr always;
				    }
				  }
				}
				""".formatted(dir, servers, port, PROXY_ADDRESS, UPSTREAM_HEADER);
	}

	/** {@code http://127.0.0.1:<port>/}. */
	public URI base() {
		return URI.create("http://127.0.0.1:" + port + "/");
	}

	@Override
	public void close() {
		process.destroy();
	}

}
