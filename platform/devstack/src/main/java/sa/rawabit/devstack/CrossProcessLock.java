package sa.rawabit.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An exclusive lock on a file, held across JVMs (a file lock) and across threads of this
 * JVM (a file lock cannot be taken twice by one JVM, so threads queue on a
 * {@link ReentrantLock} first).
 */
final class CrossProcessLock implements AutoCloseable {

	private static final Map<Path, ReentrantLock> IN_JVM = new ConcurrentHashMap<>();

	private final ReentrantLock threads;

	private final FileChannel channel;

	private CrossProcessLock(ReentrantLock threads, FileChannel channel) {
		this.threads = threads;
		this.channel = channel;
	}

	static CrossProcessLock acquire(Path file) {
		Path key = file.toAbsolutePath().normalize();
		ReentrantLock threads = IN_JVM.computeIfAbsent(key, k -> new ReentrantLock());
		threads.lock();
		try {
			Files.createDirectories(key.getParent());
			FileChannel channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
			channel.lock();
			return new CrossProcessLock(threads, channel);
		}
		catch (IOException | RuntimeException ex) {
			threads.unlock();
			if (ex instanceof IOException io) {
				throw new UncheckedIOException(io);
			}
			throw (RuntimeException) ex;
		}
	}

	@Override
	public void close() {
		try {
			channel.close(); // releases the file lock
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			threads.unlock();
		}
	}

}
