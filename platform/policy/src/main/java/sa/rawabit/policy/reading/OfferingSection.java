package sa.rawabit.policy.reading;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import sa.rawabit.policy.BuiltInChannel;
import sa.rawabit.policy.Channel;
import sa.rawabit.policy.ChannelId;
import sa.rawabit.policy.Service;
import sa.rawabit.policy.ServiceId;
import sa.rawabit.policy.Text;
import sa.rawabit.policy.Tool;
import sa.rawabit.policy.ToolId;
import sa.rawabit.policy.reading.Reading.Kind;

/**
 * What the association offers: its channels, the tools staff open, and the service
 * catalogue.
 */
final class OfferingSection {

	private OfferingSection() {
	}

	/**
	 * A built-in channel by id ({@code - phone}), or a mapping with id and names (custom
	 * or relabelled).
	 */
	static @Nullable Channel channel(At at) {
		@Nullable String id;
		@Nullable Text names = null;
		if (at.isMapping()) {
			var f = at.fields(Set.of("id", "names"));
			if (f == null) {
				return null;
			}
			id = f.req("id", Values::id);
			names = f.opt("names", Values::names);
			if (f.has("names") && names == null) {
				return null; // the names problem is already reported
			}
		}
		else {
			id = Values.id(at);
		}
		return id == null ? null : channel(at, id, names);
	}

	private static @Nullable Channel channel(At at, String id, @Nullable Text names) {
		var known = BuiltInChannel.byId(id);
		if (known.isEmpty() && names == null) {
			at.report(Code.UNKNOWN_CHANNEL, id);
			return null;
		}
		at.reading().declare(Kind.CHANNEL, id, at);
		var label = names != null ? names : known.orElseThrow().names();
		return new Channel(new ChannelId(id), label, known.isPresent());
	}

	/**
	 * A channel the policy enabled (complaint intake, telling beneficiaries); checked
	 * once all channels are read.
	 */
	static @Nullable ChannelId enabledChannel(At at) {
		var id = Values.id(at);
		if (id == null) {
			return null;
		}
		var code = BuiltInChannel.byId(id).isPresent() ? Code.CHANNEL_NOT_ENABLED : Code.UNKNOWN_CHANNEL;
		at.reading().refer(Kind.CHANNEL, id, at, code);
		return new ChannelId(id);
	}

	static @Nullable Tool tool(At at) {
		var f = at.fields(Set.of("id", "names"));
		if (f == null) {
			return null;
		}
		var id = f.req("id", Values::id);
		if (id != null) {
			at.reading().declare(Kind.TOOL, id, at);
		}
		return new Tool(id == null ? null : new ToolId(id), f.req("names", Values::names));
	}

	static @Nullable Service service(At at) {
		var f = at.fields(Set.of("id", "names", "checklist"));
		if (f == null) {
			return null;
		}
		var id = f.req("id", Values::id);
		if (id != null) {
			at.reading().declare(Kind.SERVICE, id, at);
		}
		return new Service(id == null ? null : new ServiceId(id), f.req("names", Values::names),
				f.list("checklist", false, Values::text));
	}

}
