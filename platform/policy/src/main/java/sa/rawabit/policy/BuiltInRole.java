package sa.rawabit.policy;

import java.util.Arrays;
import java.util.Optional;

/**
 * The seven roles the product knows without being told, with the names the seeds use for
 * them. A policy may declare more ({@link PolicyRole}); these need no declaration.
 */
public enum BuiltInRole implements Keyed {

	RELATIONS_OFFICER("موظف علاقات المستفيدين", "Beneficiary relations officer"),
	SOCIAL_RESEARCHER("مسؤول البحث الاجتماعي", "Social researcher"),
	RESEARCH_COMMITTEE("لجنة البحث", "Research committee"), FOLLOW_UP_COMMITTEE("لجنة المتابعة", "Follow-up committee"),
	TOP_MANAGEMENT("الإدارة العليا", "Top management"), CONTACT_OFFICER("ضابط الاتصال", "Contact officer"),
	TENANT_ADMIN("مدير الجمعية على المنصة", "Association administrator");

	private final Text names;

	BuiltInRole(String ar, String en) {
		this.names = Text.of(ar, en);
	}

	public RoleKey role() {
		return new RoleKey(key());
	}

	public Text names() {
		return names;
	}

	public static Optional<BuiltInRole> byKey(String key) {
		return Arrays.stream(values()).filter(r -> r.key().equals(key)).findFirst();
	}

}
