package sa.rawabit.policy;

import java.util.Arrays;
import java.util.Optional;

/**
 * The ten channels seen across the seed policies, with the labels the seeds use for them.
 */
public enum BuiltInChannel implements Keyed {

	INTERVIEW("المقابلة", "Interview"), PHONE("الاتصالات الهاتفية", "Phone calls"),
	SOCIAL_MEDIA("وسائل التواصل الاجتماعي", "Social media"), LETTERS("الخطابات", "Letters"),
	ASSISTANCE_REQUEST_SERVICE("خدمات طلب المساعدة", "Assistance request service"),
	VOLUNTEERING_SERVICE("خدمة التطوع", "Volunteering service"),
	WEBSITE("الموقع الإلكتروني للجمعية", "Association website"),
	BRANCH_REPRESENTATIVES("مناديب المكاتب الفرعية", "Branch office representatives"), FAX("الفاكس", "Fax"),
	EMAIL("البريد الإلكتروني", "E-mail");

	private final Text names;

	BuiltInChannel(String ar, String en) {
		this.names = Text.of(ar, en);
	}

	public ChannelId id() {
		return new ChannelId(key());
	}

	public Text names() {
		return names;
	}

	public static Optional<BuiltInChannel> byId(String id) {
		return Arrays.stream(values()).filter(c -> c.key().equals(id)).findFirst();
	}

}
