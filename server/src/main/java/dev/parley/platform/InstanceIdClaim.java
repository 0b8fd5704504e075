package dev.parley.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An instance id generated once into the data directory and held by one live process at a
 * time: slot files {@code instances/1}, {@code instances/2}, ... each keep an id, and a
 * process owns the first slot it can lock (an OS file lock, released when the process
 * ends, {@code kill -9} included). A restarted process gets its slot back, so its id (and
 * the replies it left behind) whatever its port; a second live process on the same
 * directory gets the next slot, never the first one's id. Whoever claims a slot knows its
 * previous holder is gone.
 */
public final class InstanceIdClaim implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(InstanceIdClaim.class);

	/** More live processes than this on one data directory is a mistake, not a setup. */
	static final int MAX_SLOTS = 64;

	private static final Pattern ID = Pattern.compile("[0-9a-f-]{36}");

	/**
	 * The slots claimed in this JVM. OS file locks belong to the whole process: opening a
	 * held slot again here would not see it as held, and closing that second channel
	 * would release the holder's lock. So this one piece of state is per process, as the
	 * locks are.
	 */
	private static final Set<Path> CLAIMED_HERE = ConcurrentHashMap.newKeySet();

	private final String id;

	private final Path slot;

	private final FileChannel channel;

	private final FileLock lock;

	private InstanceIdClaim(String id, Path slot, FileChannel channel, FileLock lock) {
		this.id = id;
		this.slot = slot;
		this.channel = channel;
		this.lock = lock;
	}

	/**
	 * Claims the first free slot under {@code dataDir}, generating its id if it has none.
	 * @throws IllegalStateException when every slot is held or the file system cannot
	 * lock files
	 */
	public static synchronized InstanceIdClaim claim(Path dataDir) {
		Path directory = dataDir.resolve("instances");
		try {
			Files.createDirectories(directory);
			Path real = directory.toRealPath();
			for (int number = 1; number <= MAX_SLOTS; number++) {
				Path slot = real.resolve(Integer.toString(number));
				if (CLAIMED_HERE.contains(slot)) {
					continue;
				}
				InstanceIdClaim claim = tryClaim(slot);
				if (claim != null) {
					CLAIMED_HERE.add(slot);
					return claim;
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot keep an instance id in " + directory.toAbsolutePath() + " ("
					+ ex.getMessage() + "); set PARLEY_INSTANCE_ID instead", ex);
		}
		throw new IllegalStateException(MAX_SLOTS + " live processes already use the data directory "
				+ dataDir.toAbsolutePath() + "; give each instance its own PARLEY_DATA_DIR or PARLEY_INSTANCE_ID");
	}

	private static InstanceIdClaim tryClaim(Path slot) throws IOException {
		FileChannel channel = FileChannel.open(slot, StandardOpenOption.CREATE, StandardOpenOption.READ,
				StandardOpenOption.WRITE);
		FileLock lock = null;
		try {
			lock = channel.tryLock();
			if (lock == null) {
				channel.close();
				return null;
			}
			String id = readOrWrite(channel, slot);
			return new InstanceIdClaim(id, slot, channel, lock);
		}
		catch (IOException | RuntimeException ex) {
			channel.close();
			throw ex;
		}
	}

	/** The slot's id; a new one when the slot is new or was left half-written. */
	private static String readOrWrite(FileChannel channel, Path slot) throws IOException {
		ByteBuffer buffer = ByteBuffer.allocate(64);
		int read;
		do {
			read = channel.read(buffer, buffer.position());
		}
		while (read > 0 && buffer.hasRemaining());
		String stored = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).strip();
		if (ID.matcher(stored).matches()) {
			return stored;
		}
		String id = UUID.randomUUID().toString();
		channel.truncate(0);
		channel.write(ByteBuffer.wrap((id + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
		channel.force(true);
		log.info("Generated the instance id {} in {}", id, slot.toAbsolutePath());
		return id;
	}

	/** The claimed id. */
	public String id() {
		return this.id;
	}

	/** The slot file that holds the id. */
	public Path slot() {
		return this.slot;
	}

	/** Gives the slot up: another process may claim it (and adopt its leftovers). */
	@Override
	public synchronized void close() {
		if (!this.channel.isOpen()) {
			return;
		}
		try {
			this.lock.release();
			this.channel.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot release the instance id lock on " + this.slot, ex);
		}
		finally {
			CLAIMED_HERE.remove(this.slot);
		}
	}

}
