package sa.rawabit.policy;

/**
 * What a satisfaction instrument is, so the platform knows what it can do with it: a
 * {@code QUESTIONNAIRE} (استبانة) can be run online as a campaign of one-time links; the
 * others — a field survey (مسح ميداني), supervisory visits to the offices (زيارات
 * إشرافية), interviews (مقابلات) — are held in person and recorded with their findings.
 */
public enum InstrumentKind implements Keyed {

	QUESTIONNAIRE, FIELD_SURVEY, SUPERVISORY_VISIT, INTERVIEW, OTHER

}
