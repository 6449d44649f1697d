package sa.rawabit.platform.dashboard;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.complaints.ComplaintBoard;
import sa.rawabit.platform.deadlines.DeadlineBoard;
import sa.rawabit.platform.inquiries.InquiryBoard;
import sa.rawabit.platform.requests.RequestBoard;

/**
 * An association with a long history and a little open work, written with
 * {@code generate_series} as the superuser: {@code complaints} complaints of which one in
 * {@code openEvery} is open (received or escalated, the rest settled or resolved), and a
 * quarter as many requests (open ones awaiting the research or follow-up committee),
 * inquiries (open ones held by the contact officers) and, half as many, clocks (open ones
 * running, warned or breached, the rest met), with the same share open. For the plan
 * tests and {@code DashboardBenchmark}; rows are dated in the past so new ones sort
 * first.
 */
public final class DashboardHistory {

	/**
	 * Arguments per dashboard statement, in PREPARE/EXECUTE form; a new dashboard
	 * statement must be added here.
	 */
	public static final Map<String, String> ARGUMENTS = Map.of("complaints.open", "(10)", "complaints.open-count", "",
			"requests.awaiting", "('{follow-up-committee,research-committee}', 10)", "requests.awaiting-count",
			"('{follow-up-committee,research-committee}')", "inquiries.mine",
			"('{contact-officer}', '{officer-1}', 10)", "inquiries.mine-count", "('{contact-officer}', '{officer-1}')",
			"deadlines.board", "('{follow-up-committee}', now(), 20)");

	private DashboardHistory() {
	}

	/** Every statement the dashboard runs, by name, from the boards that run them. */
	public static Map<String, String> statements() {
		Map<String, String> all = new TreeMap<>();
		List.of(ComplaintBoard.STATEMENTS, RequestBoard.STATEMENTS, InquiryBoard.STATEMENTS, DeadlineBoard.STATEMENTS)
			.forEach(all::putAll);
		return all;
	}

	public static void seed(Statement sql, TenantId tenant, int complaints, int openEvery) throws SQLException {
		String t = "'" + tenant.value() + "'::uuid";
		sql.execute(
				"""
						insert into app.beneficiary (tenant_id, id, national_id, full_name, created_at)
						values (%1$s, %1$s, '1' || lpad((abs(hashtext(%1$s::text)) %% 1000000000)::text, 9, '0'), 'مستفيد', now())
						on conflict do nothing"""
					.formatted(t));
		sql.execute(
				"""
						insert into app.complaint (tenant_id, id, tracking_hash, channel, state, complainant_name, subject,
						    description, received_by, received_at, updated_at)
						select %1$s, gen_random_uuid(),
						       encode(sha256(convert_to(%1$s::text || '-' || g, 'UTF8')), 'hex'), 'website',
						       case when g %% %2$d = 0 then (array['received', 'escalated'])[1 + (g / %2$d) %% 2]
						            else (array['settled', 'resolved'])[1 + g %% 2] end,
						       'مشتكٍ', 'موضوع ' || g, 'نص', 'history',
						       timestamptz '2020-01-01' + g * interval '1 minute', timestamptz '2020-01-01' + g * interval '1 minute'
						from generate_series(0, %3$d) g"""
					.formatted(t, openEvery, complaints - 1));
		int quarter = Math.max(1, complaints / 4);
		sql.execute(
				"""
						insert into app.request (tenant_id, id, beneficiary_id, service_id, channel, policy_version,
						    policy_number, status, pending_role, checklist_size, received_at, received_by, completed_at,
						    closed_at, updated_at)
						select %1$s, gen_random_uuid(), %1$s, 'aid', 'in-person', %1$s, 1,
						       case when g %% %2$d = 0 then 'awaiting-decision' else 'closed' end,
						       case when g %% %2$d = 0 then (array['research-committee', 'follow-up-committee'])[1 + g %% 2] end,
						       0, timestamptz '2020-01-01' + g * interval '1 minute', 'history',
						       timestamptz '2020-01-01' + g * interval '1 minute',
						       case when g %% %2$d <> 0 then timestamptz '2020-01-02' + g * interval '1 minute' end,
						       timestamptz '2020-01-01' + g * interval '1 minute'
						from generate_series(0, %3$d) g"""
					.formatted(t, openEvery, quarter - 1));
		sql.execute(
				"""
						insert into app.inquiry (tenant_id, id, channel, state, question, contact_name, contact_channel,
						    assigned_role, received_by, answer, answered_by, answered_at, received_at, updated_at)
						select %1$s, gen_random_uuid(), 'phone', case when g %% %2$d = 0 then 'open' else 'answered' end,
						       'سؤال ' || g, 'سائل', 'phone', 'contact-officer', 'history',
						       case when g %% %2$d <> 0 then 'جواب' end, case when g %% %2$d <> 0 then 'history' end,
						       case when g %% %2$d <> 0 then timestamptz '2020-01-02' + g * interval '1 minute' end,
						       timestamptz '2020-01-01' + g * interval '1 minute', timestamptz '2020-01-01' + g * interval '1 minute'
						from generate_series(0, %3$d) g"""
					.formatted(t, openEvery, quarter - 1));
		sql.execute(
				"""
						insert into app.deadline (tenant_id, id, subject_type, subject_id, kind, starts_at, warn_at, due_at,
						    state, next_fire_at, updated_at, audience)
						select %1$s, gen_random_uuid(), 'complaint', gen_random_uuid(), 'answer',
						       timestamptz '2020-01-01' + g * interval '1 minute',
						       now() - interval '1 day' + g * interval '1 second', now() + g * interval '1 second',
						       case when g %% %2$d = 0 then (array['running', 'warned', 'breached'])[1 + (g / %2$d) %% 3] else 'met' end,
						       null, now(), '{follow-up-committee}'
						from generate_series(0, %3$d) g"""
					.formatted(t, openEvery, Math.max(1, complaints / 2) - 1));
	}

}
