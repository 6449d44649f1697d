package sa.rawabit.platform.notifications;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.Executor;

import org.jspecify.annotations.Nullable;
import sa.rawabit.foundation.security.Credential;
import sa.rawabit.foundation.security.StaffMember;

/**
 * One open connection's share of the fan-out: the roles it may see and the connection's
 * own event loop. {@link LiveStreams} calls {@link #offer} and {@link #end} only on that
 * event loop, one task per loop for all its streams, so a frame reaches the socket
 * without crossing to another thread once per connection. A client that falls too far
 * behind is cut off at once (it reconnects and replays), and nobody else waits for it.
 * How frames reach the client is the subclass's: straight onto the Netty channel
 * ({@link ChannelStream}, every served connection) or through a Reactor sink
 * ({@link SinkStream}, an exchange with no Netty channel behind it).
 */
abstract sealed class LiveStream permits ChannelStream, SinkStream {

	private final StaffMember member;

	private final Set<String> roles;

	private final @Nullable Credential credential;

	private final Executor eventLoop;

	/**
	 * An event was delivered since the last heartbeat tick (read and written on the
	 * stream's event loop only).
	 */
	private boolean deliveredSinceBeat;

	LiveStream(StaffMember member, @Nullable Credential credential, Executor eventLoop) {
		this.member = member;
		this.eventLoop = eventLoop;
		this.roles = member.roles();
		this.credential = credential;
	}

	boolean holds(String role) {
		return roles.contains(role);
	}

	/** Where every frame is offered to this stream (the connection's event loop). */
	Executor eventLoop() {
		return eventLoop;
	}

	StaffMember member() {
		return member;
	}

	/**
	 * When the token or page session the stream was opened with was issued; null when
	 * unknown.
	 */
	@Nullable Instant issuedAt() {
		return credential == null ? null : credential.issuedAt();
	}

	boolean expiredAt(Instant now) {
		return credential != null && !credential.endsAt().isAfter(now);
	}

	/** A live event for the client: the stream is not idle until the next tick. */
	final void deliver(Frame frame) {
		deliveredSinceBeat = true;
		offer(frame);
	}

	/**
	 * The heartbeat tick: {@code beat} only when nothing was delivered since the last
	 * tick. A busy stream's own events keep proxies from timing it out, so the thousands
	 * of streams of a busy association write no heartbeat; an idle stream still gets one
	 * each tick, and no stream goes two ticks without a byte.
	 */
	final void beat(Frame beat) {
		if (deliveredSinceBeat) {
			deliveredSinceBeat = false;
		}
		else {
			offer(beat);
		}
	}

	/**
	 * Sends {@code frame} to the client, or cuts the stream off when the client fell too
	 * far behind.
	 */
	abstract void offer(Frame frame);

	/** Sends {@code last} and ends the stream (e.g. the association was suspended). */
	abstract void end(Frame last);

}
