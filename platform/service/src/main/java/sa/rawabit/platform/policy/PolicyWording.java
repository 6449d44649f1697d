package sa.rawabit.platform.policy;

import java.time.DayOfWeek;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import sa.rawabit.policy.ChannelId;
import sa.rawabit.policy.Policy;
import sa.rawabit.policy.Text;

/**
 * The policy's own text in the page's language: Arabic is the language of record; English
 * where the policy gives it, Arabic otherwise (long board wording often has no English).
 * Templates reach it as {@code ${words.of(stage.names())}}.
 */
public record PolicyWording(boolean arabic) {

	public String of(@Nullable Text text) {
		if (text == null) {
			return "";
		}
		return arabic || text.en() == null || text.en().isBlank() ? text.ar() : text.en();
	}

	/**
	 * The language the text is actually shown in, for {@code lang} on elements whose
	 * English is missing.
	 */
	public String lang(@Nullable Text text) {
		return text == null || arabic || text.en() == null || text.en().isBlank() ? "ar" : "en";
	}

	/**
	 * {@code rtl} for Arabic text (also on an English page, where English is missing),
	 * else {@code ltr}.
	 */
	public String dir(@Nullable Text text) {
		return "ar".equals(lang(text)) ? "rtl" : "ltr";
	}

	/**
	 * A channel's name as the policy gives it; its id if the policy does not enable it.
	 */
	public String channel(Policy policy, ChannelId id) {
		return policy.channel(id).map(channel -> of(channel.names())).orElse(id.value());
	}

	/**
	 * Days of the week in calendar order as bundle key suffixes ({@code friday},
	 * {@code saturday}).
	 */
	public List<String> days(Collection<DayOfWeek> days) {
		return days.stream().sorted().map(day -> day.name().toLowerCase(Locale.ROOT)).toList();
	}
}
