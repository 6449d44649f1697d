package sa.rawabit.platform.inquiries;

import java.util.Locale;

/** Where an inquiry stands: open with its contact officer until answered, which is final. */
public enum InquiryState {

	OPEN("Open", "مفتوح"), ANSWERED("Answered", "تمت الإجابة");

	final String en;

	final String ar;

	InquiryState(String en, String ar) {
		this.en = en;
		this.ar = ar;
	}

	String column() {
		return name().toLowerCase(Locale.ROOT);
	}

	static InquiryState of(String column) {
		return valueOf(column.toUpperCase(Locale.ROOT));
	}
}
