package sa.rawabit.policy.reading;

import java.util.Locale;

/**
 * Problem codes with their Arabic and English messages. The code strings are public API
 * (clients switch on them), so never rename one; add a new code instead.
 */
enum Code {

	YAML_SYNTAX("صياغة YAML غير صحيحة: %s", "malformed YAML: %s"),
	EMPTY_DOCUMENT("الملف فارغ", "the document is empty"), WRONG_TYPE("القيمة يجب أن تكون %s", "the value must be %s"),
	REQUIRED("الحقل '%s' مطلوب", "'%s' is required"),
	UNKNOWN_KEY("الحقل '%s' غير معروف؛ الحقول المسموحة: %s", "unknown key '%s'; allowed keys: %s"),
	DUPLICATE_KEY("الحقل '%s' مكرر", "key '%s' appears more than once"),
	NOT_ALLOWED("القيمة '%s' غير مسموحة؛ القيم المسموحة: %s", "'%s' is not allowed; allowed values: %s"),
	OUT_OF_RANGE("القيمة %s خارج النطاق المسموح %s", "%s is outside the allowed range %s"),
	INVALID_ID("المعرّف '%s' يجب أن يكون بحروف لاتينية صغيرة وأرقام وشرطات",
			"id '%s' must be lower-case latin letters, digits and dashes"),
	DUPLICATE_ID("المعرّف '%s' مستخدم مسبقًا في %s", "id '%s' is already used by %s"),
	EMPTY_LIST("القائمة يجب ألا تكون فارغة", "the list must not be empty"),
	INVALID_DATE("التاريخ '%s' غير صحيح؛ الصيغة المطلوبة %s", "date '%s' is invalid; expected %s"),
	INVALID_HIJRI_DATE("التاريخ الهجري '%s' غير موجود في تقويم أم القرى",
			"Hijri date '%s' does not exist in the Umm al-Qura calendar"),
	HIJRI_DAY_NOT_EVERY_YEAR("اليوم 30 لا يوجد في كل شهر هجري؛ استخدم اليوم 1 من الشهر التالي مع offset-days: -1",
			"day 30 does not exist in every Hijri month; use day 1 of the next month with offset-days: -1"),
	ONE_OF("يجب تحديد واحد فقط من: %s", "exactly one of %s must be given"),
	UNKNOWN_ROLE("الدور '%s' غير معروف؛ الأدوار المعروفة: %s", "unknown role '%s'; known roles: %s"),
	UNKNOWN_EVENT("الحدث '%s' غير معروف؛ الأحداث المعروفة: %s", "unknown event '%s'; known events: %s"),
	UNKNOWN_CHANNEL("القناة '%s' ليست من القنوات المعرّفة؛ القنوات المخصصة تحتاج names بالعربية والإنجليزية",
			"channel '%s' is not built in; a custom channel needs names with ar and en"),
	CHANNEL_NOT_ENABLED("القناة '%s' غير مفعّلة في قسم channels", "channel '%s' is not enabled in channels"),
	UNKNOWN_DEADLINE("المهلة '%s' غير معرّفة في قسم deadlines", "deadline '%s' is not defined in deadlines"),
	MISSING_BOUND("يجب تحديد minimum أو maximum", "a deadline needs a minimum or a maximum"),
	MINIMUM_EXCEEDS_MAXIMUM("الحد الأدنى %s أكبر من الحد الأعلى %s", "minimum %s is greater than maximum %s"),
	WARN_NEEDS_MAXIMUM("التنبيه المسبق يحتاج حدًا أعلى", "warn-before needs a maximum"),
	WARN_NOT_BEFORE_MAXIMUM("التنبيه المسبق %s يجب أن يكون أقل من الحد الأعلى %s",
			"warn-before %s must be less than maximum %s"),
	DECISION_STAGE_COUNT("يجب أن يحتوي الإجراء على مرحلة قرار واحدة بالضبط، وُجد %s",
			"the procedure needs exactly one decision stage, found %s"),
	QUORUM_OUTSIDE_DECISION("النصاب يحدد في مرحلة القرار فقط", "quorum belongs to the decision stage only"),
	DECLARATION_TEXT_MISSING("مرحلة الإقرار تحتاج نص الإقرار (declaration)",
			"a declaration stage needs the declaration text"),
	NO_WORKING_DAYS("لا يمكن أن تكون كل أيام الأسبوع عطلة", "the weekend cannot cover the whole week"),
	/**
	 * No longer raised: a silent policy gets 14 days. Kept so the code never means
	 * anything else.
	 */
	ROLE_IS_BUILT_IN("الدور '%s' معرّف في المنصة؛ لا يُعرّف في roles، ويُستخدم مباشرة",
			"role '%s' is built in; use it without declaring it in roles"),
	QUORUM_EXCEEDS_SIZE("النصاب %s أكبر من عدد أعضاء اللجنة %s", "quorum %s is larger than the committee's size %s"),
	/**
	 * No longer raised: a silent policy gets 14 days. Kept so the code never means
	 * anything else.
	 */
	SURVEY_EXPIRY_MISSING("الاستبيان بعد الحالة يحتاج expires-after-days",
			"an enabled post-case survey needs expires-after-days");

	private final String ar;

	private final String en;

	Code(String ar, String en) {
		this.ar = ar;
		this.en = en;
	}

	String key() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	String ar(Object... args) {
		return ar.formatted(localized(args, true));
	}

	String en(Object... args) {
		return en.formatted(localized(args, false));
	}

	private static Object[] localized(Object[] args, boolean arabic) {
		var out = args.clone();
		for (int i = 0; i < out.length; i++) {
			if (out[i] instanceof Shape shape) {
				out[i] = arabic ? shape.ar : shape.en;
			}
		}
		return out;
	}

	/** What a node was expected to be, named in both languages for WRONG_TYPE. */
	enum Shape {

		MAPPING("مجموعة مفاتيح وقيم", "a mapping"), LIST("قائمة", "a list"),
		SCALAR("قيمة مفردة (نص أو رقم)", "a single value (text or number)"),
		TEXT("نصًا أو مجموعة {ar, en}", "text or a mapping {ar, en}"), INTEGER("عددًا صحيحًا", "a whole number"),
		BOOLEAN("true أو false", "true or false");

		final String ar;

		final String en;

		Shape(String ar, String en) {
			this.ar = ar;
			this.en = en;
		}

	}

}
