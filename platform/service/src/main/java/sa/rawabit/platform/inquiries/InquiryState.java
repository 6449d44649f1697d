package sa.rawabit.platform.inquiries;

import java.util.Locale;

import sa.rawabit.platform.cases.CaseState;

/**
 * Where an inquiry stands: open with its contact officer until answered, or converted
 * into the request or complaint it turned out to be; both are final.
 */
public enum InquiryState implements CaseState {

	OPEN("Open", "مفتوح"), ANSWERED("Answered", "تمت الإجابة"), CONVERTED("Converted", "محوّل");

	final String en;

	public final String ar;

	InquiryState(String en, String ar) {
		this.en = en;
		this.ar = ar;
	}

	@Override
	public String column() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static InquiryState of(String column) {
		return valueOf(column.toUpperCase(Locale.ROOT));
	}

}
