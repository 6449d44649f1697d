package sa.rawabit.platform.oversight;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.testing.TestDatabase;

/**
 * Writes cases straight into the tables, as a superuser across associations, with known
 * timestamps, so every indicator can be computed by hand. Nothing here goes through the
 * procedures: what is measured is the oversight view, not the way the rows got there.
 */
public final class OversightSeed implements AutoCloseable {

	static final Instant RECEIVED = Instant.parse("2025-06-01T06:00:00Z");

	private final Connection db;

	private final TenantId tenant;

	private final UUID beneficiary = UUID.randomUUID();

	private final UUID policy = UUID.randomUUID();

	public OversightSeed(TenantId tenant) throws SQLException {
		this.db = TestDatabase.get().connectAsSuperuser();
		this.tenant = tenant;
		update("insert into app.beneficiary (tenant_id, id, national_id, full_name, created_at) values (?, ?, ?, ?, ?)",
				tenant.value(), beneficiary,
				"1" + String.format("%09d", Math.abs(beneficiary.hashCode()) % 1_000_000_000), "مستفيد", ts(RECEIVED));
	}

	OversightSeed registry(String region, String licenceAuthority) throws SQLException {
		update("update control.tenant set region = ?, licence_authority = ? where id = ?", region, licenceAuthority,
				tenant.value());
		return this;
	}

	OversightSeed names(String nameAr, String nameEn) throws SQLException {
		update("update control.tenant set name_ar = ?, name_en = ? where id = ?", nameAr, nameEn, tenant.value());
		return this;
	}

	OversightSeed policy(int number, Instant publishedAt, LocalDate approvedOn, String hijri) throws SQLException {
		update("""
				insert into control.policy_version (tenant_id, id, number, status, source, source_sha256, created_by,
				    created_at, published_by, published_at, approval_body, approval_meeting, approval_date,
				    approval_date_hijri)
				values (?, ?, ?, 'published', 'x', repeat('0', 64), 'seed', ?, 'seed', ?, 'مجلس الإدارة', '1', ?, ?)""",
				tenant.value(), policy, number, ts(publishedAt), ts(publishedAt), approvedOn, hijri);
		update("update control.tenant set policy_version_id = ?, policy_published_at = ? where id = ?", policy,
				ts(publishedAt), tenant.value());
		return this;
	}

	/**
	 * Working days from {@link #RECEIVED} (Sunday 2025-06-01, 09:00 in Riyadh) to the day
	 * {@code n} whole days later, counted by hand under Samtah's calendar:
	 * Friday/Saturday weekend and the Eid al-Adha holiday Thursday 06-05 to Sunday 06-08.
	 * Day 4 (06-05) to day 7 (06-08) add nothing; day 10 (06-11) is the 6th.
	 */
	private static final int[] WORKING_DAYS_AFTER = { 0, 1, 2, 3, 3, 3, 3, 3, 4, 5, 6 };

	/**
	 * A request received at {@link #RECEIVED}, decided after {@code decidedAfter} whole
	 * days (at most 10, with the working days the platform would store for it) unless
	 * null.
	 */
	public UUID request(@Nullable Duration decidedAfter) throws SQLException {
		if (decidedAfter == null) {
			return request(null, 0);
		}
		if (decidedAfter.toHours() % 24 != 0 || decidedAfter.toDays() >= WORKING_DAYS_AFTER.length) {
			throw new IllegalArgumentException("Give the working days of " + decidedAfter + " explicitly");
		}
		return request(decidedAfter, WORKING_DAYS_AFTER[(int) decidedAfter.toDays()]);
	}

	/**
	 * A request received at {@link #RECEIVED}, decided after {@code decidedAfter} and
	 * {@code workingDays}.
	 */
	public UUID request(@Nullable Duration decidedAfter, int workingDays) throws SQLException {
		UUID id = UUID.randomUUID();
		update("""
				insert into app.request (tenant_id, id, beneficiary_id, service_id, channel, policy_version,
				    policy_number, status, checklist_size, received_at, received_by, completed_at, updated_at)
				values (?, ?, ?, 'aid', 'in-person', ?, 1, ?, 0, ?, 'seed', ?, ?)""", tenant.value(), id, beneficiary,
				policy, decidedAfter == null ? "awaiting-decision" : "closed", ts(RECEIVED), ts(RECEIVED),
				ts(RECEIVED));
		if (decidedAfter != null) {
			update("""
					insert into app.request_decision (tenant_id, request_id, outcome, reasons, minutes, quorum, members,
					    approvals, rejections, decided_by, decided_at, working_days)
					values (?, ?, 'approved', 'r', 'm', 3, '{a,b,c}', 3, 0, 'seed', ?, ?)""", tenant.value(), id,
					ts(RECEIVED.plus(decidedAfter)), workingDays);
		}
		return id;
	}

	/**
	 * A deadline row as the request clocks store it: dates already computed by the
	 * working calendar.
	 */
	public void deadline(UUID request, String deadline, String unit, LocalDate startedOn, @Nullable LocalDate notBefore,
			@Nullable LocalDate dueBy, @Nullable LocalDate metOn) throws SQLException {
		update("""
				insert into app.request_deadline (tenant_id, request_id, deadline_id, starts_at, ends_at, unit,
				    started_on, not_before, due_by, met_on)
				values (?, ?, ?, 'request-complete', 'decision-made', ?, ?, ?, ?, ?)""", tenant.value(), request,
				deadline, unit, startedOn, notBefore, dueBy, metOn);
	}

	/**
	 * A complaint received at {@link #RECEIVED} whose last transition (to {@code state})
	 * came after {@code took}.
	 */
	public UUID complaint(String state, Duration took) throws SQLException {
		UUID id = UUID.randomUUID();
		String code = UUID.randomUUID().toString().replaceAll("[^a-f]", "").toUpperCase();
		update("""
				insert into app.complaint (tenant_id, id, tracking_hash, channel, state, complainant_name, subject,
				    description, received_by, received_at, updated_at)
				values (?, ?, encode(sha256(convert_to(?, 'UTF8')), 'hex'), 'website', ?, 'مشتكٍ', 'موضوع', 'نص الشكوى', 'public', ?, ?)""",
				tenant.value(), id, (code + "ABCDEFGHIJKLMNOPQRSTUVWXYZ").substring(0, 20), state, ts(RECEIVED),
				ts(RECEIVED.plus(took)));
		return id;
	}

	/**
	 * The audit trail of an escalation that happened before the complaint's final state.
	 */
	public void escalated(UUID complaint) throws SQLException {
		update("""
				insert into app.audit_event (tenant_id, occurred_at, actor, action, subject_type, subject_id,
				    from_state, to_state)
				values (?, ?, 'seed', 'complaint.escalated', 'complaint', ?, 'acknowledged', 'escalated')""",
				tenant.value(), ts(RECEIVED.plus(Duration.ofHours(1))), complaint);
	}

	/**
	 * A post-case survey invitation as the inviter leaves it: {@code delivery} is what
	 * the messaging port did with the link; answered (with a comment the oversight view
	 * must never show) when rating is set.
	 */
	public void survey(String delivery, @Nullable Integer rating) throws SQLException {
		update("""
				insert into app.survey_invitation (tenant_id, id, case_kind, case_id, token_hash, channel, delivery,
				    sent_at, expires_at, answered_at, rating, comment)
				values (?, ?, 'request', ?, ?, 'sms', ?, ?, ?, ?, ?, ?)""", tenant.value(), UUID.randomUUID(),
				UUID.randomUUID(), "hash-" + UUID.randomUUID(), delivery, ts(RECEIVED),
				ts(RECEIVED.plus(Duration.ofDays(14))), rating == null ? null : ts(RECEIVED.plus(Duration.ofDays(1))),
				rating == null ? null : rating.shortValue(), rating == null ? null : "تعليق شخصي من المستفيد");
	}

	/**
	 * A questionnaire campaign (V75) with {@code answered} invitations sent and answered
	 * with {@code rating}: rows of the same table that the oversight indicators must
	 * leave out.
	 */
	public void campaignAnswers(int answered, int rating) throws SQLException {
		UUID campaign = UUID.randomUUID();
		update("""
				insert into app.survey_campaign (tenant_id, id, instrument_id, title, question, closed_within_months,
				    all_registered, closes_on, expires_at, created_by, created_at, launched_at, invited_count,
				    unreachable_count)
				values (?, ?, 'questionnaire', 'استبانة', 'ما رأيك؟', null, true, ?, ?, 'seed', ?, ?, ?, 0)""",
				tenant.value(), campaign, RECEIVED.atOffset(ZoneOffset.UTC).toLocalDate().plusDays(14),
				ts(RECEIVED.plus(Duration.ofDays(15))), ts(RECEIVED), ts(RECEIVED), answered);
		for (int i = 0; i < answered; i++) {
			update("""
					insert into app.survey_invitation (tenant_id, id, campaign_id, beneficiary_id, token_hash, channel,
					    delivery, sent_at, expires_at, answered_at, rating)
					values (?, ?, ?, ?, ?, 'email', 'sent', ?, ?, ?, ?)""", tenant.value(), UUID.randomUUID(), campaign,
					UUID.randomUUID(), "hash-" + UUID.randomUUID(), ts(RECEIVED),
					ts(RECEIVED.plus(Duration.ofDays(14))), ts(RECEIVED.plus(Duration.ofDays(1))), (short) rating);
		}
	}

	/**
	 * A staff member's acknowledgement of the version in force (seeded by
	 * {@link #policy}).
	 */
	public void acknowledged(String subject) throws SQLException {
		acknowledged(subject, policy);
	}

	/** A staff member's acknowledgement of another (earlier) version. */
	public void acknowledged(String subject, UUID version) throws SQLException {
		update("""
				insert into app.policy_acknowledgement (tenant_id, policy_version, subject, username, policy_number,
				    statement, acknowledged_at)
				values (?, ?, ?, ?, 1, 'قرأت السياسة وألتزم بها', ?)""", tenant.value(), version, subject,
				"user-" + subject, ts(RECEIVED));
	}

	private void update(String sql, Object... parameters) throws SQLException {
		try (PreparedStatement statement = db.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			statement.executeUpdate();
		}
	}

	private static OffsetDateTime ts(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	@Override
	public void close() throws SQLException {
		try {
			// The oversight view reads a snapshot (V77): what was seeded shows once it is
			// recomputed.
			db.createStatement().execute("select oversight.refresh_indicators()");
		}
		finally {
			db.close();
		}
	}

}
