package sa.rawabit.platform.complaints;

import java.util.Locale;

import sa.rawabit.platform.cases.CaseState;

/** Where a complaint stands; settled and resolved are final. */
public enum ComplaintState implements CaseState {

	RECEIVED("Received", "مستلمة"), ACKNOWLEDGED("Acknowledged", "تم الإشعار بالاستلام"),
	ESCALATED("Escalated to top management", "مصعّدة للإدارة العليا"), SETTLED("Settled amicably", "سُوّيت ودياً"),
	RESOLVED("Resolved", "تم حلها");

	final String en;

	final String ar;

	ComplaintState(String en, String ar) {
		this.en = en;
		this.ar = ar;
	}

	@Override
	public String column() {
		return name().toLowerCase(Locale.ROOT);
	}

	static ComplaintState of(String column) {
		return valueOf(column.toUpperCase(Locale.ROOT));
	}

	boolean isFinal() {
		return this == SETTLED || this == RESOLVED;
	}

}
